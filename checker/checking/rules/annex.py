"""G010: an annexed task-division table (附件：重点任务分工表) that disagrees with the text.

A plan often restates its tasks in an annex table for the member units. The table is made
from one draft and the text revised in another, so the two drift: a lead changed in the text
and not in the table. A row is compared with the text's task of the same number only when
their wording shows they are the same task (an annex may renumber or abridge).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ...reading.model import AgencyRef, Plan, Task
from ..context import Context
from ..findings import Finding
from ..registry import rule


@rule("G010", "annex-disagrees")
def annex_disagrees(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进立法。(司法部负责)\\n附件\\n| 序号 | 重点任务 | 牵头单位 |\\n| 1 | 推进立法。 | 公安部 |
    Good: 1.推进立法。(司法部负责)\\n附件\\n| 序号 | 重点任务 | 牵头单位 |\\n| 1 | 推进立法。 | 司法部 |
    """
    if not plan.annex:
        return
    counts = Counter(task.number for task in plan.tasks)
    by_number = {task.number: task for task in plan.tasks if counts[task.number] == 1}
    for row in plan.annex:
        task = by_number.get(row.number)
        if task is None or task.clause is None or row.clause is None:
            continue
        if not _same_task(task, row):
            continue
        yield from _compare(ctx, task, row)


def _same_task(task: Task, row: Task) -> bool:
    # imported here, as the laws rules import theirs: only a plan with an annex table needs
    # the table reader, whose patterns would otherwise compile at every start
    from ...reading.tables import same_wording

    return same_wording(task.body, row.body)


def _compare(ctx: Context, task: Task, row: Task) -> Iterator[Finding]:
    def name(agency: AgencyRef) -> str:
        body = ctx.agencies.resolve(agency.name, ctx.year, ctx.month)
        return body.name if body else agency.name

    text_lead = next((a for c in task.clauses for a in c.agencies if a.role == "lead"), None)
    text_lead = text_lead or (task.clause.lead if task.clause else None)
    row_lead = next((a for a in row.agencies if a.role == "lead"), None)
    if text_lead is not None and row_lead is not None and name(row_lead) != name(text_lead):
        yield ctx.finding(
            row_lead.span,
            row,
            variant="lead",
            agency=row_lead.name,
            expected=text_lead.name,
            anchor=f"{row_lead.name}|{text_lead.name}",
        )
        return
    known = ctx.agencies
    # a name the registry does not know is G001's: only bodies it knows are compared
    in_text = {name(a) for a in task.agencies if known.resolve(a.name, ctx.year, ctx.month)}
    in_row = {name(a) for a in row.agencies if known.resolve(a.name, ctx.year, ctx.month)}
    missing, extra = sorted(in_text - in_row), sorted(in_row - in_text)
    if (not missing and not extra) or task.clause.vague or row.clause.vague:
        return
    variant = "both" if missing and extra else "missing" if missing else "extra"
    # an agency the table adds is pointed at where it stands (its column); one it lacks, at
    # the row's clause
    added = next((a for a in row.agencies if extra and name(a) == extra[0]), None)
    yield ctx.finding(
        added.span if added is not None else row.clause.span,
        row,
        variant=variant,
        missing="、".join(missing),
        extra="、".join(extra),
        anchor=f"{'、'.join(missing)}|{'、'.join(extra)}",
    )
