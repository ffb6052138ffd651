"""Task tables are told by any responsibility column their header names (issue 23): the
column words are data (rules/columns.yaml)."""

from __future__ import annotations

import pytest

from checker.reading.columns import column_role, recognise_header, says_none
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


@pytest.mark.parametrize("cell", ["—", "——", " - ", "/", "／", "无", "暂无"])
def test_a_cell_that_says_none_names_no_body(cell):
    assert says_none(cell)


@pytest.mark.parametrize("cell", ["市交通委", "无锡市交通局", "—市交通委", "各区政府"])
def test_a_cell_with_a_name_is_read(cell):
    assert not says_none(cell)


def test_a_dash_in_a_cooperating_column_is_no_agency():
    table = (
        "| 序号 | 重点任务 | 牵头部门 | 配合部门 |\n| --- | --- | --- | --- |\n"
        "| 1 | 推进建设 | 市交通委 | — |\n| 2 | 完善制度 | 市交通委 | 无 |\n"
    )
    plan = parse(Source.from_text(table, "plan.md"))
    assert [[a.name for a in t.clauses[0].agencies] for t in plan.rows_and_tasks] == [
        ["市交通委"],
        ["市交通委"],
    ]
    assert not [f for f in lint_text(table, path="plan.md") if f.code in ("G001", "G012")]
