"""Why a file was not checked, for scripts: a stable ``error_code`` beside the English
``error`` (unchanged) and an ``error_message`` in the run's language (JSON, SARIF)."""

from __future__ import annotations

import ast
import json
import shutil

import jsonschema
import pytest

from checker import locale
from checker.products.errorcodes import ALL, CODES, FALLBACK, error_code
from checker.reading import sniff

from .conftest import PLAN_2024, ROOT
from .test_cli import invoke

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
NOT_UNDERSTOOD = (
    "2025年知识产权强国建设推进计划\n第一条 推进商标法修改。\n第二条 推进专利法修改。\n"
)


def _raised_reasons() -> list[str]:
    """Every reason the code gives for a file it cannot check, as a template: the literal
    second argument of ``InputError(path, reason)`` and third of ``Item(name, path, error)``
    (f-strings with their fields as ``{name}``), and sniff's reasons."""
    found = [sniff.NOT_A_PLAN, sniff.NOT_A_PLAN_COMPANION, sniff.NOT_UNDERSTOOD]
    for path in sorted((ROOT / "checker").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            at = {"InputError": 1, "Item": 2}.get(node.func.id)
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            # "empty file" if not data else "file has only whitespace": both
            candidates = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for value in candidates:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.append(value.value)
                elif isinstance(value, ast.JoinedStr):
                    found.append(
                        "".join(
                            v.value if isinstance(v, ast.Constant) else "{field}"
                            for v in value.values
                        )
                    )
    return found


def test_every_reason_in_the_code_has_a_code_and_a_translation():
    reasons = _raised_reasons()
    assert len(reasons) >= 20
    for reason in reasons:
        assert reason in CODES or error_code(reason) != FALLBACK, reason
        assert locale.error("zh", reason) != reason, f"no Chinese for {reason!r}"


def test_codes_are_few_and_stable_words():
    assert set(CODES.values()) | {"config"} == set(ALL)
    assert all(code.replace("-", "").isalpha() and code.islower() for code in ALL)


@pytest.mark.parametrize(
    ("reason", "code"),
    [
        ("cannot decode as gbk", "encoding"),
        ("invalid UTF-8 after a BOM at byte 7", "encoding"),
        ("not a plan: titled as a companion document (起草说明)", "not-a-plan"),
        (sniff.NOT_UNDERSTOOD, "not-understood"),
        ("file too large (31 MB; the limit is 20 MB)", "too-large"),
        ("cannot write beside the file (Permission denied)", "unwritable"),
        ("Input/output error", "unreadable"),  # an operating-system reason the table lacks
    ],
)
def test_reasons_with_their_pieces_filled_in(reason, code):
    assert error_code(reason) == code


def test_a_config_error_is_config_whatever_it_says():
    assert error_code("pyproject.toml: no such file", "config") == "config"


@pytest.fixture
def bad_files(tmp_path):
    files = {
        "empty.txt": (b"", "empty", "空文件"),
        "binary.txt": (b"\x00\x01plan", "binary", "二进制文件"),
        "latin.txt": (
            "Städte und Pläne\n".encode("latin-1") + b"\xff\xfe" * 3,
            "encoding",
            "无法解码",
        ),
        "notes.txt": ("会议纪要\n一、甲\n".encode(), "not-a-plan", "不是计划文件"),
        "draft.txt": (NOT_UNDERSTOOD.encode(), "not-understood", "是计划文件，但未能识别"),
    }
    for name, (data, _, _) in files.items():
        (tmp_path / name).write_bytes(data)
    expected = {str(tmp_path / n): (code, zh) for n, (_, code, zh) in files.items()}
    expected[str(tmp_path / "missing.txt")] = ("not-found", "文件不存在")
    return expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_files_carry_code_and_message_in_the_run_language(bad_files, lang):
    result = invoke("lint", *bad_files, "--format", "json", "--lang", lang)
    assert result.exit_code == 2
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert set(files) == set(bad_files)
    for path, (code, chinese) in bad_files.items():
        entry = files[path]
        assert entry["error_code"] == code, entry
        assert entry["error"] == locale.error("en", entry["error"])  # English, as before
        assert entry["error_message"] == locale.error(lang, entry["error"])
        if lang == "zh":
            assert chinese in entry["error_message"]
        else:
            assert entry["error_message"] == entry["error"]
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in entry["error_message"][:6])


@pytest.mark.parametrize(("lang", "expected"), [("zh", "未知的配置项"), ("en", "unknown key")])
def test_json_config_error(tmp_path, lang, expected):
    (tmp_path / ".plancheck.yaml").write_text("colour: red\n", encoding="utf-8")
    shutil.copy(PLAN_2024, tmp_path / "2024.txt")
    result = invoke("lint", str(tmp_path / "2024.txt"), "--format", "json", "--lang", lang)
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["error_code"] == "config"
    assert "colour: unknown key" in entry["error"]
    assert expected in entry["error_message"]


@pytest.mark.parametrize(("lang", "expected"), [("zh", "不是计划文件"), ("en", "not a plan")])
def test_json_skipped_files_carry_a_code(tmp_path, lang, expected):
    (tmp_path / "README.md").write_text("# 说明\n\n这里放计划文件。\n", encoding="utf-8")
    shutil.copy(PLAN_2024, tmp_path / "2024.txt")
    data = json.loads(invoke("lint", str(tmp_path), "--format", "json", "--lang", lang).stdout)
    (skipped,) = data["skipped"]
    assert skipped["reason"].startswith("not a plan")
    assert skipped["reason_code"] == "not-a-plan"
    assert skipped["message"].startswith(expected)


def test_sarif_notifications_carry_the_code(bad_files):
    result = invoke("lint", *bad_files, "--format", "sarif", "--lang", "en")
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    codes = {n["message"]["text"].split(": ")[0]: n["properties"]["error_code"] for n in notes}
    assert codes == {path: code for path, (code, _) in bad_files.items()}


def test_codes_are_documented():
    docs = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    for code in ALL:
        assert f"`{code}`" in docs, code
    assert "error_code" in (ROOT / "docs" / "sarif.md").read_text(encoding="utf-8")
