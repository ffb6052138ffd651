"""--fix, --diff, baselines and suppressions: the checker repairs what it safely can and
never loses a byte."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PLAN_2024
from .test_cli import invoke


def _copy(tmp_path: Path, text: str | None = None, *, encoding="utf-8", newline="\n") -> Path:
    target = tmp_path / "2024.txt"
    body = text if text is not None else PLAN_2024.read_text(encoding="utf-8")
    target.write_bytes(body.replace("\n", newline).encode(encoding))
    return target


@pytest.mark.parametrize(("encoding", "newline"), [("utf-8", "\n"), ("gb18030", "\r\n")])
def test_fix_2024_removes_only_what_it_reports(tmp_path, repaired_2024, encoding, newline):
    plan = _copy(tmp_path, encoding=encoding, newline=newline)
    result = invoke("lint", str(plan), "--fix", "--select", "N,A,G")
    assert result.exit_code == 1  # G005/G007 remain: not safely fixable
    assert "已修复4个问题" in result.output
    expected = repaired_2024.replace("\n", newline).encode(encoding)
    assert plan.read_bytes() == expected
    again = invoke("lint", str(plan), "--fix", "--select", "N,A,G")
    assert "已修复" not in again.output
    assert plan.read_bytes() == expected


def test_fix_keeps_bom_and_mode(tmp_path):
    plan = tmp_path / "bom.txt"
    plan.write_bytes(b"\xef\xbb\xbf" + "1.甲。(科技成果评价)(科技部负责)\r\n".encode())
    os.chmod(plan, 0o640)
    assert invoke("lint", str(plan), "--fix").exit_code == 0
    assert plan.read_bytes() == b"\xef\xbb\xbf" + "1.甲。(科技部负责)\r\n".encode()
    assert stat.S_IMODE(plan.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["bom.txt"]  # no temp file left


def test_diff_writes_nothing(tmp_path):
    plan = _copy(tmp_path)
    before = plan.read_bytes()
    result = invoke("lint", str(plan), "--diff")
    assert plan.read_bytes() == before
    assert "-0.加强知识产权领域信用监管" in result.output
    assert "+50.加强知识产权领域信用监管" in result.output


def test_read_only_file_under_fix(tmp_path):
    plan = _copy(tmp_path)
    before = plan.read_bytes()
    os.chmod(plan, 0o444)
    try:
        result = invoke("lint", str(plan), "--fix")
        assert result.exit_code == 2 and "只读" in result.stderr
        assert plan.read_bytes() == before
    finally:
        os.chmod(plan, 0o644)


def test_without_fix_the_file_is_untouched(tmp_path):
    plan = _copy(tmp_path)
    before, mtime = plan.read_bytes(), plan.stat().st_mtime_ns
    invoke("lint", str(plan))
    assert plan.read_bytes() == before and plan.stat().st_mtime_ns == mtime


def test_baseline_survives_an_inserted_line(tmp_path):
    plan = _copy(tmp_path)
    baseline = tmp_path / "baseline.yaml"
    written = invoke("lint", str(plan), "--baseline", str(baseline), "--write-baseline")
    assert written.exit_code == 0 and baseline.exists()
    assert invoke("lint", str(plan), "--baseline", str(baseline)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    plan.write_text("附件\n" + text, encoding="utf-8")
    result = invoke("lint", str(plan), "--baseline", str(baseline), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["summary"]["baseline_hidden"] == 6


def test_baseline_reports_new_findings_and_keeps_comments(tmp_path):
    plan = _copy(tmp_path)
    baseline = tmp_path / "baseline.yaml"
    invoke("lint", str(plan), "--baseline", str(baseline), "--write-baseline")
    lines = baseline.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if "rule: A001" in line)
    lines.insert(at, "    # reviewed 2024-05: the tag is removed in the next revision")
    baseline.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = plan.read_text(encoding="utf-8").replace("10.加强央地协同", "10.(待核)加强央地协同")
    plan.write_text(text, encoding="utf-8")
    result = invoke("lint", str(plan), "--baseline", str(baseline), "--format", "json")
    assert [(f["rule"], f["task"]) for f in json.loads(result.output)["findings"]] == [("A001", 10)]
    invoke("lint", str(plan), "--baseline", str(baseline), "--write-baseline")
    updated = baseline.read_text(encoding="utf-8")
    assert "# reviewed 2024-05" in updated and updated.count("rule: A001") == 4


def test_a_baseline_hides_the_same_findings_from_any_folder(tmp_path, monkeypatch):
    """Entries are recorded relative to the baseline's folder: CI at the root and a drafter
    in plans/ see the same, and what is recorded reads as the repository's path."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "ci").mkdir()
    _copy(tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    invoke("lint", "plans/2024.txt", "--baseline", "ci/baseline.yaml", "--write-baseline")
    recorded = (tmp_path / "ci" / "baseline.yaml").read_text(encoding="utf-8")
    assert recorded.count("path: ../plans/2024.txt") == 6
    assert invoke("lint", "plans/2024.txt", "--baseline", "ci/baseline.yaml").exit_code == 0
    monkeypatch.chdir(tmp_path / "plans")
    result = invoke("lint", "2024.txt", "--baseline", "../ci/baseline.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["summary"]["baseline_hidden"] == 6
    absolute = tmp_path / "plans" / "2024.txt"
    assert invoke("lint", str(absolute), "--baseline", "../ci/baseline.yaml").exit_code == 0


def test_an_entry_recorded_as_typed_still_matches_where_it_was_written(tmp_path, monkeypatch):
    """A baseline written before paths were relative to it holds paths as they were typed:
    a run from that folder still matches them."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "ci").mkdir()
    _copy(tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    invoke("lint", "plans/2024.txt", "--baseline", "ci/baseline.yaml", "--write-baseline")
    baseline = tmp_path / "ci" / "baseline.yaml"
    old = baseline.read_text(encoding="utf-8").replace("../plans/2024.txt", "plans/2024.txt")
    baseline.write_text(old, encoding="utf-8")
    assert invoke("lint", "plans/2024.txt", "--baseline", "ci/baseline.yaml").exit_code == 0
    monkeypatch.chdir(tmp_path / "plans")
    assert invoke("lint", "2024.txt", "--baseline", "../ci/baseline.yaml").exit_code == 1


def test_standard_input_names_are_kept_as_given():
    from checker.checking.baseline import relative_to

    assert relative_to("-", Path("ci")) == "-"
    assert relative_to("<stdin>", Path("ci")) == "<stdin>"


def test_markdown_suppression_and_unused(tmp_path):
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# 2024年推进计划\n\n<!-- plancheck: disable=A001 -->\n"
        "1. 加强成果转化。(科技成果评价)(科技部负责)\n\n"
        "<!-- plancheck: disable=G001 -->\n2. 推进改革。(科技部负责)\n",
        encoding="utf-8",
    )
    result = invoke("lint", str(plan), "--no-color")
    assert "A001" not in result.output
    assert "未使用的抑制指令" in result.output and ":6:1:" in result.output


def test_disable_file(tmp_path):
    plan = tmp_path / "plan.md"
    plan.write_text(
        "<!-- plancheck: disable-file=A -->\n1. 甲。(科技成果评价)(科技部负责)\n", encoding="utf-8"
    )
    assert invoke("lint", str(plan)).exit_code == 0


def test_per_task_ignores(tmp_path):
    plan = _copy(tmp_path)
    (tmp_path / ".plancheck.yaml").write_text(
        'per-task-ignores:\n  "50": [N003]\n  "2024.txt:21": [A]\n', encoding="utf-8"
    )
    data = json.loads(invoke("lint", str(plan), "--select", "N,A", "--format", "json").output)
    assert [(f["rule"], f["task"]) for f in data["findings"]] == [("A001", 67), ("A001", 101)]


#: a drafting repository's companions of its plans, which the hook must let through
README_MD = """# Annual plans

1. Install pre-commit: `pip install pre-commit`.
2. Run `pre-commit install` once.
3. Commit plans under `plans/`; see https://example.org/guide for the drafting guide.
"""
NOTES_MD = """# 起草说明

一、起草背景

1. 2024年计划执行情况总体良好，多数任务按期完成。
2. 部分单位反馈任务分工需进一步细化。

二、主要修改

1. 删除已完成的任务。
2. 新增数据知识产权相关任务。
"""
MINUTES_TXT = "会议纪要\n1.讨论了第5项任务的分工。\n2.确定下周提交修改稿。\n"
PLAN_2025 = """2025年知识产权强国建设推进计划
一、完善知识产权制度
(一)完善知识产权法律法规
1.推进《中华人民共和国商标法》修改。(国家知识产权局负责)
2.推进《中华人民共和国著作权法实施条例》修改。(中央宣传部负责)
二、强化知识产权保护
(一)加强司法保护
3.完善知识产权审判工作机制。(最高人民法院负责)
"""


def test_pre_commit_hook_refuses_a_bad_plan(tmp_path):
    """The real pre-commit, with this repository as the hook repository, in a drafting
    repository with plans, a README.md and notes: the notes pass, the 2024 plan fails."""
    git = shutil.which("git")
    if importlib.util.find_spec("pre_commit") is None or git is None:
        pytest.skip("pre-commit or git not installed")
    root = Path(__file__).resolve().parent.parent
    source_repo = tmp_path / "plancheck-src"
    shutil.copytree(
        root,
        source_repo,
        ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info", "build", "__pycache__"),
    )
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
    }

    def git_in(repo, *args):
        return subprocess.run(
            [git, *args], cwd=repo, env=env, capture_output=True, text=True, check=False
        )

    git_in(source_repo, "init", "-q", "-b", "main")
    git_in(source_repo, "add", "-A")
    git_in(source_repo, "commit", "-qm", "plancheck")
    rev = git_in(source_repo, "rev-parse", "HEAD").stdout.strip()
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    git_in(drafts, "init", "-q", "-b", "main")
    (drafts / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source_repo}\n    rev: {rev}\n    hooks:\n      - id: plancheck\n",
        encoding="utf-8",
    )
    (drafts / "good.txt").write_text("1.甲。(科技部负责)\n2.乙。(财政部负责)\n", encoding="utf-8")
    (drafts / "plans").mkdir()
    (drafts / "plans" / "2025.txt").write_text(PLAN_2025, encoding="utf-8")
    (drafts / "README.md").write_text(README_MD, encoding="utf-8")
    (drafts / "plans" / "notes.md").write_text(NOTES_MD, encoding="utf-8")
    (drafts / "plans" / "minutes.txt").write_text(MINUTES_TXT, encoding="utf-8")
    git_in(drafts, "add", "-A")
    hook = [sys.executable, "-m", "pre_commit"]
    good = subprocess.run(
        [*hook, "run", "--all-files"],
        cwd=drafts,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert good.returncode == 0, good.stdout + good.stderr
    verbose = subprocess.run(
        [*hook, "run", "--all-files", "--verbose"],
        cwd=drafts,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    # pre-commit may split the files between several runs: add up their summaries
    checked = sum(int(n) for n in re.findall(r"文件：检查(\d+)个", verbose.stdout))
    skipped = sum(int(n) for n in re.findall(r"跳过(\d+)个非计划文件", verbose.stdout))
    assert verbose.returncode == 0 and (checked, skipped) == (2, 3), verbose.stdout
    shutil.copy(PLAN_2024, drafts / "2024.txt")
    git_in(drafts, "add", "-A")
    subprocess.run([*hook, "install"], cwd=drafts, env=env, capture_output=True, check=True)
    commit = git_in(drafts, "commit", "-m", "add the 2024 plan")
    assert commit.returncode != 0
    assert "2024.txt:64:112: N003" in commit.stdout + commit.stderr
    assert "README" not in commit.stdout + commit.stderr


def test_fix_from_stdin_writes_the_plan_to_stdout():
    text = "1.加强成果转化。(科技成果评价)(科技部负责)\n"
    result = invoke("lint", "-", "--fix", input=text.encode())
    assert result.stdout == "1.加强成果转化。(科技部负责)\n"
    assert "已修复1个问题" in result.stderr
