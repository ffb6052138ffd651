"""The command line as click declares it: options, help, usage errors, in two languages.

Each command is a thin wrapper that turns options into a call (``lint``'s work is in
``commands``) and results into exit codes. ``main`` is the ``plancheck`` console script.

Exit status: 0 no findings (or --exit-zero), 1 findings, 2 usage or input error. Every error
is one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..base.errors import Reason, UsageError, os_reason
from ..products.formats import RenderOptions, choices, render
from . import commands
from .commands import LANGUAGES, guarded

LANGS = click.Choice(list(LANGUAGES))


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


class _Formatter(click.HelpFormatter):
    """click's help formatter, its section headings ("Options:") worded by the catalogue,
    colon included (选项：, as 用法： is)."""

    def write_heading(self, heading: str) -> None:
        from gettext import gettext

        self.write(f"{'':>{self.current_indent}}{gettext('{heading}:').format(heading=heading)}\n")


class _Context(click.Context):
    formatter_class = _Formatter


class _Command(click.Command):
    """A command whose help option speaks the language of the run: click makes that option
    once per command and keeps it, so its help is worded again each time it is asked."""

    context_class = _Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        from gettext import gettext

        option = super().get_help_option(ctx)
        if option is not None:
            option.help = gettext("Show this message and exit.")
        return option


class _Commands(_Command, click.Group):
    """The command group; a mistyped command is answered with the nearest one, as a
    mistyped option is (click suggests options, not commands)."""

    command_class = _Command

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands:
            import difflib
            from gettext import gettext, ngettext

            near = difflib.get_close_matches(name, list(self.commands), n=1, cutoff=0.5)
            if near:
                message = gettext("No such command {name!r}.").format(name=name)
                hint = ngettext(
                    "Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1
                ).format(possibility=repr(near[0]))
                ctx.fail(_sentences(message, hint))
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
    "--fail-on",
    type=click.Choice(list(commands.FAIL_ON)),
    default="warning",
    show_default=True,
    help="Exit 1 only for findings of this severity or worse (info findings alone exit 0 by default).",
)
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
    fail_on,
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
    commands.lint(**locals())  # every option by its name, as commands.lint names them


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
    from ..products.diff import diff_files

    made = commands.check_output(output)
    commands.refuse_overwrite(output, [old, new])
    result = diff_files(old, new)
    commands.emit(render(fmt, result, RenderOptions(lang=lang), output="diff"), output)
    commands.say_folder_made(made, output, lang)
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


@cli.command("init")
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


@cli.command("clean")
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


@cli.command("rules")
@_format_option("rules")
@LANG_OPTION
def rules_command(fmt, lang) -> None:
    """The rule catalogue."""
    specs = commands.specs()
    click.echo(render(fmt, specs, RenderOptions(lang=lang), output="rules"), nl=False)


@cli.command("rule")
@click.argument("code", metavar="CODE")
@LANG_OPTION
def rule_command(code, lang) -> None:
    """One rule explained: what it checks, why, examples, how to fix."""
    specs = commands.specs()
    spec = specs.get(code.upper())
    if spec is None:
        raise UsageError("unknown rule code '{code}' (see: plancheck rules)", code=code)
    click.echo(render("text", spec, RenderOptions(lang=lang), output="rule"), nl=False)


def _argv_lang(args: list[str]) -> str:
    """--lang from the command line, for errors raised before click has parsed it and for
    click's own messages and help: the last one, as click takes the last (a repeated
    --lang, or one before the command and one after it), one of the languages (click
    refuses any other, in the language asked before it)."""
    lang = None
    for n, arg in enumerate(args):
        if arg == "--":
            break
        value = args[n + 1] if arg == "--lang" and n + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGUAGES:
            lang = value
    return lang or os.environ.get("PLANCHECK_LANG") or "zh"


def use_language(lang: str) -> None:
    """Speak one language: click's own words (usage errors, help headings) through gettext,
    click's own i18n hook, from the language's catalogue (``locale.CATALOGS``), and each
    command's and option's help through its HELP table. The English texts stay in the code
    (as gettext msgids), so this can switch back (English has no catalogue)."""
    import gettext

    from .. import locale

    os.environ["LANGUAGE"] = lang  # what gettext reads to choose the catalogue
    gettext.bindtextdomain(locale.CLICK_DOMAIN, str(locale.CATALOGS))
    gettext.textdomain(locale.CLICK_DOMAIN)
    helps: dict[str, str] = locale.catalogue(lang).HELP
    for command in [cli, *cli.commands.values()]:
        english = ENGLISH_HELP.setdefault(command, command.help or "")
        command.help = helps.get(english, english)
        command.short_help = None
        for param in command.params:
            if isinstance(param, click.Option):
                english = ENGLISH_HELP.setdefault(param, param.help or "")
                param.help = helps.get(english) or gettext.gettext(english)


def click_message(error: click.ClickException) -> str:
    """click's message, worded through its gettext catalogue. A missing argument or option
    is worded here from the same catalogue (``{missing} {param_hint}.``, public attributes
    only): click ends that sentence with a full stop of its own ("Missing argument
    'PATH...'."), which no catalogue entry reaches, and Chinese ends it with 。."""
    from gettext import gettext, ngettext

    if isinstance(error, click.NoSuchOption) and error.possibilities:
        near = ", ".join(repr(p) for p in sorted(error.possibilities))
        hint = ngettext(
            "Did you mean {possibility}?",
            "(Did you mean one of: {possibilities}?)",
            len(error.possibilities),
        ).format(possibility=near, possibilities=near)
        return _sentences(error.message, hint)
    if not isinstance(error, click.MissingParameter) or error.param is None or error.message:
        return error.format_message()
    param = error.param
    kinds = {"argument": "Missing argument", "option": "Missing option"}
    missing = gettext(kinds.get(param.param_type_name, "Missing parameter"))
    hint = error.param_hint
    if hint is None:
        hint = param.get_error_hint(error.ctx)
    elif not isinstance(hint, str):
        hint = " / ".join(repr(one) for one in hint)
    said = gettext("{missing} {param_hint}.").format(missing=missing, param_hint=hint)
    extra = param.type.get_missing_message(param=param, ctx=error.ctx)
    return f"{said} {extra}" if extra else said


def chinese_quotes(message: str) -> str:
    """click's message with the quotes of Chinese text: click quotes a name, a value and each
    choice with ``repr`` ('--format', 'xml', 'text', 'json'), and a list of them with ", ";
    Chinese text quotes with “” and lists with 、 (GB/T 15834), as every other message of
    ours does. Only click's own quoting is met here: our translations carry no apostrophe."""
    import re

    quoted = re.sub(r"'([^'\n]+?)'", r"“\1”", message)
    return quoted.replace("”, “", "”、“")


def _sentences(first: str, second: str) -> str:
    """Two sentences of a message as the language writes them: a space after an English
    full stop, none after a Chinese one (。 carries its own space)."""
    return f"{first}{'' if first.endswith('。') else ' '}{second}"


#: each command's and option's help as declared, in English (the HELP tables' msgids)
ENGLISH_HELP: dict[object, str] = {}


def main(args: list[str] | None = None) -> None:
    """The ``plancheck`` console script: the command line through click, every error one
    line and exit 2."""
    from .. import locale

    lang = _argv_lang(sys.argv[1:] if args is None else args)

    def body() -> None:
        try:
            use_language(lang)
            cli.main(args, standalone_mode=False)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.exceptions.Abort as abort:
            if isinstance(abort.__cause__, KeyboardInterrupt):
                raise KeyboardInterrupt from None  # ^C: 130, as without click (guarded)
            click.echo(f"plancheck: {locale.error(lang, Reason('aborted', 'usage'))}", err=True)
            sys.exit(2)
        except click.ClickException as error:
            said = click_message(error)
            click.echo(f"plancheck: {chinese_quotes(said) if lang == 'zh' else said}", err=True)
            sys.exit(2)

    guarded(lang, body)
