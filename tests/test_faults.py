"""Concurrency and faults, run as a user would (the console script in child processes): a run
killed while it writes leaves every file old or new, never torn; a damaged cache entry is a
miss; two runs at once on the same files and cache say the same thing.

The writers (``write_atomic`` for ``--fix``, the result cache) stop just before their rename
when ``$PLANCHECK_TEST_PAUSE_BEFORE_RENAME`` names a signal file: the moment a crash leaves the
most behind (a whole temp file, the target untouched). The tests kill them there with SIGKILL.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import PLAN_2024

PLANCHECK = [sys.executable, "-m", "checker"]
PAUSE = "PLANCHECK_TEST_PAUSE_BEFORE_RENAME"


def _environ(cache: Path, **extra: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", PAUSE)}
    environ["PLANCHECK_CACHE_DIR"] = str(cache)
    environ.update(extra)
    return environ


def _run(folder: Path, cache: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*PLANCHECK, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=_environ(cache),
        check=False,
        timeout=120,
    )


def _kill_at_the_rename(folder: Path, cache: Path, *args: str) -> Path:
    """Start ``plancheck ARGS``, wait until a writer is paused before its rename, SIGKILL it;
    return the file the writer was about to replace."""
    signal_file = folder / "paused.signal"
    child = subprocess.Popen(
        [*PLANCHECK, *args],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_environ(cache, **{PAUSE: str(signal_file)}),
    )
    try:
        deadline = time.monotonic() + 90
        while not signal_file.exists():
            assert child.poll() is None, "the run ended without reaching a write"
            assert time.monotonic() < deadline, "the run never reached a write"
            time.sleep(0.05)
        time.sleep(0.05)  # the signal file is written before the pause loop starts
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    return Path(signal_file.read_text(encoding="utf-8"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    return tmp_path


def test_a_fix_killed_before_its_rename_leaves_the_plan_old_then_a_rerun_fixes_it(folder):
    cache = folder / ".cache"
    original = (folder / "plan.txt").read_bytes()
    target = _kill_at_the_rename(folder, cache, "lint", "plan.txt", "--fix", "--no-cache")
    assert target.name == "plan.txt"
    assert (folder / "plan.txt").read_bytes() == original  # old, whole: never torn

    reference = folder / "reference"
    reference.mkdir()
    shutil.copy(PLAN_2024, reference / "plan.txt")
    _run(reference, cache, "lint", "plan.txt", "--fix", "--no-cache")
    fixed = (reference / "plan.txt").read_bytes()
    assert fixed != original

    _run(folder, cache, "lint", "plan.txt", "--fix", "--no-cache")
    assert (folder / "plan.txt").read_bytes() == fixed  # new, whole


def test_a_cache_write_killed_before_its_rename_leaves_no_entry_and_changes_no_answer(folder):
    cache = folder / ".cache"
    expected = _run(folder, cache, "lint", "plan.txt", "--format", "json", "--no-cache")
    entry = _kill_at_the_rename(folder, cache, "lint", "plan.txt", "--format", "json")
    assert entry.suffix == ".json" and not entry.exists()  # the temp file never became one
    again = _run(folder, cache, "lint", "plan.txt", "--format", "json")
    assert again.returncode == expected.returncode == 1
    assert json.loads(again.stdout)["findings"] == json.loads(expected.stdout)["findings"]


@pytest.mark.parametrize("damage", [b"", b"{", b"\x00\xff garbage", b'{"key": "other"}'])
def test_a_damaged_cache_entry_is_a_miss(folder, damage: bytes):
    cache = folder / ".cache"
    first = _run(folder, cache, "lint", "plan.txt", "--format", "json")
    entries = list((cache / "results").rglob("*.json"))
    assert entries, "the first run kept its result"
    for entry in entries:
        entry.write_bytes(damage)
    second = _run(folder, cache, "lint", "plan.txt", "--format", "json")
    assert second.returncode == first.returncode == 1, second.stderr
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]


def test_two_runs_at_once_on_the_same_files_and_cache_say_the_same(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    text = PLAN_2024.read_text(encoding="utf-8")
    for n in range(12):  # distinct plans, so the two runs race on writing every entry
        (plans / f"p{n:02d}.txt").write_text(text.replace("2024年", f"20{n + 10}年", 1), "utf-8")
    cache = tmp_path / ".cache"
    args = [*PLANCHECK, "lint", "plans", "--format", "json"]
    children = [
        subprocess.Popen(
            args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_environ(cache)
        )
        for _ in range(2)
    ]
    outputs = [child.communicate(timeout=300) for child in children]
    fresh = _run(tmp_path, cache, "lint", "plans", "--format", "json", "--no-cache")
    expected = json.loads(fresh.stdout)["findings"]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == fresh.returncode == 1, err
        assert json.loads(out)["findings"] == expected
    cached = _run(tmp_path, cache, "lint", "plans", "--format", "json")
    assert json.loads(cached.stdout)["findings"] == expected
    assert not list(cache.rglob("*.tmp"))  # no writer left a temp file behind


@pytest.mark.parametrize(
    "args",
    [
        ("report", "plan.txt", "-o", "out.html"),
        ("diff", "plan.txt", "plan.txt", "-o", "out.html"),
        ("lint", "plan.txt", "--no-cache", "-o", "out.html"),
    ],
)
def test_an_output_killed_before_its_rename_leaves_the_old_one_whole(folder, args):
    """-o is written as --fix writes: a temp file beside it, then a rename."""
    (folder / "out.html").write_text("the old output", encoding="utf-8")
    target = _kill_at_the_rename(folder, folder / ".cache", *args)
    assert target.name == "out.html"
    assert (folder / "out.html").read_text(encoding="utf-8") == "the old output"
    _run(folder, folder / ".cache", *args)
    assert (folder / "out.html").read_text(encoding="utf-8") != "the old output"
