"""What a plain ``plancheck lint plan.txt`` loads: the modules it needs, and none of the heavy
or format-specific ones (issue 26: start-up is most of a one-plan run, and a module imported
at the top of a rule module is paid by every run).

Counted by module, not by milliseconds, so the test holds on a loaded machine; the timings
themselves are bench/bench.py's and bench/instructions.py's.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
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
    # the commands other than lint, declared when one of them is asked for
    "checker.commandline.others",
)

#: every module of ours a lint whose plan comes from the result cache imports: the command
#: line, the configuration finder, the source reader, the result cache, the findings and
#: their spans, and the text format. Not ``reflow`` (the entry says how the text was read,
#: and a plan read as it is needs no rebuilding), the plan model, the parser, the clause
#: grammar, the sniffer, the engine, any rule or the rules' registry (a config file's
#: settings are checked against it, a hit without one needs none of it): a hit builds no
#: plan and runs none of them.
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
    "checker.checking.resultcache",
    "checker.commandline",
    "checker.commandline.cli",
    "checker.commandline.commands",
    "checker.commandline.options",
    "checker.knowledge",
    "checker.knowledge.data",
    "checker.locale",
    "checker.locale.zh",
    "checker.products",
    "checker.products.formats",
    "checker.products.formats.text",
    "checker.reading",
    "checker.reading.discover",
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
    # the plan, the configuration search and the rule data are read by their names as
    # strings: no pathlib (a Path is made where a file is written or a folder walked)
    assert "pathlib" not in set(loaded) - set(_modules_of_a_bare_start())


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
    # keys are BLAKE3 digests: hashlib would load OpenSSL, zlib one more library, at every
    # start (a tenth of such a run's instructions)
    assert not {"hashlib", "_hashlib", "zlib"} & set(loaded)
    # paths are strings on the way to a hit (a Path is made where a file is written, or a
    # folder walked): pathlib, with the urllib.parse and ipaddress it imports, cost 6 % of
    # such a run's instructions. (An editable install's start-up hook imports it for every
    # Python start, the bare one's too: only what the lint imports beyond that counts.)
    assert "pathlib" not in set(loaded) - set(_modules_of_a_bare_start())


def _modules_of_a_bare_start() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", "import json, sys; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


RULES_ONLY = """
import json, re, traceback
compiled = []
original = re.compile


def compile(pattern, flags=0):
    callers = [frame.filename for frame in traceback.extract_stack()[:-1]]
    compiled.append([str(pattern)[:40], callers])
    return original(pattern, flags)


re.compile = compile
from checker.checking.rules import builtin_rules

builtin_rules()
print(json.dumps(compiled))
"""


def test_importing_the_rules_compiles_no_pattern(tmp_path):
    """``plancheck rules``, ``plancheck rule``, a configuration's codes checked: each imports
    every rule, and with them the clause grammar and the vocabulary, to use none of their
    patterns. Those are ``LazyPattern``s (compiled at their first use); the only patterns
    compiled are the shipped data rules' own, checked as they are loaded (``kinds``)."""
    env = {**os.environ, "PLANCHECK_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", RULES_ONLY], capture_output=True, text=True, env=env, check=True
    )
    compiled = json.loads(done.stdout.strip().splitlines()[-1])
    # ours: compiled by a checker module itself (its stack's last frame); a standard module
    # compiling its own pattern as it is first imported (pathlib's urllib.parse, where no
    # editable install's start-up hook imported it before) is no pattern of ours
    ours = [(p, c) for p, c in compiled if f"{os.sep}checker{os.sep}" in c[-1]]
    assert ours, "the data rules' patterns are compiled as they are loaded"
    kinds = f"checking{os.sep}kinds.py"
    unneeded = [p for p, callers in ours if not any(f.endswith(kinds) for f in callers)]
    assert not unneeded, f"importing the rules compiles {unneeded}"


def test_a_lazy_pattern_compiles_at_its_first_use_and_then_is_the_pattern():
    import re

    from checker.base.lazyre import LazyPattern

    made = []
    pattern = LazyPattern(lambda: made.append(1) or r"(\d+)年")
    assert not made  # nothing read or compiled until used
    assert pattern.search("2024年计划").group(1) == "2024"
    assert made == [1] and pattern.pattern == r"(\d+)年"
    # the compiled pattern's own method from then on, not a call through ours
    assert pattern.search == pattern.compiled.search
    assert pattern.sub("", "2024年计划") == re.sub(r"(\d+)年", "", "2024年计划")
    assert made == [1]
    try:
        pattern.groups_of_nothing  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("only the pattern's methods are looked up")


def test_a_pattern_with_needles_answers_a_text_without_one_uncompiled():
    """A text holding none of a pattern's needles is answered as the compiled pattern
    answers it, by every method, without compiling; the first text holding one compiles
    it, and from then on each method is the compiled pattern's own."""
    from checker.base.lazyre import METHODS, LazyPattern

    source, needles = r"(会同|联合)(\d*)", ("会同", "联合")
    compiled = re.compile(source)
    texts = ["国家知识产权局负责", "", "联", "会同财政部", "A联合B2", "联合"]

    def same(method: str, text: str, pattern) -> bool:
        if method == "sub":
            return pattern.sub("#", text) == compiled.sub("#", text)
        got, want = getattr(pattern, method)(text), getattr(compiled, method)(text)
        if method == "finditer":
            got, want = [m.span() for m in got], [m.span() for m in want]
        elif isinstance(want, re.Match):
            got, want = got.span(), want.span()
        return got == want

    for method in sorted(METHODS):
        pattern = LazyPattern(source, needles=needles)
        for text in texts:
            assert same(method, text, pattern), (method, text)
            compiled_yet = pattern._compiled is not None
            assert compiled_yet == any(
                n in t for t in texts[: texts.index(text) + 1] for n in needles
            )
        assert getattr(pattern, method) == getattr(pattern.compiled, method)
    never = LazyPattern("$^", needles=())  # no needle at all: nothing can match
    assert never.search("anything") is None and never._compiled is None
    # a method kept before the compiling hands over to the compiled one at its next use
    both = LazyPattern(source, needles=needles)
    assert both.search("国家知识产权局负责") is None and both._compiled is None
    assert both.match("会同财政部").span() == (0, 2)
    assert both.search("由财政部会同").span() == (4, 6)
    assert both.search == both.compiled.search


def _corpus_texts() -> list[str]:
    """Every line of the plans and the test plans, as written and folded, and each whole."""
    from checker.reading.text import fold

    texts = []
    for path in sorted([*ROOT.glob("plans/*.txt"), *ROOT.glob("tests/data/**/*.txt")]):
        whole = path.read_bytes().decode("utf-8", errors="replace")
        for text in [whole, *whole.splitlines()]:
            texts += [text, fold(text)]
    return texts


def test_every_shipped_patterns_needles_are_in_every_text_it_matches():
    """A pattern's needles are what a text must hold for it to match (a text without one
    is answered unmatched, uncompiled): on every line and text of the corpus, a match is
    never found in a text without a needle."""
    import gc

    from checker.base.lazyre import LazyPattern
    from checker.reading import clause, parse, vocabulary  # noqa: F401 (their patterns)

    clause.grammar()
    parse._annex_list()
    # the patterns other tests made are unreachable, not all gone: a pattern used before its
    # compiling keeps its tested methods, which refer to it (a cycle only the collector ends)
    gc.collect()
    patterns = [p for p in gc.get_objects() if isinstance(p, LazyPattern) and p.needles is not None]
    assert len(patterns) >= 7, "the patterns given needles are found"
    texts = _corpus_texts()
    for pattern in patterns:
        for text in texts:
            if pattern.compiled.search(text) is not None:
                assert any(needle in text for needle in pattern.needles), (pattern, text)


#: a character class, and a range in it, its ends written as characters or \uXXXX escapes
_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
_CLASS_RANGE = re.compile(r"(\\u[0-9a-fA-F]{4}|[^\x00-\x7f])-(\\u[0-9a-fA-F]{4}|[^\x00-\x7f])")
#: sre compiles a class range one character at a time: [\u4e00-\u9fff] (20,992 of them) costs
#: 9 M instructions, 2 ms, at every run that uses the pattern (base.lazyre.HAN says Han
#: characters without it); a range this wide is such a cost
_WIDE = 1000


def _wide_ranges(text: str) -> list[str]:
    def code(end: str) -> int:
        return int(end[2:], 16) if end.startswith("\\u") else ord(end)

    return [
        found.group()
        for class_ in _CLASS.finditer(text)
        for found in _CLASS_RANGE.finditer(class_.group())
        if code(found.group(2)) - code(found.group(1)) > _WIDE
    ]


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def test_no_shipped_pattern_spells_out_the_han_block_as_a_range():
    """The rule data's strings and the checker's string literals (docstrings apart) hold no
    character range over a thousand characters wide: the collective and note patterns of
    rules/clause-grammar.yaml once cost 28 M instructions of a 520 M run that way."""
    import tokenize

    import yaml

    wide = [
        f"{path.relative_to(ROOT)}: {found}"
        for path in sorted((ROOT / "rules").rglob("*.yaml"))
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        for found in _wide_ranges(text)
    ]
    for path in sorted((ROOT / "checker").rglob("*.py")):
        with path.open("rb") as handle:
            tokens = list(tokenize.tokenize(handle.readline))
        wide += [
            f"{path.relative_to(ROOT)}:{token.start[0]}: {found}"
            for token in tokens
            if token.type == tokenize.STRING and not token.string.lstrip("rbfRBF").startswith('"""')
            for found in _wide_ranges(token.string)
        ]
    assert not wide, f"write Han characters as base.lazyre.HAN: {wide}"
