"""Reading a responsibility clause into agencies with roles and positions.

Forms met in plans (after width folding):
``A负责`` · ``A、B、C按职责分工负责`` · ``A牵头,B、C配合`` · ``A会同B负责`` ·
``A、B等部门负责`` · ``各有关部门按职责分工负责``.
"""

from __future__ import annotations

import re

from .model import AgencyRef, Clause, Span
from .source import Source

#: Words that make a parenthetical a responsibility clause rather than prose.
CLAUSE_WORDS = re.compile(r"负责|牵头|配合|参与|协助|会同")

_SEGMENT = re.compile(r"[^,;]+")
_ROLE = (
    r"(?:按职责分工|按照职责分工|根据职责分工|分别|共同)?(?:牵头负责|牵头|负责|配合|参与|协助|落实)"
)
_VAGUE_WORDS = (
    r"(?:等(?:有关|相关)?(?:部门|单位|机构|地方)?|(?:各)?(?:有关|相关)(?:部门|单位|地方))"
)
_TAILS = re.compile(rf"(?:{_ROLE}|{_VAGUE_WORDS})+$")
_VAGUE = re.compile(_VAGUE_WORDS)
_ROLE_TAIL = re.compile(_ROLE + "$")
_NAME = re.compile(r"[^、]+")
#: words before a name that are not part of it: (由国家知识产权局负责), (和科技部…)
_LEAD_IN = re.compile(r"^[ \t]*(?:由|和|及|以及|并由)")
#: a segment that says when, not who: (…负责,2024年底前完成), (…负责,长期坚持)
_TIMING = re.compile(r"\d|年|月|前完成|底前|长期|持续|逐步|按年度")
_HUITONG = re.compile("会同")


def looks_like_clause(inner: str) -> bool:
    """A parenthetical is a clause when it assigns responsibility (负责, 牵头, 配合…)."""
    return CLAUSE_WORDS.search(inner) is not None


def parse_clause(source: Source, folded_inner: str, inner_start: int, span: Span) -> Clause:
    """Parse a clause's folded inner text; ``inner_start`` is its offset in the source.

    Without 牵头 the first agency leads (the plans' closing convention); with it, the
    agencies of the segment marked 牵头 lead and the others take part.
    """
    text = source.text[inner_start : inner_start + len(folded_inner)]
    shared = "分工" in folded_inner
    lead_marked = "牵头" in folded_inner
    vague: str | None = None
    agencies: list[AgencyRef] = []
    starts = source.line_starts
    for segment in _SEGMENT.finditer(folded_inner):
        seg_text, seg_start = segment.group(), segment.start()
        if agencies and _TIMING.search(seg_text) and not _ROLE_TAIL.search(seg_text.rstrip()):
            continue  # a deadline or manner after the agencies
        lead_in = _LEAD_IN.match(seg_text)
        if lead_in:
            seg_text, seg_start = seg_text[lead_in.end() :], seg_start + lead_in.end()
        if lead_marked:
            role = "lead" if "牵头" in seg_text else "cooperate"
        for part, part_start in _split_huitong(seg_text, seg_start):
            body, found_vague = _strip_tails(part)
            vague = vague or found_vague
            for name in _NAME.finditer(body):
                raw = name.group()
                stripped = raw.strip()
                if not stripped:
                    continue
                if not lead_marked:
                    role = "participant" if agencies else "lead"
                start = inner_start + part_start + name.start() + (len(raw) - len(raw.lstrip()))
                agencies.append(
                    AgencyRef(stripped, Span(start, start + len(stripped), starts), role)
                )
    return Clause(text, span, tuple(agencies), shared, vague, lead_marked)


def _split_huitong(segment: str, offset: int) -> list[tuple[str, int]]:
    """``A会同B负责``: A leads with B; split into parts keeping offsets."""
    if "会同" not in segment:
        return [(segment, offset)]
    parts: list[tuple[str, int]] = []
    cursor = 0
    for m in _HUITONG.finditer(segment):
        parts.append((segment[cursor : m.start()], offset + cursor))
        cursor = m.end()
    parts.append((segment[cursor:], offset + cursor))
    return parts


def _strip_tails(part: str) -> tuple[str, str | None]:
    """Remove role words (负责, 牵头…) and vague endings (等部门…) from the end of a part,
    in one search: this runs for every clause of every plan."""
    tail = _TAILS.search(part)
    if tail is None or not tail.group():
        return part, None
    vague = _VAGUE.search(tail.group())
    return part[: tail.start()], vague.group() if vague else None
