"""The result cache: a plan's findings kept on disk, so a re-run over unchanged plans (a
pre-commit hook, CI over an archive) costs a file read and a JSON load per plan.

An entry is keyed by everything the findings depend on, as ruff's cache is: the file's
bytes and display name, the effective configuration (with the contents of the config file,
of its custom rule files and of its local agency registry files), the plancheck version,
and the installed code and shipped rule data (``rules/``), each file by its mtime and size,
as the parsed rule data is keyed (``data.load_yaml``): an edited checkout is never served
results of the code or data before. A key
that differs is a different entry: nothing is ever invalidated, so nothing can be stale.
Entries not written for ``MAX_AGE_DAYS`` are removed, once a day at most (``prune_stale``):
an office editing its plans makes a new entry at every save, and the old ones would stay.

Entries are JSON, never pickle: a cache directory restored from an untrusted CI branch can
at worst claim findings for a plan, never run code. What is read back is checked for its
shape, and anything odd (truncated, edited, another format) is a miss, never a crash.
Writes are a temp file renamed over the entry, so two runs sharing the directory see either
a whole entry or none; a directory that cannot be written only means nothing is cached.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from functools import cache
from typing import TYPE_CHECKING, Any

from blake3 import blake3

from .. import __version__
from ..knowledge.data import cache_folder, data_folder, is_hex
from ..reading.source import Source, pause_before_replace
from ..reading.spans import Edit, Span
from .config import Config
from .findings import Finding, Fix, Words

if TYPE_CHECKING:  # the entries are read by their names as strings: a run from the cache
    # imports no pathlib (a Path is made to write an entry, or to clean the folder)
    from pathlib import Path

#: bumped when the layout of an entry changes (2: keys are BLAKE2b, no longer SHA-256; 3:
#: the number of findings suppressions hid; 4: keys are BLAKE3, and how the file was read)
FORMAT = 4


def _digest(data: bytes = b""):
    """A 256-bit BLAKE3 digest: as strong as SHA-256 for telling files apart. Not hashlib's:
    importing hashlib loads OpenSSL, a large share of a run from the cache; the blake3
    package loads in a fraction of that (bench/instructions.py measures a hit)."""
    return blake3(data)


class Unencodable(Exception):
    """A value JSON cannot carry exactly: that file's result is not cached."""


# ---- the key ---------------------------------------------------------------------------------


def _tree_stamp(root: str, suffixes: tuple[str, ...]) -> str:
    """A digest of every file below ``root`` with one of ``suffixes``, by its path, mtime and
    size: an edit, a checkout or an install changes them, and a stat is cheaper than a read
    (of the rule data's 360 KB, and hashing them, at every run from the cache)."""
    digest = _digest()
    _stamp_folder(digest, root, "", suffixes)
    return digest.hexdigest()


def _stamp_folder(digest, folder: str, where: str, suffixes: tuple[str, ...]) -> None:
    """Add ``folder``'s files (named by their path below the root, ``where``) to ``digest``,
    in name order, then its subfolders', skipping hidden and ``__pycache__`` ones. Walked with
    ``scandir``, whose entries carry their own path and stat: ``os.walk`` with a join and a
    stat per file cost more than twice as much at every run from the cache."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    folders = []
    for entry in entries:
        if entry.is_dir():  # a link to a folder is not followed, as os.walk does not
            if not entry.name.startswith((".", "__")) and not entry.is_symlink():
                folders.append(entry)
            continue
        if not entry.name.endswith(suffixes):
            continue
        digest.update(f"{where}{entry.name}".encode())
        try:
            stat = entry.stat()
            digest.update(f"|{stat.st_mtime_ns}|{stat.st_size}".encode())
        except OSError:
            digest.update(b"|missing")
    for entry in folders:
        _stamp_folder(digest, entry.path, f"{where}{entry.name}/", suffixes)


@cache
def installation_stamp() -> str:
    """Version, code and shipped rule data: what every entry of this installation shares."""
    code = _tree_stamp(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), (".py",))
    rules = _tree_stamp(data_folder(), (".yaml", ".yml", ".json", ".txt"))
    return f"{FORMAT}|{__version__}|{code}|{rules}"


def _file_digest(path: str | Path | None) -> str:
    if path is None:
        return "-"
    try:
        with open(path, "rb") as handle:
            return _digest(handle.read()).hexdigest()
    except OSError:
        return "unreadable"


def config_key(config: Config, codes: tuple[str, ...]) -> str:
    """The effective configuration as text: its settings, the rules that run, and the
    contents of every file it draws on (config, custom rules, local registries)."""
    settings = {
        "select": config.select,
        "ignore": config.ignore,
        "severity": sorted(config.severity.items()),
        "options": sorted((k, repr(v)) for k, v in config.options.items()),
        "year": config.year,
        "per_task_ignores": sorted(config.per_task_ignores.items()),
        "config": [str(config.path), _file_digest(config.path)],
        "rules": [[str(p), _file_digest(p)] for p in config.rules],
        "agencies": [[str(p), _file_digest(p)] for p in config.agencies],
        "codes": codes,
    }
    return json.dumps(settings, ensure_ascii=False, sort_keys=True, default=str)


def entry_key(name: str, data: bytes, config: Config, codes: tuple[str, ...]) -> str:
    digest = _digest()
    for part in (installation_stamp(), name, config_key(config, codes)):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def _entry_path(key: str) -> Path:
    """``_entry_file`` as a Path, for writing the entry."""
    from pathlib import Path

    return Path(_entry_file(key))


def _entry_file(key: str) -> str:
    """Where the entry of ``key`` is kept, as a string, for reading: a run from the cache
    reads a thousand entries, and a path made by joining strings costs a tenth of a
    ``Path``'s (and a run whose every file is a hit imports no pathlib)."""
    return os.path.join(cache_folder(), "results", key[:2], f"{key}.json")


# ---- values ----------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    """A finding's fact as JSON that gives back the same Python value: lists, tuples, Words
    and dicts are tagged (``{"l": …}``), scalars stay as they are."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return value
    if isinstance(value, Words):
        return {"w": [_encode(v) for v in value]}
    if isinstance(value, tuple):
        return {"t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return {"l": [_encode(v) for v in value]}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"d": {k: _encode(v) for k, v in value.items()}}
    raise Unencodable(type(value).__name__)


_SCALARS = (str, bool, int, float, type(None))


def _decode(value: Any) -> Any:
    if isinstance(value, _SCALARS):
        return value
    if not isinstance(value, dict) or len(value) != 1:
        raise ValueError("not a cached value")
    ((tag, payload),) = value.items()
    # the scalars inside (most values) taken as they are, without a call each: a run from
    # the cache decodes a hundred thousand of them for a thousand plans (JSON keys are str)
    if tag == "d":
        if not isinstance(payload, dict):
            raise ValueError("not a cached dict")
        return {k: v if isinstance(v, _SCALARS) else _decode(v) for k, v in payload.items()}
    if not isinstance(payload, list):
        raise ValueError("not a cached sequence")
    items = [v if isinstance(v, _SCALARS) else _decode(v) for v in payload]
    if tag == "l":
        return items
    if tag == "t":
        return tuple(items)
    if tag == "w" and all(isinstance(v, str) for v in items):
        return Words(*items)
    raise ValueError(f"unknown tag {tag!r}")


def _span(raw: Any, limit: int, source: Source) -> Span:
    start, end = raw
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= limit):
        raise ValueError("span out of the plan")
    return Span.of(source, start, end)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text")
    return value


# ---- findings --------------------------------------------------------------------------------


def _finding_json(found: Finding) -> dict[str, Any]:
    return {
        "code": found.code,
        "span": [found.start, found.end],
        "task": found.task,
        "key": found.key,
        "args": _encode(found.args),
        "fix": None
        if found.fix is None
        else {"safe": found.fix.safe, "edits": [list(e) for e in found.fix.edits]},
        "anchor": found.anchor,
        "name": found.name,
        "severity": found.severity,
        "place": _encode(found.place),
    }


def _finding(raw: dict[str, Any], name: str, source: Source) -> Finding:
    limit = len(source.text)
    task = raw["task"]
    if task is not None and (not isinstance(task, int) or isinstance(task, bool)):
        raise ValueError("task is not a number")
    args, place = _decode(raw["args"]), _decode(raw["place"])
    if not isinstance(args, dict) or not isinstance(place, tuple):
        raise ValueError("bad args or place")
    fix = None
    if raw["fix"] is not None:
        edits = []
        for start, end, text in raw["fix"]["edits"]:
            span = _span([start, end], limit, source)
            edits.append(Edit(span.start, span.end, _text(text)))
        fix = Fix(tuple(edits), bool(raw["fix"]["safe"]))
    span = _span(raw["span"], limit, source)
    return Finding(
        name,
        _text(raw["code"]),
        span.start,
        span.end,
        span.line_starts,
        task,
        _text(raw["key"]),
        args,
        fix,
        anchor=_text(raw["anchor"]),
        name=_text(raw["name"]),
        severity=_text(raw["severity"]),
        place=place,
    )


# ---- entries ---------------------------------------------------------------------------------


def read(key: str) -> dict[str, Any] | None:
    """The entry kept under ``key``, parsed but not yet decoded, or None when there is none
    or it is not JSON of this key (a miss is then known before the file is decoded:
    ``decode`` needs its source)."""
    try:
        with open(_entry_file(key), "rb") as handle:
            raw = json.loads(handle.read())
    except (OSError, ValueError, RecursionError):
        return None
    return raw if isinstance(raw, dict) and raw.get("key") == key else None


def reading(raw: dict[str, Any]) -> str | None:
    """How the file of an entry (``read``) was read (its ``Source.reading``; None when the
    entry does not say): the same bytes are read the same way, so a hit gives it to
    ``source_from_file`` rather than working it out again."""
    found = raw.get("reading")
    return found if isinstance(found, str) else None


def load(key: str, name: str, source: Source) -> dict[str, Any] | None:
    """The cached result for ``key`` (``decode``), or None on a miss."""
    raw = read(key)
    return None if raw is None else decode(raw, name, source)


def decode(raw: dict[str, Any], name: str, source: Source) -> dict[str, Any] | None:
    """The result an entry (``read``) holds: findings, unused suppressions, summary; None
    when its shape is not what ``store`` writes (truncated, edited, another format), never
    an error."""
    try:
        findings = [_finding(f, name, source) for f in raw["findings"]]
        unused = [
            (_span([s, e], len(source.text), source), _text(what))
            for s, e, what in raw["unused_suppressions"]
        ]
        summary, suppressed = _decode(raw["summary"]), raw["suppressed"]
        if not isinstance(summary, dict) or type(suppressed) is not int or suppressed < 0:
            return None
        return {
            "findings": findings,
            "unused_suppressions": unused,
            "summary": summary,
            "suppressed": suppressed,
        }
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None


def store(
    key: str,
    findings: list[Finding],
    unused: list[tuple[Span, str]],
    summary: dict[str, Any],
    suppressed: int = 0,
    read_as: str = "",
) -> None:
    """Keep a result, and how the file was read (``read_as``, its ``Source.reading``);
    silently nothing when it cannot be encoded or the cache not written."""
    try:
        entry = {
            "key": key,
            "reading": read_as,
            "findings": [_finding_json(f) for f in findings],
            "unused_suppressions": [[s.start, s.end, what] for s, what in unused],
            "summary": _encode(summary),
            "suppressed": suppressed,
        }
        encoded = json.dumps(entry, ensure_ascii=False, allow_nan=False)
    except (Unencodable, TypeError, ValueError):
        return
    path = _entry_path(key)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(encoded, encoding="utf-8")
        pause_before_replace(path)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        return
    prune_stale(path.parent.parent)


# ---- keeping the folder small ------------------------------------------------------------------

#: an entry not written again for this many days is removed (a plan unchanged that long is
#: checked afresh once, which costs one check, never a wrong result)
MAX_AGE_DAYS = 30

#: the file whose modification time says when ``results/`` was last pruned
PRUNED_STAMP = ".pruned"


def prune_stale(results: Path, now: float | None = None) -> int:
    """Remove the entries of ``results/`` older than ``MAX_AGE_DAYS``, at most once a day.

    Called after an entry is written (a miss, which has already checked a whole plan), so a
    run from the cache never pays for it; on most calls it costs one ``stat`` of the stamp.
    The stamp is touched before the walk, so two runs sharing the folder do not both walk
    it; an entry another run removes first, or one that cannot be removed, is left alone.
    Only entries' own names (``<2 hex>/<64 hex>.json`` and their temporary files) are
    touched. Gives the number of files removed.
    """
    now = time.time() if now is None else now
    stamp = results / PRUNED_STAMP
    try:
        if now - stamp.stat().st_mtime < 86_400:
            return 0
    except FileNotFoundError:
        pass
    except OSError:
        return 0
    try:
        stamp.touch()
        os.utime(stamp, (now, now))
    except OSError:
        return 0  # a folder that cannot be written cannot be pruned either
    oldest = now - MAX_AGE_DAYS * 86_400
    removed = 0
    for path in own_entries(results):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < oldest:
                path.unlink()
                removed += 1
    return removed


def own_entries(results: Path) -> list[Path]:
    """The files of ``results/`` that ``store`` writes (entries, their temporary files,
    the stamp), and nothing else: a cache folder pointed at a shared directory by mistake
    must lose nothing of anyone else's."""
    found = []
    try:
        folders = [d for d in results.iterdir() if is_hex(d.name, 2) and d.is_dir()]
    except OSError:
        return found
    for folder in folders:
        with contextlib.suppress(OSError):
            found.extend(p for p in folder.iterdir() if _is_entry_name(p.name))
    if (results / PRUNED_STAMP).is_file():
        found.append(results / PRUNED_STAMP)
    return found


def _is_entry_name(name: str) -> bool:
    """``<key>.json``, or ``.<key>.json.<pid>.tmp`` (a write that never finished)."""
    if name.endswith(".json"):
        return is_hex(name[:-5], 64)
    head, _, pid = name.removesuffix(".tmp").rpartition(".json.")
    return name.endswith(".tmp") and head.startswith(".") and is_hex(head[1:], 64) and pid.isdigit()
