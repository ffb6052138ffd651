"""What the commands share: the options several declare, the language option's callback,
and the command class whose help speaks the run's language. ``cli`` (the group and
``lint``) and ``others`` (the other commands) both declare their commands with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..products.formats import choices
from .commands import LANGUAGES

if TYPE_CHECKING:
    from pathlib import Path

#: where the language is kept between ``plancheck --lang en`` and the command after it
LANG_KEY = "plancheck.lang"

LANGS = click.Choice(list(LANGUAGES))


def format_option(output: str):
    """The --format option of a command, its choices from the formats registry."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices(output)),
        default="text",
        show_default=True,
        help="Output format.",
    )


def command_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """A command's --lang, else the one given before the command, else $PLANCHECK_LANG
    (click reads it), else Chinese."""
    return value or ctx.meta.get(LANG_KEY) or "zh"


LANG_OPTION = click.option(
    "--lang",
    type=LANGS,
    default=None,
    envvar="PLANCHECK_LANG",
    callback=command_lang,
    help="Language of messages and reports: zh (Chinese, the default) or en (English).",
)


def as_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    """A FILE option's value as a Path (``click.Path(path_type=Path)`` would make it so),
    made only where the option is given: a run without one, such as a lint from the result
    cache, imports no pathlib."""
    if value is None:
        return None
    from pathlib import Path

    return Path(value)


#: options several commands share, written once (their help is translated by its text)
SELECT_OPTION = click.option(
    "--select", metavar="CODES", help="Codes or prefixes to check (N,A001,G00)."
)
IGNORE_OPTION = click.option("--ignore", metavar="CODES", help="Codes or prefixes to skip.")
CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    metavar="FILE",
    type=click.Path(),
    callback=as_path,
    help="Use this config file instead of the nearest .plancheck.yaml.",
)


class Formatter(click.HelpFormatter):
    """click's help formatter, its section headings ("Options:") worded by the catalogue,
    colon included (选项：, as 用法： is)."""

    def write_heading(self, heading: str) -> None:
        from gettext import gettext

        self.write(f"{'':>{self.current_indent}}{gettext('{heading}:').format(heading=heading)}\n")


class Context(click.Context):
    formatter_class = Formatter


class Command(click.Command):
    """A command whose help option speaks the language of the run: click makes that option
    once per command and keeps it, so its help is worded again each time it is asked."""

    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        from gettext import gettext

        option = super().get_help_option(ctx)
        if option is not None:
            option.help = gettext("Show this message and exit.")
        return option
