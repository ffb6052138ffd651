"""D007: two tasks that say nearly the same thing."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ...base.memo import per_text
from ...reading.model import Plan
from ..context import Context
from ..findings import Finding
from ..registry import Option, rule

#: the marks left out of a task's text when tasks are compared (white space is left out too)
_NOT_TEXT = ",，。;；:：、()（）《》“”"


@per_text(maxsize=16384)
def _words(body: str) -> str:
    """A task's text as compared: without white space and punctuation marks. ``str``
    methods, as ``text.fold``: a class of Chinese marks is costly to compile at every
    start, and ``str.translate`` is slower on Chinese text. Kept, as the masks are: tasks
    carry over from plan to plan, and a memo's hit costs a fraction of the fourteen scans
    of a task's text."""
    text = "".join(body.split())
    for mark in _NOT_TEXT:
        if mark in text:
            text = text.replace(mark, "")
    return text


def _similar_pairs(texts: list[str], cutoff: float) -> Iterator[tuple[int, int, float]]:
    """(later, earlier, score) for each task's most similar earlier task above ``cutoff``.

    rapidfuzz's Indel ratio is r = 2·LCS/(a+b), and LCS ≤ o, the characters two texts share
    counted with multiplicity. So a pair can only qualify when 2·min(a, b) ≥ r·(a+b) (a
    length window) and 2o ≥ r·(a+b). o itself is bounded by what is cheap to count: the
    buckets of characters both texts fill (one AND of bucket masks and a popcount, at C
    speed) plus the fewer repeats of the two (a text of 46 characters repeats about 10),
    and for the few pairs that pass, the same with the characters themselves. Identical
    texts are paired directly. Survivors are scored by rapidfuzz, imported only then, which
    in a plan without duplicates is never. A test checks this against scoring every pair.
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
    """For each text, the earlier texts that may reach ``ratio``: those the length window,
    the shared-bucket bound and then the shared-character bound all let through.

    The texts are visited by length, each against the shorter ones only down to the
    window's lower end (a bisection): every pair in the window is looked at once, and
    the two-thirds of pairs outside it not at all.

    Pairs rather than an index of signatures (a prefix filter, q-gram counts, partitions
    of the text), because the threshold is loose for such short texts: at 0.8 a text may
    lack a third of its characters in its partner, so an exact index must list a third
    of each text's characters, rarest first, and rarity is the plan's own (a fixed order
    let 1,368 of the 2024 plan's 2,530 window pairs through). Ordered so, it still leaves
    438 pairs to test after 1,868 look-ups, and the plan's 110 tasks hold 3,904 distinct
    (task, character) pairs to count and sort: more work than the window's pairs.
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
            # the exact test loosened as much: a pair exactly at the threshold has
            # 2·LCS = ratio·(a + b) in reals, but the product in floats may come out a bit
            # above (0.56 × 25 = 14.000000000000002) while rapidfuzz's score meets the cutoff
            and 2 * ((mask & masks[q]).bit_count() + min(repeat, repeats[q]))
            >= ratio * (size + sizes[q]) * (1 - 1e-9)
        ]
        for q in hits:
            other = order[q]
            if not _may_reach(texts[this], texts[other], ratio):
                continue
            later, earlier = (this, other) if this > other else (other, this)
            candidates.setdefault(later, []).append(earlier)
    return candidates


def _may_reach(text: str, other: str, ratio: float) -> bool:
    """The bound on o with the characters themselves, for the few pairs whose buckets
    let them through: distinct characters shared plus the fewer repeats. Two characters
    of one bucket can make a pair look closer than it is; this keeps such a pair from
    importing rapidfuzz to be scored."""
    mine, theirs = _characters(text), _characters(other)
    repeats = min(len(text) - len(mine), len(other) - len(theirs))
    return 2 * (len(mine & theirs) + repeats) >= ratio * (len(text) + len(other)) * (1 - 1e-9)


def _masks(texts: list[str]) -> tuple[list[int], list[int]]:
    """Each text's buckets as bits of one int, and how many of its characters fall in a
    bucket one before them fell in (see ``_buckets``)."""
    made = [_buckets(text) for text in texts]
    return [mask for mask, _ in made], [repeats for _, repeats in made]


#: how many buckets characters are put in, by the low bits of their code point
_BUCKETS = 128
#: a byte's bucket (its low seven bits)
_BUCKET_OF = bytes(n % _BUCKETS for n in range(256))
#: what maketrans writes for a filled bucket (never a bucket's own number: those are < 128)
_FILLED = b"\xff"
#: a table's byte as a binary digit: "1" where maketrans wrote _FILLED, else "0"
_AS_DIGIT = b"0" * 255 + b"1"


@per_text(maxsize=16384)
def _buckets(text: str) -> tuple[int, int]:
    """A text's characters put in 128 buckets by the low bits of their code point, as a
    mask of the buckets it fills, and how many of its characters repeat a filled bucket.

    Σ min(count in a, count in b) over characters is at most the same sum over buckets
    (a bucket's counts are sums of its characters'), and that is at most the buckets both
    fill plus the fewer repeats. Han characters spread evenly over the low bits, so on
    real plans the bound is as tight as with the characters themselves, and it is read
    with C-level calls only: the code points' low bytes by an encoding and a slice, the
    filled buckets by ``bytes.maketrans`` (a 256-byte table where each byte of the text
    is mapped to _FILLED: a scatter), written as 128 binary digits and read as one
    128-bit int, a bit a bucket. An earlier version numbered each distinct character and
    added its bit: three times as slow. Another kept a byte a bucket (``int.from_bytes``
    of the 0/1 table): a 1024-bit int, whose AND and popcount, done for each of the
    thousands of pairs of a plan's window, cost half as much again as the 128-bit int's.
    (An empty text fills no bucket; _similar_pairs never compares one.)
    """
    buckets = text.encode("utf-32-le", "surrogatepass")[::4].translate(_BUCKET_OF)
    table = bytes.maketrans(buckets, _FILLED * len(buckets))
    mask = int(table[:_BUCKETS].translate(_AS_DIGIT), 2)
    return mask, len(text) - mask.bit_count()


@per_text(maxsize=16384)
def _characters(text: str) -> frozenset[str]:
    """A text's distinct characters (kept: tasks carry over from plan to plan)."""
    return frozenset(text)


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
    texts = [_words(t.body) for t in plan.tasks]
    cutoff = ctx.options["near-duplicate"] * 100
    for later, earlier, score in sorted(_similar_pairs(texts, cutoff)):
        task, other = plan.tasks[later], plan.tasks[earlier]
        text, again = texts[earlier], texts[later]
        changes = _changes(text, again) if text != again else []  # one diff a pair
        if _parallel(text, again, changes) or _two_titles(other.body, task.body):
            continue
        if _one_swap(changes) and _leads(task) != _leads(other):  # leads asked of one swap only
            continue
        yield ctx.finding(
            task.number_span,
            task,
            other=other.label,  # cited as drafters cite it: 二（一）, (三)2
            similarity=f"{score / 100:.2f}",
            anchor=f"{other.body[:16]}~{task.body[:16]}",
        )


def _changes(text: str, other: str) -> list[tuple[str, str, str]]:
    """Where two close texts differ: each change's kind (replace, insert, delete) with the
    words of each side, diffed once for both questions asked of a pair."""
    from difflib import SequenceMatcher  # only for the few pairs close enough to report

    return [
        (op, text[i1:i2], other[j1:j2])
        for op, i1, i2, j1, j2 in SequenceMatcher(None, text, other, autojunk=False).get_opcodes()
        if op != "equal"
    ]


def _parallel(text: str, other: str, changes: list[tuple[str, str, str]]) -> bool:
    """Are two close texts parallel tasks rather than one said twice? They are where they
    differ in a figure (有研发机构的规上工业企业占比达到50% / 30%, 第二/第三产业增加值增长6.5% /
    7.5%: two targets), or where one word stands for another at two places or more (客车超员
    … 超员 / 货车超载 … 超载, 共享机制 … 共享目录 / 开放机制 … 开放目录: the same measure for
    another object; the word replaced twice, or replaced by the same word twice, whatever
    else changes beside it). A repeat with words added or dropped (…平台 / …平台建设) is
    neither. A text repeated word for word is a repeat: nothing in it differs."""
    if text == other:
        return False
    if _figures(text) != _figures(other):
        return True
    swaps = [(mine, theirs) for op, mine, theirs in changes if op == "replace"]
    mine, theirs = [a for a, _ in swaps], [b for _, b in swaps]
    return len(set(mine)) < len(mine) or len(set(theirs)) < len(theirs)


def _leads(task) -> frozenset[str]:
    """The names of the bodies that lead a task, as its first clause naming one says."""
    for clause in task.clauses:
        if clause.leads:
            return frozenset(party.name for party in clause.leads)
    return frozenset()


def _one_swap(changes: list[tuple[str, str, str]]) -> bool:
    """Do two texts differ in one place only, one word standing for another (规模以上工业企业 /
    规模以上大数据、云计算企业)? With two leads, that is the same measure for the object each
    lead answers for (锡梁委发〔2020〕21号 (19) and (23): the industry and the big-data bureaus
    reward their own industries), not one task said twice; words added or dropped
    (…平台 / …平台建设) are a repeat, whoever leads."""
    return [op for op, _, _ in changes] == ["replace"]


def _figures(text: str) -> list[str]:
    """The numbers a text states, in order (50, 6.5, 12), by ``str`` methods."""
    figures, current = [], ""
    for char in text + " ":
        if char.isascii() and (char.isdigit() or (char == "." and current)):
            current += char
        elif current:
            figures.append(current.rstrip("."))
            current = ""
    return figures


def _two_titles(body: str, other: str) -> bool:
    """Do the two tasks say the same of different documents, differing only in the 《titles》
    they name? The title of a document to make, alone (1.《…入市管理办法》 / 5.《…入市民主管
    理的实施意见》), or the same work on another law (推进《商标法》修改 / 推进《专利法》修改):
    two documents, two tasks."""
    if "《" not in body or body == other:
        return False  # no title (most tasks), or the same titles: a task written twice
    (frame, titles), (other_frame, other_titles) = _titles(body), _titles(other)
    return bool(titles) and frame == other_frame and titles != other_titles


def _titles(body: str) -> tuple[str, list[str]]:
    """A task's text with each 《title》 emptied (its frame, end marks dropped), and the
    titles, in order; a text whose brackets do not pair has no titles."""
    frame, titles, rest = [], [], body.strip().rstrip("。.；;，, ")
    while "《" in rest:
        before, _, after = rest.partition("《")
        title, closed, rest = after.partition("》")
        if not closed or "《" in title:
            return body, []
        frame.append(before + "《》")
        titles.append(title)
    return "".join(frame) + rest, titles
