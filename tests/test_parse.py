"""What the parser's readings must do, on real lines and as properties.

Each reading has one implementation (checker/reading/parse/); these tests state what it
reads, not how: a task ends at the next item of its level or above, a wrapped, split or
glued task reads as the clean one with the fact recorded as a Break, every offset points at
the text it names, a task sits in the section above it, a number alone names a task only
where numbers run through. The real lines come from plans/2024.txt and tests/corpus/.
"""

from __future__ import annotations

import re

from hypothesis import assume, example, given
from hypothesis import strategies as st

from checker.base.errors import InputError
from checker.reading.model import Plan
from checker.reading.parse import parse
from checker.reading.source import Source
from checker.reading.text import fold

from .conftest import PLAN_2024, ROOT

PLAN_LINES = PLAN_2024.read_text(encoding="utf-8").split("\n")
#: the 2024 plan's task lines: number, text, clause, each on one line of its own
TASK_LINES = [line for line in PLAN_LINES if re.match(r"\d{1,3}\.", line) and line.endswith(")")]


def read(text: str, path: str = "plan.txt") -> Plan:
    return parse(Source.from_text(text, path))


def between(plan: Plan, task_index: int) -> str:
    """A task's own text in the source, from its number to its end."""
    task = plan.tasks[task_index]
    return plan.source.text[task.span.start : task.span.end]


# -- a task's extent -----------------------------------------------------------------------


def test_a_clause_on_the_next_line_completes_its_task():
    plan = read("一、总体\n1.推进改革,完善制度。\n(科技部负责)\n以上各项认真落实。\n")
    (task,) = plan.tasks
    assert [c.inner for c in task.clauses] == ["科技部负责"]
    assert task.body == "推进改革,完善制度。"
    assert [p.text for p in plan.paragraphs if p.role == "closing"] == ["以上各项认真落实。"]


def test_a_task_without_clause_is_not_glued_to_the_paragraph_after_it():
    plan = read(
        "一、总体\n1.推进改革。\n2.加强保护。(科技部负责)\n各部门要加强协调配合。\n3.丙。(财政部负责)\n"
    )
    assert [t.body for t in plan.tasks] == ["推进改革。", "加强保护。", "丙。"]
    assert plan.tasks[0].clauses == ()


def test_deeper_items_belong_to_the_task_above_them():
    text = "一、总体\n1.推进改革。(科技部负责)\n(1)完善制度;\n(2)加强执法。\n2.乙。(财政部负责)"
    plan = read(text)
    assert [t.number for t in plan.tasks] == [1, 2] and plan.headings[1:] == ()
    assert between(plan, 0) == "1.推进改革。(科技部负责)\n(1)完善制度;\n(2)加强执法。"
    assert plan.tasks[0].breaks == ()  # items of the task, not wrapped lines


#: lines of the family's layouts, defects included: plans are made of a random few
FAMILY_LINES = [
    "2024年推进计划",
    "一、总体要求",
    "二、重点任务",
    "(一)完善制度",
    "(二)加强保护。(科技部负责)",
    "1.推进改革。(科技部负责)",
    "2.加强执法,",
    "完善机制。(公安部负责)",
    "3.甲",
    "(1)细项",
    "责任单位:科技部",
    "<!-- plancheck: disable=N001 -->",
    "",
    "上述任务由各部门负责。",
    "4.乙。(财政部负责)5",
    "0.丙。(科技部负责)",
    "11。丁。(科技部负责)",
    "5.戊(科技部负责)6.己。(财政部负责)",
    *TASK_LINES[:3],
]


#: real lines of three corpus plans of other layouts: measures at (一) with frame items,
#: several clauses in one task, 1. measures under prose-only sections
CORPUS_LINES = [
    line
    for name in (
        "2023-hujiaoke-andian-shiyonglv",
        "open-2023-anlizhengfa-lishan-fengong",
        "2021-fengxian-gongyuan-chengshi",
    )
    for line in (ROOT / "tests/corpus/local" / f"{name}.txt")
    .read_text(encoding="utf-8")
    .split("\n")
]
#: a plan made of a random few of these lines, from one source or both
PLANS = st.lists(st.sampled_from(FAMILY_LINES), max_size=14) | st.lists(
    st.sampled_from(CORPUS_LINES + FAMILY_LINES), max_size=20
)


def parsed(lines: list[str]) -> Plan | None:
    try:
        return read("\n".join(lines))
    except InputError:
        return None


@given(PLANS)
def test_no_task_runs_over_a_heading_or_another_task(lines):
    """A task ends before the next item at its level or above, a blank line or a
    directive: no heading, task or directive starts inside another task."""
    plan = parsed(lines)
    assume(plan is not None)
    starts = [h.span.start for h in plan.headings] + [d.span.start for d in plan.directives]
    starts += [t.number_span.start for t in plan.tasks]
    for task in plan.tasks:
        inside = [s for s in starts if task.number_span.start < s < task.span.end]
        assert inside == [], (task.label, inside)
        assert "\n\n" not in plan.source.text[task.span.start : task.span.end]


@given(PLANS)
def test_every_line_is_read_as_something(lines):
    """Nothing is dropped: every line with text is part of a task, a heading, a paragraph
    or a directive."""
    plan = parsed(lines)
    assume(plan is not None)
    spans = [t.span for t in plan.tasks] + [h.span for h in plan.headings]
    spans += [p.span for p in plan.paragraphs] + [d.span for d in plan.directives]
    offset = 0
    for line in plan.source.text.split("\n"):
        if line.strip():
            first = offset + len(line) - len(line.lstrip())
            assert any(s.start <= first < max(s.end, s.start + 1) for s in spans), line
        offset += len(line) + 1


@given(PLANS)
def test_tasks_headings_and_paragraphs_are_each_in_text_order(lines):
    """The model keeps each kind of record in the order the text has them: the numbering
    rules and ``Context.task_at`` rely on it (they merge or bisect, never sort again)."""
    plan = parsed(lines)
    assume(plan is not None)
    for records in (plan.tasks, plan.headings, plan.paragraphs, plan.directives):
        starts = [record.span.start for record in records]
        assert starts == sorted(starts)
    numbers = [task.number_start for task in plan.tasks]
    assert numbers == sorted(numbers)


# -- the same task, however it is laid out ----------------------------------------------


def _essentials(plan: Plan) -> list[tuple[int, str, list[str]]]:
    return [(t.number, t.body, [c.inner for c in t.clauses]) for t in plan.tasks]


@given(st.integers(min_value=0, max_value=len(TASK_LINES) - 2))
def test_a_task_glued_to_the_last_reads_as_two(at):
    """``…负责)12.…`` on one line: the same two tasks, the second with a ``glued`` Break
    at its number (N003 mends it)."""
    first, second = TASK_LINES[at], TASK_LINES[at + 1]
    clean = read(f"一、总体\n{first}\n{second}\n")
    glued = read(f"一、总体\n{first}{second}\n")
    assert _essentials(glued) == _essentials(clean)
    (brk,) = glued.tasks[1].breaks
    assert brk.kind == "glued" and brk.detail == second.split(".")[0]
    assert glued.source.text[brk.span.start : brk.span.end] == brk.detail


@given(st.integers(min_value=0, max_value=len(TASK_LINES) - 2), st.data())
def test_a_number_split_over_two_lines_is_the_next_task_s(at, data):
    """``…负责)5`` / ``0.…``: the next task's number, the split recorded as a ``number``
    Break (the 2024 plan's task 50 is printed so)."""
    first, second = TASK_LINES[at], TASK_LINES[at + 1]
    digits = second.split(".")[0]
    assume(len(digits) > 1)
    cut = data.draw(st.integers(min_value=1, max_value=len(digits) - 1))
    clean = read(f"一、总体\n{first}\n{second}\n")
    split = read(f"一、总体\n{first}{digits[:cut]}\n{second[cut:]}\n")
    assert _essentials(split) == _essentials(clean)
    (brk,) = split.tasks[1].breaks
    assert (brk.kind, brk.detail) == ("number", digits)


def test_the_2024_plan_s_split_number_is_task_50():
    plan = read(PLAN_2024.read_text(encoding="utf-8"), "2024.txt")
    (task,) = [t for t in plan.tasks if t.breaks]
    assert task.number == 50 and [b.kind for b in task.breaks] == ["number"]
    assert plan.tasks[48].clauses[0].inner.endswith("按职责分工负责")  # the 5 is not in it


@given(st.sampled_from(TASK_LINES), st.data())
@example(TASK_LINES[0], None)
def test_a_task_wrapped_at_a_comma_reads_as_the_whole_line(line, data):
    """A hard wrap after a comma is one task with a ``text`` Break at the cut (N003), the
    body and clause those of the unwrapped line."""
    commas = [n + 1 for n, char in enumerate(line) if char == "," and n > 3]
    assume(commas)
    cut = commas[0] if data is None else data.draw(st.sampled_from(commas))
    clean, wrapped = read(f"一、总体\n{line}\n"), read(f"一、总体\n{line[:cut]}\n{line[cut:]}\n")
    assert _essentials(wrapped) == _essentials(clean)
    (brk,) = wrapped.tasks[0].breaks
    assert brk.kind == "text" and brk.span.start == len("一、总体\n") + cut


def test_a_mistyped_number_mark_is_the_expected_task_only():
    plan = read("一、总体\n10.甲。(科技部负责)\n11。乙。(财政部负责)\n13。丙。\n")
    assert [t.number for t in plan.tasks] == [10, 11]
    assert plan.paragraphs[-1].text == "13。丙。"


# -- offsets point at what they name -------------------------------------------------------


@given(PLANS)
def test_every_clause_and_bracket_span_covers_its_text(lines):
    """A clause's span is its bracket group in the file, and its inner text the group's
    (its lines joined); a bracket's likewise, with its opening mark."""
    plan = parsed(lines)
    assume(plan is not None)
    text = plan.source.text
    for task in plan.tasks:
        for clause in task.clauses:
            written = text[clause.span.start : clause.span.end].replace("\n", "")
            if fold(written[:1]) in "(【":  # (not a clause on a line of its own: 责任单位:…)
                assert written[1:-1] == clause.inner and fold(written[-1]) in ")】"
        for paren in task.parens:
            written = text[paren.span.start : paren.span.end].replace("\n", "")
            assert written[0] == paren.opener and written[1:-1] == paren.inner
        assert text[task.body_span.start : task.body_span.end].replace("\n", "") == task.body


def test_spans_are_in_the_file_as_written_with_full_width_marks():
    text = "一、总体\n1．推进（甲）改革。（科技部负责）\n"
    (task,) = read(text).tasks
    (paren,) = task.parens
    assert text[paren.span.start : paren.span.end] == "（甲）" and not paren.standalone
    (clause,) = task.clauses
    assert text[clause.span.start : clause.span.end] == "（科技部负责）"
    assert (clause.span.line, clause.span.column) == (2, 11)


# -- which bracket is the clause ---------------------------------------------------------


def test_the_clause_is_the_last_clause_like_group():
    (task,) = read("一、总体\n1.推进(甲)改革。(科技部负责)。\n").tasks
    assert [c.inner for c in task.clauses] == ["科技部负责"] and task.body == "推进(甲)改革。"
    assert [p.inner for p in task.parens] == ["甲"]


def test_a_group_after_the_clause_stands_alone_and_keeps_the_clause():
    (task,) = read("一、总体\n1.推进改革。(科技部负责)(2024年底前)\n").tasks
    assert [c.inner for c in task.clauses] == ["科技部负责"]
    assert [(p.inner, p.standalone) for p in task.parens] == [("2024年底前", True)]


def test_a_clause_like_group_followed_by_prose_is_not_the_final_clause():
    (task,) = read("1.加强保护。(科技部负责)继续推进工作\n").tasks
    assert [c.inner for c in task.clauses] == ["科技部负责"]
    assert task.body == "加强保护。(科技部负责)继续推进工作"


def test_clauses_inside_a_task_each_follow_their_sentences():
    """tests/data/family/review/r10-multi-clause.txt: one task, a clause per sentence."""
    path = ROOT / "tests/data/family/review/r10-multi-clause.txt"
    plan = read(path.read_text(encoding="utf-8"), path.name)
    many = [t for t in plan.tasks if len(t.clauses) > 1]
    assert many
    for task in many:
        text = plan.source.text
        ends = [text[c.span.start - 1] for c in task.clauses[:-1]]
        assert set(ends) <= set("。;；")


@given(
    st.text(alphabet="甲乙,。、 "), st.sampled_from(["科技部负责", "财政部、科技部按职责分工负责"])
)
def test_a_task_ending_in_a_bracketed_clause_has_that_clause(prose, clause):
    (task,) = read(f"一、总体\n1.推进{prose}工作。({clause})\n").tasks
    assert [c.inner for c in task.clauses] == [clause] and task.parens == ()


# -- the document around the tasks -----------------------------------------------------------


def test_directives_are_read_with_their_codes():
    plan = read(
        "<!-- plancheck: disable-file=A -->\n一、总体\n<!--plancheck:disable=N001, g002-->\n"
        "1.甲。(科技部负责)\n<!-- a comment -->\n",
        "plan.md",
    )
    assert [(d.kind, d.codes) for d in plan.directives] == [
        ("disable-file", ("A",)),
        ("disable", ("N001", "G002")),
    ]


def test_tasks_restarting_in_each_part_are_cited_with_their_part():
    path = ROOT / "tests/data/family/ministry-plan-restart.txt"
    plan = read(path.read_text(encoding="utf-8"), path.name)
    labels = [t.label for t in plan.tasks]
    assert labels[:3] == ["一（一）", "一（二）", "二（一）"] and len(set(labels)) == len(labels)


@given(
    st.lists(
        st.sampled_from(FAMILY_LINES + ["一、总体", "(一)制度", "1.甲。(科技部负责)"] * 3),
        max_size=16,
    )
)
@example(["(二)加强保护。(科技部负责)"] * 3 + ["(一)制度"] + ["4.乙。(财政部负责)5"] * 2)
def test_a_number_alone_names_a_task_unless_parts_restart(lines):
    """Where no two parts restart at 1, a task of the task level is cited by its number
    alone; a sub-item below that level is cited with the item it is split from
    (``（一）4``: ``_sub_items_cited``), the nearest heading of the task level before it,
    or alone before any. The example is hypothesis's: this test once refused its
    sub-items' citation."""
    plan = parsed(lines)
    assume(plan is not None)
    main = [t for t in plan.tasks if t.level == plan.task_level]
    if sum(1 for t in main[1:] if t.number == 1) < 2:
        items = [h for h in plan.headings if h.level == plan.task_level]
        for task in plan.tasks:
            if task.level <= (plan.task_level or 0):
                assert task.qualifier == ""
            else:
                above = [h.cited for h in items if h.span.start < task.number_start]
                assert task.qualifier == (above[-1] if above else "")


@given(PLANS)
def test_each_task_is_in_the_section_of_the_heading_above_it(lines):
    plan = parsed(lines)
    assume(plan is not None)
    tops = [h for h in plan.headings if h.level == 1]
    for section in plan.sections:
        for task in section.tasks:
            above = [h for h in tops if h.span.start < task.number_span.start]
            assert above[-1] == section.heading
    placed = sum(len(s.tasks) for s in plan.sections)
    assert placed == sum(
        1 for t in plan.tasks if any(h.span.start < t.number_span.start for h in tops)
    )
