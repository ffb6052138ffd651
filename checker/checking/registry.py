"""The rule registry: a rule is a function with its code, name, severity, fix kind and options.

Its words are locale entries, once per language: the title (``TITLES``), the explanation
(``EXPLANATIONS``) and the messages (``MESSAGES``). Its docstring holds the ``Bad:`` and
``Good:`` examples, which ``plancheck rule`` shows and the tests run.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..base.lazyre import LazyPattern

if TYPE_CHECKING:
    from ..reading.model import Plan
    from .context import Context
    from .findings import Finding

RuleFunc = Callable[["Plan", "Context"], Iterator["Finding"]]
_EXAMPLE = LazyPattern(r"^\s*(Bad|Good):\s?(.*)$")


class Option:
    """A rule's option, declared as data beside the rule (as yamllint's ``CONF``): the
    config key, its default, and what values are allowed. The configuration's JSON Schema
    is made from these (``config.config_schema``); it knows no rule by name."""

    __slots__ = ("between", "choices", "default", "help", "key")

    def __init__(
        self,
        key: str,
        default: Any,
        choices: tuple[Any, ...] = (),
        between: tuple[float, float] | None = None,
        help: str = "",
    ) -> None:
        self.key = key
        self.default = default
        self.choices = choices  # the allowed values, or
        self.between = between  # a number in (low, high]
        self.help = help


#: a Python rule's own titles and explanations: none (they are locale entries), read-only
_NO_WORDS: Mapping[str, str] = MappingProxyType({})


class RuleSpec:
    """A rule as the registry holds it: its function with its code, name, severity, fix
    kind, examples (``doc``) and options. (A plain class, as ``Option``: a NamedTuple costs
    half a million instructions to define at every start.)"""

    __slots__ = (
        "code",
        "doc",
        "explanations",
        "fix",
        "func",
        "name",
        "options",
        "origin",
        "severity",
        "titles",
    )

    def __init__(
        self,
        code: str,
        name: str,
        severity: str,
        fix: str | None,
        func: RuleFunc,
        doc: str,
        origin: str = "builtin",
        options: tuple[Option, ...] = (),
        titles: Mapping[str, str] = _NO_WORDS,
        explanations: Mapping[str, str] = _NO_WORDS,
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.fix = fix  # safe | unsafe | None
        self.func = func
        self.doc = doc
        self.origin = origin
        self.options = options
        #: a data rule's title and explanation by language, from its YAML; a Python rule's
        #: are locale entries (``TITLES``, ``EXPLANATIONS``), so these stay empty
        self.titles = titles
        self.explanations = explanations

    def examples(self, kind: str) -> list[str]:
        """Bad or Good example snippets; ``\\n`` inside one stands for a line break."""
        found = []
        for line in self.doc.splitlines():
            match = _EXAMPLE.match(line)
            if match and match.group(1) == kind:
                found.append(match.group(2).replace("\\n", "\n"))
        return found


RULES: dict[str, RuleSpec] = {}


def rule(
    code: str,
    name: str,
    *,
    severity: str = "error",
    fix: str | None = None,
    options: tuple[Option, ...] = (),
):
    """Register a rule function under its code (one code, one rule)."""

    def register(func: RuleFunc) -> RuleFunc:
        if code in RULES and RULES[code].func is not func:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = RuleSpec(code, name, severity, fix, func, func.__doc__ or "", options=options)
        return func

    return register


def declared_options(specs: Iterable[RuleSpec]) -> dict[str, Option]:
    """Every option the rules declare, by config key (two rules may share a key)."""
    return {option.key: option for spec in specs for option in spec.options}


def add(spec: RuleSpec) -> None:
    """Register a rule built from data (a YAML rule file)."""
    RULES[spec.code] = spec
