"""What counts as a plan: the genre's marks, not numbered lines (checker/reading/sniff.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.reading.sniff import is_plan, plan_marks

from .conftest import PLAN_2024, ROOT
from .test_fix_baseline import MINUTES_TXT, NOTES_MD, PLAN_2025, README_MD

DATA = ROOT / "tests" / "data"
PLAN_FILES = sorted(
    p
    for folder in ("family", "local", "real", "diff")
    for p in (DATA / folder).glob("*.txt")
    if (DATA / folder).is_dir()
)
CORPUS = sorted((ROOT / "tests" / "corpus").rglob("*.txt"))


@pytest.mark.parametrize("path", [PLAN_2024, *PLAN_FILES], ids=lambda p: p.name)
def test_every_plan_of_the_family_is_a_plan(path):
    assert is_plan(path.read_text(encoding="utf-8")), plan_marks(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("2025年知识产权强国建设推进计划\n", "title"),
        ("2025年知识产权强国建设推进计划(征求意见稿)\n", "title"),
        ("关于加快推进知识产权运营服务的若干措施\n", "title"),
        ("国务院关于新形势下加快知识产权强国建设的若干意见\n", "title"),
        ("国知发〔2025〕3号\n", "doc_number"),
        ("1.甲。(科技部负责)\n", "clause"),
        ("一、完善制度。(国家知识产权局牵头,财政部配合)\n", "clause"),
        ("一、完善制度\n1.推进商标法修改。\n2.推进专利法修改。\n", "skeleton"),
        (PLAN_2025, "title"),
    ],
)
def test_marks_of_the_genre(text, mark):
    assert mark in plan_marks(text)


@pytest.mark.parametrize(
    "text",
    [
        README_MD,
        NOTES_MD,  # 起草说明: an outline of Chinese prose, titled as a companion
        MINUTES_TXT,
        "# 计划文件库\n## 一、使用方法\n1. 安装`plancheck`。\n2. 运行 `plancheck lint plans/`。\n",
        "关于2025年推进计划的修改意见\n1.第3项建议删除。\n2.第5项分工调整。\n",
        "《2025年知识产权强国建设推进计划》修改清单\n1.删除第3项。\n",
        "这是一段普通的文字,不是计划。\n",
        "TODO\n1. check task 50\n2. ask 国家知识产权局 about (负责) wording\n",
        "1. 第一步\n2. 第二步\n",
        "# CHANGELOG\n\n## 0.2\n1. 新增第5项任务。\n2. 调整分工(科技部负责)。\n",
        "起草说明\n一、主要内容\n1.推进商标法修改。(国家知识产权局负责)\n2.推进专利法修改。\n",
        "# 征求意见汇总\n\n| 序号 | 单位 | 意见 | 采纳情况 |\n|---|---|---|---|\n| 1 | 科技部 | 删去 | 采纳 |\n",
        "审阅笔记 2024-11-27\n一、总体意见\n1.第5项删去“等部门”。(国家知识产权局负责)\n",
        "审阅记录（2024年11月27日）\n1.第3项分工调整。(科技部负责)\n",
    ],
    ids=[
        "readme",
        "drafting-notes",
        "minutes",
        "zh-readme",
        "comments",
        "edit-list",
        "prose",
        "todo",
        "steps",
        "changelog",
        "notes-quoting-a-task",
        "feedback-table",
        "dated-notes",
        "dated-record",
    ],
)
def test_companions_are_not_plans(text):
    assert plan_marks(text) == [] and not is_plan(text)


@given(st.text(max_size=200))
def test_a_plan_s_title_makes_a_plan_whatever_follows(rest):
    """A plan is told from its head: its title decides, whatever the rest holds."""
    text = "2025年知识产权强国建设推进计划\n" + rest
    assert is_plan(text) and plan_marks(text)[0] == "title"


@pytest.mark.parametrize("path", [PLAN_2024, *PLAN_FILES, *CORPUS], ids=lambda p: p.name)
def test_a_text_is_a_plan_exactly_when_it_has_a_mark(path):
    text = path.read_text(encoding="utf-8")
    assert is_plan(text) == bool(plan_marks(text))


def test_only_han_characters_make_a_title_or_chinese_items():
    """A title in kana, Hangul or Cyrillic that ends like a genre word is not a plan's."""
    from checker.reading.sniff import _han_count

    assert _han_count("2025年知识产权工作计划") == 9
    assert _han_count("こんにちはПриветé①Ⅱ") == 0
    assert not is_plan("Годовой 计划\n\nnotes for the team\n")  # two Han, not four
