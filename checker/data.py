"""Locating and loading the rule data in ``rules/`` (installed as ``checker._data``)."""

from __future__ import annotations

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


def load_yaml(path: Path) -> Any:
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
