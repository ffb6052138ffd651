"""Paragraphs back from text that lost them: joined onto one line, or hard-wrapped.

Text pasted from a published PDF or a web page rarely keeps one paragraph a line. Either
every paragraph is run together on one line (the line breaks lost), or each paragraph is
cut every 30–40 characters (the PDF's lines kept). The parser reads one paragraph a line,
so such a plan would read as no tasks, or as every task broken (N003).

What a text is, is inferred from the document itself, never assumed:

- **joined**: most of its item markers (``一、`` ``（一）`` ``1.`` ``1．`` ``（1）``) stand inside
  lines rather than at their starts. It is split before each marker that begins a measure:
  one that continues its kind's sequence (``3.`` after ``2.``) or restarts it under a new
  heading, and that is not part of a number or a date (``2021—2025年``, ``第1批``, ``1.5亿``).
  The head is split after its sentences and after a title's document number.
- **wrapped**: most lines have the same length (in characters or in display width) and
  almost none is longer. A full line is joined with the next, unless the next begins an
  item; a shorter line ends its paragraph.
- **as-is**: anything else, a clean plan first: it is read exactly as before.

A reading keeps, for each of its lines, the line of the input where that line begins, so a
finding can point to the line a reader sees in the file.

The patterns compile on first use: a clean plan, one paragraph a line, is told from the
others without them.
"""

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache

from ..base.lazyre import LazyPattern
from .text import PARAGRAPH_END, cn_to_int, fold, split_lines

#: how a text was read (``Reading.how``)
AS_IS = "as-is"
JOINED = "joined"
WRAPPED = "wrapped"

_CN = "[一二三四五六七八九十]{1,3}"
#: item markers by kind; the groups hold the numeral. A number's marker must not be part of a
#: number, a date, an ordinal or a range: not after a digit, a point, 第 or a dash, and not
#: followed by a digit (1.5亿); a 一、 not inside a list of numerals (一、二、三产业). One
#: followed by a digit (``numd``: 11.121人才梯队项目) is an item only at a line's start or
#: after a clause or sentence, as the very next number or a 1 under a new heading, as the
#: parser reads it (``parse.task_start``)
_MARKERS = LazyPattern(
    rf"(?P<cn>(?<![一二三四五六七八九十〇零两第之、])(?:{_CN})、(?!{_CN}、))"
    rf"|(?P<pcn>\((?:{_CN})\))"
    r"|(?P<num>(?<![0-9A-Za-z.第—\-~至到/])\d{1,3}[.、](?![0-9]))"
    r"|(?P<pnum>\(\d{1,3}\))"
    r"|(?P<numd>(?<![0-9A-Za-z.第—\-~至到/])\d{1,3}[.、](?=[0-9]))"
)
#: how far a marker's number may run ahead of its kind's last (a number skipped), inside a
#: line and at a line's start (where a repeated number is an item too)
_SLACK, _LINE_SLACK = 2, 3
#: the average length of a line (characters) above which the lines may hold several
#: paragraphs each (a State Council opinion's paragraphs average 120–200), and the length
#: of a line that surely does
_LONG_PARAGRAPH, _LONGEST_PARAGRAPH = 300, 3000
_DIGITS = LazyPattern(r"\d+")
_CN_DIGITS = LazyPattern(_CN)
#: a title followed by its own document number (…的指导意见国办发〔2018〕121号)
_DOC_NUMBER = LazyPattern(r"\S{1,10}[〔\[(【](?:19|20)\d\d[〕\])】]第?\d{1,4}号")
#: the words a title ends with (the genre, or the notice that issues it)
_TITLE_WORDS = (
    "计划",
    "要点",
    "方案",
    "意见",
    "安排",
    "规划",
    "分工",
    "措施",
    "细则",
    "清单",
    "通知",
)
#: the longest title a text opens with, the marks a title does not hold, and the text
#: after a document number that shows a head run together
_LONGEST_TITLE, _TITLE_STOPS, _RUNS_ON = 150, "。,;:!?、", 8
#: what a date inside a sentence runs on with (…日起施行, …日前完成, …日止), and the last
#: characters of an issuer's name, before its signature's date
_DATE_GOES_ON = frozenset("起前止后至以开到,、和及与")
_ISSUER_ENDS = frozenset("府厅局委会室办部院署组")
_DATE = LazyPattern(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日")
_OPENERS, _CLOSERS = frozenset("(《“【〔["), frozenset(")》”】〕]")
#: marks after which, in a document's head, a new paragraph begins
_HEAD_BREAK = frozenset("。:")
#: marks that end a sentence before a labelled clause of its own, and that part the lists of
#: one clause's labels (牵头单位:A;配合单位:B)
_SENTENCE_BREAK, _LIST_BREAK = frozenset("。!?)"), frozenset(";,、")
#: the share of a hard-wrapped text's lines that must be full: a wide cut of short
#: paragraphs leaves few (an eighth, in a short text of table rows and a few paragraphs of
#: prose); a clean text's longest lines seldom share one length and all stop mid-sentence
_FULL_SHARE = 0.12


class Reading:
    """A text as it will be read: ``how`` it was reconstructed, and for each of its lines
    the lines of the input it is made of: ``((offset, input line), …)``, the offset in the
    line where each input line (1-based) begins."""

    __slots__ = ("how", "line_of", "text")

    def __init__(
        self,
        text: str,
        how: str = AS_IS,
        line_of: tuple[tuple[tuple[int, int], ...], ...] = (),
    ) -> None:
        self.text = text
        self.how = how
        self.line_of = line_of


class _Marker:
    """A marker that may begin an item: where, its kind of numbering and its number."""

    __slots__ = ("kind", "start", "value")

    def __init__(self, start: int, kind: str, value: int) -> None:
        self.start = start
        self.kind = kind
        self.value = value


def reconstruct(text: str) -> Reading:
    """The text with its paragraphs one a line, or the text itself when it has them."""
    original = text
    lines = split_lines(text)
    text = "\n".join(lines)  # CRLF or CR line ends: one \n each (the line numbers stay)
    content = [line for line in map(str.strip, lines) if line]
    if not content:
        return Reading(original)
    width = _wrap_width(content)
    if width is not None:
        return _unwrap(text, fold(text), width)
    prose = [line for line in content if not line.startswith("|")]
    if prose and _may_be_joined(prose):
        folded = fold(text)
        markers = _sequence(folded)
        if _is_joined(folded, markers) or _head_runs_on(fold(prose[0])):
            return _split(text, folded, markers)
    return Reading(original)


def _may_be_joined(content: list[str]) -> bool:
    """Whether the lines are long enough to hold several paragraphs each, told from their
    lengths alone (a clean plan pays only this): a few lines, or lines averaging more than
    a long paragraph, or one line longer than any paragraph is. A Markdown table's rows
    are no paragraphs and are not counted."""
    total = sum(map(len, content))
    return (
        len(content) <= 3
        or total > _LONG_PARAGRAPH * len(content)
        or max(map(len, content)) > _LONGEST_PARAGRAPH
    )


def _candidates(folded: str) -> list[_Marker]:
    """Every place a marker could begin an item, outside 《titles》 and “quotes”."""
    found = []
    quoted = _quoted_spans(folded)
    opens = [a for a, _ in quoted]
    rows = _Rows(folded)
    for match in _MARKERS.finditer(folded):
        if rows.holds(match.start()):
            continue  # a Markdown table's row: its cells are no paragraphs
        at = bisect_left(opens, match.start()) - 1
        if at >= 0 and match.start() < quoted[at][1]:
            continue
        kind = match.lastgroup or ""
        arabic = kind in ("num", "pnum", "numd")
        numeral = (_DIGITS if arabic else _CN_DIGITS).search(match.group())
        if numeral is None:
            continue
        value = int(numeral.group()) if arabic else cn_to_int(numeral.group()) or 0
        found.append(_Marker(match.start(), kind, value))
    return found


def _quoted_spans(folded: str) -> list[tuple[int, int]]:
    """The spans of 《》 and “” pairs (a title or a quotation may hold a numeral); “ may be
    closed by a straight quote."""
    spans = []
    for opener, closers in (("《", "》"), ("“", '”"')):
        # where each closer is next met after the opener: sought again only once an opener
        # has passed it (a closer the text lacks, sought to the text's end at every opener,
        # made a long text quadratic); -1 where the text has none further on
        ahead = dict.fromkeys(closers, 0)
        start = folded.find(opener)
        while start >= 0:
            # (“…" closed by a straight quote, as some sites' editors type it)
            for closer, at in ahead.items():
                if 0 <= at <= start:
                    ahead[closer] = folded.find(closer, start + 1)
            found = [at for at in ahead.values() if at >= 0]
            if not found:
                break
            end = min(found)
            if end - start < 120:
                spans.append((start, end))
            start = folded.find(opener, end + 1)
    return sorted(spans)


def _sequence(folded: str) -> list[_Marker]:
    """The markers that begin items: each continues its kind's numbering (n after n−1) or
    starts it again at 1 under a marker of a kind met before it (a new heading)."""
    last: dict[str, int] = {}
    rank: dict[str, int] = {}  # kinds in order of first use: 一、 above （一） above 1.
    since: dict[str, int] = {}  # for each kind, the highest rank accepted since its last item
    accepted = []
    candidates = _candidates(folded)
    for index, marker in enumerate(candidates):
        kind, value = marker.kind, marker.value
        at_start = _starts_line(folded, marker.start)
        named = kind == "numd"  # 11.121人才梯队项目
        if named:
            if not _item_place(folded, marker.start) or not _continued(folded, candidates, index):
                continue
            kind = "num"
            marker = _Marker(marker.start, kind, marker.value)
        previous = last.get(kind)
        under_heading = previous is not None and since[kind] < rank[kind]
        # a 1 at a line's start restarts its kind even at the top (a second document or
        # an annex after the first: 一、 again after 八、); before digits, only under a heading
        restart = value == 1 and (under_heading or (not named and (previous is None or at_start)))
        # a number skipped or repeated (a defect the rules report) does not end the
        # sequence: a line that begins with the marker is an item whatever its number;
        # before digits, only the very next number is
        step = (1, 1) if named else (0, _LINE_SLACK) if at_start else (1, _SLACK)
        follows = previous is not None and previous + step[0] <= value <= previous + step[1]
        if not (restart or follows):
            continue
        rank.setdefault(kind, len(rank))
        last[kind] = value
        since[kind] = len(rank) + 1
        for other in since:
            if other != kind:
                since[other] = min(since[other], rank[kind])
        accepted.append(marker)
    return accepted


def _continued(folded: str, candidates: list[_Marker], index: int) -> bool:
    """Whether the number before digits at a line's start (``11.121人才梯队项目``) may be an
    item: the next item marker of its kind has another number. A figure the wrap put at a
    line's start (``降低`` / ``3.8%。`` before item ``3、``) is followed by the item of its own
    number, as the parser reads it (``parse.task_start``)."""
    marker = candidates[index]
    for following in range(index + 1, len(candidates)):  # (no copy of the rest: a long text)
        other = candidates[following]
        if other.kind == "num" or (other.kind == "numd" and _item_place(folded, other.start)):
            return other.value != marker.value
    return True


def _item_place(folded: str, offset: int) -> bool:
    """Whether a number before digits stands where an item begins: at a line's start, or
    after a clause, a sentence or a list's colon (…负责）2．2021年6月底前…, 具体措施：1．2021年…,
    in a joined text)."""
    return _starts_line(folded, offset) or folded[offset - 1 : offset] in (")", "。", ":")


def _head_runs_on(first: str) -> bool:
    """Whether a text's first line runs its head together, whatever its items (a text of
    one task, or of a task table after a few paragraphs): the title it opens with goes on
    into more text, or the addressees it opens with, or a document number near its start is
    followed by more (a title or the addressees never share their line with the text; a
    clean text's number stands on a line of its own or after its title in brackets)."""
    title = _opening_title_end(first, len(first))
    if title is not None and len(first) - title >= _RUNS_ON:
        return True
    colon = first.find(":", 0, _LONGEST_TITLE)
    if first.startswith("各") and colon > 0 and len(first) - colon > _RUNS_ON:
        return True  # the addressees (各州、市人民政府,省直各委、办、厅、局:) and the text
    closed = _closed(first, 0, min(len(first), _LONGEST_TITLE))
    for match in _DOC_NUMBER.finditer(first, 0, _LONGEST_TITLE):
        # (its 号 outside brackets: the match may begin inside the 《title》 before it)
        if closed[match.end() - 1] and len(first) - match.end() >= _RUNS_ON:
            return True
    return False


def _is_joined(folded: str, markers: list[_Marker]) -> bool:
    """Most items begin inside a line, not at its start: the breaks were lost."""
    inside = sum(1 for m in markers if not _starts_line(folded, m.start))
    return inside >= 3 and inside > 2 * (len(markers) - inside)


def _starts_line(folded: str, offset: int) -> bool:
    """Whether only blanks stand before ``offset`` on its line: stepped back over in place
    (a search back for the line's start crossed all of a text whose lines were run
    together, for each marker in it: quadratic)."""
    while offset and folded[offset - 1] != "\n" and folded[offset - 1].isspace():
        offset -= 1
    return not offset or folded[offset - 1] == "\n"


def _split(text: str, folded: str, markers: list[_Marker]) -> Reading:
    """A break before every item marker inside a line; in the head (before the first item)
    and the tail (after the last item's last clause) after each sentence, around a date
    and after a document number, where no bracket or title is open."""
    cuts = {m.start for m in markers if not _starts_line(folded, m.start)}
    head_end = markers[0].start if markers else len(folded)
    cuts.update(_prose_cuts(folded, 0, head_end))
    title = _opening_title_end(folded, head_end)
    if title is not None:
        cuts.add(title)
    body_end = len(folded)
    if markers:
        tail = _tail_start(folded, markers[-1].start)
        if tail is not None:
            cuts.add(tail)
            cuts.update(_prose_cuts(folded, tail, len(folded)))
            body_end = tail
    cuts.update(_label_cuts(folded, head_end, body_end))
    rows = _Rows(folded)
    cuts = {c for c in cuts if 0 < c < len(text) and not rows.holds(c)}
    return _with_breaks(text, sorted(cuts), JOINED)


class _Rows:
    """The lines of a text that are a Markdown table's rows (begun by ``|``; never cut),
    found once: whether an offset is in one is then a bisection, not a search back to its
    line's start (which crossed all of a text whose lines were run together, for each
    offset asked)."""

    def __init__(self, folded: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []  # at the row's newline, or the text's end
        bar = folded.find("|")  # (most texts have none: one look tells)
        while bar >= 0:
            end = folded.find("\n", bar)
            end = len(folded) if end < 0 else end
            if bar == folded.rfind("\n", 0, bar) + 1:  # the | begins its line
                self.starts.append(bar)
                self.ends.append(end)
            bar = folded.find("|", end)  # the next line's, if any

    def holds(self, offset: int) -> bool:
        """Whether ``offset`` is inside a row (its newline included)."""
        at = bisect_right(self.starts, offset) - 1
        return at >= 0 and offset <= self.ends[at]


def _prose_cuts(folded: str, start: int, end: int) -> set[int]:
    """Where the paragraphs of a stretch of prose (a head or a tail) begin: after a
    sentence or the addressees' colon, around a signature date, after a document number
    and the title before it; never inside brackets, a title or a quotation."""
    closed = _closed(folded, start, end)
    cuts = {
        n + 1
        for n in range(start, end - 1)
        if folded[n] in _HEAD_BREAK and folded[n + 1] not in '\n”"' and closed[n - start]
    }
    for match in _DATE.finditer(folded, start, end):
        if closed[match.start() - start] and _signs(folded, match.start(), match.end()):
            cuts.update((match.start(), match.end()))
            title = _opening_title_end(folded, end, match.end())
            if title is not None:  # the plan's own title under the notice's date
                cuts.add(title)
    for match in _DOC_NUMBER.finditer(folded, start, end):
        if not closed[match.end() - 1 - start]:
            continue  # a number cited inside brackets
        cuts.add(match.end())
        begin = match.start()
        if not closed[begin - start]:  # the match begins inside the 《title》 before it
            prefix = folded[begin : match.end()]
            begin += max(prefix.rfind("》"), prefix.rfind("”")) + 1
        title_end = _title_end(folded, begin, match.end())
        if title_end is not None:  # …的通知|包府办发〔2022〕12号
            cuts.add(title_end)
        elif begin != match.start():  # 《…的通知》|浙政办发〔2019〕7号
            cuts.add(begin)
    return cuts


def _signs(folded: str, start: int, end: int) -> bool:
    """Whether a date is a signature's (a line of its own): after a sentence, a bracket or
    the issuer's name, and not a time inside a sentence (自2020年10月1日起施行, 有效期至
    2025年9月30日。)."""
    before = folded[start - 1 : start]
    after = folded[end : end + 1]
    if after in _DATE_GOES_ON:
        return False
    return not before or before in _SENTENCE_BREAK or before.isspace() or before in _ISSUER_ENDS


def _closed(folded: str, start: int, end: int) -> list[bool]:
    """For each offset of a stretch, whether every bracket, title and quotation opened
    before it in the stretch is closed."""
    depth = 0
    result = []
    for char in folded[start:end]:
        if char in _OPENERS:
            depth += 1
        result.append(depth == 0)
        if char in _CLOSERS and depth:
            depth -= 1
    return result


def _label_cuts(folded: str, start: int, end: int) -> set[int]:
    """Where a labelled clause (``牵头单位:`` ``责任单位:`` ``牵头领导:``) began a line of its
    own: a label outside brackets after a sentence's end, or run on from another label's
    list with no mark between (``牵头领导:陈炳荣责任单位:``, ``分管省领导:林克庆部门分工:``). A label after a separator
    (``牵头单位:A;配合单位:B``) goes on its list's line, and a word that only ends like a
    label in prose (``各责任单位:``, no label before it in the sentence) is not cut."""
    closed = _closed(folded, start, end)
    cuts = set()
    for match in _labels().finditer(folded, start, end):
        at = match.start()
        if not closed[at - start] or at == start:
            continue
        before = folded[at - 1]
        sentence = max(folded.rfind(c, start, at) for c in _SENTENCE_BREAK)
        run_on = folded.rfind(":", start, at) > sentence  # a label's colon in this sentence
        if before in _SENTENCE_BREAK or (run_on and before not in _LIST_BREAK):
            cuts.add(at)
    return cuts


@cache
def _labels() -> re.Pattern[str]:
    """A clause's party and note labels with their colon (``rules/clause-grammar.yaml``),
    longest first."""
    from ..knowledge.data import builtin

    grammar = builtin("clause-grammar.yaml") or {}
    words = [w for label in grammar.get("labels", ()) for w in label.get("words", ())]
    words += grammar.get("note_labels", [])
    alternatives = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
    return re.compile(f"(?:{alternatives}):" if alternatives else "$^")


@cache
def _clause_words() -> re.Pattern[str]:
    """The words that make a bracket a responsibility clause: the clause grammar's own
    (``rules/clause-grammar.yaml``, which ``clause`` compiles the same way; read here from
    the data, as ``clause`` itself reads the text this module makes)."""
    from ..knowledge.data import builtin

    words = (builtin("clause-grammar.yaml") or {}).get("clause_words", ())
    return re.compile("|".join(f"(?:{p})" for p in words) or "$^")


def _tail_start(folded: str, last_item: int) -> int | None:
    """Where the text after the last item begins: after the last clause-like bracket group
    of the last item (a closing note, the signature and date glued to it), if text follows."""
    end = len(folded.rstrip())
    close = folded.rfind(")", last_item, end)
    while close > last_item:
        open_ = folded.rfind("(", last_item, close)
        if open_ < 0:
            return None
        if _clause_words().search(folded, open_ + 1, close):
            after = close + 1
            while after < end and folded[after] in "。;":
                after += 1
            return after if after < end else None
        close = folded.rfind(")", last_item, open_)
    return None


def _opening_title_end(folded: str, end: int, start: int = 0) -> int | None:
    """Where the title a text opens with ends, when the text runs on after it: after the
    first genre word outside brackets and titles (…的通知, …工作要点, …行动计划（2019—2021）),
    within a title's length, with no sentence's mark before it, and followed by more text
    rather than by a mark (…制定本方案。 is a sentence, not a title)."""
    while start < end and folded[start].isspace():
        start += 1
    stop = min(end, start + _LONGEST_TITLE)
    closed = _closed(folded, start, stop)
    for n in range(start, stop):
        if folded[n] in _TITLE_STOPS and closed[n - start]:
            return None
        word = next((w for w in _TITLE_WORDS if folded.startswith(w, n)), None)
        if word is None or not closed[n - start]:
            continue
        after = n + len(word)
        while folded.startswith(" ", after):
            after += 1
        if folded.startswith("(", after):  # the title's period (2019—2021), its number
            close = folded.find(")", after, after + 20)
            after = close + 1 if close > 0 else after
        following = folded[after : after + 1]
        if following in ("的", "表") or folded.startswith(_TITLE_WORDS, after):
            continue  # …实施方案的通知, …任务分工方案, …任务分工表: the title goes on
        if following and not following.isspace() and following not in _TITLE_STOPS + "(":
            return after if folded.rfind("\n", 0, after) < start else None
        return None
    return None


def _title_end(folded: str, start: int, end: int) -> int | None:
    """Where a title glued to its document number ends (…指导意见|国办发〔2018〕121号): after
    the genre's word that comes last before the number, if one is in the number's prefix."""
    prefix = folded[start:end]
    best = None
    for word in _TITLE_WORDS:
        at = prefix.find(word)
        while at >= 0:
            best = max(best or 0, start + at + len(word))
            at = prefix.find(word, at + 1)
    line_start = folded.rfind("\n", 0, start) + 1
    return best if best is not None and best > line_start else None


def _with_breaks(text: str, cuts: list[int], how: str) -> Reading:
    """The text with a line break at each cut (spaces before a cut dropped), and each new
    line's line in the input."""
    pieces = []
    line_of = []
    previous = 0
    input_line = 1
    for cut in [*cuts, len(text)]:
        piece = text[previous:cut]
        for part in piece.split("\n"):
            if part.strip():
                pieces.append(part.strip())
                line_of.append(((0, input_line),))
            input_line += 1
        input_line -= 1  # the cut is not a line break of the input
        previous = cut
    return Reading("\n".join(pieces) + "\n", how, tuple(line_of))


def _measures(line: str) -> tuple[int, int]:
    """A line's length in characters and in display width (a CJK character, three bytes
    of UTF-8, is two columns; an ASCII one, one byte, is one)."""
    return len(line), len(line) + (len(line.encode()) - len(line)) // 2


def _wrap_width(content: list[str]) -> tuple[int, int] | None:
    """``(measure, width)`` when the lines were cut at one width: ``measure`` 0 for
    characters, 1 for display width. Many lines stop within a character of the width, almost
    none is longer, and most of those that stop there stop mid-sentence (a clean text's
    long lines end theirs). A Markdown table's rows (``| … |``) are no wrapped text and are
    not counted. Where paragraphs are short (a wide cut), the full lines are fewer than
    the last lines of paragraphs, but still far more than lines of any other length."""
    content = [line for line in content if not line.startswith("|")]
    if len(content) < 8:
        return None
    lengths = list(map(len, content))
    if sum(1 for n in lengths if n > 90) > len(lengths) // 20:
        return None  # prose a paragraph a line
    best = None
    for measure, tolerance in ((0, 1), (1, 3)):
        values = lengths if measure == 0 else [_measures(line)[1] for line in content]
        width = Counter(v for v in values if v >= 16 << measure).most_common(1)
        if not width or not (16 << measure) <= width[0][0] <= (90 << measure):
            continue
        size = width[0][0]
        full = [n for n, v in enumerate(values) if size - tolerance <= v <= size]
        longer = sum(1 for v in values if v > size) / len(values)
        open_ = sum(1 for n in full if fold(content[n][-1]) not in PARAGRAPH_END)
        share = len(full) / len(values)
        # the measure the text was cut by fills its lines exactly: every full line has the
        # width in characters, or within a column of it (a CJK character left over)
        exact = sum(1 for v in values if size - measure <= v <= size)
        if (
            len(full) >= 4 + measure  # (columns: a wider window, more evidence wanted)
            and share >= _FULL_SHARE
            and open_ >= 0.6 * len(full)
            and longer <= 0.05
            and (best is None or exact > best[2])
        ):
            best = (measure, size, exact)
    return None if best is None else (best[0], best[1])


def _unwrap(text: str, folded: str, width: tuple[int, int]) -> Reading:
    """Full lines joined with the next unless the next begins an item or the full line
    ends a clause right before one; a Markdown table's rows are neither joined nor joined
    to."""
    measure, size = width
    slack = 2 if measure == 0 else 4  # a line broken early: a mark kept off its start or end
    lines = text.split("\n")
    folded_lines = folded.split("\n")
    starts = _item_starts(folded)
    out: list[str] = []
    line_of: list[list[tuple[int, int]]] = []
    joining = False
    for n, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            joining = False
            continue
        row = stripped.startswith("|")  # a Markdown table's row: a line of its own
        if joining and n not in starts and not row:
            line_of[-1].append((len(out[-1]), n + 1))
            out[-1] += stripped
        else:
            out.append(stripped)
            line_of.append([(0, n + 1)])
        length = _measures(_cut(folded_lines[n]))[measure]
        full = not row and (
            length >= size - measure  # (a CJK character is two columns: one left over)
            or (length >= size - slack and _kept_off(folded_lines, n))
        )
        joining = full and not (folded_lines[n].rstrip()[-1:] in PARAGRAPH_END and n + 1 in starts)
    return Reading("\n".join(out) + "\n", WRAPPED, tuple(map(tuple, line_of)))


#: marks a viewer keeps off a line's start (a closing mark moves down with the character
#: before it) and off its end (an opening mark moves down)
_NO_START = frozenset(",。、;:!?)》”’】〕]")
_NO_END = frozenset("(《“‘【〔[")


def _cut(line: str) -> str:
    """A line as the viewer measured it: a space that ends it, or one alone at its start
    (the cut fell on a space), is part of it; an indent (two or more) is not."""
    body = line.lstrip()
    return line if len(line) - len(body) == 1 else body


def _kept_off(folded_lines: list[str], n: int) -> bool:
    """Whether line ``n``, a character or two short of the width, was broken early where
    the viewer kept a mark off a line's start or end (kinsoku), or moved a Latin word or a
    figure down whole: the next line begins with the opening mark, or its first characters
    hold the closing mark, or both sides of the break are Latin letters or digits. A short
    line that ends a paragraph (a heading, a sentence) has none of these after it."""
    if n + 1 >= len(folded_lines):
        return False
    line, following = folded_lines[n].strip(), folded_lines[n + 1].strip()
    if not line or not following:
        return False
    if following[0] in _NO_END or any(c in _NO_START for c in following[:3]):
        return True
    return line[-1].isascii() and line[-1].isalnum() and following[0].isascii()


def _item_starts(folded: str) -> set[int]:
    """The lines (0-based) that begin with a marker continuing the document's numbering.

    The markers come in text order: each one's line is counted on from the last one's (a
    count from the text's start for each made a long hard-wrapped text quadratic)."""
    starts = set()
    line = counted = 0
    for marker in _sequence(folded):
        line += folded.count("\n", counted, marker.start)
        counted = marker.start
        if _starts_line(folded, marker.start):
            starts.add(line)
    return starts
