"""The lint JSON and SARIF are written without the standard library's encoder walking a
dict (``formats.jsontext`` and ``formats.json._finding_text``): the text must stay what
``json.dumps(…, ensure_ascii=False, indent=2)`` writes, byte for byte."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.checking.findings import Finding, Fix, Words
from checker.checking.lint import FileReport, LintOptions, RunReport, lint_paths
from checker.checking.rules import builtin_rules
from checker.products.formats import RenderOptions, fix_payload, render
from checker.products.formats import json as json_format
from checker.products.formats.jsontext import Raw, dumps
from checker.reading.model import Edit, Span
from checker.reading.source import Source

ROOT = Path(__file__).resolve().parent.parent
SPECS = list(builtin_rules().values())


def standard(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def expected(run: RunReport, lang: str) -> str:
    """What the lint JSON was before it had its own writer."""
    return standard(json_format.as_dict(run, RenderOptions(lang=lang))) + "\n"


# ---- the writer of any value --------------------------------------------------------------

#: strings a plan or a rule may carry into the JSON: quotes, backslashes, control characters,
#: line and paragraph separators, characters beyond the BMP, lone surrogates
texts = st.text(
    st.one_of(
        st.characters(codec=None),
        st.sampled_from(['"', "\\", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "\u2028", "😀"]),
    )
)
keys = st.one_of(texts, st.integers(), st.floats(), st.booleans(), st.none())
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**20),  # beyond a machine word
    st.floats(allow_nan=True, allow_infinity=True),
    texts,
    texts.map(Words),  # a str subclass would be written as json.dumps writes it
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(texts, inner, max_size=4),
        st.dictionaries(keys, inner, max_size=3),
    ),
    max_leaves=20,
)


@given(values)
def test_any_value_is_written_as_json_dumps_writes_it(value):
    assert dumps(value) == standard(value)


@given(values, st.integers(min_value=1, max_value=4))
def test_a_nested_value_is_written_as_json_dumps_writes_it_there(value, level):
    """``level`` objects deep, as the value of a key ``k`` of each."""
    nested = value
    for _ in range(level):
        nested = {"k": nested}
    opening = "".join("{\n" + "  " * (depth + 1) + '"k": ' for depth in range(level))
    closing = "".join("\n" + "  " * depth + "}" for depth in reversed(range(level)))
    assert opening + dumps(value, level) + closing == standard(nested)


def test_raw_text_goes_in_as_it_is_and_json_dumps_refuses_it():
    written = dumps({"a": [1, Raw('{"b": 2}')]})
    assert written == '{\n  "a": [\n    1,\n    {"b": 2}\n  ]\n}'
    with pytest.raises(TypeError):
        standard({"a": Raw("1")})


# ---- the lint JSON of real plans ----------------------------------------------------------


@pytest.fixture(scope="module")
def real_run(tmp_path_factory) -> RunReport:
    """Every plan in plans/ and tests/data in one run (in workers, as a folder is checked),
    with a file that cannot be read, an empty one and non-plans skipped."""
    folder = tmp_path_factory.mktemp("plans")
    shutil.copytree(ROOT / "plans", folder / "plans")
    shutil.copytree(ROOT / "tests" / "data", folder / "data")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "gbk.txt").write_bytes((ROOT / "plans" / "2024.txt").read_text().encode("gb18030"))
    paths = [str(folder), str(folder / "missing.txt")]
    return lint_paths(paths, LintOptions(), SPECS)


def test_the_real_run_has_what_the_json_can_hold(real_run):
    findings = real_run.findings
    assert real_run.errors and real_run.skipped
    assert any(f.fix is not None and len(f.fix.edits) > 1 for f in findings)
    assert any(f.fix is not None and not f.fix.safe for f in findings)
    assert any(r.source.encoding == "gb18030" for r in real_run.files if r.source)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans_are_written_as_before(real_run, lang):
    assert render("json", real_run, RenderOptions(lang=lang)) == expected(real_run, lang)


def as_json_dumps_writes_it(text: str) -> str:
    """The same JSON data, written by json.dumps: a text from another writer that holds the
    same data but is laid out in any other way differs from this."""
    return standard(json.loads(text)) + "\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_plans_in_sarif_are_written_as_json_dumps_writes_them(real_run, lang):
    written = render("sarif", real_run, RenderOptions(lang=lang, rules=builtin_rules()))
    assert written == as_json_dumps_writes_it(written)


def test_no_findings_is_an_empty_list(tmp_path):
    run = RunReport([FileReport("missing.txt", error="no such file")])
    written = render("json", run, RenderOptions())
    assert written == expected(run, "zh")
    assert json.loads(written)["findings"] == []


# ---- findings of every shape --------------------------------------------------------------


def _encodable(text: str) -> bool:
    return not any("\ud800" <= c <= "\udfff" for c in text)


#: a data rule's own message: a template of its facts
templates = texts.map(lambda text: text.replace("{", "").replace("}", "") + "：{found}")

PLAN = "一、总则\n1.第一项任务。(国家知识产权局负责)\r\n2.第二项\r任务。\n3.最后一项"


@st.composite
def findings(draw) -> tuple[Source, Finding]:
    """A finding on a small plan with mixed line endings: any strings where a rule or a
    data rule's YAML puts them, a fix of one or several edits, a place in Word or not."""
    source = Source.from_text(PLAN, draw(texts))
    length = len(PLAN)
    start = draw(st.integers(0, length))
    end = draw(st.integers(start, length))

    def edit() -> Edit:
        a = draw(st.integers(0, length))
        return Edit(a, draw(st.integers(a, length)), draw(texts))

    fix = None
    if draw(st.booleans()):
        edits = (edit(),) if draw(st.booleans()) else tuple(edit() for _ in range(3))
        fix = Fix(edits, draw(st.booleans()))
    place = draw(
        st.one_of(
            st.just(()),
            st.tuples(st.just("p"), st.integers(1, 500)),
            st.tuples(
                st.just("t"),
                st.integers(1, 9),
                st.integers(1, 99),
                st.integers(1, 9),
                st.one_of(st.none(), texts),
            ),
        )
    )
    args = draw(st.dictionaries(st.sampled_from(["task", "found", "agency", "style"]), texts))
    found = Finding(
        path=source.path,
        code=draw(st.sampled_from(["D005", "G005", "X901"])),
        span=Span.of(source, start, end),
        task=draw(st.one_of(st.none(), st.integers(1, 200))),
        key=draw(st.sampled_from(["D005", "G005", "X901", "X901.other"])),
        args={**args, "message_zh": draw(templates)},
        fix=fix,
        anchor=draw(texts.filter(_encodable)),  # text of the plan: decoded, so no lone surrogate
        name=draw(texts),
        severity=draw(st.sampled_from(["error", "warning", "info"])),
        place=place,
    )
    return source, found


@given(st.lists(findings(), max_size=4), st.sampled_from(["zh", "en"]))
def test_findings_of_every_shape_are_written_as_before(items, lang):
    reports = []
    for source, found in items:
        report = FileReport(source.path)
        report.source, report.findings = source, [found]
        report.summary = {"tasks": 3, "year": None}
        reports.append(report)
    run = RunReport(reports)
    assert render("json", run, RenderOptions(lang=lang)) == expected(run, lang)
    sarif = render("sarif", run, RenderOptions(lang=lang, rules=builtin_rules()))
    assert sarif == as_json_dumps_writes_it(sarif)


def test_a_fix_with_other_keys_is_still_written_as_json_dumps_writes_it(monkeypatch):
    """The fix's template holds for the keys fix_payload gives; a payload that gained or
    reordered keys is written as any dict is."""
    source = Source.from_text(PLAN, "a.txt")
    found = Finding("a.txt", "D005", Span.of(source, 3, 4), 1, "D005", {"task": 1})
    report = FileReport("a.txt")
    report.source, report.findings, report.summary = source, [found], {"tasks": 3}
    run = RunReport([report])
    for payload in (
        {"end_line": 2, "line": 1, "replacement": "x", "applicability": "safe"},
        {"line": 1, "end_line": 2, "replacement": "x", "applicability": "safe", "note": [1]},
    ):
        monkeypatch.setattr(json_format, "fix_payload", lambda _s, _f, fix=payload: fix)
        assert render("json", run, RenderOptions()) == expected(run, "zh")


@given(findings())
def test_a_fix_of_one_edit_reads_as_the_general_case_makes_it(item):
    """One edit is cut into its lines directly; the same edit given twice (apply_edits
    takes it once) goes the general way: both must say the same."""
    source, found = item
    if found.fix is None:
        return
    edit = found.fix.edits[0]
    alone = found._replace(fix=Fix((edit,), found.fix.safe))
    twice = found._replace(fix=Fix((edit, edit), found.fix.safe))
    assert fix_payload(source, alone) == fix_payload(source, twice)


def test_a_span_s_positions_are_its_four_properties():
    source = Source.from_text(PLAN)
    for start in range(len(PLAN) + 1):
        for end in (start, min(start + 3, len(PLAN)), len(PLAN)):
            span = Span.of(source, start, end)
            assert span.positions() == (span.line, span.column, span.end_line, span.end_column)


# ---- messages, made in one pass over the facts --------------------------------------------


def test_a_message_shows_each_kind_of_fact_as_before():
    """None as nothing, a list or tuple joined, ``Words`` said, a style named in words, a
    data rule's own template (its language first), the task put in front when the template
    does not say it."""
    from checker import locale

    args = {
        "task": 7,
        "none": None,
        "list": ["甲", "乙"],
        "pair": ("丙", 3),
        "said": Words("D001.brackets", "D001.leading_zero"),
        "style": "council",
        "message_zh": "{none}|{list}|{pair}|{said}|{style_name}|{missing}",
        "message_en": "{list}",
    }
    words = locale.catalogue("zh").WORDS
    said = words["separator"].join([words["D001.brackets"], words["D001.leading_zero"]])
    style = locale.catalogue("zh").UI["style.council"]
    assert locale.message("zh", "X999", args) == f"任务7：|甲、乙|丙、3|{said}|{style}|"
    assert locale.message("en", "X999", args) == "task 7: 甲, 乙"
    assert locale.message("zh", "X999", {"task": None, "message_zh": "{task}"}) == ""
    assert locale.message("zh", "X999", {"task": Words("D001.brackets")}).startswith(
        f"任务{words['D001.brackets']}："
    )
