"""Why a file was not checked, for scripts: a stable ``error_code`` beside the English
``error`` (unchanged) and an ``error_message`` in the run's language (JSON, SARIF)."""

from __future__ import annotations

import ast
import json
import shutil
from string import Formatter

import jsonschema
import pytest

from checker import locale
from checker.base.errors import ConfigError, Reason

from .conftest import PLAN_2024, ROOT
from .test_cli import invoke

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
NOT_UNDERSTOOD_TEXT = (
    "2025年知识产权强国建设推进计划\n第一条 推进商标法修改。\n第二条 推进专利法修改。\n"
)


#: the codes a file's error can have (JSON ``error_code``), each one thing a user does about it
CODES = {
    "not-found", "not-a-file", "no-plans", "unreadable", "too-large", "empty", "binary",
    "encoding", "docx", "encrypted", "legacy-word", "missing-dependency", "not-a-plan", "not-understood", "unwritable",
    "config", "pdf", "no-text-layer", "html", "format-not-read", "rebuilt",
}  # fmt: skip

#: the calls that make an error: the argument that is its template, and the one its code
_MAKERS = {"Reason": (0, 1), "ConfigError": (0, None), "UsageError": (0, None)}


def _constants(tree: ast.Module) -> dict[str, ast.expr]:
    """A module's top-level ``NAME = value`` assignments."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                found[target.id] = node.value
    return found


def _strings(node: ast.expr, constants: dict[str, ast.expr]) -> list[str]:
    """The literal texts an argument can be: a string, a module constant, either side of
    ``a if c else b``, every value of a constant dict indexed; anything else fails the test
    (a template made at run time could not be checked here)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body, constants) + _strings(node.orelse, constants)
    if isinstance(node, ast.Name) and node.id in constants:
        return _strings(constants[node.id], constants)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        table = constants.get(node.value.id)
        if isinstance(table, ast.Dict):
            return [s for value in table.values for s in _strings(value, constants)]
    raise AssertionError(f"a template that is not a literal: {ast.unparse(node)}")


def made_errors() -> list[tuple[str, str, str | None, set[str] | None]]:
    """Every error the code makes: (where, template, code, the facts it passes), the facts
    None where they are passed on from elsewhere (``Reason(..., **facts)``) and the code None
    for configuration and usage errors, whose code is their kind."""
    made = []
    for path in sorted((ROOT / "checker").rglob("*.py")):
        if path.name == "errors.py":
            continue  # where Reason is defined: it passes templates on
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id not in _MAKERS or not node.args:
                continue
            at, code_at = _MAKERS[node.func.id]
            if node.func.id != "Reason" and not isinstance(
                node.args[0], ast.Constant | ast.Name | ast.IfExp | ast.Subscript
            ):
                continue  # ConfigError(error.reason): passed on, made elsewhere
            if isinstance(node.args[0], ast.Attribute):
                continue
            code = None
            if code_at is not None and len(node.args) > code_at:
                (code,) = _strings(node.args[code_at], constants)
            facts = (
                None
                if any(k.arg is None for k in node.keywords)
                else {k.arg for k in node.keywords}
            )
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            made.extend(
                (where, template, code, facts) for template in _strings(node.args[at], constants)
            )
    return made


def fields(template: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(template) if field is not None}


def test_the_scan_finds_the_errors():
    made = made_errors()
    assert len(made) >= 100
    templates = {template for _, template, _, _ in made}
    assert "cannot decode as {encoding}" in templates and "{where}: unknown key" in templates


def test_every_error_has_a_translation_with_the_fields_its_maker_gives():
    zh = locale.catalogue("zh").ERRORS
    for where, template, _, facts in made_errors():
        assert template in zh, f"{where}: no Chinese for {template!r}"
        if facts is not None:
            assert fields(template) == facts, f"{where}: {template!r} is given {sorted(facts)}"
        assert fields(zh[template]) <= fields(template), f"{where}: {zh[template]!r}"


def test_every_file_error_has_one_of_the_codes():
    for where, _template, code, _ in made_errors():
        if code is not None:
            assert code in CODES | {"unreadable", "usage", "internal"}, f"{where}: {code}"
    assert all(code.replace("-", "").isalpha() and code.islower() for code in CODES)


def test_a_template_with_a_field_its_maker_does_not_give_fails():
    """``{wrod}`` for ``{word}`` is an error in every language, never an empty string."""
    misspelt = Reason("cannot decode as {encodng}", "encoding", encoding="gbk")
    with pytest.raises(KeyError):
        misspelt.english()
    with pytest.raises(KeyError):
        locale.error("en", misspelt)
    with pytest.raises(KeyError):  # no translation: an error too, never the English
        locale.error("zh", Reason("a reason nobody translated"))


def test_an_error_is_its_code_and_its_facts():
    error = ConfigError(
        "{where}: unknown key (did you mean '{near}'?)", where="a.yaml:colour", near="color"
    )
    assert error.reason.code == "config" and error.reason.facts["near"] == "color"
    assert str(error) == "a.yaml:colour: unknown key (did you mean 'color'?)"
    assert locale.error("zh", error.reason) == "a.yaml:colour：未知的配置项（是否应为“color”？）"
    nested = Reason(
        "cannot write beside the file ({reason})", "unwritable", reason=Reason("Permission denied")
    )
    assert nested.english() == "cannot write beside the file (Permission denied)"
    assert locale.error("zh", nested) == "无法在文件所在目录写入（没有权限）"


def test_reasons_cross_processes_whole():
    import pickle

    from checker.base.errors import InputError

    reason = Reason("cannot decode as {encoding}", "encoding", encoding="gbk")
    assert pickle.loads(pickle.dumps(reason)) == reason
    error = pickle.loads(pickle.dumps(InputError("a.txt", reason)))
    assert (error.path, error.reason) == ("a.txt", reason)
    config = pickle.loads(pickle.dumps(ConfigError("{where}: missing", where="a.yaml:code")))
    assert config.reason == Reason("{where}: missing", "config", where="a.yaml:code")


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
        # (a plan whose tasks cannot be read, NOT_UNDERSTOOD's text, is no error in lint:
        # an S001 finding, exit 1, tests/test_renderings.py; diff still says not-understood)
        "scan.pdf": (b"%PDF-1.4\n", "pdf", "PDF文件无法读取"),
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
    for code in CODES:
        assert f"`{code}`" in docs, code
    assert "error_code" in (ROOT / "docs" / "sarif.md").read_text(encoding="utf-8")
