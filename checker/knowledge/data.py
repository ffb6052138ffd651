"""Locating and loading the rule data in ``rules/`` (installed as ``checker._data``)."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from blake3 import blake3

from ..base.errors import ConfigError, Reason, os_reason

if TYPE_CHECKING:  # data files and their parsed copies are read by their names as strings,
    # a Path made only to write a copy: a run imports no pathlib for its data
    from pathlib import Path


@cache
def data_folder() -> str:
    """The installed package data, or the repository's ``rules/`` when run from a checkout:
    the folder as a string, as the result cache stamps it at every run."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    installed = os.path.join(package, "_data")
    if os.path.isfile(os.path.join(installed, "agencies.yaml")):
        return installed
    return os.path.join(os.path.dirname(package), "rules")


def data_dir() -> Path:
    """``data_folder`` as a Path, for the readers of the schemas and of whole folders."""
    from pathlib import Path

    return Path(data_folder())


def cache_folder() -> str:
    """Where plancheck keeps what it can recompute: $PLANCHECK_CACHE_DIR or ~/.cache/plancheck
    (a string: a run from the result cache joins its entries' names to it)."""
    return os.environ.get("PLANCHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "plancheck"
    )


def cache_dir() -> Path:
    """``cache_folder`` as a Path, for the caches' writers and cleaners."""
    from pathlib import Path

    return Path(cache_folder())


#: bumped when what a cache entry vouches for changes (2: its data's shape was checked;
#: 3: a data rule's too, against rules/schemas/rule.schema.json)
CACHE_FORMAT = 3


def _cache_file(path: str | Path, stat: os.stat_result) -> str:
    """The parsed copy of the file at ``path`` whose stat is ``stat``: keyed by the path
    and by the file itself (device, inode, mtime, size), so that a file edited, replaced or
    reached through a link retargeted is parsed afresh. The inode stands for the file a link
    leads to, which ``Path.resolve`` would find with a system call for each folder of the
    path, for each data file at each start."""
    where = f"{os.path.abspath(path)}|{stat.st_dev}|{stat.st_ino}"
    key = f"{where}|{stat.st_mtime_ns}|{stat.st_size}|{sys.version_info[:2]}"
    key += f"|{CACHE_FORMAT}"
    # named by a digest of its key, as the result cache's entries are (zlib's crc32 would
    # load one more library at every start for these eight hex digits)
    name = f"{blake3(key.encode()).hexdigest(length=4)}-{_stem(path)}.json"
    return os.path.join(cache_folder(), name)


def _stem(path: str | Path) -> str:
    """A data file's name without its suffix (``agencies`` of ``agencies.yaml``): what its
    parsed copies' names end with."""
    return os.path.splitext(os.path.basename(path))[0]


def load_yaml(path: str | Path, shape: Callable[[], Any] | None = None) -> Any:
    """Parse a YAML file, through a JSON cache keyed by path, mtime and size.

    Rule data is read on every run of a pre-commit hook; reading JSON costs a fraction of
    importing PyYAML and parsing it. The cache is data, never code (no pickle): a cache
    directory restored from an untrusted CI branch can at worst give wrong data for a file
    whose mtime and size it matches, never run anything. It lives in ~/.cache/plancheck (or
    $PLANCHECK_CACHE_DIR); any problem with it falls back to parsing, silently. Data that
    JSON cannot carry exactly (non-string keys, dates) is never cached. ``shape`` gives the
    file's shape (``checker.knowledge.schema``), built only when the file is parsed: the data is checked
    before it is cached, so a cache hit needs neither the shape nor a second check.
    """
    try:
        cache = _cache_file(path, os.stat(path))
    except OSError:
        return _checked(parse_yaml(path), shape, path)  # parse_yaml reports the missing file
    try:
        with open(cache, "rb") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError):  # no cache yet, or a broken one: parse instead
        pass
    data = _checked(parse_yaml(path), shape, path)
    # a miss: the copy is written, and the folder pruned, as Paths (not written: a
    # read-only home, or data JSON would change, such as int keys or dates: parsed next
    # time too)
    from pathlib import Path

    entry = Path(cache)
    if _keep(entry, data):
        import glob

        prune(entry.parent, f"????????-{glob.escape(_stem(path))}.json", KEEP_PARSED)
    return data


#: the parsed copies kept of each data file (``<crc>-<name>.json``). Every checkout, install
#: or edit of ``rules/`` gives its files new modification times, so new entries; the last
#: few of each name cover the installs one uses at once, and one pruned is parsed again once
KEEP_PARSED = 8


def load_checked_text(
    text: str, parse: Callable[[], Any], shape: dict[str, Any], check: Callable[[Any], None]
) -> Any:
    """``parse()``, the data of ``text``, checked by ``check`` against ``shape``, through a
    JSON cache keyed by a digest of the text and of the shape (a configuration: read on
    every run, edited at any time, its shape changing with the rules' options).

    On a hit neither ``parse`` nor ``check`` runs, so neither PyYAML nor jsonschema is
    imported. Only data that passed is kept, as JSON (data, never code); data JSON would
    change (int keys, dates) is never cached, and any problem with the cache is a miss.
    ``parse()`` giving None (no settings) is returned as it is, unchecked."""
    digest = blake3()  # not hashlib, which loads OpenSSL (resultcache._digest)
    digest.update(json.dumps(shape, sort_keys=True, ensure_ascii=False).encode())
    digest.update(f"|{CACHE_FORMAT}|".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    entry = cache_dir() / f"checked-{digest.hexdigest(length=20)}.json"
    try:
        with entry.open("rb") as handle:
            return json.loads(handle.read())["data"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not cached yet, or a broken entry: parse and check
    data = parse()
    if data is None:
        return None
    check(data)
    if _keep(entry, {"data": data}):
        prune(entry.parent, "checked-*.json", KEEP_CHECKED)
    return data


#: the checked configurations kept (``checked-*.json``): each text a configuration ever had
#: is an entry, so an office editing its settings would fill the folder; its few current
#: ones are the last written, and one pruned is checked again once, never wrong
KEEP_CHECKED = 64


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Remove the entries matching ``pattern`` in ``folder`` but the ``keep`` last written.
    Called after an entry is written (a miss, which has parsed and checked a file already),
    never on a hit; it lists one folder, of about ``keep`` entries, whatever the history.
    Another run may remove an entry first: anything that cannot be removed stays."""
    try:
        entries = [(p.stat().st_mtime_ns, p.name, p) for p in folder.glob(pattern)]
    except OSError:
        return
    for *_, path in sorted(entries, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()


def _keep(entry: Path, value: Any) -> bool:
    """Write ``value`` as JSON to a cache entry, whole or not at all, and say whether it was
    written: silently not when JSON would change it or the cache directory cannot be
    written. The one writer of both caches of data (``load_yaml``, ``load_checked_text``)."""
    try:
        encoded = json.dumps(value, ensure_ascii=False)
        if json.loads(encoded) != value:
            return False
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp = entry.with_suffix(f".{os.getpid()}.tmp")
        temp.write_text(encoded, encoding="utf-8")
        os.replace(temp, entry)
    except (OSError, TypeError, ValueError):
        return False
    return True


def _checked(data: Any, shape: Callable[[], Any] | None, path: str | Path) -> Any:
    expected = shape() if shape is not None else None
    if expected is not None:
        from .schema import check

        check(data, expected, str(path))
    return data


def parse_yaml(path: str | Path) -> Any:
    """Parse a YAML file with the C loader when present; a bad file is ``file:line: problem``."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        raise ConfigError(
            "{where}: cannot read ({reason})", where=path, reason=os_reason(error)
        ) from None
    except UnicodeDecodeError:
        raise ConfigError("{where}: not UTF-8 text", where=path) from None
    return parse_yaml_text(text, path)


def parse_yaml_text(text: str, path: str | Path) -> Any:
    """Parse YAML read from ``path`` (safe loader, C when present: data, never objects); a bad
    text is ``file:line: problem`` in our own words. The one YAML reading of rule data,
    registries and configuration files."""
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise ConfigError(
            "{where}: invalid YAML ({reason})",
            where=yaml_where(path, error),
            reason=yaml_reason(error, text),
        ) from None


#: what a YAML parser's problem means for someone editing the file, in words of our own (the
#: locales translate them; the parser's English would end a Chinese message in English)
_YAML_REASONS = {
    "tab": "a tab: indent with spaces",
    "colon": "a colon inside a value: put the value in quotes",
    "list": "a [ list not closed with ]",
    "mapping": "a mapping opened with a brace and not closed",
    "quote": "a quotation mark not closed",
    "reserved": "a value starting with a character YAML reserves (@ ` % |): put it in quotes",
    "tag": "a YAML tag (!!…): write plain values only",
    "alias": "an alias (*name) with no anchor (&name)",
    "escape": "an unknown escape (\\) in double quotes: use single quotes",
    "indent": "the indentation does not line up",
    "open": "the file ends inside a value (a bracket or quotation mark not closed)",
    "other": "not valid YAML here",
}

#: (words a parser's problem holds, its reason's key), the first that matches
_YAML_PROBLEMS = (
    (("'\\t'", "tab character"), "tab"),
    (("mapping values are not allowed",), "colon"),
    (("',' or ']'",), "list"),
    (("',' or '}'",), "mapping"),
    (("unexpected end of stream",), "quote"),
    (("cannot start any token",), "reserved"),
    (("constructor for the tag",), "tag"),
    (("undefined alias",), "alias"),
    (("escape character",), "escape"),
    (("block end", "expected key", "expected <document"), "indent"),
    (("<stream end>",), "open"),
)


def yaml_reason(error: Exception, text: str = "") -> Reason:
    """A YAML parser's error (PyYAML's or ruamel's) as one of ``_YAML_REASONS``, or a plain
    "not valid YAML here": never the parser's own English (the locale words the reason)."""
    return Reason(_YAML_REASONS[_yaml_problem(error, text)], "config")


def _yaml_problem(error: Exception, text: str) -> str:
    """The key of a YAML error's reason. ``text``, the file's, tells a tab where the parser
    stopped (LibYAML's message does not name the character)."""
    problem = f"{getattr(error, 'problem', '') or ''} {getattr(error, 'context', '') or ''}"
    mark = getattr(error, "problem_mark", None)
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        return "tab"
    for words, key in _YAML_PROBLEMS:
        if any(word in problem for word in words):
            return key
    return "other"


def yaml_where(path: Path | str, error: Exception) -> str:
    """``file:line`` of a YAML error (the line the parser stopped at), or the file."""
    mark = getattr(error, "problem_mark", None)
    return f"{path}:{mark.line + 1}" if mark is not None else str(path)


@cache
def builtin(name: str) -> Any:
    """A data file shipped with plancheck, parsed and its shape checked once per process."""
    return load_yaml(os.path.join(data_folder(), name), lambda: shapes().get(name))


#: data files checked by their loader against a schema of another name: data rules, by
#: ``kinds.load_rule_file`` against ``schemas/rule.schema.json`` (a config's own rules too)
VALIDATED_BY_LOADER = {"conventions/*.yaml": "schemas/rule.schema.json"}


#: the word lists of rules/vocabulary.yaml
VOCABULARY_KEYS = (
    "plan_kinds",
    "own_year_work",
    "work_year_verbs",
    "work_year_objects",
    "abbreviation_markers",
    "ordinal_units",
    "separators",
    "first_place",
    "all_bodies",
)


def shapes() -> dict[str, Any]:
    """The JSON Schema of every data file in ``rules/`` that has one (``rules/schemas/``), by
    file name: ``builtin`` checks a file against it when it parses it. Every key and its kind
    are the schema's (a misspelt key stops the run); what a schema cannot know (agencies,
    mirror: a category the registry has, a successor it knows, a name given twice) the
    module that reads the file checks."""
    from .schema import schema

    folder = data_dir()
    return {
        f"{path.name.removesuffix('.schema.json')}.yaml": schema(
            folder, path.name.removesuffix(".schema.json")
        )
        for path in sorted((folder / "schemas").glob("*.schema.json"))
        if (folder / f"{path.name.removesuffix('.schema.json')}.yaml").is_file()
    }


def own_cache_files(root: Path) -> list[Path]:
    """The files ``load_yaml`` and ``load_checked_text`` keep directly in ``root`` (the cache
    directory), by their own names, and nothing else: a cache directory pointed at a shared
    folder by mistake must lose nothing of anyone else's when it is cleaned."""
    try:
        names = [entry.name for entry in os.scandir(root) if entry.is_file()]
    except OSError:
        return []
    return [root / name for name in names if _is_cache_name(name)]


def _is_cache_name(name: str) -> bool:
    """``<8 hex>-<stem>.json`` (parsed data), ``checked-<40 hex>.json`` (a checked
    configuration), or either with ``.<pid>.tmp`` for ``.json`` (a write that never ended)."""
    base, dot, pid = name.removesuffix(".tmp").rpartition(".")
    if name.endswith(".tmp") and dot and pid.isdigit():
        name = base + ".json"
    if not name.endswith(".json"):
        return False
    prefix, dash, rest = name[:-5].partition("-")
    if not dash or not rest:
        return False
    if prefix == "checked":
        return is_hex(rest, 40)
    return is_hex(prefix, 8)


def is_hex(text: str, length: int) -> bool:
    """``text`` is ``length`` lower-case hex digits: how the cache's own file names (digests,
    CRCs) are told from anyone else's files."""
    return len(text) == length and all(c in "0123456789abcdef" for c in text)
