"""Every message template against what its producer passes: a finding's message names only
facts its rule gives (a misspelt ``{wrod}`` fails, never shows as nothing), in every
language, and every template is one a rule produces.

The findings are those of every rule's case file (``tests/rules``) and the real plans, so a
template is checked against the facts of real findings, variants included. Errors are
checked the same way, statically, in ``test_error_codes``.
"""

from __future__ import annotations

import re
from string import Formatter

import pytest
import yaml

from checker import locale
from checker.checking.config import Config
from checker.checking.engine import run
from checker.reading.parse import parse
from checker.reading.source import Source, read_source

from .conftest import ROOT, SPECS

CASES = ROOT / "tests" / "rules"
#: facts a message may name that the locale adds to a rule's: a ``style`` in words, a line
#: as a reader finds it (``line_at``: 第12行, or 第12段 in a Word file) and its unit
DERIVED = {
    "style_name",
    "line_unit",
    *(f"{name}_at" for name in (*locale._LINE_FACTS, *locale._LINES_FACTS)),
}


def _plans() -> list[tuple[Source, dict]]:
    plans = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for case in data.get("fail", []) + data.get("fix", []):
            source = Source.from_text(case["plan"], case.get("path", "snippet.txt"))
            plans.append((source, dict(case.get("config", {}))))
    for folder in (ROOT / "plans", ROOT / "tests" / "data"):
        for path in sorted(folder.rglob("*.txt")):
            plans.append((read_source(str(path)), {}))
    return plans


def _findings():
    specs = list(SPECS.values())
    for source, options in _plans():
        registries = tuple(ROOT / name for name in options.pop("agencies", ()))
        config = Config(options=options, agencies=registries)
        yield from run(parse(source), config, specs).findings


def fields(template: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(template) if field is not None}


def test_every_finding_s_message_renders_in_every_language():
    produced: dict[str, set[str]] = {}
    for found in _findings():
        for lang in locale.LANGUAGES:
            assert locale.message(lang, found.key, found.args)  # a missing fact raises
        produced.setdefault(found.key, set()).update(found.args)
    assert len(produced) >= 30
    assert not UNEXERCISED & set(produced), "exercised now: take it off UNEXERCISED"
    for lang in locale.LANGUAGES:
        messages = locale.catalogue(lang).MESSAGES
        for key, template in messages.items():
            if key not in produced and not any(k.startswith(f"{key}.") for k in produced):
                continue  # no producer: the next test says so
            given = set().union(
                *(a for k, a in produced.items() if k == key or k.startswith(f"{key}.")), set()
            )
            unknown = fields(template) - given - DERIVED
            assert not unknown, f"{lang} MESSAGES[{key!r}] names {sorted(unknown)}, never given"


#: variants a rule produces that no case file or plan here exercises yet: their templates
#: are not checked against real facts (each wants a ``fail`` case in its ``tests/rules``
#: file). Empty: every variant has its case, and a new variant comes with one.
UNEXERCISED: set[str] = set()


def test_every_message_template_has_a_producer():
    """A template no finding uses is a misspelt key or a rule's leftover."""
    keys = {found.key for found in _findings()} | UNEXERCISED
    for lang in locale.LANGUAGES:
        unused = [
            key
            for key in locale.catalogue(lang).MESSAGES
            if key not in keys and not any(k.startswith(f"{key}.") for k in keys)
        ]
        assert unused == [], f"{lang}: {unused}"


def test_dates_are_written_the_languages_way():
    """A message's date: 2024年6月6日 (and 2018年3月) in Chinese, ISO in English; a fact
    that is no ISO date is said as it is."""
    assert locale.date_words("zh", "2024-06-06") == "2024年6月6日"
    assert locale.date_words("zh", "2018-03") == "2018年3月"
    assert locale.date_words("zh", "2018") == "2018年"
    assert locale.date_words("en", "2024-06-06") == "2024-06-06"
    assert locale.date_words("en", "2018-03") == "2018-03"
    assert locale.date_words("zh", "某日") == "某日"
    args = {"task": "1", "agency": "国家工商总局", "year": 2018, "date": "2018-03",
            "event": None, "plan_year": 2024, "successor": "市场监管总局"}  # fmt: skip
    assert "已于2018年3月" in locale.message("zh", "G003.abolished", args)
    assert "in 2018-03" in locale.message("en", "G003.abolished", args)


#: English nouns a count names: after "1" each must be singular, after "2" plural
_PLURALS = (
    "problems|tasks|comments|changes|headings|clauses|agencies|times|plans|sections"
    "|errors|warnings|items|files|fixes"
)


def _english_templates() -> list[tuple[str, str]]:
    book = locale.catalogue("en")
    tables = ("MESSAGES", "UI", "DIFF_TEXT", "HTML")
    return [
        (f"{table}[{key}]", template)
        for table in tables
        for key, template in getattr(book, table, {}).items()
        if isinstance(template, str)
    ]


class _Every(dict):
    """Every fact a template names, each the same number."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def __missing__(self, key: str) -> locale.Count:
        return locale.Count(self.number)


@pytest.mark.parametrize("number", [1, 2, 0])
def test_an_english_message_says_its_count_in_number(number):
    """Every English template, each of its numbers 1 (then 2, then 0): no "1 tasks", no
    "2 task"; "1 of them … has a fix", "2 of them … have fixes"."""
    wrong = re.compile(
        rf"\b1 (?:(?!with|whose)\w+ )?(?:{_PLURALS})\b"
        if number == 1
        else rf"\b{number} (?:task|problem|name)\b"
    )
    for where, template in _english_templates():
        said = template.format_map(_Every(number))
        assert not wrong.search(said), f"{where}: {said}"
        if number == 1:
            assert " are not listed" not in said and "have fixes" not in said, f"{where}: {said}"


@pytest.mark.parametrize(
    ("template", "facts", "said"),
    [
        ("Found {count} {count:problem|problems}.", {"count": 1}, "Found 1 problem."),
        ("Found {count} {count:problem|problems}.", {"count": 3}, "Found 3 problems."),
        ("Found {count} {count:problem|problems}.", {"count": 0}, "Found 0 problems."),
        ("{count:once|{count} times}", {"count": 1}, "once"),
        ("{count:once|{count} times}", {"count": 4}, "4 times"),
        ("{year}-{month:02d}", {"year": 2024, "month": 3}, "2024-03"),  # a number's own format
        ("{path}", {"path": "a|b"}, "a|b"),
    ],
)
def test_fill(template, facts, said):
    assert locale.fill(template, facts) == said


def test_chinese_writes_the_number_alone():
    book = locale.catalogue("zh")
    for table in ("MESSAGES", "UI", "DIFF_TEXT", "HTML"):
        for key, template in getattr(book, table, {}).items():
            if isinstance(template, str):
                fields = [spec for _, _, spec, _ in Formatter().parse(template) if spec]
                assert not any("|" in spec for spec in fields), f"{table}[{key}]"


def test_one_shared_task_is_said_in_the_singular():
    plan = "2024年推进计划\n一、总体\n1.推进改革。(科技部负责)\n2.完善制度。(科技部、国家知识产权局负责)\n"
    source = Source.from_text(plan, "one.txt")
    (found,) = [
        f for f in run(parse(source), Config(select=("G009",)), list(SPECS.values())).findings
    ]
    assert locale.message("en", found.key, found.args).startswith("1 task is shared")
    assert locale.message("zh", found.key, found.args).startswith("有1项任务")


def _named(template: str) -> tuple[set[str], set[str]]:
    """A template's fields: (those it writes, those it only counts by). English chooses a
    word by a number (``{n:task|tasks}``, see ``locale.fill``); Chinese writes no plural,
    so a field English only counts by may be absent in Chinese."""
    written, counted = set(), set()
    for _, field, spec, _ in Formatter().parse(template):
        if field is None:
            continue
        (counted if spec and "|" in spec else written).add(field)
        if spec:
            inner_written, inner_counted = _named(spec)
            written |= inner_written
            counted |= inner_counted
    return written, counted - written


def test_every_word_names_the_same_fields_in_every_language():
    """The tables besides MESSAGES and ERRORS (UI, HTML, DIFF_TEXT, NEXT_YEAR…) are worded
    from facts too: a field misspelt in one language (``{plna}`` for ``{plan}``) would fail
    only where a test renders that very entry, so each entry must name the fields English
    names (the tables that translate an English msgid, ERRORS, CLICK, HELP, name its
    fields: ``test_error_codes`` checks ERRORS against its makers)."""
    english = locale.catalogue("en")
    for lang in locale.LANGUAGES:
        book = locale.catalogue(lang)
        for table in [n for n in dir(book) if n.isupper() and isinstance(getattr(book, n), dict)]:
            for key, said in getattr(book, table).items():
                model = (
                    key
                    if table in {"ERRORS", "CLICK", "HELP"}
                    else getattr(english, table).get(key)
                )
                if not (isinstance(said, str) and isinstance(model, str)):
                    continue  # plural pairs (CLICK_PLURALS) and structured entries
                written, counted = _named(said)
                expected, by_count = _named(model)
                assert written <= expected | by_count, (
                    f"{lang} {table}[{key!r}]: {written - expected - by_count}"
                )
                assert expected <= written, (
                    f"{lang} {table}[{key!r}] leaves out {expected - written}"
                )
                assert counted <= expected | by_count, f"{lang} {table}[{key!r}]"
