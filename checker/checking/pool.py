"""Linting many files at once in forked worker processes, each given the run's own rules
and configuration finder by inheritance at the fork.

``concurrent.futures`` would pickle the function it runs with each task, and a run's rules
are not picklable (a data rule's check is a closure; specs hold read-only mappings): the
old pool put them on a module global before forking. Here each worker is a
``multiprocessing`` process started with a closure over the run (fork passes it without
pickling), which sends back the reports of its chunks, plans left behind. Nothing is kept
between runs.
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
    """``[work(chunk) for chunk in chunks]`` in ``workers`` forked processes. The chunks'
    numbers wait in a queue, filled before the fork, from which each worker takes the next
    as it is done with one (a worker slowed by a busy machine takes fewer), never waiting
    for the parent, which reads each result as it comes while the workers go on. A
    worker's exception is raised here; a worker that dies without its results is a
    RuntimeError."""
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")
    workers = min(workers, len(chunks))
    numbers = context.SimpleQueue()
    for index in [*range(len(chunks)), *[None] * workers]:  # None: no chunk left
        numbers.put(index)
    results: dict[int, Any] = {}
    ends: dict[Any, Any] = {}  # each worker's end of its pipe, and the worker
    for _ in range(workers):
        mine, theirs = context.Pipe(duplex=False)
        process = context.Process(target=_serve, args=(work, chunks, numbers, theirs))
        process.start()
        theirs.close()  # the worker's end only: a worker gone is then an end of file here
        ends[mine] = process
    processes = list(ends.values())
    try:
        while ends:
            for end in wait(list(ends)):
                _receive(end, ends, results)
    finally:
        for process in processes:
            if process.is_alive() and len(results) < len(chunks):
                process.terminate()
            process.join()
        numbers.close()
    if len(results) < len(chunks):
        raise RuntimeError("a worker process ended before sending its results")
    return [results[index] for index in range(len(chunks))]


def _receive(end: Any, ends: dict[Any, Any], results: dict[int, Any]) -> None:
    """One message from a worker: a chunk's result is kept, its exception raised. At the
    end of its pipe the worker is done; one that did not end cleanly (killed) is an error
    at once, without waiting for the others (it may have died holding the queue)."""
    import pickle

    try:
        message = end.recv_bytes()
    except EOFError:
        worker = ends.pop(end)
        worker.join()
        if worker.exitcode:
            raise RuntimeError("a worker process ended before sending its results") from None
        return
    index, outcome = pickle.loads(message)
    if index is None:
        raise outcome
    results[index] = outcome


def _serve(work: Callable[[Any], Any], chunks: Sequence[Any], numbers: Any, end: Any) -> None:
    """In a worker: the chunk whose number comes next from ``numbers``, one at a time,
    until it gives None; an exception is sent too (the parent raises it), and the worker
    stops."""
    try:
        while (index := numbers.get()) is not None:
            end.send((index, work(chunks[index])))
    except Exception as error:  # raised again in the parent
        end.send((None, error))
    finally:
        end.close()
