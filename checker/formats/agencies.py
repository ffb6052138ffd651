"""``plancheck agencies``: the agency table as text (aligned on full-width spaces) or JSON."""

from __future__ import annotations

import json

from ..agency_table import AgencyTable
from . import RenderOptions


def render_json(table: AgencyTable, options: RenderOptions) -> str:
    data = {
        "path": table.path,
        "tasks": table.tasks,
        "agencies": [
            {
                "name": r.name,
                "category": r.category,
                "known": r.known,
                "leads": r.leads,
                "joins": r.joins,
            }
            for r in table.rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_text(table: AgencyTable, options: RenderOptions) -> str:
    rows = table.rows
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
