"""``path:line:col: CODE message``, one line a finding, then a summary line (ruff/flake8 style)."""

from __future__ import annotations

from .. import locale
from . import RenderOptions, message

_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def render(run, options: RenderOptions) -> str:
    lines = []
    for report in run.files:
        for found in report.findings:
            where = _paint(f"{found.path}:{found.line}:{found.column}:", "1", options.color)
            code = _paint(found.code, _COLORS.get(found.severity, "0") + ";1", options.color)
            lines.append(f"{where} {code} {message(found, options.lang)}")
        for span, what in report.unused_suppressions:
            text = locale.text(options.lang, "unused_suppression", what=what)
            lines.append(f"{report.path}:{span.line}:{span.column}: {text}")
    findings = run.findings
    files = len(run.files)
    if findings:
        fixable = sum(1 for f in findings if f.fix is not None and f.fix.safe)
        lines.append(
            locale.text(options.lang, "summary", count=len(findings), files=files, fixable=fixable)
        )
    else:
        lines.append(locale.text(options.lang, "summary_none", files=files))
    fixed = sum(r.fixed for r in run.files)
    if fixed:
        lines.append(locale.text(options.lang, "fixed", count=fixed))
    return "\n".join(lines) + "\n"
