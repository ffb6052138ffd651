"""What a drafter reads in a message: the task as drafters cite it, the very marks to change
and what to write, in one language. Each case is a small plan whose message was vague,
ambiguous or half English."""

from __future__ import annotations

import re

import pytest

from .test_cli import invoke


def _lint(tmp_path, text: str, *args: str) -> list[str]:
    plan = tmp_path / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    return invoke("lint", str(plan), "--no-cache", "-q", *args).output.splitlines()


#: full-width marks throughout, one line with half-width commas
_MIXED = (
    "2024年某推进计划\n一、总体\n"
    "1.推进改革，完善制度，加强保护。（科技部负责）\n"
    "2.推进试点,完善机制,加强管理。（教育部负责）\n"
    "3.加强宣传，营造氛围。（中央宣传部负责）\n"
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            "D005 任务2：中文正文中的“,”用了半角，共2处（第4行），与本文件的全角标点混用（GB/T 15834：中文用全角）：请统一改为“，”。",
        ),
        (
            "en",
            "D005 task 2: ',' is half-width 2 times in Chinese text (line 4) among the document's full-width punctuation (GB/T 15834: full width in Chinese text): write '，' throughout.",
        ),
    ],
)
def test_a_mixed_mark_is_named_with_what_to_write(tmp_path, lang, expected):
    """The finding is on one line: it says which marks there are wrong and what to write,
    not only that the document mixes widths."""
    lines = [line for line in _lint(tmp_path, _MIXED, "--lang", lang) if " D005 " in line]
    assert len(lines) == 1 and expected in lines[0], lines


def test_a_near_duplicate_cites_the_other_task_with_its_part(tmp_path):
    """Where numbers restart in each part, 任务1 alone could be any part's first task."""
    text = (
        "上海市某区实施方案\n一、甲\n（一）子\n"
        "1.加快建设生活垃圾分类收运处置体系。（责任单位：区绿化市容局）\n"
        "2.推进源头减量。（责任单位：区商务委）\n（二）丑\n"
        "1.完善制度建设。（责任单位：区司法局）\n"
        "2.加快建设生活垃圾分类收运处置体系建设。（责任单位：区绿化市容局）\n（三）寅\n"
        "1.加强宣传教育。（责任单位：区委宣传部）\n2.强化督查考核。（责任单位：区委督查室）\n"
    )
    lines = [line for line in _lint(tmp_path, text) if " D007 " in line]
    assert len(lines) == 1 and "任务（二）2与任务（一）1高度相似" in lines[0], lines


def test_a_missing_clause_says_what_to_write_in_chinese_marks(tmp_path):
    lines = _lint(
        tmp_path,
        "2024年某推进计划\n一、总体\n1.推进改革。（科技部负责）\n2.完善制度。\n3.加强宣传。（中央宣传部负责）\n",
    )
    g008 = [line for line in lines if " G008 " in line]
    assert g008 and g008[0].endswith(
        "G008 任务2缺少责任分工：请在任务末尾写明负责部门，如“（某部门负责）”。 [错误]"
    )


def test_a_rule_page_is_in_one_language():
    """An option without choices was explained in English on the Chinese page."""
    page = invoke("rule", "D007").output
    option = next(line for line in page.splitlines() if line.startswith("配置项："))
    assert re.search(r"[\u4e00-\u9fff]", option.split("(", 1)[1]), option
    assert not re.search(r"\b(the|above|which)\b", page), page
    english = invoke("rule", "D007", "--lang", "en").output
    assert "the similarity above which two tasks are near-duplicates" in english
