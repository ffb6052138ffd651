"""``plancheck report PLAN [--previous OLD]``: the HTML page next year's drafters work from."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import InputError
from ..checking.lint import LintOptions, lint_paths
from ..checking.registry import RuleSpec
from ..reading.source import write_output


def default_output(plan: str) -> Path:
    return Path("reports") / f"{Path(plan).stem}.html"


def write_report(
    plan: str, previous: str | None, output: str | None, lang: str, specs: dict[str, RuleSpec]
) -> Path:
    run = lint_paths([plan], LintOptions(), list(specs.values()))
    report = run.files[0]
    if report.error:
        raise InputError(plan, report.error)
    from ..checking.local import registry_for

    registry = registry_for(plan)  # the office's registry files, as lint read the plan
    diff = None
    if previous:
        from ..reading.parse import parse
        from ..reading.source import read_source
        from .diff import align

        diff = align(parse(read_source(previous)), report.plan, registry)
    from .agency_table import agency_rows
    from .formats import RenderOptions, render
    from .nextyear import year_items

    page = render(
        "html",
        report,
        RenderOptions(lang=lang, rules=specs),
        output="report",
        previous=diff,
        agencies=agency_rows(report.plan, registry),
        next_year=year_items(report.plan),
    )
    target = Path(output) if output else default_output(plan)
    target.parent.mkdir(exist_ok=True)  # one folder at most: the command checked its path
    write_output(target, page.encode("utf-8"))  # all at once: never half a page
    return target
