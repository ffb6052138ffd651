"""Task numbers out of place (checker/checking/rules/numbering.py, N001/N002): which positions
are duplicates or misplaced, and which missing numbers they explain."""

from __future__ import annotations

from itertools import combinations, pairwise

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.checking.rules.numbering import _analyse


@pytest.mark.parametrize(
    ("numbers", "verdicts", "explained"),
    [
        ([], [], set()),
        (list(range(1, 111)), [], set()),  # the 2024 plan's 110 tasks in order
        ([3, 4, 5], [], set()),  # a later start is no defect of order
        ([1, 2, 2, 3], [(2, "duplicate", None)], set()),
        ([1, 3, 2, 4], [(1, "order", None)], set()),
        ([2, 1], [(0, "order", None)], set()),
        ([1, 2, 4, 3, 5], [(2, "order", None)], set()),
        ([1, 2, 4, 4], [(3, "duplicate", 5)], {5}),  # the second 4 was meant as 5
        ([1, 1, 1], [(1, "duplicate", 2), (2, "duplicate", 3)], {2, 3}),
    ],
)
def test_analyse(numbers, verdicts, explained):
    assert _analyse(numbers) == (verdicts, explained)


def _longest_increasing(numbers: list[int]) -> int:
    """The length of a longest strictly increasing subsequence, by trying every one."""
    for size in range(len(numbers), 0, -1):
        for kept in combinations(numbers, size):
            if all(a < b for a, b in pairwise(kept)):
                return size
    return 0


_NUMBERS = st.lists(st.integers(min_value=1, max_value=9), max_size=9)


@given(_NUMBERS)
@example([1, 2, 3, 3, 4])
def test_the_numbers_left_alone_are_a_longest_run_in_order(numbers):
    verdicts, _ = _analyse(numbers)
    flagged = {i for i, _, _ in verdicts}
    kept = [n for i, n in enumerate(numbers) if i not in flagged]
    assert all(a < b for a, b in pairwise(kept))
    assert len(kept) == _longest_increasing(numbers)


@given(_NUMBERS)
def test_a_duplicate_is_a_number_used_before_and_a_slot_a_number_missing(numbers):
    verdicts, explained = _analyse(numbers)
    for i, kind, slot in verdicts:
        assert kind == ("duplicate" if numbers[i] in numbers[:i] else "order")
        assert slot is None or slot not in numbers
    slots = [slot for _, _, slot in verdicts if slot is not None]
    assert len(slots) == len(set(slots)) and set(slots) == explained


@given(st.sets(st.integers(min_value=0, max_value=200)).map(sorted))
def test_numbers_in_order_have_nothing_to_say(numbers):
    assert _analyse(numbers) == ([], set())
