"""Bootstrapping an office's own registry: ``plancheck agencies PLAN --init FILE`` writes a
skeleton of every name the plan uses that no registry knows; and the registry a plan is read
with (national, mirror, and the registry files of its config).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..base.errors import UsageError, os_reason
from ..knowledge.agencies import Registry
from ..reading.model import Plan

EXISTS = "{where}: already exists; --init never overwrites a file"

# ---- bootstrap: plancheck agencies PLAN --init FILE ------------------------------------------


@dataclass
class Unknown:
    """A name no registry knows, as the plan uses it."""

    name: str
    count: int = 0
    tasks: list[int] = field(default_factory=list)


def unknown_names(plan: Plan, registry: Registry) -> list[Unknown]:
    """Every agency name of the plan's clauses that no registry (nor the mirror) knows,
    in order of first use."""
    found: dict[str, Unknown] = {}
    for task in plan.tasks:
        if task.clause is None:
            continue
        for ref in task.clause.agencies:
            if registry.lookup(ref.name) is not None:
                continue
            item = found.setdefault(ref.name, Unknown(ref.name))
            item.count += 1
            if task.number not in item.tasks:
                item.tasks.append(task.number)
    return list(found.values())


#: the words of a skeleton's comments: ``say(key, **facts)``, the locale's ``text`` in the
#: user's language (the commands pass it: checking does not reach up to the locale)
Say = Callable[..., str]


def skeleton(plan: Plan, registry: Registry, say: Say) -> str:
    """A registry file for the office to curate: every unknown name with a guessed category,
    its count and tasks as comments, all comments in the user's language (``say``'s
    ``init.*`` texts). It loads as it is (no rank: no protocol order yet)."""
    names = unknown_names(plan, registry)
    separator = say("list_separator")
    guess = registry.mirror.guess_category if registry.mirror else (lambda _: "local")
    header = say(
        "init.header", plan=Path(plan.path).name, categories=separator.join(registry.categories)
    )
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += ["", "agencies:"]
    for item in names:
        said = say("init.entry", count=item.count, tasks=separator.join(map(str, item.tasks)))
        lines.append(f"  - {{name: {_quote(item.name)}, category: {guess(item.name)}}}  # {said}")
    return "\n".join(lines) + "\n"


def _quote(name: str) -> str:
    """A YAML scalar for a name (plain unless it holds a character YAML would read)."""
    if any(c in name for c in ":#{}[],&*!|>'\"%@`") or name != name.strip():
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return name


def write_skeleton(target: Path, text: str) -> None:
    """Write a new file; an existing one is never overwritten (one-line error, exit 2)."""
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(EXISTS, where=target) from None
    except OSError as error:
        raise UsageError(
            "{where}: cannot write ({reason})", where=target, reason=os_reason(error)
        ) from None


def registry_for(path: str | None, config_path: Path | None = None) -> Registry:
    """The registry a plan is checked against: national, mirror, and the registry files of
    the config that applies to it (``--config`` or the nearest one above the plan)."""
    from ..knowledge.agencies import load_registry
    from .config import ConfigFinder
    from .rules import builtin_rules

    finder = ConfigFinder(list(builtin_rules().values()), config_path)
    plan_path = None if path in (None, "-") else Path(path)
    return load_registry(finder.for_file(plan_path).agencies)


def init_registry(path: str, target: Path, say: Say, config_path: Path | None = None) -> int:
    """``--init FILE``: write a registry skeleton of the plan's unknown names; their count.
    With none unknown nothing is written (an empty registry is nothing to curate): 0."""
    from ..reading.parse import parse
    from ..reading.source import read_source

    if target.exists():  # checked before reading the plan: the answer does not depend on it
        raise UsageError(EXISTS, where=target)
    plan = parse(read_source(path))
    registry = registry_for(path, config_path)
    count = len(unknown_names(plan, registry))
    if count:
        write_skeleton(target, skeleton(plan, registry, say))
    return count
