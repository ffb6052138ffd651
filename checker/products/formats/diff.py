"""The task-level diff as text and JSON (``plancheck diff``); the HTML page is in ``html``."""

from __future__ import annotations

from pathlib import Path

from ... import locale
from ..diff import DiffResult
from . import RenderOptions


def render_json(result: DiffResult, options: RenderOptions) -> str:
    import json

    return json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"


def render_text(result: DiffResult, options: RenderOptions) -> str:
    return _text(result, options.lang)


def status_label(status: str, lang: str) -> str:
    return locale.catalogue(lang).STATUSES[status]


def _text(result: DiffResult, lang: str) -> str:
    words = locale.catalogue(lang).DIFF_TEXT

    def count(plan) -> str:
        return locale.fill(words["tasks"], {"n": len(plan.tasks)})

    head = words["head"].format(
        old=Path(result.old.path).name,
        old_tasks=count(result.old),
        new=Path(result.new.path).name,
        new_tasks=count(result.new),
    )
    renumbered = result.renumbered()
    summary = words["counts_separator"].join(
        _count(words, status_label(s, lang), n, renumbered if s == "unchanged" else [])
        for s, n in result.counts().items()
        if n
    )
    lines = [head, summary, ""]
    for pair in result.pairs:
        if pair.status != "unchanged":
            lines += _pair_lines(result, pair, lang, words)
    if renumbered:
        lines += ["", words["renumbered"]]
        lines += ["  " + _run(words, olds, news) for olds, news in renumbered]
    agencies = result.by_agency(cite=lambda task: task.label)  # numbers restart in parts
    if agencies:
        lines += ["", words["by_agency"]]
        for row in agencies:
            parts = [
                words[key].format(tasks=",".join(map(str, row[key])))
                for key in ("gained", "lost", "lead_gained", "lead_lost")
                if row[key]
            ]
            said = words["parts_separator"].join(parts)
            lines.append("  " + locale.at(lang, row["agency"], said))
    renamed = result.renamings(cite=lambda task: task.label)
    if renamed:
        lines += ["", words["renamings"]]
        for row in renamed:
            tasks = ",".join(map(str, row["tasks"]))
            lines.append(words["renaming"].format(old=row["old"], new=row["new"], tasks=tasks))
    return "\n".join(lines) + "\n"


def _count(words: dict[str, str], status: str, n: int, renumbered: list) -> str:
    """One status and its count; the unchanged ones say how many of them changed number
    only (未变97（其中61项只改了编号）): a task kept word for word may be cited by another
    number now."""
    said = words["count"].format(status=status, n=n)
    if renumbered:
        moved = sum(len(olds) for olds, _ in renumbered)
        said += locale.fill(words["renumbered_count"], {"n": moved})
    return said


def _run(words: dict[str, str], olds: list, news: list) -> str:
    """A run of tasks renumbered alike, as drafters cite them: ``48 → 46``, or
    ``50—98 → 48—96（49项）`` for consecutive ones."""
    if len(olds) == 1:
        return f"{olds[0].label} → {news[0].label}"
    dash = words["range"]
    shown = f"{olds[0].label}{dash}{olds[-1].label} → {news[0].label}{dash}{news[-1].label}"
    return shown + locale.fill(words["run_count"], {"n": len(olds)})


def _pair_lines(result: DiffResult, pair, lang: str, words: dict[str, str]) -> list[str]:
    """One changed pair: status and tasks (as drafters cite them: 50, 二（一）; a move
    with the headings it left and joined, 二（一）5 → 三（二）5), the marked text, the
    agencies that changed."""
    if pair.status == "moved":
        olds = ",".join(result.old.place(t) for t in pair.old)
        news = ",".join(result.new.place(t) for t in pair.new)
    else:
        olds = ",".join(t.label for t in pair.old) or "-"
        news = ",".join(t.label for t in pair.new) or "-"
    line = f"[{status_label(pair.status, lang)}] {olds} → {news}"
    if pair.old and pair.new:
        line += f"  ({pair.similarity:.2f})"
    lines = [line]
    if pair.status in {"modified", "moved"} and pair.changes():
        marked = "".join(
            text if op == "equal" else f"[-{text}-]" if op == "delete" else f"{{+{text}+}}"
            for op, text in pair.changes()
        )
        lines.append(f"    {marked}")
    elif pair.status in {"new", "dropped"}:
        lines.append(f"    {(pair.new or pair.old)[0].body}")
    if pair.added:
        lines.append(words["added"].format(names="、".join(pair.added)))
    if pair.removed:
        lines.append(words["removed"].format(names="、".join(pair.removed)))
    for old, new in pair.renamed:
        lines.append(words["renamed"].format(old=old, new=new))
    if pair.lead_changed and pair.old and pair.new:
        lines.append(words["lead"].format(old=pair.old_lead, new=pair.new_lead))
    for name, old, new in pair.roles_changed:
        old, new = (locale.text(lang, f"agencies.role.{role}") for role in (old, new))
        lines.append(words["role"].format(agency=name, old=old, new=new))
    if pair.titles_removed or pair.titles_added:
        removed = "".join(f"《{t}》" for t in pair.titles_removed) or "-"
        added = "".join(f"《{t}》" for t in pair.titles_added) or "-"
        lines.append(words["titles"].format(removed=removed, added=added))
    for title, date in pair.revised:
        lines.append(words["revised"].format(title=title, date=locale.date_words(lang, date)))
    return lines
