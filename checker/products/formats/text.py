"""``path:line:col: CODE message [severity]``, one line a finding, then the summary
(ruff/flake8 style). The severity is written out, so it reads without colour too.

``--statistics`` gives one line per rule instead (count, code, ``[*]`` when fixable, title);
``--quiet`` leaves out the summary.
"""

from __future__ import annotations

from collections import Counter

from ... import locale
from ...checking.findings import SEVERITIES
from . import RenderOptions, keep_prepared, message, summary_lines

_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def _severity_look(severity: str, options: RenderOptions) -> tuple[str, str]:
    """A severity's colour and its ``[warning]`` tag, as the text format writes them."""
    color = _COLORS.get(severity, "0")
    word = locale.text(options.lang, f"severity.{severity}")
    return color, _paint(f"[{word}]", color, options.color)


def _finding_lines(run, options: RenderOptions) -> list[str]:
    return [line for report in run.files for line in _report_lines(report, options)]


def _report_lines(report, options: RenderOptions) -> list[str]:
    """A file's lines: its findings, then its suppressions that hid nothing; those
    ``prepare`` made, or made now."""
    if report.prepared is not None:
        return report.prepared
    lines = []
    # each severity's colour and words worked out once, not once a finding (a 10 MB plan
    # has 54,000 findings)
    looks = {severity: _severity_look(severity, options) for severity in SEVERITIES}
    for found in report.findings:
        look = looks.get(found.severity) or _severity_look(found.severity, options)
        color, tag = look
        line, column = found.span.position
        where = _paint(f"{found.path}:{line}:{column}:", "1", options.color)
        code = _paint(found.code, color + ";1", options.color)
        text = message(found, options.lang, report.source)
        # a table cell, a PDF's page and line, a rebuilt text's own line, a Word
        # paragraph other than the line (paragraphs cut at a page's end joined): say which
        if found.place and (
            found.place[0] in ("t", "pg", "l") or (found.place[0] == "p" and found.place[1] != line)
        ):
            text += f" [{locale.place(options.lang, found)}]"
        lines.append(f"{where} {code} {text} {tag}")
    for span, what in report.unused_suppressions:
        text = locale.text(options.lang, "unused_suppression", what=what)
        lines.append(f"{report.path}:{span.line}:{span.column}: {text}")
    return lines


def prepare(report, options: RenderOptions) -> None:
    """A file's lines, made in the worker process that checked it (a run over many files:
    ``formats.preparer``). The parent writes them as they are, and is sent the source
    without its text, which only they were made from: for a thousand plans it then
    neither unpickles and folds their text nor words 14,000 messages one after another.
    ``--statistics`` counts the findings in the parent, and needs nothing made here."""
    if options.statistics:
        return
    keep_prepared(report, _report_lines(report, options))


def statistics(run, options: RenderOptions) -> list[dict]:
    """Per rule, most frequent first: code, name, title, count, and whether the run's fix
    mends it (safe fixes, or unsafe ones too under --unsafe-fixes)."""
    findings = run.findings
    counts = Counter(f.code for f in findings)
    names = {f.code: f.name for f in findings}
    fixable = {
        f.code for f in findings if f.fix is not None and (f.fix.safe or options.unsafe_fixes)
    }
    specs = options.rules or {}
    rows = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        spec = specs.get(code)
        title = locale.rule_title(options.lang, spec) if spec else ""
        rows.append(
            {
                "code": code,
                "name": names[code],
                "title": title,
                "count": count,
                "fixable": code in fixable,
            }
        )
    return rows


def _statistics_lines(run, options: RenderOptions) -> list[str]:
    """``count  CODE  [*] title`` (``[*]``: --fix mends it), as ruff's --statistics."""
    rows = statistics(run, options)
    width = max((len(str(row["count"])) for row in rows), default=1)
    mark = locale.text(options.lang, "statistics.fixable")
    return [
        f"{row['count']:>{width}}  {row['code']:<5} {mark if row['fixable'] else '   '} {row['title']}"
        for row in rows
    ]


def render_statistics_json(run, options: RenderOptions) -> str:
    """``--statistics --format json``: the per-rule rows as a JSON list."""
    import json

    return json.dumps(statistics(run, options), ensure_ascii=False, indent=2) + "\n"


def render(run, options: RenderOptions) -> str:
    lines = _statistics_lines(run, options) if options.statistics else _finding_lines(run, options)
    if not options.quiet:
        lines += summary_lines(run, options)
    return "\n".join(lines) + "\n" if lines else ""
