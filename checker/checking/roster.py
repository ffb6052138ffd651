"""The addressee line against the joint conference's members and the agencies with tasks.

A plan is sent to “…联席会议各成员单位” plus others named one by one. Drafters want to know
which members got no task, and which agencies with tasks the notice does not address.
"""

from __future__ import annotations

from typing import Any

from ..knowledge.agencies import Registry, conferences, load_registry
from ..reading.model import Plan
from ..reading.text import fold
from ..reading.vocabulary import split_at_separators, words


def _resolve(registry: Registry, name: str, year: int | None) -> str:
    body = registry.resolve(name, year)
    return body.name if body else name


def addressee_report(plan: Plan, registry: Registry | None = None) -> dict[str, Any] | None:
    """Members without tasks and agencies not addressed; None when there is no addressee line."""
    line = plan.paragraph("addressee")
    if line is None:
        return None
    registry = registry or load_registry()
    folded = fold(line.text).rstrip(":").strip()
    conference = next((c for c in conferences() if c["name"] in folded), None)
    named: list[str] = []
    groups: list[str] = []  # 各省、自治区、直辖市人民政府: addressees that are not one body
    for part in split_at_separators(folded):
        part = part.strip()
        if not part or (conference and conference["name"] in part):
            continue
        if registry.lookup(part) is None:
            groups.append(part)
        else:
            named.append(_resolve(registry, part, plan.year))
    members = list(conference["members"]) if conference else []
    with_tasks: dict[str, None] = {}  # the bodies with a task, in order of first mention
    # each name once, in order of first mention (a plan writes its forty names two hundred
    # times, and this runs for every plan linted)
    written = dict.fromkeys(
        agency.name for task in plan.tasks for clause in task.clauses for agency in clause.agencies
    )
    for name in written:
        body = _resolve(registry, name, plan.year)
        if body in with_tasks:
            continue
        found = registry.lookup(body)
        if not (found and found.agency.is_collective):
            with_tasks[body] = None
    addressed = set(members) | set(named)
    # a group that takes in every central body (rules/vocabulary.yaml: all_bodies)
    everyone = any(word in group for group in groups for word in words("all_bodies"))
    return {
        "conference": conference["name"] if conference else None,
        "members": len(members),
        "named": named,
        "groups": groups,
        "members_without_task": [m for m in members if m not in with_tasks],
        "named_without_task": [n for n in named if n not in with_tasks],
        "unaddressed": [] if everyone else [a for a in with_tasks if a not in addressed],
    }
