"""The rule registry: a rule is a function with its code, name, severity and fix kind.

Its docstring is its documentation: the first line is the Chinese title, then free text
(why), then ``Bad:`` and ``Good:`` example lines that the tests run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import Context
    from .findings import Finding
    from .model import Plan

RuleFunc = Callable[["Plan", "Context"], Iterator["Finding"]]
_EXAMPLE = re.compile(r"^\s*(Bad|Good):\s?(.*)$")


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    severity: str
    fix: str | None  # safe | unsafe | None
    func: RuleFunc
    doc: str
    origin: str = "builtin"

    @property
    def title(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else self.name

    @property
    def rationale(self) -> str:
        lines = self.doc.strip().splitlines()[1:]
        return "\n".join(ln.strip() for ln in lines if not _EXAMPLE.match(ln)).strip()

    def examples(self, kind: str) -> list[str]:
        """Bad or Good example snippets; ``\\n`` inside one stands for a line break."""
        found = []
        for line in self.doc.splitlines():
            match = _EXAMPLE.match(line)
            if match and match.group(1) == kind:
                found.append(match.group(2).replace("\\n", "\n"))
        return found


RULES: dict[str, RuleSpec] = {}


def rule(code: str, name: str, *, severity: str = "error", fix: str | None = None):
    """Register a rule function under its code (one code, one rule)."""

    def register(func: RuleFunc) -> RuleFunc:
        if code in RULES and RULES[code].func is not func:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = RuleSpec(code, name, severity, fix, func, func.__doc__ or "")
        return func

    return register


def add(spec: RuleSpec) -> None:
    """Register a rule built from data (a YAML rule file)."""
    RULES[spec.code] = spec
