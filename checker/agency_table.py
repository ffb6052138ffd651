"""``plancheck agencies PLAN``: each agency with the tasks it leads and joins, in protocol order."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .agencies import Registry, load_registry
from .model import Plan
from .parse import parse
from .source import read_source


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


def render_agency_table(path: str, fmt: str) -> str:
    plan = parse(read_source(path))
    rows = agency_rows(plan)
    if fmt == "json":
        data = {
            "path": path,
            "tasks": len(plan.tasks),
            "agencies": [
                {
                    "name": r.name,
                    "category": r.category,
                    "known": r.known,
                    "leads": r.leads,
                    "joins": r.joins,
                }
                for r in rows
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    width = max((len(r.name) for r in rows), default=4)
    lines = [f"{'单位'.ljust(width, '　')}  牵头  参与  任务"]
    for row in rows:
        lead = ",".join(map(str, row.leads)) or "-"
        join = ",".join(map(str, row.joins)) or "-"
        lines.append(
            f"{row.name.ljust(width, '　')}  {len(row.leads):>4}  {len(row.joins):>4}  "
            f"牵头: {lead}  参与: {join}"
        )
    return "\n".join(lines) + "\n"
