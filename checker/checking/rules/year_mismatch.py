"""D002: the years a plan gives itself (document number, notice, preamble, issue date) agree,
and the issue date writes its year in full."""

from __future__ import annotations

from collections.abc import Iterator

from ...reading import vocabulary as vocab
from ...reading.model import Paragraph, Plan, Span
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
    dated = [p for p in plan.paragraphs if p.role in _DATE_ROLES]
    yield from _doc_number_year(ctx, plan, year, dated)
    yield from _short_date_year(ctx, plan, year, dated)


#: the paragraphs a date line closing a notice or a document is read as
_DATE_ROLES = frozenset({"issuer", "closing", "notice"})


def _short_date_year(
    ctx: Context, plan: Plan, year: int, dated: list[Paragraph]
) -> Iterator[Finding]:
    """The issue date writes its year in full (GB/T 9704-2012 7.3.5.1): a date line whose
    year has two digits for four (一二年四月十日, the 二〇 of 二〇一二年 lost; 12年4月10日) is
    reported at its year. A date in a sentence and a full year are not this check's."""
    for paragraph in dated:
        found = vocab.SHORT_YEAR_DATE.match(fold(paragraph.text))
        if found is None:
            continue
        start = paragraph.span.start + found.start("year")
        span = Span.of(plan.source, start, start + 2)
        written = found.group("year")
        yield ctx.finding(span, None, variant="short", found=written, expected=_full(written, year))


#: the Chinese numerals a year is written in, by value (a short year's own 0 is kept: ○, 零)
_NUMERALS = "〇一二三四五六七八九"


def _full(written: str, year: int) -> str:
    """The short year in full, in the numerals it is written in: 一二 → 二〇一二, 12 → 2012.

    Its century is the one that puts it nearest the plan's year, not the plan's year itself:
    a 2013 plan may be issued on 一二年十二月二十日, which is 二〇一二, not 二〇一三."""
    full = year - year % 100 + vocab.cn_number(written)
    full += 100 if full < year - 50 else -100 if full > year + 50 else 0
    if written.isdigit():
        return str(full)
    zero = next((c for c in written if c in "〇○零"), "〇")
    return "".join(zero if d == "0" else _NUMERALS[int(d)] for d in str(full))


def _doc_number_year(
    ctx: Context, plan: Plan, year: int, dated: list[Paragraph]
) -> Iterator[Finding]:
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
    dates = [int(m.group(1)) for p in dated for m in [vocab.ISSUE_DATE.match(fold(p.text))] if m]
    if dates and doc_year != dates[0]:
        yield _year_finding(ctx, plan, start, doc_year, "D002.doc_number_date", dates[0])
    elif not dates and doc_year not in (year, year - 1):
        yield _year_finding(ctx, plan, start, doc_year, "D002.doc_number")


def _year_finding(ctx, plan, start, found, where: str, expected=None) -> Finding:
    """``where`` names the place (a key of the locale's WORDS)."""
    span = Span.of(plan.source, start, start + 4)
    year = expected if expected is not None else ctx.year
    return ctx.finding(span, None, found=found, where=Words(where), year=year)
