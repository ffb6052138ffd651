"""Make the renderings of real plans that the reading tests compare with their clean text.

A drafting office has last year's plan as a published PDF, a page saved from the
government's website, or text pasted from either: every paragraph joined onto one line, or a
line break every 30–40 characters. From each clean source (one paragraph a line, see
SOURCES.md) this script makes those four renderings:

- ``<id>.pdf``: the plan typeset as a published plan (A4, 2-character first-line indent,
  a running head, ``- 3 -`` page numbers and a footer line on every page), printed by
  Debian's chromium (``--headless --print-to-pdf``, fonts-noto-cjk);
- ``<id>.html``: the plan inside a government site's page (navigation, breadcrumbs, share
  buttons, scripts, the site's footer), in the charset the source table below gives;
- ``<id>.joined.txt``: every paragraph joined onto one line;
- ``<id>.wrapped.txt``: hard-wrapped every 35 characters.

Run it from the repository root: ``python tests/data/renderings/make.py`` (chromium at
``/usr/bin/chromium`` or ``$CHROMIUM``). It writes only into this folder.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

#: id → (clean source, running head, charset of the saved web page)
SOURCES = {
    "2024-zhishichanquan": ("plans/2024.txt", "国家知识产权局", "utf-8"),
    "2018-tiyu-jingsai": (
        "tests/data/real/2018-tiyu-jingsai-guobanfa121.txt",
        "国务院办公厅文件",
        "utf-8",
    ),
    "sh-nongcungonglu": (
        "tests/data/real/shanghai/sh-nongcungonglu-hfb2020-3.txt",
        "上海市人民政府办公厅",
        "gb2312",
    ),
    "sh-huangpu-kezaisheng": (
        "tests/data/real/shanghai/sh-huangpu-kezaisheng-2025.txt",
        "黄浦区发展和改革委员会",
        "utf-8",
    ),
}

WRAP = 35

_PRINT_CSS = """
@page {
  size: A4; margin: 30mm 26mm 30mm 28mm;
  @top-center { content: "%(head)s"; font-size: 10pt; color: #a00; }
  @bottom-center { content: "- " counter(page) " -"; font-size: 12pt; }
  @bottom-right { content: "公开方式：主动公开"; font-size: 9pt; }
}
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 15pt; line-height: 1.65; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.head { text-indent: 0; text-align: center; }
h1 { font-size: 20pt; text-align: center; margin: 12pt 0; font-weight: normal; }
"""


def paragraphs(source: str) -> list[str]:
    """The clean source's paragraphs (one a line), blank lines left out."""
    text = (ROOT / source).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def title_index(lines: list[str]) -> int | None:
    """The line of the plan's own title (set apart as a heading in print): the first short
    line naming the genre after the cover notice."""
    for n, line in enumerate(lines):
        if len(line) <= 40 and line.endswith(("计划", "方案", "意见", "要点")) and n > 0:
            return n
    return None


def body_html(lines: list[str]) -> str:
    """The plan as HTML paragraphs: its title a heading, the head lines centred."""
    title = title_index(lines)
    out = []
    for n, line in enumerate(lines):
        escaped = html.escape(line)
        if n == title:
            out.append(f"<h1>{escaped}</h1>")
        elif n == 0 or ("〔" in line and line.endswith("号") and len(line) < 30):
            out.append(f'<p class="head">{escaped}</p>')
        else:
            out.append(f"<p>{escaped}</p>")
    return "\n".join(out)


def print_page(lines: list[str], head: str) -> str:
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<style>{_PRINT_CSS % {'head': head}}</style></head><body>\n"
        f"{body_html(lines)}\n</body></html>\n"
    )


def web_page(lines: list[str], head: str, charset: str) -> str:
    """The plan as a government site serves it: the article among the site's furniture."""
    title = html.escape(lines[title_index(lines) or 0])
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_政府信息公开_{html.escape(head)}</title>
<script type="text/javascript">var _hmt = _hmt || []; window.siteId = "1a2b3c";</script>
<link rel="stylesheet" href="/css/main.css">
<style>.nav li{{display:inline}}</style>
</head><body>
<div class="top-bar"><a href="/">首页</a> | <a href="/wza">无障碍</a> | <a href="/en">English</a></div>
<div class="header"><img src="/images/logo.png" alt="{html.escape(head)}门户网站"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/hdjl">互动交流</a></li><li><a href="/bsfw">办事服务</a></li></ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zcwj">政策文件</a></div>
<div class="article">
<div class="article-meta">发布时间：2024-04-01 来源：{html.escape(head)} 字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="share">分享到：<a class="wechat">微信</a><a class="weibo">微博</a> <a onclick="window.print()">打印本页</a></div>
<div id="content" class="TRS_Editor">
{body_html(lines)}
</div>
<div class="article-tools"><a href="javascript:window.close()">关闭窗口</a> <a onclick="window.print()">打印</a></div>
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a1">关于印发某某工作要点的通知</a></li></ul></div>
<div class="footer"><p>主办单位：{html.escape(head)} 网站标识码：1000000001 京ICP备00000001号</p>
<p>联系我们 | 网站地图 | 版权声明</p></div>
<script>document.getElementById("content").style.fontSize = "16px";</script>
</body></html>
"""


def joined(lines: list[str]) -> str:
    return "".join(lines) + "\n"


def wrapped(lines: list[str]) -> str:
    """Every paragraph cut into lines of WRAP characters, as a PDF's text pasted."""
    out = []
    for line in lines:
        out.extend(line[i : i + WRAP] for i in range(0, len(line), WRAP))
    return "\n".join(out) + "\n"


def print_pdf(page: str, target: Path) -> None:
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={tmp}/profile",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                source.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> None:
    only = set(sys.argv[1:])
    for name, (source, head, charset) in SOURCES.items():
        if only and name not in only:
            continue
        lines = paragraphs(source)
        (HERE / f"{name}.joined.txt").write_text(joined(lines), encoding="utf-8")
        (HERE / f"{name}.wrapped.txt").write_text(wrapped(lines), encoding="utf-8")
        # sites that declare gb2312 serve GBK (its superset): encode as that superset does
        encoding = "gb18030" if charset.startswith("gb") else charset
        (HERE / f"{name}.html").write_bytes(web_page(lines, head, charset).encode(encoding))
        print_pdf(print_page(lines, head), HERE / f"{name}.pdf")
        print(name, (HERE / f"{name}.pdf").stat().st_size, "bytes of PDF")


if __name__ == "__main__":
    main()
