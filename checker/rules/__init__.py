"""The built-in rules: one module per rule (numbering and agencies, one per family).

Importing this package registers them: every module in this folder is imported, so a new
rule is a new module here, with no list to update (docs/adding-a-rule.md).
"""

from __future__ import annotations

import os
from functools import cache
from importlib import import_module

from ..registry import RULES, RuleSpec, add


def _rule_modules() -> list[str]:
    """The modules of this folder, by name (a listing, not pkgutil, whose import costs more
    than reading one folder at every start-up)."""
    return sorted(
        name[:-3]
        for name in os.listdir(os.path.dirname(__file__))
        if name.endswith(".py") and not name.startswith("_")
    )


for _module in _rule_modules():
    import_module(f"{__name__}.{_module}")  # a rule module registers its rules on import


@cache
def builtin_rules() -> dict[str, RuleSpec]:
    """Every built-in rule by code, in code order: Python rules and the shipped data rules."""
    from ..kinds import builtin_data_rules

    for spec in builtin_data_rules():
        add(spec)
    return dict(sorted(RULES.items()))
