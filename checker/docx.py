"""Word (.docx) plans: one line per body paragraph, so a finding's line is the paragraph number.

Word's automatic numbering lives in numbering.xml, not in the text: a task numbered by Word
has no digits of its own. The number is rebuilt here from the paragraph's (or its style's)
numbering properties, so ``1.``, ``一、`` and ``（一）`` read as if typed. Tracked changes read
as accepted (insertions in, deletions out); comments are not plan text and are left out;
tables are skipped (plans keep their tasks in paragraphs).
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
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


def read_docx(path: Path, name: str) -> str:
    """The plan text of a Word document, one line per paragraph (``source`` makes it a
    Source: this module knows Word, not how plancheck keeps text)."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError(name, "python-docx is not installed") from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError):
        raise InputError(name, "not a Word document (.docx)") from None
    except Exception:  # a zip that is not OOXML, or broken XML: still a one-line input error
        raise InputError(name, "not a readable Word document (.docx)") from None
    numbering = _Numbering(document)
    lines = []
    for paragraph in document.paragraphs:
        text = _paragraph_text(paragraph).replace("\r", "").replace("\n", " ")
        found = _num_pr(paragraph)
        if found and text.strip():
            text = numbering.label(*found) + text
        lines.append(text)
    if not any(line.strip() for line in lines):
        raise InputError(name, "empty file")
    return "\n".join(lines)
