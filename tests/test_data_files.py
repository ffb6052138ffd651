"""Every data file in ``rules/`` has its shape checked on load; a wrong one stops the run with
``file:key: message`` and exit 2, before any plan is checked."""

from __future__ import annotations

import copy
import fnmatch
import shutil
from pathlib import Path

import pytest

from checker.base.errors import ConfigError
from checker.knowledge import data
from checker.knowledge.schema import check
from checker.reading import vocabulary

from .conftest import PLAN_2024, ROOT
from .test_cli import invoke

RULES = ROOT / "rules"


def _data_files() -> list[str]:
    return sorted(p.relative_to(RULES).as_posix() for p in RULES.rglob("*.yaml"))


@pytest.mark.parametrize("name", _data_files())
def test_every_data_file_has_a_shape_or_a_loader_that_checks_it(name):
    covered = name in data.shapes() or any(
        fnmatch.fnmatch(name, pattern) for pattern in data.VALIDATED_BY_LOADER
    )
    assert covered, f"rules/{name}: add its schema, rules/schemas/<name>.schema.json"


@pytest.mark.parametrize("name", sorted(data.shapes()))
def test_shipped_data_has_its_shape(name):
    check(data.load_yaml(RULES / name), data.shapes()[name], name)


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "annotations.yaml",
            lambda d: d.update(markers="待核"),
            "annotations.yaml:markers: expected a list",
        ),
        (
            "annotations.yaml",
            lambda d: d["legitimate"][0].update(pattern="(以下"),
            "annotations.yaml:legitimate[0]:pattern: invalid regular expression",
        ),
        (
            "annotations.yaml",
            lambda d: d.pop("max_tag_length"),
            "annotations.yaml:max_tag_length: missing",
        ),
        (  # a legitimate form says how it is told: words it opens with or holds, or a pattern
            "annotations.yaml",
            lambda d: d["legitimate"][0].pop("starts"),
            "annotations.yaml:legitimate[0]:pattern: missing",
        ),
        (
            "annotations.yaml",
            lambda d: d["legitimate"][0].update(starts="以下简称"),
            "annotations.yaml:legitimate[0]:starts: expected a list",
        ),
        (
            "vocabulary.yaml",
            lambda d: d.update(separator=["、"]),
            "vocabulary.yaml:separator: unknown key",
        ),
        (
            "vocabulary.yaml",
            lambda d: d["plan_kinds"].append(3),
            "vocabulary.yaml:plan_kinds[3]: expected text",
        ),
        (  # a marker holding a bracket: a definition would be looked for in the wrong place
            "vocabulary.yaml",
            lambda d: d["abbreviation_markers"].append("(简称"),
            "vocabulary.yaml:abbreviation_markers[3]: '(简称' is not of the form ^[^()（）]+$",
        ),
        (
            "conferences.yaml",
            lambda d: d["conferences"][0].update(since="2024"),
            "conferences.yaml:conferences[0]:since: expected a whole number",
        ),
        (
            "agencies.yaml",
            lambda d: d["agencies"][0].update(rank="1"),
            "agencies.yaml:agencies[0]:rank: expected a whole number",
        ),
        (  # a misspelt key is refused, not silently ignored
            "agencies.yaml",
            lambda d: d["agencies"][0].update(alias=["科技部门"]),
            "agencies.yaml:agencies[0]:alias: unknown key",
        ),
        (
            "mirror.yaml",
            lambda d: d["bodies"][0].update(aliasses=["省甲厅"]),
            "mirror.yaml:bodies[0]:aliasses: unknown key",
        ),
        (
            "mirror.yaml",
            lambda d: d["branches"][0].update(sucessor="国家铁路局"),
            "mirror.yaml:branches[0]:sucessor: unknown key",
        ),
        (
            "places.yaml",
            lambda d: d.update(prefixes={"province": "省"}),
            "places.yaml:prefixes:province: expected a list",
        ),
    ],
)
def test_a_wrong_file_says_where(name, change, message):
    broken = copy.deepcopy(data.load_yaml(RULES / name))
    change(broken)
    with pytest.raises(ConfigError) as raised:
        check(broken, data.shapes()[name], name)
    assert str(raised.value).startswith(message)


def test_schema_kinds():
    strings = {"type": "array", "items": {"type": "string"}}
    check({"a": ["x"]}, {"type": "object", "additionalProperties": strings}, "f")
    check(True, {"type": "boolean"}, "f")
    with pytest.raises(ConfigError, match="f: expected a whole number, got true or false"):
        check(True, {"type": "integer"}, "f")
    with pytest.raises(ConfigError, match="f: expected a regular expression, got nothing"):
        check(None, {"type": "string", "format": "regex"}, "f")
    with pytest.raises(ConfigError, match=r"f: invalid regular expression \(missing \)"):
        check("(以下", {"type": "string", "format": "regex"}, "f")
    check({"x": 1, "y": 2}, {"type": "object", "properties": {"x": {"type": "integer"}}}, "f")


def test_the_first_problem_in_the_file_s_order_is_told():
    """Of several problems, the one a reader meets first: a mapping's missing key before
    its items, then the items in the file's order (an unknown key where it stands)."""
    shape = {
        "type": "object",
        "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}},
        "required": ["a"],
        "additionalProperties": False,
    }
    with pytest.raises(ConfigError, match=r"^f:a: missing"):
        check({"b": "x", "c": 1}, shape, "f")
    with pytest.raises(ConfigError, match=r"^f:c: unknown key"):
        check({"a": 1, "c": 1, "b": "x"}, shape, "f")
    with pytest.raises(ConfigError, match=r"^f:b: expected a whole number"):
        check({"a": 1, "b": "x", "c": 1}, shape, "f")


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """The rule data copied to a folder the test may break; caches cleared around it."""
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    monkeypatch.setattr(data, "data_folder", lambda: str(folder))
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(tmp_path / "cache"))
    caches = (data.builtin, vocabulary.words, vocabulary.tag_policy)
    for cached in caches:
        cached.cache_clear()
    yield folder
    for cached in caches:
        cached.cache_clear()


def test_a_broken_data_file_stops_the_run_in_one_line(data_copy: Path):
    target = data_copy / "annotations.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("max_tag_length: 12", "max_tag_length: twelve"),
        encoding="utf-8",
    )
    for lang, message in (
        ("en", ": expected a whole number, got text"),
        ("zh", "：应为整数，实为文本"),
    ):
        result = invoke("lint", str(PLAN_2024), "--select", "A001", "--lang", lang)
        assert result.exit_code == 2
        assert f"{target}:max_tag_length{message}" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_the_mirrors_patterns_compile():
    """The mirror compiles its patterns on first use (start-up speed): a broken one in the
    shipped data must fail here, not in a drafter's run."""
    from checker.knowledge.mirror import load_mirror

    mirror = load_mirror()
    patterns = [p for p, *_ in mirror.templates] + [p for p, _ in mirror.guesses]
    levels = mirror.levels
    patterns += [levels.contains_province, levels.youth]
    assert patterns and all(p.compiled.pattern == p.source for p in patterns)
