"""The command line: thin wrappers that turn options into calls and results into exit codes.

Exit status: 0 no findings (or --exit-zero), 1 findings, 2 usage or input error. Every error
is one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .errors import InputError, PlancheckError, UsageError
from .formats import RenderOptions, choices, render

LANGS = click.Choice(["zh", "en"])


def _format_option(output: str):
    """The --format option of a command, its choices from the formats registry."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices(output)),
        default="text",
        show_default=True,
        help="Output format.",
    )


def _specs():
    from .rules import builtin_rules

    return builtin_rules()


def _codes(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    from .config import parse_codes
    from .errors import ConfigError

    try:
        return parse_codes(value, "--select/--ignore")  # names checked once configs are read
    except ConfigError as error:
        raise UsageError(str(error)) from None


def _check_output(output: str | None) -> None:
    """Refuse an -o that cannot be written before any work is done (one line, exit 2)."""
    if not output:
        return
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"{output}: cannot write the output (Is a directory)")
    parent = path.parent if str(path.parent) else Path(".")
    existing = next((p for p in (parent, *parent.parents) if p.exists()), Path("."))
    if not existing.is_dir():
        raise UsageError(f"{output}: cannot write the output (Not a directory)")
    target = path if path.exists() else existing
    if not os.access(target, os.W_OK):
        raise UsageError(f"{output}: cannot write the output (Permission denied)")


def _emit(text: str, output: str | None, *, err: bool = False) -> None:
    if output:
        path = Path(output)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise UsageError(f"{output}: cannot write the output ({reason})") from None
    else:
        try:
            click.echo(text, nl=False, err=err)
        except BrokenPipeError:
            raise  # a reader that stopped early (| head): exit 1, quietly (main)
        except OSError as error:  # a full disk, a device that takes nothing (> /dev/full)
            reason = error.strerror or type(error).__name__
            where = "standard error" if err else "standard output"
            raise UsageError(f"{where}: cannot write the output ({reason})") from None


def _color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _say(lang: str, text: str, *, quiet: bool = False) -> None:
    """A line for the user on stderr (notes, skipped files), translated."""
    from . import locale

    if not quiet:
        click.echo(f"plancheck: {locale.error(lang, text)}", err=True)


#: where the language is kept between ``plancheck --lang en`` and the command after it
_LANG_KEY = "plancheck.lang"


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.meta[_LANG_KEY] = value


def _command_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """A command's --lang, else the one given before the command, else $PLANCHECK_LANG
    (click reads it), else Chinese."""
    return value or ctx.meta.get(_LANG_KEY) or "zh"


LANG_OPTION = click.option(
    "--lang",
    type=LANGS,
    default=None,
    envvar="PLANCHECK_LANG",
    callback=_command_lang,
    help="Language of messages and reports: zh (Chinese, the default) or en (English).",
)


#: options several commands share, written once (their help is translated by its text)
SELECT_OPTION = click.option(
    "--select", metavar="CODES", help="Codes or prefixes to check (N,A001,G00)."
)
IGNORE_OPTION = click.option("--ignore", metavar="CODES", help="Codes or prefixes to skip.")
CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Use this config file instead of the nearest .plancheck.yaml.",
)


class _Commands(click.Group):
    """The command group; a mistyped command is answered with the nearest one, as a
    mistyped option is (click suggests options, not commands)."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            import difflib

            from click import core

            near = difflib.get_close_matches(name, list(self.commands), n=1, cutoff=0.5)
            if near:
                message = core._("No such command {name!r}.").format(name=name)
                hint = core._("Did you mean {possibility}?").format(possibility=repr(near[0]))
                ctx.fail(f"{message} {hint}")
        return super().resolve_command(ctx, args)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plancheck")
@click.option(
    "--lang",
    type=LANGS,
    default=None,
    envvar="PLANCHECK_LANG",
    callback=_remember_lang,
    expose_value=False,
    is_eager=True,
    help="Language of messages and help: zh (Chinese, the default) or en (English).",
)
def cli() -> None:
    """plancheck: a linter for annual plans."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_format_option("lint")
@click.option(
    "-o", "--output", metavar="FILE", help="Write the report to FILE instead of standard output."
)
@SELECT_OPTION
@IGNORE_OPTION
@CONFIG_OPTION
@click.option(
    "--baseline",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Hide the findings recorded in FILE.",
)
@click.option(
    "--write-baseline", is_flag=True, help="Record the current findings in --baseline FILE."
)
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (atomically).")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, apply or show the fixes that need a drafter's check too.",
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="Show the fixes as a unified diff; write nothing."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--statistics", is_flag=True, help="Show the number of findings per rule instead of each."
)
@click.option("-q", "--quiet", is_flag=True, help="Show the findings only, without the summary.")
@click.option("-v", "--verbose", is_flag=True, help="Also say which files were skipped and why.")
@click.option(
    "--skip-non-plans",
    is_flag=True,
    help="Skip named files that are not plans, as a folder walk does (for pre-commit).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Check every file afresh: neither read nor write the result cache.",
)
@LANG_OPTION
@click.option("--no-color", is_flag=True, help="No colours, even on a terminal.")
@click.option(
    "--stdin-filename",
    metavar="NAME",
    default="-",
    help="Name for a plan read from standard input (PATH -).",
)
def lint(
    paths,
    fmt,
    output,
    select,
    ignore,
    config_path,
    baseline,
    write_baseline,
    fix,
    unsafe_fixes,
    show_diff,
    exit_zero,
    statistics,
    quiet,
    verbose,
    skip_non_plans,
    no_cache,
    lang,
    no_color,
    stdin_filename,
) -> None:
    """Check plan files."""
    from .lint import LintOptions, lint_paths

    specs = _specs()
    if write_baseline and baseline is None:
        raise UsageError("--write-baseline needs --baseline FILE")
    if baseline is not None and not write_baseline and not baseline.is_file():
        raise UsageError(f"{baseline}: no such baseline file (record one with --write-baseline)")
    _check_output(output)
    options = LintOptions(
        select=_codes(select),
        ignore=_codes(ignore),
        config_path=config_path,
        fix=fix,
        diff=show_diff,
        baseline=None if write_baseline else baseline,
        stdin_filename=stdin_filename,
        unsafe_fixes=unsafe_fixes,
        skip_non_plans=skip_non_plans,
        cache=not no_cache,
    )
    run = lint_paths(paths, options, list(specs.values()))
    _report_problems(run, lang, verbose)
    if write_baseline:
        _write_baseline(baseline, run, lang, quiet)
    if show_diff:
        _emit(render("diff", run, RenderOptions(lang=lang), output="fixes"), output)
    else:
        render_options = RenderOptions(
            lang=lang,
            color=_color(no_color) and not output,
            rules=run.rules(specs),
            unsafe_fixes=unsafe_fixes,
            statistics=statistics,
            quiet=quiet,
        )
        # with `-` and --fix the fixed plan goes to stdout, so the findings go to stderr
        if statistics:  # a table: JSON when asked, else text whatever format was asked
            name = fmt if fmt in choices("statistics") else "text"
            text = render(name, run, render_options, output="statistics")
        else:
            text = render(fmt, run, render_options)
        _emit(text, output, err=fix and "-" in paths)
    if run.errors:
        sys.exit(2)
    sys.exit(0 if exit_zero or write_baseline or not run.findings else 1)


def _report_problems(run, lang: str, verbose: bool) -> None:
    """One line per file that could not be checked (a bad config once, however many files
    it governs), the notes, and with -v the files skipped as not plans."""
    from . import locale

    said = set()
    for report in run.files:
        if report.error:
            line = (
                f"plancheck: {locale.error(lang, report.error)}"
                if report.error_kind == "config"
                else f"plancheck: {report.path}: {_error_text(lang, report.error)}"
            )
            if line not in said:
                click.echo(line, err=True)
                said.add(line)
        for note in report.notes:
            click.echo(f"plancheck: {report.path}: {locale.error(lang, note)}", err=True)
    if verbose:
        for report in run.skipped:
            reason = locale.error(lang, report.skipped or "")
            click.echo(
                f"plancheck: {report.path}: {locale.text(lang, 'skipped', reason=reason)}",
                err=True,
            )


def _write_baseline(path: Path, run, lang: str, quiet: bool) -> None:
    from . import locale
    from .baseline import write_baseline as save

    try:
        save(path, run.findings)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UsageError(f"{path}: cannot write the output ({reason})") from None
    if not quiet:
        count = len(run.findings)
        text = locale.text(lang, "baseline_written", count=count, path=path)
        click.echo(f"plancheck: {text}", err=True)


def _error_text(lang: str, reason: str | None) -> str:
    from . import locale

    return locale.error(lang, reason or "")


@cli.command()
@click.argument("plan", metavar="PLAN")
@click.option(
    "--previous",
    metavar="FILE",
    type=click.Path(),
    help="Last year's plan, for the carry-over summary.",
)
@click.option(
    "-o", "--output", metavar="FILE", help="Output file (default reports/<plan name>.html)."
)
@LANG_OPTION
def report(plan, previous, output, lang) -> None:
    """HTML report for next year's drafting."""
    from .report import write_report

    _check_output(output)
    try:
        target = write_report(plan, previous, output, lang, _specs())
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UsageError(f"{output or plan}: cannot write the output ({reason})") from None
    click.echo(str(target))


@cli.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@_format_option("diff")
@click.option(
    "-o", "--output", metavar="FILE", help="Write the diff to FILE instead of standard output."
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when the plans differ, 0 when they do not.")
@LANG_OPTION
def diff(old, new, fmt, output, exit_code, lang) -> None:
    """Task-level diff of two annual plans."""
    from .diff import diff_files

    _check_output(output)
    result = diff_files(old, new)
    _emit(render(fmt, result, RenderOptions(lang=lang), output="diff"), output)
    if exit_code and result.differs():
        sys.exit(1)


@cli.command()
@click.argument("draft", metavar="DRAFT", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="The review copy (default DRAFT.reviewed.docx; never the draft itself).",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Also make the fixes that need a drafter's check tracked changes.",
)
@SELECT_OPTION
@IGNORE_OPTION
@CONFIG_OPTION
@LANG_OPTION
def review(draft, output, unsafe_fixes, select, ignore, config_path, lang) -> None:
    """A Word copy of the draft with findings as comments and fixes as tracked changes."""
    from . import locale
    from .review import ReviewOptions
    from .review import review as make_review

    if output is not None:
        _check_output(str(output))
    options = ReviewOptions(
        lang=lang,
        unsafe_fixes=unsafe_fixes,
        select=_codes(select),
        ignore=_codes(ignore),
        config_path=config_path,
    )
    try:
        result = make_review(draft, output, options, list(_specs().values()))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UsageError(f"{output or draft}: cannot write the output ({reason})") from None
    click.echo(
        locale.text(
            lang,
            "review_written",
            path=result.output,
            comments=result.comments,
            changes=result.changes,
        )
    )


@cli.command()
@click.argument("plan", metavar="PLAN")
@_format_option("agencies")
@click.option(
    "--init",
    "init",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Write a registry skeleton of the names no registry knows to FILE (never overwritten).",
)
@CONFIG_OPTION
@LANG_OPTION
def agencies(plan, fmt, init, config_path, lang) -> None:
    """Each agency with the tasks it leads and joins."""
    from .agency_table import agency_table
    from .local import init_registry, registry_for
    from .sniff import read_plan

    if init is not None:
        from . import locale

        count = init_registry(plan, init, config_path)
        click.echo(locale.text(lang, "init_written", path=init, count=count))
        return
    table = agency_table(read_plan(plan), registry_for(plan, config_path))
    click.echo(render(fmt, table, RenderOptions(lang=lang), output="agencies"), nl=False)


@cli.command("rules")
@_format_option("rules")
@LANG_OPTION
def rules_command(fmt, lang) -> None:
    """The rule catalogue."""
    specs = _specs()
    click.echo(render(fmt, specs, RenderOptions(lang=lang), output="rules"), nl=False)


@cli.command("rule")
@click.argument("code", metavar="CODE")
@LANG_OPTION
def rule_command(code, lang) -> None:
    """One rule explained: what it checks, why, examples, how to fix."""
    specs = _specs()
    spec = specs.get(code.upper())
    if spec is None:
        raise UsageError(f"unknown rule code '{code}' (see: plancheck rules)")
    click.echo(render("text", spec, RenderOptions(lang=lang), output="rule"), nl=False)


def _argv_lang() -> str:
    """--lang from the command line, for errors raised before click has parsed it and for
    click's own messages and help."""
    args = sys.argv[1:]
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(args):
            return args[n + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("PLANCHECK_LANG") or "zh"


def use_language(lang: str) -> None:
    """Speak one language: click's own words (usage errors, help headings) through the
    language's CLICK table, and each command's and option's help through its HELP table.
    The English texts stay in the code (as gettext msgids), so this can switch back."""
    from importlib import import_module

    from . import locale

    book = locale.catalogue(lang)
    table: dict[str, str] = book.CLICK

    def gettext(message: str) -> str:
        return table.get(message, message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        message = singular if count == 1 else plural
        return table.get(message, message)

    for name in ("core", "exceptions", "parser", "types", "formatting", "decorators", "termui"):
        # click binds gettext to ``_`` in each module at import: rebind it to the language's table
        module = import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    helps: dict[str, str] = book.HELP
    for command in [cli, *cli.commands.values()]:
        original = command.__dict__.setdefault("_msgid", command.help or "")
        command.help = helps.get(original, original)
        command.short_help = None
        if hasattr(command, "_help_option"):
            command._help_option = None  # click makes it once, in the language of the day
        for param in command.params:
            english = getattr(param, "_msgid", None)
            if english is None:
                english = getattr(param, "help", None) or ""
                param._msgid = english  # type: ignore[attr-defined]
            if isinstance(param, click.Option):  # --version's help is click's own words
                param.help = helps.get(english) or table.get(english, english)


def main() -> None:
    """Entry point: run the group, turning every error into one line and exit 2."""
    from . import locale

    lang = _argv_lang()
    try:
        use_language(lang)
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.exceptions.Abort:
        click.echo(f"plancheck: {locale.error(lang, 'aborted')}", err=True)
        sys.exit(2)
    except click.ClickException as error:
        click.echo(f"plancheck: {error.format_message()}", err=True)
        sys.exit(2)
    except InputError as error:
        click.echo(f"plancheck: {error.path}: {_error_text(lang, error.reason)}", err=True)
        sys.exit(2)
    except PlancheckError as error:
        click.echo(f"plancheck: {locale.error(lang, str(error))}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as error:
        if os.environ.get("PLANCHECK_DEBUG"):
            raise
        detail = f"{type(error).__name__}: {error}"
        click.echo(f"plancheck: {locale.error(lang, f'internal error: {detail}')}", err=True)
        sys.exit(2)


def run() -> None:
    """The ``plancheck`` console script: ``main``, then an exit that skips tearing the
    interpreter down.

    Freeing every module and object at exit costs about 11 ms of a 90 ms check, an eighth of
    what a pre-commit hook waits for, and nothing of plancheck's needs it: files are written
    atomically and closed, worker pools shut down, within the run. Output is flushed first.
    Tools that collect data at exit (coverage) get the ordinary exit, as does anyone who
    sets ``PLANCHECK_FULL_EXIT``. ``main`` itself, which tests call, always returns or raises.
    """
    try:
        main()
        status: object = 0
    except SystemExit as done:
        status = done.code
    if "coverage" in sys.modules or os.environ.get("PLANCHECK_FULL_EXIT"):
        sys.exit(status)
    code = status if isinstance(status, int) else 0 if status is None else 1
    if not isinstance(status, int | None) and sys.stderr is not None:
        print(status, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):  # each on its own: one closed, the other still
        if stream is None:  # started with the stream closed (2>&-): nothing to flush
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or file: what was not written is lost
            code = code or 1
    os._exit(code)
