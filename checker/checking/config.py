"""Configuration: ``.plancheck.yaml`` or ``[tool.plancheck]`` in ``pyproject.toml``.

Found upward from each checked file (the nearest wins), or given with ``--config``. Every
key is typed and validated once, here; a wrong one is ``file:key: message``.
"""

import os
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..base.errors import ConfigError, os_reason
from ..base.lazyre import LazyPattern
from .findings import SEVERITIES

if TYPE_CHECKING:  # imported where a config file holds settings: a run without one, or
    # from the result cache, imports no rule's registry (nor pathlib: the search for a
    # config file is made with strings, a file's rules and registries are Paths)
    from pathlib import Path

    from .registry import Option, RuleSpec

CONFIG_NAMES = (".plancheck.yaml", ".plancheck.yml", "pyproject.toml")
#: the general keys a config may have; the rules' declared options come on top (a mistyped
#: key is answered with the nearest of them)
KEYS = ("select", "ignore", "severity", "year", "per-task-ignores", "rules", "agencies")


#: no settings of a kind (an empty mapping nobody can change: Config's defaults are shared)
_NONE: Mapping[str, Any] = MappingProxyType({})


class Config:
    """Options for one run over one plan; defaults are what a drafter wants without a file.
    Read, never changed (``with_cli`` makes another). (A plain class: a NamedTuple costs
    half a million instructions to define at every start.)"""

    __slots__ = (
        "agencies",
        "custom",
        "ignore",
        "options",
        "path",
        "per_task_ignores",
        "rules",
        "select",
        "severity",
        "year",
    )

    def __init__(
        self,
        select: tuple[str, ...] = ("ALL",),
        ignore: tuple[str, ...] = (),
        severity: Mapping[str, str] = _NONE,
        options: Mapping[str, Any] = _NONE,
        year: int | None = None,
        per_task_ignores: Mapping[str, tuple[str, ...]] = _NONE,
        rules: "tuple[Path, ...]" = (),
        custom: "tuple[RuleSpec, ...]" = (),
        path: "str | Path | None" = None,
        agencies: "tuple[Path, ...]" = (),
    ) -> None:
        self.select = select
        self.ignore = ignore
        self.severity = severity
        #: rule options set in the file, by key; each rule declares its own, with its
        #: default (``registry.Option``), and this module validates them without knowing any
        #: rule
        self.options = options
        self.year = year
        self.per_task_ignores = per_task_ignores
        self.rules = rules
        self.custom = custom
        #: the file the settings were read from, as the search found it or --config named it
        self.path = path
        self.agencies = agencies  # the office's own agency registry files

    def rule_options(self, spec: "RuleSpec") -> dict[str, Any]:
        """The options a rule declared: configured here, or their defaults."""
        return {o.key: self.options.get(o.key, o.default) for o in spec.options}

    def with_cli(self, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> "Config":
        """Command-line --select replaces the file's; --ignore adds to it."""
        if not select and not ignore:
            return self
        return Config(
            select or self.select,
            self.ignore + ignore if ignore else self.ignore,
            self.severity,
            self.options,
            self.year,
            self.per_task_ignores,
            self.rules,
            self.custom,
            self.path,
            self.agencies,
        )


def parse_codes(value: str, where: str, known: set[str] | None = None) -> tuple[str, ...]:
    """``"N,A001"`` from the command line → code prefixes, each one checked; with ``known``,
    a code no rule has is an error (the nearest suggested)."""
    import re

    from ..knowledge.schema import CODE_PREFIX, code_pieces

    codes = tuple(code_pieces(value))
    for code in codes:
        if not re.match(CODE_PREFIX, code):
            raise ConfigError(
                "{where}: '{code}' is not a rule code or prefix", where=where, code=code
            )
    if known is not None:
        _known_codes(codes, where, known)
    return codes


def _codes(value: str | list[str], where: str, known: set[str]) -> tuple[str, ...]:
    """Codes as a config writes them (``"N, A001"`` or a list), its shape already checked;
    each must start a rule's code."""
    from ..knowledge.schema import code_pieces

    items = code_pieces(value) if isinstance(value, str) else [v.strip().upper() for v in value]
    codes = tuple(item for item in items if item)
    _known_codes(codes, where, known)
    return codes


def _known_codes(codes: tuple[str, ...], where: str, known: set[str]) -> None:
    for code in codes:
        if code != "ALL" and not any(k.startswith(code) for k in known):
            near = _did_you_mean(code, tuple(sorted(known)))
            if near is None:
                raise ConfigError("{where}: unknown rule code '{code}'", where=where, code=code)
            raise ConfigError(
                "{where}: unknown rule code '{code}' (did you mean '{near}'?)",
                where=where,
                code=code,
                near=near,
            )


def from_mapping(
    data: Any, origin: "str | Path", known: set[str], options: "dict[str, Option] | None" = None
) -> Config:
    """Validate a parsed config mapping; ``origin`` names the file in messages. ``options``
    are the rules' declared options, the keys a file may set beside the general ones. The
    shape is checked against the configuration's JSON Schema (``config_schema``), then what
    a schema cannot know: the codes against the rules, the files it names."""
    options = options or {}
    if data is None:
        return Config(path=origin)
    data = _task_keys_as_text(data)
    check_shape(data, origin, options)
    return _built(data, origin, known, options)


def check_shape(data: Any, origin: "str | Path", options: "dict[str, Option]") -> None:
    """``file:key: message`` where ``data`` breaks the configuration's schema (jsonschema,
    imported here only: a configuration read before is taken from the cache unchecked)."""
    from ..knowledge.schema import check

    check(data, config_schema(options), str(origin), near=_did_you_mean)


def _built(
    data: dict, origin: "str | Path", known: set[str], options: "dict[str, Option]"
) -> Config:
    """The Config of a mapping whose shape is checked: its rule files loaded, its codes
    checked against the rules (theirs included), its registry files read."""
    from pathlib import Path

    values: dict[str, Any] = {"path": origin}
    if "rules" in data:  # load the office's own rules first: their codes may be selected below
        value = data["rules"]
        items = [value] if isinstance(value, str) else value
        values["rules"] = tuple((Path(origin).parent / item).resolve() for item in items)
        from .kinds import load_rule_files

        values["custom"] = tuple(load_rule_files(values["rules"], set(known)))
        known = known | {spec.code for spec in values["custom"]}
    for key, value in data.items():
        where = f"{origin}:{key}"
        if key in ("select", "ignore"):
            values[key] = _codes(value, where, known)
        elif key == "severity":
            for code in value:
                _known_codes((str(code).upper(),), f"{where}:{code}", known)
            values["severity"] = {str(code).upper(): level for code, level in value.items()}
        elif key in options:
            values.setdefault("options", {})[key] = (
                value if options[key].between is None else float(value)
            )
        elif key == "year":
            values["year"] = value
        elif key == "per-task-ignores":
            values["per_task_ignores"] = {
                task: _codes(codes, f"{where}:{task}", known) for task, codes in value.items()
            }
        elif key == "agencies":
            values["agencies"] = _registry_files(value, origin, where)
    return Config(**values)


def _registry_files(value: str | list[str], origin: "str | Path", where: str) -> "tuple[Path, ...]":
    """``agencies: [FILE…]``: the office's registry files, relative to the config file,
    validated now so that a bad one stops the run with ``file:key: message``."""
    from pathlib import Path

    paths = []
    for item in [value] if isinstance(value, str) else value:
        path = (Path(origin).parent / item).resolve()
        if not item.strip() or not path.is_file():
            raise ConfigError("{where}: no such registry file '{name}'", where=where, name=item)
        paths.append(path)
    from ..knowledge.agencies import load_registry

    load_registry(tuple(paths))
    return tuple(paths)


def _did_you_mean(word: str, choices: tuple[str, ...]) -> str | None:
    """The nearest choice, or None when none is near."""
    import difflib

    if word.isupper():  # a rule code: its case is its spelling
        near = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    else:
        near = difflib.get_close_matches(word.lower().replace("_", "-"), choices, n=1, cutoff=0.6)
    return near[0] if near else None


#: where a pyproject.toml can hold our settings: a key path from ``tool`` (bare or quoted,
#: ``tool.plancheck``, ``"tool".'plancheck'``), a ``[tool]`` table or a ``tool = {…}`` inline
#: table (whose plancheck only parsing tells). A file with none of these (a project named
#: plancheck, with settings for other tools) is not parsed at all.
#: where tomllib's (English) message says the error is
_TOML_LINE = LazyPattern(r"\(at line (\d+)")
_MAY_HAVE_SECTION = LazyPattern(r"""(?:\btool|"tool"|'tool')\s*(?:\.\s*["']?plancheck\b|\]|=)""")


def load_file(path: "str | Path", rules: "Iterable[RuleSpec]") -> Config | None:
    """Read one config file, its codes and options checked against ``rules`` (iterated only
    when the file holds settings: a run with none imports no rule); a pyproject.toml
    without [tool.plancheck] gives None."""
    try:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
    except OSError as error:
        raise ConfigError(
            "{where}: cannot read config ({reason})", where=path, reason=os_reason(error)
        ) from None
    except UnicodeDecodeError:
        raise ConfigError("{where}: config is not UTF-8", where=path) from None
    pyproject = os.path.basename(path) == "pyproject.toml"
    if pyproject and not _MAY_HAVE_SECTION.search(raw):
        return None  # most pyproject.toml files are not ours: skip parsing them
    from .registry import declared_options

    specs = list(rules)
    known, options = {spec.code for spec in specs}, declared_options(specs)
    if pyproject:
        section = _checked(raw, lambda: _toml_section(raw, path), path, options)
        return None if section is None else _built(section, path, known, options)

    def parse() -> Any:
        from ..knowledge.data import parse_yaml_text

        return parse_yaml_text(raw, path)

    data = _checked(raw, parse, path, options)
    return Config(path=path) if data is None else _built(data, path, known, options)


def _toml_section(raw: str, path: "str | Path") -> Any:
    """The ``[tool.plancheck]`` table of a pyproject.toml, or None."""
    import tomllib

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        line = _TOML_LINE.search(str(error))  # tomllib's message is English: only its line
        where = f"{path}:{line.group(1)}" if line else str(path)
        raise ConfigError("{where}: invalid TOML", where=where) from None
    return data.get("tool", {}).get("plancheck")


def _checked(raw: str, parse: Any, path: "str | Path", options: "dict[str, Option] | None") -> Any:
    """The settings of a config file's text, their shape checked: from the cache of checked
    data (``knowledge.data.load_checked_text``, keyed by the text and the schema) when this
    text was checked before, so a repeat run imports neither PyYAML nor jsonschema."""
    from ..knowledge.data import load_checked_text

    options = options or {}
    return load_checked_text(
        raw,
        lambda: _task_keys_as_text(parse()),
        config_schema(options),
        lambda data: check_shape(data, path, options),
    )


def _task_keys_as_text(data: Any) -> Any:
    """``per-task-ignores: {50: [N003]}``: YAML reads a task number as a number; it is a
    task's label (``"50"``, ``"path:50"``), text as JSON keeps it."""
    if isinstance(data, dict) and isinstance(data.get("per-task-ignores"), dict):
        data["per-task-ignores"] = {str(k): v for k, v in data["per-task-ignores"].items()}
    return data


class ConfigFinder:
    """Finds the nearest config above each checked file, reading each file once; ``rules``
    are iterated only when a config file holds settings (``load_file``). Folders are
    strings, as ``os.path`` makes them (a run from the result cache imports no pathlib)."""

    def __init__(self, rules: "Iterable[RuleSpec]", explicit: "str | Path | None" = None) -> None:
        self.rules = rules
        self.cache: dict[str, Config | ConfigError] = {}
        #: each folder's real path, by the folder as the checked files name it
        self.folders: dict[str, str] = {}
        self.explicit = load_file(explicit, rules) if explicit else None
        if explicit and self.explicit is None:
            raise ConfigError("{where}: no [tool.plancheck] section", where=explicit)

    def for_file(self, path: "str | Path | None") -> Config:
        if self.explicit is not None:
            return self.explicit
        return self._for_dir(self._real_folder(path))

    def _real_folder(self, path: "str | Path | None") -> str:
        """Where the search for ``path``'s config starts: the real folder it is in (the
        current one for standard input), or the one a link leads to for a file that is
        one. Each folder is resolved once a run, not once for each of its files (a
        resolve makes a system call for each folder of the path)."""
        if path is None:
            return os.path.realpath(os.getcwd())
        if os.path.islink(path):
            return os.path.dirname(os.path.realpath(path))
        folder = os.path.dirname(path)  # "" for a file named without one: the current folder
        if folder not in self.folders:
            self.folders[folder] = os.path.realpath(folder)
        return self.folders[folder]

    def _for_dir(self, directory: str) -> Config:
        """The nearest config; a bad one is remembered, so every file below it fails the
        same way without reading it again (and files elsewhere are still checked)."""
        if directory not in self.cache:
            try:
                self.cache[directory] = self._find(directory)
            except ConfigError as error:
                self.cache[directory] = error
        found = self.cache[directory]
        if isinstance(found, ConfigError):
            raise found
        return found

    def _find(self, directory: str) -> Config:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                found = load_file(candidate, self.rules)
                if found is not None:
                    return found
        parent = os.path.dirname(directory)
        return Config() if parent == directory else self._for_dir(parent)


def config_schema(options: "dict[str, Option]") -> dict[str, Any]:
    """The configuration as a JSON Schema: the run checks every config file against it
    (``check_shape``, worded ``file:key: message``, the nearest key suggested), and editors
    use it for completion (``docs/config.schema.json``, kept current by tests/test_docs.py).
    What a schema cannot know (codes against the rules, the files named) ``_built`` checks."""
    codes: dict[str, Any] = {
        "anyOf": [
            {"type": "string", "format": "code-prefixes"},
            {"type": "array", "items": {"type": "string", "format": "code-prefix"}},
        ]
    }
    files = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    properties: dict[str, Any] = {
        "select": {**codes, "description": "rule codes or prefixes to check (default: all)"},
        "ignore": {**codes, "description": "codes or prefixes to skip"},
        "severity": {
            "type": "object",
            "propertyNames": {"format": "code-prefix"},
            "additionalProperties": {"enum": list(SEVERITIES)},
            "description": "{CODE or prefix: error|warning|info}",
        },
        "year": {"type": "integer", "description": "the plan's year, if not read from it"},
        "per-task-ignores": {
            "type": "object",
            "additionalProperties": codes,
            "description": '{"TASK": [codes]} or {"path:TASK": [codes]}',
        },
        "rules": {**files, "description": "your own YAML rules: files or folders"},
        "agencies": {**files, "description": "your own agency registry files"},
    }
    for key, option in sorted(options.items()):
        if option.choices:
            shape: dict[str, Any] = {"enum": list(option.choices)}
        elif option.between is not None:
            low, high = option.between
            shape = {"type": "number", "exclusiveMinimum": low, "maximum": high}
        else:
            shape = {}
        properties[key] = {**shape, "default": option.default, "description": option.help}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "plancheck configuration (.plancheck.yaml)",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
