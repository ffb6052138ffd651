"""Reading a responsibility clause into agencies with roles and positions.

Forms met in plans (after width folding):
``A负责`` · ``A、B、C按职责分工负责`` · ``A牵头,B、C配合`` · ``A会同B负责`` ·
``A、B等部门负责`` · ``各有关部门按职责分工负责`` · ``A会同有关部门负责`` ·
``A、B等和各有关省级人民政府负责`` · ``A、B负责,各省级人民政府按职责分工负责`` ·
``A、B负责,排在第一位的部门为牵头部门,下同`` (a lead note: the document's convention).

Subjects that are not agencies and the wording of lead notes are data
(``rules/clauses.yaml``), not literals here.
"""

from __future__ import annotations

import re
from functools import cache

from ..base.lazyre import LazyPattern
from ..base.memo import per_text
from ..knowledge.data import builtin
from .model import AgencyRef, Clause, Span, maker
from .source import Source

#: the characters a clause word begins with
_CLAUSE_FIRST = "负牵配参协会责主"
#: Words that make a parenthetical a responsibility clause rather than prose.
#: (The lookahead of their first characters lets a search skip every other character.)
CLAUSE_WORDS = re.compile(
    rf"(?=[{_CLAUSE_FIRST}])(?:负责|牵头|配合|参与|协助|会同|(?:责任|主责|主办|协办)(?:单位|部门))"
)
#: a clause-like group anywhere in folded text (one level of brackets inside it): enough to
#: tell which level of a plan carries the clauses, or to count the clauses of one not read.
#: Its plain form is [(【](?:[^()【】]|\([^()]*\))*?WORDS(?:[^()【】]|\([^()]*\))*[)】]; here
#: the text before the words is taken a run at a time up to a character a word can begin
#: with, and nothing is given back that could not end where a closing bracket stands
#: (possessive: no backtracking): the same matches in half the time (tests/test_fast_paths).
CLAUSE_GROUP = re.compile(
    rf"[(【](?:[^()【】{_CLAUSE_FIRST}]++|[{_CLAUSE_FIRST}]|\([^()]*+\))*?"
    rf"(?:{CLAUSE_WORDS.pattern})(?:[^()【】]++|\([^()]*+\))*+[)】]"
)
#: a labelled list: (牵头单位:A;配合单位:B、C), (责任单位:A、B) — provinces and task tables
_LABEL = LazyPattern(r"^[ \t]*(牵头|责任|主责|主办|配合|参与|参加|协办)(?:单位|部门)?[ \t]*:[ \t]*")
#: a bracketed part inside a name: the (县、市) of 各区(县、市)人民政府
_BRACKETED = LazyPattern(r"[(〔\[][^()〔〕\[\]]*[)〕\]]")
#: a name marked as the lead inside a list: (责任单位:A(牵头)、B、C)
_MARKED_LEAD = LazyPattern(r"[ \t]*\(牵头\)[ \t]*$")
_LEAD_LABELS = frozenset({"牵头", "主责", "主办"})
#: the scope before 有关部门 in 国务院有关部门, 省直有关部门: part of a vague subject, not a name
_SCOPE = re.compile(
    r"^(?:国务院|中央|中央和国家机关|省直|市直|县直|区直|省级|市级|县级|各级|地方)$"
)

_SEGMENT = LazyPattern(r"[^,;。]+")  # a clause of one segment (most) never needs it
_ROLE = (
    r"(?:按职责分工|按照职责分工|根据职责分工|分别|共同)?(?:牵头负责|牵头|负责|配合|参与|协助|落实)"
)
_VAGUE_WORDS = (
    r"(?:等(?:有关|相关)?(?:部门|单位|机构|地方)?|(?:各)?(?:有关|相关)(?:部门|单位|地方))"
)
#: a clause part's tail of role words and vague endings; the lookahead of the characters
#: a tail can begin with lets the end-anchored search skip every other start at once
_TAILS = re.compile(rf"(?=[按照根分共牵负配参协落等各有相])(?:{_ROLE}|{_VAGUE_WORDS})+$")
_VAGUE = re.compile(_VAGUE_WORDS)
_ROLE_TAIL = LazyPattern(_ROLE + "$")
#: what separates two names: 、, and the 等和 / 和 that joins agencies to local governments.
#: Every alternative begins with a character of its own (、等以和及): a search skips to the
#: next of them in C instead of trying each alternative at every character
_BEFORE_LOCAL = "(?=各|有关|地方|相关|县级)"
_NAME_SEP = re.compile(rf"、|等和|等及|以及{_BEFORE_LOCAL}|和{_BEFORE_LOCAL}|及{_BEFORE_LOCAL}")
#: words before a name that are not part of it: (由国家知识产权局负责), (和科技部…)
_LEAD_IN = re.compile(r"^[ \t]*(?:由|和|及|以及|并由)")
#: a segment that says when, not who: (…负责,2024年底前完成), (…负责,长期坚持)
_TIMING = LazyPattern(r"\d|年|月|前完成|底前|长期|持续|逐步|按年度")
_HUITONG = LazyPattern("会同")


@cache
def _skipped() -> frozenset[str]:
    return frozenset(str(s) for s in (builtin("clauses.yaml") or {}).get("skip_segments", ()))


@cache
def _vocabulary() -> tuple[frozenset[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    """Non-agency subjects and lead-note wording from rules/clauses.yaml, compiled once."""
    data = builtin("clauses.yaml") or {}
    subjects = frozenset(str(s) for s in data.get("subjects", ()))

    def compiled(key: str) -> re.Pattern[str] | None:
        patterns = [str(p) for p in data.get(key, ())]
        return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    return subjects, compiled("subject_patterns"), compiled("lead_note_patterns")


@per_text()
def is_subject(name: str) -> bool:
    """A named subject that is not an agency (各省级人民政府, 有关部门和单位…). Kept per
    name: a plan names the same few dozen bodies in clause after clause."""
    subjects, pattern, _ = _vocabulary()
    return name in subjects or (pattern is not None and pattern.search(name) is not None)


def is_lead_note(segment: str) -> bool:
    """A clause segment that states the document's lead convention (…为牵头部门, 下同)."""
    note = _vocabulary()[2]
    return note is not None and note.search(segment.strip()) is not None


#: how a clause ends: its role word, then at most a deadline or manner (…负责,2024年底前完成)
_CLAUSE_END = LazyPattern(
    r"(?:负责|牵头|配合|参与|协助|落实|实施)(?:[,;。][^,;。]*){0,2}[ \t]*$|"
    r"^[ \t]*(?:牵头|责任|主责|主办|配合|参与|参加|协办)(?:单位|部门)[ \t]*:"
)


def ends_like_clause(inner: str) -> bool:
    """A clause says who at its end, or lists under labels: ``A、B负责``; ``责任单位:A``.
    ``(由财政部负责组织的项目除外)`` names a role in passing and is no clause."""
    return _CLAUSE_END.search(inner) is not None


def looks_like_clause(inner: str) -> bool:
    """A parenthetical is a clause when it assigns responsibility (负责, 牵头, 配合…)."""
    return CLAUSE_WORDS.search(inner) is not None


def parse_clause(source: Source, folded_inner: str, inner_start: int, span: Span) -> Clause:
    """Parse a clause's folded inner text; ``inner_start`` is its offset in the source.

    Without 牵头 the first agency leads (the plans' closing convention); with it, the
    agencies of the segment marked 牵头 lead and the others take part.
    """
    text = source.text[inner_start : inner_start + len(folded_inner)]
    found, shared, vague, lead_marked, subjects, lead_note, label = _read_clause(folded_inner)
    starts = source.line_starts
    agencies = []  # a loop, not a comprehension: no function frame for two or three names
    for name, at, role in found:
        start = inner_start + at
        agencies.append(_AGENCY_REF((name, _SPAN((start, start + len(name), starts)), role)))
    return _CLAUSE(
        (text, span, tuple(agencies), shared, vague, lead_marked, subjects, lead_note, label)
    )


_AGENCY_REF, _CLAUSE, _SPAN = maker(AgencyRef), maker(Clause), maker(Span)


@per_text()
def _read_clause(folded_inner: str) -> tuple:
    """What a clause says, offsets relative to its inner text: agencies as ``(name, offset,
    role)``, then shared, vague, lead_marked, subjects, lead_note, label. Kept per text: a
    plan repeats its clauses (国家知识产权局负责) far more often than it varies them."""
    plain = _read_plain_list(folded_inner)
    return plain if plain is not None else _read_any_clause(folded_inner)


#: what only the general reading handles: several segments, labels, brackets, lead-in
#: words (由, 和, 及…), names joined by 和 or 及; and 牵头, 会同. One set of characters: a
#: search runs through the text in C, where alternatives are tried at each character
_NOT_PLAIN = re.compile(r"[,;。:(〔\[【和及由]")


def _read_plain_list(folded_inner: str) -> tuple | None:
    """``_read_any_clause`` of the commonest clause, names and a role (``A、B按职责分工负责``,
    ``A、B等部门负责``), with none of its branches to walk: one segment, no label, no 牵头,
    no 会同, no bracket, no lead-in, names split at 、 only. None for any other clause (and
    for a lead note or a skipped segment): a plan reads most of its clauses here."""
    if (
        not folded_inner
        or _NOT_PLAIN.search(folded_inner) is not None
        or "牵头" in folded_inner
        or "会同" in folded_inner
        or is_lead_note(folded_inner)
        or folded_inner.strip() in _skipped()
    ):
        return None
    body, vague = _strip_tails(folded_inner)
    subjects: list[str] = []
    if vague:
        body, scope = _without_scope(body)
        if scope:
            subjects.append(scope + vague)  # 国务院有关部门: open, not a name
    agencies: list[tuple[str, int, str]] = []
    for raw, start in _names_between_commas(body):
        name = raw.strip()
        if not name:
            continue
        if is_subject(name):
            subjects.append(name)
            continue
        role = "participant" if agencies else "lead"
        agencies.append((name, start + len(raw) - len(raw.lstrip()), role))
    return tuple(agencies), "分工" in folded_inner, vague, False, tuple(subjects), None, None


def _read_any_clause(folded_inner: str) -> tuple:
    """``_read_clause`` of any clause: segments, labels, leads, 会同, lead notes…"""
    segments: list[tuple[str, int]] = []
    lead_note = None
    for segment in _segments(folded_inner):
        if is_lead_note(segment[0]):
            lead_note = (lead_note + "," if lead_note else "") + segment[0].strip()
            continue  # the convention stated, not a role
        if segment[0].strip() in _skipped():
            if lead_note:
                lead_note += "," + segment[0].strip()
            continue  # 下同: the same below
        segments.append(segment)
    shared = "分工" in folded_inner
    # a label needs its colon, a lead its 牵头: most clauses have neither to look for
    labelled = ":" in folded_inner
    labels = [_LABEL.match(s[0]) for s in segments] if labelled else [None] * len(segments)
    name_marked = "(牵头)" in folded_inner
    # a name can hold a bracket only if the clause does: most have none to look for
    has_bracket = _OPENING.search(folded_inner) is not None
    lead_marked = (
        "牵头" in folded_inner and (name_marked or any("牵头" in text for text, _ in segments))
    ) or (
        labelled and any(label is not None and label.group(1) in _LEAD_LABELS for label in labels)
    )
    vague: str | None = None
    agencies: list[tuple[str, int, str]] = []
    subjects: list[str] = []
    for (seg_text, seg_start), label in zip(segments, labels, strict=True):
        if agencies and _TIMING.search(seg_text) and not _ROLE_TAIL.search(seg_text.rstrip()):
            continue  # a deadline or manner after the agencies
        if lead_marked and not name_marked:
            leads = "牵头" in seg_text or (label is not None and label.group(1) in _LEAD_LABELS)
            role = "lead" if leads else "cooperate"
        if label is not None:
            seg_text, seg_start = seg_text[label.end() :], seg_start + label.end()
        lead_in = _LEAD_IN.match(seg_text)
        if lead_in:
            seg_text, seg_start = seg_text[lead_in.end() :], seg_start + lead_in.end()
        parts = (
            _split_huitong(seg_text, seg_start) if "会同" in seg_text else [(seg_text, seg_start)]
        )
        for n, (part, part_start) in enumerate(parts):
            body, found_vague = _strip_tails(part)
            if found_vague:
                body, scope = _without_scope(body)
                if scope:
                    subjects.append(scope + found_vague)  # 国务院有关部门: open, not a name
            if not (n and not body.strip()):  # 会同有关部门: the lead is named, not vague
                vague = vague or found_vague
            for raw, name_start in _names(body, has_bracket):
                marker = _MARKED_LEAD.search(raw) if name_marked else None
                if marker is not None:
                    raw = raw[: marker.start()]
                stripped = raw.strip()
                if not stripped:
                    continue
                bracketed = has_bracket and _OPENING.search(stripped) is not None
                if is_subject(stripped) or (bracketed and is_subject(_BRACKETED.sub("", stripped))):
                    subjects.append(stripped)
                    continue
                if bracketed:  # 省市场监管局(省知识产权局): the body, named once
                    stripped = without_second_name(stripped)
                if name_marked:
                    role = "lead" if marker is not None else "participant"
                elif not lead_marked:
                    role = "participant" if agencies else "lead"
                start = part_start + name_start + (len(raw) - len(raw.lstrip()))
                agencies.append((stripped, start, role))
    label = next((f"{m.group(1)}单位" for m in labels if m is not None), None) if labelled else None
    return tuple(agencies), shared, vague, lead_marked, tuple(subjects), lead_note, label


def _segments(folded_inner: str) -> list[tuple[str, int]]:
    """A clause's segments between its marks (,;。) with their offsets: most clauses are
    one segment, the whole text, for which no pattern need run."""
    if "," in folded_inner or ";" in folded_inner or "。" in folded_inner:
        return [(m.group(), m.start()) for m in _SEGMENT.finditer(folded_inner)]
    return [(folded_inner, 0)] if folded_inner else []


def _without_scope(body: str) -> tuple[str, str]:
    """``国务院`` left before a stripped 有关部门: drop it from the names, return it."""
    names = _names(body)
    raw, start = names[-1]
    if not _SCOPE.match(raw.strip()):
        return body, ""
    cut = start
    while cut > 0 and body[cut - 1] in "、 \t":
        cut -= 1
    return body[:cut], raw.strip()


def _names(body: str, maybe_bracketed: bool = True) -> list[tuple[str, int]]:
    """The names of a list with their offsets: split at 、 and at 等和/和 before 各….
    ``maybe_bracketed`` False says the text around it has no bracket to look for."""
    # most lists have no bracket to look into
    bracketed = maybe_bracketed and _OPENING.search(body) is not None
    if not bracketed and "和" not in body and "及" not in body:
        return _names_between_commas(body)  # every separator but 、 holds 和 or 及
    names = []
    cursor = 0
    for separator in _NAME_SEP.finditer(body):
        if bracketed and _inside_brackets(body, separator.start()):
            continue  # 各区(县、市)人民政府: one name
        names.append((body[cursor : separator.start()], cursor))
        cursor = separator.end()
    names.append((body[cursor:], cursor))
    return names


def _names_between_commas(body: str) -> list[tuple[str, int]]:
    """``_names`` of a list whose only separator is 、 (most are): one ``str.split``, no
    pattern and no match object a name."""
    names = []
    cursor = 0
    for name in body.split("、"):
        names.append((name, cursor))
        cursor += len(name) + 1
    return names


_OPENING = re.compile(r"[(〔\[【]")


def _inside_brackets(text: str, at: int) -> bool:
    """Is ``at`` inside a bracket of a name: (县、市), 〔省知识产权局〕?"""
    depth = 0
    for char in text[:at]:
        if char in "(〔[【":
            depth += 1
        elif char in ")〕]】" and depth:
            depth -= 1
    return depth > 0


#: a second name in brackets after a body's name: 省市场监管局(省知识产权局), 〔…〕 likewise
_SECOND_NAME = LazyPattern(r"[ \t]*[(〔\[][^()〔〕\[\]]+[)〕\]][ \t]*$")


def without_second_name(name: str) -> str:
    """``省市场监管局(省知识产权局)`` → ``省市场监管局``: the body, named once."""
    found = _SECOND_NAME.search(name)
    return name[: found.start()] if found and found.start() > 0 else name


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
    words = tail.group()
    # every vague word holds 等 or 关 (等部门, 有关部门): a role's tail (负责) is not searched
    vague = _VAGUE.search(words) if "等" in words or "关" in words else None
    return part[: tail.start()], vague.group() if vague else None
