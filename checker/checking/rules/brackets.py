"""D004: brackets and quotes that balance within each task, paragraph and heading, and a
title inside a title marked with 〈〉, not the ASCII ``< >`` typed for them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...base.lazyre import LazyPattern
from ...base.memo import per_text
from ...reading.model import Plan, Span
from ...reading.text import CLOSERS, PAIRS
from ..context import Context
from ..findings import Finding
from ..registry import rule

_OPENERS = "".join(PAIRS)
_FULL_PARTNER = {"（": "）", "）": "（"}
_BRACKETS = LazyPattern("[" + re.escape(_OPENERS + "".join(PAIRS.values())) + "]")
#: the signs typed for the single title marks 〈〉: ASCII and full-width less/greater-than,
#: and the mathematical angle brackets ⟨⟩ (U+27E8/9), which look alike and search apart
_SIGNS_OPEN, _SIGNS_CLOSE = "<＜⟨", ">＞⟩"
#: a title inside a title marked with them: 《关于印发<2021年上海市城市体检工作方案>的函》
#: (GB/T 15834-2011 4.15: 〈〉 inside 《》); looked for only in a text that holds one
_INNER_TITLE = LazyPattern(
    rf"《[^《》\n]*?([{_SIGNS_OPEN}])([^{_SIGNS_OPEN}{_SIGNS_CLOSE}《》\n]+)([{_SIGNS_CLOSE}])[^《》\n]*》"
)


#: the roles of the lines a title is wrapped over, at the head of a document
_TITLE_ROLES = frozenset({"title", "issuer"})


def _units(plan: Plan) -> list[tuple[int, int]]:
    """Spans within which brackets must balance: each task, paragraph and heading; a title
    wrapped over lines is one (关于印发《上海港提高靠港船舶岸电 / 使用率实施方案（2023年）》的通知,
    沪交科〔2023〕: the 《 of one line is closed on the next)."""
    units = [(task.start, task.end) for task in plan.tasks]
    units += [(heading.span.start, heading.span.end) for heading in plan.headings]
    title: tuple[int, int, int] | None = None  # a run of title lines: start, end, last line
    for paragraph in plan.paragraphs:
        span = paragraph.span
        if paragraph.role not in _TITLE_ROLES:
            units.append((span.start, span.end))
            continue
        if title is not None and span.line == title[2] + 1:
            title = (title[0], span.end, span.end_line)
            continue
        if title is not None:
            units.append(title[:2])
        title = (span.start, span.end, span.end_line)
    if title is not None:
        units.append(title[:2])
    return units


@per_text()
def unbalanced(folded: str) -> tuple[tuple[int, str, str], ...]:
    """(offset, mark, the mark that would pair it) for marks left without a partner, in
    order (``_lonely``). The marks are read as one string (``findall``), and their offsets
    looked up only when one is left: nearly every task's marks all pair. Kept per text: a
    plan's drafts share their tasks and paragraphs."""
    marks = "".join(_BRACKETS.findall(folded))
    lonely = _lonely(marks)
    if not lonely:
        return ()
    offsets = [found.start() for found in _BRACKETS.finditer(folded)]
    return tuple((offsets[k], marks[k], PAIRS.get(marks[k]) or CLOSERS[marks[k]]) for k in lonely)


@per_text()
def _lonely(marks: str) -> tuple[int, ...]:
    """The indexes in ``marks`` of those left without a partner, in order. A closing mark
    pairs with the nearest open mark of its kind; the marks opened after that one, inside
    it, are left without theirs. Kept per sequence of marks: a plan's units hold a few
    sequences (（）, 《》（）…) again and again."""
    opened: list[int] = []  # the indexes of the marks still open, innermost last
    lonely: list[int] = []
    for k, mark in enumerate(marks):
        opener = CLOSERS.get(mark)
        if opener is None:
            opened.append(k)
            continue
        depth = len(opened) - 1
        while depth >= 0 and marks[opened[depth]] != opener:
            depth -= 1
        if depth < 0:
            lonely.append(k)
        else:
            lonely += opened[depth + 1 :]
            del opened[depth:]
    return tuple(sorted(lonely + opened))


@rule("D004", "unbalanced-brackets")
def unbalanced_brackets(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进《商标法修改。(国家知识产权局负责)
    Good: 1.推进《商标法》修改。(国家知识产权局负责)
    Bad: 1.落实《关于印发<工作方案>的通知》。(国家知识产权局负责)
    Good: 1.落实《关于印发〈工作方案〉的通知》。(国家知识产权局负责)
    """
    text, folded = plan.source.text, plan.source.folded
    for start, end in _units(plan):
        for offset, _, other in unbalanced(folded[start:end]):
            at = start + offset
            other = _FULL_PARTNER.get(text[at], other)  # （ pairs with ）, as written
            span = Span.of(plan.source, at, at + 1)
            yield ctx.finding(span, ctx.task_at(at), mark=text[at], other=other)
    if any(sign in text for sign in _SIGNS_OPEN):
        yield from _inner_titles(plan, ctx)


def _inner_titles(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A title cited inside a title (关于印发〈…〉的通知) takes single title marks; the signs
    ``<`` ``>`` (``＜`` ``＞``, ``⟨`` ``⟩``) typed for them are other characters, which a search
    for the title misses. One finding a title, at its opening sign."""
    text = plan.source.text
    for found in _INNER_TITLE.finditer(text):
        at = found.start(1)
        span = Span.of(plan.source, at, found.end(3))
        yield ctx.finding(
            span,
            ctx.task_at(at),
            variant="inner_title",
            found=found.group(1) + found.group(2) + found.group(3),
            expected=f"〈{found.group(2)}〉",
        )
