"""Everything in a plan bound to its year, with the change next year's draft needs.

Drafters start next year's plan from this year's: campaign names (剑网2024), years in the
text, ordinals (第二届, 第三批), plan periods that end, deadlines. Each is listed with what
it should probably become, for a human to confirm. The items are facts: the words that go
with each kind (advice, note) are locale entries (``NEXT_YEAR``), in the reader's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..knowledge.data import data_dir, load_yaml
from ..reading.model import Plan
from ..reading.text import cn_to_int, int_to_cn
from ..reading.vocabulary import YEAR, alternatives

_YEAR = re.compile(rf"(?<![\d—–\-~～])({YEAR})[ \t]*(年度|年)?(?![\d—–\-~～])")
_PERIOD = re.compile(rf"({YEAR})[ \t]*[—–\-~～至到][ \t]*({YEAR})[ \t]*年")
_DEADLINE = re.compile(
    rf"({YEAR})[ \t]*年[ \t]*(底|年底|前|上半年|下半年|\d{{1,2}}[ \t]*月)[^,，。;；]{{0,6}}"
)


@cache
def _ordinal() -> re.Pattern[str]:
    """第二届, 第三批: the counters are ``ordinal_units`` in rules/vocabulary.yaml."""
    return re.compile(rf"第([一二三四五六七八九十]+)({alternatives('ordinal_units')})")


@dataclass(frozen=True)
class YearItem:
    """One year-bound passage. ``proposal`` is the text it should probably become, or "" where
    only advice can be given (the locale's ``NEXT_YEAR["<kind>.proposal"]``); ``args`` fill
    the kind's note."""

    kind: str  # campaign | year | period | deadline | ordinal | document | law
    task: int | None
    line: int
    column: int
    text: str
    proposal: str
    args: dict[str, Any] = field(default_factory=dict)
    #: the task's index in the plan (``task`` is its number, which repeats where numbers
    #: restart in each part), None outside the tasks
    index: int | None = None


def _campaign_pattern() -> re.Pattern[str]:
    data = load_yaml(data_dir() / "conventions" / "campaign-year.yaml")
    return re.compile(data["pattern"])


def year_items(plan: Plan) -> list[YearItem]:
    year = plan.year
    if year is None:
        return []
    items: list[YearItem] = []
    campaign = _campaign_pattern()
    items.extend(_laws_made_this_year(plan, year))
    for unit_start, text, task in _units(plan):
        taken: list[tuple[int, int]] = []

        def add(kind, match, proposal="", task=task, taken=taken, unit_start=unit_start, **args):
            if any(s < match.end() and match.start() < e for s, e in taken):
                return
            taken.append((match.start(), match.end()))
            line, column = plan.source.position(unit_start + match.start())
            number, index = (task.number, task.index) if task else (None, None)
            items.append(YearItem(kind, number, line, column, match.group(), proposal, args, index))

        for match in campaign.finditer(text):
            add("campaign", match, f"{match.group('series')}{year + 1}")
        for match in _PERIOD.finditer(text):
            end = int(match.group(2))
            if end <= year + 1:
                add("period", match, end=end)
        for match in _DEADLINE.finditer(text):
            if int(match.group(1)) <= year:
                add("deadline", match)
        for match in _ordinal().finditer(text):
            value = cn_to_int(match.group(1))
            if value:
                add("ordinal", match, f"第{int_to_cn(value + 1)}{match.group(2)}")
        for match in _YEAR.finditer(text):
            found = int(match.group(1))
            if found in (year - 1, year):
                suffix = match.group(2) or ""
                add("year", match, f"{found + 1}{suffix}")
    return items


def _laws_made_this_year(plan: Plan, year: int) -> list[YearItem]:
    """Tasks to make a law or regulation promulgated in the plan's year: L002 will report
    them in next year's draft (the data's date is the note)."""
    from ..knowledge.laws import cutoff
    from ..reading.citations import citations, made_before

    this_year = cutoff(year)
    items = []
    for citation, law in made_before(citations(plan), cutoff(year + 1)):
        if law.promulgated < this_year:
            continue  # already L002 in this year's plan
        task = _task_at(plan, citation.start)
        line, column = plan.source.position(citation.start)
        number, index = (task.number, task.index) if task else (None, None)
        text = plan.source.text[citation.start : citation.end]
        items.append(
            YearItem("law", number, line, column, text, "", {"date": law.promulgated}, index)
        )
    return items


def _task_at(plan: Plan, offset: int):
    for task in plan.tasks:
        if task.span.start <= offset < task.span.end:
            return task
    return None


def _units(plan: Plan):
    """(offset, text, task) for the header, the tasks and the closing lines (task None)."""
    for paragraph in plan.paragraphs:
        yield (
            paragraph.span.start,
            plan.source.text[paragraph.span.start : paragraph.span.end],
            None,
        )
    for task in plan.tasks:
        yield task.span.start, plan.source.text[task.span.start : task.span.end], task
