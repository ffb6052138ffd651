"""Applying the rules' edits: which fixes a run takes, and the text they make.

Rules propose ``Edit``s (in a finding's ``Fix``); nothing else writes text. ``--fix`` (the
engine's fix loop), ``review`` (tracked changes in Word) and the formats that show a fix
(JSON, SARIF, the diff) all take fixes by the same rule: in finding order, safe ones (and
unsafe ones when asked), skipping a fix that overlaps one already taken — the skipped one
comes back on the next pass, against the text the first one made.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..reading.model import Edit
from .findings import Finding


def overlaps(a: Edit, b: Edit) -> bool:
    """Do two edits touch the same text? Symmetric: ``overlaps(a, b) == overlaps(b, a)``, so
    which fix comes first never lets a clashing pair through.

    The same edit twice does not clash (``apply_edits`` makes it once). Two replacements
    clash when their ranges share a character; two insertions at one place unless they
    insert the same; an insertion and a replacement when the insertion falls strictly inside
    the replaced range (at either end it is text beside it, applied before or after it).
    """
    if a == b:
        return False
    a_inserts, b_inserts = a.start == a.end, b.start == b.end
    if a_inserts and b_inserts:
        return a.start == b.start
    if a_inserts:
        return b.start < a.start < b.end
    if b_inserts:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def taken_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[tuple[Edit, ...]]:
    """The fixes a run applies, each as its edits: safe ones (unsafe too when asked), in
    finding order, without one that overlaps a fix already taken."""
    taken: list[Edit] = []
    fixes: list[tuple[Edit, ...]] = []
    for found in findings:
        if found.fix is None or not (found.fix.safe or unsafe):
            continue
        edits = tuple(found.fix.edits)
        if any(overlaps(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
        fixes.append(edits)
    return fixes


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (later ones first so offsets stay valid)."""
    result = text
    last_start = len(text) + 1
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end), reverse=True):
        if edit.end > last_start:
            continue  # overlaps an edit already applied: left for the next pass
        result = result[: edit.start] + edit.text + result[edit.end :]
        last_start = edit.start
    return result
