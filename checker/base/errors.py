"""Errors that end in a one-line message and exit status 2, never a traceback.

An error is a value, as a finding is: a ``Reason`` holds the message template in English
(the msgid each language's ``ERRORS`` table translates: ``checker.locale.error``), the facts
its ``{fields}`` name, and the stable code scripts branch on (JSON ``error_code``). Nothing
reads a code or a fact back out of a sentence, and a template with a field its producer
does not give fails (``str.format``), in every language.
"""

from __future__ import annotations

import errno
from typing import Any

#: operating-system reasons the locale words (by errno); any other is shown as the OS says it
_OS_REASONS = {
    errno.EACCES: "Permission denied",
    errno.EPERM: "Permission denied",
    errno.EISDIR: "Is a directory",
    errno.ENOTDIR: "Not a directory",
    errno.ENOENT: "No such file or directory",
    errno.EROFS: "Read-only file system",
    errno.ENOSPC: "No space left on device",
}


class Reason:
    """Why a file or a command failed: ``template`` (English, with ``{fields}``), ``facts``
    (the fields' values; a fact may itself be a ``Reason``, worded in the same language) and
    ``code``: ``not-found``, ``encoding``, ``not-a-plan``… for a file, ``config`` for a
    configuration, ``usage`` for a command line."""

    __slots__ = ("code", "facts", "template")

    def __init__(self, template: str, code: str = "unreadable", /, **facts: Any) -> None:
        self.template = template
        self.code = code
        self.facts = facts

    def english(self) -> str:
        """The message in English: the template with its facts (a missing fact fails)."""
        return self.template.format(**{k: _english(v) for k, v in self.facts.items()})

    __str__ = english

    def __repr__(self) -> str:
        return f"Reason({self.template!r}, {self.code!r}, **{self.facts!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reason) and (self.template, self.code, self.facts) == (
            other.template,
            other.code,
            other.facts,
        )

    def __hash__(self) -> int:
        return hash((self.template, self.code))

    def __reduce__(self):  # crosses to and from worker processes (keyword facts)
        return (_rebuild, (self.template, self.code, self.facts))


def _rebuild(template: str, code: str, facts: dict[str, Any]) -> Reason:
    return Reason(template, code, **facts)


def _english(value: Any) -> Any:
    return value.english() if isinstance(value, Reason) else value


def os_reason(error: OSError) -> Reason | str:
    """What the operating system said: a ``Reason`` the locale words for the common errors,
    else its own text (``Input/output error``)."""
    known = _OS_REASONS.get(error.errno) if error.errno is not None else None
    if known is not None:
        return Reason(known, "unreadable")
    return error.strerror or type(error).__name__


#: Python's names of the types a data file holds, which the locale words ("a list" → 列表)
_TYPE_NAMES = frozenset({"int", "float", "str", "list", "dict", "bool", "NoneType"})


def type_name(value: Any) -> Reason | str:
    """The kind of a value a configuration or data file gave, for "expected …, got …"."""
    return kind_name(type(value))


def kind_name(kind: type) -> Reason | str:
    """A Python type's name, worded by the locale where it is one a data file holds."""
    name = kind.__name__
    return Reason(name) if name in _TYPE_NAMES else name


class PlancheckError(Exception):
    """Base of every error the CLI turns into one line on stderr: its ``reason``."""

    code = "usage"

    def __init__(self, template: str | Reason, /, **facts: Any) -> None:
        reason = template if isinstance(template, Reason) else Reason(template, self.code, **facts)
        super().__init__(reason.english())
        self.reason = reason

    def __reduce__(self):  # a worker's error crosses to the parent whole
        return (type(self), (self.reason,))


class InputError(PlancheckError):
    """A file that cannot be checked: missing, unreadable, empty, binary or not a plan."""

    def __init__(self, path: str, reason: Reason) -> None:
        super().__init__(reason)
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason.english()}"

    def __reduce__(self):
        return (type(self), (self.path, self.reason))


class ConfigError(PlancheckError):
    """A configuration or rule file that is wrong: reported as ``file:key: message``."""

    code = "config"


class UsageError(PlancheckError):
    """A command line that asks for something that does not exist (unknown rule code…)."""

    code = "usage"
