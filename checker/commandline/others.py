"""The commands other than ``lint``: ``report``, ``diff``, ``review``, ``agencies``,
``init``, ``clean``, ``rules`` and ``rule``, declared as ``cli`` declares ``lint``, with the options they share (``options``).

They are added to the group (``cli.all_commands``) when one of them is asked for, or the
group lists its commands (help, completion): every ``plancheck lint`` would otherwise build
their options at its start (``cli.OTHER_COMMANDS`` names them, and tests/test_startup.py
keeps a lint from importing this module).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..base.errors import UsageError, os_reason
from ..products.formats import RenderOptions, render
from . import commands
from .options import (
    CONFIG_OPTION,
    IGNORE_OPTION,
    LANG_OPTION,
    SELECT_OPTION,
    Command,
    format_option,
)


@click.command(cls=Command)
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
    from ..products.report import default_output, write_report

    target = output or default_output(plan)
    made = commands.check_output(target)  # the default reports/ too: its folder made, and said
    commands.refuse_overwrite(target, [plan, previous])
    try:
        write_report(plan, previous, output, lang, commands.specs())
    except OSError as error:
        raise UsageError(
            "{path}: cannot write the output ({reason})", path=target, reason=os_reason(error)
        ) from None
    commands.say_folder_made(made, target, lang)
    click.echo(str(target))


@click.command(cls=Command)
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@format_option("diff")
@click.option(
    "-o", "--output", metavar="FILE", help="Write the diff to FILE instead of standard output."
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when the plans differ, 0 when they do not.")
@LANG_OPTION
def diff(old, new, fmt, output, exit_code, lang) -> None:
    """Task-level diff of two annual plans."""
    from ..products.diff import diff_files

    made = commands.check_output(output)
    commands.refuse_overwrite(output, [old, new])
    result = diff_files(old, new)
    commands.emit(render(fmt, result, RenderOptions(lang=lang), output="diff"), output)
    commands.say_folder_made(made, output, lang)
    if exit_code and result.differs():
        sys.exit(1)


@click.command(cls=Command)
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
@click.option(
    "--force",
    is_flag=True,
    help="Replace a review copy that already exists (the drafter may have worked in it).",
)
@SELECT_OPTION
@IGNORE_OPTION
@CONFIG_OPTION
@LANG_OPTION
def review(draft, output, unsafe_fixes, force, select, ignore, config_path, lang) -> None:
    """A Word copy of the draft with findings as comments and fixes as tracked changes."""
    from .. import locale
    from ..products.review import ReviewOptions, default_output
    from ..products.review import review as make_review

    made = commands.check_output(output)
    options = ReviewOptions(
        lang=lang,
        unsafe_fixes=unsafe_fixes,
        select=commands.codes(select),
        ignore=commands.codes(ignore),
        config_path=config_path,
        force=force,
    )
    try:
        result = make_review(draft, output, options, list(commands.specs().values()))
    except OSError as error:
        raise UsageError(
            "{path}: cannot write the output ({reason})",
            path=output or default_output(Path(draft)),  # the copy, not the draft it reads
            reason=os_reason(error),
        ) from None
    commands.say_folder_made(made, result.output, lang)
    click.echo(
        locale.text(
            lang,
            "review_written",
            path=result.output,
            comments=result.comments,
            changes=result.changes,
        )
    )


@click.command(cls=Command)
@click.argument("plan", metavar="PLAN")
@format_option("agencies")
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
    from ..checking.local import init_registry, registry_for
    from ..products.agency_table import agency_table
    from ..reading.sniff import read_plan

    if init is not None:
        from functools import partial

        from .. import locale

        count = init_registry(plan, init, partial(locale.text, lang), config_path)
        key = "init_written" if count else "init_none"
        click.echo(locale.text(lang, key, path=init, count=count, plan=plan))
        return
    table = agency_table(read_plan(plan), registry_for(plan, config_path))
    click.echo(render(fmt, table, RenderOptions(lang=lang), output="agencies"), nl=False)


@click.command("init", cls=Command)
@click.argument(
    "folder",
    metavar="FOLDER",
    required=False,
    default=".",
    type=click.Path(path_type=Path, file_okay=False),
)
@LANG_OPTION
def init_command(folder, lang) -> None:
    """Write a commented .plancheck.yaml into FOLDER (default: the current folder); never over an existing config."""
    from .. import locale
    from ..products.config_file import write_config

    target = write_config(folder, lang, commands.specs().values())
    click.echo(locale.text(lang, "config_written", path=target))


@click.command("clean", cls=Command)
@LANG_OPTION
def clean_command(lang) -> None:
    """Remove plancheck's cache files (results, parsed rule data, checked configurations)."""
    from .. import locale

    folder, count, size = commands.clean_cache()
    if count:
        kilobytes = f"{size / 1024:,.0f}" if size >= 1024 else f"{size / 1024:.1f}"
        click.echo(locale.text(lang, "cache_cleaned", count=count, size=kilobytes, folder=folder))
    else:
        click.echo(locale.text(lang, "cache_empty", folder=folder))


@click.command("rules", cls=Command)
@format_option("rules")
@LANG_OPTION
def rules_command(fmt, lang) -> None:
    """The rule catalogue."""
    specs = commands.specs()
    click.echo(render(fmt, specs, RenderOptions(lang=lang), output="rules"), nl=False)


@click.command("rule", cls=Command)
@click.argument("code", metavar="CODE")
@LANG_OPTION
def rule_command(code, lang) -> None:
    """One rule explained: what it checks, why, examples, how to fix."""
    specs = commands.specs()
    spec = specs.get(code.upper())
    if spec is None:
        raise UsageError("unknown rule code '{code}' (see: plancheck rules)", code=code)
    click.echo(render("text", spec, RenderOptions(lang=lang), output="rule"), nl=False)


#: what ``cli.all_commands`` adds to the group (their names are ``cli.OTHER_COMMANDS``)
COMMANDS = (
    report,
    diff,
    review,
    agencies,
    init_command,
    clean_command,
    rules_command,
    rule_command,
)
