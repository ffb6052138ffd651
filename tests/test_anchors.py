"""Task anchors and links in the HTML pages, where numbers are unique and where they restart
in each part (一（一）, 二（一）…): every id unique, every link lands on the task it names."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from checker.reading.parse import parse
from checker.reading.source import read_source

from .conftest import PLAN_2024, ROOT
from .test_cli import invoke

RESTART = ROOT / "tests" / "data" / "family" / "ministry-plan-restart.txt"


class _Page(HTMLParser):
    """The task blocks (id, the part heading above, written number, clause agencies) and the
    links to tasks (href, text, and the section and table row they are in)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tasks: dict[str, dict] = {}
        self.links: list[dict] = []
        self.section = ""
        self.part = ""
        self.row = 0
        self.cell = 0
        self.name = ""  # the agency of the table row
        self._task: dict | None = None
        self._link: dict | None = None
        self._capture: str | None = None
        self._agency: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "id" in a:
            self.ids.append(a["id"])
        if self._capture == "name":  # the agency's name ends where （未知） begins
            self._capture = None
        if tag == "section":
            self.section = a.get("id", "")
        elif tag == "h3" and self.section == "plan":
            self._capture, self.part = "part", ""
        elif tag == "div" and "task" in classes:
            self._task = {"part": self.part, "no": "", "leads": [], "agencies": []}
            self.tasks[a["id"]] = self._task
        elif tag == "span" and self._task is not None and "no" in classes:
            self._capture = "no"
        elif tag == "span" and self._task is not None and "agency" in classes:
            self._agency = {"name": "", "lead": "lead" in classes}
        elif tag == "tr":
            self.row, self.cell, self.name = self.row + 1, 0, ""
        elif tag == "td":
            self.cell += 1
            if "name" in classes:
                self._capture = "name"
        elif tag == "a" and (a.get("href") or "").startswith("#task-"):
            self._link = {
                "target": a["href"][1:],
                "text": "",
                "section": self.section,
                "row": self.row,
                "cell": self.cell,
                "agency": self.name.strip(),
            }

    def handle_endtag(self, tag):
        if tag in ("h3", "td") or (tag == "span" and self._capture == "no"):
            self._capture = None
        elif tag == "span" and self._agency is not None:
            self._task["agencies"].append(self._agency["name"])
            if self._agency["lead"]:
                self._task["leads"].append(self._agency["name"])
            self._agency = None
        elif tag == "a" and self._link is not None:
            self.links.append(self._link)
            self._link = None

    def handle_data(self, data):
        if self._capture == "part":
            self.part += data
        elif self._capture == "no":
            self._task["no"] += data
        elif self._capture == "name":
            self.name += data
        if self._agency is not None:
            self._agency["name"] += data
        if self._link is not None:
            self._link["text"] += data


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _label(task: dict) -> str:
    """How a task under ``二、…`` written ``（一）`` is cited: 二（一）."""
    return task["part"].split("、")[0] + task["no"]


def _report(tmp_path: Path, plan: Path, *args: str) -> _Page:
    out = tmp_path / "report.html"
    result = invoke("report", str(plan), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    return _page(out)


def test_ids_are_unique_and_links_land_where_numbers_restart(tmp_path):
    page = _report(tmp_path, RESTART)
    assert len(page.tasks) == 10
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    assert page.links
    for link in page.links:
        assert link["target"] in page.tasks, link
        assert link["text"] == _label(page.tasks[link["target"]]), link


def test_three_levels_that_restart_with_a_number_written_twice(tmp_path):
    """一（二）1 and a second 一（二）1 (N001) under parts whose (一)(二) restart too."""
    page = _report(
        tmp_path, ROOT / "tests" / "data" / "family" / "review" / "d08-three-level-defective.txt"
    )
    assert len(page.ids) == len(set(page.ids))
    assert {"task-1-2-1", "task-1-2-1-2", "task-3-1-3"} <= set(page.tasks)
    cited = {x["target"]: x["text"] for x in page.links}
    assert all(target in page.tasks for target in cited)
    assert cited["task-1-1-1"] == "一（一）1" and cited["task-3-1-3"] == "三（一）3"


def test_agency_links_name_the_tasks_the_agency_leads_and_joins(tmp_path):
    """Each link of an agency's row goes to a task whose clause names that agency, as lead
    in the lead column (the 5th) and not as lead in the join column (the 6th)."""
    page = _report(tmp_path, RESTART)
    links = [x for x in page.links if x["section"] == "agencies"]
    assert len(links) >= 15
    for link in links:
        task = page.tasks[link["target"]]
        assert link["agency"] in task["agencies"], link
        assert (link["agency"] in task["leads"]) == (link["cell"] == 5), link
    # tasks numbered 1 lead by agencies in every part, each its own link
    leads = {x["text"] for x in links if x["cell"] == 5}
    assert {"一（一）", "二（一）", "三（一）", "四（一）"} <= leads


def test_ordinary_plan_keeps_number_anchors(tmp_path):
    """Where numbers are unique, #task-50 stays the anchor of task 50 (drafters bookmark it)."""
    page = _report(tmp_path, PLAN_2024)
    assert len(page.ids) == len(set(page.ids))
    numbers = [task.number for task in parse(read_source(PLAN_2024)).tasks]
    assert len(numbers) == len(set(numbers))  # the plan's numbers are unique …
    assert {f"task-{n}" for n in numbers} <= set(page.tasks)  # … so each is its anchor
    assert page.tasks["task-50"]["no"] == "50."
    for link in page.links:
        assert link["target"] in page.tasks
        assert link["target"] == f"task-{link['text'].removeprefix('任务')}", link


def test_a_number_written_twice_still_gets_two_anchors(tmp_path):
    """Two tasks numbered 2 by mistake (N001): each has its own id; links reach each."""
    plan = tmp_path / "twice.txt"
    plan.write_text(
        "2024年某某工作要点\n一、甲\n1.推进改革。（国家知识产权局负责）\n"
        "2.完善制度。（司法部负责）\n2.强化保护。（公安部负责）\n3.加强管理。（司法部负责）\n",
        encoding="utf-8",
    )
    page = _report(tmp_path, plan)
    assert list(page.tasks) == ["task-1", "task-2", "task-2-2", "task-3"]
    targets = {x["target"] for x in page.links if x["section"] == "agencies"}
    assert {"task-2", "task-2-2"} <= targets
    for link in page.links:
        assert link["target"] in page.tasks


def test_next_year_and_carry_over_links_name_the_task(tmp_path):
    """Year-bound text in task 二（二）, and last year's plan beside it: the links of both
    sections go to 二（二） itself and say so, not to 一（二）, the first task numbered 2."""
    text = RESTART.read_text(encoding="utf-8")
    old = tmp_path / "2022.txt"
    old.write_text(text.replace("2023年", "2022年"), encoding="utf-8")
    new = tmp_path / "2023.txt"
    new.write_text(
        text.replace("加强重点领域商标保护。", "2023年底前加强重点领域商标保护和品牌建设。"),
        encoding="utf-8",
    )
    page = _report(tmp_path, new, "--previous", str(old))
    year = [x for x in page.links if x["section"] == "next-year"]
    assert year and all(x["target"] == "task-2-2" for x in year)
    assert year[0]["text"] == "任务二（二）"
    carry = [x for x in page.links if x["section"] == "carry-over"]
    assert [(x["target"], x["text"]) for x in carry] == [("task-2-2", "二（二）")]


def _restart_years(tmp_path: Path) -> tuple[Path, Path]:
    """Two years of the plan whose numbers restart: in the second, task 二（三） adds 海关总署."""
    old = tmp_path / "2022.txt"
    old.write_text(RESTART.read_text(encoding="utf-8").replace("2023年", "2022年"), "utf-8")
    new = tmp_path / "2023.txt"
    new.write_text(
        RESTART.read_text(encoding="utf-8").replace(
            "（商务部会同有关部门负责）", "（商务部、海关总署按职责分工负责）"
        ),
        encoding="utf-8",
    )
    return old, new


def test_diff_cites_tasks_by_label_where_numbers_restart(tmp_path):
    old, new = _restart_years(tmp_path)
    out = tmp_path / "diff.html"
    assert invoke("diff", str(old), str(new), "--format", "html", "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<b>二（三）</b>" in html
    by_agency = html.split('id="by-agency"')[1]
    assert "<td>海关总署</td><td>二（三）</td>" in by_agency
    text = invoke("diff", str(old), str(new)).output
    assert "二（三） → 二（三）" in text
    assert "海关总署" in text and "二（三）" in text.split("海关总署")[-1]


def test_diff_json_gives_labels_beside_numbers_where_numbers_restart(tmp_path):
    """Diff JSON keeps its task numbers (the contract) and adds each task as cited: where
    numbers restart in each part, 3 names three tasks, 二（三） one."""
    old, new = _restart_years(tmp_path)
    data = json.loads(invoke("diff", str(old), str(new), "--format", "json").output)
    changed = [p for p in data["pairs"] if p["status"] != "unchanged"]
    assert [(p["old"], p["old_labels"], p["new_labels"]) for p in changed] == [
        ([3], ["二（三）"], ["二（三）"])
    ]
    customs = next(row for row in data["agencies"] if row["agency"] == "海关总署")
    assert customs["gained"] == [3] and customs["gained_labels"] == ["二（三）"]
    plain = json.loads(invoke("diff", str(PLAN_2024), str(PLAN_2024), "--format", "json").output)
    assert all(p["old_labels"] == [str(n) for n in p["old"]] for p in plain["pairs"])
