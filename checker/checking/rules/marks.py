"""The mark after a task number (N006): ``11.`` in a plan of ``1.`` ``2.``, not ``11。``.

The parser reads ``11。`` ``11，`` ``11：`` as task 11 when 11 is the number expected there
(not as prose, a gap and a missing task); this rule says the mark is wrong, and a ``、``
among ``.`` (or the reverse) that it differs from the rest of the plan, and a mark typed
again after it (``7.. 加强宣传推广``: a stop typed after Word's automatic number, 锡委办发〔2020〕19号).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ...reading.model import Edit, Plan, Span, Task
from ...reading.text import fold
from ..context import Context
from ..findings import Finding
from ..registry import rule

#: the marks a task number may carry (after folding); 。 , : are always typing mistakes
TASK_MARKS = ".、"


def _mark(folded: str, number_end: int) -> tuple[int, str] | None:
    """Offset and folded character of the mark after a task's number, which ends at
    ``number_end`` (``folded``: the source folded once, offsets unchanged)."""
    at = number_end
    while at < len(folded) and folded[at] in " \t":
        at += 1
    if at >= len(folded):
        return None
    return at, folded[at]


@rule("N006", "task-number-mark", fix="safe")
def task_number_mark(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 10.甲。(科技部负责)\\n11。乙。(科技部负责)
    Good: 10.甲。(科技部负责)\\n11.乙。(科技部负责)
    """
    # (一) and 一、 carry their own marks; a table's 序号 cell carries none
    arabic = [task for task in plan.tasks if task.level == 3]
    if plan.tables:  # asked of each task only where there is a table (most plans: none)
        arabic = [task for task in arabic if not plan.in_table(task)]
    text, folded = plan.source.text, plan.source.folded
    marks = [_mark(folded, task.number_end) for task in arabic]
    written = Counter([text[found[0]] for found in marks if found and found[1] in TASK_MARKS])
    usual = Counter({fold(c): 0 for c in written})
    for char, count in written.items():
        usual[fold(char)] += count
    ranked = usual.most_common()
    dominant = ranked[0][0] if ranked else "."
    clear = len(ranked) < 2 or ranked[0][1] > ranked[1][1]
    replacement = max(
        (c for c in written if fold(c) == dominant), key=lambda c: written[c], default="."
    )
    for task, found in zip(arabic, marks, strict=True):
        if found is None:
            continue
        at, mark = found
        wrong = mark not in TASK_MARKS
        if not wrong and (mark == dominant or not clear):
            again = _again(folded, at)
            if again is not None:
                yield _doubled(plan, ctx, task, at, again)
            continue
        yield ctx.finding(
            Span.of(plan.source, task.number_span.start, at + 1),
            task,
            variant="" if wrong else "inconsistent",
            fix=[Edit(at, at + 1, replacement)],
            written=plan.source.text[task.number_span.start : at + 1],
            expected=f"{task.number_text}{replacement}",
        )


def _again(folded: str, at: int) -> int | None:
    """The offset of a task mark typed again after the number's mark at ``at`` in the
    folded source (blanks between allowed: ``7.. ``, ``7. .``), or None. A figure after it
    is a decimal or a sub-number (2.5亿元, 1.1), never a second mark."""
    n = at + 1
    while n < len(folded) and folded[n] in " \t":
        n += 1
    return n if n < len(folded) and folded[n] in TASK_MARKS else None


def _doubled(plan: Plan, ctx: Context, task: Task, at: int, again: int) -> Finding:
    """The finding for a number's mark written twice: the second one is deleted."""
    text = plan.source.text
    return ctx.finding(
        Span.of(plan.source, task.number_span.start, again + 1),
        task,
        variant="doubled",
        fix=[Edit(again, again + 1, "")],
        written=text[task.number_span.start : again + 1],
        expected=text[task.number_span.start : at + 1],
    )
