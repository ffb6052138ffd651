"""Word (.docx) plans: one line per body paragraph, so a finding's line is the paragraph number.

Word's automatic numbering lives in numbering.xml, not in the text: a task numbered by Word
has no digits of its own. The number is rebuilt here from the paragraph's (or its style's)
numbering properties, so ``1.``, ``一、`` and ``（一）`` read as if typed. Tracked changes read
as accepted (insertions in, deletions out); comments are not plan text and are left out;
tables are read only when they are task-division tables
(``tables.recognise_header``), each row one line ``| 1 | 任务 | 牵头单位 | … |``, the
form a Markdown plan writes them in, so one table reader serves both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from ..base.errors import InputError, Reason
from .text import int_to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE = {
    "chineseCounting",
    "chineseCountingThousand",
    "chineseLegalSimplified",
    "ideographTraditional",
    "japaneseCounting",
}


def _val(element, tag: str) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val") if child is not None else None


def _format(value: int, fmt: str) -> str:
    if fmt in _CHINESE:
        return int_to_cn(value) if 0 < value < 100 else str(value)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt in {"upperRoman", "lowerRoman"}:
        numerals = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        text = numerals[value] if value < len(numerals) else str(value)
        return text if fmt == "upperRoman" else text.lower()
    if fmt == "none":
        return ""
    return str(value)


class _Numbering:
    """Counters per numbering instance and level, as Word computes them."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.styles: dict[str | None, list] = {}  # style id → its chain's numPr elements
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        root = part.element
        abstracts = {}
        for abstract in root.findall(W + "abstractNum"):
            levels = {}
            for level in abstract.findall(W + "lvl"):
                ilvl = int(level.get(W + "ilvl", "0"))
                start = int(_val(level, "start") or 1)
                levels[ilvl] = (
                    _val(level, "numFmt") or "decimal",
                    _val(level, "lvlText") or "",
                    start,
                )
            abstracts[abstract.get(W + "abstractNumId")] = levels
        for num in root.findall(W + "num"):
            num_id = num.get(W + "numId")
            abstract_id = _val(num, "abstractNumId")
            for ilvl, spec in abstracts.get(abstract_id, {}).items():
                self.levels[(num_id, ilvl)] = spec
            self.abstract_of[num_id] = abstract_id

    def style_numbering(self, paragraph) -> list:
        """The numPr elements of the paragraph's style and the styles it is based on, in
        that order; worked out once per style of the document."""
        style_id = paragraph._p.style
        chain = self.styles.get(style_id)
        if chain is None:
            chain = []
            style = paragraph.style
            while style is not None and len(chain) < 10:
                spr = style.element.pPr
                chain.append(spr.find(W + "numPr") if spr is not None else None)
                style = style.base_style
            self.styles[style_id] = chain
        return chain

    def label(self, num_id: str, ilvl: int) -> str:
        if (num_id, ilvl) not in self.levels:
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, {})
        _, text, start = self.levels[(num_id, ilvl)]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        for level in range(ilvl, -1, -1):
            spec = self.levels.get((num_id, level))
            if spec:
                value = counters.get(level, spec[2])
                text = text.replace(f"%{level + 1}", _format(value, spec[0]))
        return text


def _num_pr(paragraph, numbering: _Numbering) -> tuple[str, int] | None:
    """The paragraph's numbering (numId, level), from its own properties or its style chain.

    The style chain's part is looked up once per style (``numbering.style_numbering``):
    python-docx finds a paragraph's style by searching styles.xml each time, which cost a
    long document most of its reading time."""
    ppr = paragraph._p.pPr
    candidates = [ppr.find(W + "numPr") if ppr is not None else None]
    candidates.extend(numbering.style_numbering(paragraph))
    num_id, ilvl = None, None
    for num_pr in candidates:
        if num_pr is None:
            continue
        num_id = num_id or _val(num_pr, "numId")
        if ilvl is None and _val(num_pr, "ilvl") is not None:
            ilvl = int(_val(num_pr, "ilvl"))
    if not num_id or num_id == "0":
        return None
    return num_id, ilvl or 0


def _paragraph_text(paragraph) -> str:
    """Text as if tracked changes were accepted: w:t outside w:del, tabs as tabs."""
    parts = []
    for node in paragraph._p.iter():
        if node.tag == W + "t":
            if not any(a.tag == W + "del" for a in node.iterancestors()):
                parts.append(node.text or "")
        elif node.tag == W + "tab" and node.getparent().tag == W + "r":
            parts.append("\t")
    return "".join(parts)


class Piece(NamedTuple):
    """Where a stretch of plancheck's text comes from in Word: ``paragraph`` (a python-docx
    Paragraph) holds the text after ``prefix`` characters that Word does not store as text
    (the rebuilt numbering label)."""

    start: int
    end: int
    paragraph: Any
    prefix: int


class Layout(NamedTuple):
    """A Word document read as plancheck's text, with the way back to its paragraphs.

    ``places`` says for each line where it is in Word: ``("p", n)`` for the n-th body
    paragraph, ``("t", table, row)`` for a row of a task-division table (both 1-based,
    tables counted over the whole body, the header row being row 1). A paragraph that goes
    on in later ones (cut where a page ended) is ``("p", n, ((offset, m), …))``: from
    ``offset`` in the line, the text is body paragraph m's; m's own line is left empty, so
    that every line is still the paragraph it begins in.
    """

    text: str
    places: tuple[tuple, ...]
    pieces: tuple[Piece, ...]
    #: ``pages`` when paragraphs cut where a page ended were joined (``_page_joins``)
    reading: str = ""


def open_docx(path: Path | BinaryIO, name: str):
    """python-docx's Document (from a path or the file's bytes), or a one-line InputError."""
    try:
        from zipfile import BadZipFile

        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError(
            name, Reason("python-docx is not installed", "missing-dependency")
        ) from None
    try:
        return docx.Document(str(path) if isinstance(path, Path) else path)
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, OSError):
        # (a path that is no zip is PackageNotFoundError; the same bytes read are BadZipFile)
        raise InputError(name, Reason("not a Word document (.docx)", "docx")) from None
    except Exception:  # a zip that is not OOXML, or broken XML: still a one-line input error
        raise InputError(name, Reason("not a readable Word document (.docx)", "docx")) from None


class _Writer:
    """Accumulates lines and the pieces that map them back to Word paragraphs."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.places: list[tuple] = []
        self.pieces: list[Piece] = []
        self.offset = 0

    def add(self, parts: list[tuple[str, Any, int]], place: tuple) -> None:
        """One line made of (text, paragraph or None for markup, prefix) parts."""
        line = []
        for text, paragraph, prefix in parts:
            if paragraph is not None:
                self.pieces.append(Piece(self.offset, self.offset + len(text), paragraph, prefix))
            line.append(text)
            self.offset += len(text)
        self.lines.append("".join(line))
        self.places.append(place)
        self.offset += 1  # the newline


def _clean(text: str) -> str:
    return text.replace("\r", "").replace("\n", " ")


def _labelled(paragraph, numbering: _Numbering, *, empty: bool = False) -> tuple[str, int]:
    """The paragraph's text with its Word numbering label, and the label's length.

    An empty numbered body paragraph is not a task; an empty numbered table cell is the
    序号 column numbered by Word (``empty``)."""
    text = _clean(_paragraph_text(paragraph))
    found = _num_pr(paragraph, numbering)
    if found and (text.strip() or empty):
        label = numbering.label(*found)
        return label + text, len(label)
    return text, 0


def _table_rows(table, numbering: _Numbering, joiners: list[str]):
    """Each row's cells as (text, [(part text, paragraph, prefix)…]); merged cells repeat
    the text of the cell they continue (vertical) or are empty (horizontal)."""
    for row in table.rows:
        cells: list[list[tuple[str, Any, int]]] = []
        previous = None
        for cell in row.cells:
            column = len(cells)
            if cell._tc is previous:  # a horizontal span yields its cell once per column
                cells.append([])
                continue
            previous = cell._tc
            joiner = joiners[column] if column < len(joiners) else ""
            parts: list[tuple[str, Any, int]] = []
            for paragraph in cell.paragraphs:
                text, prefix = _labelled(paragraph, numbering, empty=True)
                if not text.strip():
                    continue
                if parts:
                    parts.append((joiner, None, 0))
                parts.append((text.replace("|", "｜"), paragraph, prefix))
            if not parts and cell.paragraphs:  # an empty cell can still carry a comment
                parts.append(("", cell.paragraphs[0], 0))
            cells.append(parts)
        yield cells


class _Body(NamedTuple):
    """A body paragraph as the page-join reading needs it (``_page_joins``)."""

    number: int  # its number among the body paragraphs
    text: str  # with its Word numbering label
    prefix: int  # the label's length
    paragraph: Any
    numbered: bool  # numbered by Word
    first_line: bool  # indented, or centred: it begins a paragraph
    page_end: bool  # a page ends after it: a section or page break
    break_before: bool  # Word starts it on a new page (pageBreakBefore)


def read_layout(document) -> Layout:
    """Body paragraphs and task-division tables in document order; other tables are left
    out (a budget or contact table is not plan text). Paragraphs cut where a page ended
    are joined again (``_page_joins``)."""
    from docx.text.paragraph import Paragraph

    numbering = _Numbering(document)
    entries: list[_Body | list[tuple[list, tuple]]] = []
    paragraph_number = table_number = 0
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            paragraph_number += 1
            entries.append(_body(Paragraph(child, document), numbering, paragraph_number))
        elif child.tag == W + "tbl":
            table_number += 1
            entries.append(list(_task_rows(child, document, numbering, table_number)))
    joins, absorbed = _page_joins(entries)
    out = _Writer()
    for index, entry in enumerate(entries):
        if isinstance(entry, list):
            for parts, place in entry:
                out.add(parts, place)
        elif index in joins:
            _add_joined(out, [entry] + [entries[n] for n in joins[index]])  # type: ignore[misc]
        elif index not in absorbed:  # (one absorbed is on the line of the paragraph it ends)
            out.add([(entry.text, entry.paragraph, entry.prefix)], ("p", entry.number))
    reading = "pages" if joins else ""
    return Layout("\n".join(out.lines), tuple(out.places), tuple(out.pieces), reading)


def _body(paragraph, numbering: _Numbering, number: int) -> _Body:
    """A body paragraph with what tells whether it begins a paragraph or goes on one."""
    text, prefix = _labelled(paragraph, numbering)
    ppr = paragraph._p.pPr
    first_line = _indented(ppr.find(W + "ind") if ppr is not None else None)
    centred = _val(ppr, "jc") == "center"
    section = ppr.find(W + "sectPr") if ppr is not None else None
    page_end = (section is not None and _val(section, "type") not in ("continuous",)) or any(
        node.get(W + "type") == "page" for node in paragraph._p.iter(W + "br")
    )
    before = ppr is not None and ppr.find(W + "pageBreakBefore") is not None
    before = before and _val(ppr, "pageBreakBefore") not in ("0", "false", "off")
    return _Body(
        number, text, prefix, paragraph, prefix > 0, first_line or centred, page_end, before
    )


#: the least first-line indent that begins a paragraph, in twips and in hundredths of a
#: character: a quarter of a character of the smallest body type (五号, 10.5 pt). A typed
#: indent is a character or two (2 characters of 三号 are 640 twips); a Word file converted
#: from a PDF or a scan sets a few twips (``firstLine="8"``, under half a point) on lines
#: that only go on, where the converter placed them
_INDENT = {"firstLine": 52, "firstLineChars": 25}


def _indented(indent) -> bool:
    """Whether a paragraph's ``w:ind`` indents its first line as a paragraph's beginning is
    indented (not by a converter's fraction of a point)."""
    if indent is None:
        return False
    for name, least in _INDENT.items():
        value = indent.get(W + name)
        if value and value.lstrip("-").isdigit() and int(value) >= least:
            return True
    return False


def _task_rows(element, document, numbering: _Numbering, table_number: int):
    """A task-division table's rows as lines (parts and place); nothing for another table."""
    from docx.table import Table

    from .columns import JOINERS, recognise_header

    table = Table(element, document)
    rows = table.rows
    if not rows:
        return
    headers = [_clean(cell.text).strip() for cell in rows[0].cells]
    roles = recognise_header(headers)
    if roles is None:
        return
    joiners = [JOINERS.get(role, "") for role in roles]
    for number, cells in enumerate(_table_rows(table, numbering, joiners), 1):
        parts: list[tuple[str, Any, int]] = [("|", None, 0)]
        for cell in cells:
            parts.append((" ", None, 0))
            parts.extend(cell)
            parts.append((" |", None, 0))
        yield parts, ("t", table_number, number)


def _add_joined(out: _Writer, bodies: list[_Body]) -> None:
    """One line of a paragraph and the ones it goes on in, each piece its own paragraph's."""
    from .pages import joiner

    parts: list[tuple[str, Any, int]] = []
    joins = []
    length = 0
    for body in bodies:
        if parts:
            glue = joiner(parts[-1][0].rstrip(), body.text.lstrip())
            if glue:
                parts.append((glue, None, 0))
                length += len(glue)
            joins.append((length, body.number))
        parts.append((body.text, body.paragraph, body.prefix))
        length += len(body.text)
    out.add(parts, ("p", bodies[0].number, tuple(joins)))


#: a page-end join made at least this often: the file is a fixed layout's rendering, and
#: its paragraphs cut within a page are its lines too (``_page_joins``)
_RENDERING = 2
#: a running head: a short line that comes back, numbers aside, this often
_RUNNING = 3


def _page_joins(entries: list) -> tuple[dict[int, list[int]], set[int]]:
    """Which paragraphs go on in which: {a paragraph's index: [the indices of those it goes
    on in]}, and every paragraph that is no line of its own (those, and the blank ones and
    the page's furniture between).

    A Word file made from a PDF keeps each page's end: a paragraph the page cut ends
    mid-sentence, a section or page break (or a page number, or a running head) follows,
    and the rest of the paragraph begins the next page without the indent a paragraph
    begins with. Word itself never cuts a paragraph so, so the two are one paragraph: the
    first stops mid-sentence (``text.cut_off``), only blank paragraphs and page furniture
    lie between, one of them a page's end, and the second does not begin like an item (a
    label, Word's numbering) nor like a paragraph (indented, or centred). Where a file
    has such joins twice or more, it is such a rendering throughout: a paragraph cut
    within a page (a line ending without a mark of a paragraph's end) goes on in the next
    as well, on the same conditions. A drafter's paragraph broken by a return in a Word
    draft has no page's end in it, and stays broken (N003).
    """
    bodies = {n: e for n, e in enumerate(entries) if isinstance(e, _Body)}
    running = _running_heads(bodies.values())
    joins: dict[int, list[int]] = {}
    absorbed: set[int] = set()
    for rendering in (False, True):
        if rendering and len(joins) < _RENDERING:
            break
        for index in sorted(bodies):
            if index in absorbed or not bodies[index].text.strip():
                continue
            chain = joins.get(index, [])
            more = _goes_on(bodies, running, chain[-1] if chain else index, rendering)
            while more:
                chain = joins.setdefault(index, [])
                chain.append(more[-1])
                absorbed.update(more)
                chain.extend(joins.pop(more[-1], ()))  # it went on at a page's end already
                more = _goes_on(bodies, running, chain[-1], rendering)
    return joins, absorbed


def _goes_on(bodies: dict, running: frozenset[str], last: int, rendering: bool) -> list[int]:
    """The indices a paragraph cut at ``last`` goes on through (blanks and furniture, then
    the paragraph it goes on in), or [] where it ends there."""
    from .text import PARAGRAPH_END, cut_off, fold, numbered

    tail = fold(bodies[last].text).rstrip()
    if not cut_off(tail) and not (rendering and tail and tail[-1] not in PARAGRAPH_END):
        return []
    page = bodies[last].page_end
    between = []
    index = last + 1
    while index in bodies:
        body = bodies[index]
        furniture = _furniture(body.text, running)
        if body.text.strip() and not furniture:
            break
        page = page or body.page_end or furniture
        between.append(index)
        index += 1
    if index not in bodies:  # a table, or the end
        return []
    body = bodies[index]
    if not (page or body.break_before or (rendering and not between)):
        return []
    if body.numbered or body.first_line or numbered(fold(body.text.strip())) is not None:
        return []
    return [*between, index]


def _furniture(text: str, running: frozenset[str]) -> bool:
    """A page number or a running head, in the body where a page ended."""
    from .pages import PAGE_NUMBER, page_shape

    stripped = text.strip()
    return bool(stripped) and (
        PAGE_NUMBER.match(stripped) is not None or page_shape(stripped) in running
    )


def _running_heads(bodies) -> frozenset[str]:
    """The shapes of short unpunctuated lines that come back page after page."""
    from collections import Counter

    from .pages import page_shape
    from .text import fold, is_title_line

    shapes = Counter(
        page_shape(body.text.strip())
        for body in bodies
        if body.text.strip() and not body.numbered and is_title_line(fold(body.text.strip()))
    )
    return frozenset(shape for shape, count in shapes.items() if count >= _RUNNING)


def read_docx(path: Path | BinaryIO, name: str) -> tuple[str, tuple[tuple, ...], str]:
    """The plan text of a Word document, one line per body paragraph or task-table row, and
    where each line is in Word, and how it was read (``pages``: paragraphs cut at a page's
    end joined; ``source`` makes them a Source: this module knows Word, not
    how plancheck keeps text)."""
    layout = read_layout(open_docx(path, name))
    if not layout.text.strip():
        raise InputError(name, Reason("empty file", "empty"))
    return layout.text, layout.places, layout.reading
