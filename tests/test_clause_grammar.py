"""The responsibility clause read by its grammar (rules/clause-grammar.yaml): by cases, one
per convention met in the family's documents, and by properties over clauses assembled from
the grammar's own pieces."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.base.errors import ConfigError
from checker.reading import clause
from checker.reading.parse import parse
from checker.reading.source import Source

from .conftest import lint_text


def _read(inner: str) -> clause.Reading:
    return clause._read_clause.__wrapped__(inner)


def _parties(inner: str) -> list[tuple[str, str]]:
    return [(name, role) for name, _, role, _ in _read(inner).parties]


# (clause as written, after width folding) → its parties and roles, in text order
CASES = [
    # the State Council's convention: the first listed leads
    ("科技部负责", [("科技部", "lead")]),
    ("科技部、财政部按职责分工负责", [("科技部", "lead"), ("财政部", "participant")]),
    ("商务部、发展改革委等和各有关省级人民政府负责",
     [("商务部", "lead"), ("发展改革委", "participant"), ("各有关省级人民政府", "participant")]),
    ("由国家知识产权局负责", [("国家知识产权局", "lead")]),
    ("商务部会同财政部负责", [("商务部", "lead"), ("财政部", "participant")]),
    # 牵头 names the lead; several before it lead jointly
    ("科技部牵头,财政部、商务部配合",
     [("科技部", "lead"), ("财政部", "cooperate"), ("商务部", "cooperate")]),
    ("科技部牵头,财政部参与", [("科技部", "lead"), ("财政部", "participant")]),
    ("科技部、财政部牵头", [("科技部", "lead"), ("财政部", "lead")]),
    ("发展改革委牵头,财政部等按职责分工负责,年内持续推进",
     [("发展改革委", "lead"), ("财政部", "participant")]),
    # 分别负责: each answers for its own part, none leads (国发〔2020〕6号); under a named
    # lead those who each do their part take part
    ("国务院各部门分别负责,年内持续推进", [("国务院各部门", "separate")]),
    ("科技部、财政部分别负责", [("科技部", "separate"), ("财政部", "separate")]),
    ("科技部、财政部按职责分工分别负责", [("科技部", "separate"), ("财政部", "separate")]),
    ("发展改革委牵头,财政部、商务部分别负责",
     [("发展改革委", "lead"), ("财政部", "participant"), ("商务部", "participant")]),
    # guides and those responsible
    ("市住房城乡建设管理委指导,各区政府负责", [("市住房城乡建设管理委", "guide"), ("各区政府", "lead")]),
    # bodies that only guide: the first of them leads, as the first-listed of A、B负责 does
    # (国办发〔2018〕128号: the pilot cities do the work, named once in a standing note)
    ("市住房城乡建设管理委指导", [("市住房城乡建设管理委", "lead")]),
    ("自然资源部、工业和信息化部指导", [("自然资源部", "lead"), ("工业和信息化部", "guide")]),
    ("商务部指导,供销合作总社参与", [("商务部", "lead"), ("供销合作总社", "participant")]),
    ("市发展改革委指导,市财政局配合", [("市发展改革委", "lead"), ("市财政局", "cooperate")]),
    # …but not where a body is named to lead or to do the work
    ("科技部牵头,财政部指导", [("科技部", "lead"), ("财政部", "guide")]),
    ("科技部、财政部分别负责,商务部指导",
     [("科技部", "separate"), ("财政部", "separate"), ("商务部", "guide")]),
    # labels
    ("牵头单位:市交通委;配合单位:市公安局、市应急局",
     [("市交通委", "lead"), ("市公安局", "cooperate"), ("市应急局", "cooperate")]),
    ("牵头单位:各区政府、市应急局、市公安局",
     [("各区政府", "lead"), ("市应急局", "lead"), ("市公安局", "lead")]),
    ("牵头单位:市交通委,配合单位:市公安局,各区", [("市交通委", "lead"), ("市公安局", "cooperate"), ("各区", "cooperate")]),
    ("责任单位:区发展改革委(牵头)、区财政局", [("区发展改革委", "lead"), ("区财政局", "participant")]),
    # under a label the manner (按职责分工) or 负责 says how, the label who: a joint lead
    # closing with 等按职责分工 (赣市府办发〔2018〕 五个中心), bodies that cooperate
    ("牵头单位:章贡区、南康区、定南县人民政府等按职责分工;责任单位:市金融工作局",
     [("章贡区", "lead"), ("南康区", "lead"), ("定南县人民政府", "lead"),
      ("市金融工作局", "participant")]),
    ("牵头单位:市发改委、市金融工作局按职责分工负责", [("市发改委", "lead"), ("市金融工作局", "lead")]),
    ("牵头单位:市交通委;配合单位:市公安局、市应急局按职责分工负责",
     [("市交通委", "lead"), ("市公安局", "cooperate"), ("市应急局", "cooperate")]),
    # a role word of its own still names the role under a label
    ("责任单位:市交通委牵头,市公安局配合", [("市交通委", "lead"), ("市公安局", "cooperate")]),
    # the lead note in brackets inside the list (浙政办 2021, 普陀区 2021): a note, not a name
    ("责任单位:省发展改革委、省经信厅、省商务厅(列第一位者为牵头或汇总单位,下同)",
     [("省发展改革委", "lead"), ("省经信厅", "participant"), ("省商务厅", "participant")]),
    ("责任单位:区防控办、各镇、街道(责任单位列第一位的为牵头单位,下同)",
     [("区防控办", "lead"), ("各镇", "participant"), ("街道", "participant")]),
    # a second name in brackets is no note: the body, named once
    ("责任单位:省市场监管局(省知识产权局)、省商务厅",
     [("省市场监管局", "lead"), ("省商务厅", "participant")]),
    ("主要负责单位:市教委;参与单位:市财政局", [("市教委", "lead"), ("市财政局", "participant")]),
    ("负责部门:发展改革委、财政部,适用范围:所有试点地区", [("发展改革委", "lead"), ("财政部", "participant")]),
    # a label no list names, ending as labels of parties do: the role word inside it says the
    # role (包头市 2022 数字政府考评: 牵头考核单位：); none inside: those responsible
    ("5月底完成,牵头考核单位:市审批服务局", [("市审批服务局", "lead")]),
    ("牵头考核单位:市政府办公室、市公安局", [("市政府办公室", "lead"), ("市公安局", "lead")]),
    ("牵头单位:市交通委;配合落实部门:市公安局", [("市交通委", "lead"), ("市公安局", "cooperate")]),
    ("责任处室:办公室、法规处", [("办公室", "lead"), ("法规处", "participant")]),
    # collectives: parties, never agencies
    ("国务院各部门按职责分工负责", [("国务院各部门", "lead")]),
    ("全国打击侵权假冒工作领导小组各成员单位按职责分工负责",
     [("全国打击侵权假冒工作领导小组各成员单位", "lead")]),
    ("市发改委,市级其他有关部门,各区县(市)政府",
     [("市发改委", "lead"), ("市级其他有关部门", "participant"), ("各区县(市)政府", "participant")]),
    ("科技部牵头,其他有关部门参与", [("科技部", "lead"), ("其他有关部门", "participant")]),
    ("各地区、各部门负责", [("各地区", "lead"), ("各部门", "participant")]),
    ("国家发展改革委与四川省人民政府负责",
     [("国家发展改革委", "lead"), ("四川省人民政府", "participant")]),
    # a role word closes a list before 、: two lists, two roles (沪安委会〔2023〕)
    ("市交通委牵头负责、各区政府组织落实", [("市交通委", "lead"), ("各区政府", "participant")]),
    ("市应急局、市公安局、各区政府组织落实",
     [("市应急局", "lead"), ("市公安局", "participant"), ("各区政府", "participant")]),
    ("实施部门:市港航中心、各区交通主管部门", [("市港航中心", "lead"), ("各区交通主管部门", "participant")]),
    # a list ending with a government names places for their governments
    ("牵头单位:市绿化市容局,浦东新区、徐汇区政府。配合单位:市财政局",
     [("市绿化市容局", "lead"), ("浦东新区", "lead"), ("徐汇区政府", "lead"), ("市财政局", "cooperate")]),
    # 和 inside a name is no separator
    ("文化和旅游部、住房和城乡建设部负责", [("文化和旅游部", "lead"), ("住房和城乡建设部", "participant")]),
    # places before a body written once for all: five district bureaus (穗府〔2018〕8号)
    ("广州检验检疫局牵头;番禺、花都、南沙检验检疫局,广州海关配合",
     [("广州检验检疫局", "lead"), ("番禺", "cooperate"), ("花都", "cooperate"),
      ("南沙检验检疫局", "cooperate"), ("广州海关", "cooperate")]),
    # each body of a kind, and two zones' administrations joined by 及, nested brackets 〔〕
    ("市口岸办牵头;广州海关,珠三角国家自主创新示范区〔广州〕各园区管理机构配合",
     [("市口岸办", "lead"), ("广州海关", "cooperate"),
      ("珠三角国家自主创新示范区〔广州〕各园区管理机构", "cooperate")]),
    # two labelled lists apart by spaces only, as a table's cells (无锡新吴区 2019)
    ("牵头单位:发改委    配合单位:工信局、空港经开区",
     [("发改委", "lead"), ("工信局", "cooperate"), ("空港经开区", "cooperate")]),
    ("牵头单位:宣传部(文化体育和旅游局)、商务局   配合单位:工信局",
     [("宣传部", "lead"), ("商务局", "lead"), ("工信局", "cooperate")]),  # named once
    ("市公安局牵头;市教育局,示范区〔广州〕园区及中国〔广东〕自由贸易试验区南沙片区管理机构配合",
     [("市公安局", "lead"), ("市教育局", "cooperate"), ("示范区〔广州〕园区", "cooperate"),
      ("中国〔广东〕自由贸易试验区南沙片区管理机构", "cooperate")]),
]  # fmt: skip


def test_the_leading_official_is_a_note_not_a_party():
    """(牵头领导：方健国;责任处室：办公室、规财处) (杭卫计办〔2015〕22号): the official named
    leads in person; the offices are the parties, the first leading."""
    reading = _read("牵头领导:方健国;责任处室:规财处、医政处")
    assert [(n, r) for n, _, r, _ in reading.parties] == [
        ("规财处", "lead"),
        ("医政处", "participant"),
    ]
    assert reading.unplaced == () and reading.notes == ("牵头领导:方健国",)


def test_a_body_written_once_after_bodies_is_no_shared_tail():
    """Only bare places share the last name's body: after a body of its own (市财政局) or
    with a name of another length, a list keeps its names as written."""
    assert _parties("市财政局、南沙检验检疫局负责") == [
        ("市财政局", "lead"),
        ("南沙检验检疫局", "participant"),
    ]
    places = [p for p in _read("番禺、花都、南沙检验检疫局负责").parties if p[3]]
    assert [p[0] for p in places] == ["番禺", "花都"]
    # a local body with its level prefix, an unusual ending (联) notwithstanding (鲁 2024)
    assert not [p for p in _read("省残联、省知识产权局按职责分工负责").parties if p[3]]
    assert not [p for p in _read("番禺、南沙检验检疫局负责").parties if p[3]]  # one is no run


def test_lead_ins_blanks_and_repeated_places_as_written():
    """The longest lead-in word goes (并由, not 由 alone); a blank before a 、 after a role word
    still ends the list (科技部牵头 、财政部配合: two roles); names are read without the blanks
    around them, at the offsets where they start; a bare place written twice makes no list of
    places, whose body the last name would write once for all."""
    assert [(p[0], p[1], p[2]) for p in _read("并由科技部牵头,财政部配合").parties] == [
        ("科技部", 2, "lead"),
        ("财政部", 8, "cooperate"),
    ]
    assert _parties("科技部牵头 、财政部配合") == [("科技部", "lead"), ("财政部", "cooperate")]
    assert [(p[0], p[1]) for p in _read(" 科技部 、 财政部 负责").parties] == [
        ("科技部", 1),
        ("财政部", 7),
    ]
    assert not [p for p in _read("番禺、番禺、南沙检验检疫局负责").parties if p[3]]


@pytest.mark.parametrize(("inner", "parties"), CASES)
def test_the_conventions_of_the_family(inner, parties):
    assert _parties(inner) == parties
    assert _read(inner).unplaced == ()


@pytest.mark.parametrize(
    ("inner", "deadline"),
    [
        ("科技部负责,2019年底前完成", "2019年底前完成"),
        ("科技部负责,12月底前完成", "12月底前完成"),
        ("科技部牵头,2021年6月底前", "2021年6月底前"),
        ("科技部负责,长期坚持", "长期坚持"),
        ("科技部负责,持续推进", "持续推进"),
        ("科技部负责,年内持续推进", "年内持续推进"),
        ("牵头单位:科技部;完成时限:2024年12月", "2024年12月"),
        # a segment that opens with a month says when, whatever it goes on to say
        ("5月底取得明显成效并持续推进,牵头考核单位:科技部", "5月底取得明显成效并持续推进"),
        ("6月30日前上线,科技部负责", "6月30日前上线"),
        ("持续优化,科技部负责", "持续优化"),
        ("按进度推进,牵头考核单位:科技部", "按进度推进"),
        # a segment opening with how often or when, in the time limit's place (津 2020)
        ("科技部牵头,适时出台相关政策", "适时出台相关政策"),
        ("科技部牵头,逐月调度通报清欠情况", "逐月调度通报清欠情况"),
        ("科技部负责,定期通报进展", "定期通报进展"),
    ],
)
def test_time_limits_are_the_deadline_never_an_agency(inner, deadline):
    reading = _read(inner)
    assert reading.deadline == deadline
    assert [name for name, *_ in reading.parties] == ["科技部"]


@pytest.mark.parametrize(
    ("inner", "note"),
    [
        # a statement holding a date (津 2020), the kind of a measure (锡梁委发〔2020〕21号)
        ("科技部牵头,普查标准时点是2020年11月1日零时", "普查标准时点是2020年11月1日零时"),
        ("核准类,牵头责任部门:科技部", "核准类"),
        ("核准类+审计,牵头责任部门:科技部", "核准类+审计"),
        ("核  准类,牵头责任部门:科技部", "核  准类"),
        # a labelled note runs on over the commas after it until a label or a role word
        # (国发〔2018〕38号: （负责部门：…；适用范围：所有自贸试验区，以下除标注适用于特定自贸试验区
        # 的措施外，适用范围均为所有自贸试验区）)
        (
            "负责部门:科技部;适用范围:所有自贸试验区,以下除标注适用于特定自贸试验区的措施外,"
            "适用范围均为所有自贸试验区",
            "适用范围:所有自贸试验区,以下除标注适用于特定自贸试验区的措施外,适用范围均为所有自贸试验区",
        ),
    ],
)
def test_notes_of_the_task_are_no_parties(inner, note):
    reading = _read(inner)
    assert reading.notes == (note,) and reading.unplaced == ()
    assert [(name, role) for name, _, role, _ in reading.parties] == [("科技部", "lead")]


@pytest.mark.parametrize(
    ("inner", "parties"),
    [
        # look-alikes: a name with a year is a body's (an event's office), not a dated note;
        # 类 inside a collective's name is no measure's kind
        ("2022年第19届亚运会组委会办公室负责", [("2022年第19届亚运会组委会办公室", "lead")]),
        ("科技部牵头,各类市场主体参与", [("科技部", "lead"), ("各类市场主体", "participant")]),
        # time adverbs only open a segment: a body named after them stays a body
        ("科技部负责,定海区人民政府配合", [("科技部", "lead"), ("定海区人民政府", "cooperate")]),
        # after a labelled note, a segment with its own role word or label names parties again
        (
            "适用范围:所有试点地区,科技部牵头,财政部配合",
            [("科技部", "lead"), ("财政部", "cooperate")],
        ),
        ("适用范围:全市;牵头单位:科技部", [("科技部", "lead")]),
    ],
)
def test_look_alikes_of_notes_stay_parties(inner, parties):
    assert _parties(inner) == parties


@pytest.mark.parametrize(
    ("inner", "parties"),
    [
        # the collective alone is the list: it leads (津 2020, 47.)
        ("有关部门按职责分工负责,年内持续推进", [("有关部门", "lead")]),
        ("科技部牵头,有关部门参与", [("科技部", "lead"), ("有关部门", "participant")]),
        # 会同有关部门: the lead is named, the collective takes part, as before
        ("科技部会同有关部门负责", [("科技部", "lead")]),
        # 等相关责任部门 closes a list (张政办 2019); members of a committee or a mechanism
        ("责任单位:市发改委、行政审批局等相关责任部门", [("市发改委", "lead"), ("行政审批局", "participant")]),
        ("责任单位:市爱卫会成员单位、市减灾委成员单位",
         [("市爱卫会成员单位", "lead"), ("市减灾委成员单位", "participant")]),
        ("责任单位:重庆市维护国家政治安全工作协调机制成员单位",
         [("重庆市维护国家政治安全工作协调机制成员单位", "lead")]),
        # 协调 between two bodies still joins them
        ("科技部协调财政部负责", [("科技部", "lead"), ("财政部", "participant")]),
        # 各 (有关) over bare kinds of place, a bracket of kinds after one: one collective, as
        # written, that leads where it is named first (赣府厅发〔2020〕4号, 赣府发〔2020〕8号)
        ("责任单位:各市、县〔区〕政府,赣江新区管委会",
         [("各市、县〔区〕政府", "lead"), ("赣江新区管委会", "participant")]),
        ("责任单位:有关设区市、县〔区〕人民政府", [("有关设区市、县〔区〕人民政府", "lead")]),
        ("责任单位:省教育厅,各市、县(区)人民政府",
         [("省教育厅", "lead"), ("各市、县(区)人民政府", "participant")]),
        ("责任单位:省财政厅和各市、县〔区〕人民政府",
         [("省财政厅", "lead"), ("各市、县〔区〕人民政府", "participant")]),
        ("责任单位:市经信局,各县、市、区政府",
         [("市经信局", "lead"), ("各县、市、区政府", "participant")]),
        # …but a body after the collective is a body of its own, not one of the kinds, and
        # kinds without a government written after them stay more of the same collective
        ("责任单位:各区、市发展改革委", [("各区", "lead"), ("市发展改革委", "participant")]),
        ("责任单位:各镇、街道,区民政局", [("各镇", "lead"), ("街道", "participant"), ("区民政局", "participant")]),
    ],
)  # fmt: skip
def test_collectives_closing_or_making_a_list(inner, parties):
    assert _parties(inner) == parties
    assert _read(inner).unplaced == ()


def test_members_of_a_committee_are_a_collective():
    reading = _read("责任单位:市爱卫会成员单位、平安重庆建设领导小组社会治安组成员单位")
    assert all(collective for *_, collective in reading.parties)
    assert not _read("科技部会同联席会议成员单位负责").parties[1][3]  # a registry entry


def test_notes_and_vague_endings_are_not_agencies():
    reading = _read("负责部门:发展改革委,适用范围:所有试点地区")
    assert reading.notes == ("适用范围:所有试点地区",)
    reading = _read("科技部等有关部门和单位按职责分工负责")
    assert [name for name, *_ in reading.parties] == ["科技部"]
    assert reading.vague == "等有关部门和单位"


@pytest.fixture(scope="module")
def shipped_words() -> dict[str, dict]:
    """The shipped clause data, read before hypothesis times an example: a first read of a
    data file (parsed and checked against its schema, the data cache empty) can take longer
    than hypothesis's deadline for one example on a busy machine, and the tests below judge
    the patterns, not the reading."""
    from checker.knowledge.data import builtin

    return {name: builtin(name) for name in ("clauses.yaml", "clause-grammar.yaml")}


@given(data=st.data())
def test_every_vague_ending_holds_a_vague_mark(shipped_words, data):
    """The reading looks for a vague ending only in a list holding one of ``vague_marks``:
    every text a vague ending matches (hypothesis makes them from the patterns) holds one."""
    grammar = shipped_words["clause-grammar.yaml"]
    pattern = data.draw(st.sampled_from(grammar["vague_endings"]))
    ending = data.draw(st.from_regex(pattern, fullmatch=True).filter(bool))
    assert any(mark in ending for mark in grammar["vague_marks"])


@given(data=st.data())
def test_every_time_limit_opens_as_time_limit_starts_say(shipped_words, data):
    """A segment is matched against the time limits only where it opens with a digit or one
    of ``time_limit_starts``: every segment a time limit matches (hypothesis makes them from
    the patterns; a segment is read stripped) opens so."""
    grammar = shipped_words["clause-grammar.yaml"]
    pattern = data.draw(st.sampled_from(grammar["time_limits"]))
    segment = data.draw(st.from_regex(pattern, fullmatch=True).map(str.strip).filter(bool))
    assert segment[0].isdecimal() or segment.startswith(tuple(grammar["time_limit_starts"]))


@pytest.mark.parametrize(
    ("file", "patterns", "marks"),
    [
        ("clauses.yaml", "subject_patterns", "subject_marks"),
        ("clauses.yaml", "lead_note_patterns", "lead_note_marks"),
        ("clause-grammar.yaml", "collective_patterns", "collective_marks"),
        ("clause-grammar.yaml", "note_patterns", "note_pattern_marks"),
    ],
)
@given(data=st.data())
def test_every_subject_holds_a_mark_of_its_patterns(shipped_words, file, patterns, marks, data):
    """``is_subject`` searches a name for the subject (or collective) patterns only where it
    holds one of their marks, and a segment is matched against the note patterns only where
    it holds one of theirs: every text a pattern matches (hypothesis makes them from the
    patterns) holds one."""
    words = shipped_words[file]
    pattern = data.draw(st.sampled_from(words[patterns]))
    name = data.draw(st.from_regex(pattern, fullmatch=True))
    assert any(mark in name for mark in words[marks])


@pytest.mark.parametrize(
    "name", ["各省级人民政府", "国务院各部门", "有关部门和单位", "市爱卫会成员单位", "区属国企"]
)
def test_subjects_found_by_their_patterns(name):
    assert clause.is_subject.__wrapped__(name)
    assert not clause.is_subject.__wrapped__("国家知识产权局")


@pytest.mark.parametrize(
    ("inner", "unplaced"),
    [
        ("科技部负责,联系电话:12345", ("联系电话:12345",)),
        ("科技部、2024年第三季度负责", ("2024年第三季度",)),
        # a colon phrase that is no label of parties stays unplaced, not a role
        ("科技部负责,考核方式:现场检查", ("考核方式:现场检查",)),
    ],
)
def test_what_the_grammar_cannot_place_is_kept_apart(inner, unplaced):
    reading = _read(inner)
    assert tuple(text for text, _ in reading.unplaced) == unplaced
    assert [name for name, *_ in reading.parties] == ["科技部"]


def test_a_clause_in_a_plan_keeps_roles_deadline_and_collectives():
    text = "一、甲\n（一）推进改革。（市发展改革委牵头，各区政府配合，2024年底前完成）\n"
    found = parse(Source.from_text(text, "p.txt")).tasks[0].clause
    assert [(p.name, p.role) for p in found.parties] == [
        ("市发展改革委", "lead"),
        ("各区政府", "cooperate"),
    ]
    assert [a.name for a in found.agencies] == ["市发展改革委"]  # the collective is no agency
    assert found.subjects == ("各区政府",)
    assert found.deadline == "2024年底前完成"
    assert [p.name for p in found.leads] == ["市发展改革委"]


def test_a_guiding_clause_is_a_clause_with_someone_answering():
    text = (
        "一、甲\n（一）推进改革。（市住房城乡建设管理委指导）\n（二）完善制度。（市财政局负责）\n"
    )
    plan = parse(Source.from_text(text, "p.txt"))
    assert [len(t.clauses) for t in plan.tasks] == [1, 1]
    codes = [f.code for f in lint_text(text, ("G008", "A001"))]
    assert codes == []


def test_a_lead_note_inside_the_list_is_the_clause_note():
    reading = _read("责任单位:省发展改革委、省经信厅、省商务厅(列第一位者为牵头或汇总单位,下同)")
    assert reading.lead_note == "列第一位者为牵头或汇总单位,下同"
    assert reading.unplaced == () and reading.notes == ()
    assert _read("科技部、财政部负责。列第一位者为牵头单位,下同").lead_note == (
        "列第一位者为牵头单位,下同"
    )


@pytest.mark.parametrize(
    "text",
    [
        # the note in brackets inside the first list (浙政办 2021), in a bracket of its own after
        # the first clause, or after the clause's stop (人社部 style): a note, never an agency,
        # never a stray tag, and the statement G009 asks a department's plan for
        "某某部关于印发2024年工作要点的通知\n一、甲\n1.推进改革。（责任单位：科技部、财政部（列第一位者为牵头单位，下同））\n"
        "2.完善制度。（科技部、商务部负责）\n",
        "某某部关于印发2024年工作要点的通知\n一、甲\n1.推进改革。（科技部、财政部负责）（列第一位者为牵头单位，下同）\n"
        "2.完善制度。（科技部、商务部负责）\n",
        "某某部关于印发2024年工作要点的通知\n一、甲\n1.推进改革。（科技部、财政部负责。列第一位者为牵头单位，下同）\n"
        "2.完善制度。（科技部、商务部负责）\n",
    ],
)
def test_a_lead_note_wherever_the_first_clause_writes_it(text):
    assert [f.code for f in lint_text(text, ("A001", "G001", "G009", "G012"))] == []
    plan = parse(Source.from_text(text, "p.txt"))
    assert [[p.name for p in t.clauses[0].leads] for t in plan.tasks] == [["科技部"], ["科技部"]]


def test_a_guided_measure_leads_with_its_first_clause():
    """A measure of several paragraphs whose first clause guides leads with that clause's
    first body, not with a later clause's 负责 body (国办发〔2018〕128号 二、（二）)."""
    text = (
        "一、主要任务\n（一）推进绿色开采。（自然资源部、工业和信息化部指导）\n"
        "健全标准体系。（市场监管总局、工业和信息化部负责）\n"
        "（二）推行绿色生产。（农业农村部指导）\n"
    )
    plan = parse(Source.from_text(text, "p.txt"))
    leads = [[p.name for c in t.clauses for p in c.leads][:1] for t in plan.tasks]
    assert leads == [["自然资源部"], ["农业农村部"]]
    assert [f.code for f in lint_text(text, ("G008", "A001", "G012"))] == []


def test_clauses_closing_parts_of_one_sentence_are_each_read():
    """A clause before ; closes its part of the item (浙政办 2021 民生实事): every part's
    clause is read, the first too; a bracket in prose before ; is no clause."""
    text = (
        "一、民生实事\n1.让群众吃得更放心。建成阳光工厂1000家（责任单位：省市场监管局）；"
        "建设民生药事服务站300家（责任单位：省药监局）。\n"
        "2.让出行更方便。新建公路（含农村公路）2000公里；建设站点500个（责任单位：省交通运输厅）。\n"
    )
    plan = parse(Source.from_text(text, "p.txt"))
    assert [[c.inner for c in t.clauses] for t in plan.tasks] == [
        ["责任单位：省市场监管局", "责任单位：省药监局"],
        ["责任单位：省交通运输厅"],
    ]


def test_a_wrong_role_in_the_grammar_stops_the_run():
    with pytest.raises(ConfigError, match="unknown role 'boss'"):
        clause._check_role("boss", "roles")


# -- properties: clauses assembled from the grammar's own pieces ---------------------------

_NAMES = ["科技部", "财政部", "文化和旅游部", "各区政府", "国务院各部门", "市交通委", "国务院"]
_WORDS = ["、", ",", ";", "和", "与", "等", "等部门", "会同", "由", "(牵头)", ":", "2024年底前完成"]
_ROLES = [
    "负责",
    "牵头",
    "配合",
    "参与",
    "指导",
    "按职责分工负责",
    "分别负责",
    "牵头单位:",
    "配合单位:",
]


@given(st.lists(st.sampled_from(_NAMES + _WORDS + _ROLES), max_size=12))
def test_every_party_is_where_the_clause_writes_it(pieces):
    """Each party's offset points at its name in the clause; no name holds a separator, a
    colon or a role word; the reading is the same read twice."""
    inner = "".join(pieces)
    reading = _read(inner)
    for name, at, role, _ in reading.parties:
        assert inner[at : at + len(name)] == name
        assert role in {"lead", "participant", "cooperate", "guide", "separate"}
        assert not any(mark in name for mark in "、,;:")
        assert "负责" not in name and "牵头" not in name
    for text, at in reading.unplaced:
        assert inner[at : at + len(text)] == text
    again = _read(inner)
    assert all(getattr(again, part) == getattr(reading, part) for part in clause.Reading.__slots__)


@given(st.lists(st.sampled_from([*_NAMES[:3], "市交通委"]), min_size=1, max_size=5, unique=True))
def test_a_plain_list_has_one_lead_first_and_the_rest_take_part(names):
    parties = _parties("、".join(names) + "按职责分工负责")
    assert [name for name, _ in parties] == names
    assert [role for _, role in parties] == ["lead"] + ["participant"] * (len(names) - 1)


@given(st.lists(st.sampled_from([*_NAMES[:3], "市交通委"]), min_size=1, max_size=4, unique=True))
def test_all_named_before_qiantou_lead_jointly(names):
    parties = _parties("、".join(names) + "牵头,市财政局配合")
    assert parties == [(n, "lead") for n in names] + [("市财政局", "cooperate")]


def test_places_named_for_their_governments_are_no_agencies():
    found = _read("牵头单位:市绿化市容局,浦东新区、徐汇区政府")
    assert [(name, collective) for name, _, _, collective in found.parties] == [
        ("市绿化市容局", False),
        ("浦东新区", True),
        ("徐汇区政府", False),
    ]
    # without a government closing the list, a place is read as any name is
    assert [c for *_, c in _read("浦东新区、市财政局负责").parties] == [False, False]


_BARE = "一、任务\n1.甲。(区水务局(区海洋局)、相关沿海街镇)\n2.乙。(区绿化市容局、各街镇)\n"


def test_a_document_of_bare_lists_writes_its_clauses_so():
    plan = parse(Source.from_text(_BARE, "p.txt"))
    assert [[(p.name, p.role) for p in t.clause.parties] for t in plan.tasks] == [
        [("区水务局", "lead"), ("相关沿海街镇", "participant")],
        [("区绿化市容局", "lead"), ("各街镇", "participant")],
    ]
    assert not any(t.parens for t in plan.tasks)
    # one bare list among clauses with role words lacks its word: G008 says so
    one = "一、任务\n1.甲。(科技部、财政部)\n2.乙。(科技部负责)\n3.丙。(财政部负责)\n"
    assert [f.code for f in lint_text(one, "G008")] == ["G008"]


def test_items_under_a_heading_without_any_clause_are_prose():
    text = (
        "一、工作步骤\n1.动员部署。开展排查。\n2.集中整治。\n"
        "二、重点任务\n1.推进改革。(科技部负责)\n2.完善制度。(财政部负责)\n"
    )
    plan = parse(Source.from_text(text, "p.txt"))
    assert [(t.label, t.section) for t in plan.tasks] == [("1", 2), ("2", 2)]
    assert [f.code for f in lint_text(text, "G008")] == []
    # where no item has a clause at all, the document assigns no duty per item: one note
    assert [f.code for f in lint_text("1.推进改革。\n2.完善制度。\n", ("G008", "G013"))] == ["G013"]


def _plan_parties(inner: str) -> list[tuple[str, str, str]]:
    """The parties of a clause read in a plan: name, role, and the text its span covers."""
    text = f"一、甲\n（一）推进改革。（{inner}）\n"
    source = Source.from_text(text, "p.txt")
    found = parse(source).tasks[0].clause
    assert found.unplaced == ()
    return [(p.name, p.role, source.text[p.span.start : p.span.end]) for p in found.parties]


@pytest.mark.parametrize(
    ("inner", "parties"),
    [
        # blanks a PDF's justified line or an OCR left inside a word (锡梁委发〔2020〕21号,
        # 锡政发〔2020〕15号): the word is read whole, its span the text as written
        ("区发展 改革委牵头，区财政局配合",
         [("区发展改革委", "lead", "区发展 改革委"), ("区财政局", "cooperate", "区财政局")]),
        ("区财政局、区商务委按职责分工 负责",
         [("区财政局", "lead", "区财政局"), ("区商务委", "participant", "区商务委")]),
        ("牵  头责任部门：区工业和信息化局", [("区工业和信息化局", "lead", "区工业和信息化局")]),
        ("市商务局 牵头， 市财政局，各 区人民政府、无锡经济 开发区管委会按职责分工负责",
         [("市商务局", "lead", "市商务局"), ("市财政局", "participant", "市财政局"),
          ("各区人民政府", "participant", "各 区人民政府"),
          ("无锡经济开发区管委会", "participant", "无锡经济 开发区管委会")]),
        # a blank that parts two labelled lists, one space as well as many (a district plan)
        ("牵头单位：区发展改革委 配合单位：区财政局、区商务委",
         [("区发展改革委", "lead", "区发展改革委"), ("区财政局", "cooperate", "区财政局"),
          ("区商务委", "cooperate", "区商务委")]),
        ("牵头单位：各街镇 配合单位：区商务委",
         [("各街镇", "lead", "各街镇"), ("区商务委", "cooperate", "区商务委")]),
        ("责任单位：区民政局 完成时限：2024年底", [("区民政局", "lead", "区民政局")]),
        # the label itself cut by a PDF's wrapped line (锡新办发〔2020〕13号): still a clause
        ("责  任单位：发改委、工信局、商务局",
         [("发改委", "lead", "发改委"), ("工信局", "participant", "工信局"),
          ("商务局", "participant", "商务局")]),
        ("责任单  位：自然资源规划分局、空港经开区、工信  局",
         [("自然资源规划分局", "lead", "自然资源规划分局"), ("空港经开区", "participant", "空港经开区"),
          ("工信局", "participant", "工信  局")]),
    ],
)  # fmt: skip
def test_blanks_a_conversion_left_inside_a_clause(inner, parties):
    assert _plan_parties(inner) == parties


def test_a_bracket_with_blanks_and_no_clause_word_is_no_clause():
    """The look-alikes: a bracket whose words hold blanks but no role or label even closed up
    (详见附 件2, 含 2 个 试点) is no clause; a label cut by a blank is one."""
    assert not clause.looks_like_clause("详见附 件2")
    assert not clause.looks_like_clause("含 2 个 试点")
    assert clause.looks_like_clause("责  任单位:发改委")
    assert clause.ends_like_clause("责任单  位:发改委")
    assert not clause.ends_like_clause("由财政部负 责组织的项目除外")


def test_a_blank_after_a_bodys_name_is_kept():
    """The look-alikes: a blank after a whole name may part two names (a table cell joins
    its lines with one), and a word written with a blank before a colon that follows no
    labelled list is no second label."""
    assert clause.close_up("区发展改革委 区财政局负责") == ("区发展改革委 区财政局负责", None)
    assert clause.close_up("市商务局 牵头") == ("市商务局 牵头", None)
    assert clause.close_up("各街镇 配合单位:区商务委")[0] == "各街镇 配合单位:区商务委"
    assert clause.close_up("牵  头单位:区财政局")[0] == "牵头单位:区财政局"
    assert clause.close_up("科技部负责") == ("科技部负责", None)
    assert clause.close_up("Wi Fi 科技部 负责")[0] == "Wi Fi 科技部 负责"  # no Han each side


def test_one_space_before_an_unknown_colon_phrase_parts_nothing():
    """One space parts two lists only before a label the grammar knows: before an unknown
    colon phrase the whole is left unplaced (G012), never read as a body's name."""
    reading = _read("牵头单位:区民政局 考核方式:现场检查")
    assert reading.parties == ()
    assert reading.unplaced == (("区民政局 考核方式:现场检查", 5),)


def test_a_bracket_that_explains_is_no_clause():
    """（包括牵头单位自身）explains whom a sentence covers (包府办发〔2022〕 考评方式): prose,
    whatever role word it holds, and the rule it sits in is no task. Look-alikes: a clause
    opening with a label or a body, one with a place's name beginning 如 or 即."""
    assert not clause.looks_like_clause("包括牵头单位自身")
    assert not clause.holds_clause_group("各牵头考核单位对各部门(包括牵头单位自身)进行考核。")
    assert clause.looks_like_clause("牵头单位:市审批服务局")
    assert clause.looks_like_clause("如皋市人民政府负责")
    assert clause.looks_like_clause("即墨区政府牵头,区财政局配合")
    text = (
        "一、主要任务\n（一）推进改革\n1.甲。（市审批服务局负责）\n2.乙。（市财政局负责）\n"
        "二、考评方式\n（一）实行百分制。各牵头考核单位对各部门（包括牵头单位自身）承担的任务进行考核。\n"
    )
    plan = parse(Source.from_text(text, "p.txt"))
    assert [t.number_text for t in plan.tasks] == ["1", "2"]
    assert [f.code for f in lint_text(text, ("G008", "A001"))] == []
