"""Is this file a plan at all? A README or a notes file beside the plans is not.

A folder walk and a pre-commit run hand plancheck every ``.txt``/``.md`` file, and a drafting
repository keeps a README.md, 起草说明 notes and meeting minutes beside its plans. Numbered
lines alone do not make a plan (a README's install steps are numbered too), so the decision
rests on the marks of the genre, which every member of the family carries in some form:

- a title that names the genre (…计划, …要点, …方案, …意见, …安排, …规划, …分工(表), …措施,
  …细则, …清单; a draft's
  ``(征求意见稿)`` allowed after it; ``修改意见``/``反馈意见`` are comments, not the genre);
- a document number in the GB/T 9704 shape (``国知联办〔2024〕6号``);
- a responsibility clause ending a numbered item or heading (``(国家知识产权局负责)``);
- a task-division table's header row (``| 序号 | 重点任务 | 牵头单位 | … |``, see ``columns``);
- or the family's skeleton: Chinese-numeral headings (``一、`` / ``(一)``) over numbered items,
  in a file with none of the marks of software documentation (code, links, URLs).

A file titled as a companion document (…说明, …纪要, …记录, CHANGELOG…) may quote a task
with its clause or outline its points: only a plan's title, document number or task table
makes it a plan.

A file with any of these is a plan, even one whose tasks cannot be recognised: that file is
reported (S001 or an input error), never skipped. A file with none is not a plan: a walk and
``--skip-non-plans`` skip it (``-v`` says so), naming it on the command line is an input error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..base.errors import InputError, Reason
from ..base.lazyre import LazyPattern
from .clause import CLAUSE_WORDS
from .text import CN_NUMERAL, fold

if TYPE_CHECKING:
    from .model import Plan
    from .source import Source

#: why a file with none of the genre's marks is not checked (English, worded by the locale)
NOT_A_PLAN = Reason(
    "not a plan: no plan title, document number, responsibility clause or 一、/1. outline",
    "not-a-plan",
)
COMPANION = "not a plan: titled as a companion document ({title})"
#: what a parser that finds no task or heading at all means for a file that carries the
#: genre's marks
NOT_UNDERSTOOD = Reason(
    "a plan, but no numbered tasks or headings recognised: number tasks '1.' under '一、' headings",
    "not-understood",
)

#: lines read from the top for a title or document number (they come before the body)
HEAD_LINES = 15

_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+)?")
_GENRE_TITLE = re.compile(
    r"(?<!修改)(?<!反馈)(?<!征求)(?<!审核)(?<!审查)(?<!会签)(计划|要点|方案|意见|安排|规划|分工表?|措施|细则|清单)"
    r"\s*(?:\([^()]{0,8}(?:稿|草案)\))?\s*$"
)
#: the title of a companion document (起草说明, 会议纪要, 修改记录…): its 一、/1. outline is not a plan's
_OTHER_TITLE = LazyPattern(
    # a date may follow: "审阅笔记 2024-11-27", "会议纪要（2024年3月5日）"
    r"(说明|纪要|记录|笔记|总结|汇报|报告|备忘录?|简报|日志|汇总|README|CHANGELOG|CHANGES)"
    r"[\s()（）\d年月日.\-/—]*$",
    re.I,
)
_DOC_NUMBER = LazyPattern(
    r"^\S{2,12}\s*[〔\[(【]\s*(?:19|20)\d\d\s*[〕\])】]\s*第?\s*\d{1,4}\s*号\s*$"
)
_NUMBERED = re.compile(r"^\s*\d{1,3}\s*[.、](?!\d)\s*\S")
_HEADING = re.compile(rf"^\s*(?:{CN_NUMERAL}[、.]|\({CN_NUMERAL}\))\s*\S")
_CLAUSE_END = LazyPattern(r"\(([^()]{1,200})\)\s*[。.]?\s*$")
#: a title that is a document's own: it carries a year or says what it is about (关于…)
_OWN_TITLE = LazyPattern(r"(?:19|20)\d\d\s*年|关于")
#: an item marker anywhere: 一、 (一) 1. 1、 (1) 第一条
_ITEM_MARKER = LazyPattern(
    rf"(?:^|[^\d.]){CN_NUMERAL}、|\({CN_NUMERAL}\)|(?:^|[^\d.])\d{{1,3}}[.、](?!\d)|\(\d{{1,3}}\)"
    rf"|第{CN_NUMERAL}条"
)
#: a responsibility clause's label on a line of its own (牵头单位:A;配合单位:B)
_BARE_CLAUSE = LazyPattern(r"^(?:牵头|责任|主责|主办|配合|参与|协办)(?:单位|部门)\s*:")
_DOCS_MARKS = LazyPattern(r"```|`[^`\n]+`|\]\([^)\s]+\)|https?://|^\s*\|?\s*-{3,}\s*\|", re.M)


def plan_marks(text: str) -> list[str]:
    """The marks of the genre found in a text: ``title``, ``doc_number``, ``clause``,
    ``task_table``, ``skeleton``. Empty for a README, notes or prose."""
    return list(_marks(text))


def is_plan(text: str, folded: str | None = None) -> bool:
    """Whether a text carries any mark of the genre. It stops at the first: a plan's title
    is in its first lines, so a plan is told from its head without reading the rest.
    ``folded`` is the text folded already (a Source has it), not folded again."""
    return next(_marks(text, folded), None) is not None


def _marks(text: str, folded: str | None = None) -> Iterator[str]:
    """The marks of the genre, cheapest first (the head lines, then the whole text)."""
    folded = fold(text) if folded is None else folded
    head = _content_lines(folded, HEAD_LINES)
    # a title names a plan when it is a document's (a year, 关于…) or items follow it: a
    # README headed "# 年度计划" over a line of prose only mentions one
    titles = [line for line in head if _is_title(line)]
    if titles and (any(_OWN_TITLE.search(t) for t in titles) or _ITEM_MARKER.search(folded)):
        yield "title"
    content = _content_lines(folded)
    # a document number on a line of its own, wherever the head ends (an OCR'd 【2020】 too)
    if any(_DOC_NUMBER.match(line) for line in content):
        yield "doc_number"
    # a companion document (起草说明, 会议纪要, CHANGELOG…) may quote a task with its clause
    # or outline its points 一、/1.: without a plan's title or number it is not a plan
    companion = bool(content) and _OTHER_TITLE.search(content[0]) is not None
    if not companion and (
        any(_has_clause(line) for line in content)
        or sum(1 for line in content if _ends_in_clause(line)) >= 2
    ):
        yield "clause"
    if any(_is_task_table_header(line) for line in content):
        yield "task_table"
    if not companion and _skeleton(content) and not _DOCS_MARKS.search(text):
        yield "skeleton"


def _content_lines(folded: str, limit: int | None = None) -> list[str]:
    """The non-blank lines of a folded text without their Markdown prefixes, stripped; the
    first ``limit`` of them only, when given."""
    content: list[str] = []
    for line in folded.splitlines():
        line = _MD_PREFIX.sub("", line, count=1).strip()
        if line:
            content.append(line)
            if limit is not None and len(content) == limit:
                break
    return content


def not_a_plan(text: str, folded: str | None = None) -> Reason | None:
    """Why a text is not a plan, or None when it is one (``folded``: as for ``is_plan``)."""
    if is_plan(text, folded):
        return None
    title = companion_title(text)
    return Reason(COMPANION, "not-a-plan", title=title) if title else NOT_A_PLAN


def parse_plan(source: Source, *, unread_as_plan: bool = False) -> Plan:
    """Parse a text already known to carry the genre's marks: if the parser finds nothing
    it can read, the file is a plan not understood, never "not a plan" (and never skipped).
    ``lint`` asks for it as a plan with nothing read (``unread_as_plan``), on which S001
    reports it as a finding, exit 1, as it reports a plan whose clauses hold no task; a
    command that needs the tasks (diff, agencies) gets the input error."""
    from .parse import parse

    try:
        return parse(source)
    except InputError as error:
        if error.reason.code != "not-a-plan":
            raise
        if unread_as_plan:
            from .model import Plan

            return Plan(source, (), (), (), task_level=None)
        raise InputError(error.path, NOT_UNDERSTOOD) from None


def read_plan(path: str) -> Plan:
    """A plan named on the command line (diff, agencies): read, judged, parsed. A file that
    is not a plan is an input error, as in ``lint``."""
    from .source import read_source

    source = read_source(path)
    reason = not_a_plan(source.text, source.folded)
    if reason:
        raise InputError(path, reason)
    return parse_plan(source)


def companion_title(text: str) -> str | None:
    """The title of a companion document (起草说明, 会议纪要…) heading the text, if one does:
    the reason its outline does not make it a plan."""
    for line in fold(text).splitlines():
        line = _MD_PREFIX.sub("", line, count=1).strip()
        if line:
            return line if _OTHER_TITLE.search(line) and len(line) <= 60 else None
    return None


def _is_title(line: str) -> bool:
    """A short line of Chinese naming the genre, not a sentence (no 。 or ,) and not a
    numbered heading (一、总体意见 is a section, not the title of a 意见)."""
    return (
        len(line) <= 60
        and _HEADING.match(line) is None
        and _NUMBERED.match(line) is None
        and _GENRE_TITLE.search(line) is not None
        and "。" not in line
        and "," not in line
        and _han_count(line) >= 4
    )


def _is_task_table_header(line: str) -> bool:
    if not line.startswith("|"):
        return False
    from .columns import recognise_header

    return (
        recognise_header([cell.strip() for cell in line.strip().strip("|").split("|")]) is not None
    )


def _has_clause(line: str) -> bool:
    """A numbered item or heading that ends in a bracketed group naming who is responsible."""
    if not (_NUMBERED.match(line) or _HEADING.match(line)):
        return False
    match = _CLAUSE_END.search(line)
    return match is not None and CLAUSE_WORDS.search(match.group(1)) is not None


def _ends_in_clause(line: str) -> bool:
    """A line of any kind that ends in a responsibility clause naming someone, or is a
    clause's labels on a line of its own: a plan whose numbering the text lost (joined,
    OCR'd) still has its clauses. ``(负责)`` alone names no one."""
    if _BARE_CLAUSE.match(line):
        return True
    match = _CLAUSE_END.search(line)
    if match is None or CLAUSE_WORDS.search(match.group(1)) is None:
        return False
    return _han_count(CLAUSE_WORDS.sub("", match.group(1))) >= 2


def _skeleton(content: list[str]) -> bool:
    """Chinese-numeral headings with numbered items of Chinese prose below them."""
    headings = sum(1 for line in content if _HEADING.match(line))
    items = [line for line in content if _NUMBERED.match(line)]
    chinese = sum(1 for line in items if _han_count(line) * 2 >= len(line))
    return headings >= 1 and chinese >= 2


def _han_count(line: str) -> int:
    """The Han characters of a line (CJK unified ideographs, extension A included), counted
    directly: a [\u3400-\u9fff] pattern costs a millisecond to compile at every start, for
    lines that are few and short (a file's head, its numbered items)."""
    return sum(1 for char in line if "\u3400" <= char <= "\u9fff")
