"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""

from __future__ import annotations

from . import RenderOptions, message

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run, options: RenderOptions) -> str:
    lines = []
    for report in run.files:
        if report.error:
            from ... import locale

            reason = locale.error(options.lang, report.error)
            lines.append(f"::error file={_escape_property(report.path)}::{_escape_data(reason)}")
        for found in report.findings:
            props = ",".join(
                [
                    f"file={_escape_property(found.path)}",
                    f"line={found.line}",
                    f"col={found.column}",
                    f"endLine={found.span.end_line}",
                    f"endColumn={found.span.end_column}",
                    f"title={_escape_property(f'{found.code} {found.name}')}",
                ]
            )
            level = _LEVELS.get(found.severity, "warning")
            lines.append(
                f"::{level} {props}::{_escape_data(message(found, options.lang, report.source))}"
            )
    return "\n".join(lines) + ("\n" if lines else "")
