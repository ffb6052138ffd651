"""Every word a reader sees, one module per language (``zh``, the default, and ``en``): each
rule's title, explanation and messages (keyed ``CODE`` or ``CODE.variant``), the errors (keyed
by their English template, ``base.errors.Reason``), the command line's help and click's own
words (a gettext catalogue in ``catalogs/``), and the labels of the reports and the diff.

Rules give facts (task, agency, expected…); the text a drafter reads is made here, so both
languages say the same thing and a translation never touches a rule.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..base.lazyre import LazyPattern

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..base.errors import Reason
    from ..checking.findings import Words
    from ..checking.registry import RuleSpec

LANGUAGES = ("zh", "en")
#: click's own words (usage, headings, its errors) as gettext catalogues, click's i18n hook:
#: ``catalogs/<lang>/LC_MESSAGES/click.mo``, built from each language's CLICK tables
#: (tests/test_meta.py checks them and rebuilds them with PLANCHECK_UPDATE_GOLDEN=1); a
#: string, as gettext takes it (every run binds it, and a run from the cache needs no pathlib)
CATALOGS = os.path.join(os.path.dirname(__file__), "catalogs")
CLICK_DOMAIN = "click"
#: finding arguments whose values are keys of UI words (``style`` → ``UI["style.council"]``)
_NAMED_VALUES = frozenset({"style"})
#: finding arguments that are line numbers: a message says each as a place (``{line_at}``:
#: 第12行, or in a Word file 第12段 / 表2第4行, where Word has paragraphs, not lines)
_LINE_FACTS = ("line", "first_line", "def_line")
#: finding arguments that are several line numbers (one habit's places): ``{lines_at}`` says
#: the first few as places and how many there are (第18行、第20行、第22行等456行)
_LINES_FACTS = ("lines",)
#: how many places of such a list a message names before saying how many there are
_PLACES_NAMED = 3
#: finding arguments that are dates, given as ISO text (2024-06-06, or 2018-03 where only the
#: month is known): a message says each the language's way (2024年6月6日 in Chinese)
_DATE_FACTS = ("date",)
#: an ISO date or year-month, as the registries and the law catalogue hold them
_ISO_DATE = LazyPattern(r"^((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?$")


class Count(int):
    """A whole number in a message: ``{count:problem|problems}`` in a template says the noun
    in the number it agrees with, the first form for one, the second for any other (the
    second may name the number again: ``{count:once|{count} times}``), so an English message
    never reads "1 problems". Chinese has no plural: its templates write the number alone.
    Any other format (``{month:02d}``) is the number's own."""

    def __format__(self, spec: str) -> str:
        one, bar, other = spec.partition("|")
        if not bar:
            return int.__format__(self, spec)
        return one if self == 1 else other


def fill(template: str, facts: dict[str, Any]) -> str:
    """A template filled in with its facts, each whole number a ``Count``."""
    return template.format_map({k: Count(v) if type(v) is int else v for k, v in facts.items()})


@cache
def catalogue(lang: str) -> ModuleType:
    return import_module(f"checker.locale.{lang if lang in LANGUAGES else 'zh'}")


def _shown(lang: str, value: Any) -> Any:
    """A fact as a message shows it: nothing for None, a list joined in the language's way."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return catalogue(lang).UI["list_separator"].join(map(str, value))
    return value


def message(lang: str, key: str, args: dict[str, Any], places: tuple[tuple, ...] = ()) -> str:
    """Render the message for a finding; falls back from ``CODE.variant`` to ``CODE``.
    ``places`` are a Word file's (``Source.places``): a line number the message names is
    then said as the paragraph or table row it is. (Run once per finding, tens of thousands
    of times over a folder of plans, in the process that writes the output, alone: kept
    lean, one pass over the facts.)"""
    book = catalogue(lang)
    shown = _facts_shown(lang, book, args)
    for name in _LINE_FACTS:
        if name in args:
            shown[f"{name}_at"] = line_words(lang, args[name], places)
            shown["line_unit"] = book.UI["unit.paragraph" if places else "unit.line"]
    for name in _LINES_FACTS:
        if name in args:
            shown[f"{name}_at"] = lines_words(lang, args[name], places)
    for name in _DATE_FACTS:
        if name in args:
            shown[name] = date_words(lang, args[name])
    for name in _NAMED_VALUES.intersection(args):  # a fact like style=council, in words
        value = _said(lang, args[name])
        shown[f"{name}_name"] = _shown(lang, book.UI.get(f"{name}.{value}", value))
    template = book.MESSAGES.get(key) or book.MESSAGES.get(key.split(".")[0])
    if template is None:  # a rule written as data carries its own messages
        own = _said(lang, args.get(f"message_{lang}")) or _said(lang, args.get("message_zh"))
        template = str(own or key)
    text = template.format_map(shown)
    task = _said(lang, args.get("task"))
    if task is not None and "{task}" not in template:
        text = book.UI["in_task"].format(task=task) + text
    return text


def _facts_shown(lang: str, book: ModuleType, args: dict[str, Any]) -> dict[str, Any]:
    """Each fact as the message shows it (``_shown``), ``Words`` said in the language."""
    words = _words_class()
    shown = {}
    for name, value in args.items():
        if value is None:
            value = ""
        elif type(value) is int:
            value = Count(value)
        elif isinstance(value, list | tuple):
            if isinstance(value, words):
                value = _words(lang, value)
            else:
                value = book.UI["list_separator"].join(map(str, value))
        shown[name] = value
    return shown


def _said(lang: str, value: Any) -> Any:
    """A fact with its ``Words`` said in the language, anything else as it is."""
    return _words(lang, value) if isinstance(value, _words_class()) else value


@cache
def _words_class() -> type:
    """``findings.Words``, imported on the first message, not with this module: the CLI
    imports locale to word its errors, before (or without) any finding."""
    from ..checking.findings import Words

    return Words


def _words(lang: str, keys: Words) -> str:
    words = catalogue(lang).WORDS
    return words["separator"].join(words[key] for key in keys)


def date_words(lang: str, value: Any) -> Any:
    """A date as the language writes it: ISO ``2024-06-06`` (``2018-03``, ``2018``) is
    ``2024年6月6日`` (``2018年3月``, ``2018年``) in Chinese, as GB/T 15835 and every plan
    write dates, and stays ISO in English. Anything else is said as it is."""
    found = _ISO_DATE.match(str(value)) if value is not None else None
    if found is None:
        return _shown(lang, value)
    year, month, day = (int(part) if part else None for part in found.groups())
    key = "date.day" if day else "date.month" if month else "date.year"
    return catalogue(lang).UI[key].format(year=year, month=month, day=day)


def rule_title(lang: str, spec: RuleSpec) -> str:
    """A rule's title: its locale entry, or a data rule's own (from its YAML)."""
    return catalogue(lang).TITLES.get(spec.code) or _own(spec.titles, lang) or spec.name


def rule_explanation(lang: str, spec: RuleSpec) -> str:
    """What a rule checks and why: its locale entry, or a data rule's own description."""
    return catalogue(lang).EXPLANATIONS.get(spec.code) or _own(spec.explanations, lang)


def rule_titles(lang: str, specs: Iterable[RuleSpec]) -> dict[str, str]:
    return {spec.code: rule_title(lang, spec) for spec in specs}


def _own(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("zh") or ""


def text(lang: str, key: str, **args: Any) -> str:
    """A user-interface string (summary lines, headings of reports), its numbers ``Count``s."""
    return fill(catalogue(lang).UI[key], args)


def at(lang: str, where: Any, text: str) -> str:
    """``where: text`` with the language's colon (``file：文件不存在`` in Chinese)."""
    return catalogue(lang).UI["at"].format(where=where, text=text)


def error(lang: str, reason: Reason) -> str:
    """Why a file or a command failed, in ``lang``: the language's ``ERRORS`` translate the
    English template (the msgid; English needs no entry) and the facts fill it in, a fact
    that is itself a ``Reason`` worded the same way. A template without a translation, or a
    field the facts do not give, fails."""
    from ..base.errors import Reason

    table = catalogue(lang).ERRORS
    template = table[reason.template] if table else reason.template
    facts = {
        name: error(lang, value) if isinstance(value, Reason) else value
        for name, value in reason.facts.items()
    }
    return fill(template, facts)  # a number agrees with its noun, as in every other text


def line_words(lang: str, line: Any, places: tuple[tuple, ...] = ()) -> str:
    """A line number as a reader finds it: 第12行 (line 12) in a text plan; in a Word file
    the body paragraph (第12段) or the task-table row (表2第4行) that line is."""
    where = places[line - 1] if isinstance(line, int) and 0 < line <= len(places) else ()
    if where and where[0] == "p":
        return text(lang, "place_paragraph", paragraph=where[1])
    if where and where[0] == "t":
        return text(lang, "place_row", table=where[1], row=where[2])
    if where and where[0] == "pg":  # a PDF: where the paragraph begins on its page
        _, page, on_page = where[1][0]
        return text(lang, "place_page", page=page, line=on_page)
    if where and where[0] == "ls":  # a rebuilt text: the file's line where it begins
        return text(lang, "place_line", line=where[1][0][1])
    return text(lang, "place_line", line=line)


def lines_words(lang: str, lines: Any, places: tuple[tuple, ...] = ()) -> str:
    """Several line numbers as a reader finds them: the first few as places (``line_words``),
    then how many there are, so that a habit of 456 lines is said in one short phrase."""
    said = [line_words(lang, line, places) for line in tuple(lines)[:_PLACES_NAMED]]
    first = catalogue(lang).UI["list_separator"].join(said)
    if len(lines) <= _PLACES_NAMED:
        return first
    unit = catalogue(lang).UI["unit.paragraph" if places else "unit.line"]
    return text(lang, "places_more", first=first, count=len(lines), unit=unit)


def place(lang: str, found: Any) -> str:
    """A finding's place in words (表1第3行“牵头单位”列, 第12段), or "" for a text line."""
    where = found.place_dict() if found.place else None
    if where is None:
        return ""
    if "paragraph" in where:
        key = "place_paragraph"
    elif "page" in where:
        key = "place_page"
    elif "table" in where:
        key = "place_table"
    else:
        key = "place_file_line"
    return text(lang, key, **where)
