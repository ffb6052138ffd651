"""PDF plans: the text layer of a published plan, its paragraphs rebuilt from the page.

A PDF keeps no paragraphs, only lines placed on pages. The text layer is read with
pypdfium2 (PDFium's own text extraction: each character with its box, the lines as PDFium
finds them) and the paragraphs are put back together by geometry, as a reader sees them:

- a **running head, page number or footer** is a line in the top or bottom band of the
  page that is a page number (``- 3 -``, ``第3页``, ``3/14``) or comes back, numbers aside,
  on other pages; it is dropped;
- a body line **begins a paragraph** when it is indented (a Chinese paragraph's first line
  is indented two characters) or set apart (centred), when the line before it stops short
  of the right margin, when a gap wider than a line's lies before it, or when its type
  size differs (a title); otherwise it **continues** the paragraph, across a page too.

Each paragraph becomes one line of plancheck's text; ``places`` keeps, for each, where its
physical lines are: ``("pg", ((offset, page, line), …))``, the offset in the paragraph where
the page's line begins, so a finding is placed on the page and line a reader counts (the
page's text lines from the top, running heads left out).

A PDF without a text layer is a scan: it is said so, with OCR as the way to read it, never
read as an empty plan.
"""

from __future__ import annotations

import itertools
from collections import Counter
from statistics import median
from typing import NamedTuple

from ..base.errors import InputError, Reason
from .pages import PAGE_NUMBER, joiner, page_shape

#: what a scan is told (English; translated in the locale)
NO_TEXT_LAYER = Reason(
    "PDF without a text layer (a scan?): run OCR on it first (e.g. ocrmypdf -l chi_sim) and check the text it gives",
    "no-text-layer",
)
NOT_A_PDF = Reason("not a readable PDF", "pdf")
ENCRYPTED = Reason("PDF is encrypted: save an unprotected copy", "pdf")

#: fewer characters than this on average per page: no text layer to speak of (a scan may
#: carry a stamp or a page number as text)
_MIN_CHARS_PER_PAGE = 20
#: the top and bottom bands of a page where running heads, page numbers and footers are
_BAND = 0.12
#: full-width marks whose ink fills only part of their square
_WIDE_MARKS = frozenset("。，、；：！？”’）》】〕")


class Line(NamedTuple):
    """One line of text on a page, with its box (PDF points, y upwards)."""

    page: int
    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float  # its type size: the tallest ideograph (一 is flat), else the median mark


def read_pdf(data: bytes, name: str) -> tuple[str, tuple[tuple, ...]]:
    """The plan text of a PDF (one paragraph a line) and each line's place on the pages."""
    pages = _page_lines(data, name)
    lines = _without_margins(pages)
    if not lines:
        raise InputError(name, NO_TEXT_LAYER)
    numbers = _line_numbers(lines)
    text_lines = []
    places = []
    for paragraph in _paragraphs(lines):
        text = ""
        where = []
        for index in paragraph:
            line = lines[index]
            text += joiner(text, line.text)
            where.append((len(text), line.page, numbers[index]))
            text += line.text
        text_lines.append(text)
        places.append(("pg", tuple(where)))
    return "\n".join(text_lines), tuple(places)


def _page_lines(data: bytes, name: str) -> list[list[Line]]:
    """Every page's lines of text, from the top, as PDFium reads them."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        raise InputError(name, ENCRYPTED if "password" in message else NOT_A_PDF) from None
    try:
        pages = []
        characters = 0
        for number in range(len(document)):
            page = document[number]
            try:
                lines = _lines_of(page.get_textpage(), number + 1)
            finally:
                page.close()
            characters += sum(len(line.text) for line in lines)
            pages.append(lines)
    except pdfium.PdfiumError:
        raise InputError(name, NOT_A_PDF) from None
    finally:
        document.close()
    if characters < _MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise InputError(name, NO_TEXT_LAYER)
    return pages


def _lines_of(textpage, page: int) -> list[Line]:
    """A text page's lines: PDFium's text with its line breaks, each character's box."""
    text = textpage.get_text_range()
    lines = []
    start = 0
    for piece in text.split("\r\n"):
        line = _line(textpage, page, piece, start)
        if line is not None:
            lines.append(line)
        start += len(piece) + 2
    lines.sort(key=lambda line: (-line.top, line.left))
    return lines


def _line(textpage, page: int, piece: str, start: int) -> Line | None:
    """One line of a page from its characters' boxes; None for a blank one. A full-width
    mark's box covers only its ink (the 。 in the left of its square): its square is
    counted, so that a line ending in one reaches the margin as its neighbours do."""
    boxes = [
        (textpage.get_charbox(start + n), char)
        for n, char in enumerate(piece)
        if not char.isspace()
    ]
    if not boxes:
        return None
    han = [box[3] - box[1] for box, char in boxes if "\u4e00" <= char <= "\u9fff"]
    size = max(han) if han else median(box[3] - box[1] for box, _ in boxes)
    right = max(
        max(box[2], box[0] + size) if char in _WIDE_MARKS else box[2] for box, char in boxes
    )
    return Line(
        page,
        piece.strip(),
        min(box[0] for box, _ in boxes),
        right,
        min(box[1] for box, _ in boxes),
        max(box[3] for box, _ in boxes),
        size,
    )


def _without_margins(pages: list[list[Line]]) -> list[Line]:
    """The body lines of every page: running heads, page numbers and footers dropped. A
    running line is in the top or bottom band and is a page number, or comes back at the
    same height on half the pages or more (a clause repeated in the body does not)."""
    tops = [line.top for page in pages for line in page]
    if not tops:
        return []
    high, low = max(tops), min(line.bottom for page in pages for line in page)
    band = _BAND * max(high - low, 1.0)
    running = Counter(
        key for page in pages for key in {(page_shape(line.text), round(line.top)) for line in page}
    )
    enough = max(2, len(pages) // 2)
    body = []
    for page in pages:
        for line in page:
            in_band = line.bottom >= high - band or line.top <= low + band
            if in_band and (
                PAGE_NUMBER.match(line.text)
                or running[(page_shape(line.text), round(line.top))] >= enough
            ):
                continue
            body.append(line)
    return body


def _paragraphs(lines: list[Line]) -> list[list[int]]:
    """The body lines (their indices) grouped into paragraphs by their indentation, length,
    gaps and size."""
    em = median(line.size for line in lines)
    left = _mode(line.left for line in lines)
    right = _mode(line.right for line in lines if line.right > left + 10 * em)
    pitch = _mode(a.top - b.top for a, b in itertools.pairwise(lines) if a.page == b.page)
    paragraphs: list[list[int]] = []
    previous: Line | None = None
    for index, line in enumerate(lines):
        if previous is None or _begins(line, previous, left, right, em, pitch):
            paragraphs.append([index])
        else:
            paragraphs[-1].append(index)
        previous = line
    return paragraphs


def _begins(line: Line, previous: Line, left: float, right: float, em: float, pitch: float) -> bool:
    """Whether a line begins a paragraph rather than continuing the one before it."""
    if _centred_after(line, previous, left, right, em):
        return False  # a centred title over two lines
    if line.left > left + 0.8 * em:  # indented, or centred
        return True
    if previous.right < right - 1.2 * em or (
        previous.left > left + 0.8 * em and previous.right < right - 0.5 * em
    ):
        return True  # the line before stops short: its paragraph ended
    if abs(line.size - previous.size) > 0.2 * em:
        return True
    same_page = line.page == previous.page
    return same_page and pitch > 0 and previous.top - line.top > 1.6 * pitch


def _centred_after(line: Line, previous: Line, left: float, right: float, em: float) -> bool:
    """A centred line under a wide centred line of the same size and centre: the second
    line of a title."""

    def centred(item: Line) -> bool:
        inset = item.left - left
        return inset > 0.2 * em and abs(inset - (right - item.right)) < 0.6 * em

    same_centre = abs((line.left + line.right) - (previous.left + previous.right)) < em
    wide = previous.right - previous.left > 0.6 * (right - left)
    return (
        wide
        and same_centre
        and centred(line)
        and centred(previous)
        and abs(line.size - previous.size) <= 0.2 * em
    )


def _mode(values) -> float:
    """The most common value, to the point (a margin, a line's pitch)."""
    counts = Counter(round(value) for value in values)
    return float(counts.most_common(1)[0][0]) if counts else 0.0


def _line_numbers(lines: list[Line]) -> list[int]:
    """Each body line's number on its page, from the top."""
    numbers = []
    counter: Counter[int] = Counter()
    for line in lines:
        counter[line.page] += 1
        numbers.append(counter[line.page])
    return numbers
