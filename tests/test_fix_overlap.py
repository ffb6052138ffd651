"""Which fixes a run takes, over random edit sets: ``edits.overlaps`` is symmetric, at most
one fix of any clashing pair is taken, ``apply_edits`` makes every edit taken (so the count
``--fix`` reports is what it applied), and ``review`` writes exactly those edits as tracked
changes (accepting them all gives the text ``--fix`` writes)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.checking.edits import apply_edits, overlaps, taken_fixes
from checker.checking.findings import Finding, Fix
from checker.products.review import _Marker, document_of
from checker.reading.docx import read_layout
from checker.reading.model import Edit
from checker.reading.source import Source

from .test_review import accept_all

LINES = [
    "一、总体要求",
    "1.加强知识产权保护工作。(国家知识产权局负责)",
    "2.完善制度建设。(司法部负责)",
]
TEXT = "\n".join(LINES)
SOURCE = Source.from_text(TEXT, "plan.txt")
#: where an edit may start and end: within one line (a line is one Word paragraph)
RANGES = [
    (SOURCE.line_starts[n], SOURCE.line_starts[n] + len(line)) for n, line in enumerate(LINES)
]


@st.composite
def edits(draw) -> Edit:
    """An edit inside one line: a replacement, a deletion or an insertion."""
    low, high = draw(st.sampled_from(RANGES))
    start = draw(st.integers(low, high))
    end = draw(st.integers(start, min(high, start + 4)))
    text = draw(st.sampled_from(["", "甲", "乙丙", "、"]))
    if start == end and not text:
        text = "丁"  # an insertion of nothing is no edit
    return Edit(start, end, text)


def finding(fix_edits: tuple[Edit, ...], safe: bool = True) -> Finding:
    start = min(e.start for e in fix_edits)
    return Finding(
        "plan.txt", "X000", start, start, SOURCE.line_starts, None, "X000", fix=Fix(fix_edits, safe)
    )


def consistent(fix: tuple[Edit, ...]) -> bool:
    """A rule's fix never clashes with itself (its edits are parts of one repair)."""
    return not any(overlaps(a, b) for n, a in enumerate(fix) for b in fix[n + 1 :])


one_fix = st.lists(edits(), min_size=1, max_size=2).map(tuple).filter(consistent)
fixes = st.lists(one_fix, min_size=1, max_size=8)


def reference(text: str, taken: list[Edit]) -> str:
    """The text with each edit made, in order of place, failing on an overlap: what
    ``apply_edits`` must give for edits ``taken_fixes`` took."""
    out, at = [], 0
    for edit in sorted(set(taken), key=lambda e: (e.start, e.end)):
        assert edit.start >= at, f"{edit} overlaps an edit before it"
        out += [text[at : edit.start], edit.text]
        at = edit.end
    return "".join(out) + text[at:]


@given(edits(), edits())
def test_overlaps_is_symmetric(a: Edit, b: Edit):
    assert overlaps(a, b) == overlaps(b, a)


def test_an_insertion_inside_a_replacement_clashes_in_either_order():
    replacement, insertion = Edit(10, 14, "甲"), Edit(12, 12, "乙")
    for order in ((replacement, insertion), (insertion, replacement)):
        taken = taken_fixes([finding((edit,)) for edit in order])
        assert len(taken) == 1 and taken[0] == (order[0],)
    beside = taken_fixes([finding((replacement,)), finding((Edit(14, 14, "乙"),))])
    assert len(beside) == 2  # at the end of the replaced range: text beside it


@settings(max_examples=300)
@given(fixes)
def test_taken_fixes_never_clash_and_all_are_applied(drawn: list[tuple[Edit, ...]]):
    found = [finding(fix) for fix in drawn]
    taken = taken_fixes(found)
    for i, first in enumerate(taken):  # at most one of any clashing pair
        for second in taken[i + 1 :]:
            assert not any(overlaps(a, b) for a in first for b in second)
    for fix in drawn:  # a fix left out clashes with one taken before it
        if fix not in taken:
            assert any(overlaps(a, b) for a in fix for kept in taken for b in kept)
    every = [edit for fix in taken for edit in fix]
    assert apply_edits(TEXT, every) == reference(TEXT, every)  # nothing taken is dropped


@settings(max_examples=60, deadline=None)
@given(fixes)
def test_review_writes_exactly_the_taken_edits(drawn: list[tuple[Edit, ...]]):
    found = [finding(fix) for fix in drawn]
    taken = taken_fixes(found)
    document = document_of(SOURCE)
    layout = read_layout(document)
    assert layout.text == TEXT
    changes = _Marker(document, layout, datetime(2025, 1, 1, tzinfo=UTC)).changes(taken)
    assert changes == len(taken)
    accept_all(document)
    fixed = apply_edits(TEXT, [edit for fix in taken for edit in fix])
    assert read_layout(document).text == fixed
