"""Word input: paragraphs, automatic numbering, tracked changes, comments, tables."""

from __future__ import annotations

import json
import shutil

import docx
import pytest
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from .conftest import PLAN_2024
from .test_cli import invoke

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _chinese_numbering(document, text_format: str, num_id: str, abstract_id: str) -> str:
    """Add a numbering definition (e.g. 一、 or （一）) to the document's numbering part."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="{text_format}"/></w:lvl></w:abstractNum>'
    )
    num = parse_xml(
        f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    numbering.append(num)
    return num_id


def _number(paragraph, num_id: str, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _add_deleted_run(paragraph, text: str) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:del {W_NS} w:id="1" w:author="审核" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>{text}</w:delText></w:r></w:del>'
        )
    )


def _add_inserted_run(paragraph, text: str) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:ins {W_NS} w:id="2" w:author="审核" w:date="2024-01-01T00:00:00Z"><w:r><w:t>{text}</w:t></w:r></w:ins>'
        )
    )


@pytest.fixture
def word_plan(tmp_path):
    """A Word plan: typed header, sections numbered 一、 by Word, tasks numbered 1. by Word."""
    document = docx.Document()
    document.add_paragraph("国知联办〔2024〕6号")
    document.add_paragraph("2024年知识产权强国建设推进计划")
    sections = _chinese_numbering(document, "%1、", "90", "90")
    heading = document.add_paragraph("完善知识产权制度")
    _number(heading, sections)
    first = document.add_paragraph("推进《商标法》修改。(国家知识产权局负责)", style="List Number")
    second = document.add_paragraph("加强成果转化。", style="List Number")
    second.add_run("(科技成果评价)")
    _add_deleted_run(second, "(删掉的旧分工负责)")
    _add_inserted_run(second, "(科技部负责)")
    document.add_comment(first.runs, text="请核对条例名称", author="审核")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表格内容不是任务"
    heading2 = document.add_paragraph("强化知识产权保护")
    _number(heading2, sections)
    document.add_paragraph("组织开展“剑网2023”专项行动。(中央宣传部负责)", style="List Number")
    path = tmp_path / "plan.docx"
    document.save(path)
    return path


def test_word_numbering_and_tracked_changes(word_plan):
    result = invoke("lint", str(word_plan), "--format", "json")
    data = json.loads(result.output)
    assert data["files"][0]["tasks"] == 3 and data["files"][0]["encoding"] == "docx"
    found = [(f["rule"], f["line"], f["task"]) for f in data["findings"]]
    assert ("A001", 5, 2) in found  # paragraph 5, the second Word-numbered task
    assert ("D003", 7, 3) in found  # 剑网2023 in a 2024 plan
    assert not any(rule in {"N001", "N002", "N004", "N005", "G008"} for rule, _, _ in found), found


def test_word_paragraph_numbers_in_text_output(word_plan):
    result = invoke("lint", str(word_plan), "--select", "A001", "--no-color")
    assert result.output.startswith(f"{word_plan}:5:")


def test_fix_refuses_docx_but_still_reports(word_plan):
    before = word_plan.read_bytes()
    result = invoke("lint", str(word_plan), "--fix", "--select", "A001")
    assert result.exit_code == 1
    assert "--fix 不改写 .docx 文件" in result.stderr
    english = invoke("lint", str(word_plan), "--fix", "--select", "A001", "--lang", "en")
    assert "--fix does not rewrite .docx" in english.stderr
    assert word_plan.read_bytes() == before


def test_report_of_a_word_plan(word_plan, tmp_path):
    out = tmp_path / "word.html"
    assert invoke("report", str(word_plan), "-o", str(out)).exit_code == 0
    assert "加强成果转化" in out.read_text(encoding="utf-8")


def test_not_a_word_document(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    text = tmp_path / "plain.docx"
    shutil.copy(PLAN_2024, text)
    result = invoke("lint", str(fake), str(text))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all("Word" in line for line in lines)


def test_word_automatic_numbering_continues(tmp_path):
    document = docx.Document()
    for n in range(12):
        document.add_paragraph(f"任务内容{n}。(科技部负责)", style="List Number")
    path = tmp_path / "many.docx"
    document.save(path)
    data = json.loads(invoke("lint", str(path), "--format", "json", "--select", "N").output)
    assert data["files"][0]["tasks"] == 12 and data["findings"] == []
