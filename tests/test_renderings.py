"""Every rendering of a plan reads as the plan: a published PDF, a page saved from the
government's website, the text joined onto one line, the text hard-wrapped.

The renderings in tests/data/renderings/ are made from real documents (plans/2024.txt and
tests/data/real/, whose SOURCES.md say where each was published) by make.py there: each is
checked against the clean text it was made from, task by task.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from checker.reading import reflow
from checker.reading.parse import parse
from checker.reading.source import read_source, source_from_bytes

from .conftest import PLAN_2024, ROOT
from .test_cli import invoke

RENDERINGS = ROOT / "tests" / "data" / "renderings"
REAL = ROOT / "tests" / "data" / "real"
SOURCES = {
    "2024-zhishichanquan": PLAN_2024,
    "2018-tiyu-jingsai": REAL / "2018-tiyu-jingsai-guobanfa121.txt",
    "sh-nongcungonglu": REAL / "shanghai" / "sh-nongcungonglu-hfb2020-3.txt",
    "sh-huangpu-kezaisheng": REAL / "shanghai" / "sh-huangpu-kezaisheng-2025.txt",
}
KINDS = {"pdf": "pdf", "html": "html", "joined.txt": "joined", "wrapped.txt": "wrapped"}
CASES = [(name, kind) for name in SOURCES for kind in KINDS]


def _reading(path: Path) -> list[tuple]:
    """What the checker reads of a plan: each task's label, clauses and agencies in order."""
    plan = parse(read_source(path))
    return [
        (task.label, tuple(c.inner for c in task.clauses), tuple(a.name for a in task.agencies))
        for task in plan.tasks
    ]


def _findings(path: Path) -> Counter:
    result = invoke("lint", str(path), "--format", "json", "--no-cache")
    return Counter((f["rule"], f["task"]) for f in json.loads(result.stdout)["findings"])


@pytest.mark.parametrize(("name", "kind"), CASES, ids=[f"{n}.{k}" for n, k in CASES])
def test_a_rendering_reads_as_its_clean_text(name, kind):
    """The same tasks, clauses and leads as the clean text, and the same findings at the
    same tasks. Joined onto one line, a plan has no line breaks left, so the one defect
    that is a line break (the 2024 plan's task 50, its number split over two lines: N003)
    cannot be in it."""
    rendering = RENDERINGS / f"{name}.{kind}"
    clean = SOURCES[name]
    assert read_source(rendering).reading.endswith(KINDS[kind])
    assert _reading(rendering) == _reading(clean)
    expected = _findings(clean)
    if kind == "joined.txt":
        expected = Counter({k: v for k, v in expected.items() if k[0] != "N003"})
    assert _findings(rendering) == expected


def test_clean_plans_are_read_as_they_are():
    """Reconstruction never touches a plan written one paragraph a line: every sample plan
    of the repository is read exactly as before (no reading, the text the file's)."""
    folders = ("family", "local", "real", "diff")
    paths = [PLAN_2024, *(p for f in folders for p in (ROOT / "tests" / "data" / f).rglob("*.txt"))]
    paths += list((ROOT / "tests" / "data" / "real").rglob("*.txt"))
    assert len(paths) >= 10
    for path in paths:
        source = read_source(path)
        assert source.reading == "", path
        assert source.text == path.read_text(encoding="utf-8-sig"), path


def test_the_pdf_paragraphs_are_the_clean_paragraphs():
    """Geometry puts the printed lines back into the source's paragraphs: all of them for
    three documents; the fourth's centred two-line title is read as two lines."""
    exact = 0
    total = 0
    for name, clean in SOURCES.items():
        want = [line.strip() for line in clean.read_text(encoding="utf-8").splitlines()]
        want = [line for line in want if line]
        got = read_source(RENDERINGS / f"{name}.pdf").text.splitlines()
        total += len(want)
        exact += len(set(want) & set(got))
    assert exact >= total - 1


# -- reconstruction of text ---------------------------------------------------------------
JOINED = (
    "一、完善制度(一)健全法规1.推进2021—2025年规划实施,第1批试点扩大到1.5亿元。(科技部负责)"
    "2.推动产业升级。(工业和信息化部负责)3.加强人才培养。(教育部、人力资源社会保障部负责)"
    "二、强化保障(二)加强协调4.促进一、二、三产业融合发展。(农业农村部负责)"
)


def test_joined_text_is_split_where_measures_begin_and_nowhere_else():
    rebuilt = reflow.reconstruct(JOINED)
    assert rebuilt.how == reflow.JOINED
    assert rebuilt.text.splitlines() == [
        "一、完善制度",
        "(一)健全法规",
        "1.推进2021—2025年规划实施,第1批试点扩大到1.5亿元。(科技部负责)",
        "2.推动产业升级。(工业和信息化部负责)",
        "3.加强人才培养。(教育部、人力资源社会保障部负责)",
        "二、强化保障",
        "(二)加强协调",
        "4.促进一、二、三产业融合发展。(农业农村部负责)",
    ]


def test_hard_wrapped_text_is_joined_where_a_paragraph_goes_on():
    clean = PLAN_2024.read_text(encoding="utf-8")
    lines = [line for line in clean.splitlines() if line.strip()]
    for width in (30, 36, 40):
        wrapped = "\n".join(
            line[i : i + width] for line in lines for i in range(0, len(line), width)
        )
        rebuilt = reflow.reconstruct(wrapped)
        assert rebuilt.how == reflow.WRAPPED
        got = rebuilt.text.splitlines()
        # a paragraph ending exactly at the width may take the next unnumbered one with it
        assert len(set(got) & set(lines)) >= len(lines) - 3, width


def test_a_wrapped_line_is_placed_at_its_own_line_of_the_file():
    result = invoke(
        "lint", str(RENDERINGS / "2024-zhishichanquan.wrapped.txt"), "--select", "A001",
        "--format", "json", "--no-cache",
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["files"][0]["reading"] == "wrapped"
    lines = (RENDERINGS / "2024-zhishichanquan.wrapped.txt").read_text().splitlines()
    for finding in data["findings"]:
        assert (
            "(科技成果评价)"[:4]
            in lines[finding["place"]["line"] - 1] + lines[finding["place"]["line"]]
        )


@pytest.mark.parametrize(
    "text",
    [
        "# 年度计划\n\n本目录放年度计划的草稿。\n",
        "说明\n\n推进2021—2025年规划实施,第1批试点扩大到1.5亿元。\n",
    ],
)
def test_prose_is_read_as_it_is(text):
    assert reflow.reconstruct(text).how == reflow.AS_IS
    assert source_from_bytes(text.encode(), "x.txt").text == text


def test_an_ocr_document_number_in_a_joined_text_is_d001_and_the_text_is_a_plan(tmp_path):
    """OCR gives [2020] for 〔2020〕: the document-number rule says so, and the number (on a
    line of its own once the joined text is split) makes the file a plan."""
    text = (
        "某交发[2020]12号2020年全省交通运输工作要点一、总体要求1.加强统筹调度。(省交通运输厅负责)"
        "2.推进改革创新。(省发展改革委负责)3.强化资金保障。(省财政厅负责)\n"
    )
    (tmp_path / "ocr.txt").write_text(text, encoding="utf-8")
    result = invoke("lint", str(tmp_path), "--format", "json", "--select", "D001", "--no-cache")
    data = json.loads(result.stdout)
    assert data["files"][0]["tasks"] == 3 and data["skipped"] == []
    (finding,) = data["findings"]
    assert finding["rule"] == "D001" and "某交发〔2020〕12号" in finding["message"]


# -- PDF -----------------------------------------------------------------------------------
def test_a_pdf_finding_names_its_page_and_line():
    path = RENDERINGS / "2024-zhishichanquan.pdf"
    data = json.loads(invoke("lint", str(path), "--format", "json", "--no-cache").stdout)
    assert data["files"][0]["reading"] == "pdf"
    places = {(f["rule"], f["task"]): f["place"] for f in data["findings"]}
    assert places[("A001", 21)] == {"page": 3, "line": 19}
    text = invoke("lint", str(path), "--select", "A001", "--no-cache")
    assert "[第3页第19行]" in text.stdout
    english = invoke("lint", str(path), "--select", "A001", "--no-cache", "--lang", "en")
    assert "[page 3, line 19]" in english.stdout


def test_a_scan_is_told_to_go_through_ocr(tmp_path):
    import pypdfium2 as pdfium

    scan = pdfium.PdfDocument.new()
    scan.new_page(595, 842)
    scan.save(tmp_path / "scan.pdf")
    result = invoke("lint", str(tmp_path / "scan.pdf"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "OCR" in result.stderr
    assert "未发现问题" not in result.stdout
    folder = invoke("lint", str(tmp_path), "--format", "json")
    assert folder.exit_code == 2
    assert json.loads(folder.stdout)["files"][0]["error_code"] == "no-text-layer"


def test_a_broken_pdf_is_one_line(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really\n")
    result = invoke("lint", str(tmp_path / "broken.pdf"), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("not a readable PDF")


def test_the_pdf_library_is_imported_only_for_a_pdf():
    """Start-up time is benchmarked: a text plan's run imports neither PDFium nor lxml."""
    import subprocess

    run = [sys.executable, "-X", "importtime", "-m", "checker", "lint", "--no-cache"]
    text = subprocess.run([*run, str(PLAN_2024)], capture_output=True, text=True, cwd=ROOT)
    assert "pypdfium2" not in text.stderr and "lxml" not in text.stderr
    pdf = RENDERINGS / "2024-zhishichanquan.pdf"
    read = subprocess.run([*run, str(pdf)], capture_output=True, text=True, cwd=ROOT)
    assert "pypdfium2" in read.stderr


def test_the_diff_of_a_pdf_and_a_word_draft_aligns_as_the_texts_do(tmp_path):
    import docx

    from checker.products.diff import diff_files

    draft = ROOT / "tests" / "data" / "diff" / "2025-draft.txt"
    document = docx.Document()
    for line in draft.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "2025-draft.docx")

    def pairs(result):
        return [
            (p.status, [t.number for t in p.old], [t.number for t in p.new]) for p in result.pairs
        ]

    texts = diff_files(str(PLAN_2024), str(draft))
    renderings = diff_files(
        str(RENDERINGS / "2024-zhishichanquan.pdf"), str(tmp_path / "2025-draft.docx")
    )
    assert pairs(renderings) == pairs(texts)
    assert renderings.counts() == texts.counts()


# -- web pages -----------------------------------------------------------------------------
def test_a_saved_page_keeps_the_article_and_drops_the_site():
    source = read_source(RENDERINGS / "sh-nongcungonglu.html")
    assert source.encoding == "gb18030"  # declared gb2312
    for furniture in ("首页", "当前位置", "分享到", "主办单位", "打印", "siteId", "相关链接"):
        assert furniture not in source.text
    assert source.text.splitlines()[0] == (
        "上海市人民政府办公厅关于印发上海市深化农村公路管理养护体制改革实施方案的通知"
    )


def test_a_page_table_is_read_as_a_task_table(tmp_path):
    page = """<html><head><meta charset="gbk"><title>分工</title></head><body>
    <div class="nav"><a href="/">首页</a></div>
    <div class="content"><h1>2025年知识产权工作要点</h1>
    <p>为做好2025年工作，制定本要点。</p>
    <table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>参与单位</th></tr>
    <tr><td>1</td><td><p>推进商标法修改。</p></td><td>国家知识产权局</td><td>司法部</td></tr>
    <tr><td>2</td><td>加强专利审查。</td><td>国家知识产权局</td><td></td></tr></table>
    </div><div class="footer">版权所有</div></body></html>"""
    (tmp_path / "yaodian.htm").write_bytes(page.encode("gbk"))
    plan = parse(read_source(tmp_path / "yaodian.htm"))
    assert [(t.number, t.clause.agencies[0].name) for t in plan.tasks] == [
        (1, "国家知识产权局"),
        (2, "国家知识产权局"),
    ]
    assert "版权所有" not in plan.source.text and "首页" not in plan.source.text


#: a gov.cn page as such sites serve it: a metadata table and the article set in tables nested
#: three deep (the frame), a one-column box, and the article's own task-division table
_LAYOUT_PAGE = """<html><head><meta charset="utf-8"></head><body><div class="wrap">
<table><tr><td><table class="bd1">
  <tr><td>索 引 号：</td><td>000014349/2025-00001</td><td>发文机关：</td><td>国务院办公厅</td></tr>
  <tr><td>发文字号：</td><td>国办发〔2025〕1号</td><td>成文日期：</td><td>2025年1月6日</td></tr>
</table></td></tr></table>
<table><tr><td><table><tr><td><table>
  <tr><td id="UCAP-CONTENT">
    <p>国务院办公厅关于做好2025年知识产权工作的通知</p>
    <p>国办发〔2025〕1号</p>
    <p>一、完善制度</p>
    <p>（一）推进商标法修改。（司法部、国家知识产权局负责）</p>
    <p>（二）加强专利审查。（国家知识产权局负责）</p>
    %s
  </td></tr>
  <tr><td><table><tr><td>附件下载</td></tr></table></td></tr>
</table></td><td></td></tr></table></td></tr></table>
</div></body></html>"""
_TASK_TABLE = """<table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th></tr>
    <tr><td>1</td><td>推进商标法修改。</td><td>司法部</td></tr>
    <tr><td>2</td><td>加强专利审查。</td><td>国家知识产权局</td></tr></table>"""


def _page_lines(tmp_path: Path, page: str) -> list[str]:
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    return read_source(tmp_path / "page.html").text.splitlines()


def test_a_page_set_in_nested_layout_tables_is_read_once_in_order(tmp_path):
    lines = _page_lines(tmp_path, _LAYOUT_PAGE % "")
    assert lines == [
        "| 索 引 号： | 000014349/2025-00001 | 发文机关： | 国务院办公厅 |",
        "| 发文字号： | 国办发〔2025〕1号 | 成文日期： | 2025年1月6日 |",
        "国务院办公厅关于做好2025年知识产权工作的通知",
        "国办发〔2025〕1号",
        "一、完善制度",
        "（一）推进商标法修改。（司法部、国家知识产权局负责）",
        "（二）加强专利审查。（国家知识产权局负责）",
        "附件下载",
    ]
    plan = parse(read_source(tmp_path / "page.html"))
    assert [(t.number, t.line) for t in plan.tasks] == [(1, 6), (2, 7)]


def test_a_task_table_inside_a_layout_page_is_still_read_as_a_table(tmp_path):
    lines = _page_lines(tmp_path, _LAYOUT_PAGE % _TASK_TABLE)
    assert lines[7:10] == [
        "| 序号 | 重点任务 | 牵头单位 |",
        "| 1 | 推进商标法修改。 | 司法部 |",
        "| 2 | 加强专利审查。 | 国家知识产权局 |",
    ]
    assert sum("推进商标法修改" in line for line in lines) == 2  # the measure, the table's row


# -- folders, the hook, never silent -------------------------------------------------------
@pytest.fixture
def office(tmp_path):
    """A drafting office's folder: plans in every format, a README, and files not read."""
    for name in (
        "2024-zhishichanquan.pdf",
        "sh-nongcungonglu.html",
        "2018-tiyu-jingsai.joined.txt",
    ):
        shutil.copy(RENDERINGS / name, tmp_path / name)
    (tmp_path / "README.md").write_text(
        "# 年度计划\n\n本目录放年度计划的草稿。\n", encoding="utf-8"
    )
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "~$draft.docx").write_bytes(b"lock")
    (tmp_path / "draft.txt").write_text(
        "2025年知识产权强国建设推进计划\n第一条 推进商标法修改。\n第二条 推进专利法修改。\n",
        encoding="utf-8",
    )
    return tmp_path


def test_a_folder_run_reads_every_format_and_names_what_it_skips(office):
    result = invoke("lint", str(office), "--format", "json", "-v", "--lang", "en")
    data = json.loads(result.stdout)
    checked = {Path(f["path"]).name: f for f in data["files"]}
    assert set(checked) == {
        "2024-zhishichanquan.pdf",
        "sh-nongcungonglu.html",
        "2018-tiyu-jingsai.joined.txt",
        "draft.txt",
    }
    skipped = {Path(s["path"]).name: s["reason_code"] for s in data["skipped"]}
    assert skipped == {
        "README.md": "not-a-plan",
        "old.doc": "format-not-read",
        "~$draft.docx": "format-not-read",
    }
    assert "old.doc: skipped: not read: an old Word .doc file; save it as .docx" in result.stderr
    assert "2018-tiyu-jingsai.joined.txt: read as: paragraphs joined on one line" in result.stderr


def test_a_plan_whose_structure_cannot_be_read_fails_the_run_and_the_hook(office):
    """Never silent: a plan (title and items, a document number or clauses) whose tasks
    are not read is an S001 finding with exit 1, in a folder run and in the hook."""
    draft = office / "draft.txt"
    for args in ([str(office)], ["--skip-non-plans", str(draft), str(office / "README.md")]):
        result = invoke("lint", *args, "--format", "json", "--select", "S")
        assert result.exit_code == 1
        found = json.loads(result.stdout)["findings"]
        assert [(Path(f["path"]).name, f["rule"]) for f in found] == [("draft.txt", "S001")]


def test_the_hook_takes_every_format_plancheck_reads():
    import re

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])
    for name in ("a.txt", "a.md", "a.docx", "a.pdf", "a.html", "a.htm", "A.PDF"):
        assert pattern.search(name), name
    assert not pattern.search("a.png")


@pytest.mark.parametrize("suffix", [".pdf", ".html", ".joined.txt"])
def test_the_summary_never_offers_fix_a_file_it_will_not_rewrite(
    suffix, tmp_path, plancheck_command
):
    """A PDF, a saved page or a rebuilt text: their fixes are counted apart, with where to
    make them, not as "fixable with --fix" (which then refuses the file)."""
    path = tmp_path / f"plan{suffix}"
    shutil.copy(RENDERINGS / f"2024-zhishichanquan{suffix}", path)
    command = plancheck_command
    run = subprocess.run([command, "lint", str(path), "--no-cache"], capture_output=True, text=True)
    assert run.returncode == 1 and "--fix 自动修复" not in run.stdout
    assert "--fix 不改写这些文件" in run.stdout and "plancheck review" in run.stdout
    english = subprocess.run(
        [command, "lint", str(path), "--no-cache", "--lang", "en"], capture_output=True, text=True
    )
    assert "fixable with --fix" not in english.stdout
    assert "have fixes: --fix does not rewrite these files" in english.stdout
    text = tmp_path / "plan.txt"
    shutil.copy(PLAN_2024, text)
    both = subprocess.run(
        [command, "lint", str(path), str(text), "--no-cache"], capture_output=True, text=True
    )
    assert "（4个可用 --fix 自动修复，另有1个加 --unsafe-fixes 可修复）" in both.stdout


#: a provincial portal's article page: the title in a paragraph of its own above the article
#: (not a heading), stated again in the page's metadata, as every government site's pages do
_PORTAL_PAGE = """<html><head><meta charset="utf-8">
<meta name="SiteName" content="某省人民政府"><meta name="ArticleTitle" content="%s">
</head><body><div class="bt-position">当前位置：首页 > 政策文件</div>
<div class="artile_zw"><table><tr><td>文 号: 某政办发〔2025〕3号</td></tr></table>
<p class="sp_title">某省人民政府办公厅关于加快发展流通的实施意见</p>
<div id="zoom">%s<p>各市、县（区）人民政府，省政府各部门：</p>
<p>一、发展流通新业态。推进电商物流协同发展。（省商务厅负责）</p>
<p>二、改造提升步行街。打造一批特色商业街。（省商务厅、省住房城乡建设厅按职责分工负责）</p>
<p>2025年2月28日</p></div></div></body></html>"""


def test_a_page_title_set_outside_the_article_comes_from_the_page_metadata(tmp_path):
    title = "某省人民政府办公厅关于加快发展流通的实施意见"
    lines = _page_lines(tmp_path, _PORTAL_PAGE % (title, ""))
    assert lines[:2] == [title, "各市、县（区）人民政府，省政府各部门："]
    plan = parse(read_source(tmp_path / "page.html"))
    assert [(t.number, t.line) for t in plan.tasks] == [(1, 3), (2, 4)]


@pytest.mark.parametrize(
    "inside",
    [
        "<p>某省人民政府办公厅关于加快发展流通的实施意见</p>",
        # the title set over two lines of the article is held by it as well
        "<p>某省人民政府办公厅关于</p><p>加快发展流通的实施意见</p>",
    ],
)
def test_a_title_the_article_holds_is_not_read_twice(tmp_path, inside):
    title = "某省人民政府办公厅关于加快发展流通的实施意见"
    lines = _page_lines(tmp_path, _PORTAL_PAGE % (title, inside))
    assert "".join(lines).count("加快发展流通的实施意见") == 1


def test_a_page_without_title_metadata_is_read_as_before(tmp_path):
    page = (_PORTAL_PAGE % ("", "")).replace('<meta name="ArticleTitle" content="">', "")
    lines = _page_lines(tmp_path, page)
    assert lines[0] == "各市、县（区）人民政府，省政府各部门："


def test_a_metadata_title_the_page_does_not_print_is_no_line(tmp_path):
    page = (_PORTAL_PAGE % ("某省人民政府", "")).replace(
        '<p class="sp_title">某省人民政府办公厅关于加快发展流通的实施意见</p>', ""
    )
    lines = _page_lines(tmp_path, page)
    assert lines[0] == "各市、县（区）人民政府，省政府各部门："
