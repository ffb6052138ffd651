"""Document numbers (发文字号) wherever a plan writes them: its own, under the title or run
together with it, and the numbers of the documents it cites (（国发[2019]5号）).

A number is a run of Han characters (the issuing body's code), a year of two or four digits
in brackets, a serial number and 号. What the brackets may be, which codes number a series
of their own (令, 公告), what after 号 makes it no document's and the typos of a code's last
character (含 for 函) are data (``rules/document-numbers.yaml``). D001 reports the numbers not
in GB/T 9704 form (full-width digits included); D005 leaves their brackets to it, and D008
the full-width digits of the numbers D001 reports (one root cause, one finding).

Read with ``str`` methods, back from each 号: a plan has few of them, and a class of these
brackets would be costly to compile at every run.
"""

from functools import cache
from typing import Any, NamedTuple

from ..base.memo import per_text
from ..knowledge.data import builtin

#: blanks a drafter or an OCR leaves inside a number (锡政发 ( 2020 ) 15 号)
_BLANKS = " \t\u3000"
#: the longest serial number read (国发〔2023〕105号; five digits for the busiest codes)
_SERIAL_DIGITS = 5
#: how far back Latin text before a code is looked at for a URL's slash
_URL_REACH = 80


class DocNumber(NamedTuple):
    """A document number in a text: offsets, what is written and what GB/T 9704 writes.

    ``start`` is the code's first character (the opening bracket's when the Han run before
    the year is longer than a code: the sentence's words, not the code); ``code_end`` is where
    the year's part begins (blanks included), which a fix rewrites up to ``end`` (after 号)
    with ``expected``. ``problems`` are the locale's ``D001.*`` keys. ``right_code`` is the
    code as it should be: ``code`` itself unless its last character is a typo (粤办含 →
    粤办函), when a fix rewrites from ``start``."""

    start: int
    code_end: int
    opening: int
    end: int
    code: str
    series: bool
    problems: tuple[str, ...]
    expected: str
    right_code: str = ""

    @property
    def reported(self) -> bool:
        """Does D001 report it? A number out of GB/T 9704 form, not of a series (令第708号)."""
        return bool(self.problems) and not self.series


@cache
def _conventions() -> dict[str, Any]:
    """``rules/document-numbers.yaml``, with the sets the reading looks marks up in."""
    data = builtin("document-numbers.yaml")
    wrong: dict[str, str] = data["wrong"]
    return {
        "correct": tuple(data["correct"]),
        "opens": frozenset(wrong) | {data["correct"][0]},
        "closes": frozenset(wrong.values()) | {data["correct"][1]},
        "series": tuple(data["series"]),
        "not_before": tuple(data["not_before"]),
        "sentence_words": tuple(data["sentence_words"]),
        "max_code": int(data["max_code"]),
        "ending_typos": dict(data.get("ending_typos") or {}),
    }


def right_code(code: str) -> str:
    """The code with a misspelt last character put right (粤办含 → 粤办函), or as it is. Only
    a code of two characters or more: 含 alone may be 含山县's first."""
    if len(code) < 2:
        return code
    meant = _conventions()["ending_typos"].get(code[-1])
    return code if meant is None else code[:-1] + meant


@per_text(maxsize=2)
def numbers(text: str) -> tuple[DocNumber, ...]:
    """Every document number in ``text``, in order, right or wrong. Kept for the plan being
    checked (D001 and D005 both ask), not for many: the key is the whole text."""
    found = []
    at = text.find("号")
    while at >= 0:
        if at > 0 and text[at - 1] in "0123456789０１２３４５６７８９" + _BLANKS:
            number = _number_ending(text, at, _conventions())
            if number is not None:
                found.append(number)
        at = text.find("号", at + 1)
    return tuple(found)


@per_text(maxsize=2)
def reported_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of the numbers D001 reports: D008 leaves their full-width digits to
    it (国发〔２０１９〕5号 with 〔〕 right is one finding, D001's, not one of each)."""
    return tuple((number.start, number.end) for number in numbers(text) if number.reported)


@per_text(maxsize=2)
def bracket_openings(text: str) -> frozenset[int]:
    """The offsets of the brackets that open a document number's year (D005 leaves them)."""
    return frozenset(number.opening for number in numbers(text))


def _blanks_back(text: str, end: int) -> int:
    """Where the blanks just before ``end`` begin."""
    while end > 0 and text[end - 1] in _BLANKS:
        end -= 1
    return end


def _digits_back(text: str, end: int, most: int) -> int:
    """Where the digits just before ``end`` begin, or ``end`` when there are none or more
    than ``most`` (12345678号 is no serial)."""
    start = end
    while start > 0 and text[start - 1].isdecimal():
        start -= 1
    return start if end - start <= most else end


def _han(char: str) -> bool:
    """A character of a code: a letter, neither a digit nor Latin (what ``lazyre.HAN`` reads)."""
    return char.isalpha() and not char.isascii()


def _after_sentence_words(text: str, start: int, end: int, words: tuple[str, ...]) -> int:
    """Where the code in the Han run ``text[start:end]`` begins: after the last word of the
    sentence in it (落实国发 → 国发); ``end`` when the run is the sentence's alone (the 号和
    of 国发〔2019〕5号和[2020]6号)."""
    cut = start
    for word in words:
        found = text.rfind(word, start, end)
        if found >= 0:
            cut = max(cut, found + len(word))
    return cut


def _in_latin(text: str, start: int) -> bool:
    """Whether Han characters at ``start`` are part of Latin text: right after a Latin letter
    (京ICP备) or inside a URL (https://www.gov.cn/国发[2019]5号.htm: a slash in the Latin text
    just before). A task number's ``2.`` before them is no Latin text."""
    before = start
    while before > 0 and start - before < _URL_REACH:
        char = text[before - 1]
        if not char.isascii() or char.isspace():
            break
        before -= 1
    latin = text[before:start]
    return "/" in latin or (latin[-1:].isalpha())


def _number_ending(text: str, at: int, rules: dict[str, Any]) -> DocNumber | None:
    """The number whose 号 is at ``at``, read backwards, or None: serial, 第, the closing
    bracket, the year, the opening bracket, the code."""
    if text.startswith(rules["not_before"], at + 1):
        return None
    serial_end = _blanks_back(text, at)
    serial_start = _digits_back(text, serial_end, _SERIAL_DIGITS)
    if serial_start == serial_end:
        return None
    close = _blanks_back(text, serial_start)
    di = close > 0 and text[close - 1] == "第"
    if di:
        close = _blanks_back(text, close - 1)
    close -= 1
    if close < 0 or text[close] not in rules["closes"]:
        return None
    year_end = _blanks_back(text, close)
    year_start = _digits_back(text, year_end, 4)
    year = text[year_start:year_end]
    if len(year) not in (2, 4) or (len(year) == 4 and int(year) // 100 not in (19, 20)):
        return None
    opening = _blanks_back(text, year_start) - 1
    if opening < 0 or text[opening] not in rules["opens"]:
        return None
    code_end = _blanks_back(text, opening)
    code_start = code_end
    while code_start > 0 and code_end - code_start <= rules["max_code"]:
        if not _han(text[code_start - 1]):
            break
        code_start -= 1
    if code_start == code_end:
        return None
    long_run = code_end - code_start > rules["max_code"]
    if not long_run and _in_latin(text, code_start):
        return None
    series = text.endswith(rules["series"], code_start, code_end)
    if not long_run:
        code_start = _after_sentence_words(text, code_start, code_end, rules["sentence_words"])
        long_run = code_start == code_end  # 国发〔2019〕5号和[2020]6号: no code of its own
    serial = text[serial_start:serial_end]
    problems = _problems(text, (opening, close), year, di, serial, code_end, at)
    expected = _expected(rules["correct"], year, serial)
    code = "" if long_run else text[code_start:code_end]
    right = right_code(code)
    if right != code:
        problems += ("D001.code_typo",)
    return DocNumber(
        opening if long_run else code_start,
        code_end,
        opening,
        at + 1,
        code,
        series,
        problems,
        expected,
        right,
    )


def _problems(
    text: str, brackets: tuple[int, int], year: str, di: bool, serial: str, start: int, at: int
) -> tuple[str, ...]:
    """What departs from GB/T 9704 7.2.4 (keys of the locale's WORDS)."""
    correct = _conventions()["correct"]
    problems = []
    if not (year + serial).isascii():  # ２０１９: GB/T 9704 writes Arabic numerals half width
        problems.append("D001.fullwidth")
    if (text[brackets[0]], text[brackets[1]]) != correct:
        problems.append("D001.brackets")
    if len(year) != 4:
        problems.append("D001.year_digits")
    if di:
        problems.append("D001.di")
    if int(serial[0]) == 0:
        problems.append("D001.leading_zero")
    if any(blank in text[start:at] for blank in _BLANKS):
        problems.append("D001.spaces")
    return tuple(problems)


def _expected(correct: tuple[str, str], year: str, serial: str) -> str:
    """The year and serial as GB/T 9704 writes them: 〔2019〕5号. A two-digit year is taken in
    the century that makes it no later than the 2040s (〔98〕 is 1998, 〔19〕 2019); ``int``
    reads full-width digits as the half-width ones written."""
    full = int(year)
    if len(year) == 2:
        full += 1900 if full >= 50 else 2000
    return f"{correct[0]}{full}{correct[1]}{int(serial)}号"
