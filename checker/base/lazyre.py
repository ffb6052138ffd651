"""Regular expressions compiled on their first use.

Python compiles a pattern in Python code, a cost that adds up (a Han character class
costs the most), and a module-level ``re.compile`` pays that at every start of the checker,
used or not. Patterns that a run may never need — the mirror's, for a plan that names no local body;
labelled clauses' (``责任单位:``), for a plan without any; a README's marks, for a plan —
are ``LazyPattern``s: the same methods, compiled when first called. A module that only
reading a plan imports (the parser, the sniffer) keeps plain ``re.compile`` for the patterns
every plan meets; a module that other runs import too (the rules, for ``plancheck rules`` or
to check a configuration's codes; the clause grammar and the vocabulary they use) compiles
nothing at import.

A pattern made from data (the clause grammar's words) is given as a function of no
arguments that returns its source: the data is read at the first use too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

#: Han characters in a pattern: "letters that are neither digits nor Latin". Written as
#: categories, never as the range ``[\u4e00-\u9fff]``: sre compiles a range one character at
#: a time, 20,992 of them, at every run that uses the pattern, twice over where the range
#: begins a pattern. The rule data's patterns write it the same way
#: (tests/test_startup.py keeps such ranges out of patterns).
HAN = r"[^\W\d_A-Za-z]"

#: what a pattern is used for: the compiled pattern's methods
METHODS = frozenset({"match", "search", "fullmatch", "finditer", "findall", "sub", "split"})


class LazyPattern:
    """``re.compile(source, flags)``, done on the first use; ``source`` is the pattern, or a
    function that makes it (called then, once).

    ``match``, ``search`` and the other ``METHODS`` are the compiled pattern's own: the first
    use of each looks it up (``__getattr__``) and keeps it on the instance, where every later
    use finds it directly. A lazy pattern used in a loop over a plan's lines then costs what
    a compiled one does (a method of ours in between would cost a Python call a use).
    """

    def __init__(self, source: str | Callable[[], str], flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        if callable(self.source):
            self.source = self.source()
        return self.source

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        """A method of the compiled pattern (only ``METHODS``), kept for the next use."""
        if name not in METHODS:
            raise AttributeError(name)
        method = getattr(self.compiled, name)
        setattr(self, name, method)
        return method

    if TYPE_CHECKING:  # what __getattr__ gives, as re.Pattern's methods take it

        def match(self, string: str, pos: int = 0, endpos: int = ...) -> re.Match[str] | None: ...
        def search(self, string: str, pos: int = 0, endpos: int = ...) -> re.Match[str] | None: ...
        def fullmatch(
            self, string: str, pos: int = 0, endpos: int = ...
        ) -> re.Match[str] | None: ...
        def finditer(
            self, string: str, pos: int = 0, endpos: int = ...
        ) -> Iterator[re.Match[str]]: ...
        def findall(self, string: str, pos: int = 0, endpos: int = ...) -> list[Any]: ...
        def sub(
            self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
        ) -> str: ...
        def split(self, string: str, maxsplit: int = 0) -> list[str | Any]: ...

    def __repr__(self) -> str:
        return f"LazyPattern({self.source!r})"
