"""When a plan was made (issue 23): its date from the document number, the date line or the
text, with where it was read, and renamings judged by it to the month."""

from __future__ import annotations

import json

import pytest

from checker.reading.parse import parse
from checker.reading.source import Source, read_source
from checker.reading.vocabulary import date_line, dates_in, term_years

from .conftest import ROOT, lint_text
from .test_cli import invoke

REAL = ROOT / "tests" / "data" / "real"
TIYU = REAL / "2018-tiyu-jingsai-guobanfa121.txt"  # 国办发〔2018〕121号, signed 2018年12月11日
CORPUS = ROOT / "tests" / "corpus" / "local"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2018年11月5日", (2018, 11)),
        ("二〇一八年十一月五日", (2018, 11)),
        ("二○一三年五月二十日", (2013, 5)),  # ○ for zero, as 松江区 wrote it
        ("二零二零年九月二十二日", (2020, 9)),
        ("（2018年12月30日）", (2018, 12)),
        ("  2024年3月18日  ", (2024, 3)),
        ("2024年13月18日", None),  # no such month
        ("2018年11月5日印发", None),  # a sentence, not a date line
        ("2018年11月", None),  # no day: not a signature date
        ("国办发〔2018〕121号", None),
    ],
)
def test_date_lines(line, expected):
    assert date_line(line) == expected


def test_dates_in_a_text():
    text = "现将《方案》（2019年3月1日印发）转发给你们，自二〇一九年四月一日起施行。到2025年，"
    assert dates_in(text) == [(2019, 3), (2019, 4)]
    assert dates_in("到2025年底前完成，2024年12月底前") == []  # no day: targets, not dates


def _date(text: str):
    return parse(Source.from_text(text, "plan.txt")).date


def test_where_the_date_comes_from():
    number = "关于推进某项工作的意见\n国办发〔2018〕99号\n（一）甲。（科技部负责）\n"
    assert _date(number) == (2018, None, "number")
    assert _date(number + "2018年11月5日\n") == (2018, 11, "number, date-line")
    # a date line of another year does not lend its month to the number's year
    assert _date(number + "2019年1月5日\n") == (2018, None, "number")
    no_number = "关于推进某项工作的意见\n（一）甲。（科技部负责）\n"
    assert _date(no_number + "二〇一八年十一月五日\n") == (2018, 11, "date-line")
    assert _date("2012年工作要点\n1.甲。（科技部负责）\n") == (2012, None, "title")
    repost = (
        "关于转发方案的通知\n现将方案（2019年3月1日印发）转发给你们。\n（一）甲。（科技部负责）\n"
    )
    assert _date(repost) == (2019, 3, "text")
    assert _date(no_number) is None
    # a copy without number, date line or year in its title: its earliest deadline
    deadlines = "关于推进某项工作的实施意见\n1.甲，2013年底前完成。\n2.乙，2012年10月底前出台。\n"
    assert _date(deadlines) == (2012, None, "deadline")


def test_the_documents_it_cites_date_a_plan_that_writes_no_other_year():
    """长府办 2019: no number, date or year of its own; the only year it writes is that of
    the municipal opinion it implements, (沪府办规〔2019〕5号): made that year or later, and
    the early year is the cautious one. Its look-alikes: a plan writing any other year, and
    a number without its year's brackets (a year in a sentence) date it no such way."""
    cites = "关于加强某项工作的意见\n近期出台《意见》（沪府办规〔2019〕5号），为贯彻落实，提出如下意见：\n"
    body = "（一）甲。（区消防救援支队负责）\n"
    assert _date(cites + body) == (2019, None, "cited")
    two = (
        "关于加强某项工作的意见\n根据（国发〔2016〕3号）和（沪府办规〔2019〕5号），提出如下意见：\n"
    )
    assert _date(two + body) == (2019, None, "cited")  # the latest
    # another year written: the cited number is no longer the only evidence
    assert _date(cites + "（一）甲，到2025年基本建成。（区消防救援支队负责）\n") is None
    assert _date("关于加强某项工作的意见\n" + body) is None


def test_the_year_of_the_work_a_notice_divides_dates_a_plan_that_writes_no_other():
    """荆州市政府办公室 2009 (a law library's copy without number, date or year in its title):
    the notice names the year of the work it divides, 《政府工作报告》确定的2009年全市主要目标和
    工作任务, and that is the plan's year (the renamings of 2019 then are not yet due). Its
    look-alikes: a year cited in passing, a year a mark parts from the work, a year of
    something else the verb fixes; and a date written in the text is still read first."""
    body = "一、主要工作目标\n1、地区生产总值增长11%(市发改委,各县市区政府)。\n"
    notice = "关于分解落实《政府工作报告》的通知\n现将《政府工作报告》确定的2009年全市主要目标和工作任务分解给你们。\n"
    assert _date(notice + body) == (2009, None, "work")
    said = "关于分解重点工作的通知\n报告提出了2013年市政府要做好的8项重点工作。\n"
    assert _date(said + body) == (2013, None, "work")
    # a plan's deadlines come first: a target year it names (确定的2025年主要目标) is not its own
    target = "关于落实规划的实施方案\n为实现规划确定的2025年主要目标任务,制定本方案。\n"
    assert _date(target + "1.甲,2022年底前完成。(科技部负责)\n") == (2022, None, "deadline")
    # a date in the text comes first, with its month
    dated = "关于分解重点工作的通知\n2013年2月25日会议提出了2013年市政府要做好的8项重点工作。\n"
    assert _date(dated + body) == (2013, 2, "text")
    for other in (
        "关于分解落实的通知\n2008年以来确定的主要目标和工作任务已经完成。\n",  # no verb before it
        "关于分解落实的通知\n会议确定的2009年,全市主要目标和工作任务如下。\n",  # a mark parts them
        "关于分解落实的通知\n省政府确定2009年为项目建设年,重点工作如下。\n",  # the year of something else
    ):
        assert _date(other + body) is None, other
    jingzhou = parse(read_source(CORPUS / "open-2009-jingzhou-mubiao-fenjie.txt"))
    assert jingzhou.date == (2009, None, "work")
    codes = [
        f.code for f in lint_text((CORPUS / "open-2009-jingzhou-mubiao-fenjie.txt").read_text())
    ]
    assert "G003" not in codes  # 市农业局 and 市环保局 were the city's bodies in 2009


def test_a_plans_period_under_its_title_is_the_titles():
    """静府办发〔2019〕10号: 三年行动计划 over （2019—2021） on a line of its own, as a centred
    title wraps: the period is the title's, the plan's year its first."""
    text = "静安区消防救援发展三年行动计划\n（2019—2021）\n一、任务\n1.甲。（区消防救援支队负责）\n"
    plan = parse(Source.from_text(text, "plan.txt"))
    assert plan.year == 2019 and plan.date == (2019, None, "title")
    # a bracketed period further down is prose, not the title's
    later = "静安区消防救援发展三年行动计划\n为做好工作，制定本计划。\n（2019—2021）\n一、任务\n1.甲。（区消防救援支队负责）\n"
    assert parse(Source.from_text(later, "plan.txt")).year is None


def test_the_years_deadlines_and_starts_name():
    text = "2012年起5年内；2012年10月底前牵头制定；2013年底前完成；2014年上半年前；2015年以前"
    assert term_years(text) == [2012, 2012, 2013, 2014, 2015]
    # a span's end, a year cited in passing and a target year are no deadlines of the plan
    assert term_years("（2021—2025年）起草；2010年以来；到2025年，基本建成；2023-2025年前") == []


def test_real_documents_dates():
    assert parse(read_source(TIYU)).date == (2018, 12, "number, date-line")
    songjiang = parse(read_source(CORPUS / "2013-songjiang-huanwei-shouru.txt"))
    assert (songjiang.year, songjiang.date) == (2013, (2013, 5, "date-line"))
    # a government web page puts the date under the title: still the date line
    hufuban = parse(read_source(CORPUS / "2020-hufuban-jiaotong-shigu.txt"))
    assert hufuban.date == (2020, 9, "date-line")


def test_a_real_document_signed_in_december_2018_is_judged_by_the_march_reform(tmp_path):
    """The mutant: 国办发〔2018〕121号 with the names the March 2018 reform ended put back."""
    text = TIYU.read_text(encoding="utf-8")
    assert text.count("市场监管总局") >= 1
    mutant = text.replace("市场监管总局", "工商总局")
    found = lint_text(mutant, ("G003",))
    assert found and all(f.args["agency"] == "工商总局" for f in found)
    assert {f.args["successor"] for f in found} == {"市场监管总局"}
    # the same document signed before the reform: the old name was still right
    before = mutant.replace("2018年12月11日", "2018年2月11日")
    assert lint_text(before, ("G003",)) == []


def test_json_and_verbose_say_where_the_date_comes_from():
    data = json.loads(invoke("lint", str(TIYU), "--format", "json").stdout)
    assert data["files"][0]["date"] == {"year": 2018, "month": 12, "source": "number, date-line"}
    chinese = invoke("lint", str(TIYU), "-v")
    assert "计划日期：2018年12月（依据：文号、落款日期" in chinese.stderr
    english = invoke("lint", str(TIYU), "-v", "--lang", "en")
    assert "plan date: 2018-12 (from the document number and the date line" in english.stderr
    assert "plan date" not in invoke("lint", str(TIYU), "--lang", "en").stderr  # -v only


def test_an_office_registry_dates_its_renamings_to_the_month(tmp_path):
    from checker.base.errors import ConfigError
    from checker.knowledge.agencies import load_registry

    good = tmp_path / "local.yaml"
    good.write_text(
        "agencies:\n"
        "  - {name: 省旧局, category: local, ended: 2019-04, successor: 省新局}\n"
        "  - {name: 省新局, category: local}\n",
        encoding="utf-8",
    )
    registry = load_registry((good,))
    old = registry.lookup("省旧局").agency
    assert (old.ended, old.ended_month) == (2019, 4)
    assert registry.current(old, 2019, 5)[0].name == "省新局"
    assert registry.current(old, 2019, 3)[0].name == "省旧局"
    assert registry.current(old, 2019)[0].name == "省旧局"  # no month: benefit of the doubt
    bad = tmp_path / "bad.yaml"
    bad.write_text("agencies:\n  - {name: 省旧局, category: local, ended: 2019-13}\n", "utf-8")
    with pytest.raises(ConfigError, match="ended: expected a year"):
        load_registry((bad,))


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2024年知识产权强国建设推进计划\n1.甲。(科技部负责)\n", 2024),
        ("二〇二四年知识产权工作要点\n1.甲。(科技部负责)\n", 2024),
        ("二○二四年知识产权工作要点\n1.甲。(科技部负责)\n", 2024),
        ("二零二四年知识产权工作要点\n1.甲。(科技部负责)\n", 2024),
        # the title on the issuer's line: the words after its 关于
        (
            "滁州市人民政府关于2020年市政府重点工作及责任分解的通知\n一、甲\n1.乙。(市财政局负责)\n",
            2020,
        ),
        # the span of a document the title cites is no year of the plan's
        ("知识产权强国建设纲要(2021—2035年)实施工作要点\n1.甲。(科技部负责)\n", None),
        ("知识产权强国建设纲要（二〇二一—二〇三五年）实施工作要点\n1.甲。(科技部负责)\n", None),
    ],
)
def test_the_year_of_a_title_in_either_numerals(text, year):
    assert parse(Source.from_text(text, "plan.txt")).year == year


@pytest.mark.parametrize(
    ("plan_year", "date_line", "expected"),
    [
        ("2012", "一二年四月十日", "二〇一二"),
        ("2013", "一二年十二月二十日", "二〇一二"),  # issued late in the year before
        ("2009", "〇九年三月二日", "二〇〇九"),
        ("2012", "12年4月10日", "2012"),
        ("2013", "12年12月20日", "2012"),
    ],
)
def test_a_short_issue_year_is_written_out_as_itself_not_as_the_plans_year(
    plan_year, date_line, expected
):
    """D002's fix for a short year gives that year in full, in its own numerals: a plan issued
    in the December before its year keeps the year it was issued in."""
    text = (
        f"关于印发{plan_year}年工作要点的通知\n现将《{plan_year}年工作要点》印发给你们。\n"
        f"{date_line}\n{plan_year}年工作要点\n1.甲。(科技部负责)\n"
    )
    (finding,) = [f for f in lint_text(text, ("D002",)) if f.key == "D002.short"]
    assert finding.args["expected"] == expected
