"""The agency registry (``rules/agencies.yaml``) and the questions rules ask of it.

Loaded once per process; every name, full name and alias goes into one dict, so a lookup is
a dict access, not a scan.
"""

import re
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from ..base.errors import ConfigError
from ..base.lazyre import HAN, LazyPattern
from ..base.memo import per_text
from .data import builtin, load_yaml
from .schema import year_month

if TYPE_CHECKING:  # an office's registry files are Paths (its config resolves them); the
    # shipped registry is read by name, and a run without such files imports no pathlib
    from collections.abc import Callable
    from pathlib import Path

    from .mirror import Hit, Mirror

#: a reorganised body whose successor has no local form of the kind its own had
_NO_COUNTERPART = {
    "province": "{where}: '{name}' has no province counterpart",
    "city": "{where}: '{name}' has no city counterpart",
}


class Agency:
    """A body of the registry (or one the mirror makes of a local name): one object per
    body, which the registry's index and memos share. (A plain class: a NamedTuple costs
    half a million instructions to define at every start, and its ``__new__`` takes each
    keyword argument at a cost of its own, for each of the 234 bodies built at every start
    that checks a plan.)"""

    __slots__ = (
        "aliases",
        "brand_of",
        "category",
        "earlier",
        "ended",
        "ended_month",
        "full",
        "name",
        "note",
        "rank",
        "short",
        "successor",
    )

    def __init__(
        self,
        name: str,
        full: str,
        aliases: tuple[str, ...],
        category: str,
        rank: int | None,
        ended: int | None = None,
        successor: str | None = None,
        note: str = "",
        short: tuple[str, ...] = (),
        brand_of: str | None = None,
        ended_month: int | None = None,
        earlier: tuple[tuple[int, int | None, str, int], ...] = (),
    ) -> None:
        self.name = name
        self.full = full
        self.aliases = aliases
        self.category = category
        self.rank = rank
        self.ended = ended  # the year it was renamed or abolished
        self.successor = successor
        self.note = note
        self.short = short  # the State Council's own short forms, preferred first
        self.brand_of = brand_of  # the host body, for a name kept as a brand after a reform
        #: the month of ``ended`` where the registry knows it (2018-03: the State Council
        #: reform); a plan dated later that year is judged against the new names, one of that
        #: year without a month is not
        self.ended_month = ended_month
        #: the places it held in protocol order before a reform moved it, oldest first, each
        #: (until year, until month, category, rank): 中国证监会 was a 直属事业单位 until the
        #: March 2023 reform made it a 直属机构
        self.earlier = earlier

    @property
    def is_collective(self) -> bool:
        return self.category == "collective"

    def preferred(self, style: str) -> str:
        """How a document of ``style`` (council | ministry) writes this body."""
        return self.short[0] if style == "council" and self.short else self.name


class Lookup:
    """What a written name is: the agency, and whether it was written canonically."""

    __slots__ = ("agency", "form")

    def __init__(self, agency: Agency, form: str) -> None:
        self.agency = agency
        self.form = form  # name | short | full | alias


#: what ``Registry.resolve``'s memo holds for a name it has not been asked
_UNSEEN: Any = object()


class Registry:
    """The national registry, the office's own registry files, and the mirror of local names.

    A written name is looked up in the registries first (exact names, full names, aliases),
    then in the mirror (省教育厅 ↔ 教育部), whose bodies are made on demand and kept apart
    from ``agencies`` (they are not entries of any file). One registry is one object,
    hashable by identity (``Context.shared`` keys facts by it); a plain class, as a
    dataclass costs half a millisecond to define at every start.
    """

    def __init__(
        self,
        agencies: dict[str, Agency],
        categories: list[str],
        mirror: "Mirror | Callable[[], Mirror] | None" = None,
        local: frozenset[str] = frozenset(),  # names from the office's registry files
        endings: tuple[str, ...] = (),  # how a body's name ends (agencies.yaml body_endings)
        divisions: tuple[str, ...] = (),  # how a division's name ends (division_endings)
        short_words: tuple[tuple[str, tuple[str, ...]], ...] = (),  # agencies.yaml short_words
    ) -> None:
        self.agencies = agencies
        self.categories = categories
        self._mirror = mirror
        self.local = local
        self.endings = endings
        self.divisions = divisions
        self.short_words = short_words
        self.index: dict[str, Lookup] = {}
        self._resolved: dict[tuple[str, int | None], Agency | None] = {}
        self._current: dict[tuple[str, int | None], tuple[Agency, int | None]] = {}
        self._orders: dict[tuple[str, int | None, int | None], tuple[int, int]] = {}
        #: what a name no file lists stands for (the mirror, a word's short form), by name
        self._unlisted: dict[str, Lookup | None] = {}
        self._made: dict[str, Agency] = {}
        #: a mirrored body's own name by the name of each form of it made (省高院 → 省法院)
        self._own: dict[str, str] = {}
        self._index_names()

    @property
    def mirror(self) -> "Mirror | None":
        """The mirror of local names. The shipped one is made when first needed: a national
        plan whose every name is in the registry never needs it."""
        if callable(self._mirror):
            self._mirror = self._mirror()
        return self._mirror

    def _index_names(self) -> None:
        """Every way a body is written (name, short forms, full name, aliases), first claim wins."""
        for agency in self.agencies.values():
            for form, names in (
                ("name", [agency.name]),
                ("short", [s for s in agency.short if s != agency.name]),
                ("full", [agency.full]),
                ("alias", agency.aliases),
            ):
                for written in names:
                    if written and written not in self.index:
                        self.index[written] = Lookup(agency, form)

    def lookup(self, written: str) -> Lookup | None:
        written = written.strip()
        found = self.index.get(written)
        if found is None:
            if written not in self._unlisted:
                self._unlisted[written] = self._unlisted_lookup(written)
            found = self._unlisted[written]
        return found

    def _unlisted_lookup(self, written: str) -> Lookup | None:
        """A name no registry file lists: a local body the mirror recognises, else a known
        name written with a word's colloquial short form (国家知产局)."""
        found = self._listed_or_mirrored(written)
        return found if found is not None else self._short_form(written)

    def _listed_or_mirrored(self, written: str) -> Lookup | None:
        found = self.index.get(written)
        if found is None and self.mirror is not None:
            found = self._mirror_lookup(written)
        return found

    def _short_form(self, written: str) -> Lookup | None:
        """The body a name stands for when a word of it is written in its colloquial short
        form (``short_words``: 知产 for 知识产权, so 国家知产局 is 国家知识产权局, 省知产局 a
        province's 省知识产权局): only where the name, the word written out, is exactly a
        known name, so no other body is ever taken for it. Its form is ``alias``: a form
        met in drafts that G002 rewrites, as a listed alias is."""
        for expanded in self.expansions(written):
            found = self._listed_or_mirrored(expanded)
            if found is not None:
                return Lookup(found.agency, "alias")
        return None

    def expansions(self, written: str) -> list[str]:
        """``written`` with each colloquial short form of a word in it written out, alone
        and together (国家知产局 → 国家知识产权局); empty for the most names, which hold none."""
        names = [written]
        for short, words in self.short_words:
            if short in written:
                names += [n.replace(short, word) for n in names for word in words]
        return list(dict.fromkeys(names[1:]))

    def _mirror_lookup(self, written: str) -> Lookup | None:
        """A local name the mirror recognises, as an agency of its own with its central
        body's protocol order (a branch: after the local bodies, in its central body's order)."""
        assert self.mirror is not None
        hit = self.mirror.match(written)
        if hit is None:
            return None
        agency = self._made.get(hit.name)
        if agency is None:
            central = self.index[hit.central].agency
            ended, successor = hit.ended, hit.successor
            if hit.former:  # 省工商局: reorganised as 国家工商总局 was, into 省市场监管局
                ended = ended or central.ended
                successor = self._local_successor(central, hit)
            category = hit.category or central.category
            if category == central.category:
                rank = central.rank
            else:
                cat_index, central_rank = self.order_key(central)
                rank = cat_index * 1000 + central_rank
            agency = Agency(
                name=hit.name,
                full=hit.full,
                aliases=(),
                category=category,
                rank=rank,
                ended=ended,
                successor=successor,
                note=f"mirrors {central.name}",
            )
            self._made[hit.name] = agency
            self._own[hit.name] = hit.body or hit.name
        return Lookup(agency, hit.form)

    def own_name(self, agency: Agency) -> str:
        """The name of the body itself, whichever accepted form a document wrote: a registry
        entry's name, a mirrored body's canonical form (人民银行济南分行 and
        中国人民银行济南分行 are one office, 省高院 and 省法院 one court). What a diff
        compares, where a finding keeps the form written."""
        return self._own.get(agency.name, agency.name)

    def is_mirrored(self, agency: Agency) -> bool:
        """A local body known through the mirror, not written in any registry file: its
        name and successor are the mirror's usual local forms, not a place's own."""
        return self._made.get(agency.name) is agency

    def _local_successor(self, central: Agency, hit: "Hit") -> str | None:
        """The local counterpart, under the same prefix, of the body that took over the
        duties of a reorganised national body (国家工商总局 → 市场监管总局: 省市场监管局)."""
        assert self.mirror is not None
        if not central.successor:
            return None
        return self.mirror.counterpart(central.successor, hit.prefix, hit.style)

    def body(self, name: str) -> Agency:
        """An agency by canonical name: a registry entry or a mirrored body."""
        if name in self.agencies:
            return self.agencies[name]
        found = self.lookup(name)
        if found is None:
            raise KeyError(name)
        return found.agency

    def is_local(self, written: str) -> bool:
        """A name of a provincial, city or county body (a level prefix or a place in it)."""
        written = written.strip()
        if written in self.local:
            return True
        found = self.index.get(written)
        if found is not None:
            return found.agency.name in self.local
        if self.mirror is None:
            return False
        return self.mirror.levels.is_local(written) or self.mirror.match(written) is not None

    def resolve(self, written: str, year: int | None, month: int | None = None) -> Agency | None:
        """The body a written name stands for in ``year`` (and ``month`` where the plan's
        date has one): aliases and renamings followed; None for a name not in the registry.
        Memoised: every rule asks it of every clause."""
        key = (written, year, month)
        body = self._resolved.get(key, _UNSEEN)  # one look: None is a known answer too
        if body is _UNSEEN:
            found = self.lookup(written)
            body = self._resolved[key] = (
                self.current(found.agency, year, month)[0] if found else None
            )
        return body

    def current(
        self, agency: Agency, year: int | None, month: int | None = None
    ) -> tuple[Agency, int | None]:
        """Follow successors to the body in place at the plan's date: (agency, year of first
        change). Memoised like ``resolve``: G002 and G003 ask it of every agency of every
        clause."""
        key = (agency.name, year, month)
        found = self._current.get(key)
        if found is None:
            found = self._current[key] = self._follow(agency, year, month)
        return found

    def _follow(
        self, agency: Agency, year: int | None, month: int | None
    ) -> tuple[Agency, int | None]:
        changed_in = None
        seen = {agency.name}
        while agency.successor and ended_before(agency, year, month):
            changed_in = changed_in or agency.ended
            agency = self.body(agency.successor)
            if agency.name in seen:
                break
            seen.add(agency.name)
        return agency, changed_in

    def order_key(
        self, agency: Agency, year: int | None = None, month: int | None = None
    ) -> tuple[int, int]:
        """Protocol order: category first, then rank inside it; at a plan's date (``year``,
        ``month``), the place the body held then (``Agency.earlier``): a 2014 plan ranks
        证监会 among the 直属事业单位, after the 直属机构 统计局. Memoised like ``resolve``:
        G007 asks it of every participant of every plan."""
        key = (agency.name, year, month)
        order = self._orders.get(key)
        if order is None:
            order = self._orders[key] = self._order(agency, year, month)
        return order

    def _order(self, agency: Agency, year: int | None, month: int | None) -> tuple[int, int]:
        placed, rank = agency.category, agency.rank
        for until_year, until_month, category, earlier_rank in agency.earlier:
            if year is not None and (
                year < until_year
                or (
                    year == until_year
                    and month is not None
                    and until_month is not None
                    and month < until_month
                )
            ):
                placed, rank = category, earlier_rank
                break
        category_index = self.categories.index(placed) if placed in self.categories else 99
        return category_index, rank if rank is not None else 999

    def names(self) -> list[str]:
        return list(self.index)

    def suggest(self, written: str) -> str | None:
        """The known name ``written`` is a near miss of (rapidfuzz, imported only here), or
        None: a suggestion is made only for a name one character off a known one (two in a
        name of seven or more), so a body that is merely unregistered never gets an unrelated
        one (国务院妇儿工委办公室 is no misspelt 国务院新闻办).

        A local name is never matched to a national body (省发展改革委 is not a misspelt
        国家发展改革委): it is compared only with local names under the same prefix and the
        office's own registry (``_local_typo``).

        Worked out once per name (``_suggestion``): the clauses' reading asks it of a name
        at each use, and G001 of each unknown name again.
        """
        return _suggestion(self, written)

    def _suggest(self, written: str) -> str | None:
        """``suggest``, worked out."""
        cleaned = "".join(ch for ch in written.strip() if _is_han(ch) or ch in _NAME_MARKS)
        if cleaned != written.strip():  # OCR's and typing's stray marks: 省发‘展改革委
            found = self.lookup(cleaned)
            if found is not None:
                return found.agency.name
        if self.is_local(written):
            return self._local_typo(written)
        for expanded in self.expansions(written.strip()):  # 国家知产总局: 国家知识产权总局
            found = self._national_near_miss(expanded)
            if found is not None:
                return found
        return self._national_near_miss(written)

    def _national_near_miss(self, written: str) -> str | None:
        """The national body ``written`` is one slip away from (``suggest``'s limits)."""
        candidates = self._national_names
        if len(written.strip()) <= SHORT_NAME:  # a slip keeps the length: those names only
            same_length = self._national_by_length.get(len(written.strip()), ())
            candidates = [n for n in same_length if _inner_slip(written.strip(), n, self.divisions)]
        return self._nearest(written, candidates, near_miss_limit(written))

    @cached_property
    def _national_names(self) -> list[str]:
        """Every written form of a national body (what ``suggest`` matches a national name
        against), listed once: the registry does not change once made."""
        return [n for n in self.index if self.index[n].agency.name not in self.local]

    @cached_property
    def _national_by_length(self) -> dict[int, list[str]]:
        """``_national_names`` by length, in their order (a short name's slip keeps it)."""
        by_length: dict[int, list[str]] = {}
        for name in self._national_names:
            by_length.setdefault(len(name), []).append(name)
        return by_length

    @cached_property
    def _registered_local_names(self) -> tuple[tuple[str, int], ...]:
        """Every written form of a body of the office's registry files, with its length
        (its own part whole, for ``_local_candidates``), listed once."""
        return tuple((n, len(n)) for n in self.index if self.index[n].agency.name in self.local)

    def _nearest(self, written: str, candidates: list[str], limit: int) -> str | None:
        """The one body whose names come closest to ``written``, within ``limit`` edits;
        None when none is that close, or when two bodies are equally close (no guess)."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        found = process.extract(
            written, candidates, scorer=Levenshtein.distance, score_cutoff=limit, limit=None
        )
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        bodies = {self.body(name).name for name, distance, _ in found if distance == best}
        return bodies.pop() if len(bodies) == 1 else None

    def well_formed(self, written: str) -> bool:
        """Whether a name is built as bodies' names are: three or more Han characters
        (brackets allowed, 中央党校(国家行政学院)) ending as a body's name ends
        (``body_endings``: 部, 局, 委, 公司, 银行…). Such a name that no registry knows is
        a body of another domain or place, to register, not a defect; a name that is not
        (年内持续推进) is a misreading or a mangled name."""
        name = written.strip()
        marks = all(_is_han(ch) or ch in _NAME_MARKS for ch in _without_inner_dashes(name))
        if not marks and not _an_event_s_body(name):
            return False
        own = re.sub(r"[(（][^()（）]*[)）]$", "", name)  # 中央党校(国家行政学院): 中央党校
        return len(own) >= 3 and own.endswith(self.endings)

    def _local_typo(self, written: str) -> str | None:
        """A local name's correction only for a plain typo: same length, one character
        wrong, not the last, in a name whose part after the level prefix is long enough to
        be told apart (``LOCAL_TYPO_MIN_ENDING``: 省交通运偷厅 is 省交通运输厅, but 区邮政局 is
        no misspelt 区民政局). Local names vary by place in ways a mirror cannot know
        (上海 writes 市农业农村委, 市应急局, 市文化旅游局), so a shorter form or another
        suffix is the office's own name, to register, not a misspelling to correct."""
        for candidate, ending in self._local_candidates(written):
            if len(candidate) != len(written) or candidate[-1] != written[-1]:
                continue
            if ending < LOCAL_TYPO_MIN_ENDING:
                continue
            if sum(a != b for a, b in zip(candidate, written, strict=True)) == 1:
                lookup = self.lookup(candidate)
                return lookup.agency.name if lookup else candidate
        return None

    def _local_candidates(self, written: str) -> list[tuple[str, int]]:
        """The local names ``written`` may be a typo of, each with the length of its own
        part (after the level prefix; an office's registered name is its own part whole):
        the mirror's only where as long as ``written`` and ending as it does."""
        names = list(self._registered_local_names)
        if self.mirror is not None:
            for prefix, style in self.mirror.levels.prefixes(written):
                alike = self.mirror.names_like(prefix, style, len(written), written[-1:])
                names += [(n, len(n) - len(prefix)) for n in alike]
        return names


@per_text()
def _suggestion(registry: Registry, written: str) -> str | None:
    """``registry.suggest(written)``, kept per registry and name (a registry does not change
    once made, so the answer never goes stale; ``memo.forget`` empties it)."""
    return registry._suggest(written)


#: a local name's own part (after 省, 市, 成都市…) shorter than this is never corrected:
#: three-character endings of real bodies differ by one character (民政局, 邮政局; 商务局,
#: 税务局), so one of them written is another body, not a typo
LOCAL_TYPO_MIN_ENDING = 4


#: a short form this long or shorter (医保局, 人社部, 农委) is told apart by its first
#: character, the head of its domain: 人保局 is a city's 人力资源和社会保障局, not a misspelt
#: 医保局, and 社保局 a 社会保险事业管理局; a slip elsewhere is a slip (教肓部, or 财政厅 in
#: a national list for 财政部)
SHORT_NAME = 3


def _inner_slip(written: str, known: str, divisions: tuple[str, ...] = ()) -> bool:
    """Whether a short name is a slip of ``known``: the same length, one character wrong,
    not the first (教肓部 for 教育部); a two-character name has no room for one. A division
    of a body (疾控处, a commission's office: ``divisions``) is no slip of the body its last
    character would make (疾控局)."""
    if len(written) != len(known) or len(written) < 3:
        return False
    wrong = [n for n, (a, b) in enumerate(zip(written, known, strict=True)) if a != b]
    if wrong == [len(written) - 1] and written.endswith(divisions):
        return False
    return len(wrong) == 1 and wrong[0] > 0


#: marks a body's name may hold besides Han characters: 中央党校(国家行政学院)
_NAME_MARKS = frozenset("()（）〔〕")  # 〔〕: brackets nested in a clause's brackets


#: a dash joining two places inside a name: 红花—机场地区开发建设指挥部 (南京市 2006)
_INNER_DASH = LazyPattern(rf"(?<={HAN})[—–－-](?={HAN})")


def _without_inner_dashes(name: str) -> str:
    """A name without the dashes that join two of its words (红花—机场): a name's own mark."""
    return _INNER_DASH.sub("", name) if "—" in name or "-" in name or "－" in name else name


def _an_event_s_body(name: str) -> bool:
    """A body named after a dated event (2022年第19届亚运会组委会办公室): Han characters and
    the event's figures, with 年 or 届 after them."""
    return bool(re.fullmatch(rf"(?:{HAN}|\d+(?=[年届]))+", name))


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def ended_before(agency: Agency, year: int | None, month: int | None = None) -> bool:
    """Whether a body had ended before a plan's date: a plan of a later year, or of the same
    year and a later month where both months are known (a plan signed in November 2018 is
    judged by the March 2018 reform, one of 2018 without a month is given the benefit of
    the doubt). A plan without a date is judged by today's names."""
    if agency.ended is None:
        return False
    if year is None:
        return True
    if agency.ended < year:
        return True
    return (
        agency.ended == year
        and month is not None
        and agency.ended_month is not None
        and agency.ended_month < month
    )


def near_miss_limit(written: str) -> int:
    """How many edits away a known name may be for ``written`` to be a near miss of it:
    one, or two in a name of seven characters or more (国家知识产权总局 → 国家知识产权局
    is one; a short name two edits off is another name: 商务部 and 外交部)."""
    return 2 if len(written.strip()) >= 7 else 1


def _agency(entry: dict[str, Any], where: str, categories: list[str]) -> Agency:
    if not isinstance(entry, dict) or "name" not in entry:
        raise ConfigError("{where}: an agency needs a name", where=where)
    category = entry.get("category", "former" if entry.get("ended") else None)
    if category not in categories and category != "former":
        raise ConfigError(
            "{where}: unknown category '{category}'", where=f"{where}:category", category=category
        )
    ended = None
    if entry.get("ended") is not None:
        ended = year_month(entry["ended"])
        if ended is None:
            raise ConfigError(
                "{where}: expected a year (2018) or a year and month (2018-03)",
                where=f"{where}:ended",
            )
    # the keys most entries lack are read only where present: the national registry is
    # built at every start that checks a plan, 234 entries (their checks cost a third less so)
    short, earlier = entry.get("short"), entry.get("earlier")
    return Agency(
        name=str(entry["name"]),
        full=str(entry.get("full", "")),
        aliases=tuple(map(str, entry.get("aliases", ()))),
        category=category,
        rank=entry.get("rank"),
        ended=ended[0] if ended else None,
        successor=entry.get("successor"),
        note=str(entry.get("note", entry.get("source", ""))),
        short=() if short is None else _names(short, f"{where}:short"),
        brand_of=entry.get("brand_of"),
        ended_month=ended[1] if ended else None,
        earlier=_earlier(earlier, f"{where}:earlier", categories) if earlier else (),
    )


def _earlier(
    value: Any, where: str, categories: list[str]
) -> tuple[tuple[int, int | None, str, int], ...]:
    """``earlier: [{until: 2023-03, category: institution, rank: 9, source: …}]``: the places
    a body held in protocol order before a reform, checked and sorted oldest first."""
    eras = []
    for n, era in enumerate(value or ()):
        at = f"{where}[{n}]"
        until = year_month(era.get("until")) if isinstance(era, dict) else None
        if until is None:
            raise ConfigError(
                "{where}: expected a year (2018) or a year and month (2018-03)", where=f"{at}:until"
            )
        if era.get("category") not in categories:
            raise ConfigError(
                "{where}: unknown category '{category}'",
                where=f"{at}:category",
                category=era.get("category"),
            )
        if not isinstance(era.get("rank"), int):
            raise ConfigError("{where}: expected a number", where=f"{at}:rank")
        eras.append((until[0], until[1], str(era["category"]), int(era["rank"])))
    return tuple(sorted(eras, key=lambda e: (e[0], e[1] or 0)))


def _names(value: Any, where: str) -> tuple[str, ...]:
    """A name or a list of names."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError("{where}: expected a name or a list of names", where=where)


def build_registry(
    data: dict[str, Any],
    origin: str = "agencies.yaml",
    mirror: "Mirror | None" = None,
    lazy_mirror: "tuple[Callable[[], Mirror], list[dict[str, Any]]] | None" = None,
) -> Registry:
    """Validate registry data: known categories, successors that exist. ``lazy_mirror`` is
    what makes the mirror, with its categories, for a mirror made on first use (and checked
    against the registry then)."""
    categories = [c["id"] for c in data.get("categories", [])]
    if mirror is not None:
        categories = _with_local_categories(categories, mirror.categories)
    elif lazy_mirror is not None:
        categories = _with_local_categories(categories, lazy_mirror[1])
    agencies: dict[str, Agency] = {}
    for n, entry in enumerate(data.get("agencies", [])):
        agency = _agency(entry, f"{origin}:agencies[{n}]", categories)
        if agency.name in agencies:
            raise ConfigError(
                "{where}: '{name}' is listed twice",
                where=f"{origin}:agencies[{n}]",
                name=agency.name,
            )
        agencies[agency.name] = agency
    for agency in agencies.values():
        if agency.successor and agency.successor not in agencies:
            raise ConfigError(
                "{where}: unknown successor '{name}'",
                where=f"{origin}:{agency.name}",
                name=agency.successor,
            )
        if agency.brand_of and agency.brand_of not in agencies:
            raise ConfigError(
                "{where}: unknown brand_of '{name}'",
                where=f"{origin}:{agency.name}",
                name=agency.brand_of,
            )
    endings = tuple(data.get("body_endings", ()))
    divisions = tuple(data.get("division_endings", ()))
    words = tuple((str(e["short"]), tuple(e["words"])) for e in data.get("short_words", ()))
    if lazy_mirror is not None:
        make = lazy_mirror[0]
        return Registry(
            agencies,
            categories,
            mirror=lambda: _checked(make(), agencies),
            endings=endings,
            divisions=divisions,
            short_words=words,
        )
    if mirror is not None:
        _checked(mirror, agencies)
    return Registry(
        agencies, categories, mirror=mirror, endings=endings, divisions=divisions, short_words=words
    )


def _checked(mirror: "Mirror", agencies: dict[str, Agency]) -> "Mirror":
    """The mirror, once its central bodies are known to the registry."""
    centrals = [b.central for b in mirror.bodies] + [mirror.collective_central]
    centrals += [entry["central"] for _, entry in mirror.branches]
    centrals += [mirror.place_alone[0]] if mirror.place_alone else []
    for central in centrals:
        if central and central not in agencies:
            raise ConfigError(
                "{where}: unknown central body '{name}'", where="mirror.yaml", name=central
            )
    _check_former(mirror, agencies)
    return mirror


def _check_former(mirror: "Mirror", agencies: dict[str, Agency]) -> None:
    """Each local form of a reorganised national body (mirror.yaml ``former``) names a body
    that ended with a successor, and that successor has a local counterpart in each style
    the form is written in: else the local name would have no successor to point to."""
    for body in mirror.bodies:
        if not body.former:
            continue
        national = agencies[body.central]
        if national.ended is None or not national.successor:
            raise ConfigError(
                "{where}: '{name}' has no successor", where="mirror.yaml", name=body.central
            )
        for style, endings in body.endings.items():
            if endings and mirror.counterpart(national.successor, "", style) is None:
                raise ConfigError(
                    _NO_COUNTERPART[style], where="mirror.yaml", name=national.successor
                )


def _with_local_categories(categories: list[str], extras: list[dict[str, Any]]) -> list[str]:
    """The national categories with the mirror's (branch, enterprise, local) in their place."""
    result = list(categories)
    for extra in extras:
        before = extra.get("before")
        at = result.index(before) if before in result else len(result)
        result.insert(at, extra["id"])
    return result


def load_registry(local: "tuple[Path, ...]" = ()) -> Registry:
    """The national registry with the mirror, and the office's registry files if any.
    Built once per set of files: ``load_registry()`` and ``load_registry(())`` are the same
    registry (a bare ``@cache`` keys them apart, and built it twice a run)."""
    return _load_registry(tuple(local))


def _shipped_mirror() -> "Mirror":
    """The shipped mirror; its module too is loaded only when a plan needs it."""
    from .mirror import load_mirror

    return load_mirror()


@cache
def _load_registry(local: "tuple[Path, ...]") -> Registry:
    categories = list((builtin("mirror.yaml") or {}).get("categories", ()))
    registry = build_registry(builtin("agencies.yaml"), lazy_mirror=(_shipped_mirror, categories))
    if local:
        registry = add_local_files(registry, local)
    return registry


#: forget the registries built (tests that edit a registry file within one process)
load_registry.cache_clear = _load_registry.cache_clear  # type: ignore[attr-defined]


@cache
def conferences() -> list[dict[str, Any]]:
    return list(builtin("conferences.yaml").get("conferences", []))


# ---- the office's own registry files (config ``agencies: [FILE…]``) ----------------------------
#
# A local registry has the entries of rules/agencies.yaml (name, full, aliases, category, rank,
# ended/successor, source/note) and one more key, ``mirrors``: the central body whose place in
# the protocol order a local exception takes (浙江省经济和信息化厅 mirrors 工业和信息化部 though
# its name does not). Its shape is rules/schemas/registry.schema.json, checked on load like
# every data file's: ``file:key: message``.


def add_local_files(base: Registry, paths: "tuple[Path, ...]") -> Registry:
    """A registry with the entries of the office's files added to the national ones."""
    agencies = dict(base.agencies)
    index = dict(base.index)
    local: set[str] = set()
    ranks: dict[tuple[str, float], str] = {}
    for path in paths:
        for where, agency in _entries(path, base):
            if agency.name in agencies:
                raise ConfigError(
                    "{where}: '{name}' is already registered", where=where, name=agency.name
                )
            if agency.rank is not None and agency.ended is None:
                other = ranks.get((agency.category, agency.rank))
                if other:
                    raise ConfigError(
                        "{where}: {rank} is also the rank of '{name}' in category {category}",
                        where=f"{where}:rank",
                        rank=agency.rank,
                        name=other,
                        category=agency.category,
                    )
                ranks[(agency.category, agency.rank)] = agency.name
            agencies[agency.name] = agency
            local.add(agency.name)
            for form, names in (
                ("name", [agency.name]),
                ("short", [s for s in agency.short if s != agency.name]),
                ("full", [agency.full]),
            ):
                _index(index, names, agency, form, where)
            _index(index, agency.aliases, agency, "alias", where)
    for name in local:
        successor = agencies[name].successor
        if successor and successor not in agencies and base.lookup(successor) is None:
            raise ConfigError(
                "{where}: unknown successor '{name}'", where=_origin(paths, name), name=successor
            )
    # the base's mirror as it is: made already, or made when first needed
    registry = Registry(
        agencies,
        base.categories,
        mirror=base._mirror,
        local=frozenset(local),
        endings=base.endings,
        divisions=base.divisions,
        short_words=base.short_words,
    )
    registry.index = index
    return registry


def _index(index: dict, names, agency: Agency, form: str, where: str) -> None:
    for written in names:
        if not written:
            continue
        if written in index and index[written].agency.name != agency.name:
            raise ConfigError(
                "{where}: '{written}' already names '{other}'",
                where=where,
                written=written,
                other=index[written].agency.name,
            )
        index[written] = Lookup(agency, form)


def _origin(paths: "tuple[Path, ...]", name: str) -> str:
    return f"{paths[0]}:{name}" if len(paths) == 1 else name


def _entries(path: "Path", base: Registry) -> list[tuple[str, Agency]]:
    """One registry file's entries: its shape checked against its schema when it is parsed
    (``load_yaml`` keeps what passed, as JSON, so a repeat run imports neither PyYAML nor
    jsonschema); what a schema cannot know is checked as each entry is read."""
    data = load_yaml(path, _registry_shape)
    if data is None:  # an empty file, or comments only
        return []
    result = []
    for n, entry in enumerate(data.get("agencies") or []):
        where = f"{path}:agencies[{n}]"
        if entry.get("mirrors") is not None:
            entry = _mirrored(entry, base, where)
        result.append((where, _agency(entry, where, base.categories)))
    return result


def _registry_shape() -> dict[str, Any]:
    """The shape of an office's registry file (``rules/schemas/registry.schema.json``)."""
    from .data import data_dir
    from .schema import schema

    found = schema(data_dir(), "registry")
    assert found is not None, "rules/schemas/registry.schema.json is shipped with plancheck"
    return found


def _mirrored(entry: dict[str, Any], base: Registry, where: str) -> dict[str, Any]:
    """``mirrors: 工业和信息化部``: the central body's category and rank unless given."""
    central = str(entry["mirrors"])
    found = base.lookup(central)
    if found is None or found.agency.name in base.local or base.is_local(central):
        raise ConfigError(
            "{where}: unknown central body '{name}'", where=f"{where}:mirrors", name=central
        )
    return {"category": found.agency.category, "rank": found.agency.rank, **entry}
