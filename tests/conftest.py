"""Shared helpers: lint a snippet, make variants of the real 2024 plan."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.checking import engine
from checker.checking.config import Config
from checker.checking.rules import builtin_rules
from checker.reading.parse import parse
from checker.reading.source import Source

ROOT = Path(__file__).resolve().parent.parent
PLAN_2024 = ROOT / "plans" / "2024.txt"
SPECS = builtin_rules()


def lint_text(
    text: str, select: str | tuple[str, ...] = ("ALL",), path: str = "snippet.txt", **config
):
    """Findings of the selected rules on a plan given as text."""
    if isinstance(select, str):
        select = tuple(s.strip() for s in select.split(","))
    plan = parse(Source.from_text(text, path))
    fields = {k: v for k, v in config.items() if k in Config.__slots__}
    options = {k: v for k, v in config.items() if k not in fields}  # rule options, by key
    settings = Config(select=select, options=options, **fields)
    return engine.run(plan, settings, list(SPECS.values())).findings


def to_full_width(text: str) -> str:
    """The same plan with full-width ，（）： as a drafter's Word would write it."""
    return text.translate(str.maketrans({",": "，", "(": "（", ")": "）", ":": "："}))


@pytest.fixture(scope="session")
def plan_2024_text() -> str:
    return PLAN_2024.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def repaired_2024(plan_2024_text: str) -> str:
    """The 2024 plan with the split task joined and the three stray tags removed."""
    text = plan_2024_text.replace("按职责分工负责)5\n0.加强", "按职责分工负责)\n50.加强")
    return text.replace("(科技成果评价)", "")


# CI explores the same examples every run (a new counterexample should come from a
# developer's run, not block a landing); locally hypothesis keeps exploring.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", max_examples=2000, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
elif os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory):
    """The suite's result and data caches in a temporary folder, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("plancheck-cache")))
        yield


@pytest.fixture(scope="session")
def plancheck_command() -> str:
    """The ``plancheck`` console script installed beside the interpreter running the tests:
    the one this checkout installed. The first ``plancheck`` on PATH may be an older global
    install (a pyenv shim, another venv) that would test that install, not this one."""
    import sys

    beside = Path(sys.executable).with_name("plancheck")
    if not beside.exists():
        pytest.skip("plancheck is not installed beside this interpreter (pip install -e .)")
    return str(beside)
