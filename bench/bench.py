"""Benchmarks, run by hand: ``python bench/bench.py`` (after ``pip install .``).

Prints, in one run: ``plancheck lint plans/2024.txt`` against ``python3 -c pass``; 1,000
plans in one invocation with its peak memory; a 10 MB plan; the report and the diffs. Every
figure is the wall time of a real ``plancheck`` process (median of several runs where it is
cheap), so start-up is included, as a pre-commit hook pays it.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024.txt"
DRAFT = ROOT / "tests" / "data" / "diff" / "2025-draft.txt"
EXE = shutil.which("plancheck") or str(Path(sys.executable).with_name("plancheck"))


CPU: list[float] = []  # CPU seconds (user + system) of the last run, children included


def run(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one child process; its CPU time goes to CPU[-1].

    CPU time is printed beside wall time because this machine's wall clock is noisy
    (shared cores): CPU time is what the code costs.
    """
    start = time.perf_counter()
    before = os.times()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    after = os.times()
    CPU.append(
        after.children_user - before.children_user + after.children_system - before.children_system
    )
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(args)} exited {code}")
    return elapsed, usage.ru_maxrss // 1024


def median(args: list[str], times: int = 15) -> float:
    """Median wall time; CPU[-1] becomes the median CPU time of the same runs."""
    run(args)  # warm the file cache
    walls, cpus = [], []
    for _ in range(times):
        walls.append(run(args)[0])
        cpus.append(CPU[-1])
    CPU.append(statistics.median(cpus))
    return statistics.median(walls)


def big_plan(target_bytes: int) -> str:
    """A plan of about ``target_bytes`` UTF-8 bytes: the 2024 tasks repeated and renumbered."""
    lines = PLAN.read_text(encoding="utf-8").split("\n")
    tasks = [line.split(".", 1)[1] for line in lines if line[:1].isdigit() and "." in line[:4]]
    header = lines[:7]
    out, size, number = list(header), sum(len(h.encode()) for h in header), 0
    out.append("一、完善知识产权制度")
    while size < target_bytes:
        number += 1
        line = f"{number}.{tasks[number % len(tasks)]}"
        out.append(line)
        size += len(line.encode()) + 1
    out.append(lines[-1])
    return "\n".join(out) + "\n"


def synthetic_pair(count: int, seed: int = 7) -> tuple[str, str]:
    """Two plans of ``count`` tasks: the second renumbered, reworded, shuffled, trimmed."""
    rng = random.Random(seed)
    lines = PLAN.read_text(encoding="utf-8").split("\n")
    bodies = [line.split(".", 1)[1] for line in lines if line[:1].isdigit() and "." in line[:4]]
    words = ["深化", "完善", "统筹", "推动", "加快", "试点", "机制", "平台", "标准", "协同"]
    old = []
    for n in range(count):
        body = bodies[n % len(bodies)]
        old.append(f"{''.join(rng.choices(words, k=4))}{n}{body}")
    new = [t for t in old if rng.random() > 0.05]
    for i in range(0, len(new), 10):
        new[i] = new[i].replace("推进", "深入推进", 1) + ""
    rng.shuffle(new)
    new += [f"新增任务{n}{rng.choice(bodies)}" for n in range(count // 20)]

    def plan(items: list[str]) -> str:
        body = [f"{n}.{item}" for n, item in enumerate(items, 1)]
        return "2025年推进计划\n一、总体\n" + "\n".join(body) + "\n"

    return plan(old), plan(new)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="plancheck-bench-"))
    try:
        bare = median([sys.executable, "-c", "pass"])
        bare_cpu = CPU[-1]
        single = median([EXE, "lint", str(PLAN)])
        print(f"python3 -c pass             {bare * 1000:7.1f} ms   cpu {bare_cpu * 1000:.0f} ms")
        print(
            f"lint plans/2024.txt         {single * 1000:7.1f} ms   cpu {CPU[-1] * 1000:.0f} ms"
            f"   ({single / bare:.1f}x bare start; target < 3x)"
        )

        many = work / "many"
        many.mkdir()
        for n in range(1000):
            shutil.copy(PLAN, many / f"plan-{n:04}.txt")
        elapsed, rss = run(
            [EXE, "lint", str(many), "--format", "json", "-o", str(work / "many.json")]
        )
        print(
            f"lint 1,000 plans            {elapsed:7.2f} s    cpu {CPU[-1]:.2f} s   peak RSS {rss} MB (target < 3 s)"
        )

        big = work / "big.txt"
        big.write_text(big_plan(10 * 1024 * 1024), encoding="utf-8")
        size = big.stat().st_size / 1_048_576
        elapsed, rss = run([EXE, "lint", str(big), "-o", str(work / "big.out")])
        print(
            f"lint a {size:.1f} MB plan        {elapsed:7.2f} s    cpu {CPU[-1]:.2f} s"
            f"   peak RSS {rss} MB (target < 5 s, < 500 MB)"
        )

        report = median([EXE, "report", str(PLAN), "-o", str(work / "r.html")], times=5)
        print(
            f"report plans/2024.txt       {report * 1000:7.1f} ms   cpu {CPU[-1] * 1000:.0f} ms   (target < 500 ms)"
        )
        previous = median(
            [EXE, "report", str(DRAFT), "--previous", str(PLAN), "-o", str(work / "r2.html")],
            times=5,
        )
        print(f"report --previous           {previous * 1000:7.1f} ms")

        diff = median([EXE, "diff", str(PLAN), str(DRAFT), "--format", "json"], times=5)
        print(
            f"diff 110 vs 110 tasks       {diff * 1000:7.1f} ms   cpu {CPU[-1] * 1000:.0f} ms   (target < 300 ms)"
        )
        old, new = synthetic_pair(2000)
        (work / "old.txt").write_text(old, encoding="utf-8")
        (work / "new.txt").write_text(new, encoding="utf-8")
        elapsed, rss = run(
            [EXE, "diff", str(work / "old.txt"), str(work / "new.txt"), "--format", "json"]
        )
        print(
            f"diff 2,000 vs 2,000 tasks   {elapsed:7.2f} s    cpu {CPU[-1]:.2f} s   peak RSS {rss} MB (target < 3 s)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
