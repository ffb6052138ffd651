"""Characters, lines and brackets (checker/reading/text.py): a plan's lines, and the groups a
task's clause is read from."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.reading.clause import bracket_groups
from checker.reading.text import fold, split_lines

from .conftest import PLAN_2024

_PARTNER = {"(": ")", "【": "】"}


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("甲\n乙", ["甲", "乙"]),
        ("甲\r\n乙\r丙\n", ["甲", "乙", "丙", ""]),
        ("\r\r\n", ["", "", ""]),  # a lone \r, then \r\n: two line ends
        ("甲\u2028乙\x85丙\f丁", ["甲\u2028乙\x85丙\f丁"]),  # no line ends in a plan file
        ("", [""]),
    ],
)
def test_split_lines(text, lines):
    assert split_lines(text) == lines


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("推进(甲)改革。(科技部负责)", [(2, 5), (8, 15)]),
        ("无括号", []),
        ("(甲(乙))", [(0, 6)]),  # nested: the outer group only
        ("【甲(乙)】", [(0, 6)]),
        ("(甲)【乙】(丙", [(0, 3), (3, 6)]),  # the unclosed third is no group
        ("甲)(乙)", [(2, 5)]),  # a closing mark with nothing open is skipped
        ("(甲", []),
        ("(甲】", []),  # marks of two kinds do not pair
        ("(甲【乙)】", [(0, 5)]),  # ) closes (, the 【 opened inside it left behind
        ("《甲》“乙”", []),  # titles and quotes are not groups
    ],
)
def test_bracket_groups(text, groups):
    assert bracket_groups(text) == groups


def test_every_task_of_the_2024_plan_ends_in_its_clause_group():
    """The real plan: each numbered task line ends with a group that is its clause."""
    for line in fold(PLAN_2024.read_text(encoding="utf-8")).splitlines():
        if line[:1].isdigit() and line.rstrip().endswith(")"):
            groups = bracket_groups(line)
            assert groups and groups[-1][1] == len(line.rstrip()), line
            assert "负责" in line[slice(*groups[-1])], line


def _nested(depth: int) -> st.SearchStrategy[list[tuple[str, bool]]]:
    """Well-nested text as pieces (text, is a top-level group): plain words, other marks
    and groups of either kind holding well-nested text."""
    plain = st.sampled_from(["甲", "负责", " ", "《", "》", "“", "[", "]"]).map(
        lambda t: (t, False)
    )
    if depth == 0:
        return st.lists(plain, max_size=4)
    inner = _nested(depth - 1).map(lambda pieces: "".join(t for t, _ in pieces))
    group = st.tuples(st.sampled_from("(【"), inner).map(
        lambda g: (g[0] + g[1] + _PARTNER[g[0]], True)
    )
    return st.lists(st.one_of(plain, group), max_size=5)


@given(_nested(3))
def test_the_groups_of_well_nested_text_are_its_top_level_groups(pieces):
    text, expected, at = "", [], 0
    for piece, is_group in pieces:
        if is_group:
            expected.append((at, at + len(piece)))
        text += piece
        at += len(piece)
    assert bracket_groups(text) == expected


@given(st.text(alphabet="()【】甲", max_size=30))
def test_every_group_is_inside_the_text_in_order_and_closed_by_its_partner(text):
    end = 0
    for start, stop in bracket_groups(text):
        assert end <= start < stop <= len(text)
        assert text[stop - 1] == _PARTNER[text[start]]
        end = stop


@given(st.text(alphabet="()甲", max_size=30))
def test_a_round_group_holds_as_many_closing_marks_as_opening_ones(text):
    for start, stop in bracket_groups(text):
        inside = text[start:stop]
        assert inside.count("(") == inside.count(")")
