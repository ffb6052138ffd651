"""The task-level diff: exact alignment on a constructed next-year draft, and properties."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.products.diff import align
from checker.reading.parse import parse
from checker.reading.source import Source

from .conftest import PLAN_2024
from .test_cli import invoke

DATA = Path(__file__).parent / "data" / "diff"
DRAFT = DATA / "2025-draft.txt"


def _changes(result):
    return sorted(
        (p.status, tuple(t.number for t in p.old), tuple(t.number for t in p.new))
        for p in result.pairs
        if p.status != "unchanged"
    )


def test_draft_is_reproducible():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_draft", DATA / "make_draft.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build(PLAN_2024.read_text(encoding="utf-8")) == DRAFT.read_text(encoding="utf-8")


def test_exact_alignment_of_the_2025_draft():
    old = parse(Source.from_text(PLAN_2024.read_text(encoding="utf-8"), "2024.txt"))
    new = parse(Source.from_text(DRAFT.read_text(encoding="utf-8"), "2025-draft.txt"))
    result = align(old, new)
    assert _changes(result) == sorted(
        [
            ("dropped", (5,), ()),
            ("modified", (10,), (9,)),
            ("modified", (17,), (16,)),
            # the stray tags the draft removed: a change of text, however small
            ("modified", (21,), (19,)),
            ("modified", (67,), (65,)),
            ("modified", (101,), (101,)),
            ("merged", (22, 23), (20,)),
            ("modified", (31,), (28,)),
            ("split", (32,), (29, 30)),
            ("modified", (35,), (33,)),
            ("modified", (39,), (37,)),
            ("new", (), (76,)),
            ("moved", (20,), (90,)),
        ]
    )
    by_old = {tuple(t.number for t in p.old): p for p in result.pairs}
    assert by_old[(17,)].added == ["中央网信办"] and not by_old[(17,)].lead_changed
    assert by_old[(39,)].lead_changed and by_old[(39,)].new_lead == "国家药监局"
    assert by_old[(50,)].status == "unchanged" and by_old[(50,)].new[0].number == 48
    olds = sorted(t.number for p in result.pairs for t in p.old)
    news = sorted(t.number for p in result.pairs for t in p.new)
    assert olds == list(range(1, 111)) and news == list(range(1, 111))


def test_diff_json_contract():
    result = invoke("diff", str(PLAN_2024), str(DRAFT), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["old"] == {**data["old"], "path": str(PLAN_2024), "tasks": 110}
    assert {p["status"] for p in data["pairs"]} <= {
        "unchanged",
        "modified",
        "moved",
        "new",
        "dropped",
        "merged",
        "split",
    }
    merged = next(p for p in data["pairs"] if p["status"] == "merged")
    assert merged["old"] == [22, 23] and merged["new"] == [20]
    assert merged["agencies"] == {
        "added": [],
        "removed": [],
        "lead_changed": False,
        "renamed": [],
        "roles_changed": [],
    }
    assert any(a["agency"] == "国家药监局" and a["lead_gained"] == [37] for a in data["agencies"])


def test_diff_text_shows_inline_changes():
    result = invoke("diff", str(PLAN_2024), str(DRAFT))
    assert "[修改] 10 → 9" in result.output
    assert "[-加强-]{+深化+}央地协同" in result.output
    assert "牵头单位：国家知识产权局 → 国家药监局" in result.output


# -- properties -----------------------------------------------------------------------
_WORDS = [
    "推进",
    "完善",
    "知识产权",
    "保护",
    "制度",
    "建设",
    "专利",
    "商标",
    "审查",
    "运用",
    "数据",
    "平台",
    "标准",
    "国际",
    "合作",
    "服务",
    "监管",
    "执法",
    "试点",
    "改革",
]
_AGENCIES = ["国家知识产权局", "科技部", "财政部", "商务部", "公安部", "教育部"]

task_text = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=10).map("".join)
agencies = st.lists(st.sampled_from(_AGENCIES), min_size=1, max_size=3, unique=True)
tasks = st.lists(st.tuples(task_text, agencies), min_size=1, max_size=12, unique_by=lambda t: t[0])


def _plan(items, name) -> object:
    lines = ["一、总体"]
    for n, (text, names) in enumerate(items, 1):
        lines.append(f"{n}.{text}。({'、'.join(names)}负责)")
    return parse(Source.from_text("\n".join(lines) + "\n", name))


@settings(max_examples=60, deadline=None)
@given(tasks)
def test_plan_against_itself_is_unchanged(items):
    plan = _plan(items, "a.txt")
    result = align(plan, plan)
    assert {p.status for p in result.pairs} == {"unchanged"}
    assert len(result.pairs) == len(plan.tasks)


@settings(max_examples=80, deadline=None)
@given(tasks, tasks)
def test_every_task_once_and_swap_is_mirror(old_items, new_items):
    old, new = _plan(old_items, "old.txt"), _plan(new_items, "new.txt")
    forward = align(old, new)
    assert sorted(t.index for p in forward.pairs for t in p.old) == list(range(len(old.tasks)))
    assert sorted(t.index for p in forward.pairs for t in p.new) == list(range(len(new.tasks)))
    mirror = {"new": "dropped", "dropped": "new", "merged": "split", "split": "merged"}
    backward = align(new, old)
    there = sorted(
        (
            mirror.get(p.status, p.status),
            tuple(t.index for t in p.new),
            tuple(t.index for t in p.old),
        )
        for p in forward.pairs
    )
    back = sorted(
        (p.status, tuple(t.index for t in p.old), tuple(t.index for t in p.new))
        for p in backward.pairs
    )
    assert there == back


TWO_TASKS = (
    "一、完善制度\n1.推进商标法修改。(国家知识产权局负责)\n2.推进专利法修改。(国家知识产权局负责)\n"
)


def _diff_texts(tmp_path, old: str, new: str, *args: str):
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    return invoke("diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), *args)


def test_width_folding_alone_is_unchanged_and_exit_code_0(tmp_path):
    wide = TWO_TASKS.replace("(", "（").replace(")", "）")
    result = _diff_texts(tmp_path, TWO_TASKS, wide, "--format", "json", "--exit-code")
    assert result.exit_code == 0
    assert {p["status"] for p in json.loads(result.stdout)["pairs"]} == {"unchanged"}


def test_a_doubled_full_stop_is_modified_and_shown(tmp_path):
    doubled = TWO_TASKS.replace("商标法修改。", "商标法修改。。")
    data = json.loads(_diff_texts(tmp_path, TWO_TASKS, doubled, "--format", "json").stdout)
    first = data["pairs"][0]
    assert first["status"] == "modified" and first["changes"] == [{"op": "insert", "text": "。"}]
    assert data["pairs"][1]["status"] == "unchanged" and "changes" not in data["pairs"][1]
    text = _diff_texts(tmp_path, TWO_TASKS, doubled)
    assert "[修改] 1 → 1" in text.stdout and "推进商标法修改{+。+}。" in text.stdout
    english = _diff_texts(tmp_path, TWO_TASKS, doubled, "--lang", "en")
    assert "[modified] 1 → 1" in english.stdout


FIVE_TASKS = (
    "一、完善制度\n1.推进商标法修改。(国家知识产权局负责)\n2.推进专利法修改。(国家知识产权局负责)\n"
    "3.完善地理标志保护制度。(国家知识产权局负责)\n4.加强海关知识产权保护。(海关总署负责)\n"
    "5.开展知识产权宣传周活动。(中央宣传部、国家知识产权局按职责分工负责)\n"
)


def test_the_text_says_which_tasks_were_renumbered_only(tmp_path):
    """A task inserted at the top renumbers the four kept word for word: the text names them
    in one run, with the count in the summary, in Chinese and in English; the task that
    is new is shown as new, not as renumbered."""
    inserted = (
        "一、完善制度\n1.推进著作权法修改。(中央宣传部负责)\n2.推进商标法修改。(国家知识产权局负责)\n"
        "3.推进专利法修改。(国家知识产权局负责)\n4.完善地理标志保护制度。(国家知识产权局负责)\n"
        "5.加强海关知识产权保护。(海关总署负责)\n"
        "6.开展知识产权宣传周活动。(中央宣传部、国家知识产权局按职责分工负责)\n"
    )
    text = _diff_texts(tmp_path, FIVE_TASKS, inserted).stdout
    assert "未变5（其中5项只改了编号），新增1" in text
    assert "只改了编号的任务（内容未变，引用时请用新编号）：\n  1—5 → 2—6（5项）\n" in text
    assert "[新增] - → 1" in text
    english = _diff_texts(tmp_path, FIVE_TASKS, inserted, "--lang", "en").stdout
    assert "unchanged 5 (5 renumbered only), new 1" in english
    assert (
        "Renumbered only (text unchanged; cite them by the new number):\n  1–5 → 2–6 (5 tasks)\n"
        in english
    )


def test_renumbered_runs_are_split_where_the_shift_changes(tmp_path):
    """Task 3 dropped: 1–2 keep their numbers (not listed), 4–5 become 3–4; a task both
    renumbered and reworded is a modified pair, shown as such and not as renumbered."""
    dropped = FIVE_TASKS.replace("3.完善地理标志保护制度。(国家知识产权局负责)\n", "")
    dropped = dropped.replace("4.加强海关", "3.加强海关").replace("5.开展", "4.开展")
    text = _diff_texts(tmp_path, FIVE_TASKS, dropped).stdout
    assert "  4—5 → 3—4（2项）\n" in text and "1 → 1" not in text and "2 → 2" not in text
    reworded = dropped.replace("4.开展知识产权宣传周活动", "4.开展全国知识产权宣传周活动")
    text = _diff_texts(tmp_path, FIVE_TASKS, reworded).stdout
    assert "[修改] 5 → 4" in text and "  4 → 3\n" in text and "5 → 4（" not in text
    assert "未变3（其中1项只改了编号）" in text


def test_no_renumbering_is_said_where_there_is_none(tmp_path):
    text = _diff_texts(tmp_path, FIVE_TASKS, FIVE_TASKS).stdout
    assert "只改了编号" not in text
    changed = FIVE_TASKS.replace("专利法", "著作权法")  # same numbers, one task reworded
    assert "只改了编号" not in _diff_texts(tmp_path, FIVE_TASKS, changed).stdout


def test_the_html_diff_marks_renumbered_tasks_alone(tmp_path):
    """The page marks the two tasks a dropped task renumbered (4–5 → 3–4), never the
    tasks kept under their numbers, and offers the filter only where some were renumbered."""
    dropped = FIVE_TASKS.replace("3.完善地理标志保护制度。(国家知识产权局负责)\n", "")
    dropped = dropped.replace("4.加强海关", "3.加强海关").replace("5.开展", "4.开展")
    page = _diff_texts(tmp_path, FIVE_TASKS, dropped, "--format", "html").stdout
    assert page.count('class="badge renumbered"') == 2
    assert page.count('data-status="unchanged renumbered"') == 2
    assert '<option value="renumbered">只改了编号</option>' in page
    assert '未变<span class="muted">（其中2项只改了编号）</span>' in page
    same = _diff_texts(tmp_path, FIVE_TASKS, FIVE_TASKS, "--format", "html", "--lang", "en")
    assert "renumbered" not in same.stdout.split("<style>")[0] + same.stdout.split("</style>")[-1]


def test_the_2025_draft_s_renumbered_runs():
    result = invoke("diff", str(PLAN_2024), str(DRAFT))
    assert "未变97（其中74项只改了编号）" in result.output
    assert "  40—66 → 38—64（27项）\n" in result.output
    assert "  78—90 → 77—89（13项）\n" in result.output


def test_exit_code_as_in_git_diff(tmp_path):
    changed = TWO_TASKS.replace("专利法", "著作权法")
    assert _diff_texts(tmp_path, TWO_TASKS, changed).exit_code == 0
    assert _diff_texts(tmp_path, TWO_TASKS, changed, "--exit-code").exit_code == 1
    assert _diff_texts(tmp_path, TWO_TASKS, TWO_TASKS, "--exit-code").exit_code == 0
    missing = invoke("diff", str(tmp_path / "nope.txt"), str(tmp_path / "old.txt"), "--exit-code")
    assert missing.exit_code == 2


@given(st.text(alphabet="甲乙()（）"), st.text(alphabet="甲乙()（）"))
def test_inline_changes_give_back_both_texts(old, new):
    """Changes slid to whole brackets still spell the old text (equal + delete) and the new
    one (equal + insert)."""
    from checker.products.diff import inline_changes

    pieces = inline_changes(old, new)
    assert "".join(t for op, t in pieces if op != "insert") == old
    assert "".join(t for op, t in pieces if op != "delete") == new


def test_a_deleted_tag_is_marked_whole():
    """The stray tag of task 21 is deleted as ``(科技成果评价)``, not ``科技成果评价)(``."""
    from checker.products.diff import inline_changes

    pieces = inline_changes(
        "推进改革。(科技成果评价)(国家中医药局负责)", "推进改革。(国家中医药局负责)"
    )
    assert ("delete", "(科技成果评价)") in pieces


# ---- bodies, not spellings (issue 25) ---------------------------------------------------------

_PROVINCE = "山东省{year}年金融工作要点\n一、加强金融服务\n（一）支持实体经济\n{tasks}"


def _drafts(tmp_path, old_tasks: str, new_tasks: str, years=(2023, 2024)):
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(_PROVINCE.format(year=years[0], tasks=old_tasks), encoding="utf-8")
    new.write_text(_PROVINCE.format(year=years[1], tasks=new_tasks), encoding="utf-8")
    return old, new


def test_names_of_one_body_are_one_agency(tmp_path):
    """人民银行济南分行 and 中国人民银行济南分行 (two forms of one branch's name), 发展改革委
    and 国家发展改革委 (the State Council's and the ministries' forms): the text changed,
    the bodies did not — nothing added, removed or renamed, the lead the same."""
    old, new = _drafts(
        tmp_path,
        "1.加大信贷投放。（中国人民银行济南分行、发展改革委负责）\n",
        "1.加大信贷投放。（人民银行济南分行、国家发展改革委负责）\n",
    )
    data = json.loads(invoke("diff", str(old), str(new), "--format", "json").output)
    (pair,) = data["pairs"]
    assert pair["status"] == "modified" and pair["changes"]  # the spelling is a change of text
    assert pair["agencies"] == {
        "added": [],
        "removed": [],
        "lead_changed": False,
        "renamed": [],
        "roles_changed": [],
    }
    assert data["agencies"] == [] and data["renamed"] == []
    text = invoke("diff", str(old), str(new)).output
    assert "增加单位" not in text and "减少单位" not in text and "牵头单位" not in text


def test_a_renaming_the_registry_records_is_a_renaming(tmp_path):
    """济南铁路局 → 中国铁路济南局集团有限公司 (the 2017 company reform, in the mirror's data)
    and 省工商局 → 省市场监管局 (the 2018 reform): one body under a new name, shown as a
    renaming in text, JSON and HTML, never as one removed and another added."""
    old, new = _drafts(
        tmp_path,
        "1.推进铁路货运。（济南铁路局、省交通运输厅负责）\n2.加强登记管理。（省工商局负责）\n",
        "1.推进铁路货运。（中国铁路济南局集团有限公司、省交通运输厅负责）\n"
        "2.加强登记管理。（省市场监管局负责）\n",
        years=(2017, 2019),  # the old plan was right in its year: still one body
    )
    data = json.loads(invoke("diff", str(old), str(new), "--format", "json").output)
    renamings = [p["agencies"] for p in data["pairs"]]
    assert renamings == [
        {
            "added": [],
            "removed": [],
            "lead_changed": False,
            "renamed": [{"old": "济南铁路局", "new": "中国铁路济南局集团有限公司"}],
            "roles_changed": [],
        },
        {
            "added": [],
            "removed": [],
            "lead_changed": False,
            "renamed": [{"old": "省工商局", "new": "省市场监管局"}],
            "roles_changed": [],
        },
    ]
    assert data["agencies"] == []
    assert data["renamed"] == [
        {
            "old": "济南铁路局",
            "new": "中国铁路济南局集团有限公司",
            "tasks": [1],
            "tasks_labels": ["1"],
        },
        {"old": "省工商局", "new": "省市场监管局", "tasks": [2], "tasks_labels": ["2"]},
    ]
    text = invoke("diff", str(old), str(new)).output
    assert "    单位更名：济南铁路局 → 中国铁路济南局集团有限公司\n" in text
    assert "增加单位" not in text and "减少单位" not in text
    english = invoke("diff", str(old), str(new), "--lang", "en").output
    assert "    renamed: 省工商局 → 省市场监管局\n" in english
    page = tmp_path / "diff.html"
    assert invoke("diff", str(old), str(new), "--format", "html", "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "单位更名：济南铁路局 → 中国铁路济南局集团有限公司" in html
    assert '<h3 id="renamed">单位更名</h3>' in html


def test_other_bodies_are_still_added_and_removed(tmp_path):
    """A body the registry does not record as the other's successor is a change of body."""
    old, new = _drafts(
        tmp_path,
        "1.加大信贷投放。（人民银行济南分行、省财政厅负责）\n",
        "1.加大信贷投放。（中国人民银行济南中心支行、省审计厅负责）\n",
    )
    data = json.loads(invoke("diff", str(old), str(new), "--format", "json").output)
    assert data["pairs"][0]["agencies"] == {
        "added": ["中国人民银行济南中心支行", "省审计厅"],
        "removed": ["人民银行济南分行", "省财政厅"],
        "lead_changed": True,
        "renamed": [],
        "roles_changed": [],
    }


_RESTARTING = (
    "某省2024年工作要点\n一、甲\n（一）子\n1.推进改革。（省发展改革委负责）\n"
    "2.完善制度。（省司法厅负责）\n（二）丑\n1.加强管理。（省科技厅负责）\n"
    "二、乙\n（一）寅\n1.强化保护。（省司法厅负责）\n{moved}"
)


def test_a_move_names_the_sections_it_left_and_joined(tmp_path):
    """A task moved from 一（一） to 二（一） keeps its number 2: ``[移动] 一（一）2 → 二（一）2``,
    not ``2 → 2``; JSON gives every task its place."""
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(_RESTARTING.format(moved=""), encoding="utf-8")
    new.write_text(
        _RESTARTING.replace("2.完善制度。（省司法厅负责）\n", "").format(
            moved="2.完善制度。（省司法厅负责）\n"
        ),
        encoding="utf-8",
    )
    text = invoke("diff", str(old), str(new)).output
    assert "[移动] 一（一）2 → 二（一）2  (1.00)\n" in text
    data = json.loads(invoke("diff", str(old), str(new), "--format", "json").output)
    moved = next(p for p in data["pairs"] if p["status"] == "moved")
    assert moved["old_places"] == ["一（一）2"] and moved["new_places"] == ["二（一）2"]
    page = tmp_path / "diff.html"
    invoke("diff", str(old), str(new), "--format", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert "<b>一（一）2</b>" in html and "<b>二（一）2</b>" in html
    report = tmp_path / "report.html"
    invoke("report", str(new), "--previous", str(old), "-o", str(report))
    carried = report.read_text(encoding="utf-8")
    assert re.search(
        r"<td[^>]*>一（一）2</td><td[^>]*><a href=\"#task-[\w-]+\">二（一）2</a>", carried
    )


def test_one_body_is_one_row_of_the_agency_table(tmp_path):
    """A body written one way where it leaves a task and another where it joins one is one
    row of 各单位变化, under the newer plan's name."""
    old, new = _drafts(
        tmp_path,
        "1.加大信贷投放。（人民银行济南分行负责）\n2.推进改革。（省财政厅负责）\n",
        "1.加大信贷投放。（省财政厅负责）\n2.推进改革。（中国人民银行济南分行、省财政厅负责）\n",
    )
    data = json.loads(invoke("diff", str(old), str(new), "--format", "json").output)
    rows = {row["agency"]: row for row in data["agencies"]}
    assert "人民银行济南分行" not in rows
    assert rows["中国人民银行济南分行"]["lost"] == [1] and rows["中国人民银行济南分行"][
        "gained"
    ] == [2]
    text = invoke("diff", str(old), str(new)).output
    assert "  中国人民银行济南分行：新增 2；减少 1" in text


def test_a_change_of_role_is_shown(tmp_path):
    head = "2025年某某工作要点\n一、重点任务\n"
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(head + "（一）推进改革。（科技部牵头，商务部参与）\n", encoding="utf-8")
    new.write_text(head + "（一）推进改革。（科技部牵头，商务部配合）\n", encoding="utf-8")
    data = json.loads(invoke("diff", str(old), str(new), "--format", "json").output)
    roles = data["pairs"][0]["agencies"]["roles_changed"]
    assert roles == [{"agency": "商务部", "old": "participant", "new": "cooperate"}]
    assert "角色：商务部 参与 → 配合" in invoke("diff", str(old), str(new)).output


def test_each_for_its_own_part_is_a_role_of_its_own(tmp_path):
    """分别负责: each body answers for its own part, no single lead: a role the diff shows
    (and ``agencies`` counts among the tasks each leads, marked 分别负责)."""
    head = "2025年某某工作要点\n一、重点任务\n"
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(head + "（一）推进改革。（科技部、商务部负责）\n", encoding="utf-8")
    new.write_text(head + "（一）推进改革。（科技部、商务部分别负责）\n", encoding="utf-8")
    data = json.loads(invoke("diff", str(old), str(new), "--format", "json").output)
    roles = data["pairs"][0]["agencies"]["roles_changed"]
    assert roles == [
        {"agency": "科技部", "old": "lead", "new": "separate"},
        {"agency": "商务部", "old": "participant", "new": "separate"},
    ]
    assert "角色：商务部 参与 → 分别负责" in invoke("diff", str(old), str(new)).output
    table = invoke("agencies", str(new)).output
    assert "分别负责：（一）" in table, table
    shown = json.loads(invoke("agencies", str(new), "--format", "json").output)
    rows = {row["name"]: row for row in shown["agencies"]}
    assert rows["商务部"]["leads"] == [1] and rows["商务部"]["roles"] == {"separate": ["（一）"]}
