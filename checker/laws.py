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
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from .data import builtin
from .model import Plan

#: a title in 《》 (an inner title is written 〈〉, or the outer pair is taken as two titles)
TITLE = re.compile(r"《([^《》\n]{1,120})》")
#: a version note after a title: （2019年修正）, （2021年修订本）
_VERSION_NOTE = re.compile(r"（\d{4}年(?:修正|修订|修改)?(?:本|版|文本)?）$")
_SENTENCE_MARKS = "。；;！!？?\n"


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
    (``make``, ``revise`` or ""), and whether it is quoted or told as history."""

    title: str
    start: int
    end: int
    action: str
    quoted: bool
    history: bool


def norm(title: str) -> str:
    """A title as the index keys it: no spaces, full-width brackets, 〈〉 as 《》."""
    title = "".join(title.split())
    return title.replace("(", "（").replace(")", "）").replace("〈", "《").replace("〉", "》")


@cache
def wording() -> dict:
    """rules/citations.yaml, shape-checked."""
    return builtin("citations.yaml")


class Catalogue:
    """The known and repealed titles, indexed by every form drafters write: the official
    title, the short one (without 中华人民共和国), and an interpretation's without its issuer."""

    def __init__(self, laws: dict, repealed: list[dict]) -> None:
        words = wording()
        self.prefix: str = laws["short_prefix"]
        self._issuers = re.compile(
            "^(?:"
            + "|".join(map(re.escape, words["issuers"]))
            + r")(?:[、，,]?(?:"
            + "|".join(map(re.escape, words["issuers"]))
            + "))*(?=关于)"
        )
        self.known: dict[str, Law] = {}
        for kind, titles in laws["laws"].items():
            for title, dates in titles.items():
                dates = [*dates, "", ""]
                law = Law(title, kind, dates[0], dates[1], tuple(d for d in dates[2:] if d))
                self._index(self.known, title, law)
        self.repealed: dict[str, Repeal] = {}
        for entry in repealed:
            repeal = Repeal(entry["title"], entry["by"], entry["date"], entry["source"])
            self._index(self.repealed, entry["title"], repeal)

    def _forms(self, title: str) -> Iterator[str]:
        key = norm(title)
        yield key
        if key.startswith(self.prefix) and len(key) > len(self.prefix):
            yield key[len(self.prefix) :]
        stripped = self._issuers.sub("", key)
        if stripped != key:
            yield stripped

    def _index(self, index: dict, title: str, value: object) -> None:
        for n, form in enumerate(self._forms(title)):
            if n == 0:
                index[form] = value  # an official title wins over another's short form
            else:
                index.setdefault(form, value)

    def _keys(self, title: str) -> list[str]:
        key = norm(title)
        bare = _VERSION_NOTE.sub("", key)
        return [key, bare] if bare != key else [key]

    def law(self, title: str) -> Law | None:
        """The known text a cited title names (official, short or issuer-less form)."""
        for key in self._keys(title):
            if key in self.known:
                return self.known[key]
        return None

    def repeal(self, title: str) -> Repeal | None:
        for key in self._keys(title):
            if key in self.repealed:
                return self.repealed[key]
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
        ``typo`` (one or two characters off a title long enough for that to be a slip)."""
        key = norm(title)
        if self.law(key) or self.repeal(key) or _is_draft(key):
            return None
        bare = key[len(self.prefix) :] if key.startswith(self.prefix) else key
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
        found: set[Law] = set()
        for other in self._bare_titles(ending, len(bare), allowed):
            if _numbering_differs(bare, other):
                continue
            if _distance_within(bare, other, allowed):
                law = self.law(other)
                if law is not None:
                    found.add(law)
        return found.pop() if len(found) == 1 else None

    @property
    def _by_end(self) -> dict[str, dict[int, list[str]]]:
        """Known titles without 中华人民共和国, by ending and length (built on first use)."""
        table = self.__dict__.get("_by_end_table")
        if table is None:
            table = {}
            for key in self.known:
                if key.startswith(self.prefix):
                    continue
                ending = title_end(key)
                if ending:
                    table.setdefault(ending, {}).setdefault(len(key), []).append(key)
            self.__dict__["_by_end_table"] = table
        return table

    def _bare_titles(self, ending: str, length: int, allowed: int) -> Iterator[str]:
        lengths = self._by_end.get(ending, {})
        for size in range(length - allowed, length + allowed + 1):
            yield from lengths.get(size, ())


def title_end(title: str) -> str:
    """The ending that makes a title a law's or a regulation's (法, 条例, 实施细则…), or ""."""
    for ending in wording()["title_ends"]:
        if title.endswith(ending):
            return ending
    return ""


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
    actions = _actions(text, matches)
    found = []
    for match, action in zip(matches, actions, strict=True):
        start, end = match.start(), match.end()
        found.append(
            Citation(
                match.group(1),
                start,
                end,
                action,
                any(s < start and end <= e for s, e in quoted),
                _told_as_history(text, start, end),
            )
        )
    return found


def _chains(text: str, matches: list[re.Match[str]]) -> Iterator[list[int]]:
    """Indexes of titles written one after another (《A》《B》, 《A》、《B》, 《A》和《B》):
    a verb before or after the chain applies to each."""
    chain: list[int] = []
    for n, match in enumerate(matches):
        if chain and re.fullmatch(r"[、和及与]?", text[matches[chain[-1]].end() : match.start()]):
            chain.append(n)
            continue
        if chain:
            yield chain
        chain = [n]
    if chain:
        yield chain


@cache
def _verb_patterns() -> tuple[re.Pattern[str], ...]:
    words = wording()

    def alt(key: str) -> str:
        return "|".join(map(re.escape, sorted(words[key], key=len, reverse=True)))

    return (
        re.compile(f"(?:{alt('make_before')})$"),
        re.compile(f"(?:{alt('revise_before')})$"),
        re.compile(f"^的?(?:{alt('make_after')})"),
        re.compile(f"^的?(?:{alt('revise_after')})"),
        re.compile(f"^(?:{alt('object_ends')})"),
        re.compile(f"(?:{alt('done_markers')})"),
    )


def _actions(text: str, matches: list[re.Match[str]]) -> list[str]:
    make_before, revise_before, make_after, revise_after, object_end, done = _verb_patterns()
    actions = [""] * len(matches)
    for chain in _chains(text, matches):
        first, last = matches[chain[0]], matches[chain[-1]]
        # the clause's words before the title (a comma ends what a verb can reach)
        before = re.split(
            r"[，,。；;：:！!？?\n]", text[max(0, first.start() - 6) : first.start()]
        )[-1]
        after = text[last.end() : last.end() + 6]
        if done.search(before):
            action = ""  # told as done: 已出台《…》, 相继制定《…》
        elif revise_after.match(after):
            action = "revise"
        elif make_after.match(after):
            action = "make"
        elif not (after == "" or object_end.match(after)):
            action = ""  # the title qualifies another object: 制定《专利法》实施细则
        elif revise_before.search(before):
            action = "revise"
        elif make_before.search(before):
            action = "make"
        else:
            action = ""
        for n in chain:
            actions[n] = action
    return actions


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for opener, closer in wording()["quotes"]:
        start = text.find(opener)
        while start != -1:
            end = text.find(closer, start + 1)
            if end == -1:
                break
            spans.append((start, end + 1))
            start = text.find(opener, end + 1)
    return spans


def _told_as_history(text: str, start: int, end: int) -> bool:
    """Does the sentence around a title tell history or a repeal (废止, 原《…》, 曾…)?"""
    left = max(text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS)
    rights = [i for mark in _SENTENCE_MARKS if (i := text.find(mark, end)) != -1]
    sentence = text[left + 1 : min(rights) if rights else len(text)]
    return any(marker in sentence for marker in wording()["history_markers"])
