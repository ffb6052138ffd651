"""What a plain ``plancheck lint plan.txt`` loads: the modules it needs, and none of the heavy
or format-specific ones (issue 26: start-up is most of a one-plan run, and a module imported
at the top of a rule module is paid by every run).

Counted by module, not by milliseconds, so the test holds on a loaded machine; the timings
themselves are bench/bench.py's and bench/instructions.py's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: libraries a text plan never needs (YAML and JSON Schema only when rule data is parsed
#: afresh, not read back from the data cache; the rest for other formats or commands), and
#: the readers of other formats and of task tables
NOT_FOR_A_TEXT_PLAN = (
    "yaml",
    "jsonschema",
    "rapidfuzz",
    "lxml",
    "docx",
    "pypdfium2",
    "jinja2",
    "ruamel",
    "charset_normalizer",
    "difflib",
    "multiprocessing",
    "checker.reading.docx",
    "checker.reading.pdf",
    "checker.reading.webpage",
    "checker.reading.tables",
    "checker.products.report",
    "checker.products.diff",
    "checker.products.review",
)

LINT = """
import json, sys
from checker.commandline.cli import main
sys.argv = ["plancheck", "lint", "--no-cache", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_of_a_lint(plan: Path, cache: Path) -> list[str]:
    env = {**os.environ, "PLANCHECK_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", LINT, str(plan)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_a_text_plan_loads_no_reader_of_other_formats_and_no_heavy_library(tmp_path):
    plan = ROOT / "plans" / "2024.txt"
    _modules_of_a_lint(plan, tmp_path)  # the first run fills the rule-data cache
    loaded = _modules_of_a_lint(plan, tmp_path)
    assert "checker.checking.engine" in loaded  # the plan was checked
    unexpected = [
        name
        for name in loaded
        if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_FOR_A_TEXT_PLAN)
    ]
    assert not unexpected, f"a lint of a text plan imports {unexpected}"
