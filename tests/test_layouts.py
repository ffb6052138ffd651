"""The layouts and clause conventions of the plan family, each clean and with its defects.

The fixtures in ``tests/data/family/`` are clean as written (no finding at all); each test
makes a defective twin by one edit and checks that exactly that defect is found, once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.reading.parse import parse
from checker.reading.source import Source

from .conftest import lint_text

FAMILY = Path(__file__).parent / "data" / "family"


def _text(name: str) -> str:
    return (FAMILY / name).read_text(encoding="utf-8")


def _plan(text: str, path: str = "plan.txt"):
    return parse(Source.from_text(text, path))


def _codes(text: str, **config) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.key) for f in lint_text(text, **config)]


@pytest.mark.parametrize("name", sorted(p.name for p in FAMILY.glob("*.txt")))
def test_each_fixture_is_clean(name):
    assert lint_text(_text(name)) == []


# ---- State Council opinion: (一) items numbered straight through the sections ------------------


SC = "sc-opinion-continuous.txt"


def test_sc_opinion_tasks_are_the_items_with_clauses():
    plan = _plan(_text(SC))
    assert plan.task_level == 2
    assert [t.label for t in plan.tasks] == [
        "（四）",
        "（五）",
        "（六）",
        "（七）",
        "（八）",
        "（十）",
    ]
    # the frame: (一)指导思想 (二)基本原则 (三)主要目标 (九)加强组织领导 are headings of the level
    frame = [h.numeral for h in plan.headings if h.level == 2]
    assert frame == ["一", "二", "三", "九"]
    assert [h.title[:4] for h in plan.headings if h.level == 2][:3] == [
        "指导思想",
        "基本原则",
        "主要目标",
    ]
    assert plan.year == 2021
    titles = [p.text for p in plan.paragraphs if p.role == "title"]
    assert titles == ["国务院办公厅关于促进", "知识产权服务业高质量发展的指导意见"]


def test_sc_opinion_several_clauses_in_one_item():
    task = _plan(_text(SC)).tasks[2]  # (六): two clauses, each after its sentences
    assert [[a.name for a in c.agencies] for c in task.clauses] == [
        ["市场监管总局"],
        ["发展改革委", "人民银行", "知识产权局"],
    ]
    assert task.clause is task.clauses[-1]
    assert not task.parens  # an inner clause is not a stray parenthetical (A001)


def test_sc_opinion_subjects_that_are_not_agencies():
    task = _plan(_text(SC)).tasks[4]  # (八) …知识产权局等和各省级人民政府负责
    assert [a.name for a in task.agencies] == ["人民银行", "银保监会", "知识产权局"]
    assert task.clause.subjects == ("各省级人民政府",)
    assert task.clause.vague is None


def test_sc_opinion_missing_item_is_one_gap():
    text = _text(SC).replace(
        "（五）发展专业人才。完善知识产权服务人才评价制度，加强职业能力培训。（人力资源社会保障部、知识产权局、教育部负责）\n",
        "",
    )
    assert _codes(text) == [("N002", 14, "N002")]
    (found,) = lint_text(text)
    assert "（五）" in found.args["missing"]


def test_sc_opinion_missing_frame_item_counts_in_the_numbering():
    text = _text(SC).replace(
        "（九）加强组织领导。各地区、各有关部门要把促进知识产权服务业发展摆上重要议事日程。\n", ""
    )
    assert _codes(text) == [("N002", 20, "N002")]


def test_sc_opinion_duplicate_number_says_which_it_should_be():
    text = _text(SC).replace("（七）拓展服务领域", "（六）拓展服务领域")
    found = lint_text(text)
    assert [(f.code, f.key) for f in found] == [("N001", "N001.expected")]
    assert found[0].args["expected_text"] == "（七）"
    assert found[0].fix is not None and found[0].fix.edits[0].text == "七"


def test_sc_opinion_a_part_that_restarts_is_reported_once():
    text = _text(SC).replace("（七）拓展", "（一）拓展").replace("（八）强化", "（二）强化")
    text = text.replace("（九）加强", "（三）加强").replace("（十）加大", "（四）加大")
    assert _codes(text) == [("N004", 17, "N004.restart")]


def test_sc_opinion_keeps_the_state_councils_short_names():
    plan_text = _text(SC)
    assert not [f for f in lint_text(plan_text) if f.code.startswith("G")]
    mixed = plan_text.replace(
        "（发展改革委、人民银行、知识产权局负责）", "（国家发展改革委、人民银行、知识产权局负责）"
    )
    # the State Council sets the style and its newer texts mix the two: left alone there…
    assert lint_text(mixed, "G002") == []
    # …but a plan of the same names that is not the Council's keeps to its majority
    ministry = mixed.replace("国办发〔2021〕45号\n", "").replace("\n国务院办公厅\n", "\n")
    found = lint_text(ministry, "G002")
    assert [(f.key, f.args["canonical"]) for f in found] == [("G002.style", "发展改革委")]


def test_sc_opinion_needs_no_closing_lead_statement():
    assert lint_text(_text(SC), "G009") == []


def test_year_from_the_signature_date_without_a_document_number():
    text = _text(SC).replace("国办发〔2021〕45号\n", "")
    assert _plan(text).year == 2021


def test_a_wrapped_line_is_a_break_but_a_new_paragraph_is_not():
    wrapped = "一、甲\n（一）推进专利转化运用，\n加强知识产权保护。（科技部负责）\n"
    paragraphs = "一、甲\n（一）推进专利转化运用。\n加强知识产权保护。（科技部负责）\n"
    assert [f.key for f in lint_text(wrapped, "N003")] == ["N003.text"]
    assert lint_text(paragraphs, "N003") == []
    assert len(_plan(paragraphs).tasks[0].clauses) == 1


# ---- a ministry's work plan: (一) restarting in each section, lead note in the first clause -----


MINISTRY = "ministry-plan-restart.txt"


def test_ministry_plan_restarts_its_items_in_each_section():
    plan = _plan(_text(MINISTRY))
    assert plan.task_level == 2
    assert [(t.section, t.number) for t in plan.tasks] == [
        (1, 1), (1, 2), (2, 1), (2, 2), (2, 3), (3, 1), (3, 2), (3, 3), (4, 1), (4, 2),
    ]  # fmt: skip


def test_ministry_plan_a_part_that_continues_is_reported_once():
    text = _text(MINISTRY)
    third = text.index("三、强化协同保护")
    fourth = text.index("四、")
    part = (
        text[third:fourth]
        .replace("（一）", "（四）")
        .replace("（二）", "（五）")
        .replace("（三）", "（六）")
    )
    assert _codes(text[:third] + part + text[fourth:]) == [("N004", 11, "N004.continues")]


def test_lead_note_in_the_first_clause_states_the_convention():
    plan = _plan(_text(MINISTRY))
    first = plan.tasks[0].clause
    assert first.lead_note == "排在第一位的部门为牵头部门,下同"
    assert [(a.name, a.role) for a in first.agencies] == [
        ("国家知识产权局", "lead"),
        ("市场监管总局", "participant"),
    ]
    assert not first.lead_marked  # the note's 牵头 marks no agency
    without_note = _text(MINISTRY).replace("，排在第一位的部门为牵头部门，下同", "")
    assert [f.code for f in lint_text(without_note, "G009")] == ["G009"]


@pytest.mark.parametrize(
    "clause",
    [
        "（国家知识产权局、司法部负责，排在第一位的部门为牵头部门，下同）",
        "（国家知识产权局、司法部负责。列第一位者为牵头单位，下同）",
        "（国家知识产权局、司法部按职责分工负责，列第一位的为牵头部门）",
    ],
)
def test_lead_note_forms(clause):
    text = f"一、甲\n1.推进改革。{clause}\n2.完善制度。（科技部、财政部负责）\n"
    assert lint_text(text) == []
    assert [a.name for a in _plan(text).tasks[0].agencies] == ["国家知识产权局", "司法部"]


@pytest.mark.parametrize(
    ("clause", "agencies", "subjects"),
    [
        ("（国家知识产权局牵头负责）", [("国家知识产权局", "lead")], ()),
        ("（商务部会同有关部门负责）", [("商务部", "lead")], ()),
        ("（国家知识产权局、司法部，各省级人民政府按职责分工负责）", [("国家知识产权局", "lead"), ("司法部", "participant")], ("各省级人民政府",)),
        ("（商务部、发展改革委等和各有关省级人民政府负责）", [("商务部", "lead"), ("发展改革委", "participant")], ("各有关省级人民政府",)),
        ("（科技部、地方各级人民政府按职责分工负责）", [("科技部", "lead")], ("地方各级人民政府",)),
        ("（科技部牵头，有关部门和单位按职责分工负责）", [("科技部", "lead")], ("有关部门和单位",)),
        ("（联席会议有关成员单位按职责分工负责）", [("联席会议有关成员单位", "lead")], ()),
    ],
)  # fmt: skip
def test_clause_conventions(clause, agencies, subjects):
    text = f"一、甲\n（一）推进改革。{clause}\n"
    task = _plan(text).tasks[0]
    assert [(a.name, a.role) for a in task.agencies] == agencies
    assert task.clause.subjects == subjects
    assert lint_text(text, ("N", "A", "D", "S", "G"), ignore=("G009",)) == []  # G009: the statement


def test_vague_clauses_are_still_vague():
    for clause in ("（财政部、科技部等部门负责）", "（各有关部门按职责分工负责）"):
        assert [f.code for f in lint_text(f"1.推进改革。{clause}\n", "G005")] == ["G005"]


# ---- flat measures: 一、…六、 each one paragraph with its clause --------------------------------


FLAT = "flat-measures.txt"


def test_flat_measures_are_the_tasks():
    plan = _plan(_text(FLAT))
    assert plan.task_level == 1
    assert [t.label for t in plan.tasks] == ["一", "二", "三", "四", "五", "六"]
    assert plan.tasks[0].clause.lead_note == "列第一位者为牵头单位,下同"
    closing = [p.text for p in plan.paragraphs if p.role == "closing"]
    assert closing == ["各地各部门要加强协调配合，确保各项措施落地见效。"]


def test_flat_measures_gap_and_duplicate():
    text = _text(FLAT)
    missing = "\n".join(line for line in text.splitlines() if not line.startswith("三、")) + "\n"
    assert _codes(missing) == [("N002", 5, "N002")]
    duplicate = text.replace("五、加强", "四、加强")
    assert [f.key for f in lint_text(duplicate)] == ["N001.expected"]


# ---- prose sections and items that are not tasks ------------------------------------------------


def test_items_of_a_prose_only_section_are_not_tasks():
    text = (
        "一、总体要求\n（一）坚持系统观念。统筹推进各项工作。\n（二）坚持问题导向。聚焦突出问题。\n"
        "二、主要任务\n（三）加强审查。（国家知识产权局负责）\n（四）完善制度。（司法部负责）\n"
    )
    plan = _plan(text)
    assert [t.label for t in plan.tasks] == ["（三）", "（四）"]
    assert lint_text(text) == []


def test_an_item_without_clause_among_tasks_lacks_its_clause():
    text = (
        "一、主要任务\n（一）加强审查。（国家知识产权局负责）\n（二）完善制度，健全规则。\n"
        "（三）强化保护。（司法部负责）\n"
    )
    assert [(f.code, f.task) for f in lint_text(text)] == [("G008", 2)]


def test_a_frame_item_by_its_title_even_among_tasks():
    text = (
        "一、保障措施\n（一）加强组织领导。各地要落实责任。\n（二）加大投入。（财政部负责）\n"
        "（三）强化督促检查。（国家知识产权局负责）\n"
    )
    assert [t.label for t in _plan(text).tasks] == ["（二）", "（三）"]
    assert lint_text(text) == []


def test_a_1_item_is_always_a_task():
    text = "一、甲\n1.加强组织领导。\n2.完善制度。(司法部负责)\n3.健全机制。(司法部负责)\n"
    assert [(f.code, f.task) for f in lint_text(text)] == [("G008", 1)]


# ---- the header: news lines, breadcrumbs and blank lines before it --------------------------------


def test_header_after_a_news_line_and_a_breadcrumb():
    plan = _plan(_text("news-header.txt"))
    roles = {p.role for p in plan.paragraphs if p.text.startswith(("首页", "新华社"))}
    assert "title" not in roles and "doc_number" not in roles
    assert [p.text for p in plan.paragraphs if p.role == "title"] == [
        "国务院办公厅关于加强专利转化运用的实施意见"
    ]
    assert plan.year == 2022
    assert len(plan.tasks) == 3


def test_an_issuer_line_is_not_half_a_title():
    text = "国家知识产权局办公室\n2024年知识产权工作要点\n一、甲\n1.推进改革。(科技部负责)\n"
    plan = _plan(text)
    assert [p.role for p in plan.paragraphs][:2] == ["issuer", "title"]
    assert plan.year == 2024


def test_full_width_and_half_width_read_alike():
    text = _text(SC)
    half = text.replace("（", "(").replace("）", ")").replace("，", ",")
    assert [t.label for t in _plan(half).tasks] == [t.label for t in _plan(text).tasks]
    assert lint_text(half, ("N", "G", "A", "S")) == []


@pytest.mark.parametrize(
    ("header", "year"),
    [
        ("2024年知识产权强国建设推进计划\n", 2024),
        ("国务院关于印发知识产权强国建设纲要(2021—2035年)的通知\n国发〔2021〕20号\n", 2021),
        (
            "关于印发《知识产权强国建设纲要和“十四五”规划实施年度推进计划》的通知\n国知联办〔2023〕5号\n",
            2023,
        ),
        ("关于实施2021—2035年规划的意见\n国办发〔2022〕3号\n", 2022),
    ],
)
def test_year_of_the_plan(header, year):
    assert _plan(header + "一、甲\n1.推进改革。(科技部负责)\n").year == year


def test_items_above_the_task_level_with_their_own_clause_are_tasks():
    text = (
        "一、主要任务\n（一）甲\n1.推进改革。（科技部负责）\n2.完善制度。（司法部负责）\n"
        "二、组织保障\n（一）加强组织领导。建立协调机制。（科技部、司法部负责）\n"
        "（二）强化督促检查。开展年度评估。（科技部负责）\n"
    )
    plan = _plan(text)
    assert [(t.label, t.level) for t in plan.tasks] == [
        ("1", 3), ("2", 3), ("（一）", 2), ("（二）", 2),
    ]  # fmt: skip
    assert lint_text(text, ignore=("G009",)) == []


def test_labelled_clauses():
    text = "一、甲\n（一）推进改革。（牵头单位：省发展改革委；配合单位：省财政厅、省商务厅）\n"
    clause = _plan(text).tasks[0].clause
    assert [(a.name, a.role) for a in clause.agencies] == [
        ("省发展改革委", "lead"),
        ("省财政厅", "cooperate"),
        ("省商务厅", "cooperate"),
    ]
    assert clause.label == "牵头单位"
    jointly = _plan("一、甲\n（一）推进改革。（责任单位：区发展改革委、区建管委，各区政府）\n")
    assert jointly.tasks[0].clause.label == "责任单位"
    assert jointly.tasks[0].clause.subjects == ("各区政府",)


def test_fourth_level_items_carry_tasks():
    text = "一、重点任务\n（1）加强审查。（国家知识产权局负责）\n（3）完善制度。（司法部负责）\n"
    plan = _plan(text)
    assert plan.task_level == 4 and [t.label for t in plan.tasks] == ["（1）", "（3）"]
    found = lint_text(text, "N")
    assert [(f.code, f.args["missing"]) for f in found] == [("N002", "（2）")]


def test_a_note_that_names_a_role_in_passing_is_no_clause():
    text = "一、甲\n1.推进改革。（由财政部负责组织实施的项目除外）加强管理。（科技部负责）\n"
    task = _plan(text).tasks[0]
    assert [c.inner for c in task.clauses] == ["科技部负责"]
    assert lint_text(text) == []


def test_a_full_stop_after_the_clause():
    text = "一、甲\n1.完善制度（司法部负责）。\n2.加强管理（科技部负责）。\n"
    assert [t.clause.inner for t in _plan(text).tasks] == ["司法部负责", "科技部负责"]
    assert lint_text(text) == []


@pytest.mark.parametrize(
    ("clause", "agencies"),
    [
        ("（责任单位：国家发展改革委（牵头）、财政部、商务部）", [("国家发展改革委", "lead"), ("财政部", "participant"), ("商务部", "participant")]),
        ("【牵头单位：国家发展改革委；配合单位：财政部】", [("国家发展改革委", "lead"), ("财政部", "cooperate")]),
        ("（牵头：国家发展改革委；参与：财政部、商务部）", [("国家发展改革委", "lead"), ("财政部", "participant"), ("商务部", "participant")]),
    ],
)  # fmt: skip
def test_labelled_and_marked_leads(clause, agencies):
    text = f"一、甲\n（一）推进改革。{clause}\n（二）完善制度。{clause}\n"
    plan = _plan(text)
    assert plan.task_level == 2
    assert [(a.name, a.role) for a in plan.tasks[0].agencies] == agencies
    assert lint_text(text) == []


REVIEW = FAMILY / "review"


@pytest.mark.parametrize(
    ("name", "tasks", "expected"),
    [
        ("r01-guobanfa-opinion.txt", 9, []),
        ("r02-fengong-notice.txt", 11, []),
        ("r03-ministry-yaodian.txt", 10, []),
        ("r04-province-jiangsu.txt", 14, [("G011", 23)]),  # 省通信管理局, 省地方金融管理局: one summary
        ("r05-city-ningbo.txt", 11, [("G011", 23)]),  # 市经信局: a local exception to register
        ("r05-paren-nested.txt", 11, [("G011", 23)]),  # 各区（县、市）人民政府 is one subject
        ("r06-flat-measures.txt", 15, []),  # a joint notice of two ministries: no G009 (co-issuers)
        ("r07-markdown-plan.md", 7, []),
        ("r08-three-level.txt", 10, []),
        ("r09-own-lines.txt", 5, [("G011", 14)]),
        ("r09-bare-lines.txt", 5, [("G011", 14)]),  # 牵头单位:…;配合单位:… without brackets
        ("r09-zeren-bare.txt", 5, [("G011", 14)]),  # 责任单位:… without brackets
        ("r10-multi-clause.txt", 8, []),
        ("d01-guobanfa-opinion-defective.txt", 9, [("A001", 9), ("D005", 13), ("N001", 15)]),
        ("d04-province-jiangsu-defective.txt", 13, [("N002", 20), ("G003", 20), ("G011", 22), ("A001", 26)]),
        ("d08-three-level-defective.txt", 10, [("N001", 10), ("N002", 21)]),
        ("d10-multi-clause-defective.txt", 8, [("A001", 14), ("G001", 15), ("G003", 19)]),
    ],
)  # fmt: skip
def test_reviewers_documents(name, tasks, expected):
    plan = _plan(_text_at(REVIEW / name), name)
    assert len(plan.tasks) == tasks
    found = lint_text(_text_at(REVIEW / name), path=name)
    assert [(f.code, f.line) for f in found] == expected


def _text_at(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_restarting_parts_cited_up_to_where_they_differ():
    found = lint_text(_text_at(REVIEW / "d08-three-level-defective.txt"))
    assert [f.args["task"] for f in found] == ["一（二）1", "三（一）3"]


_GRID = (
    "关于印发房租减免实施方案的通知\n"
    "各省辖市人民政府：\n"
    "现将实施方案印发给你们，请认真贯彻落实。\n"
    "{signature}\n"
    "2020年6月20日\n"
    "实施方案\n"
    "一、落实减免政策\n"
    "（一）明确实施主体。对承租国有房屋的企业免除3个月租金。（省财政厅、省商务厅按职责分工负责）\n"
    "（二）加大资金支持。统筹各类财政资金。（省商务厅、省财政厅按职责分工负责）\n"
)


def test_names_laid_out_side_by_side_over_the_date_sign_a_joint_document():
    """Nine bodies' names in a grid (河南省 over 发展和改革委员会, two more beside it): the
    document is joint, whose co-issuers sign the division (no G009); one body's name over
    two lines is no grid, and a department's plan still states who leads."""
    grid = (
        "河南省        河南省        河南省\n"
        "发展和改革委员会    住房和城乡建设厅    财  政  厅\n"
        "河南省        中国人民银行\n"
        "商  务  厅        郑州中心支行"
    )
    assert lint_text(_GRID.format(signature=grid), "G009") == []
    one = "河南省\n发展和改革委员会"
    assert [f.code for f in lint_text(_GRID.format(signature=one), "G009")] == ["G009"]


def test_a_districts_own_bodies_without_its_prefix_are_its_own():
    """A district's plan whose bodies bear no prefix (发改委, 商务局, 工信局: 无锡新吴区 2019)
    names the district's bodies, read under the level of the place its title opens with:
    no G001 "商务部?" nor G002 "国家发展改革委"; a plan with no place in its title keeps the
    national reading."""
    text = (
        "无锡高新区（新吴区）现代服务业高质量发展2019-2020年行动计划\n"
        "一、工作要点\n"
        "1.全力构建物流枢纽格局。加快形成物流枢纽格局。（牵头单位：发改委    配合单位：工信局、商务局）\n"
        "2.着力发展跨境电商。打造新的经济增长点。（牵头单位：商务局   配合单位：科技局）\n"
    )
    assert lint_text(text, ("G001", "G002")) == []
    national = text.replace("无锡高新区（新吴区）", "关于")
    assert {f.code for f in lint_text(national, ("G001", "G002"))} >= {"G002"}


def test_the_period_in_a_title_gives_the_year_where_nothing_else_does():
    """2019-2020年行动计划 with neither number nor date: 2019; a cited 《纲要（2021—2035年）》 is no
    period of the plan's own."""
    own = _plan(
        "某区现代服务业高质量发展2019-2020年行动计划\n一、工作要点\n1.推进。（区商务局负责）\n"
    )
    assert own.year == 2019
    cited = _plan(
        "关于落实《纲要（2021—2035年）》的实施方案\n一、工作要点\n1.推进。（区商务局负责）\n"
    )
    assert cited.year is None
