"""The console script reads a hook's ``lint`` command line without click (launch): it must
give ``commands.lint`` exactly what click gives it, and leave the rest to click."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.commandline import commands
from checker.commandline.cli import _argv_lang, cli
from checker.commandline.launch import LINT_FLAGS, LINT_VALUES, quick_lint_args

from .conftest import PLAN_2024

LINT = cli.commands["lint"]


def _options() -> list[click.Option]:
    return [p for p in LINT.params if isinstance(p, click.Option)]


def test_the_quick_reading_knows_every_option_of_lint_and_no_other():
    flags = {o: p.name for p in _options() if p.is_flag for o in p.opts + p.secondary_opts}
    values = {o: p.name for p in _options() if not p.is_flag for o in p.opts}
    assert flags == LINT_FLAGS
    assert values == LINT_VALUES


def test_commands_lint_takes_clicks_names_and_defaults():
    """Click calls ``commands.lint(**its options)``; the quick reading calls it with only
    what was written: each default left out must be click's."""
    signature = inspect.signature(commands.lint).parameters
    assert list(signature) == [p.name for p in LINT.params]
    assert _clicks_reading(["lint", "a.txt"], None) == _full({"paths": ("a.txt",)})


def _clicks_reading(args: list[str], lang_env: str | None) -> dict | None:
    """The arguments click's ``lint`` hands to ``commands.lint``, or None if click refuses
    the command line."""
    seen: dict = {}

    def record(**kwargs) -> None:
        seen.update(kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(commands, "lint", record)
        if lang_env is None:
            patch.delenv("PLANCHECK_LANG", raising=False)
        else:
            patch.setenv("PLANCHECK_LANG", lang_env)
        try:
            cli.main(args, standalone_mode=False)
        except click.ClickException:
            return None
    return seen


def _full(quick: dict) -> dict:
    """The quick reading with every argument not written set to its default."""
    defaults = {name: p.default for name, p in inspect.signature(commands.lint).parameters.items()}
    return {**defaults, **quick}


TOKENS = st.sampled_from(
    [
        *LINT_FLAGS,
        *LINT_VALUES,
        "plan.txt",
        "dir/计划.md",
        "-",
        "--",
        "-qv",
        "-h",
        "--help",
        "--bogus",
        "-ofile.json",
        "-o=file.json",
        "--format=json",
        "--format=xml",
        "--lang=en",
        "--lang=zh",
        "--lang=fr",
        "--select=N,A",
        "--no-cache=1",
        "json",
        "sarif",
        "en",
        "zh",
        "fr",
        "",
        "N00,G",
        "out/report.json",
        "--output=",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    tokens=st.lists(TOKENS, max_size=8),
    lang_env=st.sampled_from([None, "", "en", "zh", "fr"]),
)
@example(tokens=["--lang", "zh", "plan.txt", "--lang=en"], lang_env="zh")
def test_whatever_the_quick_reading_accepts_click_reads_the_same(tokens, lang_env):
    args = ["lint", *tokens]
    environ = {} if lang_env is None else {"PLANCHECK_LANG": lang_env}
    quick = quick_lint_args(args, environ)
    if quick is None:
        return  # click's to read, errors included
    assert _clicks_reading(args, lang_env) == _full(quick)
    # and an error raised in the command is said in the language click's reading says it in
    assert _clicks_error_language(args, lang_env) == quick["lang"]


def _clicks_error_language(args: list[str], lang_env: str | None) -> str:
    """The language ``cli.main`` says an error of the command in (``guarded``'s)."""
    with pytest.MonkeyPatch.context() as patch:
        if lang_env is None:
            patch.delenv("PLANCHECK_LANG", raising=False)
        else:
            patch.setenv("PLANCHECK_LANG", lang_env)
        return _argv_lang(args)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["lint", "a.txt"], {"paths": ("a.txt",), "lang": "zh"}),
        (
            ["lint", "--skip-non-plans", "a.txt", "b.md"],
            {"paths": ("a.txt", "b.md"), "skip_non_plans": True, "lang": "zh"},
        ),
        (
            ["lint", "d", "--no-cache", "--format", "json", "-o", "o.json"],
            {"paths": ("d",), "no_cache": True, "fmt": "json", "output": "o.json", "lang": "zh"},
        ),
        (
            ["lint", "--baseline", "b.yaml", "a.txt", "--lang=en"],
            {"paths": ("a.txt",), "baseline": Path("b.yaml"), "lang": "en"},
        ),
    ],
)
def test_a_hooks_command_lines_are_read_without_click(args, expected):
    assert quick_lint_args(args, {}) == expected


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["rules"],
        ["--lang", "en", "lint", "a.txt"],  # a group option: click's
        ["lint"],  # no path: click says so
        ["lint", "a.txt", "--format", "xml"],  # not a choice: click says so
        ["lint", "a.txt", "-qv"],
        ["lint", "a.txt", "--", "-b.txt"],
        ["lint", "a.txt", "-o"],
        ["lint", "a.txt", "--help"],
    ],
)
def test_everything_else_is_left_to_click(args):
    assert quick_lint_args(args, {}) is None


def test_an_invalid_language_in_the_environment_is_left_to_click():
    """(click's group reads $PLANCHECK_LANG too: it refuses a wrong one beside a --lang)"""
    assert quick_lint_args(["lint", "a.txt"], {"PLANCHECK_LANG": "fr"}) is None
    assert quick_lint_args(["lint", "a.txt", "--lang", "en"], {"PLANCHECK_LANG": "fr"}) is None
    assert quick_lint_args(["lint", "a.txt", "--lang", "en"], {"PLANCHECK_LANG": "zh"}) == {
        "paths": ("a.txt",),
        "lang": "en",
    }


def _plancheck(
    tmp_path: Path, *args: str, through_click: bool = False, importtime=False, stdin=b""
):
    """Run the console script's code in a child: as installed, or forced through click."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PLANCHECK_LANG")}
    env["PLANCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    code = (
        "from checker.commandline.cli import main as m"
        if through_click
        else "from checker.commandline.launch import main as m"
    )
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-c", f"{code}; m()", *args],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        check=False,
        input=stdin,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("lint", "-", "--stdin-filename", "2024.txt"),
        ("lint", "--fix", "-", "--lang=en"),
        ("lint", "2024.txt", "--no-cache"),
        ("lint", "2024.txt", "--format", "json", "--lang", "en"),
        ("lint", "--skip-non-plans", "2024.txt", "notes.txt"),
        ("lint", "missing.txt"),
        ("lint", "notes.txt"),
        ("lint", "2024.txt", "--select", "NOPE"),
        ("lint", "2024.txt", "--lang", "zh", "--lang", "en", "--select", "NOPE"),  # the last
        ("lint", "2024.txt", "--statistics", "-q"),
    ],
)
def test_both_readings_write_the_same_and_exit_the_same(tmp_path, args):
    shutil.copy(PLAN_2024, tmp_path / "2024.txt")
    (tmp_path / "notes.txt").write_text("会议纪要：下周讨论。\n", encoding="utf-8")
    stdin = PLAN_2024.read_bytes()  # for PATH -
    quick = _plancheck(tmp_path, *args, stdin=stdin)
    slow = _plancheck(tmp_path, *args, through_click=True, stdin=stdin)
    assert (quick.returncode, quick.stdout, quick.stderr) == (
        slow.returncode,
        slow.stdout,
        slow.stderr,
    )
    assert quick.returncode in (0, 1, 2) and b"Traceback" not in quick.stderr
    assert quick.stdout or quick.stderr  # each says something: findings, a summary, an error
    if "--fix" in args:  # the fixed plan on stdout, what was fixed and is left on stderr
        assert quick.stdout.startswith(stdin[:30]) and quick.stdout != stdin
        assert b"Fixed 4 problems" in quick.stderr


def test_a_hooks_check_does_not_import_click(tmp_path):
    shutil.copy(PLAN_2024, tmp_path / "2024.txt")
    done = _plancheck(tmp_path, "lint", "--skip-non-plans", "2024.txt", importtime=True)
    assert done.returncode == 1 and b"N003" in done.stdout
    imported = {line.split(b"|")[-1].strip() for line in done.stderr.splitlines()}
    assert b"checker.checking.rules" in imported and b"click" not in imported
    # every name of the 2024 plan is in the registry: the mirror of local names is not loaded
    assert b"checker.knowledge.agencies" in imported and b"checker.knowledge.mirror" not in imported
    help_text = _plancheck(tmp_path, "lint", "--help", importtime=True)
    assert help_text.returncode == 0 and b"click" in {
        line.split(b"|")[-1].strip() for line in help_text.stderr.splitlines()
    }


@pytest.mark.parametrize("args", [["lint", "a.txt"], ["lint", "a.txt", "-qv"]])
def test_an_interrupted_check_exits_130_read_either_way(monkeypatch, capsys, args):
    """^C in a check: 130 (128 + SIGINT), whichever reading ran it (click makes the
    KeyboardInterrupt an Abort of its own)."""
    from checker.commandline import launch

    def interrupted(**_):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "lint", interrupted)
    monkeypatch.delenv("PLANCHECK_LANG", raising=False)
    with pytest.raises(SystemExit) as done:
        launch.main(args)
    assert done.value.code == 130
    assert "Traceback" not in capsys.readouterr().err


def test_the_console_script_loads_with_the_collector_off_and_click_runs_with_it_on(tmp_path):
    """checker.commandline.start (the console script's module) turns the cyclic collector off while the
    program loads; a command click reads turns it back on; importing checker.commandline.launch, as a
    library user or a test does, leaves it alone."""
    probe = (
        "import gc, sys\n"
        "import checker.commandline.launch\n"
        "print(gc.isenabled())\n"
        "import checker.commandline.start\n"
        "print(gc.isenabled())\n"
        "from checker.commandline import cli\n"
        "cli.main = lambda args: print(gc.isenabled())\n"  # what click's main would run with
        "checker.commandline.launch.main(['rules'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.split() == ["True", "False", "True"]
    # without checker.commandline.start, launch leaves a caller's collector as it was
    own = (
        "import gc, checker.commandline.launch\n"
        "from checker.commandline import cli\n"
        "cli.main = lambda args: print(gc.isenabled())\n"
        "gc.disable()\n"
        "checker.commandline.launch.main(['rules'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", own], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.split() == ["False"]


def test_the_console_script_and_python_m_run_from_checker_start():
    import tomllib

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["plancheck"] == "checker.commandline.start:run"
    # in a child: importing checker.commandline.start here would turn this process's collector off
    same = "import checker.commandline.start as s, checker.commandline.launch as l; print(s.run is l.run)"
    done = subprocess.run([sys.executable, "-c", same], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"
    main_module = (root / "checker" / "__main__.py").read_text(encoding="utf-8")
    assert "from .commandline.start import run" in main_module
