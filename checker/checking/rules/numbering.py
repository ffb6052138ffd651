"""Numbering rules: task numbers (N001–N004) and heading numerals (N005).

One root cause gives one finding: a duplicate that stands where a missing number belongs
is one N001 that says which number it should be, not also an N002 for the gap.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate, compress
from operator import lt, ne

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


#: a numbered item: a task, or a heading (a frame item at the task level, or any item above it)
Item = Task | Heading


def _numeral_span(item: Item) -> Span:
    """Where an item's numeral is written (made when a finding asks: most items have none)."""
    return item.number_span if isinstance(item, Task) else item.numeral_span


def _task_of(item: Item) -> Task | None:
    """The task an item is, or None for a heading."""
    return item if isinstance(item, Task) else None


class _Items:
    """The numbered items of one level (or of a task table) in text order, as parallel
    lists: item ``n`` is ``items[n]``, numbered ``numbers[n]``, in group ``groups[n]`` (the
    items of one group sit under the same parent heading) and document ``documents[n]``
    (another document in the file, ``document_starts``, counts afresh); ``frames[n]`` says
    it is a part of the frame (a heading with no task under it: 指导思想, 工作目标), not a
    task. Lists, not an object for each item: making those was most of what numbering a
    plan cost, and the conventions are judged group by group (``_segments``), not item by
    item."""

    __slots__ = ("documents", "frames", "groups", "items", "numbers")

    def __init__(
        self,
        items: list[Item],
        numbers: list[int],
        groups: list[int],
        documents: list[int],
        frames: list[bool],
    ) -> None:
        self.items = items
        self.numbers = numbers
        self.groups = groups
        self.documents = documents
        self.frames = frames


class _Sequence(_Items):
    """The items of one level with the numbering convention the document uses.

    ``effective`` numbers are what each item should count as under that convention: in a
    document that restarts per section they are the numbers themselves, analysed group by
    group; in one numbered straight through, the numbers across all groups. A group that
    departs from the document's convention is reported once (``departures``) and shifted,
    so the rest of its numbers are judged, not reported again. Items ``apart`` (indexes) are
    frame parts numbered on their own (``_frames_apart``), each group a unit of its own.
    ``segments`` are the ``(first, end)`` index ranges of the runs of items in one group.
    """

    __slots__ = ("apart", "departures", "effective", "restarting", "segments")

    def __init__(
        self,
        items: _Items,
        segments: list[tuple[int, int]],
        restarting: frozenset[int],
        effective: list[int],
        departures: list[tuple[int, int, int]],
        apart: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__(items.items, items.numbers, items.groups, items.documents, items.frames)
        self.segments = segments
        #: the documents (``documents``) numbered afresh per part
        self.restarting = restarting
        self.effective = effective
        self.departures = departures  # (index of the group's first item, expected, previous)
        self.apart = apart

    def restarts(self, n: int) -> bool:
        """Does the document of item ``n`` number afresh in each part?"""
        return self.documents[n] in self.restarting


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
    """What the numbering rules read of a plan's tasks, gathered once for every level they
    judge (the task level for N001, N002 and N004 through ``_verdicts``, each heading level
    for N005), and the plan's ``document_starts``: made once a plan,
    ``ctx.shared(_Outline)``."""

    def __init__(self, plan: Plan) -> None:
        self.documents = document_starts(plan)
        tasks = plan.tasks
        # each task's level and start read once (a field of a task costs a lookup), and
        # the tasks and starts of each level picked by the levels (``compress``)
        levels = [task.level for task in tasks]
        starts = [task.start for task in tasks]
        picks = {level: [of == level for of in levels] for level in set(levels)}
        #: each level's tasks in text order, a task table's rows left out (their table
        #: numbers them: ``_table_sequence``)
        self.tasks: dict[int, list[Task]] = {
            level: list(compress(tasks, picked)) for level, picked in picks.items()
        }
        if plan.tables:  # asked of each task only where there is a table (most plans: none)
            self.tasks = {
                level: [t for t in own if not plan.in_table(t)] for level, own in self.tasks.items()
            }
        #: where each task of each level starts, a table's rows included
        self.starts: dict[int, list[int]] = {
            level: list(compress(starts, picked)) for level, picked in picks.items()
        }
        #: where every task starts, in order (a frame heading is one with no task under it)
        self.task_starts = sorted(starts)


def _items(plan: Plan, level: int, outline: _Outline) -> _Items:
    """Items of ``level`` in document order, grouped by the shallower heading above them;
    a task table's rows are numbered in their own table (``_table_sequence``)."""
    documents = outline.documents
    tasks = outline.tasks.get(level, [])
    headings = [h for h in plan.headings if h.level == level]
    if not tasks and not headings:
        return _Items([], [], [], [], [])  # a level the plan does not number (most use 2 or 3 of 4)
    parents = [h.span.start for h in plan.headings if h.level < level]
    parents += [
        start for above, starts in outline.starts.items() if above < level for start in starts
    ]
    parents += documents
    framed = _framed(plan, level, outline) if headings else frozenset()
    # tasks then headings, each in text order (the model's): merged in text order by where
    # their numerals start (a stable sort) only where both are there (frame items among
    # the tasks, tasks at a heading level)
    found: list[Item] = [*tasks, *headings]
    starts = [t.number_start for t in tasks] + [h.numeral_span.start for h in headings]
    numbers = [t.number for t in tasks] + [h.value for h in headings]
    frames = [False] * len(tasks) + [start in framed for start in starts[len(tasks) :]]
    if tasks and headings:
        order = sorted(range(len(found)), key=starts.__getitem__)
        found = [found[k] for k in order]
        starts = [starts[k] for k in order]
        numbers = [numbers[k] for k in order]
        frames = [frames[k] for k in order]
    return _Items(found, numbers, _before(parents, starts), _before(documents, starts), frames)


def _before(bounds: Iterable[int], starts: list[int]) -> list[int]:
    """For each of the ``starts`` (in order): how many of ``bounds`` come before it
    (``bisect_left(sorted(bounds), start)``), counted bound by bound: an item's group is the
    number of parent headings before it, its document the number of documents begun before
    it, and a plan has a few dozen such bounds for a hundred items or more."""
    steps = [0] * (len(starts) + 1)
    for bound in bounds:
        steps[bisect_right(starts, bound)] += 1  # every item after the bound is one further
    return list(accumulate(steps[:-1]))


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
    headings, tasks = plan.headings, plan.tasks
    # the first and the last item (the tasks and the headings are each in text order)
    ends = [t.number_start for t in (tasks[0], tasks[-1])] if tasks else []
    ends += [h.numeral_span.start for h in (headings[0], headings[-1])] if headings else []
    if not ends:
        return ()
    first, last = min(ends), max(ends)
    between = [p for p in plan.paragraphs if first < p.span.start <= last]
    if not between:
        return ()  # no line between two items: most plans (their title, notice, closing)
    starts = sorted([h.numeral_span.start for h in headings] + [t.number_start for t in tasks])
    # where the items numbered 1 start: the only ones a new document can begin with
    ones = {h.numeral_span.start for h in headings if h.value == 1}
    ones.update([t.number_start for t in tasks if t.number == 1])
    return tuple(
        p.span.start
        for p in between
        if starts[bisect_left(starts, p.span.start)] in ones and is_title_line(fold(p.text).strip())
    )


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
    rows: list[Item] = [t for t in plan.tasks if table.span.start <= t.start <= table.span.end]
    items = _Items(
        rows,
        [t.number for t in rows],
        [bisect_right(table.parts, t.start) for t in rows],
        [0] * len(rows),
        [False] * len(rows),
    )
    return _conventional(items, False)


def _segments(groups: list[int]) -> list[tuple[int, int]]:
    """The ``(first, end)`` index ranges of the runs of items in one group: the conventions
    are judged where a group starts, so once a group, not once an item."""
    if not groups:
        return []
    cuts = list(compress(range(1, len(groups)), map(ne, groups, groups[1:])))
    return list(zip([0, *cuts], [*cuts, len(groups)], strict=True))


def _conventional(items: _Items, tie_restarts: bool, frames_apart: bool = False) -> _Sequence:
    """The items' effective numbers under the convention most group starts keep (``tie_restarts``
    where they tie), with the groups that depart from it. With ``frames_apart``, frame parts
    numbered on their own are left out of the run (``_frames_apart``)."""
    numbers, groups, documents = items.numbers, items.groups, items.documents
    segments = _segments(groups)
    apart = _frames_apart(items, segments) if frames_apart else frozenset()
    # each group start of the run, with the run's item before it (of the same document)
    starts: list[tuple[int, int]] = []
    previous = -1  # the run's last item so far
    for first, end in segments:
        if first in apart:
            continue  # a frame part numbered on its own: outside the run
        if (
            previous >= 0
            and groups[first] != groups[previous]
            and documents[first] == documents[previous]
        ):
            starts.append((first, previous))
        previous = end - 1
    restarting = _restarting(items, starts, tie_restarts)
    effective = list(numbers)
    departures = []
    shift = 0
    group_starts = dict(starts)
    previous = -1
    for first, end in segments:
        if first in apart:
            continue
        number = numbers[first]
        if previous >= 0 and documents[first] != documents[previous]:
            shift = 0  # another document: its numbers are its own
        elif first in group_starts:
            before = numbers[group_starts[first]]
            restart = documents[first] in restarting
            if restart:
                shift = 0  # each part counts from its own start
                departs = number == before + 1 != 1
            else:  # a restarted part shifts the parts after it too: they follow it
                departs = number == 1 != before + 1
            if departs:
                expected = 1 if restart else effective[group_starts[first]] + 1
                shift = expected - number
                departures.append((first, expected, before))
        if shift:  # (the items of a group shifted with it: none in most plans)
            for n in range(first, end):
                effective[n] = numbers[n] + shift
        previous = end - 1
    return _Sequence(items, segments, restarting, effective, departures, apart)


def _restarting(items: _Items, starts: list[tuple[int, int]], tie_restarts: bool) -> frozenset[int]:
    """The documents whose group starts mostly restart at 1 (``tie_restarts`` where they
    tie): each document of a file keeps its own convention (赣市府办发〔2018〕44号: five plans,
    two numbered straight through, three afresh under each heading)."""
    numbers, documents = items.numbers, items.documents
    votes: dict[int, int] = dict.fromkeys(documents, 0)
    for n, before in starts:
        number, previous = numbers[n], numbers[before]
        if number == 1 != previous + 1:
            votes[documents[n]] += 1
        elif number == previous + 1 != 1:
            votes[documents[n]] -= 1
    return frozenset(d for d, vote in votes.items() if vote > 0 or (vote == 0 and tie_restarts))


def _frames_apart(items: _Items, segments: list[tuple[int, int]]) -> frozenset[int]:
    """Items of frame parts numbered on their own, outside the tasks' run: a group of frame
    items only (definitions, principles, steps, safeguards: 1.…3. under 三、基本原则) that
    starts at 1 and that the next group does not go on from (嘉定 2022 盘活: 二、适用范围 1.-5.,
    三、基本原则 1.-3., the tasks 1.-18. through 四、, 五、实施步骤 1.-3., 六、保障措施 1.-3.). A
    frame part the tasks go on from ((一)指导思想…(三), then the tasks from (四)) is in the run.
    Above the task level, a frame item is a heading with no task under it: 一、总体要求's
    (一)总体要求 (二)工作目标 are apart from the headings of the tasks, (一)…(八) under 二、 and
    (九)(十) under 三、, numbered straight through (宁政发〔2017〕 土壤污染防治)."""
    frames, numbers = items.frames, items.numbers
    if not any(frames):
        return frozenset()  # no frame item, no frame part (the task level of most plans)
    apart: set[int] = set()
    for g, (first, end) in enumerate(segments):
        if numbers[first] != 1 or not all(frames[first:end]):
            continue
        following = segments[g + 1][0] if g + 1 < len(segments) else None
        if following is None or numbers[following] != numbers[end - 1] + 1:
            apart.update(range(first, end))
    return frozenset(apart)


def _units(sequence: _Sequence) -> list[list[int]]:
    """Index lists analysed together: each group under restart, each document otherwise;
    each frame part apart on its own."""
    units: dict[tuple[str, int], list[int]] = {}
    for first, end in sequence.segments:
        if first in sequence.apart:
            key = ("apart", sequence.groups[first])
        elif sequence.restarts(first):
            key = ("group", sequence.groups[first])
        else:
            key = ("document", sequence.documents[first])
        units.setdefault(key, []).extend(range(first, end))
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
    first_use: dict[tuple[int, int], Item] = {}
    for n, item in enumerate(sequence.items):
        first_use.setdefault(_unit_number(sequence, n), item)
    for n, kind, slot in verdicts:
        if kind != "duplicate":
            continue
        item = sequence.items[n]
        yield ctx.finding(
            _numeral_span(item),
            _task_of(item),
            variant="expected" if slot else "",
            fix=_renumber(item, slot, level),
            safe=False,
            number=_shown(level, sequence.numbers[n]),
            first_line=_numeral_span(first_use[_unit_number(sequence, n)]).line,
            expected=_shown(level, slot) if slot else None,
            expected_text=_written(level, slot) if slot else None,
        )


def _unit_number(sequence: _Sequence, n: int) -> tuple[int, int]:
    """Item ``n``'s effective number with the part that numbers it (its group where the
    document restarts in each part, else its document): a number used twice there is a
    duplicate."""
    part = sequence.groups[n] if sequence.restarts(n) else sequence.documents[n]
    return part, sequence.effective[n]


def _renumber(item: Item, value: int | None, level: int) -> list[Edit] | None:
    """The edit that writes ``value`` in place of an item's numeral."""
    if value is None:
        return None
    span = _numeral_span(item)
    return [Edit(span.start, span.end, _numeral(level, value))]


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
                    _numeral_span(item),
                    _task_of(item),
                    variant="start" if previous == 0 and missing[0] == 1 else "",
                    missing=first if len(missing) == 1 else f"{first}—{last}",
                    previous=_shown(level, previous) if previous else "",
                    number=_shown(level, sequence.numbers[n]),
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
    for n, expected, previous in sequence.departures:
        item = sequence.items[n]
        yield ctx.finding(
            _numeral_span(item),
            _task_of(item),
            variant="continues" if sequence.restarts(n) else "restart",
            number=_shown(level, sequence.numbers[n]),
            previous=_shown(level, previous),
            expected=_shown(level, expected),
        )
    for n, kind, slot in verdicts:
        if kind != "order":
            continue
        item = sequence.items[n]
        previous = sequence.numbers[n - 1] if n else 0
        yield ctx.finding(
            _numeral_span(item),
            _task_of(item),
            variant="expected" if slot else "",
            number=_shown(level, sequence.numbers[n]),
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
        last: dict[bool, int] = {}  # the index of the last item of each
        groups, documents = sequence.groups, sequence.documents
        for n, number in enumerate(sequence.numbers):
            apart = n in sequence.apart  # (a frame part numbered on its own: from 1)
            before = last.get(apart, n)
            if documents[n] != documents[before] or (
                groups[n] != groups[before] and (apart or sequence.restarts(n))
            ):
                want[apart] = 1
            if number != want[apart]:
                yield _heading_finding(ctx, plan, sequence.items[n], level, want[apart])
            want[apart], last[apart] = number + 1, n


def _heading_finding(ctx: Context, plan: Plan, item: Item, level: int, want: int) -> Finding:
    numeral = _numeral(level, want)
    span = _numeral_span(item)
    return ctx.finding(
        span,
        None,
        fix=[Edit(span.start, span.end, numeral)],
        safe=False,
        level=Words(f"N005.level.{level}"),
        numeral=plan.source.text[span.start : span.end],
        expected=numeral,
    )
