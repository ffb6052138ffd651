"""The command line through click's CliRunner and through the installed ``plancheck``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from checker.commandline.cli import main

from .conftest import PLAN_2024


def invoke(*args, input=None):
    """Run main() with argv, capturing output and the exit status."""
    runner = CliRunner()
    return runner.invoke(_main_as_command, list(args), input=input)


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def _main_as_command(ctx):
    sys.argv = ["plancheck", *ctx.args]
    main()


def test_lint_2024_text_output():
    result = invoke("lint", str(PLAN_2024), "--select", "N,A,G008", "--no-color")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"{PLAN_2024}:32:71: A001 任务21")
    assert any(":64:112: N003 任务50" in line for line in lines)
    assert len(lines) == 6 and lines[-2] == "发现4个问题（4个可用 --fix 自动修复）。"
    assert lines[-1] == "文件：检查1个（1个有问题）。"


def test_lint_json_contract():
    result = invoke("lint", str(PLAN_2024), "--select", "N,A,G008", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["version"] == 1
    assert data["files"][0]["tasks"] == 110 and data["files"][0]["encoding"] == "utf-8"
    split = next(f for f in data["findings"] if f["rule"] == "N003")
    assert split["line"] == 64 and split["task"] == 50 and split["name"] == "split-task"
    assert split["fix"]["line"] == 64 and split["fix"]["end_line"] == 65
    assert split["fix"]["replacement"].splitlines()[1].startswith("50.加强")
    assert data["summary"] == {**data["summary"], "findings": 4, "by_rule": {"A001": 3, "N003": 1}}


def test_english_messages():
    result = invoke("lint", str(PLAN_2024), "--select", "A", "--lang", "en")
    assert "stray annotation" in result.output and "task 21" in result.output


def test_exit_zero_and_clean_file(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("1.甲。(科技部负责)\n", encoding="utf-8")
    assert invoke("lint", str(clean)).exit_code == 0
    assert invoke("lint", str(PLAN_2024), "--exit-zero").exit_code == 0


def test_select_and_ignore_longest_prefix_wins():
    result = invoke("lint", str(PLAN_2024), "--select", "N,A", "--ignore", "A", "--format", "json")
    assert json.loads(result.output)["summary"]["by_rule"] == {"N003": 1}
    result = invoke("lint", str(PLAN_2024), "--select", "A001", "--ignore", "A", "--format", "json")
    assert json.loads(result.output)["summary"]["by_rule"] == {"A001": 3}


def test_unknown_code_is_usage_error():
    result = invoke("lint", str(PLAN_2024), "--select", "Z999")
    assert result.exit_code == 2
    assert result.output == "plancheck: 未知的规则代码“Z999”（见 plancheck rules）\n"
    english = invoke("lint", str(PLAN_2024), "--select", "Z999", "--lang", "en")
    assert english.output == "plancheck: unknown rule code 'Z999' (see: plancheck rules)\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "空文件"),
        ("blank.txt", b"  \n\n", "文件只有空白"),
        ("binary.txt", b"\x00\x01\x02PNG", "二进制文件"),
        ("prose.txt", "这是一段普通的文字,不是计划。\n".encode(), "不是计划文件"),
    ],
)
def test_bad_input_one_line_exit_2_others_checked(tmp_path, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("1.甲。(科技部负责)\n2.乙。(科技部负责)\n", encoding="utf-8")
    result = invoke("lint", str(bad), str(good), "--format", "json")
    assert result.exit_code == 2
    errors = [ln for ln in result.stderr.splitlines() if ln]
    assert len(errors) == 1 and str(bad) in errors[0] and reason in errors[0]
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == [str(bad), str(good)]
    assert data["files"][1]["tasks"] == 2


def test_missing_file_and_empty_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("lint", str(tmp_path / "nope.txt"), str(empty))
    assert result.exit_code == 2
    assert "文件不存在" in result.stderr and "目录中没有计划文件" in result.stderr


def test_a_folder_of_files_none_of_which_is_a_plan_is_said_so(tmp_path):
    """Never "no problems" on nothing checked: a CI job pointed at a folder of notes fails
    as one pointed at an empty folder does; a folder with a plan among notes is fine, and
    a named non-plan under --skip-non-plans (pre-commit) still passes."""
    notes = tmp_path / "notes"
    notes.mkdir()
    for name in ("会议记录.txt", "README.md"):
        (notes / name).write_text("随便写点笔记\n今天开会。\n", encoding="utf-8")
    result = invoke("lint", str(notes))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"plancheck: {notes}：目录中没有计划：其中2个文件读过后都不是计划文件（加 -v 查看原因）"
    )
    english = invoke("lint", str(notes), "--lang", "en", "-q")
    assert f"{notes}: no plans in folder: none of its 2 files is a plan" in english.stderr
    (notes / "plan.txt").write_text(
        "2024年工作计划\n一、总体\n1.甲。(科技部负责)\n", encoding="utf-8"
    )
    assert invoke("lint", str(notes), "-q").exit_code == 0
    named = invoke("lint", "--skip-non-plans", str(notes / "会议记录.txt"))
    assert named.exit_code == 0 and not named.stderr


def test_folder_is_checked_sorted(tmp_path):
    for name in ("b.txt", "a.md", "skip.png"):  # a folder gives the formats plancheck reads
        (tmp_path / name).write_text("1.甲。(科技部负责)\n", encoding="utf-8")
    result = invoke("lint", str(tmp_path), "--format", "json")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [
        str(tmp_path / "a.md"),
        str(tmp_path / "b.txt"),
    ]


def test_stdin_with_filename():
    text = PLAN_2024.read_text(encoding="utf-8")
    result = invoke(
        "lint", "-", "--stdin-filename", "draft.txt", "--select", "N003", input=text.encode()
    )
    assert result.exit_code == 1
    assert result.output.startswith("draft.txt:64:112: N003")


def test_rules_catalogue_and_rule_page():
    listing = invoke("rules")
    assert listing.exit_code == 0 and "A001" in listing.output and "N003" in listing.output
    catalogue = json.loads(invoke("rules", "--format", "json").output)
    assert {r["code"] for r in catalogue} >= {"N001", "A001", "G008"}
    page = invoke("rule", "a001")
    assert page.exit_code == 0 and "游离批注" in page.output and "科技成果评价" in page.output
    assert invoke("rule", "X123").exit_code == 2


def test_config_file_found_upward(tmp_path):
    (tmp_path / ".plancheck.yaml").write_text("select: [A]\n", encoding="utf-8")
    sub = tmp_path / "plans"
    sub.mkdir()
    shutil.copy(PLAN_2024, sub / "2024.txt")
    data = json.loads(invoke("lint", str(sub / "2024.txt"), "--format", "json").output)
    assert data["summary"]["by_rule"] == {"A001": 3}


def test_config_is_found_from_where_a_link_leads(tmp_path):
    """A plan that is a link, or sits in a linked folder, is checked with the config above
    the file it leads to, as found from its real folder: not the link's."""
    real, elsewhere = tmp_path / "office", tmp_path / "elsewhere"
    real.mkdir()
    elsewhere.mkdir()
    (real / ".plancheck.yaml").write_text("select: [A]\n", encoding="utf-8")
    (elsewhere / ".plancheck.yaml").write_text("select: [N]\n", encoding="utf-8")
    shutil.copy(PLAN_2024, real / "2024.txt")
    (elsewhere / "linked.txt").symlink_to(real / "2024.txt")
    (elsewhere / "folder").symlink_to(real, target_is_directory=True)
    for plan in (elsewhere / "linked.txt", elsewhere / "folder" / "2024.txt", real / "2024.txt"):
        data = json.loads(invoke("lint", str(plan), "--format", "json").output)
        assert data["summary"]["by_rule"] == {"A001": 3}, plan


def test_config_in_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.plancheck]\nignore = ["A", "G"]\n', encoding="utf-8"
    )
    shutil.copy(PLAN_2024, tmp_path / "2024.txt")
    data = json.loads(invoke("lint", str(tmp_path / "2024.txt"), "--format", "json").output)
    assert "A001" not in data["summary"]["by_rule"] and "N003" in data["summary"]["by_rule"]


@pytest.mark.parametrize(
    ("pyproject", "ours"),
    [
        ('[tool.plancheck]\nignore = ["A", "G"]\n', True),
        ('[tool."plancheck"]\nignore = ["A", "G"]\n', True),
        ('[tool]\nplancheck = {ignore = ["A", "G"]}\n', True),
        ('tool.plancheck.ignore = ["A", "G"]\n', True),
        ('[tool.\'plancheck\']\nignore = ["A", "G"]\n', True),
        ('["tool".plancheck]\nignore = ["A", "G"]\n', True),
        ('tool = {plancheck = {ignore = ["A", "G"]}}\n', True),
        # a project named plancheck, settings for other tools: not parsed, not ours
        ('[project]\nname = "plancheck"\n[tool.ruff]\nline-length = 100\n', False),
    ],
)
def test_a_pyproject_is_ours_only_with_a_plancheck_table(tmp_path, pyproject, ours):
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    shutil.copy(PLAN_2024, tmp_path / "2024.txt")
    data = json.loads(invoke("lint", str(tmp_path / "2024.txt"), "--format", "json").output)
    assert ("A001" not in data["summary"]["by_rule"]) is ours


@pytest.mark.parametrize(
    ("content", "chinese", "english"),
    [
        ("select: [A\n", ".plancheck.yaml:2：YAML格式有误（", ".plancheck.yaml:2: invalid YAML ("),
        ("colour: red\n", "colour：未知的配置项", "colour: unknown key"),
        (
            "near-duplicate: high\n",
            "near-duplicate：应为数字，实为文本",
            "near-duplicate: expected int or float, got text",
        ),
        ("select: [Q9]\n", "未知的规则代码“Q9”", "unknown rule code 'Q9'"),
        ("punctuation: wide\n", "punctuation：应为以下之一：", "punctuation: expected one of"),
        (
            "selcet: [A]\n",
            "selcet：未知的配置项（是否应为“select”？）",
            "selcet: unknown key (did you mean 'select'?)",
        ),
        (
            "per_task_ignores: {}\n",
            "（是否应为“per-task-ignores”？）",
            "(did you mean 'per-task-ignores'?)",
        ),
        ("ignore: [G0077]\n", "“G0077”不是规则代码或前缀", "'G0077' is not a rule code or prefix"),
    ],
)
def test_bad_config_is_one_line(tmp_path, content, chinese, english):
    (tmp_path / ".plancheck.yaml").write_text(content, encoding="utf-8")
    shutil.copy(PLAN_2024, tmp_path / "2024.txt")
    for lang, expected in (("zh", chinese), ("en", english)):
        result = invoke("lint", str(tmp_path / "2024.txt"), "--lang", lang)
        assert result.exit_code == 2
        assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert "未发现问题" not in result.stdout and "No problems" not in result.stdout


def test_installed_command_outside_the_repo(tmp_path):
    """After ``pip install .`` the rule data ships with the package. The command is the one
    installed beside the interpreter running the tests (an older global install first on
    PATH would test that install, not this one)."""
    beside = Path(sys.executable).with_name("plancheck")
    exe = str(beside) if beside.exists() else shutil.which("plancheck")
    if exe is None:
        pytest.skip("plancheck is not installed")
    copy = tmp_path / "2024.txt"
    shutil.copy(PLAN_2024, copy)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [exe, "lint", "2024.txt", "--select", "N,A,G", "--no-color"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "2024.txt:64:112: N003" in done.stdout
    module = subprocess.run(
        [sys.executable, "-m", "checker", "rules"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert module.returncode == 0 and "G001" in module.stdout


def test_the_command_loses_no_output_and_keeps_exit_codes(tmp_path):
    """In a process of its own, whatever the run wrote — a report through -o, a large
    stdout, a --fix, the parallel run's — is whole, and each exit status is the one main
    gives."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PLANCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    plancheck = [sys.executable, "-m", "checker"]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*plancheck, *args], cwd=tmp_path, capture_output=True, env=env, check=False
        )

    plan = tmp_path / "2024.txt"
    shutil.copy(PLAN_2024, plan)
    report = run("lint", "2024.txt", "--format", "json", "-o", "out.json")
    assert report.returncode == 1
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["findings"]
    many = tmp_path / "many"
    many.mkdir()
    for n in range(30):  # enough for the parallel workers
        shutil.copy(PLAN_2024, many / f"plan-{n:02}.txt")
    stdout = run("lint", "many", "--format", "json", "--no-cache")
    assert stdout.returncode == 1
    assert json.loads(stdout.stdout)["summary"]["files_checked"] == 30
    fixed = run("lint", "2024.txt", "--fix", "--no-cache")
    assert fixed.returncode == 1 and "(科技成果评价)" not in plan.read_text(encoding="utf-8")
    assert run("lint", "2024.txt", "--exit-zero").returncode == 0
    assert run("lint", "missing.txt").returncode == 2
    # started with stderr closed (2>&-), a clean run still exits 0, and findings 1
    clean = tmp_path / "clean.txt"
    clean.write_text("2025年推进计划\n一、总体\n1.推进改革。(科技部负责)\n", encoding="utf-8")
    for plan_name, expected in (("clean.txt", 0), ("2024.txt", 1)):
        closed = subprocess.run(
            [*plancheck, "lint", plan_name, "--no-cache"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            check=False,
            pass_fds=(),
            preexec_fn=lambda: os.close(2),
        )
        assert closed.returncode == expected
    # a reader that stops early (| head): exit 1 without a traceback
    reader = subprocess.Popen(
        [*plancheck, "lint", "many", "--no-cache"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert reader.stdout is not None
    reader.stdout.read(10)
    reader.stdout.close()
    _, errors = reader.communicate()
    assert reader.returncode == 1 and b"Traceback" not in errors


def test_many_files_in_parallel_match_one_by_one(tmp_path, monkeypatch):
    from checker.checking import pool

    for n in range(30):
        shutil.copy(PLAN_2024, tmp_path / f"plan-{n:02}.txt")
    (tmp_path / "plan-99.txt").write_bytes(b"")
    parallel = json.loads(invoke("lint", str(tmp_path), "--format", "json").stdout)
    monkeypatch.setattr(pool, "PARALLEL_MIN_FILES", 10**6)
    sequential = json.loads(invoke("lint", str(tmp_path), "--format", "json").stdout)
    assert parallel == sequential
    assert len(parallel["files"]) == 31 and parallel["files"][-1]["error"] == "empty file"
    assert parallel["summary"]["findings"] == 30 * 6


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "missing.txt", str(PLAN_2024)),
        ("agencies", "missing.txt"),
        ("report", "missing.txt"),
    ],
)
def test_other_commands_bad_input_one_line(args):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.strip() == "plancheck: missing.txt：文件不存在"
    english = invoke(*args, "--lang", "en") if args[0] != "agencies" else None
    if english is not None:
        assert english.stderr.strip() == "plancheck: missing.txt: no such file"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_for_standard_output_is_one_line_and_exit_2(tmp_path):
    """``> /dev/full``: the output cannot be written; said as such, in the run's language,
    never as an internal error."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for lang, expected in (("zh", "无法写入标准输出（"), ("en", "standard output: cannot write")):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "checker", "--lang", lang, "lint", str(PLAN_2024)],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                check=False,
            )
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and expected in done.stderr
        assert "internal error" not in done.stderr and "内部错误" not in done.stderr
