"""Numbering rules: task numbers (N001–N004) and heading numerals (N005).

One root cause gives one finding: a duplicate that stands where a missing number belongs
is one N001 that says which number it should be, not also an N002 for the gap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from ..model import Edit, Plan, Task
from ..registry import rule
from ..text import int_to_cn


def _increasing_core(numbers: list[int]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence: the tasks that are in order."""
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(numbers)
    for i, n in enumerate(numbers):
        k = bisect_left(tails, n)
        if k < len(tails) and tails[k] == n:
            continue  # a repeated number: the first use stays in order, the repeat does not
        if k == len(tails):
            tails.append(n)
            tail_index.append(i)
        else:
            tails[k] = n
            tail_index[k] = i
        parent[i] = tail_index[k - 1] if k else -1
    core, i = set(), tail_index[-1] if tail_index else -1
    while i >= 0:
        core.add(i)
        i = parent[i]
    return core


def _analyse(tasks: tuple[Task, ...]) -> tuple[list[tuple[Task, str, int | None]], set[int]]:
    """Classify out-of-core tasks as duplicate or misplaced, with the number expected there."""
    numbers = [t.number for t in tasks]
    core = _increasing_core(numbers)
    present = set(numbers)
    first_use = {}
    for t in tasks:
        first_use.setdefault(t.number, t)
    explained: set[int] = set()
    verdicts = []
    previous_core = 0
    for i, task in enumerate(tasks):
        if i in core:
            previous_core = task.number
            continue
        expected = previous_core + 1
        slot = expected if expected not in present and expected not in explained else None
        if slot is not None:
            explained.add(slot)
            previous_core = slot
        kind = "duplicate" if first_use[task.number] is not task else "order"
        verdicts.append((task, kind, slot))
    return verdicts, explained


@rule("N001", "duplicate-task-number")
def duplicate_task_number(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """任务编号重复。

    同一编号出现两次，引用任务（如“第12项”）就会指向两处，分工和督办都会出错。
    如果重复的编号正好占了缺号的位置，只报一次，并给出应有的编号。
    Bad: 1.甲。(科技部负责)\\n2.乙。(科技部负责)\\n2.丙。(科技部负责)
    Good: 1.甲。(科技部负责)\\n2.乙。(科技部负责)\\n3.丙。(科技部负责)
    """
    first_line = {}
    for task in plan.tasks:
        first_line.setdefault(task.number, task.line)
    verdicts, _ = _analyse(plan.tasks)
    for task, kind, slot in verdicts:
        if kind != "duplicate":
            continue
        fix = [Edit(task.number_span.start, task.number_span.end, str(slot))] if slot else None
        yield ctx.finding(
            task.number_span,
            task,
            variant="expected" if slot else "",
            fix=fix,
            safe=False,
            number=task.number,
            first_line=first_line[task.number],
            expected=slot,
        )


@rule("N002", "missing-task-number")
def missing_task_number(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """任务编号缺号。

    编号中间断档，往往是删改任务后没有顺延编号，或者漏了一项任务。
    Bad: 1.甲。(科技部负责)\\n3.乙。(科技部负责)
    Good: 1.甲。(科技部负责)\\n2.乙。(科技部负责)
    """
    if not plan.tasks:
        return
    _, explained = _analyse(plan.tasks)
    present = {t.number for t in plan.tasks}
    ordered = sorted(plan.tasks, key=lambda t: (t.number, t.index))
    previous = 0
    for task in ordered:
        if task.number <= previous:
            continue
        missing = [n for n in range(previous + 1, task.number) if n not in present | explained]
        if missing:
            label = str(missing[0]) if len(missing) == 1 else f"{missing[0]}—{missing[-1]}"
            yield ctx.finding(
                task.number_span,
                task,
                variant="start" if previous == 0 and missing[0] == 1 else "",
                missing=label,
                previous=previous,
                number=task.number,
            )
        previous = task.number


@rule("N003", "split-task", fix="safe")
def split_task(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """任务编号或正文跨行断开。

    排版或复制时把“50.”拆成上一行末尾的“5”和下一行开头的“0.”，或把一项任务折成两行，
    编号和正文就都读错了。修复：把数字移回下一行开头，或把折行合并。
    Bad: 49.甲。(科技部负责)5\\n0.乙。(科技部负责)
    Good: 49.甲。(科技部负责)\\n50.乙。(科技部负责)
    """
    for task in plan.tasks:
        for broken in task.breaks:
            yield ctx.finding(
                broken.span,
                task,
                variant="" if broken.kind == "number" else broken.kind,
                fix=broken.edits,
                digits=plan.source.text[broken.span.start : broken.span.end],
                number=broken.detail or task.number_text,
                line=broken.span.line,
                anchor=f"{broken.kind}:{task.body[:20]}",
            )


@rule("N004", "task-number-out-of-order")
def task_number_out_of_order(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """任务编号顺序错乱。

    编号应自上而下递增。只标出打乱顺序的那一项，其余按顺序的任务不受牵连。
    Bad: 1.甲。(科技部负责)\\n3.乙。(科技部负责)\\n2.丙。(科技部负责)
    Good: 1.甲。(科技部负责)\\n2.乙。(科技部负责)\\n3.丙。(科技部负责)
    """
    verdicts, _ = _analyse(plan.tasks)
    for task, kind, slot in verdicts:
        if kind != "order":
            continue
        previous = plan.tasks[task.index - 1].number if task.index else 0
        yield ctx.finding(
            task.number_span,
            task,
            variant="expected" if slot else "",
            number=task.number,
            previous=previous,
            expected=slot,
        )


@rule("N005", "heading-out-of-sequence", fix="unsafe")
def heading_out_of_sequence(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """标题序号不连续。

    一级标题“一、二、三、”依次递增；二级标题“(一)(二)”在每个一级标题下从“(一)”重新开始。
    Bad: 一、甲\\n1.任务。(科技部负责)\\n三、乙\\n2.任务。(科技部负责)
    Good: 一、甲\\n1.任务。(科技部负责)\\n二、乙\\n2.任务。(科技部负责)
    """
    expected = {1: 1, 2: 1}
    for heading in plan.headings:
        if heading.level == 1:
            expected[2] = 1
        want = expected[heading.level]
        if heading.value != want:
            numeral = int_to_cn(want)
            yield ctx.finding(
                heading.numeral_span,
                None,
                fix=[Edit(heading.numeral_span.start, heading.numeral_span.end, numeral)],
                safe=False,
                level="一级" if heading.level == 1 else "二级",
                level_en="section" if heading.level == 1 else "subsection",
                numeral=heading.numeral,
                expected=numeral,
            )
        expected[heading.level] = heading.value + 1
