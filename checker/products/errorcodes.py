"""Stable codes for why a file could not be checked: JSON ``files[].error_code`` and
``skipped[].reason_code``, SARIF notifications' ``properties.error_code``.

A reason is written in English where it is raised (``cannot decode as gbk``); the locale's
``ERRORS`` translate it for people. Scripts need something that neither changes with
``--lang`` nor with a message's wording: these few codes, one per thing a user does about
it (fix the path, re-save the file as UTF-8, number the tasks, fix the config…). Every
reason raised in the code has its code here (tests/test_error_codes.py reads the sources).
"""

from __future__ import annotations

from functools import cache

#: English reason template → code; ``{field}`` matches the pieces a reason fills in
CODES: dict[str, str] = {
    # the path
    "no such file": "not-found",
    "No such file or directory": "not-found",
    "is a directory": "not-a-file",
    "Is a directory": "not-a-file",
    "Not a directory": "not-a-file",
    "not a regular file": "not-a-file",
    "no plan files (*.txt, *.md) in folder": "no-plans",
    # reading it
    "permission denied": "unreadable",
    "Permission denied": "unreadable",
    "file too large ({size} MB; the limit is 20 MB)": "too-large",
    "empty file": "empty",
    "file has only whitespace": "empty",
    "file has only a byte-order mark": "empty",
    "binary file (contains NUL bytes)": "binary",
    "binary file (control characters)": "binary",
    "cannot decode: neither UTF-8 nor GB18030": "encoding",
    "invalid UTF-8 after a BOM at byte {offset}": "encoding",
    "cannot decode as {encoding}": "encoding",
    "not a Word document (.docx)": "docx",
    "not a readable Word document (.docx)": "docx",
    "python-docx is not installed": "missing-dependency",
    "an older Word or WPS file (.doc, .wps), not .docx: open it in Word or WPS and save it as .docx": "legacy-word",
    # what it holds
    "not a plan: no plan title, document number, responsibility clause or 一、/1. outline": "not-a-plan",
    "not a plan: titled as a companion document ({title})": "not-a-plan",
    "not a plan: no numbered tasks or headings found": "not-a-plan",
    "a plan, but no numbered tasks or headings recognised: number tasks '1.' under '一、' headings": "not-understood",
    # writing the fix back (--fix)
    "file is read-only; not fixed": "unwritable",
    "cannot write beside the file ({reason})": "unwritable",
    "cannot write the file ({reason}); not fixed": "unwritable",
}

#: every code there is, for the documentation and the tests: ``config`` is a configuration
#: error that governs the file; ``unreadable`` also stands for a reason the operating system
#: gave that the table does not name (an I/O error…)
ALL = (*dict.fromkeys(CODES.values()), "config")

FALLBACK = "unreadable"


def error_code(reason: str, kind: str = "input") -> str:
    """The code of a file's error: ``kind`` is ``FileReport.error_kind`` (``input`` or
    ``config``)."""
    if kind == "config":
        return "config"
    if reason in CODES:
        return CODES[reason]
    for pattern, code in _patterns():
        if pattern.match(reason):
            return code
    return FALLBACK


@cache
def _patterns():
    from ..locale import template_pattern

    found = [(template_pattern(t), code) for t, code in CODES.items() if "{" in t]
    return sorted(found, key=lambda item: -len(item[0].pattern))
