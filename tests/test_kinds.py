"""Rules written as YAML: a drafting office's own convention, end to end through the CLI."""

from __future__ import annotations

import json
import shutil

import pytest

from checker.base.errors import ConfigError
from checker.checking.kinds import parse_rule

from .conftest import PLAN_2024
from .test_cli import invoke

HOUSE_RULE = """\
code: X101
name: colloquial-verb
extends: substitution
title: 口语化用词
description: 公文用语应庄重规范。
message: {zh: "任务{task}中“{match}”宜改为“{expected}”。", en: "task {task}: write '{expected}' for '{match}'."}
swap: {抓紧: 加快, 搞好: 做好}
fix: safe
bad: ["1.抓紧推进改革。(科技部负责)"]
good: ["1.加快推进改革。(科技部负责)"]
"""


@pytest.fixture
def office(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "colloquial.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (tmp_path / ".plancheck.yaml").write_text("rules: [house]\n", encoding="utf-8")
    plan = tmp_path / "plan.txt"
    text = PLAN_2024.read_text(encoding="utf-8").replace("10.加强央地协同", "10.抓紧加强央地协同")
    plan.write_text(text, encoding="utf-8")
    return tmp_path


def test_custom_rule_end_to_end(office):
    result = invoke("lint", str(office / "plan.txt"), "--select", "X", "--format", "json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert [(f["rule"], f["line"], f["column"], f["task"]) for f in data["findings"]] == [
        ("X101", 20, 4, 10)
    ]
    assert data["findings"][0]["message"] == "任务10中“抓紧”宜改为“加快”。"
    assert data["findings"][0]["fix"]["replacement"].startswith("10.加快加强央地协同")


def test_custom_rule_fix_and_english(office):
    english = invoke("lint", str(office / "plan.txt"), "--select", "X101", "--lang", "en")
    assert "task 10: write '加快' for '抓紧'." in english.output
    invoke("lint", str(office / "plan.txt"), "--select", "X101", "--fix")
    assert "10.加快加强央地协同" in (office / "plan.txt").read_text(encoding="utf-8")


def test_custom_rule_code_must_be_new(tmp_path):
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    (tmp_path / "dup.yaml").write_text(HOUSE_RULE.replace("X101", "A001"), encoding="utf-8")
    (tmp_path / ".plancheck.yaml").write_text("rules: [dup.yaml]\n", encoding="utf-8")
    result = invoke("lint", str(tmp_path / "plan.txt"))
    assert result.exit_code == 2 and "A001已是现有规则" in result.stderr
    english = invoke("lint", str(tmp_path / "plan.txt"), "--lang", "en")
    assert english.exit_code == 2 and "A001 is already a rule" in english.stderr


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"extends": "magic"}, "extends: expected one of"),
        ({"code": "X1"}, "code: 'X1' is not"),
        ({"colour": "red"}, "colour: unknown key"),
        ({"pattern": "(", "extends": "pattern"}, "invalid regular expression"),
        ({"extends": "pattern", "pattern": "剑网(?P<y>\\d+)", "when": "z != plan.year"}, "when:"),
        ({"swap": []}, "swap: expected a mapping"),
        # a message or suggestion that would fail (or reach into a fact) when written
        ({"message": "见{附件"}, "message: .*brace"),
        ({"message": {"zh": "任务{task}", "en": "task {task.__class__}"}}, "message: an attribute"),
        ({"message": "{match[0]}"}, "message: an index"),
        ({"message": "{match:>9}"}, "message: a format spec"),
        ({"message": "{match:{task}}"}, r"message: a format spec \(:\{task\}\)"),
        (
            {"extends": "pattern", "pattern": "剑网(?P<y>\\d+)", "suggest": "{y:{plan_year}}"},
            "suggest: a format spec",
        ),
        ({"message": "{}"}, "message: .*positional"),
        # a field no finding gives: a typo, or {expected} where nothing is expected
        ({"message": {"zh": "“{mathc}”", "en": "'{match}'"}}, r"message: \{mathc\} is not a fact"),
        ({"extends": "existence", "tokens": ["抓紧"]}, r"message: \{expected\} is not a fact"),
        (
            {"extends": "pattern", "pattern": "剑网(?P<y>\\d+)", "suggest": "剑网{year}"},
            "suggest: {year} is neither a named group",
        ),
    ],
)
def test_bad_rule_file_fails_on_load(change, error):
    import yaml

    data = yaml.safe_load(HOUSE_RULE) | change
    with pytest.raises(ConfigError, match=error):
        parse_rule(data, "house.yaml")


def test_a_bad_template_is_a_one_line_error_in_the_drafters_language(tmp_path):
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    broken = HOUSE_RULE.replace("任务{task}中", "任务{task中")
    (tmp_path / "house.yaml").write_text(broken, encoding="utf-8")
    (tmp_path / ".plancheck.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    result = invoke("lint", str(tmp_path / "plan.txt"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "house.yaml:message：" in result.stderr and "字段只能写作{名称}" in result.stderr


def test_templates_with_braces_doubled_and_known_groups_load():
    import yaml

    data = yaml.safe_load(HOUSE_RULE) | {
        "extends": "pattern",
        "pattern": "剑网(?P<y>\\d+)",
        "message": "“{match}”应写作{{剑网{expected}}}，年份{plan_year}",
        "suggest": "剑网{plan_year}",
    }
    rule, _ = parse_rule(data, "house.yaml")
    assert rule.suggest == "剑网{plan_year}" and "{{" in rule.messages["zh"]
