"""Bugs that came from the same fact living in several places (issue 14), one test each."""

from __future__ import annotations

import html
import json
import re
import shutil

from checker import locale

from .conftest import PLAN_2024, lint_text
from .test_cli import invoke


def _copy_plan(folder, name: str = "2024.txt"):
    target = folder / name
    shutil.copy(PLAN_2024, target)
    return target


def test_sarif_rule_index_ignores_rules_a_config_adds(tmp_path):
    """A config rule whose code sorts first used to shift every ruleIndex by one."""
    (tmp_path / "house.yaml").write_text(
        "code: A000\nname: house-word\nextends: existence\nmessage: 'no {match}'\n"
        "tokens: [知识产权]\n",
        encoding="utf-8",
    )
    (tmp_path / ".plancheck.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    plan = _copy_plan(tmp_path)
    log = json.loads(invoke("lint", str(plan), "--format", "sarif").stdout)
    run = log["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    codes = {result["ruleId"] for result in run["results"]}
    assert "A000" in codes and "N003" in codes
    assert "A000" in ids  # a config's rule is described too, from its YAML
    for result in run["results"]:
        if "ruleIndex" in result:
            assert ids[result["ruleIndex"]] == result["ruleId"]
        else:
            assert result["ruleId"] not in ids


def test_per_task_ignores_match_whole_path_components(tmp_path):
    """``a.txt:50`` names a.txt, not data.txt, whose name merely ends the same way."""
    text = "1.甲。(科技成果评价)(科技部负责)\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "data.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".plancheck.yaml").write_text(
        'per-task-ignores:\n  "a.txt:1": [A001]\n', encoding="utf-8"
    )
    result = invoke("lint", str(tmp_path), "--select", "A001", "--format", "json")
    flagged = {finding["path"] for finding in json.loads(result.stdout)["findings"]}
    assert flagged == {str(tmp_path / "data.txt")}


def test_per_task_ignores_take_folders_as_components():
    from checker.checking.engine import path_matches

    assert path_matches("plans/2024/a.txt", "2024/a.txt")
    assert path_matches("plans/a.txt", "./a.txt")
    assert not path_matches("plans/x2024/a.txt", "2024/a.txt")
    assert not path_matches("plans/data.txt", "a.txt")


def test_severity_prefixes_work_as_in_select():
    """``severity: {A: info}`` used to validate and change nothing; the longer prefix wins."""
    text = "1.甲。(科技成果评价)(科技部负责)\n2.乙。(国家知识产权总局负责)\n"
    found = lint_text(text, "A,G", severity={"A": "info", "G": "warning", "G001": "info"})
    levels = {f.code: f.severity for f in found}
    assert levels == {"A001": "info", "G001": "info"}
    found = lint_text(text, "A,G", severity={"G": "warning"})
    assert {f.code: f.severity for f in found} == {"A001": "error", "G001": "warning"}


def test_severity_prefix_from_a_config_file(tmp_path):
    plan = _copy_plan(tmp_path)
    (tmp_path / ".plancheck.yaml").write_text("severity: {A: info}\n", encoding="utf-8")
    data = json.loads(invoke("lint", str(plan), "--select", "A", "--format", "json").stdout)
    assert data["findings"] and {f["severity"] for f in data["findings"]} == {"info"}


def _next_year_section(page: str) -> str:
    found = re.search(r'<section class="block" id="next-year">(.*?)</section>', page, re.S)
    return html.unescape(found.group(1))


def test_report_in_english_has_english_next_year_notes(tmp_path):
    """The next-year list was made in Chinese whatever --lang said."""
    pages = {}
    for lang in locale.LANGUAGES:
        out = tmp_path / f"{lang}.html"
        assert invoke("report", str(PLAN_2024), "-o", str(out), "--lang", lang).exit_code == 0
        pages[lang] = _next_year_section(out.read_text(encoding="utf-8"))
    for key, english in locale.catalogue("en").NEXT_YEAR.items():
        chinese = locale.catalogue("zh").NEXT_YEAR[key]
        if "{" in chinese:
            chinese, english = chinese.split("{")[0], english.split("{")[0]
        assert chinese not in pages["en"]
        if key.split(".")[0] in ("campaign", "ordinal", "year"):  # kinds the 2024 plan has
            assert english in pages["en"] and chinese in pages["zh"]
