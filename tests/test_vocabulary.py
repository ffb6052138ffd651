"""Patterns the reading and the rules share (checker/reading/vocabulary.py): the marks of each
width D005 compares, and the abbreviations a plan defines (D006, L001)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.reading import vocabulary as vocab

from .conftest import PLAN_2024


def _marks(text: str) -> list[tuple[int, str]]:
    """Every mark of either width with its offset."""
    found = [*vocab.HALF_MARKS.finditer(text), *vocab.FULL_MARKS.finditer(text)]
    return sorted((m.start(), m.group()) for m in found)


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ("推进改革,完善制度;加强保护(试点)?是!", ",;()?!"),
        ("1,000元、8:30开会", ""),  # a comma or colon between digits is a number's
        ("第1,第2:甲", ",:"),  # a digit on one side only: a mark
        (",1 1:", ",:"),
        ("(1)", "()"),
        ("全角，（）：；？！", ""),
    ],
)
def test_half_width_marks(text, half):
    assert "".join(m.group() for m in vocab.HALF_MARKS.finditer(text)) == half


def test_the_full_width_marks_are_the_twins_of_the_half_width_ones():
    text = "全角，（）：；？！、。《》"
    assert "".join(m.group() for m in vocab.FULL_MARKS.finditer(text)) == "，（）：；？！"
    assert {vocab.TO_HALF[m] for m in "，（）：；？！"} == set(",():;?!")


_MARKED = st.text(alphabet="0123456789,:;()?!，（）：；？！。甲 ", max_size=24)


@given(_MARKED, _MARKED)
def test_a_text_cut_anywhere_reads_the_same_marks_as_whole(left, right):
    """Except where the cut parts a digit from a comma or colon: ``1,|000`` is a number
    whole and a mark cut."""
    number = set("0123456789,:")
    if left[-1:] in number and right[:1] in number:
        return
    shifted = [(at + len(left), mark) for at, mark in _marks(right)]
    assert _marks(left + right) == _marks(left) + shifted


@given(_MARKED)
def test_every_round_bracket_semicolon_and_question_mark_is_a_mark(text):
    marks = {at for at, _ in _marks(text)}
    assert all(at in marks for at, char in enumerate(text) if char in "();?!（）：；？！，")


def _definitions(text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group("abbr")) for m in vocab.abbreviation_definitions(text)]


def test_the_2024_plan_defines_its_two_abbreviations():
    text = PLAN_2024.read_text(encoding="utf-8")
    found = _definitions(text)
    assert [abbr for _, abbr in found] == ["《纲要》", "《规划》"]
    assert all(text[start:end].startswith("(以下简称") for (start, end), _ in found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("落实《纲要》(以下简称《纲要》),制定本计划", [((6, 16), "《纲要》")]),
        ("(国办发〔2019〕45号，以下简称《意见》)", [((0, 23), "《意见》")]),  # after a comma
        ("（简称“双创”）", [((0, 8), "“双创”")]),
        ("(下称甲,以下简称乙)", [((0, 11), "乙")]),  # the later marker, after a comma
        ("(以下简称《(简称甲）》)", [((0, 13), "《(简称甲）》")]),  # a title may hold brackets
        ("〔以下简称《纲要》)", []),  # 〔 does not open a definition
        ("(甲)以下简称《乙》)", []),  # a bracket between the opening one and the marker
        ("(以下简称《纲要》,下同)", []),
        ("简称《纲要》", []),
        ("(科技部负责)(以下简称甲)(简称乙)", [((7, 14), "甲"), ((14, 19), "乙")]),
    ],
)
def test_abbreviation_definitions(text, found):
    assert _definitions(text) == found


_DEFINITION_PIECES = [
    *vocab.words("abbreviation_markers"),
    *"()（）,，;；。 《》“”甲〔〕[]【】",
    "《纲要》",
    "(以下简称",
    "(以下简称 )",  # a marker and nothing to define: no definition
    "(科技部负责)",
]


@given(st.lists(st.sampled_from(_DEFINITION_PIECES), max_size=20))
def test_definitions_are_bracketed_in_order_apart_and_hold_a_marker(pieces):
    text = "".join(pieces)
    end = 0
    for (start, stop), abbr in _definitions(text):
        definition = text[start:stop]
        assert end <= start and definition[0] in "(（" and definition[-1] in ")）"
        assert abbr.strip() and abbr in definition
        assert any(m in definition for m in vocab.words("abbreviation_markers"))
        end = stop


@given(st.lists(st.sampled_from(_DEFINITION_PIECES), max_size=12))
def test_a_definition_reads_the_same_after_any_sentence_without_brackets(pieces):
    text = "".join(pieces)
    sentence = "加强知识产权保护,完善制度。"
    shifted = [((s + len(sentence), e + len(sentence)), a) for (s, e), a in _definitions(text)]
    assert _definitions(sentence + text) == shifted


def test_wide_alnum_table_is_nfkc_of_exactly_those_characters():
    """D008's fix and D001's expected number: the table is NFKC for the full-width digits and
    Latin letters, and the pattern reads exactly the characters the table changes (not 〇,
    ①, Ⅰ nor full-width punctuation)."""
    import unicodedata

    table = vocab.WIDE_ALNUM_TO_HALF
    assert all(unicodedata.normalize("NFKC", chr(c)) == chr(h) for c, h in table.items())
    assert {ord(c) for c in "".join(vocab.WIDE_ALNUM.findall("".join(map(chr, table))))} == set(
        table
    )
    assert not vocab.WIDE_ALNUM.search("二〇二四年①②ⅠⅡ，（）：；！？．")


@pytest.fixture(scope="module")
def legitimate_forms() -> list[dict]:
    """``rules/annotations.yaml``'s legitimate forms, read before hypothesis times an example."""
    from checker.knowledge.data import builtin

    return builtin("annotations.yaml")["legitimate"]


@given(data=st.data())
def test_every_legitimate_text_holds_a_needle_of_its_pattern(legitimate_forms, data):
    """A legitimate form's pattern is compiled only for a parenthetical holding one of its
    needles: every text the pattern matches (hypothesis makes them from the pattern, and what
    may follow) holds one."""
    form = data.draw(st.sampled_from([f for f in legitimate_forms if "needles" in f]))
    text = data.draw(st.from_regex(form["pattern"]))
    assert any(needle in text for needle in form["needles"])
