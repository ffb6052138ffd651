"""HTML pages: the lint findings, the drafting report of one plan, and the plan diff.

One template family (``templates/base.html`` + macros), autoescaped; CSS and the little
JavaScript are inlined so each page is one self-contained file. jinja2 is imported here only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from ... import __version__, locale
from ...reading.text import cn_to_int
from . import RenderOptions, fix_payload, message, summary_lines
from .catalogue import rule_info

TEMPLATES = Path(__file__).with_name("templates")
_CELL_BAR = re.compile(r"\s*\|\s*")
_NUMERAL = re.compile(r"\d+|[零〇一二两三四五六七八九十]+")
_WRITTEN = ("{}、", "（{}）", "{}.", "（{}）")  # an item's number by its level
_ROLE_ORDER = ("lead", "responsible", "separate", "participant", "cooperate", "guide")
_CONTEXT = 24  # characters of unchanged text shown beside a fix


@cache
def _environment():
    # No bytecode cache: compiled templates are code, and nothing read back from the cache
    # directory (which CI may restore from an untrusted branch) may be executed.
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _page(template: str, lang: str, specs=None, **context: Any) -> str:
    catalogue = locale.catalogue(lang)
    titles = locale.rule_titles(lang, (specs or {}).values())
    return (
        _environment()
        .get_template(template)
        .render(
            lang=lang,
            version=__version__,
            t=catalogue.HTML,
            unit=_unit(catalogue.HTML),
            separator=catalogue.UI["list_separator"],  # 、 between 二（一）、三（二）
            titles=titles,
            css=(TEMPLATES / "style.css").read_text(encoding="utf-8"),
            js=(TEMPLATES / "filters.js").read_text(encoding="utf-8"),
            **context,
        )
    )


def _unit(words: dict[str, str]):
    """``unit(n, "tasks")``: the label for n things, in the number it agrees with where the
    language has one (``{n:task|tasks}``, ``locale.Count``; Chinese has no plural)."""

    def unit(count: int, key: str) -> str:
        return locale.fill(words[key], {"n": count})

    return unit


def finding_view(found, source, lang: str) -> dict[str, Any]:
    fix = fix_payload(source, found)
    return {
        "code": found.code,
        "severity": found.severity,
        "line": found.line,
        "column": found.column,
        "task": found.task,
        # as drafters cite it (二（一）, （三）2 where numbers restart), as the message does
        "task_label": found.args.get("task", found.task) if found.task is not None else None,
        "message": message(found, lang, source),
        "fix": fix["replacement"] if fix else None,
        "fix_kind": fix["applicability"] if fix else None,
        "change": fix_pieces(source, found) if fix else [],
        "place": locale.place(lang, found) or _line_place(lang, found),
        "href": _word_link(found, source),
        "in_table": bool(found.place) and "table" in found.place_dict(),
    }


def _line_place(lang: str, found) -> str:
    """Where a finding in a text file is, as a reader counts: 第19行第38字, line 19, col 38."""
    return locale.catalogue(lang).HTML["at"].format(line=found.line, column=found.column)


def fix_pieces(source, found, context: int = _CONTEXT) -> list[tuple[str, str]]:
    """A fix as the drafter reads it: (op, text) with op equal/delete/insert, made from the
    fix's own edits (no guessing by a diff), with ``context`` characters of the line kept
    on each side of a change and the rest cut to …, so the change is what stands out."""
    edits = sorted(set(found.fix.edits), key=lambda e: (e.start, e.end))
    text = source.text
    first = source.position(edits[0].start)[0]
    last = source.position(max(e.end for e in edits))[0]
    start, end = source.line_starts[first - 1], source.line_end(last)
    pieces: list[tuple[str, str]] = []
    cursor = start
    for edit in edits:
        if edit.start < cursor:
            continue  # overlaps one already shown (applied by a later --fix pass)
        pieces.append(("equal", text[cursor : edit.start]))
        if edit.end > edit.start:
            pieces.append(("delete", text[edit.start : edit.end]))
        if edit.text:
            pieces.append(("insert", edit.text))
        cursor = edit.end
    pieces.append(("equal", text[cursor:end].rstrip("\r\n")))
    return _trimmed(pieces, context)


def _trimmed(pieces: list[tuple[str, str]], context: int) -> list[tuple[str, str]]:
    """Unchanged runs shortened to ``context`` characters beside each change."""
    result = []
    last = len(pieces) - 1
    for n, (op, run) in enumerate(pieces):
        if op == "equal":
            keep_left = 0 if n == 0 else context  # the text after a change
            keep_right = 0 if n == last else context  # the text before the next change
            if len(run) > keep_left + keep_right + 1:
                run = run[:keep_left] + "…" + run[len(run) - keep_right :]
            if not run:
                continue
        result.append((op, run))
    return result


def _word_link(found, source) -> str | None:
    """A link to the Word file a finding is in, beside its paragraph or row number (a
    browser hands the file to Word or WPS; the number says where to look)."""
    if source is None or source.kind != "docx" or not found.place:
        return None
    return Path(found.path).resolve().as_uri()


def _by_rule(findings: list[dict[str, Any]], lang: str, specs) -> list[dict[str, Any]]:
    counts = Counter(f["code"] for f in findings)
    severity = {f["code"]: f["severity"] for f in findings}
    titles = locale.rule_titles(lang, (specs or {}).values())
    return [
        {"code": code, "count": n, "severity": severity[code], "title": titles.get(code, code)}
        for code, n in sorted(counts.items())
    ]


def _rules(specs, codes, lang: str) -> list[dict[str, Any]]:
    return [rule_info(specs[c], lang) for c in sorted(codes) if c in specs]


def render(run, options: RenderOptions) -> str:
    """``lint --format html``: the findings of every file, with the rules they cite."""
    files, everything = [], []
    for report in run.files:
        views = [finding_view(f, report.source, options.lang) for f in report.findings]
        everything.extend(views)
        error = locale.error(options.lang, report.error) if report.error else None
        files.append({"path": report.path, "error": error, "findings": views})
    specs = options.rules or {}
    summary = " ".join(summary_lines(run, options))
    return _page(
        "lint.html",
        options.lang,
        specs=specs,
        files=files,
        summary=summary,
        by_rule=_by_rule(everything, options.lang, specs),
        rules=_rules(specs, {f["code"] for f in everything}, options.lang),
    )


def _clause_parts(task) -> list[dict[str, Any]]:
    """The clause's text cut into agencies (the lead marked) and the words between."""
    clause = task.clause
    if clause is None:
        return []
    start = clause.span.start + 1
    text = clause.inner
    parts, cursor = [], 0
    for agency in clause.parties or clause.agencies:
        at = agency.span.start - start
        if at < cursor:
            continue
        if at > cursor:
            between = _CELL_BAR.sub("；", text[cursor:at])  # a table's lead | participants
            parts.append({"text": between, "agency": False, "lead": False})
        parts.append(
            {
                "text": agency.name,
                "agency": True,
                "lead": agency.role == "lead",
                "role": agency.role,  # lead, participant, cooperate, guide or separate: its class
            }
        )
        cursor = at + (agency.span.end - agency.span.start)
    if cursor < len(text):
        parts.append({"text": text[cursor:], "agency": False, "lead": False})
    return parts


def _task_index(plan, found) -> int | None:
    """The task a finding belongs to: the one whose text holds it, else the first with its
    number (a finding on a task's number or clause lies inside the task's span). A finding
    in an annexed task table (附件：重点任务分工表) is about the table's row, not the text's
    task of that number, which may be fine: it is listed with the table's place instead."""
    if found.task is None:
        return None
    starts = [t.span.start for t in plan.tasks]
    at = bisect_right(starts, found.start) - 1
    if at >= 0 and found.start < plan.tasks[at].span.end:
        return plan.tasks[at].index
    where = found.place_dict() if found.place else None
    if where and "table" in where:
        return None
    return next((t.index for t in plan.tasks if t.number == found.task), None)


def task_anchors(tasks) -> dict[int, str]:
    """Each task's HTML id, by its index: ``task-50`` where the task's label is its number
    alone (drafters bookmark ``#task-50``), ``task-2-1`` for ``二（一）`` where numbers restart
    in each part, so the anchor stays put when a task is added to another part. A number
    written twice (N001) gets ``-2``, ``-3``…: every id is unique, the first keeps its own."""
    anchors: dict[int, str] = {}
    used: set[str] = set()
    for task in tasks:
        path = [_numeral(n) for n in _NUMERAL.findall(task.qualifier)] + [task.number]
        anchor = base = "task-" + "-".join(map(str, path))
        repeat = 1
        while anchor in used:
            repeat += 1
            anchor = f"{base}-{repeat}"
        used.add(anchor)
        anchors[task.index] = anchor
    return anchors


def _numeral(text: str) -> int | str:
    """A qualifier's numeral as a number: 二 → 2, 12 → 12 (as written if it is neither)."""
    if text.isdigit():
        return int(text)
    return cn_to_int(text) or text


def task_links(tasks) -> dict[int, dict[str, str]]:
    """Links to the tasks of the page by index, each shown as drafters cite the task: 50,
    （十五）, 二（一）."""
    anchors = task_anchors(tasks)
    return {t.index: {"anchor": anchors[t.index], "label": t.label} for t in tasks}


def _blocks(plan, findings_by_task, links: dict[int, dict[str, str]]) -> list[dict[str, Any]]:
    items = [(h.span.start, "h", h) for h in plan.headings] + [
        (t.span.start, "t", t) for t in plan.tasks
    ]
    blocks = []
    for _, kind, item in sorted(items, key=lambda x: x[0]):
        if kind == "h":  # any of the four levels: 一、 （一） 1. （1）
            anchor = f"section-{item.value}" if item.level == 1 else ""
            blocks.append(
                {
                    "kind": "heading",
                    "level": item.level,
                    "written": _WRITTEN[item.level - 1].format(item.numeral),
                    "title": item.title,
                    "anchor": anchor,
                }
            )
            continue
        found = findings_by_task.get(item.index, [])
        names = [a.name for a in item.clause.agencies] if item.clause else []
        blocks.append(
            {
                "kind": "task",
                "anchor": links[item.index]["anchor"],
                "written": _written_number(item),
                "body": item.body,
                "clause": _clause_parts(item),
                "findings": found,
                "errors": any(f["severity"] == "error" for f in found),
                "rules": " ".join(sorted({f["code"] for f in found})),
                "agency_names": " ".join(names),
                "deadline": item.deadline or (item.clause.deadline if item.clause else None),
            }
        )
    return blocks


def render_report_page(
    report, options: RenderOptions, previous=None, agencies=(), next_year=()
) -> str:
    """The drafting report of one plan (``plancheck report``): its findings, ``agencies``
    (AgencyRow), ``next_year`` (YearItem) and ``previous``, its diff against last year's plan
    when there is one. The analyses are made by the caller; this only lays them out."""
    lang, specs, diff = options.lang, options.rules or {}, previous
    plan = report.plan
    views = [finding_view(f, report.source, lang) for f in report.findings]
    by_task: dict[int, list] = {}  # by the task's index: numbers repeat where parts restart
    elsewhere = []  # about the document, or a row of an annexed task table
    for found, view in zip(report.findings, views, strict=True):
        index = _task_index(plan, found)
        if index is not None:
            by_task.setdefault(index, []).append(view)
        else:
            elsewhere.append(view)
    title = "".join(p.text for p in plan.paragraphs_of("title"))  # a title over two lines
    number = plan.paragraph("doc_number")
    severities = Counter(v["severity"] for v in views)
    sections = [
        {"anchor": f"section-{h.value}", "numeral": h.numeral, "title": h.title}
        for h in plan.headings
        if h.level == 1
    ]
    catalogue = locale.catalogue(lang)
    links = task_links(plan.tasks)
    blocks = _blocks(plan, by_task, links)
    diff_view = None
    if diff is not None:
        pairs = []
        for pair in diff.pairs:
            if pair.status == "unchanged":
                continue
            inline = pair.changes()
            moved = pair.status == "moved"  # cited with the headings it left
            pairs.append(
                {
                    "status": pair.status,
                    "old": [diff.old.place(t) if moved else t.label for t in pair.old],
                    "new": [
                        {**links[t.index], "label": plan.place(t)} if moved else links[t.index]
                        for t in pair.new
                    ],
                    "inline": inline,
                    "added": pair.added,
                    "removed": pair.removed,
                    "lead_changed": pair.lead_changed and bool(pair.old and pair.new),
                    "old_lead": pair.old_lead,
                    "new_lead": pair.new_lead,
                    "renamed": pair.renamed,
                    "roles_changed": _roles_changed(pair, lang),
                    "text": "" if inline else (pair.new or pair.old)[0].body,
                    **_title_view(pair, lang),
                }
            )
        diff_view = {
            "old_path": diff.old.path,
            "old_tasks": len(diff.old.tasks),
            "counts": diff.counts(),
            "pairs": pairs,
        }
    return _page(
        "report.html",
        lang,
        specs=specs,
        plan={
            "title": title or Path(plan.path).stem,
            "path": plan.path,
            "year": plan.year,
            "doc_number": number.text if number else None,
            "tasks": len(plan.tasks),
            "sections": len(sections),
        },
        severities={"error": severities.get("error", 0), "warning": severities.get("warning", 0)},
        by_rule=_by_rule(views, lang, specs),
        doc_findings=[v for v in elsewhere if not v["in_table"]],
        table_findings=[v for v in elsewhere if v["in_table"]],
        sections=sections,
        blocks=blocks,
        roles=_roles_shown(blocks, lang),
        agencies=[_agency_view(row, links) for row in agencies],
        next_year=[_year_view(item, lang, links) for item in next_year],
        kinds=catalogue.KINDS,
        statuses=_statuses(lang),
        diff=diff_view,
        rules=_rules(specs, {v["code"] for v in views}, lang),
    )


def _roles_shown(blocks: list[dict[str, Any]], lang: str) -> list[tuple[str, str]]:
    """The roles the plan's clauses give, each with its name, in the order of a clause
    (牵头, 负责, 参与, 配合, 指导): the legend of how the plan text marks them."""
    present = {
        part["role"]
        for block in blocks
        for part in block.get("clause", ())
        if part["agency"] and part.get("role")
    }
    words = locale.catalogue(lang).HTML
    return [(role, words[f"role.{role}"]) for role in _ROLE_ORDER if role in present]


def _agency_view(row, links: dict[int, dict[str, str]]) -> dict[str, Any]:
    """An agency's row with links to the very tasks it leads and joins (by index: numbers
    repeat where parts restart)."""
    return {
        "name": row.name,
        "known": row.known,
        "leads": [links[i] for i in row.lead_tasks],
        "joins": [links[i] for i in row.join_tasks],
    }


def _roles_changed(pair, lang: str) -> list[tuple[str, str, str]]:
    """A body both tasks name in another role (参与 → 配合), the roles in words."""
    return [
        (name, locale.text(lang, f"agencies.role.{old}"), locale.text(lang, f"agencies.role.{new}"))
        for name, old, new in pair.roles_changed
    ]


def _title_view(pair, lang: str) -> dict[str, Any]:
    """The cited titles that changed in a pair, and the laws revised between the editions
    (their dates written the reader's way)."""
    return {
        "titles_removed": [f"《{t}》" for t in pair.titles_removed],
        "titles_added": [f"《{t}》" for t in pair.titles_added],
        "revised": [(title, locale.date_words(lang, date)) for title, date in pair.revised],
    }


def _year_view(item, lang: str, links: dict[int, dict[str, str]]) -> dict[str, Any]:
    """A year-bound item with its advice and note in the reader's language."""
    words = locale.catalogue(lang).NEXT_YEAR
    return {
        "kind": item.kind,
        "task": None if item.index is None else links[item.index],
        "line": item.line,
        "text": item.text,
        "proposal": item.proposal or words.get(f"{item.kind}.proposal", ""),
        "note": words.get(f"{item.kind}.note", "").format(
            **{k: locale.date_words(lang, v) if k == "date" else v for k, v in item.args.items()}
        ),
    }


def _statuses(lang: str) -> dict[str, str]:
    return dict(locale.catalogue(lang).STATUSES)


def _written_number(task) -> str:
    """The task's number as the plan writes it: 一、 (一) 1. (1)."""
    return _WRITTEN[task.level - 1].format(task.number_text)


def _task_view(task, plan=None) -> dict[str, Any]:
    """A task of a diff pair; with ``plan``, cited with every heading above it (a move)."""
    clause = f"（{task.clause.inner}）" if task.clause else ""
    written = plan.place(task) if plan is not None else _written_label(task)
    return {"written": written, "body": task.body, "clause": clause}


def _written_label(task) -> str:
    """The task's number as written, with its part where numbers restart: ``50.``,
    ``（十五）``, ``二（一）``, ``（三）2.``."""
    return task.qualifier + _written_number(task)


def render_diff_page(result, options: RenderOptions) -> str:
    """``plancheck diff --format html``: side by side, changes marked, filters."""
    lang = options.lang
    pairs = []
    names: set[str] = set()
    for pair in result.pairs:
        inline = pair.changes() if len(pair.old) == 1 and len(pair.new) == 1 else []
        agencies = sorted(
            {a.name for t in pair.old + pair.new if t.clause for a in t.clause.agencies}
        )
        names.update(agencies)
        moved = pair.status == "moved"  # cited with the headings it left and joined
        pairs.append(
            {
                "status": pair.status,
                "old": [_task_view(t, result.old if moved else None) for t in pair.old],
                "new": [_task_view(t, result.new if moved else None) for t in pair.new],
                "similarity": pair.similarity if pair.old and pair.new else None,
                "inline": inline if pair.status != "unchanged" else [],
                "renumbered": pair.renumbered,
                "added": pair.added if pair.old and pair.new else [],
                "removed": pair.removed if pair.old and pair.new else [],
                "lead_changed": pair.lead_changed and bool(pair.old and pair.new),
                "old_lead": pair.old_lead,
                "new_lead": pair.new_lead,
                "renamed": pair.renamed,
                "roles_changed": _roles_changed(pair, lang),
                **_title_view(pair, lang),
                "agency_names": " ".join(agencies),
            }
        )
    renumbered = sum(1 for pair in pairs if pair["renumbered"])
    return _page(
        "diff.html",
        lang,
        renumbered=renumbered,
        renumbered_said=locale.fill(
            locale.catalogue(lang).DIFF_TEXT["renumbered_count"], {"n": renumbered}
        ),
        old={"path": result.old.path, "tasks": len(result.old.tasks)},
        new={"path": result.new.path, "tasks": len(result.new.tasks)},
        counts=result.counts(),
        statuses=_statuses(lang),
        pairs=pairs,
        agency_names=sorted(names),
        by_agency=result.by_agency(cite=lambda task: task.label),
        renamed=result.renamings(cite=lambda task: task.label),
    )
