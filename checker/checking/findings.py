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
    """

    path: str
    code: str
    span: Span
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

    def __reduce__(self) -> tuple:
        """Pickled flat, its span, fix and edits as plain values: a parallel run sends every
        finding from its worker to the parent, and pickling a NamedTuple calls back into
        Python for each one nested in another (a thousand plans: 14,000 findings, 50,000
        tuples; dumps and loads 45 % faster flat)."""
        span, fix = self.span, self.fix
        edits = None if fix is None else tuple(map(tuple, fix.edits))
        safe = fix is not None and fix.safe
        where = (span.start, span.end, span.line_starts)
        fields = (self.path, self.code, where, self.task, self.key, self.args, edits, safe)
        return _unpickled, (*fields, self.anchor, self.name, self.severity, self.place)

    def fingerprint(self) -> str:
        """Stable identity across line shifts: rule, task and the text concerned."""
        import hashlib  # only JSON, SARIF and baselines ask for fingerprints

        basis = f"{self.code}|{self.task}|{self.key}|{self.anchor}"
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


_tuple = tuple.__new__  # NamedTuples made without their Python-level ``__new__``


def _unpickled(
    path: str,
    code: str,
    where: tuple[int, int, tuple[int, ...]],
    task: int | None,
    key: str,
    args: Mapping[str, Any],
    edits: tuple[tuple[int, int, str], ...] | None,
    safe: bool,
    *rest: Any,
) -> Finding:
    """A pickled ``Finding`` back (``rest``: anchor, name, severity, place)."""
    fix = None if edits is None else _tuple(Fix, (tuple([_tuple(Edit, e) for e in edits]), safe))
    return _tuple(Finding, (path, code, _tuple(Span, where), task, key, args, fix, *rest))
