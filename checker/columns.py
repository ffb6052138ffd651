"""The columns of a task-division table, told by its header words (see ``tables``).

Kept apart, with no imports of the package: the Word reader asks it whether a table is a
task table before any text exists.
"""

from __future__ import annotations

import re

#: Header words by column role, tried in this order (完成时限 before 任务: "任务完成时限").
_ROLE_WORDS = (
    ("deadline", re.compile(r"时限|时间|期限|进度安排|完成时")),
    ("lead", re.compile(r"牵头|责任单位|责任部门|负责单位|负责部门|主责|主办")),
    ("cooperate", re.compile(r"配合|协助|协办|协同")),
    ("participant", re.compile(r"参与|参加|共同|会同")),
    ("number", re.compile(r"^(?:序号|编号|序|号|No\.?)$", re.IGNORECASE)),
    ("task", re.compile(r"任务|工作内容|内容|措施|举措|事项|工作要点|重点工作")),
)
#: A header cell longer than this is prose, not a column name.
_HEADER_MAX = 14
#: What joins the paragraphs of one cell: agency lists by 、, prose directly.
JOINERS = {"lead": "、", "participant": "、", "cooperate": "、"}


def recognise_header(headers: list[str]) -> tuple[str, ...] | None:
    """Roles of a header row's columns, or None when it is not a task-division table."""
    roles = []
    for header in headers:
        name = re.sub(r"\s+", "", header)
        role = "other"
        if name and len(name) <= _HEADER_MAX:
            role = next((r for r, words in _ROLE_WORDS if words.search(name)), "other")
        roles.append(role)
    if "task" not in roles or "lead" not in roles:
        return None
    return tuple(roles)
