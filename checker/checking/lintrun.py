"""What a lint run is asked (``LintOptions``, the ``RuleSet`` it checks with) and what it
gives back: a ``FileReport`` per file and the ``RunReport`` of them all, which the formats
render.

Plain values: the run's steps (``lintfile``, ``cached``, ``pool``, ``lint``) fill them, and
nothing here reads a file or runs a rule.
"""

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..base.errors import Reason
from ..reading.source import Source
from ..reading.spans import Span
from .findings import Finding

if TYPE_CHECKING:  # a report from the result cache has no plan, nor rules: the model and
    # the rules' registry are not imported (nor pathlib: --config and --baseline are Paths
    # only where they are given)
    from pathlib import Path

    from ..reading.model import Plan
    from .registry import RuleSpec


class LintOptions:
    """What a run is asked: the command line's options, or a caller's choice of them. (A
    plain class, as ``FileReport``: a NamedTuple costs half a million instructions to
    define at every start.)"""

    def __init__(
        self,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] | None = None,
        config_path: "Path | None" = None,
        fix: bool = False,
        diff: bool = False,
        baseline: "Path | None" = None,
        stdin_filename: str = "-",
        unsafe_fixes: bool = False,
        skip_non_plans: bool = False,
        cache: bool = False,
    ) -> None:
        self.select = select
        self.ignore = ignore
        self.config_path = config_path
        self.fix = fix
        self.diff = diff
        self.baseline = baseline
        self.stdin_filename = stdin_filename
        #: apply (or show) the fixes the catalogue marks unsafe too
        self.unsafe_fixes = unsafe_fixes
        #: skip named files that are not plans, as a folder walk does (for pre-commit)
        self.skip_non_plans = skip_non_plans
        #: read and keep results in the result cache (``resultcache``); --no-cache turns it off
        self.cache = cache

    @property
    def uses_cache(self) -> bool:
        """Whether findings may come from (and go to) the result cache: asked for, and not
        --fix/--diff (whose output is the fixed text, not findings)."""
        return self.cache and not self.fix and not self.diff


class RuleSet:
    """The rules a run checks with: those given (a command's or a test's choice), or else the
    built-in ones, imported the first time the run iterates them.

    Importing the built-in rules brings the parser, the clause grammar and every rule module
    with it, and a run whose files all come from the result cache needs none of them (issue
    26): its cache keys name the rules by ``key`` instead. What does iterate them — a file
    checked afresh, a configuration file's codes and options, a --select or --ignore to
    check, a format that describes the rules — imports them then, once.
    """

    def __init__(self, given: "Iterable[RuleSpec] | None" = None) -> None:
        self._builtin = given is None
        self._specs = None if given is None else list(given)

    def load(self) -> "list[RuleSpec]":
        """The rules, the built-in ones imported on the first call."""
        if self._specs is None:
            from .rules import builtin_rules

            self._specs = list(builtin_rules().values())
        return self._specs

    def __iter__(self) -> "Iterator[RuleSpec]":
        return iter(self.load())

    @property
    def key(self) -> tuple[str, ...]:
        """The rules as the result cache's key names them: the built-in ones by a word (the
        key's installation stamp holds their code and data), given ones by their codes."""
        return ("builtin",) if self._builtin else tuple(spec.code for spec in self.load())


class FileReport:
    """One input file: its plan and findings, or the one-line error that stopped it.
    (A plain class: a dataclass costs half a millisecond to define at every start.)"""

    def __init__(self, path: str, error: Reason | None = None) -> None:
        self.path = path
        self.source: Source | None = None
        self.plan: Plan | None = None
        self.findings: list[Finding] = []
        #: why the file could not be checked: its own fault, or its configuration's (the
        #: reason's code is then ``config``)
        self.error = error
        #: why the file was not checked although it could be read (not a plan)
        self.skipped: Reason | None = None
        self.unused_suppressions: Sequence[tuple[Span, str]] = []
        #: findings a suppression (a disable directive, per-task-ignores) hid
        self.suppressed = 0
        #: findings --fix mended and wrote to the file (or --diff showed)
        self.fixed = 0
        #: why --fix could not write the file back (it keeps its text; exit 2)
        self.fix_error: Reason | None = None
        self.fixed_text: str | None = None
        self.original_text: str | None = None
        self.notes: list[Reason] = []
        #: what formats need of the plan (tasks, year, addressees) when the plan itself
        #: stays in a worker process
        self.summary: dict = {}
        self.custom_codes: tuple[str, ...] = ()
        #: the rules a config added, for formats that describe every rule (SARIF); empty
        #: when the file was linted in a worker (a data rule's check does not cross processes)
        self.custom_rules: tuple[RuleSpec, ...] = ()
        #: what the output format made of this file in the worker process that checked it
        #: (``lint_paths``'s ``prepare``), which the format then takes as it is; the source
        #: then comes back without its text. None: the format makes it when it renders.
        self.prepared: Any = None

    def __repr__(self) -> str:
        return f"FileReport({self.path!r}, {len(self.findings)} findings, error={self.error!r})"


class RunReport:
    """The checked files (read or failed) and, apart, the files skipped as not plans."""

    def __init__(
        self,
        files: list[FileReport],
        hidden_by_baseline: int = 0,
        skipped: Sequence[FileReport] = (),
    ) -> None:
        self.files = files
        self.hidden_by_baseline = hidden_by_baseline
        self.skipped = skipped

    @property
    def findings(self) -> list[Finding]:
        return [f for report in self.files for f in report.findings]

    @property
    def errors(self) -> list[FileReport]:
        return [r for r in self.files if r.error]

    @property
    def fix_errors(self) -> list[FileReport]:
        """Files checked whose fixes --fix could not write back."""
        return [r for r in self.files if r.fix_error]

    def rules(self, builtin: "dict[str, RuleSpec]") -> "dict[str, RuleSpec]":
        """The built-in rules and those the files' configs added, by code."""
        added = {spec.code: spec for r in self.files for spec in r.custom_rules}
        return {**builtin, **dict(sorted(added.items()))} if added else builtin

    def counts(self) -> dict[str, int]:
        """What the summary says: files checked, with findings, that could not be checked."""
        unsafe = sum(1 for f in self.findings if f.fix is not None and not f.fix.safe)
        return {
            "checked": sum(1 for r in self.files if not r.error),
            "with_findings": sum(1 for r in self.files if r.findings),
            "unreadable": len(self.errors),
            "skipped": len(self.skipped),
            "findings": len(self.findings),
            "fixable": sum(1 for f in self.findings if f.fix is not None and f.fix.safe),
            "unsafe_fixable": unsafe,
            "fixed": sum(r.fixed for r in self.files),
            "fix_errors": len(self.fix_errors),
            "suppressed": sum(r.suppressed for r in self.files),
            "baseline_hidden": self.hidden_by_baseline,
        }
