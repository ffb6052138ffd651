"""Local bodies: level prefixes (``rules/places.yaml``) and the mirror of the national
registry (``rules/mirror.yaml``).

Provinces, cities and counties name their bodies after the central ones (省教育厅 ↔ 教育部,
团省委 ↔ 共青团中央), and vertically managed central bodies have local offices named with a
place (山东证监局, 人民银行济南分行). This module answers two questions about a name that no
registry lists: is it a local body (then it is never matched to a national one), and is it
the standard name of a mirrored body (then it takes its central body's protocol order)?

The mirror also holds the local forms of national bodies that were reorganised (``former``:
省工商局 of 国家工商总局): the registry carries the national renaming to them, so that the
local name's successor is the local counterpart of the national successor (省市场监管局).
"""

import re
from functools import cache, cached_property
from typing import Any, NamedTuple

from ..base.errors import ConfigError
from ..base.lazyre import LazyPattern
from ..base.memo import per_text
from .data import builtin


class _BranchTemplate:
    """A branch's name with ``{P}`` for the place (济南, 山东省, 黔东南州: two to eight Han
    characters), matched as ``^before(?P<place>HAN{2,8}?)after$`` would match it, without
    compiling that regex: the place is what lies between the literal ends, and a Han
    character class costs half a millisecond to compile, which a registry of dozens of
    branches paid on every run."""

    def __init__(self, template: str) -> None:
        self.before, _, self.after = template.partition("{P}")

    def match(self, name: str) -> "_Place | None":
        if not (name.startswith(self.before) and name.endswith(self.after)):
            return None
        place = name[len(self.before) : len(name) - len(self.after)]
        if 2 <= len(place) <= 8 and all("\u4e00" <= ch <= "\u9fff" for ch in place):
            return _Place(place)
        return None


def _alternatives(words: list[str]) -> str:
    """Literal words as one regex alternation, in the order given (longest first wins)."""
    return "|".join(map(re.escape, words))


class _Place(str):
    """The place a branch template matched, answering ``group("place")`` as a match does."""

    def group(self, name: str) -> str:
        return str(self)


class MirrorBody(NamedTuple):
    """One mirrored body: the central body and the endings of its local names."""

    central: str
    endings: dict[str, tuple[str, ...]]  # style (province | city) → canonical first
    aliases: tuple[str, ...]  # colloquial endings (G002)
    full: str
    category: str | None  # None: the central body's category
    #: the local form of a national body that was reorganised (mirror.yaml ``former``): its
    #: year and successor are the national body's, its successor's name the local counterpart
    former: bool = False
    ended: int | None = None  # when the local bodies ended, where not the national year


class Hit(NamedTuple):
    """A local name recognised by the mirror: its canonical form and how it was written."""

    name: str
    form: str  # name | full | alias
    central: str
    category: str | None
    full: str = ""
    ended: int | None = None
    successor: str | None = None
    #: for the local form of a reorganised national body: the level prefix and style of
    #: endings it was written with (the successor is named under the same prefix)
    former: bool = False
    prefix: str = ""
    style: str = ""
    #: the body's own name whichever accepted form was written (省高院 and 省高级人民法院,
    #: 人民银行济南分行 and 中国人民银行济南分行 are one body): what a diff compares
    body: str = ""


class Levels:
    """Level prefixes and place names (``rules/places.yaml``)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.bare: dict[str, str] = {}
        for level, prefixes in data["prefixes"].items():
            for prefix in prefixes:
                self.bare[prefix] = level
        self.bare_order = sorted(self.bare, key=len, reverse=True)
        minimum = int(data.get("min_short_length", 2))
        self.provinces: dict[str, str] = {}  # full name → style of its bodies' names
        self.shorts: list[str] = []
        for entry in data["provinces"]:
            full = entry["name"]
            self.provinces[full] = "province" if full.endswith(("省", "自治区")) else "city"
            self.shorts += [s for s in entry.get("short", ()) if len(s) >= minimum]
        self.province_names = tuple(self.provinces)
        self.not_places = tuple(data.get("not_places", ()))
        self.markers = tuple(data.get("national_markers", ()))
        #: a generic place never begins like these (national names, kinds of places, groups)
        self.not_heads = self.markers + tuple(data.get("not_place_heads", ()))
        # literal words (escaped): the patterns compile on first use, so nothing in the data
        # may make them fail there, in a drafter's run, rather than on loading
        #: the words a place's name ends in (济南市, 市中区, 黔东南州), longest first
        self.place_suffixes = tuple(sorted(map(str, data["place_suffixes"]), key=len, reverse=True))
        places = sorted([*self.provinces, *self.shorts], key=len, reverse=True)
        self.contains_province = LazyPattern(_alternatives(places))
        self.youth = LazyPattern(f"^团(?:{_alternatives(self.bare_order)})委")
        alone = data.get("alone") or {}
        #: longest first: 自治区 is an ending, not 自治 + 区
        self.alone_endings = tuple(
            sorted(map(str, alone.get("endings", ())), key=len, reverse=True)
        )
        self.alone_not_heads = self.not_heads + tuple(map(str, alone.get("not_heads", ())))
        self.alone_not_endings = tuple(map(str, alone.get("not_endings", ())))
        self.alone_min = int(alone.get("min_length", 3))

    def style(self, level: str) -> str:
        return "province" if level == "province" else "city"

    def prefixes(self, name: str) -> tuple[tuple[str, str], ...]:
        """The ways ``name`` may begin with a level prefix: (prefix, style of endings).

        省, 市, 县 … bare; a province's full name (山东省); a generic place that ends in a
        level word (济南市, 济南市市中区) — never one that begins like a national name.
        Kept per name (``_prefixes``): a local name is asked it by the mirror, by the
        suggestion of a near miss and by each list that shares a prefix.
        """
        return _prefixes(self, name)

    def _prefixes(self, name: str) -> tuple[tuple[str, str], ...]:
        """``prefixes``, worked out."""
        found: list[tuple[str, str]] = []
        if not name.startswith(self.not_places):
            for prefix in self.bare_order:
                if name.startswith(prefix):
                    found.append((prefix, self.style(self.bare[prefix])))
                    break
        if name.startswith(self.province_names):  # one test of them all, at C speed, first
            found += [
                (full, style) for full, style in self.provinces.items() if name.startswith(full)
            ]
        if not name.startswith(self.not_heads):
            for end in range(2, min(len(name) - 1, 10)):
                head = name[:end]
                if head.endswith(self.place_suffixes) and not name[end - 1 :].startswith(
                    self.not_places
                ):
                    found.append((head, "city"))
        return tuple(found)

    def is_local(self, name: str) -> bool:
        """A name with a level prefix or a place in it: never a national body."""
        if self.prefixes(name) or self.youth.match(name) or self.is_place(name):
            return True
        return self.contains_province.search(name) is not None

    def is_place(self, name: str) -> bool:
        """A place named alone (越秀区, 浦东新区, 四川省): a province by its full name, or a
        name of Han characters ending in a level word with at least two before it, neither
        opening as a group or scope does (各区, 全市, 试点县) nor ending as a kind of area
        does (试点城市, 中心城区): ``places.yaml`` ``alone``."""
        if name in self.provinces:
            return True
        ending = next((e for e in self.alone_endings if name.endswith(e)), None)
        if ending is None or len(name) < self.alone_min or len(name) - len(ending) < 2:
            return False  # 自治区 alone is a level, not a place
        if name.startswith(self.alone_not_heads) or name.endswith(self.alone_not_endings):
            return False
        return all("\u4e00" <= ch <= "\u9fff" for ch in name)


@per_text()
def _prefixes(levels: Levels, name: str) -> tuple[tuple[str, str], ...]:
    """``levels.prefixes(name)``, kept per name (the levels do not change once read)."""
    return levels._prefixes(name)


class Mirror:
    """The mirror of the national registry: local names → their central body."""

    def __init__(self, data: dict[str, Any], levels: Levels, origin: str = "mirror.yaml") -> None:
        self.levels = levels
        self.categories = list(data.get("categories", ()))
        self.bodies: list[MirrorBody] = []
        self.endings: dict[str, dict[str, tuple[MirrorBody, str]]] = {"province": {}, "city": {}}
        self.templates: list[tuple[LazyPattern, MirrorBody, str, str]] = []
        for n, entry in enumerate(data.get("bodies", ())):
            self._add_body(entry, f"{origin}:bodies[{n}]")
        #: when the city and county forms of the former bodies ended (mirror.yaml)
        self.former_city_ended: int | None = data.get("former_city_ended")
        for n, entry in enumerate(data.get("former", ())):
            self._add_body(entry, f"{origin}:former[{n}]", former=True)
        self.branches: list[tuple[_BranchTemplate, dict[str, Any]]] = []
        for n, entry in enumerate(data.get("branches", ())):
            where = f"{origin}:branches[{n}]"
            if not isinstance(entry, dict) or "central" not in entry or "names" not in entry:
                raise ConfigError("{where}: a branch needs central and names", where=where)
            for template in entry["names"]:
                if "{P}" not in template:
                    raise ConfigError(
                        "{where}: '{template}' has no {{P}} for the place",
                        where=where,
                        template=template,
                    )
                self.branches.append((_BranchTemplate(template), entry))
        #: how the branches' names end (分行, 证监局, 海关…)
        self.branch_ends = tuple(template.after for template, _ in self.branches)
        collective = data.get("collective") or {}
        self.collective_central = str(collective.get("central", ""))
        self.collective = frozenset(str(n) for n in collective.get("names", ()))
        alone = data.get("place_alone") or {}
        #: the central body and the ending of a place named alone (越秀区: 越秀区人民政府)
        self.place_alone: tuple[str, str] | None = (
            (str(alone["central"]), str(alone["own"])) if alone else None
        )
        self.guesses = [
            (LazyPattern(str(g["pattern"])), str(g["category"])) for g in data.get("guesses", ())
        ]

    def _add_body(self, entry: Any, where: str, former: bool = False) -> None:
        if not isinstance(entry, dict) or "central" not in entry:
            raise ConfigError("{where}: a mirrored body needs its central body", where=where)
        body = MirrorBody(
            central=str(entry["central"]),
            endings={
                style: tuple(str(e) for e in entry.get(style, ())) for style in ("province", "city")
            },
            aliases=tuple(str(a) for a in entry.get("aliases", ())),
            full=str(entry.get("full", "")),
            category=entry.get("category"),
            former=former,
            ended=entry.get("ended"),
        )
        self.bodies.append(body)
        for style, endings in body.endings.items():
            if not endings:
                continue
            canonical = endings[0]
            forms = [(e, "name") for e in endings]
            forms += [(a, "alias") for a in body.aliases]
            if body.full:
                forms.append((body.full, "full"))
            for ending, form in forms:
                if "{L}" in ending:
                    prefixes = "|".join(
                        p
                        for p in self.levels.bare_order
                        if self.levels.style(self.levels.bare[p]) == style
                    )
                    pattern = re.escape(ending).replace(re.escape("{L}"), f"(?P<prefix>{prefixes})")
                    self.templates.append((LazyPattern(f"^{pattern}$"), body, canonical, form))
                    continue
                if ending in self.endings[style]:
                    other = self.endings[style][ending][0].central
                    raise ConfigError(
                        "{where}: '{ending}' already mirrors {other} ({style})",
                        where=where,
                        ending=ending,
                        other=other,
                        style=style,
                    )
                self.endings[style][ending] = (body, form)

    def names_for(self, prefix: str, style: str) -> list[str]:
        """The canonical local names of every current mirrored body under one prefix."""
        return [prefix + ending for ending in self._canonical_endings[style]]

    @cached_property
    def _canonical_endings(self) -> dict[str, list[str]]:
        """By style, the canonical ending of every current mirrored body that has one of its
        own (no ``{L}``), listed once: the bodies do not change once read."""
        return {
            style: [
                b.endings[style][0]
                for b in self.bodies
                if b.endings[style] and "{L}" not in b.endings[style][0] and not b.former
            ]
            for style in ("province", "city")
        }

    def names_like(self, prefix: str, style: str, length: int, last: str) -> list[str]:
        """The canonical local names under one prefix of every current mirrored body that
        are ``length`` characters long and end in ``last``: those a name of one character
        wrong (not the last) may be a typo of."""
        shape = (style, length - len(prefix), last)
        return [prefix + ending for ending in self._endings_by_shape.get(shape, ())]

    @cached_property
    def _endings_by_shape(self) -> dict[tuple[str, int, str], list[str]]:
        """The ``_canonical_endings`` by style, length and last character, in their order,
        indexed once: ``names_like`` is asked for each local name a suggestion is sought
        for."""
        shapes: dict[tuple[str, int, str], list[str]] = {}
        for style, endings in self._canonical_endings.items():
            for ending in endings:
                shapes.setdefault((style, len(ending), ending[-1:]), []).append(ending)
        return shapes

    def counterpart(self, central: str, prefix: str, style: str) -> str | None:
        """The canonical local name, under ``prefix``, of the current body that mirrors
        ``central`` (市场监管总局, 省 → 省市场监管局), or None when none does."""
        for body in self.bodies:
            endings = body.endings[style]
            if body.central == central and endings and not body.former:
                return None if "{L}" in endings[0] else prefix + endings[0]
        return None

    def match(self, name: str) -> Hit | None:
        """The mirrored body a local name stands for, or None."""
        if name in self.collective:
            return Hit(name, "name", self.collective_central, None, body=name)
        for pattern, body, canonical, form in self.templates:
            found = pattern.match(name)
            if found:
                own = canonical.replace("{L}", found.group("prefix"))
                return Hit(own, form, body.central, body.category, body=own)
        for prefix, style in self.levels.prefixes(name):
            known = self.endings[style].get(name[len(prefix) :])
            if known is None:
                continue
            body, form = known
            full = prefix + body.full if body.full else ""
            # an accepted other form (省高级人民法院, 省大数据局) keeps its own name
            ending = name[len(prefix) :] if form == "name" else body.endings[style][0]
            own = prefix + body.endings[style][0]
            if body.former:
                ended = body.ended or (self.former_city_ended if style == "city" else None)
                return Hit(
                    prefix + ending, form, body.central, body.category, full, ended,
                    former=True, prefix=prefix, style=style, body=own,
                )  # fmt: skip
            return Hit(prefix + ending, form, body.central, body.category, full, body=own)
        if name.endswith(self.branch_ends):  # one test first: most names end as none does
            for pattern, entry in self.branches:
                found = pattern.match(name)
                if found and self._is_place(found.group("place")):
                    return self._branch(name, entry, found.group("place"))
        if self.place_alone is not None and self.levels.is_place(name):
            central, own = self.place_alone  # 越秀区 among bodies: its government
            return Hit(name, "name", central, None, body=name + own)
        return None

    @staticmethod
    def _branch(name: str, entry: dict[str, Any], place: str) -> Hit:
        """A branch office as written; its body is the entry's first form with the place
        (every name of one entry is one office: 人民银行济南分行 is 中国人民银行济南分行)."""
        successor = entry.get("successor")
        if successor:
            successor = successor.replace("{P}", place)
        category = entry.get("category", "branch")
        own = entry["names"][0].replace("{P}", place)
        return Hit(
            name, "name", entry["central"], category, "", entry.get("ended"), successor, body=own
        )

    def _is_place(self, place: str) -> bool:
        """A branch's place is a named place (山东, 济南), never a bare level prefix (the
        省地方金融监管局 of 省 + 地方 is a provincial body, not a branch) nor a national word."""
        levels = self.levels
        return not place.startswith(levels.markers) and not place.startswith(
            tuple(levels.bare_order)
        )

    def guess_category(self, name: str) -> str:
        """A first guess at a local body's category, for ``--init`` (the office curates it)."""
        hit = self.match(name)
        if hit is not None:
            return hit.category or "local"
        for pattern, category in self.guesses:
            if pattern.search(name):
                return category
        return "local"


@cache
def load_mirror() -> Mirror:
    """The shipped mirror; a malformed data file is ``file: message``, never a traceback."""
    name = "places.yaml"
    try:
        levels = Levels(builtin(name))
        name = "mirror.yaml"
        return Mirror(builtin(name), levels)
    except (KeyError, TypeError, AttributeError, ValueError, re.error) as error:
        raise ConfigError(
            "{where}: malformed data ({reason})",
            where=name,
            reason=f"{type(error).__name__}: {error}",
        ) from None
