"""D001: document numbers in GB/T 9704-2012 form (党政机关公文格式 7.2.4): the plan's own, on
its line or wherever else the document writes it, and every number it cites (（国发[2019]5号）),
one finding a number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...reading import docnumbers
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
    code = docnumbers.right_code(match.group("agency"))
    if code != match.group("agency"):
        problems.append("D001.code_typo")
    expected = f"{code}〔{year}〕{int(serial)}号"
    return problems, expected


def _code_typo(text: str) -> bool:
    """Does a well-formed number's code end in a typo (粤办含〔2022〕260号)?"""
    code = text.split("〔", 1)[0]
    return docnumbers.right_code(code) != code


def _wide_digits(text: str) -> bool:
    """Full-width digits in ``text``: GB/T 9704 7.2.4 writes the year and the serial in Arabic
    numerals, which GB/T 15835 writes half width (D008 leaves the plan's own number to D001)."""
    return any("０" <= char <= "９" for char in text)


@rule("D001", "document-number", fix="unsafe")
def document_number(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 国知联办[2024]06号\\n1.甲。(科技部负责)
    Good: 国知联办〔2024〕6号\\n1.甲。(科技部负责)
    Bad: 1.落实《意见》（国发[2019]5号）。(科技部负责)
    Good: 1.落实《意见》（国发〔2019〕5号）。(科技部负责)
    Bad: 1.落实《通知》（粤办含〔2022〕260号）。(科技部负责)
    Good: 1.落实《通知》（粤办函〔2022〕260号）。(科技部负责)
    """
    own = _own_number(plan, ctx)
    if own is not None:
        yield own
    said = [(own.span.start, own.span.end)] if own is not None else []
    # a web page's metadata block states the document's own number again (or instead):
    # the number's line above is the document's, the block's copy no second finding
    said += [(start, end) for kind, _, start, end in plan.source.meta if kind == "number"]
    for number in docnumbers.numbers(plan.source.text):
        if not number.reported:
            continue
        if any(number.start < end and start < number.end for start, end in said):
            continue  # the own number, said above, or the page's block's copy of it
        yield _cited(plan, ctx, number)


def _own_number(plan: Plan, ctx: Context) -> Finding | None:
    """The document's own number on its own line, however written (no brackets at all:
    国知联办2024 6号 too, which a number in running text needs to be told by)."""
    line = plan.paragraph("doc_number")
    if line is None:
        return None
    text = line.text.strip()
    if vocab.DOC_NUMBER_GOOD.match(text) and not _wide_digits(text) and not _code_typo(text):
        return None
    match = vocab.DOC_NUMBER_ANY.search(text)
    if match is None:
        return None
    problems, expected = _doc_number_problems(match)
    if not problems:
        return None
    start = line.span.start + match.start()
    span = Span.of(plan.source, start, line.span.start + match.end())
    return ctx.finding(
        span,
        None,
        fix=[Edit(span.start, span.end, expected)],
        safe=False,
        number=match.group(),
        problem=Words(*problems),
        expected=expected,
    )


def _cited(plan: Plan, ctx: Context, number: docnumbers.DocNumber) -> Finding:
    """A number in the text: in its task when it stands in one; the fix rewrites its year and
    serial only (the code, or the sentence's words before them, stay as written), and the
    code too where its last character is a typo (粤办含 → 粤办函)."""
    text = plan.source.text
    task = ctx.task_at(number.start)
    if number.right_code != number.code:
        fix = Edit(number.start, number.end, number.right_code + number.expected)
    else:
        fix = Edit(number.code_end, number.end, number.expected)
    return ctx.finding(
        Span.of(plan.source, number.start, number.end),
        task,
        variant="task" if task is not None else "",
        fix=[fix],
        safe=False,
        number=text[number.start : number.end],
        problem=Words(*number.problems),
        expected=number.right_code + number.expected,
    )
