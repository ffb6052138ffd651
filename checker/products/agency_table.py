"""Each agency of a plan with the tasks it leads and joins, in protocol order: the facts behind
``plancheck agencies`` and the report's agency table (rendered in ``formats/``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..knowledge.agencies import Registry, load_registry
from ..reading.model import AgencyRef, Clause, Plan


@dataclass
class AgencyRow:
    name: str
    category: str
    leads: list[int] = field(default_factory=list)
    joins: list[int] = field(default_factory=list)
    known: bool = True
    #: the same tasks as drafters cite them: 50, (十五), 二(一)
    lead_labels: list[str] = field(default_factory=list)
    join_labels: list[str] = field(default_factory=list)
    #: the same tasks by their index in the plan: which task each is, where two share a
    #: number (numbers that restart in each part) or even a label (a number written twice)
    lead_tasks: list[int] = field(default_factory=list)
    join_tasks: list[int] = field(default_factory=list)
    #: the tasks (as cited) where its role is more than lead or join: a joint lead
    #: (joint_lead), cooperating (cooperate), guiding (guide), each for its own part
    #: (separate: counted among the tasks it leads)
    roles: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.leads) + len(self.joins)


def agency_rows(plan: Plan, registry: Registry | None = None) -> list[AgencyRow]:
    """Agencies of a plan's clauses (aliases and old names resolved), in protocol order."""
    registry = registry or load_registry()
    rows: dict[str, AgencyRow] = {}
    for task in plan.tasks:
        for clause, agency in ((c, a) for c in task.clauses for a in c.agencies):
            body = registry.resolve(agency.name, plan.year)
            name = body.name if body else agency.name
            row = rows.get(name)
            if row is None:
                category = body.category if body else "unknown"
                row = rows[name] = AgencyRow(name, category, known=body is not None)
            lead = agency.role in ("lead", "separate")  # 分别负责: each leads its own part
            role = _role_shown(clause, agency)
            if role is not None and task.label not in row.roles.setdefault(role, []):
                row.roles[role].append(task.label)
            indexes = row.lead_tasks if lead else row.join_tasks
            if task.index not in indexes:  # once per task, however often its clauses name it
                indexes.append(task.index)
                (row.lead_labels if lead else row.join_labels).append(task.label)
                (row.leads if lead else row.joins).append(task.number)

    def order(row: AgencyRow) -> tuple:
        found = registry.lookup(row.name)
        return registry.order_key(found.agency) if found else (999, 0)

    return sorted(rows.values(), key=order)


def _role_shown(clause: Clause, agency: AgencyRef) -> str | None:
    """The role to show beside lead and join: a lead among several (joint_lead), or the
    role a clause gives in words (cooperate: 配合; guide: 指导; separate: 分别负责, each
    for its own part, no single lead); None for a plain one."""
    if agency.role == "lead":
        return "joint_lead" if len(clause.leads) > 1 else None
    return agency.role if agency.role in ("cooperate", "guide", "separate") else None


@dataclass
class AgencyTable:
    """What ``plancheck agencies`` shows: a plan's agencies with the tasks they lead and join."""

    path: str
    tasks: int
    rows: list[AgencyRow]


def agency_table(plan: Plan, registry: Registry | None = None) -> AgencyTable:
    return AgencyTable(plan.path, len(plan.tasks), agency_rows(plan, registry))
