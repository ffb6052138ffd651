"""Text → Plan. Tolerant: a defective plan still parses, and its defects become model facts
(a ``Break``, a standalone ``Paren``, a task without clause) for the rules to judge.

The parser reads the width-folded text line by line, so ``（一）`` and ``(一)``, ``，`` and
``,`` are the same plan; every offset it records points into the file as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .clause import CLAUSE_WORDS, looks_like_clause, parse_clause
from .errors import InputError
from .model import Break, Directive, Edit, Heading, Paragraph, Paren, Plan, Section, Span, Task
from .source import Source
from .text import CN_NUMERAL, HAN, SENTENCE_END, bracket_groups, cn_to_int, fold

_NEWLINE = re.compile(r"\r\n|\r|\n")
_MD_PREFIX = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\d))")
_TASK = re.compile(r"^[ \t]*(\d{1,5})[ \t]*[.、](?!\d)[ \t]*")
#: a task number written with a wrong mark (``11。`` ``11,`` ``11:`` for ``11.``); N006 judges it
_MISTYPED_TASK = re.compile(r"^[ \t]*(\d{1,5})[ \t]*[。,:](?!\d)[ \t]*")
_SECTION = re.compile(rf"^[ \t]*({CN_NUMERAL})[ \t]*[、.][ \t]*")
_SUBSECTION = re.compile(rf"^[ \t]*\(({CN_NUMERAL})\)[ \t]*")
_DOC_NUMBER = re.compile(
    rf"^[ \t]*{HAN}{{2,12}}[ \t]*[〔\[(【{{]?[ \t]*\d{{2,4}}[ \t]*[〕\])】}}]?[ \t]*第?[ \t]*\d{{1,4}}[ \t]*号[ \t]*$"
)
_TITLE = re.compile(r"(计划|要点|方案|规划|安排|意见)[ \t]*$")
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d\d)[ \t]*年")
_YEAR_IN_DOC_NUMBER = re.compile(r"[〔\[(【{][ \t]*((?:19|20)\d\d)")
_DIRECTIVE = re.compile(
    r"<!--[ \t]*plancheck:[ \t]*(disable-file|disable)(?:[ \t]*=[ \t]*([\w, ]+))?[ \t]*-->"
)
_TRAILING_NUMBER = re.compile(r"\)[ \t]*(\d{1,3})[ \t]*$")
_LEADING_REST = re.compile(r"^[ \t]*(\d{0,3})[ \t]*[.、](?!\d)")
_TRAILING_DIGITS = re.compile(r"(?<=\))[ \t]*\d{1,3}[ \t]*$")
_SIMPLE_CLAUSE_END = re.compile(rf"\([^()]*(?:{CLAUSE_WORDS.pattern})[^()]*\)[ \t]*$")
_GLUED = re.compile(r"\)[ \t]*(\d{1,3})[ \t]*[.、](?=[^\d\s])")


@dataclass
class _Draft:
    """A task while its lines are being collected."""

    number_text: str
    number_start: int
    number_end: int
    segments: list[tuple[int, int]]  # (start, end) source offsets of the task's text
    section: int | None
    subsection: int | None
    breaks: list[Break] = field(default_factory=list)


class _Parser:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.folded = _NEWLINE.split(source.folded)
        self.paragraphs: list[Paragraph] = []
        self.headings: list[Heading] = []
        self.directives: list[Directive] = []
        self.drafts: list[_Draft] = []
        self.section: int | None = None
        self.subsection: int | None = None
        self.in_body = False
        self.title_seen = False
        self.pending_number: tuple[str, int] | None = None  # digits left at a line's end

    # -- positions ---------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        return Span.of(self.source, start, end)

    def line_start(self, index: int) -> int:
        return self.source.line_starts[index]

    # -- main loop ---------------------------------------------------------------------
    def run(self) -> Plan:
        index = 0
        while index < len(self.folded):
            index = self.line(index)
        tasks = tuple(self.build_task(d, n) for n, d in enumerate(self.drafts))
        self.mark_closing(tasks)
        if not tasks and not self.headings:
            raise InputError(self.source.path, "not a plan: no numbered tasks or headings found")
        return Plan(
            self.source,
            tuple(sorted(self.paragraphs, key=lambda p: p.span.start)),
            tuple(self.headings),
            tasks,
            tuple(self.directives),
            self.year(),
            self.sections(tasks),
        )

    def line(self, index: int) -> int:
        """Classify line ``index``; return the index of the next line to read."""
        folded = self.folded[index]
        skip = 0
        if self.source.kind == "md":
            prefix = _MD_PREFIX.match(folded)
            skip = prefix.end() if prefix else 0
        content = folded[skip:]
        start = self.line_start(index) + skip
        if not content.strip():
            return index + 1
        directive = _DIRECTIVE.search(content)
        if directive:
            self.add_directive(directive, start)
            return index + 1
        if self.pending_number is not None or self.task_start(content, self.last_number()):
            return self.task(index, content, start)
        heading = _SUBSECTION.match(content) or _SECTION.match(content)
        if heading:
            self.heading(heading, content, start)
            return index + 1
        self.paragraph(content, start)
        return index + 1

    # -- task numbers ------------------------------------------------------------------
    def last_number(self) -> int:
        return int(self.drafts[-1].number_text) if self.drafts else 0

    @staticmethod
    def task_start(folded: str, previous: int) -> re.Match[str] | None:
        """A task's number at the start of a line: ``11.`` or ``11、``, or ``11。`` ``11,``
        ``11:`` when 11 is the number expected after ``previous`` — a mistyped mark, read as
        the task it is (N006) rather than as prose, a gap and a missing task. Only the
        expected number: a line of prose that begins with a figure stays prose."""
        found = _TASK.match(folded)
        if found is None:
            found = _MISTYPED_TASK.match(folded)
            if found is not None and int(found.group(1)) != previous + 1:
                return None
        return found

    # -- pieces ------------------------------------------------------------------------
    def add_directive(self, match: re.Match[str], start: int) -> None:
        codes = tuple(c.strip().upper() for c in (match.group(2) or "").split(",") if c.strip())
        span = self.span(start + match.start(), start + match.end())
        self.directives.append(Directive(match.group(1), codes, span))

    def heading(self, match: re.Match[str], content: str, start: int) -> None:
        level = 2 if match.re is _SUBSECTION else 1
        numeral = match.group(1)
        value = cn_to_int(numeral) or 0
        title = content[match.end() :].rstrip()
        self.in_body = True
        if level == 1:
            self.section, self.subsection = value, None
        else:
            self.subsection = value
        self.headings.append(
            Heading(
                level,
                numeral,
                value,
                self.source.text[start + match.end() : start + match.end() + len(title)],
                self.span(
                    start + len(content) - len(content.lstrip()), start + len(content.rstrip())
                ),
                self.span(start + match.start(1), start + match.end(1)),
            )
        )

    def paragraph(self, content: str, start: int) -> None:
        text = content.strip()
        begin = start + len(content) - len(content.lstrip())
        span = self.span(begin, begin + len(text))
        role = self.header_role(text) if not self.in_body else "body"
        self.paragraphs.append(Paragraph(role, self.source.text[begin : begin + len(text)], span))

    def header_role(self, text: str) -> str:
        """Role of a line before the first heading or task (folded text)."""
        if self.title_seen:
            return "preamble"
        if _DOC_NUMBER.match(text) and not any(p.role == "doc_number" for p in self.paragraphs):
            return "doc_number"
        if text.endswith(":"):
            return "addressee"
        if _TITLE.search(text) and "。" not in text and "," not in text:
            self.title_seen = True
            return "title"
        if "。" in text or "," in text:
            return "notice"
        return "issuer"

    def task(self, index: int, content: str, start: int) -> int:
        """Read a task starting on line ``index``, joining what was broken across lines."""
        self.in_body = True
        match = self.task_start(content, self.last_number())
        breaks: list[Break] = []
        if self.pending_number is not None:
            digits, digits_start = self.pending_number
            self.pending_number = None
            rest = _LEADING_REST.match(content)
            assert rest is not None  # checked before the number was left pending
            number_text = digits + rest.group(1)
            number_start, number_end = digits_start, start + rest.end(1)
            breaks.append(
                self.number_break(digits, digits_start, start + rest.start(1), number_text)
            )
            text_start = start + rest.end()
        else:
            assert match is not None
            number_text = match.group(1)
            number_start, number_end = start + match.start(1), start + match.end(1)
            text_start = start + match.end()
        text_end = start + len(content.rstrip())
        segments = [(text_start, text_end)]
        next_index = index + 1
        if not self.has_clause(self.folded_of(segments)):
            next_index = self.join_wrapped(index, segments, breaks, int(number_text))
        self.check_trailing_number(next_index - 1, segments)
        for number, first, last, pieces, glued in self.split_glued(
            number_text, number_start, number_end, segments
        ):
            draft = _Draft(number, first, last, pieces, self.section, self.subsection)
            draft.breaks.extend(breaks if not glued else [glued])
            breaks = []
            self.drafts.append(draft)
        return next_index

    def number_break(self, digits: str, digits_start: int, rest_start: int, number: str) -> Break:
        """``…负责)5`` + ``0.…``: move the digits to the start of the next line."""
        edits = (
            Edit(digits_start, digits_start + len(digits), ""),
            Edit(rest_start, rest_start, digits),
        )
        return Break("number", self.span(digits_start, digits_start + len(digits)), edits, number)

    def check_trailing_number(self, index: int, segments: list[tuple[int, int]]) -> None:
        """Digits after the clause at a line's end may begin the next task's number."""
        if index + 1 >= len(self.folded):
            return
        line_folded = self.folded[index]
        trailing = _TRAILING_NUMBER.search(line_folded)
        if not trailing or not _LEADING_REST.match(self.folded[index + 1]):
            return
        digits_start = self.line_start(index) + trailing.start(1)
        start, _ = segments[-1]
        if digits_start <= start:
            return
        segments[-1] = (start, self.line_start(index) + trailing.start() + 1)
        self.pending_number = (trailing.group(1), digits_start)

    def join_wrapped(
        self, index: int, segments: list[tuple[int, int]], breaks: list[Break], number: int = 0
    ) -> int:
        """A plain-text task whose clause is on a following line was wrapped: join it.

        Only lines that complete the task (end in a clause) are joined, so a task that
        simply lacks its clause is not glued to the paragraph after it. Markdown wraps
        paragraphs by design, so there the join is silent.
        """
        pieces: list[tuple[int, int]] = []
        for lookahead in range(index + 1, min(index + 4, len(self.folded))):
            folded = self.folded[lookahead]
            if self.starts_block(folded) or self.task_start(folded, number):
                return index + 1
            line_start = self.line_start(lookahead)
            pieces.append(
                (line_start + len(folded) - len(folded.lstrip()), line_start + len(folded.rstrip()))
            )
            if self.has_clause(self.folded_of(pieces)):
                break
        else:
            return index + 1
        for begin, end in pieces:
            previous_end = segments[-1][1]
            if self.source.kind != "md":
                edit = Edit(previous_end, begin, "")  # delete the line break (and indentation)
                breaks.append(Break("text", self.span(previous_end, previous_end), (edit,)))
            segments.append((begin, end))
        return index + 1 + len(pieces)

    @staticmethod
    def starts_block(folded: str) -> bool:
        """A line that begins something of its own, never the rest of a wrapped task."""
        return (
            not folded.strip()
            or _TASK.match(folded) is not None
            or _SECTION.match(folded) is not None
            or _SUBSECTION.match(folded) is not None
            or _DIRECTIVE.search(folded) is not None
        )

    def split_glued(
        self, number_text: str, number_start: int, number_end: int, segments: list[tuple[int, int]]
    ) -> list[tuple[str, int, int, list[tuple[int, int]], Break | None]]:
        """``…负责)12.下一任务…`` on one line: two tasks, the second starting at the digits."""
        result = []
        glued: Break | None = None
        while True:
            last_start, last_end = segments[-1]
            folded = self.source.folded[last_start:last_end]
            found = None
            for match in _GLUED.finditer(folded):
                inner_open = folded.rfind("(", 0, match.start())
                if inner_open >= 0 and looks_like_clause(folded[inner_open : match.start()]):
                    found = match
                    break
            if found is None:
                result.append((number_text, number_start, number_end, segments, glued))
                return result
            cut = last_start + found.start() + 1
            digits_start = last_start + found.start(1)
            result.append(
                (number_text, number_start, number_end, [*segments[:-1], (last_start, cut)], glued)
            )
            newline = self.source.newline
            glued = Break(
                "glued",
                self.span(digits_start, digits_start + len(found.group(1))),
                (Edit(cut, digits_start, newline),),
                found.group(1),
            )
            number_text = found.group(1)
            number_start, number_end = digits_start, last_start + found.end(1)
            segments = [(last_start + found.end(), last_end)]

    def folded_of(self, segments: list[tuple[int, int]]) -> str:
        folded = self.source.folded
        return "".join(folded[s:e] for s, e in segments)

    @staticmethod
    def has_clause(folded: str) -> bool:
        """Does this text end in a responsibility clause (digits of a split number aside)?"""
        folded = _TRAILING_DIGITS.sub("", folded)
        if _SIMPLE_CLAUSE_END.search(folded):
            return True  # the common case, decided by one regex
        if not folded.rstrip().endswith((")", "】")):
            return False
        return _clause_group(folded, bracket_groups(folded)) is not None

    # -- building tasks ----------------------------------------------------------------
    def build_task(self, draft: _Draft, index: int) -> Task:
        source = self.source
        pieces = [(s, e) for s, e in draft.segments if e > s] or [draft.segments[0]]
        folded = self.folded_of(pieces)
        offsets = _OffsetMap(pieces)
        groups = bracket_groups(folded)
        clause_group = _clause_group(folded, groups)
        body_end = groups[clause_group][0] if clause_group is not None else len(folded)
        body = folded[:body_end].rstrip()
        clause = None
        if clause_group is not None:
            s, e = groups[clause_group]
            span = Span.of(source, offsets(s), offsets(e - 1) + 1)
            clause = parse_clause(source, folded[s + 1 : e - 1], offsets(s + 1), span)
        joined = "".join(source.text[s:e] for s, e in pieces)
        parens = tuple(self.parens(folded, joined, groups, clause_group, offsets))
        first, last = pieces[0][0], pieces[-1][1]
        return Task(
            number=int(draft.number_text),
            number_text=draft.number_text,
            number_span=self.span(draft.number_start, draft.number_end),
            span=self.span(draft.number_start, last),
            body=joined[: len(body)],
            body_span=self.span(first, offsets(len(body) - 1) + 1 if body else first),
            clause=clause,
            parens=parens,
            breaks=tuple(draft.breaks),
            section=draft.section,
            subsection=draft.subsection,
            index=index,
        )

    def parens(
        self,
        folded: str,
        joined: str,
        groups: list[tuple[int, int]],
        clause_group: int | None,
        offsets: _OffsetMap,
    ) -> Iterator[Paren]:
        """Every bracketed group but the clause, marking those that stand alone."""
        standalone_end = {0}
        if clause_group is not None:
            standalone_end.add(groups[clause_group][1])
        for n, (s, e) in enumerate(groups):
            if n == clause_group:
                continue
            before = folded[:s].rstrip()
            standalone = (
                not before
                or before[-1] in SENTENCE_END
                or len(before) in standalone_end
                or (clause_group is not None and n > clause_group)
            )
            if standalone:
                standalone_end.add(e)
            span = Span.of(self.source, offsets(s), offsets(e - 1) + 1)
            yield Paren(joined[s + 1 : e - 1], span, standalone, joined[s])

    # -- whole document ----------------------------------------------------------------
    def mark_closing(self, tasks: tuple[Task, ...]) -> None:
        """Body paragraphs after the last task are the plan's closing statements."""
        if not tasks:
            return
        last = tasks[-1].span.end
        self.paragraphs = [
            Paragraph("closing", p.text, p.span) if p.role == "body" and p.span.start >= last else p
            for p in self.paragraphs
        ]

    def year(self) -> int | None:
        for role, pattern in (("title", _YEAR_IN_TITLE), ("doc_number", _YEAR_IN_DOC_NUMBER)):
            for paragraph in self.paragraphs:
                if paragraph.role == role:
                    found = pattern.search(fold(paragraph.text))
                    if found:
                        return int(found.group(1))
        return None

    def sections(self, tasks: tuple[Task, ...]) -> tuple[Section, ...]:
        result = []
        level_one = [h for h in self.headings if h.level == 1]
        for n, heading in enumerate(level_one):
            end = (
                level_one[n + 1].span.start if n + 1 < len(level_one) else len(self.source.text) + 1
            )
            subs = tuple(
                h for h in self.headings if h.level == 2 and heading.span.start < h.span.start < end
            )
            own = tuple(t for t in tasks if heading.span.start < t.number_span.start < end)
            result.append(Section(heading, subs, own))
        return tuple(result)


class _OffsetMap:
    """Maps an index in a task's joined text to the source offset it came from."""

    def __init__(self, pieces: list[tuple[int, int]]) -> None:
        self.pieces = pieces

    def __call__(self, index: int) -> int:
        for start, end in self.pieces:
            length = end - start
            if index < length:
                return start + index
            index -= length
        start, end = self.pieces[-1]
        return end + index


def _clause_group(folded: str, groups: list[tuple[int, int]]) -> int | None:
    """The clause is the last clause-like group followed only by other groups or blanks."""
    for n in range(len(groups) - 1, -1, -1):
        s, e = groups[n]
        if not looks_like_clause(folded[s + 1 : e - 1]):
            continue
        tail = folded[e:]
        for s2, e2 in groups[n + 1 :]:
            tail = tail.replace(folded[s2:e2], "", 1)
        if not tail.strip():
            return n
        return None
    return None


def parse(source: Source) -> Plan:
    """Parse a plan; raises InputError only for text that is not a plan at all."""
    return _Parser(source).run()
