"""``plancheck init``: a commented .plancheck.yaml in the chosen language, never over a config."""

from __future__ import annotations

import re

import pytest

from checker.checking.config import KEYS, load_file
from checker.checking.registry import declared_options
from checker.checking.rules import builtin_rules

from .conftest import ROOT
from .test_cli import invoke

HAN = re.compile(r"[\u4e00-\u9fff]")


def _options():
    return declared_options(builtin_rules().values())


def _documented_keys() -> list[str]:
    """The keys of docs/config.md's table: the file must explain every one."""
    text = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `([a-z-]+)` \|", text, flags=re.MULTILINE)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_init_writes_a_commented_config_that_loads(tmp_path, lang):
    result = invoke("init", str(tmp_path), "--lang", lang)
    assert result.exit_code == 0, result.output
    target = tmp_path / ".plancheck.yaml"
    assert str(target) in result.output
    text = target.read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert comments and all(line.startswith("#") for line in text.splitlines() if line)
    prose = [line for line in comments if not re.match(r"# ([a-z-]+:|  )", line)]
    if lang == "zh":
        assert text.startswith("# plancheck 配置文件")
        assert all(HAN.search(line) for line in prose if len(line) > 40)  # Chinese prose
    else:
        assert text.startswith("# plancheck configuration")
        # English prose: Chinese only where it quotes an agency's name
        assert all(not HAN.search(line) or "发展改革委" in line for line in prose)
    config = load_file(
        target, builtin_rules().values()
    )  # every setting commented out: the defaults
    assert config.select == ("ALL",) and config.ignore == () and not config.options


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_key_is_in_the_file_and_each_works_when_turned_on(tmp_path, lang):
    """Each key of docs/config.md, of config.KEYS and every option a rule declares is a
    commented setting; deleting every '# ' before a setting gives a config that loads."""
    invoke("init", str(tmp_path), "--lang", lang)
    target = tmp_path / ".plancheck.yaml"
    text = target.read_text(encoding="utf-8")
    settings = set(re.findall(r"^# ([a-z-]+):", text, flags=re.MULTILINE))
    options = _options()
    assert set(_documented_keys()) <= settings
    assert set(KEYS) | set(options) <= settings
    (tmp_path / "house-rules").mkdir()  # the files its examples name
    (tmp_path / "agencies-local.yaml").write_text(
        "agencies:\n  - {name: 省乡村振兴局, category: local, rank: 1, source: test}\n",
        encoding="utf-8",
    )
    on = re.sub(r"^# (?=[a-z-]+:|  )", "", text, flags=re.MULTILINE)
    target.write_text(on, encoding="utf-8")
    config = load_file(target, builtin_rules().values())
    assert config.select == ("N", "A", "G") and config.ignore == ("G007",)
    assert config.severity == {"G005": "info"} and config.year == 2025
    assert set(config.options) == set(options)
    assert {o.key: config.options[o.key] for o in options.values()} == {
        o.key: o.default for o in options.values()
    }
    assert config.agencies == ((tmp_path / "agencies-local.yaml").resolve(),)


def test_init_never_overwrites_a_config(tmp_path):
    target = tmp_path / ".plancheck.yaml"
    target.write_text("select: [N]\n", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"plancheck: {target}：文件已存在；plancheck init 不覆盖已有文件（要重新生成，请先将它改名或删除）\n"
    )
    assert target.read_text(encoding="utf-8") == "select: [N]\n"
    english = invoke("init", str(tmp_path), "--lang", "en")
    assert english.exit_code == 2 and english.stderr.count("\n") == 1
    assert "already exists; init never overwrites a file" in english.stderr


def test_init_takes_no_place_of_another_config(tmp_path):
    """A .plancheck.yml, or a pyproject.toml with [tool.plancheck], is the folder's config
    already: a .plancheck.yaml beside it would quietly win over it."""
    (tmp_path / ".plancheck.yml").write_text("select: [N]\n", encoding="utf-8")
    assert invoke("init", str(tmp_path)).exit_code == 2
    (tmp_path / ".plancheck.yml").unlink()
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.plancheck]\nselect = ['N']\n", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 2 and "[tool.plancheck]" in result.stderr
    assert not (tmp_path / ".plancheck.yaml").exists()
    pyproject.write_text("[project]\nname = 'plans'\n", encoding="utf-8")  # not ours
    assert invoke("init", str(tmp_path)).exit_code == 0


def test_init_into_a_missing_folder_is_one_line(tmp_path):
    result = invoke("init", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "没有这个文件夹" in result.stderr


def test_init_in_the_current_folder_by_the_console_script(tmp_path, plancheck_command):
    """As a drafter runs it: the installed command, in the plans' folder."""
    import subprocess

    command = plancheck_command
    done = subprocess.run([command, "init"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("已写入.plancheck.yaml")
    again = subprocess.run([command, "init"], cwd=tmp_path, capture_output=True, text=True)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and again.stdout == ""
    lint = subprocess.run(
        [command, "lint", str(ROOT / "plans" / "2024.txt"), "--config", ".plancheck.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 1 and "plancheck:" not in lint.stderr  # it loads, changes nothing
