"""What a text says, kept per process (checker/base/memo.py)."""

from __future__ import annotations

from checker.base import memo
from checker.checking.rules.near_duplicate import _buckets
from checker.reading.clause import _read_clause

from .conftest import PLAN_2024, lint_text


def test_what_a_text_says_is_kept_per_process_and_never_changes_a_finding():
    """Memos of what a text says (clauses, names, D007's task masks) serve the next plan: its
    findings are those of a plan never seen, and ``forget`` empties them."""
    text = PLAN_2024.read_text(encoding="utf-8")
    other = text.replace("加快", "加速").replace("1.", "1.深化改革。(科技部负责)\n2.", 1)
    memo.forget()
    cold = [(f.code, f.span) for f in lint_text(other)]
    lint_text(text)  # fills the memos with the 2024 plan's texts
    assert _read_clause.cache_info().currsize and _buckets.cache_info().currsize
    assert [(f.code, f.span) for f in lint_text(other)] == cold
    memo.forget()
    assert _read_clause.cache_info().currsize == _buckets.cache_info().currsize == 0
