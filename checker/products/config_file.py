"""``plancheck init``: a commented ``.plancheck.yaml`` in the drafter's language.

Every key a config may have is in it, commented out, with what it does: the general keys
(``config.KEYS``) with an example each, and every option a rule declares with its default
and allowed values, read from the rule's ``Option`` (so a new option is in the file without
anyone writing it here). The file as written changes nothing: it loads as an empty config.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import locale
from ..base.errors import UsageError, os_reason
from ..checking.config import CONFIG_NAMES, KEYS
from ..checking.registry import RuleSpec

EXISTS = "{where}: already exists; init never overwrites a file"

FILE_NAME = ".plancheck.yaml"

#: an example of each general key, as it would be written (valid, once uncommented, where
#: the files it names exist)
EXAMPLES = {
    "select": ["select: [N, A, G]"],
    "ignore": ["ignore: [G007]"],
    "severity": ["severity: {G005: info}"],
    "year": ["year: 2025"],
    "per-task-ignores": ["per-task-ignores:", '  "50": [N003]', '  "plans/2024.txt:21": [A001]'],
    "rules": ["rules: [house-rules/]"],
    "agencies": ["agencies: [agencies-local.yaml]"],
}


def config_text(lang: str, specs: Iterable[RuleSpec]) -> str:
    """The file: a header, then each general key and each rule option, commented out."""
    words = locale.catalogue(lang).CONFIG_FILE
    lines = [*_comment(words["header"]), ""]
    lines += [*_comment(f"---- {words['general']} ----"), ""]
    for key in KEYS:  # what it does, then the setting (never ``key: words``: not a setting)
        lines += _comment(words[key])
        lines += [f"# {example}" for example in EXAMPLES[key]] + [""]
    lines += [*_comment(f"---- {words['options']} ----"), ""]
    seen: set[str] = set()
    for spec in sorted(specs, key=lambda s: s.code):
        for option in spec.options:
            if option.key in seen:
                continue  # two rules may share a key: explained once
            seen.add(option.key)
            note = words.get(option.key) or locale.text(
                lang, "rule.line", label=words["rule"].format(code=spec.code), value=option.help
            )
            lines += _comment(note)
            if option.choices:
                lines += _comment(
                    words["choices"].format(choices=", ".join(map(str, option.choices)))
                )
            elif option.between is not None:
                low, high = option.between
                lines += _comment(words["between"].format(low=low, high=high))
            lines += [f"# {option.key}: {option.default}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in text.splitlines()]


def write_config(folder: Path, lang: str, specs: Iterable[RuleSpec]) -> Path:
    """Write ``folder/.plancheck.yaml``; never over a config that is there already (one of
    the names the finder reads, or a pyproject.toml with ``[tool.plancheck]``): a one-line
    error, exit 2."""
    if not folder.is_dir():
        raise UsageError("{where}: no such folder", where=folder)
    for name in CONFIG_NAMES:
        existing = folder / name
        if name == "pyproject.toml":
            if existing.is_file() and _has_section(existing):
                raise UsageError(
                    "{where}: already holds [tool.plancheck]; init writes nothing", where=existing
                )
        elif existing.exists():
            raise UsageError(EXISTS, where=existing)
    target = folder / FILE_NAME
    try:
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(config_text(lang, specs))
    except FileExistsError:  # made between the look and the write
        raise UsageError(EXISTS, where=target) from None
    except OSError as error:
        raise UsageError(
            "{where}: cannot write ({reason})", where=target, reason=os_reason(error)
        ) from None
    return target


def _has_section(pyproject: Path) -> bool:
    """Does this pyproject.toml configure plancheck (a .plancheck.yaml beside it would
    quietly take its place)?"""
    import tomllib

    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to judge here: the finder reports a broken file when it reads it
    return isinstance(data.get("tool"), dict) and "plancheck" in data["tool"]
