"""The result cache: never stale, identical to a fresh run, and never in the way."""

from __future__ import annotations

import json

import pytest

from checker.checking import lintfile, resultcache
from checker.checking.findings import Words
from checker.knowledge.agencies import load_registry

from .conftest import PLAN_2024
from .test_cli import invoke
from .test_kinds import HOUSE_RULE


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache directory of the test's own, and a count of the plans actually parsed."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(folder))
    parsed = []
    real = lintfile.parse_plan

    def counting(source, **options):
        parsed.append(source.path)
        return real(source, **options)

    monkeypatch.setattr(lintfile, "parse_plan", counting)
    return folder, parsed


@pytest.fixture
def office(tmp_path):
    """A folder with a config, a custom rule, a local registry and two plans."""
    folder = tmp_path / "office"
    folder.mkdir()
    (folder / "house.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (folder / "mine.yaml").write_text(
        "agencies:\n  - {name: 省甲局, category: local, rank: 1}\n", encoding="utf-8"
    )
    (folder / ".plancheck.yaml").write_text(
        "rules: [house.yaml]\nagencies: [mine.yaml]\n", encoding="utf-8"
    )
    text = PLAN_2024.read_text(encoding="utf-8").replace("10.加强央地协同", "10.抓紧加强央地协同")
    (folder / "2024.txt").write_text(text, encoding="utf-8")
    (folder / "local.txt").write_text(
        "2024年省工作计划\n一、总体\n1.搞好甲项工作。(省甲局负责)\n2.推进乙项工作。(省乙局负责)\n",
        encoding="utf-8",
    )
    return folder


def outputs(folder, *args):
    """Text and JSON output and exit codes of a cached run, and of a run without the cache."""
    runs = {}
    for fmt in ("text", "json"):
        for extra in ((), ("--no-cache",)):
            result = invoke("lint", str(folder), "--format", fmt, "--no-color", *args, *extra)
            runs[fmt, bool(extra)] = (result.exit_code, result.stdout, result.stderr)
    return runs


def assert_fresh(folder, parsed, *args):
    """Cached output equals the output of a run without the cache, in text and JSON."""
    runs = outputs(folder, *args)
    for fmt in ("text", "json"):
        assert runs[fmt, False] == runs[fmt, True], fmt
    return runs


def test_a_second_run_is_read_from_the_cache_and_says_the_same(office, cache):
    folder, parsed = cache
    first = invoke("lint", str(office), "--format", "json")
    assert parsed and any(folder.rglob("*.json"))
    parsed.clear()
    second = invoke("lint", str(office), "--format", "json")
    assert parsed == []  # nothing parsed: every result came from the cache
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert json.loads(second.stdout)["findings"]
    runs = assert_fresh(office, parsed)
    assert "X101" in runs["text", False][1]  # the custom rule's finding survives the cache too


def test_an_entry_says_how_its_file_was_read_and_a_hit_reads_it_so(office, cache, tmp_path):
    """A plan read as it is and one whose paragraphs were rebuilt (run together on one
    line): each entry records the reading, and each hit gives what a fresh run gives. A
    hit on a plan read as it is never imports ``reflow`` (tests/test_startup.py)."""
    folder, parsed = cache
    lines = PLAN_2024.read_text(encoding="utf-8").split("\n")
    joined = tmp_path / "joined"
    joined.mkdir()
    (joined / "2024.txt").write_text("".join(lines[:3]) + "\n" + "".join(lines[3:]), "utf-8")
    for plan, read_as in ((office / "2024.txt", ""), (joined / "2024.txt", "joined")):
        for entry in _entries(folder):
            entry.unlink()
        runs = assert_fresh(plan, parsed)
        (entry,) = _entries(folder)
        assert json.loads(entry.read_text(encoding="utf-8"))["reading"] == read_as
        assert len(json.loads(runs["json", False][1])["findings"]) > 3
        # an entry whose reading is not a reading is read as if it said nothing
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps({**data, "reading": 7}), encoding="utf-8")
        parsed.clear()
        assert invoke("lint", str(plan), "--format", "json").stdout == runs["json", True][1]
        assert parsed == []


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_other_formats_are_identical_from_the_cache(office, cache, fmt):
    fresh = invoke("lint", str(office), "--format", fmt, "--no-cache")
    invoke("lint", str(office), "--format", fmt)
    cached = invoke("lint", str(office), "--format", fmt)
    assert (cached.exit_code, cached.stdout) == (fresh.exit_code, fresh.stdout)


def test_no_cache_neither_reads_nor_writes(office, cache):
    folder, parsed = cache
    invoke("lint", str(office), "--no-cache")
    assert not (folder / "results").exists()
    invoke("lint", str(office))
    parsed.clear()
    invoke("lint", str(office), "--no-cache")
    assert len(parsed) == 2  # both plans parsed although both are cached


def test_fix_and_diff_do_not_use_the_cache(office, cache):
    _folder, parsed = cache
    invoke("lint", str(office))
    parsed.clear()
    diff = invoke("lint", str(office / "2024.txt"), "--diff")
    assert parsed and "+10.加快加强央地协同" in diff.stdout


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


CHANGES = {
    "plan": lambda o: _edit(o / "local.txt", "2.推进乙项工作", "2.搞好乙项工作"),
    "config": lambda o: _edit(o / ".plancheck.yaml", "rules:", "ignore: [G]\nrules:"),
    "custom rule file": lambda o: _edit(o / "house.yaml", "搞好: 做好", "推进: 做好"),
    "local registry": lambda o: _edit(o / "mine.yaml", "省甲局", "省乙局"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_is_checked_afresh(office, cache, change):
    _folder, parsed = cache
    before = assert_fresh(office, parsed)
    CHANGES[change](office)
    load_registry.cache_clear()  # one process keeps registries by path (a run is one process)
    parsed.clear()
    after = assert_fresh(office, parsed)
    assert parsed  # the changed input was parsed again, not served from the cache
    assert after["text", False] != before["text", False]  # and the change shows


def test_a_new_version_or_new_code_is_checked_afresh(office, cache, monkeypatch):
    _folder, parsed = cache
    invoke("lint", str(office))
    parsed.clear()
    monkeypatch.setattr(resultcache, "__version__", "999.0")
    resultcache.installation_stamp.cache_clear()
    try:
        invoke("lint", str(office))
        assert len(parsed) == 2
    finally:
        resultcache.installation_stamp.cache_clear()


def test_shipped_rule_data_is_part_of_the_key(tmp_path, monkeypatch):
    data = tmp_path / "rules"
    data.mkdir()
    (data / "agencies.yaml").write_text("agencies: []\n", encoding="utf-8")
    monkeypatch.setattr(resultcache, "data_folder", lambda: str(data))
    resultcache.installation_stamp.cache_clear()
    try:
        before = resultcache.installation_stamp()
        resultcache.installation_stamp.cache_clear()
        (data / "agencies.yaml").write_text("agencies: [{name: 甲}]\n", encoding="utf-8")
        assert resultcache.installation_stamp() != before
    finally:
        resultcache.installation_stamp.cache_clear()


def _entries(folder):
    return [p for p in (folder / "results").rglob("*.json")]


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\xff\xfe not json",
        b"[1, 2, 3]",
        b'{"key": "x"}',
        b'{"pickle": "cos\\nsystem\\n"}',
    ],
)
def test_a_corrupt_entry_is_a_miss(office, cache, garbage):
    folder, parsed = cache
    fresh = invoke("lint", str(office), "--format", "json", "--no-cache")
    invoke("lint", str(office))
    for entry in _entries(folder):
        entry.write_bytes(garbage)
    parsed.clear()
    result = invoke("lint", str(office), "--format", "json")
    assert (result.exit_code, result.stdout) == (fresh.exit_code, fresh.stdout)
    assert len(parsed) == 2


@pytest.mark.parametrize(
    "tamper",
    [
        lambda e: e["findings"][0].update(span=[0, 10**9]),
        lambda e: e["findings"][0].update(args={"x": {"set": [1]}}),
        lambda e: e["findings"][0].update(task="7"),
        lambda e: e["findings"][0].pop("code"),
        lambda e: e.update(summary=[1]),
    ],
)
def test_a_well_formed_entry_of_the_wrong_shape_is_a_miss(office, cache, tamper):
    folder, parsed = cache
    fresh = invoke("lint", str(office / "2024.txt"), "--format", "json", "--no-cache")
    invoke("lint", str(office / "2024.txt"))
    (entry,) = _entries(folder)
    data = json.loads(entry.read_text(encoding="utf-8"))
    tamper(data)
    entry.write_text(json.dumps(data), encoding="utf-8")
    parsed.clear()
    result = invoke("lint", str(office / "2024.txt"), "--format", "json")
    assert (result.exit_code, result.stdout) == (fresh.exit_code, fresh.stdout)
    assert parsed


def test_an_unwritable_cache_directory_is_not_an_error(office, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(blocker / "cache"))
    fresh = invoke("lint", str(office), "--no-cache")
    result = invoke("lint", str(office))
    assert (result.exit_code, result.stdout, result.stderr) == (
        fresh.exit_code,
        fresh.stdout,
        fresh.stderr,
    )


def test_values_come_back_as_they_went_in():
    value = {
        "task": 3,
        "words": Words("D001.brackets", "D001.leading_zero"),
        "pair": ("a", 1),
        "list": ["x", None, True, 0.5],
        "nested": {"k": [("t",)]},
    }
    back = resultcache._decode(json.loads(json.dumps(resultcache._encode(value))))
    assert back == value
    assert type(back["words"]) is Words and type(back["pair"]) is tuple
    assert type(back["nested"]["k"][0]) is tuple
    with pytest.raises(resultcache.Unencodable):
        resultcache._encode({"x": {1, 2}})


def test_two_runs_sharing_the_cache_leave_whole_entries(office, cache):
    folder, _ = cache
    invoke("lint", str(office))
    invoke("lint", str(office))
    names = [p.name for p in (folder / "results").rglob("*")]
    assert not [n for n in names if n.endswith(".tmp")]
    for entry in _entries(folder):
        json.loads(entry.read_text(encoding="utf-8"))


# ---- keeping the folder small, and emptying it ---------------------------------------------------

DAY = 86_400


def _result_files(cache_folder):
    return sorted(p.name for p in (cache_folder / "results").rglob("*.json"))


def _age(path, seconds, now):
    import os

    os.utime(path, (now - seconds, now - seconds))


def test_entries_not_written_for_a_month_are_pruned_once_a_day(office, cache):
    """An office saving its plan makes a new entry each time: the old ones go after
    MAX_AGE_DAYS, checked at most once a day, and nothing but entries is touched."""
    import time

    folder, _ = cache
    invoke("lint", str(office / "2024.txt"))
    invoke("lint", str(office / "local.txt"))
    old, recent = (folder / "results").rglob("*.json")
    results = folder / "results"
    foreign = results / old.parent.name / "notes.txt"
    foreign.write_text("mine", encoding="utf-8")
    now = time.time()
    _age(old, (resultcache.MAX_AGE_DAYS + 1) * DAY, now)
    _age(foreign, 400 * DAY, now)
    _age(results / resultcache.PRUNED_STAMP, 2 * DAY, now)  # written by the first store

    assert resultcache.prune_stale(results, now) == 1
    assert not old.exists() and recent.exists() and foreign.exists()
    _age(recent, (resultcache.MAX_AGE_DAYS + 1) * DAY, now)
    assert resultcache.prune_stale(results, now + 3600) == 0  # pruned within the day
    assert recent.exists()
    assert resultcache.prune_stale(results, now + DAY + 1) == 1
    assert not recent.exists() and foreign.exists()


def test_a_pruned_entry_is_a_miss_checked_afresh(office, cache):
    folder, parsed = cache
    invoke("lint", str(office / "2024.txt"))
    for entry in (folder / "results").rglob("*.json"):
        entry.unlink()
    first = invoke("lint", str(office / "2024.txt"))
    assert len(parsed) == 2 and first.exit_code == 1


def test_pruning_a_folder_that_cannot_be_written_is_not_an_error(tmp_path):
    assert resultcache.prune_stale(tmp_path / "absent" / "results") == 0


@pytest.mark.parametrize(
    "name, ours",
    [
        ("a" * 64 + ".json", True),
        ("." + "0f" * 32 + ".json.1234.tmp", True),
        ("a" * 63 + ".json", False),
        ("A" * 64 + ".json", False),
        ("g" * 64 + ".json", False),
        ("." + "a" * 64 + ".json.x.tmp", False),
        ("a" * 64 + ".json.bak", False),
        ("notes.txt", False),
    ],
)
def test_only_entry_names_are_results_files(name, ours):
    assert resultcache._is_entry_name(name) is ours


@pytest.mark.parametrize(
    "name, ours",
    [
        ("0013dd8c-conferences.json", True),
        ("0013dd8c-laws-repealed.json", True),
        ("0013dd8c-conferences.4321.tmp", True),
        ("checked-" + "0" * 40 + ".json", True),
        ("checked-" + "0" * 40 + ".99.tmp", True),
        ("checked-" + "0" * 39 + ".json", False),
        ("0013dd8-conferences.json", False),
        ("0013dd8c-.json", False),
        ("plan.json", False),
        ("0013dd8c-conferences.yaml", False),
        ("0013dd8c-conferences.x.tmp", False),
    ],
)
def test_only_data_cache_names_are_data_cache_files(name, ours):
    from checker.knowledge.data import _is_cache_name

    assert _is_cache_name(name) is ours


def test_parsed_copies_of_a_data_file_are_kept_to_the_last_few(tmp_path, monkeypatch):
    """Every checkout of rules/ gives its files new times, so new parsed copies: only the
    last KEEP_PARSED of a name stay, and other names are not touched."""
    import os

    from checker.knowledge import data

    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(data, "KEEP_PARSED", 2)
    other = tmp_path / "other.yaml"
    other.write_text("b: 2\n", encoding="utf-8")
    data.load_yaml(other)
    source = tmp_path / "house.yaml"
    for n in range(4):
        source.write_text(f"a: {n}\n", encoding="utf-8")
        os.utime(source, ns=(n * 10**9, n * 10**9))  # a new time: a new copy
        assert data.load_yaml(source) == {"a": n}
    cached = sorted(p.name.split("-", 1)[1] for p in (tmp_path / "cache").glob("*.json"))
    assert cached == ["house.json", "house.json", "other.json"]


def test_a_data_file_reached_through_a_link_retargeted_is_parsed_afresh(tmp_path, monkeypatch):
    """The parsed copy is the file's own (its inode), not the link's: two files of the same
    size and time behind one link name, each read as it is."""
    import os

    from checker.knowledge import data

    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path / "cache"))
    first, second, link = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "rules.yaml"
    first.write_text("a: 1\n", encoding="utf-8")
    second.write_text("a: 2\n", encoding="utf-8")
    for path in (first, second):
        os.utime(path, ns=(10**9, 10**9))
    link.symlink_to(first)
    assert data.load_yaml(link) == {"a": 1}
    link.unlink()
    link.symlink_to(second)
    assert data.load_yaml(link) == {"a": 2}


def test_clean_removes_plancheck_files_only(office, cache):
    folder, _ = cache
    invoke("lint", str(office / "2024.txt"))
    assert _result_files(folder) and list(folder.glob("*-*.json"))
    mine = folder / "mine.txt"
    mine.write_text("keep", encoding="utf-8")
    kept_folder = folder / "results" / "keep"
    kept_folder.mkdir()
    (kept_folder / "x.json").write_text("{}", encoding="utf-8")

    result = invoke("clean")
    assert result.exit_code == 0
    assert result.output.startswith(f"已从{folder}删除") and "个缓存文件" in result.output
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == ["mine.txt", "x.json"]
    again = invoke("clean", "--lang", "en")
    assert again.exit_code == 0
    assert again.output == f"no plancheck cache files in {folder}: nothing to remove\n"


def test_clean_counts_what_it_removes_in_english(office, cache):
    folder, _ = cache
    invoke("lint", str(office / "2024.txt"))
    files = [p for p in folder.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    result = invoke("clean", "--lang", "en")
    assert result.output == (
        f"removed {len(files)} cache files ({size / 1024:,.0f} KB) from {folder}\n"
    )
    assert not (folder / "results").exists()


def test_clean_of_a_cache_that_does_not_exist(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path / "never"))
    result = invoke("clean")
    assert result.exit_code == 0 and "无需删除" in result.output
    assert not (tmp_path / "never").exists()
