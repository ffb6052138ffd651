"""Text → Plan. Tolerant: a defective plan still parses, and its defects become model facts
(a ``Break``, a standalone ``Paren``, a task without clause) for the rules to judge.

The parser reads the width-folded text, so ``（一）`` and ``(一)``, ``，`` and ``,`` are the
same plan; every offset it records points into the file as given. It is a row of passes,
each with its own state, in this order (``_read``) and in this file:

1. lines: every line's content and numbering, read once (``Lines``); the outline they make
   says which numbering level carries the tasks (``Outline``).
2. the walk: the lines in order → directives, headings, paragraphs (the title, document
   number… before the body) and task drafts (``Walk``);
3. a task's lines: those after its first that belong to it, gathered for the walk
   (``Gatherer``: wrapped lines, clauses on a line of their own, numbers split or glued).
4. frame items: the drafts that are the document's frame (指导思想, prose-only sections)
   become headings (``FrameItems``).
5. clauses attached: drafts → tasks, each with its clauses and brackets (``build_task``).
6. the whole document: tasks cited with their part where numbers restart, closing
   statements, date and year, sections.

Task-division tables are read by ``tables``: the parser reads the text with their rows
blanked out, and their tasks are merged in by position.

(One module rather than a package of them: each module is a file to find and load at
every start.)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from ..base.errors import InputError, Reason
from ..base.lazyre import LazyPattern
from ..base.memo import per_text
from ..knowledge.data import builtin
from . import vocabulary as vocab
from .clause import (
    BARE_CLAUSE,
    CLOSING_LABEL,
    bracket_groups,
    ends_in_clause_group,
    ends_like_clause,
    heads_duty_list,
    holds_clause_group,
    is_bare_list,
    looks_like_clause,
    parse_clause,
    running_clauses,
    titled_lead,
)
from .model import (
    Break,
    Clause,
    Directive,
    Heading,
    Paragraph,
    Paren,
    Plan,
    PlanDate,
    Section,
    Span,
    Task,
)
from .source import Source, split_lines
from .text import (
    PARAGRAPH_END,
    SENTENCE_END,
    TASK_NUMBER,
    TITLE_LENGTH,
    Item,
    cn_to_int,
    cut_off,
    fold,
    is_title_line,
    numbered,
)

__all__ = ["NO_OUTLINE", "parse"]

#: a text with no task or heading at all (``sniff.parse_plan`` tells a plan not understood)
NO_OUTLINE = Reason("not a plan: no numbered tasks or headings found", "not-a-plan")


def parse(source: Source) -> Plan:
    """Parse a plan; raises InputError only for text that is not a plan at all."""
    if "|" not in source.folded and "\t" not in source.folded:
        return _read(source, has_tables=False)  # no table row: the common case pays no import
    from .tables import attach, find_tables, mask

    blocks = find_tables(source)
    if not blocks:
        return _read(source, has_tables=False)
    plan = attach(_read(mask(source, blocks), has_tables=True), source, blocks)
    if not plan.tasks and not plan.headings and not holds_clause_group(source.folded):
        raise InputError(source.path, NO_OUTLINE)
    return plan


def _read(source: Source, has_tables: bool) -> Plan:
    """The passes in order. ``has_tables``: task tables were blanked out of ``source``,
    and their rows are tasks too, so a text without tasks of its own is still a plan."""
    lines = Lines(source)
    outline = Outline(lines)
    walk = Walk(lines, outline)
    walk.run()
    frame = FrameItems(lines, outline.task_level, has_tables)
    drafts = frame.tasks_of(walk.drafts)
    headings = walk.headings + frame.headings
    tasks = tuple(
        [build_task(source, draft, n, frame.running.get(draft)) for n, draft in enumerate(drafts)]
    )
    tasks = with_bare_lists(source, qualified(tasks, headings, outline.task_level))
    paragraphs = with_closing(walk.paragraphs + frame.paragraphs, tasks)
    if not (tasks or headings or has_tables or holds_clause_group(source.folded)):
        # nothing numbered and no clause: not a plan at all (clauses without a task to
        # hold them are a plan not understood, S001, which ``sniff`` tells)
        raise InputError(source.path, NO_OUTLINE)
    if source.meta:
        paragraphs.extend(_page_number(source, paragraphs))
    paragraphs.sort(key=lambda p: p.span.start)
    headings.sort(key=lambda h: h.span.start)
    date = plan_date(paragraphs, source.text, source.meta)
    return Plan(
        source,
        tuple(paragraphs),
        tuple(headings),
        tasks,
        tuple(walk.directives),
        plan_year(paragraphs, date),
        sections(tuple(headings), tasks, len(source.text) + 1),
        outline.task_level if tasks else None,
        date=date,
        unassigned=tuple(frame.unassigned),
    )


# -- 1. lines and the outline -------------------------------------------------------------
# The first pass: the text's lines, read once, and the outline their numbering makes.
#
# Every later pass asks the same questions of a line (its content without a Markdown prefix,
# where that starts in the file, which numbering it begins with) many times; they are answered
# here once per line. The outline then says which numbering level carries the tasks, before
# any line is classified, since that decides whether a ``(一)`` is a heading or a task.

_MD_PREFIX = LazyPattern(r"^(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\d))")
#: a task number written with a wrong mark (``11。`` ``11,`` ``11:`` for ``11.``); N006 judges it
_MISTYPED_TASK = re.compile(r"^[ \t]*(\d{1,5})[ \t]*[。,:](?!\d)[ \t]*")
#: a task number before digits that begin its text (``11.121人才梯队项目``), or a decimal
#: (``1.5亿``): read as a task only where it is the number expected (``task_start``)
_TASK_BEFORE_DIGITS = re.compile(r"^[ \t]*(\d{1,5})[ \t]*[.、](?=\d)")


class Lines:
    """The folded text's lines, each with its content, source offset and numbering.

    Read once a parse and never changed after: the walk, the gathering of a task's lines
    and the frame pass all look lines up here, several times each.
    """

    __slots__ = ("contents", "count", "folded", "numbering", "source", "starts")

    def __init__(self, source: Source) -> None:
        self.source = source
        self.folded = split_lines(source.folded)
        self.count = len(self.folded)  # (an attribute: a ``__len__`` is a Python call)
        self.starts = source.line_starts
        self.contents = _contents(source, self.folded)
        self.numbering = [numbered(content) for content, _ in self.contents]

    def span(self, start: int, end: int) -> Span:
        """A span of the source."""
        return Span(start, end, self.starts)

    def item(self, index: int, task_level: int | None, previous: str) -> Item | None:
        """The numbering line ``index`` starts with, as the reader expects it.

        Where tasks are ``1.`` items, a line may also begin with the next task's number
        written with a wrong mark (``11。`` after task 10, ``previous`` the number as
        written, ``""`` before the first): that is the task it is (N006 reports the mark),
        not prose; see ``task_start``.
        """
        found = self.numbering[index]
        if found is not None or task_level != 3:
            return found
        mistyped = task_start(self.contents[index][0], previous)
        if mistyped is None or (mistyped.re is _TASK_BEFORE_DIGITS and self.comes_next(index)):
            return None
        return (3, mistyped)

    def comes_next(self, index: int) -> bool:
        """Whether the next numbered line after ``index`` has the number line ``index`` begins
        with: ``2.5亿元资金。`` then ``2.乙`` is a figure in prose before task 2, not task 2."""
        number = _TASK_BEFORE_DIGITS.match(self.contents[index][0])
        for following in range(index + 1, self.count):  # (no copy of the rest: a long text)
            item = self.numbering[following]
            if item is not None:
                return number is not None and item[1].group(1) == number.group(1)
        return False


def _contents(source: Source, folded: list[str]) -> list[tuple[str, int]]:
    """Every line's content and source offset: a text file's lines as they are, a
    Markdown file's without their prefixes (``#``, ``>``, a list's ``-`` before a number)."""
    if source.kind != "md":
        return list(zip(folded, source.line_starts, strict=True))
    contents = []
    for line, start in zip(folded, source.line_starts, strict=True):
        prefix = _MD_PREFIX.match(line)
        skip = prefix.end() if prefix else 0
        contents.append((line[skip:], start + skip))
    return contents


def task_start(folded: str, previous: str) -> re.Match[str] | None:
    """A task's number at the start of a line: ``11.`` or ``11、``, or ``11。`` ``11,``
    ``11:`` when 11 is the number expected after ``previous`` — a mistyped mark, read as
    the task it is (N006) rather than as prose, a gap and a missing task; so is ``11.``
    before a name that begins with digits (``11.121人才梯队项目``, after task 10). Only the
    expected number: a line of prose that begins with a figure (``1.5亿``) stays prose (and
    so does one whose number the next task has: ``Lines.comes_next``)."""
    found = TASK_NUMBER.match(folded)
    if found is None:
        found = _MISTYPED_TASK.match(folded) or _TASK_BEFORE_DIGITS.match(folded)
        if found is not None and int(found.group(1)) != numeral_value(previous) + 1:
            return None
    return found


def numeral_value(numeral: str) -> int:
    """``50`` → 50, ``十五`` → 15."""
    return int(numeral) if numeral.isdigit() else cn_to_int(numeral) or 0


def holds_clause(line: str) -> bool:
    """A line with a responsibility clause, bracketed or on its own (责任单位:…)."""
    return holds_clause_group(line) or BARE_CLAUSE.match(line) is not None


class Outline:
    """What the numbered lines say before any line is classified, from one look at each:
    the numbering level that carries the tasks (1 ``一、`` … 4 ``(1)``), if any, and the
    lines of items above that level that are tasks all the same."""

    __slots__ = ("split", "task_level", "tasks_above", "tasks_below")

    def __init__(self, lines: Lines) -> None:
        blocks = _numbered_blocks(lines)
        self.task_level = _task_level(blocks)
        self.tasks_above = _tasks_above(blocks, self.task_level, lines)
        self.tasks_below, self.split = _tasks_below(blocks, self.task_level)


def _numbered_blocks(lines: Lines) -> list[tuple[int, int, bool]]:
    """Every numbered line once: (line, level, whether its block holds a clause). A
    block runs from the item's line to the next numbered line, or to a line that may be a
    task the walk reads by the number expected (``11。`` ``11.121…``): that line's clause
    is the task's, never the heading's above it."""
    items: list[list] = []
    titled: list[int] = []  # the items whose title names the lead of the measures under them
    open_block = False
    for index, ((content, _), item) in enumerate(zip(lines.contents, lines.numbering, strict=True)):
        if item is not None:  # any numbering, expected or not
            # its clause is looked for in its text after the number, as its task's draft's
            # is (``Draft``, ``draft_clauses``, which then find the answers kept): the number
            # holds no clause word, and no label opens a numbered line
            rest = content[item[1].end() :]
            title = titled_lead(rest)
            if title is not None:
                titled.append(len(items))
            items.append([index, item[0], title is not None or holds_clause_group(rest), False])
            open_block = True
        elif not open_block:
            continue
        elif _loose_task_start(content):
            open_block = False
        elif not items[-1][2] and holds_clause(content):
            items[-1][2] = True
            # (its clause on a line of its own, after the item's first: the group's, maybe)
            items[-1][3] = _clause_line(content.strip())
    _group_clause(items)
    _titled_groups_hold(items, titled)
    return [(index, level, holds) for index, level, holds, _ in items]


def _titled_groups_hold(items: list[list], titled: list[int]) -> None:
    """An item whose title names the lead of the measures under it (（一）省编办牵头的工作) is
    the task; the deeper items under it, and the clause lines among them (协同单位:…), are its
    parts, as the measures of a group whose clause closes it are (``_group_clause``)."""
    for n in titled:
        level = items[n][1]
        items[n][2] = True
        for below in items[n + 1 :]:
            if below[1] <= level:
                break
            below[2] = False


def _clause_line(text: str) -> bool:
    """A line that is a clause and nothing else: one bracket group, or a labelled clause."""
    if BARE_CLAUSE.match(text) is not None:
        return True
    groups = bracket_groups(text) if text[:1] in "(【〔" else []
    return len(groups) == 1 and groups[0] == (0, len(text.rstrip("。;")))


def _group_clause(items: list[list]) -> None:
    """A clause on a line of its own after a run of measures of which none has one is the
    clause of the heading above them: the group is the task, its measures its parts (厦府办
    2021 物流枢纽: (一)优化空间功能布局, a paragraph, 1.…3., then (牵头单位：A，责任单位：B、C) on
    its own line before (二)). The run has two measures or more and ends with the clause;
    the heading holds none of its own. ``items`` are [line, level, holds, on its own line]."""
    for n, (_, level, _, alone) in enumerate(items):
        if not alone or (n + 1 < len(items) and items[n + 1][1] >= level):
            continue
        first = n
        while first > 0 and items[first - 1][1] == level and not items[first - 1][2]:
            first -= 1
        parent = first - 1
        if n == first or parent < 0 or items[parent][1] >= level or items[parent][2]:
            continue
        items[parent][2], items[n][2] = True, False


def _loose_task_start(content: str) -> bool:
    """A line that begins like a task number read only where it is the one expected."""
    return bool(_MISTYPED_TASK.match(content) or _TASK_BEFORE_DIGITS.match(content))


def _task_level(blocks: list[tuple[int, int, bool]]) -> int | None:
    """Which numbering level carries the tasks: the one whose items hold the clauses.

    Plans put tasks at ``1.`` under ``(一)`` under ``一、``; State Council documents at
    ``(一)`` numbered through the sections; short measures at ``一、``. The level with
    most blocks holding a clause wins (the deeper one on a tie). A plan with no clause
    at all has its tasks at ``1.`` if it has such items (each then lacks its clause);
    otherwise no task level is known.
    """
    counts = {1: 0, 2: 0, 3: 0, 4: 0}
    for _, level, holds in blocks:
        counts[level] += holds
    best = max(counts, key=lambda level: (counts[level], level))
    if counts[best]:
        return best
    return 3 if any(level == 3 for _, level, _ in blocks) else None


def _tasks_above(
    blocks: list[tuple[int, int, bool]], task_level: int | None, lines: Lines
) -> frozenset[int]:
    """Lines of items above the task level that are tasks all the same: their own block
    (up to the next numbered line) holds a clause. The (一)(二)(三) of a 组织保障 section,
    each with its clause, in a plan whose measures are 1. items; and the measures of a
    two-level 分工方案 (国办发〔2020〕43号), （一）… with its clause, then 具体措施： and its
    sub-items 1.… with theirs: both levels are tasks. A heading whose clause is only in
    the items under it has none of its own, and stays a heading; so do the titles of a
    level whose items mostly head several measures (``_titled_groups``)."""
    if task_level is None:
        return frozenset()
    above = [(index, level) for index, level, holds in blocks if level < task_level and holds]
    groups = _titled_groups(above, lines)
    return frozenset(index for index, level in above if index not in groups)


def _tasks_below(
    blocks: list[tuple[int, int, bool]], task_level: int | None
) -> tuple[frozenset[int], frozenset[int]]:
    """Lines of sub-items below the task level that are tasks, and the lines of the items
    they split: an item of the task level with no clause of its own (none in its lines up
    to its first sub-item) whose sub-items, two or more of one level and nothing deeper,
    each close with their own clause (奉贤 2021 公园城市: 2.推进“公园+”“+公园”建设。 over
    (1)…(牵头单位：A;配合单位：B) and (2)…(牵头单位：A;配合单位：C)). Each sub-item is a task, as a
    drafter assigns it, and the item is their heading (it still counts in the numbering).
    Where the sub-items share one clause after the last of them (…(3)… / (责任单位：…)),
    or only some hold one, the item is the task and the sub-items its parts."""
    below: set[int] = set()
    split: set[int] = set()
    if task_level is None:
        return frozenset(), frozenset()
    for n, (index, level, holds) in enumerate(blocks):
        if level != task_level or holds:
            continue
        subs = _sub_items(blocks, n)
        if len(subs) >= 2 and len({s[1] for s in subs}) == 1 and all(s[2] for s in subs):
            split.add(index)
            below.update(s[0] for s in subs)
    return frozenset(below), frozenset(split)


def _sub_items(blocks: list[tuple[int, int, bool]], n: int) -> list[tuple[int, int, bool]]:
    """The blocks right after block ``n`` of a deeper level: its sub-items. Read up to the
    first that is not, never the rest of the document (a copy of the rest for each item
    without a clause made a long plan without clauses quadratic)."""
    end = n + 1
    while end < len(blocks) and blocks[end][1] > blocks[n][1]:
        end += 1
    return blocks[n + 1 : end]


def _titled_groups(above: list[tuple[int, int]], lines: Lines) -> frozenset[int]:
    """The items above the task level that title groups of unnumbered measures, not a
    measure: where most items of a level that are a title on a line of their own (short,
    no sentence in it) have two paragraphs or more below, each closing with its clause,
    every such title of that level is a heading (皖政办秘〔2021〕82号 若干政策: 一、支持工业互联网
    平台建设 over 培育各类工业互联网平台。…（责任单位：…） and 推动企业上云上平台。…（责任单位：…）; its
    六、 over one measure is a heading as its siblings are). A title over one paragraph that
    closes with the clause, where that is the rule, is the measure itself (京政办发〔2019〕
    信息消费: (一)开展“信息消费城市行”活动 and its paragraph)."""
    counts: dict[int, list[int]] = {}
    titled: list[tuple[int, int]] = []
    for index, level in above:
        content = lines.contents[index][0]
        item = lines.numbering[index]
        if item is None or not is_title_line(content[item[1].end() :].strip()):
            continue
        paragraphs = 0
        below = index + 1
        while below < lines.count and lines.numbering[below] is None:
            paragraphs += holds_clause(lines.contents[below][0])
            below += 1
        titled.append((index, level))
        votes = counts.setdefault(level, [0, 0])
        votes[paragraphs >= 2] += 1
    grouping = {level for level, (single, several) in counts.items() if several > single}
    return frozenset(index for index, level in titled if level in grouping)


# -- 2. the walk --------------------------------------------------------------------------
# The walk: every line, top to bottom, classified as a directive, a heading, a paragraph
# or the start of a task (whose following lines the ``Gatherer`` takes).
#
# Its state is what reading in order knows: the section and subsection a task sits in, whether
# the body has begun (lines before it are the title, document number, addressee…), a number
# split at a line's end waiting for its rest, and what it has found so far.

#: what a plan's title ends with, the genre (``str.endswith``: a pattern of these words
#: compiles a costly class of their first characters at every start; bench/ measures it)
_GENRES = ("计划", "要点", "方案", "规划", "安排", "意见", "纲要", "办法", "措施", "清单", "分工表")
#: the first line of a title split over two: "国务院办公厅关于加快发展" / "2024年知识产权…"
_TITLE_START = LazyPattern(r"关于|(?:19|20)\d\d[ \t]*年", needles=("关于", "年"))
#: a line that names an issuer, not half a title: "…联席会议办公室", "国务院办公厅"
#: a plan's period in brackets, the last line of its title: 静安区消防救援发展三年行动计划 /
#: （2019—2021） (静府办发〔2019〕10号), as a centred title wraps; a line of prose holds more
_TITLE_PERIOD = LazyPattern(
    r"^[ \t]*\([ \t]*(?:19|20)\d\d[ \t]*年?[ \t]*[—–\-~～至到]+[ \t]*(?:19|20)\d\d[ \t]*年?[ \t]*\)[ \t]*$"
)
#: the same period in brackets ending a title's line
_PERIOD_AFTER = LazyPattern(
    r"\([ \t]*(?:19|20)\d\d[ \t]*年?[ \t]*[—–\-~～至到]+[ \t]*(?:19|20)\d\d[ \t]*年?[ \t]*\)$"
)
_ISSUER_END = LazyPattern(r"(?:办公室|办公厅|委员会|人民政府|政府|部|局|厅|委|署|院)$")


def _names_genre(text: str) -> bool:
    """Does a line end with a genre (…推进计划), blanks after it aside, or with a genre and
    the plan's period after it (…三年行动计划（2019—2021）, the title on one line)?"""
    text = text.removesuffix("\n").rstrip(" \t")
    if text.endswith(")"):
        period = _PERIOD_AFTER.search(text)
        text = text[: period.start()].rstrip(" \t") if period else text
    return text.endswith(_GENRES)


class Walk:
    """Lines → directives, headings, paragraphs and task drafts: one reading of the lines
    in order (``run``)."""

    def __init__(self, lines: Lines, outline: Outline) -> None:
        self.lines = lines
        self.task_level = outline.task_level
        self.tasks_above = outline.tasks_above
        self.tasks_below = outline.tasks_below
        self.split = outline.split  # items of the task level whose sub-items are the tasks
        self.front = FrontMatter(lines)
        self.gatherer = Gatherer(lines, outline.task_level, outline.tasks_below)
        self.in_body = False  # a heading or a task was met: no more title or addressee
        self.section: int | None = None
        self.subsection: int | None = None
        self.pending_number: tuple[str, int] | None = None  # digits left at a line's end
        self.last_number = ""  # the last task's number: a mistyped next one is expected after
        self.annex_next = 0  # in a list of annexes (附件：1.…): the number its next item has
        #: where the lines of a web page's metadata block start (``Source.meta``)
        self.metadata = frozenset(
            start for kind, _, start, _ in lines.source.meta if kind == "block" and start >= 0
        )
        # what it found, in the order it found them
        self.paragraphs: list[Paragraph] = []
        self.headings: list[Heading] = []
        self.directives: list[Directive] = []
        self.drafts: list[Draft] = []

    def run(self) -> None:
        """Read every line, in order."""
        index = 0
        count = self.lines.count
        while index < count:
            index = self.line(index)

    def line(self, index: int) -> int:
        """Classify line ``index``; return the index of the next line to read."""
        content, start = self.lines.contents[index]
        if not content.strip():
            return index + 1
        directive = DIRECTIVE.search(content) if "<!--" in content else None
        if directive:
            self.directives.append(directive_at(self.lines, directive, start))
            return index + 1
        if self.pending_number is not None:
            return self.task(index, content, start, 3, None)
        if self.metadata and start in self.metadata:
            span = self.lines.span(start, start + len(content.rstrip()))
            self.paragraphs.append(
                Paragraph("metadata", self.lines.source.text[span.start : span.end], span)
            )
            return index + 1  # the page's metadata block: not the document's front matter
        item = self.lines.item(index, self.task_level, self.last_number)
        if self.annex_next:
            if item is not None and numeral_value(item[1].group(1)) == self.annex_next:
                self.annex_next += 1  # 2.交通子行业…分配表: the next annex's name
                self.paragraph(content, start, index)
                return index + 1
            if item is None and _name_goes_on(content):
                self.paragraph(content, start, index)  # …联席会 / 议成员单位工作任务清单
                return index + 1
            self.annex_next = 0
        if item is not None and index in self.split:
            self.heading(item, content, start)  # its sub-items are the tasks
            return index + 1
        if item is not None and (
            item[0] == self.task_level or index in self.tasks_above or index in self.tasks_below
        ):
            return self.task(index, content, start, *item)
        if item is not None:
            self.heading(item, content, start)
            return index + 1
        self.paragraph(content, start, index)
        if item is None and _annex_list().match(content):
            self.annex_next = 2  # 附件：1.任务分工表: the list of annexes begins
        return index + 1

    def heading(self, item: Item, content: str, start: int) -> None:
        """A numbered line that is no task: a heading, the section or subsection of the
        tasks that follow."""
        heading = heading_at(self.lines, item, content, start)
        self.in_body = True
        if heading.level == 1:
            self.section, self.subsection = heading.value, None
        elif heading.level == 2:
            self.subsection = heading.value
        self.headings.append(heading)

    def paragraph(self, content: str, start: int, index: int) -> None:
        """A line of prose: before the body, its role in the front matter (title, document
        number…); after, a body paragraph (made a closing one after the last task)."""
        text = content.strip()
        begin = start + len(content) - len(content.lstrip())
        span = self.lines.span(begin, begin + len(text))
        role = "body" if self.in_body else self.front.role(text, index)
        self.paragraphs.append(
            Paragraph(role, self.lines.source.text[begin : begin + len(text)], span)
        )

    def task(
        self, index: int, content: str, start: int, level: int, match: re.Match[str] | None
    ) -> int:
        """Read a task starting on line ``index`` (its number ``match``, or the rest of a
        number left pending: ``split_number``), with the lines that belong to it; return the
        next line's index. A ``1.`` line may hold two tasks glued, and end with the next
        one's digits."""
        self.in_body = True
        if self.pending_number is None:
            assert match is not None
            number_text = match.group(1)
            number_start, number_end = start + match.start(1), start + match.end(1)
            text_start, breaks = start + match.end(), []
        else:
            number_text, number_start, number_end, text_start, breaks = self.split_number(
                content, start
            )
        segments = [(text_start, start + len(content.rstrip()))]
        next_index = self.gatherer.gather(index, number_text, segments, breaks)
        folded = self.lines.source.folded
        if level != 3:
            section, subsection = self.parents(level)
            draft = Draft(
                folded, number_text, number_start, number_end, segments, section, subsection, breaks
            )
            draft.level = level
            draft.item_start = start + len(content) - len(content.lstrip())
            self.add(draft)
            return next_index
        self.pending_number = trailing_number(self.lines, next_index - 1, segments)
        self.split_glued(number_text, number_start, number_end, segments, breaks)
        return next_index

    def split_glued(
        self,
        number_text: str,
        number_start: int,
        number_end: int,
        segments: Segments,
        breaks: list[Break],
    ) -> None:
        """Add the drafts of a ``1.`` task's lines: one, or more where a line goes on with
        the next task after a clause (``…负责)12.下一任务…``: the second starts at the digits,
        a ``glued`` break before it)."""
        folded = self.lines.source.folded
        while True:
            last_start, last_end = segments[-1]
            found = glued_after_clause(folded, last_start, last_end)
            # the task ends with its line's piece, or just after the clause a glued task follows
            cut = last_end if found is None else found.start() + 1
            pieces = [*segments[:-1], (last_start, cut)]
            self.add(
                Draft(
                    folded,
                    number_text,
                    number_start,
                    number_end,
                    pieces,
                    self.section,
                    self.subsection,
                    breaks,
                )
            )
            if found is None:
                return
            number_text, number_start, number_end = found.group(1), found.start(1), found.end(1)
            number_span = self.lines.span(number_start, number_end)
            breaks = [Break("glued", number_span, cut, number_text)]
            segments = [(found.end(), last_end)]

    def split_number(self, content: str, start: int) -> tuple[str, int, int, int, list[Break]]:
        """The number whose digits were left pending at the last line's end (``…负责)5``)
        and whose rest begins this one (``0.…``): as written, where it starts and ends,
        where the task's text starts, and the break in it."""
        assert self.pending_number is not None
        digits, digits_start = self.pending_number
        self.pending_number = None
        rest = LEADING_REST.match(content)
        assert rest is not None  # checked before the number was left pending
        number_text = digits + rest.group(1)
        split = Break(
            "number",
            self.lines.span(digits_start, digits_start + len(digits)),
            start + rest.start(1),
            number_text,
        )
        return number_text, digits_start, start + rest.end(1), start + rest.end(), [split]

    def add(self, draft: Draft) -> None:
        """Keep a draft; its number is the one a mistyped next number follows."""
        self.drafts.append(draft)
        self.last_number = draft.number_text

    def parents(self, level: int) -> tuple[int | None, int | None]:
        """The section and subsection a task of ``level`` sits in."""
        if level == 1:
            return None, None
        if level == 2:
            return self.section, None
        return self.section, self.subsection


class FrontMatter:
    """The roles of the lines before the body (the first heading or task): the title, the
    document number, the addressee, the issuer, a notice or the preamble. Its state is
    which of them were met: a plan has one document number, one addressee, one title."""

    __slots__ = ("addressee_seen", "doc_number_seen", "lines", "title_last", "title_seen")

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.doc_number_seen = False
        self.addressee_seen = False
        self.title_seen = False
        self.title_last = False  # the line before was the title's

    def role(self, text: str, index: int) -> str:
        """Role of line ``index`` (its folded text) before the first heading or task."""
        role = self._role(text, index)
        self.title_last = role == "title"
        return role

    def _role(self, text: str, index: int) -> str:
        if not self.doc_number_seen and vocab.DOC_NUMBER_LINE.match(text):
            self.doc_number_seen = True
            return "doc_number"  # before or after the title: both are met
        if not self.addressee_seen and text.endswith(":"):
            self.addressee_seen = True
            return "addressee"
        if self.title_seen:
            # its period on a line of its own under it, （2019—2021）: a line opening with a
            # bracket (the preamble under a title on one line is told without the pattern)
            if self.title_last and text.lstrip(" \t").startswith("(") and _TITLE_PERIOD.match(text):
                return "title"
            return "preamble"
        if is_title_line(text) and _names_genre(text):
            self.title_seen = True
            return "title"
        if (
            is_title_line(text)
            and _TITLE_START.search(text)
            and not _ISSUER_END.search(text)
            and self.title_continues(index)
        ):
            return "title"  # the first line of a title split over two
        if "。" in text or "," in text:
            return "notice"
        return "issuer"

    def title_continues(self, index: int) -> bool:
        """Is the next non-blank line the end of a title this line begins?"""
        folded = self.lines.folded
        for following in range(index + 1, min(index + 3, len(folded))):
            text = folded[following].strip()
            if text:
                return is_title_line(text) and _names_genre(text)
        return False


def heading_at(lines: Lines, item: Item, content: str, start: int) -> Heading:
    """The heading a numbered line makes: its level, numeral, title and spans."""
    level, match = item
    numeral = match.group(1)
    title = content[match.end() :].rstrip()
    return Heading(
        level,
        numeral,
        numeral_value(numeral),
        lines.source.text[start + match.end() : start + match.end() + len(title)],
        lines.span(start + len(content) - len(content.lstrip()), start + len(content.rstrip())),
        lines.span(start + match.start(1), start + match.end(1)),
    )


def directive_at(lines: Lines, match: re.Match[str], start: int) -> Directive:
    """``<!-- plancheck: disable=G001 -->``: its kind and codes."""
    codes = tuple(c.strip().upper() for c in (match.group(2) or "").split(",") if c.strip())
    span = lines.span(start + match.start(), start + match.end())
    return Directive(match.group(1), codes, span)


# -- 3. a task's lines -------------------------------------------------------------------
# Gathering a task's text: the lines after its number that belong to it, and the numbers
# that are broken or glued at its end.
#
# A task is rarely one clean line in the family's files: its clause may sit on the next line,
# a hard wrap may cut a sentence (N003 reports it), a deeper item may hang under it, the next
# task's number may be split over two lines (``…负责)5`` / ``0.…``) or glued to it
# (``…负责)12.下一任务``). This pass records each such thing as a fact on the task's draft (a
# ``Break``) and never repairs the text.

#: (it begins with ``<!--``: a line without those is looked at no further)
DIRECTIVE = LazyPattern(
    r"<!--[ \t]*plancheck:[ \t]*(disable-file|disable)(?:[ \t]*=[ \t]*([\w, ]+))?[ \t]*-->"
)
#: a number split over two lines: its digits after a clause at a line's end, and its rest
#: at the next line's start (``…负责)5`` / ``0.…``; compiled where a line ends with a digit)
_TRAILING_NUMBER = LazyPattern(r"\)[ \t]*(\d{1,3})[ \t]*$")
LEADING_REST = LazyPattern(r"^[ \t]*(\d{0,3})[ \t]*[.、](?!\d)")
_TRAILING_DIGITS = LazyPattern(r"(?<=\))[ \t]*\d{1,3}[ \t]*$", needles=(")",))
_GLUED = re.compile(r"\)[ \t]*(\d{1,3})[ \t]*[.、](?=[^\d\s])")

#: (start, end) source offsets of the pieces of a task's text, one per line it spans
Segments = list[tuple[int, int]]
#: the same, once gathered (a draft's): read, never added to
Pieces = Sequence[tuple[int, int]]


class Draft:
    """A task while its lines are being collected: its number, the pieces of its text, the
    breaks found in them and where it sits (a plain class with slots: a dataclass costs half a
    millisecond to define at every start)."""

    __slots__ = (
        "breaks",
        "item_start",
        "level",
        "number_end",
        "number_start",
        "number_text",
        "section",
        "segments",
        "subsection",
        "titled",
    )

    def __init__(
        self,
        folded: str,
        number_text: str,
        number_start: int,
        number_end: int,
        segments: Pieces,
        section: int | None,
        subsection: int | None,
        breaks: Sequence[Break] = (),
    ) -> None:
        self.number_text = number_text
        self.number_start = number_start
        self.number_end = number_end
        # tuples, not the lists they were gathered in: a tuple of offsets is no object the
        # garbage collector keeps watching, and a 10 MB plan holds 50,000 drafts at once
        self.segments = tuple(segments)
        self.section = section
        self.subsection = subsection
        self.breaks = tuple(breaks)
        self.level = 3
        self.item_start: int | None = None  # where the item begins: the "(" of "(十五)"
        #: the clause its title is, where it names the lead of the measures under it
        #: (（一）省监察厅牵头的工作): its span in the source (``folded``'s offsets), or None;
        #: read here once, for the frame pass (which drafts hold a clause) and the task's
        start, end = self.segments[0]
        found = titled_lead(folded[start:end])
        self.titled = None if found is None else (start + found[0], start + found[1])


class Gatherer:
    """Takes the lines that belong to a task after its first one (``gather``).

    Its state is what it reads by: the lines and the task level. What one task gathers
    (its pieces, the wraps between them) lives in the lists it is handed; ``number``, the
    task being read, is what a mistyped next number (``11。``) is expected after.
    """

    __slots__ = ("lines", "task_level", "tasks_below")

    def __init__(
        self, lines: Lines, task_level: int | None, tasks_below: frozenset[int] = frozenset()
    ) -> None:
        self.lines = lines
        self.task_level = task_level
        self.tasks_below = tasks_below  # sub-items that are tasks of their own: never parts

    def gather(self, index: int, number: str, segments: Segments, breaks: list[Break]) -> int:
        """Add the lines after the task's first line ``index`` that belong to it to
        ``segments``; return the index of the next line to read.

        Items of a deeper numbering level (``1.`` under a ``(一)`` task) always belong to it.
        Plain lines belong to it when they complete a clause: a task whose clause is on a
        following line, or a task of several paragraphs each closing with its own clause;
        a paragraph without one after the task (a closing statement) stays a paragraph.
        """
        lines, task_level = self.lines, self.task_level
        next_index = index + 1
        deeper = False  # the task holds an item of a deeper level: (1) under 1.
        while next_index < lines.count:
            item = lines.item(next_index, task_level, number)
            if next_index in self.tasks_below:
                return next_index  # the next sub-item, a task of its own
            if item is not None and task_level is not None and item[0] > task_level:
                self.append(next_index, segments, breaks, wrapped=False)
                next_index += 1
                deeper = True
                continue
            if item is not None:  # the next task, or a heading: no plain line to join
                return next_index  # (``starts_block`` would say so first)
            joined = self.join_wrapped(next_index - 1, number, segments, breaks)
            if joined == next_index and deeper:
                joined = self.join_sub_item_body(next_index, number, segments, breaks)
            if joined == next_index:
                return next_index
            next_index = joined
        return next_index

    def join_sub_item_body(
        self, index: int, number: str, segments: Segments, breaks: list[Break]
    ) -> int:
        """The paragraphs under a sub-item of the task, where another sub-item follows them
        (1.明确三级财政出资比例 / (1)县道 / 县道由市、区两级财政共同承担… / (2)乡、村道: 奉贤
        2021): they are the sub-item's body, and the next sub-item is the task's too. Up to
        three paragraphs; none where no sub-item comes before the next block (a closing
        statement after the task's last sub-item stays a paragraph of its own)."""
        lines, task_level = self.lines, self.task_level
        for lookahead in range(index, min(index + 3, lines.count)):
            if self.starts_block(lookahead, number):
                return index
            item = lines.item(lookahead, task_level, number)
            if item is not None:
                if lookahead == index or task_level is None or item[0] <= task_level:
                    return index
                for piece in range(index, lookahead):
                    self.append(piece, segments, breaks, wrapped=False)
                return lookahead
        return index

    def join_wrapped(self, index: int, number: str, segments: Segments, breaks: list[Break]) -> int:
        """Join the plain lines after line ``index`` that complete a clause (up to three).

        Only lines that complete the task (end in a clause) are joined, so a task that
        simply lacks its clause is not glued to the paragraph after it. A line that follows
        a sentence's end is a new paragraph of the task, and so is a labelled clause line;
        one that follows a cut sentence was wrapped (a Break, which N003 reports), except
        in Markdown, which wraps paragraphs by design.
        """
        pieces: list[int] = []
        texts: list[str] = []
        for lookahead in range(index + 1, min(index + 4, self.lines.count)):
            if self.starts_block(lookahead, number):
                return index + 1
            pieces.append(lookahead)
            texts.append(self.lines.contents[lookahead][0].strip())
            if has_clause("".join(texts)) or BARE_CLAUSE.match(texts[-1]):
                break
            if len(texts) == 1 and _list_line(texts[0]):
                break  # (市发改委、财政局): a list of bodies alone on the item's next line
        else:
            return self.join_body(index, number, segments, breaks)
        folded = self.lines.source.folded
        for piece, text in zip(pieces, texts, strict=True):
            tail = folded[segments[-1][0] : segments[-1][1]].rstrip()
            # a labelled clause line (责任单位:…) begins a field of its own: the line before
            # it (a task's text, a 责任领导: line of names) was not wrapped into it
            wrapped = cut_off(tail) and BARE_CLAUSE.match(text) is None
            self.append(piece, segments, breaks, wrapped=wrapped)
        return index + 1 + len(pieces)

    def join_body(self, index: int, number: str, segments: Segments, breaks: list[Break]) -> int:
        """A task that is a title on a line of its own (``13.开展工业互联网新模式推广。``,
        ``2.落实属地主体责任``) with its body in the paragraphs below, the clause closing the
        last of them (皖政办秘〔2021〕82号, 奉贤 2021 农村公路): join them, up to the last
        line with a clause before the next block; none where no clause comes."""
        if len(segments) != 1:
            return index + 1
        first = self.lines.source.folded[segments[0][0] : segments[0][1]].strip()
        if not is_title_line(first.rstrip("。")):
            return index + 1
        last = None
        lookahead = index + 1
        while lookahead < self.lines.count and not self.starts_block(lookahead, number):
            text = self.lines.contents[lookahead][0].strip()
            if has_clause(text) or BARE_CLAUSE.match(text):
                last = lookahead
            lookahead += 1
        if last is None:
            return index + 1
        for piece in range(index + 1, last + 1):
            self.append(piece, segments, breaks, wrapped=False)
        return last + 1

    def starts_block(self, index: int, number: str) -> bool:
        """A line that begins something of its own, never the rest of a task: a blank line,
        a directive, or an item at the task level or above."""
        content = self.lines.contents[index][0]
        if not content.strip() or ("<!--" in content and DIRECTIVE.search(content) is not None):
            return True
        item = self.lines.item(index, self.task_level, number)
        return item is not None and (
            self.task_level is None or item[0] <= self.task_level or index in self.tasks_below
        )

    def append(self, index: int, segments: Segments, breaks: list[Break], wrapped: bool) -> None:
        """Add line ``index`` to a task; a wrapped line (not a new paragraph) is a Break."""
        folded = self.lines.folded[index]
        line_start = self.lines.starts[index]
        begin = line_start + len(folded) - len(folded.lstrip())
        end = line_start + len(folded.rstrip())
        previous_end = segments[-1][1]
        if wrapped and self.lines.source.kind != "md":
            breaks.append(Break("text", self.lines.span(previous_end, previous_end), begin))
        segments.append((begin, end))


def has_clause(folded: str) -> bool:
    """Does this text end in a responsibility clause (digits of a split number aside)?"""
    folded = _TRAILING_DIGITS.sub("", folded)
    if ends_in_clause_group(folded):
        return True  # a last group with a role word, perhaps and its stop: ``(A负责)。``
    if not folded.rstrip().endswith((")", "】", "〕")):  # else the clause group of a task's text
        return False
    return clause_group(folded, bracket_groups(folded)) is not None


def _list_line(text: str) -> bool:
    """A line that is one bracketed list of bodies and nothing else (``(市经信委)``): where a
    document writes its clauses so, the item's clause (``with_bare_lists`` judges that)."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    groups = bracket_groups(text)
    return len(groups) == 1 and groups[0] == (0, len(text)) and is_bare_list(text[1:-1])


def trailing_number(lines: Lines, index: int, segments: Segments) -> tuple[str, int] | None:
    """Digits after the clause at the end of line ``index`` that begin the next task's
    number, its rest on the next line (``…负责)5`` / ``0.…``): the digits and where they
    start, the task's last piece cut before them. None when the line ends otherwise."""
    if index + 1 >= lines.count:
        return None
    line_folded = lines.folded[index]
    if not line_folded.rstrip(" \t")[-1:].isdecimal():
        return None  # the pattern's digits end the line (most lines end with a bracket)
    trailing = _TRAILING_NUMBER.search(line_folded)
    if not trailing or not LEADING_REST.match(lines.folded[index + 1]):
        return None
    digits_start = lines.starts[index] + trailing.start(1)
    start, _ = segments[-1]
    if digits_start <= start:
        return None
    segments[-1] = (start, lines.starts[index] + trailing.start() + 1)
    return trailing.group(1), digits_start


def glued_after_clause(folded: str, start: int, end: int) -> re.Match[str] | None:
    """The first ``)12.`` in ``folded[start:end]`` (a line's piece) whose bracket reads like
    a clause: where the next task starts on the line of the last one. (A search at a time,
    each from where the last ended: most lines have no ``)12.``, and a search costs less
    than ``finditer``'s set-up; searched in place, the piece is never copied.)"""
    match = _GLUED.search(folded, start, end)
    while match is not None:
        inner_open = folded.rfind("(", start, match.start())
        if inner_open >= 0 and looks_like_clause(folded[inner_open : match.start()]):
            return match
        match = _GLUED.search(folded, match.end(), end)
    return None


# -- 4. frame items -----------------------------------------------------------------------
# Frame items: items at the task level that are the document's frame, not tasks.
#
# ``(一)指导思想。``, ``(二)基本原则。`` carry no clause and are not tasks; neither are the
# items of a section where no item has a clause (a prose-only section), nor the steps
# (三、基本步骤 1.-4.) or safeguards of a plan whose other ``1.`` items carry clauses. They
# are known only once every task of the document is read, which is why this pass follows the
# walk: each becomes a heading of the task level, its other lines body paragraphs.


class FrameItems:
    """Takes the frame items out of the drafts (``tasks_of``); its state is the headings
    and paragraphs they became."""

    __slots__ = (
        "has_tables",
        "headings",
        "lines",
        "paragraphs",
        "running",
        "task_level",
        "unassigned",
    )

    def __init__(self, lines: Lines, task_level: int | None, has_tables: bool = False) -> None:
        self.lines = lines
        self.task_level = task_level
        self.has_tables = has_tables
        self.headings: list[Heading] = []
        self.paragraphs: list[Paragraph] = []
        #: the number spans of items read as prose because the document assigns no duty per
        #: item (none of its items carries a clause, or only a few do)
        self.unassigned: list[Span] = []
        #: where the document writes its clauses in running text (由A牵头,B配合), not in
        #: brackets: each draft's running clauses (``draft_clauses``); else empty
        self.running: dict[Draft, RunningClauses] = {}

    def tasks_of(self, drafts: list[Draft]) -> list[Draft]:
        """The drafts that are tasks; the frame items among them become headings and
        paragraphs.

        Items of the ``一、`` or ``(一)`` task level are frame when they hold no clause and
        either sit in a section where no item holds one or are titled as the frame
        (``layout.yaml``'s ``frame_titles``). ``1.`` items are judged by the heading they
        sit under (``_prose_items``). Where no item holds a clause but the document has a
        task table, every item is frame: the table says who does what. Where no item holds
        a clause at all, or only a few of the items that could be tasks do, the document
        assigns its duties otherwise (in running text, a duty list, a section of who does
        what): the items without one are its prose, not tasks each lacking a clause
        (``unassigned``; one note says so, G013).
        """
        folded = self.lines.source.folded
        holds, running = draft_clauses(folded, drafts, not self.has_tables)
        if running is not None:
            self.running = dict(zip(drafts, running, strict=True))
        if self.has_tables and drafts and not any(holds):
            # no item names anyone, and a task table does: the table holds the tasks, the
            # items are the measures it details (宝山 2019, 虹口 2018 任务清单)
            frame = [True] * len(drafts)
        elif self.task_level == 3:
            frame = _prose_items(drafts, holds)
        elif self.task_level in (1, 2):
            with_clause = {d.section for d, h in zip(drafts, holds, strict=True) if h}
            frame = [
                not holds_clause
                and (
                    (draft.level == 2 and draft.section not in with_clause)
                    or _is_frame_title(folded, draft)
                )
                for draft, holds_clause in zip(drafts, holds, strict=True)
            ]
        else:
            return drafts
        if not self.has_tables:
            frame = self._unassigned(drafts, holds, frame)
        if not any(frame):
            return drafts
        previous = drafts[-1].number_text  # the walk's last number
        tasks = []
        for draft, is_frame in zip(drafts, frame, strict=True):
            if is_frame:
                self.add(draft, previous)
            else:
                tasks.append(draft)
        return tasks

    def _unassigned(self, drafts: list[Draft], holds: list[bool], frame: list[bool]) -> list[bool]:
        """``frame`` with the items that lack a clause in a document that assigns no duty
        per item set aside as prose (and noted in ``unassigned``): every item where none
        holds a clause; the items without one where fewer than half of the document's items
        hold one (a lone 由A牵头 among fourteen measures). Where most hold one,
        the others are tasks that lack their clause (G008)."""
        candidates = [n for n, is_frame in enumerate(frame) if not is_frame]
        holding = sum(1 for n in candidates if holds[n])
        if not candidates or holding * 2 > len(candidates):
            return frame
        frame = list(frame)
        for n in candidates:
            if not holds[n]:
                frame[n] = True
                draft = drafts[n]
                self.unassigned.append(self.lines.span(draft.number_start, draft.number_end))
        return frame

    def add(self, draft: Draft, previous: str) -> None:
        """A frame item as a heading of its line's numbering, its other lines as prose.

        Its line's numbering is read as the walk would read it last (``previous``: the
        number of the document's last task), the way it read a mistyped ``11。``.
        """
        lines = self.lines
        start, _ = draft.segments[0]
        index = bisect_right(lines.starts, start) - 1
        content, line_begin = lines.contents[index]
        item = lines.item(index, self.task_level, previous)
        if item is not None:
            self.headings.append(heading_at(lines, item, content, line_begin))
        for begin, finish in draft.segments[1:]:
            text = lines.source.text[begin:finish]
            self.paragraphs.append(Paragraph("body", text, lines.span(begin, finish)))


#: a draft's clauses in running text: for each of its segments, their (start, end) in it
RunningClauses = list[list[tuple[int, int]]]


def draft_clauses(
    folded: str, drafts: list[Draft], running_text: bool = True
) -> tuple[list[bool], list[RunningClauses] | None]:
    """Which drafts hold a clause, and, where the document writes its clauses in running
    text, each draft's running clauses (found here once; ``build_task`` takes them, for a
    draft that has none in brackets). A document writes its clauses one way: bracketed or
    labelled (holds_clause);
    where no item holds one, as a bare bracketed list of bodies closing the item, where two
    items or more close so (``with_bare_lists`` reads them as the clauses); where neither,
    in the items' running text (running_clauses: ……,由A牵头,B配合。). Only a document with
    no bracketed clause is read for the last two: a plan's items each hold theirs; and one
    with a task table (not ``running_text``) for neither: the table says who does what."""
    holds = [_holds_clause(folded, d) for d in drafts]
    if any(holds) or not running_text:
        return holds, None
    ends = [_ends_with_bare_list(folded, d) for d in drafts]
    if sum(ends) >= 2:
        return ends, None
    found = [[running_clauses(folded[b:e]) for b, e in d.segments] for d in drafts]
    running = [
        any(clauses) and not _heads_duty_list(folded, d)
        for d, clauses in zip(drafts, found, strict=True)
    ]
    return running, found if any(running) else None


def _holds_clause(folded: str, draft: Draft) -> bool:
    """Does the draft hold a clause: its title is one (``Draft.titled``), or one of its
    lines holds one (a loop, not ``any`` over a generator: asked of every draft)?"""
    if draft.titled is not None:
        return True
    for start, end in draft.segments:  # noqa: SIM110 (the loop is the point: see the docstring)
        if holds_clause(folded[start:end]):
            return True
    return False


def _heads_duty_list(folded: str, draft: Draft) -> bool:
    """Is the draft an item of a duty list, titled by the body whose duties it lists?"""
    start, end = draft.segments[0]
    title = re.split(r"[。:;,]", folded[start:end], maxsplit=1)[0]
    return heads_duty_list(title)


def _ends_with_bare_list(folded: str, draft: Draft) -> bool:
    """Does the draft's text close with a bracketed list of bodies (…。(A、B、各街镇))?"""
    start, end = draft.segments[-1]
    text = folded[start:end].rstrip().rstrip("。;")
    if not text.endswith(")"):
        return False
    groups = bracket_groups(text)
    if not groups or groups[-1][1] != len(text):
        return False
    s, e = groups[-1]
    return is_bare_list(text[s + 1 : e - 1])


def _prose_items(drafts: list[Draft], holds: list[bool]) -> list[bool]:
    """``1.`` items under a heading where none carries a clause, in a plan where items
    under other headings do: prose of the frame (steps, safeguards), not tasks. Where no
    item carries a clause, none is set aside here (``FrameItems._unassigned`` judges them)."""
    if not any(holds):
        return [False] * len(drafts)
    groups_with_clause = {
        (d.section, d.subsection) for d, h in zip(drafts, holds, strict=True) if h
    }
    return [
        not holds_clause and (draft.section, draft.subsection) not in groups_with_clause
        for draft, holds_clause in zip(drafts, holds, strict=True)
    ]


def _is_frame_title(folded: str, draft: Draft) -> bool:
    start, end = draft.segments[0]
    title = folded[start:end].split("。", 1)[0][:20]
    return any(word in title for word in _frame_titles())


@cache
def _annex_list() -> LazyPattern:
    """A line opening a list of annexes with its first: 附件：1.任务分工表 (its labels are
    layout.yaml's ``annex_labels``, one of which a line holds before it is compiled)."""
    words = _layout_words("annex_labels")
    labels = "|".join(map(re.escape, words)) or "$^"
    return LazyPattern(rf"[ \t]*(?:{labels})[ \t]*:[ \t]*1[ \t]*[.、]", needles=words)


def _name_goes_on(content: str) -> bool:
    """An unnumbered line in a list of annexes that goes on with the last annex's name,
    wrapped: short, and not ending a sentence (prose after the list ends it)."""
    text = content.strip()
    return len(text) <= TITLE_LENGTH and text[-1] not in PARAGRAPH_END


def _layout_words(key: str) -> tuple[str, ...]:
    return tuple(str(word) for word in (builtin("layout.yaml") or {}).get(key, ()))


def _frame_titles() -> tuple[str, ...]:
    return tuple(str(word) for word in (builtin("layout.yaml") or {}).get("frame_titles", ()))


# -- 5. clauses attached ------------------------------------------------------------------
# Drafts → tasks, with their clauses attached: which bracketed group of a task is its
# responsibility clause, which others are clauses inside it, which are plain brackets (and
# whether they stand alone), and the clauses written without brackets on lines of their own.
#
# A pure pass over each draft: it reads the source and the draft, and keeps no state.

#: a bracket group: the offsets of its opening and (one past) its closing mark
Group = tuple[int, int]


def build_task(
    source: Source, draft: Draft, index: int, running: RunningClauses | None = None
) -> Task:
    """The task a draft makes, the ``index``-th of the plan; ``running``: the draft's
    clauses in running text, where the document writes its clauses so, taken where the
    task has none in brackets."""
    pieces: Pieces = draft.segments  # one line (most tasks): its piece, empty or not
    if len(pieces) > 1:
        pieces = [(s, e) for s, e in pieces if e > s] or [pieces[0]]
    folded, joined = _task_text(source, pieces)
    offsets = source_offsets(pieces)
    first, last = pieces[0][0], pieces[-1][1]
    # (offset in folded, clause) of unbracketed lines: never the task's first line
    bare = _bare_clauses(source, pieces) if len(pieces) > 1 else []
    if not bare and source.folded.find(":", pieces[-1][0], last) != -1:
        bare = _closing_label(source, pieces)
    groups, final, clause_groups, body_length = task_groups(
        folded[: bare[0][0]] if bare else folded
    )
    clauses = [] if draft.titled is None else [_titled_clause(source, draft.titled)]
    for n in clause_groups:
        clauses.append(_clause(source, folded, groups[n], offsets))
    for _, clause in bare:
        clauses.append(clause)
    if running is not None and not clauses:  # a clause in the running text, if any
        clauses = _running(source, draft.segments, running)
        if clauses:
            body_length = _before_closing(folded, clauses[-1], offsets, body_length)
    parens = (  # most tasks' only group is their clause
        _parens(source, folded, joined, groups, clause_groups, final, offsets)
        if len(groups) > len(clause_groups)
        else ()
    )
    starts = source.line_starts
    return Task(
        numeral_value(draft.number_text),
        draft.number_text,
        draft.number_start,
        draft.number_end,
        draft.number_start if draft.item_start is None else draft.item_start,
        last,
        joined[:body_length],
        first,
        offsets[body_length - 1] + 1 if body_length else first,
        tuple(clauses),
        parens,
        draft.breaks,
        draft.section,
        draft.subsection,
        index,
        starts,
        draft.level,
    )


def _titled_clause(source: Source, titled: tuple[int, int]) -> Clause:
    """The clause the task's title is, where it names the lead of the measures under it
    (（三）省编办牵头的工作 / 1.… / 协同单位:…, ``Draft.titled``): the task's first clause."""
    start, end = titled
    return parse_clause(source, source.folded[start:end], start, start, end)


@per_text()
def task_groups(folded: str) -> tuple[tuple[Group, ...], int | None, tuple[int, ...], int]:
    """A task text's bracket groups, the one that is its clause (``clause_group``: None
    where none is), every clause group in order, those inside the task before it, and the
    length of its body (its text before the clause, blanks aside). Kept per text: a task
    carries over from draft to draft of a plan."""
    groups = bracket_groups(folded)
    final = clause_group(folded, groups)
    # the clauses before the final one (none when the final clause is the first group)
    clauses = _inner_clause_groups(folded, groups, final) if final != 0 else []
    if final is not None:
        clauses.append(final)
    body = folded[: groups[final][0]] if final is not None else folded
    return tuple(groups), final, tuple(clauses), len(body.rstrip())


def _running(source: Source, segments: Pieces, running: RunningClauses) -> list[Clause]:
    """The clauses written in a task's running text (``running``, found line by line in
    its ``segments`` by the grammar's ``running`` forms), each read as a bracketed one is."""
    clauses = []
    for (start, _), found in zip(segments, running, strict=True):
        for s, e in found:
            clauses.append(
                parse_clause(
                    source, source.folded[start + s : start + e], start + s, start + s, start + e
                )
            )
    return clauses


def _before_closing(folded: str, clause: Clause, offsets: Sequence[int], body: int) -> int:
    """The length of the task's body before a clause written as its closing sentence
    (……。市商务委负责。); ``body``, the length it has, where the clause does not close the
    task (or nothing is before it)."""
    at = bisect_left(offsets, clause.start)  # its place in the task's joined text
    if folded[at + len(clause.inner) :].strip().rstrip("。;"):
        return body
    return len(folded[:at].rstrip()) or body


def _task_text(source: Source, pieces: Pieces) -> tuple[str, str]:
    """A task's text, folded and as written: its pieces joined."""
    folded = text = ""
    for start, end in pieces:
        folded += source.folded[start:end]
        text += source.text[start:end]
    return folded, text


def source_offsets(pieces: Pieces) -> Sequence[int]:
    """The source offset of each character of a task's joined text: its pieces' ranges
    one after the other (one range for a task on one line, as most are)."""
    if len(pieces) == 1:
        return range(*pieces[0])
    return [offset for start, end in pieces for offset in range(start, end)]


def _bare_clauses(source: Source, pieces: Pieces) -> list[tuple[int, Clause]]:
    """The task's last lines when they are clauses without brackets (牵头单位:A;配合单位:B),
    with their offsets in the joined text. Prose after such a line means it was not
    this layout: then there are none."""
    lines: list[tuple[int, int, int]] = []  # (offset in the joined text, start, end)
    at = 0
    for n, (start, end) in enumerate(pieces):
        text = source.folded[start:end]
        if n and BARE_CLAUSE.match(text):
            lines.append((at, start, end))
        elif lines:
            return []
        at += end - start
    if not lines:
        return []
    return [(lines[0][0], _bare_clause(source, lines[0][1], lines[-1][2]))]


def _closing_label(source: Source, pieces: Pieces) -> list[tuple[int, Clause]]:
    """A labelled clause closing the task's last line after its last sentence, in a layout
    that puts it on a line of its own (…加强应急救援基地和队伍建设。责任单位：市应急管理局,
    杭政办函〔2019〕12号, 浙政办 2021): with its offset in the joined text, if there is one."""
    start, end = pieces[-1]
    found = CLOSING_LABEL.search(source.folded, start, end)
    if found is None:
        return []
    label = found.start(1)
    rest = source.folded[label:end]
    if _closes_more(rest):
        return []  # a label inside a bracketed clause: (牵头部门:A。配合部门:B)
    at = sum(e - s for s, e in pieces[:-1]) + label - start
    return [(at, _bare_clause(source, label, end))]


def _closes_more(text: str) -> bool:
    """Does ``text`` close more brackets than it opens (it began inside one)?"""
    return sum(map(text.count, ")〕]】")) > sum(map(text.count, "(〔[【"))


def _bare_clause(source: Source, start: int, end: int) -> Clause:
    """The clause of consecutive bare lines (牵头责任单位:A。 / 协同责任单位:B、C。): one
    clause, each line a segment of it, as if written ``牵头单位:A;配合单位:B`` on one line
    (the line breaks read as ``;``, so every offset stays the file's)."""
    folded = source.folded[start:end]
    inner = re.sub(r"[ \t]*[\r\n]+[ \t]*", lambda m: ";" * len(m.group()), folded.rstrip())
    inner = inner.rstrip("。;")
    return parse_clause(source, inner, start, start, start + len(inner))


def _clause(source: Source, folded: str, group: Group, offsets: Sequence[int]) -> Clause:
    s, e = group
    return parse_clause(
        source, folded[s + 1 : e - 1], offsets[s + 1], offsets[s], offsets[e - 1] + 1
    )


def _parens(
    source: Source,
    folded: str,
    joined: str,
    groups: Sequence[Group],
    clause_groups: Sequence[int],
    clause_group: int | None,
    offsets: Sequence[int],
) -> tuple[Paren, ...]:
    """Every bracketed group but the clauses, marking those that stand alone."""
    clauses = set(clause_groups)
    standalone_end = {0} | {groups[n][1] for n in clauses}
    parens = []
    for n, (s, e) in enumerate(groups):
        if n in clauses:
            continue
        before = _end_before(folded, s)
        standalone = (
            not before
            or folded[before - 1] in SENTENCE_END
            or before in standalone_end
            or (clause_group is not None and n > clause_group)
        )
        if standalone:
            standalone_end.add(e)
        parens.append(
            Paren(
                joined[s + 1 : e - 1],
                offsets[s],
                offsets[e - 1] + 1,
                standalone,
                joined[s],
                source.line_starts,
            )
        )
    return tuple(parens)


def clause_group(folded: str, groups: list[Group]) -> int | None:
    """Which group is a task's clause: the last clause-like group followed only by other
    groups or blanks (and a stop: ``(A负责)。``)."""
    for n in range(len(groups) - 1, -1, -1):
        s, e = groups[n]
        if not looks_like_clause(folded[s + 1 : e - 1]):
            continue
        if e == len(folded):
            return n  # nothing follows it
        tail = folded[e:]
        for s2, e2 in groups[n + 1 :]:
            tail = tail.replace(folded[s2:e2], "", 1)
        if not tail.strip().rstrip("。;"):  # "(A负责)。": the stop after the clause
            return n
        return None
    return None


def _inner_clause_groups(folded: str, groups: list[Group], final: int | None) -> list[int]:
    """Clauses inside a task, each after the sentences it covers: ``…环境。(A负责)加强…``.

    A clause-like group counts when it stands before the clause that ends the task
    (``final``) after a sentence's end or after another clause, or closes a part of the
    sentence itself, a stop or ; after it (``…1000家(责任单位:A);实现…(责任单位:B)``, 浙政办
    2021 民生实事: each part of the item its own bodies), reads like one (its roles at the end:
    ``…负责``, ``…配合``, ``责任单位:…``, not ``(由财政部负责组织的项目除外)``) and text follows it.
    """
    found: list[int] = []
    previous_clause_end = -1
    for n in range(len(groups) if final is None else final):
        s, e = groups[n]
        inner = folded[s + 1 : e - 1]
        if not looks_like_clause(inner) or not ends_like_clause(inner):
            continue
        before = _end_before(folded, s)
        after = _start_after(folded, e)
        if after == len(folded):
            continue  # nothing follows: not inside the task
        if (
            before
            and folded[before - 1] not in SENTENCE_END
            and before != previous_clause_end
            and folded[after] not in SENTENCE_END
        ):
            continue
        previous_clause_end = e
        found.append(n)
    return found


def _end_before(text: str, at: int) -> int:
    """Where the text before ``at`` ends, blanks aside: ``len(text[:at].rstrip())``, without
    the copy (a task of many groups, a text whose lines were run together, copied its text
    up to each group: quadratic)."""
    while at and text[at - 1].isspace():
        at -= 1
    return at


def _start_after(text: str, at: int) -> int:
    """Where the text from ``at`` on starts, blanks aside: ``len(text) -
    len(text[at:].lstrip())``, without the copy."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def with_bare_lists(source: Source, tasks: tuple[Task, ...]) -> tuple[Task, ...]:
    """A document whose tasks end with bare lists of bodies (``(A、B、各区)``), none
    with a role word, writes its clauses so: each list is its task's clause. One such
    list among clauses with role words lacks its word, and stays G008's."""
    if len(tasks) < 2 or any(t.clauses for t in tasks):
        return tasks
    ends = [_bare_list_at_end(source, t) for t in tasks]
    if sum(end is not None for end in ends) < 2:
        return tasks
    return tuple(
        t if end is None else _with_list_clause(source, t, end)
        for t, end in zip(tasks, ends, strict=True)
    )


def _bare_list_at_end(source: Source, task: Task) -> Paren | None:
    last = task.parens[-1] if task.parens else None
    if last is None:
        return None
    after = source.folded[last.end : task.body_end]
    if after.strip(" \t。;"):
        return None  # text after the list: no clause (a stop alone may follow it: (A、B)。)
    inner = source.folded[last.start + 1 : last.end - 1]
    return last if is_bare_list(inner) else None


def _with_list_clause(source: Source, task: Task, paren: Paren) -> Task:
    start, end = paren.start + 1, paren.end - 1
    found = parse_clause(source, source.folded[start:end], start, paren.start, paren.end)
    parens = tuple(p for p in task.parens if p is not paren)
    return task._replace(clauses=(found,), parens=parens)


# -- 6. the whole document ----------------------------------------------------------------
# The whole document, once its tasks are built: tasks cited with their part where numbers
# restart, the closing statements, the plan's date and year, and its sections.
#
# Each is a function of what the earlier passes found, with no state of its own.

#: the plan's own year in its title: 2024年…计划, not the span of a 纲要(2021—2035年)


def qualified(
    tasks: tuple[Task, ...], headings: list[Heading], task_level: int | None
) -> tuple[Task, ...]:
    """Where task numbers restart in each part (two parts or more start again at 1), a
    number alone names several tasks: each task's label carries its part, the nearest
    heading above its level (``二(一)``, ``(三)2``), and the one above that too where
    the parts repeat (``一(二)1`` in a plan whose (一)(二) restart in each section)."""
    at_level = [t for t in tasks if t.level == task_level]
    if sum(1 for t in at_level[1:] if t.number == 1) < 2:
        # no two parts start again at 1 (most plans): no part to look for
        return _sub_items_cited(tasks, headings, task_level)
    headings = sorted(headings + _tasks_as_parts(tasks, task_level), key=lambda h: h.span.start)
    starts = [h.span.start for h in headings]
    # the tasks under one heading have the same headings above them: read once
    read: dict[tuple[int, int], list[Heading]] = {}

    def ancestors(task: Task) -> list[Heading]:
        below = bisect_right(starts, task.number_start)  # the headings before it
        chain = read.get((below, task.level))
        if chain is None:
            chain = read[below, task.level] = _headings_above(headings[:below], task.level)
        return chain

    chains = [ancestors(t) for t in tasks]
    main = [(t, c) for t, c in zip(tasks, chains, strict=True) if t.level == task_level]
    firsts = [t.number for n, (t, c) in enumerate(main) if n and c[-1:] != main[n - 1][1][-1:]]
    if sum(1 for number in firsts if number == 1) < 2:
        # the restarts are not at a part's start: the numbers are one run
        return _sub_items_cited(tasks, headings, task_level)
    depth = max((len(c) for c in chains), default=0)
    for k in range(1, depth + 1):
        parts = ["".join(h.cited for h in c[-k:]) for c in chains]
        labels = [t._replace(qualifier=q).label for t, q in zip(tasks, parts, strict=True)]
        if len(set(labels)) == len(labels):
            break
    return tuple(t._replace(qualifier=q) for t, q in zip(tasks, parts, strict=True))


def _sub_items_cited(
    tasks: tuple[Task, ...], headings: list[Heading], task_level: int | None
) -> tuple[Task, ...]:
    """Tasks below the task level (the sub-items an item is split into, ``_tasks_below``)
    cited with the item they sit in, ``2（1）``: a ``（1）`` alone would name the first
    sub-item of every item so split."""
    if task_level is None or all(t.level <= task_level for t in tasks):
        return tasks
    items = sorted((h.span.start, h.cited) for h in headings if h.level == task_level)
    starts = [start for start, _ in items]
    cited = []
    for task in tasks:
        above = bisect_right(starts, task.number_start) - 1
        if task.level > task_level and above >= 0:
            task = task._replace(qualifier=items[above][1])
        cited.append(task)
    return tuple(cited)


def _tasks_as_parts(tasks: tuple[Task, ...], task_level: int | None) -> list[Heading]:
    """Tasks above the task level, as the parts their measures are cited in: a two-level
    分工方案's （一） with its own clause holds measures 1.… numbered afresh, cited （一）2."""
    return [
        Heading(t.level, t.number_text, t.number, "", t.number_span, t.number_span)
        for t in tasks
        if task_level is not None and t.level < task_level
    ]


def _headings_above(before: list[Heading], level: int) -> list[Heading]:
    """The headings a text of ``level`` sits under, from the top, given the headings
    ``before`` it: the nearest one of a higher level, the nearest above that…"""
    chain: list[Heading] = []
    for heading in reversed(before):
        if heading.level < level:
            chain.append(heading)
            level = heading.level
            if level == 1:
                break  # nothing is above a 一、 heading
    return chain[::-1]


def with_closing(paragraphs: list[Paragraph], tasks: tuple[Task, ...]) -> list[Paragraph]:
    """Body paragraphs after the last task are the plan's closing statements."""
    if not tasks:
        return paragraphs
    last = tasks[-1].end
    return [
        Paragraph("closing", p.text, p.span) if p.role == "body" and p.span.start >= last else p
        for p in paragraphs
    ]


def plan_year(paragraphs: list[Paragraph], date: PlanDate | None) -> int | None:
    """The plan's year: from its title, else the year it was made (``date``: its
    document number, signature date or a date in its text; State Council opinions and
    city plans carry no year in the title)."""
    found = _title_year(paragraphs)
    if found is not None:
        return found
    return date.year if date else None


def _page_number(source: Source, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The document number a web page's metadata block states, where the text prints none
    of its own (one number: where both state it, a finding is said once, at the text's), at
    the place the page's rendering holds it; none where the rendering does not."""
    if any(p.role == "doc_number" for p in paragraphs):
        return []
    return [
        Paragraph("doc_number", value, Span(start, end, source.line_starts))
        for kind, value, start, end in source.meta
        if kind == "number" and start >= 0
    ]


def _page_date(meta: tuple[tuple[str, str, int, int], ...], kind: str) -> tuple[int, int] | None:
    """(year, month) of the date of ``kind`` (``written``: 成文日期; ``published``: 发布日期)
    a web page's metadata block states, or None."""
    for found, value, _, _ in meta:
        if found == kind:
            return vocab.page_date(value)
    return None


def plan_date(
    paragraphs: list[Paragraph], text: str, meta: tuple[tuple[str, str, int, int], ...] = ()
) -> PlanDate | None:
    """When the plan was made: the year of its document number (with the month of its
    date line where that is of the same year, else of the written date a web page's
    metadata block states), else its date line, else the page's written date (成文日期),
    else the year in its title (or the first of the period its title gives it:
    2019-2020年行动计划), else the page's publication date (发布日期: later than the written
    one, by weeks, across a year's end too), else the last date written in its ``text`` (a
    repost cites the date it was issued on; a city plan may have neither number nor date
    line), else the earliest year its deadlines name (2012年底前: a copy of a city's 实施意见
    without number, date or year in its title still sets its work from its own year on), else
    the year of the work its notice divides (《政府工作报告》确定的2009年全市主要目标和工作任务:
    a target year a plan with deadlines names, 确定的2025年主要目标, is not its own), else
    the latest year of the document numbers it cites where it writes no other year."""
    number = _number_year(paragraphs)
    line = _date_line(paragraphs)
    written = _page_date(meta, "written") if meta else None
    if number is not None:
        if line is not None and line[0] == number:
            return PlanDate(number, line[1], "number, date-line")
        if written is not None and written[0] == number:
            return PlanDate(number, written[1], "number, written-date")
        return PlanDate(number, None, "number")
    if line is not None:
        return PlanDate(line[0], line[1], "date-line")
    if written is not None:
        return PlanDate(written[0], written[1], "written-date")
    found = _title_year(paragraphs)
    if found is not None:
        return PlanDate(found, None, "title")
    title = "".join(p.text for p in paragraphs if p.role == "title")
    found = vocab.title_span_year(title)
    if found is not None:  # 2019-2020年行动计划: the plan's period, from its first year
        return PlanDate(found, None, "title")
    published = _page_date(meta, "published") if meta else None
    if published is not None:
        return PlanDate(published[0], published[1], "publication-date")
    dates = vocab.dates_in(text)
    if dates:
        return PlanDate(dates[-1][0], dates[-1][1], "text")
    terms = vocab.term_years(text)
    if terms:  # a plan sets its deadlines in its own year or later: the earliest is the nearest
        return PlanDate(min(terms), None, "deadline")
    work = vocab.work_year_of(text)
    if work is not None:  # 确定的2009年全市主要目标: the year of the work it divides
        return PlanDate(work, None, "work")
    cited = vocab.cited_number_year(text)
    if cited is not None:  # the documents it implements, their years the only ones written
        return PlanDate(cited, None, "cited")
    return None


def _title_year(paragraphs: list[Paragraph]) -> int | None:
    """The year in the title: 2024年…计划 or 二〇二四年…要点, not the span of a
    纲要(2021—2035年); where the title is written on the issuer's line (滁州市人民政府关于
    2020年市政府重点工作…的通知), the words after its 关于."""
    title = "".join(p.text for p in paragraphs if p.role == "title")
    found = vocab.title_year(title)
    if found is not None:
        return found
    issued = [
        p.text.split("关于", 1)[1] for p in paragraphs if p.role == "issuer" and "关于" in p.text
    ]
    return vocab.title_year("".join(issued)) if issued else None


def _number_year(paragraphs: list[Paragraph]) -> int | None:
    for paragraph in paragraphs:
        if paragraph.role == "doc_number":
            found = vocab.doc_number_year(fold(paragraph.text))
            if found:
                return found[0]
    return None


def _date_line(paragraphs: list[Paragraph]) -> tuple[int, int] | None:
    """(year, month) of the last line that is only a date: the signature date, which
    closes a document or, on a government's web page, stands under its title."""
    for paragraph in reversed(paragraphs):
        found = vocab.date_line(paragraph.text)
        if found:
            return found
    return None


def sections(
    headings: tuple[Heading, ...], tasks: tuple[Task, ...], end: int
) -> tuple[Section, ...]:
    """Each 一、 heading with the (一) headings and the tasks between it and the next (the
    last one's up to ``end``). The headings and the tasks are in the document's order, so
    what lies between two offsets is found by bisection."""
    level_one = [h for h in headings if h.level == 1]
    level_two = [h for h in headings if h.level == 2]
    sub_starts = [h.span.start for h in level_two]
    task_starts = [t.number_start for t in tasks]
    result = []
    for n, heading in enumerate(level_one):
        start = heading.span.start
        stop = level_one[n + 1].span.start if n + 1 < len(level_one) else end
        subs = level_two[bisect_right(sub_starts, start) : bisect_left(sub_starts, stop)]
        inside = tasks[bisect_right(task_starts, start) : bisect_left(task_starts, stop)]
        result.append(Section(heading, tuple(subs), inside))
    return tuple(result)
