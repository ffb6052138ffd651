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
        lines.append(f"{n}.推进{evil}工作。(科技成果评价)(国家知识产权局负责)")
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
