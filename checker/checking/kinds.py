"""Rules written as data (in the manner of Vale's styles): a closed set of kinds.

A drafting office adds its own conventions as YAML, in ``rules/conventions/`` (shipped) or in
files named by ``rules:`` in its config, without Python::

    code: X101
    name: no-colloquial-terms
    extends: substitution        # existence | substitution | pattern
    message: {zh: "请将“{match}”改为“{expected}”", en: "write '{expected}' for '{match}'"}
    swap: {抓紧: 加快}
    scope: tasks                 # tasks | text (default tasks)

``pattern`` takes a regular expression with named groups, optional ``exceptions`` (regexes
that, matching the same text, excuse it), ``when`` (``GROUP != plan.year`` and the like) and
``suggest`` (a template for the expected text). Every file is validated on load; a bad one
fails with ``file:key: message`` before any plan is checked.
"""

import operator
import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..base.errors import ConfigError
from ..base.lazyre import LazyPattern
from ..knowledge.data import data_dir, data_folder, load_yaml
from ..knowledge.schema import WHEN
from ..reading.model import Edit, Plan, Span
from .registry import RuleSpec

if TYPE_CHECKING:  # the shipped rules are read by their names as strings: pathlib is not
    # imported for them (a config's own rule files are Paths, as it resolves them)
    from pathlib import Path

_WHEN = LazyPattern(WHEN)
_OPS = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, ">": operator.gt}
_OPS |= {"<=": operator.le, ">=": operator.ge}


class DataRule:
    """A validated YAML rule: what to match and what to say."""

    def __init__(
        self,
        code: str,
        name: str,
        kind: str,
        messages: dict[str, str],
        regex: re.Pattern[str],
        exceptions: tuple[re.Pattern[str], ...],
        swap: dict[str, str],
        when: tuple[str, Any] | None,
        suggest: str | None,
        scope: str,
        safe_fix: bool,
    ) -> None:
        self.code = code
        self.name = name
        self.kind = kind
        self.messages = messages
        self.regex = regex
        self.exceptions = exceptions
        self.swap = swap
        self.when = when
        self.suggest = suggest
        self.scope = scope
        self.safe_fix = safe_fix

    def matches(self, plan: Plan, year: int | None) -> Iterator[tuple[int, int, dict[str, Any]]]:
        """(start, end, message args) for every match in scope that is not excused."""
        text = plan.source.text
        for start, end in _scope_ranges(plan, self.scope):
            for match in self.regex.finditer(text, start, end):
                found = match.group()
                if any(
                    e.fullmatch(found) or e.search(_around(text, match)) for e in self.exceptions
                ):
                    continue
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                if self.when and not self._when(groups, year):
                    continue
                args = {**groups, "match": found, "year": year, "plan_year": year}
                expected = self._expected(found, groups, year)
                if expected is not None:
                    args["expected"] = expected
                yield match.start(), match.end(), args

    def _when(self, groups: dict[str, Any], year: int | None) -> bool:
        assert self.when is not None
        group, compare = self.when
        value = groups.get(group)
        if value is None or year is None:
            return False
        return compare(int(value), year)

    def _expected(self, found: str, groups: dict[str, Any], year: int | None) -> str | None:
        if self.kind == "substitution":
            return self.swap.get(found) or next(
                (right for wrong, right in self.swap.items() if re.fullmatch(wrong, found)), None
            )
        if self.suggest:
            return self.suggest.format(plan_year=year, **groups)
        return None


def _around(text: str, match: re.Match[str], width: int = 12) -> str:
    return text[max(0, match.start() - width) : match.end() + width]


def _scope_ranges(plan: Plan, scope: str) -> list[tuple[int, int]]:
    if scope == "text":
        return [(0, len(plan.source.text))]
    return [(t.span.start, t.span.end) for t in plan.tasks]


def _messages(value: str | dict[str, str], where: str) -> dict[str, str]:
    messages = _by_language(value)
    for text in set(messages.values()):
        _template_fields(text, f"{where}:message")
    return messages


class _Field:
    """What a template's fields are filled with when it is checked: a plain ``{name}``
    formats; an attribute, an index or a format spec is refused (a message names facts,
    it does not reach into them). A field writes itself as ``{name}``, so that one nested
    in another's spec (``{match:{task}}``) is that field's spec, refused too."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __format__(self, spec: str) -> str:
        if spec:
            raise ValueError(f"a format spec (:{spec})")
        return "{" + object.__getattribute__(self, "name") + "}"

    def __getattribute__(self, name: str) -> Any:  # every attribute, __class__ included
        raise ValueError(f"an attribute (.{name})")

    def __getitem__(self, key: Any) -> Any:
        raise ValueError(f"an index ([{key}])")


class _Fields(dict):
    """The names a template asks for, each given a ``_Field``."""

    def __missing__(self, key: str) -> _Field:
        self[key] = _Field(key)
        return self[key]


def _template_fields(text: str, where: str) -> set[str]:
    """The ``{name}`` fields of a message or suggestion template, or ``file:key: …`` for a
    template that would fail when a finding is written (an unmatched brace: ``{{`` and
    ``}}`` write one)."""
    fields = _Fields()
    try:
        text.format_map(fields)
    except (ValueError, IndexError) as error:
        raise ConfigError(
            "{where}: {problem} (a field is {{name}}; {{{{ and }}}} write a brace)",
            where=where,
            problem=str(error),
        ) from None
    return set(fields)


def _by_language(value: str | dict[str, str]) -> dict[str, str]:
    """A text in one language for all, or ``{zh: …, en: …}`` (English falls back to Chinese)."""
    if isinstance(value, str):
        return {"zh": value, "en": value}
    return {"zh": value["zh"], "en": value.get("en", value["zh"])}


def _regex(value: str, where: str, flags: int = 0) -> re.Pattern[str]:
    """A rule's expression compiled; the schema checked each part, but parts joined into one
    (tokens, swap keys) may still clash (a group name used twice)."""
    try:
        return re.compile(value, flags)
    except re.error as error:
        raise ConfigError(
            "{where}: invalid regular expression ({reason})", where=where, reason=str(error)
        ) from None


def rule_shape() -> dict[str, Any]:
    """The JSON Schema of a data rule (``rules/schemas/rule.schema.json``): its keys, kinds
    and the key each kind needs; editors can use it for completion."""
    from ..knowledge.schema import schema

    found = schema(data_dir(), "rule")
    assert found is not None, "rules/schemas/rule.schema.json is shipped with plancheck"
    return found


def parse_rule(data: Any, origin: str) -> tuple[DataRule, dict[str, Any]]:
    """Validate one rule mapping: its shape against the rule schema, then what a schema
    cannot know (``build_rule``); every problem is ``file:key: message``."""
    from ..knowledge.schema import check

    check(data, rule_shape(), origin)
    return build_rule(data, origin)


def build_rule(data: dict[str, Any], origin: str) -> tuple[DataRule, dict[str, Any]]:
    """The rule of a mapping whose shape is checked: its expressions compiled, ``when``
    naming one of the pattern's groups, its templates naming only facts it has."""
    code, name, kind = data["code"], data["name"], data["extends"]
    flags = re.IGNORECASE if data.get("ignorecase") else 0
    swap: dict[str, str] = {}
    if kind == "existence":
        joined = "|".join(f"(?:{t})" for t in data["tokens"])
        regex = _regex(joined, f"{origin}:tokens", flags)
    elif kind == "substitution":
        swap = {str(k): str(v) for k, v in data["swap"].items()}
        regex = _regex("|".join(f"(?:{w})" for w in swap), f"{origin}:swap", flags)
    else:
        regex = _regex(data["pattern"], f"{origin}:pattern", flags)
    when = None
    if "when" in data:
        parsed = _WHEN.match(data["when"])
        if not parsed or parsed.group(1) not in regex.groupindex:
            raise ConfigError(
                "{where}: expected 'GROUP != plan.year' with a named group", where=f"{origin}:when"
            )
        when = (parsed.group(1), _OPS[parsed.group(2)])
    suggest = data.get("suggest")
    if suggest is not None:
        unknown_fields = _template_fields(suggest, f"{origin}:suggest") - {
            "plan_year",
            *regex.groupindex,
        }
        if unknown_fields:
            raise ConfigError(
                "{where}: {{{field}}} is neither a named group of the pattern nor plan_year",
                where=f"{origin}:suggest",
                field=sorted(unknown_fields)[0],
            )
    messages = _messages(data["message"], origin)
    _check_facts(messages, kind == "substitution" or suggest is not None, regex, origin)
    rule = DataRule(
        code=code,
        name=name,
        kind=kind,
        messages=messages,
        regex=regex,
        exceptions=tuple(_regex(e, f"{origin}:exceptions") for e in data.get("exceptions", [])),
        swap=swap,
        when=when,
        suggest=suggest,
        scope=data.get("scope", "tasks"),
        safe_fix=data.get("fix") == "safe",
    )
    meta = {"severity": data.get("severity", "warning"), "description": "", **data}
    return rule, meta


def _check_facts(
    messages: dict[str, str], expects: bool, regex: re.Pattern[str], origin: str
) -> None:
    """``file:message: …`` for a message field that no finding of the rule gives (``{mathc}``
    for ``{match}``, ``{expected}`` where nothing is expected): said when the rule is read,
    not as an error inside a run that found something."""
    given = {"match", "task", "year", "plan_year", *regex.groupindex}
    if expects:
        given.add("expected")
    for text in messages.values():
        unknown = _template_fields(text, f"{origin}:message") - given
        if unknown:
            raise ConfigError(
                "{where}: {{{field}}} is not a fact the rule gives ({facts})",
                where=f"{origin}:message",
                field=sorted(unknown)[0],
                facts=", ".join(sorted(given)),
            )


def make_spec(rule: DataRule, meta: dict[str, Any], origin: str) -> RuleSpec:
    """Wrap a data rule as a registry entry, its documentation made from the YAML."""

    def check(plan: Plan, ctx) -> Iterator:
        for start, end, args in rule.matches(plan, ctx.year):
            task = ctx.task_at(start)
            fix = None
            if "expected" in args:
                fix = [Edit(start, end, args["expected"])]
            yield ctx.finding(
                Span.of(plan.source, start, end),
                task,
                fix=fix,
                safe=rule.safe_fix,
                message_zh=rule.messages["zh"].format_map(_Lenient(args)),
                message_en=rule.messages["en"].format_map(_Lenient(args)),
                **args,
            )

    doc_lines = [f"Bad: {example}" for example in _as_list(meta.get("bad"))]
    doc_lines += [f"Good: {example}" for example in _as_list(meta.get("good"))]
    return RuleSpec(
        rule.code,
        rule.name,
        meta["severity"],
        "safe"
        if rule.safe_fix
        else ("unsafe" if rule.kind == "substitution" or rule.suggest else None),
        check,
        "\n".join(doc_lines),
        origin=origin,
        titles=_by_language(meta.get("title") or rule.name),
        explanations=_by_language(meta.get("description") or ""),
    )


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def load_rule_file(path: "str | Path") -> RuleSpec:
    """A data rule from its file: parsed and its shape checked on a cache miss only
    (``data.load_yaml``), so a run that read it before imports no jsonschema."""
    rule, meta = build_rule(load_yaml(path, rule_shape), str(path))
    return make_spec(rule, meta, str(path))


def load_rule_files(paths: "tuple[Path, ...]", taken: set[str]) -> list[RuleSpec]:
    """Rules named in a config (files or folders of *.yaml); codes must be new."""
    specs = []
    for path in paths:
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        if not path.exists():
            raise ConfigError("{where}: no such rule file", where=path)
        for file in files:
            spec = load_rule_file(file)
            if spec.code in taken:
                raise ConfigError(
                    "{where}: {code} is already a rule", where=f"{file}:code", code=spec.code
                )
            taken.add(spec.code)
            specs.append(spec)
    return specs


def builtin_data_rules() -> list[RuleSpec]:
    """The data rules that ship with plancheck (``rules/conventions/*.yaml``)."""
    folder = os.path.join(data_folder(), "conventions")
    names = sorted(name for name in os.listdir(folder) if name.endswith(".yaml"))
    return [load_rule_file(os.path.join(folder, name)) for name in names]
