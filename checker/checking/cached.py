"""A file's report from the result cache (``resultcache`` keeps the entries): the key of a
file's bytes under its configuration and rules, and a report filled from a hit.

A file is cached only once checked as a plan, so a hit needs no sniffing (the same bytes
are the same plan); errors are never cached; --fix and --diff never use the cache.
"""

import os
from typing import TYPE_CHECKING

from ..base.errors import ConfigError, InputError
from ..reading.discover import Item
from ..reading.source import Source, source_from_file
from .config import Config, ConfigFinder
from .lintrun import FileReport, LintOptions, RuleSet

if TYPE_CHECKING:  # the rules' registry is not imported for a run from the result cache
    from .registry import RuleSpec


def with_custom_rules(rules: RuleSet, config: Config) -> "list[RuleSpec]":
    """The run's rules and those the file's config adds."""
    return [*rules, *config.custom]


def cached_report(
    item: Item, finder: ConfigFinder, options: LintOptions, rules: RuleSet
) -> FileReport | None:
    """The report of a file from the result cache, or None: not cached, or not a file this
    run may take from it (the run then checks it, and says what is wrong with it)."""
    if item.error or item.skip or item.path is None or not options.uses_cache:
        return None
    if not os.path.isfile(item.path):  # dangling, a loop, a FIFO: lint_file says what is wrong
        return None
    try:
        config = finder.for_file(item.path).with_cli(options.select, options.ignore)
    except ConfigError:
        return None
    try:
        with open(item.path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    from . import resultcache

    key = cache_key(item.display, data, config, rules, options)
    entry = None if key is None else resultcache.read(key)
    if entry is None:
        return None
    try:  # the bytes the key was made of, not a second read that may differ
        source = source_from_file(data, item.path, item.display, resultcache.reading(entry))
    except InputError:
        return None
    report = FileReport(item.display)
    hit = resultcache.decode(entry, report.path, source)
    return None if hit is None else _filled(report, hit, source, config)


def cache_key(
    name: str, data: bytes | None, config: Config, rules: RuleSet, options: LintOptions
) -> str | None:
    """The result-cache key of a file's bytes (those its Source was made from), or None when
    this run does not use the cache: asked not to, standard input, or --fix/--diff. The
    rules are named by ``RuleSet.key`` and the codes of those the config adds: the key is
    made without importing a rule."""
    if not options.uses_cache or data is None:
        return None
    from . import resultcache

    codes = rules.key + tuple(spec.code for spec in config.custom)
    return resultcache.entry_key(name, data, config, codes)


def fill_from_cache(report: FileReport, key: str, source: Source, config: Config) -> bool:
    """Fill ``report`` from the result cache; False on a miss."""
    from . import resultcache

    hit = resultcache.load(key, report.path, source)
    if hit is None:
        return False
    _filled(report, hit, source, config)
    return True


def _filled(report: FileReport, hit: dict, source: Source, config: Config) -> FileReport:
    """``report`` with what the result cache held for it."""
    report.source = source
    report.findings = hit["findings"]
    report.unused_suppressions = hit["unused_suppressions"]
    report.suppressed = hit["suppressed"]
    report.summary = hit["summary"]
    report.custom_codes = tuple(spec.code for spec in config.custom)
    report.custom_rules = config.custom
    return report


def store(key: str, report: FileReport) -> None:
    """Keep a checked file's findings under its key."""
    from . import resultcache

    read_as = report.source.reading if report.source is not None else ""
    resultcache.store(
        key,
        report.findings,
        report.unused_suppressions,
        report.summary,
        report.suppressed,
        read_as,
    )
