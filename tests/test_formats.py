"""SARIF validated against the official 2.1.0 schema; GitHub annotations; text colour."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker.checking.findings import Words

from .conftest import PLAN_2024
from .test_cli import invoke

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def test_sarif_is_valid_and_complete():
    result = invoke("lint", str(PLAN_2024), "--format", "sarif")
    log = json.loads(result.output)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "A001" in ids and "D007" in ids
    split = next(r for r in run["results"] if r["ruleId"] == "N003")
    assert split["locations"][0]["physicalLocation"]["region"]["startLine"] == 64
    assert ids[split["ruleIndex"]] == "N003"
    replacements = split["fixes"][0]["artifactChanges"][0]["replacements"]
    assert [r["insertedContent"]["text"] for r in replacements] == ["", "5"]


def test_sarif_with_input_error_is_valid(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = invoke("lint", str(empty), str(PLAN_2024), "--format", "sarif")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_github_annotations():
    result = invoke("lint", str(PLAN_2024), "--format", "github", "--select", "N003")
    assert result.output == (
        f"::error file={PLAN_2024},line=64,col=112,endLine=64,endColumn=113,"
        "title=N003 split-task::任务50的编号被拆在两行：第64行末尾的“5”是下一行编号的一部分，"
        "请合并为“50.”并另起一行。\n"
    )


def test_no_colour_when_not_a_terminal_and_output_file(tmp_path):
    out = tmp_path / "out.txt"
    invoke("lint", str(PLAN_2024), "-o", str(out))
    assert "\x1b[" not in out.read_text(encoding="utf-8")


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    from checker.checking.lint import LintOptions, lint_paths
    from checker.commandline import commands
    from checker.products.formats import RenderOptions, render

    from .conftest import SPECS

    run = lint_paths([str(PLAN_2024)], LintOptions(select=("N003",)), list(SPECS.values()))
    painted = render("text", run, RenderOptions(color=True))
    assert "\x1b[31;1mN003\x1b[0m" in painted
    assert "\x1b[" not in render("text", run, RenderOptions(color=False))

    class Terminal:
        @staticmethod
        def isatty() -> bool:
            return True

    monkeypatch.setattr(commands.sys, "stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert commands.color(no_color=False) is True
    assert commands.color(no_color=True) is False
    # the findings go to stderr (--fix -): its being a terminal is what counts
    assert commands.color(no_color=False, err=True) is False
    monkeypatch.setattr(commands.sys, "stderr", Terminal())
    assert commands.color(no_color=False, err=True) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert commands.color(no_color=False) is False


@pytest.mark.parametrize("output", ["lint", "statistics"])
def test_only_the_formats_that_describe_rules_read_them(output):
    """A lint run hands the rule catalogue only to the formats in ``DESCRIBES_RULES`` (a run
    served from the result cache then imports no rule): every other format renders the same
    without it."""
    from checker.checking.lint import LintOptions, lint_paths
    from checker.products.formats import DESCRIBES_RULES, FORMATS, RenderOptions, render

    from .conftest import SPECS

    run = lint_paths([str(PLAN_2024)], LintOptions(), list(SPECS.values()))
    others = [
        name for kind, name in FORMATS if kind == output and (kind, name) not in DESCRIBES_RULES
    ]
    assert others or output == "statistics"
    for name in others:
        with_rules = RenderOptions(rules=run.rules(SPECS), statistics=output == "statistics")
        without = with_rules.with_rules(None)
        assert render(name, run, without, output=output) == render(
            name, run, with_rules, output=output
        ), name
    for kind, name in DESCRIBES_RULES:
        assert (kind, name) in FORMATS


def test_a_message_shows_each_kind_of_fact_as_before():
    """None as nothing, a list or tuple joined, ``Words`` said, a style named in words, a
    data rule's own template (its language first), the task put in front when the template
    does not say it."""
    from checker import locale

    args = {
        "task": 7,
        "none": None,
        "list": ["甲", "乙"],
        "pair": ("丙", 3),
        "said": Words("D001.brackets", "D001.leading_zero"),
        "style": "council",
        "message_zh": "{none}|{list}|{pair}|{said}|{style_name}|",
        "message_en": "{list}",
    }
    words = locale.catalogue("zh").WORDS
    said = words["separator"].join([words["D001.brackets"], words["D001.leading_zero"]])
    style = locale.catalogue("zh").UI["style.council"]
    assert locale.message("zh", "X999", args) == f"任务7：|甲、乙|丙、3|{said}|{style}|"
    assert locale.message("en", "X999", args) == "task 7: 甲, 乙"
    assert locale.message("zh", "X999", {"task": None, "message_zh": "{task}"}) == ""
    assert locale.message("zh", "X999", {"task": Words("D001.brackets")}).startswith(
        f"任务{words['D001.brackets']}："
    )


def test_a_message_field_no_fact_fills_is_an_error_not_an_empty_string():
    """``{wrod}`` for ``{word}``: the message fails (and with it the rule's case tests)."""
    from checker import locale

    with pytest.raises(KeyError):
        locale.message("zh", "X999", {"message_zh": "“{wrod}”宜改为“{expected}”", "word": "抓紧"})


def _json_values():
    """What the lint JSON holds: text (control characters, quotes, CJK, astral characters;
    no lone surrogate, which neither encoder writes as UTF-8), whole numbers, booleans,
    nulls, in lists and objects."""
    from hypothesis import strategies as st

    text = st.text(st.characters(exclude_categories=("Cs",)))
    scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | text
    return st.recursive(
        scalars, lambda inner: st.lists(inner) | st.dictionaries(text, inner), max_leaves=30
    )


def test_orjson_indents_as_the_standard_library():
    """The lint JSON and SARIF are written by orjson (``indented_json``): byte for byte
    what json.dumps(indent=2) writes."""
    from hypothesis import given, settings

    from checker.products.formats import indented_json

    @settings(max_examples=300, deadline=None)
    @given(_json_values())
    def same(value):
        assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"

    same()


def test_lint_json_is_the_standard_librarys(tmp_path):
    """A run with findings, fixes, an input error and a skipped file, in both languages."""
    from checker.checking.lint import LintOptions, lint_paths
    from checker.products.formats import RenderOptions, render
    from checker.products.formats.json import as_dict

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "README.md").write_text("# 说明\n\n这里放计划。\n", encoding="utf-8")
    (tmp_path / "2024.txt").write_bytes(PLAN_2024.read_bytes())
    run = lint_paths([str(tmp_path)], LintOptions())
    assert run.errors and run.skipped and run.findings
    for lang in ("zh", "en"):
        options = RenderOptions(lang=lang)
        expected = json.dumps(as_dict(run, options), ensure_ascii=False, indent=2) + "\n"
        assert render("json", run, options) == expected
