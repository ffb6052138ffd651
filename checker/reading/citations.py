"""The 《titles》 a plan cites, and what the plan asks of each: to make the text (制定, 推动出台
《…》), to revise it (修订《…》, 《…》修改), or nothing; whether it is quoted, and (asked of a
repealed title only) whether its sentence tells history. The wording is data
(``rules/citations.yaml``); what the titles refer to is ``checker.knowledge.laws``.
"""

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from ..base.lazyre import LazyPattern
from ..base.memo import per_text
from ..knowledge.laws import Law, catalogue, wording
from .model import Plan

#: a title in 《》 (an inner title is written 〈〉, or the outer pair is taken as two titles)
TITLE = LazyPattern(r"《([^《》\n]{1,120})》")
#: the marks that end what a verb before a title can reach (looked for with ``str`` methods,
#: as the gaps below: a class of Chinese marks is costly to compile at every start)
_CLAUSE_MARKS = "，,。；;：:！!？?\n"
#: what may stand between titles written one after another: 《A》《B》, 《A》、《B》, 《A》和《B》
_CHAIN_GAPS = frozenset({"", "、", "和", "及", "与"})
_SENTENCE_MARKS = "。；;！!？?\n"
#: how far around a title its sentence is looked for (a sentence longer than this is cut)
_SENTENCE_REACH = 200


class Citation:
    """A 《title》 in the plan: offsets of the marks, what the sentence asks of it
    (``make``, ``revise`` or ""), and whether it is quoted."""

    __slots__ = ("action", "end", "quoted", "start", "title")

    def __init__(self, title: str, start: int, end: int, action: str, quoted: bool) -> None:
        self.title = title
        self.start = start
        self.end = end
        self.action = action
        self.quoted = quoted


def made_before(cited: list[Citation], date: str) -> Iterator[tuple[Citation, Law]]:
    """(citation, law) for each task to make a text the data shows promulgated before
    ``date``: what L002 reports, and the report's next-year list asks a year ahead."""
    laws = catalogue()
    for citation in cited:
        if citation.action != "make" or citation.quoted:
            continue
        law = laws.law(citation.title)
        if law is not None and law.promulgated and law.promulgated < date:
            yield citation, law


def citations(plan: Plan) -> list[Citation]:
    """Every 《title》 of the plan in text order, with what its sentence asks of it."""
    text = plan.source.text
    if "《" not in text:
        return []
    matches = list(TITLE.finditer(text))
    if not matches:
        return []
    quoted = _quoted_spans(text)
    quote_starts = [start for start, _ in quoted]
    actions = _actions(text, matches)
    found = []
    for match, action in zip(matches, actions, strict=True):
        start, end = match.start(), match.end()
        inside = bisect_right(quote_starts, start) - 1
        found.append(
            Citation(
                match.group(1),
                start,
                end,
                action,
                inside >= 0 and end <= quoted[inside][1],
            )
        )
    return found


def _chains(text: str, matches: list[re.Match[str]]) -> Iterator[list[int]]:
    """Indexes of titles written one after another (《A》《B》, 《A》、《B》, 《A》和《B》):
    a verb before or after the chain applies to each."""
    chain: list[int] = []
    for n, match in enumerate(matches):
        if chain and text[matches[chain[-1]].end() : match.start()] in _CHAIN_GAPS:
            chain.append(n)
            continue
        if chain:
            yield chain
        chain = [n]
    if chain:
        yield chain


class _Verbs:
    """citations.yaml's word lists as tuples: ``str.endswith``/``startswith`` take a tuple
    at C speed, and need no pattern compiled at every start."""

    def __init__(self, words: dict) -> None:
        self.make_before = tuple(words["make_before"])
        self.revise_before = tuple(words["revise_before"])
        self.make_after = tuple(words["make_after"])
        self.revise_after = tuple(words["revise_after"])
        self.object_ends = tuple(words["object_ends"])
        self.done = tuple(words["done_markers"])
        self.since = tuple(words["since_markers"])


@cache
def _verbs() -> _Verbs:
    return _Verbs(wording())


def _after_verb(after: str, verbs: tuple[str, ...], since: tuple[str, ...]) -> bool:
    """Does the text after a title begin with one of ``verbs`` (的 may come first), as a
    task (推动《…》出台), not as a time (《…》出台以来, 《…》修订后)?"""
    if after.startswith("的"):
        after = after[1:]
    for verb in verbs:
        if after.startswith(verb):
            return not after[len(verb) :].startswith(since)
    return False


def _after_last_mark(words: str) -> str:
    """``words`` after the last of ``_CLAUSE_MARKS`` in them (all of them if none). Read
    from the end, a character at a time: ``words`` are the few before a title, and one
    look at each costs less than a search for each of the twelve marks."""
    at = len(words)
    while at and words[at - 1] not in _CLAUSE_MARKS:
        at -= 1
    return words[at:]


def _actions(text: str, matches: list[re.Match[str]]) -> list[str]:
    """What the sentence asks of each title: that of its chain (``_action``)."""
    actions = [""] * len(matches)
    for chain in _chains(text, matches):
        start, end = matches[chain[0]].start(), matches[chain[-1]].end()
        action = _action(text[max(0, start - 6) : start], text[end : end + 6])
        for n in chain:
            actions[n] = action
    return actions


@per_text()
def _action(before: str, after: str) -> str:
    """What a chain of titles is asked: ``make``, ``revise`` or "", read from the few
    characters ``before`` its first title and ``after`` its last. Kept per pair of texts:
    a plan's drafts and its years cite the same titles in the same words."""
    verbs = _verbs()
    # the clause's words before the title (a comma ends what a verb can reach)
    before = _after_last_mark(before)
    if any(marker in before for marker in verbs.done):
        return ""  # told as done: 已出台《…》, 相继制定《…》
    if _after_verb(after, verbs.revise_after, verbs.since):
        return "revise"
    if _after_verb(after, verbs.make_after, verbs.since):
        return "make"
    if after.startswith(verbs.make_after + verbs.revise_after):
        return ""  # a time, not a task: 《…》出台以来
    if after and not after.startswith(verbs.object_ends):
        return ""  # the title qualifies another object: 制定《专利法》实施细则
    if before.endswith(verbs.revise_before):
        return "revise"
    if before.endswith(verbs.make_before):
        return "make"
    return ""


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The quoted stretches of the text, merged where they nest or touch, in order (so that
    the one around an offset is found by bisection)."""
    spans = []
    for opener, closer in wording()["quotes"]:
        start = text.find(opener)
        while start != -1:
            end = text.find(closer, start + 1)
            if end == -1:
                break
            spans.append((start, end + 1))
            start = text.find(opener, end + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def told_as_history(text: str, citation: Citation) -> bool:
    """Does the sentence around a title tell history or a repeal (废止, 原《…》, 曾…)?
    (Asked only of a repealed title: L003's exception.)"""
    start, end = citation.start, citation.end
    low = max(0, start - _SENTENCE_REACH)
    high = end + _SENTENCE_REACH
    left = max(text.rfind(mark, low, start) for mark in _SENTENCE_MARKS)
    rights = [i for mark in _SENTENCE_MARKS if (i := text.find(mark, end, high)) != -1]
    sentence = text[max(left + 1, low) : min(rights) if rights else min(high, len(text))]
    return any(marker in sentence for marker in wording()["history_markers"])
