"""What crosses from a parallel worker to the parent comes back whole: findings pickled
flat (``Finding.__reduce__``), and a run in workers writes what a run in one process does."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from checker.checking import lint as lint_module
from checker.checking.findings import Finding, Fix, Words
from checker.checking.lint import LintOptions, lint_paths
from checker.checking.rules import builtin_rules
from checker.products.formats import RenderOptions, render
from checker.reading.model import Edit, Span

from .test_json_text import findings

ROOT = Path(__file__).resolve().parent.parent


@given(st.lists(findings(), max_size=5))
def test_findings_come_back_equal_and_of_their_own_kinds(items):
    sent = [found for _source, found in items]
    back = pickle.loads(pickle.dumps(sent))
    assert back == sent
    for found in back:
        assert type(found) is Finding and type(found.span) is Span
        if found.fix is not None:
            assert type(found.fix) is Fix and {type(e) for e in found.fix.edits} == {Edit}


def test_words_and_the_shared_line_table_survive():
    """A ``Words`` fact stays ``Words`` (the locale says it); the spans of one file share
    one line table after the trip too, as they did before it."""
    starts = (0, 5, 9)
    found = [
        Finding("a.txt", "D005", Span(n, n + 1, starts), n, "D005", {"w": Words("D001.brackets")})
        for n in range(3)
    ]
    back = pickle.loads(pickle.dumps(found))
    assert type(back[0].args["w"]) is Words
    assert back[0].span.line_starts is back[2].span.line_starts


def test_a_run_in_workers_writes_what_a_run_in_one_process_writes(tmp_path, monkeypatch):
    """Every real plan of the repository, JSON and text, in both languages."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "data")
    specs = list(builtin_rules().values())
    monkeypatch.setattr(lint_module, "_cores", lambda: 2)
    monkeypatch.setattr(lint_module, "PARALLEL_MIN_FILES", 2)
    parallel = lint_paths([str(tmp_path)], LintOptions(), specs)
    monkeypatch.setattr(lint_module, "PARALLEL_MIN_FILES", 10**6)
    alone = lint_paths([str(tmp_path)], LintOptions(), specs)
    assert parallel.findings == alone.findings and len(alone.findings) > 50
    for lang in ("zh", "en"):
        for name in ("json", "text", "sarif"):
            options = RenderOptions(lang=lang, rules=builtin_rules())
            assert render(name, parallel, options) == render(name, alone, options)
