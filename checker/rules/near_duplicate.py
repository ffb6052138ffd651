"""D007: two tasks that say nearly the same thing."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator

from ..context import Context
from ..findings import Finding
from ..model import Plan
from ..registry import Option, rule

_NOT_TEXT = re.compile(r"[\s,，。;；:：、()（）《》“”]")


def _similar_pairs(texts: list[str], cutoff: float) -> Iterator[tuple[int, int, float]]:
    """(later, earlier, score) for each task's most similar earlier task above ``cutoff``.

    rapidfuzz's Indel ratio is r = 2·LCS/(a+b), and LCS ≤ o, the characters two texts share
    counted with multiplicity. So a pair can only qualify when o ≥ r·a/(2−r) for each side:
    prefix filtering (as in set-similarity joins) over character-occurrence tokens ordered
    rarest first finds every such pair while indexing only about a third of each text's
    tokens. Identical texts are paired directly. Survivors pass the exact bound
    2o ≥ r(a+b) before rapidfuzz scores them; rapidfuzz is imported only then, which in a
    plan without duplicates is never. A test checks this against scoring every pair.
    """
    ratio = cutoff / 100
    first_seen: dict[str, int] = {}
    tokens: dict[int, frozenset[str]] = {}
    for n, text in enumerate(texts):
        if not text:
            continue
        if text in first_seen:
            yield n, first_seen[text], 100.0
            continue
        first_seen[text] = n
        tokens[n] = _occurrences(text)
    frequency: Counter = Counter()
    for own in tokens.values():
        frequency.update(own)
    # one global order, rarest first, the same for every text (the prefix filter needs only
    # that; ties keep the counter's order, which is the same for every text)
    rank = {t: n for n, t in enumerate(sorted(frequency, key=frequency.__getitem__))}
    index: dict[str, list[int]] = {}
    candidates: dict[int, set[int]] = {}
    for n, own in tokens.items():
        size = len(own)
        needed = math.ceil(ratio * size / (2 - ratio)) if ratio < 2 else size
        prefix = sorted(own, key=rank.__getitem__)[: max(1, size - needed + 1)]
        found: set[int] = set()
        for token in prefix:
            found.update(index.get(token, ()))
            index.setdefault(token, []).append(n)
        found = {
            e
            for e in found
            if 2 * min(size, len(tokens[e])) >= ratio * (size + len(tokens[e]))  # lengths first
            and 2 * len(own & tokens[e]) >= ratio * (size + len(tokens[e]))
        }
        if found:
            candidates[n] = found
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


def _occurrences(text: str) -> frozenset[str]:
    """The characters of a text as a multiset made a set: a character's first occurrence is
    itself, its k-th (k ≥ 2) is the character followed by chr(47 + k). Strings, whose hashes
    are cached, keep intersections cheap."""
    repeats = [
        ch + chr(47 + k) for ch, n in Counter(text).items() if n > 1 for k in range(2, n + 1)
    ]
    return frozenset(text).union(repeats)


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
