"""SARIF 2.1.0 for code-scanning services: rule metadata from the registry, fixes as
replacements, columns in Unicode code points; written as the JSON format is
(``formats.indented_json``: text, whole numbers, booleans and nulls only)."""

from __future__ import annotations

from typing import Any

from ... import __version__, locale
from . import RenderOptions, indented_json, message

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _region(span) -> dict[str, int]:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _rule(spec, lang: str) -> dict[str, Any]:
    title = locale.rule_title(lang, spec)
    help_text = locale.rule_explanation(lang, spec) or title
    return {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": title},
        "fullDescription": {"text": help_text},
        "help": {"text": f"{help_text}\n\nplancheck rule {spec.code}"},
        "defaultConfiguration": {"level": _LEVELS[spec.severity]},
        "properties": {"fix": spec.fix or "none"},
    }


def _fix(found, report) -> list[dict[str, Any]]:
    if found.fix is None or report.source is None:
        return []
    from ...reading.model import Span

    replacements = [
        {
            "deletedRegion": _region(Span.of(report.source, edit.start, edit.end)),
            "insertedContent": {"text": edit.text},
        }
        for edit in found.fix.edits
    ]
    return [
        {
            "description": {"text": found.code},
            "properties": {"applicability": "safe" if found.fix.safe else "unsafe"},
            "artifactChanges": [
                {"artifactLocation": {"uri": found.path}, "replacements": replacements}
            ],
        }
    ]


def render(run, options: RenderOptions) -> str:
    specs = options.rules or {}
    described = sorted(set(specs))
    # ruleIndex points into the rules described: a code without a descriptor (a rule a
    # config added) gets none and must not shift the others
    index = {code: n for n, code in enumerate(described)}
    rules = [_rule(specs[code], options.lang) for code in described]
    results = []
    artifacts = []
    for report in run.files:
        artifact: dict[str, Any] = {"location": {"uri": report.path}}
        if report.source is not None:
            artifact["encoding"] = report.source.encoding
        artifacts.append(artifact)
        for found in report.findings:
            result: dict[str, Any] = {
                "ruleId": found.code,
                "level": _LEVELS.get(found.severity, "warning"),
                "message": {"text": message(found, options.lang, report.source)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": found.path},
                            "region": _region(found.span),
                        }
                    }
                ],
                "partialFingerprints": {"plancheck/v1": found.fingerprint()},
            }
            if found.code in index:
                result["ruleIndex"] = index[found.code]
            if found.task is not None:
                result["properties"] = {"task": found.task}
            where = found.place_dict()
            if where is not None:  # a Word paragraph or a table cell, as in the JSON
                result.setdefault("properties", {})["place"] = where
            fixes = _fix(found, report)
            if fixes:
                result["fixes"] = fixes
            results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plancheck",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/plancheck/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "invocations": [
                    {
                        "executionSuccessful": not run.errors,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {
                                    "text": locale.at(
                                        options.lang, r.path, locale.error(options.lang, r.error)
                                    )
                                },
                                "properties": {"error_code": r.error.code},
                            }
                            for r in run.errors
                        ],
                    }
                ],
                "results": results,
            }
        ],
    }
    return indented_json(log)
