"""D004: brackets and quotes that balance within each task, paragraph and heading."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...base.lazyre import LazyPattern
from ...reading.model import Plan, Span
from ...reading.text import CLOSERS, PAIRS
from ..context import Context
from ..findings import Finding
from ..registry import rule

_OPENERS = "".join(PAIRS)
_FULL_PARTNER = {"（": "）", "）": "（"}
_BRACKETS = LazyPattern("[" + re.escape(_OPENERS + "".join(PAIRS.values())) + "]")


def _units(plan: Plan) -> list[tuple[int, int]]:
    """Spans within which brackets must balance: each task, paragraph and heading."""
    parts = (plan.tasks, plan.paragraphs, plan.headings)
    return [(item.span.start, item.span.end) for part in parts for item in part]


#: an opening mark with its closing one, as _reduced removes them
_PAIRED = tuple(opener + closer for opener, closer in PAIRS.items())


def _reduced(marks: str) -> str:
    """The marks with each opening mark right before its closing one removed, until none is
    left (nesting takes one pass a level): ``str.replace`` a kind of pair at a time, at C
    speed. The order does not matter: no mark both opens and closes, so what is left is
    the same whichever pair goes first."""
    while True:
        before = len(marks)
        for pair in _PAIRED:
            if pair in marks:
                marks = marks.replace(pair, "")
        if len(marks) == before:
            return marks


def _balanced(folded: str) -> bool:
    """Whether every mark of a text has its partner, told at C speed: its marks alone,
    reduced. Nearly every task balances; ``unbalanced`` says where those that do not go
    wrong."""
    return not _reduced("".join(_BRACKETS.findall(folded)))


def all_balanced(folded: str, units: list[tuple[int, int]]) -> bool:
    """Whether every unit of a text balances, told in one reduction: the units' marks
    joined by a character that is no mark, so no pair forms across two units. A plan's
    140 units are each reduced on their own only when one of them does not balance."""
    marks = "|".join(["".join(_BRACKETS.findall(folded, start, end)) for start, end in units])
    return not _reduced(marks).replace("|", "")


def unbalanced(folded: str) -> list[tuple[int, str, str]]:
    """(offset, mark, the mark that would pair it) for marks left without a partner."""
    stack: list[tuple[int, str]] = []
    lonely: list[tuple[int, str, str]] = []
    for mark in _BRACKETS.finditer(folded):
        i, ch = mark.start(), mark.group()
        if ch in _OPENERS:
            stack.append((i, ch))
        elif ch in CLOSERS:
            depth = next(
                (d for d in range(len(stack) - 1, -1, -1) if stack[d][1] == CLOSERS[ch]), None
            )
            if depth is None:
                lonely.append((i, ch, CLOSERS[ch]))
                continue
            lonely.extend((j, mark, PAIRS[mark]) for j, mark in stack[depth + 1 :])
            del stack[depth:]
    lonely.extend((j, mark, PAIRS[mark]) for j, mark in stack)
    return sorted(lonely)


@rule("D004", "unbalanced-brackets")
def unbalanced_brackets(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进《商标法修改。(国家知识产权局负责)
    Good: 1.推进《商标法》修改。(国家知识产权局负责)
    """
    text, folded = plan.source.text, plan.source.folded
    units = _units(plan)
    if all_balanced(folded, units):
        return
    for start, end in units:
        unit = folded[start:end]
        if _balanced(unit):
            continue
        for offset, _, other in unbalanced(unit):
            at = start + offset
            other = _FULL_PARTNER.get(text[at], other)  # （ pairs with ）, as written
            span = Span.of(plan.source, at, at + 1)
            yield ctx.finding(span, ctx.task_at(at), mark=text[at], other=other)
