"""A plan's text as the file holds it (checker/reading/source.py): lines, their starts, the
line ending, and a source's way back from a worker."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.reading.source import Source

from .conftest import PLAN_2024


@pytest.mark.parametrize(
    ("text", "newline"),
    [
        ("甲", "\n"),
        ("甲\r\n乙\r\n丙\n", "\r\n"),
        ("甲\r乙\r丙\n", "\r"),
        ("甲\n乙\r\n", "\n"),  # a tie: \n
        ("甲\r\n乙\r", "\r\n"),  # a tie: \r\n before \r
    ],
)
def test_the_line_ending_is_the_one_used_most(text, newline):
    assert Source.from_text(text).newline == newline


#: a line of at least a character: a \r ending an empty line before \n would be one \r\n
_LINE = st.text(alphabet="甲 \u2028\x85\t", min_size=1, max_size=5)
_ENDING = st.sampled_from(["\n", "\r\n", "\r"])


@given(st.lists(st.tuples(_LINE, _ENDING), max_size=8), _LINE)
def test_each_character_is_at_its_line_and_column(ended, last):
    """Lines with any mix of endings: the source gives them back, and each character's
    offset is at the line and column it was written at."""
    text = "".join(line + ending for line, ending in ended) + last
    source = Source.from_text(text)
    lines = [line for line, _ in ended] + [last]
    assert source.lines == lines
    at = 0
    for number, (line, ending) in enumerate([*ended, (last, "")], start=1):
        for column in range(len(line) + 1):
            assert source.position(at + column) == (number, column + 1)
        assert source.line_end(number) == at + len(line)
        at += len(line) + len(ending)


@given(st.lists(st.tuples(_LINE, _ENDING), max_size=8), _LINE)
def test_the_line_ending_is_the_one_written_most(ended, last):
    """Any mix of endings: the one written most, ties going to \n, then \r\n."""
    text = "".join(line + ending for line, ending in ended) + last
    written = [ending for _, ending in ended]
    most = max(["\n", "\r\n", "\r"], key=written.count)
    assert Source.from_text(text).newline == most


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_the_2024_plan_reads_the_same_whatever_its_line_endings(newline):
    text = PLAN_2024.read_text(encoding="utf-8")
    source = Source.from_text(text.replace("\n", newline))
    assert source.lines == text.split("\n") and source.newline == newline
    task_51 = text.index("51.完善")  # on line 66
    assert source.position(task_51 + (len(newline) - 1) * 65) == (66, 1)


def test_a_source_comes_back_whole_from_a_worker():
    """Sources cross from parallel workers to the parent pickled without their folded text
    (Source.__reduce__): what arrives equals what left."""
    source = Source.from_text(
        "一、总体\r\n1.推进（改革）。(科技部负责)\r\n", "a.md", encoding="gb18030", bom=False
    )
    back = pickle.loads(pickle.dumps(source))
    assert back == source and back.folded == source.folded and back.newline == "\r\n"
