"""A001: stray annotations — working tags such as ``(科技成果评价)`` or ``（待核）`` left in a task.

The parser marks every parenthetical that stands alone; the judgement of which are tags
(``vocabulary.is_stray_tag``, from ``rules/annotations.yaml``) is shared with the diff.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...reading.model import Edit, Plan
from ...reading.vocabulary import is_stray_tag
from ..context import Context
from ..findings import Finding
from ..registry import rule


@rule("A001", "stray-annotation", fix="safe")
def stray_annotation(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.加强成果转化。(科技成果评价)(科技部负责)
    Bad: 1.加强成果转化。（待核）推进试点。(科技部负责)
    Good: 1.加强成果转化,深化科技成果评价改革。(科技部负责)
    Good: 1.在重点贸易国家(地区)建设分中心。(商务部负责)
    """
    for task in plan.rows_and_tasks:
        for paren in task.parens:
            if is_stray_tag(paren):
                yield ctx.finding(
                    paren.span,
                    task,
                    fix=[Edit(paren.span.start, paren.span.end, "")],
                    tag=plan.source.text[paren.span.start : paren.span.end],
                )
