"""The command line as a drafting office meets it (issue 13): non-plans, summaries that never
hide an error, bad configs, unsafe fixes, output and baseline errors, --statistics/--quiet,
help, did-you-mean, severity, plurals and one language at a time."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys

import click
import pytest

from checker.commandline.cli import all_commands, cli, main

from .conftest import PLAN_2024
from .test_cli import invoke
from .test_fix_baseline import MINUTES_TXT, NOTES_MD, PLAN_2025, README_MD

GOOD = "1.推进商标法修改。(国家知识产权局负责)\n2.推进专利法修改。(国家知识产权局负责)\n"


@click.command(
    context_settings={
        "ignore_unknown_options": True,
        "allow_extra_args": True,
        "help_option_names": [],
    }
)
@click.pass_context
def _whole_command_line(ctx):
    sys.argv = ["plancheck", *ctx.args]
    main()


def invoke_all(*args):
    """Like invoke, but --help reaches plancheck too."""
    from click.testing import CliRunner

    return CliRunner().invoke(_whole_command_line, list(args))


@pytest.fixture
def drafting(tmp_path):
    """A drafting repository's folder: two plans, a README, notes and minutes."""
    (tmp_path / "2025.txt").write_text(PLAN_2025, encoding="utf-8")
    shutil.copy(PLAN_2024, tmp_path / "2024.txt")
    (tmp_path / "README.md").write_text(README_MD, encoding="utf-8")
    (tmp_path / "notes.md").write_text(NOTES_MD, encoding="utf-8")
    (tmp_path / "minutes.txt").write_text(MINUTES_TXT, encoding="utf-8")
    return tmp_path


# -- non-plans -------------------------------------------------------------------------
def test_folder_walk_skips_non_plans_and_says_so_with_v(drafting):
    result = invoke("lint", str(drafting), "--select", "N003")
    assert result.exit_code == 1
    assert "README" not in result.output and "notes" not in result.output
    assert result.stdout.splitlines()[-1] == "文件：检查2个（1个有问题），跳过3个非计划文件。"
    verbose = invoke("lint", str(drafting), "--select", "N003", "-v", "--lang", "en")
    skipped = [line for line in verbose.stderr.splitlines() if "skipped: not a plan" in line]
    assert sorted(line.split(": ")[1] for line in skipped) == sorted(
        str(drafting / name) for name in ("README.md", "notes.md", "minutes.txt")
    )
    assert verbose.stdout.splitlines()[-1] == (
        "Files: 2 checked (1 with problems), 3 skipped as not plans."
    )
    notes = next(line for line in skipped if "notes.md" in line)
    assert notes.endswith("skipped: not a plan: titled as a companion document (起草说明)")


def test_naming_a_non_plan_is_an_input_error(drafting):
    result = invoke("lint", str(drafting / "README.md"), str(drafting / "2025.txt"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"plancheck: {drafting / 'README.md'}："
        "不是计划文件：没有计划标题、文号、责任分工或“一、/1.”层次\n"
    )
    assert "未发现问题" not in result.stdout
    assert result.stdout.splitlines()[-1] == "文件：检查1个，1个无法检查。"
    english = invoke("lint", str(drafting / "minutes.txt"), "--lang", "en")
    assert english.exit_code == 2 and "not a plan: titled as a companion" in english.stderr
    english = invoke("lint", str(drafting / "README.md"), "--lang", "en")
    assert english.exit_code == 2 and "not a plan: no plan title" in english.stderr


def test_skip_non_plans_for_pre_commit(drafting):
    files = [str(drafting / n) for n in ("README.md", "notes.md", "minutes.txt", "2025.txt")]
    result = invoke("lint", "--skip-non-plans", *files)
    assert result.exit_code == 0, result.output
    assert result.stdout == "未发现问题。\n文件：检查1个，跳过3个非计划文件。\n"
    only = invoke("lint", "--skip-non-plans", files[0], "--lang", "en")
    assert only.exit_code == 0 and only.stdout == "Files: 0 checked, 1 skipped as not a plan.\n"


@pytest.mark.parametrize(
    "text",
    [
        # a plan by its title whose items are numbered in a way the parser does not know
        "2025年知识产权强国建设推进计划\n第一条 推进商标法修改。\n第二条 推进专利法修改。\n",
        # a draft's title
        "2025年知识产权强国建设推进计划(征求意见稿)\n",
    ],
)
def test_a_plan_that_cannot_be_read_is_never_skipped(tmp_path, text):
    plan = tmp_path / "draft.txt"
    plan.write_text(text, encoding="utf-8")
    result = invoke("lint", str(tmp_path), "--format", "json")
    data = json.loads(result.stdout)
    assert data["skipped"] == []
    # reported as such: an S-family finding where the parser sees headings or paragraphs,
    # a plan not understood (exit 2) where it sees nothing it can read
    assert result.exit_code in (1, 2)
    assert data["summary"]["errors"] + data["summary"]["findings"] >= 1
    if data["summary"]["errors"]:
        hook = invoke("lint", "--skip-non-plans", str(plan))
        assert hook.exit_code == 2
        assert "是计划文件，但未能识别出编号任务或标题" in hook.stderr
        assert "不是计划文件" not in hook.stderr


def test_json_lists_skipped_files(drafting):
    data = json.loads(invoke("lint", str(drafting), "--format", "json").stdout)
    assert {Item["path"] for Item in data["skipped"]} == {
        str(drafting / n) for n in ("README.md", "notes.md", "minutes.txt")
    }
    assert data["summary"]["files_checked"] == 2 and data["summary"]["files_skipped"] == 3
    assert data["summary"]["files_with_findings"] == 1


# -- summary ---------------------------------------------------------------------------
def test_summary_after_an_error_never_says_no_problems(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = invoke("lint", str(good), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert result.stdout == "文件：检查1个，1个无法检查。\n"
    english = invoke("lint", str(good), str(tmp_path / "missing.txt"), "--lang", "en")
    assert english.stdout == "Files: 1 checked, 1 could not be checked.\n"
    html = invoke("lint", str(good), str(tmp_path / "missing.txt"), "--format", "html").stdout
    assert "文件：检查1个，1个无法检查。 · plancheck" in html
    assert "无法检查</span> 文件不存在" in html


@pytest.mark.parametrize(
    ("select", "expected"),
    [
        ("N003", "Found 1 problem (1 fixable with --fix)."),
        ("A001", "Found 3 problems (3 fixable with --fix)."),
        ("G005", "Found 1 problem."),
        ("G007", "Found 1 problem (1 fixable with --unsafe-fixes)."),
    ],
)
def test_english_plurals(select, expected):
    result = invoke("lint", str(PLAN_2024), "--select", select, "--lang", "en")
    assert result.stdout.splitlines()[-2] == expected
    assert result.stdout.splitlines()[-1] == "Files: 1 checked (1 with problems)."


def test_severity_is_written_out_without_colour():
    result = invoke("lint", str(PLAN_2024), "--select", "G005,N003", "--no-color")
    lines = result.stdout.splitlines()
    assert lines[0].endswith("[警告]") and lines[1].endswith("[错误]")
    assert "\x1b[" not in result.stdout
    english = invoke("lint", str(PLAN_2024), "--select", "G005", "--lang", "en")
    assert english.stdout.splitlines()[0].endswith(" [warning]")


def test_statistics_and_quiet():
    stats = invoke("lint", str(PLAN_2024), "--statistics", "--lang", "en")
    assert stats.exit_code == 1
    lines = stats.stdout.splitlines()
    assert lines[0].split() == ["3", "A001", "[*]", "stray", "annotation"]
    assert lines[-2].startswith("Found 6 problems")
    assert not any(":64:112:" in line for line in lines)
    quiet = invoke("lint", str(PLAN_2024), "-q", "--select", "N003")
    assert quiet.exit_code == 1 and len(quiet.stdout.splitlines()) == 1
    assert quiet.stdout.startswith(f"{PLAN_2024}:64:112: N003")
    both = invoke("lint", str(PLAN_2024), "-q", "--statistics", "--select", "A")
    assert both.stdout.split() == ["3", "A001", "[*]", "游离批注"]
    rows = json.loads(invoke("lint", str(PLAN_2024), "--statistics", "--format", "json").stdout)
    assert rows[0] == {
        "code": "A001",
        "name": "stray-annotation",
        "title": "游离批注",
        "count": 3,
        "fixable": True,
    }
    assert sum(row["count"] for row in rows) == 6


# -- configuration ---------------------------------------------------------------------
def test_bad_config_stops_only_the_files_it_governs(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / ".plancheck.yaml").write_text("colour: red\n", encoding="utf-8")
    shutil.copy(PLAN_2024, bad / "a.txt")
    shutil.copy(PLAN_2024, bad / "b.txt")
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(PLAN_2024, good / "2024.txt")
    result = invoke("lint", str(bad), str(good), "--select", "N003")
    assert result.exit_code == 2
    assert result.stderr == f"plancheck: {bad / '.plancheck.yaml'}:colour：未知的配置项\n"
    assert f"{good / '2024.txt'}:64:112: N003" in result.stdout
    assert result.stdout.splitlines()[-1] == "文件：检查1个（1个有问题），2个无法检查。"
    data = json.loads(invoke("lint", str(bad), str(good), "--format", "json").stdout)
    assert [bool(f.get("error")) for f in data["files"]] == [True, True, False]


def test_explicit_bad_config_stops_everything(tmp_path):
    config = tmp_path / "house.yaml"
    config.write_text("ignre: [A]\n", encoding="utf-8")
    result = invoke("lint", str(PLAN_2024), "--config", str(config), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"plancheck: {config}:ignre: unknown key (did you mean 'ignore'?)\n"


# -- unsafe fixes ----------------------------------------------------------------------
UNSAFE = (
    "2024年知识产权强国建设推进计划\n"
    "一、完善知识产权制度\n"
    "1.组织开展“剑网2023”专项行动。(中央宣传部负责)\n"
    "2.推进专利法修改。(国家知识产权局按职责分工负责)\n"
)


def test_unsafe_fixes_are_counted_shown_and_applied_only_when_asked(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(UNSAFE, encoding="utf-8")
    listed = invoke("lint", str(plan), "--select", "D003,G006")
    assert listed.stdout.splitlines()[-2] == "发现2个问题（2个加 --unsafe-fixes 可修复）。"
    data = json.loads(invoke("lint", str(plan), "--select", "D003,G006", "--format", "json").stdout)
    assert [f["fix"]["applicability"] for f in data["findings"]] == ["unsafe", "unsafe"]
    assert data["summary"]["unsafe_fixable"] == 2 and data["summary"]["fixable"] == 0
    assert invoke("lint", str(plan), "--diff", "--select", "D003,G006").stdout == ""
    shown = invoke("lint", str(plan), "--diff", "--unsafe-fixes", "--select", "D003,G006")
    assert "+1.组织开展“剑网2024”专项行动。" in shown.stdout
    assert "+2.推进专利法修改。(国家知识产权局负责)" in shown.stdout
    assert plan.read_text(encoding="utf-8") == UNSAFE
    assert invoke("lint", str(plan), "--fix", "--select", "D003,G006").exit_code == 1
    assert plan.read_text(encoding="utf-8") == UNSAFE
    fixed = invoke("lint", str(plan), "--fix", "--unsafe-fixes", "--select", "D003,G006")
    assert fixed.exit_code == 0 and "plan.txt：已修复2个问题，已写入文件。" in fixed.stdout
    assert "剑网2024" in plan.read_text(encoding="utf-8")


# -- output, baseline ------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_output_to_a_folder_is_a_one_line_error(tmp_path, lang):
    result = invoke("lint", str(PLAN_2024), "-o", str(tmp_path), "--lang", lang)
    assert result.exit_code == 2
    expected = (
        "无法写入输出（是目录）" if lang == "zh" else "cannot write the output (Is a directory)"
    )
    assert result.stderr == f"plancheck: {tmp_path}: {expected}\n".replace(
        f"{tmp_path}: 无法", f"{tmp_path}：无法"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_output_to_an_unwritable_place(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    result = invoke("lint", str(PLAN_2024), "-o", str(locked / "out.json"), "--lang", "en")
    assert result.exit_code == 2 and "cannot write the output (Permission denied)" in result.stderr


def test_output_below_a_file_is_an_error(tmp_path):
    result = invoke("lint", str(PLAN_2024), "-o", str(PLAN_2024) + "/out.json")
    assert result.exit_code == 2 and "无法写入输出（路径中有一段不是目录）" in result.stderr
    assert "internal error" not in result.stderr and "内部错误" not in result.stderr
    diff = invoke("diff", str(PLAN_2024), str(PLAN_2024), "-o", str(tmp_path), "--lang", "en")
    assert diff.exit_code == 2 and "cannot write the output" in diff.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_output_s_own_missing_folder_is_made_and_said(tmp_path, lang):
    # -o reports/lint.json in a fresh clone (the CI case): the one folder is made, as ruff
    # and eslint make it, but never silently
    out = tmp_path / "reports" / "lint.json"
    result = invoke("lint", str(PLAN_2024), "-o", str(out), "--format", "json", "--lang", lang)
    assert result.exit_code == 1 and json.loads(out.read_text(encoding="utf-8"))["findings"]
    said = {
        "zh": f"plancheck: 已新建文件夹{out.parent}，用来存放{out}。\n",
        "en": f"plancheck: created the folder {out.parent} for {out}.\n",
    }
    assert result.stderr == said[lang]
    again = invoke("lint", str(PLAN_2024), "-o", str(out), "--lang", lang)  # it exists now
    assert again.exit_code == 1 and again.stderr == ""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_output_missing_two_folders_is_refused_and_makes_none(tmp_path, lang):
    # a folder mistyped higher up (repots for reports) would plant a tree: one line, exit 2,
    # before anything is checked, nothing made
    out = tmp_path / "repots" / "2024" / "lint.json"
    result = invoke("lint", str(PLAN_2024), "-o", str(out), "--lang", lang)
    assert result.exit_code == 2 and result.stdout == ""
    said = {
        "zh": f"{out}：文件夹{tmp_path / 'repots'}不存在：请核对路径，或先建立文件夹{out.parent}",
        "en": f"{out}: the folder {tmp_path / 'repots'} does not exist: check the path, or make"
        f" the folder {out.parent} first",
    }
    assert result.stderr == f"plancheck: {said[lang]}\n"
    assert list(tmp_path.iterdir()) == []


def test_every_output_keeps_the_folder_policy(tmp_path, monkeypatch):
    """diff, report (its default reports/ too), review and a baseline written: the output's
    own folder made and said, two missing refused before any work."""
    monkeypatch.chdir(tmp_path)
    deep = tmp_path / "a" / "b"
    for args in (
        ("diff", str(PLAN_2024), str(PLAN_2024), "-o", str(deep / "d.txt")),
        ("report", str(PLAN_2024), "-o", str(deep / "r.html")),
        ("review", str(PLAN_2024), "-o", str(deep / "r.docx")),
        ("lint", str(PLAN_2024), "--baseline", str(deep / "b.yaml"), "--write-baseline"),
    ):
        refused = invoke(*args, "--lang", "en")
        assert refused.exit_code == 2, args
        assert "the folder" in refused.stderr and "does not exist" in refused.stderr, args
        assert not (tmp_path / "a").exists(), args
    made = invoke("diff", str(PLAN_2024), str(PLAN_2024), "-o", "d/d.txt", "--lang", "en")
    assert made.exit_code == 0 and made.stderr == "plancheck: created the folder d for d/d.txt.\n"
    report = invoke("report", str(PLAN_2024), "--lang", "en")  # the default, reports/2024.html
    assert report.exit_code == 0 and (tmp_path / "reports" / "2024.html").is_file()
    assert "created the folder reports for reports/2024.html" in report.stderr
    review = invoke("review", str(PLAN_2024), "-o", "w/r.docx", "--lang", "en")
    assert review.exit_code == 0 and (tmp_path / "w" / "r.docx").is_file()
    assert "created the folder w for w/r.docx" in review.stderr
    baseline = invoke(
        "lint", str(PLAN_2024), "--baseline", "k/b.yaml", "--write-baseline", "--lang", "en"
    )
    assert baseline.exit_code == 0 and (tmp_path / "k" / "b.yaml").is_file()
    assert "created the folder k for k/b.yaml" in baseline.stderr


def test_missing_baseline_is_an_error_unless_written(tmp_path):
    baseline = tmp_path / "baseline.yaml"
    result = invoke("lint", str(PLAN_2024), "--baseline", str(baseline))
    assert result.exit_code == 2
    assert result.stderr == (
        f"plancheck: {baseline}：基线文件不存在（可用 --write-baseline 生成）\n"
    )
    written = invoke(
        "lint", str(PLAN_2024), "--baseline", str(baseline), "--write-baseline", "--lang", "en"
    )
    assert written.exit_code == 0 and baseline.is_file()
    assert f"plancheck: Recorded 6 problems in the baseline {baseline}." in written.stderr
    again = invoke("lint", str(PLAN_2024), "--baseline", str(baseline))
    assert again.exit_code == 0 and again.stdout == (  # what the baseline hid is said
        "没有需要列出的问题。\n另有6个问题已记入基线（--baseline），未列出。\n文件：检查1个。\n"
    )


# -- help, usage errors, did you mean ----------------------------------------------------
def _commands():
    return [cli, *all_commands().values()]


def test_every_option_has_help_and_file_options_say_file():
    from checker.commandline.cli import ENGLISH_HELP
    from checker.locale import zh

    for command in _commands():
        english = ENGLISH_HELP.get(command, command.help)
        assert english and english in zh.HELP, command.name
        for param in command.params:
            if isinstance(param, click.Option) and param.name not in ("help", "version"):
                english = ENGLISH_HELP.get(param, param.help)
                assert english, (command.name, param.name)
                assert english in zh.HELP, english
            metavar = param.make_metavar(click.Context(command))
            assert "TEXT" not in metavar and metavar != "PATH", (command.name, param.name)
    help_text = invoke_all("lint", "--help", "--lang", "en").stdout
    assert "-o, --output FILE" in help_text and "--baseline FILE" in help_text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_in_one_language(lang):
    page = invoke_all("lint", "--help", "--lang", lang).stdout
    if lang == "zh":
        assert page.startswith("用法：") and "检查计划文件。" in page and "选项" in page
        assert "Show this message" not in page and "Check plan files" not in page
    else:
        assert page.startswith("Usage:") and "Check plan files." in page
        assert "检查" not in page and "用法" not in page
    top = invoke_all("--lang", lang, "--help").stdout
    assert ("命令" in top) == (lang == "zh") and ("Commands" in top) == (lang == "en")


@pytest.mark.parametrize(
    ("args", "chinese", "english"),
    [
        (
            ("lint", "--selct", "N"),
            "plancheck: 没有“--selct”这个选项。",
            "plancheck: No such option '--selct'.",
        ),
        # the sentence ends in 。, not click's ASCII full stop
        (("lint",), "plancheck: 缺少参数“PATH...”。\n", "plancheck: Missing argument 'PATH...'.\n"),
        (
            ("lnt", "x"),
            "plancheck: 没有“lnt”这个命令。是否应为“lint”？",  # no space after 。
            "plancheck: No such command 'lnt'. Did you mean 'lint'?",
        ),
        (("xyz",), "plancheck: 没有“xyz”这个命令。", "plancheck: No such command 'xyz'."),
        (
            ("lint", "x", "--formt", "json"),
            "plancheck: 没有“--formt”这个选项。是否应为“--format”？",
            "plancheck: No such option '--formt'. Did you mean '--format'?",
        ),
        # click quotes with repr; Chinese text with “” and lists with 、 (GB/T 15834)
        (
            ("lint", "x", "--format", "xml"),
            "plancheck: “--format”的值无效：“xml”不是“text”、“json”、“sarif”、“github”、“html”之一。",
            "plancheck: Invalid value for '--format':",
        ),
    ],
)
def test_usage_errors_in_one_language(args, chinese, english):
    result = invoke(*args)
    assert result.exit_code == 2 and result.stderr.startswith(chinese), result.stderr
    assert len(result.stderr.splitlines()) == 1
    result = invoke(*args, "--lang", "en")
    assert result.exit_code == 2 and result.stderr.startswith(english), result.stderr


def test_mistyped_option_is_answered_with_the_nearest():
    result = invoke("lint", str(PLAN_2024), "--unsafe-fix", "--lang", "en")
    assert "Did you mean" in result.stderr and "'--unsafe-fixes'" in result.stderr
    chinese = invoke("lint", str(PLAN_2024), "--statistic")
    assert "是否应为“--statistics”？" in chinese.stderr


# -- one language at a time ------------------------------------------------------------
_ZH_WORDS = (
    "问题",
    "文件：",
    "错误",
    "警告",
    "提示",
    "严重程度",
    "自动修复",
    "修改",
    "新增",
    "牵头",
)


@pytest.mark.parametrize(
    "args",
    [
        ("lint", "{plan}", "--select", "A,N"),
        ("lint", "{plan}", "--statistics"),
        ("diff", "{plan}", "{plan2025}"),
        ("rules",),
        ("rule", "G006"),
        ("agencies", "{plan}"),
    ],
)
def test_english_output_has_no_chinese_interface_words(tmp_path, args):
    """Under --lang en, what plancheck writes itself is English: Chinese remains only in
    quotations of the plan (agency names, task text, indented in the diff)."""
    plan2025 = tmp_path / "2025.txt"
    plan2025.write_text(PLAN_2025, encoding="utf-8")
    argv = [a.format(plan=PLAN_2024, plan2025=plan2025) for a in args]
    out = invoke(*argv, "--lang", "en").stdout
    own = [line for line in out.splitlines() if not line.startswith("    ")]
    for word in _ZH_WORDS:
        assert not any(word in line for line in own), (word, argv)
    if argv[0] in ("rules", "rule"):  # the catalogue's own words: no Chinese at all
        assert not any(re.search("[\u4e00-\u9fff]", line.split("'")[0]) for line in own), own
    chinese = invoke(*argv).stdout
    assert any(word in chinese for word in _ZH_WORDS)


def test_rule_page_labels_in_one_language():
    english = invoke("rule", "A001", "--lang", "en").stdout
    assert "severity: error" in english and "严重程度" not in english
    chinese = invoke("rule", "A001").stdout
    assert "严重程度：错误" in chinese and "severity" not in chinese


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh", "不是Word文档（.docx）"), ("en", "not a Word document (.docx)")],
)
def test_a_broken_word_file_in_one_language(tmp_path, lang, expected):
    broken = tmp_path / "plan.docx"
    broken.write_bytes(b"this is not a zip archive")
    result = invoke("lint", str(broken), "--lang", lang)
    assert result.exit_code == 2
    assert result.stderr == f"plancheck: {broken}{'：' if lang == 'zh' else ': '}{expected}\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_into_a_folder_is_a_one_line_error(tmp_path, lang):
    result = invoke("report", str(PLAN_2024), "-o", str(tmp_path), "--lang", lang)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert ("是目录" if lang == "zh" else "Is a directory") in result.stderr


@pytest.mark.parametrize("command", ["diff", "agencies"])
def test_other_commands_refuse_a_named_non_plan(drafting, command):
    args = [str(drafting / "README.md")] + (
        [str(drafting / "2025.txt")] if command == "diff" else []
    )
    result = invoke(command, *args)
    assert result.exit_code == 2
    assert result.stderr == f"plancheck: {drafting / 'README.md'}：{ZH_NOT_A_PLAN}\n"
    english = invoke(command, *args, "--lang", "en")
    assert english.exit_code == 2 and "not a plan: no plan title" in english.stderr


ZH_NOT_A_PLAN = "不是计划文件：没有计划标题、文号、责任分工或“一、/1.”层次"


def test_language_before_the_command_and_from_the_environment(monkeypatch):
    before = invoke("--lang", "en", "lint", str(PLAN_2024), "--select", "N003")
    assert before.stdout.splitlines()[-1] == "Files: 1 checked (1 with problems)."
    monkeypatch.setenv("PLANCHECK_LANG", "en")
    from_env = invoke("lint", str(PLAN_2024), "--select", "N003")
    assert from_env.stdout.splitlines()[-1] == "Files: 1 checked (1 with problems)."
    assert invoke("lint", "--selct").stderr.startswith("plancheck: No such option")
    overridden = invoke("lint", str(PLAN_2024), "--select", "N003", "--lang", "zh")
    assert overridden.stdout.splitlines()[-1] == "文件：检查1个（1个有问题）。"


def test_a_real_process_speaks_one_language(tmp_path):
    """click's own messages are translated in a real process too, not only under CliRunner."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "PLANCHECK_LANG"}
    run = [sys.executable, "-m", "checker", "lint", "--selct", "N", str(PLAN_2024)]
    chinese = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    assert chinese.returncode == 2
    assert chinese.stderr.startswith("plancheck: 没有“--selct”这个选项。") and not chinese.stdout
    english = subprocess.run(
        [*run, "--lang", "en"], capture_output=True, text=True, env=env, check=False
    )
    assert english.stderr.startswith("plancheck: No such option '--selct'.")


def test_a_review_copy_that_cannot_be_written_is_named_not_the_draft(tmp_path):
    """The error names the copy plancheck failed to write, not the draft it only read."""
    draft = tmp_path / "plan.txt"
    draft.write_text(PLAN_2024.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "plan.reviewed.docx").mkdir()
    result = invoke("review", str(draft), "--force")
    assert result.exit_code == 2
    assert (
        result.stderr == f"plancheck: {tmp_path / 'plan.reviewed.docx'}：无法写入输出（是目录）\n"
    )
