"""Checking one file of a run: read it, judge whether it is a plan, parse it once, run the
engine (or the fix loop, writing the fixed text back atomically), and fill its report.

An input or configuration problem stops this file only: it becomes the report's one-line
error, and the run goes on.
"""

import sys
from typing import TYPE_CHECKING

from ..base.errors import ConfigError, InputError, Reason
from ..reading.discover import Item
from ..reading.model import Plan
from ..reading.sniff import not_a_plan, parse_plan
from ..reading.source import Source, read_file, source_from_bytes, write_atomic
from . import engine
from .cached import cache_key, fill_from_cache, store, with_custom_rules
from .config import Config, ConfigFinder
from .findings import Finding
from .lintrun import FileReport, LintOptions, RuleSet
from .registry import RuleSpec

if TYPE_CHECKING:  # paths come as discover names them (strings): pathlib is not imported
    from pathlib import Path

DOCX_NOT_FIXED = Reason(
    "--fix does not rewrite .docx files (Word keeps formatting plancheck cannot see): plancheck review writes a copy with the fixes as tracked changes",
    "docx",
)
#: why --fix leaves a file alone when the text plancheck read is not the file's bytes
NOT_REWRITTEN = {
    "docx": DOCX_NOT_FIXED,
    "pdf": Reason(
        "--fix does not rewrite PDF files: fix the document the PDF was made from", "pdf"
    ),
    "html": Reason(
        "--fix does not rewrite web pages: fix the document the page was made from", "html"
    ),
    "text": Reason(
        "--fix does not rewrite a text whose paragraphs were rebuilt (joined or wrapped lines): fix it by hand or put one paragraph a line",
        "rebuilt",
    ),
}


def lint_item(item: Item, finder: ConfigFinder, options: LintOptions, rules: RuleSet) -> FileReport:
    """One discovered item: its error, its skip, or the file checked."""
    if item.error:
        return FileReport(item.display, error=item.error)
    if item.skip:
        report = FileReport(item.display)
        report.skipped = item.skip
        return report
    name = options.stdin_filename if item.path is None else item.display
    skip = item.walked or options.skip_non_plans
    return lint_file(name, item.path, finder, options, rules, skip_non_plans=skip)


def read_stdin(name: str) -> Source:
    return source_from_bytes(sys.stdin.buffer.read(), name)


def lint_file(
    name: str,
    path: "str | Path | None",
    finder: ConfigFinder,
    options: LintOptions,
    rules: RuleSet,
    *,
    skip_non_plans: bool = False,
) -> FileReport:
    """Check one file. A non-plan is skipped when asked (walks, pre-commit), an input error
    when named; a bad configuration stops this file only."""
    report = FileReport(name)
    try:
        source, data = (read_stdin(name), None) if path is None else read_file(path, name)
        reason = not_a_plan(source.text, source.folded)
        if reason:
            if skip_non_plans:
                report.skipped = reason
                return report
            raise InputError(name, reason)
        config = finder.for_file(path).with_cli(options.select, options.ignore)
        active = with_custom_rules(rules, config)
        key = cache_key(name, data, config, rules, options)
        if key is not None and fill_from_cache(report, key, source, config):
            return report
        plan = parse_plan(source, unread_as_plan=True)
        if options.fix and not source.rewritable and not options.diff:
            report.notes.append(NOT_REWRITTEN.get(source.kind, NOT_REWRITTEN["text"]))
            result = engine.run(plan, config, active)
        elif options.fix or options.diff:
            plan, result = _fix(report, path, plan, config, active, options)
        else:
            result = engine.run(plan, config, active)
    except (InputError, ConfigError) as error:
        report.error = error.reason
        return report
    report.source, report.plan = plan.source, plan
    report.summary = plan_summary(plan, config.agencies)
    report.custom_codes = tuple(spec.code for spec in config.custom)
    report.custom_rules = config.custom
    report.findings = placed(plan, result.findings)
    report.unused_suppressions = result.unused_suppressions
    report.suppressed = result.suppressed
    if key is not None:
        store(key, report)
    return report


def _fix(
    report: FileReport,
    path: "str | Path | None",
    plan: Plan,
    config: Config,
    active: list[RuleSpec],
    options: LintOptions,
) -> tuple[Plan, engine.Result]:
    """--fix or --diff: the fixed plan and its findings, with the fixes counted in the
    report only once written (or, for --diff, shown). A file that cannot be written keeps
    its text: the run reports why (``fix_error``, exit 2) and the findings of the file as
    it still is on disk, never fixes that were not made."""
    fixed_plan, result, fixed = engine.fix_until_stable(plan, config, active, options.unsafe_fixes)
    if not fixed:
        return fixed_plan, result
    if options.fix and not options.diff:
        try:
            _write_fixed(path, fixed_plan.source)
        except InputError as error:
            report.fix_error = error.reason
            return plan, engine.run(plan, config, active)
    report.fixed = fixed
    report.original_text = plan.source.text
    report.fixed_text = fixed_plan.source.text
    return fixed_plan, result


def _write_fixed(path: "str | Path | None", source: Source) -> None:
    """The fixed text, in the file's own encoding and line endings: to the file
    (atomically), or to standard output for a plan read from standard input."""
    if path is None:
        sys.stdout.buffer.write(source.encode(source.text))
        return
    write_atomic(path, source.encode(source.text))


def placed(plan: Plan, findings: list[Finding]) -> list[Finding]:
    """Findings stamped with their place in a Word file or task table (``tables.place``)."""
    if not plan.tables and not plan.source.places:
        return findings
    from ..reading.tables import place

    return [f._replace(place=place(plan, f.start)) for f in findings]


def plan_summary(plan: Plan, registries: "tuple[Path, ...]" = ()) -> dict:
    """The facts about a plan that output formats show beside its findings; the addressees
    are judged against the same registry as the rules (the office's files included)."""
    from ..knowledge.agencies import load_registry
    from .roster import addressee_report

    summary: dict = {"tasks": len(plan.tasks), "year": plan.year}
    if plan.date is not None:  # when it was made, and where that was read (renamings)
        summary["date"] = {
            "year": plan.date.year,
            "month": plan.date.month,
            "source": plan.date.source,
        }
    roster = addressee_report(plan, load_registry(registries))
    if roster is not None:
        summary["addressees"] = roster
    return summary
