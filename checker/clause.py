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
_ROLE_TAIL = re.compile(
    r"(?:按职责分工|按照职责分工|根据职责分工|分别|共同)?(?:牵头负责|牵头|负责|配合|参与|协助|落实)$"
)
_VAGUE_TAIL = re.compile(
    r"(?:等(?:有关|相关)?(?:部门|单位|机构|地方)?|(?:各)?(?:有关|相关)(?:部门|单位|地方))$"
)
_NAME = re.compile(r"[^、]+")
_LEAD = re.compile(r"牵头")
_COOPERATE = re.compile(r"配合|参与|协助")


def looks_like_clause(inner: str) -> bool:
    """A parenthetical is a clause when it assigns responsibility (负责, 牵头, 配合…)."""
    return CLAUSE_WORDS.search(inner) is not None


def parse_clause(source: Source, folded_inner: str, inner_start: int, span: Span) -> Clause:
    """Parse a clause's folded inner text; ``inner_start`` is its offset in the source."""
    text = source.text[inner_start : inner_start + len(folded_inner)]
    shared = "分工" in folded_inner
    lead_marked = _LEAD.search(folded_inner) is not None
    vague: str | None = None
    agencies: list[AgencyRef] = []
    for segment in _SEGMENT.finditer(folded_inner):
        seg_text, seg_start = segment.group(), segment.start()
        role = "lead" if _LEAD.search(seg_text) else None
        if role is None and _COOPERATE.search(seg_text):
            role = "cooperate"
        for part, part_start in _split_huitong(seg_text, seg_start):
            body, found_vague = _strip_tails(part)
            vague = vague or found_vague
            for name in _NAME.finditer(body):
                raw = name.group()
                stripped = raw.strip()
                if not stripped:
                    continue
                start = inner_start + part_start + name.start() + (len(raw) - len(raw.lstrip()))
                agencies.append(
                    AgencyRef(
                        stripped,
                        Span.of(source, start, start + len(stripped)),
                        role or "participant",
                    )
                )
    agencies = _assign_roles(agencies, lead_marked)
    return Clause(text, span, tuple(agencies), shared, vague, lead_marked)


def _split_huitong(segment: str, offset: int) -> list[tuple[str, int]]:
    """``A会同B负责``: A leads with B; split into parts keeping offsets."""
    parts: list[tuple[str, int]] = []
    cursor = 0
    for m in re.finditer("会同", segment):
        parts.append((segment[cursor : m.start()], offset + cursor))
        cursor = m.end()
    parts.append((segment[cursor:], offset + cursor))
    return parts


def _strip_tails(part: str) -> tuple[str, str | None]:
    """Remove role words (负责, 牵头…) and vague endings (等部门…) from the end of a part."""
    vague: str | None = None
    changed = True
    while changed:
        changed = False
        role = _ROLE_TAIL.search(part)
        if role and role.start() < len(part):
            part = part[: role.start()]
            changed = True
        loose = _VAGUE_TAIL.search(part)
        if loose and loose.group():
            vague = vague or loose.group()
            part = part[: loose.start()]
            changed = True
    return part, vague


def _assign_roles(agencies: list[AgencyRef], lead_marked: bool) -> list[AgencyRef]:
    """Without 牵头 the first agency leads (the plans' closing convention); with it, the
    agencies marked 牵头 lead and the others take part."""
    if not agencies:
        return agencies
    if lead_marked:
        return [
            a if a.role in {"lead", "cooperate"} else AgencyRef(a.name, a.span, "cooperate")
            for a in agencies
        ]
    first, *rest = agencies
    return [AgencyRef(first.name, first.span, "lead")] + [
        AgencyRef(a.name, a.span, "participant") for a in rest
    ]
