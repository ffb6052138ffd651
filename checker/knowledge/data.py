"""Locating and loading the rule data in ``rules/`` (installed as ``checker._data``)."""

from __future__ import annotations

import json
import os
import sys
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from ..base.errors import ConfigError, os_reason


@cache
def data_dir() -> Path:
    """The installed package data, or the repository's ``rules/`` when run from a checkout."""
    installed = Path(__file__).resolve().parent.parent / "_data"
    if (installed / "agencies.yaml").is_file():
        return installed
    return Path(__file__).resolve().parent.parent.parent / "rules"


def cache_dir() -> Path:
    """Where plancheck keeps what it can recompute: $PLANCHECK_CACHE_DIR or ~/.cache/plancheck."""
    root = os.environ.get("PLANCHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "plancheck"
    )
    return Path(root)


#: bumped when what a cache entry vouches for changes (2: its data's shape was checked)
CACHE_FORMAT = 2


def _cache_file(path: Path, stat: os.stat_result) -> Path:
    key = f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}|{sys.version_info[:2]}"
    key += f"|{CACHE_FORMAT}"
    return cache_dir() / f"{zlib.crc32(key.encode()):08x}-{path.stem}.json"


def load_yaml(path: Path, shape: Callable[[], Any] | None = None) -> Any:
    """Parse a YAML file, through a JSON cache keyed by path, mtime and size.

    Rule data is read on every run of a pre-commit hook; reading JSON costs a fraction of
    importing PyYAML and parsing it. The cache is data, never code (no pickle): a cache
    directory restored from an untrusted CI branch can at worst give wrong data for a file
    whose mtime and size it matches, never run anything. It lives in ~/.cache/plancheck (or
    $PLANCHECK_CACHE_DIR); any problem with it falls back to parsing, silently. Data that
    JSON cannot carry exactly (non-string keys, dates) is never cached. ``shape`` gives the
    file's shape (``checker.knowledge.schema``), built only when the file is parsed: the data is checked
    before it is cached, so a cache hit needs neither the shape nor a second check.
    """
    try:
        cache = _cache_file(path, path.stat())
    except OSError:
        return _checked(parse_yaml(path), shape, path)  # parse_yaml reports the missing file
    try:
        with cache.open("rb") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError):  # no cache yet, or a broken one: parse instead
        pass
    data = _checked(parse_yaml(path), shape, path)
    try:
        encoded = json.dumps(data, ensure_ascii=False)
        if json.loads(encoded) != data:
            return data  # JSON would change it (int keys, dates): not cached
        cache.parent.mkdir(parents=True, exist_ok=True)
        temp = cache.with_suffix(f".{os.getpid()}.tmp")
        temp.write_text(encoded, encoding="utf-8")
        os.replace(temp, cache)
    except (OSError, TypeError, ValueError):
        pass  # a read-only home, or data JSON cannot hold: parse next time too
    return data


def _checked(data: Any, shape: Callable[[], Any] | None, path: Path) -> Any:
    expected = shape() if shape is not None else None
    if expected is not None:
        from .schema import check

        check(data, expected, str(path))
    return data


def parse_yaml(path: Path) -> Any:
    """Parse a YAML file with the C loader when present; a bad file is ``file:line: problem``."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)
    except OSError as error:
        raise ConfigError(
            "{where}: cannot read ({reason})", where=path, reason=os_reason(error)
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(error, "problem", None) or "not YAML"
        raise ConfigError("{where}: invalid YAML ({reason})", where=where, reason=problem) from None


@cache
def builtin(name: str) -> Any:
    """A data file shipped with plancheck, parsed and its shape checked once per process."""
    return load_yaml(data_dir() / name, lambda: shapes().get(name))


#: data files whose own loader validates them in depth (``file:key: message`` too)
VALIDATED_BY_LOADER = {"conventions/*.yaml": "kinds.parse_rule"}


#: the word lists of rules/vocabulary.yaml
VOCABULARY_KEYS = (
    "plan_kinds",
    "own_year_work",
    "abbreviation_markers",
    "ordinal_units",
    "separators",
    "first_place",
    "all_bodies",
)


@cache
def shapes() -> dict[str, Any]:
    """The shape of every data file in ``rules/``, checked by ``builtin`` on load. Files that a
    module also validates in depth (agencies, mirror) are ``open`` where that module owns the
    details, so the two never disagree."""
    from .schema import DATE, DATES, REGEX, YEAR_MONTH, Mapping, Table

    def closed(keys: dict[str, Any], *required: str) -> Mapping:
        return Mapping(keys, frozenset(required))

    def open_(keys: dict[str, Any], *required: str) -> Mapping:
        return Mapping(keys, frozenset(required), open=True)

    names = [str]
    category = open_({"id": str, "name": str, "before": str, "note": str, "source": str}, "id")
    return {
        "abbreviations.yaml": closed({"generic_titles": names}, "generic_titles"),
        # built by tools/build_laws.py: kind → title → "promulgated in-force amended…"
        "laws.yaml": closed(
            {"source": str, "short_prefix": str, "laws": Table(Table(DATES))},
            "source",
            "short_prefix",
            "laws",
        ),
        "laws-repealed.yaml": closed(
            {
                "repealed": [
                    closed(
                        {"title": str, "by": str, "date": DATE, "source": str, "note": str},
                        "title",
                        "by",
                        "date",
                        "source",
                    )
                ]
            },
            "repealed",
        ),
        "citations.yaml": closed(
            {
                **{
                    key: names
                    for key in (
                        "make_before",
                        "make_after",
                        "revise_before",
                        "revise_after",
                        "object_ends",
                        "done_markers",
                        "since_markers",
                        "history_markers",
                        "draft_markers",
                        "issuers",
                        "title_ends",
                    )
                },
                "quotes": [names],
                "swaps": [names],
                "numbering": str,
                "near_miss": [closed({"length": int, "distance": int}, "length", "distance")],
            },
            "make_before",
            "make_after",
            "revise_before",
            "revise_after",
            "object_ends",
            "done_markers",
            "since_markers",
            "history_markers",
            "draft_markers",
            "issuers",
            "title_ends",
            "quotes",
            "swaps",
            "numbering",
            "near_miss",
        ),
        "annotations.yaml": closed(
            {
                "markers": names,
                "max_tag_length": int,
                "legitimate": [closed({"pattern": REGEX, "reason": str}, "pattern")],
            },
            "markers",
            "max_tag_length",
            "legitimate",
        ),
        # every word list is required: rules read each by name
        "vocabulary.yaml": closed({key: names for key in VOCABULARY_KEYS}, *VOCABULARY_KEYS),
        "conferences.yaml": closed(
            {
                "conferences": [
                    closed(
                        {
                            "name": str,
                            "aliases": names,
                            "lead": str,
                            "since": int,
                            "source": str,
                            "members": names,
                        },
                        "name",
                        "members",
                    )
                ]
            },
            "conferences",
        ),
        "agencies.yaml": closed(
            {
                "categories": [category],
                "body_endings": names,
                "agencies": [
                    open_(
                        {
                            "name": str,
                            "full": str,
                            "aliases": names,
                            "category": str,
                            "rank": int,
                            "ended": YEAR_MONTH,
                            "successor": str,
                            "note": str,
                            "source": str,
                            "brand_of": str,
                        },
                        "name",
                    )
                ],
            },
            "categories",
            "agencies",
        ),
        "mirror.yaml": closed(
            {
                "categories": [category],
                "bodies": [open_({"central": str, "province": names, "city": names}, "central")],
                # local forms of reorganised national bodies: each says where it comes from
                "former": [
                    closed(
                        {
                            "central": str,
                            "province": names,
                            "city": names,
                            "ended": int,
                            "source": str,
                            "note": str,
                        },
                        "central",
                        "source",
                    )
                ],
                "branches": [
                    open_(
                        {
                            "central": str,
                            "names": names,
                            "ended": int,
                            "successor": str,
                            "category": str,
                        },
                        "central",
                        "names",
                    )
                ],
                "collective": closed({"central": str, "names": names}, "central", "names"),
                "guesses": [closed({"pattern": REGEX, "category": str}, "pattern", "category")],
                # the year the city and county reforms ended the former bodies' local forms
                "former_city_ended": int,
            },
            "bodies",
        ),
        "clauses.yaml": closed(
            {
                "subjects": names,
                "subject_patterns": [REGEX],
                "lead_note_patterns": [REGEX],
                "skip_segments": names,
            }
        ),
        "clause-grammar.yaml": closed(
            {
                "roles": [
                    closed(
                        {"words": names, "role": str, "end_only": bool, "reason": str},
                        "words",
                        "role",
                    )
                ],
                "clause_words": [REGEX],
                "manners": [closed({"words": names, "shared": bool, "reason": str}, "words")],
                "labels": [closed({"words": names, "role": str, "reason": str}, "words", "role")],
                "note_labels": names,
                "time_labels": names,
                "time_limits": [REGEX],
                "vague_endings": [REGEX],
                "lead_in": names,
                "separators": names,
                "joiners": names,
                "body_endings": names,
                "collective_starts": names,
                "with_words": names,
                "collective_patterns": [REGEX],
                "government_endings": names,
                "place": REGEX,
            },
            "roles",
            "labels",
            "separators",
        ),
        "layout.yaml": closed(
            {
                "frame_titles": names,
                "state_council": closed({"doc_number_prefixes": names, "signatures": names}),
                "government": closed({"doc_number": REGEX, "signature": REGEX, "title": REGEX}),
            }
        ),
        "places.yaml": closed(
            {
                "provinces": [closed({"name": str, "short": names}, "name")],
                "min_short_length": int,
                "prefixes": Table(names),
                "place_suffixes": names,
                "not_places": names,
                "national_markers": names,
                "not_place_heads": names,
            },
            "provinces",
            "prefixes",
            "place_suffixes",
        ),
    }
