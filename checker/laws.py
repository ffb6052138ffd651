"""The laws and regulations a plan cites in 《》: what the titles refer to, and what the plan
asks to be done with them (L001–L003, the report's next-year list, the diff).

The facts are data: ``rules/laws.yaml`` (official titles and dates, built from the national
database by ``tools/build_laws.py``), ``rules/laws-repealed.yaml`` (curated repeals, each with
its source) and ``rules/citations.yaml`` (the wording: verbs of making and revising, history
markers, title endings). They are loaded only for a plan that cites a title, once a process.
A title the data does not know is most often a draft, a plan or a policy document; only a
near miss of a known title is a finding, and the near misses are narrow on purpose.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from .data import builtin
from .lazyre import LazyPattern
from .memo import per_text
from .model import Plan

#: a title in 《》 (an inner title is written 〈〉, or the outer pair is taken as two titles)
TITLE = LazyPattern(r"《([^《》\n]{1,120})》")
#: a version note after a title: （2019年修正）, （2021年修订本）
_VERSION_NOTE = LazyPattern(r"（\d{4}年(?:修正|修订|修改)?(?:本|版|文本)?）$")
#: the marks that end what a verb before a title can reach
_CLAUSE_MARKS = LazyPattern(r"[，,。；;：:！!？?\n]")
#: what may stand between titles written one after another: 《A》《B》, 《A》、《B》, 《A》和《B》
_CHAIN_GAP = LazyPattern(r"[、和及与]?")
_SENTENCE_MARKS = "。；;！!？?\n"
#: how far around a title its sentence is looked for (a sentence longer than this is cut)
_SENTENCE_REACH = 200


class Law(NamedTuple):
    """A text the data knows: dates are ISO strings, "" where the source gives none."""

    title: str
    kind: str
    promulgated: str
    in_force: str
    amended: tuple[str, ...]


class Repeal(NamedTuple):
    """A repealed text: the act that repealed it, when, and where that is stated."""

    title: str
    by: str
    date: str
    source: str


class Citation(NamedTuple):
    """A 《title》 in the plan: offsets of the marks, what the sentence asks of it
    (``make``, ``revise`` or ""), and whether it is quoted."""

    title: str
    start: int
    end: int
    action: str
    quoted: bool


def norm(title: str) -> str:
    """A title as the index keys it: no spaces, full-width brackets, 〈〉 as 《》."""
    title = "".join(title.split())
    return title.replace("(", "（").replace(")", "）").replace("〈", "《").replace("〉", "》")


@cache
def wording() -> dict:
    """rules/citations.yaml, shape-checked."""
    return builtin("citations.yaml")


class Catalogue:
    """The known and repealed titles, looked up in every form drafters write: the official
    title, the short one (without 中华人民共和国), an interpretation's without its issuer.

    Nothing is indexed up front (a lint of one plan pays only for what it asks): the data's
    own mappings (kind → official title → dates) are the index of official titles; a short
    form is looked up with the prefix put back, an issuer-less one with each issuer (or
    pair of issuers) put back, and the titles by length (for near misses) are listed on
    first use.
    """

    def __init__(self, laws: dict, repealed: list[dict]) -> None:
        self.prefix: str = laws["short_prefix"]
        self._kinds: dict[str, dict[str, str]] = laws["laws"]
        self._repealed = {entry["title"]: entry for entry in repealed}
        self._by_length: dict[int, list[str]] | None = None

    def _keys(self, title: str) -> list[str]:
        key = norm(title)
        bare = _VERSION_NOTE.sub("", key) if key.endswith("）") else key
        return [key, bare] if bare != key else [key]

    def _forms(self, key: str) -> Iterator[tuple[str, str | None]]:
        """(form, key) for the lookups of ``key``, the official title first: as written,
        with 中华人民共和国 put back, without an issuer (a form is None: look ``key`` up
        among the issuer-less forms)."""
        yield "official", key
        if not key.startswith(self.prefix):
            yield "official", self.prefix + key
        if key.startswith("关于"):
            yield "issuerless", key

    def _official(self, table: dict[str, object], form: str, key: str) -> str | None:
        """The official title in ``table`` that ``key`` is the ``form`` of."""
        if form == "official":
            return key if key in table else None
        for issuer in _issuer_prefixes():
            if issuer + key in table:
                return issuer + key
        return None

    def law(self, title: str) -> Law | None:
        """The known text a cited title names (official, short or issuer-less form)."""
        for key in self._keys(title):
            for form, looked_up in self._forms(key):
                for kind, titles in self._kinds.items():
                    official = self._official(titles, form, looked_up)
                    if official is not None:
                        dates = [d if d != "-" else "" for d in titles[official].split()]
                        dates += ["", ""]
                        amended = tuple(d for d in dates[2:] if d)
                        return Law(official, kind, dates[0], dates[1], amended)
        return None

    def repeal(self, title: str) -> Repeal | None:
        for key in self._keys(title):
            for form, looked_up in self._forms(key):
                official = self._official(self._repealed, form, looked_up)
                if official is not None:
                    entry = self._repealed[official]
                    return Repeal(entry["title"], entry["by"], entry["date"], entry["source"])
        return None

    def official(self, law: Law, written: str) -> str:
        """The title to write for ``law`` in the style the drafter used: the short form
        where they left 中华人民共和国 out (the convention), the official title otherwise."""
        if law.title.startswith(self.prefix) and not norm(written).startswith(self.prefix):
            return law.title[len(self.prefix) :]
        return law.title

    def near_miss(self, title: str) -> tuple[Law, str] | None:
        """The known text a title that is not known misses narrowly, and how: ``swap``
        (实施条例 for 实施细则), ``prefix`` (中华人民共和国 added to a title without it) or
        ``typo`` (one or two characters off a title long enough for that to be a slip).
        Worked out once per title and process: the answer depends on the title alone."""
        return _near_miss_of(norm(title))

    def _near_miss(self, key: str) -> tuple[Law, str] | None:
        bare = key[len(self.prefix) :] if key.startswith(self.prefix) else key
        if not title_end(bare) or _is_draft(key) or self.law(key) or self.repeal(key):
            return None  # a plan, an opinion, a treaty; a draft; a known or repealed text
        for one, other in wording()["swaps"]:
            for a, b in ((one, other), (other, one)):
                if a in key:
                    law = self.law(key.replace(a, b)) or self.law(bare.replace(a, b))
                    if law:
                        return law, "swap"
        if bare != key:
            law = self.law(bare)
            if law and not law.title.startswith(self.prefix):
                return law, "prefix"
        law = self._typo(bare)
        return (law, "typo") if law else None

    def _typo(self, bare: str) -> Law | None:
        """The one known title within the allowed distance of ``bare`` (same ending, not
        another number of a series); None when none or several are."""
        ending = title_end(bare)
        allowed = _allowed_distance(len(bare))
        if not ending or not allowed:
            return None
        pieces = _pieces(bare[: -len(ending)], allowed + 1)
        found: set[Law] = set()
        table = self._titles_by_length()
        for size in range(len(bare) - allowed, len(bare) + allowed + 1):
            for other in table.get(size, ()):
                # ``allowed`` edits leave one of ``allowed + 1`` pieces whole: a title with
                # none of them is farther (substring tests, at C speed, before the walk)
                if not other.endswith(ending) or not any(p in other for p in pieces):
                    continue
                if _distance_within(bare, other, allowed) and not _numbering_differs(bare, other):
                    law = self.law(other)
                    if law is not None:
                        found.add(law)
        return found.pop() if len(found) == 1 else None

    def _titles_by_length(self) -> dict[int, list[str]]:
        """Known titles without 中华人民共和国, by length (built on first use)."""
        if self._by_length is None:
            table: dict[int, list[str]] = {}
            size = len(self.prefix)
            for titles in self._kinds.values():
                for title in titles:
                    bare = title[size:] if title.startswith(self.prefix) else title
                    table.setdefault(len(bare), []).append(bare)
            self._by_length = table
        return self._by_length


def title_end(title: str) -> str:
    """The ending that makes a title a law's or a regulation's (法, 条例, 实施细则…), or ""."""
    for ending in wording()["title_ends"]:
        if title.endswith(ending):
            return ending
    return ""


@cache
def _issuer_prefixes() -> tuple[str, ...]:
    """The ways an interpretation's or a decision's issuers head its title: one issuer, or
    two joined by 、 or by nothing (the source's space, removed): 最高人民法院、最高人民检察院."""
    issuers = wording()["issuers"]
    pairs = [f"{a}{sep}{b}" for a in issuers for b in issuers if a != b for sep in ("、", "")]
    return (*issuers, *pairs)


def _pieces(text: str, count: int) -> list[str]:
    """``text`` cut into ``count`` pieces as even as can be: an edit touches one piece, so
    ``count - 1`` edits leave one piece whole. Text too short for that is one empty piece,
    found in anything."""
    if len(text) < count:
        return [""]
    size, extra = divmod(len(text), count)
    pieces, start = [], 0
    for n in range(count):
        end = start + size + (1 if n < extra else 0)
        pieces.append(text[start:end])
        start = end
    return pieces


def _is_draft(key: str) -> bool:
    return any(marker in key for marker in wording()["draft_markers"])


def _allowed_distance(length: int) -> int:
    allowed = 0
    for step in wording()["near_miss"]:
        if length >= step["length"]:
            allowed = max(allowed, step["distance"])
    return allowed


def _numbering_differs(a: str, b: str) -> bool:
    """Do the characters two titles do not share include numbering (二/三, 2023/2024)?"""
    numbering = wording()["numbering"]
    ca, cb = Counter(a), Counter(b)
    return any(ch in numbering for ch in (ca - cb) + (cb - ca))


def _distance_within(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b at most ``limit`` (banded: titles are short and the
    limit one or two, so rapidfuzz's import would cost more than every comparison)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        low = max(1, i - limit)
        high = min(len(b), i + limit)
        if low > 1:
            current[low - 1] = limit + 1
        for j in range(low, high + 1):
            cost = 0 if ca == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if high < len(b):
            current[high + 1 :] = [limit + 1] * (len(b) - high)
        if min(current[low - 1 : high + 1]) > limit:
            return False
        previous = current
    return previous[len(b)] <= limit


@per_text(maxsize=4096)
def _near_miss_of(key: str) -> tuple[Law, str] | None:
    return catalogue()._near_miss(key)


@cache
def catalogue() -> Catalogue:
    """The shipped data, indexed once per process."""
    return Catalogue(builtin("laws.yaml"), builtin("laws-repealed.yaml")["repealed"])


def cutoff(year: int) -> str:
    """The date a plan of ``year`` is judged at: the year's first day (drafted before its
    issue date, which few plans print), as an ISO string comparable with the data's."""
    return dt.date(year, 1, 1).isoformat()


def said_date(iso: str, lang: str = "zh") -> str:
    """2024-06-06 as the message says it: 2024年6月6日 (zh) or 2024-06-06 (en)."""
    if lang != "zh" or not iso:
        return iso
    year, month, day = iso.split("-")
    return f"{year}年{int(month)}月{int(day)}日"


def made_before(cited: list[Citation], date: str) -> Iterator[tuple[Citation, Law]]:
    """(citation, law) for each task to make a text the data shows promulgated before
    ``date``: what L002 reports, and the report's next-year list asks a year ahead."""
    laws = catalogue()
    for citation in cited:
        if citation.action != "make" or citation.quoted:
            continue
        law = laws.law(citation.title)
        if law is not None and law.promulgated and law.promulgated < date:
            yield citation, law


# ---- reading the plan ----------------------------------------------------------------------


def citations(plan: Plan) -> list[Citation]:
    """Every 《title》 of the plan in text order, with what its sentence asks of it."""
    text = plan.source.text
    if "《" not in text:
        return []
    matches = list(TITLE.finditer(text))
    if not matches:
        return []
    quoted = _quoted_spans(text)
    quote_starts = [start for start, _ in quoted]
    actions = _actions(text, matches)
    found = []
    for match, action in zip(matches, actions, strict=True):
        start, end = match.start(), match.end()
        inside = bisect_right(quote_starts, start) - 1
        found.append(
            Citation(
                match.group(1),
                start,
                end,
                action,
                inside >= 0 and end <= quoted[inside][1],
            )
        )
    return found


def _chains(text: str, matches: list[re.Match[str]]) -> Iterator[list[int]]:
    """Indexes of titles written one after another (《A》《B》, 《A》、《B》, 《A》和《B》):
    a verb before or after the chain applies to each."""
    chain: list[int] = []
    for n, match in enumerate(matches):
        if chain and _CHAIN_GAP.fullmatch(text[matches[chain[-1]].end() : match.start()]):
            chain.append(n)
            continue
        if chain:
            yield chain
        chain = [n]
    if chain:
        yield chain


class _Verbs(NamedTuple):
    """citations.yaml's word lists as tuples: ``str.endswith``/``startswith`` take a tuple
    at C speed, and need no pattern compiled at every start."""

    make_before: tuple[str, ...]
    revise_before: tuple[str, ...]
    make_after: tuple[str, ...]
    revise_after: tuple[str, ...]
    object_ends: tuple[str, ...]
    done: tuple[str, ...]


@cache
def _verbs() -> _Verbs:
    words = wording()
    keys = ("make_before", "revise_before", "make_after", "revise_after", "object_ends")
    return _Verbs(*(tuple(words[key]) for key in keys), tuple(words["done_markers"]))


def _after_verb(after: str, verbs: tuple[str, ...]) -> bool:
    """Does the text after a title begin with one of ``verbs`` (的 may come first)?"""
    return after.startswith(verbs) or (after.startswith("的") and after[1:].startswith(verbs))


def _actions(text: str, matches: list[re.Match[str]]) -> list[str]:
    verbs = _verbs()
    actions = [""] * len(matches)
    for chain in _chains(text, matches):
        first, last = matches[chain[0]], matches[chain[-1]]
        # the clause's words before the title (a comma ends what a verb can reach)
        before = _CLAUSE_MARKS.split(text[max(0, first.start() - 6) : first.start()])[-1]
        after = text[last.end() : last.end() + 6]
        if any(marker in before for marker in verbs.done):
            action = ""  # told as done: 已出台《…》, 相继制定《…》
        elif _after_verb(after, verbs.revise_after):
            action = "revise"
        elif _after_verb(after, verbs.make_after):
            action = "make"
        elif after and not after.startswith(verbs.object_ends):
            action = ""  # the title qualifies another object: 制定《专利法》实施细则
        elif before.endswith(verbs.revise_before):
            action = "revise"
        elif before.endswith(verbs.make_before):
            action = "make"
        else:
            action = ""
        for n in chain:
            actions[n] = action
    return actions


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The quoted stretches of the text, merged where they nest or touch, in order (so that
    the one around an offset is found by bisection)."""
    spans = []
    for opener, closer in wording()["quotes"]:
        start = text.find(opener)
        while start != -1:
            end = text.find(closer, start + 1)
            if end == -1:
                break
            spans.append((start, end + 1))
            start = text.find(opener, end + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def told_as_history(text: str, citation: Citation) -> bool:
    """Does the sentence around a title tell history or a repeal (废止, 原《…》, 曾…)?
    (Asked only of a repealed title: L003's exception.)"""
    start, end = citation.start, citation.end
    low = max(0, start - _SENTENCE_REACH)
    high = end + _SENTENCE_REACH
    left = max(text.rfind(mark, low, start) for mark in _SENTENCE_MARKS)
    rights = [i for mark in _SENTENCE_MARKS if (i := text.find(mark, end, high)) != -1]
    sentence = text[max(left + 1, low) : min(rights) if rights else min(high, len(text))]
    return any(marker in sentence for marker in wording()["history_markers"])
