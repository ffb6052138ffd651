"""What the commands do, without click: ``lint``'s work and the output helpers every command
shares.

click declares the command line (``cli``) and calls these. Nothing here imports click: what
a command does is tested and called without a command line.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..base.errors import InputError, PlancheckError, Reason, UsageError, os_reason
from ..products.formats import DESCRIBES_RULES, RenderOptions, choices, preparer, render
from ..reading.source import same_file, write_output

if TYPE_CHECKING:  # a Path is made where an output is written or a path compared: a lint
    # without -o, such as one from the result cache, imports no pathlib
    from pathlib import Path

#: the languages of messages and reports (--lang, $PLANCHECK_LANG)
LANGUAGES = ("zh", "en")

#: --fail-on: the least severity that makes ``lint`` exit 1, and what each lets through
FAIL_ON = {
    "error": ("error",),
    "warning": ("error", "warning"),
    "info": ("error", "warning", "info"),
}


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Write ``text`` to standard output (or error) and flush, as ``click.echo`` does.

    A stream that cannot encode the text (``PYTHONIOENCODING=ascii``) gets it as UTF-8
    bytes, as click gives it: plans are Chinese, and a message must not become a traceback.
    """
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # started with the stream closed: nothing can be said there
        return
    if nl:
        text += "\n"
    try:
        stream.write(text)
    except UnicodeEncodeError:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise
        stream.flush()
        buffer.write(text.encode("utf-8"))
    stream.flush()


def guarded(lang: str, body: Callable[[], None]) -> None:
    """Run a command, turning every error into one line on stderr and an exit status:
    2 for an input, config or usage error (and anything unforeseen, unless PLANCHECK_DEBUG),
    130 for ^C, 1 for a reader that stopped early (``| head``)."""
    try:
        body()
    except InputError as error:
        echo(f"plancheck: {_at(lang, error.path, error_text(lang, error.reason))}", err=True)
        sys.exit(2)
    except PlancheckError as error:
        echo(f"plancheck: {error_text(lang, error.reason)}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as error:
        if os.environ.get("PLANCHECK_DEBUG"):
            raise
        detail = f"{type(error).__name__}: {error}"
        internal = Reason("internal error: {detail}", "internal", detail=detail)
        echo(f"plancheck: {error_text(lang, internal)}", err=True)
        sys.exit(2)


def specs():
    """The built-in rules, by code."""
    from ..checking.rules import builtin_rules

    return builtin_rules()


def codes(value: str | None) -> tuple[str, ...] | None:
    """The codes of a --select or --ignore (checked against the rules once configs are read)."""
    if not value:
        return None
    from ..base.errors import ConfigError
    from ..checking.config import parse_codes

    try:
        return parse_codes(value, "--select/--ignore")
    except ConfigError as error:
        raise UsageError(error.reason) from None


def check_output(output: str | Path | None) -> Path | None:
    """Refuse an output that cannot be written before any work is done (one line, exit 2),
    and give the folder writing it will make, if any.

    ruff, eslint and flake8 make every missing folder of ``-o`` and say nothing; a mistyped
    folder higher up the path (``-o repots/2024/out.json``) then plants a tree of folders
    nobody looks in. plancheck makes only the output's own folder, where everything above
    it exists (``-o reports/lint.sarif`` in a fresh clone, the CI case), and says so
    (``folder_made``); a path missing two folders or more is refused, naming the first
    missing one, before anything is checked."""
    if not output:
        return None
    from pathlib import Path

    path = Path(output)
    if path.is_dir():
        raise UsageError(
            "{path}: cannot write the output ({reason})",
            path=output,
            reason=Reason("Is a directory"),
        )
    missing, existing = _missing_folders(path.parent if str(path.parent) else Path("."))
    if not existing.is_dir():
        raise UsageError(
            "{path}: cannot write the output ({reason})",
            path=output,
            reason=Reason("Not a directory"),
        )
    if len(missing) > 1:
        raise UsageError(
            "{path}: the folder {folder} does not exist: check the path, or make the folder"
            " {parent} first",
            path=output,
            folder=missing[-1],
            parent=missing[0],
        )
    target = path if path.exists() else existing
    if not os.access(target, os.W_OK):
        raise UsageError(
            "{path}: cannot write the output ({reason})",
            path=output,
            reason=Reason("Permission denied"),
        )
    return missing[0] if missing else None


def _missing_folders(folder: Path) -> tuple[list[Path], Path]:
    """The folders of a path that do not exist, innermost first, and the nearest one that
    does (or a file standing where a folder should be)."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing, folder


def say_folder_made(folder: Path | None, output: str | Path, lang: str) -> None:
    """Say on stderr which folder writing the output made: never silently (a folder name
    mistyped is seen at once, and removed)."""
    if folder is None:
        return
    from .. import locale

    text = locale.text(lang, "folder_made", folder=folder, path=output)
    echo(f"plancheck: {text}", err=True)


def refuse_overwrite(output: str | Path | None, inputs: Iterable[str | Path | None]) -> None:
    """Refuse an output that is one of the inputs, by any name (the same path spelled
    otherwise, a symlink, a hard link): writing it would replace what the user asked to
    read (``lint plan.txt -o plan.txt`` once replaced the plan with its report). One line
    and exit 2, before any work."""
    if not output:
        return
    from pathlib import Path

    target = Path(output)
    for given in inputs:
        if given is not None and same_file(target, Path(given)):
            raise UsageError(
                "{path}: the output would overwrite the input {input}; choose another file",
                path=output,
                input=given,
            )


def clean_cache() -> tuple[Path, int, int]:
    """Remove every file plancheck keeps in its cache directory (results, parsed rule data,
    checked configurations): the folder, and how many files and bytes were removed.

    Only plancheck's own file names are removed, then the folders ``results/`` leaves
    empty: a cache directory set to a shared folder by mistake loses nothing else. A file
    another run removes first, or one that cannot be removed, is skipped.
    """
    from ..checking.resultcache import own_entries
    from ..knowledge.data import cache_dir, own_cache_files

    root = cache_dir()
    results = root / "results"
    count = size = 0
    for path in [*own_entries(results), *own_cache_files(root)]:
        try:
            length = path.stat().st_size
            path.unlink()
        except OSError:
            continue
        count, size = count + 1, size + length
    _remove_empty(results)
    return root, count, size


def _remove_empty(results: Path) -> None:
    """Remove ``results/`` and its entry folders (two hex digits) where they are left empty:
    ``rmdir`` never removes a folder holding anything."""
    try:
        folders = [entry.path for entry in os.scandir(results) if len(entry.name) == 2]
    except OSError:
        return
    for folder in [*folders, str(results)]:
        with contextlib.suppress(OSError):
            os.rmdir(folder)


def lint_inputs(paths: Iterable[str]) -> list[str]:
    """The files a lint run reads: each named file and what a named folder holds (its walk,
    as ``reading.discover`` makes it)."""
    from ..reading.discover import discover

    return [item.path for item in discover(p for p in paths if p != "-") if item.path is not None]


def emit(text: str, output: str | None, *, err: bool = False) -> None:
    """Write a command's output to ``output`` (-o) or to standard output (error); a place
    that takes nothing (a full disk, ``> /dev/full``) is a one-line error, not a traceback."""
    if output:
        from pathlib import Path

        path = Path(output)
        try:
            # only the one folder check_output allowed is missing: no tree is made here
            path.parent.mkdir(exist_ok=True)
            write_output(path, text.encode("utf-8"))  # all at once: never half an output
        except OSError as error:
            raise UsageError(
                "{path}: cannot write the output ({reason})", path=output, reason=os_reason(error)
            ) from None
    else:
        try:
            echo(text, nl=False, err=err)
        except BrokenPipeError:
            raise  # a reader that stopped early (| head): exit 1, quietly (guarded)
        except OSError as error:
            raise UsageError(
                "standard error: cannot write the output ({reason})"
                if err
                else "standard output: cannot write the output ({reason})",
                reason=os_reason(error),
            ) from None


def color(no_color: bool, *, err: bool = False) -> bool:
    """Colours only on a terminal (the stream the text goes to), unless NO_COLOR or
    --no-color says otherwise."""
    stream = sys.stderr if err else sys.stdout
    isatty = getattr(stream, "isatty", None)
    return not no_color and "NO_COLOR" not in os.environ and bool(isatty and isatty())


def _at(lang: str, where: str, text: str) -> str:
    from .. import locale

    return locale.at(lang, where, text)


def error_text(lang: str, reason: Reason) -> str:
    from .. import locale

    return locale.error(lang, reason)


def lint(
    paths: tuple[str, ...],
    fmt: str = "text",
    output: str | None = None,
    select: str | None = None,
    ignore: str | None = None,
    config_path: Path | None = None,
    baseline: Path | None = None,
    write_baseline: bool = False,
    fix: bool = False,
    unsafe_fixes: bool = False,
    show_diff: bool = False,
    exit_zero: bool = False,
    fail_on: str = "warning",
    statistics: bool = False,
    quiet: bool = False,
    verbose: bool = False,
    skip_non_plans: bool = False,
    no_cache: bool = False,
    lang: str = "zh",
    no_color: bool = False,
    stdin_filename: str = "-",
) -> None:
    """``plancheck lint``: check plan files, write the findings, leave with the exit status
    (0 none, none of ``fail_on``'s severity or worse, or --exit-zero; 1 findings; 2 a file
    that could not be checked or whose fixes could not be written)."""
    from ..checking.lint import LintOptions, lint_paths

    if write_baseline and baseline is None:
        raise UsageError("--write-baseline needs --baseline FILE")
    if baseline is not None and not write_baseline and not baseline.is_file():
        raise UsageError(
            "{path}: no such baseline file (record one with --write-baseline)", path=baseline
        )
    made = check_output(output)
    made_for_baseline = check_output(baseline) if write_baseline else None
    _refuse_lint_overwrite(paths, output, config_path, baseline, write_baseline)
    options = LintOptions(
        select=codes(select),
        ignore=codes(ignore),
        config_path=config_path,
        fix=fix,
        diff=show_diff,
        baseline=None if write_baseline else baseline,
        stdin_filename=stdin_filename,
        unsafe_fixes=unsafe_fixes,
        skip_non_plans=skip_non_plans,
        cache=not no_cache,
    )
    # with `-` and --fix the fixed plan goes to stdout, so the findings go to stderr
    to_stderr = fix and "-" in paths
    # --statistics is a table: JSON when asked, else text whatever format was asked
    kind = "statistics" if statistics else "lint"
    name = fmt if fmt in choices(kind) else "text"
    render_options = RenderOptions(
        lang=lang,
        color=color(no_color, err=to_stderr) and not output,
        # counted as fixable only when this run applies them: without --fix/--diff
        # the summary says which fixes --fix mends and which need --unsafe-fixes too
        unsafe_fixes=unsafe_fixes and (fix or show_diff),
        statistics=statistics,
        quiet=quiet,
    )
    # what the format makes of each file, made where the file is checked (a baseline
    # written reads every finding of the run, as found)
    prepare = None if show_diff or write_baseline else preparer(name, render_options, output=kind)
    # the built-in rules, imported if a file needs them
    run = lint_paths(paths, options, prepare=prepare)
    report_problems(run, lang, verbose)
    if write_baseline:
        _write_baseline(baseline, run, lang, quiet)
        say_folder_made(made_for_baseline, baseline, lang)
    if show_diff:
        emit(render("diff", run, RenderOptions(lang=lang), output="fixes"), output)
    else:
        # only a format that describes the rules is given them (a run from the result
        # cache imports no rule for the others)
        if (kind, name) in DESCRIBES_RULES:
            render_options = render_options.with_rules(run.rules(specs()))
        emit(render(name, run, render_options, output=kind), output, err=to_stderr)
    say_folder_made(made, output, lang)
    if run.errors or run.fix_errors:
        sys.exit(2)
    failing = FAIL_ON.get(fail_on, FAIL_ON["warning"])
    fails = any(found.severity in failing for found in run.findings)
    sys.exit(0 if exit_zero or write_baseline or not fails else 1)


def _refuse_lint_overwrite(
    paths: tuple[str, ...],
    output: str | None,
    config_path: Path | None,
    baseline: Path | None,
    write_baseline: bool,
) -> None:
    """Neither the report (-o) nor a baseline being written may replace a plan, the config
    or the baseline read: the inputs are walked only when an output already exists (a file
    that does not exist yet cannot be one of them)."""
    written = [p for p in (output, baseline if write_baseline else None) if p]
    if not any(os.path.lexists(p) for p in written):
        return
    inputs: list[Path | str | None] = [*lint_inputs(paths), config_path]
    refuse_overwrite(output, [*inputs, baseline])
    if write_baseline:
        refuse_overwrite(baseline, inputs)


def report_problems(run, lang: str, verbose: bool) -> None:
    """One line per file that could not be checked (a bad config once, however many files
    it governs), the notes, and with -v the files skipped as not plans."""
    from .. import locale

    said = set()
    for report in run.files:
        if report.error:
            line = (
                f"plancheck: {locale.error(lang, report.error)}"
                if report.error.code == "config"
                else f"plancheck: {_at(lang, report.path, error_text(lang, report.error))}"
            )
            if line not in said:
                echo(line, err=True)
                said.add(line)
        if report.fix_error:
            echo(
                f"plancheck: {_at(lang, report.path, error_text(lang, report.fix_error))}", err=True
            )
        for note in report.notes:
            echo(f"plancheck: {locale.at(lang, report.path, locale.error(lang, note))}", err=True)
    if verbose:
        for report in run.files:
            if report.source is not None and report.source.reading:
                how = reading_words(lang, report.source.reading)
                said = locale.text(lang, "read_as", how=how)
                echo(f"plancheck: {locale.at(lang, report.path, said)}", err=True)
            date = (report.summary or {}).get("date")
            if date:
                echo(
                    f"plancheck: {locale.at(lang, report.path, _date_words(lang, date))}", err=True
                )
        for report in run.skipped:
            reason = locale.error(lang, report.skipped)
            echo(
                f"plancheck: {locale.at(lang, report.path, locale.text(lang, 'skipped', reason=reason))}",
                err=True,
            )


def _date_words(lang: str, date: dict) -> str:
    """-v's line on when a plan was made and where that was read (renamings are judged by
    it): 计划日期：2018年12月（依据：文号、落款日期）."""
    from .. import locale

    when = locale.text(lang, "plan_date.month" if date["month"] else "plan_date.year", **date)
    sources = [locale.text(lang, f"plan_date.{part}") for part in date["source"].split(", ")]
    joined = locale.text(lang, "plan_date.sep").join(sources)
    return locale.text(lang, "plan_date", date=when, source=joined)


def reading_words(lang: str, reading: str) -> str:
    """How a file's text was rebuilt (``Source.reading``, e.g. ``html+joined``) in words."""
    from .. import locale

    separator = "；" if lang == "zh" else "; "
    return separator.join(locale.text(lang, f"reading.{part}") for part in reading.split("+"))


def _write_baseline(path: Path, run, lang: str, quiet: bool) -> None:
    from .. import locale
    from ..checking.baseline import write_baseline as save

    try:
        path.parent.mkdir(exist_ok=True)  # the one folder check_output allowed, if missing
        save(path, run.findings)
    except OSError as error:
        raise UsageError(
            "{path}: cannot write the output ({reason})", path=path, reason=os_reason(error)
        ) from None
    if not quiet:
        count = len(run.findings)
        text = locale.text(lang, "baseline_written", count=count, path=path)
        echo(f"plancheck: {text}", err=True)
