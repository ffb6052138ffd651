"""Cited laws and regulations (L001–L003): each 《title》 read against the national data.

A title the data does not know is most often a draft (推进制定《…条例》), a plan, an opinion
or a treaty, and says nothing; only a near miss of a known title is L001. L002 and L003 judge
a known or repealed title by the plan's year. A title inside a quotation is quoted wording,
never checked.

The titles, their dates and the reading of citations (``knowledge.laws``, ``reading.citations``)
are imported when a rule runs, not with the rules: a run answered from the result cache
never reads a title, and importing them costs as much as a rule module's start-up.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...reading import vocabulary as vocab
from ...reading.model import Edit, Plan, Span
from ..context import Context
from ..findings import Finding, Words
from ..registry import rule


@rule("L001", "law-title", fix="unsafe")
def law_title(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 1.推进《专利法实施条例》修改。(国家知识产权局负责)
    Bad: 1.推进《中华人民共和国著作权集体管理条例》修改。(中央宣传部负责)
    Bad: 1.推进《中华人民共和国反不正当竟争法》修改。(市场监管总局负责)
    Good: 1.推进《中华人民共和国专利法实施细则》修改。(国家知识产权局负责)
    Good: 1.推进制定《民间文学艺术作品著作权保护条例》。(中央宣传部负责)
    Good: 1.做好《马拉喀什条约》落地实施。(中央宣传部负责)
    """
    from ...knowledge.laws import catalogue
    from ...reading.citations import citations

    cited = ctx.shared(citations)
    if not cited:
        return
    laws = catalogue()
    defined: set[str] | None = None  # the plan's abbreviations, read only for a near miss
    for citation in cited:
        if citation.quoted:
            continue
        miss = laws.near_miss(citation.title)
        if miss is None:
            continue
        if defined is None:
            text = plan.source.text
            defined = {m.group("abbr").strip() for m in vocab.abbreviation_definitions(text)}
        if f"《{citation.title}》" in defined:
            continue
        law, how = miss
        suggestion = laws.official(law, citation.title)
        inner = Span.of(plan.source, citation.start + 1, citation.end - 1)
        yield ctx.finding(
            Span.of(plan.source, citation.start, citation.end),
            ctx.task_at(citation.start),
            variant="" if suggestion == law.title else "short",
            fix=[Edit(inner.start, inner.end, suggestion)],
            safe=False,
            title=citation.title,
            official=law.title,
            suggestion=suggestion,
            kind=Words(f"L.kind.{law.kind}"),
            reason=Words(f"L001.{how}"),
        )


@rule("L002", "law-already-made", severity="warning")
def law_already_made(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 2025年知识产权强国建设推进计划\\n1.推动出台《公平竞争审查条例》。(市场监管总局负责)
    Good: 2024年知识产权强国建设推进计划\\n1.推动出台《公平竞争审查条例》。(市场监管总局负责)
    Good: 2025年知识产权强国建设推进计划\\n1.制定《公平竞争审查条例》实施办法。(市场监管总局负责)
    """
    if ctx.year is None:
        return
    from ...knowledge.laws import cutoff
    from ...reading.citations import citations, made_before

    for citation, law in made_before(ctx.shared(citations), cutoff(ctx.year)):
        task = ctx.task_at(citation.start)
        if task is None:
            continue
        yield ctx.finding(
            Span.of(plan.source, citation.start, citation.end),
            task,
            title=citation.title,
            official=law.title,
            kind=Words(f"L.kind.{law.kind}"),
            date=law.promulgated,
        )


@rule("L003", "law-repealed")
def law_repealed(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """
    Bad: 2024年推进计划\\n1.依照《中华人民共和国合同法》规范技术合同。(科技部负责)
    Good: 2020年推进计划\\n1.依照《中华人民共和国合同法》规范技术合同。(科技部负责)
    Good: 2024年推进计划\\n1.《民法典》施行后,《合同法》同时废止,做好衔接。(科技部负责)
    """
    if ctx.year is None:
        return
    from ...knowledge.laws import catalogue, cutoff
    from ...reading.citations import citations, told_as_history

    cited = ctx.shared(citations)
    if not cited:
        return
    laws = catalogue()
    date = cutoff(ctx.year)
    for citation in cited:
        if citation.quoted:
            continue
        repeal = laws.repeal(citation.title)
        if repeal is None or repeal.date > date or told_as_history(plan.source.text, citation):
            continue
        yield ctx.finding(
            Span.of(plan.source, citation.start, citation.end),
            ctx.task_at(citation.start),
            title=citation.title,
            date=repeal.date,
            by=repeal.by,
            source=repeal.source,
        )
