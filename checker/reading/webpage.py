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
  (``tables``) takes as it takes a Markdown plan's;
- the **metadata block** a portal prints outside the text (索引号, 发文机关, 发文字号,
  成文日期, 发布日期…, labels as data in ``rules/layout.yaml`` ``page_metadata``) gives the
  document's number and its written and publication dates (``page_facts``): the parser
  takes the number where the text states none, and the date. Where the rendering holds no
  number (the block stands outside the article and the article prints none), the number
  is put on a line of its own before the text, as a printed document has it, so that a
  finding on it has a line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..base.errors import InputError, Reason
from ..knowledge.data import builtin
from .text import DOC_NUMBER_LINE, fold, page_date

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


#: a fact of the metadata block: (kind, value, the rendered line holding it or "")
Fact = tuple[str, str, str]


def read_html(data: bytes, name: str, decode: Decoder) -> tuple[str, str, tuple[Fact, ...]]:
    """The document of a saved web page as plan text (one paragraph a line, tables as
    Markdown rows), the encoding it was read in, and what its metadata block states
    (``page_facts``: kind ``number``, ``written`` or ``published``, the value, and the
    line of the text that holds it, "" for none). ``decode`` decodes bytes that declare
    no charset as a text plan's are (``source.decode``)."""
    from lxml import html

    text, encoding = _decode(data, name, decode)
    try:
        root = html.document_fromstring(text)
    except Exception:  # lxml's ParserError, or an empty document
        raise InputError(name, NOT_A_PAGE) from None
    _drop_furniture(root)
    facts = page_facts(root)
    article = _article(root)
    if article is None:
        raise InputError(name, NO_ARTICLE)
    lines = _lines(article)
    title = _outside_title(root, article)
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    if not lines:
        raise InputError(name, NO_ARTICLE)
    placed = _rendered(facts, lines)  # (a number no line states is put before the text)
    return "\n".join(lines), encoding, placed


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


# -- the metadata block ---------------------------------------------------------------------
# 索引号 / 主题分类 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期, as label and value: in
# cells of a table (gov.cn: a label cell, then its value's; 江西: both in one cell), in a
# list's items or a definition list. rules/layout.yaml ``page_metadata`` says why each.

#: the elements a label and its value are written in
_LABEL_TAGS = ("td", "th", "li", "dt", "dd", "p", "div", "span", "label", "b", "strong", "font")
#: the elements that hold a block's pairs (a label's nearest one is its block)
_BLOCK_TAGS = ("table", "ul", "ol", "dl", "div", "section")
#: a label and its value are short: longer text is a container of several, or prose
_PAIR_LENGTH = 300
_FACT_KINDS = ("number", "written", "published")


def _metadata_labels() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str], int]:
    """The labels (their spaces taken out) with the kind each gives, a pattern of a
    label at a text's start (spaces inside it as the page has them, ``索  引  号``, then a
    colon and the value, or nothing), one of a label and its colon anywhere, and how many
    labels a block holds at least."""
    data = builtin("layout.yaml")["page_metadata"]
    kinds = {str(label): kind for kind in (*_FACT_KINDS, "other") for label in data[kind]}
    spaced = [r"\s*".join(map(re.escape, label)) for label in sorted(kinds, key=len, reverse=True)]
    label = "(?P<label>" + "|".join(spaced) + ")"
    pair = re.compile(rf"^{label}\s*(?:[:：]\s*(?P<rest>.*))?$", re.S)
    return kinds, pair, re.compile(rf"{label}\s*[:：]"), int(data["least"])


def page_facts(root) -> list[tuple[str, str]]:
    """What the page's metadata block states: ``(kind, value)`` for the document number
    (``number``), the written date (``written``, 成文日期) and the publication date
    (``published``), each only where the page states it once, as a number or a date.

    A block is the nearest table, list or division around label-value pairs holding at
    least ``least`` labels: a navigation or related-links list holds none, a sentence that
    opens with 标题 or 分类 has no colon after it, and a label with an empty value (a search
    form's 发文字号: its input) gives nothing. The first such block of the page is read."""
    kinds, pair, anywhere, least = _metadata_labels()
    blocks: dict = {}
    for element in root.iter(*_LABEL_TAGS):
        text = _clean(element.text_content())
        if len(text) > _PAIR_LENGTH:
            continue
        found = pair.match(text)
        if found is None:
            continue
        rest = found.group("rest") or ""
        if anywhere.search(rest):
            continue  # a container of several pairs: its cells are read one by one
        label = "".join(found.group("label").split())
        value = rest or _value_after(element, pair)
        block = next(element.iterancestors(*_BLOCK_TAGS), None)
        blocks.setdefault(block, []).append((label, value))
    for pairs in blocks.values():
        if len({label for label, _ in pairs}) >= least:
            return _facts(pairs, kinds)
    return []


def _value_after(element, pair: re.Pattern[str]) -> str:
    """The value of a label written alone: the text after it in its cell (``<b>文号:</b>
    赣府厅发〔2020〕7号``), else the next cell's (``<td>发文字号：</td><td>国办发…</td>``,
    ``<dt>`` then ``<dd>``), unless that is another label (the value was left empty)."""
    tail = _clean(element.tail or "")
    if tail:
        return "" if pair.match(tail) else tail
    following = element.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    if following is None:
        return ""
    text = _clean(following.text_content())
    return "" if len(text) > _PAIR_LENGTH or pair.match(text) else text


def _facts(pairs: list[tuple[str, str]], kinds: dict[str, str]) -> list[tuple[str, str]]:
    """A block's number and dates: each kind's value where the block states one (a cell and
    the bold label inside it both give it), a number that is a document number and dates
    that are dates; none where it states two different ones."""
    values: dict[str, set[str]] = {}
    for label, value in pairs:
        kind = kinds[label]
        if value and kind != "other":
            values.setdefault(kind, set()).add(value)
    facts = []
    for kind in _FACT_KINDS:
        given = values.get(kind, set())
        if len(given) != 1:
            continue
        value = next(iter(given))
        valid = DOC_NUMBER_LINE.match(fold(value)) if kind == "number" else None
        if valid or (kind != "number" and page_date(value)):
            facts.append((kind, value))
    return facts


def _rendered(facts: list[tuple[str, str]], lines: list[str]) -> tuple[Fact, ...]:
    """Each fact with the line of the text that states it: the block's own line where the
    article holds the block (gov.cn prints it in the article's frame). A number that no line
    states, on a page whose text prints no number of its own, is put on a line of its own
    before the text (``lines`` is changed); one the text prints too is the text's (one
    number: a finding on it is said once, where the document has it)."""
    kinds, _, anywhere, _ = _metadata_labels()
    placed = []
    for kind, value in facts:
        line = next(
            (
                line
                for line in lines
                if value in line
                and any(kinds.get(label) == kind for label in _labels_in(line, anywhere))
            ),
            "",
        )
        if not line and kind == "number" and not _states_a_number(lines):
            lines.insert(0, value)
            line = value
        placed.append((kind, value, line))
    held = [line for _, _, line in placed if line and line in lines]
    return tuple(placed) + tuple(("block", "", line) for line in _block_lines(lines, held))


def _block_lines(lines: list[str], held: list[str]) -> list[str]:
    """The lines of the rendering that are the metadata block, where the article holds it:
    the run of lines holding a label and its colon around the lines that state a fact
    (``主题分类：`` with no value is one of them). The parser reads them as the page's
    metadata, never as the document's title, addressee or tasks."""
    if not held:
        return []
    _, _, anywhere, _ = _metadata_labels()
    labelled = [bool(anywhere.search(line)) for line in lines]
    first = last = lines.index(held[0])
    for line in held:
        first, last = min(first, lines.index(line)), max(last, lines.index(line))
    while first > 0 and labelled[first - 1]:
        first -= 1
    while last + 1 < len(lines) and labelled[last + 1]:
        last += 1
    return lines[first : last + 1] if all(labelled[first : last + 1]) else []


def _labels_in(line: str, anywhere: re.Pattern[str]) -> list[str]:
    """The labels a rendered line holds (their spaces taken out)."""
    return ["".join(found.group("label").split()) for found in anywhere.finditer(line)]


def _states_a_number(lines: list[str]) -> bool:
    """Whether the text prints a document number on a line of its own (under its title, as
    the parser reads it)."""
    return any(DOC_NUMBER_LINE.match(fold(line)) for line in lines)
