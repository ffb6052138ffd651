"""The JSON of ``lint --format json``: ``version``, ``files``, ``findings``, ``skipped``,
``summary`` (documented in docs/json.md).

``as_dict`` says what the JSON holds; ``render`` writes the text ``json.dumps(as_dict(…),
ensure_ascii=False, indent=2)`` would, byte for byte (tested), but writes each finding
from one template (``_finding_text``) instead of a dict walked by the standard library's
pure-Python encoder: a run over a thousand plans has fourteen thousand findings, and the
parent process writes them alone, after the workers are done.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from . import RenderOptions, fix_payload, message
from .jsontext import Raw, dumps, string

if TYPE_CHECKING:
    from ..findings import Finding
    from ..source import Source


def finding_dict(found: Finding, source: Source | None, lang: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "path": found.path,
        "line": found.line,
        "column": found.column,
        "end_line": found.span.end_line,
        "end_column": found.span.end_column,
        "rule": found.code,
        "name": found.name,
        "severity": found.severity,
        "task": found.task,
        "message": message(found, lang),
        "fingerprint": found.fingerprint(),
    }
    where = found.place_dict()
    if where is not None:
        item["place"] = where
    fix = fix_payload(source, found)
    if fix is not None:
        item["fix"] = fix
    return item


#: where a finding's keys stand: the document, its ``findings`` list, the finding
_KEY = "\n      "


def _finding_text(found: Finding, source: Source | None, lang: str) -> str:
    """``finding_dict`` as ``dumps`` writes it in the findings list, the keys in the same
    order; the strings escaped by the C encoder, as ``json.dumps`` escapes them."""
    line, column, end_line, end_column = found.span.positions()
    text = (
        f'{{{_KEY}"path": {string(found.path)},'
        f'{_KEY}"line": {line},'
        f'{_KEY}"column": {column},'
        f'{_KEY}"end_line": {end_line},'
        f'{_KEY}"end_column": {end_column},'
        f'{_KEY}"rule": {string(found.code)},'
        f'{_KEY}"name": {string(found.name)},'
        f'{_KEY}"severity": {string(found.severity)},'
        f'{_KEY}"task": {dumps(found.task)},'
        f'{_KEY}"message": {string(message(found, lang))},'
        f'{_KEY}"fingerprint": {string(found.fingerprint())}'
    )
    where = found.place_dict()
    if where is not None:
        text += f',{_KEY}"place": {dumps(where, 3)}'
    fix = fix_payload(source, found)
    if fix is not None:
        text += f',{_KEY}"fix": {_fix_text(fix)}'
    return text + "\n    }"


#: where a fix's keys stand, and the keys ``fix_payload`` gives, in its order
_FIX_KEY = _KEY + "  "
_FIX_KEYS = ("line", "end_line", "replacement", "applicability")


def _fix_text(fix: dict[str, Any]) -> str:
    """A finding's ``fix`` as ``dumps`` writes it there: from a template when it has the
    keys ``fix_payload`` gives today, in their order (else as any dict)."""
    if tuple(fix) != _FIX_KEYS:
        return dumps(fix, 3)
    return (
        f'{{{_FIX_KEY}"line": {dumps(fix["line"])},'
        f'{_FIX_KEY}"end_line": {dumps(fix["end_line"])},'
        f'{_FIX_KEY}"replacement": {string(fix["replacement"])},'
        f'{_FIX_KEY}"applicability": {string(fix["applicability"])}{_KEY}}}'
    )


def file_dict(report, lang: str) -> dict[str, Any]:
    item: dict[str, Any] = {"path": report.path}
    if report.error:
        item.update(error_dict(report.error, report.error_kind, lang))
        return item
    item["tasks"] = report.summary["tasks"]
    item["encoding"] = report.source.encoding + ("-sig" if report.source.bom else "")
    if report.source.reading:  # how the text was rebuilt (a clean text plan has no key)
        item["reading"] = report.source.reading
    item.update({k: v for k, v in report.summary.items() if k != "tasks"})
    return item


def error_dict(reason: str, kind: str, lang: str) -> dict[str, str]:
    """Why a file was not checked: ``error`` the English reason (as before codes existed),
    ``error_code`` what a script branches on, ``error_message`` the reason in ``--lang``."""
    from .. import locale
    from ..errorcodes import error_code

    return {
        "error": reason,
        "error_code": error_code(reason, kind),
        "error_message": locale.error(lang, reason),
    }


def as_dict(run, options: RenderOptions) -> dict[str, Any]:
    """The lint JSON as Python values."""
    findings = [
        finding_dict(f, report.source, options.lang)
        for report in run.files
        for f in report.findings
    ]
    return _document(run, options, findings)


def _document(run, options: RenderOptions, findings: list | Raw) -> dict[str, Any]:
    """The lint JSON around its findings (dicts, or their text already written)."""
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
            "fixable": counts["fixable"],
            "unsafe_fixable": counts["unsafe_fixable"],
            "files_checked": counts["checked"],
            "files_with_findings": counts["with_findings"],
            "files_skipped": counts["skipped"],
            "baseline_hidden": run.hidden_by_baseline,
        },
    }


def _skipped(report, lang: str) -> dict[str, str]:
    """A file skipped as not a plan: ``reason`` in English, its code and its message."""
    error = error_dict(report.skipped or "", "input", lang)
    return {
        "path": report.path,
        "reason": error["error"],
        "reason_code": error["error_code"],
        "message": error["error_message"],
    }


def render(run, options: RenderOptions) -> str:
    texts = [
        _finding_text(f, report.source, options.lang)
        for report in run.files
        for f in report.findings
    ]
    findings = Raw("[\n    " + ",\n    ".join(texts) + "\n  ]" if texts else "[]")
    return dumps(_document(run, options, findings)) + "\n"
