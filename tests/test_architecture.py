"""The arrows run one way: no import cycles in ``checker/``, and analysis never reaches up
into presentation (rules and the diff import no format and no CLI).

The module graph is read from the source (ast), not from ``sys.modules``: imports inside
functions count (a lazy import is still a dependency), imports under ``if TYPE_CHECKING:``
do not (they never run).
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checker"


def _tool():
    """``tools/module_map.py``, which reads the graph (and draws the module map from it)."""
    path = PACKAGE.parent / "tools" / "module_map.py"
    spec = importlib.util.spec_from_file_location("module_map", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAP = _tool()
_imports = MAP.imports
#: the subpackages from the bottom up: a module imports only from its own layer or below.
#: ``checker.locale`` (every word a reader sees) sits above checking, whose findings it words.
LAYERS = MAP.LAYERS


def _modules() -> dict[str, Path]:
    """checker's modules by dotted name."""
    return MAP.modules(PACKAGE)


def import_graph() -> dict[str, set[str]]:
    """checker's import graph, as the module map draws it."""
    return MAP.import_graph(PACKAGE)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_the_graph_is_read():
    graph = import_graph()
    assert "checker.checking.context" in graph["checker.checking.rules.numbering"]
    assert "checker.reading.docx" in graph["checker.reading.source"]  # a lazy import counts


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _analysis_modules() -> list[str]:
    graph = import_graph()
    return [
        m for m in graph if m.startswith("checker.checking.rules") or m == "checker.products.diff"
    ]


@pytest.mark.parametrize("module", _analysis_modules())
def test_analysis_imports_no_format_and_no_cli(module):
    graph = import_graph()
    reached = reachable(graph, module)
    upward = sorted(
        m
        for m in reached
        if m.startswith("checker.products.formats") or m == "checker.commandline.cli"
    )
    assert upward == [], f"{module} reaches {upward}"


@pytest.mark.parametrize(
    "module", [m for m in _analysis_modules() if m.startswith("checker.checking.rules")]
)
def test_rules_see_the_context_not_the_engine(module):
    """A rule's world is (plan, ctx): it reaches neither the engine nor the config."""
    reached = reachable(import_graph(), module)
    assert not reached & {
        "checker.checking.engine",
        "checker.checking.config",
        "checker.checking.lint",
    }


def test_config_knows_no_rule_by_name():
    """Rule options are declared beside their rules; config.py validates them generically."""
    from checker.checking.registry import declared_options
    from checker.checking.rules import builtin_rules

    options = declared_options(builtin_rules().values())
    assert {"punctuation", "near-duplicate"} <= set(options)
    source = (PACKAGE / "checking" / "config.py").read_text(encoding="utf-8")
    for key in options:
        assert key not in source and key.replace("-", "_") not in source


def test_the_parser_reports_facts_not_repairs():
    """parse.py finds a broken number; N003 builds the edits that mend it."""
    from checker.reading.model import Break

    assert "edits" not in Break._fields
    names = {
        alias.name
        for node in _imports(
            ast.parse((PACKAGE / "reading" / "parse.py").read_text(encoding="utf-8"))
        )
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert "Edit" not in names


def test_the_fix_loop_is_the_engine_s(tmp_path):
    from checker.checking import engine, lint

    assert hasattr(engine, "fix_until_stable") and not hasattr(lint, "fix_until_stable")


def test_parallel_workers_use_the_rules_they_are_given(tmp_path, monkeypatch):
    """A run with only some rules gets only those, whether its files are linted in one
    process or in forked workers (which used to rebuild the built-in rules)."""
    from checker.checking import pool
    from checker.checking.lint import LintOptions, lint_paths
    from checker.checking.rules import builtin_rules

    from .conftest import PLAN_2024

    if pool.cores() < 2:
        monkeypatch.setattr(pool, "cores", lambda: 2)
    for n in range(4):
        (tmp_path / f"plan-{n}.txt").write_text(PLAN_2024.read_text(encoding="utf-8"))
    only = [builtin_rules()["A001"]]
    monkeypatch.setattr(pool, "PARALLEL_MIN_FILES", 2)
    parallel = lint_paths([str(tmp_path)], LintOptions(), only)
    monkeypatch.setattr(pool, "PARALLEL_MIN_FILES", 10**6)
    sequential = lint_paths([str(tmp_path)], LintOptions(), only)
    assert {f.code for f in parallel.findings} == {"A001"}
    assert [(f.path, f.line) for f in parallel.findings] == [
        (f.path, f.line) for f in sequential.findings
    ]


def test_every_module_in_rules_is_found_and_registers_a_rule():
    """Rules are discovered, not listed: each module in checker/checking/rules/ is a rule module."""
    from checker.checking.rules import builtin_rules

    modules = {
        f"checker.checking.rules.{path.stem}"
        for path in (PACKAGE / "checking" / "rules").glob("*.py")
        if path.stem != "__init__"
    }
    registered = {
        spec.func.__module__ for spec in builtin_rules().values() if spec.origin == "builtin"
    }
    assert registered == modules


def test_outputs_go_through_the_formats_registry():
    """Outside formats/, nothing imports a format module: every output is asked of the
    registry (``formats.render``), and the CLI's --format choices are the registry's."""
    from checker.commandline.cli import all_commands
    from checker.products.formats import choices

    graph = import_graph()
    for module, edges in graph.items():
        if not module.startswith("checker.products.formats"):
            inside = sorted(e for e in edges if e.startswith("checker.products.formats."))
            assert inside == [], f"{module} imports {inside}"
    for command, output in (
        ("lint", "lint"),
        ("diff", "diff"),
        ("agencies", "agencies"),
        ("rules", "rules"),
    ):
        option = next(p for p in all_commands()[command].params if p.name == "fmt")
        assert list(option.type.choices) == choices(output)


def test_rule_modules_are_the_folders_python_modules_only(tmp_path, monkeypatch):
    """An editor's lock or backup file beside the rules (``.#brackets.py``, ``x.py~``) is
    not a module to import; every real rule module is found."""
    import os

    from checker.checking import rules

    listing = [*os.listdir(os.path.dirname(rules.__file__)), ".#brackets.py", "brackets.py~"]
    monkeypatch.setattr(rules.os, "listdir", lambda _folder: listing)
    found = rules._rule_modules()
    assert ".#brackets" not in found and "brackets.py~" not in found
    assert {"brackets", "numbering", "agencies", "near_duplicate"} <= set(found)
    monkeypatch.setattr(rules.os, "listdir", lambda _folder: ["__init__.py"])
    with pytest.raises(RuntimeError):
        rules._rule_modules()


def test_no_module_reaches_into_another_s_private_names():
    """Fixes are taken and applied by ``checker.checking.edits`` for the engine, review and the
    formats alike; nothing reaches for another module's ``_private`` names to do it."""
    import re as regex

    root = Path(__file__).resolve().parent.parent / "checker"
    reach = regex.compile(r"\b(engine|lint|parse|clause|edits)\._[a-z]\w*")
    found = [
        f"{path.relative_to(root)}: {match.group()}"
        for path in root.rglob("*.py")
        for match in reach.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def _layer(module: str) -> int | None:
    """The layer of a ``checker.<subpackage>…`` module; None for the package itself."""
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_lives_in_a_layer():
    """Outside the subpackages, only the package (its version) and ``__main__``."""
    loose = sorted(m for m in import_graph() if _layer(m) is None)
    assert loose == ["checker", "checker.__main__"]


def test_subpackages_import_only_downward():
    upward = sorted(
        f"{module} -> {target}"
        for module, edges in import_graph().items()
        for target in edges
        if _layer(module) is not None
        and _layer(target) is not None
        and _layer(target) > _layer(module)
    )
    assert upward == []


def _defined_names(path: Path) -> set[str]:
    """The names a module binds at its top level (defined, assigned or imported)."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def test_every_relative_import_finds_its_module():
    """Lazy imports run only when their function does: a relative import left pointing at
    a module's old place (after a move, or a merge across one) fails here, not in a user's
    run of the one command that reaches it."""
    modules = _modules()
    wrong = []
    for module, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            package = module if path.name == "__init__.py" else module.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{node.module}" if node.module else package
            if base not in modules:
                wrong.append(f"{module}: {base}")
                continue
            for alias in node.names:
                known = f"{base}.{alias.name}" in modules
                if not known and alias.name not in _defined_names(modules[base]):
                    wrong.append(f"{module}: {base}.{alias.name}")
    assert wrong == []


def test_the_module_map_shows_every_module_and_no_arrow_up():
    """``tools/module_map.py`` (the closing note's map): each module with its lines, each
    arrow between subpackages, and a module of a flat checker/ grouped where a move put it."""
    text = MAP.render(PACKAGE, {})
    assert all(f"  {module}\n" in text for module in _modules())
    assert "  reading -> knowledge  (" in text and "UP" not in text
    assert MAP.group_of("checker.parse", {"checker.parse": "checker.reading.parse"}) == "reading"
    assert MAP.group_of("checker.parse", {}) == "checker"
