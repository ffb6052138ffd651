"""Task tables are told by any responsibility column their header names (issue 23): the
column words are data (rules/columns.yaml)."""

from __future__ import annotations

import pytest

from checker.reading.columns import column_role, recognise_header
from checker.reading.parse import parse
from checker.reading.source import Source

from .conftest import lint_text


@pytest.mark.parametrize(
    "header", ["指导部门", "主要负责单位", "责任部门", "牵头部门", "责任单位", "实施主体"]
)
def test_every_responsibility_column_is_a_lead_column(header):
    assert column_role(header) == "lead"
    assert recognise_header(["序号", "重点任务", header, "完成时限"]) is not None


@pytest.mark.parametrize("header", ["牵头领导", "责任人", "联系人", "指导意见"])
def test_columns_of_people_or_prose_are_not(header):
    assert column_role(header) != "lead"


TABLE = """2024年重点工作任务

| 序号 | 重点任务 | {column} | 完成时限 |
|---|---|---|---|
| 1 | 推进制度建设。 | 科技部 | 2024年底 |
| 2 | 完善评价体系。 | 教育部 | 2024年底 |
| 4 | 加强监督检查。 | 财政部 | 2024年底 |
"""


@pytest.mark.parametrize("column", ["指导部门", "主要负责单位", "实施主体"])
def test_a_table_with_any_responsibility_column_is_read_numbered_and_checked(column):
    text = TABLE.format(column=column)
    plan = parse(Source.from_text(text, "plan.md"))
    assert [t.number for t in plan.tasks] == [1, 2, 4]
    assert [t.agencies[0].name for t in plan.tasks] == ["科技部", "教育部", "财政部"]
    assert [f.code for f in lint_text(text, ("N002",), path="plan.md")] == ["N002"]


def test_a_table_of_people_is_not_a_task_table():
    """牵头领导 names people: the table holds no tasks, and a text of it alone is no plan."""
    from checker.base.errors import InputError

    with pytest.raises(InputError):
        parse(Source.from_text(TABLE.format(column="牵头领导"), "plan.md"))
