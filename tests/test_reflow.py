"""Paragraphs back from pasted text (``checker.reading.reflow``): what must be joined or
split, and the look-alikes that must be left as they are. The whole corpus in every
rendering is ``test_corpus_renderings.py``; these are the conventions one by one."""

from __future__ import annotations

from checker.reading import reflow
from checker.reading.parse import parse
from checker.reading.source import source_from_bytes


def _wrap(paragraphs: list[str], width: int) -> str:
    return "\n".join(p[i : i + width] for p in paragraphs for i in range(0, len(p), width))


def _lines(text: str) -> list[str]:
    return reflow.reconstruct(text).text.splitlines()


_PROSE = "加强统筹协调，完善工作机制，推动各项任务落到实处，确保取得实效。"


# -- hard-wrapped --------------------------------------------------------------------------
def test_a_wide_cut_of_short_paragraphs_is_told_and_joined():
    """Cut at 60, most paragraphs fit on one line: the full lines are few, but they all stop
    mid-sentence at one length, and none is longer."""
    paragraphs = ["一、总体要求"] + [f"{n}.{_PROSE * 3}（市发展改革委负责）" for n in range(1, 6)]
    paragraphs += [f"{n}.推进工作。（市财政局负责）" for n in range(6, 12)]
    rebuilt = reflow.reconstruct(_wrap(paragraphs, 60))
    assert rebuilt.how == reflow.WRAPPED
    assert rebuilt.text.splitlines() == paragraphs


def test_lines_of_one_length_that_end_sentences_are_no_wrap():
    lines = [f"{n}.{'推进重点工作落实' * 3}。" for n in range(1, 12)]
    assert reflow.reconstruct("\n".join(lines)).how == reflow.AS_IS


def test_a_line_short_of_the_width_goes_on_only_where_a_mark_was_kept_off_its_end():
    """A viewer moves an opening bracket down with its line (kinsoku): the line before stops
    a character short and goes on; a heading a character short ends its paragraph."""
    lines = ["甲" * 20, "乙" * 19, "（市财政局负责）丙丙", "一、" + "丁" * 17, "戊" * 20, "己" * 5]
    lines += ["庚" * 20] * 3 + ["辛" * 3]
    assert _lines("\n".join(lines)) == [
        "甲" * 20 + "乙" * 19 + "（市财政局负责）丙丙",
        "一、" + "丁" * 17,
        "戊" * 20 + "己" * 5,
        "庚" * 60 + "辛" * 3,
    ]


def test_table_rows_in_wrapped_text_are_lines_of_their_own():
    paragraphs = ["一、重点任务", f"{_PROSE * 2}（市商务委负责）"] * 3
    rows = ["| 序号 | 重点任务 | 牵头单位 |", "| 1 | 推进商标法修改 | 司法部 |"]
    text = _wrap(paragraphs, 20) + "\n" + "\n".join(rows)
    got = _lines(text)
    assert got[-2:] == rows


def test_an_item_whose_name_begins_with_digits_begins_its_line():
    """11.121人才梯队项目 after item 10 is item 11, as the parser reads it; a figure the wrap
    put at a line's start (3.8%) before item 3 is not an item."""
    paragraphs = [f"{n}.{_PROSE}（市人社局负责）" for n in range(1, 11)]
    paragraphs += ["11.121人才梯队项目。" + _PROSE, "12.推进工作。（市财政局负责）"]
    assert reflow.reconstruct(_wrap(paragraphs, 20)).text.splitlines() == paragraphs
    figures = [
        "一、主要目标",
        "1、地区生产总值增长6.5%左右。",
        "2、单位能耗较上年降低3.8%。",
        "3、城镇登记失业率控制在3.5%以内。",
    ]
    figures += [f"{n}、{_PROSE}" for n in range(4, 12)]
    text = _wrap(figures, 18)
    assert "2、单位能耗较上年降低3.8%。" in _lines(text)


def test_a_figure_at_a_line_start_under_a_heading_without_numbered_items_is_prose():
    paragraphs = [f"（{c}）" + "甲" * 17 + "1.5%提取安全生产费用，" + _PROSE for c in "一二三四五"]
    text = _wrap(paragraphs, 20)
    assert sum(line.startswith("1.5%") for line in text.splitlines()) == 5
    assert reflow.reconstruct(text).text.splitlines() == paragraphs


def test_a_second_document_restarts_the_top_numbering():
    first = [f"{c}、{_PROSE}" for c in "一二三四五六七八"]
    second = ["一、总体要求", _PROSE * 2, "二、重点任务", f"（一）{_PROSE * 2}"]
    assert reflow.reconstruct(_wrap(first + second, 20)).text.splitlines() == first + second


# -- joined --------------------------------------------------------------------------------
def test_a_labelled_clause_begins_its_own_line_in_joined_text():
    text = (
        "2019年目标任务责任分解一、主要指标1.地区生产总值增长6.8%左右。牵头领导:市长,副市长"
        "责任单位:市发改委,市级其他有关部门2.研发经费支出占比超过2.8%。牵头领导:陈炳荣"
        "责任单位:市科技局、市教育局3.固定资产投资增长10%左右。牵头单位:市发改委;配合单位:市财政局\n"
    )
    assert _lines(text)[2:] == [
        "1.地区生产总值增长6.8%左右。",
        "牵头领导:市长,副市长",
        "责任单位:市发改委,市级其他有关部门",
        "2.研发经费支出占比超过2.8%。",
        "牵头领导:陈炳荣",
        "责任单位:市科技局、市教育局",
        "3.固定资产投资增长10%左右。",
        "牵头单位:市发改委;配合单位:市财政局",
    ]


def test_labels_in_brackets_and_label_words_in_prose_stay_on_their_line():
    text = (
        "某区工作要点一、重点任务1.推进改革。(牵头单位:区发改委;配合单位:区财政局)"
        "2.明确各责任单位:职责,区政府负责统筹。(区政府办负责)3.加强督查。(区督查室负责)\n"
    )
    got = _lines(text)
    assert "1.推进改革。(牵头单位:区发改委;配合单位:区财政局)" in got
    assert "2.明确各责任单位:职责,区政府负责统筹。(区政府办负责)" in got


def test_the_title_a_joined_text_opens_with_is_a_line_of_its_own():
    text = "2024年交通运输法制工作要点2024年工作的总体要求是:坚持依法行政。一、持续深化法治建设(一)统筹推进。(部法制司负责)(二)加强审查。(部法制司负责)(三)强化监督。(部法制司负责)\n"
    assert _lines(text)[0] == "2024年交通运输法制工作要点"
    notice = "上海市安全生产委员会关于印发上海市城镇燃气安全专项整治实施方案的通知各区人民政府:现将方案印发给你们。一、总体思路1.甲。(市应急局负责)2.乙。(市应急局负责)3.丙。(市应急局负责)\n"
    assert (
        _lines(notice)[0] == "上海市安全生产委员会关于印发上海市城镇燃气安全专项整治实施方案的通知"
    )
    sentence = "为做好工作,制定本方案。一、总体思路1.甲。(市应急局负责)2.乙。(市应急局负责)3.丙。(市应急局负责)\n"
    assert _lines(sentence)[0] == "为做好工作,制定本方案。"


def test_a_head_run_together_is_split_whatever_its_items():
    """One task, or a task table: too few markers to call the text joined, but a title or a
    document number running on into the text shows the head was run together."""
    text = (
        "《浙江省人民政府办公厅关于印发2019年重点工作责任分解的通知》浙政办发〔2019〕7号"
        "各市、县(市、区)人民政府,省政府直属各单位:现印发给你们,请认真贯彻执行。"
        "一、省长主抓重点工作1. 稳企业、防风险。牵头单位:省发展改革委\n"
    )
    rebuilt = reflow.reconstruct(text)
    assert rebuilt.how == reflow.JOINED
    assert "浙政办发〔2019〕7号" in rebuilt.text.splitlines()
    clean = "国务院办公厅关于印发2019年重点工作分工的通知\n国办发〔2019〕7号\n一、重点工作\n"
    assert reflow.reconstruct(clean).how == reflow.AS_IS


def test_only_a_signature_date_is_cut_from_the_tail():
    text = (
        "某市关于进一步减少道路交通事故的意见一、工作要求1.甲。(市交通委负责)2.乙。(市公安局负责)"
        "3.丙。(市应急局负责)本意见自2020年10月1日起施行,有效期至2025年9月30日。"
        "某市人民政府2020年9月1日\n"
    )
    got = _lines(text)
    assert "本意见自2020年10月1日起施行,有效期至2025年9月30日。" in got
    assert got[-2:] == ["某市人民政府", "2020年9月1日"]


def test_a_title_ending_with_its_period_gives_the_year():
    text = "静安区消防救援发展三年行动计划（2019—2021）\n一、指导思想\n1.推进工作。（区消防支队负责）\n"
    assert parse(source_from_bytes(text.encode(), "plan.txt")).year == 2019


def test_a_numbered_measure_before_digits_is_split_where_an_item_may_begin():
    """具体措施：1．2021年…, …负责）2．2021年…: items of a joined text whose names begin with
    a year; a figure inside a sentence (增长11.5%) is not."""
    text = (
        "某部工作分工一、重点任务(一)深化改革。具体措施:1.出台规定。(司法部负责)"
        "2.2021年底前建立机制,增长11.5%以上。(国务院办公厅负责)(二)优化服务。具体措施:"
        "1.2021年6月底前推行网办。(民政部负责)2.加强督查。(民政部负责)\n"
    )
    assert _lines(text)[3:] == [
        "1.出台规定。(司法部负责)",
        "2.2021年底前建立机制,增长11.5%以上。(国务院办公厅负责)",
        "(二)优化服务。具体措施:",
        "1.2021年6月底前推行网办。(民政部负责)",
        "2.加强督查。(民政部负责)",
    ]


def test_a_quotation_closed_by_a_straight_quote_hides_no_item():
    text = (
        '某市考评办法一、政务服务1.推行“不见面"办理。(市自然资源局负责)2.推进“四城通办"。(市政务局负责)'
        '二、政府治理“一网统管"3.建设平台。(市工信局负责)4.完善机制。(市大数据局负责)\n'
    )
    assert '二、政府治理“一网统管"' in _lines(text)


def test_a_text_opening_with_its_addressees_run_on_is_joined():
    text = "各州、市人民政府,省直各委、办、厅、局:为稳增长,提出以下意见。一、推进重大项目建设。(省发展改革委牵头)\n"
    rebuilt = reflow.reconstruct(text)
    assert rebuilt.how == reflow.JOINED
    assert rebuilt.text.splitlines()[0] == "各州、市人民政府,省直各委、办、厅、局:"
    clean = (
        "各州、市人民政府,省直各委、办、厅、局:\n为稳增长,提出以下意见。\n一、推进重大项目建设。\n"
    )
    assert reflow.reconstruct(clean).how == reflow.AS_IS


def test_a_title_over_a_markdown_table_is_read_as_it_is():
    text = (
        "2024年知识产权工作重点任务分工表\n\n| 序号 | 重点任务 | 牵头单位 |\n|---|---|---|\n"
        "| 1 | 推进产业发展。 | 工信部 |\n"
    )
    assert reflow.reconstruct(text).how == reflow.AS_IS


def test_a_quotation_ends_at_its_nearest_closer_curly_or_straight():
    """“ closes at the nearest ” or " after it, 《 at its 》; a quotation of 120 characters
    or more hides nothing, and an opener with no closer after it is no quotation."""
    assert reflow._quoted_spans('“甲”乙“丙"丁《戊》“己') == [(0, 2), (4, 6), (8, 10)]
    long = "《标题“引”》“开头" + "字" * 130 + "”后“短”"
    assert reflow._quoted_spans(long) == [(0, 6), (3, 5), (142, 144)]
