"""The agency registry is consistent data, and the 2024 plan's agencies are all in it."""

from __future__ import annotations

from collections import Counter

from checker.knowledge.agencies import conferences, load_registry
from checker.knowledge.data import builtin
from checker.reading.parse import parse
from checker.reading.source import read_source

from .conftest import PLAN_2024


def test_no_name_or_alias_belongs_to_two_agencies():
    names = Counter()
    for entry in builtin("agencies.yaml")["agencies"]:
        own = {entry["name"], *entry.get("aliases", [])}
        if entry.get("full"):
            own.add(entry["full"])
        names.update(own)
    assert [n for n, count in names.items() if count > 1] == []


def test_successors_exist_and_chains_end_in_a_current_body():
    registry = load_registry()
    for agency in registry.agencies.values():
        if agency.ended:
            assert agency.successor in registry.agencies
            current, _ = registry.current(agency, 2030)
            assert current.ended is None, agency.name


def test_ranks_unique_within_category():
    registry = load_registry()
    seen = Counter((a.category, a.rank) for a in registry.agencies.values() if a.ended is None)
    assert [k for k, n in seen.items() if n > 1] == []
    assert all(a.rank is not None for a in registry.agencies.values() if a.ended is None)


def test_registry_covers_the_state_council():
    registry = load_registry()
    by_category = Counter(a.category for a in registry.agencies.values() if a.ended is None)
    assert by_category["ministry"] == 26  # 国务院组成部门 after the 2023 reform
    assert by_category["affiliated"] == 14


def test_every_agency_of_2024_is_known_and_current():
    plan = parse(read_source(PLAN_2024))
    registry = load_registry()
    written = {a.name for t in plan.tasks if t.clause for a in t.clause.agencies}
    assert len(written) >= 40
    for name in written:
        found = registry.lookup(name)
        assert found is not None and found.form == "name", name
        assert found.agency.ended is None


def test_conference_members_are_registered_in_protocol_order():
    registry = load_registry()
    members = conferences()[0]["members"]
    assert len(members) == 29
    keys = [registry.order_key(registry.lookup(m).agency) for m in members[1:]]
    assert keys == sorted(keys), "the 2024 member list is the protocol order after the lead"


def test_lookup_and_succession():
    registry = load_registry()
    assert registry.lookup("工信部").agency.name == "工业和信息化部"
    assert registry.current(registry.lookup("卫生部").agency, 2024)[0].name == "国家卫生健康委"
    assert registry.current(registry.lookup("银保监会").agency, 2023)[0].name == "中国银保监会"
    assert registry.suggest("国家知识产权总局") == "国家知识产权局"


def test_agencies_command_text_and_json():
    import json

    from .test_cli import invoke

    data = json.loads(invoke("agencies", str(PLAN_2024), "--format", "json").output)
    rows = {row["name"]: row for row in data["agencies"]}
    assert len(rows) == 43 and all(row["known"] for row in rows.values())
    assert rows["中国科协"] == {**rows["中国科协"], "leads": [83], "joins": [89]}
    assert len(rows["国家知识产权局"]["leads"]) == 23
    assert [row["name"] for row in data["agencies"]][:3] == [
        "中央宣传部",
        "中央政法委",
        "中央网信办",
    ]
    text = invoke("agencies", str(PLAN_2024)).output
    assert "中国科协" in text and "牵头：83" in text


def test_addressees_against_members_and_tasks():
    import json

    from .test_cli import invoke

    data = json.loads(invoke("lint", str(PLAN_2024), "--format", "json").output)
    roster = data["files"][0]["addressees"]
    assert roster["conference"] == "国家知识产权强国建设工作部际联席会议"
    assert roster["members"] == 29 and len(roster["named"]) == 12
    assert roster["members_without_task"] == [] and roster["unaddressed"] == []


def test_addressee_gaps_are_reported(tmp_path):
    import json

    from .test_cli import invoke

    text = PLAN_2024.read_text(encoding="utf-8")
    text = text.replace(
        "、中国科协、国家自然科学基金委:", "、国家自然科学基金委:"
    )  # 中国科协 not addressed
    text = text.replace("(国家国际发展合作署", "(商务部").replace(
        "国家国际发展合作署按职责分工负责", "商务部按职责分工负责"
    )
    plan = tmp_path / "plan.txt"
    plan.write_text(text.replace("(最高人民检察院负责)", "(公安部负责)"), encoding="utf-8")
    roster = json.loads(invoke("lint", str(plan), "--format", "json").output)["files"][0][
        "addressees"
    ]
    assert roster["unaddressed"] == ["中国科协"]
    assert roster["named_without_task"] == ["国家国际发展合作署"]
    assert "最高人民检察院" not in roster["members_without_task"]  # still joins tasks 26 and 45


# ---- bodies beyond ministries (issue 23) ------------------------------------------------------

#: the categories of bodies beyond the State Council's own, with a body of each as a plan writes it
BEYOND_MINISTRIES = {
    "enterprise": [
        "中国国家铁路集团有限公司",
        "国铁集团",
        "国家电网有限公司",
        "中国南方电网有限责任公司",
    ],
    "finance": ["国家开发银行", "中国进出口银行", "中国农业发展银行", "中国出口信用保险公司"],
    "people": [
        "全国总工会",
        "共青团中央",
        "全国妇联",
        "中国残联",
        "中国科协",
        "中国红十字会总会",
        "中国侨联",
    ],
    "judicial": ["最高人民法院", "最高人民检察院", "四川省高级人民法院", "成都市人民检察院"],
    "council-office": ["国务院妇儿工委办公室", "国务院残工委办公室", "全国老龄办", "省老龄办"],
    "government": ["四川省人民政府", "成都市人民政府", "锦江区政府", "县人民政府"],
}


def test_bodies_beyond_ministries_are_known_in_their_categories():
    registry = load_registry()
    for category, names in BEYOND_MINISTRIES.items():
        for name in names:
            found = registry.lookup(name)
            assert found is not None, name
            assert found.agency.category == category, (name, found.agency.category)


def test_every_body_beyond_ministries_says_where_it_comes_from():
    """Each entry of the new categories carries a source or a note (the brief: facts are data
    with their source)."""
    beyond = {"enterprise", "finance", "council-office"}
    for entry in builtin("agencies.yaml")["agencies"]:
        if entry.get("category") in beyond:
            assert entry.get("source") or entry.get("note"), entry["name"]


def test_governments_and_branches_come_after_the_bodies_of_the_plan_s_level():
    registry = load_registry()
    key = lambda name: registry.order_key(registry.lookup(name).agency)  # noqa: E731
    assert key("国家发展改革委") < key("全国总工会") < key("国家开发银行") < key("国家电网有限公司")
    assert key("国家电网有限公司") < key("四川省人民政府")
    assert key("市发展改革委") < key("锦江区政府") and key("市政府办公室") < key("市发展改革委")
    # 各省、自治区、直辖市人民政府 splits into 直辖市人民政府: a kind of place, not one
    assert registry.lookup("直辖市人民政府") is None


def test_a_suggestion_only_for_a_near_miss():
    registry = load_registry()
    assert registry.suggest("国家知识产权总局") == "国家知识产权局"  # one character
    assert registry.suggest("国务院妇儿工委办公厅") == "国务院妇儿工委办公室"
    assert registry.suggest("中国国家铁路集团有限责任公司") == "国铁集团"  # two, in a long name
    # not close: a body of its own, never an unrelated one (the old cut-off gave 国务院新闻办)
    for name in ["国务院妇女发展办公室", "中国足球协会", "国家创新促进总署", "国家乡村建设署"]:
        suggestion = registry.suggest(name)
        assert suggestion is None, (name, suggestion)
    assert registry.suggest("外商部") is None or registry.suggest("外商部") in ("商务部", "外交部")


def test_well_formed_names_are_built_like_bodies():
    registry = load_registry()
    for name in [
        "中国足球协会",
        "四川省经济合作局",
        "市经信局",
        "中央党校(国家行政学院)",
        "国家创新促进总署",
    ]:
        assert registry.well_formed(name), name
    for name in ["年内持续推进", "国家创新促进", "长期坚持", "局", "各", "2024年底前完成", "ABC局"]:
        assert not registry.well_formed(name), name


def test_ocr_near_misses_of_local_names_get_the_mirror_s_name():
    registry = load_registry()
    assert registry.suggest("省交通运偷厅") == "省交通运输厅"  # one character misread
    assert registry.suggest("省发‘展改革委") == "省发展改革委"  # a stray mark
    assert registry.suggest("成都市卫生建康委") == "成都市卫生健康委"
    # a short ending is another body, not a typo: 邮政局 and 民政局 both exist
    assert registry.suggest("区邮政局") is None and registry.suggest("省商务厅") is None


def test_a_short_name_is_a_near_miss_only_past_its_head():
    """人保局 (a city's 人力资源和社会保障局, 锡政发〔2011〕) is one character off 医保局, but
    in its first, the head of its domain: another body, never "国家医保局?"."""
    registry = load_registry()
    for name in ["人保局", "社保局", "农委"]:
        assert registry.suggest(name) is None, name
    assert registry.suggest("教肓部") == "教育部"  # a slip inside the name
    assert registry.suggest("财政厅") == "财政部"  # the local kind in a national list
    assert registry.suggest("疾控处") is None  # a commission's division, no slip of 疾控局


def test_a_place_alone_is_its_government():
    registry = load_registry()
    for name in ["越秀区", "浦东新区", "济南市", "四川省", "延边朝鲜族自治州"]:
        found = registry.lookup(name)
        assert found is not None and found.agency.category == "government", name
    assert registry.own_name(registry.lookup("越秀区").agency) == "越秀区人民政府"
    # groups, scopes, kinds of area and zones are no place of their own
    for name in [
        "自治区",
        "直辖市",
        "全市",
        "本区",
        "各区县",
        "试点城市",
        "中心城区",
        "重点地区",
        "嘉定工业区",
        "临港新片区",
        "沛县",
    ]:
        found = registry.lookup(name)
        assert found is None or found.agency.category != "government", name


def test_a_parks_and_a_listed_companys_short_names_are_built_as_bodies():
    """微纳园 (a park's administration), 星洲股份 (a company by its listed short name), and a zone's
    管理机构 with its place in nested brackets: names of bodies to register (G011), not
    misreadings (G001)."""
    registry = load_registry()
    for name in ["微纳园", "星洲股份", "中国〔广东〕自由贸易试验区南沙片区管理机构"]:
        assert registry.well_formed(name), name
    assert not registry.well_formed("年内持续推进")


def test_a_zones_bus_and_logistics_companies_go_by_their_trade():
    """高新公交, 高新物流 (锡新办发〔2020〕13号, beside 新投集团 and 星洲股份公司): enterprises named by
    their trade, as 港华燃气 is, bodies to register (G011), not misreadings (G001). The trade
    alone, or a trade before a role word, is no body."""
    registry = load_registry()
    for name in ["高新公交", "高新物流", "苏州公交"]:
        assert registry.well_formed(name), name
    for name in ["公交", "物流", "物流配合", "公交优先发展"]:
        assert not registry.well_formed(name), name
