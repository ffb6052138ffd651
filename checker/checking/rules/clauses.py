"""G012: a part of a responsibility clause that the clause grammar cannot place.

The grammar (``rules/clause-grammar.yaml``) reads roles, labels, time limits, notes and
collectives; a part that is none of these (an unknown label, a date it does not know, words
between the names) is kept apart by the reader, never turned into an agency. One finding
per part says where it is, so that the clause is rewritten or the grammar taught the form.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...reading.model import Plan
from ..context import Context
from ..findings import Finding
from ..registry import rule


@rule("G012", "unplaced-clause-part", severity="warning")
def unplaced_clause_part(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进改革。(科技部负责,联系电话:12345)
    Good: 1.推进改革。(科技部负责,2024年底前完成)
    """
    for task in plan.rows_and_tasks:
        for clause in task.clauses:
            for text, span in clause.unplaced:
                yield ctx.finding(span, task, text=text)
