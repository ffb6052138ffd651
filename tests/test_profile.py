"""A document's own conventions (checker/checking/profile.py): the participants of each clause,
resolved in the plan's year, that the protocol-order convention and G007 read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.checking.profile import clause_participants
from checker.knowledge.agencies import load_registry
from checker.knowledge.data import builtin
from checker.reading.parse import parse
from checker.reading.source import Source

from .conftest import PLAN_2024

_PLAN = (
    "一、总体\n1.推进改革。(科技部牵头,农业部、工商总局、某某局参与)\n"
    "2.完善制度。(国家知识产权局负责)\n"
)


@pytest.mark.parametrize(
    ("year", "bodies"),
    [
        (2017, [("农业部", "农业部"), ("工商总局", "国家工商总局"), ("某某局", None)]),
        # after the 2018 reform: the successors, in their place in the protocol order
        (2024, [("农业部", "农业农村部"), ("工商总局", "市场监管总局"), ("某某局", None)]),
    ],
)
def test_a_clause_s_participants_are_its_agencies_but_the_lead_in_the_plan_s_year(year, bodies):
    registry = load_registry()
    plan = parse(Source.from_text(_PLAN))
    # task 2's lead alone has no order to keep: it is not listed
    participants = clause_participants(plan, registry, year)
    ((task, clause, named),) = participants.clauses
    assert task.number == 1 and clause is task.clauses[0]
    found = [participants.body(a) for a in named]
    assert [(a.name, body and body.name) for a, body in zip(named, found, strict=True)] == bodies
    assert [participants.order(a) for a in named] == [
        body and registry.order_key(body) for body in found
    ]


def test_the_same_name_twice_is_the_same_body():
    registry = load_registry()
    plan = parse(
        Source.from_text(
            "一、总体\n1.甲。(科技部牵头,工商总局、外交部参与)\n"
            "2.乙。(科技部牵头,工商总局、外交部参与)\n"
        )
    )
    participants = clause_participants(plan, registry, 2024)
    (_, _, first), (_, _, second) = participants.clauses
    assert first[0] is not second[0]  # two uses of one name
    assert participants.body(first[0]) is participants.body(second[0])
    assert participants.order(first[0]) == participants.order(second[0])


def test_every_clause_of_the_2024_plan_with_an_order_to_keep_in_order_with_its_participants():
    """Every clause with two participants or more (a lead alone or with one other has no
    order to keep), in the plan's order."""
    plan = parse(Source.from_text(PLAN_2024.read_text(encoding="utf-8"), "2024.txt"))
    participants = clause_participants(plan, load_registry(), plan.year)
    clauses = participants.clauses
    assert [(t, c) for t, c, _ in clauses] == [
        (t, c)
        for t in plan.rows_and_tasks
        for c in t.clauses
        if sum(a.role != "lead" for a in c.agencies) >= 2
    ]
    assert len(clauses) > 20
    for _, clause, named in clauses:
        assert list(named) == [a for a in clause.agencies if a.role != "lead"]
    names = {a.name for _, _, named in clauses for a in named if participants.body(a) is None}
    assert names == set()  # every body the 2024 plan names is in the registry


def test_a_government_whose_title_is_on_its_issuer_line_issues_the_document():
    """河南省人民政府关于…的通知 on one line (a title run onto the issuer's name): the issuer is
    the government before 关于, as on a line of its own."""
    from checker.checking.profile import Issuer
    from checker.reading.parse import parse
    from checker.reading.source import source_from_bytes

    text = (
        "河南省人民政府关于明确2023年重点工作责任单位的通知\n一、提振市场信心\n"
        "1.促进消费。(省商务厅牵头,省财政厅等相关部门按职责分工负责)\n"
    )
    plan = parse(source_from_bytes(text.encode(), "plan.txt"))
    assert Issuer(plan).government


@pytest.fixture(scope="module")
def government() -> dict:
    """``rules/layout.yaml``'s government patterns, read before hypothesis times an example."""
    return builtin("layout.yaml")["government"]


@pytest.mark.parametrize("key", ["doc_number", "signature", "title"])
@given(data=st.data())
def test_every_government_text_holds_a_needle(government, key, data):
    """A government's number, signature and title patterns are compiled only for a paragraph
    holding one of their needles (one without is no government's): every text a pattern
    matches (hypothesis makes them from the pattern, and what may follow) holds one."""
    text = data.draw(st.from_regex(government[key]))
    assert any(needle in text for needle in government["needles"][key])
