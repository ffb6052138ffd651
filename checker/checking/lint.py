"""A lint run over many files: find them, read, parse once, run the engine, fix if asked.

The CLI stays thin: it turns options into a ``LintOptions`` and hands the ``RunReport``
to a format.
"""

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from ..base.errors import ConfigError, InputError, Reason, UsageError
from ..reading.model import Plan, Span
from ..reading.sniff import not_a_plan, parse_plan
from ..reading.source import Source, read_file, source_from_bytes, source_from_file, write_atomic
from . import engine
from .config import Config, ConfigFinder
from .findings import Finding
from .registry import RuleSpec

#: what a folder contributes: every format plancheck reads (text, Word, PDF, web pages)
PLAN_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")
NO_PLANS = Reason("no plan files (*.txt, *.md, *.docx, *.pdf, *.html) in folder", "no-plans")
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
#: formats a plan is often kept in that plancheck does not read: a folder run names them
#: with -v (skipped, and why), rather than passing over them in silence
UNREAD_SUFFIXES = {
    ".doc": Reason("not read: an old Word .doc file; save it as .docx", "format-not-read"),
    ".wps": Reason("not read: a WPS .wps file; save it as .docx", "format-not-read"),
    ".rtf": Reason("not read: an RTF file; save it as .docx", "format-not-read"),
    ".ofd": Reason("not read: an OFD file; export it as PDF", "format-not-read"),
}
#: Word's lock file beside an open document (~$draft.docx): not a document at all
WORD_LOCK = Reason("not read: Word's lock file of an open document (~$…)", "format-not-read")


class LintOptions(NamedTuple):
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    config_path: Path | None = None
    fix: bool = False
    diff: bool = False
    baseline: Path | None = None
    stdin_filename: str = "-"
    #: apply (or show) the fixes the catalogue marks unsafe too
    unsafe_fixes: bool = False
    #: skip named files that are not plans, as a folder walk does (for pre-commit)
    skip_non_plans: bool = False
    #: read and keep results in the result cache (``resultcache``); --no-cache turns it off
    cache: bool = False


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

    def __repr__(self) -> str:
        return f"FileReport({self.path!r}, {len(self.findings)} findings, error={self.error!r})"


class RunReport(NamedTuple):
    """The checked files (read or failed) and, apart, the files skipped as not plans."""

    files: list[FileReport]
    hidden_by_baseline: int = 0
    skipped: Sequence[FileReport] = ()

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

    def rules(self, builtin: dict[str, RuleSpec]) -> dict[str, RuleSpec]:
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


class Item(NamedTuple):
    """One file to check: its display name, its path (None for stdin), an error found while
    looking for it, and whether a folder walk found it (then a non-plan is skipped)."""

    display: str
    path: Path | None
    error: Reason | None = None
    walked: bool = False
    #: why a folder walk passes over a file it found (a format not read), said with -v
    skip: Reason | None = None


def discover(paths: Iterable[str]) -> list[Item]:
    """Expand folders into their plan files, sorted; keep each path's error for later."""
    found: list[Item] = []
    for raw in paths:
        if raw == "-":
            found.append(Item("-", None))
            continue
        path = Path(raw)
        if path.is_dir():
            plans, passed = _walk(path)
            if not plans:
                found.append(Item(raw, path, NO_PLANS))
            found.extend(Item(str(p), p, None, True) for p in plans)
            found.extend(Item(str(p), p, None, True, why) for p, why in passed)
        elif not path.exists():
            found.append(Item(raw, path, Reason("no such file", "not-found")))
        else:
            found.append(Item(raw, path))
    return found


def _walk(folder: Path) -> tuple[list[Path], list[tuple[Path, Reason]]]:
    """Plan files below a folder, sorted, and the files of a plan's usual formats that are
    not read, with why; hidden folders and symlink loops are skipped."""
    result = []
    passed = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            path = Path(root) / name
            if name.lower().endswith(PLAN_SUFFIXES):
                if name.startswith("~$"):
                    passed.append((path, WORD_LOCK))
                elif path.is_file() or path.is_symlink():  # FIFOs and devices are not plans
                    result.append(path)
            elif path.suffix.lower() in UNREAD_SUFFIXES:
                passed.append((path, UNREAD_SUFFIXES[path.suffix.lower()]))
    return sorted(result), sorted(passed, key=lambda item: item[0])


def read_stdin(name: str) -> Source:
    data = sys.stdin.buffer.read()
    return source_from_bytes(data, name)


def lint_paths(paths: Iterable[str], options: LintOptions, specs: list[RuleSpec]) -> RunReport:
    """Check every path; input errors are recorded per file and the rest goes on."""
    finder = ConfigFinder(specs, options.config_path)
    baseline = None
    if options.baseline is not None and options.baseline.exists():
        from .baseline import Baseline

        baseline = Baseline.load(options.baseline)
    items = discover(paths)
    # results from the cache first, here: forking workers for files already checked costs
    # more than reading them back
    found = [_cached(item, finder, options, specs) for item in items]
    todo = [item for item, report in zip(items, found, strict=True) if report is None]
    if _worth_parallel(todo):
        fresh = iter(_lint_parallel(todo, options, finder, specs))
    else:
        fresh = iter([_lint_item(item, finder, options, specs) for item in todo])
    reports = [report if report is not None else next(fresh) for report in found]
    skipped = [r for r in reports if r.skipped]
    reports = [r for r in reports if not r.skipped]
    hidden = 0
    for report in reports:
        if baseline is not None and report.findings:
            kept = baseline.filter(report.findings)
            hidden += len(report.findings) - len(kept)
            report.findings = kept
    _check_cli_codes(options, specs, reports)
    return RunReport(reports, hidden, skipped)


def _check_cli_codes(
    options: LintOptions, specs: list[RuleSpec], reports: list[FileReport]
) -> None:
    """--select/--ignore codes must name a rule: a built-in one or one a config added."""
    known = {spec.code for spec in specs}
    for report in reports:
        known.update(report.custom_codes)
    for code in (options.select or ()) + (options.ignore or ()):
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise UsageError("unknown rule code '{code}' (see: plancheck rules)", code=code)


def _lint_item(
    item: Item, finder: ConfigFinder, options: LintOptions, specs: list[RuleSpec]
) -> FileReport:
    if item.error:
        return FileReport(item.display, error=item.error)
    if item.skip:
        report = FileReport(item.display)
        report.skipped = item.skip
        return report
    name = options.stdin_filename if item.path is None else item.display
    skip = item.walked or options.skip_non_plans
    return lint_file(name, item.path, finder, options, specs, skip_non_plans=skip)


#: From this many files on, a run uses every core: plans are independent, and a CI job or
#: ``plancheck lint plans/`` over a whole archive is where the time goes.
PARALLEL_MIN_FILES = 24


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _worth_parallel(items: list) -> bool:
    cores = _cores()
    no_stdin = all(item.path is not None for item in items)
    return len(items) >= PARALLEL_MIN_FILES and cores > 1 and no_stdin and os.name == "posix"


#: chunks a core is given, about: the last chunk of each worker is pickled, sent and
#: unpickled after the others are done, serially (a thousand plans in 8 chunks: 40–60 ms
#: from the last chunk checked to the reports back; in 32: 12 ms), and a folder of plans of
#: different sizes is shared more evenly in small chunks
CHUNKS_PER_CORE = 16


def _chunk_size(files: int, cores: int) -> int:
    """Files a worker takes at a time: small chunks, but never fewer than 8 files (each
    chunk is a round trip between processes)."""
    return max(8, files // (cores * CHUNKS_PER_CORE))


#: what forked workers inherit: the rules and the config finder the run was given
_WORKER: dict = {}


def _worker_lint(chunk: list, options: LintOptions) -> list[FileReport]:
    """In a forked worker: lint a chunk with the run's own rules and configs (inherited at
    the fork, never rebuilt), and return reports without the (heavy) plan objects."""
    reports = []
    for item in chunk:
        report = _lint_item(item, _WORKER["finder"], options, _WORKER["specs"])
        report.plan = None  # formats read report.summary instead
        report.custom_rules = ()  # closures: custom_codes says what they were
        reports.append(report)
    return reports


def _lint_parallel(
    items: list, options: LintOptions, finder: ConfigFinder, specs: list[RuleSpec]
) -> list[FileReport]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    cores = _cores()
    size = _chunk_size(len(items), cores)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    _WORKER.update(finder=finder, specs=specs)  # set before the fork: workers inherit them
    try:
        with ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
            results = pool.map(_worker_lint, chunks, [options] * len(chunks))
            return [report for chunk in results for report in chunk]
    finally:
        _WORKER.clear()


def lint_file(
    name: str,
    path: Path | None,
    finder: ConfigFinder,
    options: LintOptions,
    specs: list[RuleSpec],
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
        active = _with_custom_rules(specs, config)
        key = _cache_key(name, data, config, active, options)
        if key is not None and _from_cache(report, key, source, config):
            return report
        plan = parse_plan(source, unread_as_plan=True)
        if options.fix and not source.rewritable and not options.diff:
            report.notes.append(NOT_REWRITTEN.get(source.kind, NOT_REWRITTEN["text"]))
            result = engine.run(plan, config, active)
        elif options.fix or options.diff:
            plan, result = _fix(report, path, plan, config, active, options)
        else:
            result = engine.run(plan, config, active)
    except InputError as error:
        report.error = error.reason
        return report
    except ConfigError as error:
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
        from . import resultcache

        resultcache.store(
            key, report.findings, report.unused_suppressions, report.summary, report.suppressed
        )
    return report


def _fix(
    report: FileReport,
    path: Path | None,
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


def _cached(
    item: Item, finder: ConfigFinder, options: LintOptions, specs: list[RuleSpec]
) -> FileReport | None:
    """The report of a file from the result cache, or None: not cached, or not a file this
    run may take from it. A file is cached only once checked as a plan, so a hit needs no
    sniffing (the same bytes are the same plan); errors are never cached."""
    if item.error or item.skip or item.path is None or not options.cache:
        return None
    if options.fix or options.diff:
        return None
    if not item.path.is_file():  # dangling, a loop, a FIFO: lint_file says what is wrong
        return None
    from . import resultcache

    try:
        config = finder.for_file(item.path).with_cli(options.select, options.ignore)
    except ConfigError:
        return None
    try:
        data = item.path.read_bytes()
    except OSError:
        return None
    key = _cache_key(item.display, data, config, _with_custom_rules(specs, config), options)
    if key is None or not resultcache.has(key):
        return None
    try:  # the bytes the key was made of, not a second read that may differ
        source = source_from_file(data, item.path, item.display)
    except InputError:
        return None
    report = FileReport(item.display)
    return report if _from_cache(report, key, source, config) else None


def _cache_key(
    name: str, data: bytes | None, config: Config, active: list[RuleSpec], options: LintOptions
) -> str | None:
    """The result-cache key of a file's bytes (those its Source was made from), or None when
    this run does not use the cache: asked not to, standard input, or --fix/--diff (whose
    output is the fixed text, not findings)."""
    if not options.cache or data is None or options.fix or options.diff:
        return None
    from . import resultcache

    return resultcache.entry_key(name, data, config, tuple(spec.code for spec in active))


def _from_cache(report: FileReport, key: str, source: Source, config: Config) -> bool:
    """Fill ``report`` from the result cache; False on a miss."""
    from . import resultcache

    hit = resultcache.load(key, report.path, source)
    if hit is None:
        return False
    report.source = source
    report.findings = hit["findings"]
    report.unused_suppressions = hit["unused_suppressions"]
    report.suppressed = hit["suppressed"]
    report.summary = hit["summary"]
    report.custom_codes = tuple(spec.code for spec in config.custom)
    report.custom_rules = config.custom
    return True


def placed(plan: Plan, findings: list[Finding]) -> list[Finding]:
    """Findings stamped with their place in a Word file or task table (``tables.place``)."""
    if not plan.tables and not plan.source.places:
        return findings
    from ..reading.tables import place

    return [f._replace(place=place(plan, f.span.start)) for f in findings]


def _with_custom_rules(specs: list[RuleSpec], config: Config) -> list[RuleSpec]:
    return specs + list(config.custom) if config.custom else specs


def _write_fixed(path: Path | None, source: Source) -> None:
    if path is None:
        sys.stdout.buffer.write(source.encode(source.text))
        return
    write_atomic(path, source.encode(source.text))


def plan_summary(plan: Plan, registries: tuple[Path, ...] = ()) -> dict:
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
