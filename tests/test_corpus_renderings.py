"""Every real document of the corpus reads the same in every rendering a drafter has of it.

For each clean text of the corpus (``tests/corpus/*/*.txt``, one paragraph a line) the
renderings of ``tests/corpus_renderings.py`` are made here, at test time: the text joined
onto one line, hard-wrapped at 20, 35 and 60 characters, a saved web page and a Word file.
Each must read as the clean text does, task by task (labels, clauses, agencies, leads), with
the same year and the same findings at the same tasks, except what the rendering itself
explains:

- joined onto one line, a text has no line breaks left, so a broken line of the clean text
  (N003) cannot be in it;
- a Word file's tables are read only where they hold tasks (``reading.docx``: a budget or
  a scoring table is no plan text), so what is found only in another table's rows is not
  found in it;
- hard-wrapped, a paragraph that fills its last line to the width (or to a character or
  two short of it, before a bracket the viewer would have moved down) runs on into the next
  one for a reader too, unless the next begins an item: the expected reading is then the
  clean text's with those two paragraphs as one;
- a wrapped rendering with fewer than four lines cut (a short text of table rows) cannot be
  told from a clean text with a few broken lines, and is not made.

A case still read wrong is marked in ``XFAIL`` with what the reading lacks.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from checker.checking import engine
from checker.checking.config import Config
from checker.checking.rules import builtin_rules
from checker.reading.parse import parse
from checker.reading.source import Source, source_from_bytes

from .corpus_renderings import KINDS, paragraphs, rendering
from .test_corpus import CORPUS, task_leads

DOCUMENTS = sorted(CORPUS.glob("*/*.txt"))
#: an item's marker at a paragraph's start (the wrap before it is never ambiguous)
_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．﹒])"
)
_OPENING = tuple("（(《“【〔")
#: (document id, rendering) still read wrong → what the reading lacks
XFAIL: dict[tuple[str, str], str] = {
    ("local/2019-baoshan-laji-fenlei", "joined"): (
        "the plan's own title, set over two lines in the clean text (关于贯彻《…条例》 / 推进…实施方案), "
        "is one line once joined, and D006 then reads the 《…条例》 in it as the full title written "
        "before the abbreviation is defined (tasks 38, 39)"
    ),
    ("local/2021-wanzhengbanmi-gongye-hulianwang", "joined"): (
        "two documents in one (若干政策 一、…八、, then 行动计划 一、…): the second document's 一、 "
        "inside the joined line is not told from a 一、 in running text, so the first's 一、 items "
        "and the second's numbering are read apart from the clean text's"
    ),
    ("local/2022-baofubanfa-shuzi-zhengfu-kaoping", "joined"): (
        "an annex restarting the top numbering (一、 after the method's 七、) inside the joined line: "
        "its 一、 二、 are not told from running text, so its headings run into tasks (38, 二、…)"
    ),
    ("local/2023-hushijian-ranqi-zhengzhi", "joined"): (
        "measures' headings without a stop ((二)规范城镇燃气工程安装收费行为) run into the paragraph "
        "under them: nothing in joined text marks where such a heading ends (G009 then counts the "
        "shared tasks differently)"
    ),
    ("local/2024-hujiaoshe-zonghe-jiaotong", "joined"): (
        "the task table's caption (…任务分解表) runs into the paragraph before the table, so the "
        "table's group headings read as continuing the text's sections (N005)"
    ),
    ("local/open-2008-jinzhengfa-mubiao-zeren", "joined"): (
        "a heading that names the lead of the measures under it ((一)省监察厅牵头的工作) runs into "
        "its first measure: nothing in joined text marks where the heading ends"
    ),
    ("local/open-2012-minzhengban-shengtaisheng-fengong", "joined"): (
        "the signature date written short (一二年四月十日) runs into the signature and the title "
        "around it: with no line of its own it is no date line, and D002 reads a short year only "
        "on a date line (a year in running text is no issue date)"
    ),
    ("national/open-2022-dajia-gongzuo-yaodian", "joined"): (
        "the red header (…领导小组 文件) runs into the title under it (2022年…工作要点): the title "
        "line is then too long to be read as one, and its year is lost"
    ),
}


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@cache
def _rules() -> list:
    return list(builtin_rules().values())


def _reading(source: Source) -> tuple:
    """What the checker reads: each task's label, clauses, agencies and leads; the year;
    the findings (not the notices) by rule and task."""
    plan = parse(source)
    tasks = [
        (
            task.label,
            tuple(c.inner for c in task.clauses),
            tuple(a.name for a in task.agencies),
            tuple(task_leads(task)),
        )
        for task in plan.tasks
    ]
    found = [f for f in engine.run(plan, Config(), _rules()).findings if f.severity != "info"]
    return tasks, plan.year, Counter((f.code, f.task) for f in found)


@cache
def _in_other_tables(path: Path) -> Counter:
    """The clean text's findings that are all in rows of a table that holds no tasks (a
    budget, a scoring table): Word's reading leaves such tables out, as no plan text."""
    plan = parse(source_from_bytes(path.read_bytes(), path.name))
    rows = [line.startswith("|") for line in plan.source.text.splitlines()]
    table = [0] * len(rows)  # each line's table (its first row's number), 0 outside one
    for n, row in enumerate(rows):
        table[n] = (table[n - 1] if n and rows[n - 1] else n + 1) if row else 0
    with_tasks = {table[task.line - 1] for task in plan.tasks}
    found = engine.run(plan, Config(), _rules()).findings
    return Counter(
        (f.code, f.task)
        for f in found
        if f.severity != "info"
        and all(table[n - 1] not in (0, *with_tasks) for n in (f.line, *f.args.get("lines", ())))
    )


@cache
def _clean(path: Path) -> tuple:
    return _reading(source_from_bytes(path.read_bytes(), path.name))


def _ambiguous(lines: list[str], width: int) -> list[int]:
    """The paragraphs whose end a reader of the wrapped text cannot see: the last line full
    (or short of the width before an opening bracket) and the next paragraph no item."""
    found = []
    for n, (line, following) in enumerate(pairwise(lines)):
        if line.startswith("|") or following.startswith("|") or _ITEM.match(following):
            continue
        last = len(line) % width or width
        if last == width or (last >= width - 2 and following.startswith(_OPENING)):
            found.append(n)
    return found


def _merged(lines: list[str], joins: list[int]) -> list[str]:
    """The paragraphs with each one in ``joins`` run on into the next."""
    out: list[str] = []
    glued = False
    for n, line in enumerate(lines):
        if glued:
            out[-1] += line
        else:
            out.append(line)
        glued = n in joins
    return out


def _cut_lines(lines: list[str], width: int) -> int:
    return sum(len(line) // width for line in lines if not line.startswith("|"))


def _cases() -> list:
    cases = []
    for path in DOCUMENTS:
        lines = paragraphs(path.read_text(encoding="utf-8-sig"))
        for kind in KINDS:
            width = int(kind.removeprefix("wrapped")) if kind.startswith("wrapped") else 0
            if width and _cut_lines(lines, width) < 4:
                continue
            reason = XFAIL.get((_id(path), kind))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            cases.append(pytest.param(path, kind, id=f"{_id(path)}.{kind}", marks=marks))
    return cases


@pytest.mark.parametrize(("path", "kind"), _cases())
def test_a_rendering_reads_as_the_clean_text(path: Path, kind: str) -> None:
    lines = paragraphs(path.read_text(encoding="utf-8-sig"))
    tasks, year, findings = _reading(rendering(kind, lines))
    want_tasks, want_year, want = _clean(path)
    if kind == "joined":
        want = Counter({key: n for key, n in want.items() if key[0] != "N003"})
    if kind == "docx":
        want = want - _in_other_tables(path)
    if kind.startswith("wrapped") and (tasks, year, findings) != (want_tasks, want_year, want):
        joins = _ambiguous(lines, int(kind.removeprefix("wrapped")))
        if joins:
            text = "\n".join(_merged(lines, joins)) + "\n"
            want_tasks, want_year, want = _reading(source_from_bytes(text.encode(), path.name))
    assert tasks == want_tasks
    assert year == want_year
    assert findings == want


def test_every_clean_text_of_the_corpus_is_read_as_it_is() -> None:
    """No reconstruction of a text already one paragraph a line."""
    for path in DOCUMENTS:
        source = source_from_bytes(path.read_bytes(), path.name)
        assert source.reading == "", path


def test_the_ambiguous_ends_are_those_a_reader_cannot_see() -> None:
    lines = ["一、总体要求", "甲" * 20, "乙" * 5, "丙" * 19, "（丁负责）", "甲" * 40, "1.戊"]
    assert _ambiguous(lines, 20) == [1, 3]
    assert _merged(["a", "b", "c"], [0]) == ["ab", "c"]
