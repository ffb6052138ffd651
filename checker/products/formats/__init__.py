"""Every output plancheck writes, from one registry: lint findings, the diff, the rule
catalogue, one rule's page, the agency table and the drafting report.

``FORMATS`` says which formats each output has and which function renders it; the CLI takes
its ``--format`` choices from it. A renderer is ``f(data, options, **extra) -> str``: it turns
facts (a RunReport, a DiffResult, …) into text and never runs a rule or an analysis of its
own. Its module is imported only when asked for, so the text format does not pay for jinja2.
"""

from collections.abc import Callable
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ... import locale  # light: the catalogues are imported when a language is asked for
from ...base.lazyre import LazyPattern

if TYPE_CHECKING:  # the CLI imports this registry for its choices: keep it light
    from ...checking.findings import Finding
    from ...checking.registry import RuleSpec
    from ...reading.model import Edit
    from ...reading.source import Source

_NEWLINES = LazyPattern(r"\r\n|\r")

#: (output, format) → "module:function" in this package
FORMATS: dict[tuple[str, str], str] = {
    ("lint", "text"): "text:render",
    ("lint", "json"): "json:render",
    ("lint", "sarif"): "sarif:render",
    ("lint", "github"): "github:render",
    ("lint", "html"): "html:render",
    ("fixes", "diff"): "fixes:render_unified",  # lint --diff: what --fix would change
    ("statistics", "text"): "text:render",  # with options.statistics: one line per rule
    ("statistics", "json"): "text:render_statistics_json",
    ("diff", "text"): "diff:render_text",
    ("diff", "json"): "diff:render_json",
    ("diff", "html"): "html:render_diff_page",
    ("rules", "text"): "catalogue:render_text",
    ("rules", "json"): "catalogue:render_json",
    ("rules", "markdown"): "catalogue:render_markdown",
    ("rule", "text"): "catalogue:render_rule",
    ("agencies", "text"): "agencies:render_text",
    ("agencies", "json"): "agencies:render_json",
    ("report", "html"): "html:render_report_page",
}

#: the renderers that describe the rules themselves (titles, help, every rule's descriptor),
#: not only the findings: only these are given ``RenderOptions.rules``, so that a lint run
#: whose files all come from the result cache imports no rule for the other formats
#: (tests/test_formats.py holds that the others read no rule)
DESCRIBES_RULES = frozenset(
    {("lint", "sarif"), ("lint", "html"), ("statistics", "text"), ("statistics", "json")}
)


class RenderOptions:
    """How a run's output is written: its language, colours and the like. (A plain class: a
    NamedTuple costs half a million instructions to define at every start.)"""

    __slots__ = ("color", "lang", "quiet", "rules", "statistics", "unsafe_fixes")

    def __init__(
        self,
        lang: str = "zh",
        color: bool = False,
        rules: "dict[str, RuleSpec] | None" = None,
        unsafe_fixes: bool = False,
        statistics: bool = False,
        quiet: bool = False,
    ) -> None:
        self.lang = lang
        self.color = color
        self.rules = rules
        #: the run applies or shows unsafe fixes too (they count as fixable, not "more")
        self.unsafe_fixes = unsafe_fixes
        #: text: one line per rule with its count instead of one line per finding (ruff's)
        self.statistics = statistics
        #: text: the findings and nothing else (no summary)
        self.quiet = quiet

    def with_rules(self, rules: "dict[str, RuleSpec] | None") -> "RenderOptions":
        """The same options, for a format that describes ``rules``."""
        return RenderOptions(
            self.lang, self.color, rules, self.unsafe_fixes, self.statistics, self.quiet
        )


def choices(output: str) -> list[str]:
    """The formats an output has, for the CLI's ``--format``."""
    return [name for (kind, name) in FORMATS if kind == output]


def render(
    name: str, data: Any, options: RenderOptions, *, output: str = "lint", **extra: Any
) -> str:
    """Render ``data`` (what ``output`` produces) in format ``name``."""
    target = FORMATS.get((output, name))
    if target is None:
        raise ValueError(f"no format {name!r} for {output}")
    module, _, function = target.partition(":")
    return getattr(import_module(f"checker.products.formats.{module}"), function)(
        data, options, **extra
    )


def preparer(
    name: str, options: RenderOptions, *, output: str = "lint"
) -> "Callable[[Any], None] | None":
    """What format ``name`` makes of each file's report where the file is checked (in a
    worker process of a run over many files: ``lint_paths``'s ``prepare``), or None when it
    makes everything as it renders. A format module offers it as ``prepare(report,
    options)``; its renderer then takes ``report.prepared`` as it is."""
    target = FORMATS.get((output, name))
    if target is None:
        return None
    module = import_module(f"checker.products.formats.{target.partition(':')[0]}")
    prepare = getattr(module, "prepare", None)
    return None if prepare is None else partial(prepare, options=options)


def keep_prepared(report: Any, prepared: list[Any]) -> None:
    """Keep on a file's report what its format's ``prepare`` made of it in the worker that
    checked it; the report then goes to the parent with its source's text left out, which
    only that was made from (for a thousand plans, 25 MB the parent would unpickle and fold
    for nothing)."""
    report.prepared = prepared
    if report.source is not None:
        report.source = report.source._replace(text="", folded="")


def indented_json(value: Any) -> str:
    """``value`` as the lint outputs write it (JSON, SARIF): two-space indented JSON,
    byte for byte what ``json.dumps(value, ensure_ascii=False, indent=2)`` writes
    (tests/test_formats.py holds it), at a sixth of the time: the standard encoder runs in
    Python as soon as it indents, and a run over a thousand plans writes 14,000 findings.
    For text, whole numbers, booleans and nulls only: no float, whose exponent the two
    write differently."""
    import orjson

    # the closing newline written by orjson: no copy of the whole output to add it
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()


def message(found: "Finding", lang: str, source: "Source | None" = None) -> str:
    """A finding's message; in a Word file (``source.places``) the lines it names are
    said as paragraphs and table rows, as Word shows them."""
    return locale.message(lang, found.key, found.args, source.places if source else ())


def summary_lines(run: Any, options: RenderOptions) -> list[str]:
    """The summary under the findings: how many, how many fixable, and what happened to each
    file. An input or config error is never summed up as "no problems"."""
    from ... import locale

    counts = run.counts()
    lang = options.lang
    lines = []
    lines += _fixed_lines(run, lang, counts)  # what --fix did comes first, then what is left
    fixable, more = counts["fixable"], counts["unsafe_fixable"]
    in_word = _word_fixes(run)  # --fix leaves Word files alone: review makes them changes
    elsewhere = _word_fixes(run, kinds=None)  # nor PDFs, web pages, rebuilt texts
    fixable, more = fixable - elsewhere["safe"], more - elsewhere["unsafe"]
    if options.unsafe_fixes:
        fixable, more = fixable + more, 0
    if counts["findings"]:
        key = "summary.more" if fixable and more else "summary" if fixable else "summary.plain"
        key = "summary.unsafe" if more and not fixable else key
        lines.append(locale.text(lang, key, count=counts["findings"], fixable=fixable, more=more))
    elif counts["checked"] and not counts["unreadable"]:
        hidden = counts["baseline_hidden"] or counts["suppressed"]
        lines.append(locale.text(lang, "summary_none_shown" if hidden else "summary_none"))
    if in_word["safe"] or in_word["unsafe"]:
        lines.append(locale.text(lang, "review_hint", count=in_word["safe"] + in_word["unsafe"]))
    not_word = sum(elsewhere.values()) - sum(in_word.values())
    if not_word:
        lines.append(locale.text(lang, "not_rewritten_hint", count=not_word))
    for what in ("baseline_hidden", "suppressed"):  # what is not listed is still counted
        if counts[what]:
            lines.append(locale.text(lang, f"hidden.{what}", count=counts[what]))
    parts = [locale.text(lang, "files.checked", count=counts["checked"])]
    if counts["with_findings"]:
        parts[0] += locale.text(lang, "files.with_findings", count=counts["with_findings"])
    if counts["unreadable"]:
        parts.append(locale.text(lang, "files.unreadable", count=counts["unreadable"]))
    if counts["skipped"]:
        parts.append(locale.text(lang, "files.skipped", count=counts["skipped"]))
    if counts["fix_errors"]:
        parts.append(locale.text(lang, "files.fix_errors", count=counts["fix_errors"]))
    lines.append(locale.text(lang, "files", parts=locale.text(lang, "sep").join(parts)))
    return lines


def _word_fixes(run: Any, kinds: "tuple[str, ...] | None" = ("docx",)) -> dict[str, int]:
    """The findings with a fix, safe and unsafe, in files ``--fix`` does not rewrite: of
    ``kinds`` (Word files by default: review makes their fixes tracked changes), or with
    ``None`` every such file (PDFs, web pages, rebuilt texts too), so that the summary
    never offers ``--fix`` a fix it will refuse."""
    counts = {"safe": 0, "unsafe": 0}
    for report in run.files:
        source = report.source
        if source is None or source.rewritable or (kinds and source.kind not in kinds):
            continue
        for found in report.findings:
            if found.fix is not None:
                counts["safe" if found.fix.safe else "unsafe"] += 1
    return counts


def _fixed_lines(run: Any, lang: str, counts: dict[str, int]) -> list[str]:
    """What --fix wrote, file by file (the files it could not write are said on stderr and
    in the files line), and the total when more than one file was written."""
    from ... import locale

    written = [r for r in run.files if r.fixed]
    lines = [locale.text(lang, "fixed_file", path=r.path, count=r.fixed) for r in written]
    if len(written) > 1:
        lines.append(locale.text(lang, "fixed", count=counts["fixed"]))
    return lines


def fix_payload(source: "Source | None", found: "Finding") -> dict[str, Any] | None:
    """The ``fix``: the lines the fix touches, what they become, and whether ``--fix``
    applies it (``safe``) or only ``--fix --unsafe-fixes`` does (``unsafe``)."""
    if source is None or found.fix is None:
        return None
    start, end, fixed = _lines_with_edits(source, found.fix.edits)
    return {
        "line": start,
        "end_line": end,
        "replacement": _NEWLINES.sub("\n", fixed) if "\r" in fixed else fixed,
        "applicability": "safe" if found.fix.safe else "unsafe",
    }


def _lines_with_edits(source: "Source", edits: "tuple[Edit, ...]") -> tuple[int, int, str]:
    """The first and last line the edits touch, and their text with the edits made."""
    from ...checking.edits import apply_edits

    first = source.position(min(e.start for e in edits))[0]
    last = source.position(max(e.end for e in edits))[0]
    start, end = source.line_starts[first - 1], source.line_end(last)
    shifted = [type(e)(e.start - start, e.end - start, e.text) for e in edits]
    return first, last, apply_edits(source.text[start:end], shifted)
