"""D007: two tasks that say nearly the same thing."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from ..model import Plan
from ..registry import Option, rule

_NOT_TEXT = re.compile(r"[\s,，。;；:：、()（）《》“”]")


def _similar_pairs(texts: list[str], cutoff: float) -> Iterator[tuple[int, int, float]]:
    """(later, earlier, score) for each task's most similar earlier task above ``cutoff``.

    rapidfuzz's Indel ratio is r = 2·LCS/(a+b), and LCS ≤ o, the characters two texts share
    counted with multiplicity. So a pair can only qualify when 2·min(a, b) ≥ r·(a+b) (a
    length window) and 2o ≥ r·(a+b). Each text is a bit mask over character occurrences
    (the k-th 的 is its own bit), so o is one AND and a popcount on Python ints: the
    bound is checked for every pair in the window at C speed, without a Python set per
    pair. Identical texts are paired directly. Survivors are scored by rapidfuzz,
    imported only then, which in a plan without duplicates is never. A test checks this
    against scoring every pair.
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
    masks = _masks([texts[n] for n in kept])
    sizes = [len(texts[n]) for n in kept]
    candidates: dict[int, list[int]] = {}
    for i in range(1, len(kept)):
        size, mask = sizes[i], masks[i]
        # the window only skips pairs the overlap test would reject (o ≤ min(a, b)); widened
        # a little so that rounding never makes it the stricter of the two
        low = ratio * size / (2 - ratio) * (1 - 1e-9)
        high = (2 - ratio) * size / ratio * (1 + 1e-9) if ratio else math.inf
        found = [
            kept[j]
            for j in range(i)
            if low <= sizes[j] <= high
            and 2 * (mask & masks[j]).bit_count() >= ratio * (size + sizes[j])
        ]
        if found:
            candidates[kept[i]] = found
    if not candidates:
        return
    from rapidfuzz.distance import Indel

    for later in sorted(candidates):
        scored = [
            (Indel.normalized_similarity(texts[later], texts[e]) * 100, e)
            for e in candidates[later]
        ]
        score, earlier = max(scored, key=lambda s: (s[0], -s[1]))
        if score >= cutoff:
            yield later, earlier, score


def _masks(texts: list[str]) -> list[int]:
    """Each text's character occurrences as bits: the first 的 one bit, the second another."""
    bits: dict[tuple[str, int], int] = {}
    masks = []
    for text in texts:
        seen: dict[str, int] = {}
        mask = 0
        for ch in text:
            k = seen[ch] = seen.get(ch, 0) + 1
            bit = bits.setdefault((ch, k), len(bits))
            mask |= 1 << bit
        masks.append(mask)
    return masks


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
