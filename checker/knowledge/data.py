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


def shapes() -> dict[str, Any]:
    """The JSON Schema of every data file in ``rules/`` that has one (``rules/schemas/``), by
    file name: ``builtin`` checks a file against it when it parses it. Files that a module
    also validates in depth (agencies, mirror) leave the details to that module (their
    schemas allow more keys), so the two never disagree."""
    from .schema import schema

    folder = data_dir()
    return {
        f"{path.name.removesuffix('.schema.json')}.yaml": schema(
            folder, path.name.removesuffix(".schema.json")
        )
        for path in sorted((folder / "schemas").glob("*.schema.json"))
    }
