"""``--diff``: what ``--fix`` would change, as a unified diff; nothing is written."""

from __future__ import annotations

import difflib

from . import RenderOptions


def render_unified(run, options: RenderOptions) -> str:
    chunks = []
    for report in run.files:
        if report.fixed_text is None or report.original_text is None:
            continue
        before = report.original_text.splitlines(keepends=True)
        after = report.fixed_text.splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(before, after, f"a/{report.path}", f"b/{report.path}"))
    text = "".join(chunks)
    return text if not text or text.endswith("\n") else text + "\n"
