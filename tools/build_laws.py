"""Build ``rules/laws.yaml`` (national laws, regulations and interpretations: titles and dates)
from a ``laws.tsv`` export, so that next year's update is one command::

    python tools/build_laws.py PATH/TO/laws.tsv [--source "…"] [-o rules/laws.yaml]

The input is the table described in ``../shared/data/SOURCES.md``: one row per version of a
text, with ``folder`` (its category), ``title`` (the official title), ``short``, ``version``
(the date of that version) and ``history`` (the dated lines under the title, joined by
`` | ``). Rows of one title are merged into one entry:

- ``kind``: 法律, 行政法规, 司法解释 or 部门规章, from the folder (the other folders hold no
  national text: their rows are left out);
- ``short``: the title without 中华人民共和国, where the official title has it (the source's
  own column is not used: for the Civil Code it names the books, 合同编…);
- ``promulgated``: the first date the history gives for 公布/发布/印发 (or, failing that, a
  version dated between adoption and entry into force, or the 通过/批准 date), else the
  earliest version date;
- ``amended``: later dates: the history's 修正/修订/修改 lines, its later 通过/公布 lines
  (an interpretation re-adopted by the court's committee) and the later version dates;
- ``in_force``: the first 施行 date, where the history gives one.

Texts the curated ``rules/laws-repealed.yaml`` lists as repealed are left out (the source
keeps a few repealed interpretations). Dates are quoted strings (``"2024-06-06"``), so the
file's parsed form is plain JSON data. The output is sorted by title, one entry a line.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

#: the source's folders (SOURCES.md): the nine law categories, then the other kinds
KINDS = {
    "宪法": "法律",
    "宪法相关法": "法律",
    "民法典": "法律",
    "民法商法": "法律",
    "行政法": "法律",
    "经济法": "法律",
    "社会法": "法律",
    "刑法": "法律",
    "诉讼与非诉讼程序法": "法律",
    "行政法规": "行政法规",
    "司法解释": "司法解释",
    "部门规章": "部门规章",
}
PREFIX = "中华人民共和国"
DEFAULT_SOURCE = (
    "LawRefBook/Laws (GitHub, commit 2f4c5c2, 2025-04-19), texts from the national database of "
    "laws and regulations (国家法律法规数据库, flk.npc.gov.cn); exported as laws.tsv"
)

_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MADE = re.compile(r"(公布|发布|印发)")
_ADOPTED = re.compile(r"(通过|批准)")
_AMENDED = re.compile(r"(修正|修订|修改)")
_IN_FORCE = re.compile(r"施行[）)]?$")
#: an event this close after the promulgation belongs to it (published, then in force)
_SAME_ACT = dt.timedelta(days=120)
#: adopted, then published within this: the publication is the promulgation (an
#: interpretation is published weeks or months after its committee adopts it); published
#: later still, it is a re-publication, and the adoption is taken
_PUBLISHED_WITHIN = dt.timedelta(days=366)


def _date(text: str) -> dt.date | None:
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _events(history: str) -> list[tuple[dt.date, str]]:
    """(date, what) for each dated line of a history."""
    found = []
    for line in history.split(" | "):
        line = line.strip()
        when = _date(line)
        if when is not None:
            found.append((when, line[_DATE.search(line).end() :].strip()))
    return found


def merge(rows: list[dict[str, str]]) -> dict[str, object]:
    """One entry from every row (version) of one title."""
    title = rows[0]["title"]
    events = sorted({event for row in rows for event in _events(row["history"])})
    versions = sorted({d for row in rows if (d := _iso(row["version"])) is not None})
    made = [d for d, what in events if _MADE.search(what) and not _AMENDED.search(what)]
    adopted = [d for d, what in events if _ADOPTED.search(what) and not _AMENDED.search(what)]
    in_force = [d for d, what in events if _IN_FORCE.search(what)]
    if not made and adopted and in_force:
        # no 公布 line: a version dated between the adoption and the entry into force is
        # the publication (the source dates a text by its publication)
        made = [d for d in versions if adopted[0] <= d <= in_force[0]]
    promulgated = (made or adopted or versions or [None])[0]
    if adopted and made and made[0] - adopted[0] > _PUBLISHED_WITHIN:
        promulgated = adopted[0]  # a much later 公布 line is a re-publication
    amended: set[dt.date] = set()
    if promulgated is not None:
        later = promulgated + _SAME_ACT
        amended |= {d for d, what in events if _AMENDED.search(what) and d > promulgated}
        amended |= {
            d for d, what in events if _MADE.search(what) or _ADOPTED.search(what) if d > later
        }
        amended |= {d for d in versions if d > later and d not in in_force}
        amended -= set(made)  # the publication of the text itself
    entry: dict[str, object] = {"title": title}
    if title.startswith(PREFIX) and len(title) > len(PREFIX):
        entry["short"] = title[len(PREFIX) :]
    entry["kind"] = KINDS[rows[0]["folder"]]
    if promulgated is not None:
        entry["promulgated"] = promulgated.isoformat()
    if amended:
        entry["amended"] = [d.isoformat() for d in sorted(amended)]
    firsts = [d for d in in_force if promulgated is None or d >= promulgated]
    if firsts:
        entry["in_force"] = firsts[0].isoformat()
    return entry


def _norm(title: str) -> str:
    """The title as plancheck looks titles up (checker.laws.norm): no spaces, full-width
    brackets, an inner title in 《》."""
    title = "".join(title.split())
    for half, full in (("(", "（"), (")", "）"), ("〈", "《"), ("〉", "》")):
        title = title.replace(half, full)
    return title


def _repealed_titles(path: Path) -> set[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {entry["title"] for entry in data["repealed"]}


def build(tsv: Path, repealed: set[str]) -> list[dict[str, object]]:
    by_title: dict[str, list[dict[str, str]]] = {}
    with tsv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            title = _norm(row["title"])
            if row["folder"] not in KINDS or title == "_index" or title in repealed:
                continue
            by_title.setdefault(title, []).append({**row, "title": title})
    return [merge(rows) for _, rows in sorted(by_title.items())]


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON's form is one); dates stay strings, not dates."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _row(entry: dict[str, object]) -> str:
    """``title: "promulgated in_force amended…"``, ``-`` for a date the source does not give
    (one string a title: a list a title would double the objects every run decodes)."""
    dates = [entry.get("promulgated", ""), entry.get("in_force", ""), *entry.get("amended", [])]
    while dates and not dates[-1]:
        dates.pop()
    return f"    {_quote(str(entry['title']))}: {_quote(' '.join(str(d) or '-' for d in dates))}"


def render(entries: list[dict[str, object]], source: str) -> str:
    by_kind: dict[str, list[dict[str, object]]] = {}
    for entry in entries:
        by_kind.setdefault(str(entry["kind"]), []).append(entry)
    lines = [
        "# National laws, administrative regulations, judicial interpretations and a few",
        "# departmental rules: official titles and dates (L001, L002), by kind. Each entry is",
        "# title: 'promulgated in-force amended…', dates YYYY-MM-DD, - where the source has none.",
        "# Generated by tools/build_laws.py: do not edit by hand; rerun it on a new export.",
        f"# Counts: {', '.join(f'{k} {len(v)}' for k, v in sorted(by_kind.items()))}.",
        f"source: {_quote(source)}",
        "# the short name drafters write is the title without this prefix (商标法)",
        f"short_prefix: {PREFIX}",
        "laws:",
    ]
    for kind, group in sorted(by_kind.items()):
        lines.append(f"  {kind}:")
        lines.extend(_row(entry) for entry in group)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tsv", type=Path, help="the laws.tsv export")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "rules" / "laws.yaml")
    parser.add_argument("--repealed", type=Path, default=ROOT / "rules" / "laws-repealed.yaml")
    parser.add_argument("--source", default=DEFAULT_SOURCE, help="where the export comes from")
    args = parser.parse_args(argv)
    entries = build(args.tsv, _repealed_titles(args.repealed))
    args.output.write_text(render(entries, args.source), encoding="utf-8")
    print(f"{args.output}: {len(entries)} texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
