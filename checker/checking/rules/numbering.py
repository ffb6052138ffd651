"""Numbering rules: task numbers (N001–N004) and heading numerals (N005).

One root cause gives one finding: a duplicate that stands where a missing number belongs
is one N001 that says which number it should be, not also an N002 for the gap.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from operator import lt

from ...reading.model import Break, Edit, Heading, Plan, Span, Table, Task
from ...reading.text import fold, int_to_cn, is_title_line
from ..context import Context
from ..findings import Finding, Words
from ..registry import rule


def _increasing_core(numbers: list[int]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence: the tasks that are in order."""
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(numbers)
    for i, n in enumerate(numbers):
        k = bisect_left(tails, n)
        if k < len(tails) and tails[k] == n:
            continue  # a repeated number: the first use stays in order, the repeat does not
        if k == len(tails):
            tails.append(n)
            tail_index.append(i)
        else:
            tails[k] = n
            tail_index[k] = i
        parent[i] = tail_index[k - 1] if k else -1
    core, i = set(), tail_index[-1] if tail_index else -1
    while i >= 0:
        core.add(i)
        i = parent[i]
    return core


class _Item:
    """A numbered item of one level: a task, or a heading (a frame item at the task level)."""

    __slots__ = ("document", "frame", "group", "heading", "number", "start", "task")

    def __init__(
        self,
        number: int,
        start: int,
        task: Task | None,
        heading: Heading | None,
        group: int,
        document: int = 0,
        frame: bool = False,
    ) -> None:
        self.number = number
        self.start = start  # where its numeral starts: items are put in text order by it
        self.task = task
        self.heading = heading  # the item when it is no task
        self.group = group  # items of one group sit under the same parent heading
        #: another document in the file (``document_starts``) counts afresh
        self.document = document
        #: a part of the frame: a heading with no task under it (指导思想, 工作目标), not a task
        self.frame = frame

    @property
    def span(self) -> Span:
        """Where its numeral is written (made when a finding asks: most items have none)."""
        if self.task is not None:
            return self.task.number_span
        assert self.heading is not None
        return self.heading.numeral_span


class _Sequence:
    """The items of one level with the numbering convention the document uses.

    ``effective`` numbers are what each item should count as under that convention: in a
    document that restarts per section they are the numbers themselves, analysed group by
    group; in one numbered straight through, the numbers across all groups. A group that
    departs from the document's convention is reported once (``departures``) and shifted,
    so the rest of its numbers are judged, not reported again. Items ``apart`` (indexes) are
    frame parts numbered on their own (``_frames_apart``), each group a unit of its own.
    """

    __slots__ = ("apart", "departures", "effective", "items", "restarting")

    def __init__(
        self,
        items: list[_Item],
        restarting: frozenset[int],
        effective: list[int],
        departures: list[tuple[_Item, int, int]],
        apart: frozenset[int] = frozenset(),
    ) -> None:
        self.items = items
        #: the documents (``_Item.document``) numbered afresh per part
        self.restarting = restarting
        self.effective = effective
        self.departures = departures  # (first item of group, expected, previous)
        self.apart = apart

    def restarts(self, item: _Item) -> bool:
        """Does the document of ``item`` number afresh in each part?"""
        return item.document in self.restarting


def _numeral(level: int, value: int) -> str:
    """The numeral alone: ``50`` at the arabic levels (3, 4), ``十五`` above them."""
    return str(value) if level >= 3 else int_to_cn(value)


def _written(level: int, value: int) -> str:
    """A number as the document writes it at ``level``: ``三十、``, ``(十五)``, ``50.``, ``(5)``."""
    return ("{}、", "（{}）", "{}.", "（{}）")[level - 1].format(_numeral(level, value))


def _shown(level: int, value: int) -> str:
    """A number as a message cites it: ``三十``, ``(十五)``, ``50``, ``(5)``."""
    return ("{}", "（{}）", "{}", "（{}）")[level - 1].format(_numeral(level, value))


class _Outline:
    """What the numbering rules read of a plan's tasks, gathered in one pass over them for
    every level they judge (the task level for N001, N002 and N004 through ``_verdicts``,
    each heading level for N005), and the plan's ``document_starts``: made once a plan,
    ``ctx.shared(_Outline)``."""

    def __init__(self, plan: Plan) -> None:
        self.documents = document_starts(plan)
        #: each level's tasks in text order, a task table's rows left out (their table
        #: numbers them: ``_table_sequence``)
        self.tasks: dict[int, list[Task]] = {}
        #: where each task of each level starts, a table's rows included
        self.starts: dict[int, list[int]] = {}
        in_tables = bool(plan.tables)  # asked of each task only where there is a table
        for task in plan.tasks:
            self.starts.setdefault(task.level, []).append(task.start)
            if not (in_tables and plan.in_table(task)):
                self.tasks.setdefault(task.level, []).append(task)
        #: where every task starts, in order (a frame heading is one with no task under it)
        self.task_starts = sorted(start for starts in self.starts.values() for start in starts)


def _items(plan: Plan, level: int, outline: _Outline) -> list[_Item]:
    """Items of ``level`` in document order, grouped by the shallower heading above them;
    a task table's rows are numbered in their own table (``_table_sequence``)."""
    documents = outline.documents
    tasks = outline.tasks.get(level, [])
    headings = [h for h in plan.headings if h.level == level]
    if not tasks and not headings:
        return []  # a level the plan does not number (most plans use two or three of four)
    parents = sorted(
        [h.span.start for h in plan.headings if h.level < level]
        + [start for above, starts in outline.starts.items() if above < level for start in starts]
        + list(documents)
    )
    framed = _framed(plan, level, outline)
    # the items made directly, tasks then headings, and put in text order (a stable sort:
    # no list of entries to sort first, whose tuples a plan of thousands of tasks would
    # carry through the garbage collector's full collections)
    items = [
        _Item(
            t.number,
            t.number_start,
            t,
            None,
            bisect_left(parents, t.number_start),
            bisect_left(documents, t.number_start),
        )
        for t in tasks
    ]
    items += [
        _Item(
            h.value,
            h.numeral_span.start,
            None,
            h,
            bisect_left(parents, h.numeral_span.start),
            bisect_left(documents, h.numeral_span.start),
            h.numeral_span.start in framed,
        )
        for h in headings
    ]
    items.sort(key=_start)
    return items


def _start(item: _Item) -> int:
    """Where an item's numeral starts: items are put in text order by it."""
    return item.start


def _framed(plan: Plan, level: int, outline: _Outline) -> frozenset[int]:
    """Where the numerals of the frame headings of ``level`` start: those with no task
    under them, up to the next heading of their level or above (or another document). At
    the task level every heading is a frame item."""
    if level == plan.task_level:
        return frozenset(h.numeral_span.start for h in plan.headings if h.level == level)
    bounds = sorted(
        [h.span.start for h in plan.headings if h.level <= level] + list(outline.documents)
    )
    tasks = outline.task_starts
    found = set()
    for heading in plan.headings:
        if heading.level != level:
            continue
        after = bisect_right(bounds, heading.span.start)
        end = bounds[after] if after < len(bounds) else len(plan.source.text) + 1
        first = bisect_right(tasks, heading.span.start)
        if first == len(tasks) or tasks[first] >= end:
            found.add(heading.numeral_span.start)
    return frozenset(found)


def document_starts(plan: Plan) -> tuple[int, ...]:
    """Where another document begins in the file, its numbering afresh: a line that can be
    a title (short, no sentence in it: 附件, 附件1, 十方面民生实事责任分解, a task table's
    title) after numbered items, followed by an item numbered 1 — the plan after its
    covering notice's 一、二、, an annex, a second document issued together. A 一、 that
    restarts without such a line between is no new document."""
    items = sorted(
        [(h.numeral_span.start, h.value) for h in plan.headings]
        + [(t.number_start, t.number) for t in plan.tasks]
    )
    if len(items) < 2:
        return ()
    starts = [start for start, _ in items]
    found = []
    for paragraph in plan.paragraphs:
        at = paragraph.span.start
        following = bisect_left(starts, at)
        if (
            0 < following < len(items)
            and items[following][1] == 1
            and is_title_line(fold(paragraph.text).strip())
        ):
            found.append(at)
    return tuple(found)


def _sequence(plan: Plan, level: int, outline: _Outline) -> _Sequence:
    """Find the convention (restart per parent or straight through) by the group starts.

    The majority of group starts decides, even a single one: with two sections a document
    shows its convention once, and either is correct. Only where the starts tie (or there
    are none) the family's usual convention holds: the task level numbered straight through
    (``1.``…``110.``; ``(一)``…``(十九)`` in State Council opinions), the heading levels
    above it restarting in each section. Mixing shows only with three parts or more.
    """
    tasks = level == plan.task_level
    return _conventional(_items(plan, level, outline), not tasks, frames_apart=True)


def _table_sequence(plan: Plan, table: Table) -> _Sequence:
    """A task table's rows, numbered in the table of their own: from 1, straight through or
    afresh in each of its parts (group titles, a grouping column), as most of its parts do;
    a tie is the usual straight count."""
    items = [
        _Item(t.number, t.number_start, t, None, bisect_right(table.parts, t.start))
        for t in plan.tasks
        if table.span.start <= t.start <= table.span.end
    ]
    return _conventional(items, False)


def _conventional(items: list[_Item], tie_restarts: bool, frames_apart: bool = False) -> _Sequence:
    """The items' effective numbers under the convention most group starts keep (``tie_restarts``
    where they tie), with the groups that depart from it. With ``frames_apart``, frame parts
    numbered on their own are left out of the run (``_frames_apart``)."""
    apart = _frames_apart(items) if frames_apart else frozenset()
    run = [n for n in range(len(items)) if n not in apart]
    before = {run[k]: run[k - 1] for k in range(1, len(run))}  # the run's item before each
    starts = [
        n
        for n, p in before.items()
        if items[n].group != items[p].group and items[n].document == items[p].document
    ]
    restarting = _restarting(items, starts, before, tie_restarts)
    effective = [item.number for item in items]
    departures = []
    shift = 0
    group_starts = set(starts)
    for n in run:
        item = items[n]
        if n in before and item.document != items[before[n]].document:
            shift = 0  # another document: its numbers are its own
        elif n in group_starts:
            previous = items[before[n]].number
            restart = item.document in restarting
            if restart:
                shift = 0  # each part counts from its own start
                departs = item.number == previous + 1 != 1
            else:  # a restarted part shifts the parts after it too: they follow it
                departs = item.number == 1 != previous + 1
            if departs:
                expected = 1 if restart else effective[before[n]] + 1
                shift = expected - item.number
                departures.append((item, expected, previous))
        effective[n] = item.number + shift
    return _Sequence(items, restarting, effective, departures, apart)


def _restarting(
    items: list[_Item], starts: list[int], before: dict[int, int], tie_restarts: bool
) -> frozenset[int]:
    """The documents whose group starts mostly restart at 1 (``tie_restarts`` where they
    tie): each document of a file keeps its own convention (赣市府办发〔2018〕44号: five plans,
    two numbered straight through, three afresh under each heading)."""
    votes: dict[int, int] = {item.document: 0 for item in items}
    for n in starts:
        number, previous = items[n].number, items[before[n]].number
        if number == 1 != previous + 1:
            votes[items[n].document] += 1
        elif number == previous + 1 != 1:
            votes[items[n].document] -= 1
    return frozenset(d for d, vote in votes.items() if vote > 0 or (vote == 0 and tie_restarts))


def _frames_apart(items: list[_Item]) -> frozenset[int]:
    """Items of frame parts numbered on their own, outside the tasks' run: a group of frame
    items only (definitions, principles, steps, safeguards: 1.…3. under 三、基本原则) that
    starts at 1 and that the next group does not go on from (嘉定 2022 盘活: 二、适用范围 1.-5.,
    三、基本原则 1.-3., the tasks 1.-18. through 四、, 五、实施步骤 1.-3., 六、保障措施 1.-3.). A
    frame part the tasks go on from ((一)指导思想…(三), then the tasks from (四)) is in the run.
    Above the task level, a frame item is a heading with no task under it: 一、总体要求's
    (一)总体要求 (二)工作目标 are apart from the headings of the tasks, (一)…(八) under 二、 and
    (九)(十) under 三、, numbered straight through (宁政发〔2017〕 土壤污染防治)."""
    if not any(item.frame for item in items):
        return frozenset()  # no frame item, no frame part (the task level of most plans)
    groups: list[list[int]] = []
    for n, item in enumerate(items):
        if n and item.group == items[n - 1].group:
            groups[-1].append(n)
        else:
            groups.append([n])
    apart: set[int] = set()
    for g, members in enumerate(groups):
        first, last = items[members[0]], items[members[-1]]
        if first.number != 1 or not all(items[n].frame for n in members):
            continue
        following = items[groups[g + 1][0]] if g + 1 < len(groups) else None
        if following is None or following.number != last.number + 1:
            apart.update(members)
    return frozenset(apart)


def _units(sequence: _Sequence) -> list[list[int]]:
    """Index lists analysed together: each group under restart, each document otherwise;
    each frame part apart on its own."""
    units: dict[tuple[str, int], list[int]] = {}
    for n, item in enumerate(sequence.items):
        if n in sequence.apart:
            key = ("apart", item.group)
        else:
            key = ("group", item.group) if sequence.restarts(item) else ("document", item.document)
        units.setdefault(key, []).append(n)
    return list(units.values())


def _analyse(numbers: list[int]) -> tuple[list[tuple[int, str, int | None]], set[int]]:
    """Classify the positions off a longest increasing subsequence (the tasks in order) as
    duplicate or misplaced, with the number expected there; also return the missing numbers
    that those explain."""
    if all(map(lt, numbers, numbers[1:])):
        return [], set()  # every number above the one before: all in order (most plans)
    core = _increasing_core(numbers)
    present = set(numbers)
    first_use: dict[int, int] = {}
    for i, number in enumerate(numbers):
        first_use.setdefault(number, i)
    explained: set[int] = set()
    verdicts = []
    previous_core = 0
    for i, number in enumerate(numbers):
        if i in core:
            previous_core = number
            continue
        expected = previous_core + 1
        slot = expected if expected not in present and expected not in explained else None
        if slot is not None:
            explained.add(slot)
            previous_core = slot
        kind = "duplicate" if first_use[number] != i else "order"
        verdicts.append((i, kind, slot))
    return verdicts, explained


class _Numbered:
    """One numbered sequence of tasks (the text's task level, or a task table) with its
    units (``_units``, kept for N002's gaps), its duplicates and misplaced items and, per
    unit, the missing numbers those explain."""

    __slots__ = ("explained", "level", "sequence", "units", "verdicts")

    def __init__(
        self,
        sequence: _Sequence,
        level: int,
        units: list[list[int]],
        verdicts: list[tuple[int, str, int | None]],
        explained: list[set[int]],
    ) -> None:
        self.sequence = sequence
        self.level = level
        self.units = units
        self.verdicts = verdicts
        self.explained = explained


def _numbered(ctx: Context) -> list[_Numbered]:
    """The plan's ``_verdicts``, worked out once for N001, N002 and N004."""
    return ctx.shared(_verdicts, ctx.shared(_Outline))


def _verdicts(plan: Plan, outline: _Outline) -> list[_Numbered]:
    """Duplicates and misplaced items of the task level, unit by unit, and of each task
    table that is not an annex restating the text's tasks."""
    sequences = []
    if plan.task_level is not None:
        sequences.append((_sequence(plan, plan.task_level, outline), plan.task_level))
    for table in plan.tables:
        if not table.annex:
            sequences.append((_table_sequence(plan, table), 3))
    numbered = []
    for sequence, level in sequences:
        verdicts: list[tuple[int, str, int | None]] = []
        explained: list[set[int]] = []
        units = _units(sequence)
        for unit in units:
            found, missing = _analyse([sequence.effective[n] for n in unit])
            verdicts += [(unit[i], kind, slot) for i, kind, slot in found]
            explained.append(missing)
        numbered.append(_Numbered(sequence, level, units, verdicts, explained))
    return numbered


@rule("N001", "duplicate-task-number")
def duplicate_task_number(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.甲。(科技部负责)\\n2.乙。(科技部负责)\\n2.丙。(科技部负责)
    Good: 1.甲。(科技部负责)\\n2.乙。(科技部负责)\\n3.丙。(科技部负责)
    """
    for numbered in _numbered(ctx):
        yield from _duplicates(plan, ctx, numbered)


def _duplicates(plan: Plan, ctx: Context, numbered: _Numbered) -> Iterator[Finding]:
    sequence, level, verdicts = numbered.sequence, numbered.level, numbered.verdicts
    if all(kind != "duplicate" for _, kind, _ in verdicts):
        return  # no number used twice (most plans): no first use to look up
    first_use: dict[tuple[int, int], _Item] = {}
    for n, item in enumerate(sequence.items):
        first_use.setdefault(
            (item.group if sequence.restarts(item) else item.document, sequence.effective[n]), item
        )
    for n, kind, slot in verdicts:
        if kind != "duplicate":
            continue
        item = sequence.items[n]
        key = (item.group if sequence.restarts(item) else item.document, sequence.effective[n])
        fix = _renumber(item, slot, level)
        yield ctx.finding(
            item.span,
            item.task,
            variant="expected" if slot else "",
            fix=fix,
            safe=False,
            number=_shown(level, item.number),
            first_line=first_use[key].span.line,
            expected=_shown(level, slot) if slot else None,
            expected_text=_written(level, slot) if slot else None,
        )


def _renumber(item: _Item, value: int | None, level: int) -> list[Edit] | None:
    """The edit that writes ``value`` in place of an item's numeral."""
    if value is None:
        return None
    text = _numeral(level, value)
    return [Edit(item.span.start, item.span.end, text)]


@rule("N002", "missing-task-number")
def missing_task_number(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.甲。(科技部负责)\\n3.乙。(科技部负责)
    Good: 1.甲。(科技部负责)\\n2.乙。(科技部负责)
    """
    for numbered in _numbered(ctx):
        yield from _gaps(ctx, numbered)


def _gaps(ctx: Context, numbered: _Numbered) -> Iterator[Finding]:
    sequence, level = numbered.sequence, numbered.level
    for unit, unit_explained in zip(numbered.units, numbered.explained, strict=True):
        numbers = [sequence.effective[n] for n in unit]
        if numbers == list(range(1, len(numbers) + 1)):
            continue  # 1, 2, 3… in order: nothing missing (most units)
        present = set(numbers)
        ordered = sorted(unit, key=lambda n: (sequence.effective[n], n))
        # the numbers a gap may skip: the union made once for the unit, not once for each
        # number of each gap (in a plan of thousands of tasks, a union of thousands each)
        known = present | unit_explained
        previous = 0
        for n in ordered:
            number = sequence.effective[n]
            if number <= previous:
                continue
            if number == previous + 1:
                previous = number  # the next number: no gap to look into (nearly every item)
                continue
            missing = [m for m in range(previous + 1, number) if m not in known]
            if missing:
                item = sequence.items[n]
                first, last = _shown(level, missing[0]), _shown(level, missing[-1])
                yield ctx.finding(
                    item.span,
                    item.task,
                    variant="start" if previous == 0 and missing[0] == 1 else "",
                    missing=first if len(missing) == 1 else f"{first}—{last}",
                    previous=_shown(level, previous) if previous else "",
                    number=_shown(level, item.number),
                )
            previous = number


@rule("N003", "split-task", fix="safe")
def split_task(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 49.甲。(科技部负责)5\\n0.乙。(科技部负责)
    Good: 49.甲。(科技部负责)\\n50.乙。(科技部负责)
    """
    for task in plan.tasks:
        for broken in task.breaks:
            yield ctx.finding(
                broken.span,
                task,
                variant="" if broken.kind == "number" else broken.kind,
                fix=_repair(plan, broken),
                digits=plan.source.text[broken.span.start : broken.span.end],
                number=broken.detail or task.number_text,
                line=broken.span.line,
                anchor=f"{broken.kind}:{task.body[:20]}",
            )


def _repair(plan: Plan, broken: Break) -> list[Edit]:
    """The edits that mend a break: the digits moved to where their number goes on, the
    wrapped line joined, or a new line before the glued task."""
    if broken.kind == "number":
        digits = plan.source.text[broken.span.start : broken.span.end]
        return [
            Edit(broken.span.start, broken.span.end, ""),
            Edit(broken.other, broken.other, digits),
        ]
    if broken.kind == "text":  # the line break and the next line's indentation go
        return [Edit(broken.span.start, broken.other, "")]
    return [Edit(broken.other, broken.span.start, plan.source.newline)]


@rule("N004", "task-number-out-of-order")
def task_number_out_of_order(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.甲。(科技部负责)\\n3.乙。(科技部负责)\\n2.丙。(科技部负责)
    Good: 1.甲。(科技部负责)\\n2.乙。(科技部负责)\\n3.丙。(科技部负责)
    """
    for numbered in _numbered(ctx):
        yield from _disorder(ctx, numbered)


def _disorder(ctx: Context, numbered: _Numbered) -> Iterator[Finding]:
    sequence, level, verdicts = numbered.sequence, numbered.level, numbered.verdicts
    for item, expected, previous in sequence.departures:
        yield ctx.finding(
            item.span,
            item.task,
            variant="continues" if sequence.restarts(item) else "restart",
            number=_shown(level, item.number),
            previous=_shown(level, previous),
            expected=_shown(level, expected),
        )
    for n, kind, slot in verdicts:
        if kind != "order":
            continue
        item = sequence.items[n]
        previous = sequence.items[n - 1].number if n else 0
        yield ctx.finding(
            item.span,
            item.task,
            variant="expected" if slot else "",
            number=_shown(level, item.number),
            previous=_shown(level, previous) if previous else "",
            expected=_shown(level, slot) if slot else None,
            expected_text=_written(level, slot) if slot else None,
        )


@rule("N005", "heading-out-of-sequence", fix="unsafe")
def heading_out_of_sequence(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 一、甲\\n1.任务。(科技部负责)\\n三、乙\\n2.任务。(科技部负责)
    Good: 一、甲\\n1.任务。(科技部负责)\\n二、乙\\n2.任务。(科技部负责)
    """
    outline = ctx.shared(_Outline)
    for level in (1, 2, 3, 4):
        if level == plan.task_level:
            continue
        sequence = _sequence(plan, level, outline)
        want = {False: 1, True: 1}  # the next number of the run, and of a frame part apart
        last: dict[bool, _Item] = {}
        for n, item in enumerate(sequence.items):
            apart = n in sequence.apart  # (a frame part numbered on its own: from 1)
            before = last.get(apart, item)
            if item.document != before.document or (
                item.group != before.group and (apart or sequence.restarts(item))
            ):
                want[apart] = 1
            if item.number != want[apart]:
                yield _heading_finding(ctx, plan, item, level, want[apart])
            want[apart], last[apart] = item.number + 1, item


def _heading_finding(ctx: Context, plan: Plan, item: _Item, level: int, want: int) -> Finding:
    numeral = _numeral(level, want)
    return ctx.finding(
        item.span,
        None,
        fix=[Edit(item.span.start, item.span.end, numeral)],
        safe=False,
        level=Words(f"N005.level.{level}"),
        numeral=plan.source.text[item.span.start : item.span.end],
        expected=numeral,
    )
