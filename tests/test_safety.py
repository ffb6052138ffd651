"""A drafter's work is never lost and the checker never claims what it did not do, tried as
a user tries it: the console script in a subprocess, real files in a temporary folder,
read-only files, a write that fails, and (below) a process killed in the middle of a write.

The suite runs as root, where a file's mode does not stop a write: ``write_atomic`` itself
refuses a file without write bits (``chmod 444``), which is what a read-only plan is here;
a failure of the rename itself (a read-only mount, a full disk) is made by replacing
``os.replace`` in-process.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PLAN_2024

PLANCHECK = [sys.executable, "-m", "checker"]


def run(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``plancheck ARGS`` in ``folder``, as a user runs it, with its own cache."""
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environ.setdefault("PLANCHECK_CACHE_DIR", str(folder / ".cache"))
    environ.update(env)
    return subprocess.run(
        [*PLANCHECK, *args], cwd=folder, capture_output=True, text=True, env=environ, check=False
    )


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A folder with the 2024 plan twice (plan.txt, other.txt), a symlink and a hard link."""
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    shutil.copy(PLAN_2024, tmp_path / "other.txt")
    (tmp_path / "link.txt").symlink_to("plan.txt")
    os.link(tmp_path / "plan.txt", tmp_path / "hard.txt")
    return tmp_path


ORIGINAL = PLAN_2024.read_bytes()


# -- 1. outputs never overwrite an input ----------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("lint", "plan.txt", "-o", "plan.txt"),
        ("lint", "plan.txt", "--output", "./plan.txt"),
        ("lint", "plan.txt", "--format", "json", "-o", "link.txt"),  # through a symlink
        ("lint", "plan.txt", "-o", "hard.txt"),  # a hard link: the same inode
        ("lint", ".", "-o", "plan.txt"),  # a plan the folder walk reads
        ("lint", "plan.txt", "--baseline", "hard.txt", "--write-baseline"),
        ("report", "plan.txt", "-o", "plan.txt"),
        ("report", "other.txt", "--previous", "plan.txt", "-o", "link.txt"),
        ("diff", "other.txt", "plan.txt", "-o", "plan.txt"),
        ("diff", "other.txt", "plan.txt", "--format", "json", "-o", "hard.txt"),
    ],
)
def test_an_output_that_is_an_input_is_refused(plans: Path, args: tuple[str, ...]):
    done = run(plans, *args)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert "输出会覆盖输入文件" in done.stderr and "请另选输出文件" in done.stderr
    for name in ("plan.txt", "other.txt", "hard.txt"):
        assert (plans / name).read_bytes() == ORIGINAL
    assert (plans / "link.txt").is_symlink()


def test_the_refusal_in_english_and_a_different_output_still_written(plans: Path):
    done = run(plans, "lint", "plan.txt", "-o", "plan.txt", "--lang", "en")
    assert done.returncode == 2
    assert done.stderr == (
        "plancheck: plan.txt: the output would overwrite the input plan.txt; choose another file\n"
    )
    fine = run(plans, "lint", "plan.txt", "-o", "report.txt")
    assert fine.returncode == 1 and "A001" in (plans / "report.txt").read_text(encoding="utf-8")


def test_a_second_review_never_replaces_the_copy_without_force(plans: Path):
    first = run(plans, "review", "plan.txt")
    assert first.returncode == 0, first.stderr
    copy = plans / "plan.reviewed.docx"
    worked_in = b"the drafter's own work"
    copy.write_bytes(worked_in)  # as if the drafter had accepted changes in it since
    again = run(plans, "review", "plan.txt")
    assert again.returncode == 2 and again.stdout == ""
    assert again.stderr.strip() == (
        "plancheck: plan.reviewed.docx：审阅稿已存在（可能已在其中修改过）；确要替换，请加 --force"
    )
    assert copy.read_bytes() == worked_in
    english = run(plans, "review", "plan.txt", "-o", "plan.reviewed.docx", "--lang", "en")
    assert english.returncode == 2 and "use --force to replace it" in english.stderr
    forced = run(plans, "review", "plan.txt", "--force")
    assert forced.returncode == 0 and copy.read_bytes()[:2] == b"PK"  # a Word file again
    onto_draft = run(plans, "review", "plan.txt", "-o", "hard.txt", "--force")
    assert onto_draft.returncode == 2 and "审阅稿会覆盖原稿" in onto_draft.stderr
    assert (plans / "plan.txt").read_bytes() == ORIGINAL


# -- 2. --fix says what it wrote, file by file --------------------------------------------


def _read_only(path: Path) -> None:
    path.chmod(0o444)  # root writes it anyway; write_atomic refuses it by its mode


def test_fix_counts_only_what_was_written_and_shows_the_rest(tmp_path: Path):
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(PLAN_2024, tmp_path / name)
    _read_only(tmp_path / "a.txt")
    _read_only(tmp_path / "b.txt")
    done = run(tmp_path, "lint", "a.txt", "b.txt", "c.txt", "--fix", "--no-color")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "plancheck: a.txt：文件只读，未修复",
        "plancheck: b.txt：文件只读，未修复",
    ]
    lines = done.stdout.splitlines()
    for name in ("a.txt", "b.txt"):  # the six findings of a file left as it was
        codes = sorted(line.split()[1] for line in lines if line.startswith(f"{name}:"))
        assert codes == ["A001", "A001", "A001", "G005", "G007", "N003"]
        assert (tmp_path / name).read_bytes() == ORIGINAL
    left = sorted(line.split()[1] for line in lines if line.startswith("c.txt:"))
    assert left == ["G005", "G007"]  # four fixed, two left
    assert "c.txt：已修复4个问题，已写入文件。" in lines
    assert not any("共修复" in line for line in lines)  # one file written: no total
    assert lines[-1] == "文件：检查3个（3个有问题），2个未能写回修复。"
    fixed = (tmp_path / "c.txt").read_text(encoding="utf-8")
    assert "(科技成果评价)" not in fixed and fixed != ORIGINAL.decode()


def test_fix_json_agrees_with_the_disk(tmp_path: Path):
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(PLAN_2024, tmp_path / name)
    _read_only(tmp_path / "a.txt")
    _read_only(tmp_path / "b.txt")
    done = run(tmp_path, "lint", ".", "--fix", "--format", "json", "--lang", "en")
    assert done.returncode == 2
    data = json.loads(done.stdout)
    summary = data["summary"]
    assert summary["fixed"] == 4 and summary["fix_errors"] == 2
    assert summary["findings"] == 6 + 6 + 2
    files = {f["path"]: f for f in data["files"]}
    assert files["a.txt"]["fix_error_code"] == "unwritable"
    assert files["a.txt"]["fix_error_message"] == "file is read-only; not fixed"
    assert "fixed" not in files["a.txt"] and files["c.txt"]["fixed"] == 4
    changed = [p.name for p in sorted(tmp_path.glob("*.txt")) if p.read_bytes() != ORIGINAL]
    assert changed == ["c.txt"]


def test_two_files_written_are_each_named_and_summed(tmp_path: Path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(PLAN_2024, tmp_path / name)
    done = run(tmp_path, "lint", "a.txt", "b.txt", "--fix", "--lang", "en")
    assert done.returncode == 1
    assert "a.txt: Fixed 4 problems, written to the file." in done.stdout
    assert "b.txt: Fixed 4 problems, written to the file." in done.stdout
    assert "Fixed 8 problems in all." in done.stdout


def test_a_rename_that_fails_leaves_the_file_and_says_so(tmp_path: Path, monkeypatch):
    """A read-only mount or a full disk fails at the rename: no traceback, the file as it
    was, no temp file left beside it, the findings of the file as it is."""
    from click.testing import CliRunner

    from checker.commandline.cli import cli

    plan = tmp_path / "plan.txt"
    shutil.copy(PLAN_2024, plan)

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    result = CliRunner().invoke(cli, ["lint", str(plan), "--fix", "--format", "json"])
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["fixed"] == 0 and data["summary"]["findings"] == 6
    assert data["files"][0]["fix_error"] == (
        "cannot write the file (Read-only file system); not fixed"
    )
    assert data["files"][0]["fix_error_message"] == "无法写入文件（只读文件系统），未修复"
    assert plan.read_bytes() == ORIGINAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]


# -- 3. what the baseline and the suppressions hid is said ----------------------------------


def test_text_says_what_the_baseline_hid(tmp_path: Path):
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    recorded = run(tmp_path, "lint", "plan.txt", "--baseline", "b.yaml", "--write-baseline")
    assert recorded.returncode == 0, recorded.stderr
    for args in ((), ("--no-cache",)):  # from the cache and afresh alike
        done = run(tmp_path, "lint", "plan.txt", "--baseline", "b.yaml", *args)
        assert done.returncode == 0
        assert done.stdout.splitlines() == [
            "没有需要列出的问题。",
            "另有6个问题已记入基线（--baseline），未列出。",
            "文件：检查1个。",
        ]
        assert "未发现问题" not in done.stdout
    english = run(tmp_path, "lint", "plan.txt", "--baseline", "b.yaml", "--lang", "en")
    assert "6 more recorded in the baseline (--baseline) are not listed." in english.stdout
    data = json.loads(
        run(tmp_path, "lint", "plan.txt", "--baseline", "b.yaml", "--format", "json").stdout
    )
    assert data["summary"]["baseline_hidden"] == 6 and data["summary"]["suppressed"] == 0


def test_text_says_what_the_suppressions_hid(tmp_path: Path):
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    (tmp_path / ".plancheck.yaml").write_text(
        'per-task-ignores:\n  "50": [N003]\n  "21": [A001]\n', encoding="utf-8"
    )
    for _ in range(2):  # the second run reads the cache: the count is kept in the entry
        done = run(tmp_path, "lint", "plan.txt")
        assert done.returncode == 1
        lines = done.stdout.splitlines()
        assert lines[-3].startswith("发现4个问题")
        assert lines[-2] == "另有2个问题被抑制指令（disable 注释或 per-task-ignores）隐藏，未列出。"
    only = tmp_path / "only.md"
    only.write_text(
        "# 2024年工作要点\n\n<!-- plancheck: disable-file=G005 -->\n\n一、总体要求\n\n"
        "1.完善制度。(国家知识产权局等部门按职责分工负责)\n",
        encoding="utf-8",
    )
    quiet = run(tmp_path, "lint", "only.md", "--lang", "en", "--no-cache")
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert quiet.stdout.splitlines()[:2] == [
        "No problems to list.",
        "1 more hidden by a suppression (a disable comment, per-task-ignores) is not listed.",
    ]


# -- 4. --fail-on ---------------------------------------------------------------------------


def test_fail_on_sets_the_least_severity_that_fails(tmp_path: Path):
    plan = tmp_path / "plan.txt"
    shutil.copy(PLAN_2024, plan)
    warnings = ("--select", "G005,G007")  # the plan's two warnings, nothing else
    assert run(tmp_path, "lint", "plan.txt", *warnings).returncode == 1
    assert run(tmp_path, "lint", "plan.txt", *warnings, "--fail-on", "error").returncode == 0
    assert run(tmp_path, "lint", "plan.txt", "--fail-on", "error").returncode == 1  # A001, N003
    (tmp_path / ".plancheck.yaml").write_text(
        "select: [G005, G007]\nseverity: {G005: info, G007: info}\n", encoding="utf-8"
    )
    default = run(tmp_path, "lint", "plan.txt")
    assert default.returncode == 0  # info-only findings exit 0 under the default
    assert "[提示]" in default.stdout and "发现2个问题" in default.stdout  # still listed
    assert run(tmp_path, "lint", "plan.txt", "--fail-on", "info").returncode == 1
    through_click = run(tmp_path, "lint", "-q", "plan.txt", "--fail-on=info")
    assert through_click.returncode == 1
    wrong = run(tmp_path, "lint", "plan.txt", "--fail-on", "fatal", "--lang", "en")
    assert wrong.returncode == 2 and "--fail-on" in wrong.stderr


# -- 5. --unsafe-fixes alone ----------------------------------------------------------------


def test_unsafe_fixes_alone_changes_nothing_and_the_summary_stays_true(tmp_path: Path):
    """As in ruff, --unsafe-fixes alone is accepted (a setting for whenever fixes apply),
    but the summary never counts as ``--fix``-able what plain --fix would not apply."""
    plan = tmp_path / "plan.txt"
    shutil.copy(PLAN_2024, plan)
    plain = run(tmp_path, "lint", "plan.txt", "--no-cache")
    given = run(tmp_path, "lint", "plan.txt", "--unsafe-fixes", "--no-cache")
    assert given.returncode == plain.returncode == 1
    assert given.stdout == plain.stdout and given.stderr == ""
    assert (
        "发现6个问题（4个可用 --fix 自动修复，另有1个加 --unsafe-fixes 可修复）。" in given.stdout
    )
    assert plan.read_bytes() == ORIGINAL


# -- 7. Word --------------------------------------------------------------------------------


@pytest.fixture
def word_plan(tmp_path: Path) -> Path:
    """The 2024 plan pasted into Word, a line a paragraph."""
    import docx

    document = docx.Document()
    for line in PLAN_2024.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "plan.docx")
    return tmp_path / "plan.docx"


def test_lint_of_a_word_plan_points_to_review_not_fix(word_plan: Path):
    folder = word_plan.parent
    done = run(folder, "lint", "plan.docx", "--no-color")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[-3] == "发现6个问题。"  # none offered to --fix, which leaves .docx alone
    assert "--fix" not in "\n".join(lines[-3:-2])
    assert lines[-2].startswith(
        "其中5个在Word文件中有修复：--fix 不改写Word文件，请用 plancheck review"
    )
    n003 = next(line for line in lines if " N003 " in line)
    assert "第64段末尾" in n003 and "下一段" in n003  # paragraphs, not lines
    english = run(folder, "lint", "plan.docx", "--lang", "en")
    assert "paragraph 64" in english.stdout and "plancheck review FILE" in english.stdout
    fixing = run(folder, "lint", "plan.docx", "--fix")
    assert fixing.returncode == 1 and "plancheck review" in fixing.stderr
    assert "已修复" not in fixing.stdout


def test_review_comments_name_paragraphs_in_both_languages(word_plan: Path):
    import docx

    folder = word_plan.parent
    for lang, said in (("zh", "第64段末尾"), ("en", "at the end of paragraph 64")):
        done = run(folder, "review", "plan.docx", "-o", f"{lang}.docx", "--lang", lang)
        assert done.returncode == 0, done.stderr
        comments = [c.text for c in docx.Document(str(folder / f"{lang}.docx")).comments]
        n003 = [text for text in comments if text.startswith("N003")]
        assert len(n003) == 1 and said in n003[0], n003
        assert not any("第64行" in text or "line 64" in text for text in comments)


@pytest.mark.parametrize(
    "name, data",
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)),  # Word 97-2003 (OLE)
        ("old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)),  # WPS (OLE)
        ("rtf.doc", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}2024}"),  # RTF Word saved as .doc
    ],
)
def test_a_legacy_word_file_gets_a_hint_to_save_it_as_docx(tmp_path: Path, name, data):
    (tmp_path / name).write_bytes(data)
    for command in (("lint", name), ("review", name)):
        done = run(tmp_path, *command)
        assert done.returncode == 2
        assert done.stderr == (
            f"plancheck: {name}：是旧版Word或WPS文件（.doc、.wps），不是.docx：请在Word或WPS中打开，另存为.docx\n"
        )
        assert "二进制" not in done.stderr and "binary" not in done.stderr
    english = json.loads(run(tmp_path, "lint", name, "--format", "json", "--lang", "en").stdout)
    assert english["files"][0]["error_code"] == "legacy-word"
    assert english["files"][0]["error_message"].endswith("save it as .docx")


# -- 8. one language to the end ---------------------------------------------------------------


@pytest.mark.parametrize(
    "yaml_text, line, reason",
    [
        ("select: [N\n", 2, "“[”开始的列表没有用“]”结束"),
        ("select: N\n  bad: : x\n", 2, "值中有冒号：请给该值加引号"),
        ("\t- N\n", 1, "有制表符（Tab）：请用空格缩进"),
        ('select: "N\n', 2, "引号没有闭合"),
        ("select: !!python/object:os.system x\n", 1, "使用了YAML标签（!!…）：只能写普通的值"),
        ("select:\n  - N\n ignore: [G]\n", 3, "缩进没有对齐"),
    ],
)
def test_a_yaml_error_is_chinese_to_its_end(tmp_path: Path, yaml_text: str, line: int, reason: str):
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    (tmp_path / ".plancheck.yaml").write_text(yaml_text, encoding="utf-8")
    done = run(tmp_path, "lint", "plan.txt")
    assert done.returncode == 2
    said = done.stderr.splitlines()[0]
    assert said == f"plancheck: {tmp_path / '.plancheck.yaml'}:{line}：YAML格式有误（{reason}）"
    assert not any(
        "a" <= c <= "z"
        for c in said.split("YAML格式有误")[1].replace("YAML", "").replace("Tab", "")
    )
    english = run(tmp_path, "lint", "plan.txt", "--lang", "en")
    assert ": invalid YAML (" in english.stderr


def test_a_broken_baseline_and_pyproject_are_said_in_chinese(tmp_path: Path):
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    (tmp_path / "b.yaml").write_text("findings: [\n", encoding="utf-8")
    done = run(tmp_path, "lint", "plan.txt", "--baseline", "b.yaml")
    assert done.returncode == 2
    assert done.stderr == (
        "plancheck: b.yaml:2：基线文件有误（文件在一个值的中间结束（括号或引号没有闭合））\n"
    )
    (tmp_path / "pyproject.toml").write_text("[tool.plancheck]\nselect = [\n", encoding="utf-8")
    toml = run(tmp_path, "lint", "plan.txt")
    assert toml.returncode == 2 and toml.stderr.strip().endswith("：TOML格式有误")


def test_agencies_init_writes_comments_in_the_chosen_language(tmp_path: Path):
    from .conftest import ROOT

    shutil.copy(ROOT / "tests" / "data" / "local" / "sichuan-2024.txt", tmp_path / "plan.txt")
    english = run(tmp_path, "agencies", "plan.txt", "--init", "en.yaml", "--lang", "en")
    assert english.returncode == 0 and english.stdout.startswith("wrote en.yaml: 3 names")
    comments = [
        line.split("#", 1)[1]
        for line in (tmp_path / "en.yaml").read_text(encoding="utf-8").splitlines()
        if "#" in line
    ]
    # English to the end but for the Chinese names it cites as examples
    assert all("次" not in c and "任务" not in c and "请" not in c for c in comments), comments
    assert "  # 2 times; tasks 4, 11" in (tmp_path / "en.yaml").read_text(encoding="utf-8")
    chinese = run(tmp_path, "agencies", "plan.txt", "--init", "zh.yaml")
    text = (tmp_path / "zh.yaml").read_text(encoding="utf-8")
    assert chinese.returncode == 0 and "# 2次；任务4、11" in text
    assert "every name" not in text and "times" not in text
    import yaml

    assert len(yaml.safe_load(text)["agencies"]) == 3


def test_agencies_init_writes_no_file_when_every_name_is_known(tmp_path: Path):
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    done = run(tmp_path, "agencies", "plan.txt", "--init", "local.yaml")
    assert done.returncode == 0
    assert done.stdout == "plan.txt中的单位名称都已在名录中，没有需要补充的，未写入local.yaml。\n"
    assert not (tmp_path / "local.yaml").exists()
