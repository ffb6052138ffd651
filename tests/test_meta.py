"""Every rule is complete: documentation, examples that run, case files, both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker import locale

from .conftest import SPECS, lint_text

CASES = Path(__file__).parent / "rules"
CONTRACT_CODES = [
    "S001",
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
]


def test_every_contract_code_is_registered():
    assert sorted(SPECS) == sorted(CONTRACT_CODES)


@pytest.mark.parametrize("code", CONTRACT_CODES)
def test_rule_has_docs_messages_and_cases(code):
    spec = SPECS[code]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", spec.name)
    assert spec.rationale, "the docstring explains why"
    assert spec.examples("Bad") and spec.examples("Good")
    for lang in locale.LANGUAGES:
        catalogue = locale.catalogue(lang)
        assert code in catalogue.TITLES
        assert code in catalogue.MESSAGES
    cases = yaml.safe_load((CASES / f"{code}.yaml").read_text(encoding="utf-8"))
    assert cases.get("fail") and cases.get("pass")
    if spec.fix == "safe":
        assert cases.get("fix"), "a rule with a safe fix has fix cases"


def test_message_variants_exist_in_both_languages():
    zh = set(locale.catalogue("zh").MESSAGES)
    en = set(locale.catalogue("en").MESSAGES)
    assert zh == en


@pytest.mark.parametrize("code", CONTRACT_CODES)
def test_docstring_examples_run(code):
    spec = SPECS[code]
    for bad in spec.examples("Bad"):
        assert [f.code for f in lint_text(bad, code)], f"Bad example not flagged: {bad}"
    for good in spec.examples("Good"):
        assert lint_text(good, code) == [], f"Good example flagged: {good}"


@pytest.mark.parametrize("code", CONTRACT_CODES)
def test_messages_render_without_placeholders(code):
    spec = SPECS[code]
    for bad in spec.examples("Bad"):
        for found in lint_text(bad, code):
            for lang in locale.LANGUAGES:
                text = locale.message(lang, found.key, found.args)
                assert "{" not in text and text.strip()
                if found.task is not None:
                    assert str(found.task) in text
