"""D004: brackets and quotes that balance within each task, paragraph and heading."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from ..model import Plan, Span
from ..registry import rule
from ..text import CLOSERS, PAIRS

_OPENERS = "".join(PAIRS)
_FULL_PARTNER = {"（": "）", "）": "（"}
_BRACKETS = re.compile("[" + re.escape(_OPENERS + "".join(PAIRS.values())) + "]")


def _units(plan: Plan) -> Iterator[tuple[int, int]]:
    """Spans within which brackets must balance: each task, paragraph and heading."""
    for task in plan.tasks:
        yield task.span.start, task.span.end
    for paragraph in plan.paragraphs:
        yield paragraph.span.start, paragraph.span.end
    for heading in plan.headings:
        yield heading.span.start, heading.span.end


#: an opening mark right before its closing one, as _balanced removes them
_ADJACENT_PAIR = re.compile("|".join(re.escape(o + c) for o, c in PAIRS.items()))


def _balanced(folded: str) -> bool:
    """Whether every mark of a text has its partner, told at C speed: its marks alone,
    with each adjacent pair removed until none is left (nesting takes one pass a level).
    Nearly every task balances; ``unbalanced`` says where those that do not go wrong."""
    marks = "".join(_BRACKETS.findall(folded))
    while marks:
        fewer = _ADJACENT_PAIR.sub("", marks)
        if len(fewer) == len(marks):
            return False
        marks = fewer
    return True


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
    for start, end in _units(plan):
        unit = folded[start:end]
        if _balanced(unit):
            continue
        for offset, _, other in unbalanced(unit):
            at = start + offset
            other = _FULL_PARTNER.get(text[at], other)  # （ pairs with ）, as written
            span = Span.of(plan.source, at, at + 1)
            yield ctx.finding(span, ctx.task_at(at), mark=text[at], other=other)
