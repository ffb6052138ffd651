"""A lint run over many files: discover them, take what the result cache holds, check the
rest (in worker processes when there are many), apply the baseline, check the codes asked.

Each concern has its module: ``reading.discover`` (which files), ``lintfile`` (one file:
read, parse once, run or fix), ``cached`` (a report from the result cache), ``pool``
(forked workers), ``baseline`` (known findings hidden), ``lintrun`` (the options and
reports). The CLI stays thin: it turns options into a ``LintOptions`` and hands the
``RunReport`` to a format.
"""

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..base.errors import UsageError
from ..reading.discover import Item, discover, folders_without_plans
from .cached import cached_report
from .config import ConfigFinder
from .lintrun import FileReport, LintOptions, RuleSet, RunReport

if TYPE_CHECKING:
    from .baseline import Baseline
    from .registry import RuleSpec

__all__ = ["FileReport", "LintOptions", "RunReport", "lint_paths"]


def lint_paths(
    paths: Iterable[str],
    options: LintOptions,
    specs: "Iterable[RuleSpec] | None" = None,
    prepare: Callable[[FileReport], None] | None = None,
) -> RunReport:
    """Check every path with ``specs`` (by default the built-in rules, imported only if a
    file is checked afresh: ``RuleSet``); input errors are recorded per file and the rest
    goes on. ``prepare`` (the output format's, ``formats.preparer``) is run on each report
    in the worker process that checked the file, when there are workers and no baseline
    (which hides findings afterwards): what it makes there, the parent does not make again
    one file after another."""
    rules = RuleSet(specs)
    finder = ConfigFinder(rules, options.config_path)
    baseline = _load_baseline(options)  # a bad one stops the run before any file is fixed
    items = discover(paths)
    # results from the cache first, here: forking workers for files already checked costs
    # more than reading them back
    found = [cached_report(item, finder, options, rules) for item in items]
    todo = [item for item, report in zip(items, found, strict=True) if report is None]
    prepare = prepare if baseline is None else None
    fresh = iter(_lint_afresh(todo, options, finder, rules, prepare))
    reports = [report if report is not None else next(fresh) for report in found]
    skipped = [r for r in reports if r.skipped]
    unread = folders_without_plans(
        (i, r.skipped is not None) for i, r in zip(items, reports, strict=True)
    )
    reports = [r for r in reports if not r.skipped]
    reports += [FileReport(folder, error=reason) for folder, reason in unread]
    hidden = _hide_known(baseline, reports)
    _check_cli_codes(options, rules, reports)
    return RunReport(reports, hidden, skipped)


def _lint_afresh(
    todo: list[Item],
    options: LintOptions,
    finder: ConfigFinder,
    rules: RuleSet,
    prepare: Callable[[FileReport], None] | None = None,
) -> list[FileReport]:
    """The reports of the files the result cache did not hold, checked here or, when there
    are many, in worker processes."""
    if not todo:
        return []
    # imported here: the file readers, the parser and the engine they bring are not needed
    # by a run whose files all come from the result cache (issue 26)
    from . import pool
    from .lintfile import lint_item

    if pool.worth_parallel(todo):
        return pool.lint_parallel(todo, options, finder, rules, prepare)
    return [lint_item(item, finder, options, rules) for item in todo]


def _load_baseline(options: LintOptions) -> "Baseline | None":
    """The baseline file asked for, when it exists (--write-baseline makes it)."""
    if options.baseline is None or not options.baseline.exists():
        return None
    from .baseline import Baseline

    return Baseline.load(options.baseline)


def _hide_known(baseline: "Baseline | None", reports: list[FileReport]) -> int:
    """Hide the findings the baseline records; how many it hid."""
    if baseline is None:
        return 0
    hidden = 0
    for report in reports:
        if report.findings:
            kept = baseline.filter(report.findings)
            hidden += len(report.findings) - len(kept)
            report.findings = kept
    return hidden


def _check_cli_codes(options: LintOptions, rules: RuleSet, reports: list[FileReport]) -> None:
    """--select/--ignore codes must name a rule: a built-in one or one a config added."""
    asked = (options.select or ()) + (options.ignore or ())
    if not asked:
        return  # the rules are not imported for nothing to check
    known = {spec.code for spec in rules}
    for report in reports:
        known.update(report.custom_codes)
    for code in asked:
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise UsageError("unknown rule code '{code}' (see: plancheck rules)", code=code)
