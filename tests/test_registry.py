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
    assert "中国科协" in text and "牵头: 83" in text


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
