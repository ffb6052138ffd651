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

#: chunks a core is given, about: a chunk's reports are pickled, sent and unpickled while
#: the workers go on with the next, and a folder of plans of different sizes is shared
#: more evenly in small chunks
CHUNKS_PER_CORE = 16


def cores() -> int:
    """The cores this process may run on."""
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def worth_parallel(items: Sequence[Item]) -> bool:
    """Enough files, more than one core, none from standard input, and fork at hand."""
    import os

    no_stdin = all(item.path is not None for item in items)
    return len(items) >= PARALLEL_MIN_FILES and cores() > 1 and no_stdin and os.name == "posix"


def chunk_size(files: int, cores: int) -> int:
    """Files a worker takes at a time: small chunks, but never fewer than 8 files (each
    chunk is a round trip between processes)."""
    return max(8, files // (cores * CHUNKS_PER_CORE))


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
    size = chunk_size(len(items), workers)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    done = map_forked(lint_chunk, chunks, min(workers, len(chunks)))
    return [report for chunk in done for report in chunk]


def map_forked(work: Callable[[Any], Any], chunks: list[Any], workers: int) -> list[Any]:
    """``[work(chunk) for chunk in chunks]`` in ``workers`` forked processes. Each worker is
    handed the next chunk's number as it sends a result back (a worker slowed by a busy
    machine takes fewer chunks); a result is taken while the workers go on. A worker's
    exception is raised here; a worker that dies without its results is a RuntimeError."""
    import multiprocessing
    import pickle
    from contextlib import suppress
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")
    todo = iter(range(len(chunks)))
    results: dict[int, Any] = {}
    ends, processes = [], []
    for _ in range(min(workers, len(chunks))):
        mine, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(work, chunks, theirs))
        process.start()
        theirs.close()  # the worker's end only: a worker gone is then an end of file here
        mine.send(next(todo))
        ends.append(mine)
        processes.append(process)
    try:
        while ends:
            for end in wait(ends):
                try:
                    message = end.recv_bytes()
                except EOFError:  # done (it was sent None), or dead
                    ends.remove(end)
                    continue
                with suppress(OSError):  # it stopped after an error: its end of file follows
                    end.send(next(todo, None))  # the worker goes on while this one is read
                index, outcome = pickle.loads(message)
                if index is None:
                    raise outcome
                results[index] = outcome
    finally:
        for process in processes:
            if process.is_alive() and len(results) < len(chunks):
                process.terminate()
            process.join()
    if len(results) < len(chunks):
        raise RuntimeError("a worker process ended before sending its results")
    return [results[index] for index in range(len(chunks))]


def _serve(work: Callable[[Any], Any], chunks: list[Any], end: Any) -> None:
    """In a worker: the chunks the parent names, one at a time, until it names none; an
    exception is sent too (the parent raises it), and the worker stops."""
    try:
        while (index := end.recv()) is not None:
            end.send((index, work(chunks[index])))
    except Exception as error:  # raised again in the parent
        end.send((None, error))
    finally:
        end.close()
