"""Provincial and local plans (issue 17): levels, the mirror of the national registry, the
office's own registry files, --init, and the diff of two drafts of a provincial plan."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from checker.base.errors import ConfigError
from checker.knowledge.agencies import Registry, load_registry
from checker.knowledge.data import builtin
from checker.reading.parse import parse
from checker.reading.source import read_source

from .conftest import ROOT
from .test_cli import invoke

LOCAL = ROOT / "tests" / "data" / "local"
DRAFT = LOCAL / "shandong-2024-draft.txt"
FINAL = LOCAL / "shandong-2024-final.txt"
SICHUAN = LOCAL / "sichuan-2024.txt"
CHENGDU = LOCAL / "chengdu-2024.txt"
SICHUAN_REGISTRY = LOCAL / "sichuan-agencies.yaml"
PLANS = [DRAFT, FINAL, SICHUAN, CHENGDU]


def _lint_json(*args: str) -> dict:
    result = invoke("lint", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _findings(path: Path, *args: str, rule: str | None = None) -> list[dict]:
    found = _lint_json(str(path), *args)["findings"]
    return [f for f in found if rule is None or f["rule"] == rule]


def _written_names(path: Path) -> set[str]:
    plan = parse(read_source(str(path)))
    return {a.name for t in plan.tasks if t.clause for a in t.clause.agencies}


# ---- levels -----------------------------------------------------------------------------------


def test_no_national_name_reads_as_local():
    registry = load_registry()
    national = [n for n in registry.names()]
    assert len(national) > 300
    assert [n for n in national if registry.is_local(n)] == []
    assert [n for n in national if registry.lookup(n).agency.note.startswith("mirrors")] == []


@pytest.mark.parametrize(
    "name",
    [
        "省乡村振兴局",
        "团省委",
        "省委某某办",
        "市某某中心",
        "自治区某某局",
        "州某某局",
        "县某某站",
        "区某某委",
        "盟某某局",
        "旗某某局",
        "国网山东省电力公司",
        "国网四川省电力有限公司",
        "山东某某集团",
        "河南省某某局",
        "内蒙古某某公司",
        "济南市某某局",
        "延边朝鲜族自治州某某局",
        "长清区某某局",
    ],
)
def test_level_prefixes_and_places_are_local(name):
    registry = load_registry()
    assert registry.is_local(name)
    assert registry.suggest(name) is None or registry.lookup(registry.suggest(name)) is not None
    suggestion = registry.suggest(name)
    assert suggestion is None or registry.is_local(suggestion), suggestion


@pytest.mark.parametrize("name", ["国家知识产权总局", "国家市场监管局", "科学技术局", "市场监管局"])
def test_misspelt_national_names_still_get_national_suggestions(name):
    registry = load_registry()
    assert not registry.is_local(name)
    assert registry.suggest(name) in registry.agencies


def test_every_province_is_listed_once():
    provinces = builtin("places.yaml")["provinces"]
    names = [p["name"] for p in provinces]
    assert len(names) == 34 and len(set(names)) == 34
    shorts = Counter(s for p in provinces for s in p.get("short", ()) if len(s) >= 2)
    assert [s for s, n in shorts.items() if n > 1] == []


# ---- the mirror ---------------------------------------------------------------------------------

MIRRORED = [
    ("省教育厅", "教育部"),
    ("省卫生健康委", "国家卫生健康委"),
    ("省市场监管局", "市场监管总局"),
    ("省委组织部", "中央组织部"),
    ("省发展改革委", "国家发展改革委"),
    ("省财政厅", "财政部"),
    ("省公安厅", "公安部"),
    ("省司法厅", "司法部"),
    ("省知识产权局", "国家知识产权局"),
    ("团省委", "共青团中央"),
    ("省妇联", "全国妇联"),
    ("省委统战部", "中央统战部"),
    ("省残联", "中国残联"),
    ("自治区教育厅", "教育部"),
    ("广西壮族自治区财政厅", "财政部"),
    ("北京市财政局", "财政部"),
    ("市教育局", "教育部"),
    ("济南市教育局", "教育部"),
    ("市委宣传部", "中央宣传部"),
    ("团市委", "共青团中央"),
    ("团县委", "共青团中央"),
    ("县财政局", "财政部"),
    ("区卫生健康局", "国家卫生健康委"),
]


@pytest.mark.parametrize(("local", "central"), MIRRORED)
def test_mirrored_names_take_their_central_bodys_place(local, central):
    registry = load_registry()
    found = registry.lookup(local)
    assert found is not None and found.form == "name", local
    body = registry.lookup(central).agency
    assert registry.order_key(found.agency) == registry.order_key(body)
    assert found.agency.note == f"mirrors {central}"


@pytest.mark.parametrize(
    ("written", "central"),
    [
        ("人民银行济南分行", "中国人民银行"),
        ("中国人民银行山东省分行", "中国人民银行"),
        ("山东证监局", "中国证监会"),
        ("国家税务总局山东省税务局", "税务总局"),
        ("省税务局", "税务总局"),
        ("济南海关", "海关总署"),
        ("山东金融监管局", "金融监管总局"),
        ("四川证监局", "中国证监会"),
    ],
)
def test_branches_of_central_bodies(written, central):
    registry = load_registry()
    found = registry.lookup(written)
    assert found is not None and found.agency.category == "branch"
    assert found.agency.note == f"mirrors {central}"
    assert registry.is_local(written)


def test_branches_follow_the_provinces_own_bodies_in_their_central_order():
    registry = load_registry()
    keys = [
        registry.order_key(registry.lookup(n).agency)
        for n in ("省知识产权局", "人民银行济南分行", "山东金融监管局", "山东证监局", "团省委")
    ]
    assert keys == sorted(keys)


def test_a_bare_prefix_is_never_a_branchs_place():
    registry = load_registry()
    assert registry.lookup("省地方金融监管局") is None
    assert registry.is_local("省地方金融监管局")


def test_railway_bureaus_became_companies_of_the_national_railway_group():
    """The 2017 company reform ([RW2017] in mirror.yaml): 济南铁路局 is a former name of
    中国铁路济南局集团有限公司, a state company of 国铁集团 — never a misspelt 国家铁路局,
    which stays the national administration; the two forms of a branch's name are one body."""
    from .conftest import lint_text

    registry = load_registry()
    assert registry.lookup("国家铁路局").agency.category == "administration"
    company = registry.lookup("中国铁路济南局集团有限公司").agency
    assert company.category == "enterprise"
    assert registry.current(registry.lookup("济南铁路局").agency, 2024)[0] == company
    found = lint_text(PROVINCIAL_2024.format(names="省交通运输厅、济南铁路局"), ("G001", "G003"))
    assert [(f.code, f.args["successor"]) for f in found] == [
        ("G003", "中国铁路济南局集团有限公司")
    ]
    renamed = PROVINCIAL_2024.format(names="省交通运输厅、中国铁路济南局集团有限公司")
    assert lint_text(renamed, ("G001", "G003")) == []
    same = [registry.lookup(n).agency for n in ("人民银行济南分行", "中国人民银行济南分行")]
    assert {registry.own_name(a) for a in same} == {"中国人民银行济南分行"}
    assert registry.own_name(registry.lookup("中国人民银行济南中心支行").agency) != (
        "中国人民银行济南分行"
    )


def test_renamed_branch_follows_its_successor():
    registry = load_registry()
    current, year = registry.current(registry.lookup("山东银保监局").agency, 2024)
    assert (current.name, year) == ("山东金融监管局", 2023)


def test_colloquial_local_names_are_aliases_of_the_standard_one():
    registry = load_registry()
    found = registry.lookup("省发改委")
    assert (found.agency.name, found.form) == ("省发展改革委", "alias")
    assert registry.lookup("省发展和改革委员会").form == "full"
    assert registry.lookup("山东省卫健委").agency.name == "山东省卫生健康委"


def test_mirror_data_is_consistent():
    """Every central body exists and is current; no ending mirrors two bodies (the loader
    refuses both); each category the mirror adds sits before a national one."""
    registry = load_registry()
    data = builtin("mirror.yaml")
    for body in data["bodies"]:
        central = registry.lookup(body["central"]).agency
        assert central.ended is None, body["central"]
        assert body.get("province") or body.get("city")
    for branch in data["branches"]:
        assert registry.lookup(branch["central"]) is not None
    for extra in data["categories"]:
        assert extra["id"] in registry.categories
    national = [c["id"] for c in builtin("agencies.yaml")["categories"]]
    assert [c for c in registry.categories if c in national] == national


@pytest.mark.parametrize("prefix", ["省", "自治区", "市", "县", "山东省", "济南市"])
def test_mirrored_names_under_one_prefix_are_unique_with_unique_ranks(prefix):
    """The mirror checked as the national registry is: under one prefix, no name stands for
    two bodies, and no two bodies share a rank in a category."""
    registry = load_registry()
    levels = registry.mirror.levels
    style = dict(levels.prefixes(prefix + "教育厅"))[prefix]
    names = registry.mirror.names_for(prefix, style)
    assert len(names) == len(set(names)) and len(names) > 60
    bodies = [registry.lookup(n).agency for n in names]
    assert all(b.name == n for b, n in zip(bodies, names, strict=True))
    ranks = Counter((b.category, b.rank) for b in bodies)
    assert [k for k, n in ranks.items() if n > 1] == []
    assert all(b.rank is not None for b in bodies)


def test_local_collective_names_are_known_and_last():
    registry = load_registry()
    for name in ("各市政府", "省直", "各县(市、区)"):
        found = registry.lookup(name)
        assert found is not None and found.agency.category == "collective", name


def test_mirror_refuses_an_ending_twice():
    from checker.knowledge.mirror import Levels, Mirror

    data = {"bodies": [{"central": "教育部", "province": ["教育厅"]}] * 2}
    with pytest.raises(ConfigError, match=r"bodies\[1\]: '教育厅' already mirrors 教育部"):
        Mirror(data, Levels(builtin("places.yaml")))


# ---- registry files: the same checks for national, local ----------------------------------------


def _check_registry_file(entries: list[dict], registry: Registry) -> None:
    names = Counter()
    for entry in entries:
        names.update(
            {
                entry["name"],
                *entry.get("aliases", []),
                *([entry["full"]] if entry.get("full") else []),
            }
        )
    assert [n for n, count in names.items() if count > 1] == []
    ranked = Counter(
        (registry.agencies[e["name"]].category, registry.agencies[e["name"]].rank)
        for e in entries
        if e.get("rank") is not None and not e.get("ended")
    )
    assert [k for k, n in ranked.items() if n > 1] == []
    for entry in entries:
        if entry.get("successor"):
            current, _ = registry.current(registry.agencies[entry["name"]], 2100)
            assert current.ended is None, entry["name"]


@pytest.mark.parametrize("source", ["national", "sichuan"])
def test_registry_files_have_unique_names_successors_and_ranks(source):
    import yaml

    if source == "national":
        registry, entries = load_registry(), builtin("agencies.yaml")["agencies"]
    else:
        registry = load_registry((SICHUAN_REGISTRY,))
        entries = yaml.safe_load(SICHUAN_REGISTRY.read_text(encoding="utf-8"))["agencies"]
    _check_registry_file(entries, registry)


def test_local_registry_adds_names_with_their_place():
    registry = load_registry((SICHUAN_REGISTRY,))
    found = registry.lookup("省经信厅")
    assert (found.agency.name, found.form) == ("省经济和信息化厅", "alias")
    assert registry.order_key(found.agency) == registry.order_key(
        registry.lookup("工业和信息化部").agency
    )
    assert registry.is_local("国网四川省电力公司")
    assert registry.current(registry.lookup("省乡村振兴局").agency, 2026)[0].name == "省农业农村厅"


BAD_REGISTRIES = [
    ("agencies: {name: x}", "agencies: expected a list"),
    ("agencies:\n  - {name: 省甲局, category: nowhere}", "agencies[0]:category: unknown category"),
    (
        "agencies:\n  - {name: 省甲局, category: local, colour: red}",
        "agencies[0]:colour: unknown key",
    ),
    ("agencies:\n  - {name: 科技部, category: ministry}", "'科技部' is already registered"),
    ("agencies:\n  - {name: 省甲局, aliases: [工信部], category: local}", "'工信部' already names"),
    (
        "agencies:\n  - {name: 省甲局, category: local, rank: 1}\n  - {name: 省乙局, category: local, rank: 1}",
        "agencies[1]:rank: 1 is also the rank of '省甲局'",
    ),
    ("agencies:\n  - {name: 省甲局, ended: 2020, successor: 省丙局}", "unknown successor '省丙局'"),
    (
        "agencies:\n  - {name: 省甲局, mirrors: 不存在部}",
        "agencies[0]:mirrors: unknown central body",
    ),
    (
        "agencies:\n  - {name: 省甲局, category: local, rank: high}",
        "agencies[0]:rank: expected int or float, got text",
    ),
    ("agencies:\n  - {category: local}", "agencies[0]:name: missing"),
    ("bodies: []", ":bodies: unknown key"),
    ("- {name: 省甲局}", "mine.yaml: expected a mapping or nothing, got a list"),
    (
        "agencies:\n  - {name: 省甲局, aliases: 甲局}",
        "agencies[0]:aliases: expected a list, got text",
    ),
    ("agencies: [", ":2: "),
]


@pytest.mark.parametrize(("text", "message"), BAD_REGISTRIES)
def test_bad_registry_files_are_one_line_errors(tmp_path, text, message):
    (tmp_path / "mine.yaml").write_text(text + "\n", encoding="utf-8")
    (tmp_path / ".plancheck.yaml").write_text("agencies: [mine.yaml]\n", encoding="utf-8")
    plan = tmp_path / "plan.txt"
    plan.write_text("1.甲。(省财政厅负责)\n", encoding="utf-8")
    chinese = invoke("lint", str(plan))
    assert chinese.exit_code == 2 and len(chinese.stderr.strip().splitlines()) == 1
    assert "：" in chinese.stderr
    result = invoke("lint", str(plan), "--lang", "en")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert str(tmp_path / "mine.yaml") in lines[0] and message in lines[0], lines[0]


def test_a_registry_file_of_comments_only_adds_nothing(tmp_path):
    (tmp_path / "mine.yaml").write_text("# curated later\n", encoding="utf-8")
    (tmp_path / ".plancheck.yaml").write_text("agencies: [mine.yaml]\n", encoding="utf-8")
    plan = tmp_path / "plan.txt"
    plan.write_text("1.推进改革。(科技部负责)\n", encoding="utf-8")
    result = invoke("lint", str(plan), "--no-cache")
    assert result.exit_code == 0, result.stderr


def test_config_names_a_missing_registry_file(tmp_path):
    (tmp_path / ".plancheck.yaml").write_text("agencies: [missing.yaml]\n", encoding="utf-8")
    plan = tmp_path / "plan.txt"
    plan.write_text("1.甲。(省财政厅负责)\n", encoding="utf-8")
    result = invoke("lint", str(plan), "--lang", "en")
    assert result.exit_code == 2
    assert ".plancheck.yaml:agencies: no such registry file 'missing.yaml'" in result.stderr
    chinese = invoke("lint", str(plan))
    assert ".plancheck.yaml:agencies：名录文件“missing.yaml”不存在" in chinese.stderr


def test_registry_files_from_pyproject_relative_to_it(tmp_path):
    folder = tmp_path / "office"
    (folder / "registry").mkdir(parents=True)
    (folder / "registry" / "sichuan.yaml").write_text(
        SICHUAN_REGISTRY.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "pyproject.toml").write_text(
        '[tool.plancheck]\nagencies = ["registry/sichuan.yaml"]\n', encoding="utf-8"
    )
    (folder / "plans").mkdir()
    plan = folder / "plans" / "sichuan.txt"
    plan.write_text(SICHUAN.read_text(encoding="utf-8"), encoding="utf-8")
    assert _findings(plan, rule="G001") == []


# ---- the provincial fixture plans ---------------------------------------------------------------


def _summary_names(path: Path) -> list[str]:
    """The names G011's one summary lists (none: no summary)."""
    found = _findings(path, rule="G011")
    assert len(found) <= 1
    if not found:
        return []
    return found[0]["message"].split("：", 1)[1].split("。", 1)[0].split("、")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_no_national_suggestion_for_a_local_plan(path):
    """The local bodies no registry knows are well-formed names, not misspellings: no G001,
    one summary listing each of them, how to register them, never a national body."""
    registry = load_registry()
    assert _findings(path, rule="G001") == []
    names = _summary_names(path)
    assert names, "each fixture names bodies that no registry knows"
    (summary,) = _findings(path, rule="G011")
    assert summary["severity"] == "info" and "--init" in summary["message"]
    assert "是否应为" not in summary["message"]
    unknown = {n for n in _written_names(path) if registry.lookup(n) is None}
    assert set(names) == unknown and len(names) == len(unknown)
    for name in unknown:
        assert registry.is_local(name)


def test_fixture_names_are_mostly_recognised_by_the_mirror():
    registry = load_registry()
    names = set().union(*(_written_names(p) for p in PLANS))
    known = {n for n in names if registry.lookup(n) is not None}
    assert len(names) >= 50 and len(known) / len(names) > 0.85
    assert registry.lookup("省委统战部") and registry.lookup("人民银行济南分行")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_init_skeleton_in_the_config_clears_g001(tmp_path, path):
    plan = tmp_path / path.name
    plan.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    names = _summary_names(plan)
    result = invoke("agencies", str(plan), "--init", str(tmp_path / "local.yaml"))
    assert result.exit_code == 0, result.output
    assert f"：{len(names)}个" in result.stdout
    lines = (tmp_path / "local.yaml").read_text(encoding="utf-8").splitlines()
    parsed = parse(read_source(str(plan)))
    for name in names:
        line = next(line for line in lines if f"name: {name}," in line)
        tasks = line.rsplit("任务", 1)[1].split("、")
        first = next(t for t in parsed.tasks if any(a.name == name for a in t.agencies))
        assert str(first.number) in tasks
    (tmp_path / ".plancheck.yaml").write_text("agencies: [local.yaml]\n", encoding="utf-8")
    assert _findings(plan, rule="G001") == [] and _findings(plan, rule="G011") == []


def test_init_counts_tasks_and_guesses_categories(tmp_path):
    import yaml

    target = tmp_path / "sichuan.yaml"
    invoke("agencies", str(SICHUAN), "--init", str(target))
    text = target.read_text(encoding="utf-8")
    entries = {e["name"]: e for e in yaml.safe_load(text)["agencies"]}
    assert "国网四川省电力公司" not in entries  # a branch of 国家电网有限公司, known
    assert entries["四川省经济合作局"]["category"] == "affiliated"
    assert entries["省经济和信息化厅"]["category"] == "ministry"
    assert "省经济和信息化厅, category: ministry}  # 2次；任务4、11" in text


def test_init_never_overwrites(tmp_path):
    target = tmp_path / "local.yaml"
    target.write_text("# curated\n", encoding="utf-8")
    result = invoke("agencies", str(DRAFT), "--init", str(target), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "already exists" in result.stderr
    chinese = invoke("agencies", str(DRAFT), "--init", str(target))
    assert chinese.stderr.count("\n") == 1 and "文件已存在" in chinese.stderr
    assert target.read_text(encoding="utf-8") == "# curated\n"


def test_init_with_every_name_known_writes_nothing(tmp_path):
    """No unknown name: nothing to curate, so no file (an empty registry is only clutter)."""
    target = tmp_path / "none.yaml"
    plan = str(ROOT / "plans" / "2024.txt")
    result = invoke("agencies", plan, "--init", str(target), "--lang", "en")
    assert result.exit_code == 0 and "already in a registry" in result.stdout
    assert "not written" in result.stdout and not target.exists()
    chinese = invoke("agencies", plan, "--init", str(target))
    assert chinese.exit_code == 0 and "未写入" in chinese.stdout and not target.exists()


def test_curated_registry_orders_local_exceptions(tmp_path):
    """The Sichuan registry: 省经济和信息化厅 mirrors 工业和信息化部, 省乡村振兴局 has a rank."""
    config = tmp_path / "plancheck.yaml"
    # protocol order judged on every clause: the fixture is about the mirrored ranks
    config.write_text(f"agencies: [{SICHUAN_REGISTRY}]\nprotocol-order: always\n", encoding="utf-8")
    found = _findings(SICHUAN, "--config", str(config))
    assert {f["rule"] for f in found} == {"G007"}
    by_task = {f["task"]: f["message"] for f in found}
    assert set(by_task) == {5, 6}
    assert "省委编办、省发展改革委" in by_task[5]  # the mirror: party before government
    assert "省知识产权局、省乡村振兴局" in by_task[6]  # a local rank (99) after a mirrored one


def test_protocol_order_of_mirrored_names_in_the_provincial_plan():
    found = _findings(DRAFT, rule="G007")
    assert [(f["task"], f["message"].split("应为")[1]) for f in found] == [
        (9, "“省委网信办、省公安厅”。")
    ]


def test_agencies_table_of_a_provincial_plan_in_protocol_order():
    data = json.loads(invoke("agencies", str(DRAFT), "--format", "json").stdout)
    names = [row["name"] for row in data["agencies"]]
    assert names.index("省委组织部") < names.index("省法院") < names.index("省教育厅")
    assert names.index("省知识产权局") < names.index("人民银行济南分行") < names.index("团省委")
    unknown = {row["name"] for row in data["agencies"] if not row["known"]}
    assert unknown == {"省乡村振兴局", "省地方金融监管局"}  # 国网山东省电力公司: a branch


# ---- the diff of two drafts ---------------------------------------------------------------------


def test_diff_of_two_drafts_finds_every_agency_and_lead_change():
    data = json.loads(invoke("diff", str(DRAFT), str(FINAL), "--format", "json").stdout)
    changes = {
        (tuple(p["old"]), tuple(p["new"])): p["agencies"]
        for p in data["pairs"]
        if p["agencies"]["added"] or p["agencies"]["removed"] or p["agencies"]["lead_changed"]
    }
    assert changes == {
        ((3,), (3,)): {
            "added": ["省审计厅"],
            "removed": [],
            "lead_changed": False,
            "renamed": [],
            "roles_changed": [],
        },
        ((5,), (5,)): {
            "added": [],
            "removed": [],
            "lead_changed": True,
            "renamed": [],
            "roles_changed": [],
        },
        ((8,), (8,)): {
            "added": ["省检察院"],
            "removed": [],
            "lead_changed": False,
            "renamed": [],
            "roles_changed": [],
        },
        ((10,), (10,)): {
            "added": [],
            "removed": ["省乡村振兴局"],
            "lead_changed": False,
            "renamed": [],
            "roles_changed": [],
        },
        ((14,), (14,)): {
            "added": [],
            "removed": ["山东证监局"],
            "lead_changed": False,
            "renamed": [],
            "roles_changed": [],
        },
        ((16,), (16,)): {
            "added": [],
            "removed": [],
            "lead_changed": True,
            "renamed": [],
            "roles_changed": [],
        },
        ((18,), (18,)): {
            "added": ["省教育厅"],
            "removed": [],
            "lead_changed": False,
            "renamed": [],
            "roles_changed": [],
        },
        ((20,), ()): {
            "added": [],
            "removed": ["省残联", "省知识产权局"],
            "lead_changed": False,
            "renamed": [],
            "roles_changed": [],
        },
        ((), (21,)): {
            "added": ["省知识产权局", "省司法厅", "省大数据局"],
            "removed": [],
            "lead_changed": False,
            "renamed": [],
            "roles_changed": [],
        },
    }
    leads = {row["agency"]: row for row in data["agencies"]}
    assert leads["省教育厅"]["lead_gained"] == [5] and leads["省科技厅"]["lead_lost"] == [5]
    assert leads["省知识产权局"]["lead_gained"] == [16] and leads["省国资委"]["lead_lost"] == [16]


def test_diff_aligns_a_mistyped_task_number():
    data = json.loads(invoke("diff", str(DRAFT), str(FINAL), "--format", "json").stdout)
    pair = next(p for p in data["pairs"] if p["new"] == [11])
    assert pair["old"] == [11] and pair["status"] == "unchanged"
    assert data["summary"]["new"] == 1 and data["summary"]["dropped"] == 1
    moved = next(p for p in data["pairs"] if p["old"] == [21])
    assert moved["new"] == [20] and moved["status"] == "unchanged"


def test_diff_reads_names_with_the_offices_registry(tmp_path):
    """With a registry that records 省乡村振兴局 → 省农业农村厅, removing it is no change of body."""
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("1.推进改革。(省乡村振兴局负责)\n", encoding="utf-8")
    new.write_text("1.推进改革。(省农业农村厅负责)\n", encoding="utf-8")
    plain = json.loads(invoke("diff", str(old), str(new), "--format", "json").stdout)
    assert plain["pairs"][0]["agencies"]["lead_changed"] is True
    (tmp_path / "mine.yaml").write_text(
        "agencies:\n  - {name: 省乡村振兴局, ended: 2023, successor: 省农业农村厅}\n",
        encoding="utf-8",
    )
    (tmp_path / ".plancheck.yaml").write_text(
        "agencies: [mine.yaml]\nyear: 2024\n", encoding="utf-8"
    )
    text = "2024年推进计划\n1.推进改革。(省乡村振兴局负责)\n"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("省乡村振兴局", "省农业农村厅"), encoding="utf-8")
    curated = json.loads(invoke("diff", str(old), str(new), "--format", "json").stdout)
    # one body under its successor's name: a renaming, neither removed nor added
    assert curated["pairs"][0]["agencies"] == {
        "added": [],
        "removed": [],
        "lead_changed": False,
        "renamed": [{"old": "省乡村振兴局", "new": "省农业农村厅"}],
        "roles_changed": [],
    }


def _han_names():
    from hypothesis import strategies as st

    registry = load_registry()
    alphabet = sorted({c for name in registry.names() for c in name if "\u4e00" <= c <= "\u9fff"})
    return st.text(alphabet=alphabet, min_size=2, max_size=8)


def test_a_level_prefix_never_gets_a_national_suggestion():
    """Property: whatever follows 省, 市, 县, 团省委 or a province's name, the suggestion (if
    any) is a local name, never a national body."""
    from hypothesis import assume, given
    from hypothesis import strategies as st

    registry = load_registry()
    not_places = tuple(builtin("places.yaml")["not_places"])
    prefixes = st.sampled_from(["省", "市", "县", "区", "自治区", "省委", "山东省", "国网广东省"])

    @given(prefixes, _han_names())
    def check(prefix, rest):
        name = prefix + rest
        assume(not name.startswith(not_places))  # 市场…, 区域… are not level prefixes
        if registry.lookup(name) is not None:
            return
        assert registry.is_local(name)
        suggestion = registry.suggest(name)
        assert suggestion is None or suggestion not in registry.agencies, (name, suggestion)

    check()


def test_a_local_short_form_is_rewritten_where_the_plan_writes_the_body_both_ways():
    """A place names its own bodies: 市发改委 alone is the plan's usage (成都市, 宁波市); the
    same body written 省发改委 and 省发展改革委 in one plan is two names for one body."""
    from .conftest import lint_text

    text = "1.推进改革。(省发改委、省财政厅按职责分工负责)\n2.推进开放。(省发展改革委负责)\n"
    found = lint_text(text, "G002")
    assert [(f.code, f.args["canonical"]) for f in found] == [("G002", "省发展改革委")]
    assert found[0].fix is not None and found[0].fix.edits[0].text == "省发展改革委"
    alone = "1.推进改革。(市发改委、市住建局按职责分工负责)\n2.推进开放。(市发改委负责)\n"
    assert lint_text(alone, "G002") == []
    assert [f.code for f in lint_text("1.推进改革。(发改委负责)\n", "G002")] == ["G002"]


def test_renamed_local_bodies_follow_their_successor():
    """A branch renamed by the 2023 reform (mirror), and a body an office's registry records
    as merged: G003 names the successor in a plan of a later year."""
    from .conftest import lint_text

    found = lint_text("2024年推进计划\n1.推进融资。(省财政厅、山东银保监局负责)\n", "G003")
    assert [f.args["successor"] for f in found] == ["山东金融监管局"]
    found = lint_text(
        "2026年推进计划\n1.推进振兴。(省乡村振兴局负责)\n", "G003", agencies=(SICHUAN_REGISTRY,)
    )
    assert [f.args["successor"] for f in found] == ["省农业农村厅"]


def test_init_into_a_missing_folder_is_a_one_line_error(tmp_path):
    target = str(tmp_path / "no" / "such.yaml")
    result = invoke("agencies", str(DRAFT), "--init", target, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr
    chinese = invoke("agencies", str(DRAFT), "--init", target)
    assert chinese.stderr.count("\n") == 1 and "无法写入（路径不存在）" in chinese.stderr


def test_malformed_shipped_mirror_data_is_a_one_line_error(monkeypatch):
    from checker.knowledge import mirror

    mirror.load_mirror.cache_clear()
    monkeypatch.setattr(mirror, "builtin", lambda name: {"provinces": []})
    try:
        with pytest.raises(ConfigError, match=r"^places.yaml: malformed data \(KeyError"):
            mirror.load_mirror()
    finally:
        mirror.load_mirror.cache_clear()


def test_the_mirror_is_made_only_for_a_plan_that_needs_it(monkeypatch):
    """A national plan whose every name is in the registry never makes the mirror (0.8 ms
    of a check); a provincial plan makes it, checked against the registry then, and finds
    its local names; a malformed one is still a one-line error when it is needed."""
    from checker.checking.lint import LintOptions, lint_paths
    from checker.checking.rules import builtin_rules
    from checker.knowledge import agencies, mirror

    from .conftest import PLAN_2024

    specs = list(builtin_rules().values())
    options = LintOptions(cache=False)
    try:
        agencies._load_registry.cache_clear()
        mirror.load_mirror.cache_clear()
        national = lint_paths([str(PLAN_2024)], options, specs)
        assert national.files[0].findings and mirror.load_mirror.cache_info().currsize == 0
        local = lint_paths([str(DRAFT)], options, specs)
        assert mirror.load_mirror.cache_info().currsize == 1
        assert load_registry().lookup("山东省市场监管局") is not None
        assert local.files[0].summary["tasks"]
        agencies._load_registry.cache_clear()
        mirror.load_mirror.cache_clear()
        monkeypatch.setattr(mirror, "builtin", lambda name: {"provinces": []})
        with pytest.raises(ConfigError, match=r"^places.yaml: malformed data"):
            load_registry().lookup("山东省市场监管局")
    finally:
        monkeypatch.undo()
        agencies._load_registry.cache_clear()
        mirror.load_mirror.cache_clear()


# ---- local forms of reorganised national bodies (mirror.yaml former) ---------------------------

PROVINCIAL_2024 = (
    "2024年全省知识产权工作要点\n一、加强保护\n1.开展执法。（{names}按职责分工负责）\n"
)


@pytest.mark.parametrize(
    ("written", "successor"),
    [
        ("省工商局", "省市场监管局"),
        ("省工商行政管理局", "省市场监管局"),
        ("山东省工商行政管理局", "山东省市场监管局"),
        ("省质量技术监督局", "省市场监管局"),
        ("省食品药品监督管理局", "省市场监管局"),
        ("市食药监局", "市市场监管局"),
        ("济南市国土资源局", "济南市自然资源局"),
        ("省环保厅", "省生态环境厅"),
        ("县农业局", "县农业农村局"),
        ("省卫计委", "省卫生健康委"),
        ("市卫生计生局", "市卫生健康委"),
        ("省安监局", "省应急管理厅"),
        ("省文化厅", "省文化和旅游厅"),
        ("省旅游发展委员会", "省文化和旅游厅"),
        ("市法制办", "市司法局"),
        ("省行政学院", "省委党校"),
        ("省监察厅", "省纪委监委"),
    ],
)
def test_abolished_local_bodies_name_their_local_successor(written, successor):
    """The 2018 reform ended them with their national bodies: G003 with the local counterpart
    of the national successor under the same prefix, and a fix; never G001 (register it)."""
    from .conftest import lint_text

    found = lint_text(PROVINCIAL_2024.format(names=f"省公安厅、{written}"), ("G001", "G003"))
    assert [(f.code, f.args["agency"], f.args["successor"]) for f in found] == [
        ("G003", written, successor)
    ]
    provincial = written.startswith(("省", "山东省"))  # cities and counties: a year later
    assert found[0].args["year"] == (2018 if provincial else 2019)
    assert found[0].fix is not None and found[0].fix.edits[0].text == successor
    # the usual local form, which a place may have named its own way: a fix to check
    assert not found[0].fix.safe and found[0].key == "G003.local"


def test_abolished_local_body_in_the_provincial_fixture():
    """The reviewers' defective Jiangsu plan writes 省工商局 in task 6."""
    path = ROOT / "tests" / "data" / "family" / "review" / "d04-province-jiangsu-defective.txt"
    found = _findings(path, rule="G003")
    assert [(f["line"], f["task"]) for f in found] == [(20, 6)]
    assert "省市场监管局" in found[0]["message"] and "省工商局" in found[0]["message"]
    assert not any("省工商局" in f["message"] for f in _findings(path, rule="G001"))


def test_abolished_local_body_fixed_in_place_only_as_an_unsafe_fix(tmp_path):
    """A place may name its successor its own way (县卫生健康局, 市自然资源和规划局): --fix
    leaves the name to the drafter, --fix --unsafe-fixes writes the usual local form."""
    plan = tmp_path / "plan.txt"
    plan.write_text(PROVINCIAL_2024.format(names="省工商局、省公安厅"), encoding="utf-8")
    assert invoke("lint", str(plan), "--fix", "--select", "G003").exit_code == 1
    assert "省工商局" in plan.read_text(encoding="utf-8")
    fixed = invoke("lint", str(plan), "--fix", "--unsafe-fixes", "--select", "G003")
    assert fixed.exit_code == 0
    assert "（省市场监管局、省公安厅按职责分工负责）" in plan.read_text(encoding="utf-8")


def test_before_the_reform_the_old_local_names_were_right():
    from .conftest import lint_text

    text = PROVINCIAL_2024.replace("2024", "2017").format(names="省工商局、省食品药品监督管理局")
    assert lint_text(text, ("G001", "G003")) == []


@pytest.mark.parametrize(
    "names",
    [
        "省市场监管局、省药监局、省药品监督管理局、省林业局、省林业和草原局",
        "省文化和旅游厅、省卫生健康委、省自然资源厅、省生态环境厅、省应急管理厅",
        "省司法厅、省广电局、省粮食和储备局、省委党校、省纪委监委、省农业农村厅",
        "省工商联、市工商联、市林业局、市文化广电旅游局、市自然资源和规划局、县农业农村局",
        "山东省市场监管局、济南市市场监管局、市卫生健康局、市应急管理局",
    ],
)
def test_current_local_names_are_not_taken_for_abolished_ones(names):
    """Today's bodies, and look-alikes of the old names (省工商联 beside 省工商局, 市林业局
    that cities still have): neither G003 nor G001."""
    from .conftest import lint_text

    assert lint_text(PROVINCIAL_2024.format(names=names), ("G001", "G003")) == []


def test_an_office_that_kept_an_old_name_registers_it(tmp_path):
    """A local exception (a city whose 旅游局 was kept) is the office's, in its registry,
    which is read before the mirror."""
    from .conftest import lint_text

    registry = tmp_path / "agencies.yaml"
    registry.write_text(
        "agencies:\n  - {name: 三亚市旅游局, category: local, rank: 1, note: test}\n",
        encoding="utf-8",
    )
    text = PROVINCIAL_2024.format(names="三亚市旅游局、三亚市公安局")
    assert [f.code for f in lint_text(text, ("G001", "G003"))] == ["G003"]
    assert lint_text(text, ("G001", "G003"), agencies=(registry,)) == []


def test_current_names_never_suggest_an_abolished_one():
    """names_for, whence typo suggestions come, lists current bodies only."""
    registry = load_registry()
    names = registry.mirror.names_for("省", "province")
    assert "省市场监管局" in names and "省工商局" not in names and "省环保厅" not in names


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"central": "教育部", "province": ["教育局"]}, "'教育部' has no successor"),
        (
            {"central": "国家林业局", "city": ["林业处"]},
            "'国家林草局' has no city counterpart",
        ),
    ],
)
def test_a_former_entry_without_a_local_successor_is_refused(entry, message):
    from checker.knowledge.agencies import build_registry
    from checker.knowledge.mirror import Levels, Mirror

    data = {"bodies": [{"central": "国家林草局", "province": ["林业局"]}], "former": [entry]}
    mirror = Mirror(data, Levels(builtin("places.yaml")))
    with pytest.raises(ConfigError, match=message):
        build_registry(builtin("agencies.yaml"), mirror=mirror)


def test_every_former_entry_says_where_it_comes_from():
    """A renaming is a fact about agencies: the data's shape requires its source."""
    import copy
    from pathlib import Path

    from checker.knowledge.data import _checked, shapes

    data = copy.deepcopy(builtin("mirror.yaml"))
    assert data["former"] and all(entry.get("source") for entry in data["former"])
    del data["former"][0]["source"]
    with pytest.raises(ConfigError, match=r"former\[0\]:source: missing"):
        _checked(data, lambda: shapes()["mirror.yaml"], Path("mirror.yaml"))


@pytest.mark.parametrize(
    ("year", "names", "flagged"),
    [
        # the provinces' reforms ended with 2018: a 2019 provincial plan names the new body
        (2019, "省工商局、省公安厅", [("省工商局", 2018)]),
        # cities' and counties' ended by March 2019: a 2019 city plan may still name the old one
        (2019, "市工商局、市公安局", []),
        (2019, "县国土资源局、县公安局", []),
        (2020, "市工商局、市公安局", [("市工商局", 2019)]),
    ],
)
def test_city_and_county_forms_of_former_bodies_ended_a_year_later(year, names, flagged):
    from .conftest import lint_text

    text = PROVINCIAL_2024.replace("2024", str(year)).format(names=names)
    found = lint_text(text, ("G001", "G003"))
    assert [(f.args["agency"], f.args["year"]) for f in found] == flagged
    assert all(f.code == "G003" for f in found)


def test_init_says_one_name_in_the_singular(tmp_path):
    """chengdu-2024 has one name no registry knows: "1 name", not "1 names"."""
    target = tmp_path / "one.yaml"
    result = invoke(
        "agencies", str(LOCAL / "chengdu-2024.txt"), "--init", str(target), "--lang", "en"
    )
    assert result.exit_code == 0 and "1 name no registry knows" in result.stdout
    assert target.exists()


def test_a_list_writes_the_level_prefix_once():
    """省商务厅、财政厅、住房城乡建设厅 (豫政〔2023〕): the later bodies are the province's, not
    misspelt ministries; without a prefixed body before it, 财政厅 is still a near miss."""
    from .conftest import lint_text

    shared = "1.推进消费。(省商务厅、财政厅、文化和旅游厅、税务局按职责分工负责)\n"
    assert lint_text(shared, ("G001", "G002", "G011")) == []
    city = "1.推进改革。(市发改委、财政局,各区政府负责)\n"
    assert lint_text(city, ("G001", "G011")) == []
    alone = lint_text("1.推进改革。(科技部、财政厅负责)\n", "G001")
    assert [(f.code, f.args["suggestion"]) for f in alone] == [("G001", "财政部")]
    own_place = lint_text("1.推进开放。(省商务厅、四川省经济合作局负责)\n", "G011")
    assert "四川省经济合作局" in own_place[0].args["names"]
