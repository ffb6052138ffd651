"""The plan model: document → sections → tasks → clause → agencies, each with its position.

The parser builds it once; every rule reads it. The classes are NamedTuples: immutable and
typed like frozen dataclasses, and an order of magnitude cheaper to define at start-up and to
instantiate in the hundreds per plan. Nothing here judges what is a defect: a
stray tag is a ``Paren`` that stands alone, a split number is a ``Break``. Rules decide.

A task, its clauses, their agencies and its bracketed groups, the records a plan has by the
hundred (a 10 MB plan, by the hundred thousand), keep their positions as offsets
(``start``, ``end``; a task also ``number_start``/``number_end`` and ``body_start``/
``body_end``) with their text's line table, and give each as a ``Span`` when asked
(``span``, ``number_span``, ``body_span``), for a finding or a line number. A Span kept
for each was an object of its own, half of what a parsed plan holds for the garbage
collector to watch, and most were never asked for: what compares or slices positions
reads the offsets.
"""

from typing import NamedTuple

from .source import Source

# the model's positions, kept apart (``spans``) for what needs positions and no plan (a
# finding, the result cache); the model's users take them from here, with its records
from .spans import Edit as Edit
from .spans import Span


class Paren(NamedTuple):
    """A bracketed group inside a task: ``(…)``, ``（…）`` or ``【…】``.

    ``standalone`` says it does not qualify a word: it follows a sentence's end, the start of
    the task, another standalone group or the responsibility clause.
    """

    inner: str
    start: int
    end: int
    standalone: bool
    opener: str
    line_starts: tuple[int, ...]

    @property
    def span(self) -> Span:
        """Where it is written, with its line and column."""
        return Span(self.start, self.end, self.line_starts)


class AgencyRef(NamedTuple):
    """One agency (or collective) as written in a clause, with its role in it."""

    name: str
    start: int
    end: int
    role: str  # lead | participant | cooperate | guide | separate (分别负责: each its own part)
    line_starts: tuple[int, ...]

    @property
    def span(self) -> Span:
        """Where it is written, with its line and column."""
        return Span(self.start, self.end, self.line_starts)


class Clause(NamedTuple):
    """A responsibility clause ``(A、B按职责分工负责)``: the one that ends a task, or one of
    several inside it, each after the sentences it covers.

    ``subjects`` are named subjects that are not agencies (各省级人民政府, 有关部门和单位);
    ``lead_note`` is the convention stated inside the clause (``排在第一位的部门为牵头部门,
    下同``): its words are neither agencies nor roles. ``label`` is the first label of a
    labelled clause (``责任单位:A、B``; ``牵头单位:A;配合单位:B``).
    """

    inner: str
    start: int
    end: int
    agencies: tuple[AgencyRef, ...]
    shared: bool  # 按职责分工负责
    vague: str | None  # the vague phrase (等部门, 有关部门…) if any
    lead_marked: bool  # the clause names its lead with 牵头
    line_starts: tuple[int, ...]
    subjects: tuple[str, ...] = ()
    lead_note: str | None = None
    label: str | None = None  # 责任单位, 牵头单位…: the clause lists its bodies under labels
    #: every party the clause names, agencies and collectives (各区政府), in text order, each
    #: with its role: lead (several lead jointly), participant, cooperate, guide or separate
    #: (分别负责: each answers for its own part, none leads)
    parties: tuple[AgencyRef, ...] = ()
    deadline: str | None = None  # a time limit inside the clause: 2019年底前完成, 长期坚持
    notes: tuple[str, ...] = ()  # notes inside the clause: 适用范围:所有试点地区
    #: parts the grammar could not place (G012), with where they are: never agencies
    unplaced: tuple[tuple[str, Span], ...] = ()

    @property
    def span(self) -> Span:
        """Where it is written, with its line and column."""
        return Span(self.start, self.end, self.line_starts)

    @property
    def leads(self) -> tuple[AgencyRef, ...]:
        """The parties that lead, agencies and collectives: several are a joint lead."""
        return tuple(p for p in self.parties if p.role == "lead")

    @property
    def lead(self) -> AgencyRef | None:
        for agency in self.agencies:
            if agency.role == "lead":
                return agency
        return self.agencies[0] if self.agencies else None


class Break(NamedTuple):
    """A task broken across lines, as the parser found it; the repair is the rule's (N003).

    - ``number``: the digits at ``span`` (a line's end, ``…负责)5``) begin the number that goes
      on at offset ``other`` on the next line (``0.…``); ``detail`` is the whole number.
    - ``text``: the task's text is cut at ``span.start`` and goes on at ``other``, the start
      of the next line's text.
    - ``glued``: the number at ``span`` starts a task on the line of the previous one, whose
      text ends at ``other``; ``detail`` is that number.
    """

    kind: str
    span: Span
    other: int
    detail: str = ""


class Task(NamedTuple):
    """One numbered task: number, body text, parentheticals and responsibility clauses.

    ``level`` is the numbering level that carries the plan's tasks: 3 for ``1.``, 2 for
    ``(一)``, 1 for ``一、``, 4 for ``(1)`` (see ``Plan.task_level``). ``clauses`` are in text order; the
    last one usually ends the task, earlier ones each follow the sentences they cover.
    """

    number: int
    number_text: str
    number_start: int
    number_end: int
    start: int
    end: int
    body: str
    body_start: int
    body_end: int
    clauses: tuple[Clause, ...]
    parens: tuple[Paren, ...]
    breaks: tuple[Break, ...]
    section: int | None
    subsection: int | None
    index: int
    line_starts: tuple[int, ...]
    level: int = 3
    #: the 完成时限 of a task-division table's row (a text plan keeps deadlines in the body)
    deadline: str | None = None
    #: the part it sits in, where numbers restart in each part: the "二" of 二(一)
    qualifier: str = ""

    @property
    def number_span(self) -> Span:
        """Where its number is written (``50``, ``十五`` of ``(十五)``)."""
        return Span(self.number_start, self.number_end, self.line_starts)

    @property
    def span(self) -> Span:
        """Where it is written, from its item's mark or number to its last character."""
        return Span(self.start, self.end, self.line_starts)

    @property
    def body_span(self) -> Span:
        """Where its body is written: its text before its clause."""
        return Span(self.body_start, self.body_end, self.line_starts)

    @property
    def line(self) -> int:
        return self.number_span.line

    @property
    def clause(self) -> Clause | None:
        """The clause that ends the task (or the last one there is)."""
        return self.clauses[-1] if self.clauses else None

    @property
    def agencies(self) -> tuple[AgencyRef, ...]:
        """Every agency of every clause, in text order."""
        if len(self.clauses) == 1:
            return self.clauses[0].agencies
        return tuple(a for clause in self.clauses for a in clause.agencies)

    @property
    def label(self) -> str:
        """How drafters cite the task: ``50``, ``(十五)``, ``三十`` or ``(5)``; with its part
        where numbers restart in each part: ``二(一)``, ``(三)2``."""
        if self.level in (2, 4):
            return f"{self.qualifier}（{self.number_text}）"
        return f"{self.qualifier}{self.number_text}"


class Heading(NamedTuple):
    """A numbered heading: ``一、…`` (level 1), ``(一)…`` (level 2) or ``1.…`` (level 3).

    An item at the plan's task level that is not a task (``(一)指导思想。``, an item of a
    prose-only section) is a heading of that level: it still counts in the numbering.
    """

    level: int
    numeral: str
    value: int
    title: str
    span: Span
    numeral_span: Span

    @property
    def cited(self) -> str:
        """The numeral as a task's citation writes it: 二, （一）, 3."""
        return f"（{self.numeral}）" if self.level in (2, 4) else self.numeral


class Paragraph(NamedTuple):
    """A line of prose that is not a task or heading, with its role in the document."""

    #: doc_number | addressee | notice | issuer | title | preamble | closing | body |
    #: metadata (a line of a web page's metadata block); a web page's number from its
    #: metadata block is a doc_number where the text prints none
    role: str
    text: str
    span: Span


class Directive(NamedTuple):
    """An inline suppression ``<!-- plancheck: disable=G001 -->`` (Markdown plans)."""

    kind: str  # disable (next task) | disable-file
    codes: tuple[str, ...]
    span: Span


class TableRow(NamedTuple):
    """A row of a task-division table: ``row`` counts as Word shows it (the header is row 1);
    ``cells`` are the spans of each column's text (empty spans where a cell is empty)."""

    row: int
    span: Span
    cells: tuple[Span, ...]


class Table(NamedTuple):
    """A task-division table (重点任务分工表), in a Word document or a Markdown plan.

    ``number`` counts the document's tables (every table, task table or not); ``roles`` say
    what each column holds: number, task, lead, participant, cooperate, deadline or other.
    """

    number: int
    headers: tuple[str, ...]
    roles: tuple[str, ...]
    span: Span
    rows: tuple[TableRow, ...]
    annex: bool = False  # after the plan's own numbered tasks: a restatement of them
    #: offsets where a part of the table begins (a group title across it, a new value in a
    #: grouping column left of 序号): a table may count its rows afresh in each part
    parts: tuple[int, ...] = ()


class Section(NamedTuple):
    heading: Heading
    subsections: tuple[Heading, ...]
    tasks: tuple[Task, ...]


class PlanDate(NamedTuple):
    """When a plan was made, as far as the document says: its year and, where a date line
    or a date in the text gives one, its month (None otherwise). ``source`` says where they
    were read: number (the document number's year), date-line (the signature date), title,
    work (the year of the work its notice divides: 确定的2009年…主要目标), text (a date
    written in the text), deadline (the earliest year its deadlines name), cited
    (the latest year of the document numbers it cites, where it writes no other year), or
    ``number, date-line`` (the year from the number, the month from a date line of the
    same year); on a web page also what its metadata block states: written-date (成文日期),
    publication-date (发布日期, only where no better source is), ``number, written-date``.
    Renamings are checked against it."""

    year: int
    month: int | None
    source: str


class Plan(NamedTuple):
    """A whole plan as parsed; ``year`` is the plan's own year, from title or doc number.

    Paragraphs, headings, tasks and directives are each in text order (tested): the
    numbering rules merge tasks with headings and ``Context.task_at`` bisects the tasks,
    without sorting them again."""

    source: Source
    paragraphs: tuple[Paragraph, ...]
    headings: tuple[Heading, ...]
    tasks: tuple[Task, ...]
    directives: tuple[Directive, ...] = ()
    year: int | None = None
    sections: tuple[Section, ...] = ()
    task_level: int | None = 3  # the numbering level of the tasks; None when none was found
    tables: tuple[Table, ...] = ()
    #: rows of a task table annexed after the plan's own tasks (附件：重点任务分工表): they
    #: restate those tasks, so they are checked for wording and agencies and against the
    #: text (G010), never counted again as tasks (numbering, near-duplicates, diff, tables)
    annex: tuple[Task, ...] = ()
    #: when the plan was made (number, date line, title or text): what renamings are judged by
    date: PlanDate | None = None
    #: the number spans of items read as prose because the document assigns no duty per
    #: item: none of its items carries a responsibility clause, or only a few do (G013)
    unassigned: tuple[Span, ...] = ()

    def paragraph(self, role: str) -> Paragraph | None:
        for paragraph in self.paragraphs:
            if paragraph.role == role:
                return paragraph
        return None

    def paragraphs_of(self, role: str) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role == role]

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def rows_and_tasks(self) -> tuple[Task, ...]:
        """The tasks and an annexed table's rows: what per-task checks of wording and
        agencies read."""
        return self.tasks + self.annex if self.annex else self.tasks

    def in_table(self, task: Task) -> bool:
        """Is the task a row of a task-division table (its number is a cell, with no mark)?"""
        return any(t.span.start <= task.start <= t.span.end for t in self.tables)

    def place(self, task: Task) -> str:
        """The task cited with every heading above it, ``二（一）5``, ``三（二）``: where a
        move takes it, which ``label`` names only where numbers restart in each part."""
        chain: list[Heading] = []
        level = task.level
        for heading in sorted(self.headings, key=lambda h: h.span.start, reverse=True):
            if heading.span.start >= task.number_start or heading.level >= level:
                continue
            chain.append(heading)
            level = heading.level
            if level == 1:
                break  # nothing is above a 一、 heading
        return "".join(h.cited for h in reversed(chain)) + task._replace(qualifier="").label

    def task(self, number: int) -> Task | None:
        for task in self.tasks:
            if task.number == number:
                return task
        return None
