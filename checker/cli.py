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


def _formats(output: str) -> click.Choice:
    """--format choices of a command, from the formats registry."""
    return click.Choice(choices(output))


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


def _emit(text: str, output: str | None, *, err: bool = False) -> None:
    if output:
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False, err=err)


def _color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plancheck")
def cli() -> None:
    """plancheck：年度推进计划的检查工具 (a linter for annual plans)."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=_formats("lint"),
    default="text",
)
@click.option("-o", "--output", help="Write the report to FILE instead of standard output.")
@click.option("--select", help="Codes or prefixes to check (N,A001,G00).")
@click.option("--ignore", help="Codes or prefixes to skip.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Config file to use."
)
@click.option(
    "--baseline", type=click.Path(path_type=Path), help="Hide the findings recorded in FILE."
)
@click.option(
    "--write-baseline", is_flag=True, help="Record the current findings in --baseline FILE."
)
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (atomically).")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Show the fixes as a unified diff; write nothing."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--lang", type=LANGS, default="zh", show_default=True)
@click.option("--no-color", is_flag=True)
@click.option("--stdin-filename", default="-", help="Name for a plan read from standard input.")
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
    show_diff,
    exit_zero,
    lang,
    no_color,
    stdin_filename,
) -> None:
    """检查计划文件 (check plan files)."""
    from .lint import LintOptions, lint_paths

    specs = _specs()
    if write_baseline and baseline is None:
        raise UsageError("--write-baseline needs --baseline FILE")
    options = LintOptions(
        select=_codes(select),
        ignore=_codes(ignore),
        config_path=config_path,
        fix=fix,
        diff=show_diff,
        baseline=None if write_baseline else baseline,
        stdin_filename=stdin_filename,
    )
    run = lint_paths(paths, options, list(specs.values()))
    for report in run.files:
        if report.error:
            click.echo(f"plancheck: {report.path}: {_error_text(lang, report.error)}", err=True)
        for note in report.notes:
            click.echo(f"plancheck: {report.path}: {note}", err=True)
    if write_baseline:
        from .baseline import write_baseline as save

        save(baseline, run.findings)
    if show_diff:
        from .fixdiff import unified

        _emit(unified(run), output)
    else:
        render_options = RenderOptions(
            lang=lang, color=_color(no_color) and not output, rules=specs
        )
        # with `-` and --fix the fixed plan goes to stdout, so the findings go to stderr
        _emit(render(fmt, run, render_options), output, err=fix and "-" in paths)
    if run.errors:
        sys.exit(2)
    sys.exit(0 if exit_zero or write_baseline or not run.findings else 1)


def _error_text(lang: str, reason: str | None) -> str:
    from . import locale

    return locale.error(lang, reason or "")


@cli.command()
@click.argument("plan")
@click.option("--previous", type=click.Path(), help="Last year's plan, for the carry-over summary.")
@click.option("-o", "--output", help="Output file (default reports/<plan name>.html).")
@click.option("--lang", type=LANGS, default="zh")
def report(plan, previous, output, lang) -> None:
    """生成供次年起草使用的HTML报告 (HTML report for next year's drafting)."""
    from .report import write_report

    target = write_report(plan, previous, output, lang, _specs())
    click.echo(str(target))


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=_formats("diff"), default="text")
@click.option("-o", "--output")
@click.option("--lang", type=LANGS, default="zh")
def diff(old, new, fmt, output, lang) -> None:
    """逐项比较两年的计划 (task-level diff of two annual plans)."""
    from .diff import diff_files

    result = diff_files(old, new)
    _emit(render(fmt, result, RenderOptions(lang=lang), output="diff"), output)


@cli.command()
@click.argument("plan")
@click.option("--format", "fmt", type=_formats("agencies"), default="text")
@click.option(
    "--init",
    "init",
    type=click.Path(path_type=Path),
    help="Write a registry skeleton of the names no registry knows to FILE (never overwritten).",
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Config file to use."
)
@click.option("--lang", type=LANGS, default="zh")
def agencies(plan, fmt, init, config_path, lang) -> None:
    """各单位牵头和参与的任务 (each agency with the tasks it leads and joins)."""
    from .agency_table import agency_table
    from .local import init_registry, registry_for
    from .parse import parse
    from .source import read_source

    if init is not None:
        from . import locale

        count = init_registry(plan, init, config_path)
        click.echo(locale.text(lang, "init_written", path=init, count=count))
        return
    table = agency_table(parse(read_source(plan)), registry_for(plan, config_path))
    click.echo(render(fmt, table, RenderOptions(), output="agencies"), nl=False)


@cli.command("rules")
@click.option("--format", "fmt", type=_formats("rules"), default="text")
@click.option("--lang", type=LANGS, default="zh")
def rules_command(fmt, lang) -> None:
    """规则目录 (the rule catalogue)."""
    specs = _specs()
    click.echo(render(fmt, specs, RenderOptions(lang=lang), output="rules"), nl=False)


@cli.command("rule")
@click.argument("code")
@click.option("--lang", type=LANGS, default="zh")
def rule_command(code, lang) -> None:
    """一条规则的说明：查什么、为什么、示例、怎么改 (one rule explained)."""
    specs = _specs()
    spec = specs.get(code.upper())
    if spec is None:
        raise UsageError(f"unknown rule code '{code}' (see: plancheck rules)")
    click.echo(render("text", spec, RenderOptions(lang=lang), output="rule"), nl=False)


def _argv_lang() -> str:
    """--lang from the command line, for errors raised before click has parsed it."""
    args = sys.argv[1:]
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            return args[n + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "zh"


def main() -> None:
    """Entry point: run the group, turning every error into one line and exit 2."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.exceptions.Abort:
        click.echo("plancheck: aborted", err=True)
        sys.exit(2)
    except click.ClickException as error:
        click.echo(f"plancheck: {error.format_message()}", err=True)
        sys.exit(2)
    except InputError as error:
        click.echo(f"plancheck: {error.path}: {_error_text(_argv_lang(), error.reason)}", err=True)
        sys.exit(2)
    except PlancheckError as error:
        click.echo(f"plancheck: {error}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as error:
        if os.environ.get("PLANCHECK_DEBUG"):
            raise
        click.echo(f"plancheck: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(2)
