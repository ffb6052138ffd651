"""A configuration is checked against its JSON Schema (jsonschema) on a cache miss only: a
repeat run reads the checked settings back as JSON, keyed by a digest of the file's text and
of the schema, and imports neither jsonschema nor PyYAML; an edited file is checked afresh."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import PLAN_2024, ROOT
from .test_cli import invoke

CONFIG = "ignore: [G007]\nnear-duplicate: 0.85\nper-task-ignores: {50: [N003]}\n"


def _imports(folder, cache, *args):
    """The modules a ``plancheck lint`` run imports (``-X importtime``), and its exit code."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PLANCHECK_CACHE_DIR"] = str(cache)
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "checker", "lint", "plan.txt", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=False,
    )
    names = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    return names, run.returncode


def test_a_repeat_run_with_a_config_imports_no_jsonschema(tmp_path):
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    (tmp_path / ".plancheck.yaml").write_text(CONFIG, encoding="utf-8")
    cache = tmp_path / "cache"
    first, code = _imports(tmp_path, cache, "--no-cache")
    assert code == 1 and "jsonschema" in first  # checked once
    again, code = _imports(tmp_path, cache, "--no-cache")
    assert code == 1 and "jsonschema" not in again and "yaml" not in again
    (tmp_path / ".plancheck.yaml").write_text(CONFIG + "year: 2024\n", encoding="utf-8")
    edited, _ = _imports(tmp_path, cache, "--no-cache")
    assert "jsonschema" in edited  # another text: checked afresh


def test_an_edited_config_is_checked_afresh_and_a_broken_entry_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copy(PLAN_2024, tmp_path / "plan.txt")
    config = tmp_path / ".plancheck.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    assert invoke("lint", str(tmp_path / "plan.txt")).exit_code == 1
    (entry,) = (tmp_path / "cache").glob("checked-*.json")
    config.write_text(CONFIG.replace("0.85", "2"), encoding="utf-8")
    result = invoke("lint", str(tmp_path / "plan.txt"), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("near-duplicate: expected a number above 0, at most 1")
    config.write_text(CONFIG, encoding="utf-8")
    entry.write_text('{"data": ', encoding="utf-8")  # cut short: read as a miss, checked again
    assert invoke("lint", str(tmp_path / "plan.txt")).exit_code == 1


def test_the_schema_the_run_checks_is_the_one_editors_get():
    """docs/config.schema.json is config_schema() (tests/test_docs.py regenerates it)."""
    import json

    from checker.checking.config import config_schema
    from checker.checking.registry import declared_options
    from checker.checking.rules import builtin_rules

    shipped = json.loads((ROOT / "docs" / "config.schema.json").read_text(encoding="utf-8"))
    assert shipped == config_schema(declared_options(builtin_rules().values()))


def _load(text: str) -> dict:
    """A configuration text through the checked-configuration cache (nothing to check)."""
    from checker.knowledge.data import load_checked_text

    return load_checked_text(text, lambda: {"text": text}, {"type": "object"}, lambda data: None)


def test_only_the_last_checked_configurations_are_kept(tmp_path, monkeypatch):
    """Each configuration text is an entry; beyond KEEP_CHECKED the oldest written go, and
    nothing else in the cache folder is touched."""
    from checker.knowledge import data

    cache = tmp_path / "cache"
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(cache))
    monkeypatch.setattr(data, "KEEP_CHECKED", 3)
    cache.mkdir()
    (cache / "0b810e08-layout.json").write_text("{}", encoding="utf-8")  # rule data's
    (cache / "results").mkdir()
    written = []
    for n in range(5):
        _load(f"year: {2020 + n}\n")
        (newest,) = set(cache.glob("checked-*.json")) - set(written)
        os.utime(newest, ns=(n * 10**9, n * 10**9))  # written a second apart
        written.append(newest)
    assert sorted(cache.glob("checked-*.json")) == sorted(written[-3:])
    assert (cache / "0b810e08-layout.json").is_file() and (cache / "results").is_dir()
    assert _load("year: 2024\n") == {"text": "year: 2024\n"}  # kept: served from the cache


def test_a_cached_configuration_is_served_without_pruning(tmp_path, monkeypatch):
    from checker.knowledge import data

    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path))
    _load("year: 2024\n")
    monkeypatch.setattr(data, "prune", lambda *args: pytest.fail("pruned on a hit"))
    parsed = []
    hit = data.load_checked_text(
        "year: 2024\n", lambda: parsed.append(1), {"type": "object"}, lambda d: None
    )
    assert hit == {"text": "year: 2024\n"} and parsed == []


def test_pruning_keeps_the_last_written_and_an_absent_folder_is_no_error(tmp_path):
    from checker.knowledge.data import prune

    prune(tmp_path / "absent", "checked-*.json", 1)
    for n in range(3):
        (tmp_path / f"checked-{n}.json").write_text("{}", encoding="utf-8")
        os.utime(tmp_path / f"checked-{n}.json", ns=(n, n))
    prune(tmp_path, "checked-*.json", 1)
    assert [p.name for p in tmp_path.iterdir()] == ["checked-2.json"]
