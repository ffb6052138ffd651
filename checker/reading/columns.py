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
    ("task", re.compile(r"任务|内容|措施|举措|事项|要点|工作$")),
)
#: Columns of people, not bodies (牵头领导, 责任人, 联系人): not agencies.
_PERSON = re.compile(r"领导|责任人|负责人|联系人|联系方式|电话")
#: A header cell longer than this is prose, not a column name.
_HEADER_MAX = 14
#: What joins the paragraphs of one cell: agency lists by 、, prose directly.
JOINERS = {"lead": "、", "participant": "、", "cooperate": "、"}


def column_role(header: str) -> str:
    """What a column holds, from its header text: number, task, lead, participant,
    cooperate, deadline, or other (a long cell is prose, not a header)."""
    name = re.sub(r"\s+", "", header)
    if not name or len(name) > _HEADER_MAX or _PERSON.search(name):
        return "other"
    return next((role for role, words in _ROLE_WORDS if words.search(name)), "other")


def recognise_header(headers: list[str]) -> tuple[str, ...] | None:
    """Roles of a header row's columns, or None when it is not a task-division table."""
    roles = tuple(column_role(header) for header in headers)
    if "task" not in roles or "lead" not in roles:
        return None
    return roles
