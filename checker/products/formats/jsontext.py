"""JSON text as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, twice as fast.

With ``indent`` the standard library has no C encoder: its pure-Python one yields every
bracket, comma and key as a token from nested generators, and the lint JSON of a thousand
plans (14,000 findings, 10 MB) took 0.18 s of a run's serial end. Here each container is one
``join`` and each string goes to the C ``encode_basestring`` (the function ``json.dumps``
itself uses for ``ensure_ascii=False``), so the text is the same byte for byte: only the
common exact types (dict with string keys, list, tuple, str, int, bool, None) are written
here, anything else (floats, subclasses, other keys) is handed back to ``json.dumps``.

``Raw`` carries text a format wrote itself for a known shape (the lint findings), put in
as is. Values must not contain themselves (``json.dumps`` would say so; this recurses).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring as string  # C; escapes as ensure_ascii=False
from typing import Any

__all__ = ["Raw", "dumps", "string"]

#: one level of indentation, as ``indent=2``
INDENT = "  "


class Raw:
    """JSON text already written for its place, nested ``level`` deep as ``dumps`` would
    write it there. Not a ``str``: ``json.dumps`` refuses it rather than quote it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text[:40]!r}…)"


def dumps(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, as written ``level`` containers
    deep (each line after the first indented ``level`` more steps), with ``Raw`` as is."""
    return _value(value, "\n" + INDENT * level)


def _value(value: Any, newline: str) -> str:
    """One value; ``newline`` is a line break and the indentation of the value's own line."""
    kind = type(value)
    if kind is str:
        return string(value)
    if kind is dict:
        return _object(value, newline)
    if kind is list or kind is tuple:
        return _array(value, newline)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is Raw:
        return value.text
    return _standard(value, newline)


def _object(value: dict, newline: str) -> str:
    if not value:
        return "{}"
    inner = newline + INDENT
    members = []
    for key, item in value.items():
        if type(key) is not str:  # json.dumps turns numbers, bools and None into keys
            return _standard(value, newline)
        kind = type(item)  # the common leaves here: a call less for each
        if kind is str:
            members.append(f"{string(key)}: {string(item)}")
        elif kind is int:
            members.append(f"{string(key)}: {int.__repr__(item)}")
        else:
            members.append(f"{string(key)}: {_value(item, inner)}")
    return f"{{{inner}{(',' + inner).join(members)}{newline}}}"


def _array(value: list | tuple, newline: str) -> str:
    if not value:
        return "[]"
    inner = newline + INDENT
    return f"[{inner}{(',' + inner).join([_value(item, inner) for item in value])}{newline}]"


def _standard(value: Any, newline: str) -> str:
    """What this module does not write itself, by ``json.dumps``: nested, its lines move
    right by the indentation of where it stands (a string never holds a raw line break)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)
