"""The agency registry is consistent data, and the 2024 plan's agencies are all in it."""

from __future__ import annotations

from collections import Counter

from checker.agencies import conferences, load_registry
from checker.data import builtin
from checker.parse import parse
from checker.source import read_source

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
