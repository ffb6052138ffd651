"""The columns of a task-division table, told by its header words (see ``tables``).

Kept apart: the Word reader asks it whether a table is a task table before any text exists;
its words are data (``rules/columns.yaml``), loaded on first use.
"""

from __future__ import annotations

import re
from functools import cache

#: the roles a column can have (rules/columns.yaml names them)
ROLES = frozenset({"deadline", "lead", "cooperate", "participant", "number", "task"})


@cache
def _columns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str], int]:
    """The header words by column role, the words of people's columns and the longest header
    (``rules/columns.yaml``: data, validated on load), compiled once."""
    from ..base.errors import ConfigError
    from ..knowledge.data import builtin

    data = builtin("columns.yaml")
    roles = tuple(
        (str(entry["role"]), re.compile(entry["pattern"], re.I if entry.get("ignore_case") else 0))
        for entry in data["roles"]
    )
    for n, (role, _) in enumerate(roles):
        if role not in ROLES:
            raise ConfigError(
                "{where}: unknown role '{role}'", where=f"columns.yaml:roles[{n}]", role=role
            )
    return roles, re.compile(data["person"]), int(data["header_max"])


@cache
def _division() -> re.Pattern[str] | None:
    from ..knowledge.data import builtin

    pattern = builtin("columns.yaml").get("division")
    return re.compile(pattern) if pattern else None


def _without_divisions(headers: list[str], roles: tuple[str, ...]) -> tuple[str, ...]:
    """Roles with the columns of a body's own offices (市卫健委内牵头处室) made ``other`` where
    another column names the bodies: they say who inside a body works, not which body."""
    division = _division()
    if division is None:
        return roles
    bodies = ("lead", "participant", "cooperate")
    inner = {
        n
        for n, role in enumerate(roles)
        if role in bodies and division.search(re.sub(r"\s+", "", headers[n]))
    }
    if not inner or not any(r == "lead" for n, r in enumerate(roles) if n not in inner):
        return roles
    return tuple("other" if n in inner else role for n, role in enumerate(roles))


@cache
def _empty_cell() -> re.Pattern[str] | None:
    from ..knowledge.data import builtin

    pattern = builtin("columns.yaml").get("empty_cell")
    return re.compile(pattern) if pattern else None


def says_none(cell: str) -> bool:
    """A cell that says "none" (—, /, 无) rather than naming a body: empty, never a name."""
    empty = _empty_cell()
    return empty is not None and empty.fullmatch(cell.strip()) is not None


#: What joins the paragraphs of one cell: agency lists by 、, prose directly.
JOINERS = {"lead": "、", "participant": "、", "cooperate": "、"}


def column_role(header: str) -> str:
    """What a column holds, from its header text: number, task, lead, participant,
    cooperate, deadline, or other (a long cell is prose, not a header; 牵头领导 and 联系电话
    are people, never bodies)."""
    roles, person, header_max = _columns()
    name = re.sub(r"\s+", "", header)
    if not name or len(name) > header_max or person.search(name):
        return "other"
    return next((role for role, words in roles if words.search(name)), "other")


def recognise_header(headers: list[str]) -> tuple[str, ...] | None:
    """Roles of a header row's columns, or None when it is not a task-division table.

    A task table names a responsibility (lead) column and says what is to be done: a task
    column, or, beside a 序号 column, columns of its own words (``序号 | 交通子行业 | 建设区域 |
    装机计划 | 责任单位``, an allocation whose rows are each a body's charge), which then hold
    the task's text: those before the first responsibility column. A table of people
    (联系人, 电话) or of numbers alone is not one."""
    roles = _without_divisions(headers, tuple(column_role(header) for header in headers))
    if "lead" not in roles:
        return None
    if "task" in roles:
        return roles
    if "number" not in roles:
        return None
    _, person, header_max = _columns()
    names = [re.sub(r"\s+", "", header) for header in headers]
    first_lead = roles.index("lead")
    own = [
        n
        for n, role in enumerate(roles[:first_lead])
        if role == "other" and 0 < len(names[n]) <= header_max and not person.search(names[n])
    ]
    if not own:
        return None
    return tuple("task" if n in own else role for n, role in enumerate(roles))
