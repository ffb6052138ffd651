"""``plancheck review``: the draft marked up as a proofreading office would, in Word.

Every finding becomes a Word comment (批注) on the text it is about, by ``plancheck``, in the
drafter's language; every fix that is taken (safe ones, unsafe ones with ``--unsafe-fixes``)
becomes a tracked change (修订: ``w:del`` around the old runs, ``w:ins`` with the new text,
author ``plancheck``, dated), so the drafter accepts or rejects each in Word. The copy is
written beside the draft (``DRAFT.reviewed.docx``), never over it; everything of the draft
that plancheck does not touch (styles, numbering, tables, headers, earlier comments and
revisions) is saved as it was, by python-docx.

Positions: the findings point into the text ``docx.read_layout`` made of the document; its
pieces lead back to each Word paragraph. Text that Word does not store (a numbering label,
the bars between table cells) can carry a comment's anchor only by the real text beside it,
and a fix that would edit it is left to the comment. A line break a fix removes or adds
between body paragraphs is a tracked paragraph mark (``w:pPr/w:rPr/w:del|w:ins``).

python-docx has an API for comments (``Document.add_comment``, 1.2+) and none for tracked
changes: those are raw WordprocessingML, built here.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import locale
from ..base.errors import InputError, Reason, UsageError, os_reason
from ..checking import engine
from ..checking.config import ConfigFinder
from ..checking.edits import taken_fixes
from ..checking.findings import Finding
from ..checking.lintfile import placed
from ..checking.registry import RuleSpec
from ..reading.docx import Layout, Piece, W, open_docx, read_layout
from ..reading.model import Edit
from ..reading.sniff import not_a_plan, parse_plan
from ..reading.source import Source, read_source, refuse_wrapped, same_file

AUTHOR = "plancheck"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_MD_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+")


@dataclass
class ReviewOptions:
    lang: str = "zh"
    unsafe_fixes: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    config_path: Path | None = None
    #: the revisions' date (now, unless a test fixes it)
    date: datetime | None = None
    #: replace a review copy that exists already (``--force``)
    force: bool = False


@dataclass
class ReviewResult:
    output: Path
    findings: list[Finding] = field(default_factory=list)
    comments: int = 0
    changes: int = 0  # findings whose fix became tracked changes


def default_output(draft: Path) -> Path:
    """``plan.docx`` → ``plan.reviewed.docx`` (a text plan gets a .docx too)."""
    return draft.with_name(f"{draft.stem}.reviewed.docx")


def review(draft: Path, output: Path | None, options: ReviewOptions, specs: list[RuleSpec]):
    """Write the review copy of ``draft``; the draft itself is only read."""
    name = str(draft)
    target = output or default_output(draft)
    _refuse_overwrite(draft, target, options.force)
    document = _load(draft, name)
    layout = read_layout(document)
    if not layout.text.strip():
        raise InputError(name, Reason("empty file", "empty"))
    reason = not_a_plan(layout.text)
    if reason:
        raise InputError(name, reason)  # as lint says of it: never a copy "without problems"
    source = Source.from_text(
        layout.text,
        name,
        encoding="docx",
        kind="docx",
        places=layout.places,
        reading=layout.reading,
    )
    config = ConfigFinder(specs, options.config_path).for_file(draft)
    config = config.with_cli(options.select, options.ignore)
    active = specs + list(config.custom) if config.custom else specs
    for code in (options.select or ()) + (options.ignore or ()):
        if code != "ALL" and not any(spec.code.startswith(code) for spec in active):
            raise UsageError("unknown rule code '{code}' (see: plancheck rules)", code=code)
    plan = parse_plan(source)
    findings = placed(plan, engine.run(plan, config, active).findings)
    marker = _Marker(document, layout, options.date or datetime.now(UTC))
    result = ReviewResult(target, findings)
    for found in findings:
        said = locale.message(options.lang, found.key, found.args, source.places)
        text = f"{found.code} {said}"
        marker.comment(found.start, found.end, text)
        result.comments += 1
    result.changes = marker.changes(taken_fixes(findings, options.unsafe_fixes))
    _save(document, target)
    return result


def _refuse_overwrite(draft: Path, target: Path, force: bool) -> None:
    """The draft is never replaced; an existing review copy only with ``--force``: the
    drafter may have accepted changes and answered comments in it since."""
    if same_file(draft, target):
        raise UsageError(
            "{path}: the review copy would overwrite the draft; choose another -o", path=target
        )
    if target.is_dir():
        raise UsageError(
            "{path}: cannot write the output ({reason})",
            path=target,
            reason=Reason("Is a directory"),
        )
    if os.path.lexists(target) and not force:
        raise UsageError(
            "{path}: a review copy already exists; use --force to replace it", path=target
        )


def _load(draft: Path, name: str):
    """The draft as a python-docx Document: a Word file as it is, a text plan made one."""
    if not draft.exists():
        raise InputError(name, Reason("no such file", "not-found"))
    if draft.suffix.lower() == ".docx":
        from io import BytesIO

        try:
            data = draft.read_bytes()
        except OSError as error:
            raise InputError(
                name, Reason("{reason}", "unreadable", reason=os_reason(error))
            ) from None
        refuse_wrapped(data, draft, name)  # password-protected, or a .doc renamed
        return open_docx(BytesIO(data), name)
    source = read_source(draft, name)
    reason = not_a_plan(source.text, source.folded)
    if reason:
        raise InputError(name, reason)
    return document_of(source)


def document_of(source: Source):
    """A new Word document of a text plan: a paragraph a line (Markdown heading marks
    become heading styles), a task-division table a Word table."""
    import docx

    from ..reading.tables import find_tables

    document = docx.Document()
    tables = {block.lines.start: block for block in find_tables(source)}
    lines = source.lines
    index = 0
    while index < len(lines):
        block = tables.get(index)
        if block is not None:
            _word_table(document, source, block)
            index = block.lines.stop
            continue
        line = lines[index]
        heading = _MD_HEADING.match(line) if source.kind == "md" else None
        if heading:
            level = min(len(heading.group(1)), 9)
            document.add_paragraph(line[heading.end() :], style=f"Heading {level}")
        else:
            document.add_paragraph(line)
        index += 1
    return document


def _word_table(document, source: Source, block) -> None:
    rows = [block.header, *block.body_rows]
    width = max(len(row.cells) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            table.cell(r, c).text = source.text[cell.start : cell.end]


def _save(document, target: Path) -> None:
    """Write the copy all at once (temp file beside it, then rename)."""
    from ..reading.source import replace_whole

    target.parent.mkdir(exist_ok=True)  # one folder at most: the command checked its path
    replace_whole(target, lambda temp: document.save(str(temp)))


# -- marking the document --------------------------------------------------------------


def _run_length(run) -> int:
    """Characters a run adds to plancheck's text (w:t and w:tab, as docx reads them)."""
    length = 0
    for child in run:
        if child.tag == W + "t":
            length += len(child.text or "")
        elif child.tag == W + "tab":
            length += 1
    return length


def _live_runs(paragraph) -> list:
    """The paragraph's runs that carry text as read (not inside a w:del), in order."""
    return [
        r
        for r in paragraph._p.iter(W + "r")
        if not any(a.tag == W + "del" for a in r.iterancestors())
    ]


def _split(run, at: int):
    """Cut a run in two at character ``at`` of its text; returns the second part. Marks
    without text (a break, a field character) exactly at the cut go with the second."""
    second = copy.deepcopy(run)
    run.addnext(second)
    _keep(run, at, before=True)
    _keep(second, at, before=False)
    return second


def _keep(run, at: int, *, before: bool) -> None:
    position = 0
    for child in list(run):
        if child.tag == W + "rPr":
            continue
        size = len(child.text or "") if child.tag == W + "t" else int(child.tag == W + "tab")
        start, end = position, position + size
        position = end
        if start < at < end:  # only a w:t can straddle the cut
            text = child.text or ""
            child.text = text[: at - start] if before else text[at - start :]
            child.set(_XML_SPACE, "preserve")
        elif (start >= at) if before else (end <= at and (size or start < at)):
            run.remove(child)


def _boundary(paragraph, at: int) -> None:
    """Make ``at`` (a character offset in the paragraph's text) fall between runs."""
    position = 0
    for run in _live_runs(paragraph):
        size = _run_length(run)
        if position < at < position + size:
            _split(run, at - position)
            return
        position += size


def _runs_between(paragraph, start: int, end: int) -> list:
    """The runs covering [start, end) of the paragraph's text, split to fit exactly."""
    _boundary(paragraph, start)
    _boundary(paragraph, end)
    runs, position = [], 0
    for run in _live_runs(paragraph):
        size = _run_length(run)
        if size and start <= position and position + size <= end:
            runs.append(run)
        position += size
    return runs


class _Marker:
    """Comments and tracked changes on one document, positions in plancheck's text."""

    def __init__(self, document, layout: Layout, date: datetime) -> None:
        self.document = document
        self.pieces = layout.pieces
        self.date = date.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = _max_id(document) + 1

    # -- where -----------------------------------------------------------------------
    def _local(self, start: int, end: int) -> list[tuple[Piece, int, int]]:
        """The paragraphs [start, end) covers, each with its own text range (the label
        Word computes is not text; a range wholly in markup takes the nearest text)."""
        found = []
        for piece in self.pieces:
            lo, hi = piece.start + piece.prefix, piece.end
            if hi <= lo:
                continue
            if start < hi and end > lo:
                found.append((piece, max(start, lo) - lo, min(end, hi) - lo))
        if found:
            return found
        texts = [p for p in self.pieces if p.end > p.start + p.prefix]
        # in a numbering label Word computes: the paragraph's first character
        near = next((p for p in texts if p.start <= start < p.end), None)
        if near is None:
            near = min(
                texts,
                key=lambda p: min(abs(p.start + p.prefix - start), abs(p.end - start)),
                default=None,
            )
        if near is None:
            return []
        lo, hi = near.start + near.prefix, near.end
        at = min(max(start, lo), hi - 1) - lo
        return [(near, at, at + 1)]

    # -- comments --------------------------------------------------------------------
    def comment(self, start: int, end: int, text: str) -> None:
        if end <= start:  # a point: the character before it (or after, at a start)
            start, end = (start - 1, start) if start > 0 else (start, start + 1)
        empty = next(
            (
                p
                for p in self.pieces
                if p.start == p.end and start <= p.start <= min(start + 2, end)
            ),
            None,
        )
        if empty is not None:  # about an empty table cell (no lead): the comment marks it
            self._comment_at_empty(empty.paragraph, text)
            return
        ranges = self._local(start, end)
        runs = []
        for piece, lo, hi in ranges:
            inside = _runs_between(piece.paragraph, lo, hi)
            runs.extend(inside[:1] + inside[-1:] if inside else [])
        if not runs:
            paragraph = ranges[0][0].paragraph if ranges else self.document.paragraphs[0]
            runs = [paragraph.add_run("")._r]
            parent = paragraph
        else:
            parent = ranges[0][0].paragraph
        from docx.text.run import Run

        first = Run(runs[0], parent)
        last = Run(runs[-1], ranges[-1][0].paragraph if ranges else parent)
        self.document.add_comment([first, last], text=text, author=AUTHOR, initials="PC")

    def _comment_at_empty(self, paragraph, text: str) -> None:
        from docx.text.run import Run

        run = Run(paragraph.add_run("")._r, paragraph)
        self.document.add_comment(run, text=text, author=AUTHOR, initials="PC")

    # -- tracked changes -------------------------------------------------------------
    def changes(self, fixes: list[tuple[Edit, ...]]) -> int:
        """Apply each fix as tracked changes (later edits first, so earlier offsets hold);
        a fix that cannot be expressed in Word's text is left to its comment. Edits are made
        in ``apply_edits``' order, by (start, end) from the end: a replacement before an
        insertion at its start, which then goes in front of it, as ``--fix`` writes it (the
        other way the replacement took the inserted run too)."""
        mappable = [edits for edits in fixes if all(self._where(e) for e in edits)]
        every = sorted(
            (e for edits in mappable for e in edits), key=lambda e: (e.start, e.end), reverse=True
        )
        done: set[tuple] = set()
        for edit in every:
            op = self._where(edit)
            assert op is not None
            key = (op[0], id(op[1].paragraph._p), *op[2:])
            if key in done:
                continue  # a merged cell read into each of its rows: one Word text, one change
            done.add(key)
            if op[0] == "text":
                _, piece, lo, hi, text = op
                self._change(piece.paragraph, lo, hi, text)
            elif op[0] == "join":
                _, piece, following, cut = op
                self._join(piece.paragraph, following.paragraph, cut)
            else:
                _, piece, lo, hi = op
                self._split(piece.paragraph, lo, hi)
        return len(mappable)

    def _where(self, edit: Edit) -> tuple | None:
        """What an edit is in Word: ``("text", piece, lo, hi, text)`` inside one paragraph's
        text; ``("join", piece, next piece, n)`` the line break between two body
        paragraphs (and the next one's first n characters) deleted; ``("split", piece, lo,
        hi)`` a line break put in a paragraph (a glued task). None when it reaches into
        text Word computes or table markup."""
        pieces = self.pieces
        for n, piece in enumerate(pieces):
            lo, hi = piece.start + piece.prefix, piece.end
            if edit.text in ("\n", "\r\n", "\r"):
                if lo < edit.start and edit.end < hi:
                    return ("split", piece, edit.start - lo, edit.end - lo)
                continue
            if "\n" in edit.text or "\r" in edit.text:
                return None
            if lo <= edit.start and edit.end <= hi:
                return ("text", piece, edit.start - lo, edit.end - lo, edit.text)
            following = pieces[n + 1] if n + 1 < len(pieces) else None
            if (
                edit.start == hi
                and not edit.text
                and following is not None
                and following.start == hi + 1  # one body paragraph after the other
                and not following.prefix
                and following.start <= edit.end <= following.end
                and _body_paragraph(piece.paragraph)
                and _body_paragraph(following.paragraph)
            ):
                return ("join", piece, following, edit.end - following.start)
        return None

    def _join(self, paragraph, following, cut: int) -> None:
        """Delete the paragraph mark between two paragraphs (and what starts the second):
        accepted, they are one paragraph."""
        if cut:
            self._change(following, 0, cut, "")
        _mark_paragraph(paragraph._p, self._mark("w:del"))

    def _split(self, paragraph, start: int, end: int) -> None:
        """Break a paragraph at ``start`` (deleting up to ``end``) as an inserted paragraph
        mark: the first part's mark is new, the second keeps the original's."""
        if end > start:
            self._change(paragraph, start, end, "")
        _boundary(paragraph, start)
        position, cut = 0, None
        for run in _live_runs(paragraph):
            if position >= start and _run_length(run):
                cut = run
                break
            position += _run_length(run)
        p = paragraph._p
        if cut is None or cut.getparent() is not p:
            return  # inside a hyperlink or an earlier revision: the comment says it
        second = copy.deepcopy(p)
        for child in list(second):
            if child.tag != W + "pPr":
                second.remove(child)
        index = list(p).index(cut)
        for child in list(p)[index:]:
            second.append(child)
        p.addnext(second)
        _mark_paragraph(p, self._mark("w:ins"))

    def _mark(self, tag: str):
        from docx.oxml.parser import OxmlElement

        element = OxmlElement(tag)
        element.set(W + "id", str(self.next_id))
        element.set(W + "author", AUTHOR)
        element.set(W + "date", self.date)
        self.next_id += 1
        return element

    def _change(self, paragraph, start: int, end: int, text: str) -> None:
        removed = _runs_between(paragraph, start, end) if end > start else []
        anchor = None
        for run in removed:
            deletion = self._mark("w:del")
            run.addprevious(deletion)
            deletion.append(run)
            for child in run:
                if child.tag == W + "t":
                    child.tag = W + "delText"
                    child.set(_XML_SPACE, "preserve")
                elif child.tag == W + "instrText":
                    child.tag = W + "delInstrText"
            anchor = deletion
        if not text:
            return
        style = removed[0] if removed else _run_at(paragraph, start)
        insertion = self._mark("w:ins")
        run = _new_run(style, text)
        insertion.append(run)
        if anchor is not None:
            anchor.addnext(insertion)
        else:
            _place(paragraph, start, insertion)


def _body_paragraph(paragraph) -> bool:
    """A paragraph of the body itself (not of a table cell): one a paragraph mark can join."""
    return paragraph._p.getparent().tag == W + "body"


def _mark_paragraph(p, mark) -> None:
    """Track a paragraph's mark as inserted or deleted: ``w:pPr/w:rPr/w:ins|w:del``."""
    from docx.oxml.parser import OxmlElement

    properties = p.get_or_add_pPr()
    run_properties = properties.find(W + "rPr")
    if run_properties is None:
        run_properties = OxmlElement("w:rPr")
        following = [properties.find(W + t) for t in ("sectPr", "pPrChange")]
        anchor = next((f for f in following if f is not None), None)
        if anchor is not None:
            anchor.addprevious(run_properties)
        else:
            properties.append(run_properties)
    run_properties.insert(0, mark)


def _max_id(document) -> int:
    """The largest w:id in the body, so revision ids never collide with one there."""
    ids = [0]
    for element in document.element.body.iter():
        value = element.get(W + "id")
        if value and value.isdigit():
            ids.append(int(value))
    return max(ids) + 1000


def _run_at(paragraph, at: int):
    """The run whose formatting new text at ``at`` takes: the one ending there, else the
    first; None in a paragraph without runs."""
    runs = _live_runs(paragraph)
    position = 0
    for run in runs:
        size = _run_length(run)
        if position < at <= position + size:
            return run
        position += size
    return runs[0] if runs else None


def _new_run(style, text: str):
    from docx.oxml.parser import OxmlElement

    run = OxmlElement("w:r")
    if style is not None:
        properties = style.find(W + "rPr")
        if properties is not None:
            run.append(copy.deepcopy(properties))
    node = OxmlElement("w:t")
    node.text = text
    node.set(_XML_SPACE, "preserve")
    run.append(node)
    return run


def _place(paragraph, at: int, element: Any) -> None:
    """Put an inserted run at character ``at``: after the run ending there, or first."""
    _boundary(paragraph, at)
    position = 0
    runs = _live_runs(paragraph)
    for run in runs:
        position += _run_length(run)
        if position == at and at > 0:
            run.addnext(element)
            return
    if runs:
        runs[0].addprevious(element)
        return
    paragraph._p.append(element)
