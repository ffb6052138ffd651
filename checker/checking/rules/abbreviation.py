"""D006: abbreviations defined once, before use, and then used (以下简称《纲要》)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...knowledge.data import builtin
from ...reading import vocabulary as vocab
from ...reading.model import Plan, Span
from ..context import Context
from ..findings import Finding
from ..registry import rule


@cache
def _generic_titles() -> frozenset[str]:
    return frozenset(builtin("abbreviations.yaml")["generic_titles"])


@rule("D006", "abbreviation")
def abbreviation(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.开展《纲要》实施情况年度监测。(联席会议办公室负责)
    Good: 为贯彻落实《知识产权强国建设纲要(2021—2035年)》(以下简称《纲要》),制定本计划。\\n1.开展《纲要》实施情况年度监测。(联席会议办公室负责)
    """
    text = plan.source.text
    defined: dict[str, int] = {}
    for match in vocab.abbreviation_definitions(text):
        abbr = match.group("abbr").strip()
        if abbr in defined:
            continue
        defined[abbr] = match.start()
        yield from _check_definition(ctx, plan, match, abbr)
    for match in re.finditer(r"《([^《》]{1,4})》", text):
        title = match.group(1)
        if match.group() in defined or title not in _generic_titles():
            continue
        if _inside_definition(text, match.start()) or _self_reference(text, match.start()):
            continue
        yield _abbr_finding(ctx, plan, match.start(), match.end(), "undefined", abbr=match.group())


def _inside_definition(text: str, offset: int) -> bool:
    """Does a definition's marker (以下简称, 简称…) stand just before ``offset``, blanks
    between? (``str`` methods: a pattern of the markers is costly to compile at every start.)"""
    head = text[max(0, offset - 8) : offset].removesuffix("\n").rstrip(" \t")
    return head.endswith(vocab.words("abbreviation_markers"))


def _self_reference(text: str, offset: int) -> bool:
    """Does ``本`` stand just before the 《title》 at ``offset``? 本《意见》 is the document
    itself, which needs no definition."""
    return text[max(0, offset - 2) : offset].endswith(vocab.words("self_reference"))


def _promises_use(text: str, match: re.Match[str]) -> bool:
    """Does the definition's marker promise that the short name is used below (以下简称,
    下称)? A bare 简称 only says what a thing is commonly called."""
    head = text[match.start() : match.start("abbr")].rstrip(" \t")
    return head.endswith(vocab.words("abbreviation_forward_markers"))


def _is_full_name(text: str, use: int, abbr: str, match: re.Match[str]) -> bool:
    """Is the short name at ``use`` (before its definition) part of the full name, not a use
    of the short one? The name the definition follows (赣州市…推进小组（以下简称推进小组）) ends
    with it, and a definition whose bracket also holds the rest of the full name
    (区县(自治县，以下简称区县): 区县(自治县)) finds it written out in full before
    (各区县(自治县)人民政府)."""
    end = use + len(abbr)
    if not text[end : match.start()].strip(" \t"):
        return True
    rest = text[match.start() + 1 : match.start("abbr")]
    rest = rest.rstrip(" \t").removesuffix(_marker(rest.rstrip(" \t"))).rstrip(" \t,，;；")
    return bool(rest) and text[end + 1 : end + 1 + len(rest)] == rest and text[end] in "(（"


def _marker(head: str) -> str:
    """The marker a definition's head ends with (the longest: 以下简称 before 简称)."""
    found = [m for m in vocab.words("abbreviation_markers") if head.endswith(m)]
    return max(found, key=len, default="")


def _check_definition(
    ctx: Context, plan: Plan, match: re.Match[str], abbr: str
) -> Iterator[Finding]:
    text = plan.source.text
    definition_line = plan.source.position(match.start())[0]
    uses = [
        m.start()
        for m in re.finditer(re.escape(abbr), text)
        if not _inside_definition(text, m.start())
    ]
    before = [u for u in uses if u < match.start() and not _is_full_name(text, u, abbr, match)]
    after = [u for u in uses if u > match.end()] or _bare_uses(text, abbr, match.end())
    for use in before:
        yield _abbr_finding(
            ctx, plan, use, use + len(abbr), "", abbr=abbr, def_line=definition_line
        )
    if not after and _promises_use(text, match):
        start = match.start("abbr")
        yield _abbr_finding(ctx, plan, start, start + len(abbr), "unused", abbr=abbr)
    full = _full_title(text, match.start())
    if full:
        annex = _annex_start(plan, match.end())
        for repeat in re.finditer(re.escape(full), text[match.end() : annex]):
            start = match.end() + repeat.start()
            yield _abbr_finding(ctx, plan, start, start + len(full), "full", abbr=abbr, full=full)


def _annex_start(plan: Plan, after: int) -> int:
    """Where the first annex after ``after`` begins (a line 附件1 / 附表 alone), or the end:
    an annex is read on its own, often apart from the text, so it writes a title in full
    even where the text defined a short one (宝府办 2019: 《条例》 in the text, the annexed
    task table's 《上海市生活垃圾管理条例》)."""
    labels = _annex_labels()
    for paragraph in plan.paragraphs:
        if paragraph.span.start <= after:
            continue
        head = paragraph.text.strip().rstrip(":：").rstrip("0123456789 \t")
        if head in labels:
            return paragraph.span.start
    return len(plan.source.text)


@cache
def _annex_labels() -> frozenset[str]:
    return frozenset(str(w) for w in builtin("layout.yaml").get("annex_labels", ()))


#: quotation marks a definition puts around its short name (以下简称“新增违法用地”)
_QUOTES = "“”\"‘’'「」"


def _bare_uses(text: str, abbr: str, after: int) -> list[int]:
    """Where a short name defined in quotation marks (以下简称“新增违法用地”) is used after
    its definition without them: the marks say "this is the name" once, the text then
    writes the name as a word (完成对新增违法用地的整治). Only uses after the definition:
    the same words before it are the ordinary phrase the definition then makes a name."""
    bare = "".join(ch for ch in abbr if ch not in _QUOTES)
    if bare == abbr or len(bare) < 2:
        return []
    return [after + m.start() for m in re.finditer(re.escape(bare), text[after:])]


def _full_title(text: str, definition_start: int) -> str | None:
    """The 《title》 right before a definition, the thing the abbreviation stands for."""
    head = text[:definition_start].rstrip()
    if not head.endswith("》"):
        return None
    depth, i = 0, len(head) - 1
    while i >= 0:
        if head[i] == "》":
            depth += 1
        elif head[i] == "《":
            depth -= 1
            if depth == 0:
                return head[i:]
        i -= 1
    return None


def _abbr_finding(ctx, plan, start, end, variant, **args) -> Finding:
    return ctx.finding(
        Span.of(plan.source, start, end), ctx.task_at(start), variant=variant, **args
    )
