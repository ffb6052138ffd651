"""The renderings a drafting office has of a real document, made from its clean text.

A plan reaches the checker as a Word file, a page saved from a website, or text pasted from
a PDF viewer or a browser: every paragraph run together on one line, or cut into the lines
the viewer showed (20 characters on a phone's narrow column, 35 on a page of A4 in a large
type, 60 on a wide one). ``tests/test_corpus_renderings.py`` makes each of these from every
clean text of the corpus (``tests/corpus/*/*.txt``, one paragraph a line) and checks that
each reads as the clean text.

A Markdown table of the clean text (``| 序号 | 重点任务 | 牵头单位 |``) stays a table: in a
Word file or a web page it is made a real table; in pasted text its rows stay rows, one a
line (text cut across a table's cells is a table no more, and no rendering of a plan).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path

from checker.reading.source import Source, source_from_bytes, source_from_file

#: the widths pasted text is cut at (characters a line)
WIDTHS = (20, 35, 60)
#: every rendering by name
KINDS = ("joined", *(f"wrapped{w}" for w in WIDTHS), "html", "docx")


def paragraphs(text: str) -> list[str]:
    """The clean text's paragraphs, one a line, blank lines left out."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _is_row(line: str) -> bool:
    return line.startswith("|")


def _is_separator(line: str) -> bool:
    return _is_row(line) and not line.replace("|", "").replace("-", "").replace(":", "").strip()


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _blocks(lines: list[str]) -> Iterator[tuple[bool, list[str]]]:
    """Runs of prose paragraphs and of table rows: ``(is_table, lines)``."""
    run: list[str] = []
    table = False
    for line in lines:
        if _is_row(line) != table and run:
            yield table, run
            run = []
        table = _is_row(line)
        run.append(line)
    if run:
        yield table, run


def joined(lines: list[str]) -> str:
    """Every run of paragraphs joined onto one line; table rows kept a line each."""
    out = []
    for table, run in _blocks(lines):
        out.extend(run if table else ["".join(run)])
    return "\n".join(out) + "\n"


def wrapped(lines: list[str], width: int) -> str:
    """Every paragraph cut into lines of ``width`` characters; table rows kept whole."""
    out = []
    for line in lines:
        if _is_row(line):
            out.append(line)
        else:
            out.extend(line[i : i + width] for i in range(0, len(line), width))
    return "\n".join(out) + "\n"


def web_page(lines: list[str]) -> str:
    """The document as a government site serves it: the article among the site's
    navigation, share buttons and footer, tables as ``<table>``."""
    body = []
    for table, run in _blocks(lines):
        if not table:
            body.extend(f"<p>{html.escape(line)}</p>" for line in run)
            continue
        rows = [
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(line)) + "</tr>"
            for line in run
            if not _is_separator(line)
        ]
        body.append("<table>" + "".join(rows) + "</table>")
    article = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(lines[0])}_政府信息公开</title>
<script>var siteId = "1a2b3c";</script></head><body>
<div class="top-bar"><a href="/">首页</a> | <a href="/wza">无障碍</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zcwj">政策文件</a></div>
<div class="article"><div class="share">分享到：<a>微信</a><a>微博</a> <a>打印本页</a></div>
<div id="content" class="TRS_Editor">
{article}
</div></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a1">关于印发某某工作要点的通知</a></li></ul></div>
<div class="footer"><p>主办单位：某某人民政府办公厅 网站标识码：1000000001</p></div>
</body></html>
"""


def word(lines: list[str]) -> bytes:
    """The document as a Word file: a paragraph a line, tables as Word tables."""
    import docx

    document = docx.Document()
    for table, run in _blocks(lines):
        if not table:
            for line in run:
                document.add_paragraph(line)
            continue
        rows = [_cells(line) for line in run if not _is_separator(line)]
        columns = max(map(len, rows))
        grid = document.add_table(rows=len(rows), cols=columns)
        for row, cells in zip(grid.rows, rows, strict=True):
            for cell, value in zip(row.cells, cells, strict=False):
                cell.text = value
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def rendering(kind: str, lines: list[str]) -> Source:
    """One rendering of the clean paragraphs, read as ``plancheck lint`` reads its file."""
    makers: dict[str, Callable[[], Source]] = {
        "joined": lambda: source_from_bytes(joined(lines).encode(), "plan.txt"),
        "html": lambda: source_from_file(web_page(lines).encode(), Path("plan.html"), "plan.html"),
        "docx": lambda: source_from_file(word(lines), Path("plan.docx"), "plan.docx"),
    }
    if kind.startswith("wrapped"):
        width = int(kind.removeprefix("wrapped"))
        return source_from_bytes(wrapped(lines, width).encode(), "plan.txt")
    return makers[kind]()
