"""Every rule is complete: words in both languages, examples that run, case files. The codes
come from the registry, so a new rule is checked here without editing this file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker import locale

from .conftest import SPECS, lint_text

CASES = Path(__file__).parent / "rules"
#: the codes the interface promised (CONTRACT.md and its additions): they never go away
CONTRACT_CODES = [
    "N001",
    "N002",
    "N003",
    "N004",
    "N005",
    "N006",
    "A001",
    "G001",
    "G002",
    "G003",
    "G004",
    "G005",
    "G006",
    "G007",
    "G008",
    "G009",
    "D001",
    "D002",
    "D003",
    "D004",
    "D005",
    "D006",
    "D007",
    "S001",
]
#: every rule, from the registry: a new rule is tested without editing this file
CODES = sorted(SPECS)
PYTHON_RULES = [code for code in CODES if SPECS[code].origin == "builtin"]


def test_every_contract_code_is_registered():
    assert set(CONTRACT_CODES) <= set(SPECS)
    assert all(re.fullmatch(r"[A-Z]\d{3}", code) for code in SPECS)


@pytest.mark.parametrize("code", CODES)
def test_rule_has_words_examples_and_cases(code):
    spec = SPECS[code]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", spec.name)
    assert spec.examples("Bad") and spec.examples("Good")
    for lang in locale.LANGUAGES:
        assert locale.rule_title(lang, spec) != spec.name, f"{code}: no title in {lang}"
        assert locale.rule_explanation(lang, spec), f"{code}: no explanation in {lang}"
    cases = yaml.safe_load((CASES / f"{code}.yaml").read_text(encoding="utf-8"))
    assert cases.get("fail") and cases.get("pass")
    if spec.fix == "safe":
        assert cases.get("fix"), "a rule with a safe fix has fix cases"


@pytest.mark.parametrize("code", PYTHON_RULES)
def test_a_python_rule_s_words_are_locale_entries_once_per_language(code):
    """One home for a rule's words: its locale entries (title, explanation, messages). The
    docstring holds only the examples; a data rule's words are in its YAML instead."""
    spec = SPECS[code]
    for lang in locale.LANGUAGES:
        catalogue = locale.catalogue(lang)
        assert code in catalogue.TITLES and code in catalogue.EXPLANATIONS
        assert code in catalogue.MESSAGES
    lines = [line.strip() for line in spec.doc.strip().splitlines()]
    assert all(re.match(r"(Bad|Good):", line) for line in lines), lines


def test_data_rules_speak_from_their_yaml():
    for code in CODES:
        spec = SPECS[code]
        if spec.origin == "builtin":
            continue
        assert set(spec.titles) == set(locale.LANGUAGES) == set(spec.explanations)
        for lang in locale.LANGUAGES:
            assert code not in locale.catalogue(lang).TITLES
            assert code not in locale.catalogue(lang).MESSAGES


def test_locale_has_no_words_for_rules_that_do_not_exist():
    for lang in locale.LANGUAGES:
        catalogue = locale.catalogue(lang)
        for table in (catalogue.TITLES, catalogue.EXPLANATIONS):
            assert set(table) <= set(PYTHON_RULES)
        assert {key.split(".")[0] for key in catalogue.MESSAGES} <= set(CODES)


def test_message_variants_exist_in_both_languages():
    zh = set(locale.catalogue("zh").MESSAGES)
    en = set(locale.catalogue("en").MESSAGES)
    assert zh == en
    assert set(locale.catalogue("zh").WORDS) == set(locale.catalogue("en").WORDS)


@pytest.mark.parametrize("code", CODES)
def test_docstring_examples_run(code):
    spec = SPECS[code]
    for bad in spec.examples("Bad"):
        assert [f.code for f in lint_text(bad, code)], f"Bad example not flagged: {bad}"
    for good in spec.examples("Good"):
        assert lint_text(good, code) == [], f"Good example flagged: {good}"


@pytest.mark.parametrize("code", CODES)
def test_messages_render_without_placeholders(code):
    spec = SPECS[code]
    for bad in spec.examples("Bad"):
        for found in lint_text(bad, code):
            for lang in locale.LANGUAGES:
                text = locale.message(lang, found.key, found.args)
                assert "{" not in text and text.strip()
                if found.task is not None:
                    assert str(found.task) in text


def test_every_locale_table_has_the_same_keys_in_both_languages():
    """A word added in one language only would show the other language's reader a key.
    (ERRORS, CLICK, CLICK_PLURALS and HELP translate English msgids: English needs no entries; ``KEY.one``
    is a singular that only some languages have.)"""
    zh, en = locale.catalogue("zh"), locale.catalogue("en")
    tables = [n for n in dir(zh) if n.isupper() and isinstance(getattr(zh, n), dict)]
    for name in tables:
        if name in {"ERRORS", "CLICK", "CLICK_PLURALS", "HELP"}:
            continue
        keys = [{k for k in getattr(lang, name) if not k.endswith(".one")} for lang in (zh, en)]
        assert keys[0] == keys[1], name


def _click_catalogue(lang: str) -> bytes:
    """The gettext catalogue of click's words in ``lang``, built with Babel from the
    language's CLICK and CLICK_PLURALS tables (the plural rule is English's: each of click's
    singular and plural messages keeps its own wording)."""
    from io import BytesIO

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    book = locale.catalogue(lang)
    from datetime import UTC, datetime

    fixed = datetime(2024, 1, 1, tzinfo=UTC)  # the header's dates: the same bytes every build
    catalog = Catalog(
        locale="en",
        domain=locale.CLICK_DOMAIN,
        project="plancheck",
        fuzzy=False,
        creation_date=fixed,
        revision_date=fixed,
    )
    for english, said in book.CLICK.items():
        catalog.add(english, said)
    for english, said in book.CLICK_PLURALS.items():
        catalog.add(english, said)
    out = BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


@pytest.mark.parametrize("lang", [lang for lang in locale.LANGUAGES if lang != "en"])
def test_click_s_catalogue_is_built_from_the_click_tables(lang):
    """Rebuild with ``PLANCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_meta.py``."""
    import gettext
    import os

    path = Path(locale.CATALOGS, lang, "LC_MESSAGES", f"{locale.CLICK_DOMAIN}.mo")
    built = _click_catalogue(lang)
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(built)
    assert path.read_bytes() == built, "rebuild it: PLANCHECK_UPDATE_GOLDEN=1"
    shipped = gettext.translation(locale.CLICK_DOMAIN, locale.CATALOGS, languages=[lang])
    book = locale.catalogue(lang)
    for english, said in book.CLICK.items():
        assert shipped.gettext(english) == said
    for (one, many), (said_one, said_many) in book.CLICK_PLURALS.items():
        assert (shipped.ngettext(one, many, 1), shipped.ngettext(one, many, 2)) == (
            said_one,
            said_many,
        )
