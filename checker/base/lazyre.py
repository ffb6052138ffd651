"""Regular expressions compiled on their first use.

Python compiles a pattern in Python code, 0.1–1 ms each (a Han character class costs the
most), and a module-level ``re.compile`` pays that at every start of the checker, used or
not. Patterns that a run may never need — the mirror's, for a plan that names no local body;
labelled clauses' (``责任单位:``), for a plan without any; a README's marks, for a plan —
are ``LazyPattern``s: the same methods, compiled when first called. Patterns that every run
uses stay plain ``re.compile`` (a lazy one only adds a call).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class LazyPattern:
    """``re.compile(source, flags)``, done on the first match or search."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        return self.source

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def match(self, string: str, *span: int) -> re.Match[str] | None:
        return self.compiled.match(string, *span)

    def search(self, string: str, *span: int) -> re.Match[str] | None:
        return self.compiled.search(string, *span)

    def fullmatch(self, string: str, *span: int) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, *span)

    def finditer(self, string: str, *span: int) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, *span)

    def findall(self, string: str, *span: int) -> list:
        return self.compiled.findall(string, *span)

    def sub(self, replacement: str, string: str, count: int = 0) -> str:
        return self.compiled.sub(replacement, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self.compiled.split(string, maxsplit)

    def __repr__(self) -> str:
        return f"LazyPattern({self.source!r})"
