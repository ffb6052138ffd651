"""Reading a responsibility clause into parties with roles, a deadline and notes.

The grammar is data (``rules/clause-grammar.yaml``, with the non-agency subjects and the
lead-note wording of ``rules/clauses.yaml``); this module applies it. A clause is cut into
segments at ,;。 (outside brackets); each segment is a lead note, a time limit, a labelled
list or note (``牵头单位:A、B``, ``适用范围:…``) or a list of parties with a role
(``由A会同B、C等按职责分工负责``). Forms met in plans (after width folding):

``A负责`` · ``A、B、C按职责分工负责`` · ``A牵头,B、C配合`` · ``A、B牵头`` (a joint lead) ·
``A会同B负责`` · ``A指导,各区负责`` · ``A、B等部门负责`` · ``国务院各部门按职责分工负责`` ·
``A、B等和各有关省级人民政府负责`` · ``X牵头,Y等按职责分工负责,年内持续推进`` ·
``负责部门:A、B,适用范围:所有试点地区`` · ``A、B负责,排在第一位的部门为牵头部门,下同``.

A part of a clause the grammar cannot place is kept as ``unplaced`` (G012 reports it), never
read as an agency.
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from ..base.errors import ConfigError
from ..base.lazyre import HAN, LazyPattern
from ..base.memo import per_text
from ..knowledge.data import builtin
from .model import AgencyRef, Clause, Span
from .source import Source

#: the roles a grammar entry may give; ``responsible`` is resolved per clause (lead or not)
ROLES = frozenset({"lead", "responsible", "cooperate", "participant", "guide", "separate"})
_SEGMENT_MARKS = ",;。"
_OPEN, _CLOSE = "(〔[【", ")〕]】"
# The lazy patterns below are tried only on a name or segment that holds their mark (a
# bracket, (牵头), a colon): most plans' clauses have none, and never compile them.
#: a name marked as the lead inside a list: (责任单位:A(牵头)、B、C)
_MARKED_LEAD = LazyPattern(r"[ \t]*\(牵头\)[ \t]*$")
#: a bracketed part inside a name: the (县、市) of 各区(县、市)人民政府
_BRACKETED = LazyPattern(r"[(〔\[][^()〔〕\[\]]*[)〕\]]")
#: a second name in brackets after a body's name: 省市场监管局(省知识产权局), 〔…〕 likewise
_SECOND_NAME = LazyPattern(r"[ \t]*[(〔\[][^()〔〕\[\]]+[)〕\]][ \t]*$")
#: a label before a colon: 牵头单位:, 适用范围:
_LABEL = LazyPattern(r"^[ \t]*([^\s:,;()]{1,10}?)[ \t]*:[ \t]*")
#: what no body's name holds: a date, a colon, or a role word inside it
_NOT_A_NAME = LazyPattern(r"\d|:|底前|年内|完成|负责|牵头|配合|参与|参加|落实|承担")
#: a name of Chinese characters only (a place's: 欧阳, 北外滩)
_HAN_ONLY = LazyPattern(rf"{HAN}+")
#: the longest name a clause writes (全国老龄工作委员会办公室… stay well below it)
_LONGEST_NAME = 30
#: the longest name read in running text, where no bracket bounds it (区消防救援支队, 全国打击侵权
#: 假冒工作领导小组办公室: 17): longer is a phrase ending in a body's name
_LONGEST_RUNNING = 20


class Grammar:
    """``rules/clause-grammar.yaml`` as the patterns the reading applies, each compiled at
    its first use (the rules import this module for runs that read no clause). Its parts,
    annotated below, are given by name, once (``grammar``): a plain class, since a
    NamedTuple of so many fields costs nearly three million instructions to define at every
    start (bench/instructions.py), a frozen dataclass more."""

    tail: LazyPattern  # (manners)(roles) at a segment's end
    role_of: dict[str, str]  # role word → role
    role_words: tuple[str, ...]  # a role word: what every tail ends with, or its object
    tail_chars: str  # every character a tail may hold: its words' and blanks
    tail_last: frozenset[str]  # what a text holding a tail ends with: a tail end's last, a blank
    cuts: LazyPattern  # what ``_segments`` looks at: its marks, brackets, a 、 after a tail's end
    shared_manners: frozenset[str]
    labels: dict[str, str]  # label word → role
    label_endings: tuple[str, ...]  # how an unlisted label of parties ends (…考核单位)
    note_labels: frozenset[str]
    time_labels: frozenset[str]
    time_limit: LazyPattern  # matched at a segment's start (its patterns are anchored)
    time_limit_starts: tuple[str, ...]  # what a time limit opens with, besides a digit
    note: LazyPattern  # a whole segment that is a note (a date stated, a measure's kind), likewise
    separators: tuple[str, ...]  # 、: what every list of names is cut at
    vague: LazyPattern  # vague endings at the end of a list
    vague_marks: tuple[str, ...]  # what every vague ending holds: a list without one has none
    lead_in: tuple[str, ...]  # words before a list that name no one (由), longest first
    joiner: LazyPattern
    joiner_marks: tuple[str, ...]  # what every joiner (and separator) holds: ``_names``' test
    always_joins: frozenset[str]
    body_endings: tuple[str, ...]
    collective_starts: tuple[str, ...]
    with_word: LazyPattern
    with_marks: tuple[str, ...]  # what every with-word holds: ``_split_with``'s test
    collective: LazyPattern | None
    collective_marks: tuple[str, ...]  # what every collective holds: a name without one is none
    scope: LazyPattern  # the scope before 有关部门: 国务院, 市级其他
    place: LazyPattern | None  # a place's name alone: 徐汇区, 临港新片区 (seldom needed)
    shared_place_endings: tuple[str, ...]  # 欧阳、曲阳、广中街道: the 街道 is each name's
    level_prefixes: tuple[str, ...]  # 省, 市, 区…: a name so begun is a local body, no place
    each_starts: tuple[str, ...]  # words that distribute over a list's kinds: 各, 有关
    each_marks: tuple[str, ...]  # what a list holding one of them holds (``_marks``)
    each_kind: LazyPattern | None  # a bare kind of place after 各: the 县级市 of 各区、县级市
    government_endings: tuple[str, ...]
    clause_words: str  # a pattern: a bracket holding one is a clause
    explanations: tuple[str, ...]  # a bracket opening so explains, never assigns (包括…)
    clause_end: LazyPattern  # asked only of a task with several bracketed groups
    bare_label: str  # a pattern: a line opening with a role label is a clause
    closing_label: str  # a pattern: such a label (group 1) after the last sentence of a line
    running_lead_in: tuple[str, ...]  # 由: opens a statement in running text
    opening_roles: tuple[str, ...]  # 负责, 牵头: a sentence's parties act (各区政府负责……)
    titled_work: tuple[str, ...]  # 工作: a heading (一)A牵头的工作 names its measures' lead
    titled_ends: tuple[str, ...]  # 的工作: how such a title ends
    running_endings: tuple[str, ...]  # how a name in running text ends: a body's or 各街镇
    note_opens: tuple[str, ...]  # a sentence opening so is a standing note (以下均…)
    note_closes: tuple[str, ...]  # …or closing so (…，不再单独列出)
    note_marks: tuple[str, ...]  # what a clause holding either holds (``_marks``): 以下, 不再
    person_endings: tuple[str, ...]  # a list ending so names persons (许慧玲同志)

    def __init__(self, **parts: Any) -> None:
        assert parts.keys() == self.__annotations__.keys(), "every part, and no other"
        vars(self).update(parts)


def _alternatives(words: list[str]) -> str:
    """A pattern matching any of ``words``, longest first (牵头负责 before 牵头)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def grammar() -> Grammar:
    """The clause grammar, read once; its roles checked (a wrong one stops the run)."""
    data = builtin("clause-grammar.yaml") or {}
    role_of: dict[str, str] = {}
    for entry in data["roles"]:
        _check_role(entry["role"], "roles")
        role_of.update(dict.fromkeys(entry["words"], entry["role"]))
    labels: dict[str, str] = {}
    for entry in data["labels"]:
        _check_role(entry["role"], "labels")
        labels.update(dict.fromkeys(entry["words"], entry["role"]))
    manners = [w for entry in data.get("manners", ()) for w in entry["words"]]
    shared = frozenset(w for e in data.get("manners", ()) if e.get("shared") for w in e["words"])
    joiners = data.get("joiners", [])
    label_words = _alternatives(list(labels))
    roles = _alternatives(list(role_of))
    collectives = data.get("collective_patterns", [])
    objects = [str(w) for w in data.get("role_objects", ())]
    notes = data.get("standing_notes") or {}
    tail_last = frozenset([*(w[-1] for w in [*role_of, *objects]), " ", "\t", "\n"])
    return Grammar(
        tail=LazyPattern(
            rf"(?:{_alternatives(manners)})*(?:{roles})+(?:{_alternatives(objects) or '$^'})?[ \t]*$"
        ),
        role_of=role_of,
        role_words=tuple(role_of),
        tail_chars="".join(sorted(set("".join(manners + list(role_of) + objects)))) + " \t",
        tail_last=tail_last,
        # a clause is cut at its marks, its depth in brackets changes at a bracket, and a 、
        # ends a segment only after a role word (``_segments``): a 、 after a character no
        # role word ends with (most: between a list's names) is no match at all. Each mark
        # is an alternative of its own, not one class: sre skips ahead to the next of their
        # characters, and tries the lookbehind at a 、 only (one class with the lookbehind
        # beside it cost twice as much a clause; bench/instructions.py measures a clause)
        # Needles: its marks and brackets, and a 、 after a tail's last character (the
        # lookbehind's): a clause holding none (one list, no bracket) is cut nowhere, and a
        # plan of such clauses never compiles the pattern.
        cuts=LazyPattern(
            "|".join(map(re.escape, _SEGMENT_MARKS + _OPEN + _CLOSE))
            + f"|、(?<=[{re.escape(''.join(sorted(tail_last)))}]、)",
            needles=(
                *_SEGMENT_MARKS,
                *_OPEN,
                *_CLOSE,
                *(f"{last}、" for last in sorted(tail_last)),
            ),
        ),
        shared_manners=shared,
        labels=labels,
        label_endings=tuple(data.get("label_endings", ())),
        note_labels=frozenset(data.get("note_labels", ())),
        time_labels=frozenset(data.get("time_labels", ())),
        time_limit=LazyPattern("|".join(f"(?:{p})" for p in data.get("time_limits", ())) or "$^"),
        # (none listed: every segment is tried, "" opening every text)
        time_limit_starts=tuple(map(str, data.get("time_limit_starts", ()))) or ("",),
        note=LazyPattern(
            "|".join(f"(?:{p})" for p in data.get("note_patterns", ())) or "$^",
            needles=data.get("note_pattern_marks"),
        ),
        separators=tuple(data["separators"]),
        vague=LazyPattern(rf"(?:{'|'.join(data.get('vague_endings', ()))})+$"),
        # (none listed: every list is searched, "" being in every text)
        vague_marks=tuple(map(str, data.get("vague_marks", ()))) or ("",),
        lead_in=tuple(sorted(set(data.get("lead_in", [])), key=len, reverse=True)),
        joiner=LazyPattern(_alternatives(joiners + data["separators"])),
        joiner_marks=_marks(joiners + data["separators"]),
        always_joins=frozenset(data["separators"] + [j for j in joiners if j.startswith("等")]),
        body_endings=tuple(data.get("body_endings", ())),
        collective_starts=tuple(data.get("collective_starts", ())),
        with_word=LazyPattern(
            _alternatives(data.get("with_words", [])) or "$^", needles=data.get("with_words", ())
        ),
        with_marks=_marks(data.get("with_words", ())),
        collective=LazyPattern("|".join(f"(?:{p})" for p in collectives)) if collectives else None,
        # (none listed: every name is searched, "" being in every text)
        collective_marks=tuple(map(str, data.get("collective_marks", ()))) or ("",),
        scope=LazyPattern("|".join(f"(?:{p})" for p in data.get("scopes", ())) or "$^"),
        place=LazyPattern(data["place"]) if data.get("place") else None,
        shared_place_endings=tuple(data.get("shared_place_endings", ())),
        level_prefixes=tuple(data.get("level_prefixes", ())),
        each_starts=tuple(data.get("each_starts", ())),
        each_marks=_marks(data.get("each_starts", ())),
        each_kind=LazyPattern(data["each_kind"]) if data.get("each_kind") else None,
        government_endings=tuple(data.get("government_endings", ())),
        clause_words="|".join(f"(?:{p})" for p in data.get("clause_words", ())),
        explanations=tuple(map(str, data.get("explanation_opens", ()))),
        clause_end=LazyPattern(
            rf"(?:{roles})(?:[,;。][^,;。]*){{0,2}}[ \t]*$|^[ \t]*(?:{label_words})[ \t]*:"
        ),
        bare_label=rf"^[ \t]*(?:{label_words})[ \t]*:",
        closing_label=rf"(?<=[。;])\s*((?:{label_words})[ \t]*:)",
        running_lead_in=tuple(data.get("running", {}).get("lead_in", ())),
        running_endings=tuple(data.get("body_endings", ()))
        + tuple(data.get("running", {}).get("collective_endings", ())),
        opening_roles=tuple(
            sorted(data.get("running", {}).get("opening_roles", ()), key=len, reverse=True)
        ),
        titled_work=tuple(data.get("running", {}).get("titled_work", ())),
        titled_ends=tuple("的" + w for w in data.get("running", {}).get("titled_work", ())),
        note_opens=tuple(map(str, notes.get("opens", ()))),
        note_closes=tuple(map(str, notes.get("closes", ()))),
        note_marks=_marks(map(str, (*notes.get("opens", ()), *notes.get("closes", ())))),
        person_endings=tuple(map(str, data.get("person_endings", ()))),
    )


def _marks(words: Iterable[str]) -> tuple[str, ...]:
    """What a text holding one of ``words`` holds for certain, in as few looks as can be:
    each word's first two characters, those holding another dropped (以下 for 以下均 and
    以下各项, 不再 for the seven 不再…列出; 各 for 各有关). A text holding none of them holds
    none of the words: the test a clause (or a list) is put to before the words themselves
    are looked for, which most never need."""
    heads = {word[:2] for word in words}
    return tuple(sorted(h for h in heads if not any(o != h and o in h for o in heads)))


def _check_role(role: str, key: str) -> None:
    if role not in ROLES:
        raise ConfigError(
            "{where}: unknown role {role}", where=f"clause-grammar.yaml:{key}", role=repr(role)
        )


#: the marks a bracket group opens and closes with: round brackets (folded), 【】 and 〔〕
#: (〔责任单位:A、B〕 closing a measure, 川发改 2022 流通体系, 赣市府办发 2018)
GROUP_MARKS = LazyPattern(r"[()【】〔〕]")
_GROUP_OPENER = {")": "(", "】": "【", "〕": "〔"}


@per_text()
def group_marks(folded: str) -> tuple[tuple[int, str], ...]:
    """The marks that open and close bracket groups (``GROUP_MARKS``) in a folded text, with
    their offsets, in order. Kept per text: a task's line is asked whether it holds a clause
    group (the outline), then which of its groups is its clause (``bracket_groups``); its
    marks are found once for both."""
    return tuple([(found.start(), found.group()) for found in GROUP_MARKS.finditer(folded)])


def bracket_groups(folded: str) -> list[tuple[int, int]]:
    """Top-level groups of round brackets, 【】 and 〔〕 as (start, end) offsets, end past
    the closing mark, however they nest: a stack of open marks. A closing mark pairs with
    the nearest open one of its kind (those opened after it inside are dropped); a mark left
    unpaired is skipped, not fatal: the bracket-balance rule (D004) reports it. The year of
    a document number, 〔2020〕, is no group.
    """
    groups: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in group_marks(folded):
        opener = _GROUP_OPENER.get(ch)
        if opener is None:
            stack.append((ch, i))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == opener:
                start = stack[depth][1]
                del stack[depth:]
                if not stack and not (ch == "〕" and folded[start + 1 : i].isdigit()):
                    groups.append((start, i + 1))
                break
    return groups


#: Words that make a parenthetical a responsibility clause rather than prose (the grammar's).
CLAUSE_WORDS = LazyPattern(lambda: grammar().clause_words)


def clause_like_groups(folded: str) -> Iterator[tuple[int, int]]:
    """The clause-like groups of folded text, in order, as (start, end): a group opened by
    ( or 【 and closed by ) or 】, or opened by 〔 and closed by 〕 (〔责任单位:A、B〕, 川发改 2022,
    赣市府办发〔2018〕44号), holding round brackets one level deep, with one of
    ``CLAUSE_WORDS`` outside those. Enough to tell which level of a plan carries the
    clauses, or to count the clauses of one not read.

    The brackets are walked here and only the words are a pattern, ``CLAUSE_WORDS`` itself:
    the role vocabulary is compiled once, not again inside a pattern of brackets (each such
    wrapper would be compiled again at every start). A group that does not close (an
    unpaired mark, a 【 inside it, a second level of brackets) is no group, and the next
    opening mark is tried, as a pattern's search would."""
    if "(" not in folded and "【" not in folded and "〔" not in folded:
        return  # no group opens: most lines of prose
    marks = group_marks(folded)
    after = 0  # groups do not overlap: the next one starts after the last one's end
    for n, (start, mark) in enumerate(marks):
        if start < after or mark not in "(【〔":
            continue
        end = _group_end(folded, marks, n)
        if end is not None:
            after = end
            if not explains(folded[start + 1 : end]):
                yield start, end


@per_text()
def holds_clause_group(folded: str) -> bool:
    """Does the text hold a clause-like group anywhere (``clause_like_groups``)? Kept per
    text: the outline and the drafts ask it of the same lines, and a plan's drafts share
    their lines."""
    return next(clause_like_groups(folded), None) is not None


def _group_end(folded: str, marks: Sequence[tuple[int, str]], opening: int) -> int | None:
    """The end of the clause group opened at ``marks[opening]``, or None: its closing mark
    is the first ) or 】 (〕 for a 〔) outside its inner round brackets; it holds a clause
    word outside them. A 〔〕 inside a round group is a name's (省市场监管局〔省知识产权局〕)."""
    closers = "〕" if marks[opening][1] == "〔" else ")】"
    begin = marks[opening][0] + 1  # where the text outside inner brackets resumes
    has_word = False
    n = opening + 1
    while n < len(marks):
        at, mark = marks[n]
        if mark in "〔〕" and closers != "〕":
            n += 1  # (A〔B〕负责): part of the group's text
            continue
        if mark in "【〔":
            return None
        has_word = has_word or _word_between(folded, begin, at)
        if mark in closers:
            return at + 1 if has_word else None
        if mark in ")】":
            return None
        n += 1  # an inner ( : it closes at the next round bracket, a )
        while n < len(marks) and marks[n][1] in "【】〔〕":
            n += 1
        if n == len(marks) or marks[n][1] != ")":
            return None
        begin = marks[n][0] + 1
        n += 1
    return None


def _word_between(folded: str, start: int, end: int) -> bool:
    """Does one of ``CLAUSE_WORDS`` start in ``folded[start:end]``, a text without
    brackets (no clause word holds one) before the bracket at ``end``? The search sees that
    bracket too, for a word whose pattern looks at what follows it (指导 before a ) or ,)."""
    found = CLAUSE_WORDS.search(folded, start, end + 1) if end > start else None
    if found is not None and found.start() < end:
        return True
    return end > start and _word_in_blanked(folded[start : end + 1])


def _word_in_blanked(text: str) -> bool:
    """Does ``text`` hold a clause word that blanks a conversion left cut (``责  任单位``,
    ``责任单  位``: a PDF's wrapped lines, 锡新办发〔2020〕13号)? Asked only where no word was
    found as written; the text closed up as a clause's is (``close_up``) is searched."""
    if " " not in text and "\t" not in text:
        return False
    return CLAUSE_WORDS.search(close_up(text)[0]) is not None


def ends_in_clause_group(folded: str) -> bool:
    """Does the text end with a group of round brackets (none inside it) holding a clause
    word, perhaps a stop (。 or ;) and blanks after it: ``……(A负责)。``?"""
    body = folded.removesuffix("\n").rstrip(" \t")  # as a pattern's $ before a last newline
    if body.endswith(("。", ";")):
        body = body[:-1].rstrip(" \t")
    if not body.endswith(")"):
        return False
    close = len(body) - 1
    open_ = body.rfind("(", 0, close)
    return (
        open_ >= 0 and body.find(")", open_, close) < 0 and _word_between(folded, open_ + 1, close)
    )


#: a clause on a line of its own without brackets: 牵头单位:A;配合单位:B / 责任单位:A、B
BARE_CLAUSE = LazyPattern(lambda: grammar().bare_label, needles=(":",))
#: the same, closing the task's own line after its last sentence: …队伍建设。责任单位:A
CLOSING_LABEL = LazyPattern(lambda: grammar().closing_label, needles=(":",))


@cache
def _skipped() -> frozenset[str]:
    return frozenset(str(s) for s in (builtin("clauses.yaml") or {}).get("skip_segments", ()))


@cache
def _vocabulary() -> tuple[
    frozenset[str], LazyPattern | None, LazyPattern | None, tuple[str, ...], tuple[str, ...]
]:
    """Non-agency subjects, their patterns, the lead-note wording (each compiled at its
    first use: a plan whose names hold no subject mark never searches the subject patterns),
    what every name the subject patterns match holds and what every lead note holds (none
    listed: "", in every text), from rules/clauses.yaml."""
    data = builtin("clauses.yaml") or {}
    subjects = frozenset(str(s) for s in data.get("subjects", ()))

    def compiled(key: str) -> LazyPattern | None:
        patterns = [str(p) for p in data.get(key, ())]
        return LazyPattern("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    marks = tuple(str(m) for m in data.get("subject_marks", ())) or ("",)
    note_marks = tuple(str(m) for m in data.get("lead_note_marks", ())) or ("",)
    return subjects, compiled("subject_patterns"), compiled("lead_note_patterns"), marks, note_marks


@per_text()
def is_subject(name: str) -> bool:
    """A named subject that is not an agency (各省级人民政府, 国务院各部门, 有关部门和单位…).
    The patterns are searched only in a name holding one of their marks (most bodies' names,
    国家知识产权局, hold none): a search tries them at each character of the name."""
    subjects, pattern, _, marks, _ = _vocabulary()
    if name in subjects:
        return True
    if pattern is not None and _holds_any(name, marks) and pattern.search(name) is not None:
        return True
    g = grammar()
    return (
        g.collective is not None
        and _holds_any(name, g.collective_marks)
        and g.collective.search(name) is not None
    )


def is_lead_note(segment: str) -> bool:
    """A clause segment that states the document's lead convention (…为牵头部门, 下同)."""
    _, _, note, _, marks = _vocabulary()
    return (
        note is not None and _holds_any(segment, marks) and note.search(segment.strip()) is not None
    )


def ends_like_clause(inner: str) -> bool:
    """A clause says who at its end, or lists under labels: ``A、B负责``; ``责任单位:A``.
    ``(由财政部负责组织的项目除外)`` names a role in passing and is no clause."""
    end = grammar().clause_end
    if end.search(inner) is not None:
        return True
    blank = " " in inner or "\t" in inner
    return blank and end.search(close_up(inner)[0]) is not None


def looks_like_clause(inner: str) -> bool:
    """A parenthetical is a clause when it assigns responsibility (负责, 牵头, 配合…), its
    words read as a clause reads them, without the blanks a conversion left inside them."""
    words = CLAUSE_WORDS.search(inner) is not None or _word_in_blanked(inner)
    return words and not explains(inner)


def explains(inner: str) -> bool:
    """Does a bracket's text open as an explanation does (``包括牵头单位自身``: the grammar's
    ``explanation_opens``)? It says what the sentence covers, whatever role word it holds."""
    return inner.lstrip(" \t").startswith(grammar().explanations)


def is_bare_list(folded_inner: str) -> bool:
    """A bracket holding only names of bodies (``区水务局(区海洋局)、相关沿海街镇``): a clause
    without its role word, where a document writes every clause so."""
    g = grammar()
    names = [  # a list runs on over a comma: (市发改委、财政局,无锡国税局、地税局)
        name for part in re.split(r"[,;]", folded_inner) for name, _ in _names(g, part)
    ]
    return bool(names) and all(_looks_like_party(g, name) for name in names)


def _looks_like_party(g: Grammar, name: str) -> bool:
    """A body's name (it ends as bodies' names do: 局, 委, 中心…) or a collective."""
    if not name or _NOT_A_NAME.search(name) or len(name) > _LONGEST_NAME:
        return False
    return is_subject(name) or without_second_name(name).endswith(g.body_endings)


@cache
def joining_words() -> frozenset[str]:
    """The joiners of one character (和, 与, 及): the words a body's own name may join its
    parts with, and that a drafter writes one for another (市规划和自然资源局, 市规划与自然资源局)."""
    joiners = (builtin("clause-grammar.yaml") or {}).get("joiners", ())
    return frozenset(str(word) for word in joiners if len(str(word)) == 1)


def body_endings() -> tuple[str, ...]:
    """How the names of bodies end (局, 委, 办公室, 政府, 中心…), as the grammar lists them."""
    return grammar().body_endings


def running_clauses(line: str) -> list[tuple[int, int]]:
    """The clauses written in the running text of one line of an item (folded), as
    (start, end) in the line: a sentence that is a clause (……。市商务委负责。), a statement
    opening a segment with 由 (……，由区交通委牵头，区发改委配合。), or the parties opening a
    sentence with their role (各区政府负责……): the forms of ``running`` in the grammar.
    Asked only of items that carry no bracketed or labelled clause."""
    g = grammar()
    if not any(word in line for word in g.opening_roles) and not _tail_in(g, line):
        return []  # no role word at all: most lines of prose
    found: list[tuple[int, int]] = []
    for start, end in _sentences(line):
        segments = _segments_of(line, start, end)
        if not segments:
            continue
        if all(_is_clause_segment(g, line[s:e]) for s, e in segments):
            found.append((segments[0][0], segments[-1][1]))
            continue
        statement = _statement(g, line, segments) or _opening(g, line, segments[0])
        if statement is not None:
            found.append(statement)
    return found


@per_text()
def titled_lead(line: str) -> tuple[int, int] | None:
    """The clause a heading's whole title is where it names the lead of the measures under
    it (folded text after the number: 省监察厅牵头的工作, 各区政府负责的任务): the span of the
    parties and their role in ``line``, or None. Only a title that is nothing else: the
    parties, an opening role, 的 and a word of ``titled_work``; every name built like a
    body's (孟学农省长负责的工作 names a person, and is no clause). Kept per text: the
    parse asks it of each task's first line twice (which tasks carry clauses, then each
    task's own), and a task's first line carries over from plan to plan."""
    g = grammar()
    text = line.rstrip().rstrip("。;")
    if not text.endswith(g.titled_ends):
        return None  # (nearly every line: one look tells)
    start = len(text) - len(text.lstrip())
    for work in g.titled_work:
        if not text.endswith("的" + work):
            continue
        head = text[: len(text) - len(work) - 1]
        for role in g.opening_roles:  # longest first: 牵头负责 before 负责
            if head.endswith(role) and _all_parties(g, head[start : len(head) - len(role)]):
                return start, len(head)
        return None
    return None


def heads_duty_list(title: str) -> bool:
    """Is an item's title (its words before the first stop) only the name of a body, or of
    bodies (1.街道消委办。牵头开展…; (四)区商务委、区城管执法局。负责…)? Then the item lists
    that body's duties (a duty list, 职责分工), not a task whose clause its text holds."""
    g = grammar()
    names = [name for name, _ in _names(g, title.strip())]
    return bool(names) and all(_names_a_party(g, name) for name in names)


def _tail_in(g: Grammar, line: str) -> bool:
    """Does ``line`` hold any role word (a clause needs one)?"""
    return any(word in line for word in g.role_words)


def _sentences(line: str) -> list[tuple[int, int]]:
    """The sentences of a line, between its 。;!? (outside brackets), without the mark."""
    return [
        (s, e) for s, e in _cut_outside_brackets(line, 0, len(line), "。;!?") if line[s:e].strip()
    ]


def _segments_of(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence's segments between its commas (outside brackets), blanks trimmed."""
    trimmed = []
    for s, e in _cut_outside_brackets(line, start, end, ","):
        text = line[s:e]
        s += len(text) - len(text.lstrip())
        e -= len(text) - len(text.rstrip())
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _cut_outside_brackets(line: str, start: int, end: int, marks: str) -> list[tuple[int, int]]:
    """``line[start:end]`` cut at each of ``marks`` that stands outside brackets, as spans
    without the marks (a clause in brackets inside a sentence is not cut)."""
    spans = []
    depth = 0
    begin = start
    for at in range(start, end):
        char = line[at]
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
        elif not depth and char in marks:
            spans.append((begin, at))
            begin = at + 1
    spans.append((begin, end))
    return spans


def _is_clause_segment(g: Grammar, text: str) -> bool:
    """A segment that is parties closed by a role word (由A牵头, B、C配合), every name built
    like a body's or a collective, nothing left unplaced."""
    tail = _tail(g, text)
    if tail is None or not tail.group().strip() or tail.start() == 0:
        return False
    return _all_parties(g, text[: tail.start()])


def _all_parties(g: Grammar, names_text: str) -> bool:
    """Is ``names_text`` (a lead-in allowed before it) nothing but parties?"""
    names_text = names_text[_lead_in_end(g, names_text) :]
    if not names_text.strip():
        return False
    names = [
        name
        for part, _ in _split_with(g, names_text, 0)
        for name, _ in _names(g, _strip_vague(g, part)[0])
    ]
    return bool(names) and all(_names_a_party(g, name) for name in names)


def _names_a_party(g: Grammar, name: str) -> bool:
    """A name in running text that is a party: built like a body's or a collective of
    bodies (各区政府, 各街镇), not any words after 各 (各项工作)."""
    if not name or _NOT_A_NAME.search(name) or name.startswith(g.running_lead_in):
        return False
    body = without_second_name(name)
    inner_lead_in = any(word in body for word in g.running_lead_in)  # …推进由街镇: prose
    return len(body) <= _LONGEST_RUNNING and not inner_lead_in and body.endswith(g.running_endings)


def _statement(g: Grammar, line: str, segments: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A statement opening a segment with a lead-in (由A牵头), with the clause segments after
    it (B、C配合): its span, or None."""
    for n, (start, end) in enumerate(segments):
        text = line[start:end]
        if not text.startswith(g.running_lead_in) or not _is_clause_segment(g, text):
            continue
        last = n
        while last + 1 < len(segments) and _is_clause_segment(g, line[slice(*segments[last + 1])]):
            last += 1
        return start, segments[last][1]
    return None


def _opening(g: Grammar, line: str, segment: tuple[int, int]) -> tuple[int, int] | None:
    """The parties opening a sentence with their role and then the work (各区政府负责……):
    the span of the parties and the role word, or None."""
    start, end = segment
    text = line[start:end]
    found = [(text.find(word), -len(word), word) for word in g.opening_roles if word in text]
    if not found:
        return None
    at, _, word = min(found)  # the first role word decides: 区交通委是…,负责… is no clause
    if at <= 0 or at + len(word) >= len(text):
        return None
    before = text[:at]
    manners = _tail(g, before + word)
    names_end = manners.start() if manners is not None else at
    if not _all_parties(g, before[:names_end]):
        return None
    return start, start + at + len(word)


def lists_jointly(label: str | None) -> bool:
    """A label whose list names bodies jointly responsible (责任单位:A、B; a label coined so,
    责任处室:, 责任处室、单位: 杭卫计办〔2015〕22号): it claims no lead."""
    return label is not None and label_role(grammar(), label) == "responsible"


def parse_clause(
    source: Source, folded_inner: str, inner_start: int, start: int, end: int
) -> Clause:
    """Parse a clause's folded inner text; ``inner_start`` is its offset in the source,
    ``start`` and ``end`` where the whole clause is written (its brackets, if any, included).
    Its parties are placed in the source and sorted, in one pass, into agencies and
    subjects (collectives, 各区政府); where none is a subject, as in most clauses, the
    agencies are the parties, one tuple."""
    text = source.text[inner_start : inner_start + len(folded_inner)]
    closed, kept = close_up(folded_inner)
    reading = _read_clause(closed)
    starts = source.line_starts
    # the source offset of each character of the closed-up text: a name read without the
    # blank inside it spans the blank as written (no name or part read is empty)
    if kept is None:
        at_source: Sequence[int] = range(inner_start, inner_start + len(closed))
    else:
        at_source = [inner_start + at for at in kept]
    parties, agencies, subjects = [], [], []
    for name, at, role, collective in reading.parties:
        ref = AgencyRef(name, at_source[at], at_source[at + len(name) - 1] + 1, role, starts)
        parties.append(ref)
        if collective:
            subjects.append(name)
        else:
            agencies.append(ref)
    placed = tuple(parties)
    unplaced = (
        tuple(
            (part, Span(at_source[at], at_source[at + len(part) - 1] + 1, starts))
            for part, at in reading.unplaced
        )
        if reading.unplaced
        else ()
    )
    # the fields in their order, none by keyword: a NamedTuple's generated ``__new__``
    # takes a keyword argument at a cost of its own (callgrind), and a plan
    # makes a Clause for each task (a 10 MB plan, 51,000)
    return Clause(
        text,  # inner
        start,
        end,
        tuple(agencies) if subjects else placed,  # agencies
        reading.shared,
        reading.vague,
        reading.lead_marked,
        starts,
        tuple(subjects),
        reading.lead_note,
        reading.label,
        placed,  # parties
        reading.deadline,
        reading.notes,
        unplaced,
    )


#: a run of blanks between two Chinese characters (``发展 改革委``, ``按职责分工 负责``,
#: ``牵  头``): a PDF's justified line or an OCR's reading spaces the characters of a word
_INNER_BLANK = LazyPattern(rf"(?<={HAN})[ \t]+(?={HAN})")
#: a label with its colon after a blank: the blank parts two labelled lists (``牵头单位:A
#: 配合单位:B``), it is no blank inside a word
_LABEL_AHEAD = LazyPattern(rf"{HAN}{{2,10}}[ \t]*:")


def close_up(folded_inner: str) -> tuple[str, list[int] | None]:
    """A clause's text without the blanks a conversion left inside its words, and where
    each character kept stands in the text (None when nothing was dropped).

    A PDF's text layer (justified lines) and an OCR'd page put blanks between the
    characters of one word (``发展 改革委``, ``无锡经济 开发区管委会``, ``按职责分工 负责``,
    ``牵  头责任部门``); no name, role or label of the family is written with a blank inside
    it. A blank is kept where it may part two things: after a word that ends as a body's
    name or a collective does (``区发展改革委 区财政局``, two names, as a table cell joins
    its lines), and before a label (``牵头单位:A 配合单位:B``)."""
    if " " not in folded_inner and "\t" not in folded_inner:
        return folded_inner, None  # nearly every clause
    g = grammar()
    drops = [
        blank
        for blank in _INNER_BLANK.finditer(folded_inner)
        if not _word_before(folded_inner, blank.start()).endswith(g.running_endings)
        and not _parts_lists(folded_inner, blank.start(), blank.end())
    ]
    if not drops:
        return folded_inner, None
    pieces, kept, cursor = [], [], 0
    for blank in drops:
        pieces.append(folded_inner[cursor : blank.start()])
        kept.extend(range(cursor, blank.start()))
        cursor = blank.end()
    pieces.append(folded_inner[cursor:])
    kept.extend(range(cursor, len(folded_inner) + 1))  # (and where the text ends)
    return "".join(pieces), kept


def _parts_lists(text: str, start: int, end: int) -> bool:
    """Does the blank at ``text[start:end]`` part a labelled list from the label of the next
    (``牵头单位:A 配合单位:B``)? A label follows it, and one opens the text before it since
    the last mark: the ``头`` of ``牵  头单位:`` opens no second list."""
    if _LABEL_AHEAD.match(text, end) is None:
        return False
    since = max(text.rfind(mark, 0, start) for mark in ",;。(")
    return ":" in text[since + 1 : start]


def _word_before(text: str, end: int) -> str:
    """The Chinese characters that run up to ``end``: the word a blank follows."""
    start = end
    while start > 0 and _HAN_ONLY.fullmatch(text[start - 1]) is not None:
        start -= 1
    return text[start:end]


class Reading:
    """What a clause says, offsets relative to its inner text."""

    __slots__ = (
        "deadline",
        "label",
        "lead_marked",
        "lead_note",
        "notes",
        "parties",
        "shared",
        "unplaced",
        "vague",
    )

    def __init__(
        self,
        parties: tuple[tuple[str, int, str, bool], ...],
        shared: bool,
        vague: str | None,
        lead_marked: bool,
        lead_note: str | None,
        label: str | None,
        deadline: str | None,
        notes: tuple[str, ...],
        unplaced: tuple[tuple[str, int], ...],
    ) -> None:
        self.parties = parties  # name, offset, role, collective
        self.shared = shared
        self.vague = vague
        self.lead_marked = lead_marked
        self.lead_note = lead_note
        self.label = label
        self.deadline = deadline
        self.notes = notes
        self.unplaced = unplaced


class _Party:
    """A party while its clause is read: its role is settled once the clause is."""

    __slots__ = ("at", "collective", "marked", "name", "role")

    def __init__(self, name: str, at: int, role: str, collective: bool, marked: bool) -> None:
        self.name = name
        self.at = at
        self.role = role
        self.collective = collective
        self.marked = marked


class _Clause:
    """The reading under way: what each segment adds."""

    def __init__(self) -> None:
        self.parties: list[_Party] = []
        self.shared = False
        self.vague: str | None = None
        self.lead_note: str | None = None
        self.label: str | None = None
        self.deadline: str | None = None
        self.notes: list[str] = []
        #: a labelled note (适用范围:…) is open: segments after it that name neither a label
        #: nor a role go on saying what it says
        self.note_open = False
        self.unplaced: list[tuple[str, int]] = []
        self.marked = False  # a party is marked as the lead in its list: A(牵头)


@per_text()
def _read_clause(folded_inner: str) -> Reading:
    """Read a clause by the grammar. Kept per text: a plan repeats its clauses
    (国家知识产权局负责) far more often than it varies them."""
    g = grammar()
    state = _Clause()
    pending: list[_Party] = []  # parties of segments without a role word, waiting for one
    notes = _standing_notes(g, folded_inner)
    for text, start in _segments(g, folded_inner):
        note = next((n for n in notes if n[0] <= start < n[1]), None) if notes else None
        if note is not None:  # a standing note's segment: the note, once, not parties
            if start == note[0] or not folded_inner[note[0] : start].strip():
                state.notes.append(folded_inner[note[0] : note[1]].strip())
            continue
        if pending and _label(text):  # a label opens a new list: the last one ends
            _give_role(state, pending)
        role, added = _read_segment(g, state, text, start)
        if not added:
            continue
        if role is None:  # names without a role: the list goes on in the next segment
            pending.extend(state.parties[-added:])
            continue
        for party in pending:
            party.role = role
        pending.clear()
    _give_role(state, pending)
    lead_marked = _settle_roles(state.parties, state.marked)
    return Reading(
        tuple([(p.name, p.at, p.role, p.collective) for p in state.parties]),
        state.shared,
        state.vague,
        lead_marked,
        state.lead_note,
        state.label,
        state.deadline,
        tuple(state.notes),
        tuple(state.unplaced),
    )


def _standing_notes(g: Grammar, folded_inner: str) -> list[tuple[int, int]]:
    """The sentences of a clause that are standing notes (``standing_notes``: 以下均需区市场
    监管局落实，…，不再单独列出): how the clauses below are read, not who does this task. A
    note follows the task's own assignment: the first sentence is never one (in 科技部负责，
    不再单独列出 科技部 does this task too)."""
    if not _holds_any(folded_inner, g.note_marks):
        return []  # nearly every clause: no note word in it (told by ``in``: the words as
        # one pattern would be compiled at every start)
    sentences = _cut_outside_brackets(folded_inner, 0, len(folded_inner), ";。")
    return [
        (start, end)
        for start, end in sentences[1:]
        if folded_inner[start:end].strip().startswith(g.note_opens)
        or folded_inner[start:end].strip().rstrip(",").endswith(g.note_closes)
    ]


def _give_role(state: _Clause, pending: list[_Party]) -> None:
    """Parties no role word followed take the role of the segment before them (牵头单位:X,
    配合单位:Y,各区: 各区 cooperates), or 负责 where none is before them."""
    if pending:
        index = state.parties.index(pending[0])
        role = state.parties[index - 1].role if index else "responsible"
        for party in pending:
            party.role = role
        pending.clear()


def _read_segment(g: Grammar, state: _Clause, text: str, start: int) -> tuple[str | None, int]:
    """Add what one segment says to ``state``: the role its parties take (None when it
    names none: the role comes in a later segment) and how many parties it adds."""
    stripped = text.strip()
    if not stripped:
        return None, 0
    if is_lead_note(stripped):
        text = _without_lead_notes(state, text)
        stripped = text.strip()
        if not stripped:
            return None, 0
    if stripped in _skipped():
        if state.lead_note:
            state.lead_note += "," + stripped
        return None, 0
    if stripped in g.note_closes:  # A负责,不再单独列出: a note on the lists below
        state.notes.append(stripped)
        return None, 0
    # a time limit opens with a digit or a word its patterns open with; a party's name does not
    opens_as_time = stripped[0].isdecimal() or stripped.startswith(g.time_limit_starts)
    if opens_as_time and g.time_limit.match(stripped):
        state.deadline = state.deadline or stripped
        return None, 0
    if not _holds_any(stripped, g.separators) and g.note.match(stripped):
        state.notes.append(stripped)  # a note is no list of names: none holds a 、
        return None, 0
    label = _label(text)
    if state.note_open and label is None and not _says_a_role(g, text):
        state.notes[-1] += "," + stripped  # the labelled note goes on
        return None, 0
    state.note_open = False
    role: str | None = None
    if label is not None:
        word = label.group(1)
        rest = text[label.end() :].strip()
        if word in g.note_labels:
            state.notes.append(stripped)
            state.note_open = True
            return None, 0
        if word in g.time_labels:
            state.deadline = state.deadline or rest
            return None, 0
        role = label_role(g, word)
        if role is None:
            state.unplaced.append((stripped, start + len(text) - len(text.lstrip())))
            return None, 0
        if word not in g.labels and _doubled_role_word(g, word):
            # 牵头牵头责任部门 (锡梁委发〔2020〕21号): a word typed twice; the list is still read
            state.unplaced.append((word, start + label.start(1)))
        state.label = state.label or word
        text, start = text[label.end() :], start + label.end()
    tail = _tail(g, text)
    if tail is not None and tail.group().strip():
        said, shared = _tail_says(tail.group())
        # under a label, 负责 (or the manner alone) says how, the label who: 牵头单位:A、B、C等
        # 按职责分工 names three leads (赣市府办发〔2018〕 五个中心), 配合单位:A按职责分工负责 a
        # body that cooperates; a role word of its own (责任单位:A牵头) still names the role
        role = role if role is not None and said == "responsible" else said
        state.shared = state.shared or shared
        text = text[: tail.start()]
    lead_in = _lead_in_end(g, text)
    if lead_in:
        text, start = text[lead_in:], start + lead_in
    return role, _add_parties(g, state, text, start, role)


def _lead_in_end(g: Grammar, text: str) -> int:
    """Where the names start after the lead-in word opening ``text`` (由, 并由: blanks
    before it allowed), or 0 where none opens it."""
    body = text.lstrip(" \t")
    if not body.startswith(g.lead_in):
        return 0  # (nearly every list: one look tells)
    word = next(word for word in g.lead_in if body.startswith(word))  # the longest
    return len(text) - len(body) + len(word)


def _says_a_role(g: Grammar, text: str) -> bool:
    """Does a segment end in a role word (A、B负责), naming parties of the task?"""
    tail = _tail(g, text)
    return tail is not None and bool(tail.group().strip())


def _without_lead_notes(state: _Clause, text: str) -> str:
    """A segment that states the lead convention, its note taken into ``state.lead_note``:
    the whole segment (``列第一位者为牵头单位``), or only the brackets inside it that are
    the note, the names before them read as any list (``责任单位:A、B、C(列第一位者为牵头或
    汇总单位,下同)``, 浙政办 2021): what is left, blanked where the note was (offsets kept),
    or nothing."""
    notes = [
        found
        for found in (_BRACKETED.finditer(text) if _has_bracket(text) else ())
        if is_lead_note(found.group()[1:-1])
    ]
    if not notes or not "".join(_blank(text, notes)).strip():
        notes_text = [text.strip()]
        text = ""
    else:
        notes_text = [found.group()[1:-1].strip() for found in notes]
        text = "".join(_blank(text, notes))
    for note in notes_text:
        state.lead_note = (state.lead_note + "," if state.lead_note else "") + note
    return text


def _blank(text: str, found: list[re.Match[str]]) -> list[str]:
    """``text`` with each of ``found`` replaced by blanks of its length (offsets kept)."""
    pieces, cursor = [], 0
    for match in found:
        pieces += [text[cursor : match.start()], " " * (match.end() - match.start())]
        cursor = match.end()
    return [*pieces, text[cursor:]]


def label_role(g: Grammar, word: str) -> str | None:
    """The role of the parties a label opens, or None when the label is not one of parties.

    A listed label has its role (牵头单位: and 牵头: alike). An unlisted one that ends as labels
    of parties do (牵头考核单位:, 配合落实部门:) takes the role of the first role word in it
    (the longest there: 配合落实 cooperates), or responsible when it holds none: offices coin
    labels, their endings stay the same."""
    role = g.labels.get(word) or g.role_of.get(word)
    if role is not None or not word.endswith(g.label_endings):
        return role
    inside = [(word.index(w), -len(w), w) for w in g.role_words if w in word]
    return g.role_of[min(inside)[2]] if inside else "responsible"


def _doubled_role_word(g: Grammar, word: str) -> bool:
    """Does a coined label write one of the role words twice running (牵头牵头责任部门)? No
    label of the family does: it is a slip to report, not a label of its own."""
    return any(role + role in word for role in g.role_words if role in word)


def _label(text: str) -> re.Match[str] | None:
    """The label opening a segment (``牵头单位:``), or None: most segments hold no colon."""
    return _LABEL.match(text) if ":" in text else None


def _tail(g: Grammar, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """``g.tail`` searched in ``text[start:end]``: the role words, with the manners before
    them, that end a segment. A segment whose last character ends no role word (a list's
    names, most of them) cannot hold a tail and is not searched. A tail holds only its
    words' characters, so it starts inside the run of them that ends the segment: the
    search starts there, not at every character of the names before it (searched from the
    start, a segment of six names cost several times as much), and tells at once of a run
    that is no tail (a test of its ending first, against every role word, cost more than
    the search it spared)."""
    end = len(text) if end is None else end
    if end <= start or text[end - 1] not in g.tail_last:
        return None  # (most texts: their last character ends no role word, one look tells)
    body = text[start:end].removesuffix("\n")  # (the newline that $ may stand before)
    return g.tail.search(text, start + len(body.rstrip(g.tail_chars)), end)


def _has_bracket(text: str) -> bool:
    """Does ``text`` open a bracket a clause's names may hold: ( 〔 [ 【?"""
    return "(" in text or "〔" in text or "[" in text or "【" in text


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` hold one of ``words``? A loop, not ``any`` over a generator, which costs
    a generator a call and about twice the time, for the few words asked of every clause
    or list."""
    for word in words:  # noqa: SIM110 (the loop is the point: see the docstring)
        if word in text:
            return True
    return False


@per_text()
def _tail_says(words: str) -> tuple[str, bool]:
    """The role of a tail's first role word (按职责分工负责 → responsible), and whether its
    manners share the task out (按职责分工). Kept per text: a plan's tails are a handful."""
    g = grammar()
    best = None
    for word, role in g.role_of.items():
        if word in g.shared_manners and words != word:
            continue  # 按职责分工 is the role only alone (〔A、B按职责分工〕), else the manner
        at = words.find(word)
        if at >= 0 and (best is None or at < best[0] or (at == best[0] and len(word) > best[2])):
            best = (at, role, len(word))
    return best[1] if best else "responsible", any(m in words for m in g.shared_manners)


def _add_parties(g: Grammar, state: _Clause, text: str, start: int, role: str | None) -> int:
    """The parties of a list (``A会同B、C等``), each with ``role`` (those after 会同 take
    part); returns how many. A list's role may be unknown yet (None): "responsible" holds
    its place until a later segment gives it."""
    before = len(state.parties)
    if g.person_endings and text.rstrip().endswith(g.person_endings):
        state.notes.append(text.strip())  # 蒋宏坤、许慧玲同志: persons, not bodies
        return 0
    for n, (part, part_start) in enumerate(_split_with(g, text, start)):
        part_role = role or "responsible"
        if n and part_role in ("lead", "responsible"):
            part_role = "participant"  # A会同B负责: A leads, B takes part
        body, vague = _strip_vague(g, part)
        scope = None
        if vague:
            body, scope = _without_scope(g, body)
            if not (n and not body.strip()):  # 会同有关部门: the lead is named, not vague
                state.vague = state.vague or vague
        names = _names(g, body)
        # a 各 (有关) in a list of names may distribute over the kinds after it (most: none)
        each = len(names) > 1 and _holds_any(body, g.each_marks)
        if each:
            names = _one_each(g, body, names)
        places = _places(g, names, each)
        for name, name_start in names:
            if "等" in name:  # (most names: none closes its own group, A等相关单位)
                name, inner_vague = _strip_vague_inside(g, name)
                state.vague = state.vague or inner_vague
            _add_name(state, name, part_start + name_start, part_role, name in places)
        if scope is not None:  # 国务院有关部门: open, not a name
            name, at = scope
            state.parties.append(_Party(name + vague, part_start + at, part_role, True, False))
        elif vague and not n and not body.strip() and not vague.startswith("等"):
            # the list is the collective alone: (有关部门按职责分工负责,年内持续推进) names
            # those who do the task, open as they are (津 2020 政府工作报告分工, 47.)
            at = len(part) - len(part.lstrip())
            state.parties.append(_Party(vague, part_start + at, part_role, True, False))
    return len(state.parties) - before


def _places(g: Grammar, names: list[tuple[str, int]], each: bool) -> frozenset[str]:
    """The names of a list that stand for places, each the collective of a place's bodies,
    not one body: for their governments (``_governed_places``), bare kinds after 各
    (``_each_kinds``, where ``each``: the list holds one of ``each_marks``), places sharing
    the list's last ending (``_shared_kind``). Each is told by the names around it: a list
    of one name has none."""
    if len(names) < 2:
        return frozenset()
    last = names[-1][0]
    if not (
        last.endswith(g.government_endings)  # (else no place is governed)
        or last.endswith(g.shared_place_endings)  # (else no kind is shared: ``_shared_kind``
        or _bare_place(g, names[0][0])  # needs that, or the first name a bare place)
        or each  # (else no kind follows a 各: ``_each_kinds``)
    ):
        return frozenset()  # most lists: bodies' names, the last no government's
    kinds = _each_kinds(g, names) if each else frozenset()
    return _governed_places(g, names) | kinds | _shared_kind(g, names)


def _governed_places(g: Grammar, names: list[tuple[str, int]]) -> frozenset[str]:
    """Places a list names for their governments: in ``浦东新区、徐汇区、闵行区政府`` the
    政府 of the last is every place's. Empty unless the list ends with a government."""
    if g.place is None or not names or not names[-1][0].endswith(g.government_endings):
        return frozenset()
    return frozenset(name for name, _ in names[:-1] if g.place.match(name))


def _shared_kind(g: Grammar, names: list[tuple[str, int]]) -> frozenset[str]:
    """Places whose kind the list's last name writes once for all: the 欧阳, 曲阳 and 凉城 of
    ``欧阳、曲阳、凉城、广中街道``, and the places whose body it writes once for all: the
    番禺, 花都 of ``番禺、花都、南沙检验检疫局``, where every name before the last is such a
    place. Only short names that end no body's way share it (a 市绿化市容局 before them is a
    body of its own)."""
    if len(names) < 2:
        return frozenset()
    last = names[-1][0]
    if last.endswith(g.shared_place_endings):
        return frozenset(name for name, _ in names[:-1] if _bare_place(g, name))
    # 番禺、花都、增城、从化、南沙检验检疫局 (穗府〔2018〕8号): the last is a place's body, and
    # the bare places before it (every name before it, two or more, all of one length, none
    # with a level prefix: 省残联 before 省知识产权局 is a body of its own) are the same body's
    # (most lists: their first name is a body's, which ends the search)
    if not last.endswith(g.body_endings) or not all(_bare_place(g, name) for name, _ in names[:-1]):
        return frozenset()
    bare = frozenset(name for name, _ in names[:-1])
    if len(bare) < 2 or len(bare) != len(names) - 1:
        return frozenset()  # (a name written twice is no list of places)
    lengths = {len(name) for name in bare}
    place = lengths.pop() if len(lengths) == 1 else 0
    tail = last[place:]
    prefixed = any(name.startswith(g.level_prefixes) for name in bare) or last.startswith(
        g.level_prefixes
    )
    if place and len(tail) >= 2 and tail.endswith(g.body_endings) and not prefixed:
        return bare if _HAN_ONLY.fullmatch(last) else frozenset()
    return frozenset()


def _bare_place(g: Grammar, name: str) -> bool:
    """A short name of Han characters that ends no body's way: a place's alone (欧阳, 番禺)."""
    return (
        2 <= len(name) <= 4
        and _HAN_ONLY.fullmatch(name) is not None
        and not name.endswith(g.body_endings)
    )


def _one_each(g: Grammar, body: str, names: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The names of a list with each collective that a 各 (or 有关) distributes over bare kinds
    of place, a government written once after the last of them, made one name as written:
    ``各市、县〔区〕政府`` (赣府厅发〔2020〕4号), ``各县、市、区政府`` (滁州市 2020), ``有关设区市、县〔区〕
    人民政府`` (赣府发〔2020〕8号) are each the governments of many places, one subject that leads
    or takes part as a whole. Without the government the kinds stay parties of their own, more
    of the same collective (各镇、街道; 各区、县级市). Asked of a list of two names or more
    holding one of ``each_marks`` (no other has a name opening with 各 or 有关)."""
    if g.each_kind is None:
        return names
    merged: list[tuple[str, int]] = []
    run: list[tuple[str, int]] = []  # a collective and the bare kinds after it

    def close() -> None:
        last = run[-1][0] if run else ""
        if len(run) > 1 and last.endswith(g.government_endings):
            start = run[0][1]
            merged.append((body[start : run[-1][1] + len(last)], start))
        else:
            merged.extend(run)
        run.clear()

    for name, at in names:
        if run and g.each_kind.match(name):
            run.append((name, at))
            continue
        if run:
            close()
        if _opens_each(g, name):
            run.append((name, at))
        else:
            merged.append((name, at))
    close()
    return merged


def _opens_each(g: Grammar, name: str) -> bool:
    """Is ``name`` a collective of a bare kind of place, 各 (or 有关) before it: 各区, 有关县?"""
    # (most names start with no such word: one C call tells, before trying each)
    return (
        g.each_kind is not None
        and name.startswith(g.each_starts)
        and any(name.startswith(w) and g.each_kind.match(name[len(w) :]) for w in g.each_starts)
    )


def _each_kinds(g: Grammar, names: list[tuple[str, int]]) -> frozenset[str]:
    """Bare kinds of place that a 各 before them distributes over: the 县级市 of
    ``各区、县级市``, the 街道 of ``各镇、街道``. A kind alone names no place: after a
    collective (各区, 有关县) it is more of the same; elsewhere it stays to be read. Asked of
    a list holding one of ``each_marks`` (no other has a 各 nor an 有关)."""
    found: set[str] = set()
    each = False
    for name, _ in names:
        if each and g.each_kind is not None and g.each_kind.match(name):
            found.add(name)
            continue
        each = _opens_each(g, name)
    return frozenset(found)


def _add_name(state: _Clause, name: str, at: int, role: str, place: bool = False) -> None:
    """One name of a list (trimmed, ``_names``): a party, a collective (or a place standing
    for its government), or a part the grammar cannot place."""
    marker = _MARKED_LEAD.search(name) if "(牵头)" in name else None
    if marker is not None:
        name = name[: marker.start()].rstrip()
    if not name:
        return
    party = _as_party(name)
    if party is None:
        state.unplaced.append((name, at))
        return
    # a place the list names for its government is a collective, its name as written
    kept, collective = (name, True) if place else party
    if marker is not None:
        state.marked = True
        role = "lead"
    state.parties.append(_Party(kept, at, role, collective, marker is not None))


@per_text()
def _as_party(name: str) -> tuple[str, bool] | None:
    """A name of a list as a party: the name kept (a body's second name in brackets dropped:
    省市场监管局(省知识产权局) is the body, named once) and whether it is a collective
    (各区(县、市)人民政府 is one, its brackets aside); None for a name that holds what no
    body's does, too long or a role word inside (the grammar cannot place it). Kept per
    text: a plan names the same bodies clause after clause."""
    if len(name) > _LONGEST_NAME or _holds_no_body(name):
        return None
    bracketed = _has_bracket(name) and _BRACKETED.search(name) is not None
    collective = is_subject(name) or (bracketed and is_subject(_BRACKETED.sub("", name)))
    return (without_second_name(name) if bracketed and not collective else name), collective


def _holds_no_body(name: str) -> bool:
    """Does a name of a list hold what no body's name holds (``_NOT_A_NAME``: a date, a
    role word), the figures of the event a body is named after aside, and is it not the
    units of a group (各项目牵头单位)? Most names hold none of it, which the first search
    tells: a name without it has no figures either, so its event-free form is itself."""
    return (
        _NOT_A_NAME.search(name) is not None
        and _NOT_A_NAME.search(_event_free(name)) is not None
        and not _units_of_a_group(name)
    )


def _event_free(name: str) -> str:
    """A name that ends as a body's does without the figures of the event it is named after
    (2022年第19届亚运会组委会办公室, 杭州市 2019): a body's name, not a date among the names;
    any other name as it is."""
    if not name.endswith(grammar().body_endings) or not any(c.isdigit() for c in name):
        return name
    return "".join(c for c in name if not c.isdigit())


def _units_of_a_group(name: str) -> bool:
    """``各项目牵头单位``, ``工作专班牵头单位``: a label's words (牵头单位) closing a name are the
    units of a group or project, a collective, not a role misplaced inside a list."""
    labels = grammar().labels
    return any(name.endswith(w) and len(name) > len(w) for w in labels) and is_subject(name)


def _settle_roles(parties: list[_Party], marked: bool) -> bool:
    """``responsible`` made definite: where the clause names a lead (牵头, a lead label, a
    (牵头) mark) those responsible take part; otherwise the first of them leads and the
    rest take part (the family's convention: the first-listed body leads). Parties that
    each answer for their own part (分别负责) lead no one: they stay ``separate``, unless the
    clause names a lead, under whom they take part. ``marked``: a party is marked as the lead
    in its list (``A(牵头)``). Returns whether the clause named its lead itself
    (``Clause.lead_marked``), told before the roles are settled."""
    if marked:
        for party in parties:
            if party.marked:
                party.role = "lead"
            elif party.role in ("lead", "responsible", "separate"):
                party.role = "participant"
        return True
    roles = [party.role for party in parties]  # as read: a party's role changes below only
    named_lead = has_lead = "lead" in roles  # where one is responsible, or a lead is named
    if "responsible" in roles or (has_lead and "separate" in roles):
        for party in parties:  # X牵头,Y、Z分别负责: Y, Z take part
            if party.role == "responsible" or (has_lead and party.role == "separate"):
                party.role = "participant" if has_lead else "lead"
                has_lead = True
    if not has_lead and "separate" not in roles and "guide" in roles:
        _first_guide_leads(parties, roles)
    return named_lead


def _first_guide_leads(parties: list[_Party], roles: list[str]) -> None:
    """A clause whose named bodies only guide (``A、B指导``; ``A指导,B参与``) leads with its
    first guiding body; the others keep their roles. Those who do the work are named nowhere
    in it: the governments the document is addressed to (国办发〔2018〕128号 says so once, in
    its first such clause: 生态环境部指导,试点城市政府负责落实。以下均需试点城市政府落实,不再列出).
    Of the bodies a clause names, the one that guides first answers for the task, as the
    first-listed body does in ``A、B负责``. Where the clause names a body that leads or does
    the work (``A指导,各区政府负责``), that body leads and the guides guide it. ``roles``:
    the parties' roles, one of them ``guide``."""
    parties[roles.index("guide")].role = "lead"


def _segments(g: Grammar, folded_inner: str) -> list[tuple[str, int]]:
    """A clause's segments between its marks (,;。) outside brackets, with their offsets;
    a 、 after a role word ends one too (A牵头负责、B组织落实: two lists, two roles)."""
    segments: list[tuple[str, int]] = []
    depth = 0
    start = 0
    for cut in g.cuts.finditer(folded_inner):
        at, char = cut.start(), cut.group()
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
        elif not depth and (
            char in _SEGMENT_MARKS
            or (char == "、" and _tail(g, folded_inner, start, at) is not None)
        ):
            segments.append((folded_inner[start:at], start))
            start = at + 1
    segments.append((folded_inner[start:], start))
    if " " in folded_inner or "\t" in folded_inner:
        segments = [part for text, at in segments for part in _at_label_gaps(text, at)]
    return [(text, at) for text, at in segments if text]


#: a gap of spaces before a label that opens the next list: （牵头单位:发改委    配合单位:工信局）
#: (无锡新吴区 2019: the two labelled parts apart by spaces only, as a table's cells would be)
_LABEL_GAP = LazyPattern(rf"[ \t]+(?=({HAN}{{2,10}})[ \t]*:)")


def _at_label_gaps(text: str, at: int) -> list[tuple[str, int]]:
    """A segment cut where a gap of spaces stands before a label (``配合单位:``): the gap
    separates two labelled lists as ; would. A gap of one space does so only after a
    labelled list and before a label the grammar knows (``牵头单位:A 配合单位:B``, a
    district plan's one space where a table would have a cell's border)."""
    parts, start = [], 0
    for gap in _LABEL_GAP.finditer(text):
        before = text[start : gap.start()]
        if before.strip() and (len(gap.group()) > 1 or _one_space_parts(before, gap.group(1))):
            parts.append((before, at + start))
            start = gap.end()
    parts.append((text[start:], at + start))
    return parts


def _one_space_parts(before: str, word: str) -> bool:
    """Does one space before ``word:`` part two lists: a labelled list before it, and a label
    of parties, a note or a time limit after it?"""
    g = grammar()
    known = label_role(g, word) is not None or word in g.note_labels or word in g.time_labels
    return known and _label(before) is not None


def _split_with(g: Grammar, text: str, start: int) -> list[tuple[str, int]]:
    """``A会同B`` → [A, B] with their offsets: the first leads with the others. A list
    holding none of ``with_marks`` holds no with-word: most lists, which a few ``in`` tell
    (the pattern's search, once a plan has compiled it, tries it at every character)."""
    if not _holds_any(text, g.with_marks) or g.with_word.search(text) is None:
        return [(text, start)]  # (most lists: no one is joined with another)
    parts: list[tuple[str, int]] = []
    cursor = 0
    for found in g.with_word.finditer(text):
        if found.start() == 0 or _ends_a_name(g, text[found.end() :]):
            continue
        parts.append((text[cursor : found.start()], start + cursor))
        cursor = found.end()
    parts.append((text[cursor:], start + cursor))
    return parts


def _ends_a_name(g: Grammar, rest: str) -> bool:
    """Whether a with-word is inside a name: what follows it, up to the list's next
    separator, is a body's ending (the 办 of 国务院职能转变协调办, the 会 of 联合会, the 小组
    of …整改工作协调小组), or begins with a body's ending of two characters or more (the 小组
    of 省海塘安澜千亿工程协调小组其他成员单位), no body it could be joined with (会同市局
    joins 市局)."""
    after = g.joiner.search(rest)
    tail = (rest[: after.start()] if after else rest).strip()
    # a body's ending of two characters or more (小组, 中心) is a word, never a name's start
    return tail in g.body_endings or tail.startswith(tuple(e for e in g.body_endings if len(e) > 1))


def _strip_vague(g: Grammar, part: str) -> tuple[str, str | None]:
    """``A、B等部门`` → (``A、B``, ``等部门``): the vague ending of a list, if any. Most lists
    hold none of ``vague_marks`` and so no vague ending: the search, which tries the endings
    at every character of the list, is made only of a list that holds one."""
    if not _holds_any(part, g.vague_marks):
        return part, None
    found = g.vague.search(part.rstrip())
    if found is None or not found.group():
        return part, None
    return part[: found.start()], found.group()


def _strip_vague_inside(g: Grammar, raw: str) -> tuple[str, str | None]:
    """A name of the list that carries the vague ending of its own group, ``A等相关单位`` in
    ``A、B等相关单位及各地区`` (国办发〔2020〕43号): the ending closes the bodies before it, not
    the list (a collective follows), so it is stripped from the name as from a list's end.
    A name that is nothing but such words (相关单位) stays whole: it is a collective.
    Asked of a name holding 等: no other has such an ending."""
    body, vague = _strip_vague(g, raw)
    if vague is None or not body.strip() or not vague.startswith("等"):
        return raw, None
    return body.rstrip(), vague


def _without_scope(g: Grammar, body: str) -> tuple[str, tuple[str, int] | None]:
    """``国务院`` left before a stripped 有关部门: drop it from the names, return it with
    its offset."""
    name, start = _names(g, body)[-1]
    if not g.scope.match(name):
        return body, None
    cut = start
    while cut > 0 and body[cut - 1] in "、 \t":
        cut -= 1
    return body[:cut], (name, start)


def _names(g: Grammar, body: str) -> list[tuple[str, int]]:
    """The names of a list with their offsets, blanks around each trimmed: split at 、
    (outside brackets), at 等和, and at 和/与/及 where a body's name ends before them or a
    collective begins after them. A list holding none of ``joiner_marks`` is one name (a
    clause of one body, most of them), which a few ``in`` tell: the joiners' pattern,
    searched for, is tried at every character of it."""
    if not _holds_any(body, g.joiner_marks):
        name = body.lstrip()
        return [(name.rstrip(), len(body) - len(name))]
    names = []
    cursor = 0
    bracketed = _has_bracket(body)  # (most lists have none: no joiner is inside one)
    for found in g.joiner.finditer(body):
        at = found.start()
        if bracketed and _inside_brackets(body, at):
            continue  # 各区(县、市)人民政府: one name
        if found.group() not in g.always_joins:
            before = body[cursor:at].rstrip()
            after = body[found.end() :].lstrip()
            if not (before.endswith(g.body_endings) or after.startswith(g.collective_starts)):
                continue  # 文化和旅游部: one name
        name = body[cursor:at].lstrip()  # (the blanks around it trimmed: it ends at ``at``)
        names.append((name.rstrip(), at - len(name)))
        cursor = found.end()
    name = body[cursor:].lstrip()
    names.append((name.rstrip(), len(body) - len(name)))
    return names


def _inside_brackets(text: str, at: int) -> bool:
    """Is ``at`` inside a bracket of a name: (县、市), 〔省知识产权局〕?"""
    before = text[:at]
    if not _has_bracket(before):
        return False
    depth = 0
    for char in before:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
    return depth > 0


def without_second_name(name: str) -> str:
    """``省市场监管局(省知识产权局)`` → ``省市场监管局``: the body, named once."""
    found = _SECOND_NAME.search(name)
    return name[: found.start()] if found and found.start() > 0 else name
