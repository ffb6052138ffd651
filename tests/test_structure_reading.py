"""The structure of a document read as its drafters wrote it: numbering, parts and annexes.

Each convention here was met in real documents of the corpus (``tests/corpus``); each test
holds the reading and, beside it, the look-alike that must still be flagged.
"""

from __future__ import annotations

from checker.reading.parse import parse
from checker.reading.source import Source

from .conftest import lint_text


def _plan(text: str):
    return parse(Source.from_text(text, "plan.txt"))


def _found(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text)]


# ---- a two-level 分工方案: a measure with its clause, then its sub-items with theirs ----------
# 国办发〔2020〕43号: （一）… (clause), 具体措施：, 1．… (clause) numbered afresh under each measure

TWO_LEVELS = (
    "国务院办公厅关于印发某某重点任务分工方案的通知\n"
    "一、深化改革\n"
    "（一）推进财政资金直达。（财政部、税务总局按职责分工负责）\n"
    "具体措施：\n"
    "1．完善直达机制。（财政部牵头，各地区按职责分工负责）\n"
    "2．简化优惠程序。（税务总局负责）\n"
    "（二）便利企业融资。（人民银行、证监会按职责分工负责）\n"
    "具体措施：\n"
    "1．优化信贷流程。（证监会负责）\n"
    "2．完善绩效评价。（财政部负责）\n"
    "3．加强信用信息共享。（人民银行负责）\n"
    "二、优化服务\n"
    "（三）提升企业注销便利度。（市场监管总局负责）\n"
    "具体措施：\n"
    "1．修改完善注销指引。（市场监管总局负责）\n"
    "2．探索强制注销试点。（市场监管总局负责）\n"
)


def test_both_levels_of_a_two_level_plan_are_tasks():
    plan = _plan(TWO_LEVELS)
    assert [(t.number_text, t.level) for t in plan.tasks] == [
        ("一", 2), ("1", 3), ("2", 3),
        ("二", 2), ("1", 3), ("2", 3), ("3", 3),
        ("三", 2), ("1", 3), ("2", 3),
    ]  # fmt: skip
    # the sub-items are cited with the measure they restart under
    assert [t.label for t in plan.tasks if t.level == 3][:3] == ["（一）1", "（一）2", "（二）1"]
    assert lint_text(TWO_LEVELS) == []


def test_two_level_plan_a_real_duplicate_under_one_measure():
    assert _found(TWO_LEVELS.replace("3．加强", "2．加强")) == [("N001", 11)]


def test_two_level_plan_a_real_missing_number_under_one_measure():
    assert _found(TWO_LEVELS.replace("2．探索", "3．探索")) == [("N002", 16)]


def test_two_level_plan_a_missing_measure_number():
    assert _found(TWO_LEVELS.replace("（三）提升", "（四）提升")) == [("N005", 13)]


def test_a_heading_without_clause_over_tasks_stays_a_heading():
    text = "一、甲\n（一）深化改革\n1．完善机制。（财政部负责）\n2．简化程序。（税务总局负责）\n"
    plan = _plan(text)
    assert [t.number_text for t in plan.tasks] == ["1", "2"]
    assert [h.numeral for h in plan.headings] == ["一", "一"]


# ---- a task number before digits: a year, or a name that begins with digits ------------------


def test_a_task_that_begins_with_a_year():
    text = "1．完善机制。（财政部负责）\n2．2021年6月底前简化程序。（税务总局负责）\n"
    plan = _plan(text)
    assert [(t.number, t.body[:5]) for t in plan.tasks] == [(1, "完善机制。"), (2, "2021年")]
    assert lint_text(text) == []


def test_a_task_whose_name_begins_with_digits():
    names = ["科普", "创业", "金融", "文化", "体育", "卫生", "教育", "农业", "港航", "会展"]
    text = "".join(f"{n}.{name}人才项目。（市科协负责）\n" for n, name in enumerate(names, 1))
    text += "11.121人才梯队项目。（市科技局负责）\n12.博士后培养项目。（市人社局负责）\n"
    plan = _plan(text)
    assert [t.number for t in plan.tasks] == list(range(1, 13))
    assert plan.tasks[10].body.startswith("121人才梯队项目")
    assert lint_text(text, select="N") == []


def test_a_decimal_at_a_lines_start_is_no_task():
    # 5.121 after task 2 is not the number expected: a figure, not task 5 (no gap 3—4)
    text = "1.甲。（科技部负责）\n2.乙。（科技部负责）\n5.121万元用于补助。\n3.丙。（科技部负责）\n"
    plan = _plan(text)
    assert [t.number for t in plan.tasks] == [1, 2, 3]
    assert not [f for f in lint_text(text) if f.code in ("N002", "N004")]


def test_a_real_gap_before_a_year_is_still_a_gap():
    text = "1．完善机制。（财政部负责）\n3．2021年底前简化程序。（税务总局负责）\n"
    assert _found(text) == [("N002", 2)]


# ---- a list of annexes whose name wraps -------------------------------------------------------


def test_a_list_of_annexes_with_a_wrapped_name():
    text = (
        "一、任务\n1.推进改革。（科技部负责）\n2.完善制度。（司法部负责）\n"
        "附件：1.2019年某某推进工作联席会\n议成员单位工作任务清单\n"
        "2.2019年街镇目标任务分解表\n3.2019年某某工作指标\n"
    )
    assert [t.number for t in _plan(text).tasks] == [1, 2]
    assert not [f for f in lint_text(text) if f.code.startswith("N")]


def test_a_heading_over_a_mistyped_task_number_stays_a_heading():
    # the clause on the 3。 line is task 3's, not the heading's (二) above it
    text = (
        "一、甲\n（一）乙\n1.推进改革。（科技部负责）\n2.完善制度。（司法部负责）\n"
        "（二）丙\n3。健全机制。（财政部负责）\n4.加强保护。（商务部负责）\n"
    )
    plan = _plan(text)
    assert [t.number for t in plan.tasks] == [1, 2, 3, 4]
    assert _found(text) == [("N006", 6)]


def test_a_decimal_before_the_task_of_its_number_is_no_task():
    # 2.5 after task 1 is the number expected, but task 2 follows: a figure in prose
    text = "1.甲。（科技部负责）\n2.5亿元资金用于补助。\n2.乙。（科技部负责）\n"
    assert [t.number for t in _plan(text).tasks] == [1, 2]
    assert not [f for f in lint_text(text) if f.code.startswith("N")]


# ---- another document in the same file: an annex, the plan after its notice -----------------
# 包头市 2022 考评 (附件 / 考评指标 / 一、…), 杭政办函〔2019〕12号 (the notice's 一、二、, the
# plan's title, 一、…), 浙政办 2021 (a third document's title, then 1.…)

ONE_DOCUMENT = (
    "一、深化改革\n1.推进改革。（科技部负责）\n2.完善制度。（司法部负责）\n"
    "二、强化保护\n3.加强保护。（商务部负责）\n"
)


def test_an_annex_numbers_its_sections_afresh():
    text = ONE_DOCUMENT + "附件\n某某工作考评指标\n一、考评内容\n二、考评方式\n"
    assert not [f for f in lint_text(text) if f.code.startswith("N")]


def test_a_second_document_numbers_its_tasks_afresh():
    text = (
        ONE_DOCUMENT
        + "十方面民生实事责任分解\n1.办好实事。（民政部负责）\n2.改善出行。（交通运输部负责）\n"
    )
    assert not [f for f in lint_text(text) if f.code.startswith("N")]


def test_the_plan_after_its_notices_numbered_paragraphs():
    text = (
        "关于印发某某责任分解的通知\n一、各单位要高度重视，抓好落实。\n二、请按季度报送进展。\n"
        "某某政府工作报告重点工作责任分解\n" + ONE_DOCUMENT
    )
    assert not [f for f in lint_text(text) if f.code.startswith("N")]


def test_a_section_restarting_without_a_title_before_it_is_still_flagged():
    text = ONE_DOCUMENT + "一、优化服务\n4.提升服务。（商务部负责）\n"
    assert [(f.code, f.line) for f in lint_text(text) if f.code.startswith("N")] == [("N005", 6)]


def test_a_section_restarting_after_prose_is_still_flagged():
    text = (
        ONE_DOCUMENT
        + "各单位要抓好落实，按时报送进展。\n一、优化服务\n4.提升服务。（商务部负责）\n"
    )
    assert [(f.code, f.line) for f in lint_text(text) if f.code.startswith("N")] == [("N005", 7)]


def test_a_real_duplicate_inside_a_second_document_is_still_flagged():
    text = (
        ONE_DOCUMENT
        + "十方面民生实事责任分解\n1.办好实事。（民政部负责）\n1.改善出行。（交通运输部负责）\n"
    )
    found = [(f.code, f.line, f.args["first_line"]) for f in lint_text(text) if f.code == "N001"]
    assert found == [("N001", 8, 7)]


# ---- frame parts numbered on their own around the tasks' run ---------------------------------
# 嘉定 2022 盘活: 二、适用范围 1.-5. and 三、基本原则 1.-3. before the tasks 1.-18. (numbered
# through 四、's (一)…(五)), 五、实施步骤 1.-3. and 六、保障措施 1.-3. after them

FRAMED = (
    "一、适用范围\n1.闲置用地。指超过约定动工日期满一年的用地。\n2.低效用地。指产出低于标准的用地。\n"
    "二、重点任务\n（一）收储一批\n1.开展收储。（区规划资源局负责）\n2.加强资金支持。（区财政局负责）\n"
    "（二）转型一批\n3.鼓励转型升级。（区经委负责）\n4.加强转让监管。（区规划资源局负责）\n"
    "三、保障措施\n1.强化组织领导。各部门要加强协同。\n2.纳入监督考核。每年开展评估。\n"
)


def test_frame_parts_numbered_on_their_own_are_no_disorder():
    plan = _plan(FRAMED)
    assert [t.number for t in plan.tasks] == [1, 2, 3, 4]
    assert not [f for f in lint_text(FRAMED) if f.code.startswith("N")]


def test_a_part_of_tasks_restarting_in_a_straight_run_is_still_flagged():
    more = "（三）合作一批\n5.开展市场化运作。（区国资委负责）\n（四）多措并举\n1.实施增存挂钩。（区规划资源局负责）\n"
    text = FRAMED.replace("三、保障措施", more + "三、保障措施")
    found = [(f.code, f.line) for f in lint_text(text) if f.code.startswith("N")]
    assert found == [("N004", 14)]


def test_a_gap_in_a_frame_part_is_still_flagged():
    text = FRAMED.replace("2.纳入", "3.纳入")
    assert [(f.code, f.line) for f in lint_text(text) if f.code.startswith("N")] == [("N002", 13)]


# ---- a labelled clause closing the task's own line -------------------------------------------
# 杭政办函〔2019〕12号, 浙政办 2021: 责任单位：A on the line after each task, and now and then on
# the task's own line after its last sentence

LABELLED = (
    "一、重点工作\n1.深化国家安全发展示范城市创建工作。\n责任单位：市应急管理局，各区政府\n"
    "2.整合协调应急管理力量，加强救援队伍建设。\u00a0\u00a0责任单位：市应急管理局、市消防救援支队\n"
    "3.新增国家高新技术企业1000家。\n责任单位：市科技局\n"
)


def test_a_labelled_clause_on_the_tasks_own_line():
    plan = _plan(LABELLED)
    task = plan.tasks[1]
    assert [a.name for a in task.clause.agencies] == ["市应急管理局", "市消防救援支队"]
    assert task.body == "整合协调应急管理力量，加强救援队伍建设。"
    assert not [f for f in lint_text(LABELLED) if f.code == "G008"]


def test_a_label_inside_a_bracketed_clause_stays_in_it():
    text = "1.推进诚信建设。（牵头部门：市交通委。配合部门：市公安局、市财政局）\n"
    clause = _plan(text).tasks[0].clause
    assert [(a.name, a.role) for a in clause.agencies] == [
        ("市交通委", "lead"), ("市公安局", "cooperate"), ("市财政局", "cooperate"),
    ]  # fmt: skip


def test_a_task_whose_line_ends_in_a_note_that_is_no_label_still_lacks_its_clause():
    text = LABELLED.replace("责任单位：市应急管理局、市消防救援支队", "具体要求：年内完成")
    assert [(f.code, f.line) for f in lint_text(text) if f.code == "G008"] == [("G008", 4)]


# ---- a measure titled on its own line, its body in the paragraphs below ----------------------
# 皖政办秘〔2021〕82号: 13﹒开展工业互联网新模式推广。 then five paragraphs, the clause closing the
# last; 奉贤 2021 农村公路: 2.落实属地主体责任 / a paragraph / (1)…(3) / (责任单位：…)

TITLED = (
    "一、主要任务\n1﹒深化融合应用。支持企业建设企业专网。（责任单位：省经济和信息化厅）\n"
    "2﹒开展新模式推广。\n智能化制造。鼓励企业提升智能化水平。\n网络化协同。支持企业间资源共享。\n"
    "个性化定制。推广柔性生产体系。\n服务化延伸。推广预测性维护。（责任单位：省经济和信息化厅）\n"
    "专栏1  新模式推广工程\n支持领先制造企业形成典型模式。\n"
    "3﹒提升安全生产。聚焦本质安全水平。（责任单位：省应急厅）\n"
)


def test_a_measure_titled_on_its_own_line_takes_its_paragraphs():
    plan = _plan(TITLED)
    assert [t.number for t in plan.tasks] == [1, 2, 3]  # 1﹒, the small full stop, is 1.
    second = plan.tasks[1]
    assert (second.span.line, second.span.end_line) == (3, 7)
    assert [a.name for a in second.clause.agencies] == ["省经济和信息化厅"]
    assert lint_text(TITLED, select="N,G008") == []


def test_a_titled_measure_without_any_clause_below_still_lacks_it():
    text = TITLED.replace("推广预测性维护。（责任单位：省经济和信息化厅）", "推广预测性维护。")
    plan = _plan(text)
    assert (plan.tasks[1].span.line, plan.tasks[1].span.end_line) == (3, 3)
    assert [(f.code, f.line) for f in lint_text(text, select="G008")] == [("G008", 3)]


# ---- clauses in tortoise-shell brackets -------------------------------------------------------
# 川发改 2022 流通体系, 赣市府办发〔2018〕44号: 〔责任单位:A、B〕 / 〔A、B按职责分工〕 close the measure


def test_a_clause_in_tortoise_shell_brackets():
    text = (
        "一、深化改革\n（一）加强市场体系建设。实施负面清单制度。〔责任单位：省发展改革委、省市场监管局按职责"
        "分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕\n"
        "（二）优化准入环境。推进一网通办。〔责任单位：省市场监管局〕\n"
        "（三）发展信贷市场。保持信贷总量增长。〔市金融工作局、人民银行某某中心支行按职责分工〕\n"
    )
    plan = _plan(text)
    assert [[a.name for a in t.clause.agencies] for t in plan.tasks] == [
        ["省发展改革委", "省市场监管局"], ["省市场监管局"], ["市金融工作局", "人民银行某某中心支行"],
    ]  # fmt: skip
    assert not [f for f in lint_text(text) if f.code in ("G008", "A001", "S001", "G012")]


def test_the_year_of_a_document_number_is_no_bracket_group():
    text = "1.落实国办发〔2020〕43号文件要求。（科技部负责）\n2.推进改革。（财政部负责）\n"
    plan = _plan(text)
    assert plan.tasks[0].parens == ()
    assert lint_text(text) == []


def test_a_tortoise_shell_note_without_role_is_no_clause():
    text = "1.推进改革〔试点地区〕。\n2.完善制度。（财政部负责）\n3.加强保护。（商务部负责）\n"
    assert [(f.code, f.line) for f in lint_text(text, select="G008")] == [("G008", 1)]


# ---- each document of a file keeps its own numbering convention -------------------------------
# 赣市府办发〔2018〕44号: five plans, two numbering their measures straight through, three afresh
# under each heading

STRAIGHT_THEN_AFRESH = (
    "某某金融中心实施方案\n一、重点任务\n（一）甲\n1.推进甲。（市金融局负责）\n2.推进乙。（市金融局负责）\n"
    "（二）乙\n3.推进丙。（市财政局负责）\n（三）丙\n4.推进丁。（市财政局负责）\n"
    "某某物流中心实施方案\n一、重点任务\n（一）甲\n1.建设园区。（市商务局负责）\n2.建设网络。（市商务局负责）\n"
    "（二）乙\n1.制定标准。（市交通局负责）\n（三）丙\n1.建设平台。（市交通局负责）\n2.培育主体。（市商务局负责）\n"
)


def test_each_document_keeps_its_own_numbering_convention():
    assert not [f for f in lint_text(STRAIGHT_THEN_AFRESH) if f.code.startswith("N")]


def test_a_part_departing_from_its_own_documents_convention_is_still_flagged():
    text = STRAIGHT_THEN_AFRESH + "（四）丁\n3.完善机制。（市商务局负责）\n"
    found = [(f.code, f.line, f.key) for f in lint_text(text) if f.code.startswith("N")]
    assert found == [("N004", 21, "N004.continues")]


# ---- a title wrapped over two lines ----------------------------------------------------------
# 沪交科〔2023〕: 关于印发《上海港提高靠港船舶岸电 / 使用率实施方案（2023年）》的通知

WRAPPED_TITLE = (
    "市交通委、上海海事局\n关于印发《上海港提高靠港船舶岸电\n使用率实施方案（2023年）》的通知\n"
    "一、主要任务\n1.推进岸电建设。（市交通委负责）\n2.完善岸电标准。（上海海事局负责）\n"
)


def test_title_marks_pair_across_the_lines_of_a_wrapped_title():
    assert lint_text(WRAPPED_TITLE, select="D004") == []


def test_a_title_left_unclosed_is_still_flagged():
    text = WRAPPED_TITLE.replace("（2023年）》的通知", "（2023年）的通知")
    assert [(f.code, f.line) for f in lint_text(text, select="D004")] == [("D004", 2)]


def test_a_title_mark_closed_in_the_next_body_paragraph_is_still_flagged():
    text = WRAPPED_TITLE + "各单位要落实《上海港岸电\n管理办法》要求，抓好落实。\n"
    found = [(f.code, f.line) for f in lint_text(text, select="D004")]
    assert found == [("D004", 7), ("D004", 8)]


# ---- bare lists of bodies closing the measures ----------------------------------------------
# 嘉定 2022 盘活: （区经委、区财政局、区内各相关行政审批部门、各街镇） and a stop after the list

BARE_LISTS = (
    "1.开展收储出让。条件适宜的地块收储入库。（区规划资源局、各街镇）\n"
    "2.加快审批。推动项目早开工。（区经委、区财政局、区内各相关行政审批部门、各街镇）\n"
    "3.引导转型。转为其他类型土地。（各街镇、区规划资源局）。\n"
)


def test_bare_lists_are_the_clauses_also_before_a_stop():
    plan = _plan(BARE_LISTS)
    assert [t.clause.parties[0].name if t.clause else None for t in plan.tasks] == [
        "区规划资源局", "区经委", "各街镇",
    ]  # fmt: skip
    assert not [f for f in lint_text(BARE_LISTS) if f.code == "G008"]


def test_a_bracket_followed_by_more_text_is_no_bare_list_clause():
    text = BARE_LISTS.replace("（各街镇、区规划资源局）。", "（各街镇、区规划资源局）另行部署。")
    assert [(f.code, f.line) for f in lint_text(text, select="G008")] == [("G008", 3)]


# ---- measures introduced by a dash: ——（1）… (梁委发〔2020〕21号) ---------------------------
# A dash before the label is the label's lead, not text: the measure is the (1) item it
# labels. A dash line without a label (——坚持…, a list's dash) is prose as before.

DASHED = (
    "关于进一步深化现代产业发展相关政策的意见\n"
    "一、支持重大产业项目建设\n"
    "1.支持企业升级改造\n"
    "——（1）鼓励发展精密机械等产业，给予奖励。（牵头责任部门：工业和信息化局）\n"
    "——（2）新引进重大产业项目的，给予奖励。（牵头责任部门：发展改革委）\n"
    "2.支持企业科技创新\n"
    "——（3）积极培育高新技术企业，给予奖励。（牵头责任部门：科技局）\n"
)


def test_measures_after_a_dash_are_the_items_they_label():
    plan = _plan(DASHED)
    assert [(t.number_text, t.level) for t in plan.tasks] == [("1", 4), ("2", 4), ("3", 4)]
    assert [(h.level, h.numeral) for h in plan.headings] == [(1, "一"), (3, "1"), (3, "2")]


def test_a_dashed_measure_numbered_twice_is_still_flagged():
    assert ("N001", 7) in _found(DASHED.replace("——（3）", "——（2）"))


def test_a_dash_without_a_label_is_no_item():
    text = (
        "2024年某某工作要点\n"
        "一、总体要求\n"
        "——坚持系统观念，统筹推进各项工作。\n"
        "——2025年底前基本建成制度体系。\n"
        "二、重点任务\n"
        "1.完善制度。（财政部负责）\n"
    )
    plan = _plan(text)
    assert [t.number_text for t in plan.tasks] == ["1"]
    assert [(h.level, h.numeral) for h in plan.headings] == [(1, "一"), (1, "二")]


# ---- a task's lines of labelled fields: 责任领导：(persons), then 责任单位：(bodies) ---------------
# 舟普政办〔2021〕10号: the 责任单位 line begins a field of its own, so a long 责任领导 line of
# names before it is no sentence wrapped into it (N003); a task's text cut mid-sentence
# before a plain line still is.

FIELDS = (
    "2021年政府工作报告重点工作责任分解\n"
    "一、确保经济平稳发展\n"
    "1.持续优化投资结构，确保交通投资增长10%。\n"
    "责任领导：张某某常务副区长、王某某常委、杨某某副区长、张某某副区长、李某某副区长\n"
    "责任单位：区发改局、区经信局、区住建局\n"
    "2.强化项目数字化全过程管控。\n"
    "责任领导：张某某常务副区长\n"
    "责任单位：区发改局\n"
)


def test_a_long_line_of_names_before_the_clause_line_is_no_wrap():
    assert "N003" not in {code for code, _ in _found(FIELDS)}
    assert [t.number_text for t in _plan(FIELDS).tasks] == ["1", "2"]


def test_a_task_cut_mid_sentence_before_a_plain_line_is_still_a_wrap():
    cut = FIELDS.replace(
        "1.持续优化投资结构，确保交通投资增长10%。\n",
        "1.持续优化投资结构，确保交通投资、民间项目投资、高新技术产业投资以及生态环保\n"
        "投资增长10%。\n",
    )
    assert ("N003", 3) in _found(cut)


# ---- headings numbered through the parts of tasks, after a frame part of their own ---------
# 宁政发〔2017〕 土壤: 一、总体要求 (一)总体要求 (二)工作目标 (no task under them), then the
# headings of the tasks (一)…(八) under 二、 and (九)(十) under 三、, numbered straight through.

THROUGH = (
    "2017年某某工作方案\n"
    "一、总体要求\n"
    "（一）指导思想\n"
    "坚持系统治理。\n"
    "（二）工作目标\n"
    "到2020年，土壤环境质量总体稳定。\n"
    "二、主要任务\n"
    "（一）开展调查\n"
    "1.开展详查。（市环保局负责）\n"
    "（二）建设网络\n"
    "2.建设监测网络。（市环保局负责）\n"
    "三、政策保障\n"
    "（三）发挥政府主导作用\n"
    "3.加大投入。（市财政局负责）\n"
    "（四）强化责任落实\n"
    "4.严格考核。（市环保局负责）\n"
)


def test_headings_through_the_parts_of_tasks_after_a_frame_part():
    assert "N005" not in {code for code, _ in _found(THROUGH)}


def test_a_heading_skipped_in_the_run_after_a_frame_part_is_still_flagged():
    assert ("N005", 13) in _found(THROUGH.replace("（三）发挥", "（五）发挥"))


def test_a_frame_part_out_of_its_own_order_is_still_flagged():
    assert ("N005", 5) in _found(THROUGH.replace("（二）工作目标", "（三）工作目标"))


def test_parts_of_tasks_restarting_after_a_frame_part_are_no_disorder():
    restarting = THROUGH.replace("（三）发挥", "（一）发挥").replace("（四）强化", "（二）强化")
    assert "N005" not in {code for code, _ in _found(restarting)}


# ---- section titles over unnumbered measures, each closing with its clause -------------------
# 皖政办秘〔2021〕82号 若干政策: 一、支持工业互联网平台建设 over two paragraphs, each a measure with its
# clause; the 行动计划 after it numbers its tasks 1.…. Where most titles of a level head
# several such paragraphs, every title of that level is a heading; a title over the one
# paragraph that closes with its clause, where that is the rule, is the measure itself.

GROUPS = (
    "某省关于印发支持工业互联网发展若干政策和行动计划的通知\n"
    "支持工业互联网发展若干政策\n"
    "一、支持工业互联网平台建设\n"
    "培育各类工业互联网平台。对新认定的平台给予奖励。（责任单位：省经信厅、省财政厅）\n"
    "推动企业上云上平台。对服务商给予补助。（责任单位：省经信厅、省财政厅）\n"
    "二、支持工业互联网安全体系建设\n"
    "鼓励企业完善网络安全管理体系。（责任单位：省委网信办、省经信厅）\n"
    "三、支持工业互联网人才培养\n"
    "组织打造服务专员队伍。每年培训一万人。（责任单位：省经信厅）\n"
    "支持高校设置相关专业。（责任单位：省教育厅）\n"
    "工业互联网创新发展行动计划\n"
    "一、行动步骤\n"
    "1.推进工业互联网外网建设。（责任单位：省通信管理局）\n"
    "2.推进企业内网改造升级。（责任单位：省经信厅）\n"
    "3.加快标识解析体系建设。（责任单位：省经信厅）\n"
    "4.推进工业大数据能力建设。（责任单位：省数据资源局）\n"
)


def test_titles_over_several_measures_each_with_its_clause_are_headings():
    assert [t.number_text for t in _plan(GROUPS).tasks] == ["1", "2", "3", "4"]


def test_titles_each_over_the_one_paragraph_of_their_measure_are_tasks():
    single = GROUPS.replace(
        "推动企业上云上平台。对服务商给予补助。（责任单位：省经信厅、省财政厅）\n", ""
    ).replace("支持高校设置相关专业。（责任单位：省教育厅）\n", "")
    assert [t.number_text for t in _plan(single).tasks] == ["一", "二", "三", "1", "2", "3", "4"]


# ---- a group's one clause on a line of its own, after its measures ---------------------------
# 厦府办 2021 物流枢纽: (一)优化空间功能布局, a paragraph, measures 1.…3. without clauses, then
# (牵头单位：A，责任单位：B、C) alone before (二): the group is the task, the measures its parts.

GROUP_CLAUSE = (
    "厦门港口型国家物流枢纽建设实施方案\n"
    "一、重点任务\n"
    "（一）优化空间功能布局\n"
    "进一步优化枢纽空间功能布局。\n"
    "1.推动枢纽规划与国土空间总体规划衔接。\n"
    "2.启动枢纽空间内的铁路支线规划建设。\n"
    "3.实施港口高质量发展空间提升计划。\n"
    "（牵头单位：市交通运输局，责任单位：市港口局、市发展改革委）\n"
    "（二）优化综合交通设施网络\n"
    "完善枢纽内部和外部物流配套设施。\n"
    "1.加快推动疏港铁路支线建设。\n"
    "2.调整铁路货场开发方案。\n"
    "（牵头单位：市交通运输局，责任单位：市港口局）\n"
)


def test_a_clause_alone_after_measures_without_one_is_the_groups():
    plan = _plan(GROUP_CLAUSE)
    assert [t.number_text for t in plan.tasks] == ["一", "二"]
    assert plan.tasks[0].clauses[0].leads[0].name == "市交通运输局"
    assert not {code for code, _ in _found(GROUP_CLAUSE)} & {"G008", "N003", "A001"}


def test_a_clause_alone_after_measures_with_their_own_stays_the_last_measures():
    own = GROUP_CLAUSE.replace(
        "1.推动枢纽规划与国土空间总体规划衔接。\n",
        "1.推动枢纽规划与国土空间总体规划衔接。（市资源规划局负责）\n",
    ).replace(
        "1.加快推动疏港铁路支线建设。\n", "1.加快推动疏港铁路支线建设。（市铁路建设指挥部负责）\n"
    )
    plan = _plan(own)
    assert [t.number_text for t in plan.tasks] == ["1", "2", "3", "1", "2"]
    assert plan.tasks[2].clauses[0].leads[0].name == "市交通运输局"


def test_a_clause_alone_after_a_single_measure_is_the_measures():
    single = (
        "某某实施方案\n"
        "一、重点任务\n"
        "（一）优化布局\n"
        "1.推动规划衔接。\n"
        "（市资源规划局负责）\n"
        "（二）完善网络\n"
        "1.加快支线建设。\n"
        "（市交通运输局负责）\n"
    )
    assert [t.number_text for t in _plan(single).tasks] == ["1", "1"]


# ---- sub-items of a measure with a paragraph under each ------------------------------------
# 奉贤 2021 农村公路: 1.明确三级财政出资比例 / (1)县道 / its paragraph / (2)乡、村道 / its paragraph

SUB_ITEMS = (
    "某区农村公路管理养护实施方案\n"
    "一、主要任务\n"
    "1.明确三级财政出资比例。（责任单位：区财政局、区交通委）\n"
    "（1）县道\n"
    "县道由市、区两级财政共同承担。\n"
    "（2）乡、村道\n"
    "乡、村道养护费由市、区、镇三级财政共同承担。\n"
    "2.加强资金使用监管。（责任单位：区财政局）\n"
)


def test_a_paragraph_under_a_sub_item_keeps_the_next_sub_item_in_the_measure():
    """The paragraph under (1) is its body, and (2) after it is the measure's sub-item as (1)
    is: never a heading of its own numbered apart ((2) where 1 was due, N005)."""
    plan = _plan(SUB_ITEMS)
    assert [t.number_text for t in plan.tasks] == ["1", "2"]
    assert plan.tasks[0].span.end_line == 6
    assert not [h for h in plan.headings if h.level == 4]
    assert [code for code, _ in _found(SUB_ITEMS)] == ["G011"]  # (the district's bodies)


def test_a_closing_paragraph_after_the_last_sub_item_stays_apart():
    """The look-alike: a paragraph after the measure's last sub-item, with no sub-item after
    it, is not taken into the measure (a closing statement stays a paragraph)."""
    text = SUB_ITEMS.replace("2.加强资金使用监管。（责任单位：区财政局）\n", "") + (
        "上述各项任务分工中，列第一位的部门为牵头部门。\n"
    )
    plan = _plan(text)
    assert plan.tasks[0].span.end_line == 6
    assert any("列第一位" in p.text for p in plan.paragraphs)


# ---- sub-items that each close with their own clause: they are the tasks ---------------------
# 奉贤 2021 公园城市: 2.推进“公园+”“+公园”建设。 (no clause) over (1)…(牵头单位：A;配合单位：B) and
# (2)…(牵头单位：A;配合单位：C): each sub-item is assigned on its own, the item is their heading.

SPLIT_ITEM = (
    "关于加快推进本区公园城市建设实施意见\n"
    "一、主要任务\n"
    "1.完善城乡公园体系。构建城乡公园体系。（牵头单位：区绿化市容局；配合单位：区水务局）\n"
    "2.推进“公园+”“+公园”建设。以公园为基底注入多元功能。\n"
    "（1）以“公园+”推动全面功能融合。布局运动场地。（牵头单位：区绿化市容局；配合单位：区体育局）\n"
    "（2）以“+公园”推动品质提升。提升校园绿地。（牵头单位：区教育局；配合单位：区规划资源局）\n"
    "3.推进生态资源的共建共享。开放单位绿地。（牵头单位：区绿委办；配合单位：区经委）\n"
    "4.有序推进“四化”建设。加强品质管控。（牵头单位：区绿化市容局；配合单位：区交通委）\n"
)


def test_sub_items_each_with_their_own_clause_are_the_tasks():
    plan = _plan(SPLIT_ITEM)
    assert [t.label for t in plan.tasks] == ["1", "2（1）", "2（2）", "3", "4"]
    assert [t.clauses[0].leads[0].name for t in plan.tasks][:4] == [
        "区绿化市容局",
        "区绿化市容局",
        "区教育局",
        "区绿委办",
    ]
    assert [h.numeral for h in plan.headings if h.level == 3] == ["2"]  # counted, no task
    assert not {code for code, _ in _found(SPLIT_ITEM)} & {"G008", "N002", "N005", "N001"}


def test_sub_items_sharing_one_clause_after_the_last_stay_the_items_parts():
    """The look-alike (奉贤 2021 农村公路 (一)2.): sub-items without clauses and one clause on
    a line of its own after the last of them: the item is the task, the sub-items its parts."""
    shared = SPLIT_ITEM.replace("（牵头单位：区绿化市容局；配合单位：区体育局）", "").replace(
        "（牵头单位：区教育局；配合单位：区规划资源局）\n", "\n（责任单位：区教育局、区体育局）\n"
    )
    plan = _plan(shared)
    assert [t.label for t in plan.tasks] == ["1", "2", "3", "4"]
    assert plan.tasks[1].clauses[0].leads[0].name == "区教育局"


def test_an_item_with_its_own_clause_keeps_its_sub_items_as_parts():
    """The item holds a clause of its own before its sub-items: it is the task, as before."""
    own = SPLIT_ITEM.replace("注入多元功能。\n", "注入多元功能。（牵头单位：区绿化市容局）\n")
    plan = _plan(own)
    assert [t.label for t in plan.tasks] == ["1", "2", "3", "4"]
    assert len(plan.tasks[1].clauses) == 3


def test_one_sub_item_without_its_clause_keeps_the_item_the_task():
    """Only some sub-items hold a clause: no split; the item is the task (and reads both)."""
    partial = SPLIT_ITEM.replace("（牵头单位：区绿化市容局；配合单位：区体育局）", "")
    plan = _plan(partial)
    assert [t.label for t in plan.tasks] == ["1", "2", "3", "4"]


# ---- the lead named in the heading of the measures: （一）A牵头的工作 ---------------------------
# 晋政发〔2008〕8号: sections titled by the leader whose work they hold, sub-sections titled by the
# body that leads them, the measures (numbered or not) under them, 协同单位 lines after them

TITLED_LEADS = (
    "山西省人民政府关于印发2008年省人民政府工作目标责任分解的通知\n"
    "一、孟学农省长负责的工作\n"
    "全面负责省人民政府工作任务的落实。\n"
    "（一）省监察厅牵头的工作\n"
    "加强行政监察工作。\n"
    "（二）省编办牵头的工作\n"
    "1.深化行政管理体制改革。\n"
    "2.积极稳妥地推进乡镇机构改革。\n"
    "协同单位：省财政厅、省人事厅等省直有关部门和各市人民政府。\n"
    "二、薛延忠常务副省长负责的工作\n"
    "（一）省人民政府办公厅牵头的工作\n"
    "1.加强政府自身建设。\n"
    "协同单位：省直有关部门和各市人民政府。\n"
    "2.认真办理人大代表、政协委员的建议。\n"
    "协同单位：省直有关部门和各市人民政府。\n"
)


def test_the_heading_that_names_the_lead_of_its_measures_is_the_task():
    plan = _plan(TITLED_LEADS)
    leads = [[a.name for a in t.clauses[0].agencies if a.role == "lead"] for t in plan.tasks]
    assert [t.number_text for t in plan.tasks] == ["一", "二", "一"]
    assert leads == [["省监察厅"], ["省编办"], ["省人民政府办公厅"]]
    # the sections titled by a person (孟学农省长负责的工作) are headings, naming no body
    assert [h.title for h in plan.headings if h.level == 1] == [
        "孟学农省长负责的工作",
        "薛延忠常务副省长负责的工作",
    ]
    assert [f.code for f in lint_text(TITLED_LEADS) if f.severity != "info"] == []


def test_a_heading_of_measures_that_names_no_body_leaves_them_without_a_lead():
    text = TITLED_LEADS.replace("（二）省编办牵头的工作", "（二）推进机构改革的工作")
    assert ("G008", 9) in _found(text)
