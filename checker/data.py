"""Locating and loading the rule data in ``rules/`` (installed as ``checker._data``)."""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from .errors import ConfigError


@cache
def data_dir() -> Path:
    """The installed package data, or the repository's ``rules/`` when run from a checkout."""
    installed = Path(__file__).with_name("_data")
    if (installed / "agencies.yaml").is_file():
        return installed
    return Path(__file__).resolve().parent.parent / "rules"


def cache_dir() -> Path:
    """Where plancheck keeps what it can recompute: $PLANCHECK_CACHE_DIR or ~/.cache/plancheck."""
    root = os.environ.get("PLANCHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "plancheck"
    )
    return Path(root)


def _cache_file(path: Path, stat: os.stat_result) -> Path:
    key = f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}|{sys.version_info[:2]}"
    return cache_dir() / f"{zlib.crc32(key.encode()):08x}-{path.stem}.pickle"


def load_yaml(path: Path) -> Any:
    """Parse a YAML file, through a pickle cache keyed by path, mtime and size.

    Rule data is read on every run of a pre-commit hook; unpickling it costs a tenth of
    importing PyYAML and parsing it. The cache lives in ~/.cache/plancheck (or
    $PLANCHECK_CACHE_DIR); any problem with it falls back to parsing, silently.
    """
    try:
        cache = _cache_file(path, path.stat())
    except OSError:
        return parse_yaml(path)  # which reports the missing or unreadable file
    try:
        with cache.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # no cache yet, or a stale or broken one: parse instead
        pass
    data = parse_yaml(path)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temp = cache.with_suffix(f".{os.getpid()}.tmp")
        with temp.open("wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, cache)
    except OSError:
        pass  # a read-only home: parse next time too
    return data


def parse_yaml(path: Path) -> Any:
    """Parse a YAML file with the C loader when present; a bad file is ``file:line: problem``."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: {getattr(error, 'problem', None) or 'invalid YAML'}") from None


@cache
def builtin(name: str) -> Any:
    """A data file shipped with plancheck, parsed once per process."""
    return load_yaml(data_dir() / name)
