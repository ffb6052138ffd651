"""The task-level diff as text and JSON (``plancheck diff``); the HTML page is in ``html``."""

from __future__ import annotations

from pathlib import Path

from .. import locale
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
    counts = result.counts()
    zh = lang == "zh"

    def count(plan) -> str:
        n = len(plan.tasks)
        return f"{n}项" if zh else f"{n} task" if n == 1 else f"{n} tasks"

    head = (
        f"{Path(result.old.path).name}（{count(result.old)}） → "
        f"{Path(result.new.path).name}（{count(result.new)}）"
    )
    if not zh:
        head = head.replace("（", " (").replace("）", ")")
    summary = "，".join(f"{status_label(s, lang)}{n}" for s, n in counts.items() if n)
    lines = [head, summary if zh else ", ".join(f"{s} {n}" for s, n in counts.items() if n), ""]
    for pair in result.pairs:
        if pair.status == "unchanged":
            continue
        olds = ",".join(str(t.number) for t in pair.old) or "-"
        news = ",".join(str(t.number) for t in pair.new) or "-"
        label = status_label(pair.status, lang)
        line = f"[{label}] {olds} → {news}"
        if pair.old and pair.new:
            line += f"  ({pair.similarity:.2f})"
        lines.append(line)
        if pair.status in {"modified", "moved"} and pair.changes():
            marked = "".join(
                text if op == "equal" else f"[-{text}-]" if op == "delete" else f"{{+{text}+}}"
                for op, text in pair.changes()
            )
            lines.append(f"    {marked}")
        elif pair.status in {"new", "dropped"}:
            lines.append(f"    {(pair.new or pair.old)[0].body}")
        if pair.added:
            lines.append(
                ("    增加单位：" if zh else "    agencies added: ") + "、".join(pair.added)
            )
        if pair.removed:
            lines.append(
                ("    减少单位：" if zh else "    agencies removed: ") + "、".join(pair.removed)
            )
        if pair.lead_changed and pair.old and pair.new:
            lines.append(
                (f"    牵头单位：{pair.old_lead} → {pair.new_lead}")
                if zh
                else f"    lead: {pair.old_lead} → {pair.new_lead}"
            )
    agencies = result.by_agency()
    if agencies:
        lines += ["", "各单位变化：" if zh else "By agency:"]
        for row in agencies:
            parts = []
            for key, zh_label in (
                ("gained", "新增"),
                ("lost", "减少"),
                ("lead_gained", "新任牵头"),
                ("lead_lost", "不再牵头"),
            ):
                if row[key]:
                    numbers = ",".join(map(str, row[key]))
                    parts.append(f"{zh_label if zh else key} {numbers}")
            lines.append(f"  {row['agency']}: " + "；".join(parts))
    return "\n".join(lines) + "\n"
