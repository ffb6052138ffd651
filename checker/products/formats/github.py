"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""

from __future__ import annotations

from . import RenderOptions, keep_prepared, message

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _report_lines(report, options: RenderOptions) -> list[str]:
    """A file's commands: its error, then its findings; those ``prepare`` made, or made
    now."""
    if report.prepared is not None:
        return report.prepared
    lines = []
    if report.error:
        from ... import locale

        reason = locale.error(options.lang, report.error)
        lines.append(f"::error file={_escape_property(report.path)}::{_escape_data(reason)}")
    for found in report.findings:
        span = found.span  # (a property: made once here, not once for each of four reads)
        props = ",".join(
            [
                f"file={_escape_property(found.path)}",
                f"line={span.line}",
                f"col={span.column}",
                f"endLine={span.end_line}",
                f"endColumn={span.end_column}",
                f"title={_escape_property(f'{found.code} {found.name}')}",
            ]
        )
        level = _LEVELS.get(found.severity, "warning")
        lines.append(
            f"::{level} {props}::{_escape_data(message(found, options.lang, report.source))}"
        )
    return lines


def prepare(report, options: RenderOptions) -> None:
    """A file's commands, made in the worker process that checked it (a run over many
    files: ``formats.preparer``), as the text format's lines are: the parent writes them as
    they are, and is sent the source without its text."""
    keep_prepared(report, _report_lines(report, options))


def render(run, options: RenderOptions) -> str:
    lines = [line for report in run.files for line in _report_lines(report, options)]
    return "\n".join(lines) + ("\n" if lines else "")
