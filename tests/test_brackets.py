"""D004 (checker/checking/rules/brackets.py): the marks left without a partner. The rule's
cases on plans are in tests/rules/D004.yaml."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.checking.rules.brackets import unbalanced
from checker.reading.text import PAIRS

from .conftest import PLAN_2024, lint_text


@pytest.mark.parametrize(
    ("text", "lonely"),
    [
        ("(1)", []),
        ("《“十四五”规划》(2021—2025年)", []),
        ("“甲", [(0, "“", "”")]),
        ("甲”", [(1, "”", "“")]),
        ("(《)", [(1, "《", "》")]),  # ) closes (: the 《 opened inside is left
        ("《(》)", [(1, "(", ")"), (3, ")", "(")]),
        ("《“》”", [(1, "“", "”"), (3, "”", "“")]),
        ("【甲】[乙]〔丙〕‘丁’", []),
    ],
)
def test_unbalanced(text, lonely):
    assert unbalanced(text) == tuple(lonely)


_OPEN = st.sampled_from(list(PAIRS))


def _well_nested(depth: int) -> st.SearchStrategy[str]:
    plain = st.sampled_from(["甲", "负责", "。"])
    if depth == 0:
        return st.lists(plain, max_size=3).map("".join)
    group = st.tuples(_OPEN, _well_nested(depth - 1)).map(lambda g: g[0] + g[1] + PAIRS[g[0]])
    return st.lists(st.one_of(plain, group), max_size=4).map("".join)


@given(_well_nested(3))
def test_well_nested_marks_leave_none(text):
    assert unbalanced(text) == ()


@given(_well_nested(3), st.integers(min_value=0), st.sampled_from([*PAIRS, *PAIRS.values()]))
def test_one_mark_more_is_found(text, where, mark):
    at = where % (len(text) + 1)
    lonely = unbalanced(text[:at] + mark + text[at:])
    assert lonely and all(0 <= offset <= len(text) for offset, _, _ in lonely)
    assert mark in [found for _, found, _ in lonely]  # it, or its like where it pairs


@given(st.text(alphabet="()《》“”‘’〔〕【】[]甲", max_size=20))
def test_each_lonely_mark_is_where_it_is_said_to_be_and_named_with_its_partner(text):
    for offset, mark, partner in unbalanced(text):
        assert text[offset] == mark
        assert PAIRS.get(mark) == partner or PAIRS.get(partner) == mark


def test_the_2024_plan_balances_and_one_mark_dropped_is_found():
    text = PLAN_2024.read_text(encoding="utf-8")
    assert not lint_text(text, "D004")
    broken = text.replace("《知识产权强国建设纲要", "知识产权强国建设纲要", 1)
    found = lint_text(broken, "D004")
    assert [f.code for f in found] == ["D004"]
