"""Which files a run reads: the paths named, a folder's plan files (sorted), and the files
of a plan's usual formats that plancheck does not read, each with why (said with -v).

Discovery only looks at names and kinds of files; reading them is ``source``'s work.
"""

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..base.errors import Reason

if TYPE_CHECKING:
    from pathlib import Path

#: what a folder contributes: every format plancheck reads (text, Word, PDF, web pages)
PLAN_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")
NO_PLANS = Reason("no plan files (*.txt, *.md, *.docx, *.pdf, *.html) in folder", "no-plans")
#: a folder whose files all turned out not to be plans once read: said as an empty one is
NONE_A_PLAN = "no plans in folder: {count:its one file is not a plan|none of its {count} files is a plan} (-v says why)"
#: formats a plan is often kept in that plancheck does not read: a folder run names them
#: with -v (skipped, and why), rather than passing over them in silence
UNREAD_SUFFIXES = {
    ".doc": Reason("not read: an old Word .doc file; save it as .docx", "format-not-read"),
    ".wps": Reason("not read: a WPS .wps file; save it as .docx", "format-not-read"),
    ".rtf": Reason("not read: an RTF file; save it as .docx", "format-not-read"),
    ".ofd": Reason("not read: an OFD file; export it as PDF", "format-not-read"),
}
#: Word's lock file beside an open document (~$draft.docx): not a document at all
WORD_LOCK = Reason("not read: Word's lock file of an open document (~$…)", "format-not-read")


class Item:
    """One file to check: its display name, its path (None for stdin), an error found while
    looking for it, and whether a folder walk found it (then a non-plan is skipped).

    The path is a string, as named on the command line or as the walk of a folder spells
    it: a run of named files from the result cache imports no pathlib."""

    __slots__ = ("display", "error", "path", "root", "skip", "walked")

    def __init__(
        self,
        display: str,
        path: str | None,
        error: Reason | None = None,
        walked: bool = False,
        skip: Reason | None = None,
        root: str = "",
    ) -> None:
        self.display = display
        self.path = path
        self.error = error
        self.walked = walked
        #: why a folder walk passes over a file it found (a format not read), said with -v
        self.skip = skip
        #: the folder named on the command line that a walk found it in
        self.root = root


def discover(paths: Iterable[str]) -> list[Item]:
    """Expand folders into their plan files, sorted; keep each path's error for later."""
    found: list[Item] = []
    for raw in paths:
        if raw == "-":
            found.append(Item("-", None))
            continue
        folder = raw or "."  # an empty argument names the current folder, as Path("") does
        if os.path.isdir(folder):
            plans, passed = _walk(folder)
            if not plans:
                found.append(Item(raw, raw, NO_PLANS))
            found.extend(Item(str(p), str(p), None, True, root=raw) for p in plans)
            found.extend(Item(str(p), str(p), None, True, why, raw) for p, why in passed)
        elif not os.path.exists(raw):
            found.append(Item(raw, raw, Reason("no such file", "not-found")))
        else:
            found.append(Item(raw, raw))
    return found


def _walk(folder: str) -> "tuple[list[Path], list[tuple[Path, Reason]]]":
    """Plan files below a folder, sorted, and the files of a plan's usual formats that are
    not read, with why; hidden folders and symlink loops are skipped. Paths, as a folder's
    files are named and ordered (``plans/a/b.txt`` before ``plans/a-b.txt``)."""
    from pathlib import Path

    result = []
    passed = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            path = Path(root) / name
            if name.lower().endswith(PLAN_SUFFIXES):
                if name.startswith("~$"):
                    passed.append((path, WORD_LOCK))
                elif path.is_file() or path.is_symlink():  # FIFOs and devices are not plans
                    result.append(path)
            elif path.suffix.lower() in UNREAD_SUFFIXES:
                passed.append((path, UNREAD_SUFFIXES[path.suffix.lower()]))
    return sorted(result), sorted(passed, key=lambda item: item[0])


def folders_without_plans(walked: Iterable[tuple[Item, bool]]) -> list[tuple[str, Reason]]:
    """The folders named whose plan-format files were all found not to be plans when read
    (``walked``: each item and whether it was skipped as no plan), with the reason to say:
    a CI job pointed at the wrong folder must not pass on nothing checked. A folder without
    a single such file already has ``NO_PLANS``."""
    files: dict[str, int] = {}
    with_a_plan: set[str] = set()
    for item, skipped in walked:
        if item.walked and item.root and item.skip is None:
            files[item.root] = files.get(item.root, 0) + 1
            if not skipped:
                with_a_plan.add(item.root)
    return [
        (root, Reason(NONE_A_PLAN, "no-plans", count=count))
        for root, count in files.items()
        if root not in with_a_plan
    ]
