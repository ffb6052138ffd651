"""Positions in a plan's text: a ``Span`` (a range, its line and column) and an ``Edit`` (a
replacement there).

Part of the plan model (``model`` gives them with its records), in a module of their own
because a finding and the result cache need positions and no plan: a run whose findings all
come from the result cache imports this, not the model's fourteen records (issue 26).
"""

from bisect import bisect_right
from typing import NamedTuple

from .source import Source


class Span(NamedTuple):
    """A half-open range of character offsets; its 1-based line and column are worked out
    only when asked for (most spans never reach a finding). A NamedTuple: immutable, and
    several times cheaper to make than a frozen dataclass, which a parse does hundreds of
    times per plan."""

    start: int
    end: int
    line_starts: tuple[int, ...] = (0,)

    @classmethod
    def of(cls, source: Source, start: int, end: int) -> "Span":
        return cls(start, end, source.line_starts)

    def _position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    @property
    def position(self) -> tuple[int, int]:
        """The start's line and column, worked out once for both (``line`` and ``column``
        each work it out: an output that writes both, for each of thousands of findings,
        asks for this)."""
        return self._position(self.start)

    @property
    def end_position(self) -> tuple[int, int]:
        """The end's line and column, worked out once for both."""
        return self._position(self.end)

    @property
    def line(self) -> int:
        return self._position(self.start)[0]

    @property
    def column(self) -> int:
        return self._position(self.start)[1]

    @property
    def end_line(self) -> int:
        return self._position(self.end)[0]

    @property
    def end_column(self) -> int:
        return self._position(self.end)[1]

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end})"


class Edit(NamedTuple):
    """Replace the text in [start, end) with ``text``; an insertion has start == end."""

    start: int
    end: int
    text: str
