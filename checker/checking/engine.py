"""The engine: select rules → run them on a parsed plan → stamp → suppress → fix (the loop
of applying the rules' edits, re-parsing and re-linting until stable lives here).

It never imports a concrete rule: it is handed the registry's specs.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ..reading.model import Plan, Span
from .config import Config
from .context import Context
from .edits import apply_edits, taken_fixes
from .findings import Finding
from .registry import RuleSpec

if TYPE_CHECKING:
    from ..knowledge.agencies import Registry


def _match_length(code: str, prefixes: Iterable[str]) -> int:
    """Length of the longest prefix matching code (ALL counts as the shortest); -1 if none."""
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def is_selected(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Selected when some --select prefix matches longer than every --ignore prefix."""
    chosen = _match_length(code, select)
    return chosen >= 0 and chosen > _match_length(code, ignore)


def severity_of(spec: RuleSpec, config: Config) -> str:
    """The configured severity of the longest prefix matching the code, else the rule's own."""
    best, level = -1, spec.severity
    for prefix, configured in config.severity.items():
        length = _match_length(spec.code, (prefix,))
        if length > best:
            best, level = length, configured
    return level


def path_matches(path: str, pattern: str) -> bool:
    """Whether ``pattern`` names ``path`` by whole trailing components (``a.txt`` names
    ``plans/a.txt``, never ``plans/data.txt``)."""
    wanted = [part for part in pattern.replace("\\", "/").split("/") if part not in ("", ".")]
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    return bool(wanted) and parts[-len(wanted) :] == wanted


class Result:
    """Findings of one plan, plus the suppressions that hid nothing (reported as unused) and
    how many findings the suppressions hid (the summary says so: never "no problems" alone).
    (A plain class: a NamedTuple costs half a million instructions to define at every start.)"""

    def __init__(
        self,
        plan: Plan,
        findings: list[Finding],
        unused_suppressions: Sequence[tuple[Span, str]] = (),
        suppressed: int = 0,
    ) -> None:
        self.plan = plan
        self.findings = findings
        self.unused_suppressions = unused_suppressions
        self.suppressed = suppressed


def _registry(config: Config) -> "Registry":
    """The shipped registry with the office's own registry files the config names."""
    from ..knowledge.agencies import load_registry

    return load_registry(config.agencies)


def run(
    plan: Plan,
    config: Config,
    specs: Iterable[RuleSpec],
    registry: "Callable[[], Registry] | None" = None,
) -> Result:
    """Run the selected rules on a plan and return its findings in file order.

    Each rule gets the plan and a Context: its options from the config, the year, and the
    agency registry (``registry`` provides it; by default the shipped one, loaded on demand).
    """
    year = config.year or plan.year
    date = plan.date
    month = date.month if date is not None and date.year == year else None
    context = Context(plan, year=year, month=month)
    context.registry = registry or (lambda: _registry(config))
    findings: list[Finding] = []
    for spec in specs:
        if not is_selected(spec.code, config.select, config.ignore):
            continue
        context.for_rule(spec, severity_of(spec, config), config.rule_options(spec))
        findings.extend(spec.func(plan, context))
    findings.sort(key=lambda f: (f.start, f.code))
    kept, unused = suppress(plan, config, findings)
    return Result(plan, kept, unused, len(findings) - len(kept))


def suppress(
    plan: Plan, config: Config, findings: list[Finding]
) -> tuple[list[Finding], list[tuple[Span, str]]]:
    """Apply Markdown directives and per-task-ignores; report suppressions that hid nothing."""
    rules: list[tuple[int | None, tuple[str, ...], Span | None, str]] = []
    for directive in plan.directives:
        codes = directive.codes or ("ALL",)
        if directive.kind == "disable-file":
            rules.append((None, codes, directive.span, "disable-file"))
        else:
            following = next((t for t in plan.tasks if t.span.start > directive.span.end), None)
            if following is not None:
                rules.append((following.number, codes, directive.span, "disable"))
    for key, codes in config.per_task_ignores.items():
        path, _, number = key.rpartition(":")
        if path and not path_matches(plan.path, path):
            continue
        if number.isdigit():
            rules.append((int(number), codes, None, f"per-task-ignores {key}"))
    if not rules:
        return findings, []
    used = [False] * len(rules)
    kept = []
    for found in findings:
        hidden = False
        for n, (task, codes, _, _) in enumerate(rules):
            if (task is None or task == found.task) and _match_length(found.code, codes) >= 0:
                used[n] = hidden = True
        if not hidden:
            kept.append(found)
    unused = [
        (span, what)
        for (_, _, span, what), was in zip(rules, used, strict=True)
        if not was and span
    ]
    return kept, unused


#: passes of fix → re-parse → re-lint before giving up on reaching a stable text
MAX_FIX_PASSES = 10


def fix_until_stable(
    plan: Plan, config: Config, specs: list[RuleSpec], unsafe: bool = False
) -> tuple[Plan, Result, int]:
    """Apply safe fixes (and unsafe ones when asked), re-parse, re-lint, until nothing more
    is fixable (bounded). Rules propose edits; only here are they applied, so a fix that
    exposes another finding (or makes one vanish) is seen on the next pass, as in ruff."""
    from ..base.errors import InputError
    from ..reading.parse import parse
    from ..reading.source import Source

    total = 0
    result = run(plan, config, specs)
    for _ in range(MAX_FIX_PASSES):
        fixes = taken_fixes(result.findings, unsafe)
        if not fixes:
            break
        text = apply_edits(plan.source.text, (edit for fix in fixes for edit in fix))
        if text == plan.source.text:
            break
        source = plan.source
        try:
            plan = parse(
                Source.from_text(
                    text, source.path, encoding=source.encoding, bom=source.bom, kind=source.kind
                )
            )
        except InputError:
            break  # the fixes would leave no plan: keep the text as it was
        total += len(fixes)
        result = run(plan, config, specs)
    return plan, result, total
