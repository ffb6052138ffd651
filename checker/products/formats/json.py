"""The JSON of ``lint --format json``: ``version``, ``files``, ``findings``, ``skipped``,
``summary`` (documented in docs/json.md).

``as_dict`` says what the JSON holds; ``render`` writes it as ``formats.indented_json``
does (with orjson): the output holds text, whole numbers, booleans and nulls only.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from . import RenderOptions, fix_payload, indented_json, keep_prepared, message

if TYPE_CHECKING:
    from ...base.errors import Reason
    from ...checking.findings import Finding
    from ...reading.source import Source


def finding_dict(found: Finding, source: Source | None, lang: str) -> dict[str, Any]:
    span = found.span
    line, column = span.position
    end_line, end_column = span.end_position
    item: dict[str, Any] = {
        "path": found.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "rule": found.code,
        "name": found.name,
        "severity": found.severity,
        "task": found.task,
        "message": message(found, lang, source),
        "fingerprint": found.fingerprint(),
    }
    where = found.place_dict()
    if where is not None:
        item["place"] = where
    fix = fix_payload(source, found)
    if fix is not None:
        item["fix"] = fix
    return item


def file_dict(report, lang: str) -> dict[str, Any]:
    item: dict[str, Any] = {"path": report.path}
    if report.error:
        item.update(error_dict(report.error, lang))
        return item
    item["tasks"] = report.summary["tasks"]
    # Python's names: utf-8-sig is UTF-8 with a BOM; UTF-16 always has one here (utf-16-le)
    utf8_bom = report.source.bom and report.source.encoding == "utf-8"
    item["encoding"] = report.source.encoding + ("-sig" if utf8_bom else "")
    if report.source.reading:  # how the text was rebuilt (a clean text plan has no key)
        item["reading"] = report.source.reading
    item.update({k: v for k, v in report.summary.items() if k != "tasks"})
    if report.fixed:
        item["fixed"] = report.fixed
    if report.fix_error:
        fix_error = error_dict(report.fix_error, lang)
        item.update({f"fix_{key}": value for key, value in fix_error.items()})
    return item


def error_dict(reason: Reason, lang: str) -> dict[str, str]:
    """Why a file was not checked: ``error`` the English reason (as before codes existed),
    ``error_code`` what a script branches on, ``error_message`` the reason in ``--lang``."""
    from ... import locale

    return {
        "error": reason.english(),
        "error_code": reason.code,
        "error_message": locale.error(lang, reason),
    }


def prepare(report, options: RenderOptions) -> None:
    """A file's findings as JSON values, made in the worker process that checked it (a run
    over many files: ``formats.preparer``). The parent takes them as they are, and is sent
    the source without its text, which only the findings' fixes were read from: for a
    thousand plans it then neither unpickles and folds 25 MB of text nor makes 14,000
    findings' messages and fixes one after another (issue 26)."""
    keep_prepared(report, _finding_dicts(report, options.lang))


def _finding_dicts(report, lang: str) -> list[dict[str, Any]]:
    """The file's findings as JSON values: those ``prepare`` made, or made now."""
    if report.prepared is not None:
        return report.prepared
    return [finding_dict(f, report.source, lang) for f in report.findings]


def as_dict(run, options: RenderOptions) -> dict[str, Any]:
    """The lint JSON as Python values."""
    findings = [item for report in run.files for item in _finding_dicts(report, options.lang)]
    by_rule = Counter(f.code for report in run.files for f in report.findings)
    counts = run.counts()
    return {
        "version": 1,
        "files": [file_dict(r, options.lang) for r in run.files],
        "findings": findings,
        "skipped": [_skipped(r, options.lang) for r in run.skipped],
        "summary": {
            "findings": counts["findings"],
            "by_rule": dict(sorted(by_rule.items())),
            "errors": len(run.errors),
            "fixed": counts["fixed"],
            "fix_errors": counts["fix_errors"],
            "fixable": counts["fixable"],
            "unsafe_fixable": counts["unsafe_fixable"],
            "files_checked": counts["checked"],
            "files_with_findings": counts["with_findings"],
            "files_skipped": counts["skipped"],
            "baseline_hidden": run.hidden_by_baseline,
            "suppressed": counts["suppressed"],
        },
    }


def _skipped(report, lang: str) -> dict[str, str]:
    """A file skipped as not a plan: ``reason`` in English, its code and its message."""
    error = error_dict(report.skipped, lang)
    return {
        "path": report.path,
        "reason": error["error"],
        "reason_code": error["error_code"],
        "message": error["error_message"],
    }


def render(run, options: RenderOptions) -> str:
    return indented_json(as_dict(run, options))
