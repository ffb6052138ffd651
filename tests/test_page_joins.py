"""A Word file made from a PDF: paragraphs cut where a page ended are one paragraph again.

A converter keeps each page of the PDF: the paragraph a page cut stops mid-sentence, a
section or page break (or a page number, or a running head) follows, and its rest begins
the next page without a first line's indent. Word never cuts a paragraph so; a drafter's
return in the middle of a sentence, with no page's end in it, stays a broken line (N003).
Each convention here has its look-alikes beside it.
"""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt

from checker.checking import engine
from checker.checking.config import Config
from checker.checking.rules import builtin_rules
from checker.reading.parse import parse
from checker.reading.source import read_source
from checker.reading.tables import place

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
#: a paragraph that ends a page with a section break (what a converter writes at each page)
PAGE = "<page>"
#: a long measure cut mid-sentence at a page's end, and its rest
CUT = "1.推进知识产权保护体系建设，完善行政执法与司法衔接机制，对通过高新技术企"
REST = "业认定的企业给予奖励。（国家知识产权局负责）"
NEXT = "2.加强商标品牌建设，培育一批知名品牌。（市场监管总局负责）"


def _word(tmp_path, paragraphs: list[str], name: str = "plan.docx"):
    """A Word file of these paragraphs: ``PAGE`` a blank paragraph holding a section break;
    a paragraph beginning with a tab is written indented as a first line instead."""
    document = docx.Document()
    for text in paragraphs:
        if text == PAGE:
            paragraph = document.add_paragraph("")
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:sectPr {W_NS}><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
            )
            continue
        paragraph = document.add_paragraph(text.removeprefix("\t"))
        if text.startswith("\t"):
            paragraph.paragraph_format.first_line_indent = Pt(32)
    path = tmp_path / name
    document.save(path)
    return path


def _read(path):
    source = read_source(path)
    plan = parse(source)
    findings = engine.run(plan, Config(), list(builtin_rules().values())).findings
    return source, plan, sorted({f.code for f in findings})


def _head(*body: str) -> list[str]:
    return ["2024年知识产权工作要点", "一、完善制度", *body]


def test_a_paragraph_cut_at_a_section_break_is_joined(tmp_path):
    source, plan, codes = _read(_word(tmp_path, _head(CUT, PAGE, "", REST, NEXT)))
    assert source.reading == "pages"
    assert [t.number_text for t in plan.tasks] == ["1", "2"]
    assert plan.tasks[0].clauses[0].leads[0].name == "国家知识产权局"
    assert "N003" not in codes and "G008" not in codes
    # one line: the paragraph it begins in, and from the cut on, the paragraph of the rest
    line = source.lines.index(CUT + REST) + 1
    assert source.places[line - 1][:2] == ("p", 3)
    rest_at = source.line_starts[line - 1] + len(CUT) + 2
    assert place(plan, rest_at) == ("p", 6)
    assert source.lines[line] == NEXT  # the blank paragraphs and the break are no lines


def test_a_page_number_between_the_halves_is_dropped(tmp_path):
    source, _, codes = _read(_word(tmp_path, _head(CUT, "- 3 -", REST, NEXT)))
    assert CUT + REST in source.lines and "- 3 -" not in source.lines
    assert "N003" not in codes


def test_a_running_head_between_the_halves_is_dropped(tmp_path):
    head = "知识产权工作要点"
    paragraphs = _head(
        CUT, head, REST, "2.加强商标品牌建设，培育一批知名品牌，对获评省级以上品牌的企", head,
        "业给予奖励。（市场监管总局负责）", "3.加强宣传。（中央宣传部负责）", head,
    )  # fmt: skip
    source, plan, codes = _read(_word(tmp_path, paragraphs))
    assert CUT + REST in source.lines
    assert [t.number_text for t in plan.tasks] == ["1", "2", "3"]
    assert "N003" not in codes and "G008" not in codes


def test_a_return_in_a_sentence_without_a_page_end_stays_broken(tmp_path):
    source, _, codes = _read(_word(tmp_path, _head(CUT, REST, NEXT)))
    assert source.reading == "" and CUT in source.lines
    assert "N003" in codes  # the drafter's return: a broken line, as in a text plan


def test_a_heading_at_a_pages_end_is_not_joined_to_what_follows(tmp_path):
    paragraphs = [
        "2024年知识产权工作要点",
        "一、完善制度",
        PAGE,
        "",
        "为做好今年工作，制定本要点",
        NEXT,
    ]
    source, _, _ = _read(_word(tmp_path, paragraphs))
    assert "一、完善制度" in source.lines and source.reading == ""


def test_the_rest_beginning_an_item_is_not_joined(tmp_path):
    source, _, _ = _read(_word(tmp_path, _head(CUT, PAGE, NEXT)))
    assert CUT in source.lines and NEXT in source.lines and source.reading == ""


def test_an_indented_paragraph_after_a_page_end_begins_a_paragraph(tmp_path):
    source, _, _ = _read(_word(tmp_path, _head(CUT, PAGE, "\t" + REST, NEXT)))
    assert CUT in source.lines and REST in source.lines


def _indent_rest(path, **indent: str):
    """The Word file at ``path`` with the rest (``REST``) given these ``w:ind`` values."""
    document = docx.Document(path)
    rest = next(p for p in document.paragraphs if p.text == REST)
    attributes = " ".join(f'w:{name}="{value}"' for name, value in indent.items())
    rest._p.get_or_add_pPr().append(parse_xml(f"<w:ind {W_NS} {attributes}/>"))
    document.save(path)
    return path


def test_a_converters_fraction_of_a_point_is_no_first_lines_indent(tmp_path):
    """A Word file made by OCR from print sets a few twips on the line that goes on after a
    page's end (无锡 2020: ``firstLine="8"``, under half a point): no paragraph begins so."""
    for indent in ({"firstLine": "8"}, {"firstLine": "6", "left": "147"}, {"firstLineChars": "10"}):
        path = _indent_rest(_word(tmp_path, _head(CUT, PAGE, REST, NEXT)), **indent)
        source, _, codes = _read(path)
        assert CUT + REST in source.lines, indent
        assert "G008" not in codes and "N003" not in codes


def test_an_indent_of_a_character_begins_a_paragraph(tmp_path):
    """The look-alike: a typed indent, however small the type, is a character or more."""
    for indent in ({"firstLine": "210"}, {"firstLineChars": "100"}, {"firstLine": "640"}):
        path = _indent_rest(_word(tmp_path, _head(CUT, PAGE, REST, NEXT)), **indent)
        source, _, _ = _read(path)
        assert CUT in source.lines and REST in source.lines, indent


def test_a_paragraph_ending_its_sentence_at_a_pages_end_is_not_joined(tmp_path):
    ended = CUT + "业认定的企业给予奖励。"
    source, _, _ = _read(_word(tmp_path, _head(ended, PAGE, "（国家知识产权局负责）", NEXT)))
    assert ended in source.lines and source.reading == ""


def test_a_quoted_name_at_a_pages_end_ends_no_sentence(tmp_path):
    cut = "1.对首次入选国家、省规划布局内重点软件企业及首次获得市优秀软件产品“飞凤奖”"
    source, _, _ = _read(_word(tmp_path, _head(cut, PAGE, REST, NEXT)))
    assert cut + REST in source.lines


def test_a_rendering_joins_its_cuts_within_a_page_too(tmp_path):
    """Twice cut at a page's end: the file is a PDF's rendering, and a line cut within a page
    (here after a comma, with no page's end) goes on in the next as well."""
    second = "2.加强商标品牌建设，培育一批知名品牌，对获评省级以上品牌的企"
    paragraphs = _head(
        CUT, PAGE, REST, second, PAGE, "业给予奖励。（市场监管总局负责）",
        "3.强化宣传引导，办好知识产权宣传周，", "组织系列活动。（中央宣传部负责）",
    )  # fmt: skip
    source, plan, codes = _read(_word(tmp_path, paragraphs))
    assert "3.强化宣传引导，办好知识产权宣传周，组织系列活动。（中央宣传部负责）" in source.lines
    assert "N003" not in codes and [t.number_text for t in plan.tasks] == ["1", "2", "3"]


def test_one_page_join_makes_no_rendering_of_the_rest(tmp_path):
    """Cut at a page's end once: that cut is joined, a return within a page still broken."""
    paragraphs = _head(
        CUT, PAGE, REST, "2.强化宣传引导，办好知识产权宣传周，", "组织系列活动。（中央宣传部负责）"
    )
    source, _, codes = _read(_word(tmp_path, paragraphs))
    assert CUT + REST in source.lines and "N003" in codes


def test_a_page_break_run_marks_a_pages_end(tmp_path):
    path = _word(tmp_path, _head(CUT, REST, NEXT))
    document = docx.Document(path)
    document.paragraphs[2].add_run()._r.append(parse_xml(f'<w:br {W_NS} w:type="page"/>'))
    document.save(path)
    source, _, codes = _read(path)
    assert CUT + REST in source.lines and "N003" not in codes


def test_a_continuous_section_break_is_no_pages_end(tmp_path):
    path = _word(tmp_path, _head(CUT, PAGE, REST, NEXT))
    document = docx.Document(path)
    section = document.paragraphs[3]._p.pPr.find(qn("w:sectPr"))
    section.append(parse_xml(f'<w:type {W_NS} w:val="continuous"/>'))
    document.save(path)
    source, _, _ = _read(path)
    assert CUT in source.lines and REST in source.lines


def test_text_output_names_the_paragraph_where_lines_and_paragraphs_differ(tmp_path):
    from .test_cli import invoke

    path = _word(
        tmp_path, _head(CUT, PAGE, "", REST, "2.组织开展“剑网2023”专项行动。（中央宣传部负责）")
    )
    result = invoke("lint", str(path), "--select", "D003", "--no-color")
    assert result.output.startswith(f"{path}:4:")  # the fourth line of the reading
    assert "[第7段]" in result.output  # is Word's seventh paragraph
