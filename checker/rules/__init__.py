"""The built-in rules: one module per rule (numbering and agencies, one per family).

Importing this package registers them: every module in this folder is imported, so a new
rule is a new module here, with no list to update (docs/adding-a-rule.md).
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from pkgutil import iter_modules

from ..registry import RULES, RuleSpec, add

for _module in sorted(info.name for info in iter_modules(__path__)):
    import_module(f"{__name__}.{_module}")  # a rule module registers its rules on import


@cache
def builtin_rules() -> dict[str, RuleSpec]:
    """Every built-in rule by code, in code order: Python rules and the shipped data rules."""
    from ..kinds import builtin_data_rules

    for spec in builtin_data_rules():
        add(spec)
    return dict(sorted(RULES.items()))
