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
                "lead_labels": r.lead_labels,
                "join_labels": r.join_labels,
                "roles": r.roles,
            }
            for r in table.rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_text(table: AgencyTable, options: RenderOptions) -> str:
    from ... import locale

    def word(key: str) -> str:
        return locale.text(options.lang, f"agencies.{key}")

    rows = table.rows
    width = max((len(r.name) for r in rows), default=4)
    leads, joins = word("leads"), word("joins")
    column = max(4, _columns(leads), _columns(joins))
    head = (
        f"{word('agency').ljust(width, '　')}  {_right(leads, column)}  {_right(joins, column)}  "
        f"{word('tasks')}"
    )
    lines = [head]
    for row in rows:
        separator = locale.text(options.lang, "list_separator")
        lead = separator.join(row.lead_labels) or "-"
        join = separator.join(row.join_labels) or "-"
        roles = "".join(
            "  " + _line(options.lang, word("role." + role), separator.join(labels))
            for role, labels in row.roles.items()
        )
        lines.append(
            f"{row.name.ljust(width, '　')}  {len(row.leads):>{column}}  {len(row.joins):>{column}}  "
            f"{_line(options.lang, leads, lead)}  {_line(options.lang, joins, join)}{roles}"
        )
    return "\n".join(lines) + "\n"


def _columns(text: str) -> int:
    """Width on a terminal: a Chinese character takes two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _right(text: str, width: int) -> str:
    return " " * max(0, width - _columns(text)) + text


def _line(lang: str, label: str, value: str) -> str:
    """``label: value`` with the language's colon."""
    from ... import locale

    return locale.text(lang, "rule.line", label=label, value=value)
