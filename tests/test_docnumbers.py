"""Document numbers wherever a plan writes them (checker.reading.docnumbers): one finding for
one wrong number whichever rules run, and real text read as it is."""

from __future__ import annotations

from pathlib import Path

from checker.reading import docnumbers
from tests.conftest import lint_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def _read(path: Path) -> list[tuple[int, str, tuple[str, ...]]]:
    """Each number of a file: its line, as written, and what departs from GB/T 9704."""
    text = path.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, n.start) + 1, text[n.start : n.end], n.problems)
        for n in docnumbers.numbers(text)
    ]


def test_a_half_width_number_is_one_finding_of_d001_not_d005_too():
    # D005 leaves the year's brackets of 国发(2019)5号 and 国发(19)5号 to D001: 〔〕 is the fix,
    # not （）; the clauses' half-width brackets among full-width text are D005's still
    plan = "1.落实《意见》（国发(2019)5号、国发(19) 5号），完善制度。（科技部负责）\n2.乙。(财政部负责)\n"
    found = lint_text(plan)
    marks = [(f.code, f.column) for f in found if f.line == 1 and f.code in ("D001", "D005")]
    assert marks == [("D001", 10), ("D001", 21)]
    d005 = [f for f in found if f.code == "D005"]
    assert [(f.line, f.column) for f in d005] == [(2, 5)]


def test_the_published_2024_plan_writes_its_own_number_right():
    assert _read(ROOT / "plans" / "2024.txt") == [(1, "国知联办〔2024〕6号", ())]


def test_real_state_council_and_shanghai_texts_cite_numbers_right():
    real = sorted((ROOT / "tests" / "data" / "real").rglob("*.txt"))
    cited = [number for path in real for number in _read(path)]
    assert len(cited) >= 5
    assert all(problems == () for _, _, problems in cited), cited


def test_a_city_bureau_page_own_number_in_its_title_line_and_a_cited_one():
    # open-2022-chaojiaofa: both are in its truth (lines 1 and 7), and no other number is wrong
    path = CORPUS / "local" / "open-2022-chaojiaofa-fazhi-fengong.txt"
    wrong = [(line, written) for line, written, problems in _read(path) if problems]
    assert wrong == [(1, "朝交发 [2022] 97号"), (7, "辽交执监[2022]351号")]


def test_decrees_and_announcements_are_read_as_series_and_left_alone():
    text = "中国人民银行令〔2021〕第3号、中国人民银行公告〔2019〕第1号、某局通告〔2020〕第2号"
    assert [n.series for n in docnumbers.numbers(text)] == [True, True, True]
    assert lint_text(f"1.落实{text}。(科技部负责)\n", "D001") == []
