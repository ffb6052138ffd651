"""Text → Plan. Tolerant: a defective plan still parses, and its defects become model facts
(a ``Break``, a standalone ``Paren``, a task without clause) for the rules to judge.

The parser reads the width-folded text line by line, so ``（一）`` and ``(一)``, ``，`` and
``,`` are the same plan; every offset it records points into the file as given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from ..base.errors import InputError, Reason
from ..base.lazyre import LazyPattern
from ..knowledge.data import builtin
from . import vocabulary as vocab
from .clause import (
    BARE_CLAUSE,
    CLAUSE_GROUP,
    CLAUSE_WORDS,
    ends_like_clause,
    is_bare_list,
    looks_like_clause,
    parse_clause,
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
    maker,
)
from .source import Source, split_lines
from .text import CN_NUMERAL, SENTENCE_END, bracket_groups, cn_to_int, fold

_SPAN, _PAREN, _TASK_RECORD = maker(Span), maker(Paren), maker(Task)
T = TypeVar("T")
#: a text with no task or heading at all (``sniff.parse_plan`` tells a plan not understood)
NO_OUTLINE = Reason("not a plan: no numbered tasks or headings found", "not-a-plan")
_MD_PREFIX = LazyPattern(r"^(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\d))")
_TASK = re.compile(r"^[ \t]*(\d{1,5})[ \t]*[.、](?!\d)[ \t]*")
#: a task number written with a wrong mark (``11。`` ``11,`` ``11:`` for ``11.``); N006 judges it
_MISTYPED_TASK = re.compile(r"^[ \t]*(\d{1,5})[ \t]*[。,:](?!\d)[ \t]*")
_SECTION = re.compile(rf"^[ \t]*({CN_NUMERAL})[ \t]*[、.][ \t]*")
_SUBSECTION = re.compile(rf"^[ \t]*\(({CN_NUMERAL})\)[ \t]*")
#: the fourth level of GB/T 9704 numbering: (1), also written 1)
_ITEM = re.compile(r"^[ \t]*\(?(\d{1,3})\)[ \t]*")
_TITLE = re.compile(r"(计划|要点|方案|规划|安排|意见|纲要|办法|措施|清单|分工表)[ \t]*$")
#: the first line of a title split over two: "国务院办公厅关于加快发展" / "2024年知识产权…"
_TITLE_START = re.compile(r"关于|(?:19|20)\d\d[ \t]*年")
#: a line that names an issuer, not half a title: "…联席会议办公室", "国务院办公厅"
_ISSUER_END = LazyPattern(r"(?:办公室|办公厅|委员会|人民政府|政府|部|局|厅|委|署|院)$")
#: the plan's own year in its title: 2024年…计划, not the span of a 纲要(2021—2035年)
_YEAR_IN_TITLE = re.compile(r"(?<![—–\-~至到])((?:19|20)\d\d)[ \t]*年(?![ \t]*[—–\-~至到])")
#: (it begins with ``<!--``: a line without those is looked at no further)
_DIRECTIVE = LazyPattern(
    r"<!--[ \t]*plancheck:[ \t]*(disable-file|disable)(?:[ \t]*=[ \t]*([\w, ]+))?[ \t]*-->"
)
_TRAILING_NUMBER = re.compile(r"\)[ \t]*(\d{1,3})[ \t]*$")
_LEADING_REST = re.compile(r"^[ \t]*(\d{0,3})[ \t]*[.、](?!\d)")
_TRAILING_DIGITS = re.compile(r"(?<=\))[ \t]*\d{1,3}[ \t]*$")
_SIMPLE_CLAUSE_END = re.compile(rf"\([^()]*(?:{CLAUSE_WORDS.pattern})[^()]*\)[ \t]*[。;]?[ \t]*$")
_GLUED = re.compile(r"\)[ \t]*(\d{1,3})[ \t]*[.、](?=[^\d\s])")
#: a clause on a line of its own without brackets: 牵头单位:A;配合单位:B (the grammar's labels)
_BARE_CLAUSE = BARE_CLAUSE
#: numbering levels: 1 = 一、, 2 = (一), 3 = 1., 4 = (1)
_LEVELS = ((3, _TASK), (2, _SUBSECTION), (1, _SECTION), (4, _ITEM))
#: the longest line that is still an item's title ((九)强化光伏建设资金保障), not a cut sentence
_TITLE_LENGTH = 30
#: marks after which a new line starts a new paragraph of the same task, not a wrapped line
_PARAGRAPH_END = frozenset("。;!?:)】”")


class _Draft:
    """A task while its lines are being collected (a plain class: a dataclass costs half a
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
    )

    def __init__(
        self,
        number_text: str,
        number_start: int,
        number_end: int,
        segments: list[tuple[int, int]],  # (start, end) source offsets of the task's text
        section: int | None,
        subsection: int | None,
    ) -> None:
        self.number_text = number_text
        self.number_start = number_start
        self.number_end = number_end
        self.segments = segments
        self.section = section
        self.subsection = subsection
        self.breaks: list[Break] = []
        self.level = 3
        self.item_start: int | None = None  # where the item begins: the "(" of "(十五)"


class _Parser:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.folded = split_lines(source.folded)
        self.paragraphs: list[Paragraph] = []
        self.headings: list[Heading] = []
        self.directives: list[Directive] = []
        self.drafts: list[_Draft] = []
        self.section: int | None = None
        self.subsection: int | None = None
        self.in_body = False
        self.title_seen = False
        self.pending_number: tuple[str, int] | None = None  # digits left at a line's end
        self.task_level: int | None = None
        self.reading: str | None = None  # the number of the task being read
        # each line's content and numbering, read once: the passes below ask for them often
        self.contents = self.line_contents()
        self.numbering = [self.numbered(content) for content, _ in self.contents]
        outline = self.outline()  # one pass over the lines serves both questions
        self.task_level = self.infer_task_level(outline)
        self.leaf_tasks = self.find_leaf_tasks(outline)
        self.has_tables = False  # task tables were blanked out: their rows are tasks too

    # -- positions ---------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        return _SPAN((start, end, self.source.line_starts))  # five hundred a plan

    def line_start(self, index: int) -> int:
        return self.source.line_starts[index]

    # -- main loop ---------------------------------------------------------------------
    def run(self) -> Plan:
        index = 0
        while index < len(self.folded):
            index = self.line(index)
        drafts = self.without_frame_items(self.drafts)
        tasks = self.qualified(tuple(self.build_task(d, n) for n, d in enumerate(drafts)))
        tasks = self.with_bare_lists(tasks)
        self.mark_closing(tasks)
        if not (tasks or self.headings or self.has_tables or self.clause_like()):
            raise InputError(self.source.path, NO_OUTLINE)
        date = self.date()
        return Plan(
            self.source,
            tuple(sorted(self.paragraphs, key=lambda p: p.span.start)),
            tuple(sorted(self.headings, key=lambda h: h.span.start)),
            tasks,
            tuple(self.directives),
            self.year(date),
            self.sections(tasks),
            self.task_level if tasks else None,
            date=date,
        )

    def with_bare_lists(self, tasks: tuple[Task, ...]) -> tuple[Task, ...]:
        """A document whose tasks end with bare lists of bodies (``(A、B、各区)``), none
        with a role word, writes its clauses so: each list is its task's clause. One such
        list among clauses with role words lacks its word, and stays G008's."""
        if len(tasks) < 2 or any(t.clauses for t in tasks):
            return tasks
        ends = [self.bare_list_at_end(t) for t in tasks]
        if sum(end is not None for end in ends) < 2:
            return tasks
        return tuple(
            t if end is None else self.with_list_clause(t, end)
            for t, end in zip(tasks, ends, strict=True)
        )

    def bare_list_at_end(self, task: Task) -> Paren | None:
        last = task.parens[-1] if task.parens else None
        if last is None or last.span.end < task.body_span.end:
            return None
        inner = self.source.folded[last.span.start + 1 : last.span.end - 1]
        return last if is_bare_list(inner) else None

    def with_list_clause(self, task: Task, paren: Paren) -> Task:
        start, end = paren.span.start + 1, paren.span.end - 1
        found = parse_clause(self.source, self.source.folded[start:end], start, paren.span)
        parens = tuple(p for p in task.parens if p is not paren)
        return task._replace(clauses=(found,), parens=parens)

    def qualified(self, tasks: tuple[Task, ...]) -> tuple[Task, ...]:
        """Where task numbers restart in each part (two parts or more start again at 1), a
        number alone names several tasks: each task's label carries its part, the nearest
        heading above its level (``二(一)``, ``(三)2``), and the one above that too where
        the parts repeat (``一(二)1`` in a plan whose (一)(二) restart in each section)."""
        at_level = [t for t in tasks if t.level == self.task_level]
        if sum(1 for t in at_level[1:] if t.number == 1) < 2:
            return tasks  # no two parts start again at 1 (most plans): no part to look for
        return self.qualified_by_headings(tasks)

    def qualified_by_headings(self, tasks: tuple[Task, ...]) -> tuple[Task, ...]:
        """``qualified``'s work: the headings above each task tell where a part starts and
        what to call it (the tasks come back as they are if no two parts start at 1)."""
        headings = sorted(self.headings, key=lambda h: h.span.start)
        starts = [h.span.start for h in headings]
        # the tasks under one heading have the same headings above them: read once
        read: dict[tuple[int, int], list[Heading]] = {}

        def ancestors(task: Task) -> list[Heading]:
            below = bisect_right(starts, task.number_span.start)  # the headings before it
            chain = read.get((below, task.level))
            if chain is None:
                chain = read[below, task.level] = self.headings_above(headings[:below], task.level)
            return chain

        chains = [ancestors(t) for t in tasks]
        main = [(t, c) for t, c in zip(tasks, chains, strict=True) if t.level == self.task_level]
        firsts = [t.number for n, (t, c) in enumerate(main) if n and c[-1:] != main[n - 1][1][-1:]]
        if sum(1 for number in firsts if number == 1) < 2:
            return tasks
        depth = max((len(c) for c in chains), default=0)
        for k in range(1, depth + 1):
            parts = ["".join(h.cited for h in c[-k:]) for c in chains]
            labels = [t._replace(qualifier=q).label for t, q in zip(tasks, parts, strict=True)]
            if len(set(labels)) == len(labels):
                break
        return tuple(t._replace(qualifier=q) for t, q in zip(tasks, parts, strict=True))

    @staticmethod
    def headings_above(before: list[Heading], level: int) -> list[Heading]:
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

    def clause_like(self) -> bool:
        """Responsibility clauses without a task to hold them: a plan not understood (S001),
        not a file that is no plan at all."""
        return CLAUSE_GROUP.search(self.source.folded) is not None

    # -- frame items -------------------------------------------------------------------
    def without_frame_items(self, drafts: list[_Draft]) -> list[_Draft]:
        """Items at the task level that are the document's frame become headings.

        ``(一)指导思想。``, ``(二)基本原则。`` carry no clause and are not tasks; neither are
        the items of a section where no item has a clause (a prose-only section). ``1.``
        items are judged by the heading they sit under: the steps (三、基本步骤 1.-4.) or the
        safeguards (六、保障措施 1.-3.) of a plan whose other ``1.`` items carry clauses
        are prose, where none of the items under the same heading carries one.
        """
        holds = [any(_holds_clause(self.source.folded[b:e]) for b, e in d.segments) for d in drafts]
        if self.task_level == 3:
            return self.without_prose_items(drafts, holds)
        if self.task_level not in (1, 2):
            return drafts
        sections_with_clause = {d.section for d, h in zip(drafts, holds, strict=True) if h}
        kept = []
        for draft, holds_clause in zip(drafts, holds, strict=True):
            prose_section = draft.level == 2 and draft.section not in sections_with_clause
            if holds_clause or not (prose_section or self.is_frame_title(draft)):
                kept.append(draft)
                continue
            self.frame_heading(draft)
        return kept

    def without_prose_items(self, drafts: list[_Draft], holds: list[bool]) -> list[_Draft]:
        """``1.`` items under a heading where none carries a clause, in a plan where items
        under other headings do: prose of the frame (steps, safeguards), not tasks."""
        if not any(holds):
            return drafts  # no clause anywhere: every item is a task without one (G008)
        groups_with_clause = {
            (d.section, d.subsection) for d, h in zip(drafts, holds, strict=True) if h
        }
        kept = []
        for draft, holds_clause in zip(drafts, holds, strict=True):
            if holds_clause or (draft.section, draft.subsection) in groups_with_clause:
                kept.append(draft)
            else:
                self.frame_heading(draft)
        return kept

    def is_frame_title(self, draft: _Draft) -> bool:
        start, end = draft.segments[0]
        title = self.source.folded[start:end].split("。", 1)[0][:20]
        return any(word in title for word in _frame_titles())

    def frame_heading(self, draft: _Draft) -> None:
        """Record a frame item as a heading of the task level, its other lines as prose."""
        start, _ = draft.segments[0]
        index = self.span(start, start).line - 1
        content, line_begin = self.content(index)
        match = self.item(index)
        if match is not None:
            self.heading(match[0], match[1], content, line_begin)
        for begin, finish in draft.segments[1:]:
            text = self.source.text[begin:finish]
            self.paragraphs.append(Paragraph("body", text, self.span(begin, finish)))

    def content(self, index: int) -> tuple[str, int]:
        """Line ``index`` folded, without a Markdown prefix, and its source offset."""
        return self.contents[index]

    def line_contents(self) -> list[tuple[str, int]]:
        """Every line's content and source offset: a text file's lines as they are, a
        Markdown file's without their prefixes."""
        if self.source.kind != "md":
            return list(zip(self.folded, self.source.line_starts, strict=True))
        return [self.line_content(index) for index in range(len(self.folded))]

    def line_content(self, index: int) -> tuple[str, int]:
        """Work out line ``index``'s content (``content`` keeps it: read once a parse)."""
        folded = self.folded[index]
        skip = 0
        if self.source.kind == "md":
            prefix = _MD_PREFIX.match(folded)
            skip = prefix.end() if prefix else 0
        return folded[skip:], self.line_start(index) + skip

    def item(self, index: int, expected: bool = True) -> tuple[int, re.Match[str]] | None:
        """The numbering level (1 ``一、``, 2 ``(一)``, 3 ``1.``) line ``index`` starts with.

        With ``expected``, a ``1.`` item may also be the next task's number written with a
        wrong mark (``11。``): see ``task_start``.
        """
        found = self.numbering[index]
        if found is not None or not expected or self.task_level != 3:
            return found
        mistyped = self.task_start(self.contents[index][0], self.last_number())
        return (3, mistyped) if mistyped is not None else None

    @staticmethod
    def numbered(content: str) -> tuple[int, re.Match[str]] | None:
        """The numbering a line's content starts with, whatever is expected."""
        for level, pattern in _LEVELS:
            match = pattern.match(content)
            if match:
                return level, match
        return None

    def outline(self) -> list[tuple[int, int, bool]]:
        """Every numbered line once: (line, level, whether its block holds a clause). A
        block runs from the item's line to the next numbered line."""
        items: list[list] = []
        for index, ((content, _), item) in enumerate(
            zip(self.contents, self.numbering, strict=True)
        ):
            if item is not None:  # any numbering, expected or not (``item(expected=False)``)
                items.append([index, item[0], False])
            if items and not items[-1][2] and _holds_clause(content):
                items[-1][2] = True
        return [(index, level, holds) for index, level, holds in items]

    def infer_task_level(self, outline: list[tuple[int, int, bool]]) -> int | None:
        """Which numbering level carries the tasks: the one whose items hold the clauses.

        Plans put tasks at ``1.`` under ``(一)`` under ``一、``; State Council documents at
        ``(一)`` numbered through the sections; short measures at ``一、``. The level with
        most blocks holding a clause wins (the deeper one on a tie). A plan with no clause
        at all has its tasks at ``1.`` if it has such items (each then lacks its clause);
        otherwise no task level is known.
        """
        counts = {1: 0, 2: 0, 3: 0, 4: 0}
        for _, level, holds in outline:
            counts[level] += holds
        best = max(counts, key=lambda level: (counts[level], level))
        if counts[best]:
            return best
        return 3 if any(level == 3 for _, level, _ in outline) else None

    def find_leaf_tasks(self, outline: list[tuple[int, int, bool]]) -> set[int]:
        """Lines of items above the task level that are tasks all the same: they hold a
        clause and no task of the task level sits under them (the (一)(二)(三) of a 组织保障
        section, each with its clause, in a plan whose measures are 1. items)."""
        if self.task_level is None:
            return set()
        leaves = set()
        for n, (index, level, holds) in enumerate(outline):
            if level >= self.task_level or not holds:
                continue
            following = outline[n + 1][1] if n + 1 < len(outline) else 0
            if following <= level:  # nothing deeper under it
                leaves.add(index)
        return leaves

    def line(self, index: int) -> int:
        """Classify line ``index``; return the index of the next line to read."""
        content, start = self.content(index)
        if not content.strip():
            return index + 1
        directive = _DIRECTIVE.search(content) if "<!--" in content else None
        if directive:
            self.add_directive(directive, start)
            return index + 1
        if self.pending_number is not None:
            return self.task(index, content, start, 3, None)
        item = self.item(index)
        if item is not None and (item[0] == self.task_level or index in self.leaf_tasks):
            return self.task(index, content, start, *item)
        if item is not None:
            self.heading(item[0], item[1], content, start)
            return index + 1
        self.paragraph(content, start, index)
        return index + 1

    # -- task numbers ------------------------------------------------------------------
    def last_number(self) -> int:
        """The number of the task being read, else of the last one read."""
        if self.reading is not None:
            return _numeral_value(self.reading)
        return _numeral_value(self.drafts[-1].number_text) if self.drafts else 0

    @staticmethod
    def task_start(folded: str, previous: int) -> re.Match[str] | None:
        """A task's number at the start of a line: ``11.`` or ``11、``, or ``11。`` ``11,``
        ``11:`` when 11 is the number expected after ``previous`` — a mistyped mark, read as
        the task it is (N006) rather than as prose, a gap and a missing task. Only the
        expected number: a line of prose that begins with a figure stays prose."""
        found = _TASK.match(folded)
        if found is None:
            found = _MISTYPED_TASK.match(folded)
            if found is not None and int(found.group(1)) != previous + 1:
                return None
        return found

    # -- pieces ------------------------------------------------------------------------
    def add_directive(self, match: re.Match[str], start: int) -> None:
        codes = tuple(c.strip().upper() for c in (match.group(2) or "").split(",") if c.strip())
        span = self.span(start + match.start(), start + match.end())
        self.directives.append(Directive(match.group(1), codes, span))

    def heading(self, level: int, match: re.Match[str], content: str, start: int) -> None:
        numeral = match.group(1)
        value = int(numeral) if numeral.isdigit() else cn_to_int(numeral) or 0
        title = content[match.end() :].rstrip()
        self.in_body = True
        if level == 1:
            self.section, self.subsection = value, None
        elif level == 2:
            self.subsection = value
        self.headings.append(
            Heading(
                level,
                numeral,
                value,
                self.source.text[start + match.end() : start + match.end() + len(title)],
                self.span(
                    start + len(content) - len(content.lstrip()), start + len(content.rstrip())
                ),
                self.span(start + match.start(1), start + match.end(1)),
            )
        )

    def paragraph(self, content: str, start: int, index: int) -> None:
        text = content.strip()
        begin = start + len(content) - len(content.lstrip())
        span = self.span(begin, begin + len(text))
        role = self.header_role(text, index) if not self.in_body else "body"
        self.paragraphs.append(Paragraph(role, self.source.text[begin : begin + len(text)], span))

    def header_role(self, text: str, index: int) -> str:
        """Role of a line before the first heading or task (folded text)."""
        if vocab.DOC_NUMBER_LINE.match(text) and not any(
            p.role == "doc_number" for p in self.paragraphs
        ):
            return "doc_number"  # before or after the title: both are met
        if text.endswith(":") and not any(p.role == "addressee" for p in self.paragraphs):
            return "addressee"
        if self.title_seen:
            return "preamble"
        if _is_title_line(text) and _TITLE.search(text):
            self.title_seen = True
            return "title"
        if (
            _is_title_line(text)
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
        for following in range(index + 1, min(index + 3, len(self.folded))):
            text = self.folded[following].strip()
            if text:
                return _is_title_line(text) and _TITLE.search(text) is not None
        return False

    def task(
        self, index: int, content: str, start: int, level: int, match: re.Match[str] | None
    ) -> int:
        """Read a task starting on line ``index``, joining what was broken across lines."""
        self.in_body = True
        breaks: list[Break] = []
        if self.pending_number is not None:
            digits, digits_start = self.pending_number
            self.pending_number = None
            rest = _LEADING_REST.match(content)
            assert rest is not None  # checked before the number was left pending
            number_text = digits + rest.group(1)
            number_start, number_end = digits_start, start + rest.end(1)
            breaks.append(
                self.number_break(digits, digits_start, start + rest.start(1), number_text)
            )
            text_start = start + rest.end()
        else:
            assert match is not None
            number_text = match.group(1)
            number_start, number_end = start + match.start(1), start + match.end(1)
            text_start = start + match.end()
        text_end = start + len(content.rstrip())
        segments = [(text_start, text_end)]
        self.reading = number_text
        next_index = self.continuation(index, segments, breaks)
        self.reading = None
        if level != 3:
            draft = _Draft(number_text, number_start, number_end, segments, *self.parents(level))
            draft.breaks.extend(breaks)
            draft.level = level
            draft.item_start = start + len(content) - len(content.lstrip())
            self.drafts.append(draft)
            return next_index
        self.check_trailing_number(next_index - 1, segments)
        for number, first, last, pieces, glued in self.split_glued(
            number_text, number_start, number_end, segments
        ):
            draft = _Draft(number, first, last, pieces, self.section, self.subsection)
            draft.breaks.extend(breaks if not glued else [glued])
            breaks = []
            self.drafts.append(draft)
        return next_index

    def parents(self, level: int) -> tuple[int | None, int | None]:
        """The section and subsection a task of ``level`` sits in."""
        if level == 1:
            return None, None
        if level == 2:
            return self.section, None
        return self.section, self.subsection

    def continuation(self, index: int, segments: list[tuple[int, int]], breaks: list[Break]) -> int:
        """Take the lines after a task's first line that belong to it; return the next index.

        Items of a deeper numbering level (``1.`` under a ``(一)`` task) always belong to it.
        Plain lines belong to it when they complete a clause: a task whose clause is on a
        following line, or a task of several paragraphs each closing with its own clause;
        a paragraph without one after the task (a closing statement) stays a paragraph.
        """
        next_index = index + 1
        while next_index < len(self.folded):
            item = self.item(next_index)
            if item is not None and self.task_level is not None and item[0] > self.task_level:
                self.append_piece(next_index, segments, breaks, wrapped=False)
                next_index += 1
                continue
            if item is not None:  # the next task, or a heading: no plain line to join
                return next_index  # (as join_wrapped would find: it starts a block)
            joined = self.join_wrapped(next_index - 1, segments, breaks)
            if joined == next_index:
                return next_index
            next_index = joined
        return next_index

    def append_piece(
        self, index: int, segments: list[tuple[int, int]], breaks: list[Break], wrapped: bool
    ) -> None:
        """Add line ``index`` to a task; a wrapped line (not a new paragraph) is a Break."""
        folded = self.folded[index]
        line_start = self.line_start(index)
        begin = line_start + len(folded) - len(folded.lstrip())
        end = line_start + len(folded.rstrip())
        previous_end = segments[-1][1]
        if wrapped and self.source.kind != "md":
            breaks.append(Break("text", self.span(previous_end, previous_end), begin))
        segments.append((begin, end))

    def number_break(self, digits: str, digits_start: int, rest_start: int, number: str) -> Break:
        """``…负责)5`` + ``0.…``: the number's digits on two lines."""
        return Break(
            "number", self.span(digits_start, digits_start + len(digits)), rest_start, number
        )

    def check_trailing_number(self, index: int, segments: list[tuple[int, int]]) -> None:
        """Digits after the clause at a line's end may begin the next task's number."""
        if index + 1 >= len(self.folded):
            return
        line_folded = self.folded[index]
        if not line_folded.rstrip(" \t")[-1:].isdecimal():
            return  # the pattern's digits end the line (most lines end with a bracket)
        trailing = _TRAILING_NUMBER.search(line_folded)
        if not trailing or not _LEADING_REST.match(self.folded[index + 1]):
            return
        digits_start = self.line_start(index) + trailing.start(1)
        start, _ = segments[-1]
        if digits_start <= start:
            return
        segments[-1] = (start, self.line_start(index) + trailing.start() + 1)
        self.pending_number = (trailing.group(1), digits_start)

    def join_wrapped(self, index: int, segments: list[tuple[int, int]], breaks: list[Break]) -> int:
        """Join the plain lines after line ``index`` that complete a clause (up to three).

        Only lines that complete the task (end in a clause) are joined, so a task that
        simply lacks its clause is not glued to the paragraph after it. A line that follows
        a sentence's end is a new paragraph of the task; one that follows a cut sentence
        was wrapped (a Break, which N003 reports), except in Markdown, which wraps
        paragraphs by design.
        """
        pieces: list[int] = []
        texts: list[str] = []
        for lookahead in range(index + 1, min(index + 4, len(self.folded))):
            content, _ = self.content(lookahead)
            if self.starts_block(lookahead):
                return index + 1
            pieces.append(lookahead)
            texts.append(content.strip())
            if self.has_clause("".join(texts)) or _BARE_CLAUSE.match(texts[-1]):
                break
        else:
            return index + 1
        for piece in pieces:
            tail = self.source.folded[segments[-1][0] : segments[-1][1]].rstrip()
            self.append_piece(piece, segments, breaks, wrapped=_cut_off(tail))
        return index + 1 + len(pieces)

    def starts_block(self, index: int) -> bool:
        """A line that begins something of its own, never the rest of a task: a blank line,
        a directive, or an item at the task level or above."""
        folded = self.contents[index][0]
        if not folded.strip() or ("<!--" in folded and _DIRECTIVE.search(folded) is not None):
            return True
        item = self.item(index)
        return item is not None and (self.task_level is None or item[0] <= self.task_level)

    def split_glued(
        self, number_text: str, number_start: int, number_end: int, segments: list[tuple[int, int]]
    ) -> list[tuple[str, int, int, list[tuple[int, int]], Break | None]]:
        """``…负责)12.下一任务…`` on one line: two tasks, the second starting at the digits."""
        result = []
        glued: Break | None = None
        while True:
            last_start, last_end = segments[-1]
            folded = self.source.folded[last_start:last_end]
            found = _glued_after_clause(folded)
            if found is None:
                result.append((number_text, number_start, number_end, segments, glued))
                return result
            cut = last_start + found.start() + 1
            digits_start = last_start + found.start(1)
            result.append(
                (number_text, number_start, number_end, [*segments[:-1], (last_start, cut)], glued)
            )
            glued = Break(
                "glued",
                self.span(digits_start, digits_start + len(found.group(1))),
                cut,
                found.group(1),
            )
            number_text = found.group(1)
            number_start, number_end = digits_start, last_start + found.end(1)
            segments = [(last_start + found.end(), last_end)]

    def folded_of(self, segments: list[tuple[int, int]]) -> str:
        folded = self.source.folded
        return "".join(folded[s:e] for s, e in segments)

    def task_text(self, pieces: list[tuple[int, int]]) -> tuple[str, str]:
        """A task's text, folded and as written: its pieces joined. Most tasks are one
        line, a slice of the source as it stands."""
        if len(pieces) == 1:
            start, end = pieces[0]
            return self.source.folded[start:end], self.source.text[start:end]
        return self.folded_of(pieces), "".join(self.source.text[s:e] for s, e in pieces)

    @staticmethod
    def has_clause(folded: str) -> bool:
        """Does this text end in a responsibility clause (digits of a split number aside)?"""
        folded = _TRAILING_DIGITS.sub("", folded)
        if _SIMPLE_CLAUSE_END.search(folded):
            return True  # the common case, decided by one regex
        if not folded.rstrip().endswith((")", "】")):
            return False
        return _clause_group(folded, bracket_groups(folded)) is not None

    # -- building tasks ----------------------------------------------------------------
    def build_task(self, draft: _Draft, index: int) -> Task:
        pieces = draft.segments  # one line (most tasks): its piece, empty or not
        if len(pieces) > 1:
            pieces = [(s, e) for s, e in pieces if e > s] or [pieces[0]]
        folded, joined = self.task_text(pieces)
        offsets = _offset_map(pieces)
        # (offset in folded, clause) of unbracketed lines: never the task's first line
        bare = self.bare_clauses(pieces) if len(pieces) > 1 else []
        bracketed = folded[: bare[0][0]] if bare else folded
        groups, final = _groups_and_clause(bracketed)
        clause_groups = []  # the clauses inside the task, before the final one (if any)
        if final != 0:  # most tasks' clause is their first group: none before it
            clause_groups.extend(_inner_clause_groups(bracketed, groups, final))
        if final is not None:
            clause_groups.append(final)
        body_end = groups[final][0] if final is not None else len(bracketed)
        body = folded[:body_end].rstrip()
        if len(clause_groups) == 1:  # most tasks
            clauses: tuple[Clause, ...] = (self.clause(folded, groups[clause_groups[0]], offsets),)
        else:
            clauses = tuple([self.clause(folded, groups[n], offsets) for n in clause_groups])
        if bare:
            clauses += tuple(clause for _, clause in bare)
        parens: tuple[Paren, ...] = ()
        if len(groups) > len(clause_groups):  # most tasks' only group is their clause
            parens = tuple(
                self.parens(bracketed, joined, groups, set(clause_groups), final, offsets)
            )
        first, last = pieces[0][0], pieces[-1][1]
        number_text = draft.number_text
        starts = self.source.line_starts
        start = draft.number_start if draft.item_start is None else draft.item_start
        body_span_end = offsets(len(body) - 1) + 1 if body else first
        return _TASK_RECORD(  # every field, in order: a hundred tasks a plan
            (
                _numeral_value(number_text),
                number_text,
                _SPAN((draft.number_start, draft.number_end, starts)),
                _SPAN((start, last, starts)),
                joined[: len(body)],
                _SPAN((first, body_span_end, starts)),
                clauses,
                parens,
                tuple(draft.breaks),
                draft.section,
                draft.subsection,
                index,
                draft.level,
                None,  # deadline: a table's rows only
                "",  # qualifier: given by ``qualified`` where numbers restart
            )
        )

    def bare_clauses(self, pieces: list[tuple[int, int]]) -> list[tuple[int, Clause]]:
        """The task's last lines when they are clauses without brackets (牵头单位:A;配合单位:B),
        with their offsets in the joined text. Prose after such a line means it was not
        this layout: then there are none."""
        found: list[tuple[int, Clause]] = []
        at = 0
        for n, (start, end) in enumerate(pieces):
            text = self.source.folded[start:end]
            if n and _BARE_CLAUSE.match(text):
                inner = text.rstrip().rstrip("。;")
                span = self.span(start, start + len(inner))
                found.append((at, parse_clause(self.source, inner, start, span)))
            elif found:
                return []
            at += end - start
        return found

    def clause(self, folded: str, group: tuple[int, int], offsets: Callable[[int], int]) -> Clause:
        s, e = group
        span = _SPAN((offsets(s), offsets(e - 1) + 1, self.source.line_starts))
        return parse_clause(self.source, folded[s + 1 : e - 1], offsets(s + 1), span)

    def parens(
        self,
        folded: str,
        joined: str,
        groups: list[tuple[int, int]],
        clause_groups: set[int],
        clause_group: int | None,
        offsets: Callable[[int], int],
    ) -> Iterator[Paren]:
        """Every bracketed group but the clauses, marking those that stand alone."""
        standalone_end = {0} | {groups[n][1] for n in clause_groups}
        for n, (s, e) in enumerate(groups):
            if n in clause_groups:
                continue
            before = folded[:s].rstrip()
            standalone = (
                not before
                or before[-1] in SENTENCE_END
                or len(before) in standalone_end
                or (clause_group is not None and n > clause_group)
            )
            if standalone:
                standalone_end.add(e)
            span = self.span(offsets(s), offsets(e - 1) + 1)
            yield _PAREN((joined[s + 1 : e - 1], span, standalone, joined[s]))

    # -- whole document ----------------------------------------------------------------
    def mark_closing(self, tasks: tuple[Task, ...]) -> None:
        """Body paragraphs after the last task are the plan's closing statements."""
        if not tasks:
            return
        last = tasks[-1].span.end
        self.paragraphs = [
            Paragraph("closing", p.text, p.span) if p.role == "body" and p.span.start >= last else p
            for p in self.paragraphs
        ]

    def year(self, date: PlanDate | None) -> int | None:
        """The plan's year: from its title, else the year it was made (``date``: its
        document number, signature date or a date in its text; State Council opinions and
        city plans carry no year in the title)."""
        title = "".join(p.text for p in self.paragraphs if p.role == "title")
        found = _YEAR_IN_TITLE.search(fold(title))
        if found:
            return int(found.group(1))
        return date.year if date else None

    def date(self) -> PlanDate | None:
        """When the plan was made: the year of its document number (with the month of its
        date line where that is of the same year), else its date line, else the year in its
        title, else the last date written in its text (a repost cites the date it was
        issued on; a city plan may have neither number nor date line)."""
        number = self.number_year()
        line = self.date_line()
        if number is not None:
            if line is not None and line[0] == number:
                return PlanDate(number, line[1], "number, date-line")
            return PlanDate(number, None, "number")
        if line is not None:
            return PlanDate(line[0], line[1], "date-line")
        title = "".join(p.text for p in self.paragraphs if p.role == "title")
        found = _YEAR_IN_TITLE.search(fold(title))
        if found:
            return PlanDate(int(found.group(1)), None, "title")
        dates = vocab.dates_in(self.source.text)
        if dates:
            return PlanDate(dates[-1][0], dates[-1][1], "text")
        return None

    def number_year(self) -> int | None:
        for paragraph in self.paragraphs:
            if paragraph.role == "doc_number":
                found = vocab.DOC_NUMBER_YEAR.search(fold(paragraph.text))
                if found:
                    return int(found.group(1))
        return None

    def date_line(self) -> tuple[int, int] | None:
        """(year, month) of the last line that is only a date: the signature date, which
        closes a document or, on a government's web page, stands under its title."""
        for paragraph in reversed(self.paragraphs):
            found = vocab.date_line(paragraph.text)
            if found:
                return found
        return None

    def sections(self, tasks: tuple[Task, ...]) -> tuple[Section, ...]:
        """Each 一、 heading with the (一) headings and the tasks between it and the next."""
        level_one = [h for h in self.headings if h.level == 1]
        level_two = [h for h in self.headings if h.level == 2]
        subs_inside = _inside(level_two, [h.span.start for h in level_two])
        tasks_inside = _inside(tasks, [t.number_span.start for t in tasks])
        result = []
        for n, heading in enumerate(level_one):
            start = heading.span.start
            end = (
                level_one[n + 1].span.start if n + 1 < len(level_one) else len(self.source.text) + 1
            )
            result.append(Section(heading, subs_inside(start, end), tasks_inside(start, end)))
        return tuple(result)


def _inside(items: Sequence[T], starts: list[int]) -> Callable[[int, int], tuple[T, ...]]:
    """A function giving the items whose start lies strictly between two offsets, in their
    order: found by bisection where the starts are in order (a plan's tasks and headings
    are), rather than by a look at every item for every section; else by that look."""
    if starts == sorted(starts):

        def bisected(start: int, end: int) -> tuple[T, ...]:
            return tuple(items[bisect_right(starts, start) : bisect_left(starts, end)])

        return bisected

    def looked_at(start: int, end: int) -> tuple[T, ...]:
        return tuple(item for at, item in zip(starts, items, strict=True) if start < at < end)

    return looked_at


def _offset_map(pieces: list[tuple[int, int]]) -> Callable[[int], int]:
    """Maps an index in a task's joined text to the source offset it came from. The text
    of a task on one line (most are) is the source's shifted by where the line starts: its
    map is that number's own ``__add__``, a C call, where the walk is a Python one."""
    if len(pieces) == 1:
        return pieces[0][0].__add__
    return _OffsetMap(pieces)


class _OffsetMap:
    """``_offset_map`` of a task on several lines: a walk over its pieces."""

    def __init__(self, pieces: list[tuple[int, int]]) -> None:
        self.pieces = pieces

    def __call__(self, index: int) -> int:
        for start, end in self.pieces:
            length = end - start
            if index < length:
                return start + index
            index -= length
        start, end = self.pieces[-1]
        return end + index


def _groups_and_clause(folded: str) -> tuple[list[tuple[int, int]], int | None]:
    """A task's bracket groups and which of them is its clause (``_clause_group``). Most
    tasks have one group and end with it (``…。(A负责)``): nothing follows it to look past,
    so it is the clause if it reads like one."""
    groups = bracket_groups(folded)
    if len(groups) == 1 and groups[0][1] == len(folded):
        return groups, 0 if looks_like_clause(folded[groups[0][0] + 1 : -1]) else None
    return groups, _clause_group(folded, groups)


def _clause_group(folded: str, groups: list[tuple[int, int]]) -> int | None:
    """The clause is the last clause-like group followed only by other groups or blanks."""
    for n in range(len(groups) - 1, -1, -1):
        s, e = groups[n]
        if not looks_like_clause(folded[s + 1 : e - 1]):
            continue
        tail = folded[e:]
        for s2, e2 in groups[n + 1 :]:
            tail = tail.replace(folded[s2:e2], "", 1)
        if not tail.strip().rstrip("。;"):  # "(A负责)。": the stop after the clause
            return n
        return None
    return None


def _inner_clause_groups(
    folded: str, groups: list[tuple[int, int]], final: int | None
) -> Iterator[int]:
    """Clauses inside a task, each after the sentences it covers: ``…环境。(A负责)加强…``.

    A clause-like group counts when it stands after a sentence's end or after another
    clause, reads like one (its roles at the end: ``…负责``, ``…配合``, ``责任单位:…``, not
    ``(由财政部负责组织的项目除外)``) and text follows it (the clause that ends the task
    is ``final``).
    """
    previous_clause_end = -1
    for n, (s, e) in enumerate(groups):
        if final is not None and n >= final:
            return
        if not looks_like_clause(folded[s + 1 : e - 1]) or not ends_like_clause(
            folded[s + 1 : e - 1]
        ):
            continue
        before = folded[:s].rstrip()
        if before and before[-1] not in SENTENCE_END and len(before) != previous_clause_end:
            continue
        if not folded[e:].strip():
            continue  # nothing follows: not inside the task
        previous_clause_end = e
        yield n


def _glued_after_clause(folded: str) -> re.Match[str] | None:
    """The first ``)12.`` in a line whose bracket reads like a clause: where the next task
    starts on the line of the last one. A search at a time, from where the last one ended
    (as ``finditer`` goes on): most lines have no ``)12.`` and pay for one search only."""
    match = _GLUED.search(folded)
    while match is not None:
        inner_open = folded.rfind("(", 0, match.start())
        if inner_open >= 0 and looks_like_clause(folded[inner_open : match.start()]):
            return match
        match = _GLUED.search(folded, match.end())
    return None


def _holds_clause(line: str) -> bool:
    """A line with a responsibility clause, bracketed or on its own (责任单位:…)."""
    return CLAUSE_GROUP.search(line) is not None or _BARE_CLAUSE.match(line) is not None


def _frame_titles() -> tuple[str, ...]:
    return tuple(str(word) for word in (builtin("layout.yaml") or {}).get("frame_titles", ()))


def _cut_off(line: str) -> bool:
    """Does a task's line stop mid-sentence, to go on in the next line (a wrap, N003)? It
    does when it ends at a comma, or ends a long line without a sentence's end. A short
    line without a mark is the item's title, and the next line its paragraph."""
    last = line[-1:]
    if last in _PARAGRAPH_END:
        return False
    return last in ",、:" or len(line) > _TITLE_LENGTH


def _numeral_value(numeral: str) -> int:
    """``50`` → 50, ``十五`` → 15."""
    return int(numeral) if numeral.isdigit() else cn_to_int(numeral) or 0


def _is_title_line(text: str) -> bool:
    """A line that can be (part of) a title: short, and no sentence inside."""
    return len(text) <= 40 and not any(mark in text for mark in "。,;:")


def parse(source: Source) -> Plan:
    """Parse a plan; raises InputError only for text that is not a plan at all.

    Task-division tables are read by ``tables``: the parser sees the text with their rows
    blanked out, and their tasks are merged in by position.
    """
    if "|" not in source.folded:  # no table row: the common case pays no import
        return _Parser(source).run()
    from .tables import attach, find_tables, mask

    blocks = find_tables(source)
    if not blocks:
        return _Parser(source).run()
    parser = _Parser(mask(source, blocks))
    parser.has_tables = True
    plan = attach(parser.run(), source, blocks)
    if not plan.tasks and not plan.headings and not CLAUSE_GROUP.search(source.folded):
        raise InputError(source.path, NO_OUTLINE)
    return plan
