"""``plancheck review``: a Word copy with every finding a comment and every taken fix a
tracked change; the draft is never written. Checked with python-docx and the XML itself
(no Word or LibreOffice needed): accept every change, reject every change, count comments."""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys

import docx
import pytest
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from checker.reading.docx import read_layout

from .conftest import PLAN_2024
from .test_cli import invoke
from .test_tables import HEADER, ROWS, _markdown, _word_table

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _word_of_text(text: str, path):
    """A .docx with one paragraph per line, as a drafter pasting the plan into Word."""
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


@pytest.fixture
def draft_2024(tmp_path):
    return _word_of_text(PLAN_2024.read_text(encoding="utf-8"), tmp_path / "2024.docx")


def _findings(path, *args) -> list[dict]:
    return json.loads(invoke("lint", str(path), "--format", "json", *args).output)["findings"]


def _ours(element, tag: str) -> list:
    return [e for e in element.iter(qn(tag)) if e.get(qn("w:author")) == "plancheck"]


def _unwrap(element) -> None:
    parent = element.getparent()
    for child in list(element):
        element.addprevious(child)
    parent.remove(element)


def _paragraph_marks(body, tag: str) -> list:
    """Paragraphs whose mark plancheck tracked as inserted or deleted."""
    return [
        mark.getparent().getparent().getparent()
        for mark in _ours(body, tag)
        if mark.getparent().tag == qn("w:rPr") and mark.getparent().getparent().tag == qn("w:pPr")
    ]


def _merge_next(p) -> None:
    """Join the next paragraph into ``p`` (what accepting a deleted paragraph mark does)."""
    following = p.getnext()
    for child in list(following):
        if child.tag != qn("w:pPr"):
            p.append(child)
    following.getparent().remove(following)


def _drop_marks(body) -> None:
    for tag in ("w:ins", "w:del"):
        for mark in _ours(body, tag):
            if mark.getparent().tag == qn("w:rPr"):
                mark.getparent().remove(mark)


def accept_all(document):
    """Accept plancheck's revisions: deletions go, insertions stay, a deleted paragraph mark
    joins its paragraph to the next."""
    return _settle(document, kept="w:ins", dropped="w:del")


def reject_all(document):
    """Reject plancheck's revisions: insertions go, deleted text comes back, an inserted
    paragraph mark joins its paragraph to the next again."""
    return _settle(document, kept="w:del", dropped="w:ins")


def _settle(document, kept: str, dropped: str):
    """Keep one kind of plancheck's revisions (their text stays, unwrapped) and drop the
    other (its text goes; a paragraph mark it added or removed joins the paragraph to the
    next)."""
    body = document.element.body
    joined = _paragraph_marks(body, dropped)
    _drop_marks(body)
    for p in reversed(joined):
        _merge_next(p)
    for revision in _ours(body, dropped):
        revision.getparent().remove(revision)
    for revision in _ours(body, kept):
        for text in revision.iter(qn("w:delText")):  # deleted text kept: text again
            text.tag = qn("w:t")
        _unwrap(revision)
    return document


def _text(document) -> str:
    return read_layout(document).text


def _comments(path) -> list:
    return [c for c in docx.Document(str(path)).comments if c.author == "plancheck"]


def _anchored(document) -> dict[str, str]:
    """Each comment id's anchored text (what lies between its range start and end)."""
    texts: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for node in document.element.body.iter():
        if node.tag == qn("w:commentRangeStart"):
            open_ids.add(node.get(qn("w:id")))
            texts.setdefault(node.get(qn("w:id")), [])
        elif node.tag == qn("w:commentRangeEnd"):
            open_ids.discard(node.get(qn("w:id")))
        elif node.tag in (qn("w:t"), qn("w:delText")):
            for comment_id in open_ids:
                texts[comment_id].append(node.text or "")
    return {k: "".join(v) for k, v in texts.items()}


# -- the 2024 plan in Word ----------------------------------------------------------------


def test_review_of_the_2024_plan(draft_2024):
    before = _digest(draft_2024)
    findings = _findings(draft_2024)
    result = invoke("review", str(draft_2024))
    assert result.exit_code == 0, result.output + result.stderr
    out = draft_2024.with_name("2024.reviewed.docx")
    assert str(out) in result.output
    assert _digest(draft_2024) == before  # the draft is only read

    comments = _comments(out)
    assert len(comments) == len(findings)  # one comment per finding
    assert sorted(c.text for c in comments) == sorted(
        f"{f['rule']} {f['message']}" for f in findings
    )
    reviewed = docx.Document(str(out))
    anchored = _anchored(reviewed)
    by_text = {c.text: anchored[str(c.comment_id)] for c in comments}
    for found in findings:
        text = by_text[f"{found['rule']} {found['message']}"]
        assert text, found  # anchored on some text
        if found["rule"] == "A001":
            assert text == "(科技成果评价)"

    revisions = _ours(reviewed.element.body, "w:del") + _ours(reviewed.element.body, "w:ins")
    assert revisions and all(r.get(qn("w:date")) for r in revisions)

    draft_text = _text(docx.Document(str(draft_2024)))
    assert _text(reject_all(docx.Document(str(out)))) == draft_text

    accepted = draft_2024.with_name("accepted.docx")
    accept_all(docx.Document(str(out))).save(accepted)
    left = {f["rule"] for f in _findings(accepted)}
    assert not {"N003", "A001"} & left
    fixable = {f["rule"] for f in findings if f.get("fix", {}).get("applicability") == "safe"}
    assert fixable >= {"N003", "A001"}
    assert left == {f["rule"] for f in findings} - fixable


def test_comments_in_english(draft_2024, tmp_path):
    out = tmp_path / "en.docx"
    assert invoke("review", str(draft_2024), "-o", str(out), "--lang", "en").exit_code == 0
    english = {f"{f['rule']} {f['message']}" for f in _findings(draft_2024, "--lang", "en")}
    assert {c.text for c in _comments(out)} == english
    assert "review copy" in invoke("review", str(draft_2024), "-o", str(out), "--lang", "en").output


def test_unsafe_fixes_become_changes_only_when_asked(draft_2024, tmp_path):
    safe, unsafe = tmp_path / "safe.docx", tmp_path / "unsafe.docx"
    invoke("review", str(draft_2024), "-o", str(safe))
    invoke("review", str(draft_2024), "-o", str(unsafe), "--unsafe-fixes")
    assert "G007" in {f["rule"] for f in _findings(draft_2024)}
    for path, fixed in ((safe, False), (unsafe, True)):
        accepted = tmp_path / f"accepted-{path.name}"
        accept_all(docx.Document(str(path))).save(accepted)
        assert ("G007" in {f["rule"] for f in _findings(accepted)}) is not fixed


def test_never_over_the_draft(draft_2024):
    before = _digest(draft_2024)
    result = invoke("review", str(draft_2024), "-o", str(draft_2024))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "原稿" in result.stderr
    assert _digest(draft_2024) == before


def test_bad_input_is_one_line(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    result = invoke("review", str(fake))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    missing = invoke("review", str(tmp_path / "missing.docx"))
    assert missing.exit_code == 2 and "Traceback" not in missing.stderr


# -- what the draft had is kept --------------------------------------------------------------


def test_styles_numbering_tables_headers_comments_and_revisions_kept(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
    document.add_paragraph("2024年知识产权强国建设推进计划", style="Title")
    first = document.add_paragraph("推进《商标法》修改。(科技成果评价)(国家知识产权局负责)")
    first.style = document.styles["List Number"]
    second = document.add_paragraph("加强成果转化。", style="List Number")
    second._p.append(
        parse_xml(
            f'<w:ins {W_NS} w:id="7" w:author="审核" w:date="2024-01-01T00:00:00Z"><w:r><w:t>(科技部负责)</w:t></w:r></w:ins>'
        )
    )
    document.add_comment(first.runs, text="请核对条例名称", author="审核")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "联系人"
    draft = tmp_path / "kept.docx"
    document.save(draft)

    out = tmp_path / "kept.reviewed.docx"
    assert invoke("review", str(draft), "-o", str(out)).exit_code == 0
    reviewed = docx.Document(str(out))
    assert reviewed.sections[0].header.paragraphs[0].text == "内部资料 注意保存"
    assert [p.style.name for p in reviewed.paragraphs] == [
        p.style.name for p in document.paragraphs
    ]
    assert reviewed.tables[0].cell(0, 0).text == "联系人"
    authors = sorted(c.author for c in reviewed.comments)
    assert authors == ["plancheck", "审核"]
    theirs = [e for e in reviewed.element.body.iter(qn("w:ins")) if e.get(qn("w:author")) == "审核"]
    assert len(theirs) == 1 and theirs[0].get(qn("w:id")) == "7"
    ids = [e.get(qn("w:id")) for e in reviewed.element.body.iter(qn("w:ins"), qn("w:del"))]
    assert len(ids) == len(set(ids))  # revision ids stay unique
    accepted = tmp_path / "accepted.docx"
    accept_all(copy.deepcopy(reviewed)).save(accepted)
    assert not [f for f in _findings(accepted) if f["rule"] == "A001"]


# -- text plans and task tables -------------------------------------------------------------


def test_a_text_plan_gets_a_new_word_copy(tmp_path):
    plan = tmp_path / "2024.txt"
    plan.write_bytes(PLAN_2024.read_bytes())
    result = invoke("review", str(plan))
    assert result.exit_code == 0
    out = tmp_path / "2024.reviewed.docx"
    assert plan.read_bytes() == PLAN_2024.read_bytes()
    # the copy is a Word file: a comment names paragraphs (a line of the plan is one) where
    # lint of the text plan names lines
    as_word = {"第64行": "第64段", "两行": "两段", "下一行": "下一段", "另起一行": "另起一段"}
    expected = []
    for found in _findings(plan):
        text = found["message"]
        for line, paragraph in as_word.items():
            text = text.replace(line, paragraph)
        expected.append(f"{found['rule']} {text}")
    assert sorted(c.text for c in _comments(out)) == sorted(expected)
    assert any("第64段末尾" in c.text for c in _comments(out))
    assert _text(reject_all(docx.Document(str(out)))) == PLAN_2024.read_text("utf-8").rstrip("\n")


@pytest.mark.parametrize("kind", ["md", "docx"])
def test_review_of_a_task_table(kind, tmp_path):
    rows = [
        ["一", "完善知识产权制度", "", "", ""],
        *ROWS,
        ["5", "推进产业发展。(科技成果评价)", "工信部", "科技部", "2024年"],
    ]
    if kind == "md":
        draft = tmp_path / "table.md"
        draft.write_text(_markdown(rows=rows), encoding="utf-8")
    else:
        document = docx.Document()
        document.add_paragraph("2024年知识产权工作重点任务分工表")
        _word_table(document, HEADER, rows)
        draft = tmp_path / "table.docx"
        document.save(draft)
    out = tmp_path / "table.reviewed.docx"
    assert invoke("review", str(draft), "-o", str(out)).exit_code == 0
    reviewed = docx.Document(str(out))
    anchored = _anchored(reviewed)
    texts = {c.text.split()[0]: anchored[str(c.comment_id)] for c in _comments(out)}
    assert texts["G001"] == "国家知识产权总局"
    assert texts["N001"] == "2"
    assert texts["A001"] == "(科技成果评价)"
    assert texts["G008"] == ""  # on the empty lead cell itself
    g008 = next(c for c in _comments(out) if c.text.startswith("G008"))
    start = next(
        e
        for e in reviewed.element.body.iter(qn("w:commentRangeStart"))
        if e.get(qn("w:id")) == str(g008.comment_id)
    )
    cell = next(a for a in start.iterancestors() if a.tag == qn("w:tc"))
    assert cell is reviewed.tables[0].cell(4, 2)._tc
    table = reviewed.tables[0]
    assert table.cell(0, 2).text == "牵头单位"
    accept_all(reviewed).save(tmp_path / "accepted.docx")
    left = {f["rule"] for f in _findings(tmp_path / "accepted.docx")}
    assert not {"A001", "G002"} & left and {"G001", "N001", "G008"} <= left
    assert reject_all(docx.Document(str(out))).tables[0].cell(6, 2).text == "工信部"
    assert table.cell(1, 0).text == "一" and "N005" not in texts


def test_review_subprocess(tmp_path, draft_2024):
    """The installed command, end to end."""
    out = tmp_path / "copy.docx"
    done = subprocess.run(
        [sys.executable, "-m", "checker", "review", str(draft_2024), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.exists() and len(_comments(out)) == len(_findings(draft_2024))


def test_html_names_the_word_paragraph(draft_2024, tmp_path):
    page = tmp_path / "lint.html"
    invoke("lint", str(draft_2024), "--format", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    a001 = next(f for f in _findings(draft_2024) if f["rule"] == "A001")
    assert a001["place"] == {"paragraph": a001["line"]}  # no task table: paragraph = line
    assert f'href="{draft_2024.resolve().as_uri()}">第{a001["line"]}段</a>' in html


def test_a_merged_cell_is_changed_once(tmp_path):
    """A lead cell merged over two rows is read into both tasks; its fix is one change."""
    document = docx.Document()
    document.add_paragraph("2024年重点任务分工表")
    rows = [
        ["1", "推进产业发展。", "工信部", "科技部", "2024年"],
        ["2", "推进数字化转型。", "", "商务部", "2024年"],
    ]
    table = _word_table(document, HEADER, rows)
    table.cell(1, 2).merge(table.cell(2, 2))
    draft = tmp_path / "merged.docx"
    document.save(draft)
    assert [f["rule"] for f in _findings(draft)].count("G002") == 2
    out = tmp_path / "merged.reviewed.docx"
    assert invoke("review", str(draft), "-o", str(out)).exit_code == 0
    reviewed = docx.Document(str(out))
    assert len(_ours(reviewed.element.body, "w:del")) == 1
    assert reject_all(docx.Document(str(out))).tables[0].cell(1, 2).text.strip() == "工信部"
    assert accept_all(docx.Document(str(out))).tables[0].cell(2, 2).text.strip() == "工业和信息化部"


def test_not_a_plan_is_not_reviewed(tmp_path):
    """A Word file that is not a plan is said so, not returned as a copy with no comments."""
    document = docx.Document()
    document.add_paragraph("会议通知")
    document.add_paragraph("请各单位于周五前报送材料。")
    draft = tmp_path / "notice.docx"
    document.save(draft)
    result = invoke("review", str(draft), "--lang", "en")
    assert result.exit_code == 2 and "not a plan" in result.stderr
    assert not (tmp_path / "notice.reviewed.docx").exists()


def test_a_clean_plan_gets_a_copy_without_comments(tmp_path):
    draft = _word_of_text(
        "2024年工作计划\n一、完善制度\n1.推进立法。(司法部负责)", tmp_path / "ok.docx"
    )
    result = invoke("review", str(draft))
    assert result.exit_code == 0 and "0条批注" in result.output
    assert _comments(tmp_path / "ok.reviewed.docx") == []


def test_a_finding_in_a_word_numbering_label_is_on_its_paragraph(tmp_path):
    """A number Word computes is not text: the comment goes on the paragraph it numbers."""
    document = docx.Document()
    document.add_paragraph("2024年工作计划")
    document.add_paragraph("1.推进立法。(司法部负责)")
    document.add_paragraph("加强执法。(公安部负责)", style="List Number")  # Word shows "1."
    draft = tmp_path / "labels.docx"
    document.save(draft)
    n001 = [f for f in _findings(draft) if f["rule"] == "N001"]
    assert len(n001) == 1 and n001[0]["line"] == 3
    out = tmp_path / "labels.reviewed.docx"
    assert invoke("review", str(draft), "-o", str(out)).exit_code == 0
    reviewed = docx.Document(str(out))
    comment = next(c for c in _comments(out) if c.text.startswith("N001"))
    assert _anchored(reviewed)[str(comment.comment_id)] == "加"
    assert not _ours(reviewed.element.body, "w:ins")  # Word's number is not text to change


def test_unknown_code_is_a_usage_error(draft_2024):
    result = invoke("review", str(draft_2024), "--select", "X999", "--lang", "en")
    assert result.exit_code == 2 and "unknown rule code" in result.stderr


def test_wrapped_and_glued_tasks_become_paragraph_changes(tmp_path):
    """A task wrapped over two paragraphs (pasted from a PDF) is joined by deleting the
    paragraph mark; two tasks glued in one paragraph are parted by inserting one."""
    text = (
        "2024年工作计划\n一、完善制度\n"
        "1.推进知识产权法律法规规章立改废释工作,完善知识产权保护制度体系,加快推进相关配套\n"
        "制度建设。(司法部负责)\n"
        "2.加强执法。(公安部负责)3.做好宣传。(中央宣传部负责)\n"
        "4.推进改革。(科技部负责)"
    )
    draft = _word_of_text(text, tmp_path / "breaks.docx")
    findings = _findings(draft)
    assert [f["rule"] for f in findings].count("N003") == 2, findings
    safe = sum(1 for f in findings if f.get("fix", {}).get("applicability") == "safe")
    out = tmp_path / "breaks.reviewed.docx"
    result = invoke("review", str(draft), "-o", str(out))
    assert f"{safe}处修订" in result.output  # every safe fix, the two N003 among them
    assert _text(reject_all(docx.Document(str(out)))) == _text(docx.Document(str(draft)))
    accepted = accept_all(docx.Document(str(out)))
    assert [p.text for p in accepted.paragraphs][2:6] == [
        "1.推进知识产权法律法规规章立改废释工作,完善知识产权保护制度体系,加快推进相关配套"
        "制度建设。(司法部负责)",
        "2.加强执法。(公安部负责)",
        "3.做好宣传。(中央宣传部负责)",
        "4.推进改革。(科技部负责)",
    ]
    accepted.save(tmp_path / "accepted.docx")
    assert not [f for f in _findings(tmp_path / "accepted.docx") if f["rule"].startswith("N")]
