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
    """The modules of this folder, by name: a listing, where pkgutil's import would cost more
    at every start-up (and pkgutil where there is no folder to list, as in a zip). Only
    names a module can have (an editor's ``.#brackets.py`` lock file is none); finding no
    module at all is an error, never a run with no rules that reports no problems."""
    try:
        names = [
            name[:-3]
            for name in os.listdir(os.path.dirname(__file__))
            if name.endswith(".py") and name[:-3].isidentifier() and not name.startswith("_")
        ]
    except OSError:
        from pkgutil import iter_modules

        names = [info.name for info in iter_modules(__path__) if not info.name.startswith("_")]
    if not names:
        raise RuntimeError(f"no rule modules found in {__path__}")
    return sorted(names)


for _module in _rule_modules():
    import_module(f"{__name__}.{_module}")  # a rule module registers its rules on import


@cache
def builtin_rules() -> dict[str, RuleSpec]:
    """Every built-in rule by code, in code order: Python rules and the shipped data rules."""
    from ..kinds import builtin_data_rules

    for spec in builtin_data_rules():
        add(spec)
    return dict(sorted(RULES.items()))
