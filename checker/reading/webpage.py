"""Web pages: a plan saved from a government website (``.html``/``.htm``).

The page is read with lxml's HTML parser (libxml2: it reads the tag soup such sites serve,
unclosed ``<p>`` and ``<font>`` included, and lxml is installed with python-docx already).
What a reader of the page calls the document is kept, the site around it left out:

- the **charset** the page declares (``<meta charset>``, or ``http-equiv`` Content-Type) is
  found by the parser on the page's head; ``gb2312`` and ``gbk`` are read as GB18030, their
  superset (sites declaring gb2312 serve GBK characters); without a declaration the bytes
  are decoded as any text plan is (UTF-8, else what charset-normalizer finds);
- **scripts, styles, navigation, breadcrumbs, share and print buttons, headers, footers**
  and related-link lists are dropped: their elements (``nav``, ``header``, ``footer``,
  ``aside``…) and the elements whose class or id names them;
- the **article** is the element that holds most of the page's paragraph text (the way
  readability tools find it); the page's title heading is put before it when it stands
  outside, or, where the site sets the title in a paragraph of its own, the title the
  page's metadata states (``<meta name="ArticleTitle">``) when the article does not hold it;
- each paragraph, heading, list item or ``<br>``-separated line is a line; a **table** is
  read as Markdown rows (``| 序号 | 重点任务 | 牵头单位 |``), which the task-table reader
  (``tables``) takes as it takes a Markdown plan's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..base.errors import InputError, Reason

#: decodes a text file's bytes: (text, encoding, BOM) or an InputError (``source.decode``)
Decoder = Callable[[bytes, str], tuple[str, str, bool]]

NOT_A_PAGE = Reason("not a readable web page", "html")
NO_ARTICLE = Reason("web page without an article (no paragraphs of text found)", "html")

#: elements that are never the document
_DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "object",
    "svg",
    "canvas",
)
#: words in a class or id that name the site's furniture, not the document
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|sharing|bshare"
    r"|social|print|toolbar|tools|header|footer|foot|copyright|sidebar|related|relevant|links?"
    r"|top-?bar|banner|search|login|comment|pager|pagination|article-tools|article-meta|meta)"
    r"(?:$|[-_\s])",
    re.I,
)
#: block elements: each begins a line
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "section",
        "article",
        "center",
        "table",
        "tr",
    ]
)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn"}
_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)


def read_html(data: bytes, name: str, decode: Decoder) -> tuple[str, str]:
    """The document of a saved web page as plan text (one paragraph a line, tables as
    Markdown rows), and the encoding it was read in. ``decode`` decodes bytes that declare
    no charset as a text plan's are (``source.decode``)."""
    from lxml import html

    text, encoding = _decode(data, name, decode)
    try:
        root = html.document_fromstring(text)
    except Exception:  # lxml's ParserError, or an empty document
        raise InputError(name, NOT_A_PAGE) from None
    _drop_furniture(root)
    article = _article(root)
    if article is None:
        raise InputError(name, NO_ARTICLE)
    lines = _lines(article)
    title = _outside_title(root, article)
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    if not lines:
        raise InputError(name, NO_ARTICLE)
    return "\n".join(lines), encoding


def _decode(data: bytes, name: str, decode: Decoder) -> tuple[str, str]:
    """The page's text in the charset it declares (its head read by the parser), else as a
    text plan is decoded."""
    declared = _declared_charset(data)
    if declared is None or declared in ("utf-8", "utf8"):
        text, encoding, _ = decode(data, name)
        return text, encoding
    encoding = "gb18030" if declared in _GB else declared
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        text, encoding, _ = decode(data, name)  # a wrong declaration: the bytes decide
        return text, encoding


def _declared_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares, read from its head by the HTML parser
    (the head is ASCII in every charset a Chinese site uses)."""
    from lxml import html

    head = data[:4096].decode("ascii", errors="replace")
    try:
        root = html.document_fromstring(head)
    except Exception:
        return None
    for meta in root.iter("meta"):
        if meta.get("charset"):
            return meta.get("charset").strip().lower()
        if (meta.get("http-equiv") or "").lower() == "content-type":
            found = _CHARSET.search(meta.get("content") or "")
            if found:
                return found.group(1).lower()
    return None


def _drop_furniture(root) -> None:
    """Remove what is never the document: scripts and styles, and the site's navigation,
    breadcrumbs, share buttons, headers, footers and related links."""
    doomed = [element for element in root.iter(*_DROPPED_TAGS)]
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}".strip()
        if names and _FURNITURE.search(names) and not _holds_the_article(element):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _holds_the_article(element) -> bool:
    """A container named ``…-header`` or ``main-content`` may hold the whole page: it is
    furniture only when it holds little text."""
    return len(element.text_content().strip()) > 1000


def _article(root):
    """The element that holds most of the page's paragraph text (its paragraphs' parent)."""
    scores: dict = {}
    for paragraph in root.iter("p", "br", "td", "li"):
        parent = paragraph.getparent()
        if paragraph.tag == "td":  # a table's text counts for the element around the table
            table = next(paragraph.iterancestors("table"), None)
            parent = table.getparent() if table is not None else None
        if parent is None:
            continue
        text = paragraph.text_content() if paragraph.tag != "br" else (paragraph.tail or "")
        scores[parent] = scores.get(parent, 0) + len(text.strip())
    if not scores:
        body = root.find("body")
        return body if body is not None and body.text_content().strip() else None
    return max(scores, key=lambda element: scores[element])


def _outside_title(root, article) -> str | None:
    """The page's title heading when the article does not hold it (a site often sets the
    document's title above the text, in an ``h1``); where no heading stands outside, the
    title the page states in its metadata (``ArticleTitle``), where the page prints it
    outside the article."""
    for heading in root.iter("h1", "h2"):
        if article in heading.iterancestors() or heading is article:
            return None
        text = _clean(heading.text_content())
        if text:
            return text
    title = _unspaced(_meta_title(root) or "")
    body = root.find("body")
    if not title or body is None or title not in _unspaced(body.text_content()):
        return None  # a title the page does not print is no line of the document
    if title in _unspaced(article.text_content()):
        return None  # the article holds it (a title set over two lines too)
    return _meta_title(root)


def _unspaced(text: str) -> str:
    return "".join(_clean(text).split())


def _meta_title(root) -> str | None:
    """The document's title as a government site's page states it in its head: the page
    tags every article page of such a site carries (``<meta name="ArticleTitle">`` beside
    SiteName, ColumnName and PubDate, the page metadata the government-website guidelines
    of 国办发〔2017〕47号 set), where a site prints the title in a paragraph of its own
    above the article (江西省人民政府's ``p.sp_title``) rather than in a heading."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle":
            return _clean(meta.get("content") or "") or None
    return None


def _lines(element) -> list[str]:
    """An element's text a line per block (``<br>`` breaks a line), tables as rows."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _clean("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(node) -> None:
        if not isinstance(node.tag, str):  # a comment or processing instruction
            if node.tail:
                current.append(node.tail)
            return
        if node.tag == "table" and _is_layout(node):
            flush()  # the page's frame: its cells' text in document order, each once
            for cell in _cells(node):
                walk_block(cell)
        elif node.tag == "table":
            flush()
            lines.extend(_rows(node))
        elif node.tag == "br":
            flush()
        else:
            block = node.tag in _BLOCKS
            if block:
                flush()
            if node.text:
                current.append(node.text)
            for child in node:
                walk(child)
            if block:
                flush()
        if node.tail:
            current.append(node.tail)

    def walk_block(cell) -> None:
        """A layout cell: its own text a block of lines (its tail is the row's, not text)."""
        flush()
        if cell.text:
            current.append(cell.text)
        for child in cell:
            walk(child)
        flush()

    if element.text:
        current.append(element.text)
    for child in element:
        walk(child)
    flush()
    return lines


def _own_rows(table) -> list:
    """A table's own rows (in ``thead``/``tbody``/``tfoot`` or directly under it), never
    the rows of a table nested in one of its cells: those are the nested table's."""
    rows = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child if isinstance(row.tag, str) and row.tag == "tr")
    return rows


def _row_cells(row) -> list:
    """A row's cells (``td``/``th``; comments and other nodes left out)."""
    return [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]


def _cells(table) -> list:
    """A table's own cells, row by row (document order)."""
    return [cell for row in _own_rows(table) for cell in _row_cells(row)]


def _is_layout(table) -> bool:
    """Whether a table is the page's frame rather than data: a cell of it holds another
    table (gov.cn and many older sites set the article in tables nested three deep), or
    it has a single column (a box around text). Read as Markdown rows, a frame would give
    a cell's text again in every table around it; a task-division table has several
    columns (任务, 牵头单位…) and no table inside a cell."""
    cells = _cells(table)
    if any(next(cell.iter("table"), None) is not None for cell in cells):
        return True
    rows = _own_rows(table)
    return (
        bool(rows)
        and all(len(_row_cells(row)) <= 1 for row in rows)
        and not any(_span(cell, "colspan") > 1 for cell in cells)
    )


def _rows(table) -> list[str]:
    """A table as Markdown rows, a cell's paragraphs joined (a ``|`` in a cell made ``｜``).

    Merged cells are laid out as Word's reader lays them out, so that each column keeps its
    header: a cell spanning rows (``rowspan``: one 责任单位 for a group of tasks) gives its
    text to every row it covers, one spanning columns (``colspan``: a group title across the
    table) its text once and empty cells after it."""
    rows = []
    above: dict[int, tuple[str, int]] = {}  # column → (text, rows it still covers)
    for row in _own_rows(table):
        cells: list[str] = []
        given = iter(_row_cells(row))
        while True:
            column = len(cells)
            if column in above:
                text, left = above.pop(column)
                if left > 1:
                    above[column] = (text, left - 1)
                cells.append(text)
                continue
            cell = next(given, None)
            if cell is None:
                break
            text = _clean(" ".join(_lines(cell))).replace("|", "｜")
            span_rows, span_columns = _span(cell, "rowspan"), _span(cell, "colspan")
            for n in range(span_columns):
                cells.append(text if n == 0 else "")
                if span_rows > 1:
                    above[column + n] = (text if n == 0 else "", span_rows - 1)
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return rows


def _span(cell, attribute: str) -> int:
    """A cell's rowspan or colspan: a small positive number (pages write ``rowspan="3 "``,
    or nonsense, which counts as 1)."""
    value = (cell.get(attribute) or "").strip()
    return min(int(value), 100) if value.isdigit() and int(value) > 0 else 1


def _clean(text: str) -> str:
    """A line's text: whitespace runs (the page's own line breaks, &nbsp;) made one space,
    and none at either end."""
    return " ".join(text.replace("\u00a0", " ").replace("\u3000", " ").split())
