"""The vocabulary rules and analyses share: year and document-number patterns, the widths of
punctuation marks, the separators of agency lists, and the judgement of a stray tag.

One home for each, so that two rules (or a rule and the diff) never read the same thing two
ways. Word lists are data in ``rules/vocabulary.yaml`` and ``rules/annotations.yaml``;
patterns are built from them once, on first use.
"""

import re
from collections.abc import Iterator
from functools import cache

from ..base.lazyre import HAN, LazyPattern
from ..base.memo import per_text
from ..knowledge.data import builtin
from .clause import looks_like_clause
from .model import Paren
from .text import DOC_NUMBER_LINE as DOC_NUMBER_LINE
from .text import YEAR as YEAR
from .text import fold
from .text import page_date as page_date

#: a document number in any form the drafters write: 国知联办〔2024〕6号, 国知联办[2024]06号,
#: 国知联办（2024）第6号 …; the groups say what GB/T 9704 would have
DOC_NUMBER_ANY = LazyPattern(
    rf"(?P<agency>{HAN}{{2,10}}?)"
    r"[ \t]*(?P<open>[〔\[【(（{［]?)[ \t]*(?P<year>\d{2,4})[ \t]*"
    r"(?P<close>[〕\]】)）}］]?)[ \t]*(?P<di>第?)[ \t]*(?P<serial>\d{1,4})[ \t]*号"
)
#: a document number exactly as GB/T 9704-2012 7.2.4 writes it
DOC_NUMBER_GOOD = LazyPattern(rf"^{HAN}{{2,10}}〔{YEAR}〕[1-9]\d{{0,3}}号$")
#: the marks that open a document number's year (on folded text)
_YEAR_OPENERS = "〔[【(（{"


def doc_number_year(folded: str) -> tuple[int, int] | None:
    """The year inside a document number's brackets (folded text: 国知联办〔2024〕6号, [2024],
    (2024)) and where it starts; None without one. Read with ``str`` methods: a class of
    these brackets is costly to compile at every start."""
    for at, char in enumerate(folded):
        if char in _YEAR_OPENERS:
            after = folded[at + 1 :]
            start = at + 1 + len(after) - len(after.lstrip(" \t"))
            year = folded[start : start + 4]
            if len(year) == 4 and year[:2] in ("19", "20") and year[2:].isdecimal():
                return int(year), start
    return None


#: a date line, the signature date that closes a document: 2024年3月18日
ISSUE_DATE = LazyPattern(
    rf"^[ \t]*({YEAR})[ \t]*年[ \t]*\d{{1,2}}[ \t]*月[ \t]*\d{{1,2}}[ \t]*日[ \t]*$",
    needles=("日",),
)

#: a date as a signature line or a text writes it, in Arabic or Chinese numerals:
#: 2018年11月5日, 二〇一八年十一月五日 (〇, ○ or 零 for zero); the day is optional only in
#: ``dates_in`` (a dated line has one)
_CN = "〇○零一二三四五六七八九十"
#: a date's month and day, in Arabic or Chinese numerals (DATE's and SHORT_YEAR_DATE's)
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = rf"3[01]|[12]\d|0?[1-9]|[{_CN}]{{1,3}}"
DATE = LazyPattern(
    r"(?P<year>(?:19|20)\d\d|[〇○零一二][〇○零一二三四五六七八九]{3})[ \t]*年[ \t]*"
    rf"(?P<month>{_MONTH})[ \t]*月[ \t]*(?P<day>{_DAY})[ \t]*日"
)
#: a line that is only a date whose year is written short, two digits for four: 一二年四月十日
#: (the 二〇 of 二〇一二年 lost), 12年4月10日; GB/T 9704-2012 7.3.5.1 writes the year in full.
#: Group ``year``; on folded text
SHORT_YEAR_DATE = LazyPattern(
    r"^[ \t(]*(?P<year>[〇○零一二三四五六七八九]{2}|\d{2})[ \t]*年[ \t]*"
    rf"(?:{_MONTH})[ \t]*月[ \t]*(?:{_DAY})[ \t]*日[ \t)]*$",
    needles=("日",),
)
#: the plan's own year in a title, in Arabic or Chinese numerals (2024年, 二〇二四年, 二○二四年,
#: 二零二四年): not the span of a 纲要(2021—2035年) it cites. Read with ``str`` methods around
#: each 年 (a pattern of these classes of Chinese characters is costly to compile at every
#: start): the four characters before it (blanks between) are a year, of this or
#: the last century, with neither a numeral nor a dash before it, nor a dash after the 年
_CN_YEAR_FIRST = "〇○零一二"
_CN_YEAR_DIGITS = "〇○零一二三四五六七八九"
_SPAN_DASHES = "—–-~至到"


def _year_before(text: str, nian: int) -> str | None:
    """The year written before the 年 at ``nian`` (``2024``, ``二〇二四``), or None."""
    end = nian
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end - 4
    if start < 0:
        return None
    year = text[start:end]
    arabic = year[:2] in ("19", "20") and year[2:].isdecimal()
    chinese = year[0] in _CN_YEAR_FIRST and all(c in _CN_YEAR_DIGITS for c in year[1:])
    if not (arabic or chinese):
        return None
    before = text[start - 1] if start else ""
    if before and (before in _SPAN_DASHES or before in _CN_YEAR_DIGITS or before.isdecimal()):
        return None  # the end of a span (2021—2035年) or part of a longer number
    after = text[nian + 1 :].lstrip(" \t")[:1]
    return None if after and after in _SPAN_DASHES else year


#: a line that is nothing but a date, bracketed or not: the signature date, （2018年11月5日）
#: (on folded text: ``（`` is ``(`` there; a class of ASCII marks only compiles 20× cheaper)
_DATE_LINE = LazyPattern(r"^[ \t(]*(?P<date>.+?日)[ \t)]*$", needles=("日",))
_CN_DIGIT = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def cn_number(text: str) -> int:
    """A number in Arabic or Chinese numerals: 2018, 二〇一八 (digit by digit), 十一, 二十五.
    Raises KeyError where 十 stands for a digit (二十二十): no number."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)


def _year_month(found: re.Match[str]) -> tuple[int, int] | None:
    """(year, month) of a DATE match; None for a day or year no calendar has."""
    try:
        year, month = cn_number(found.group("year")), cn_number(found.group("month"))
        day = cn_number(found.group("day"))
    except KeyError:  # 十 where a digit stands (二十二十): not a number
        return None
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month


def title_year(text: str) -> int | None:
    """The year a title gives its plan (2024年…计划, 二〇二四年…要点), or None."""
    folded = fold(text)
    nian = folded.find("年")
    while nian >= 0:
        written = _year_before(folded, nian)
        if written is not None and 1949 <= (year := cn_number(written)) <= 2100:
            return year
        nian = folded.find("年", nian + 1)
    return None


#: a plan's own period in its title, 2019-2020年行动计划, 三年行动计划（2019—2021）: the
#: first year (a period inside 《》 is a cited document's, 《纲要（2021—2035年）》)
_TITLE_SPAN = LazyPattern(r"((?:19|20)\d\d)[ \t]*年?[ \t]*[—–\-~～至到][ \t]*(?:19|20)\d\d")


def title_span_year(text: str) -> int | None:
    """The first year of the period a title gives its own plan, or None: written before the
    plan's kind (2019-2020年行动计划) or in the bracket that closes the title (三年行动计划
    （2019—2021）). A period inside 《》 or in a bracket within the title belongs to the
    document it follows (纲要(2021—2035年)实施工作要点: the 纲要's, not the 要点's)."""
    folded = fold(text).strip()
    depth = 0
    outside = []
    for char in folded:
        depth += char == "《"
        outside.append(char if depth == 0 else " ")
        depth -= char == "》" and depth > 0
    found = _TITLE_SPAN.search("".join(outside))
    if found is None:
        return None
    opened = folded.rfind("(", 0, found.start()) > folded.rfind(")", 0, found.start())
    if opened and not folded.endswith(")"):
        return None  # a bracket inside the title: the period of what it follows
    if opened and folded.find(")", found.end()) != len(folded) - 1:
        return None
    return int(found.group(1))


def date_line(text: str) -> tuple[int, int] | None:
    """(year, month) of a line that is only a date (a signature date), or None."""
    line = _DATE_LINE.match(fold(text))
    if line is None:
        return None
    found = DATE.fullmatch(line.group("date").strip())
    return _year_month(found) if found else None


#: a deadline or a start a task sets by year: 2012年底前, 2012年10月底前, 2012年起 (not a span's
#: end, 2021—2025年, nor a year cited in passing, 2010年以来)
_TERM_YEAR = LazyPattern(
    r"(?<![\d—–\-~至到])((?:19|20)\d\d)[ \t]*年[ \t]*(?:(?:1[0-2]|0?[1-9])[ \t]*月[ \t]*)?"
    r"(?:底|末|年底|上半年|下半年)?[ \t]*(?:前|以前|起)"
)


def term_years(text: str) -> list[int]:
    """The years a text's deadlines and starts name (2012年底前, 2012年起), in order."""
    return [int(found.group(1)) for found in _TERM_YEAR.finditer(fold(text))]


#: a year written anywhere in a text, as a number of its own (not inside 12019 or 2019.5)
_ANY_YEAR = LazyPattern(rf"(?<![\d.]){YEAR}(?![\d.])")


def cited_number_year(text: str) -> int | None:
    """The latest year of the document numbers a text cites, where those are the only
    years it writes (长府办 2019: 《…意见》(沪府办规〔2019〕5号), 为贯彻落实…), or None. A
    document is made in the year of what it implements or later; with nothing else to go
    by, that year is the nearest the text gives, and an early year is the cautious one
    (renamings and repeals judged by it are fewer, never more)."""
    folded = fold(text)
    cited = [
        int(found.group("year"))
        for found in DOC_NUMBER_ANY.finditer(folded)
        if len(found.group("year")) == 4 and found.group("open")
    ]
    if not cited or len(_ANY_YEAR.findall(folded)) != len(cited):
        return None
    return max(cited)


def dates_in(text: str) -> list[tuple[int, int]]:
    """(year, month) of every full date written in a text, in order."""
    return [ym for found in DATE.finditer(fold(text)) if (ym := _year_month(found))]


#: half-width mark → its full-width twin (GB/T 15834), the marks D005 compares
WIDTH_PAIRS = {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！"}
TO_HALF = {full: half for half, full in WIDTH_PAIRS.items()}
#: the full-width marks; its needles are the marks themselves: a plan written in half-width
#: marks throughout (D005's question) is answered without compiling a class of them
FULL_MARKS = LazyPattern("[" + "".join(TO_HALF) + "]", needles=tuple(TO_HALF))
#: half-width marks, but not a comma or colon with a digit on both sides (1,000 and 8:30
#: are numbers): one class of marks first, which the engine skips to directly
HALF_MARKS = LazyPattern(r"[();?!,:](?!(?<=\d[,:])\d)")

#: a full-width digit or Latin letter (U+FF10–FF19, FF21–FF3A, FF41–FF5A)
_WIDE_ALNUM_CHAR = "[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
#: runs of them, written as one such character and any more after it, not as ``[…]+``: sre
#: finds a pattern that opens with a character class by skipping along the text to that
#: class, where one that opens with a repeat is tried at every character (a quarter of the
#: time on a plan that has none, as most have: D008 reads every plan's whole text)
WIDE_ALNUM = LazyPattern(f"{_WIDE_ALNUM_CHAR}{_WIDE_ALNUM_CHAR}*")
#: ``str.translate`` table making them half width: what NFKC makes of exactly these
#: characters (U+FF10 → U+0030 …), without importing unicodedata for it
WIDE_ALNUM_TO_HALF = {
    code: code - 0xFEE0
    for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}


@cache
def words(key: str) -> tuple[str, ...]:
    """A word list of ``rules/vocabulary.yaml``."""
    return tuple(builtin("vocabulary.yaml")[key])


def alternatives(key: str) -> str:
    """A word list as a regex alternation, longest first (``以下简称`` before ``简称``)."""
    return "|".join(re.escape(w) for w in sorted(words(key), key=len, reverse=True))


@cache
def plan_title_year() -> re.Pattern[str]:
    """The year in a plan's title as a notice cites it: 《2024年…推进计划》."""
    return re.compile(rf"《[ \t]*({YEAR})[ \t]*年[^《》]*?(?:{alternatives('plan_kinds')})》")


@cache
def own_year_work() -> re.Pattern[str]:
    """The preamble's year of its own work: 明确2024年度重点任务."""
    return re.compile(rf"明确[ \t]*({YEAR})[ \t]*年度?(?:{alternatives('own_year_work')})")


@cache
def work_year() -> re.Pattern[str]:
    """The year of the work a notice divides or sets out, in its own words: 《政府工作报告》
    确定的2009年全市主要目标和工作任务, 提出了2013年市政府要做好的8项重点工作 (a few words
    may stand between the year and the work, never a mark)."""
    return re.compile(
        rf"(?:{alternatives('work_year_verbs')})了?的?[ \t]*({YEAR})[ \t]*年度?"
        rf"[^，。；：、,.;:()（）《》\s]{{0,12}}?(?:{alternatives('work_year_objects')})"
    )


def work_year_of(text: str) -> int | None:
    """The year ``work_year`` finds first in a text, or None."""
    found = work_year().search(fold(text))
    return int(found.group(1)) if found else None


@cache
def abbreviation_definition() -> re.Pattern[str]:
    """(以下简称《纲要》), (国办发〔2019〕45号，以下简称《意见》): the abbreviation in
    group ``abbr``; the marker opens the parenthetical or follows a comma inside it."""
    markers = alternatives("abbreviation_markers")
    return re.compile(
        rf"[(（](?:[^()（）]*?[,，;；][ \t]*)?[ \t]*(?:{markers})[ \t]*"
        rf"(?P<abbr>《[^《》]+》|“[^“”]+”|[^()（）,，。\s][^()（）,，。]*?)[ \t]*[)）]"
    )


#: the brackets ``abbreviation_definition`` opens with or may not pass before its marker
_DEFINITION_BRACKETS = "()（）"


def abbreviation_definitions(text: str) -> Iterator[re.Match[str]]:
    """The abbreviations a text defines, in order: ``abbreviation_definition`` matched only
    where a definition can start. One starts at an opening bracket with no bracket between
    it and its marker (the data's schema keeps brackets out of the markers), so only the
    last bracket before some marker is tried, not each of the plan's hundred-odd clause
    brackets (a third of the time a scan of every bracket takes). As ``finditer``, the
    search goes on after a definition found, never inside it."""
    pattern = abbreviation_definition()
    end = 0
    for start in sorted(_definition_openers(text, words("abbreviation_markers"))):
        if start < end:
            continue  # inside the definition found before it
        match = pattern.match(text, start)
        if match is not None:
            end = match.end()
            yield match


def _definition_openers(text: str, markers: tuple[str, ...]) -> set[int]:
    """The opening brackets that are the last bracket before some marker."""
    openers = set()
    for marker in markers:
        at = text.find(marker)
        while at >= 0:
            bracket = max(text.rfind(b, 0, at) for b in _DEFINITION_BRACKETS)
            if bracket >= 0 and text[bracket] in "(（":
                openers.add(bracket)
            at = text.find(marker, at + 1)
    return openers


def split_at_separators(folded: str) -> list[str]:
    """A list of agencies (folded text) cut at the marks between them: every mark made the
    first, then split there (``str`` methods: a class of Chinese marks is costly
    to compile at every start)."""
    marks = "".join(words("separators"))
    for mark in marks[1:]:
        folded = folded.replace(mark, marks[0])
    return folded.split(marks[0])


def is_separator(mark: str) -> bool:
    return fold(mark) in words("separators")


# -- stray tags ----------------------------------------------------------------------------
class TagPolicy:
    """What a working tag looks like (``rules/annotations.yaml``): markers that are tags
    wherever they stand, and the legitimate forms a standalone parenthetical may take:
    opening with a word (``starts``), holding one (``holds``), or matching a pattern."""

    def __init__(
        self,
        markers: frozenset[str],
        max_length: int,
        starts: tuple[str, ...],
        holds: tuple[str, ...],
        legitimate: tuple[LazyPattern, ...],
    ) -> None:
        self.markers = markers
        self.max_length = max_length
        self.starts = starts
        self.holds = holds
        self.legitimate = legitimate

    def is_marker(self, inner: str) -> bool:
        head = re.split(r"[:：]", inner, maxsplit=1)[0].strip()
        return head in self.markers

    def is_tag(self, text: str, standalone: bool) -> bool:
        """Is a parenthetical's text (``Paren.inner``) a working tag, the parenthetical
        standing alone or not?"""
        inner = fold(text).strip()
        if not inner or looks_like_clause(inner):
            return False  # a misplaced clause is the clause rules' business
        if self.is_marker(inner):
            return True
        if not standalone or len(inner) > self.max_length:
            return False
        return not self.is_legitimate(inner)

    def is_legitimate(self, inner: str) -> bool:
        """The words first: told by ``str`` methods, while each pattern is compiled when a
        parenthetical first reaches it (as patterns, the words would all be compiled
        at a start whose plan has a tag, a cost bench/ measures)."""
        return (
            inner.startswith(self.starts)
            or any(word in inner for word in self.holds)
            or any(p.search(inner) for p in self.legitimate)
        )


@cache
def tag_policy() -> TagPolicy:
    data = builtin("annotations.yaml")
    forms = data["legitimate"]
    return TagPolicy(
        frozenset(data["markers"]),
        int(data["max_tag_length"]),
        tuple(str(word) for form in forms for word in form.get("starts", ())),
        tuple(str(word) for form in forms for word in form.get("holds", ())),
        # each compiled when a parenthetical first reaches it (most are told by a marker)
        # holding one of its needles, where the data gives them
        tuple(
            LazyPattern(str(form["pattern"]), needles=form.get("needles"))
            for form in forms
            if "pattern" in form
        ),
    )


def is_stray_tag(paren: Paren) -> bool:
    """A001's judgement of one parenthetical, shared with those that must ignore tags (the
    diff compares tasks without them)."""
    return _is_stray_tag(tag_policy(), paren.inner, paren.standalone)


@per_text()
def _is_stray_tag(policy: TagPolicy, inner: str, standalone: bool) -> bool:
    """``is_stray_tag`` of a parenthetical's text, standing alone or not: all that the
    judgement reads besides the policy (one object per data load). Kept per text: a plan's
    drafts and years write the same parentheticals, each folded and read against the
    clause grammar and the tag words."""
    return policy.is_tag(inner, standalone)
