"""Shapes of the data files in ``rules/``, checked when a file is loaded.

A drafting office edits these files by hand; a wrong one must stop the run at once with
``file:key: message``, not fail later inside a rule with a KeyError. A shape is data: a
Python type (``str``, ``int``, ``bool``), ``REGEX`` (a string that compiles), ``[shape]`` (a
list of it), ``Mapping`` (known keys, required or not) or ``Table`` (any keys, one shape).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..base.errors import ConfigError, Reason, type_name

REGEX = "regex"
#: a year (2018) or a year and month ("2018-03"): when a body was renamed or abolished
YEAR_MONTH = "year-month"
#: a calendar date written YYYY-MM-DD, as text (YAML would make an unquoted one a date, which
#: JSON cannot carry), or "" where the source gives none
DATE = "date"
#: dates YYYY-MM-DD (or - for one unknown) in one text, separated by spaces
DATES = "dates"


@dataclass(frozen=True)
class Mapping:
    """A mapping with these keys; ``required`` ones must be present, others may be."""

    keys: dict[str, Any]
    required: frozenset[str] = field(default_factory=frozenset)
    #: keys not listed are allowed (for files another module validates in depth)
    open: bool = False


@dataclass(frozen=True)
class Table:
    """A mapping of any text keys to values of one shape (``swap: {wrong: right}``)."""

    value: Any


def check(value: Any, shape: Any, where: str) -> None:
    """Raise ``ConfigError("where:key: message")`` where ``value`` does not have ``shape``."""
    if isinstance(shape, Mapping):
        _check_mapping(value, shape, where)
    elif isinstance(shape, Table):
        if not isinstance(value, dict):
            raise ConfigError(
                "{where}: expected {kind}, got {other}",
                where=where,
                kind=Reason("a mapping"),
                other=_kind(value),
            )
        for key, item in value.items():
            check(item, shape.value, f"{where}:{key}")
    elif isinstance(shape, list):
        if not isinstance(value, list):
            raise ConfigError(
                "{where}: expected {kind}, got {other}",
                where=where,
                kind=Reason("a list"),
                other=_kind(value),
            )
        for n, item in enumerate(value):
            check(item, shape[0], f"{where}[{n}]")
    elif shape == DATE:
        _check_date(value, where)
    elif shape == DATES:
        if not isinstance(value, str):
            raise ConfigError(
                "{where}: expected {kind}, got {other}",
                where=where,
                kind=Reason("dates YYYY-MM-DD as text"),
                other=_kind(value),
            )
        for date in value.split():
            if date != "-":
                _check_date(date, where)
    elif shape == REGEX:
        if not isinstance(value, str):
            raise ConfigError(
                "{where}: expected {kind}, got {other}",
                where=where,
                kind=Reason("a regular expression"),
                other=_kind(value),
            )
        try:
            re.compile(value)
        except re.error as error:
            raise ConfigError(
                "{where}: invalid regular expression ({reason})", where=where, reason=str(error)
            ) from None
    elif shape == YEAR_MONTH:
        if year_month(value) is None:
            raise ConfigError(
                "{where}: expected a year (2018) or a year and month (2018-03)", where=where
            )
    elif shape is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigError(
            "{where}: expected {kind}, got {other}",
            where=where,
            kind=Reason("a whole number"),
            other=_kind(value),
        )
    elif isinstance(shape, type) and not isinstance(value, shape):
        raise ConfigError(
            "{where}: expected {kind}, got {other}",
            where=where,
            kind=_NAMES.get(shape) or shape.__name__,
            other=_kind(value),
        )


def year_month(value: Any) -> tuple[int, int | None] | None:
    """(year, month) of a year (2018) or a year and month ("2018-03"); None for anything
    else (a month outside 1–12, a date, text)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value, None
    if isinstance(value, str):
        found = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
        if found and 1 <= int(found.group(2)) <= 12:
            return int(found.group(1)), int(found.group(2))
    return None


def _check_mapping(value: Any, shape: Mapping, where: str) -> None:
    if not isinstance(value, dict):
        raise ConfigError(
            "{where}: expected {kind}, got {other}",
            where=where,
            kind=Reason("a mapping"),
            other=_kind(value),
        )
    for key in sorted(shape.required - set(value)):
        raise ConfigError("{where}: missing", where=f"{where}:{key}")
    for key, item in value.items():
        if key in shape.keys:
            check(item, shape.keys[key], f"{where}:{key}")
        elif not shape.open:
            raise ConfigError("{where}: unknown key", where=f"{where}:{key}")


def _check_date(value: Any, where: str) -> None:
    """A date written YYYY-MM-DD that is a day of the calendar, or "" (none given)."""
    import datetime as dt

    if value == "":
        return
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            "{where}: expected {kind}, got {other}",
            where=where,
            kind=Reason("a date YYYY-MM-DD"),
            other=value if isinstance(value, str) else _kind(value),
        ) from None


_NAMES = {
    str: Reason("text"),
    int: Reason("a whole number"),
    bool: Reason("true or false"),
    dict: Reason("a mapping"),
}


def _kind(value: Any) -> Reason | str:
    if value is None:
        return Reason("nothing")
    return _NAMES.get(type(value)) or type_name(value)
