"""The laws and regulations plans cite: what a title refers to (official, short or
issuer-less form), what it narrowly misses, and when each text was made, revised or repealed
(L001–L003, the report's next-year list, the diff).

The facts are data: ``rules/laws.yaml`` (official titles and dates, built from the national
database by ``tools/build_laws.py``), ``rules/laws-repealed.yaml`` (curated repeals, each with
its source) and ``rules/citations.yaml`` (the wording: verbs of making and revising, history
markers, title endings). They are loaded only for a plan that cites a title, once a process.
A title the data does not know is most often a draft, a plan or a policy document; only a
near miss of a known title is a finding, and the near misses are narrow on purpose.
"""

from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from ..base.memo import per_text
from .data import builtin

#: what follows the year in a version note after a title: （2019年修正）, （2021年修订本）, （2019年）
_VERSION_WORDS = frozenset(
    made + kind for made in ("", "修正", "修订", "修改") for kind in ("", "本", "版", "文本")
)


def _without_version_note(key: str) -> str:
    """``key`` without the version note that closes it, if one does. (``str`` methods and a
    set: a pattern of these words is costly to compile at every start.)"""
    open_ = key.rfind("（")
    note = key[open_ + 1 : -1] if open_ >= 0 and key.endswith("）") else ""
    if len(note) >= 5 and note[:4].isdecimal() and note[4] == "年" and note[5:] in _VERSION_WORDS:
        return key[:open_]
    return key


class Law(NamedTuple):
    """A text the data knows: dates are ISO strings, "" where the source gives none."""

    title: str
    kind: str
    promulgated: str
    in_force: str
    amended: tuple[str, ...]


class Repeal:
    """A repealed text: the act that repealed it, when, and where that is stated."""

    __slots__ = ("by", "date", "source", "title")

    def __init__(self, title: str, by: str, date: str, source: str) -> None:
        self.title = title
        self.by = by
        self.date = date
        self.source = source


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
        self._by_length_and_end: dict[tuple[int, str], _SameLength] = {}

    def _keys(self, title: str) -> list[str]:
        key = norm(title)
        bare = _without_version_note(key)
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
        """The known text a cited title names (official, short or issuer-less form). Kept
        per title (``_law_of``): a plan's titles are looked up by L001's near-miss search,
        L002 and the report, and a run's plans cite the same titles."""
        return _law_of(title)

    def _law(self, title: str) -> Law | None:
        """``law``, worked out."""
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
        """The repealed text a cited title names, if any; kept per title as ``law`` is."""
        return _repeal_of(title)

    def _repeal(self, title: str) -> Repeal | None:
        """``repeal``, worked out."""
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
        for size in range(len(bare) - allowed, len(bare) + allowed + 1):
            # ``allowed`` edits leave one of ``allowed + 1`` pieces whole: a title with none
            # of them is farther (found by ``str.find``, at C speed, before the walk)
            for other in self._titles_ending(size, ending).holding(pieces):
                if (
                    _distance_within(bare, other, allowed)
                    and not _numbering_differs(bare, other)
                    and not _word_replaced(bare, other)
                ):
                    law = self.law(other)
                    if law is not None:
                        found.add(law)
        return found.pop() if len(found) == 1 else None

    def _titles_ending(self, size: int, ending: str) -> "_SameLength":
        """Known titles without 中华人民共和国 of ``size`` characters that end with ``ending``
        (listed on first use: a title's near misses share its ending, 条例 with 条例)."""
        key = (size, ending)
        if key not in self._by_length_and_end:
            titles = self._titles_by_length().get(size, ())
            self._by_length_and_end[key] = _SameLength(
                size, [title for title in titles if title.endswith(ending)]
            )
        return self._by_length_and_end[key]

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


class _SameLength:
    """Titles of one length, and the same joined by newlines: a title is then found by where
    a word of it is in the joined text (each ``size + 1`` characters long), so the titles
    holding a word are found by ``str.find`` over them all rather than one by one."""

    def __init__(self, size: int, titles: list[str]) -> None:
        self.size = size
        self.titles = titles
        self.joined = "\n".join(titles)

    def holding(self, pieces: list[str]) -> list[str]:
        """The titles that hold one of ``pieces`` (none holds a newline), in their order."""
        if "" in pieces:
            return self.titles  # an empty piece is in every title
        found: set[int] = set()
        for piece in pieces:
            at = self.joined.find(piece)
            while at >= 0:
                found.add(at // (self.size + 1))
                at = self.joined.find(piece, at + 1)
        return [self.titles[n] for n in sorted(found)]


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


def _word_replaced(a: str, b: str) -> bool:
    """Do two titles differ by one run of two or more characters the other has none of
    (社会组织登记管理条例 beside 社会团体登记管理条例: another word, so another text, most
    often a draft), rather than by slips of single characters?"""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    return max(len(middle_a), len(middle_b)) >= 2 and not set(middle_a) & set(middle_b)


def _distance_within(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b at most ``limit`` (banded: titles are short and the
    limit one or two, so rapidfuzz's import would cost more than every comparison)."""
    if abs(len(a) - len(b)) > limit:
        return False
    if len(set(a) ^ set(b)) > 2 * limit:
        return False  # an edit changes at most two of the characters one text has alone
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


@per_text(maxsize=4096)
def _law_of(title: str) -> Law | None:
    return catalogue()._law(title)


@per_text(maxsize=4096)
def _repeal_of(title: str) -> Repeal | None:
    return catalogue()._repeal(title)


@cache
def catalogue() -> Catalogue:
    """The shipped data, indexed once per process."""
    return Catalogue(builtin("laws.yaml"), builtin("laws-repealed.yaml")["repealed"])


def cutoff(year: int) -> str:
    """The date a plan of ``year`` is judged at: the year's first day (drafted before its
    issue date, which few plans print), as an ISO string comparable with the data's."""
    return f"{year:04d}-01-01"
