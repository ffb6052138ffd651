"""A001: stray annotations — working tags such as ``(科技成果评价)`` or ``（待核）`` left in a task.

The parser marks every parenthetical that stands alone; this rule decides which are tags,
using the markers and the legitimate forms in ``rules/annotations.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..clause import looks_like_clause
from ..context import Context
from ..data import builtin
from ..findings import Finding
from ..model import Edit, Paren, Plan
from ..registry import rule
from ..text import fold


@dataclass(frozen=True)
class _TagPolicy:
    markers: frozenset[str]
    max_length: int
    legitimate: tuple[re.Pattern[str], ...]

    def is_marker(self, inner: str) -> bool:
        head = re.split(r"[:：]", inner, maxsplit=1)[0].strip()
        return head in self.markers

    def is_tag(self, paren: Paren) -> bool:
        inner = fold(paren.inner).strip()
        if not inner or looks_like_clause(inner):
            return False  # a misplaced clause is the clause rules' business
        if self.is_marker(inner):
            return True
        if not paren.standalone or len(inner) > self.max_length:
            return False
        return not any(p.search(inner) for p in self.legitimate)


@cache
def _policy() -> _TagPolicy:
    data = builtin("annotations.yaml")
    return _TagPolicy(
        frozenset(data["markers"]),
        int(data["max_tag_length"]),
        tuple(re.compile(item["pattern"]) for item in data["legitimate"]),
    )


def is_stray_tag(paren: Paren) -> bool:
    """A001's judgement of one parenthetical, for others that must ignore tags (the diff)."""
    return _policy().is_tag(paren)


@rule("A001", "stray-annotation", fix="safe")
def stray_annotation(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """游离批注。

    起草、会签时加在任务里的工作标签（如“(科技成果评价)”“（待核）”“【新增】”）
    不是任务内容，也不是责任分工，印发前必须删去。紧跟在词语后的说明性括注
    （如“国家(地区)”“(2023—2030年)”“(以下简称《纲要》)”）是正文，不受影响。
    Bad: 1.加强成果转化。(科技成果评价)(科技部负责)
    Bad: 1.加强成果转化。（待核）推进试点。(科技部负责)
    Good: 1.加强成果转化,深化科技成果评价改革。(科技部负责)
    Good: 1.在重点贸易国家(地区)建设分中心。(商务部负责)
    """
    for task in plan.tasks:
        for paren in task.parens:
            if is_stray_tag(paren):
                yield ctx.finding(
                    paren.span,
                    task,
                    fix=[Edit(paren.span.start, paren.span.end, "")],
                    tag=plan.source.text[paren.span.start : paren.span.end],
                )
