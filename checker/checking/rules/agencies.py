"""Agency rules (G001–G009): every responsibility clause read against the registry."""

import re
from collections.abc import Iterator

from ...base.memo import per_text
from ...knowledge.agencies import Agency, Lookup, Registry, ended_before
from ...reading.clause import is_bare_list, lists_jointly
from ...reading.model import AgencyRef, Clause, Edit, Plan, Span, Task
from ...reading.text import fold
from ...reading.vocabulary import is_separator, words
from ..context import Context
from ..findings import Finding, Words
from ..profile import (
    Issuer,
    agency_names,
    binds_every_body,
    clause_participants,
    dominant_style,
    keeps_protocol_order,
    mixed_in_style,
    open_lists_are_convention,
    style_counts,
)
from ..registry import Option, rule


@rule("G001", "unknown-agency")
def unknown_agency(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.完善审查制度。(国家知识产权总局负责)
    Good: 1.完善审查制度。(国家知识产权局负责)
    """
    registry = ctx.agencies
    for unknown in ctx.shared(agency_names, registry).unknown:
        if unknown.registrable:
            continue  # a body of another domain or place: G011's summary
        name, uses, suggestion = unknown.name, unknown.uses, unknown.suggestion
        task, agency = uses[0]  # one name, one finding: where it is first written
        variant = "suggest" if suggestion else "local" if registry.is_local(name) else ""
        labels = list(dict.fromkeys(t.label for t, _ in uses))
        yield ctx.finding(
            agency.span,
            task,
            variant=".".join(v for v in (variant, "many" if len(uses) > 1 else "") if v),
            agency=name,
            suggestion=suggestion,
            count=len(uses),
            tasks=labels,
        )


@rule("G011", "unregistered-agencies", severity="info")
def unregistered_agencies(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进青少年足球发展。(体育总局、中国足球协会按职责分工负责)
    Good: 1.推进青少年足球发展。(体育总局、教育部按职责分工负责)
    """
    found = [u for u in ctx.shared(agency_names, ctx.agencies).unknown if u.registrable]
    if not found:
        return
    _, agency = found[0].uses[0]  # where the first of them is first written
    names = [u.name for u in found]
    yield ctx.finding(
        agency.span,
        None,
        variant="many" if len(names) > 1 else "",
        names="、".join(names),
        count=len(names),
        anchor=",".join(names),
    )


@rule(
    "G002",
    "agency-alias",
    fix="safe",
    options=(
        Option(
            "agency-style",
            "auto",
            choices=("auto", "council", "ministry"),
            help="auto: the style the document keeps; council: 发展改革委…; ministry: 国家发展改革委…",
        ),
    ),
)
def agency_alias(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进产业发展。(工信部负责)
    Good: 1.推进产业发展。(工业和信息化部负责)
    """
    registry = ctx.agencies
    configured = ctx.options["agency-style"]
    uses = ctx.shared(agency_names, registry).uses
    counts = style_counts(plan, registry, uses)
    issuer = ctx.shared(Issuer)
    style = dominant_style(plan, registry, configured, counts, issuer)
    mixed = mixed_in_style(plan, registry, configured, counts, issuer)
    # a name is looked up as one body wherever it is written (``agency_names``)
    found_by_name = {agency.name: found for _, agency, found in uses}
    if plan.source.kind != "pdf":  # a PDF's text layer spaces a justified line itself
        yield from _blanks_inside_names(plan, ctx, style)
    rewrite = _rewrites(registry, found_by_name, ctx, style, mixed)
    if not rewrite:
        return  # every name stands as written: most plans
    for task, agency, _ in uses:
        verdict = rewrite.get(agency.name)
        # a name written with blanks inside is the blank finding's
        if verdict is None or _blank_inside(plan.source.text, agency) is not None:
            continue
        variant, canonical = verdict
        yield ctx.finding(
            agency.span,
            task,
            variant=variant,
            fix=[Edit(agency.span.start, agency.span.end, canonical)],
            agency=agency.name,
            canonical=canonical,
            style=style,
        )


def _blanks_inside_names(plan: Plan, ctx: Context, style: str) -> Iterator[Finding]:
    """Every party of a clause, a body or a collective (各街  道), written with blanks inside
    its name: one finding each, the fix closing them up."""
    text = plan.source.text
    for task in plan.rows_and_tasks:
        for clause in task.clauses:
            parties = clause.parties
            # the parties are in text order: where no blank stands from the first one's start
            # to the last one's end (nearly every clause), none is written with one
            if not parties or not _holds_blank(text[parties[0].start : parties[-1].end]):
                continue
            for party in parties:
                closed = _blank_inside(text, party)
                if closed is None:
                    continue
                written = text[party.start : party.end]
                yield ctx.finding(
                    party.span,
                    task,
                    variant="blank",
                    fix=[Edit(party.span.start, party.span.end, closed)],
                    agency=written,
                    canonical=closed,
                    style=style,
                )


def _holds_blank(written: str) -> bool:
    """Does a text hold a blank (what ``str.split`` splits at)? ``split`` gives a text
    without one back as it is, in a list of one."""
    return written.split() != [written]


def _blank_inside(text: str, party: AgencyRef) -> str | None:
    """The name a clause writes with blanks inside it, closed up (市商 务局 → 市商务局, 工信  局:
    a printed document's wrapped lines kept by the Word file made from it, 锡委办发〔2020〕19号,
    锡新办发〔2020〕13号), or None. The clause reading closes such blanks up, and a district's
    unprefixed 工信局 may be read as its own body (the name then longer than what is written):
    the text still holds the blanks."""
    written = text[party.start : party.end]
    if written == party.name:
        return None  # nearly every name: written as read
    closed = "".join(written.split())
    if closed == written:
        return None  # no blank inside: read otherwise (a shared level prefix added)
    return closed if party.name.endswith(closed) else None


def _rewrites(
    registry: Registry,
    found_by_name: dict[str, Lookup | None],
    ctx: Context,
    style: str,
    mixed: str | None,
) -> dict[str, tuple[str, str]]:
    """The names G002 rewrites, each with its (variant, canonical name): a name's verdict
    depends on the name alone, so it is judged once per name (the 2024 plan writes 43
    names 230 times), and the uses are read again only for the names to rewrite."""
    standard = _local_bodies_in_standard_form(registry, found_by_name)
    rewrite = {}
    for name, found in found_by_name.items():
        if found is None or _own_local_name(registry, found, standard):
            continue
        verdict = _alias_verdict(registry, found, name, ctx, style, mixed)
        if verdict is not None:
            rewrite[name] = verdict
    return rewrite


def _local_bodies_in_standard_form(
    registry: Registry, found_by_name: dict[str, Lookup | None]
) -> frozenset[str]:
    """The local bodies (known through the mirror) a plan writes in the mirror's standard
    form somewhere (市发展改革委), from each name it writes and what it is looked up as."""
    return frozenset(
        found.agency.name
        for found in found_by_name.values()
        if found is not None and found.form == "name" and registry.is_mirrored(found.agency)
    )


def _own_local_name(registry: Registry, found: Lookup, standard: frozenset[str]) -> bool:
    """A local body written in a short form of the place's own (市发改委, 市住建局, 区卫健委)
    or in its full name (省人力资源和社会保障厅, the name most provinces' departments bear,
    安徽省 2021): a place names its own bodies, and a city's or district's documents write
    these forms as their usage (成都市 2022, 宁波市 2019, 宝山区 2019 in tests/corpus), so the
    form stands, unless the plan writes the same body in the standard form too (then the two
    differ and G002 asks for one)."""
    return (
        found.form in ("alias", "full")
        and registry.is_mirrored(found.agency)
        and found.agency.name not in standard
    )


def _alias_verdict(
    registry: Registry, found: Lookup, name: str, ctx: Context, style: str, mixed: str | None
) -> tuple[str, str] | None:
    """(variant, canonical name) when G002 should rewrite a name written ``name`` and looked
    up as ``found``; None when the name stands as written."""
    if found.agency.brand_of:
        return None
    _, changed = registry.current(found.agency, ctx.year, ctx.month)
    if changed is not None:
        return None  # renamed: G003 reports it, with the successor's name
    body = found.agency
    if found.form in ("name", "short"):
        written_style = "council" if found.form == "short" else "ministry"
        both_styles = found.form == "name" and name in body.short  # 中央网信办
        if not body.short or both_styles or written_style != mixed:
            return None
        variant = "style"
    else:
        variant = ""
    canonical = body.preferred(style)
    return None if canonical == name else (variant, canonical)


@rule("G003", "renamed-agency", fix="safe")
def renamed_agency(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.开展商标执法。(国家工商总局负责)
    Good: 1.开展商标执法。(市场监管总局负责)
    """
    registry = ctx.agencies
    # a body's fate depends on the body and the plan's date alone: judged once per body
    fates: dict[str, tuple[Agency, int] | None] = {}
    for task, agency, found in ctx.shared(agency_names, registry).uses:
        if found is None:
            continue
        name = found.agency.name
        if name not in fates:
            fates[name] = _fate(registry, found.agency, ctx.year, ctx.month)
        fate = fates[name]
        if fate is None:
            continue
        current, changed = fate
        date = _when_ended(found.agency, changed)
        if ended_before(current, ctx.year, ctx.month):
            yield ctx.finding(
                agency.span,
                task,
                variant="abolished",
                agency=agency.name,
                year=changed,
                date=date,
            )
            continue
        # a local body's successor is its counterpart as the mirror names it (省工商局 →
        # 省市场监管局); places named theirs in their own ways (县卫生健康局, 市自然资源和规划局):
        # a suggestion to check, so the fix is unsafe
        local = registry.is_mirrored(found.agency)
        yield ctx.finding(
            agency.span,
            task,
            variant=_renamed_variant(local, ctx.year),
            fix=[Edit(agency.span.start, agency.span.end, current.name)],
            safe=not local,
            agency=agency.name,
            year=changed,
            date=date,
            event=Words("G003.reorganised"),
            plan_year=ctx.year,
            successor=current.name,
        )


def _fate(
    registry: Registry, agency: Agency, year: int | None, month: int | None
) -> tuple[Agency, int] | None:
    """(the body in place at the plan's date, the year it changed) for a body renamed or
    ended by then, or None for one still in place."""
    current, changed = registry.current(agency, year, month)
    if changed is None and ended_before(current, year, month):
        changed = current.ended  # ended with no successor (an office's registry says so)
    return None if changed is None else (current, changed)


def _renamed_variant(local: bool, year: int | None) -> str:
    """Which G003 message: a plan of a known year is told what a plan of that year names;
    one that says its year nowhere is judged by today's names, and told so."""
    kind = "local" if local else ""
    if year is None:
        return f"{kind}-undated" if kind else "undated"
    return kind


def _when_ended(agency: Agency, year: int | None) -> str | None:
    """When a body was renamed or abolished, as ISO text: ``2018-03`` where the registry
    knows the month (the messages say it: 已于2018年3月改组), else the year."""
    if year is None:
        return None
    month = agency.ended_month if agency.ended == year else None
    return f"{year}-{month:02d}" if month else str(year)


@rule("G004", "duplicate-agency", fix="safe")
def duplicate_agency(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进制度建设。(国家知识产权局、科技部、国知局按职责分工负责)
    Good: 1.推进制度建设。(国家知识产权局、科技部按职责分工负责)
    """
    registry = ctx.agencies
    # the body each name stands for at the plan's date (its own name where none), looked up
    # once a plan: the 2024 plan writes 43 names 230 times
    bodies: dict[str, str] = {}
    for task in plan.rows_and_tasks:
        for clause in task.clauses:
            if len(clause.agencies) < 2:
                continue  # one body cannot be named twice: half the clauses
            seen: dict[str, AgencyRef] = {}
            for agency in clause.agencies:
                key = bodies.get(agency.name)
                if key is None:
                    body = registry.resolve(agency.name, ctx.year, ctx.month)
                    key = bodies[agency.name] = body.name if body else agency.name
                if key in seen:
                    yield ctx.finding(
                        agency.span,
                        task,
                        fix=[_delete_listed(plan, agency)],
                        # the same spelling twice needs no "same body as" aside
                        variant="" if agency.name != seen[key].name else "same",
                        agency=agency.name,
                        first=seen[key].name,
                    )
                else:
                    seen[key] = agency


def _delete_listed(plan: Plan, agency: AgencyRef) -> Edit:
    """Delete an agency with the separator before it (``、X``)."""
    text = plan.source.text
    start = agency.span.start
    if start > 0 and is_separator(text[start - 1]):
        start -= 1
    return Edit(start, agency.span.end, "")


@rule("G005", "vague-clause", severity="warning")
def vague_clause(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进改革。(财政部、国家知识产权局等部门负责)
    Good: 1.推进改革。(财政部、国家知识产权局、中央宣传部按职责分工负责)
    """
    vague = [(t, c) for t in plan.rows_and_tasks for c in t.clauses if c.vague]
    if not vague:
        return  # no open list, no vague phrase: most plans
    convention = open_lists_are_convention(plan, ctx.shared(Issuer))
    for task, clause in vague:
        if (
            not (clause.agencies and convention)
            and not binds_every_body(task, clause)
            and not _led_elsewhere(task, clause)
        ):
            yield ctx.finding(clause.span, task, phrase=clause.vague)


@rule("G006", "shared-single-agency", severity="warning", fix="unsafe")
def shared_single_agency(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进改革。(国家知识产权局按职责分工负责)
    Good: 1.推进改革。(国家知识产权局负责)
    """
    shared = [(t, c) for t in plan.rows_and_tasks for c in t.clauses if c.shared]
    for task, clause in shared:
        if clause.vague or len(clause.agencies) != 1 or clause.subjects:
            continue
        found = ctx.agencies.lookup(clause.agencies[0].name)
        if found is not None and found.agency.is_collective:
            continue  # 联席会议有关成员单位: many bodies under one name
        at = fold(clause.inner).find("按职责分工")
        start = clause.span.start + 1 + at
        yield ctx.finding(
            clause.span,
            task,
            fix=[Edit(start, start + len("按职责分工"), "")] if at >= 0 else None,
            safe=False,
            agency=clause.agencies[0].name,
        )


@rule(
    "G007",
    "protocol-order",
    severity="warning",
    fix="unsafe",
    options=(
        Option(
            "protocol-order",
            "auto",
            choices=("auto", "always", "never"),
            help="auto: judged where the document itself keeps protocol order (8 in 10 clauses)",
        ),
    ),
)
def protocol_order(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.甲。(科技部、外交部、商务部负责)\\n2.乙。(科技部、教育部、财政部负责)\\n3.丙。(科技部、公安部、海关总署负责)\\n4.丁。(科技部、中央宣传部、外交部负责)\\n5.推进合作。(国家知识产权局、商务部、外交部按职责分工负责)
    Good: 1.甲。(科技部、外交部、商务部负责)\\n2.乙。(科技部、教育部、财政部负责)\\n3.丙。(科技部、公安部、海关总署负责)\\n4.丁。(科技部、中央宣传部、外交部负责)\\n5.推进合作。(国家知识产权局、外交部、商务部按职责分工负责)
    """
    registry = ctx.agencies
    participants = ctx.shared(clause_participants, registry, ctx.year, ctx.month)
    configured = ctx.options["protocol-order"]
    issuer = ctx.shared(Issuer)
    if not keeps_protocol_order(
        plan, registry, ctx.year, configured, participants, ctx.month, issuer
    ):
        return
    for task, _, named in participants.clauses:  # those of two participants or more
        known, keys = participants.ranked(named)
        if keys == sorted(keys):
            continue
        ordered = [a for a, _ in sorted(zip(known, keys, strict=True), key=lambda k: k[1])]
        misplaced = next(a for a, want in zip(known, ordered, strict=True) if a is not want)
        edits = None
        if len(known) == len(named):
            edits = [
                Edit(old.span.start, old.span.end, new.name)
                for old, new in zip(known, ordered, strict=True)
                if old is not new
            ]
        yield ctx.finding(
            misplaced.span,
            task,
            fix=edits,
            safe=False,
            agency=misplaced.name,
            expected="、".join(a.name for a in ordered),
            anchor=",".join(a.name for a in known),
        )


@rule("G008", "missing-clause")
def missing_clause(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进改革试点。(科技部负责)\\n2.完善制度。(财政部负责)\\n3.加强宣传。
    Good: 1.推进改革试点。(科技部负责)\\n2.完善制度。(财政部负责)\\n3.加强宣传。(中央宣传部负责)
    """
    registry = ctx.agencies
    for task in plan.rows_and_tasks:
        clause = task.clause
        if clause is not None:
            if (
                clause.parties
                and not _has_lead(clause.parties)
                and not _led_elsewhere(task, clause)
            ):
                # a table row whose lead column is empty: participants but nobody leads
                yield ctx.finding(clause.span, task, variant="nolead", anchor="nolead")
            continue
        last = task.parens[-1] if task.parens else None
        at_end = last is not None and last.span.end >= task.body_span.end
        if last is not None and at_end and _names_agencies(registry, last.inner):
            yield ctx.finding(last.span, task, variant="noword", text=last.inner)
            continue
        cell = _responsibility_column(plan, task)
        if cell is not None:  # a table's row: its responsibility cell is empty
            yield ctx.finding(cell[1], task, variant="row", column=cell[0], anchor="row")
            continue
        end = task.body_span
        yield ctx.finding(end, task, anchor=task.body[-20:])


def _responsibility_column(plan: Plan, task: Task) -> tuple[str, Span] | None:
    """The header of the lead column of the task table a task is a row of (牵头单位,
    责任单位…) and the row's cell in it, or None for a task of the text."""
    for table in plan.tables:
        if not table.span.start <= task.span.start <= table.span.end:
            continue
        lead = next((n for n, role in enumerate(table.roles) if role == "lead"), None)
        row = next((r for r in table.rows if r.span.start <= task.span.start <= r.span.end), None)
        if lead is None or row is None or lead >= len(row.cells):
            return None
        return table.headers[lead].strip(), row.cells[lead]
    return None


def _has_lead(parties: tuple[AgencyRef, ...]) -> bool:
    """Whether a clause that names parties names who answers for the task: a lead, the
    body that guides (市发展改革委指导) where none is named to lead, or bodies that each
    answer for their own part (A、B分别负责). A loop, not ``any`` over a generator: G008
    asks it of every clause of every plan, and a generator made for each cost G008 most of
    its time (callgrind)."""
    for party in parties:  # noqa: SIM110 (the loop is the point: see the docstring)
        if party.role in ("lead", "guide", "separate"):
            return True
    return False


def _led_elsewhere(task: Task, clause: Clause) -> bool:
    """Is a clause that names no lead (协同单位:B、C等有关部门) the rest of an assignment whose
    lead another clause of the task names (its title: （一）A牵头的工作, or an earlier clause)?
    Then its parties assist a named lead: neither a task without a lead (G008) nor a vague
    one (G005)."""
    return not _has_lead(clause.parties) and any(
        _has_lead(other.parties) for other in task.clauses if other is not clause
    )


def _names_agencies(registry: Registry, inner: str) -> bool:
    names = [n for n in re.split(r"[、,，]", inner) if n.strip()]
    return bool(names) and all(registry.lookup(n) is not None for n in names)


def _claims_first_lead(clause: Clause) -> bool:
    """Does a clause shared by several bodies rest on the first-named-leads convention? Not
    where it marks its lead (牵头), lists bodies jointly responsible (责任单位:A、B, or a bare
    list with no role word, (市发改委、财政局,无锡国税局、地税局), 锡政发 2011), or has each answer
    for its own part (A、B分别负责): none of these names a lead by place."""
    if clause.lead_marked or lists_jointly(clause.label) or _bare_list(clause.inner):
        return False
    return not any(p.role == "separate" for p in clause.parties)


@per_text()
def _bare_list(inner: str) -> bool:
    """Is a clause's text a bare list of bodies (``is_bare_list``)? Kept per text: the
    list is read with the clause grammar, and a plan's clauses repeat (国家知识产权局负责)."""
    return is_bare_list(fold(inner))


def _shared_clauses(tasks: tuple[Task, ...]) -> Iterator[tuple[Task, Clause]]:
    """Each clause that names two agencies or more, with its task, as the tasks are read
    (no list of them: in a plan of thousands of tasks, such a list's pairs outlive enough
    allocations to go through the garbage collector's full collections)."""
    for task in tasks:
        for clause in task.clauses:
            if len(clause.agencies) > 1:
                yield task, clause


def _end_of(task: Task) -> Span:
    """Where the closing lead statement is missing: the end of the plan's last task, after
    which the drafter adds it (the clause that closes the task, else its text), not the
    first shared task, which is right as it stands."""
    return task.clause.span if task.clause is not None else task.body_span


@rule("G009", "lead-statement")
def lead_statement(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进改革。(科技部、财政部按职责分工负责)
    Good: 1.推进改革。(科技部、财政部按职责分工负责)\\n上述各项任务分工中,由多个部门负责的,列第一位的部门为牵头部门,其他为参与部门。
    """
    tasks = plan.rows_and_tasks
    # a paragraph of its own (上述各项任务分工中…列第一位的部门为牵头部门), as most plans state
    # it, read first: the clauses' notes (排在第一位的部门为牵头部门,下同) only where none does
    stated = any(
        "牵头" in p.text and any(word in p.text for word in words("first_place"))
        for p in plan.paragraphs
    ) or any(c.lead_note for t in tasks for c in t.clauses)
    if not stated and ctx.shared(Issuer).kind in ("department", None):
        # only a single department's plan must say who leads (rules/layout.yaml, issuers:);
        # a 责任单位 list names bodies jointly responsible: it claims no lead to explain
        unmarked = [t for t, c in _shared_clauses(tasks) if _claims_first_lead(c)]
        if unmarked:
            last = plan.tasks[-1] if plan.tasks else unmarked[-1]
            # the finding is the last task's, after which the statement goes: its number
            # (JSON ``task``, a per-task ignore, a baseline entry) as its place is
            yield ctx.finding(
                _end_of(last), last, count=len(unmarked), last=last.label, anchor="missing"
            )
        return
    if not stated:
        # the first-named lead is then only the family's standing convention (a government's
        # document, a coordinating body's, a joint one), which a clause's own 牵头 overrides:
        # 牵头 marks the lead wherever it stands, and no statement of the document disagrees
        return
    for task, clause in _shared_clauses(tasks):
        if not clause.lead_marked or clause.agencies[0].role == "lead":
            continue  # no 牵头, or the lead it marks stands first: as the statement says
        if not any(a.role == "lead" for a in clause.agencies):
            continue  # no lead at all: G008 says so
        lead = clause.lead
        assert lead is not None
        yield ctx.finding(lead.span, task, variant="inconsistent", agency=lead.name)
