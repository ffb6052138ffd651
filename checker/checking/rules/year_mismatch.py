"""D002: the years a plan gives itself (document number, notice, preamble, issue date) agree."""

from __future__ import annotations

from collections.abc import Iterator

from ...reading import vocabulary as vocab
from ...reading.model import Plan, Span
from ...reading.text import fold
from ..context import Context
from ..findings import Finding, Words
from ..registry import rule


@rule("D002", "year-mismatch")
def year_mismatch(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 2024年知识产权强国建设推进计划\\n为贯彻落实纲要,明确2023年度重点任务和工作措施,制定本计划。\\n1.甲。(科技部负责)
    Good: 2024年知识产权强国建设推进计划\\n为贯彻落实纲要,明确2024年度重点任务和工作措施,制定本计划。\\n1.甲。(科技部负责)
    """
    year = ctx.year
    if year is None:
        return
    checks = (
        ("notice", vocab.plan_title_year()),
        ("preamble", vocab.own_year_work()),
    )
    for role, pattern in checks:
        for paragraph in plan.paragraphs_of(role):
            for match in pattern.finditer(fold(paragraph.text)):
                found = int(match.group(1))
                if found != year:
                    yield _year_finding(
                        ctx, plan, paragraph.span.start + match.start(1), found, f"D002.{role}"
                    )
    yield from _doc_number_year(ctx, plan, year)


def _doc_number_year(ctx: Context, plan: Plan, year: int) -> Iterator[Finding]:
    """The document number's year is the issuing year: the issue date's, or the plan's
    year or the year before (a plan may be issued late in the preceding year)."""
    number = plan.paragraph("doc_number")
    if number is None:
        return
    found = vocab.doc_number_year(fold(number.text))
    if found is None:
        return
    doc_year, at = found
    start = number.span.start + at
    dates = [
        int(m.group(1))
        for p in plan.paragraphs
        if p.role in {"issuer", "closing", "notice"}
        for m in [vocab.ISSUE_DATE.match(fold(p.text))]
        if m
    ]
    if dates and doc_year != dates[0]:
        yield _year_finding(ctx, plan, start, doc_year, "D002.doc_number_date", dates[0])
    elif not dates and doc_year not in (year, year - 1):
        yield _year_finding(ctx, plan, start, doc_year, "D002.doc_number")


def _year_finding(ctx, plan, start, found, where: str, expected=None) -> Finding:
    """``where`` names the place (a key of the locale's WORDS)."""
    span = Span.of(plan.source, start, start + 4)
    year = expected if expected is not None else ctx.year
    return ctx.finding(span, None, found=found, where=Words(where), year=year)
