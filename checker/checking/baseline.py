"""Baselines for legacy plans in CI: known findings recorded in YAML and hidden from lint.

Entries are matched by path, rule, task and a fingerprint of the text concerned, never by
line, so an edit above a finding does not bring it back. An entry's path is written relative
to the baseline file's folder, so the same baseline hides the same findings whichever folder
lint is run from (a drafter in ``plans/``, CI at the root); an entry written before, as the
path was typed, still matches a run from the folder it was written in. Files are read and written with
ruamel.yaml in round-trip mode, so comments a reviewer adds to an entry survive an update.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from ..base.errors import ConfigError, os_reason
from .findings import Finding

HEADER = (
    "plancheck baseline: findings known when it was written; `plancheck lint --baseline FILE`\n"
    "hides them. Update with --write-baseline. Comments on entries are kept.\n"
)


def _key(path: str, rule: str, task: object, fingerprint: str) -> tuple[str, str, str, str]:
    return (Path(path).as_posix(), rule, str(task), fingerprint)


def relative_to(path: str, folder: Path) -> str:
    """``path`` (as lint names a file: as typed, or a name given for standard input) relative
    to ``folder``, in / form: what a baseline in ``folder`` records. A name that is no path
    (``-``, ``<stdin>``) stays as it is."""
    if path in ("-", "") or path.startswith("<"):
        return path
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(folder))).as_posix()


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


class Baseline:
    def __init__(self, entries: list[dict], folder: Path = Path()) -> None:
        self.folder = folder
        self.counts = Counter(
            _key(e["path"], e["rule"], e.get("task"), e["fingerprint"]) for e in entries
        )

    @classmethod
    def load(cls, path: Path) -> Baseline:
        return cls(_read(path).get("findings") or [], path.parent)

    def filter(self, findings: list[Finding]) -> list[Finding]:
        """Findings not in the baseline; each entry hides one finding. A finding matches an
        entry by its path relative to the baseline's folder, or by its path as typed (an
        entry written before paths were relative, run from where it was written)."""
        left = Counter(self.counts)
        kept = []
        for found in findings:
            rest = (found.code, str(found.task), found.fingerprint())
            relative = (relative_to(found.path, self.folder), *rest)
            typed = (Path(found.path).as_posix(), *rest)
            key = relative if left[relative] > 0 else typed
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(found)
        return kept


def _read(path: Path):
    text = ""
    try:
        text = path.read_text(encoding="utf-8")
        data = _yaml().load(text)
    except OSError as error:
        raise ConfigError(
            "{where}: cannot read baseline ({reason})", where=path, reason=os_reason(error)
        ) from None
    except Exception as error:  # ruamel raises many kinds; all mean a broken file
        from ..knowledge.data import yaml_reason, yaml_where

        raise ConfigError(
            "{where}: invalid baseline ({reason})",
            where=yaml_where(path, error),
            reason=yaml_reason(error, text),
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("findings", []), list):
        raise ConfigError("{where}: expected a list of findings", where=f"{path}:findings")
    return data


def write_baseline(path: Path, findings: list[Finding]) -> None:
    """Write or update a baseline: entries still found keep their comments, gone ones go,
    new ones are appended."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = _read(path) if path.exists() else None
    if not data:
        data = CommentedMap()
        data.yaml_set_start_comment(HEADER)
        data["version"] = 1
        data["findings"] = CommentedSeq()
    folder = path.parent

    def key_of(found: Finding) -> tuple[str, str, str, str]:
        return _key(relative_to(found.path, folder), found.code, found.task, found.fingerprint())

    wanted = Counter(key_of(f) for f in findings)
    entries = data.setdefault("findings", CommentedSeq())
    kept = CommentedSeq()
    for n, entry in enumerate(entries):
        key = _key(entry["path"], entry["rule"], entry.get("task"), entry["fingerprint"])
        if wanted[key] > 0:
            wanted[key] -= 1
            kept.append(entry)
            if n in entries.ca.items:
                kept.ca.items[len(kept) - 1] = entries.ca.items[n]
    for found in findings:
        key = key_of(found)
        if wanted[key] > 0:
            wanted[key] -= 1
            entry = CommentedMap()
            entry["path"] = key[0]
            entry["rule"] = found.code
            entry["task"] = found.task
            entry["fingerprint"] = found.fingerprint()
            entry["text"] = found.anchor[:40]
            kept.append(entry)
    data["findings"] = kept
    with path.open("w", encoding="utf-8") as out:
        _yaml().dump(data, out)
