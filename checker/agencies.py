"""The agency registry (``rules/agencies.yaml``) and the questions rules ask of it.

Loaded once per process; every name, full name and alias goes into one dict, so a lookup is
a dict access, not a scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .data import builtin
from .errors import ConfigError


@dataclass(frozen=True)
class Agency:
    name: str
    full: str
    aliases: tuple[str, ...]
    category: str
    rank: int | None
    ended: int | None = None
    successor: str | None = None
    note: str = ""

    @property
    def is_collective(self) -> bool:
        return self.category == "collective"


@dataclass(frozen=True)
class Lookup:
    """What a written name is: the agency, and whether it was written canonically."""

    agency: Agency
    form: str  # name | full | alias


@dataclass
class Registry:
    agencies: dict[str, Agency]
    categories: list[str]
    index: dict[str, Lookup] = field(default_factory=dict)
    _resolved: dict[tuple[str, int | None], Agency | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for agency in self.agencies.values():
            for form, names in (
                ("name", [agency.name]),
                ("full", [agency.full]),
                ("alias", agency.aliases),
            ):
                for written in names:
                    if written and written not in self.index:
                        self.index[written] = Lookup(agency, form)

    def lookup(self, written: str) -> Lookup | None:
        return self.index.get(written.strip())

    def resolve(self, written: str, year: int | None) -> Agency | None:
        """The body a written name stands for in ``year`` (aliases and renamings followed);
        None for a name not in the registry. Memoised: every rule asks it of every clause."""
        key = (written, year)
        if key not in self._resolved:
            found = self.lookup(written)
            self._resolved[key] = self.current(found.agency, year)[0] if found else None
        return self._resolved[key]

    def current(self, agency: Agency, year: int | None) -> tuple[Agency, int | None]:
        """Follow successors to the body in place in ``year``: (agency, year of first change)."""
        changed_in = None
        seen = {agency.name}
        while (
            agency.ended is not None and agency.successor and (year is None or agency.ended < year)
        ):
            changed_in = changed_in or agency.ended
            agency = self.agencies[agency.successor]
            if agency.name in seen:
                break
            seen.add(agency.name)
        return agency, changed_in

    def order_key(self, agency: Agency) -> tuple[int, int]:
        """Protocol order: category first, then rank inside it."""
        category = (
            self.categories.index(agency.category) if agency.category in self.categories else 99
        )
        return category, agency.rank if agency.rank is not None else 999

    def names(self) -> list[str]:
        return list(self.index)

    def suggest(self, written: str) -> str | None:
        """The nearest registry name for a misspelling (rapidfuzz, imported only here)."""
        from rapidfuzz import fuzz, process

        found = process.extractOne(written, self.names(), scorer=fuzz.ratio, score_cutoff=60)
        if found is None:
            return None
        lookup = self.index[found[0]]
        return lookup.agency.name


def _agency(entry: dict[str, Any], where: str, categories: list[str]) -> Agency:
    if not isinstance(entry, dict) or "name" not in entry:
        raise ConfigError(f"{where}: an agency needs a name")
    category = entry.get("category", "former" if entry.get("ended") else None)
    if category not in categories and category != "former":
        raise ConfigError(f"{where}:category: unknown category '{category}'")
    return Agency(
        name=str(entry["name"]),
        full=str(entry.get("full", "")),
        aliases=tuple(str(a) for a in entry.get("aliases", ())),
        category=category,
        rank=entry.get("rank"),
        ended=entry.get("ended"),
        successor=entry.get("successor"),
        note=str(entry.get("note", entry.get("source", ""))),
    )


def build_registry(data: dict[str, Any], origin: str = "agencies.yaml") -> Registry:
    """Validate registry data: known categories, successors that exist."""
    categories = [c["id"] for c in data.get("categories", [])]
    agencies: dict[str, Agency] = {}
    for n, entry in enumerate(data.get("agencies", [])):
        agency = _agency(entry, f"{origin}:agencies[{n}]", categories)
        if agency.name in agencies:
            raise ConfigError(f"{origin}:agencies[{n}]: '{agency.name}' is listed twice")
        agencies[agency.name] = agency
    for agency in agencies.values():
        if agency.successor and agency.successor not in agencies:
            raise ConfigError(f"{origin}:{agency.name}: unknown successor '{agency.successor}'")
    return Registry(agencies, categories)


@cache
def load_registry() -> Registry:
    return build_registry(builtin("agencies.yaml"))


@cache
def conferences() -> list[dict[str, Any]]:
    return list(builtin("conferences.yaml").get("conferences", []))
