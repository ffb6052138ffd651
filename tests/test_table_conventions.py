"""How the family writes its task tables in text renderings (issue 23): the conventions
seen in the corpus's annex tables (tests/corpus/local), each shown on a small table made
here, with the look-alikes that must not become tasks."""

from __future__ import annotations

from checker.reading.columns import recognise_header
from checker.reading.parse import parse
from checker.reading.source import Source

from .conftest import lint_text

PREFACE = (
    "2023年某区重点工作实施方案\n一、主要任务\n（一）完善组织领导机制。（区建设管理委负责）\n附件\n"
)


def _plan(text: str):
    return parse(Source.from_text(text, "plan.txt"))


def _codes(text: str, select=("ALL",)) -> list[str]:
    return sorted(f.code for f in lint_text(text, select, path="plan.txt") if f.severity != "info")


def _leads(task) -> list[str]:
    return [p.name for p in task.clause.leads] if task.clause else []


# -- which tables hold tasks -------------------------------------------------------------


def test_an_allocation_with_a_responsibility_column_is_a_task_table():
    """序号 | 交通子行业 | 建设区域 | 装机计划 | 责任单位: each row a body's charge; its own
    columns before the responsibility column are the task's words."""
    roles = recognise_header(["序号", "交通子行业", "建设区域", "装机计划（MW）", "责任单位"])
    assert roles == ("number", "task", "task", "task", "lead")


def test_tables_of_people_numbers_or_prose_are_not():
    assert recognise_header(["序号", "责任单位", "联系人", "联系电话"]) is None
    assert recognise_header(["序号", "区域", "新增装机容量（MW）", "新增示范工程"]) is None
    assert recognise_header(["年份", "片区", "总计", "责任单位"]) is None  # no 序号, no task
    long_header = "关于推进知识产权强国建设重点任务的说明和有关要求"
    assert recognise_header(["序号", long_header, "牵头单位"]) is None


# -- rows that are not tasks -------------------------------------------------------------

GROUPED = PREFACE + (
    "| 序号 | 事项 | 工作措施 | 责任单位 |\n|---|---|---|---|\n"
    "| 推进示范工程 |  |  |  |\n"
    "| 1 | 光伏+地铁 | 利用高架车站屋顶建设光伏。 | 市交通委、市发展改革委 |\n"
    "| 2 |  | 新建车站屋顶光伏覆盖率达到50%。 |  |\n"
    "| 序号 | 事项 | 工作措施 | 责任单位 |\n"
    "| 3 | 光伏+机场 | 利用候机楼屋顶建设光伏。 | 机场集团 |\n"
    "| 建立推进机制 |  |  |  |\n"
    "| 4 | 商业模式 | 建立市场化配置机制。 | 市发展改革委 |\n"
    "| 合计 |  | 4项 |  |\n"
)


def test_group_titles_totals_and_repeated_headers_are_not_tasks():
    plan = _plan(GROUPED)
    rows = [t for t in plan.tasks if plan.in_table(t)]
    assert [t.number for t in rows] == [1, 2, 3, 4]
    assert _codes(GROUPED, ("N", "G008")) == []


def test_a_merged_responsibility_cell_covers_its_group():
    """Row 2 leaves 事项 and 责任单位 empty beside its own measure: a text rendering writes a
    merged cell once, so the group's bodies are row 2's too."""
    plan = _plan(GROUPED)
    second = next(t for t in plan.tasks if plan.in_table(t) and t.number == 2)
    assert _leads(second) == ["市交通委"]


def test_an_empty_responsibility_cell_without_a_merged_group_is_still_missing():
    """One task column: nothing shows a merged group, so an empty 责任单位 is G008."""
    text = PREFACE + (
        "| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n"
        "| 1 | 推进屋顶光伏建设。 | 市交通委 |\n"
        "| 2 | 完善考核机制。 |  |\n"
    )
    assert _codes(text, ("G008",)) == ["G008"]


def test_rows_continuing_a_task_add_their_bodies_to_it():
    """| | | | 2019年 | 26万户 | 区房管局 |: no 序号 and no task, a later year's figure of
    the task above and the bodies charged with it."""
    text = PREFACE + (
        "| 类别 | 序号 | 主要任务 | 节点 | 指标数 | 责任单位 | 配合单位 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1.分类投放 | 1 | 推进绿色账户覆盖 | 2018年 | 24万户 | 各街道办事处 | 区绿化市容局 |\n"
        "|  |  |  | 2019年 | 26万户 | 区房管局 |  |\n"
        "|  | 2 | 创建达标小区 | 2018年 | 345个 | 区文明办 |  |\n"
    )
    plan = _plan(text)
    first, second = [t for t in plan.tasks if plan.in_table(t)]
    assert (first.number, second.number) == (1, 2)
    assert [p.name for p in first.clause.parties] == ["各街道办事处", "区绿化市容局", "区房管局"]
    assert first.span.end_line == 8  # the continuing row is the task's


# -- who leads ---------------------------------------------------------------------------


def test_a_responsibility_column_is_led_by_its_first_body_a_lead_column_jointly():
    text = PREFACE + (
        "| 序号 | 重点任务 | {column} |\n|---|---|---|\n| 1 | 推进屋顶光伏建设。 | 市交通委、市水务局 |\n"
    )
    responsible = _plan(text.format(column="责任单位"))
    joint = _plan(text.format(column="牵头部门"))
    assert _leads(next(t for t in responsible.tasks if responsible.in_table(t))) == ["市交通委"]
    assert _leads(next(t for t in joint.tasks if joint.in_table(t))) == ["市交通委", "市水务局"]


def test_beside_a_lead_column_those_responsible_take_part():
    text = PREFACE + (
        "| 序号 | 重点任务 | 牵头单位 | 责任单位 |\n|---|---|---|---|\n"
        "| 1 | 推进屋顶光伏建设。 | 市交通委 | 市水务局、各区政府 |\n"
    )
    plan = _plan(text)
    task = next(t for t in plan.tasks if plan.in_table(t))
    assert [(p.name, p.role) for p in task.clause.parties] == [
        ("市交通委", "lead"),
        ("市水务局", "participant"),
        ("各区政府", "participant"),
    ]


# -- an annex of tasks of its own ----------------------------------------------------------

OWN_ANNEX = (
    "2024年某区实施方案\n一、重点任务\n1.强化规划管控。（区规划资源局负责）\n"
    "2.加强指标衔接。（区规划资源局负责）\n附件：重点任务分解表\n"
    "| 序号 | 任务类型 | 重点内容 | 责任单位 |\n|---|---|---|---|\n"
    "| 1 | 建设管理 | 指导推进全区海绵城市建设工作。 | 区建设管理委 |\n"
    "| 2 | 系统方案 | 以排水分区为单元编制系统方案。 | 区水务局 |\n"
    "| 4 | 达标评估 | 有序推进达标评估。 | 区建设管理委 |\n"
)


def test_an_annex_that_breaks_the_work_into_other_items_holds_tasks():
    """The annex's rows are not the text's tasks reworded: they are tasks, numbered in their
    own table from 1 (no N004 for the restart), their gap found (N002)."""
    plan = _plan(OWN_ANNEX)
    assert not plan.annex and not plan.tables[0].annex
    assert [t.number for t in plan.tasks] == [1, 2, 1, 2, 4]
    found = lint_text(OWN_ANNEX, ("N",), path="plan.txt")
    assert [(f.code, f.line) for f in found] == [("N002", 10)]


def test_an_annex_restating_the_tasks_renumbered_is_still_a_restatement():
    text = OWN_ANNEX.split("| 1 |")[0] + (
        "| 1 | 加强指标衔接。 | 区规划资源局 |  |\n| 2 | 强化规划管控。 | 区规划资源局 |  |\n"
    )
    plan = _plan(text)
    assert plan.tables[0].annex and [t.number for t in plan.tasks] == [1, 2]


def test_an_annex_after_items_without_clauses_holds_the_tasks():
    """The text's measures name no one; the task list in the annex says who does what."""
    text = (
        "2019年某区实施方案\n一、主要任务\n1.深入开展创建。\n2.夯实工作基础。\n附件1\n"
        "| 序号 | 任务名称 | 任务内容 | 牵头部门 | 配合部门 |\n|---|---|---|---|---|\n"
        "| 1 | 深入开展创建 | 召开动员大会。 | 区政府办公室 | 各街镇 |\n"
    )
    plan = _plan(text)
    assert not plan.tables[0].annex
    assert _leads(next(t for t in plan.tasks if plan.in_table(t))) == ["区政府办公室"]


# -- numbering inside a table ------------------------------------------------------------


def test_numbers_restarting_in_each_group_of_a_grouping_column():
    text = PREFACE + (
        "| 类别 | 序号 | 主要任务 | 责任单位 |\n|---|---|---|---|\n"
        "| 1.分类投放 | 1 | 推进绿色账户覆盖 | 各街道办事处 |\n"
        "|  | 2 | 创建达标小区 | 区文明办 |\n"
        "| 2.分类运输 | 1 | 更新车辆标识 | 区绿化市容局 |\n"
        "|  | 3 | 配置有害垃圾车 | 区绿化市容局 |\n"
        "| 3.分类处理 | 1 | 控制干垃圾量 | 区绿化市容局 |\n"
    )
    found = lint_text(text, ("N",), path="plan.txt")
    assert [(f.code, f.line) for f in found] == [("N002", 10)]


def test_an_enumeration_inside_a_cell_is_no_stray_tag():
    text = PREFACE + (
        "| 序号 | 重点内容 | 责任单位 |\n|---|---|---|\n"
        "| 1 | 行动内容包括：（1）开展排水设施普查；（2）推进管网改造。（待核） | 区水务局 |\n"
    )
    found = lint_text(text, ("A001",), path="plan.txt")
    assert [dict(f.args)["tag"] for f in found] == ["（待核）"]


def test_an_annex_breaking_each_measure_into_several_rows_holds_tasks():
    """Rows quoting the text's measures, several to a measure: a 任务分解表, not a restatement
    (a restatement claims each of the text's tasks once)."""
    text = (
        "2023年某市实施方案\n一、主要任务\n"
        "1.推进地铁光伏工程。利用高架车站屋顶建设光伏，新建车站屋顶全面覆盖。（申通地铁集团负责）\n"
        "附表1\n| 序号 | 事项 | 工作措施 | 责任单位 |\n|---|---|---|---|\n"
        "| 1 | 地铁光伏 | 利用高架车站屋顶建设光伏 | 申通地铁集团 |\n"
        "| 2 |  | 新建车站屋顶全面覆盖 | 申通地铁集团 |\n"
    )
    plan = _plan(text)
    assert not plan.tables[0].annex and [t.number for t in plan.tasks] == [1, 1, 2]


# -- merged cells in a saved web page ----------------------------------------------------


def test_a_page_table_with_merged_cells_keeps_its_columns(tmp_path):
    """rowspan: one 责任单位 for a group of rows, given to each; colspan: a group title across
    the table, a title row. Without laying them out, row 2's cells would shift left and
    its measure be read as its 事项 and nobody as its body."""
    from checker.reading.source import read_source

    page = """<html><head><meta charset="utf-8"><title>任务分工表</title></head><body>
    <div class="content"><h1>2023年某市光伏推广应用实施方案任务分工表</h1>
    <table><tr><td>序号</td><td>事项</td><td>工作措施</td><td>责任单位</td></tr>
    <tr><td colspan="4">推进实施示范工程</td></tr>
    <tr><td>1</td><td rowspan="2">光伏+地铁</td><td>利用高架车站屋顶建设光伏。</td>
        <td rowspan="2">申通地铁集团、市交通委</td></tr>
    <tr><td>2</td><td>新建车站屋顶光伏全覆盖。</td></tr>
    <tr><td>3</td><td>光伏+机场</td><td>利用候机楼屋顶建设光伏。</td><td rowspan="x">机场集团</td></tr>
    </table></div></body></html>"""
    (tmp_path / "fengong.html").write_text(page, encoding="utf-8")
    plan = parse(read_source(tmp_path / "fengong.html"))
    rows = [(t.number, t.body, _leads(t)) for t in plan.tasks]
    assert rows == [
        (1, "光伏+地铁利用高架车站屋顶建设光伏。", ["申通地铁集团"]),
        (2, "光伏+地铁新建车站屋顶光伏全覆盖。", ["申通地铁集团"]),
        (3, "光伏+机场利用候机楼屋顶建设光伏。", ["机场集团"]),
    ]


# -- clause lines under other labels -----------------------------------------------------


def _parties(text: str) -> list[list[tuple[str, str]]]:
    plan = _plan(text)
    return [[(p.name, p.role) for c in t.clauses for p in c.parties] for t in plan.tasks]


def test_clause_lines_labelled_by_the_kind_of_responsibility():
    """牵头责任单位:/协同责任单位: (a city's 责任分解), 部门分工: with the parties' own role
    words (a province's 分工方案), after a line naming the leader in charge (a person)."""
    text = (
        "2021年重点任务分工方案\n一、主要目标\n1.地区生产总值增长6%以上。\n分管省领导:林克庆\n"
        "部门分工:省发展改革委牵头,各地、各部门配合。\n2.财政收入增长8%左右。\n牵头负责领导:金力。\n"
        "牵头责任单位:市财政局。\n"
    )
    assert _parties(text) == [
        [("省发展改革委", "lead"), ("各地", "cooperate"), ("各部门", "cooperate")],
        [("市财政局", "lead")],
    ]
    assert _codes(text, ("G008", "A001", "G012")) == []


def test_prose_about_responsibility_is_no_clause_line():
    text = (
        "2021年重点任务分工方案\n一、主要任务\n1.加强督查。(区政府办公室负责)\n2.强化考核。\n"
        "区政府办公室负责督查各项工作落实情况，定期通报。\n3.完善制度。\n"
        "分工明确、责任到人是做好工作的关键。\n4.推进改革。(区发展改革委负责)\n"
        "5.强化保障。(区财政局负责)\n"
    )
    assert _parties(text)[1:3] == [[], []]
    found = lint_text(text, ("G008",), path="plan.txt")
    assert [f.line for f in found] == [4, 6]


def test_consecutive_clause_lines_are_one_clause():
    """牵头责任单位:A。 then 协同责任单位:B、C。 on the next line: one clause with its lead, not
    a lead clause followed by a clause of cooperators that names no lead (G008)."""
    text = (
        "2020年重点工作责任分解\n一、主要目标\n1. 地区生产总值增长8%以上。\n牵头负责领导:金力。\n"
        "牵头责任单位:市发展改革委。\n协同责任单位:市经信局、市商务局,各县区政府。\n"
    )
    assert _parties(text) == [
        [
            ("市发展改革委", "lead"),
            ("市经信局", "cooperate"),
            ("市商务局", "cooperate"),
            ("各县区政府", "cooperate"),
        ]
    ]
    assert _codes(text, ("G008", "G012")) == []


def test_items_naming_no_one_beside_a_task_table_are_its_measures():
    """No item of the text names anyone; the annex task list does: its rows are the tasks,
    the items the measures they detail (no G008 for each)."""
    text = (
        "2019年某区实施方案\n一、主要任务\n1.深入开展创建。\n2.夯实工作基础。\n附件1\n"
        "| 序号 | 任务名称 | 任务内容 | 牵头部门 | 配合部门 |\n|---|---|---|---|---|\n"
        "| 1 | 深入开展创建 | 召开动员大会。 | 区政府办公室 | 各街镇 |\n"
        "| 2 | 夯实工作基础 | 改造分类箱房。 | 区绿化市容局 | 各街镇 |\n"
    )
    plan = _plan(text)
    assert [(t.number, plan.in_table(t)) for t in plan.tasks] == [(1, True), (2, True)]
    assert _codes(text, ("G008", "N")) == []
    # without the table no item names anyone: one note that no duty is assigned per item
    without = text.split("附件1")[0]
    assert [f.code for f in lint_text(without, ("G008", "G013"), path="plan.txt")] == ["G013"]


def test_a_task_table_pasted_from_word_with_tabs():
    text = (
        "2024年某区重点工作任务分工\n一、主要任务\n"
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t推进屋顶光伏建设。\t区发展改革委\t区建设管理委\t2024年底\n"
        "2\t完善考核机制。\t\t区财政局\t2024年\n"
        "\t\t\t区水务局\t\n"
        "4\t加强监督。\t区财政局\t\t\n"
        "各单位抓好落实。\n"
    )
    plan = _plan(text)
    assert [(t.number, t.body, t.deadline) for t in plan.tasks] == [
        (1, "推进屋顶光伏建设。", "2024年底"),
        (2, "完善考核机制。", "2024年"),
        (4, "加强监督。", None),
    ]
    assert [p.name for p in plan.tasks[1].clause.parties] == ["区财政局", "区水务局"]
    found = lint_text(text, ("G008", "N002"), path="plan.txt")
    assert sorted((f.code, f.line) for f in found) == [("G008", 5), ("N002", 7)]
    # a statistics table pasted with tabs is no task table
    figures = "2024年某区工作计划\n一、目标\n区域\t面积\t人口\n南桥\t12\t30\n"
    assert not any(_plan(figures + "1.推进改革。(区财政局负责)\n").tables)


def test_a_bare_list_alone_on_the_next_line_is_the_items_clause():
    """(市发改委、财政局,无锡国税局、地税局) on the line after each item, no role word, in a
    document that writes every clause so (无锡 2011 分解落实方案)."""
    text = (
        "市政府2011年重点工作分解落实方案\n一、目标分解\n1、地区生产总值增长11.5%。\n"
        "(市发改委、财政局,无锡国税局、地税局)\n2、能耗降低3.8%。\n(市经信委)\n"
        "3、城镇登记失业率控制在3.5%以内。\n(市人保局,各市(县)、区政府)\n"
    )
    assert [parties[0] for parties in _parties(text)] == [
        ("市发改委", "lead"),
        ("市经信委", "lead"),
        ("市人保局", "lead"),
    ]
    assert _codes(text, ("G008", "A001")) == []
    # a bracketed note of figures on the next line is no list of bodies
    # (the items then carry no clause at all: one note, G013, not a G008 each)
    note = "2011年工作方案\n一、目标\n1、提高覆盖率。\n(2021—2025年)\n2、降低能耗。\n(含泵站、管网等设施)\n"
    assert [f.code for f in lint_text(note, ("G008", "G013"), path="plan.txt")] == ["G013"]


def test_a_list_of_annexes_names_annexes():
    """附表：1.任务分工表 / 2.… / 3.…: the items going on from the label's 1. name annexes,
    not headings numbered from 2 (N002, N005); a numbered item after the list is read again."""
    text = (
        "2023年某市实施方案\n一、主要任务\n1.推进示范工程。（市交通委负责）\n"
        "2.完善推进机制。（市发展改革委负责）\n附表：1.任务分工表\n2.建设分配表\n3.任务分配表\n"
    )
    plan = _plan(text)
    assert [t.number for t in plan.tasks] == [1, 2]
    assert not [h for h in plan.headings if h.level == 3]
    assert _codes(text, ("N",)) == []
    # without the label, 2. and 3. are items again (here, as only half the items carry a
    # clause, items read as prose: G013's)
    again = _plan(text.replace("附表：1.", "附表一"))
    assert (len(again.tasks), len(again.unassigned)) == (2, 2)


# -- a page's annex tables: caption rows, tables back to back, merged 序号 ---------------------

MERGED_ITEMS = (
    "2023年某市实施方案\n一、主要任务\n1.扩大家庭医生来源。\n2.优化签约服务团队。\n附件\n"
    "| 附件1 监测指标体系 |  |  |\n"
    "| 一级指标 | 二级指标 | 数据来源 |\n"
    "| 签约数量 | 签约覆盖率 | 年报 |\n"
    "| 附件2 任务分工表 |  |  |  |  |  |\n"
    "| 序号 | 工作事项 | 主要内容 | 牵头单位 | 配合单位 | 市卫健委内牵头处室 |\n"
    "| 1 | 扩大家庭医生来源。 | 力争每万人口家庭医生数不低于4人。 | 各区政府 | 市卫生健康委 | 基层处 |\n"
    "| 1 | 扩大家庭医生来源。 | 优先保障基层用人需求。 | 各区政府 | 市卫生健康委、市人社局 | 人事处 |\n"
    "| 2 | 优化签约服务团队。 | 组建团队提供签约服务。 | 各区政府、市卫生健康委 | / | 基层处 |\n"
)


def test_an_annex_table_under_its_caption_right_after_another_table_is_read():
    """附件2's caption is a cell merged across its table, and the page puts it right under
    附件1's last row: a row of another width that opens with a caption over a task header
    begins a new table, whose header is the row under the caption."""
    plan = _plan(MERGED_ITEMS)
    assert [t.number for t in plan.tasks if plan.in_table(t)] == [1, 2]


def test_rows_repeating_the_number_and_name_of_a_merged_item_are_that_item():
    """A merged 序号 cell is written on each of its rows by a Word or web rendering: the rows
    are the item's measures, led by its first row, the later rows' bodies taking part, and a
    body named again in a later row is no duplicate (G004) nor the number a repeat (N001)."""
    plan = _plan(MERGED_ITEMS)
    first, second = [t for t in plan.tasks if plan.in_table(t)]
    assert _leads(first) == ["各区政府"] and _leads(second) == ["各区政府", "市卫生健康委"]
    assert [p.name for p in first.clause.parties] == ["各区政府", "市卫生健康委", "市人社局"]
    assert _codes(MERGED_ITEMS, ("N", "G004")) == []


def test_a_repeated_number_with_another_item_name_is_still_a_duplicate():
    text = PREFACE + (
        "| 序号 | 工作事项 | 主要内容 | 牵头单位 |\n|---|---|---|---|\n"
        "| 1 | 扩大家庭医生来源。 | 力争每万人口家庭医生数不低于4人。 | 各区政府 |\n"
        "| 1 | 优化签约服务团队。 | 组建团队提供签约服务。 | 市卫生健康委 |\n"
    )
    plan = _plan(text)
    assert [t.number for t in plan.tasks if plan.in_table(t)] == [1, 1]


def test_a_column_of_a_bodys_own_offices_beside_the_bodies_is_not_bodies():
    """市卫健委内牵头处室 beside 牵头单位: who inside the commission works (基层处), not a body;
    a table whose only responsibility column is 牵头处室 (a body's internal plan) reads it."""
    assert recognise_header(["序号", "工作事项", "牵头单位", "配合单位", "市卫健委内牵头处室"]) == (
        "number",
        "task",
        "lead",
        "cooperate",
        "other",
    )
    assert recognise_header(["序号", "重点任务", "牵头处室", "完成时限"]) == (
        "number",
        "task",
        "lead",
        "deadline",
    )
