"""The ``plancheck`` console script: start, run one command, leave.

A pre-commit hook starts plancheck on every commit, so start-up is what a drafter waits for.
Importing click costs as much as the check itself (about 20 ms: it imports ``inspect``,
``typing``, ``uuid``, ``datetime``…). The command lines a hook or a CI job writes —
``plancheck lint [flags] [--format F] [-o FILE] PATH…`` — are read here without click and
handed to ``commands.lint``, the same function click's ``lint`` calls. Anything else (help,
another command, a short-option cluster, ``--``, a value that is not one of its choices, an
unknown option, no path) goes to click, which parses it and says what is wrong in its own
words. tests/test_launch.py holds that both readings give ``commands.lint`` the same
arguments, for every option of the command.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .commands import LANGUAGES

#: lint's flags, as spelled on the command line → the argument of ``commands.lint``
LINT_FLAGS: dict[str, str] = {
    "--write-baseline": "write_baseline",
    "--fix": "fix",
    "--unsafe-fixes": "unsafe_fixes",
    "--diff": "show_diff",
    "--exit-zero": "exit_zero",
    "--statistics": "statistics",
    "-q": "quiet",
    "--quiet": "quiet",
    "-v": "verbose",
    "--verbose": "verbose",
    "--skip-non-plans": "skip_non_plans",
    "--no-cache": "no_cache",
    "--no-color": "no_color",
}

#: lint's options that take a value → the argument of ``commands.lint``
LINT_VALUES: dict[str, str] = {
    "--format": "fmt",
    "-o": "output",
    "--output": "output",
    "--select": "select",
    "--ignore": "ignore",
    "--config": "config_path",
    "--baseline": "baseline",
    "--lang": "lang",
    "--stdin-filename": "stdin_filename",
}

#: values click turns into paths (``click.Path(path_type=Path)``)
_PATH_VALUES = frozenset({"config_path", "baseline"})


def quick_lint_args(args: Sequence[str], environ: Mapping[str, str]) -> dict[str, Any] | None:
    """The arguments of ``commands.lint`` for a ``lint`` command line read without click,
    or None when click must read it (anything unusual, and every mistake)."""
    if not args or args[0] != "lint":
        return None
    given: dict[str, Any] = {}
    paths: list[str] = []
    rest = list(args[1:])
    while rest:
        arg = rest.pop(0)
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
        elif arg in LINT_FLAGS:
            given[LINT_FLAGS[arg]] = True
        else:
            option = _option_value(arg, rest)
            if option is None:
                return None
            given[LINT_VALUES[option[0]]] = option[1]
    if not paths:
        return None
    from_environ = environ.get("PLANCHECK_LANG")
    if from_environ and from_environ not in LANGUAGES:
        return None  # click refuses it even beside a --lang (the group reads it too)
    given["lang"] = given.get("lang") or from_environ or "zh"
    for name in _PATH_VALUES & given.keys():
        given[name] = Path(given[name])
    return {"paths": tuple(paths), **given}


def _option_value(arg: str, rest: list[str]) -> tuple[str, str] | None:
    """An option that takes a value, and its value (taken from ``rest`` when written
    apart), or None for what click must read: an unknown option, a cluster (``-qv``),
    ``-oFILE``, ``-o=FILE`` (click reads the value "=FILE"), ``--``, a missing value."""
    if arg in LINT_VALUES:  # -o FILE, --format json
        if not rest:
            return None
        name, value = arg, rest.pop(0)
    elif arg.startswith("--") and "=" in arg:  # --format=json
        name, _, value = arg.partition("=")
        if name not in LINT_VALUES:
            return None
    else:
        return None
    return (name, value) if _plain_value(LINT_VALUES[name], value) else None


def _plain_value(name: str, value: str) -> bool:
    """A value read as click would read it: not empty, not an option, one of the choices."""
    if not value or value.startswith("-"):
        return False
    if name == "fmt":
        from ..products.formats import choices

        return value in choices("lint")
    if name == "lang":
        return value in LANGUAGES
    return True


#: set by ``checker.commandline.start``, the console script's module, which turned the cyclic collector
#: off while the program loaded; the commands click reads turn it back on
COLLECTOR_OFF_WHILE_LOADING = False


def main(args: Sequence[str] | None = None) -> None:
    """Run one command line: ``lint`` read here when it can be, everything else by click."""
    args = sys.argv[1:] if args is None else list(args)
    quick = quick_lint_args(args, os.environ)
    if quick is None:
        if COLLECTOR_OFF_WHILE_LOADING:  # checker.commandline.start: on again, as ever, for click's
            gc.enable()
        from .cli import main as click_main

        click_main(args)
        return
    from .commands import guarded, lint

    guarded(quick["lang"], lambda: lint(**quick))


def run() -> None:
    """The ``plancheck`` console script: ``main``, then an exit that skips tearing the
    interpreter down.

    Freeing every module and object at exit costs about 11 ms of a 90 ms check, an eighth of
    what a pre-commit hook waits for, and nothing of plancheck's needs it: files are written
    atomically and closed, worker pools shut down, within the run. Output is flushed first.
    Tools that collect data at exit (coverage) get the ordinary exit, as does anyone who
    sets ``PLANCHECK_FULL_EXIT``. ``main`` itself, which tests call, always returns or raises.
    """
    try:
        main()
        status: object = 0
    except SystemExit as done:
        status = done.code
    if "coverage" in sys.modules or os.environ.get("PLANCHECK_FULL_EXIT"):
        sys.exit(status)
    code = status if isinstance(status, int) else 0 if status is None else 1
    if not isinstance(status, int | None) and sys.stderr is not None:
        print(status, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):  # each on its own: one closed, the other still
        if stream is None:  # started with the stream closed (2>&-): nothing to flush
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or file: what was not written is lost
            code = code or 1
    os._exit(code)
