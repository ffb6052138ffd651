"""Every rule's case file ``tests/rules/<CODE>.yaml``: what it must flag (with positions),
the look-alikes it must not flag, and what its fix produces."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.checking import engine
from checker.checking.config import Config
from checker.checking.engine import fix_until_stable
from checker.reading.parse import parse
from checker.reading.source import Source

from .conftest import ROOT, SPECS, lint_text

CASES = Path(__file__).parent / "rules"


def _cases(kind: str):
    for path in sorted(CASES.glob("*.yaml")):
        code = path.stem
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for n, case in enumerate(data.get(kind, [])):
            yield pytest.param(code, case, id=f"{code}-{kind}-{case.get('name', n)}")


def _config(case) -> dict:
    """A case's settings as ``.plancheck.yaml`` writes them; ``agencies:`` names registry
    files of the repository (an office's own registry)."""
    config = dict(case.get("config", {}))
    if "agencies" in config:
        config["agencies"] = tuple(ROOT / name for name in config["agencies"])
    return config


@pytest.mark.parametrize(("code", "case"), list(_cases("fail")))
def test_flags(code, case):
    found = lint_text(case["plan"], code, case.get("path", "snippet.txt"), **_config(case))
    got = [
        {"line": f.line, "column": f.column, **({"task": f.task} if "task" in e else {})}
        for f, e in zip(found, case["findings"], strict=False)
    ]
    assert [f.code for f in found] == [code] * len(case["findings"]), [
        (f.code, f.line, f.column, f.args) for f in found
    ]
    assert got == case["findings"]
    from checker import locale

    for lang, key in (("zh", "message_contains"), ("en", "message_contains_en")):
        for expected_text in case.get(key, []):
            said = [locale.message(lang, f.key, f.args) for f in found]
            assert any(expected_text in text for text in said), said


@pytest.mark.parametrize(("code", "case"), list(_cases("pass")))
def test_does_not_flag(code, case):
    found = lint_text(case["plan"], code, case.get("path", "snippet.txt"), **_config(case))
    assert found == [], [(f.code, f.line, f.column, f.args) for f in found]


@pytest.mark.parametrize(("code", "case"), list(_cases("fix")))
def test_fix(code, case):
    plan = parse(Source.from_text(case["plan"], case.get("path", "snippet.txt")))
    config = Config(select=(code,), options=_config(case))
    unsafe = case.get("unsafe", False)  # an unsafe fix's case says so: --unsafe-fixes
    fixed, _, count = fix_until_stable(plan, config, list(SPECS.values()), unsafe=unsafe)
    assert fixed.source.text == case["fixed"]
    assert count >= 1
    assert engine.run(fixed, config, list(SPECS.values())).findings == []
