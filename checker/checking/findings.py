"""One immutable record per finding; the engine stamps code, name and severity on it."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from ..reading.spans import Edit, Span

SEVERITIES = ("error", "warning", "info")


class Words(tuple):
    """Facts a message names by key, as ``Words("D001.brackets", "D001.leading_zero")``: the
    locale's ``WORDS`` says them in the reader's language, joined as a list. A rule hands
    over these keys, never the words."""

    def __new__(cls, *keys: str) -> "Words":
        return super().__new__(cls, keys)

    def __getnewargs__(self) -> tuple[str, ...]:  # pickled for parallel workers
        return tuple(self)


class Fix(NamedTuple):
    """Edits that repair a finding; only ``safe`` fixes are applied by ``--fix``."""

    edits: tuple[Edit, ...]
    safe: bool = True


#: a finding without facts to show (every rule's has some: the task at least)
_NO_ARGS: Mapping[str, Any] = MappingProxyType({})


class Finding(NamedTuple):
    """What a rule found, where, in which task; the message is rendered per language later.

    ``key`` selects the message template (the rule code, or ``CODE.variant``); ``args`` fill
    it. ``anchor`` is the text the finding is about, used for the baseline fingerprint so
    that an edit elsewhere in the plan does not change it.

    Where it is: offsets ``start:end`` into the text whose lines begin at ``line_starts``
    (``span`` is that place with its line and column), as the model's records keep it. A
    ``Span`` of its own would be one more object for each finding that the garbage
    collector walks (a NamedTuple is never untracked), and a plan of repeats (bench.py's
    10 MB) has a finding for nearly every task.
    """

    path: str
    code: str
    start: int
    end: int
    line_starts: tuple[int, ...]
    task: int | None
    key: str
    args: Mapping[str, Any] = _NO_ARGS
    fix: Fix | None = None
    anchor: str = ""
    name: str = ""
    severity: str = "error"
    #: where it is for a reader of a Word file, a PDF, a rebuilt text or a table
    #: (``tables.place``): ``("p", n)``, ``("pg", page, line)``, ``("l", n)``,
    #: ``("t", table, row, column, header)``, or ``()`` where line and column say it all
    place: tuple = ()

    @property
    def span(self) -> Span:
        """Where it is, with its line and column."""
        return Span(self.start, self.end, self.line_starts)

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def place_dict(self) -> dict | None:
        """The place as JSON: ``{"paragraph": n}``, ``{"page", "line"}``, ``{"line"}`` (the
        input's line of a rebuilt text) or ``{"table", "row", "column", "header"}``."""
        if not self.place:
            return None
        if self.place[0] == "p":
            return {"paragraph": self.place[1]}
        if self.place[0] == "pg":
            return {"page": self.place[1], "line": self.place[2]}
        if self.place[0] == "l":
            return {"line": self.place[1]}
        _, table, row, column, header = self.place
        return {"table": table, "row": row, "column": column, "header": header}

    def fingerprint(self) -> str:
        """Stable identity across line shifts: rule, task and the text concerned."""
        import hashlib  # only JSON, SARIF and baselines ask for fingerprints

        basis = f"{self.code}|{self.task}|{self.key}|{self.anchor}"
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
