"""Configuration: ``.plancheck.yaml`` or ``[tool.plancheck]`` in ``pyproject.toml``.

Found upward from each checked file (the nearest wins), or given with ``--config``. Every
key is typed and validated once, here; a wrong one is ``file:key: message``.
"""

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from ..base.errors import ConfigError, kind_name, os_reason, type_name
from ..base.lazyre import LazyPattern
from .findings import SEVERITIES
from .registry import Option, RuleSpec, declared_options

CONFIG_NAMES = (".plancheck.yaml", ".plancheck.yml", "pyproject.toml")
#: the general keys a config may have; the rules' declared options come on top (a mistyped
#: key is answered with the nearest of them)
KEYS = ("select", "ignore", "severity", "year", "per-task-ignores", "rules", "agencies")
_CODE_PREFIX = LazyPattern(r"^(ALL|[A-Z](\d{0,3})?)$")


#: no settings of a kind (an empty mapping nobody can change: Config's defaults are shared)
_NONE: Mapping[str, Any] = MappingProxyType({})


class Config(NamedTuple):
    """Options for one run over one plan; defaults are what a drafter wants without a file."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = _NONE
    #: rule options set in the file, by key; each rule declares its own, with its default
    #: (``registry.Option``), and this module validates them without knowing any rule
    options: Mapping[str, Any] = _NONE
    year: int | None = None
    per_task_ignores: Mapping[str, tuple[str, ...]] = _NONE
    rules: tuple[Path, ...] = ()
    custom: tuple[RuleSpec, ...] = ()
    path: Path | None = None
    agencies: tuple[Path, ...] = ()  # the office's own agency registry files

    def rule_options(self, spec: RuleSpec) -> dict[str, Any]:
        """The options a rule declared: configured here, or their defaults."""
        return {o.key: self.options.get(o.key, o.default) for o in spec.options}

    def with_cli(self, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> "Config":
        """Command-line --select replaces the file's; --ignore adds to it."""
        changes: dict[str, Any] = {}
        if select:
            changes["select"] = select
        if ignore:
            changes["ignore"] = self.ignore + ignore
        return self._replace(**changes) if changes else self


def parse_codes(value: Any, where: str, known: set[str] | None = None) -> tuple[str, ...]:
    """``"N,A001"`` or a list → validated code prefixes; unknown codes are an error."""
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    elif isinstance(value, list | tuple):
        items = [str(v).strip() for v in value]
    else:
        raise ConfigError(
            "{where}: expected a list of rule codes, got {kind}", where=where, kind=type_name(value)
        )
    codes = tuple(item.upper() for item in items if item)
    for code in codes:
        if not _CODE_PREFIX.match(code):
            raise ConfigError(
                "{where}: '{code}' is not a rule code or prefix", where=where, code=code
            )
        if known is not None and code != "ALL" and not any(k.startswith(code) for k in known):
            near = _did_you_mean(code, tuple(sorted(known)))
            if near is None:
                raise ConfigError("{where}: unknown rule code '{code}'", where=where, code=code)
            raise ConfigError(
                "{where}: unknown rule code '{code}' (did you mean '{near}'?)",
                where=where,
                code=code,
                near=near,
            )
    return codes


def _expect(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ConfigError(
            "{where}: expected {kind}, got {other}",
            where=where,
            kind=kind_name(kind),
            other=type_name(value),
        )
    return value


def from_mapping(
    data: Any, origin: Path, known: set[str], options: dict[str, Option] | None = None
) -> Config:
    """Validate a parsed config mapping; ``origin`` names the file in messages. ``options``
    are the rules' declared options, the keys a file may set beside the general ones."""
    options = options or {}
    if data is None:
        return Config(path=origin)
    _expect(data, dict, f"{origin}")
    values: dict[str, Any] = {"path": origin}
    if "rules" in data:  # load the office's own rules first: their codes may be selected below
        value = data["rules"]
        items = [value] if isinstance(value, str) else _expect(value, list, f"{origin}:rules")
        values["rules"] = tuple((origin.parent / str(item)).resolve() for item in items)
        from .kinds import load_rule_files

        values["custom"] = tuple(load_rule_files(values["rules"], set(known)))
        known = known | {spec.code for spec in values["custom"]}
    for key, value in data.items():
        where = f"{origin}:{key}"
        if key == "select":
            values["select"] = parse_codes(value, where, known)
        elif key == "ignore":
            values["ignore"] = parse_codes(value, where, known)
        elif key == "severity":
            values["severity"] = _severity(_expect(value, dict, where), where, known)
        elif key in options:
            values.setdefault("options", {})[key] = options[key].validate(value, where)
        elif key == "year":
            values["year"] = _expect(value, int, where)
        elif key == "per-task-ignores":
            values["per_task_ignores"] = {
                str(task): parse_codes(codes, f"{where}:{task}", known)
                for task, codes in _expect(value, dict, where).items()
            }
        elif key == "agencies":
            values["agencies"] = _registry_files(value, origin, where)
        elif key != "rules":
            near = _did_you_mean(str(key), (*KEYS, *options))
            if near is None:
                raise ConfigError("{where}: unknown key", where=where)
            raise ConfigError(
                "{where}: unknown key (did you mean '{near}'?)", where=where, near=near
            )
    return Config(**values)


def _registry_files(value: Any, origin: Path, where: str) -> tuple[Path, ...]:
    """``agencies: [FILE…]``: the office's registry files, relative to the config file,
    validated now so that a bad one stops the run with ``file:key: message``."""
    items = [value] if isinstance(value, str) else _expect(value, list, where)
    paths = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise ConfigError("{where}: expected file names", where=where)
        path = (origin.parent / item).resolve()
        if not path.is_file():
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


def _severity(value: dict, where: str, known: set[str]) -> dict[str, str]:
    result = {}
    for code, level in value.items():
        parse_codes([code], f"{where}:{code}", known)
        if level not in SEVERITIES:
            raise ConfigError(
                "{where}: expected one of {choices}",
                where=f"{where}:{code}",
                choices=", ".join(SEVERITIES),
            )
        result[str(code).upper()] = level
    return result


#: where a pyproject.toml can hold our settings: a key path from ``tool`` (bare or quoted,
#: ``tool.plancheck``, ``"tool".'plancheck'``), a ``[tool]`` table or a ``tool = {…}`` inline
#: table (whose plancheck only parsing tells). A file with none of these (a project named
#: plancheck, with settings for other tools) is not parsed at all.
#: where tomllib's (English) message says the error is
_TOML_LINE = LazyPattern(r"\(at line (\d+)")
_MAY_HAVE_SECTION = LazyPattern(r"""(?:\btool|"tool"|'tool')\s*(?:\.\s*["']?plancheck\b|\]|=)""")


def load_file(
    path: Path, known: set[str], options: dict[str, Option] | None = None
) -> Config | None:
    """Read one config file; a pyproject.toml without [tool.plancheck] gives None."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(
            "{where}: cannot read config ({reason})", where=path, reason=os_reason(error)
        ) from None
    except UnicodeDecodeError:
        raise ConfigError("{where}: config is not UTF-8", where=path) from None
    if path.name == "pyproject.toml":
        if not _MAY_HAVE_SECTION.search(raw):
            return None  # most pyproject.toml files are not ours: skip parsing them
        import tomllib

        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as error:
            line = _TOML_LINE.search(str(error))  # tomllib's message is English: only its line
            where = f"{path}:{line.group(1)}" if line else str(path)
            raise ConfigError("{where}: invalid TOML", where=where) from None
        section = data.get("tool", {}).get("plancheck")
        return None if section is None else from_mapping(section, path, known, options)
    from ..knowledge.data import parse_yaml_text

    return from_mapping(parse_yaml_text(raw, path), path, known, options)


class ConfigFinder:
    """Finds the nearest config above each checked file, reading each file once."""

    def __init__(self, specs: list[RuleSpec], explicit: Path | None = None) -> None:
        self.known = {spec.code for spec in specs}
        self.options = declared_options(specs)
        self.cache: dict[Path, Config | ConfigError] = {}
        self.explicit = load_file(explicit, self.known, self.options) if explicit else None
        if explicit and self.explicit is None:
            raise ConfigError("{where}: no [tool.plancheck] section", where=explicit)

    def for_file(self, path: Path | None) -> Config:
        if self.explicit is not None:
            return self.explicit
        start = path.resolve().parent if path else Path.cwd().resolve()
        return self._for_dir(start)

    def _for_dir(self, directory: Path) -> Config:
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

    def _find(self, directory: Path) -> Config:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                found = load_file(candidate, self.known, self.options)
                if found is not None:
                    return found
        parent = directory.parent
        return Config() if parent == directory else self._for_dir(parent)


def config_schema(options: dict[str, Option]) -> dict[str, Any]:
    """The configuration as a JSON Schema, for editors (completion, a mistyped key marked as
    it is typed): the general keys and the options the rules declare (``docs/config.schema.json``,
    kept current by tests/test_docs.py). The run itself checks a config here, in its own
    words (``from_mapping``: the nearest key suggested, codes checked against the rules)."""
    codes: dict[str, Any] = {
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
    }
    files = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    properties: dict[str, Any] = {
        "select": {**codes, "description": "rule codes or prefixes to check (default: all)"},
        "ignore": {**codes, "description": "codes or prefixes to skip"},
        "severity": {
            "type": "object",
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
