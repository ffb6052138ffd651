"""Small text helpers shared by the parser and the rules: width folding, lines, numerals,
brackets (the groups a clause is read in are ``clause``'s: ``bracket_groups``).

Folding maps each full-width mark to its half-width twin one character for one character,
so an offset in the folded text is the same offset in the original: the parser matches on
the folded text and reports positions in the file as given.
"""

from __future__ import annotations

import re

from ..base.lazyre import HAN, LazyPattern

#: a four-digit year of this or the last century, as a regex fragment
YEAR = r"(?:19|20)\d\d"

#: a line that is a document number, however written (the parser's test for the doc number),
#: alone or in brackets under the title as gazettes and law libraries print it ((晋政发〔2008〕8号))
#: (here, not in ``vocabulary``: the web-page reader, which imports nothing of the model, tells
#: one in a page's metadata block)
DOC_NUMBER_LINE = LazyPattern(
    rf"^[ \t]*\(?[ \t]*{HAN}{{2,12}}[ \t]*[〔\[(【{{]?[ \t]*\d{{2,4}}[ \t]*[〕\])】}}]?[ \t]*第?[ \t]*\d{{1,4}}[ \t]*号[ \t]*\)?[ \t]*$"
)

#: a date as a portal's metadata block writes it: 2018年12月06日, 2020-02-28, 2020/2/28, 2020.02.28
_PAGE_DATE = LazyPattern(
    rf"({YEAR})[ \t]*[-年/.][ \t]*(1[0-2]|0?[1-9])[ \t]*[-月/.][ \t]*(3[01]|[12]\d|0?[1-9])[ \t]*日?"
)


def page_date(value: str) -> tuple[int, int] | None:
    """(year, month) of a date a web page's metadata block states (成文日期, 发布日期), or
    None for a value that is no such date."""
    found = _PAGE_DATE.fullmatch(value.strip())
    return (int(found.group(1)), int(found.group(2))) if found else None


FULL_TO_HALF = {
    "（": "(",
    "）": ")",
    "，": ",",
    "：": ":",
    "；": ";",
    "．": ".",
    "﹒": ".",  # the small full stop: 1﹒ labels, as 1． (皖政办秘〔2021〕 工业互联网)
    "！": "!",
    "？": "?",
    "　": " ",
    **{chr(0xFF10 + d): str(d) for d in range(10)},
}
_FOLD_PAIRS = tuple(FULL_TO_HALF.items())

#: Marks that end a sentence (after folding). A group right after one stands alone.
SENTENCE_END = frozenset("。;!?")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN_DIGITS |= {"七": 7, "八": 8, "九": 9}
CN_NUMERAL = "[一二三四五六七八九十〇零两]+"


#: what an item's label may follow at a line's start: blanks, and a dash that introduces the
#: item (``——（1）鼓励发展…``, the measures of 梁委发〔2020〕21号 and of other Jiangsu papers)
_LABEL_LEAD = r"^[ \t]*(?:[—―]{1,2}[ \t]*)?"
#: ``3.2020年底前…``: a number, its mark, then a year, is a task (a decimal never goes on
#: into a year); ``1.5亿`` at a line's start is not
TASK_NUMBER = LazyPattern(_LABEL_LEAD + r"(\d{1,5})[ \t]*[.、](?!(?!(?:19|20)\d\d年)\d)[ \t]*")
_SECTION = LazyPattern(_LABEL_LEAD + rf"({CN_NUMERAL})[ \t]*[、.][ \t]*")
_SUBSECTION = LazyPattern(_LABEL_LEAD + rf"\(({CN_NUMERAL})\)[ \t]*")
#: the fourth level of GB/T 9704 numbering: (1), also written 1)
_ITEM = LazyPattern(_LABEL_LEAD + r"\(?(\d{1,3})\)[ \t]*")
#: numbering levels: 1 = 一、, 2 = (一), 3 = 1., 4 = (1); tried in this order (lazy: the
#: rules import this module, and ``plancheck rules`` reads no plan)
_LEVELS = ((3, TASK_NUMBER), (2, _SUBSECTION), (1, _SECTION), (4, _ITEM))

#: a line's numbering: its level and the match of its marker (the numeral is group 1)
Item = tuple[int, re.Match[str]]


def numbered(content: str) -> Item | None:
    """The numbering a folded line's content starts with, whatever is expected (the
    parser's outline, and the Word reader's test of a paragraph that begins an item)."""
    for level, pattern in _LEVELS:
        match = pattern.match(content)
        if match:
            return level, match
    return None


#: the longest line that is still an item's title ((九)强化光伏建设资金保障), not a cut sentence
TITLE_LENGTH = 30
#: marks after which a new line starts a new paragraph of the same task, not a wrapped line
PARAGRAPH_END = frozenset("。;!?:)】”")


def cut_off(line: str) -> bool:
    """Does a folded line stop mid-sentence, to go on in the next line? It does when it
    ends at a comma, or ends a long line without a sentence's end (a quoted name, “飞凤奖”,
    ends none). A short line without a mark is an item's title, and the next line its paragraph. (The parser's test of a
    task's line wrapped, N003, and the Word reader's of a paragraph cut at a page's end.)"""
    last = line[-1:]
    if last in PARAGRAPH_END and not (last == "”" and line[-2:-1] not in SENTENCE_END):
        return False  # (a quotation closes a paragraph where its sentence ends inside it)
    return last in ",、:" or len(line) > TITLE_LENGTH


def fold(text: str) -> str:
    """Half-width view of text with identical length and offsets.

    A chain of ``str.replace`` for the marks present: 30× faster than ``str.translate``
    with a dict on CJK text, which matters on every file of a pre-commit run.
    """
    for full, half in _FOLD_PAIRS:
        if full in text:
            text = text.replace(full, half)
    return text


def split_lines(text: str) -> list[str]:
    """A text's lines without their terminators (``\r\n``, ``\r`` or ``\n``): every
    terminator made ``\n``, then split there (``str`` methods: a pattern is 8× dearer on
    Chinese text, and the parser splits every plan). A text without ``\r`` is split as it
    is: looking for the two characters ``\r\n`` costs thirty times what looking for ``\r``
    does."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def cn_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral up to 99 (``十二`` → 12, ``二十`` → 20); None if not one."""
    if not numeral:
        return None
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        if "十" in units:
            return None
        high = _CN_DIGITS.get(tens, None) if tens else 1
        low = _CN_DIGITS.get(units, None) if units else 0
        if high is None or low is None:
            return None
        return high * 10 + low
    if len(numeral) == 1:
        return _CN_DIGITS.get(numeral)
    return None


def int_to_cn(value: int) -> str:
    """Chinese numeral for 1–99, the inverse of cn_to_int (for suggested fixes)."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


#: Opening and closing marks that must balance (after folding round brackets).
PAIRS = {"(": ")", "《": "》", "“": "”", "‘": "’", "〔": "〕", "【": "】", "[": "]"}
CLOSERS = {v: k for k, v in PAIRS.items()}


def is_title_line(text: str) -> bool:
    """A folded line that can be (part of) a title: short, and no sentence inside."""
    return len(text) <= 40 and not any(mark in text for mark in "。,;:")
