"""Shortcuts taken for speed give the answer of the plain way they replace.

Each fast path here has a slow, obviously right twin; hypothesis looks for a text where the
two disagree. (D007's candidate filter has its own file, test_near_duplicate.py.) The
parser's have none left: one implementation of each reading, its behaviour stated in
test_parse.py.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.reading import vocabulary
from checker.reading.parse import parse
from checker.reading.sniff import _marks, is_plan, plan_marks
from checker.reading.source import Source

from .conftest import ROOT

_PLAIN_HALF_MARKS = re.compile(r"[();?!]|(?<!\d)[,:]|[,:](?!\d)")


@given(st.text(alphabet="0123456789,:;()?!。,甲 "))
def test_half_width_marks_are_those_of_the_plain_pattern(text):
    plain = [m.span() for m in _PLAIN_HALF_MARKS.finditer(text)]
    assert [m.span() for m in vocabulary.HALF_MARKS.finditer(text)] == plain


def test_is_plan_stops_at_the_first_mark_and_agrees_with_the_marks(monkeypatch):
    import checker.reading.sniff as sniff

    plan = "2025年推进计划\n一、总体\n1.推进改革。(科技部负责)\n"
    assert next(_marks(plan)) == "title"
    read: list[str] = []  # lines looked at for a clause: none, once the title says it
    monkeypatch.setattr(sniff, "_has_clause", lambda line: bool(read.append(line)))
    assert is_plan(plan) and read == []
    monkeypatch.undo()
    assert plan_marks(plan)[0] == "title"
    readme = "# plancheck\n\n1. install\n2. run\n"
    assert not is_plan(readme) and plan_marks(readme) == []


@given(st.text(alphabet="()《》“”‘’〔〕【】[]甲"))
def test_a_unit_is_balanced_exactly_when_no_mark_is_left_unpaired(text):
    from checker.checking.rules.brackets import _balanced, unbalanced

    assert _balanced(text) == (unbalanced(text) == [])


@given(
    st.lists(
        st.sampled_from(["()", "(", ")", "《》", "《", "》", "“”", "【】", "[", "]", "甲", "|"])
    ),
    st.lists(st.integers(min_value=0, max_value=40)),
    st.booleans(),
)
@example(["()"], [1], False)  # a pair split between two units pairs in neither
def test_units_balance_together_exactly_when_each_balances_alone(pieces, cuts, overlap):
    from checker.checking.rules.brackets import _balanced, all_balanced

    text = "".join(pieces)
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    units = list(pairwise(bounds))
    if overlap and units:  # a unit inside another, as a heading might sit in a task
        units.append((units[0][0], units[-1][1]))
    assert all_balanced(text, units) == all(_balanced(text[s:e]) for s, e in units)


def test_a_source_comes_back_whole_from_a_worker():
    """Sources cross from parallel workers to the parent pickled without their folded text
    (source.Source.__reduce__): what arrives equals what left."""
    import pickle

    from checker.reading.source import Source

    source = Source.from_text(
        "一、总体\r\n1.推进（改革）。(科技部负责)\r\n", "a.md", encoding="gb18030", bom=False
    )
    back = pickle.loads(pickle.dumps(source))
    assert back == source and back.folded == source.folded and back.newline == "\r\n"


def test_what_a_text_says_is_kept_per_process_and_never_changes_a_finding():
    """Memos of what a text says (checker.base.memo: clauses, names, D007's task masks) serve the
    next plan: its findings are those of a plan never seen, and ``forget`` empties them."""
    from checker.base import memo
    from checker.checking.rules.near_duplicate import _buckets
    from checker.reading.clause import _read_clause

    from .conftest import PLAN_2024, lint_text

    text = PLAN_2024.read_text(encoding="utf-8")
    other = text.replace("加快", "加速").replace("1.", "1.深化改革。(科技部负责)\n2.", 1)
    memo.forget()
    cold = [(f.code, f.span) for f in lint_text(other)]
    lint_text(text)  # fills the memos with the 2024 plan's texts
    assert _read_clause.cache_info().currsize and _buckets.cache_info().currsize
    assert [(f.code, f.span) for f in lint_text(other)] == cold
    memo.forget()
    assert _read_clause.cache_info().currsize == _buckets.cache_info().currsize == 0


@given(st.text(alphabet="0123456789,:;()?!，（）：；？！。甲 "))
def test_mark_counts_are_those_the_mark_patterns_find(text):
    assert vocabulary.full_mark_count(text) == len(vocabulary.FULL_MARKS.findall(text))
    assert vocabulary.half_mark_count(text) == len(vocabulary.HALF_MARKS.findall(text))


@given(st.text(alphabet="\r\n\u2028\x85甲", max_size=20))
def test_line_starts_without_carriage_returns_are_those_of_the_pattern(text):
    """A text without ``\\r`` is split at ``\\n`` by ``str.split``: the lines, their starts
    and the line ending are the general pattern's."""
    from checker.reading.source import _NEWLINE, _line_starts, _line_starts_lf, split_lines

    assert split_lines(text) == _NEWLINE.split(text)
    if "\r" not in text:
        assert _line_starts_lf(text) == _line_starts(text)


@given(st.lists(st.sampled_from(["(", ")", "(甲)", "(负责)", "【", "】", "《", "》", "甲", " "])))
def test_bracket_groups_of_flat_text_are_those_of_the_stack(pieces):
    """``bracket_groups`` reads a text whose round brackets alternate with a few finds; any
    text it reads so gives the groups the stack of open marks gives."""
    from checker.reading.text import _flat_groups, _nested_groups, bracket_groups

    text = "".join(pieces)
    flat = _flat_groups(text)
    assert flat is None or flat == _nested_groups(text, "(【")
    assert bracket_groups(text) == _nested_groups(text, "(【")


def test_flat_groups_reads_the_common_texts_and_leaves_the_others():
    from checker.reading.text import _flat_groups

    assert _flat_groups("推进(甲)改革。(科技部负责)") == [(2, 5), (8, 15)]
    assert _flat_groups("无括号") == []
    for other in ("(甲(乙))", "甲)(乙)", "(甲", "【甲】", "(甲】"):
        assert _flat_groups(other) is None


#: the pieces of an abbreviation's definition, its markers read from the data
_DEFINITION_PIECES = [
    *vocabulary.words("abbreviation_markers"),
    *"()（）,，;；。 \t《》“”甲〔〕[]【】",  # the square ones: brackets the pattern does not open
    "《纲要》",
    *(f"{b}{m}" for b in "(（," for m in vocabulary.words("abbreviation_markers")),
    "《纲要》)",
    "甲）",
]


@given(st.lists(st.sampled_from(_DEFINITION_PIECES), max_size=24))
@example(["(以下简称", "《", "(简称", "甲）", "》)"])  # a bracket inside a definition found
@example(["〔", "以下简称", "《纲要》)"])  # a bracket the pattern does not open with
def test_abbreviation_definitions_are_those_the_plain_scan_finds(pieces):
    text = "".join(pieces)
    plain = [
        (m.span(), m.group("abbr")) for m in vocabulary.abbreviation_definition().finditer(text)
    ]
    fast = [(m.span(), m.group("abbr")) for m in vocabulary.abbreviation_definitions(text)]
    assert fast == plain


def _plain_participants(plan, registry, year):
    """Every participant resolved and ordered afresh, as clause_participants did at first."""
    return tuple(
        (
            task,
            clause,
            tuple(
                (a, body, registry.order_key(body) if body is not None else None)
                for a in clause.agencies
                if a.role != "lead"
                for body in [registry.resolve(a.name, year)]
            ),
        )
        for task in plan.rows_and_tasks
        for clause in task.clauses
    )


@pytest.mark.parametrize(
    "path",
    [
        "plans/2024.txt",
        *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "tests/data").rglob("*.txt"))),
    ],
)
def test_participants_resolved_once_per_name_are_those_resolved_each_time(path):
    from checker.checking.profile import clause_participants
    from checker.knowledge.agencies import load_registry

    plan = parse(Source.from_text((ROOT / path).read_text(encoding="utf-8"), path))
    registry = load_registry()
    for year in (plan.year, 2017):  # 2017: before the 2018 reform, other bodies in place
        plain = _plain_participants(plan, registry, year)
        assert clause_participants(plan, registry, year) == plain


_NUMBERS = st.integers(min_value=0, max_value=12)


@given(st.one_of(st.lists(_NUMBERS, max_size=12), st.sets(_NUMBERS).map(sorted)))
@example(list(range(1, 111)))
def test_task_numbers_in_order_are_classified_as_the_long_way_does(numbers):
    from checker.checking.rules.numbering import _analyse, _classify

    assert _analyse(numbers) == _classify(numbers)
