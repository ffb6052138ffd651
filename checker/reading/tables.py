"""Task-division tables (重点任务分工表): a table whose header names a task column and a lead
column, each row one task, read into the same model as a numbered task with its clause.

A table is recognised by its header words, not one office's wording: ``序号``/``编号``,
``(重点)任务``/``工作内容``/``具体措施``/``事项``, ``牵头单位``/``牵头部门``/``责任单位``,
``参与``/``参加``/``配合``/``协办单位``, ``完成时限``/``时间``. A table without both a task
column and a lead (or responsibility) column — a budget, a contact list — is not a task
table and is left alone.

Tables are found in the text as Markdown writes them (``| 1 | 任务 | 牵头单位 | … |``); a Word
document's task tables are written in that form by ``docx.read_layout``. The parser reads the
plan with the table rows blanked out (offsets kept), so prose, headings and numbered tasks
around a table parse as before; a row that only holds a heading (``一、完善制度`` across the
table) stays visible to the parser as that heading.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from .clause import bracket_groups, parse_clause
from .columns import column_role, recognise_header, says_none
from .model import AgencyRef, Clause, Paren, Plan, Section, Span, Table, TableRow, Task
from .source import Source
from .text import CN_NUMERAL, SENTENCE_END

_AGENCY_ROLES = {"lead": "lead", "participant": "participant", "cooperate": "cooperate"}
_NUMBER = re.compile(r"^[ \t]*(\d{1,4})[ \t]*[.、]?[ \t]*$")
_SEPARATOR = re.compile(r"^[ \t]*:?-{2,}:?[ \t]*$")
_SPACES = re.compile(r"[ \t]+")
_ROW = re.compile(r"^[ \t]*\|")
#: a bracketed numeral that begins an item inside a cell: (1), (二)
_ENUMERATOR = re.compile(rf"\((?:\d{{1,2}}|{CN_NUMERAL})\)")
_HEADING = re.compile(rf"^[ \t]*(?:{CN_NUMERAL}[ \t]*[、.]|\({CN_NUMERAL}\))")
#: a number cell holding a heading's numeral: 一 (needs a 、 to read as one), 一、, (一)
_HEADING_NUMBER = re.compile(
    rf"^[ \t]*(?:({CN_NUMERAL})|{CN_NUMERAL}[ \t]*[、.]|\({CN_NUMERAL}\))[ \t]*$"
)


class _Cell(NamedTuple):
    start: int  # offset of the text (stripped)
    end: int


class _Row(NamedTuple):
    line: int  # 0-based line index
    start: int
    end: int
    cells: tuple[_Cell, ...]


class Block(NamedTuple):
    """A task table as found in the text, before it becomes tasks."""

    number: int
    headers: tuple[str, ...]
    roles: tuple[str, ...]
    header: _Row
    rows: tuple[_Row, ...]  # the data rows (separator line left out)
    row_numbers: tuple[int, ...]  # each data row's number as Word counts it
    #: rows that hold a heading (一、… across the table, or 一 | 完善制度 with no agencies),
    #: each with the offset of a bar the parser should read as 、 (or None)
    headings: tuple[tuple[_Row, int | None], ...]
    lines: range  # the 0-based lines the table takes, separator line included
    #: where each part of the table begins (a group title across it, a new value in a
    #: grouping column left of 序号): the offsets of those rows
    parts: tuple[int, ...] = ()
    #: for each data row, the rows whose responsibility cells are its own: itself (or the
    #: row above whose cells a text rendering wrote once for a merged group), then the rows
    #: that continue it (no number, no task: a later year's figure and its bodies)
    owners: tuple[tuple[_Row, ...], ...] = ()
    #: every row below the header but the separator, in order (for a copy of the table)
    body_rows: tuple[_Row, ...] = ()


def _cells(folded: str, start: int, separator: str = "|") -> tuple[_Cell, ...]:
    """The cells of ``| a | b |`` (line text from ``start``), or of ``a<TAB>b`` (a table
    pasted from Word: cells between tabs, the line's ends bounding the first and last), as
    stripped text offsets."""
    bars = [m.start() for m in re.finditer(re.escape(separator), folded)]
    if separator == "\t":
        bars = [-1, *bars]
    if separator == "\t" or not folded.rstrip().endswith("|"):
        bars.append(len(folded.rstrip()))
    cells = []
    for left, right in pairwise(bars):
        raw = folded[left + 1 : right]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        begin = start + left + 1 + (lead if text else 0)
        cells.append(_Cell(begin, begin + len(text)))
    return tuple(cells)


def find_tables(source: Source) -> list[Block]:
    """Every task-division table of the text; other tables are not returned. Markdown
    tables (rows between bars) and tables pasted from Word (cells between tabs: a header
    row naming a task table, then the lines with a tab) are both read."""
    folded = source.folded
    if "|" not in folded and "\t" not in folded:
        return []
    lines = folded.split("\n") if "\r" not in folded else re.split(r"\r\n|\r|\n", folded)
    blocks: list[Block] = []
    counted = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        separator = "|" if _ROW.match(line) else "\t" if _tab_header(line) else None
        if separator is None:
            index += 1
            continue
        first = index
        index += 1
        while index < len(lines) and (
            _ROW.match(lines[index]) if separator == "|" else "\t" in lines[index].rstrip()
        ):
            if separator == "|" and _next_table(lines, first, index):
                break
            index += 1
        counted += 1
        block = _block(source, lines, first, index, counted, separator)
        if block is not None:
            blocks.append(block)
    return blocks


def _next_table(lines: list[str], first: int, index: int) -> bool:
    """Does a second table begin at ``lines[index]``, right under the first with no line
    between (a page's two annex tables)? Its rows have another number of cells, and it opens
    with a task table's header, or with its caption (one filled cell) over one."""
    width = lines[first].count("|")
    if lines[index].count("|") == width:
        return False
    for at in (index, index + 1)[: len(lines) - index]:
        if not _ROW.match(lines[at]):
            return False
        cells = [c.strip() for c in lines[at].strip().strip("|").split("|")]
        if recognise_header(cells) is not None:
            return True
        if sum(1 for c in cells if c) != 1:
            return False
    return False


def _tab_header(line: str) -> bool:
    """A line of three or more tab-separated cells that names a task table's columns."""
    if line.count("\t") < 2:
        return False
    return recognise_header([cell.strip() for cell in line.strip().split("\t")]) is not None


def _block(
    source: Source, lines: list[str], first: int, stop: int, counted: int, separator: str = "|"
) -> Block | None:
    rows = []
    for n in range(first, stop):
        start = source.line_starts[n]
        folded = lines[n]
        cells = _cells(folded, start, separator)
        rows.append(_Row(n, start, start + len(folded.rstrip()), cells))
    text = source.text
    found = _header(text, rows)
    if found is None:
        return None
    rows, headers, roles = found
    places = source.places
    number = places[first][1] if places and places[first][0] == "t" else counted
    headers, roles, body = _sub_header(source, list(headers), list(roles), rows[1:])
    data, numbers, headings, parts, owners, kept = [], [], [], [], [], []
    header_cells = [re.sub(r"\s+", "", h) for h in headers]
    owner: _Row | None = None
    word_row = 1
    for row in rows[1:]:
        cells = [source.folded[c.start : c.end] for c in row.cells]
        if all(_SEPARATOR.match(c) or not c for c in cells) and any(cells):
            continue  # the Markdown |---|---| line
        kept.append(row)
        word_row += 1
        if places and places[row.line][0] == "t":
            word_row = places[row.line][2]
        if row not in body:
            continue  # the second row of a two-row header
        filled = {c for c in cells if c.strip()}
        if not filled or [re.sub(r"\s+", "", c) for c in cells] == header_cells:
            continue  # an empty row, or the header repeated where the table crosses a page
        if len(filled) == 1 and _HEADING.match(next(iter(filled))):
            headings.append((row, None))
            parts.append(row.start)
            continue
        heading, bar = _numeral_row(row, cells, roles)
        if heading:
            headings.append((row, bar))
            parts.append(row.start)
            continue
        kind = _row_kind(cells, roles)
        if kind == "title":
            parts.append(row.start)
            owner = None
            continue
        if kind == "continued":
            if owners:
                owners[-1] = (*owners[-1], row)
            continue
        if data and _repeats(source, data[-1], cells, roles):
            owners[-1] = (*owners[-1], row)  # a merged 序号 cell written on each of its rows
            continue
        if _groups(cells, roles):
            parts.append(row.start)
        if _has(cells, roles, _AGENCY_ROLES) or owner is None or not _merged(cells, roles):
            owner = row
        data.append(row)
        numbers.append(word_row)
        owners.append((owner,))
    return Block(
        number,
        headers,
        roles,
        rows[0],
        tuple(data),
        tuple(numbers),
        tuple(headings),
        range(first, stop),
        tuple(parts),
        tuple(owners),
        tuple(kept),
    )


def _header(
    text: str, rows: list[_Row]
) -> tuple[list[_Row], tuple[str, ...], tuple[str, ...]] | None:
    """The rows from the header on, the header's cells and their roles; None when the table
    is no task table. A first row with one filled cell above a header (附件2 …任务分工表 |  |
    …: the table's caption, a cell merged across it) is the table's title, not its header."""
    for at in (0, 1)[: len(rows)]:
        headers = tuple(text[c.start : c.end] for c in rows[at].cells)
        roles = recognise_header(list(headers))
        if roles is not None:
            return rows[at:], headers, roles
        if sum(1 for h in headers if h.strip()) != 1:
            return None
    return None


def _repeats(source: Source, above: _Row, cells: list[str], roles: tuple[str, ...]) -> bool:
    """A row that writes again the 序号 and the item's name of the data row above, with a
    measure or bodies of its own: the item's cells were merged over both rows, and a Word
    or web page rendering gives each row their text. The row continues that item."""
    if "number" not in roles:
        return False
    upper = [source.folded[c.start : c.end] for c in above.cells]
    column = roles.index("number")
    number = cells[column].strip() if column < len(cells) else ""
    if not number or column >= len(upper) or upper[column].strip() != number:
        return False
    same_task = any(
        role == "task"
        and n < len(cells)
        and n < len(upper)
        and cells[n].strip()
        and cells[n].strip() == upper[n].strip()
        for n, role in enumerate(roles)
    )
    return same_task and [c.strip() for c in cells] != [c.strip() for c in upper]


def _has(cells: list[str], roles: tuple[str, ...], wanted) -> bool:
    """Does the row fill any cell of a column whose role is ``wanted``?"""
    return any(c.strip() and r in wanted for c, r in zip(cells, roles, strict=False))


def _row_kind(cells: list[str], roles: tuple[str, ...]) -> str:
    """What a row that is no heading is: ``continued`` (neither number nor task, under a
    table that has both: more of the row above, such as a later year's figure and the bodies
    charged with it), ``title`` (a group title across the table, written in its first cell,
    or a 合计/汇总 row: the 序号 cell holds words, and no body is named) or ``task``."""
    number = ""
    if "number" in roles:
        column = roles.index("number")
        number = cells[column].strip() if column < len(cells) else ""
        if not number and "task" in roles and not _has(cells, roles, {"task"}):
            return "continued"
    if _has(cells, roles, _AGENCY_ROLES):
        return "task"
    if number and not _NUMBER.match(number):
        return "title"
    filled = [n for n, c in enumerate(cells) if c.strip()]
    if len(filled) == 1 and (filled[0] >= len(roles) or roles[filled[0]] == "other"):
        return "title"
    return "task"


def _groups(cells: list[str], roles: tuple[str, ...]) -> bool:
    """A filled cell left of the 序号 column (``| 1.分类投放 | 1 | … |``): the row begins a
    group, where a table may count its rows afresh."""
    if "number" not in roles:
        return False
    column = roles.index("number")
    return any(c.strip() and roles[n] == "other" for n, c in enumerate(cells[:column]))


def _merged(cells: list[str], roles: tuple[str, ...]) -> bool:
    """An empty task-name cell beside a filled one (``| 2 |  | 新建车站… |  |``): the row is
    in the group of the row above, whose merged cells a text rendering writes once; its
    responsibility is the group's."""
    task_cells = [c.strip() for c, r in zip(cells, roles, strict=False) if r == "task"]
    return len(task_cells) > 1 and any(task_cells) and not all(task_cells)


def _sub_header(
    source: Source, headers: list[str], roles: list[str], rows: list[_Row]
) -> tuple[tuple[str, ...], tuple[str, ...], list[_Row]]:
    """A two-row header (责任单位 over 牵头单位 | 参与单位): a second row whose every filled
    cell is a column name renames the columns it fills. Returns headers, roles and the rows
    that are the table's body."""
    body = [r for r in rows if not _is_separator(source, r)]
    if not body:
        return tuple(headers), tuple(roles), body
    texts = [source.text[c.start : c.end] for c in body[0].cells]
    filled = [(n, t) for n, t in enumerate(texts) if t.strip()]
    if not filled or any(
        column_role(t) == "other" or any(ch.isdigit() for ch in t) for _, t in filled
    ):
        return tuple(headers), tuple(roles), body
    for n, text in filled:
        if n < len(roles):
            headers[n], roles[n] = text, column_role(text)
    return tuple(headers), tuple(roles), body[1:]


def _is_separator(source: Source, row: _Row) -> bool:
    cells = [source.folded[c.start : c.end] for c in row.cells]
    return all(_SEPARATOR.match(c) or not c for c in cells) and any(cells)


def _numeral_row(row: _Row, cells: list[str], roles: tuple[str, ...]) -> tuple[bool, int | None]:
    """``| 一 | 完善知识产权制度 | | |``: a numeral in the number column, a title, no agency
    and no deadline, is a heading. Returns whether it is one and, for a bare ``一``, the
    offset where the parser needs a 、 to read it so."""
    filled = {roles[n] if n < len(roles) else "other" for n, c in enumerate(cells) if c.strip()}
    if "number" not in filled or filled - {"number", "task"}:
        return False, None
    column = roles.index("number")
    found = _HEADING_NUMBER.match(cells[column]) if column < len(cells) else None
    if found is None:
        return False, None
    return True, (row.cells[column].end if found.group(1) else None)


def mask(source: Source, blocks: list[Block]) -> Source:
    """The source with task-table rows blanked (offsets kept); heading rows lose only their
    bars, so the parser still sees ``一、…`` there."""
    text = list(source.text)
    for block in blocks:
        heading_lines = {row.line: bar for row, bar in block.headings}
        for line in block.lines:
            for offset in range(source.line_starts[line], source.line_end(line + 1)):
                if line not in heading_lines or text[offset] in "|\t":
                    text[offset] = " "
            if heading_lines.get(line) is not None:
                text[heading_lines[line]] = "、"  # 一 | 完善制度 reads as 一、完善制度
    return Source.from_text(
        "".join(text),
        source.path,
        encoding=source.encoding,
        bom=source.bom,
        kind=source.kind,
        meta=source.meta,
    )


def attach(plan: Plan, source: Source, blocks: list[Block]) -> Plan:
    """The plan parsed from the masked text, with the tables' tasks merged in by position;
    a table after the plan's own numbered tasks is an annex restating them (``Plan.annex``)."""
    tables, table_tasks, annex = [], [], []
    text_end = max((t.end for t in plan.tasks if t.clauses), default=None)
    for block in blocks:
        table, tasks = _read(block, source, plan)
        if (
            text_end is not None
            and table.span.start > text_end
            and any(column_role(h) == "task" for h in block.headers)  # allocations restate none
            and _restates(tasks, plan)
        ):
            table = table._replace(annex=True)  # 附件：分工表 after the plan's own tasks
            annex.extend(task._replace(index=len(annex) + n) for n, task in enumerate(tasks))
        else:
            table_tasks.extend(tasks)
        tables.append(table)
    merged = sorted([*plan.tasks, *table_tasks], key=lambda t: t.start)
    tasks = tuple(task._replace(index=n) for n, task in enumerate(merged))
    last = tasks[-1].end if tasks else None
    paragraphs = tuple(
        p._replace(role="closing")
        if last is not None and p.role == "body" and p.span.start >= last
        else p
        for p in plan.paragraphs
    )
    return plan._replace(
        source=source,
        tasks=tasks,
        paragraphs=paragraphs,
        sections=_sections(plan, tasks, len(source.text)),
        tables=tuple(tables),
        annex=tuple(annex),
        task_level=plan.task_level or (3 if tasks else None),
    )


def _restates(rows: list[Task], plan: Plan) -> bool:
    """Do a table's rows restate the text's tasks (an annex of the same tasks for the member
    units, renumbered or abridged maybe: more than half its rows each worded as a task of
    the text, no task claimed twice), rather than list tasks of their own (a 任务分解表
    breaking each measure into several items, or other items altogether)?"""
    if not rows:
        return False
    by_number = {task.number: n for n, task in enumerate(plan.tasks)}
    free = set(range(len(plan.tasks)))
    same = 0
    for n, row in enumerate(rows):
        numbered = by_number.get(row.number)
        order = ([numbered] if numbered in free else []) + sorted(free - {numbered})
        match = next((m for m in order if same_wording(plan.tasks[m].body, row.body)), None)
        if match is not None:
            free.discard(match)
            same += 1
        if 2 * same > len(rows) or 2 * (same + len(rows) - n - 1) <= len(rows):
            break  # decided either way
    return 2 * same > len(rows)


#: what wording is compared without: spaces, punctuation, brackets
_NOT_TEXT = re.compile(r"[\s,，。;；:：、()（）《》“”]")
#: share of the shorter wording found in the other: an abridged row still counts as the task
SAME_TASK = 0.6


def same_wording(text: str, other: str) -> bool:
    """Are two tasks' wordings the same task's (an annex may abridge or reword a little)?"""
    a, b = _NOT_TEXT.sub("", text), _NOT_TEXT.sub("", other)
    if not a or not b:
        return False
    least = SAME_TASK * min(len(a), len(b))
    if sum((Counter(a) & Counter(b)).values()) < least:
        return False  # not even the characters are shared: no need to align them
    from difflib import SequenceMatcher  # only a plan with a table after its tasks needs it

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared >= least


def _sections(plan: Plan, tasks: tuple[Task, ...], length: int) -> tuple[Section, ...]:
    result = []
    level_one = [h for h in plan.headings if h.level == 1]
    for n, heading in enumerate(level_one):
        end = level_one[n + 1].span.start if n + 1 < len(level_one) else length + 1
        subs = tuple(
            h for h in plan.headings if h.level == 2 and heading.span.start < h.span.start < end
        )
        own = tuple(t for t in tasks if heading.span.start < t.number_start < end)
        result.append(Section(heading, subs, own))
    return tuple(result)


def _read(block: Block, source: Source, plan: Plan) -> tuple[Table, list[Task]]:
    """The table record and one task per data row."""
    starts = source.line_starts
    rows, tasks = [], []
    previous = 0
    for row, word_row, owner in zip(block.rows, block.row_numbers, block.owners, strict=True):
        for n, part in enumerate((row, *owner[1:])):  # the row, then the rows continuing it
            spans = tuple(Span(c.start, c.end, starts) for c in part.cells)
            rows.append(TableRow(word_row + n, Span(part.start, part.end, starts), spans))
        task = _task(block, row, owner, source, plan, previous)
        previous = task.number
        tasks.append(task)
    last = block.rows[-1] if block.rows else block.header
    table = Table(
        block.number,
        block.headers,
        block.roles,
        Span(block.header.start, last.end, starts),
        tuple(rows),
        parts=block.parts,
    )
    return table, tasks


def _column(block: Block, row: _Row, role: str) -> list[_Cell]:
    return [
        cell
        for cell, r in zip(row.cells, block.roles, strict=False)
        if r == role and cell.end > cell.start
    ]


def _task(
    block: Block, row: _Row, owner: tuple[_Row, ...], source: Source, plan: Plan, previous: int
) -> Task:
    """One row as a task; its clause is read from ``owner``'s responsibility cells (the row
    itself or the first row of a merged group, then the rows continuing it)."""
    folded = source.folded
    numbers = _column(block, row, "number")
    found = _NUMBER.match(folded[numbers[0].start : numbers[0].end]) if numbers else None
    if found:
        cell = numbers[0]
        number_text = found.group(1)
        number_start, number_end = cell.start + found.start(1), cell.start + found.end(1)
    else:
        number_text = str(previous + 1)
        number_start = number_end = row.cells[0].start if row.cells else row.start
    body_cells = _column(block, row, "task")
    if body_cells:
        body = "".join(folded[c.start : c.end] for c in body_cells)
        body_start, body_end = body_cells[0].start, body_cells[-1].end
    else:
        body, body_start, body_end = "", row.start, row.start
    deadlines = _column(block, row, "deadline")
    section, subsection = _parents(plan, row.start)
    clause = _clause(block, owner, source)
    return Task(
        number=int(number_text),
        number_text=number_text,
        number_start=number_start,
        number_end=number_end,
        start=row.start,
        end=max(row.end, owner[-1].end),
        body=body,
        body_start=body_start,
        body_end=body_end,
        clauses=(clause,) if clause is not None else (),
        parens=tuple(p for c in body_cells for p in _parens(source, c)),
        breaks=(),
        section=section,
        subsection=subsection,
        index=0,
        line_starts=source.line_starts,
        level=3,
        deadline=source.text[deadlines[0].start : deadlines[0].end] if deadlines else None,
    )


def _parents(plan: Plan, offset: int) -> tuple[int | None, int | None]:
    section = subsection = None
    for heading in plan.headings:
        if heading.span.start > offset:
            break
        if heading.level == 1:
            section, subsection = heading.value, None
        elif heading.level == 2:
            subsection = heading.value
    return section, subsection


def _clause(block: Block, owner: tuple[_Row, ...], source: Source) -> Clause | None:
    """The responsibility columns as one clause; roles come from the columns.

    A column that names its bodies as leads (牵头单位, 主要负责单位) makes each of them a lead
    (a joint lead where it names several); one that names those responsible (责任单位,
    实施主体) is read as a text clause under that label is: its first body leads, unless
    another column names the lead, and the rest take part. ``lead_marked``: the table names
    its lead explicitly, so a row whose lead cell is empty has no lead (G008 says so) rather
    than a first-listed one.
    """
    agencies: list[AgencyRef] = []
    parties: list[AgencyRef] = []  # the agencies and the collectives (各区政府) of the cells
    vague = None
    cells = []
    joint = False  # a 牵头 column named a lead
    columns = [
        (n > 0, cell, role, header)
        for n, row in enumerate(owner)
        for cell, role, header in zip(row.cells, block.roles, block.headers, strict=False)
    ]
    for continuing, cell, role, header in columns:
        if role not in _AGENCY_ROLES:
            continue
        cells.append(cell)  # empty ones too: the clause starts at an empty lead cell
        if cell.end <= cell.start or says_none(source.folded[cell.start : cell.end]):
            continue
        # a cell lists names by 、, by line (joined with 、) or by spaces: all three split
        names = _SPACES.sub(lambda m: "、" * len(m.group()), source.folded[cell.start : cell.end])
        parsed = parse_clause(source, names, cell.start, cell.start - 1, cell.end + 1)
        vague = vague or parsed.vague
        if continuing:  # a later row's bodies, charged with its figure: they take part
            # (a body the item names already is not named twice: each row is its own measure)
            named = {p.name for p in parties}
            agencies.extend(_taking_part(a) for a in parsed.agencies if a.name not in named)
            parties.extend(_taking_part(p) for p in parsed.parties if p.name not in named)
            continue
        if role == "lead" and not names_leads(header):
            agencies.extend(parsed.agencies)  # 责任单位: read as its clause reads
            parties.extend(parsed.parties)
            continue
        joint = joint or role == "lead"
        agencies.extend(a._replace(role=_AGENCY_ROLES[role]) for a in parsed.agencies)
        parties.extend(p._replace(role=_AGENCY_ROLES[role]) for p in parsed.parties)
    if not parties and not vague:
        return None
    if joint:  # a 牵头 column leads: those a 责任单位 column names take part
        parties = [_demoted(p, block, source) for p in parties]
        agencies = [_demoted(a, block, source) for a in agencies]
    first, last = cells[0], cells[-1]
    inner = source.text[first.start : last.end]
    subjects = tuple(p.name for p in parties if p not in agencies)
    return Clause(
        inner,
        first.start - 1,
        last.end + 1,
        tuple(agencies),
        False,
        vague,
        True,
        source.line_starts,
        subjects,
        parties=tuple(parties),
    )


def _taking_part(party: AgencyRef) -> AgencyRef:
    return party._replace(role="participant") if party.role == "lead" else party


def _demoted(party: AgencyRef, block: Block, source: Source) -> AgencyRef:
    """A lead read from a column that names those responsible, where a 牵头 column names
    the lead: a participant."""
    if party.role != "lead":
        return party
    column = _column_at(block, party.start, source)
    if column is None or names_leads(block.headers[column]):
        return party
    return party._replace(role="participant")


def _column_at(block: Block, offset: int, source: Source) -> int | None:
    line = source.position(offset)[0] - 1
    row = next((r for r in (block.header, *block.rows) if r.line == line), None)
    if row is None:
        return None
    return next((n for n, c in enumerate(row.cells) if c.start <= offset <= c.end), None)


@cache
def names_leads(header: str) -> bool:
    """Does a responsibility column's header name leads (牵头单位, 主要负责单位: a lead label of
    the clause grammar, or a header with a lead role word) rather than those responsible
    (责任单位, 实施主体)?"""
    from .clause import grammar

    g = grammar()
    name = re.sub(r"\s+|[(（][^)）]*[)）]", "", header)
    if g.labels.get(name) in ("lead",):
        return True
    return any(word in name for word, role in g.role_of.items() if role == "lead")


def _parens(source: Source, cell: _Cell) -> list[Paren]:
    """Bracketed groups of a task cell, marking those that stand alone (as the parser does)."""
    folded = source.folded[cell.start : cell.end]
    result = []
    standalone_end = {0}
    for s, e in bracket_groups(folded):
        if _ENUMERATOR.match(folded, s) and folded[e:].strip():
            continue  # （1）开展普查；（2）…: a cell's own enumeration, an item's marker
        before = folded[:s].rstrip()
        standalone = not before or before[-1] in SENTENCE_END or len(before) in standalone_end
        if standalone:
            standalone_end.add(e)
        text = source.text[cell.start + s : cell.start + e]
        result.append(
            Paren(
                text[1:-1],
                cell.start + s,
                cell.start + e,
                standalone,
                text[0],
                source.line_starts,
            )
        )
    return result


def _piece_at(pieces: tuple[tuple, ...], column: int) -> tuple:
    """Of the pieces a line was made of (``(offset, …)`` in order), the one a column is in."""
    found = pieces[0]
    for piece in pieces:
        if piece[0] > column:
            break
        found = piece
    return found


def place(plan: Plan, offset: int) -> tuple:
    """Where an offset is for a reader of the document: ``("t", table, row, column, header)``
    in a task table, ``("p", n)`` in a Word paragraph, ``("pg", page, line)`` in a PDF,
    ``("l", n)`` the input's line of a rebuilt text (``reflow``), ``()`` in a text plan's
    line."""
    for table in plan.tables:
        if not table.span.start <= offset <= table.span.end:
            continue
        for row in table.rows:
            if row.span.start <= offset <= row.span.end:
                column = len(row.cells) - 1
                for n, cell in enumerate(row.cells):
                    if offset < cell.end or offset <= cell.start:
                        column = n  # the cell it is in, or the next one after a bar
                        break
                header = table.headers[column] if column < len(table.headers) else ""
                return ("t", table.number, row.row, column + 1, header)
    places = plan.source.places
    if places:
        line, column = plan.source.position(offset)
        where = places[line - 1] if line <= len(places) else ()
        if where and where[0] == "p":  # a Word paragraph, or one joined with the next ones
            if len(where) > 2 and column - 1 >= where[2][0][0]:
                return ("p", _piece_at(where[2], column - 1)[1])
            return where[:2]
        if where and where[0] == "ls":  # a rebuilt text's line: the input's line
            return ("l", _piece_at(where[1], column - 1)[1])
        if where and where[0] == "pg":  # a paragraph read from a PDF's lines
            piece = _piece_at(where[1], column - 1)
            return ("pg", piece[1], piece[2])
    return ()
