"""A web page's metadata block (索引号 / 发文机关 / 发文字号 / 成文日期 / 发布日期, printed by a
government portal outside the article): the document number and the dates it states are the
document's (D001 checks the number where the page states it; the plan's date comes from the
written date), its lines are never tasks, and a page without one reads as before.

The fixtures are small pages in the shapes the corpus's pages show: gov.cn's policy library
(a table of label cells and value cells above the article set in nested frame tables,
tests/corpus/national/2018-guobanfa-*.html), 江西省人民政府's (label and value in one cell,
outside the article, which prints no number: tests/corpus/local/2020-ganfuting*.html), and a
province's list layout (``<li><span>发文字号：</span><span>…</span></li>``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.reading.parse import parse
from checker.reading.source import read_source

from .test_cli import invoke

_ARTICLE = """<p>{title}</p>{number}
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>一、完善制度</p>
<p>（一）推进商标法修改。（司法部、国家知识产权局负责）</p>
<p>（二）加强专利审查。（国家知识产权局负责）</p>"""
_TITLE = "国务院办公厅关于做好知识产权工作的通知"

#: gov.cn: the block a table of label and value cells in the page's frame, above the article
_GOVCN = """<html><head><meta charset="utf-8"></head><body><div class="wrap">
<table><tr><td><table class="bd1">
  <tr><td><b>索 引 号：</b></td><td>000014349/2025-00001</td>
      <td><b>主题分类：</b></td><td>综合政务</td></tr>
  <tr><td><b>发文机关：</b></td><td>国务院办公厅</td>
      <td><b>成文日期：</b></td><td>{written}</td></tr>
  <tr><td><b>发文字号：</b></td><td>{number}</td>
      <td><b>发布日期：</b></td><td>2025年01月20日</td></tr>
</table></td></tr></table>
<table><tr><td><table><tr><td><table>
  <tr><td id="UCAP-CONTENT">{article}</td></tr>
</table></td><td></td></tr></table></td></tr></table>
</div></body></html>"""

#: 江西: label and value in one cell, the block outside the article, the title above it
_JIANGXI = """<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="江西省人民政府办公厅关于加快发展流通的实施意见"></head><body>
<div class="bt-position">当前位置：首页 > 政策文件</div>
<div class="artile_zw"><div class="screen xxgkTitle"><table>
  <tr><td><b><span>索  引  号: </span></b>014500815/2020-02974</td>
      <td><b> 发文机关: </b> 省政府办公厅</td>
      <td><b>文      号:</b> {number}</td></tr>
  <tr><td><b>主题分类: </b> 商贸、海关</td><td><b>组配分类: </b> 政策文件</td>
      <td><b>成文日期: </b> 2020-02-28 </td></tr>
</table></div>
<p class="sp_title">江西省人民政府办公厅关于加快发展流通的实施意见</p>
<div id="zoom"><p>各市、县（区）人民政府，省政府各部门：</p>
<p>一、发展流通新业态。推进电商物流协同发展。（省商务厅负责）</p>
<p>二、改造提升步行街。打造一批特色商业街。（省商务厅、省住房城乡建设厅按职责分工负责）</p>
<p>三、完善流通网络。加快建设物流园区。（省商务厅、省交通运输厅按职责分工负责）</p>
</div></div></body></html>"""

#: a province's list layout: label and value in spans of a list item
_LIST = """<html><head><meta charset="utf-8"></head><body>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zc">政策文件</a></li></ul>
<div class="xxgk-info"><ul>
  <li><span>索引号：</span><span>11330000002482870P/2024-00012</span></li>
  <li><span>发布机构：</span><span>某省人民政府办公厅</span></li>
  <li><span>发文字号：</span><span>{number}</span></li>
  {dates}
</ul></div>
<div class="article"><p>某省人民政府办公厅关于印发2024年数字经济工作要点的通知</p>
<p>各市、县（市、区）人民政府，省政府直属各单位：</p>
<p>1.推进数字基础设施建设。（省发展改革委负责）</p>
<p>2.培育数据要素市场。（省数据局、省经信厅按职责分工负责）</p>
<p>3.加强数字政府建设。（省大数据局负责）</p>
<p>2024年3月5日</p></div>
<ul class="xglj"><li><a href="/1">关于印发2023年数字经济工作要点的通知</a><span>2023-03-01</span></li>
<li><a href="/2">某政办发[2023]9号 解读</a><span>2023-03-02</span></li></ul>
</body></html>"""
_WRITTEN = "<li><span>成文日期：</span><span>2024-03-05</span></li>"
_PUBLISHED = "<li><span>发布日期：</span><span>2025-01-08</span></li>"


def _page(tmp_path: Path, page: str):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    source = read_source(path)
    return source, parse(source)


def _findings(tmp_path: Path, *codes: str) -> list[dict]:
    result = invoke(
        "lint", str(tmp_path / "page.html"), "--format", "json", "--no-cache", "--select", "D"
    )
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] in codes]


def _govcn(number: str, article_number: str = "", written: str = "2025年1月6日") -> str:
    printed = f"<p>{article_number}</p>" if article_number else ""
    article = _ARTICLE.format(title=_TITLE, number=printed)
    return _GOVCN.format(written=written, number=number, article=article)


# -- gov.cn's table layout ------------------------------------------------------------------
def test_a_govcn_number_the_article_does_not_print_is_read_from_the_block(tmp_path):
    source, plan = _page(tmp_path, _govcn("国办发[2025]01号"))
    lines = source.text.splitlines()
    assert lines[2] == "| 发文字号： | 国办发[2025]01号 | 发布日期： | 2025年01月20日 |"
    number = plan.paragraph("doc_number")
    assert (number.text, number.span.line) == ("国办发[2025]01号", 3)
    assert plan.date == (2025, 1, "number, written-date")
    assert [t.number for t in plan.tasks] == [1, 2]  # the block's rows are no tasks
    [d001] = _findings(tmp_path, "D001")
    assert (d001["line"], d001["column"]) == (3, lines[2].index("国办发") + 1)
    assert "| 国办发〔2025〕1号 |" in d001["fix"]["replacement"]


def test_a_number_both_the_block_and_the_article_state_is_one_finding(tmp_path):
    _, plan = _page(tmp_path, _govcn("国办发[2025]1号", article_number="国办发[2025]1号"))
    assert [p.span.line for p in plan.paragraphs_of("doc_number")] == [5]  # the article's
    [d001] = _findings(tmp_path, "D001")
    assert d001["line"] == 5


def test_the_article_s_number_is_the_document_s_where_the_block_differs(tmp_path):
    _page(tmp_path, _govcn("国办发[2025]1号", article_number="国办发〔2025〕1号"))
    assert _findings(tmp_path, "D001") == []


def test_a_right_number_in_the_block_is_no_finding(tmp_path):
    _, plan = _page(tmp_path, _govcn("国办发〔2025〕1号"))
    assert plan.paragraph("doc_number").text == "国办发〔2025〕1号"
    assert _findings(tmp_path, "D001", "D002") == []


def test_a_label_with_an_empty_value_gives_nothing(tmp_path):
    source, plan = _page(tmp_path, _govcn("", written=""))
    assert [kind for kind, *_ in source.meta if kind != "block"] == ["published"]  # the one given
    assert plan.paragraph("doc_number") is None
    assert plan.date.source != "written-date"


# -- 江西: label and value in one cell, outside the article -------------------------------
def test_a_number_in_a_block_outside_the_article_is_put_on_a_line_of_its_own(tmp_path):
    source, plan = _page(tmp_path, _JIANGXI.format(number="赣府厅发[2020]7号"))
    lines = source.text.splitlines()
    assert lines[:2] == ["赣府厅发[2020]7号", "江西省人民政府办公厅关于加快发展流通的实施意见"]
    assert not any("索" in line or "主题分类" in line for line in lines)  # no label is text
    assert plan.paragraph("doc_number").span.line == 1
    assert [(t.number, t.line) for t in plan.tasks] == [(1, 4), (2, 5), (3, 6)]
    # no date line in the article: the page's written date, its month too
    assert plan.date == (2020, 2, "number, written-date")
    [d001] = _findings(tmp_path, "D001")
    assert (d001["line"], d001["column"]) == (1, 1)
    assert _findings(tmp_path, "D005") == []  # the block's half-width colons are not text


def test_the_written_date_without_a_number_dates_the_plan(tmp_path):
    page = _JIANGXI.format(number="").replace("<b>文      号:</b>", "<b>组配分类:</b>")
    source, plan = _page(tmp_path, page)
    assert [kind for kind, *_ in source.meta] == ["written"]  # (the block is not in the text)
    assert plan.date == (2020, 2, "written-date")
    assert plan.paragraph("doc_number") is None


# -- a province's list layout ------------------------------------------------------------------
def test_a_list_block_gives_the_number_and_prefers_the_written_date(tmp_path):
    source, plan = _page(
        tmp_path, _LIST.format(number="某政办发〔2024〕3号", dates=_WRITTEN + _PUBLISHED)
    )
    assert {kind: value for kind, value, *_ in source.meta} == {
        "number": "某政办发〔2024〕3号",
        "written": "2024-03-05",
        "published": "2025-01-08",
    }
    assert plan.paragraph("doc_number").span.line == 1
    assert plan.date == (2024, 3, "number, date-line")
    assert [t.number for t in plan.tasks] == [1, 2, 3]


def test_the_publication_date_is_only_a_fallback_and_says_so(tmp_path):
    page = _LIST.format(number="", dates=_PUBLISHED).replace("<p>2024年3月5日</p>", "")
    page = page.replace("印发2024年数字经济工作要点", "印发数字经济工作要点")
    _, plan = _page(tmp_path, page)
    assert plan.date == (2025, 1, "publication-date")
    english = invoke("lint", str(tmp_path / "page.html"), "-v", "--lang", "en", "--no-cache")
    assert "the web page's publication date (发布日期" in english.stderr


def test_navigation_and_related_links_are_never_metadata(tmp_path):
    page = _LIST.format(number="", dates="").replace(
        "<li><span>发布机构：</span><span>某省人民政府办公厅</span></li>", ""
    )
    source, plan = _page(tmp_path, page)
    assert source.meta == ()  # one label left with a value: no block
    assert plan.paragraph("doc_number") is None
    assert not any("某政办发" in line for line in source.text.splitlines())


@pytest.mark.parametrize(
    "furniture",
    [
        # a search form: the labels over empty inputs
        """<div class="search-box"><div>索引号：<input name="a"></div><div>发文字号：<input
        name="b"></div><div>成文日期：<input name="c"></div></div>""",
        # an unmarked list of related documents, a number and a date in each title
        """<ul><li>关于印发2023年要点的通知（某政办发[2023]9号）2023-03-01</li>
        <li>关于印发2022年要点的通知（某政办发[2022]8号）2022-03-01</li></ul>""",
    ],
)
def test_look_alikes_of_a_block_give_nothing(tmp_path, furniture):
    page = _LIST.format(number="", dates="").replace('<div class="xxgk-info">', furniture + "<div>")
    page = page.replace("<li><span>发布机构：</span><span>某省人民政府办公厅</span></li>", "")
    source, plan = _page(tmp_path, page)
    assert source.meta == ()
    assert plan.paragraph("doc_number") is None


def test_a_page_without_a_block_reads_as_before(tmp_path):
    article = _ARTICLE.format(title=_TITLE, number="")
    source, plan = _page(tmp_path, f"<html><body><div>{article}</div></body></html>")
    assert source.meta == ()
    assert source.text.splitlines()[0] == _TITLE
    assert plan.paragraph("doc_number") is None


def test_the_corpus_pages_numbers_and_written_dates_are_read():
    root = Path(__file__).parent / "corpus"
    jiangxi = read_source(root / "local" / "2020-ganfutingfa-liutong-xiaofei.html")
    assert jiangxi.meta == (
        ("number", "赣府厅发〔2020〕7号", 0, 12),
        ("written", "2020-02-28", -1, -1),
    )
    govcn = read_source(root / "national" / "2018-guobanfa-wufei-chengshi.html")
    facts = {kind: value for kind, value, *_ in govcn.meta if kind != "block"}
    assert [kind for kind, *_ in govcn.meta].count("block") == 5  # its five rows
    # written 2018-12-29, published in the next year: the written date is the plan's
    assert facts == {
        "number": "国办发〔2018〕128号",
        "written": "2018年12月29日",
        "published": "2019年01月21日",
    }
    assert parse(govcn).date.year == 2018


def test_a_block_inside_the_article_is_the_page_s_metadata_not_its_front_matter(tmp_path):
    """A list block the article holds: its lines are metadata, so a label with an empty value
    (``主题分类：``, a colon at its end) is not taken for the addressee line."""
    page = _LIST.format(number="某政办发[2024]3号", dates=_WRITTEN).replace(
        '<div class="xxgk-info"><ul>',
        '<div class="article"><ul><li><span>主题分类：</span><span></span></li>',
    )
    page = page.replace('</ul></div>\n<div class="article">', "</ul>", 1)
    source, plan = _page(tmp_path, page)
    lines = source.text.splitlines()
    assert lines[:2] == ["主题分类：", "索引号：11330000002482870P/2024-00012"]
    assert [p.role for p in plan.paragraphs if p.span.line <= 5] == ["metadata"] * 4 + [
        "doc_number",
        "metadata",
    ]
    assert plan.paragraph("addressee").text.startswith("各市、县")
    assert [t.number for t in plan.tasks] == [1, 2, 3]
    [d001] = _findings(tmp_path, "D001")
    assert (d001["line"], d001["column"]) == (4, len("发文字号：") + 1)
