"""Where a plan's in-process time goes, run by hand: ``python bench/rules.py [--plans N]``
(after ``pip install .``).

bench.py says how long parse + all rules take; this says which part: the parse, each rule
(``engine.run`` with every rule's function timed), and the garbage collector's share of
them, as CPU milliseconds per plan. Two readings, as bench.py measures them:

- ``fresh``: the 2024 plan with every memo forgotten before each run (bench.py's in-process
  figure: a plan never seen);
- ``worker``: N different plans one after the other, memos kept, reports kept without
  their plan (what a worker of ``lint`` over bench.py's 1,000 plans does: tasks and clauses
  carry over from plan to plan, so memoised readings are mostly hits).

CPU time (``time.process_time``), not wall time: this machine's cores are shared. The GC's
share is read through ``gc.callbacks`` (it is measured, never switched off).
"""

from __future__ import annotations

import argparse
import copy
import gc
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import PLAN, variant  # the 1,000-plan run's own plans


class Clock:
    """CPU seconds by part: the parse, each rule, the garbage collector."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        #: the collector's seconds, apart: they are also inside the part it interrupted
        self.collecting = 0.0
        self._gc_started = 0.0

    def on_gc(self, phase: str, info: dict) -> None:
        """A ``gc.callbacks`` hook: the collector's own time, whichever code it interrupts."""
        if phase == "start":
            self._gc_started = time.process_time()
        else:
            self.collecting += time.process_time() - self._gc_started

    def timed(self, label: str, work: Callable[..., Any], *args: Any) -> Any:
        """``work(*args)``, its CPU time added to ``label``'s."""
        start = time.process_time()
        result = work(*args)
        self.spent[label] += time.process_time() - start
        return result

    def rule(self, spec):  # type: ignore[no-untyped-def]
        """``spec`` with its function timed (its findings drained inside the timing: rules
        are generators, and their work is done as they are iterated)."""
        func = spec.func

        def timed(plan, ctx):  # type: ignore[no-untyped-def]
            return self.timed(spec.code, lambda: list(func(plan, ctx)))  # one call: no loop

        timed_spec = copy.copy(spec)
        timed_spec.func = timed
        return timed_spec


def measure(texts: Iterable[tuple[str, str]], forget_each: bool) -> tuple[Clock, int]:
    """Parse and check each (name, text) with every rule timed; the plans checked."""
    from checker.base.memo import forget
    from checker.checking import engine
    from checker.checking.config import Config
    from checker.checking.rules import builtin_rules
    from checker.reading.parse import parse
    from checker.reading.source import Source

    def read(text: str, name: str):  # type: ignore[no-untyped-def]
        """The plan of a text: its Source made (folded, lines found) and parsed."""
        return parse(Source.from_text(text, name))

    clock = Clock()
    specs = [clock.rule(spec) for spec in builtin_rules().values()]
    engine.run(
        parse(Source.from_text(PLAN.read_text(encoding="utf-8"), "2024.txt")), Config(), specs
    )
    clock.spent.clear()  # the first run loads the rule data: not a plan's cost
    clock.collecting = 0.0
    kept, count = [], 0
    gc.callbacks.append(clock.on_gc)
    try:
        for name, text in texts:
            if forget_each:
                forget()
            plan = clock.timed("(parse)", read, text, name)
            start = time.process_time()
            result = engine.run(plan, Config(), specs)
            clock.spent["(engine, beside the rules)"] += time.process_time() - start
            kept.append(result.findings)  # as a worker keeps its chunk's reports
            count += 1
    finally:
        gc.callbacks.remove(clock.on_gc)
    rules = sum(v for k, v in clock.spent.items() if not k.startswith("("))
    clock.spent["(engine, beside the rules)"] -= rules
    return clock, count


def report(title: str, clock: Clock, plans: int, top: int) -> None:
    total = sum(clock.spent.values())
    print(f"{title}: {total / plans * 1000:.2f} ms a plan ({plans} plans), CPU")
    for label, seconds in clock.spent.most_common(top):
        share = seconds / total * 100 if total else 0
        print(f"  {label:<28} {seconds / plans * 1000:7.3f} ms  {share:4.1f} %")
    share = clock.collecting / total * 100 if total else 0
    print(
        f"  of all these, the garbage collector {clock.collecting / plans * 1000:.3f} ms  {share:.1f} %"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=300, help="plans of the worker reading")
    parser.add_argument("--top", type=int, default=20, help="parts listed")
    args = parser.parse_args()
    text = PLAN.read_text(encoding="utf-8")
    clock, count = measure((("2024.txt", text) for _ in range(30)), forget_each=True)
    report("fresh (the 2024 plan, memos forgotten)", clock, count, args.top)
    plans = ((f"plan-{k:04}.txt", variant(text, k)) for k in range(args.plans))
    clock, count = measure(plans, forget_each=False)
    report("worker (bench.py's plans, memos kept)", clock, count, args.top)


if __name__ == "__main__":
    main()
