"""D007's candidate filter (a length window, bit masks of character buckets, then the
characters themselves) loses no pair that scoring every pair with rapidfuzz finds, at any
threshold, rounding included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from checker.checking.rules.near_duplicate import _similar_pairs


def _every_pair(texts: list[str], cutoff: float) -> list[tuple[int, int]]:
    """What D007 must find, by brute force: each text's best earlier text above cutoff
    (a repeated text is paired with its first occurrence and is not compared again)."""
    found, first = [], {}
    for n, text in enumerate(texts):
        if not text:
            continue
        if text in first:
            found.append((n, first[text]))
            continue
        first[text] = n
        scored = [
            (Indel.normalized_similarity(text, other) * 100, -e)
            for e, other in enumerate(texts[:n])
            if other and first.get(other) == e
        ]
        if scored and max(scored)[0] >= cutoff:
            found.append((n, -max(scored)[1]))
    return sorted(found)


#: cutoffs as the rule makes them from the option (any number above 0, at most 1, × 100),
#: and round ones, whose pairs sit exactly on the threshold more often
_CUTOFFS = st.one_of(
    st.sampled_from([0, 30, 50, 60, 70, 75, 80, 95, 100]),
    st.floats(min_value=0, max_value=1, exclude_min=True).map(lambda near: near * 100),
)


@given(
    st.lists(st.text(alphabet="甲乙丙丁戊己", max_size=10), min_size=2, max_size=12),
    _CUTOFFS,
)
def test_the_filter_finds_what_scoring_every_pair_finds(texts, cutoff):
    found = sorted((later, earlier) for later, earlier, _ in _similar_pairs(texts, cutoff))
    assert found == _every_pair(texts, cutoff)


#: characters that share a bucket (the low seven bits of the code point): 一 U+4E00,
#: 帀 U+5E00, 𠀀 U+20000 and 䶀 U+4D80 are all bucket 0; A and 䅁 U+4141 bucket 0x41; 乙 U+4E59
#: and 癙 U+7659 bucket 0x59
_COLLIDING = "一帀䶀𠀀A䅁乙癙甲"


@given(
    st.lists(st.text(alphabet=_COLLIDING, min_size=1, max_size=14), min_size=2, max_size=10),
    st.sampled_from([30, 50, 60, 70, 80, 90]),
)
def test_characters_sharing_a_bucket_neither_lose_nor_invent_a_pair(texts, cutoff):
    found = sorted((later, earlier) for later, earlier, _ in _similar_pairs(texts, cutoff))
    assert found == _every_pair(texts, cutoff)


def test_a_pair_alike_only_in_buckets_is_not_scored():
    """一一一一 and 帀帀帀帀 fill the same bucket and nothing else: their buckets say alike,
    their characters say nothing in common, and they are not sent to be scored."""
    from checker.checking.rules.near_duplicate import _candidates

    assert _candidates(["一一一一", "帀帀帀帀"], 0.8) == {}
    assert _candidates(["一一一一", "一一一帀"], 0.5) == {1: [0]}


def test_a_boundary_score_is_kept():
    # 甲丙甲 against 甲丙甲丁乙甲丙 scores exactly 0.6: the length window must not drop it
    texts = ["甲丙甲丁乙甲丙", "甲丙甲"]
    assert [(a, b) for a, b, _ in _similar_pairs(texts, 60)] == [(1, 0)]


def _boundary_pairs() -> list[tuple[int, str, str]]:
    """(threshold in %, longer, shorter) for every pair that scores exactly a threshold of
    1–99 % and whose sum of lengths is at most 128: the shorter text inside the longer, of
    characters that each fill a bucket of their own (U+4E00 on: consecutive code points),
    so that no bound has slack to spare and only the arithmetic decides."""
    chars = [chr(0x4E00 + n) for n in range(128)]
    pairs = []
    for percent in range(1, 100):
        for total in range(2, 129):
            if (percent * total) % 200:
                continue  # 2·LCS = percent·total/100 must be a whole even number
            shared = percent * total // 200
            for short in range(max(shared, 1), total // 2 + 1):
                if short == shared:  # the shorter text inside the longer: LCS = its length
                    longer = "".join(chars[: total - short])
                    pairs.append((percent, longer, "".join(chars[:short])))
    return pairs


def test_a_pair_exactly_at_any_threshold_is_kept_whatever_the_rounding():
    """2·LCS ≥ ratio·(a + b) in floats: 0.56 × 25 is 14.000000000000002, not 14, yet
    rapidfuzz scores 7 characters inside 18 at 0.56 × 100, the cutoff to the last bit.
    The filter must not be stricter than the score (near-duplicate: 0.56 lost this pair)."""
    pairs = _boundary_pairs()
    assert len(pairs) > 100
    for percent, longer, shorter in pairs:
        for cutoff in (percent, percent / 100 * 100):  # as a test writes it, as the rule makes it
            texts = [longer, shorter]
            found = sorted((later, earlier) for later, earlier, _ in _similar_pairs(texts, cutoff))
            assert found == _every_pair(texts, cutoff), (percent, len(longer), len(shorter))
