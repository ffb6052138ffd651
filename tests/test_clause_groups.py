"""The clause-like groups of a text and a text ending in one, as the parser and the
structure rules find them (``clause.clause_like_groups``, ``clause.ends_in_clause_group``):
the brackets walked, the role words matched by the grammar's one pattern."""

import pytest

from checker.reading.clause import clause_like_groups, ends_in_clause_group, holds_clause_group


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("1.加强保护。(国家知识产权局负责)", [(7, 18)]),
        ("(A负责)(B牵头,C配合)", [(0, 5), (5, 14)]),
        ("【牵头单位:A】", [(0, 8)]),
        ("(A(县、市)负责)", [(0, 10)]),  # one level of round brackets inside
        ("(A(县(市))负责)", []),  # two levels of brackets: no group
        ("(见附件)", []),  # no role word
        ("(A(负责))", [(2, 6)]),  # the outer holds no word outside: the inner one
        ("(A负责", []),  # never closed
        ("(A【负责)", [(2, 6)]),  # a 【 cannot stand inside: the group it opens
        ("(市住房城乡建设管理委指导,各区负责)", [(0, 19)]),
        ("(指导意见)", []),  # 指导 counts only where a segment ends
        ("(A指导)", [(0, 5)]),
        ("(A指导(见附件))", []),
    ],
)
def test_clause_like_groups(text, groups):
    assert list(clause_like_groups(text)) == groups
    assert holds_clause_group(text) == bool(groups)


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("加强保护。(国家知识产权局负责)", True),
        ("加强保护。(国家知识产权局负责)。 ", True),
        ("加强保护(国家知识产权局负责);\n", True),
        ("加强保护(国家知识产权局负责)。。", False),
        ("加强保护(国家知识产权局负责)后", False),
        ("加强保护(见附件)", False),
        ("(A负责)(见附件)", False),
        ("(A(县)负责)", False),  # brackets inside: not this simple form
    ],
)
def test_ends_in_clause_group(text, ends):
    assert ends_in_clause_group(text) is ends
