"""The data files in ``rules/`` checked against their JSON Schemas (``rules/schemas/``).

A drafting office edits these files by hand; a wrong one must stop the run at once with
``file:key: message``, not fail later inside a rule with a KeyError. The schemas are data
(and give an editor completion); the ``jsonschema`` library validates, imported only when a
file is parsed (``data.load_yaml`` caches what passed, by content). Of the library's errors
the first in the file's own order is told, in plancheck's words: ``:key: missing``,
``:key: unknown key``, ``expected a list, got text``…
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from ..base.errors import ConfigError, Reason, type_name

#: a JSON Schema type as a message names it
_KINDS = {
    "object": Reason("a mapping"),
    "array": Reason("a list"),
    "string": Reason("text"),
    "integer": Reason("a whole number"),
    "boolean": Reason("true or false"),
}
#: a value's kind as a message names it, where it is not Python's own name
_NAMES = {
    str: Reason("text"),
    int: Reason("a whole number"),
    bool: Reason("true or false"),
    dict: Reason("a mapping"),
}


@cache
def schema(folder: Path, name: str) -> dict[str, Any] | None:
    """The schema of ``rules/<name>`` (``schemas/<stem>.schema.json``), or None."""
    path = folder / "schemas" / f"{name.removesuffix('.yaml')}.schema.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


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


def _is_date(value: Any) -> bool:
    """A date written YYYY-MM-DD that is a day of the calendar."""
    import datetime as dt

    try:
        return isinstance(value, str) and len(value) == 10 and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def _bad_dates(value: Any) -> list[str]:
    """The dates of a ``dates`` text ("2018-03-01 - 2020-05-01") that are no dates."""
    return [date for date in value.split() if date != "-" and not _is_date(date)]


def _format_checker():
    """jsonschema's format checker, with plancheck's own formats: ``year-month`` (2018 or
    "2018-03"), ``date-or-empty`` (YYYY-MM-DD, or "" where the source gives none) and
    ``dates`` (dates YYYY-MM-DD or - in one text: YAML would make an unquoted date a date,
    which JSON cannot carry)."""
    import jsonschema

    checker = jsonschema.FormatChecker()
    checker.checks("year-month")(lambda value: year_month(value) is not None)
    checker.checks("date-or-empty")(lambda value: value == "" or _is_date(value))
    checker.checks("dates")(lambda value: isinstance(value, str) and not _bad_dates(value))
    return checker


def check(value: Any, shape: dict[str, Any], where: str) -> None:
    """Raise ``ConfigError("where:key: message")`` where ``value`` breaks ``shape``."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(shape, format_checker=_format_checker())
    errors = list(validator.iter_errors(value))
    if errors:
        first = min(errors, key=lambda error: _order(value, error))
        raise _said(first, where)


def _positions(value: Any, path: Any) -> tuple[int, ...]:
    """Where a path lies in the file's own order: each key's place in its mapping."""
    found = []
    for step in path:
        found.append(list(value).index(step) if isinstance(value, dict) else step)
        value = value[step]
    return tuple(found)


def _order(value: Any, error: Any) -> tuple[int, ...]:
    """The file's order, as a reader meets the problems: a mapping's missing keys first,
    then its items in turn (an unknown key where it stands)."""
    at = _positions(value, error.absolute_path)
    if error.validator == "required":
        return (*at, -1)
    if error.validator == "additionalProperties":
        return (*at, list(error.instance).index(_unknown(error)))
    return at


def _unknown(error: Any) -> str:
    allowed = error.schema.get("properties", {})
    return next(key for key in error.instance if key not in allowed)


def _where(where: str, path: Any) -> str:
    for step in path:
        where += f"[{step}]" if isinstance(step, int) else f":{step}"
    return where


def _said(error: Any, where: str) -> ConfigError:
    at = _where(where, error.absolute_path)
    if error.validator == "required":
        missing = sorted(set(error.validator_value) - set(error.instance))[0]
        return ConfigError("{where}: missing", where=f"{at}:{missing}")
    if error.validator == "additionalProperties":
        return ConfigError("{where}: unknown key", where=f"{at}:{_unknown(error)}")
    if error.validator == "format" and error.validator_value != "regex":
        return _format_said(error.validator_value, error.instance, at)
    if error.validator == "format":  # a regular expression that does not compile
        try:
            re.compile(error.instance)
        except re.error as problem:
            reason = str(problem)
        return ConfigError(
            "{where}: invalid regular expression ({reason})", where=at, reason=reason
        )
    expected = error.schema.get("type")
    kind = _KINDS.get(expected, expected)
    if error.schema.get("format") == "regex":
        kind = Reason("a regular expression")
    return ConfigError(
        "{where}: expected {kind}, got {other}", where=at, kind=kind, other=_kind(error.instance)
    )


def _format_said(form: str, value: Any, at: str) -> ConfigError:
    """A value that breaks one of plancheck's own formats, in words."""
    if form == "year-month":
        return ConfigError(
            "{where}: expected a year (2018) or a year and month (2018-03)", where=at
        )
    if form == "dates" and not isinstance(value, str):
        return ConfigError(
            "{where}: expected {kind}, got {other}",
            where=at,
            kind=Reason("dates YYYY-MM-DD as text"),
            other=_kind(value),
        )
    if form == "dates":
        value = _bad_dates(value)[0]
    return ConfigError(
        "{where}: expected {kind}, got {other}",
        where=at,
        kind=Reason("a date YYYY-MM-DD"),
        other=value if isinstance(value, str) else _kind(value),
    )


def _kind(value: Any) -> Reason | str:
    if value is None:
        return Reason("nothing")
    return _NAMES.get(type(value)) or type_name(value)
