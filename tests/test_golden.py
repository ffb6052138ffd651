"""Golden outputs: the formats and the diff on the real plans, compared byte for byte.

Regenerate on purpose with ``PLANCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and review the change like any other.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_cli import invoke

GOLDEN = Path(__file__).parent / "golden"
DRAFT = "tests/data/diff/2025-draft.txt"
CASES = {
    "lint-2024.txt": ("lint", "plans/2024.txt", "--no-color"),
    "lint-2024-en.txt": ("lint", "plans/2024.txt", "--no-color", "--lang", "en"),
    "lint-2024.json": ("lint", "plans/2024.txt", "--format", "json"),
    "lint-2024.sarif": ("lint", "plans/2024.txt", "--format", "sarif"),
    "lint-2024.github": ("lint", "plans/2024.txt", "--format", "github"),
    "diff-2024-2025.txt": ("diff", "plans/2024.txt", DRAFT),
    "diff-2024-2025.json": ("diff", "plans/2024.txt", DRAFT, "--format", "json"),
    "rules.txt": ("rules",),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name, monkeypatch):
    monkeypatch.chdir(ROOT)
    output = invoke(*CASES[name]).stdout
    golden = GOLDEN / name
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")
