"""D005: one width per punctuation mark (GB/T 15834-2011 标点符号用法 asks for full width)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...reading import docnumbers
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
            help="consistent: one width; a mixed document full (GB/T 15834); full; half",
        ),
    ),
)
def punctuation_width(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进改革,完善制度，加强保护。（科技部负责）
    Good: 1.推进改革，完善制度，加强保护。（科技部负责）
    """
    text = plan.source.text
    mode = ctx.options["punctuation"]
    if mode == "half":
        wrong = list(vocab.FULL_MARKS.finditer(text))
    elif mode == "consistent" and not vocab.FULL_MARKS.search(text):
        return  # one width only (or no marks): nothing is mixed
    else:
        wrong = _half_in_chinese(text)
    target = "half" if mode == "half" else "full"
    convert = vocab.TO_HALF if target == "half" else vocab.WIDTH_PAIRS
    for group in _by_kind(wrong).values():
        yield _finding(plan, ctx, group, convert, target, width=mode != "consistent")


def _finding(
    plan: Plan,
    ctx: Context,
    group: list[re.Match[str]],
    convert: dict[str, str],
    target: str,
    *,
    width: bool,
) -> Finding:
    """One finding for one kind of mark written in the wrong width, however often: a habit
    (456 label lines ``责任单位:…;配合单位:…``) is one root cause, one thing to change, so it
    is said once, at its first place, with how many there are and where; the fix changes
    every one. A single slip is said where it is, in its task."""
    source = plan.source
    first = group[0]
    found = "".join(dict.fromkeys(m.group() for m in group))
    lines = tuple(dict.fromkeys(source.position(m.start())[0] for m in group))
    many = len(group) > 1
    variant = ("width_" if width else "") + ("many" if many else "")
    return ctx.finding(
        Span.of(source, first.start(), first.end()),
        ctx.task_at(first.start()) if len(lines) == 1 else None,
        variant=variant.rstrip("_"),
        fix=[Edit(m.start(), m.end(), convert[m.group()]) for m in group],
        found=found,
        expected="".join(convert[c] for c in found),
        target=Words(f"D005.target.{target}"),
        count=len(group),
        lines=lines,
        anchor=f"{found}@{source.text[max(0, first.start() - 8) : first.start()]}",
    )


def _by_kind(marks: list[re.Match[str]]) -> dict[str, list[re.Match[str]]]:
    """The marks by kind, in order of first appearance: a bracket's two halves are one kind."""
    kinds: dict[str, list[re.Match[str]]] = {}
    for match in marks:
        mark = match.group()
        kinds.setdefault("()" if mark in "()（）" else mark, []).append(match)
    return kinds


def _half_in_chinese(text: str) -> list[re.Match[str]]:
    """The half-width marks written in Chinese text, which GB/T 15834 writes full width;
    not those of Latin text (an English phrase, a URL's ``http://…?a=1``), nor a number's
    (1,000 and 8:30, which ``HALF_MARKS`` leaves out), nor a document number's year
    brackets (国发(2019)5号: D001's to say, and 〔〕 is the fix, not （）)."""
    marks = []
    runs = _Stretches(text)
    for match in vocab.HALF_MARKS.finditer(text):
        mark, start = match.group(), match.start()
        if mark == "(":
            close = _closing(text, start)
            latin = close is not None and _latin_pair(text, runs, start, close)
        elif mark == ")":
            opening = _opening(text, start)
            latin = opening is not None and _latin_pair(text, runs, opening, start)
        else:
            latin = runs.latin_before(start) and runs.latin_after(start)
        if not latin:
            marks.append(match)
    return marks


def _latin_pair(text: str, runs: _Stretches, opening: int, close: int) -> bool:
    """A bracket pair of Latin text: nothing Chinese inside, and Latin text before it or
    after it with no Chinese between (``China (2024)``, ``Guidelines (Revised),``; not
    ``(GDP)`` between 国内生产总值 and 增长, nor a heading ``(1)`` before its Chinese text),
    or the year of a document number (国发(2019)5号)."""
    inside = text[opening + 1 : close]
    if any(_chinese(c) for c in inside):
        return False
    if inside.strip(" \t").isdigit() and _doc_number_at(text, opening):
        return True
    return runs.latin_before(opening) or runs.latin_after(close)


def _doc_number_at(text: str, opening: int) -> bool:
    """Brackets that hold a document number's year (国发(2019)5号), as D001 reads numbers:
    its finding is the one for them (one root cause, one finding)."""
    return opening in docnumbers.bracket_openings(text)


def _closing(text: str, start: int) -> int | None:
    """The ``)`` closing the ``(`` at ``start`` on its line, or None."""
    end = text.find("\n", start)
    close = text.find(")", start, end if end >= 0 else len(text))
    return close if close >= 0 else None


def _opening(text: str, close: int) -> int | None:
    """The ``(`` the ``)`` at ``close`` closes on its line, or None."""
    opening = text.rfind("(", text.rfind("\n", 0, close) + 1, close)
    return opening if opening >= 0 else None


class _Stretches:
    """Whether a mark sits in Latin text, read from the stretch around it: the characters
    between the Chinese ones (or line breaks) before and after it. A mark has Latin text
    before it when a letter or digit of Latin text stands in its stretch before it (the
    ``http`` before ``://``; not the 年 before ``,`` in 2025年,实现), and after it likewise.

    A stretch is walked once, when a mark in it is first asked about, and where its first
    and last Latin letter or digit stand is kept: the marks in it are then two comparisons
    each. (Walked from each mark, a line of thousands of marks and blanks, 16,000 of ``; ``,
    took a minute.)"""

    def __init__(self, text: str) -> None:
        self.text = text
        #: the stretch last walked: its start and end, its first and last Latin letter or
        #: digit (-1 when it has none)
        self.start, self.end, self.first, self.last = 0, 0, -1, -1

    def latin_before(self, mark: int) -> bool:
        """A letter or digit of Latin text before the mark at ``mark``, nothing Chinese
        between. A mark right after a Chinese character (or a line's start), as most are,
        has none: its stretch starts at the mark, and nothing is walked."""
        if mark == 0 or _stops(self.text[mark - 1]):
            return False
        self._walk(mark)
        return 0 <= self.first < mark

    def latin_after(self, mark: int) -> bool:
        """A letter or digit of Latin text after the mark at ``mark``, nothing Chinese
        between; none for a mark right before a Chinese character or a line's end."""
        if mark + 1 >= len(self.text) or _stops(self.text[mark + 1]):
            return False
        self._walk(mark)
        return self.last > mark

    def _walk(self, mark: int) -> None:
        """Make the stretch around ``mark`` the one kept, walking it if it is not."""
        if self.start <= mark < self.end:
            return
        text = self.text
        start, end = mark, mark + 1
        while start > 0 and not _stops(text[start - 1]):
            start -= 1
        while end < len(text) and not _stops(text[end]):
            end += 1
        latin = [n for n in range(start, end) if text[n].isascii() and text[n].isalnum()]
        self.start, self.end = start, end
        self.first, self.last = (latin[0], latin[-1]) if latin else (-1, -1)


def _stops(char: str) -> bool:
    """A character that ends a stretch: a Chinese one or a line break."""
    return char == "\n" or _chinese(char)


def _chinese(char: str) -> bool:
    """A character of Chinese text: Han, kana, CJK and full-width marks (U+2E80 on), or the
    quotes, dashes and ellipsis Chinese text writes (U+2010–U+206F)."""
    return bool(char) and (char >= "\u2e80" or "\u2010" <= char <= "\u206f")
