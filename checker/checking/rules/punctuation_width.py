"""D005: one width per punctuation mark (GB/T 15834-2011 标点符号用法 asks for full width)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...reading import vocabulary as vocab
from ...reading.model import Edit, Plan, Span
from ..context import Context
from ..findings import Finding, Words
from ..registry import Option, rule


@rule(
    "D005",
    "punctuation-width",
    fix="safe",
    options=(
        Option(
            "punctuation",
            "consistent",
            choices=("consistent", "full", "half"),
            help="consistent: the majority width; full: GB/T 15834 full-width; half",
        ),
    ),
)
def punctuation_width(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进改革,完善制度，加强保护。(科技部负责)
    Good: 1.推进改革,完善制度,加强保护。(科技部负责)
    """
    text = plan.source.text
    mode = ctx.options["punctuation"]
    if mode == "consistent":
        full = len(vocab.FULL_MARKS.findall(text))
        if not full:
            return  # one width only: the half-width count is not needed
        half = len(vocab.HALF_MARKS.findall(text))
        if not half:
            return
        target = "full" if full > half else "half"
    else:
        target = mode
    wrong = (vocab.HALF_MARKS if target == "full" else vocab.FULL_MARKS).finditer(text)
    by_line: dict[int, list[re.Match[str]]] = {}
    for match in wrong:
        by_line.setdefault(plan.source.position(match.start())[0], []).append(match)
    for group in by_line.values():
        first = group[0]
        convert = vocab.WIDTH_PAIRS if target == "full" else vocab.TO_HALF
        found = "".join(dict.fromkeys(m.group() for m in group))
        yield ctx.finding(
            Span.of(plan.source, first.start(), first.end()),
            ctx.task_at(first.start()),
            variant="width" if mode != "consistent" else "",
            fix=[Edit(m.start(), m.end(), convert[m.group()]) for m in group],
            found=found,
            expected="".join(convert[c] for c in found),
            half=found if target == "full" else "".join(convert[c] for c in found),
            full="".join(convert[c] for c in found) if target == "full" else found,
            majority=Words(f"D005.majority.{target}"),
            target=Words(f"D005.target.{target}"),
            anchor=f"{found}@{text[max(0, first.start() - 8) : first.start()]}",
        )
