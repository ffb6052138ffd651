"""Linting many files at once in forked worker processes, each given the run's own rules
and configuration finder by inheritance at the fork.

A ``concurrent.futures`` process pool, forked: a run's rules are not picklable (a data
rule's check is a closure; specs hold read-only mappings), so each worker is given the
run as it starts (``initargs``, which fork passes without pickling) and is sent only the
numbers of the chunks to lint; it sends back their reports, plans left behind. The old
pool put the run on a module global of the parent before forking; here the parent keeps
nothing between runs.
"""

from collections.abc import Callable, Sequence
from typing import Any

from ..reading.discover import Item
from .config import ConfigFinder
from .lintfile import lint_item
from .lintrun import FileReport, LintOptions, RuleSet

#: From this many files on, a run uses every core: plans are independent, and a CI job or
#: ``plancheck lint plans/`` over a whole archive is where the time goes.
PARALLEL_MIN_FILES = 24

#: the share of what is left that a chunk takes, per core: a worker starts on large chunks
#: (each is a pickled message back to the parent) and the chunks shrink as the run nears
#: its end, so that both cores finish together rather than one waiting on the other's last
#: chunk (a folder of plans of different sizes is shared evenly the same way)
SHARE_PER_CORE = 4

#: the fewest files in a chunk (each chunk is one message between processes)
MIN_CHUNK = 4


def cores() -> int:
    """The cores this process may run on."""
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def worth_parallel(items: Sequence[Item]) -> bool:
    """Enough files, more than one core, none from standard input, and fork at hand."""
    import os

    no_stdin = all(item.path is not None for item in items)
    return len(items) >= PARALLEL_MIN_FILES and cores() > 1 and no_stdin and os.name == "posix"


def chunked(items: Sequence[Any], cores: int) -> list[Sequence[Any]]:
    """``items`` in consecutive chunks that shrink as fewer are left (each a
    ``1 / (cores * SHARE_PER_CORE)`` share of the rest, never under ``MIN_CHUNK``): large
    chunks while there is much to do, small ones for the run's end."""
    chunks = []
    start = 0
    while start < len(items):
        size = max(MIN_CHUNK, (len(items) - start) // (cores * SHARE_PER_CORE))
        chunks.append(items[start : start + size])
        start += size
    return chunks


def lint_parallel(
    items: list[Item],
    options: LintOptions,
    finder: ConfigFinder,
    rules: RuleSet,
    prepare: Callable[[FileReport], None] | None = None,
) -> list[FileReport]:
    """The reports of ``items``, in their order, linted in one worker process a core; each
    given to ``prepare`` (the output format's) there, when there is one."""

    def lint_chunk(chunk: list[Item]) -> list[FileReport]:
        reports = []
        for item in chunk:
            report = lint_item(item, finder, options, rules)
            report.plan = None  # formats read report.summary instead
            report.custom_rules = ()  # closures: custom_codes says what they were
            if prepare is not None:
                prepare(report)
            reports.append(report)
        return reports

    rules.load()  # imported here, once, before the fork: not again in every worker
    workers = cores()
    chunks = chunked(items, workers)
    done = map_forked(lint_chunk, chunks, min(workers, len(chunks)))
    return [report for chunk in done for report in chunk]


def map_forked(work: Callable[[Any], Any], chunks: Sequence[Any], workers: int) -> list[Any]:
    """``[work(chunk) for chunk in chunks]`` in ``workers`` forked processes
    (``concurrent.futures``), each given ``work`` and the chunks as it starts, by
    inheritance: fork pickles neither (a run's rules are closures), only the chunks'
    numbers go to the workers and their results come back. A worker takes the next
    chunk as it is done with one (a worker slowed by a busy machine takes fewer), and the
    parent reads each result as it comes. A worker's exception is raised here; a worker
    that dies stops the run at once, a RuntimeError."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork")
    workers = min(workers, len(chunks))
    executor = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_given, initargs=(work, chunks)
    )
    try:
        return list(executor.map(_chunk, range(len(chunks))))
    except BrokenProcessPool:
        raise RuntimeError("a worker process ended before sending its results") from None
    finally:  # after an error, the chunks not yet begun are not linted for nothing
        executor.shutdown(cancel_futures=True)


#: in a worker process, the work and the chunks it was started with (``_given``); None in
#: the parent, whose run is never kept here
_run: "tuple[Callable[[Any], Any], Sequence[Any]] | None" = None


def _given(work: Callable[[Any], Any], chunks: Sequence[Any]) -> None:
    """A worker's start: the run it serves."""
    global _run
    _run = (work, chunks)


def _chunk(index: int) -> Any:
    """In a worker: the result of chunk ``index``."""
    assert _run is not None
    work, chunks = _run
    return work(chunks[index])
