"""D001: the document number in GB/T 9704-2012 form (党政机关公文格式 7.2.4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...reading import vocabulary as vocab
from ...reading.model import Edit, Plan, Span
from ..context import Context
from ..findings import Finding, Words
from ..registry import rule


def _doc_number_problems(match: re.Match[str]) -> tuple[list[str], str]:
    """What departs from GB/T 9704 (keys of the locale's WORDS) and the number as it should be."""
    problems = []
    year = match.group("year")
    if _wide_digits(year + match.group("serial")):  # ２０２４: \d reads full-width digits too
        problems.append("D001.fullwidth")
        year = year.translate(vocab.WIDE_ALNUM_TO_HALF)
    if match.group("open") != "〔" or match.group("close") != "〕":
        problems.append("D001.brackets")
    if len(year) != 4:
        problems.append("D001.year_digits")
        year = "20" + year[-2:]
    if match.group("di"):
        problems.append("D001.di")
    serial = match.group("serial")
    if serial.startswith("0"):
        problems.append("D001.leading_zero")
    if " " in match.group() or "\t" in match.group():
        problems.append("D001.spaces")
    expected = f"{match.group('agency')}〔{year}〕{int(serial)}号"
    return problems, expected


def _wide_digits(text: str) -> bool:
    """Full-width digits in ``text``: GB/T 9704 7.2.4 writes the year and the serial in Arabic
    numerals, which GB/T 15835 writes half width (D008 leaves the plan's own number to D001)."""
    return any("０" <= char <= "９" for char in text)


@rule("D001", "document-number", fix="unsafe")
def document_number(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 国知联办[2024]06号\\n1.甲。(科技部负责)
    Good: 国知联办〔2024〕6号\\n1.甲。(科技部负责)
    """
    line = plan.paragraph("doc_number")
    if line is None:
        return
    text = line.text.strip()
    if vocab.DOC_NUMBER_GOOD.match(text) and not _wide_digits(text):
        return
    match = vocab.DOC_NUMBER_ANY.search(text)
    if match is None:
        return
    problems, expected = _doc_number_problems(match)
    if not problems:
        return
    start = line.span.start + match.start()
    span = Span.of(plan.source, start, line.span.start + match.end())
    yield ctx.finding(
        span,
        None,
        fix=[Edit(span.start, span.end, expected)],
        safe=False,
        number=match.group(),
        problem=Words(*problems),
        expected=expected,
    )
