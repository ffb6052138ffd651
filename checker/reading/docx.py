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


def _num_pr(paragraph) -> tuple[str, int] | None:
    """The paragraph's numbering (numId, level), from its own properties or its style chain."""
    ppr = paragraph._p.pPr
    candidates = [ppr.find(W + "numPr") if ppr is not None else None]
    style = paragraph.style
    seen = 0
    while style is not None and seen < 10:
        spr = style.element.pPr
        candidates.append(spr.find(W + "numPr") if spr is not None else None)
        style = style.base_style
        seen += 1
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
    tables counted over the whole body, the header row being row 1).
    """

    text: str
    places: tuple[tuple, ...]
    pieces: tuple[Piece, ...]


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
    found = _num_pr(paragraph)
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


def read_layout(document) -> Layout:
    """Body paragraphs and task-division tables in document order; other tables are left
    out (a budget or contact table is not plan text)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from .columns import JOINERS, recognise_header

    numbering = _Numbering(document)
    out = _Writer()
    paragraph_number = table_number = 0
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            paragraph_number += 1
            paragraph = Paragraph(child, document)
            text, prefix = _labelled(paragraph, numbering)
            out.add([(text, paragraph, prefix)], ("p", paragraph_number))
        elif child.tag == W + "tbl":
            table_number += 1
            table = Table(child, document)
            rows = table.rows
            if not rows:
                continue
            headers = [_clean(cell.text).strip() for cell in rows[0].cells]
            roles = recognise_header(headers)
            if roles is None:
                continue
            joiners = [JOINERS.get(role, "") for role in roles]
            for number, cells in enumerate(_table_rows(table, numbering, joiners), 1):
                parts: list[tuple[str, Any, int]] = [("|", None, 0)]
                for cell in cells:
                    parts.append((" ", None, 0))
                    parts.extend(cell)
                    parts.append((" |", None, 0))
                out.add(parts, ("t", table_number, number))
    return Layout("\n".join(out.lines), tuple(out.places), tuple(out.pieces))


def read_docx(path: Path | BinaryIO, name: str) -> tuple[str, tuple[tuple, ...]]:
    """The plan text of a Word document, one line per body paragraph or task-table row, and
    where each line is in Word (``source`` makes them a Source: this module knows Word, not
    how plancheck keeps text)."""
    layout = read_layout(open_docx(path, name))
    if not layout.text.strip():
        raise InputError(name, Reason("empty file", "empty"))
    return layout.text, layout.places
