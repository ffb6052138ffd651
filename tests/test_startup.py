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

#: every module of ours a lint whose plan comes from the result cache imports: the command
#: line, the configuration finder, the source reader (with ``reflow``, which says how the
#: text was read), the result cache, the findings and their spans, and the text format. Not
#: the plan model, the parser, the clause grammar, the sniffer, the engine or any rule: a
#: hit builds no plan and runs none of them.
FOR_A_CACHE_HIT = {
    "checker",
    "checker.base",
    "checker.base.errors",
    "checker.base.lazyre",
    "checker.checking",
    "checker.checking.cached",
    "checker.checking.config",
    "checker.checking.findings",
    "checker.checking.lint",
    "checker.checking.lintrun",
    "checker.checking.registry",
    "checker.checking.resultcache",
    "checker.commandline",
    "checker.commandline.cli",
    "checker.commandline.commands",
    "checker.knowledge",
    "checker.knowledge.data",
    "checker.locale",
    "checker.locale.zh",
    "checker.products",
    "checker.products.formats",
    "checker.products.formats.text",
    "checker.reading",
    "checker.reading.discover",
    "checker.reading.reflow",
    "checker.reading.source",
    "checker.reading.spans",
    "checker.reading.text",
}

#: what checking a plan afresh imports on top: the sniffer, the parser and its clause
#: grammar, the engine and the rules
FOR_A_FRESH_CHECK = (
    "checker.reading.sniff",
    "checker.reading.parse",
    "checker.reading.clause",
    "checker.checking.engine",
    "checker.checking.rules",
)

LINT = """
import json, sys
from checker.commandline.cli import main
sys.argv = ["plancheck", "lint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_of_a_lint(plan: Path, cache: Path, *options: str) -> list[str]:
    env = {**os.environ, "PLANCHECK_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", LINT, *options, str(plan)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


def _heavy(loaded: list[str]) -> list[str]:
    return [
        name
        for name in loaded
        if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_FOR_A_TEXT_PLAN)
    ]


def test_a_text_plan_loads_no_reader_of_other_formats_and_no_heavy_library(tmp_path):
    plan = ROOT / "plans" / "2024.txt"
    _modules_of_a_lint(plan, tmp_path, "--no-cache")  # the first run fills the rule-data cache
    loaded = _modules_of_a_lint(plan, tmp_path, "--no-cache")
    assert all(module in loaded for module in FOR_A_FRESH_CHECK)  # the plan was checked
    unexpected = _heavy(loaded)
    assert not unexpected, f"a lint of a text plan imports {unexpected}"


def test_a_plan_from_the_result_cache_imports_neither_parser_nor_rules(tmp_path):
    """A hit reads the file, makes its key and reads the findings back: it imports only
    ``FOR_A_CACHE_HIT`` (issue 26: importing the rest cost a third of such a run)."""
    plan = ROOT / "plans" / "2024.txt"
    _modules_of_a_lint(plan, tmp_path)  # the first run checks the plan and keeps its findings
    loaded = _modules_of_a_lint(plan, tmp_path)
    ours = {name for name in loaded if name == "checker" or name.startswith("checker.")}
    assert not ours - FOR_A_CACHE_HIT, f"a cache hit imports {sorted(ours - FOR_A_CACHE_HIT)}"
    assert "checker.checking.resultcache" in ours  # it was a hit, read back
    assert not _heavy(loaded)
