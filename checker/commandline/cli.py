"""The command line as click declares it: options, help, usage errors, in two languages.

Each command is a thin wrapper that turns options into a call (``lint``'s work is in
``commands``) and results into exit codes. ``lint`` is declared here, the other commands in
``others``, when one of them is needed. ``main`` is the ``plancheck`` console script.

Exit status: 0 no findings (or --exit-zero), 1 findings, 2 usage or input error. Every error
is one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from typing import TYPE_CHECKING

import click

from ..base.errors import Reason
from . import commands
from .commands import LANGUAGES, guarded
from .options import (
    CONFIG_OPTION,
    IGNORE_OPTION,
    LANG_KEY,
    LANG_OPTION,
    LANGS,
    SELECT_OPTION,
    Command,
    as_path,
    format_option,
)

if TYPE_CHECKING:
    import gettext


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.meta[LANG_KEY] = value


#: the commands ``others`` declares: a lint needs none of them, so they are declared when
#: one is asked for, or when the group lists its commands (help, completion)
OTHER_COMMANDS = ("agencies", "clean", "diff", "init", "report", "review", "rule", "rules")


class _Commands(Command, click.Group):
    """The command group; a mistyped command is answered with the nearest one, as a
    mistyped option is (click suggests options, not commands). ``lint`` is declared here,
    the ``OTHER_COMMANDS`` in ``others`` on first need (click's lazy-loading pattern:
    ``list_commands`` and ``get_command``)."""

    command_class = Command

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *OTHER_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in OTHER_COMMANDS:
            all_commands()
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        known = self.list_commands(ctx)
        if name and not name.startswith("-") and name not in known:
            import difflib
            from gettext import gettext, ngettext

            near = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
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
@format_option("lint")
@click.option(
    "-o", "--output", metavar="FILE", help="Write the report to FILE instead of standard output."
)
@SELECT_OPTION
@IGNORE_OPTION
@CONFIG_OPTION
@click.option(
    "--baseline",
    metavar="FILE",
    type=click.Path(),
    callback=as_path,
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


def all_commands() -> dict[str, click.Command]:
    """Every command by name, ``OTHER_COMMANDS`` declared first if they are not yet, and
    worded in the language the run speaks."""
    if not set(OTHER_COMMANDS) <= set(cli.commands):
        from .others import COMMANDS

        for command in COMMANDS:
            cli.add_command(command)
            _speak(command, _spoken)
    return cli.commands


#: the language ``use_language`` last set: a command declared later is worded in it
_spoken = "en"


def use_language(lang: str) -> None:
    """Speak one language: click's own words (usage errors, help headings) through gettext,
    click's own i18n hook, from the language's catalogue (``locale.CATALOGS``), and each
    command's and option's help through its HELP table. The English texts stay in the code
    (as gettext msgids), so this can switch back (English has no catalogue)."""
    import gettext

    from .. import locale

    os.environ["LANGUAGE"] = lang  # what gettext reads to choose the catalogue
    gettext.bindtextdomain(locale.CLICK_DOMAIN, locale.CATALOGS)
    gettext.textdomain(locale.CLICK_DOMAIN)
    global _spoken
    _spoken = lang
    for command in [cli, *cli.commands.values()]:
        _speak(command, lang)


def _speak(command: click.Command, lang: str) -> None:
    """A command's help and its options' in ``lang``, from the English they were declared
    with (kept in ``ENGLISH_HELP``): the HELP table's words, else click's catalogue's."""
    from .. import locale

    helps: dict[str, str] = locale.catalogue(lang).HELP
    english = ENGLISH_HELP.setdefault(command, command.help or "")
    command.help = helps.get(english, english)
    command.short_help = None
    for param in command.params:
        if isinstance(param, click.Option):
            english = ENGLISH_HELP.setdefault(param, param.help or "")
            param.help = helps.get(english) or _click_catalogue(lang).gettext(english)


@cache
def _click_catalogue(lang: str) -> gettext.NullTranslations:
    """click's words in ``lang``, found on disk once (gettext.gettext looks at each call)."""
    import gettext

    from .. import locale

    return gettext.translation(
        locale.CLICK_DOMAIN, locale.CATALOGS, languages=[lang], fallback=True
    )


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
