"""Each agency of a plan with the tasks it leads and joins, in protocol order: the facts behind
``plancheck agencies`` and the report's agency table (rendered in ``formats/``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .agencies import Registry, load_registry
from .model import Plan


@dataclass
class AgencyRow:
    name: str
    category: str
    leads: list[int] = field(default_factory=list)
    joins: list[int] = field(default_factory=list)
    known: bool = True

    @property
    def total(self) -> int:
        return len(self.leads) + len(self.joins)


def agency_rows(plan: Plan, registry: Registry | None = None) -> list[AgencyRow]:
    """Agencies of a plan's clauses (aliases and old names resolved), in protocol order."""
    registry = registry or load_registry()
    rows: dict[str, AgencyRow] = {}
    for task in plan.tasks:
        if task.clause is None:
            continue
        for agency in task.clause.agencies:
            body = registry.resolve(agency.name, plan.year)
            name = body.name if body else agency.name
            row = rows.get(name)
            if row is None:
                category = body.category if body else "unknown"
                row = rows[name] = AgencyRow(name, category, known=body is not None)
            target = row.leads if agency.role == "lead" else row.joins
            if task.number not in target:
                target.append(task.number)

    def order(row: AgencyRow) -> tuple:
        found = registry.lookup(row.name)
        return registry.order_key(found.agency) if found else (999, 0)

    return sorted(rows.values(), key=order)


@dataclass
class AgencyTable:
    """What ``plancheck agencies`` shows: a plan's agencies with the tasks they lead and join."""

    path: str
    tasks: int
    rows: list[AgencyRow]


def agency_table(plan: Plan, registry: Registry | None = None) -> AgencyTable:
    return AgencyTable(plan.path, len(plan.tasks), agency_rows(plan, registry))
