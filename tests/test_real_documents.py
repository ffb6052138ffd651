"""Real documents of the family, exactly as published (``tests/data/real/``, with the note of
what is correct in them): read right, and not one false alarm."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.knowledge.agencies import load_registry
from checker.reading.parse import parse
from checker.reading.source import read_source

from .test_cli import invoke

REAL = Path(__file__).parent / "data" / "real"
TIYU = REAL / "2018-tiyu-jingsai-guobanfa121.txt"
XIAOFEI = REAL / "2018-xiaofei-fupin-guobanfa129.txt"


def _labels(first: int, last: int) -> list[str]:
    from checker.reading.text import int_to_cn

    return [f"（{int_to_cn(n)}）" for n in range(first, last + 1)]


@pytest.mark.parametrize(
    ("path", "labels"),
    [(TIYU, _labels(4, 19)), (XIAOFEI, _labels(1, 17))],
    ids=["guobanfa121", "guobanfa129"],
)
def test_tasks_counted_right(path, labels):
    plan = parse(read_source(path))
    assert plan.task_level == 2
    assert [t.label for t in plan.tasks] == labels
    assert all(t.clauses for t in plan.tasks)
    assert plan.year == 2018


@pytest.mark.parametrize("path", [TIYU, XIAOFEI], ids=["guobanfa121", "guobanfa129"])
def test_no_false_alarms(path):
    result = invoke("lint", "--format", "json", str(path))
    data = json.loads(result.stdout)
    assert data["findings"] == []
    assert result.exit_code == 0
    assert data["files"][0]["tasks"] == (16 if path == TIYU else 17)


def test_frame_items_and_prose_section():
    tiyu = parse(read_source(TIYU))
    # (一)指导思想 (二)基本原则 (三)发展目标 carry no clause: the frame, counted in the numbering
    assert [h.numeral for h in tiyu.headings if h.level == 2] == ["一", "二", "三"]
    xiaofei = parse(read_source(XIAOFEI))
    assert next(h.title for h in xiaofei.headings if h.level == 1) == "总体要求"


def test_several_clauses_each_after_its_sentences():
    tasks = {t.label: t for t in parse(read_source(TIYU)).tasks}
    assert [c.agencies[0].name for c in tasks["（十）"].clauses] == [
        "市场监管总局",
        "体育总局",
        "体育总局",
    ]
    assert len(tasks["（十三）"].clauses) == 3
    assert len(tasks["（十八）"].clauses) == 2


def test_every_name_is_an_agency_of_the_registry():
    registry = load_registry()
    for path in (TIYU, XIAOFEI):
        for task in parse(read_source(path)).tasks:
            for agency in task.agencies:
                assert registry.lookup(agency.name) is not None, (path.name, agency.name)


def test_local_governments_are_subjects_not_agencies():
    plan = parse(read_source(XIAOFEI))
    subjects = {s for t in plan.tasks for c in t.clauses for s in c.subjects}
    assert subjects == {"各省级人民政府", "各有关省级人民政府"}
    names = {a.name for t in plan.tasks for a in t.agencies}
    assert not any("人民政府" in n or n.endswith("等") for n in names)


def test_state_council_style_and_brands_are_current():
    plan = parse(read_source(TIYU))
    names = {a.name for t in plan.tasks for a in t.agencies}
    assert {"发展改革委", "网信办", "应急部", "银保监会", "标准委", "海洋局", "版权局"} <= names


def test_the_note_travels_with_the_documents():
    note = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    assert TIYU.name in note and XIAOFEI.name in note


def test_addressed_to_all_state_council_bodies():
    data = json.loads(invoke("lint", "--format", "json", str(TIYU)).stdout)
    roster = data["files"][0]["addressees"]
    assert roster["named"] == [] and "国务院各部委" in roster["groups"]
    assert roster["unaddressed"] == []  # 国务院各部委、各直属机构 takes in every body with a task


SHANGHAI = REAL / "shanghai"


@pytest.mark.parametrize(
    ("name", "tasks", "beyond_g001"),
    [
        ("sh-haimian-hfb2024-3.txt", 29, [("D005", 19)]),
        ("sh-huangpu-kezaisheng-2025.txt", 11, []),
        ("sh-gongyuan-hfb2026-21.txt", 16, []),
        ("sh-kexuelvhua-hfb2022-24.txt", 7, []),
        ("sh-nongcungonglu-hfb2020-3.txt", 12, []),
    ],
)
def test_shanghai_documents(name, tasks, beyond_g001):
    """Read right; the only findings are the defects the note names, and the local bodies no
    registry knows listed once, in one summary (G011), never with a national body suggested
    for one (no G001: none is a misspelling)."""
    data = json.loads(invoke("lint", "--format", "json", str(SHANGHAI / name)).stdout)
    assert data["files"][0]["tasks"] == tasks
    found = data["findings"]
    assert [(f["rule"], f["line"]) for f in found if f["rule"] != "G011"] == beyond_g001
    (summary,) = [f for f in found if f["rule"] == "G011"]
    assert summary["severity"] == "info" and "--init" in summary["message"]
    names = summary["message"].split("：", 1)[1].split("。", 1)[0].split("、")
    assert len(names) == len(set(names))  # each name once
    registry = load_registry()
    assert all(registry.is_local(n) and registry.lookup(n) is None for n in names), names


def test_shanghai_restarting_measures_are_cited_with_their_part():
    plan = parse(read_source(SHANGHAI / "sh-haimian-hfb2024-3.txt"))
    labels = [t.label for t in plan.tasks]
    assert labels[:3] == ["（一）1", "（一）2", "（一）3"]
    assert labels[-3:] == ["三（一）", "三（二）", "三（三）"]  # the 组织保障 items with clauses
    assert len(set(labels)) == len(labels)


def test_agency_table_cites_the_tasks_and_reads_every_clause():
    data = json.loads(invoke("agencies", "--format", "json", str(TIYU)).stdout)
    rows = {row["name"]: row for row in data["agencies"]}
    # (十) holds three clauses: 科技部 takes part only in the third
    assert rows["科技部"]["join_labels"] == ["（十）"]
    assert "（十）" in rows["市场监管总局"]["lead_labels"]  # the first of (十)'s clauses
    text = invoke("agencies", str(TIYU)).stdout
    assert "（十）、（十三）" in text  # 教育部 takes part in (十) and (十三)
