"""The worker pool of a lint run: forked processes given the run by inheritance (closures,
no module global in the parent), results in order, a worker's error raised in the parent, a worker that
dies never taken for one with no findings."""

from __future__ import annotations

import ast
import os
import signal

import pytest

from checker.checking import pool

from .test_architecture import PACKAGE


def test_results_come_back_in_the_chunks_order_from_a_closure():
    offset = 100  # a closure's own state: fork passes it, nothing is pickled but results
    chunks = [[n, n + 1] for n in range(0, 20, 2)]
    assert pool.map_forked(lambda chunk: [n + offset for n in chunk], chunks, 3) == [
        [n + offset, n + 1 + offset] for n in range(0, 20, 2)
    ]


def test_a_worker_s_error_is_raised_in_the_parent():
    def work(chunk):
        if chunk == [3]:
            raise ValueError("chunk 3")
        return chunk

    with pytest.raises(ValueError, match="chunk 3"):
        pool.map_forked(work, [[n] for n in range(6)], 2)


def test_a_worker_that_dies_is_an_error_not_an_empty_result():
    def work(chunk):
        if chunk == [1]:
            os.kill(os.getpid(), signal.SIGKILL)
        return chunk

    with pytest.raises(RuntimeError, match="worker"):
        pool.map_forked(work, [[n] for n in range(4)], 2)


def test_the_pool_keeps_no_module_state():
    """Module-level names of pool.py are functions, imports and constants: no dict, list or
    set a run fills before forking (the old ``_WORKER``). The run a worker serves is given
    to the worker as it starts, and the parent's module holds nothing after a run."""
    tree = ast.parse((PACKAGE / "checking" / "pool.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            value = node.value
            assert isinstance(value, ast.Constant), ast.unparse(node)
    assert pool.map_forked(lambda chunk: chunk, [[1], [2]], 2) == [[1], [2]]
    assert pool._run is None


def test_chunks_shrink_toward_the_end_and_cover_every_item_in_order():
    """Large chunks first, small ones for the run's end (both cores finish together), never
    under MIN_CHUNK but the last; every item once, in order."""
    items = list(range(1000))
    chunks = pool.chunked(items, 2)
    assert [n for chunk in chunks for n in chunk] == items
    sizes = [len(chunk) for chunk in chunks]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == 1000 // (2 * pool.SHARE_PER_CORE) and sizes[-2] == pool.MIN_CHUNK
    assert pool.chunked(list(range(3)), 2) == [[0, 1, 2]]


def test_a_worker_that_dies_stops_the_run_at_once():
    """A killed worker is an error as soon as its pipe ends, without waiting for the others
    to finish their chunks (it may have died holding the queue of chunk numbers)."""
    import time

    def work(chunk):
        if chunk == [0]:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(1)
        return chunk

    start = time.monotonic()
    with pytest.raises(RuntimeError, match="worker"):
        pool.map_forked(work, [[n] for n in range(40)], 2)
    assert time.monotonic() - start < 20  # not the other 39 chunks' second each
