"""D008: Arabic numerals and Latin letters in half width (GB/T 15835: 二分字身).

GB/T 15835 (出版物上数字用法) writes Arabic numerals "正体二分字身，即占半个汉字位置": half
width; Latin letters in Chinese text are written so too (W3C 中文排版需求, clreq: the
full-width ASCII block is to be avoided in stored text). Full-width ``４Ｇ`` ``２０２４年``
``ＡＩ`` come from Word files converted from old typesetting. Only the full-width forms of
``0-9 A-Z a-z`` (U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A) are read: 〇 and the Chinese
numerals, circled ① and Roman Ⅰ item marks are other characters, full-width
punctuation is D005's, and the digits of a document number D001 reports (the plan's own, or
one cited out of GB/T 9704 form) are D001's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...reading import docnumbers
from ...reading import vocabulary as vocab
from ...reading.model import Edit, Plan, Span
from ..context import Context
from ..findings import Finding, Words
from ..registry import rule


@rule("D008", "alphanumeric-width", severity="warning", fix="safe")
def alphanumeric_width(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进４Ｇ网络向自然村延伸。（工业和信息化部负责）
    Good: 1.推进4G网络向自然村延伸，到二〇二五年覆盖①②类村。（工业和信息化部负责）
    """
    text = plan.source.text
    runs = list(vocab.WIDE_ALNUM.finditer(text))  # one small class, one pass
    if not runs:
        return
    own_number = plan.paragraph("doc_number")
    if own_number is not None:  # the plan's own number is D001's to say
        inside = range(own_number.span.start, own_number.span.end)
        runs = [run for run in runs if run.start() not in inside]
    # so are the digits of a cited number D001 reports (国发[２０１９]5号: one finding, D001's)
    reported = docnumbers.reported_spans(text)
    if reported:
        runs = [run for run in runs if not any(s <= run.start() < e for s, e in reported)]
        if not runs:
            return
    digits = [run for run in runs if run.group().isdigit()]
    letters = [run for run in runs if not run.group().isdigit()]
    for kind, group in (("digit", digits), ("letter", letters)):
        if group:
            yield _finding(plan, ctx, group, kind)


def _finding(plan: Plan, ctx: Context, group: list[re.Match[str]], kind: str) -> Finding:
    """One finding for one kind (numerals; letters, with the numerals written among them as
    in ``５Ｇ``), however often: a converted file carries the habit throughout, one root cause,
    so it is said once, at its first place, with how many and where; the fix makes every one
    half width (NFKC of exactly these characters). A single one is said in its task."""
    source = plan.source
    first = group[0]
    found = tuple(dict.fromkeys(m.group() for m in group))
    lines = tuple(dict.fromkeys(source.position(m.start())[0] for m in group))
    return ctx.finding(
        Span.of(source, first.start(), first.end()),
        ctx.task_at(first.start()) if len(lines) == 1 else None,
        variant="many" if len(group) > 1 else "",
        fix=[
            Edit(m.start(), m.end(), m.group().translate(vocab.WIDE_ALNUM_TO_HALF)) for m in group
        ],
        found=found,
        expected=tuple(word.translate(vocab.WIDE_ALNUM_TO_HALF) for word in found),
        kind=Words(f"D008.kind.{kind}"),
        count=len(group),
        lines=lines,
        anchor=f"{first.group()}@{source.text[max(0, first.start() - 8) : first.start()]}",
    )
