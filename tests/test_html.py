"""HTML reports in a real browser: Debian's headless Chromium, driven by Playwright.

CI installs chromium (.ci/run); on a machine without it these tests are skipped, except in
CI (CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from .conftest import PLAN_2024, ROOT
from .test_cli import invoke

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EVIL = [
    "<script>window.pwned=1</script>",
    '"><img src=x onerror="window.pwned=2">',
    "{{ 7*7 }}",
]
SCREENSHOTS = ROOT / "reports" / "screenshots"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium or playwright missing in CI")
        pytest.skip("chromium or playwright not installed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            args=CHROMIUM_FLAGS[1:],
            headless=True,
            viewport={"width": 1280, "height": 1000},
        )
        yield context
        context.close()


def _open(browser, path: Path):
    page = browser.new_page()
    problems = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, problems


def test_report_shows_every_finding(browser, tmp_path):
    out = tmp_path / "2024.html"
    assert invoke("report", str(PLAN_2024), "-o", str(out)).exit_code == 0
    findings = json.loads(invoke("lint", str(PLAN_2024), "--format", "json").output)["findings"]
    assert findings
    page, problems = _open(browser, out)
    text = page.inner_text("body")
    for finding in findings:
        assert finding["message"] in text, finding
        if finding["task"] is not None:
            task = page.locator(f"#task-{finding['task']}")
            assert finding["rule"] in task.inner_text()
    assert page.locator("nav.toc a").count() >= 10
    assert page.locator("#agencies tbody tr").count() == 43
    assert problems == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "report-2024.png"), full_page=True)
    page.close()


def test_report_filters_and_sorting(browser, tmp_path):
    out = tmp_path / "2024.html"
    invoke("report", str(PLAN_2024), "-o", str(out))
    page, problems = _open(browser, out)
    assert page.locator(".filters").first.is_visible()
    page.select_option("select[data-filter=rules]", "A001")
    visible = page.locator(".task:visible")
    assert sorted(int(v.get_attribute("id")[5:]) for v in visible.all()) == [21, 67, 101]
    page.select_option("select[data-filter=rules]", "")
    page.select_option("select[data-filter=agencies]", "中国科协")
    assert sorted(int(v.get_attribute("id")[5:]) for v in page.locator(".task:visible").all()) == [
        83,
        89,
    ]
    page.click("#agencies th:nth-child(3)")
    first = page.locator("#agencies tbody tr").first.inner_text()
    assert "中国科协" not in first
    assert problems == []
    page.close()


def test_report_without_javascript_reads_fully(tmp_path):
    out = tmp_path / "2024.html"
    invoke("report", str(PLAN_2024), "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert '<div class="filters" hidden>' in html  # filters only appear when JS runs
    assert html.count('class="task') == 110
    assert not re.search(r"<(link|script)[^>]+(href|src)=", html), (
        "self-contained: no external resources"
    )
    assert "<style>" in html and "@page { size: A4" in html


def test_print_layout_hides_navigation(browser, tmp_path):
    out = tmp_path / "2024.html"
    invoke("report", str(PLAN_2024), "-o", str(out))
    page, _ = _open(browser, out)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('nav.toc')).display") == "none"
    page.pdf(path=str(tmp_path / "2024.pdf"), format="A4")
    assert (tmp_path / "2024.pdf").stat().st_size > 10_000
    page.close()


def _evil_plan(tmp_path: Path) -> Path:
    lines = ["2024年推进计划", "一、总体"]
    for n, evil in enumerate(EVIL, 1):
        # in the text and in the clause, so a message quotes it too (G012): the lint page
        # shows a fix's change, not its whole line, and the message is where it must be safe
        lines.append(f"{n}.推进{evil}工作。(科技成果评价)(国家知识产权局、{evil}负责)")
    plan = tmp_path / "evil.txt"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return plan


@pytest.mark.parametrize("kind", ["report", "lint", "diff"])
def test_hostile_text_is_rendered_as_text(browser, tmp_path, kind):
    plan = _evil_plan(tmp_path)
    out = tmp_path / f"{kind}.html"
    if kind == "report":
        invoke("report", str(plan), "-o", str(out))
    elif kind == "lint":
        invoke("lint", str(plan), "--format", "html", "-o", str(out))
    else:
        invoke("diff", str(PLAN_2024), str(plan), "--format", "html", "-o", str(out))
    page, problems = _open(browser, out)
    assert page.evaluate("window.pwned") is None
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # ours, inline
    text = page.inner_text("body")
    for evil in EVIL:
        assert evil in text
    assert "{{ 7*7 }}" in text and "推进49工作" not in text
    assert problems == []
    page.close()


def test_diff_page_side_by_side(browser, tmp_path):
    draft = ROOT / "tests" / "data" / "diff" / "2025-draft.txt"
    out = tmp_path / "diff.html"
    invoke("diff", str(PLAN_2024), str(draft), "--format", "html", "-o", str(out))
    page, problems = _open(browser, out)
    page.select_option("select[data-filter=status]", "merged")
    rows = page.locator("#pairs tbody tr:visible")
    assert rows.count() == 1 and "22." in rows.first.inner_text()
    page.select_option("select[data-filter=status]", "modified")
    assert page.locator("#pairs tbody tr:visible ins").count() >= 3
    assert problems == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.select_option("select[data-filter=status]", "")
    page.screenshot(path=str(SCREENSHOTS / "diff-2024-2025.png"))
    page.close()


def test_diff_page_shows_each_clause_once(browser, tmp_path):
    """A modified task's clause is part of its marked text: shown once on each side, not
    again in grey after it; an unchanged task's clause is shown once too."""
    draft = ROOT / "tests" / "data" / "diff" / "2025-draft.txt"
    out = tmp_path / "diff.html"
    invoke("diff", str(PLAN_2024), str(draft), "--format", "html", "-o", str(out))
    page, problems = _open(browser, out)
    page.select_option("select[data-filter=status]", "modified")
    rows = page.locator("#pairs tbody tr:visible")
    assert rows.count() == 8
    for n in range(rows.count()):
        for cell in (rows.nth(n).locator("td").first, rows.nth(n).locator("td").last):
            text = cell.inner_text()
            assert len(re.findall(r"负责[)）]", text)) == 1, text
    page.select_option("select[data-filter=status]", "unchanged")
    first = page.locator("#pairs tbody tr:visible").first.locator("td").first.inner_text()
    assert first.count("国家知识产权局负责") == 1
    assert problems == []
    page.close()


def test_findings_stay_with_their_task_where_numbers_restart(tmp_path):
    """Task 1 of part 二 has a stray tag; task 1 of part 一 shares its number, not its finding."""
    plan = tmp_path / "restart.txt"
    plan.write_text(
        "上海市人民政府办公厅关于印发某实施方案的通知\n一、甲\n（一）子\n"
        "1.推进改革。（责任单位：市发展改革委）\n2.完善制度。（责任单位：市司法局）\n"
        "（二）丑\n1.加强管理。（科技成果评价）（责任单位：市科委）\n2.强化保护。（责任单位：市司法局）\n",
        encoding="utf-8",
    )
    out = tmp_path / "restart.html"
    invoke("report", str(plan), "-o", str(out))
    blocks = re.findall(r'<div class="task([^"]*)"', out.read_text(encoding="utf-8"))
    assert len(blocks) == 4
    assert ["has-findings" in b for b in blocks] == [False, False, True, False]


def _report(tmp_path: Path, plan: Path = PLAN_2024, *args: str) -> Path:
    out = tmp_path / f"{plan.stem}.html"
    result = invoke("report", str(plan), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    return out


def test_a_finding_says_where_in_words_and_shows_its_change(browser, tmp_path):
    """A drafter reads 第19行第38字, not 行 19:38; a fix is shown as what it changes (struck
    and inserted text, a little of the line around it), not as the whole line rewritten."""
    page, problems = _open(browser, _report(tmp_path))
    g005 = page.locator("#task-9 .finding[data-rule=G005]")
    assert g005.locator(".where").inner_text().strip() == "第19行第38字"
    tag = page.locator("#task-21 .finding[data-rule=A001] .change")
    assert [d.inner_text() for d in tag.locator("del").all()] == ["(科技成果评价)"]
    assert tag.locator("ins").count() == 0
    assert tag.inner_text().startswith("…") and len(tag.inner_text()) < 60  # not the whole line
    assert "--fix" in page.locator("#task-21 .fix-label").inner_text()
    order = page.locator("#task-9 .finding[data-rule=G007] .change")
    assert order.locator("del").count() == 2 and order.locator("ins").count() == 2
    assert "请核对" in page.locator("#task-9 .finding[data-rule=G007] .fix-label").inner_text()
    split = page.locator("#task-50 .finding[data-rule=N003] .change")
    assert split.locator("del").inner_text() == "5" and split.locator("ins").inner_text() == "5"
    assert "负责)5\n50.加强" in split.inner_text()  # the 5 moves across the line break
    task = page.locator("#task-9").bounding_box()
    for fix in page.locator("#task-9 .fix").all():  # inside the task's box, nothing cut off
        box = fix.bounding_box()
        assert task["x"] <= box["x"] and box["x"] + box["width"] <= task["x"] + task["width"] + 1
    assert problems == []
    page.close()


def test_the_plan_text_says_which_agency_leads(browser, tmp_path):
    """The legend names the roles the clauses give, and each agency carries its role."""
    page, problems = _open(browser, _report(tmp_path))
    legend = page.locator("#plan .legend")
    assert legend.locator(".agency.lead").inner_text() == "牵头单位"
    assert legend.locator(".agency.participant").inner_text() == "参与单位"
    lead = page.locator("#task-9 .agency.lead")
    assert lead.inner_text() == "财政部" and lead.get_attribute("title") == "牵头单位"
    others = page.locator("#task-9 .agency.participant")
    assert [o.inner_text() for o in others.all()] == ["国家知识产权局", "中央宣传部"]
    weight = "el => parseInt(getComputedStyle(el).fontWeight)"
    assert lead.evaluate(weight) >= 600 and others.first.evaluate(weight) < 600
    assert problems == []
    page.close()


def test_the_report_reads_every_heading_level(browser, tmp_path):
    """Tasks （1） under items 1. under （一） under 一、: the headings of the third level are
    shown as headings (a report on such a plan used to stop with an internal error)."""
    plan = tmp_path / "levels.txt"
    plan.write_text(
        "上海市某实施方案\n一、主要任务\n（一）推进示范工程\n1.“光伏+地铁”工程。\n"
        "（1）推进屋顶光伏建设。（责任单位：市交通委、市发展改革委）\n"
        "（2）推进车站改造。（科技成果评价）（责任单位：市交通委）\n"
        "2.“光伏+机场”工程。\n（1）推进机场光伏。（责任单位：市交通委、市发展改革委）\n",
        encoding="utf-8",
    )
    page, problems = _open(browser, _report(tmp_path, plan))
    assert [h.inner_text() for h in page.locator("#plan h5").all()] == [
        "1.“光伏+地铁”工程。",
        "2.“光伏+机场”工程。",
    ]
    assert page.locator("#plan .task").count() == 3
    tagged = page.locator("#plan .task.has-findings")
    assert tagged.count() == 1 and "推进车站改造" in tagged.inner_text()
    assert problems == []
    page.close()


def test_a_finding_in_the_annexed_table_is_not_pinned_on_the_text(browser, tmp_path):
    """Row 1 of the annexed table lacks its lead: that is the table's fault, shown with the
    table's place; task 1 of the text, which names its lead, stays clean."""
    plan = tmp_path / "annex.md"
    plan.write_text(
        "2024年某推进计划\n一、总体\n1.推进商标法修改。(国家知识产权局、司法部按职责分工负责)\n"
        "2.加强专利审查。(国家知识产权局负责)\n"
        "上述各项任务分工中,由多个部门负责的,列第一位的部门为牵头部门,其他为参与部门。\n"
        "附件:重点任务分工表\n\n| 序号 | 重点任务 | 牵头单位 | 参与单位 |\n|---|---|---|---|\n"
        "| 1 | 推进商标法修改 |  | 司法部 |\n| 2 | 加强专利审查 | 国家知识产权局 |  |\n",
        encoding="utf-8",
    )
    page, problems = _open(browser, _report(tmp_path, plan))
    assert page.locator("#task-1 .finding").count() == 0
    table = page.locator("#table-findings")
    assert sorted(f.get_attribute("data-rule") for f in table.locator(".finding").all()) == [
        "G008",
        "G010",
    ]
    assert "表1第2行“牵头单位”列" in table.inner_text()
    assert page.locator("nav.toc a[href='#table-findings']").count() == 1
    assert problems == []
    page.close()


def test_the_diff_opens_on_what_changed(browser, tmp_path):
    """97 of 110 tasks are unchanged: the page opens on the 13 pairs that changed (all of
    them a choice away), and a similarity is shown only where something changed."""
    draft = ROOT / "tests" / "data" / "diff" / "2025-draft.txt"
    out = tmp_path / "diff.html"
    invoke("diff", str(PLAN_2024), str(draft), "--format", "html", "-o", str(out))
    page, problems = _open(browser, out)
    assert page.locator("select[data-filter=status]").input_value() == "changed"
    shown = page.locator("#pairs tbody tr:visible")
    assert shown.count() == 13
    assert page.locator("#pairs tbody tr:visible .badge.unchanged").count() == 0
    assert page.locator("#pairs tbody tr[data-status=unchanged] .similarity").count() == 0
    assert "相似度" in shown.nth(1).locator(".similarity").inner_text()
    page.select_option("select[data-filter=status]", "")
    assert (
        page.locator("#pairs tbody tr:visible").count() == page.locator("#pairs tbody tr").count()
    )
    assert problems == []
    page.close()


def test_the_diff_marks_the_tasks_only_renumbered(browser, tmp_path):
    """74 of the 97 unchanged tasks keep their text under another number: each is marked
    so, the summary says how many, and a filter shows them (as the text diff lists them);
    the tasks kept under their own number carry no mark."""
    draft = ROOT / "tests" / "data" / "diff" / "2025-draft.txt"
    out = tmp_path / "diff.html"
    invoke("diff", str(PLAN_2024), str(draft), "--format", "html", "-o", str(out))
    page, problems = _open(browser, out)
    assert "其中74项只改了编号" in page.locator("#summary").inner_text()
    page.select_option("select[data-filter=status]", "renumbered")
    shown = page.locator("#pairs tbody tr:visible")
    assert shown.count() == 74
    assert page.locator("#pairs tbody tr:visible .badge.renumbered").count() == 74
    first = shown.first.locator("td")
    assert first.nth(0).locator("b").inner_text() == "6."
    assert first.nth(2).locator("b").inner_text() == "5."
    page.select_option("select[data-filter=status]", "unchanged")
    assert page.locator("#pairs tbody tr:visible").count() == 97
    assert page.locator("#pairs tbody tr:visible .badge.renumbered").count() == 74
    assert problems == []
    page.close()


@pytest.mark.parametrize("kind", ["report", "lint", "diff"])
def test_pages_fit_a_phone(browser, tmp_path, kind):
    """390 px wide: nothing runs off the right edge (a long path included), and the chart's
    words keep a readable size (a scaled drawing shrank them to 4 px)."""
    out = tmp_path / f"{kind}.html"
    # a plan deep in a long folder, as a checkout in a CI runner's work tree is: its path,
    # printed in the page's header, must wrap rather than widen the page
    plan = tmp_path / ("年度计划-" + "0123456789abcdef" * 4) / "2024.txt"
    plan.parent.mkdir()
    plan.write_bytes(PLAN_2024.read_bytes())
    if kind == "report":
        invoke("report", str(plan), "-o", str(out))
    elif kind == "lint":
        invoke("lint", str(plan), "--format", "html", "-o", str(out))
    else:
        draft = ROOT / "tests" / "data" / "diff" / "2025-draft.txt"
        invoke("diff", str(plan), str(draft), "--format", "html", "-o", str(out))
    page, problems = _open(browser, out)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for label in page.locator(".bar-label").all():
        assert label.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 12
        box = label.bounding_box()
        assert box["x"] + box["width"] <= 390 and box["width"] > 100
    assert problems == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{kind}-phone.png"))
    page.close()


def test_a_printed_change_reads_without_colour(browser, tmp_path):
    """On a black-and-white printout an insertion is underlined, as a deletion is struck."""
    page, _ = _open(
        browser,
        _report(
            tmp_path,
            ROOT / "tests" / "data" / "diff" / "2025-draft.txt",
            "--previous",
            str(PLAN_2024),
        ),
    )
    page.emulate_media(media="print")
    line = "el => getComputedStyle(el).textDecorationLine"
    assert page.locator("#carry-over ins").first.evaluate(line) == "underline"
    assert page.locator("#carry-over del").first.evaluate(line) == "line-through"
    page.close()


def test_the_lint_page_cites_tasks_as_drafters_do(browser, tmp_path):
    """Where numbers restart in each part the task column says （二）1, as the message does,
    not a bare 1 that three tasks share; a place reads on one line (第7行第8字)."""
    plan = tmp_path / "restart.txt"
    plan.write_text(
        "上海市某区实施方案\n一、甲\n（一）子\n1.推进改革。（责任单位：区发展改革委）\n"
        "2.完善制度。（责任单位：区司法局）\n（二）丑\n1.加强管理。（科技成果评价）（责任单位：区科委）\n"
        "2.强化保护。（责任单位：区司法局）\n（三）寅\n1.加强宣传。（责任单位：区委宣传部）\n"
        "2.强化考核。（责任单位：区委督查室）\n",
        encoding="utf-8",
    )
    out = tmp_path / "lint.html"
    invoke("lint", str(plan), "--format", "html", "-o", str(out))
    page, problems = _open(browser, out)
    row = page.locator("tr[data-rule=A001]")
    assert row.locator("td.task-label").inner_text() == "（二）1"
    where = row.locator("td.where")
    assert where.inner_text() == "第7行第8字"
    assert where.locator(".place").evaluate("el => el.getClientRects().length") == 1  # one line
    assert problems == []
    page.close()
