"""Instructions counted by valgrind's callgrind, run by hand: ``python bench/instructions.py``
(after ``pip install .``; needs ``valgrind``).

bench.py's wall times move by half on a machine whose cores are shared; an instruction count
moves by about one percent, so it tells whether a change to start-up or per-plan work helped
when the clock cannot. It prints, in millions of instructions:

- ``python -c pass``, ``python -c "import click"`` (the floor of any click command line),
  ``plancheck lint --no-cache plans/2024.txt`` and the same from the result cache, each
  with its ratio to the bare interpreter (it runs ahead of the wall-time ratio bench.py
  measures, which start-up's system calls and page faults pull toward 1);
- one in-process parse and run of every rule on the 2024 plan, every memo forgotten first
  (bench.py's in-process figure): a run of five such minus a run of none, divided by five;
- one responsibility clause read (``clause._read_clause``, unmemoised), averaged over the
  distinct clauses of plans/ and tests/data/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2024.txt"
#: the plancheck of the interpreter running this script (its environment's, as bench.py takes
#: it: the first on PATH may be another install's, or a shim without the checker's libraries)
BESIDE = Path(sys.executable).with_name("plancheck")
EXE = str(BESIDE) if BESIDE.exists() else shutil.which("plancheck") or str(BESIDE)

IN_PROCESS = """
import sys
from pathlib import Path
from checker.base.memo import forget
from checker.checking import engine
from checker.checking.config import Config
from checker.checking.rules import builtin_rules
from checker.reading.parse import parse
from checker.reading.source import Source

text = Path(sys.argv[1]).read_text(encoding="utf-8")
specs = list(builtin_rules().values())
for _ in range(1 + int(sys.argv[2])):
    forget()
    engine.run(parse(Source.from_text(text, "2024.txt")), Config(), specs)
"""

CLAUSES = """
import sys
from pathlib import Path
from checker.base.memo import forget
from checker.reading import clause
from checker.reading.sniff import parse_plan
from checker.reading.source import source_from_file

texts = []
read = clause._read_clause.__wrapped__
clause._read_clause = lambda text: texts.append(text) or read(text)
root = Path(sys.argv[1])
for path in sorted([*root.glob("plans/*.txt"), *root.glob("tests/data/**/*.txt")]):
    try:
        parse_plan(source_from_file(path.read_bytes(), path, str(path)), unread_as_plan=True)
    except Exception:
        pass  # not every fixture is a plan: the clauses of those that are suffice
texts = sorted(set(texts))
print(len(texts))
for _ in range(int(sys.argv[2])):
    forget()
    for text in texts:
        read(text)
"""


def instructions(args: list[str]) -> tuple[int, str]:
    """Instructions callgrind counts for ``args`` (run once before, to compile the modules),
    and what the program wrote on stdout."""
    subprocess.run(args, capture_output=True, check=False)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind counted nothing for {' '.join(args)}:\n{done.stderr}")
    return int(found.group(1)), done.stdout


#: ``-P``: the script does not put the current directory first on the import path, so it
#: measures the checker installed beside this interpreter even when run from a checkout
#: (from a worktree, ``-c`` imported that tree's code whatever was installed)
SAFE_PATH = ("-P",)


def per_run(script: str, argument: Path, times: int) -> tuple[float, str]:
    """Instructions of one repetition of ``script``'s loop: ``times`` of it minus none."""
    base, _ = instructions([sys.executable, *SAFE_PATH, "-c", script, str(argument), "0"])
    more, said = instructions([sys.executable, *SAFE_PATH, "-c", script, str(argument), str(times)])
    return (more - base) / times, said


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    work = Path(tempfile.mkdtemp(prefix="plancheck-instructions-"))
    os.environ["PLANCHECK_CACHE_DIR"] = str(work / "cache")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    try:
        bare, _ = instructions([sys.executable, *SAFE_PATH, "-c", "pass"])
        print(f"{'python -c pass':<44} {bare / 1e6:8.1f} M")
        for label, args in (
            (
                "python -c 'import click' (the floor)",
                [sys.executable, *SAFE_PATH, "-c", "import click"],
            ),
            ("lint plans/2024.txt --no-cache", [EXE, "lint", "--no-cache", str(PLAN)]),
            # instructions() runs it once first: that run fills the result cache
            ("lint plans/2024.txt (cache hit)", [EXE, "lint", str(PLAN)]),
        ):
            count, _ = instructions(args)
            print(f"{label:<44} {count / 1e6:8.1f} M   {count / bare:.1f}x bare")
        plan, _ = per_run(IN_PROCESS, PLAN, 5)
        print(f"{'in-process: parse + all rules, 2024':<44} {plan / 1e6:8.1f} M")
        clauses, said = per_run(CLAUSES, ROOT, 3)
        count = int(said)
        label = f"one clause read (of {count} distinct)"
        print(f"{label:<44} {clauses / count / 1e3:8.1f} k")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
