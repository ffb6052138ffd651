"""The bad-input matrix and property tests: never a traceback, never a lost byte."""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.base.errors import InputError
from checker.checking import engine
from checker.checking.config import Config
from checker.checking.engine import fix_until_stable
from checker.reading.parse import parse
from checker.reading.source import Source, source_from_bytes

from .conftest import PLAN_2024, SPECS
from .test_cli import invoke

GOOD = "1.甲。(科技部负责)\n2.乙。(财政部负责)\n"


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "outcome"),
    [
        ("empty.txt", b"", "空文件"),
        ("spaces.txt", b" \t\r\n\n  ", "文件只有空白"),
        ("bom.txt", b"\xef\xbb\xbf", "字节顺序标记"),
        ("binary.txt", bytes(range(256)) * 4, "二进制文件"),
        ("nul.txt", "1.甲。(科技部负责)\x00\n".encode(), "二进制文件"),
        (
            "bomless16.txt",
            "Plan draft v2\nNotes\n1.甲。(科技部负责)\n".encode("utf-16-le"),
            "另存为UTF-8",
        ),
        ("bom16only.txt", b"\xff\xfe", "字节顺序标记"),
        ("prose.md", "# 随笔\n\n今天天气很好。\n".encode(), "不是计划文件"),
    ],
)
def test_bad_input_matrix(tmp_path, name, data, outcome):
    bad = _write(tmp_path, name, data)
    good = _write(tmp_path, "good.txt", GOOD.encode())
    result = invoke("lint", str(bad), str(good))
    assert result.exit_code == 2
    assert outcome in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output + result.stderr
    assert bad.read_bytes() == data


def test_truncated_utf8_is_checked(tmp_path):
    data = PLAN_2024.read_bytes()[:-2]  # cut inside the last character
    plan = _write(tmp_path, "cut.txt", data)
    result = invoke("lint", str(plan), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output)["files"][0]["tasks"] == 110
    assert plan.read_bytes() == data


def test_gb18030_after_an_ascii_start(tmp_path):
    text = "Plan draft v2\n" + PLAN_2024.read_text(encoding="utf-8")
    plan = _write(tmp_path, "gb.txt", text.encode("gb18030"))
    data = json.loads(invoke("lint", str(plan), "--format", "json").output)
    assert data["files"][0]["encoding"] == "gb18030" and data["files"][0]["tasks"] == 110


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_its_byte_order_mark_is_read_and_fixed_as_it_came(tmp_path, encoding):
    """Windows Notepad's "Unicode" is UTF-16 LE with a BOM: read as any plan, and --fix
    writes it back in the same encoding, mark and byte order."""
    import codecs

    mark = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    text = PLAN_2024.read_text(encoding="utf-8").replace("\n", "\r\n")
    plan = _write(tmp_path, "u16.txt", mark + text.encode(encoding))
    data = json.loads(invoke("lint", str(plan), "--format", "json").output)
    assert data["files"][0]["encoding"] == encoding and data["files"][0]["tasks"] == 110
    assert len(data["findings"]) == 6
    assert invoke("lint", str(plan), "--fix").exit_code == 1  # N003's fix is the drafter's
    fixed = plan.read_bytes()
    assert fixed.startswith(mark) and "(科技成果评价)" not in fixed[2:].decode(encoding)
    assert fixed[2:].decode(encoding).count("\r\n") == text.count("\r\n")  # line ends kept


def test_too_large_file(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    result = invoke("lint", str(big))
    assert result.exit_code == 2 and "50 MB" in result.stderr


def test_very_long_line(tmp_path):
    body = "推进知识产权保护," * 60_000
    plan = _write(
        tmp_path, "long.txt", f"1.{body}完善制度。(科技部负责)\n2.乙。(财政部负责)\n".encode()
    )
    result = invoke("lint", str(plan), "--format", "json", "--select", "N,A,G")
    assert result.exit_code == 0, result.output


def test_a_long_line_of_half_width_marks_in_a_mixed_plan():
    """D005 reads each stretch between Chinese characters once, not once for each mark in
    it: 20,000 half-width semicolons and blanks on one line (a mangled export) are one
    finding counting them all, in a few milliseconds (walked from each mark, as before,
    16,000 of them took a minute)."""
    marks = "; " * 20_000
    text = f"1.推进改革，完善制度。(科技部负责)\n2.加强{marks}保护。(财政部负责)\n"
    config = Config(select=("D005",))
    plan = parse(Source.from_text(text, "marks.txt"))
    found = engine.run(plan, config, list(SPECS.values())).findings
    semicolons = [f for f in found if f.args["found"] == ";"]
    assert len(semicolons) == 1 and semicolons[0].args["count"] == 20_000


def test_mixed_line_endings_positions_and_fix(tmp_path):
    data = "1.甲。(科技部负责)\r\n2.乙。(待核)(财政部负责)\n3.丙。(商务部负责)\r4.丁。(公安部负责)\n".encode()
    plan = _write(tmp_path, "mixed.txt", data)
    found = json.loads(invoke("lint", str(plan), "--format", "json").output)["findings"]
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("A001", 2, 5)]
    invoke("lint", str(plan), "--fix")
    assert plan.read_bytes() == data.replace("(待核)".encode(), b"")


def test_folder_with_unreadable_entries(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    _write(folder, "a.txt", GOOD.encode())
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    _write(folder / "sub", "b.md", GOOD.encode())
    result = invoke("lint", str(folder), "--format", "json")
    assert result.exit_code == 2
    files = {os.path.basename(f["path"]): f for f in json.loads(result.stdout)["files"]}
    assert set(files) == {"a.txt", "b.md", "dangling.txt", "loop.txt"}
    assert files["a.txt"]["tasks"] == 2 and files["b.md"]["tasks"] == 2
    assert "error" in files["dangling.txt"] and "error" in files["loop.txt"]


def test_fifo_given_directly(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = invoke("lint", str(fifo))
    assert result.exit_code == 2 and "不是普通文件" in result.stderr
    result = invoke("lint", str(fifo), "--lang", "en")
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_file_removed_during_the_run(tmp_path, monkeypatch):
    first = _write(tmp_path, "a.txt", GOOD.encode())
    second = _write(tmp_path, "b.txt", GOOD.encode())
    import checker.checking.lintfile as lintfile

    real = lintfile.read_file

    def vanishing(path, name=None):
        if str(path).endswith("a.txt"):
            os.unlink(path)
        return real(path, name)

    monkeypatch.setattr(lintfile, "read_file", vanishing)
    result = invoke("lint", str(first), str(second), "--format", "json")
    assert result.exit_code == 2
    files = json.loads(result.stdout)["files"]
    assert files[0]["error"] == "no such file" and files[1]["tasks"] == 2


def test_a_plan_saved_again_mid_run_leaves_no_stale_cache_entry(tmp_path, monkeypatch):
    """The key is made of the bytes that were checked: a plan saved between two reads of
    it could otherwise have its old findings kept under its new content's key."""
    plan = _write(tmp_path, "a.txt", GOOD.encode())
    saved = "1.甲。(科技部负责)\n3.乙。(财政部负责)\n"  # task 2 missing: N002
    import checker.checking.lintfile as lintfile

    real = lintfile.read_file

    def saved_right_after_reading(path, name=None):
        checked = real(path, name)
        plan.write_text(saved, encoding="utf-8")  # the drafter saves while plancheck checks
        return checked

    with monkeypatch.context() as patch:
        patch.setattr(lintfile, "read_file", saved_right_after_reading)
        assert invoke("lint", str(plan)).exit_code == 0  # the first content: no findings
    again = json.loads(invoke("lint", str(plan), "--format", "json").stdout)
    fresh = json.loads(invoke("lint", str(plan), "--format", "json", "--no-cache").stdout)
    assert again == fresh and again["summary"]["by_rule"] == {"N002": 1}


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("select: [N\n  bad", ".plancheck.yaml:"),
        ("select: 42\n", "select: expected text or a list, got a whole number"),
        ("year: '2024'\n", "year: expected a whole number, got text"),
        ("- just\n- a list\n", "expected a mapping, got a list"),
        ("severity: {A001: fatal}\n", "expected one of error"),
    ],
)
def test_config_errors(tmp_path, config, message):
    (tmp_path / ".plancheck.yaml").write_text(config, encoding="utf-8")
    plan = _write(tmp_path, "p.txt", GOOD.encode())
    result = invoke("lint", str(plan), "--lang", "en")
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    chinese = invoke("lint", str(plan))
    assert chinese.exit_code == 2 and "：" in chinese.stderr and ": expected" not in chinese.stderr


# -- properties -----------------------------------------------------------------------
PIECES = [
    "1.",
    "2.",
    "10.",
    "一、",
    "(一)",
    "（二）",
    "推进",
    "知识产权",
    "。",
    ",",
    "，",
    "(",
    ")",
    "（",
    "）",
    "《",
    "》",
    "“",
    "”",
    "负责",
    "按职责分工负责",
    "国家知识产权局",
    "工信部",
    "、",
    "等部门",
    "(待核)",
    "剑网2023",
    "2024年",
    "〔2024〕",
    "号",
    "\n",
    "\r\n",
    "\r",
    " ",
    "5",
    "0",
]
plan_like = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
anything = st.text(max_size=300)


def _lint(text: str):
    try:
        plan = parse(Source.from_text(text, "p.txt"))
    except InputError:
        return None, []
    return plan, engine.run(plan, Config(), list(SPECS.values())).findings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(plan_like, anything))
def test_lint_never_raises_and_positions_are_inside(text):
    plan, findings = _lint(text)
    if plan is None:
        return
    lines = re.split(r"\r\n|\r|\n", text)
    for found in findings:
        assert 1 <= found.line <= len(lines)
        assert 1 <= found.column <= len(lines[found.line - 1]) + 1
        assert found.span.start <= found.span.end <= len(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_like)
def test_fix_is_idempotent_and_touches_only_reported_lines(text):
    plan, findings = _lint(text)
    if plan is None:
        return
    config = Config()
    fixed, _, _ = fix_until_stable(plan, config, list(SPECS.values()))
    again, _, count = fix_until_stable(fixed, config, list(SPECS.values()))
    assert count == 0 and again.source.text == fixed.source.text
    if fixed.source.text == text:
        return
    fixable_lines = set()
    for found in findings:
        if found.fix is not None and found.fix.safe:
            for edit in found.fix.edits:
                first = plan.source.position(edit.start)[0]
                last = plan.source.position(edit.end)[0]
                fixable_lines.update(range(first, last + 2))
    before = re.split(r"\r\n|\r|\n", text)
    # compare line by line from the top until the first changed line: it must be reported
    after = re.split(r"\r\n|\r|\n", fixed.source.text)
    first_change = next(
        (n for n, (a, b) in enumerate(zip(before, after, strict=False), 1) if a != b),
        min(len(before), len(after)) + 1,
    )
    assert first_change in fixable_lines or (not fixable_lines and first_change > len(before))


def test_bytes_roundtrip_for_every_encoding_form():
    text = PLAN_2024.read_text(encoding="utf-8").replace("\n", "\r\n")
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode(), text.encode("gb18030")):
        source = source_from_bytes(data, "p.txt")
        assert source.encode(source.text) == data


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "是设有密码的（已加密的）Word文件"), ("en", "a password-protected")]
)
def test_a_password_protected_docx_is_said_to_be_one(tmp_path, lang, said):
    """Word wraps an encrypted .docx in an OLE file, as a .doc is: the hint is the password,
    not "save it as .docx" (which it already is)."""
    from .conftest import ROOT

    result = invoke("lint", str(ROOT / "tests" / "data" / "word" / "password.docx"), "--lang", lang)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert (
        said in result.stderr and ".doc、" not in result.stderr and "Traceback" not in result.stderr
    )
    as_json = invoke(
        "lint", str(ROOT / "tests" / "data" / "word" / "password.docx"), "--format", "json"
    )
    assert json.loads(as_json.stdout)["files"][0]["error_code"] == "encrypted"


def test_review_says_a_password_protected_docx_is_one(tmp_path):
    from .conftest import ROOT

    draft = tmp_path / "draft.docx"
    draft.write_bytes((ROOT / "tests" / "data" / "word" / "password.docx").read_bytes())
    result = invoke("review", str(draft), "--lang", "en")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert "password-protected" in result.stderr
    assert not (tmp_path / "draft.reviewed.docx").exists()
