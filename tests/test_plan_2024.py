"""The published 2024 plan, defects included: exactly its structural findings, nothing more."""

from __future__ import annotations

import pytest

from checker.reading.parse import parse
from checker.reading.source import Source, source_from_bytes

from .conftest import PLAN_2024, lint_text, to_full_width

STRUCTURAL = "N,A,G008"


def _summary(findings):
    return [(f.code, f.line, f.task) for f in findings]


def test_plan_copied_verbatim():
    shared = PLAN_2024.parent.parent.parent / "shared" / "plans" / "2024.txt"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    assert PLAN_2024.read_bytes() == shared.read_bytes()


def test_structural_findings_exactly(plan_2024_text):
    found = lint_text(plan_2024_text, STRUCTURAL, "plans/2024.txt")
    assert _summary(found) == [
        ("A001", 32, 21),
        ("N003", 64, 50),
        ("A001", 85, 67),
        ("A001", 127, 101),
    ]
    split = found[1]
    assert (split.line, split.column) == (64, 112)


def test_model_of_2024(plan_2024_text):
    plan = parse(Source.from_text(plan_2024_text, "2024.txt"))
    assert plan.year == 2024
    assert [t.number for t in plan.tasks] == list(range(1, 111))
    assert [h.value for h in plan.headings if h.level == 1] == [1, 2, 3, 4, 5, 6, 7]
    assert len(plan.sections) == 7
    assert sum(len(s.tasks) for s in plan.sections) == 110
    task50 = plan.task(50)
    assert task50.number_span.line == 64 and task50.clause.agencies[0].name == "中央宣传部"
    assert plan.paragraph("doc_number").text == "国知联办〔2024〕6号"
    assert plan.paragraph("closing").span.line == 138
    task13 = plan.task(13)
    assert [a.name for a in task13.clause.agencies][-1] == "国家自然科学基金委"
    assert task13.clause.agencies[0].role == "lead"


@pytest.mark.parametrize(
    "variant",
    ["as-is", "full-width", "crlf", "cr", "gb18030", "utf8-bom", "gb18030-crlf-full-width"],
)
def test_repaired_plan_is_clean_in_every_form(repaired_2024, variant):
    text = repaired_2024
    if "full-width" in variant:
        text = to_full_width(text)
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    elif variant == "cr":
        text = text.replace("\n", "\r")
    data = text.encode("gb18030" if "gb18030" in variant else "utf-8")
    if variant == "utf8-bom":
        data = b"\xef\xbb\xbf" + data
    source = source_from_bytes(data, "2024.txt")
    assert source.text == text
    plan = parse(source)
    assert len(plan.tasks) == 110
    from checker.checking import engine
    from checker.checking.config import Config

    from .conftest import SPECS

    findings = engine.run(plan, Config(select=("N", "A", "G008")), list(SPECS.values())).findings
    assert findings == []


@pytest.mark.parametrize("variant", ["full-width", "crlf", "gb18030"])
def test_defects_found_in_every_form(plan_2024_text, variant):
    text = plan_2024_text
    if variant == "full-width":
        text = to_full_width(text)
    if variant == "crlf":
        text = text.replace("\n", "\r\n")
    data = text.encode("gb18030" if variant == "gb18030" else "utf-8")
    source = source_from_bytes(data, "2024.txt")
    if variant == "gb18030":
        assert source.encoding == "gb18030"
    from checker.checking import engine
    from checker.checking.config import Config

    from .conftest import SPECS

    findings = engine.run(parse(source), Config(select=("N", "A", "G008")), list(SPECS.values()))
    assert _summary(findings.findings) == [
        ("A001", 32, 21),
        ("N003", 64, 50),
        ("A001", 85, 67),
        ("A001", 127, 101),
    ]


@pytest.mark.parametrize("threshold", [0.4, 0.5, 0.6, 0.8])
def test_near_duplicate_prefilter_loses_nothing(plan_2024_text, threshold):
    """D007's candidate filter finds what scoring every pair with rapidfuzz finds."""
    from rapidfuzz import fuzz

    from checker.checking.rules.near_duplicate import _similar_pairs, _words

    plan = parse(Source.from_text(plan_2024_text, "2024.txt"))
    texts = [_words(t.body) for t in plan.tasks]
    cutoff = threshold * 100
    expected = set()
    for later in range(1, len(texts)):
        scores = [(fuzz.ratio(texts[later], texts[e]), e) for e in range(later)]
        best, earlier = max(scores, key=lambda s: (s[0], -s[1]))
        if best >= cutoff:
            expected.add((later, earlier))
    found = {(later, earlier) for later, earlier, _ in _similar_pairs(texts, cutoff)}
    assert found == expected


def _as_markdown(text: str) -> str:
    """The 2024 plan as a drafter would keep it in Markdown: #-headings, numbered lists."""
    import re

    out = []
    for line in text.split("\n"):
        if re.match(r"^[一二三四五六七]、", line):
            out += ["", "## " + line, ""]
        elif line.startswith("("):
            out += ["", "### " + line, ""]
        elif re.match(r"^\d+\.", line):
            out.append(re.sub(r"^(\d+)\.", r"\1. ", line))
        elif line.endswith("推进计划"):
            out += ["# " + line, ""]
        else:
            out += [line, ""]
    return "\n".join(out) + "\n"


def test_markdown_version_has_the_same_findings(plan_2024_text):
    from checker.checking import engine
    from checker.checking.config import Config

    from .conftest import SPECS

    plan = parse(Source.from_text(_as_markdown(plan_2024_text), "2024.md"))
    assert len(plan.tasks) == 110 and plan.year == 2024
    found = engine.run(plan, Config(), list(SPECS.values())).findings
    assert [(f.code, f.task) for f in found] == [
        ("G005", 9),
        ("G007", 9),
        ("A001", 21),
        ("N003", 50),
        ("A001", 67),
        ("A001", 101),
    ]
