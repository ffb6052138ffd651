"""Output formats: one module per format, each with ``render(run, options) -> str``.

Formats never run rules; they turn a RunReport into text. A format is imported only when
asked for, so the text format does not pay for jinja2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from .. import locale
from ..findings import Finding
from ..registry import RuleSpec
from ..source import Source

_NEWLINES = re.compile(r"\r\n|\r")
FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass
class RenderOptions:
    lang: str = "zh"
    color: bool = False
    rules: dict[str, RuleSpec] | None = None


def render(name: str, run: Any, options: RenderOptions) -> str:
    if name not in FORMATS:
        raise ValueError(name)
    return import_module(f"checker.formats.{name}").render(run, options)


def message(found: Finding, lang: str) -> str:
    return locale.message(lang, found.key, found.args)


def fix_payload(source: Source | None, found: Finding) -> dict[str, Any] | None:
    """The contract's ``fix``: the lines the fix touches and what they become."""
    if source is None or found.fix is None or not found.fix.safe:
        return None
    from ..engine import apply_edits

    edits = found.fix.edits
    first = source.position(min(e.start for e in edits))[0]
    last = source.position(max(e.end for e in edits))[0]
    start, end = source.line_starts[first - 1], source.line_end(last)
    shifted = [type(e)(e.start - start, e.end - start, e.text) for e in edits]
    fixed = apply_edits(source.text[start:end], shifted)
    return {"line": first, "end_line": last, "replacement": _NEWLINES.sub("\n", fixed)}
