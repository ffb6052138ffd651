"""What crosses from a parallel worker to the parent comes back whole: findings pickled
as they are, and a run in workers writes what a run in one process does."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.checking import pool
from checker.checking.findings import Finding, Fix, Words
from checker.checking.lint import LintOptions, lint_paths
from checker.checking.rules import builtin_rules
from checker.products.formats import RenderOptions, render
from checker.reading.model import Edit, Span
from checker.reading.source import Source

ROOT = Path(__file__).resolve().parent.parent


#: strings a plan or a rule may carry into the JSON: quotes, backslashes, control characters,
#: line and paragraph separators, characters beyond the BMP, lone surrogates
texts = st.text(
    st.one_of(
        st.characters(codec=None),
        st.sampled_from(['"', "\\", "\n", "\r", "\t", "\x00", "\x1f", "\x7f", "\u2028", "😀"]),
    )
)


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
        start=start,
        end=end,
        line_starts=source.line_starts,
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


# drawing a finding builds a source: slow on a loaded machine, where the health check
# failed the test twice without a fault (the examples are few, their time is not a defect)
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(findings(), max_size=5))
def test_findings_come_back_equal_and_of_their_own_kinds(items):
    sent = [found for _source, found in items]
    back = pickle.loads(pickle.dumps(sent))
    assert back == sent
    for found in back:
        assert type(found) is Finding and type(found.span) is Span
        if found.fix is not None:
            assert type(found.fix) is Fix and {type(e) for e in found.fix.edits} == {Edit}


def test_words_and_the_shared_line_table_survive():
    """A ``Words`` fact stays ``Words`` (the locale says it); the findings of one file share
    one line table after the trip too, as they did before it."""
    starts = (0, 5, 9)
    found = [
        Finding("a.txt", "D005", n, n + 1, starts, n, "D005", {"w": Words("D001.brackets")})
        for n in range(3)
    ]
    back = pickle.loads(pickle.dumps(found))
    assert type(back[0].args["w"]) is Words
    assert back[0].line_starts is back[2].line_starts


def test_a_run_in_workers_writes_what_a_run_in_one_process_writes(tmp_path, monkeypatch):
    """Every real plan of the repository, JSON and text, in both languages."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "data")
    specs = list(builtin_rules().values())
    monkeypatch.setattr(pool, "cores", lambda: 2)
    monkeypatch.setattr(pool, "PARALLEL_MIN_FILES", 2)
    parallel = lint_paths([str(tmp_path)], LintOptions(), specs)
    monkeypatch.setattr(pool, "PARALLEL_MIN_FILES", 10**6)
    alone = lint_paths([str(tmp_path)], LintOptions(), specs)
    assert parallel.findings == alone.findings and len(alone.findings) > 40
    for lang in ("zh", "en"):
        for name in ("json", "text", "sarif"):
            options = RenderOptions(lang=lang, rules=builtin_rules())
            assert render(name, parallel, options) == render(name, alone, options)


def test_what_a_format_prepares_in_the_workers_is_what_it_makes_itself(tmp_path, monkeypatch):
    """JSON values, text lines and workflow commands made of each file in the worker that
    checked it (``formats.preparer``), the source sent back without its text: the same
    output, in both languages; --statistics, counted in the parent, is sent the text as
    before."""
    from checker.products.formats import preparer

    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "data")
    specs = list(builtin_rules().values())
    monkeypatch.setattr(pool, "cores", lambda: 2)
    alone = lint_paths([str(tmp_path)], LintOptions(), specs)
    monkeypatch.setattr(pool, "PARALLEL_MIN_FILES", 2)
    for lang in ("zh", "en"):
        for name in ("json", "text", "github"):
            options = RenderOptions(lang=lang)
            prepare = preparer(name, options)
            assert prepare is not None
            prepared = lint_paths([str(tmp_path)], LintOptions(), specs, prepare=prepare)
            assert all(r.prepared is not None for r in prepared.files)
            assert all(r.source is None or not r.source.text for r in prepared.files)
            assert render(name, prepared, options) == render(name, alone, options)
    counting = RenderOptions(statistics=True, rules=builtin_rules())
    prepare = preparer("text", counting, output="statistics")
    counted = lint_paths([str(tmp_path)], LintOptions(), specs, prepare=prepare)
    assert all(r.prepared is None for r in counted.files)
    assert render("text", counted, counting) == render("text", alone, counting)
