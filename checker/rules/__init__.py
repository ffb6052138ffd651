"""The built-in rules, one module per family. Importing this package registers them."""

from __future__ import annotations

from ..registry import RULES, RuleSpec
from . import agencies, document, numbering, tags  # noqa: F401  (registers the rules)


def builtin_rules() -> dict[str, RuleSpec]:
    """Every registered rule by code, in code order."""
    return dict(sorted(RULES.items()))
