"""Structure rules (S…): a plan whose structure the checker cannot read says so.

A checker that finds no tasks finds no problems in them either; summing that up as "no
problems" would tell a drafter that a plan it never read is clean.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...reading.clause import clause_like_groups, holds_clause_group
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
    clauses = sum(1 for _ in clause_like_groups(plan.source.folded))
    if not clauses and _written_out(plan):
        return  # read, and assigns no duty per task: G013's note, not a plan not understood
    yield ctx.finding(
        where,
        None,
        variant="clauses" if clauses else "",
        headings=len(plan.headings),
        clauses=clauses,
        anchor="no-tasks",
    )


@rule("G013", "duties-not-per-task", severity="info")
def duties_not_per_task(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 一、主要任务\\n1.加强统筹。各部门协同推进。\\n2.强化保障。加大投入。
    Good: 一、主要任务\\n1.加强统筹。(科技部负责)\\n2.强化保障。(财政部负责)
    """
    if plan.unassigned:
        # items read as prose: the document assigns its duties otherwise (or only a few
        # of its items carry a clause): one note, not a G008 on each item
        yield ctx.finding(
            plan.unassigned[0],
            None,
            variant="some" if plan.tasks else "",
            count=len(plan.unassigned),
            anchor="unassigned",
        )
    elif not plan.tasks and _written_out(plan) and not holds_clause_group(plan.source.folded):
        yield ctx.finding(plan.headings[0].span, None, variant="outline", anchor="unassigned")


def _written_out(plan: Plan) -> bool:
    """A document read as prose: numbered items set aside for lack of clauses, or headings
    with text under them or after them on their own line (a ministry's 工作要点 writes
    ``(一)统筹抓好部署落实。贯彻落实……``: a measure, its heading sentence first), not a bare
    outline, which S001 reports as not understood."""
    if plan.unassigned:
        return True
    if not plan.headings:
        return False
    return any(p.role in ("body", "closing") for p in plan.paragraphs) or any(
        _runs_on(h.title) for h in plan.headings
    )


def _runs_on(title: str) -> bool:
    """Does a heading's line go on past its first sentence (``统筹抓好落实。贯彻落实……``)?"""
    return "。" in title.strip().rstrip("。")
