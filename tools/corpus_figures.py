"""The corpus figures: defects found and false alarms per rule code, over every document.

``python tools/corpus_figures.py`` prints the totals; ``-v`` adds each false alarm and each
missed defect, by document; ``--code G001`` limits the detail to one code. The comparison is
``tests/test_corpus.py``'s own (same truth files, same matching of a finding to a defect), so
the figures are the test's, counted.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_corpus import _doc_id, documents, load_truth, read_document  # noqa: E402

_ALARM = re.compile(r"false alarm: line (\d+) (\w+) (.*)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--code", help="show the detail of this code only")
    args = parser.parse_args()
    alarms: Counter[str] = Counter()
    listed = found = 0
    for path in documents():
        reading = read_document(path)
        defects = len(load_truth(path)["defects"] or [])
        listed += defects
        found += defects - len(reading.missed)
        shown = []
        for problem in reading.problems:
            hit = _ALARM.match(problem)
            if hit:
                alarms[hit.group(2)] += 1
                if not args.code or hit.group(2) == args.code:
                    shown.append(problem)
        if args.verbose and (shown or (reading.missed and not args.code)):
            print(_doc_id(path))
            for line in shown:
                print("   ", line)
            if not args.code:
                for line in reading.missed:
                    print("    missed:", line)
    print(
        f"documents {len(documents())}; defects found {found} of {listed}; "
        f"false alarms {sum(alarms.values())}"
    )
    print("  " + ", ".join(f"{code} {n}" for code, n in alarms.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
