"""Errors that end in a one-line message and exit status 2, never a traceback."""

from __future__ import annotations


class PlancheckError(Exception):
    """Base of every error the CLI turns into one line on stderr."""


class InputError(PlancheckError):
    """A file that cannot be checked: missing, unreadable, empty, binary or not a plan."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(PlancheckError):
    """A configuration or rule file that is wrong: reported as ``file:key: message``."""


class UsageError(PlancheckError):
    """A command line that asks for something that does not exist (unknown rule code…)."""
