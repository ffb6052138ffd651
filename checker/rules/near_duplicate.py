"""D007: two tasks that say nearly the same thing."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from ..memo import also_forget, per_text
from ..model import Plan
from ..registry import Option, rule

_NOT_TEXT = re.compile(r"[\s,，。;；:：、()（）《》“”]")


def _similar_pairs(texts: list[str], cutoff: float) -> Iterator[tuple[int, int, float]]:
    """(later, earlier, score) for each task's most similar earlier task above ``cutoff``.

    rapidfuzz's Indel ratio is r = 2·LCS/(a+b), and LCS ≤ o, the characters two texts share
    counted with multiplicity. So a pair can only qualify when 2·min(a, b) ≥ r·(a+b) (a
    length window) and 2o ≥ r·(a+b). o itself is bounded by what is cheap to count: the
    distinct characters both texts hold (one AND of bit masks and a popcount, at C speed)
    plus the fewer repeated occurrences of the two (a text of 46 characters repeats about
    10). Identical texts are paired directly. Survivors are scored by rapidfuzz, imported
    only then, which in a plan without duplicates is never. A test checks this against
    scoring every pair.
    """
    ratio = cutoff / 100
    first_seen: dict[str, int] = {}
    kept: list[int] = []
    for n, text in enumerate(texts):
        if not text:
            continue
        if text in first_seen:
            yield n, first_seen[text], 100.0
            continue
        first_seen[text] = n
        kept.append(n)
    candidates = _candidates([texts[n] for n in kept], ratio)
    if not candidates:
        return
    from rapidfuzz.distance import Indel

    for position in sorted(candidates):
        later = kept[position]
        scored = [
            (Indel.normalized_similarity(texts[later], texts[kept[e]]) * 100, kept[e])
            for e in candidates[position]
        ]
        score, earlier = max(scored, key=lambda s: (s[0], -s[1]))
        if score >= cutoff:
            yield later, earlier, score


def _candidates(texts: list[str], ratio: float) -> dict[int, list[int]]:
    """For each text, the earlier texts that may reach ``ratio``: those the length window
    and the shared-character bound both let through.

    The texts are visited by length, each against the shorter ones only down to the
    window's lower end (a bisection): every pair in the window is looked at once, and
    the two-thirds of pairs outside it not at all.
    """
    masks, repeats = _masks(texts)
    order = sorted(range(len(texts)), key=lambda n: len(texts[n]))
    sizes = [len(texts[n]) for n in order]
    masks = [masks[n] for n in order]
    repeats = [repeats[n] for n in order]
    # the exact test, 2·(shared + min(repeats)) ≥ ratio·(a + b), implies the looser
    # 2·shared − (ratio·b − 2·repeats(b)) ≥ ratio·a: each text's part of it worked out once,
    # so that the pairs of the window (two thousand a plan) cost half the arithmetic
    owed = [ratio * size - 2 * repeat for size, repeat in zip(sizes, repeats, strict=True)]
    candidates: dict[int, list[int]] = {}
    for p, this in enumerate(order):
        size, mask, repeat = sizes[p], masks[p], repeats[p]
        # o ≤ min(a, b) rejects a shorter text below ratio·a/(2 − ratio); widened a little
        # so that rounding never makes the window the stricter of the two tests
        low = ratio * size / (2 - ratio) * (1 - 1e-9)
        # a little less (relatively, for texts of any length), so rounding never makes it
        # the stricter of the two tests
        base = ratio * size * (1 - 1e-9) - 1e-9
        hits = [
            q
            for q in range(bisect_left(sizes, low, 0, p), p)
            if (mask & masks[q]).bit_count() * 2 - owed[q] >= base
            and 2 * ((mask & masks[q]).bit_count() + min(repeat, repeats[q]))
            >= ratio * (size + sizes[q])
        ]
        for q in hits:
            other = order[q]
            later, earlier = (this, other) if this > other else (other, this)
            candidates.setdefault(later, []).append(earlier)
    return candidates


def _masks(texts: list[str]) -> tuple[list[int], list[int]]:
    """Each text's distinct characters as bits of one int, and how many of its characters
    repeat one before them. Σ min(count in a, count in b) over characters is at most the
    distinct characters shared plus the fewer repeats: a bound built with set and map
    calls, at C speed, where counting each occurrence would loop in Python."""
    made = [_text_bits(text) for text in texts]
    return [mask for mask, _ in made], [repeats for _, repeats in made]


#: every character met in this process, with its bit: one numbering for every plan, so a
#: task text's mask, kept, serves each plan the text is in (tasks carry over year to year)
_BITS: dict[str, int] = {}
also_forget(_BITS.clear)


@per_text(maxsize=16384)
def _text_bits(text: str) -> tuple[int, int]:
    """A text's distinct characters as a mask, and its repeated characters' count."""
    chars = set(text)
    if not _BITS.keys() >= chars:  # a C-level check: most texts bring no new character
        for char in chars:
            if char not in _BITS:  # met for the first time: the next bit is its own
                _BITS[char] = 1 << len(_BITS)
    return sum(map(_BITS.__getitem__, chars)), len(text) - len(chars)


@rule(
    "D007",
    "near-duplicate-task",
    severity="warning",
    options=(
        Option(
            "near-duplicate",
            0.8,
            between=(0, 1),
            help="the similarity above which two tasks are near-duplicates",
        ),
    ),
)
def near_duplicate_task(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.加快建设国家知识产权保护信息平台。(国家知识产权局负责)\\n2.加快建设国家知识产权保护信息平台建设。(国家知识产权局负责)
    Good: 1.加快建设国家知识产权保护信息平台。(国家知识产权局负责)\\n2.推动全国知识产权运营服务平台互联互通。(国家知识产权局负责)
    """
    if len(plan.tasks) < 2:
        return
    texts = [_NOT_TEXT.sub("", t.body) for t in plan.tasks]
    cutoff = ctx.options["near-duplicate"] * 100
    for later, earlier, score in sorted(_similar_pairs(texts, cutoff)):
        task, other = plan.tasks[later], plan.tasks[earlier]
        yield ctx.finding(
            task.number_span,
            task,
            other=other.number,
            similarity=f"{score / 100:.2f}",
            anchor=f"{other.body[:16]}~{task.body[:16]}",
        )
