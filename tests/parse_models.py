"""The whole Plan model of every sample plan, written out as plain data: what the parser
makes, field by field, so a change meant only to make it cheaper can be shown to make the
same thing. tests/test_parse_models.py compares each model's digest with
tests/golden/models.json (the models in full would be 1.5 MB); to see what changed, dump
them in full here, from this checkout and from main, and compare.

Also a script, to compare two checkouts on many more texts than the golden file holds::

    PYTHONPATH=/work/main python tests/parse_models.py --variants > /tmp/old.json
    python tests/parse_models.py --variants > /tmp/new.json && cmp /tmp/old.json /tmp/new.json

``--variants`` adds, for every sample plan, texts cut and glued at random places (lines
joined, split, dropped, swapped, widths changed): the layouts the parser's shortcuts must
read as its general path does. Only the public entry points are used, so an older checkout
can run it too.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[Path]:
    """Every .txt and .md file under plans/ and tests/data/, in a stable order."""
    files = [
        path
        for folder in (ROOT / "plans", ROOT / "tests" / "data")
        for path in folder.rglob("*")
        if path.suffix in (".txt", ".md") and path.is_file()
    ]
    return sorted(files, key=lambda path: path.relative_to(ROOT).as_posix())


def snippets() -> list[tuple[str, str]]:
    """The plans of the rule case files (tests/rules/*.yaml): small texts made to show one
    layout or defect each (a split number, a glued task, a clause on its own line…)."""
    import yaml

    found = []
    for path in sorted((ROOT / "tests" / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for kind in ("fail", "pass", "fix"):
            for n, case in enumerate(data.get(kind, [])):
                if "plan" in case:
                    name = f"{path.stem}-{kind}-{case.get('name', n)}"
                    found.append((name + "|" + case.get("path", "snippet.txt"), case["plan"]))
    return found


def plain(value: Any, line_starts: tuple[int, ...]) -> Any:
    """A model value as JSON data: each NamedTuple a dict of its fields (its class named),
    a Span its two offsets. A Span's line table must be its source's: checked here, since a
    span built with another table would place its findings on wrong lines. A record that
    keeps a span as two offsets (``start``/``end``, ``number_start``/``number_end``) and
    its text's line table gives it as the span it makes when asked (``span``,
    ``number_span``): written as a Span is, its line table checked alike."""
    from checker.reading.model import Span
    from checker.reading.source import Source

    if isinstance(value, Span):
        assert value.line_starts == line_starts, "a span with another text's line table"
        return [value.start, value.end]
    if isinstance(value, Source):  # the text is the input; what was made of it is kept
        folded = hashlib.sha256(value.folded.encode()).hexdigest()
        return {"kind": value.kind, "newline": value.newline, "folded_sha256": folded}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return _record(value, line_starts)
    if isinstance(value, (tuple, list)):
        return [plain(item, line_starts) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(item, line_starts) for item in value)
    assert value is None or isinstance(value, (str, int, bool)), type(value)
    return value


def _record(value: Any, line_starts: tuple[int, ...]) -> dict[str, Any]:
    """A record's fields as JSON data; a span kept as offsets (``<x>start``, ``<x>end``)
    is written as the ``<x>span`` the record gives."""
    fields = value._fields
    data = {}
    for name in fields:
        if name == "line_starts":
            assert value.line_starts == line_starts, "a record with another text's line table"
        elif name.endswith("start") and name[:-5] + "end" in fields:
            span = name[:-5] + "span"
            data[span] = plain(getattr(value, span), line_starts)
        elif not (name.endswith("end") and name[:-3] + "start" in fields):
            data[name] = plain(getattr(value, name), line_starts)
    return data


def model_of_text(text: str, path: str) -> Any:
    """What lint makes of a text: not a plan (the reason), an input error, or the model."""
    from checker.reading.sniff import not_a_plan, parse_plan

    reason = not_a_plan(text)
    if reason:
        return {"not_a_plan": reason.english()}
    return _parsed(text, path, parse_plan)


def model_of_snippet(text: str, path: str) -> Any:
    """What the rule tests parse a snippet into (``parse`` straight, no sniffing)."""
    from checker.reading.parse import parse

    return _parsed(text, path, parse)


def _parsed(text: str, path: str, read: Any) -> Any:
    """The model ``read`` (``parse`` or ``parse_plan``) makes of a text, or the input error
    it raises."""
    from checker.base.errors import InputError
    from checker.reading.source import Source

    source = Source.from_text(text, path)
    try:
        plan = read(source)
    except InputError as error:
        return {"error": error.reason.english()}
    return plain(plan, source.line_starts)


def models() -> dict[str, Any]:
    """Every sample plan's model, read as lint reads a file, and every case snippet's."""
    from checker.reading.source import read_source

    result: dict[str, Any] = {}
    for path in corpus():
        name = path.relative_to(ROOT).as_posix()
        source = read_source(path, name)
        result[name] = model_of_text(source.text, name)
    for name, text in snippets():
        result[name] = model_of_snippet(text, name.rsplit("|", 1)[1])
    return result


def variants(text: str, seed: int, count: int) -> list[str]:
    """``count`` texts made from ``text`` by a few random edits each: lines joined, split
    at a random character, dropped, repeated or swapped, a mark's width changed."""
    rng = random.Random(seed)
    swaps = {"(": "（", ")": "）", "（": "(", "）": ")", ",": "，", "，": ",", "。": ";"}
    made = []
    for _ in range(count):
        lines = text.split("\n")
        for _ in range(rng.randint(1, 4)):
            if not lines:
                break
            at = rng.randrange(len(lines))
            edit = rng.randrange(6)
            if edit == 0 and at + 1 < len(lines):
                lines[at : at + 2] = [lines[at] + lines[at + 1]]
            elif edit == 1 and lines[at]:
                cut = rng.randrange(len(lines[at]))
                lines[at : at + 1] = [lines[at][:cut], lines[at][cut:]]
            elif edit == 2:
                del lines[at]
            elif edit == 3:
                lines.insert(at, lines[at])
            elif edit == 4:
                other = rng.randrange(len(lines))
                lines[at], lines[other] = lines[other], lines[at]
            elif lines[at]:
                spot = rng.randrange(len(lines[at]))
                char = lines[at][spot]
                lines[at] = lines[at][:spot] + swaps.get(char, char) + lines[at][spot + 1 :]
        made.append("\n".join(lines))
    return made


def variant_models(count: int) -> dict[str, Any]:
    """The models of ``count`` variants of every sample plan (and of each case snippet)."""
    result: dict[str, Any] = {}
    for n, path in enumerate(corpus()):
        name = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        for k, variant in enumerate(variants(text, n, count)):
            result[f"{name}#{k}"] = model_of_text(variant, name)
    for n, (name, text) in enumerate(snippets()):
        for k, variant in enumerate(variants(text, 1000 + n, max(1, count // 10))):
            result[f"{name}#{k}"] = model_of_snippet(variant, name.rsplit("|", 1)[1])
    return result


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def digest(model: Any) -> str:
    """A model's fingerprint: the SHA-256 of its canonical JSON."""
    return hashlib.sha256(dump(model).encode()).hexdigest()


if __name__ == "__main__":
    if "--variants" in sys.argv:
        print(dump(variant_models(int(sys.argv[-1]) if sys.argv[-1].isdigit() else 50)), end="")
    else:
        print(dump(models()), end="")
