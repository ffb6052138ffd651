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
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from ..base.errors import ConfigError, Reason, type_name

if TYPE_CHECKING:  # the rules and the registry import this module for ``year_month`` and
    # ``WHEN``: a run that validates nothing imports no pathlib
    from pathlib import Path

#: a JSON Schema type as a message names it
_KINDS = {
    "object": Reason("a mapping"),
    "array": Reason("a list"),
    "string": Reason("text"),
    "integer": Reason("a whole number"),
    "boolean": Reason("true or false"),
    "number": Reason("int or float"),
    "null": Reason("nothing"),
}
#: a value's kind as a message names it, where it is not Python's own name
_NAMES = {
    str: Reason("text"),
    int: Reason("a whole number"),
    bool: Reason("true or false"),
    dict: Reason("a mapping"),
    list: Reason("a list"),
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


#: a rule's own code: a letter and three digits (X101)
RULE_CODE = r"^[A-Z]\d{3}$"
#: a code or a prefix of codes as --select, ``select:`` and ``severity:`` take them (any case)
CODE_PREFIX = r"^(ALL|[A-Z](\d{0,3})?)$"
#: a data rule's name: lower-case words joined by '-'
RULE_NAME = r"^[a-z][a-z0-9-]*$"
#: a data rule's condition on a named group: ``y != plan.year``
WHEN = r"^\s*(\w+)\s*(==|!=|<=|>=|<|>)\s*plan\.year\s*$"


def code_pieces(value: str) -> list[str]:
    """The codes of ``"N, A001"``, upper-cased, empty pieces dropped."""
    return [piece.strip().upper() for piece in value.split(",") if piece.strip()]


def _bad_codes(value: Any) -> list[str]:
    """The pieces of a comma-separated list of codes that are no code or prefix."""
    return [code for code in code_pieces(value) if not re.match(CODE_PREFIX, code)]


def _format_checker():
    """jsonschema's format checker, with plancheck's own formats: ``year-month`` (2018 or
    "2018-03"), ``date-or-empty`` (YYYY-MM-DD, or "" where the source gives none),
    ``dates`` (dates YYYY-MM-DD or - in one text: YAML would make an unquoted date a date,
    which JSON cannot carry), and the words of rules and configurations: ``rule-code``,
    ``rule-name``, ``code-prefix`` (one), ``code-prefixes`` (``"N, A001"``) and
    ``year-condition`` (``y != plan.year``)."""
    import jsonschema

    checker = jsonschema.FormatChecker()
    checker.checks("year-month")(lambda value: year_month(value) is not None)
    checker.checks("date-or-empty")(lambda value: value == "" or _is_date(value))
    checker.checks("dates")(lambda value: isinstance(value, str) and not _bad_dates(value))
    # a format speaks of text only: a value of another kind is the ``type``'s to refuse
    words = {
        "rule-code": lambda value: bool(re.match(RULE_CODE, value)),
        "rule-name": lambda value: bool(re.match(RULE_NAME, value)),
        "code-prefix": lambda value: bool(re.match(CODE_PREFIX, value.upper())),
        "code-prefixes": lambda value: not _bad_codes(value),
        "year-condition": lambda value: bool(re.match(WHEN, value)),
    }
    for name, test in words.items():
        checker.checks(name)(lambda value, test=test: not isinstance(value, str) or test(value))
    return checker


def check(
    value: Any,
    shape: dict[str, Any],
    where: str,
    near: Callable[[str, tuple[str, ...]], str | None] | None = None,
) -> None:
    """Raise ``ConfigError("where:key: message")`` where ``value`` breaks ``shape``; an
    unknown key is answered with ``near(key, allowed)`` when that finds one."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(shape, format_checker=_format_checker())
    errors = list(validator.iter_errors(value))
    if errors:
        first = min(errors, key=lambda error: _order(value, error))
        raise _said(first, where, near)


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


def _said(error: Any, where: str, near: Any = None) -> ConfigError:
    at = _where(where, error.absolute_path)
    if "propertyNames" in error.relative_schema_path:  # a key that is wrong: said at the key
        at = f"{at}:{error.instance}"
    if error.validator == "additionalProperties" and near is not None:
        key = _unknown(error)
        found = near(str(key), tuple(error.schema.get("properties", {})))
        if found is not None:
            return ConfigError(
                "{where}: unknown key (did you mean '{near}'?)", where=f"{at}:{key}", near=found
            )
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
    if error.validator == "pattern":  # the schema's description says why the form matters
        return ConfigError(
            "{where}: '{value}' is not of the form {pattern}",
            where=at,
            value=error.instance,
            pattern=error.validator_value,
        )
    if error.validator == "enum":
        choices = ", ".join(map(str, error.validator_value))
        return ConfigError("{where}: expected one of {choices}", where=at, choices=choices)
    if error.validator in ("exclusiveMinimum", "maximum") and {
        "exclusiveMinimum",
        "maximum",
    } <= set(error.schema):
        low, high = error.schema["exclusiveMinimum"], error.schema["maximum"]
        return ConfigError(
            "{where}: expected a number above {low}, at most {high}", where=at, low=low, high=high
        )
    if error.validator in ("minItems", "minProperties"):
        empty = Reason(
            "a non-empty list" if error.validator == "minItems" else "a non-empty mapping"
        )
        return ConfigError(
            "{where}: expected {kind}, got {other}", where=at, kind=empty, other=Reason("nothing")
        )
    if error.validator == "anyOf" and _inner(error) is not None:  # the branch of its kind
        return _said(_inner(error), where, near)
    if error.validator == "anyOf":  # text or a list: the kinds it may be
        kinds = [
            _KINDS.get(branch.get("type"), branch.get("type")) for branch in error.validator_value
        ]
        kind = (
            kinds[0]
            if len(kinds) == 1
            else Reason("{one} or {other}", one=kinds[0], other=kinds[1])
        )
        return ConfigError(
            "{where}: expected {kind}, got {other}",
            where=at,
            kind=kind,
            other=_kind(error.instance),
        )
    expected = error.schema.get("type")
    kinds = [_KINDS.get(t, t) for t in (expected if isinstance(expected, list) else [expected])]
    kind = kinds[0] if len(kinds) == 1 else Reason("{one} or {other}", one=kinds[0], other=kinds[1])
    if error.schema.get("format") == "regex":
        kind = Reason("a regular expression")
    return ConfigError(
        "{where}: expected {kind}, got {other}", where=at, kind=kind, other=_kind(error.instance)
    )


def _inner(error: Any) -> Any:
    """Of a value that matches no branch of an ``anyOf``, the error inside the branch of its
    own kind (a list whose item is wrong), or None when no branch is of its kind."""
    inner = [e for e in error.context if e.validator != "type"]
    return min(inner, key=lambda e: tuple(e.absolute_path), default=None)


def _format_said(form: str, value: Any, at: str) -> ConfigError:
    """A value that breaks one of plancheck's own formats, in words."""
    if form == "rule-code":
        return ConfigError(
            "{where}: '{code}' is not a letter and three digits", where=at, code=value
        )
    if form == "rule-name":
        return ConfigError("{where}: use lower-case words joined by '-'", where=at)
    if form in ("code-prefix", "code-prefixes"):
        code = str(value).upper() if form == "code-prefix" else _bad_codes(str(value))[0]
        return ConfigError("{where}: '{code}' is not a rule code or prefix", where=at, code=code)
    if form == "year-condition":
        return ConfigError("{where}: expected 'GROUP != plan.year' with a named group", where=at)
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
