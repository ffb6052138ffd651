"""The built-in rules: one module per rule (numbering and agencies, one per family). Importing
this package registers them."""

from __future__ import annotations

from functools import cache

from ..registry import RULES, RuleSpec, add
from . import (  # noqa: F401  (registers the rules)
    abbreviation,
    agencies,
    brackets,
    document_number,
    marks,
    near_duplicate,
    numbering,
    punctuation_width,
    structure,
    tags,
    year_mismatch,
)


@cache
def builtin_rules() -> dict[str, RuleSpec]:
    """Every built-in rule by code, in code order: Python rules and the shipped data rules."""
    from ..kinds import builtin_data_rules

    for spec in builtin_data_rules():
        add(spec)
    return dict(sorted(RULES.items()))
