"""Structure rules (S…): a plan whose structure the checker cannot read says so.

A checker that finds no tasks finds no problems in them either; summing that up as "no
problems" would tell a drafter that a plan it never read is clean.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...reading.clause import CLAUSE_GROUP
from ...reading.model import Plan, Span
from ..context import Context
from ..findings import Finding
from ..registry import rule


@rule("S001", "no-tasks-recognised")
def no_tasks_recognised(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 加强组织领导，明确责任分工。(科技部负责)\\n强化督促检查。(财政部负责)
    Good: 1.加强组织领导，明确责任分工。(科技部负责)\\n2.强化督促检查。(财政部负责)
    """
    if plan.tasks:
        return
    where = plan.headings[0].span if plan.headings else Span.of(plan.source, 0, 0)
    clauses = len(CLAUSE_GROUP.findall(plan.source.folded))
    yield ctx.finding(
        where,
        None,
        variant="clauses" if clauses else "",
        headings=len(plan.headings),
        clauses=clauses,
        anchor="no-tasks",
    )
