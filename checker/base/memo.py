"""Memos of what a text says: pure functions of a string, kept for the life of the process.

A run over many plans meets the same clause (``国家知识产权局负责``), the same agency name and
the same task text again and again — across a folder of drafts, and across the years of a
plan, whose tasks carry over. What is worked out once for a text (a clause's agencies, a
name's kind, a task's characters) is kept, bounded, per process. Only strings go in, with at
most a value that never changes once made (the agency registry a name is judged against:
``knowledge.agencies._suggestion``), and only values made from them come out, so a memo can
never be stale.

``forget`` empties them all: the benchmark times a plan never seen with it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_MEMOS: list[Any] = []
#: what goes with the memos (D007's character bits: a memo's masks are made with them)
_ALSO: list[Callable[[], None]] = []


def per_text(maxsize: int = 4096) -> Callable[[F], F]:
    """Memoise a pure function of a text (up to ``maxsize`` texts, least recent out); its
    other arguments, if any, never change once made and are hashed by identity."""

    def remember(func: F) -> F:
        memo = lru_cache(maxsize=maxsize)(func)
        _MEMOS.append(memo)
        return memo  # type: ignore[return-value]

    return remember


def also_forget(clear: Callable[[], None]) -> None:
    """Have ``forget`` call ``clear`` too: state the memos' values were made with."""
    _ALSO.append(clear)


def forget() -> None:
    """Empty every memo: the next plan is worked out as if never seen."""
    for memo in _MEMOS:
        memo.cache_clear()
    for clear in _ALSO:
        clear()
