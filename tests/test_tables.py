"""Task-division tables (重点任务分工表) in Markdown and Word: recognised by their header
words, each row a task, every rule run on them, findings placed by table, row and column."""

from __future__ import annotations

import json

import docx
import jsonschema
import pytest
from docx.oxml.ns import qn

from checker.reading.columns import recognise_header
from checker.reading.parse import parse
from checker.reading.source import Source, read_source

from .test_cli import invoke
from .test_formats import SCHEMA

HEADER = ["序号", "重点任务", "牵头单位", "参与单位", "完成时限"]
ROWS = [
    ["1", "推进商标法修改。", "国家知识产权局", "司法部", "2024年底"],
    [
        "2",
        "完善数据知识产权保护规则。",
        "国家知识产权局",
        "中央网信办、国家知识产权总局",
        "2024年12月",
    ],
    ["2", "加强海关知识产权保护。", "", "海关总署", "持续推进"],
    ["4", "开展知识产权普法宣传。", "司法部", "中央宣传部", "2024年"],
]


def _markdown(header=HEADER, rows=ROWS, before="", title="2024年知识产权工作重点任务分工表") -> str:
    lines = [title, "", before] if before else [title, ""]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _word_table(document, header, rows):
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for column, text in enumerate(header):
        table.cell(0, column).text = text
    for r, row in enumerate(rows, 1):
        for column, text in enumerate(row):
            table.cell(r, column).text = text
    return table


@pytest.fixture
def word_table_plan(tmp_path):
    """A Word plan: a budget table first (not a task table), then the task table."""
    document = docx.Document()
    document.add_paragraph("2024年知识产权工作重点任务分工表")
    _word_table(document, ["序号", "项目", "金额（万元）", "备注"], [["1", "专利审查", "100", ""]])
    document.add_paragraph("一、完善知识产权制度")
    _word_table(document, HEADER, ROWS)
    document.add_paragraph("各单位按分工抓好落实。")
    path = tmp_path / "table.docx"
    document.save(path)
    return path


def _found(output: str) -> dict[str, dict]:
    data = json.loads(output)
    return {f["rule"]: f for f in data["findings"]}, data


# -- header recognition ---------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        ["序号", "重点任务", "牵头单位", "参与单位", "完成时限"],
        ["编号", "工作任务", "责任单位", "配合单位", "完成时间"],
        ["序号", "具体措施", "牵头部门", "参加单位", "时限要求"],
        ["序 号", "工作内容", "牵头单位", "协办单位"],
        ["任务", "负责单位"],
        ["序号", "主要工作", "主责单位", "协同单位", "时间节点"],
        ["序号", "政策措施", "牵头", "配合", "进度安排"],
    ],
)
def test_task_table_headers_in_several_wordings(header):
    roles = recognise_header(header)
    assert roles is not None and "task" in roles and "lead" in roles


@pytest.mark.parametrize(
    "header",
    [
        ["序号", "项目", "金额（万元）", "备注"],  # a budget
        ["序号", "姓名", "单位", "联系电话"],  # a contact list
        ["序号", "重点任务", "完成时限"],  # no lead column
        ["序号", "牵头单位", "参与单位"],  # no task column
        ["关于推进知识产权强国建设重点任务的说明和有关要求", "牵头单位"],  # prose, not a header
    ],
)
def test_other_tables_are_not_task_tables(header):
    assert recognise_header(header) is None


def test_header_roles():
    assert recognise_header(HEADER) == ("number", "task", "lead", "participant", "deadline")
    assert recognise_header(["序号", "任务", "牵头单位", "配合单位", "备注"])[3:] == (
        "cooperate",
        "other",
    )


# -- Markdown tables --------------------------------------------------------------------


def test_markdown_table_rows_are_tasks():
    plan = parse(Source.from_text(_markdown(), "plan.md"))
    assert [t.number for t in plan.tasks] == [1, 2, 2, 4]
    first = plan.tasks[0]
    assert first.body == "推进商标法修改。" and first.deadline == "2024年底"
    assert [(a.name, a.role) for a in first.clause.agencies] == [
        ("国家知识产权局", "lead"),
        ("司法部", "participant"),
    ]
    assert plan.year == 2024
    assert plan.tables[0].headers == tuple(HEADER)
    assert [row.row for row in plan.tables[0].rows] == [2, 3, 4, 5]


@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_misspelt_agency_repeated_number_missing_lead(suffix, tmp_path, word_table_plan):
    if suffix == "md":
        path = tmp_path / "table.md"
        path.write_text(_markdown(), encoding="utf-8")
        table = 1
    else:
        path, table = word_table_plan, 2  # the budget table is table 1
    result = invoke("lint", str(path), "--format", "json")
    found, data = _found(result.output)
    assert data["files"][0]["tasks"] == 4
    assert found["G001"]["message"].count("国家知识产权总局") == 1
    assert found["G001"]["place"] == {"table": table, "row": 3, "column": 4, "header": "参与单位"}
    assert found["N001"]["task"] == 2
    assert found["N001"]["place"] == {"table": table, "row": 4, "column": 1, "header": "序号"}
    assert found["G008"]["place"] == {"table": table, "row": 4, "column": 3, "header": "牵头单位"}
    assert "牵头单位" in found["G008"]["message"]
    assert not {"N002", "N004", "N006", "G009"} & set(found), found  # one cause, one finding


def test_table_place_in_text_output(tmp_path):
    path = tmp_path / "table.md"
    path.write_text(_markdown(), encoding="utf-8")
    lines = invoke("lint", str(path), "--select", "G001", "--no-color").output.splitlines()
    assert lines[0].startswith(f"{path}:6:") and "[表1第3行“参与单位”列]" in lines[0]
    english = invoke("lint", str(path), "--select", "G001", "--lang", "en").output
    assert "[table 1, row 3, column 参与单位]" in english


def test_stray_tag_vague_clause_and_alias_in_cells(tmp_path):
    rows = [
        ["1", "推进商标法修改。(科技成果评价)", "国家知识产权局", "各有关部门", "2024年底"],
        ["2", "推进产业发展。", "工信部", "", "2024年"],
    ]
    path = tmp_path / "t.md"
    path.write_text(_markdown(rows=rows), encoding="utf-8")
    found, _ = _found(invoke("lint", str(path), "--format", "json").output)
    assert found["A001"]["place"]["header"] == "重点任务"
    assert "各有关部门" in found["G005"]["message"]
    assert (
        found["G002"]["fix"]["replacement"] == "| 2 | 推进产业发展。 | 工业和信息化部 |  | 2024年 |"
    )


def test_fix_inside_a_markdown_table(tmp_path):
    rows = [["1", "推进产业发展。", "工信部", "科技部", "2024年"]]
    path = tmp_path / "t.md"
    path.write_text(_markdown(rows=rows), encoding="utf-8")
    invoke("lint", str(path), "--fix", "--select", "G002")
    assert "| 1 | 推进产业发展。 | 工业和信息化部 | 科技部 | 2024年 |" in path.read_text("utf-8")


def test_heading_rows_and_text_tasks_around_a_table():
    text = (
        "2024年工作要点\n一、完善制度\n1.推进立法。(司法部负责)\n"
        "| 序号 | 任务 | 牵头单位 |\n|---|---|---|\n| 二、强化保护 | | |\n"
        "| 2 | 加强执法。 | 公安部 |\n三、其他\n3.做好宣传。(中央宣传部负责)\n"
    )
    plan = parse(Source.from_text(text, "plan.md"))
    assert [(t.number, t.section) for t in plan.tasks] == [(1, 1), (2, 2), (3, 3)]
    assert [h.title for h in plan.headings] == ["完善制度", "强化保护", "其他"]
    assert [len(s.tasks) for s in plan.sections] == [1, 1, 1]


def test_a_budget_table_is_not_read_as_tasks(tmp_path):
    text = (
        "2024年工作计划\n1.推进立法。(司法部负责)\n"
        "| 序号 | 项目 | 金额 | 备注 |\n|---|---|---|---|\n| 1 | 专利审查 | 100 | 无 |\n"
    )
    plan = parse(Source.from_text(text, "plan.md"))
    assert [t.number for t in plan.tasks] == [1] and plan.tables == ()
    only_budget = tmp_path / "budget.md"
    only_budget.write_text("| 序号 | 项目 | 金额 |\n|---|---|---|\n| 1 | 审查 | 100 |\n", "utf-8")
    result = invoke("lint", str(only_budget), "--lang", "en")
    assert result.exit_code == 2 and "not a plan" in result.stderr


def test_word_budget_table_is_not_read_as_tasks(word_table_plan):
    source = read_source(word_table_plan)
    assert "专利审查" not in source.text
    plan = parse(source)
    assert len(plan.tables) == 1 and plan.tables[0].number == 2
    assert [h.title for h in plan.headings] == ["完善知识产权制度"]
    assert all(t.section == 1 for t in plan.tasks)


def test_word_paragraph_places(word_table_plan):
    source = read_source(word_table_plan)
    assert source.places[:3] == (("p", 1), ("p", 2), ("t", 2, 1))  # table 2's header row
    assert source.places[-1] == ("p", 3)


def test_word_merged_lead_cell_leads_every_row(tmp_path):
    """A lead cell merged down over several rows (a common layout) leads each of them."""
    document = docx.Document()
    document.add_paragraph("2024年重点任务分工表")
    rows = [
        ["1", "推进商标法修改。", "国家知识产权局", "司法部"],
        ["2", "完善专利审查。", "", "科技部"],
    ]
    table = _word_table(document, HEADER[:4], rows)
    table.cell(1, 2).merge(table.cell(2, 2))
    path = tmp_path / "merged.docx"
    document.save(path)
    plan = parse(read_source(path))
    assert [t.clause.lead.name for t in plan.tasks] == ["国家知识产权局", "国家知识产权局"]
    tc = table.cell(2, 2)._tc
    assert tc.tcPr.find(qn("w:vMerge")) is not None  # the test really merged the cells


def test_word_auto_numbered_number_column(tmp_path):
    """序号 filled by Word's numbering (no digits typed) still numbers the tasks."""
    document = docx.Document()
    document.add_paragraph("2024年重点任务分工表")
    table = _word_table(
        document,
        HEADER[:3],
        [["", "推进商标法修改。", "国家知识产权局"], ["", "完善专利审查。", "科技部"]],
    )
    for r in (1, 2):
        table.cell(r, 0).paragraphs[0].style = document.styles["List Number"]
    path = tmp_path / "numbered.docx"
    document.save(path)
    result = invoke("lint", str(path), "--format", "json")
    data = json.loads(result.output)
    assert data["files"][0]["tasks"] == 2
    assert not [f for f in data["findings"] if f["rule"].startswith("N")]


def test_html_links_findings_to_word_paragraphs_and_rows(word_table_plan, tmp_path):
    """The HTML pages say where each finding is in the Word file, linked to the file."""
    lint_page = tmp_path / "lint.html"
    invoke("lint", str(word_table_plan), "--format", "html", "-o", str(lint_page))
    report_page = tmp_path / "report.html"
    assert invoke("report", str(word_table_plan), "-o", str(report_page)).exit_code == 0
    uri = word_table_plan.resolve().as_uri()
    for page in (lint_page, report_page):
        html = page.read_text(encoding="utf-8")
        assert f'<a class="place" href="{uri}">表2第3行“参与单位”列</a>' in html  # G001
        assert "表2第4行“牵头单位”列" in html  # G008: no lead


def test_html_place_of_a_markdown_table_row_is_not_a_link(tmp_path):
    path = tmp_path / "table.md"
    path.write_text(_markdown(), encoding="utf-8")
    page = tmp_path / "lint.html"
    invoke("lint", str(path), "--format", "html", "-o", str(page), "--lang", "en")
    html = page.read_text(encoding="utf-8")
    assert '<span class="place">table 1, row 3, column 参与单位</span>' in html
    assert 'class="place" href' not in html


def test_two_row_header_and_numeral_headings_in_word(tmp_path):
    """责任单位 over 牵头单位 | 参与单位 (merged cells), and section rows written as
    ``一 | 完善知识产权制度`` in the number and task columns."""
    document = docx.Document()
    document.add_paragraph("2024年重点任务分工表")
    table = document.add_table(rows=6, cols=5)
    for column, text in enumerate(["序号", "重点任务", "责任单位", "", "完成时限"]):
        table.cell(0, column).text = text
    for column, text in enumerate(["", "", "牵头单位", "参与单位", ""]):
        table.cell(1, column).text = text
    table.cell(0, 2).merge(table.cell(0, 3))
    for column in (0, 1, 4):
        table.cell(0, column).merge(table.cell(1, column))
    rows = [
        ["一", "完善知识产权制度", "", "", ""],
        ["1", "推进商标法修改。", "国家知识产权局", "司法部 科技部", "2024年底"],
        ["二", "强化知识产权保护", "", "", ""],
        ["2", "加强海关保护。", "海关总署", "公安部", "2024年"],
    ]
    for r, row in enumerate(rows, 2):
        for column, text in enumerate(row):
            table.cell(r, column).text = text
    path = tmp_path / "two-row.docx"
    document.save(path)
    plan = parse(read_source(path))
    assert plan.tables[0].headers[2:4] == ("牵头单位", "参与单位")
    assert [(t.number, t.section) for t in plan.tasks] == [(1, 1), (2, 2)]
    assert [h.title for h in plan.headings] == ["完善知识产权制度", "强化知识产权保护"]
    assert [a.name for a in plan.tasks[0].clause.agencies] == ["国家知识产权局", "司法部", "科技部"]
    assert [r.row for r in plan.tables[0].rows] == [4, 6]
    data = json.loads(invoke("lint", str(path), "--format", "json").output)
    assert not [f for f in data["findings"] if f["rule"] in {"G001", "G008", "N005"}]


def test_people_columns_are_not_agencies():
    assert recognise_header(["序号", "重点任务", "牵头单位", "牵头领导", "联系人"])[3:] == (
        "other",
        "other",
    )


def test_report_shows_table_tasks_with_their_deadlines(tmp_path):
    path = tmp_path / "table.md"
    path.write_text(_markdown(), encoding="utf-8")
    page = tmp_path / "report.html"
    assert invoke("report", str(path), "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert '<span class="muted deadline">完成时限：2024年底</span>' in html
    assert "|" not in html.split('id="task-1"')[1].split("</div>")[0]  # cells read as a clause


def test_an_annexed_table_restates_the_tasks(tmp_path):
    """附件：重点任务分工表 after the plan's own tasks: not tasks again (no N001, no D007 for
    every row, the task count unchanged), but checked for its agencies and against the text."""
    text = (
        "2024年工作计划\n一、完善制度\n1.推进立法工作。(司法部负责)\n2.加强执法工作。(公安部负责)\n"
        "附件\n重点任务分工表\n| 序号 | 重点任务 | 牵头单位 | 参与单位 |\n|---|---|---|---|\n"
        "| 1 | 推进立法工作。(待核) | 司法部 | 国家知识产权总局 |\n| 2 | 加强执法工作。 | 海关总署 | |\n"
    )
    path = tmp_path / "annex.md"
    path.write_text(text, encoding="utf-8")
    plan = parse(Source.from_text(text, "annex.md"))
    assert [t.number for t in plan.tasks] == [1, 2] and [t.number for t in plan.annex] == [1, 2]
    assert plan.tables[0].annex
    data = json.loads(invoke("lint", str(path), "--format", "json").output)
    assert data["files"][0]["tasks"] == 2
    rules = sorted(f["rule"] for f in data["findings"])
    assert rules == ["A001", "G001", "G010"], rules
    g010 = next(f for f in data["findings"] if f["rule"] == "G010")
    assert "海关总署" in g010["message"] and "公安部" in g010["message"]
    assert g010["place"]["header"] == "牵头单位"


def test_sarif_carries_the_place(tmp_path):
    path = tmp_path / "table.md"
    path.write_text(_markdown(), encoding="utf-8")
    data = json.loads(invoke("lint", str(path), "--format", "sarif").output)
    jsonschema.validate(data, SCHEMA)
    places = [r["properties"].get("place") for r in data["runs"][0]["results"]]
    assert {"table": 1, "row": 3, "column": 4, "header": "参与单位"} in places
