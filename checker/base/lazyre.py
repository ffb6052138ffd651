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

A pattern used often on texts it seldom matches (a word that may join a clause's agencies,
asked of every clause) may be given ``needles``: strings one of which every match holds, as
plain from the pattern (the words of an alternation of words, a literal the pattern cannot
match without). A text holding none of them is answered as the pattern would answer it, a
no-match, without compiling: a plan in which the pattern never could match never compiles it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

#: Han characters in a pattern: "letters that are neither digits nor Latin". Written as
#: categories, never as the range ``[\u4e00-\u9fff]``: sre compiles a range one character at
#: a time, 20,992 of them, at every run that uses the pattern, twice over where the range
#: begins a pattern. The rule data's patterns write it the same way
#: (tests/test_startup.py keeps such ranges out of patterns).
HAN = r"[^\W\d_A-Za-z]"

#: what a pattern is used for: the compiled pattern's methods
METHODS = frozenset({"match", "search", "fullmatch", "finditer", "findall", "sub", "split"})


def unmatched(method: str, string: str) -> Any:
    """What ``method`` of a pattern gives for a ``string`` in which it matches nothing."""
    if method == "finditer":
        return iter(())
    if method == "findall":
        return []
    if method == "split":
        return [string]
    if method == "sub":
        return string
    return None  # match, search, fullmatch


class LazyPattern:
    """``re.compile(source, flags)``, done on the first use; ``source`` is the pattern, or a
    function that makes it (called then, once). With ``needles`` (or a function that makes
    them), the first use whose text holds one of them: until then each use is answered as
    a text without a match is.

    ``match``, ``search`` and the other ``METHODS`` are the compiled pattern's own: the first
    use of each after the compiling looks it up (``__getattr__``) and keeps it on the
    instance, where every later use finds it directly. A lazy pattern used in a loop over a
    plan's lines then costs what a compiled one does (a method of ours in between would cost
    a Python call a use).
    """

    def __init__(
        self,
        source: str | Callable[[], str],
        flags: int = 0,
        needles: Iterable[str] | Callable[[], Iterable[str]] | None = None,
    ) -> None:
        self.source = source
        self.flags = flags
        self._needles = needles
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

    @property
    def needles(self) -> tuple[str, ...] | None:
        """The strings one of which a match holds, or None (no test before compiling)."""
        if callable(self._needles):
            self._needles = self._needles()
        if self._needles is not None and not isinstance(self._needles, tuple):
            self._needles = tuple(self._needles)
        return self._needles

    def __getattr__(self, name: str) -> Any:
        """A method of the compiled pattern (only ``METHODS``), kept for the next use; before
        the compiling, with needles, that method behind the test of its text."""
        if name not in METHODS:
            raise AttributeError(name)
        if self._compiled is None and self.needles is not None:
            method = self._tested(name)
            setattr(self, name, method)  # until a text holding a needle compiles it
            return method
        return self._bound(name)

    def _bound(self, name: str) -> Any:
        """The compiled pattern's method ``name``, kept on the instance."""
        method = getattr(self.compiled, name)
        setattr(self, name, method)
        return method

    def _tested(self, name: str) -> Callable[..., Any]:
        """``name`` of a pattern not compiled yet: a text without a needle is no match. The
        first text holding one (or the first use after another method compiled the pattern)
        puts the compiled pattern's own method in its place."""

        needles = self.needles or ()

        def method(*args: Any) -> Any:
            string = args[1] if name == "sub" else args[0]
            if self._compiled is not None:
                return self._bound(name)(*args)
            for needle in needles:  # (a loop: ``any`` over a generator costs twice as much)
                if needle in string:
                    return self._bound(name)(*args)
            return unmatched(name, string)

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
