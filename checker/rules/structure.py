"""Structure rules (S…): a plan whose structure the checker cannot read says so.

A checker that finds no tasks finds no problems in them either; summing that up as "no
problems" would tell a drafter that a plan it never read is clean.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..clause import CLAUSE_WORDS
from ..context import Context
from ..findings import Finding
from ..model import Plan, Span
from ..registry import rule

_CLAUSE_LIKE = re.compile(rf"[(（][^()（）]*(?:{CLAUSE_WORDS.pattern})[^()（）]*[)）]")


@rule("S001", "no-tasks-recognised")
def no_tasks_recognised(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """未识别出任务。

    文件有标题或段落，却没有一项能识别的编号任务（“1.”“（一）”“一、”开头并以责任分工结尾），
    其余规则就无从检查：这不是“没有问题”，而是格式没有读懂。多半是编号写法不规范
    （如“1、”“（1）”混用、编号前有多余字符），或任务不带编号。
    Bad: 一、总体要求\\n加强组织领导，明确责任分工。(科技部负责)
    Good: 一、总体要求\\n1.加强组织领导，明确责任分工。(科技部负责)
    """
    if plan.tasks:
        return
    where = plan.headings[0].span if plan.headings else Span.of(plan.source, 0, 0)
    clauses = len(_CLAUSE_LIKE.findall(plan.source.text))
    yield ctx.finding(
        where,
        None,
        variant="clauses" if clauses else "",
        headings=len(plan.headings),
        clauses=clauses,
        anchor="no-tasks",
    )
