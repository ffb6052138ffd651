"""The module map of ``checker/``: each subpackage's modules with their line counts, and the
import arrows between subpackages, at any commit (the closing note of a renovation shows the
map before and after).

``python tools/module_map.py`` maps the working tree; ``python tools/module_map.py REV`` a
commit (read with ``git archive``, never checked out). A commit from before the subpackages
has its modules in ``checker/`` itself; ``--as-moved-by COMMIT`` groups them by the
subpackage COMMIT moved each one into, so the old arrows can be read against the new layers
(an arrow up the layers is marked ``UP``). The import graph is the one
``tests/test_architecture.py`` holds the layering with (imports inside functions count,
those under ``if TYPE_CHECKING:`` do not).
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: the subpackages from the bottom up: a module imports only from its own layer or below
#: (``tests/test_architecture.py`` fails on an arrow up this order)
LAYERS = ("base", "knowledge", "reading", "checking", "locale", "products", "commandline")


def module_name(path: Path, package: Path) -> str:
    """``checker/reading/parse.py`` → ``checker.reading.parse`` (a package by its folder)."""
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(package: Path) -> dict[str, Path]:
    """Every module of the package by its dotted name."""
    return {module_name(path, package): path for path in sorted(package.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(tree: ast.AST):
    """Every import node that runs, skipping ``if TYPE_CHECKING:`` bodies (they never run);
    an import inside a function counts (a lazy import is still a dependency)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (n for child in node.orelse for n in _imports_in(child))
            continue
        yield from _imports_in(node)


def _imports_in(node: ast.AST):
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from imports(node)


def _targets(module: str, path: Path, node: ast.AST, known: set[str]) -> set[str]:
    """The package's modules an import statement loads."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in known}
    assert isinstance(node, ast.ImportFrom)
    if node.level:
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{node.module}" if node.module else package
    else:
        base = node.module or ""
    found = set()
    for alias in node.names:
        if f"{base}.{alias.name}" in known:
            found.add(f"{base}.{alias.name}")  # a submodule
        elif base in known:
            found.add(base)  # a name defined in the module (or package)
    return found


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module → the package's modules it imports, read from the source (ast)."""
    found = modules(package)
    known = set(found)
    graph: dict[str, set[str]] = {}
    for module, path in found.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        edges: set[str] = set()
        for node in imports(tree):
            edges |= _targets(module, path, node, known)
        edges.discard(module)
        graph[module] = edges
    return graph


def group_of(module: str, moved: dict[str, str]) -> str:
    """A module's subpackage (``reading``), after ``moved`` renames it; a module of the
    package's own top level is ``checker``."""
    parts = moved.get(module, module).split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else "checker"


def moves(commit: str) -> dict[str, str]:
    """The modules ``commit`` renamed (``checker.parse`` → ``checker.reading.parse``), from
    git's rename detection of that one commit."""
    listing = _git("diff", "-M", "--name-status", f"{commit}^", commit, "--", "checker")
    renamed = {}
    for line in listing.splitlines():
        status, *paths = line.split("\t")
        if status.startswith("R") and all(p.endswith(".py") for p in paths):
            old, new = (module_name(ROOT / p, ROOT / "checker") for p in paths)
            renamed[old] = new
    return renamed


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout


def checkout(rev: str, into: Path) -> Path:
    """``checker/`` as it was at ``rev``, unpacked under ``into`` (the working tree is left
    alone)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "checker"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "checker"


def render(package: Path, moved: dict[str, str]) -> str:
    """The map as text: per group its lines and modules, then the arrows between groups
    (with how many module-to-module imports make each)."""
    lines_of = {
        m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in modules(package).items()
    }
    groups: dict[str, list[str]] = defaultdict(list)
    for module in lines_of:
        groups[group_of(module, moved)].append(module)
    order = sorted(groups, key=lambda g: (LAYERS.index(g) if g in LAYERS else -1, g))
    out = [f"{sum(lines_of.values())} lines in {len(lines_of)} modules"]
    for group in order:
        members = sorted(groups[group])
        total = sum(lines_of[m] for m in members)
        out.append(f"\n{group}: {total} lines, {len(members)} modules")
        out.extend(f"  {lines_of[m]:5d}  {m}" for m in members)
    arrows: Counter[tuple[str, str]] = Counter()
    for module, edges in import_graph(package).items():
        for target in edges:
            pair = (group_of(module, moved), group_of(target, moved))
            if pair[0] != pair[1]:
                arrows[pair] += 1
    out.append("\narrows (imports between groups):")
    for (source, target), count in sorted(
        arrows.items(), key=lambda a: (order.index(a[0][0]), order.index(a[0][1]))
    ):
        up = source in LAYERS and target in LAYERS and LAYERS.index(target) > LAYERS.index(source)
        out.append(f"  {source} -> {target}  ({count}){'  UP' if up else ''}")
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", help="a commit (default: the working tree)")
    parser.add_argument(
        "--as-moved-by", metavar="COMMIT", help="group by where COMMIT moved each module"
    )
    args = parser.parse_args()
    moved = moves(args.as_moved_by) if args.as_moved_by else {}
    if args.rev is None:
        sys.stdout.write(render(ROOT / "checker", moved))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        sys.stdout.write(render(checkout(args.rev, Path(folder)), moved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
