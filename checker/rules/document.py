"""Document-convention rules: D001, D002, D004–D007 (D003 is data: rules/conventions/).

GB/T 9704-2012 (党政机关公文格式) fixes the form of a document number; GB/T 15834-2011
(标点符号用法) the punctuation of Chinese text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from ..context import Context
from ..data import builtin
from ..findings import Finding
from ..model import Edit, Plan, Span
from ..registry import Option, rule
from ..text import CLOSERS, HAN, PAIRS, fold

# -- D001 ---------------------------------------------------------------------------------
_DOC_NUMBER_ANY = re.compile(
    rf"(?P<agency>{HAN}{{2,10}}?)"
    r"[ \t]*(?P<open>[〔\[【(（{［]?)[ \t]*(?P<year>\d{2,4})[ \t]*"
    r"(?P<close>[〕\]】)）}］]?)[ \t]*(?P<di>第?)[ \t]*(?P<serial>\d{1,4})[ \t]*号"
)
_DOC_NUMBER_GOOD = re.compile(rf"^{HAN}{{2,10}}〔(?:19|20)\d\d〕[1-9]\d{{0,3}}号$")


def _doc_number_problems(match: re.Match[str]) -> tuple[list[str], list[str], str]:
    problems, problems_en = [], []
    year = match.group("year")
    if match.group("open") != "〔" or match.group("close") != "〕":
        problems.append("年份应用六角括号〔〕")
        problems_en.append("the year goes in hexagonal brackets 〔〕")
    if len(year) != 4:
        problems.append("年份应写全四位")
        problems_en.append("the year has four digits")
        year = "20" + year[-2:]
    if match.group("di"):
        problems.append("序号前不加“第”")
        problems_en.append("no 第 before the serial number")
    serial = match.group("serial")
    if serial.startswith("0"):
        problems.append("序号不编虚位（不加0）")
        problems_en.append("no leading zero in the serial number")
    if " " in match.group() or "\t" in match.group():
        problems.append("文号中不留空格")
        problems_en.append("no spaces inside the number")
    expected = f"{match.group('agency')}〔{year}〕{int(serial)}号"
    return problems, problems_en, expected


@rule("D001", "document-number", fix="unsafe")
def document_number(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """文号不合GB/T 9704格式。

    GB/T 9704-2012 7.2.4：发文字号由机关代字、年份和发文顺序号组成，年份、发文顺序号用阿拉伯数字标注；
    年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01）。
    Bad: 国知联办[2024]06号\\n1.甲。(科技部负责)
    Good: 国知联办〔2024〕6号\\n1.甲。(科技部负责)
    """
    line = plan.paragraph("doc_number")
    if line is None:
        return
    text = line.text.strip()
    if _DOC_NUMBER_GOOD.match(text):
        return
    match = _DOC_NUMBER_ANY.search(text)
    if match is None:
        return
    problems, problems_en, expected = _doc_number_problems(match)
    if not problems:
        return
    start = line.span.start + match.start()
    span = Span.of(plan.source, start, line.span.start + match.end())
    yield ctx.finding(
        span,
        None,
        fix=[Edit(span.start, span.end, expected)],
        safe=False,
        number=match.group(),
        problem="；".join(problems),
        problem_en="; ".join(problems_en),
        expected=expected,
    )


# -- D002 ---------------------------------------------------------------------------------
_PLAN_TITLE_YEAR = re.compile(r"《[ \t]*((?:19|20)\d\d)[ \t]*年[^《》]*?(?:计划|要点|方案)》")
_OWN_YEAR_TASKS = re.compile(r"明确[ \t]*((?:19|20)\d\d)[ \t]*年度?(?:重点任务|工作)")
_ISSUE_DATE = re.compile(
    r"^[ \t]*((?:19|20)\d\d)[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*$"
)
_DOC_YEAR = re.compile(r"[〔\[【(（{][ \t]*((?:19|20)\d\d)")


@rule("D002", "year-mismatch")
def year_mismatch(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """年份前后不一致。

    文号年份、通知中的计划名称、标题、正文“明确××年度重点任务”都应指同一计划年度；
    成文日期的年份应与文号年份一致。引用其他年份的文件和期限（“2021—2035年”“2023年度报告”）不在此列。
    Bad: 2024年知识产权强国建设推进计划\\n为贯彻落实纲要,明确2023年度重点任务和工作措施,制定本计划。\\n1.甲。(科技部负责)
    Good: 2024年知识产权强国建设推进计划\\n为贯彻落实纲要,明确2024年度重点任务和工作措施,制定本计划。\\n1.甲。(科技部负责)
    """
    year = ctx.year
    if year is None:
        return
    checks = (
        ("notice", _PLAN_TITLE_YEAR, "通知", "notice"),
        ("preamble", _OWN_YEAR_TASKS, "正文", "preamble"),
    )
    for role, pattern, where, where_en in checks:
        for paragraph in plan.paragraphs_of(role):
            for match in pattern.finditer(fold(paragraph.text)):
                found = int(match.group(1))
                if found != year:
                    yield _year_finding(
                        ctx, plan, paragraph.span.start + match.start(1), found, where, where_en
                    )
    yield from _doc_number_year(ctx, plan, year)


def _doc_number_year(ctx: Context, plan: Plan, year: int) -> Iterator[Finding]:
    """The document number's year is the issuing year: the issue date's, or the plan's
    year or the year before (a plan may be issued late in the preceding year)."""
    number = plan.paragraph("doc_number")
    if number is None:
        return
    found = _DOC_YEAR.search(fold(number.text))
    if found is None:
        return
    doc_year = int(found.group(1))
    start = number.span.start + found.start(1)
    dates = [
        int(m.group(1))
        for p in plan.paragraphs
        if p.role in {"issuer", "closing", "notice"}
        for m in [_ISSUE_DATE.match(fold(p.text))]
        if m
    ]
    if dates and doc_year != dates[0]:
        yield _year_finding(
            ctx, plan, start, doc_year, "文号（与成文日期不符）", "document number", dates[0]
        )
    elif not dates and doc_year not in (year, year - 1):
        yield _year_finding(ctx, plan, start, doc_year, "文号", "document number")


def _year_finding(ctx, plan, start, found, where, where_en, expected=None) -> Finding:
    span = Span.of(plan.source, start, start + 4)
    year = expected if expected is not None else ctx.year
    return ctx.finding(span, None, found=found, where=where, where_en=where_en, year=year)


# -- D004 ---------------------------------------------------------------------------------
_OPENERS = "".join(PAIRS)
_FULL_PARTNER = {"（": "）", "）": "（"}
_BRACKETS = re.compile("[" + re.escape(_OPENERS + "".join(PAIRS.values())) + "]")


def _units(plan: Plan) -> Iterator[tuple[int, int]]:
    """Spans within which brackets must balance: each task, paragraph and heading."""
    for task in plan.tasks:
        yield task.span.start, task.span.end
    for paragraph in plan.paragraphs:
        yield paragraph.span.start, paragraph.span.end
    for heading in plan.headings:
        yield heading.span.start, heading.span.end


def unbalanced(folded: str) -> list[tuple[int, str, str]]:
    """(offset, mark, the mark that would pair it) for marks left without a partner."""
    stack: list[tuple[int, str]] = []
    lonely: list[tuple[int, str, str]] = []
    for mark in _BRACKETS.finditer(folded):
        i, ch = mark.start(), mark.group()
        if ch in _OPENERS:
            stack.append((i, ch))
        elif ch in CLOSERS:
            depth = next(
                (d for d in range(len(stack) - 1, -1, -1) if stack[d][1] == CLOSERS[ch]), None
            )
            if depth is None:
                lonely.append((i, ch, CLOSERS[ch]))
                continue
            lonely.extend((j, mark, PAIRS[mark]) for j, mark in stack[depth + 1 :])
            del stack[depth:]
    lonely.extend((j, mark, PAIRS[mark]) for j, mark in stack)
    return sorted(lonely)


@rule("D004", "unbalanced-brackets")
def unbalanced_brackets(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """括号或引号不配对。

    书名号《》、引号“”‘’、括号（）()、六角括号〔〕、方头括号【】须成对使用，且在同一任务或段落内闭合；
    缺一半多是删改时误删。指向未配对的那一个符号（通常是开符号）。
    Bad: 1.推进《商标法修改。(国家知识产权局负责)
    Good: 1.推进《商标法》修改。(国家知识产权局负责)
    """
    text = plan.source.text
    for start, end in _units(plan):
        for offset, _, other in unbalanced(plan.source.folded[start:end]):
            at = start + offset
            other = _FULL_PARTNER.get(text[at], other)  # （ pairs with ）, as written
            span = Span.of(plan.source, at, at + 1)
            yield ctx.finding(span, ctx.task_at(at), mark=text[at], other=other)


# -- D005 ---------------------------------------------------------------------------------
_WIDTH_PAIRS = {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！"}
_TO_HALF = {full: half for half, full in _WIDTH_PAIRS.items()}
_FULL_MARKS = re.compile("[" + "".join(_TO_HALF) + "]")
#: half-width marks, but not a comma or colon between digits (1,000 and 8:30 are numbers)
_HALF_MARKS = re.compile(r"[();?!]|(?<!\d)[,:]|[,:](?!\d)")


@rule(
    "D005",
    "punctuation-width",
    fix="safe",
    options=(
        Option(
            "punctuation",
            "consistent",
            choices=("consistent", "full", "half"),
            help="consistent: the majority width; full: GB/T 15834 full-width; half",
        ),
    ),
)
def punctuation_width(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """标点全角半角混用。

    同一文件中同一标点应宽度一致（“,”与“，”、“(”与“（”不混用）。配置 punctuation: full
    要求按GB/T 15834一律使用全角标点，punctuation: half 要求一律半角。每行报告一次，修复统一为目标宽度。
    Bad: 1.推进改革,完善制度，加强保护。(科技部负责)
    Good: 1.推进改革,完善制度,加强保护。(科技部负责)
    """
    text = plan.source.text
    mode = ctx.options["punctuation"]
    if mode == "consistent":
        full, half = len(_FULL_MARKS.findall(text)), len(_HALF_MARKS.findall(text))
        if not full or not half:
            return
        target = "full" if full > half else "half"
    else:
        target = mode
    wrong = (_HALF_MARKS if target == "full" else _FULL_MARKS).finditer(text)
    by_line: dict[int, list[re.Match[str]]] = {}
    for match in wrong:
        by_line.setdefault(plan.source.position(match.start())[0], []).append(match)
    for group in by_line.values():
        first = group[0]
        convert = _WIDTH_PAIRS if target == "full" else _TO_HALF
        found = "".join(dict.fromkeys(m.group() for m in group))
        yield ctx.finding(
            Span.of(plan.source, first.start(), first.end()),
            ctx.task_at(first.start()),
            variant="width" if mode != "consistent" else "",
            fix=[Edit(m.start(), m.end(), convert[m.group()]) for m in group],
            found=found,
            expected="".join(convert[c] for c in found),
            half=found if target == "full" else "".join(convert[c] for c in found),
            full="".join(convert[c] for c in found) if target == "full" else found,
            majority="全角" if target == "full" else "半角",
            majority_en="full width" if target == "full" else "half width",
            target="全角" if target == "full" else "半角",
            target_en="full-width" if target == "full" else "half-width",
            anchor=f"{found}@{text[max(0, first.start() - 8) : first.start()]}",
        )


# -- D006 ---------------------------------------------------------------------------------
_DEFINITION = re.compile(
    r"[(（][ \t]*(?:以下简称|下称|简称)[ \t]*(?P<abbr>《[^《》]+》|“[^“”]+”|[^()（）,，。]+?)[ \t]*[)）]"
)


@cache
def _generic_titles() -> frozenset[str]:
    return frozenset(builtin("abbreviations.yaml")["generic_titles"])


@rule("D006", "abbreviation")
def abbreviation(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """简称未定义或使用不当。

    简称在首次出现全称时以“(以下简称《纲要》)”定义，此后只用简称：定义前不得使用，
    定义了就应使用，也不再重复全称。《规划》《纲要》这类泛称单独出现而无定义，读者不知所指。
    Bad: 1.开展《纲要》实施情况年度监测。(联席会议办公室负责)
    Good: 为贯彻落实《知识产权强国建设纲要(2021—2035年)》(以下简称《纲要》),制定本计划。\\n1.开展《纲要》实施情况年度监测。(联席会议办公室负责)
    """
    text = plan.source.text
    defined: dict[str, int] = {}
    for match in _DEFINITION.finditer(text):
        abbr = match.group("abbr").strip()
        if abbr in defined:
            continue
        defined[abbr] = match.start()
        yield from _check_definition(ctx, plan, match, abbr)
    for match in re.finditer(r"《([^《》]{1,4})》", text):
        title = match.group(1)
        if match.group() in defined or title not in _generic_titles():
            continue
        if _inside_definition(text, match.start()):
            continue
        yield _abbr_finding(ctx, plan, match.start(), match.end(), "undefined", abbr=match.group())


def _inside_definition(text: str, offset: int) -> bool:
    head = text[max(0, offset - 8) : offset]
    return bool(re.search(r"(以下简称|下称|简称)[ \t]*$", head))


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
    before = [u for u in uses if u < match.start()]
    after = [u for u in uses if u > match.end()]
    for use in before:
        yield _abbr_finding(
            ctx, plan, use, use + len(abbr), "", abbr=abbr, def_line=definition_line
        )
    if not after:
        start = match.start("abbr")
        yield _abbr_finding(ctx, plan, start, start + len(abbr), "unused", abbr=abbr)
    full = _full_title(text, match.start())
    if full:
        for repeat in re.finditer(re.escape(full), text[match.end() :]):
            start = match.end() + repeat.start()
            yield _abbr_finding(ctx, plan, start, start + len(full), "full", abbr=abbr, full=full)


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


# -- D007 ---------------------------------------------------------------------------------
_NOT_TEXT = re.compile(r"[\s,，。;；:：、()（）《》“”]")


def _similar_pairs(texts: list[str], cutoff: float) -> Iterator[tuple[int, int, float]]:
    """(later, earlier, score) for each task's most similar earlier task above ``cutoff``.

    rapidfuzz's Indel ratio is r = 2·LCS/(a+b), and LCS ≤ o, the characters two texts share
    counted with multiplicity. So a pair can only qualify when o ≥ r·a/(2−r) for each side:
    prefix filtering (as in set-similarity joins) over character-occurrence tokens ordered
    rarest first finds every such pair while indexing only about a third of each text's
    tokens. Identical texts are paired directly. Survivors pass the exact bound
    2o ≥ r(a+b) before rapidfuzz scores them; rapidfuzz is imported only then, which in a
    plan without duplicates is never. A test checks this against scoring every pair.
    """
    ratio = cutoff / 100
    first_seen: dict[str, int] = {}
    tokens: dict[int, frozenset[str]] = {}
    for n, text in enumerate(texts):
        if not text:
            continue
        if text in first_seen:
            yield n, first_seen[text], 100.0
            continue
        first_seen[text] = n
        tokens[n] = _occurrences(text)
    frequency: Counter = Counter()
    for own in tokens.values():
        frequency.update(own)
    # one global order, rarest first, the same for every text (the prefix filter needs only
    # that; ties keep the counter's order, which is the same for every text)
    rank = {t: n for n, t in enumerate(sorted(frequency, key=frequency.__getitem__))}
    index: dict[str, list[int]] = {}
    candidates: dict[int, set[int]] = {}
    for n, own in tokens.items():
        size = len(own)
        needed = math.ceil(ratio * size / (2 - ratio)) if ratio < 2 else size
        prefix = sorted(own, key=rank.__getitem__)[: max(1, size - needed + 1)]
        found: set[int] = set()
        for token in prefix:
            found.update(index.get(token, ()))
            index.setdefault(token, []).append(n)
        found = {e for e in found if 2 * len(own & tokens[e]) >= ratio * (size + len(tokens[e]))}
        if found:
            candidates[n] = found
    if not candidates:
        return
    from rapidfuzz.distance import Indel

    for later in sorted(candidates):
        scored = [
            (Indel.normalized_similarity(texts[later], texts[e]) * 100, e)
            for e in candidates[later]
        ]
        score, earlier = max(scored, key=lambda s: (s[0], -s[1]))
        if score >= cutoff:
            yield later, earlier, score


def _occurrences(text: str) -> frozenset[str]:
    """The characters of a text as a multiset made a set: a character's first occurrence is
    itself, its k-th (k ≥ 2) is the character followed by chr(47 + k). Strings, whose hashes
    are cached, keep intersections cheap."""
    repeats = [
        ch + chr(47 + k) for ch, n in Counter(text).items() if n > 1 for k in range(2, n + 1)
    ]
    return frozenset(text).union(repeats)


@rule(
    "D007",
    "near-duplicate-task",
    severity="warning",
    options=(
        Option(
            "near-duplicate",
            0.8,
            between=(0, 1),
            help="the similarity above which two tasks are near-duplicates",
        ),
    ),
)
def near_duplicate_task(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """任务内容高度重复。

    两项任务文字几乎相同（字符相似度高于配置 near-duplicate，默认0.8），多半是合并稿件时重复录入，
    或应合并为一项。每对任务只在后一项报告一次。
    Bad: 1.加快建设国家知识产权保护信息平台。(国家知识产权局负责)\\n2.加快建设国家知识产权保护信息平台建设。(国家知识产权局负责)
    Good: 1.加快建设国家知识产权保护信息平台。(国家知识产权局负责)\\n2.推动全国知识产权运营服务平台互联互通。(国家知识产权局负责)
    """
    if len(plan.tasks) < 2:
        return
    texts = [_NOT_TEXT.sub("", t.body) for t in plan.tasks]
    cutoff = ctx.options["near-duplicate"] * 100
    for later, earlier, score in sorted(_similar_pairs(texts, cutoff)):
        task, other = plan.tasks[later], plan.tasks[earlier]
        yield ctx.finding(
            task.number_span,
            task,
            other=other.number,
            similarity=f"{score / 100:.2f}",
            anchor=f"{other.body[:16]}~{task.body[:16]}",
        )
