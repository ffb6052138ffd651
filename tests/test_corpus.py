"""The corpus of real documents (``tests/corpus/*/``) against their truth, written by reading.

For every document (``<id>.txt``, or a ``.docx``, ``.html`` or ``.pdf`` kept as published) with its
``<id>.truth.yaml`` (format: ``tests/corpus/README.md``):

- the tasks the checker reads are the truth's, by label and in order;
- each task's leads, as the checker reads them, are the truth's;
- the plan's year is the truth's;
- every finding is a defect the truth lists (same line, a code of the defect's kind): no
  false alarm (notices of severity info, such as G011's summary, are not alarms). A listed defect the checker misses is shown in the diff, not failed on: the
  corpus measures precision first.

A failure prints one diff per document, what the truth says against what the checker read,
so that a convention not yet read is seen at once. A document may be marked ``xfail`` in
``XFAIL`` below, only with the precise convention it still needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from checker.checking import engine
from checker.checking.config import Config
from checker.checking.rules import builtin_rules
from checker.locale import message
from checker.reading.model import Plan, Task
from checker.reading.parse import parse
from checker.reading.source import read_source
from checker.reading.text import fold

CORPUS = Path(__file__).parent / "corpus"

#: the rule codes that report each kind of defect a truth file names ("other": any code)
KIND_CODES: dict[str, frozenset[str]] = {
    "duplicate-number": frozenset({"N001"}),
    "missing-number": frozenset({"N002", "N004", "N005"}),
    "broken-line": frozenset({"N003"}),
    "stray-tag": frozenset({"A001"}),
    "misspelt-agency": frozenset({"G001", "G002"}),
    "abolished-agency": frozenset({"G003"}),
    "bracket": frozenset({"D004"}),
    "punctuation": frozenset({"D005", "N006"}),
    "document-number": frozenset({"D001"}),
    "year": frozenset({"D002", "D003"}),
    "missing-clause": frozenset({"G008"}),
}

#: documents still read wrong, each with the convention the checker does not read yet
XFAIL: dict[str, str] = {}


def documents() -> list[Path]:
    """Every truth file of the corpus, sorted (national, then local)."""
    return sorted(CORPUS.glob("*/*.truth.yaml"))


def load_truth(path: Path) -> dict:
    """A truth file, plain data, with the keys the comparison needs checked."""
    truth = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(truth, dict), f"{path.name}: not a mapping"
    for key in ("id", "year", "tasks", "defects"):
        assert key in truth, f"{path.name}: no {key}"
    for task in truth["tasks"] or ():
        assert "label" in task and "lead" in task, f"{path.name}: task without label or lead"
    for defect in truth["defects"] or ():
        kind = defect.get("kind")
        assert kind == "other" or kind in KIND_CODES, f"{path.name}: unknown kind {kind}"
        assert isinstance(defect.get("line"), int), f"{path.name}: defect without a line"
        also = defect.get("also_lines", [])
        assert all(isinstance(n, int) for n in also), f"{path.name}: also_lines not lines"
    return truth


def bare_label(label: object) -> str:
    """A task's label without its marks: ``（三）``, ``(三)``, ``三、`` → 三; ``1.`` → 1."""
    return "".join(c for c in fold(str(label)) if c not in "()、.．﹒,， \t")


def task_leads(task: Task) -> list[str]:
    """The leads of a task as the checker reads them: the lead parties of its first clause
    that names one (agencies and collectives alike, in text order); where a clause has its
    parties each answer for their own part (分别负责), those parties."""
    for clause in task.clauses:
        leads = [party.name for party in clause.leads] or [
            party.name for party in clause.parties if party.role == "separate"
        ]
        if leads:
            return leads
    return []


def _names(values: object) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [fold(values).strip()]
    return [fold(str(v)).strip() for v in values]  # type: ignore[union-attr]


@dataclass
class Reading:
    """What the checker makes of one document, against its truth."""

    name: str
    problems: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def diff(self) -> str:
        lines = [f"{self.name}:"] + [f"  {p}" for p in self.problems]
        if self.missed:
            lines.append("  (defects the truth lists that no finding reports:)")
            lines += [f"    {m}" for m in self.missed]
        return "\n".join(lines)


def compare(name: str, plan: Plan, findings: list, truth: dict) -> Reading:
    """Every difference between the checker's reading of a document and its truth."""
    reading = Reading(name)
    _compare_tasks(reading, plan, truth.get("tasks") or [])
    if plan.year != truth.get("year"):
        reading.problems.append(f"year: truth {truth.get('year')}, read {plan.year}")
    _compare_findings(reading, plan, findings, truth.get("defects") or [])
    return reading


def _compare_tasks(reading: Reading, plan: Plan, truth_tasks: list[dict]) -> None:
    read = [bare_label(t.number_text) for t in plan.tasks]
    wanted = [bare_label(t["label"]) for t in truth_tasks]
    if read != wanted:
        reading.problems.append(f"tasks: truth {wanted}")
        reading.problems.append(f"       read  {read}")
        return  # leads compared only task by task, where the tasks are the same
    for task, truth_task in zip(plan.tasks, truth_tasks, strict=True):
        leads = [fold(n) for n in task_leads(task)]
        if leads != _names(truth_task["lead"]):
            reading.problems.append(
                f"task {truth_task['label']} (line {task.line}): lead truth "
                f"{_names(truth_task['lead'])}, read {leads}"
                f" — clause {[c.inner for c in task.clauses]}"
            )


def _compare_findings(reading: Reading, plan: Plan, findings: list, defects: list[dict]) -> None:
    """Each finding against the defects; a notice (severity info, such as the summary of
    bodies no registry knows) is no alarm and is not compared. A finding of a habit names
    every line it is on (``args["lines"]``, D005's one finding for 456 label lines): each of
    those lines answers a defect of the truth, or is a false alarm. A defect of the truth
    seen on several lines (one root cause, ``also_lines``) is found when all its lines are."""
    seen: dict[int, set[int]] = {}  # defect → its lines a finding has answered
    for finding in findings:
        if finding.severity == "info":
            continue
        for line in _finding_lines(finding):
            hit = _defect_for(plan, finding.code, line, defects, seen)
            if hit is None:
                reading.problems.append(
                    f"false alarm: line {line} {finding.code} "
                    f"{message('zh', finding.key, dict(finding.args))}"
                )
    for n, defect in enumerate(defects):
        wanted = {defect["line"], *defect.get("also_lines", ())}
        if not wanted <= seen.get(n, set()):
            reading.missed.append(f"line {defect['line']} {defect['kind']}: {defect.get('note')}")


def _finding_lines(finding) -> list[int]:
    """The lines a finding is about: its own, and those of the habit it reports as one."""
    return list(dict.fromkeys([finding.line, *finding.args.get("lines", ())]))


def _defect_for(
    plan: Plan, code: str, line: int, defects: list[dict], seen: dict[int, set[int]]
) -> int | None:
    """The defect a finding's line answers, recorded in ``seen``, or None: the defect of its
    own line first, then one whose line is not yet answered, one of a named kind before an
    ``other``, then one not answered at all (several findings in one task each answer their
    own defect, not all the task's first)."""
    fits = []
    for n, defect in enumerate(defects):
        if defect["kind"] != "other" and code not in KIND_CODES[defect["kind"]]:
            continue
        lines = [defect["line"], *defect.get("also_lines", ())]
        place = next((d for d in lines if d == line), None) or next(
            (d for d in lines if _same_place(plan, d, line)), None
        )
        if place is not None:
            other = defect["kind"] == "other"
            fits.append((place != line, place in seen.get(n, ()), other, n in seen, n, place))
    if not fits:
        return None
    *_, hit, place = min(fits)
    seen.setdefault(hit, set()).add(place)
    return hit


def _same_place(plan: Plan, defect_line: int, finding_line: int) -> bool:
    """The same line, or lines of the same task (a defect noted where the task begins may be
    reported where its text is)."""
    if defect_line == finding_line:
        return True
    for task in plan.tasks:
        first, last = task.span.line, task.span.end_line
        if first <= defect_line <= last:
            return first <= finding_line <= last
    return False


#: the renderings a corpus document may be kept in, as published: text first (the converted
#: copies), then a Word file, a saved web page or a PDF kept byte for byte as its source has it
RENDERINGS = (".txt", ".docx", ".html", ".htm", ".pdf")


def document_file(truth_path: Path) -> Path:
    """The document beside a truth file: ``<id>.txt``, or the Word file, web page or PDF
    kept as published (read as ``plancheck lint`` reads it, by its suffix)."""
    stem = truth_path.name.removesuffix(".truth.yaml")
    found = [truth_path.with_name(stem + s) for s in RENDERINGS]
    found = [p for p in found if p.exists()]
    assert len(found) == 1, f"{truth_path.name}: {len(found)} documents beside it, not one"
    return found[0]


def read_document(truth_path: Path) -> Reading:
    """Parse and lint one document of the corpus with every rule, and compare."""
    truth = load_truth(truth_path)
    text_path = document_file(truth_path)
    plan = parse(read_source(text_path))
    findings = engine.run(plan, Config(), list(builtin_rules().values())).findings
    return compare(f"{text_path.parent.name}/{text_path.name}", plan, findings, truth)


def _doc_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name.removesuffix('.truth.yaml')}"


def _params() -> list:
    params = []
    for path in documents():
        doc = _doc_id(path)
        marks = [pytest.mark.xfail(reason=XFAIL[doc], strict=True)] if doc in XFAIL else []
        params.append(pytest.param(path, id=doc, marks=marks))
    return params


@pytest.mark.parametrize("truth_path", _params())
def test_document_is_read_as_its_truth_says(truth_path: Path) -> None:
    reading = read_document(truth_path)
    assert not reading.problems, reading.diff()


def test_xfails_name_documents_of_the_corpus():
    ids = {_doc_id(p) for p in documents()}
    assert set(XFAIL) <= ids, sorted(set(XFAIL) - ids)
    assert all(reason.strip() for reason in XFAIL.values())


# -- the comparison itself, on a document made here ---------------------------------------

_PLAN = """2024年某某工作要点
一、重点任务
（一）推进改革。（科技部牵头，财政部参与）
（二）加强保护。（财政部负责）
（三）完善制度。
"""


def _synthetic(tmp_path: Path, tasks: list[dict], defects: list[dict], year: int = 2024) -> Path:
    (tmp_path / "doc.txt").write_text(_PLAN, encoding="utf-8")
    truth = {"id": "doc", "year": year, "tasks": tasks, "defects": defects}
    path = tmp_path / "doc.truth.yaml"
    path.write_text(yaml.safe_dump(truth, allow_unicode=True), encoding="utf-8")
    return path


_TASKS = [
    {"label": "（一）", "lead": ["科技部"]},
    {"label": "（二）", "lead": ["财政部"]},
    {"label": "（三）", "lead": []},
]


def test_a_document_read_as_its_truth_has_no_diff(tmp_path):
    reading = read_document(_synthetic(tmp_path, _TASKS, [{"line": 5, "kind": "other"}]))
    assert reading.problems == [], reading.diff()


def test_the_diff_names_each_difference(tmp_path):
    tasks = [dict(t) for t in _TASKS]
    tasks[1]["lead"] = ["科技部"]
    reading = read_document(_synthetic(tmp_path, tasks, [], year=2023))
    text = reading.diff()
    assert "task （二） (line 4): lead truth ['科技部'], read ['财政部']" in text
    assert "year: truth 2023, read 2024" in text
    assert "false alarm: line 5 G008" in text  # the clause missing from (三), not listed
    other = read_document(_synthetic(tmp_path, _TASKS[:2], [{"line": 9, "kind": "bracket"}]))
    assert "tasks: truth ['一', '二']" in other.diff()
    assert "line 9 bracket" in other.diff()  # a defect not reported is shown


def test_labels_are_compared_without_their_marks():
    assert {bare_label(x) for x in ("（三）", "(三)", "三、")} == {"三"}
    assert bare_label("12.") == "12" and bare_label(3) == "3"
