import pytest

from checklist.content import Area, Statement, Text
from checklist.scoring import NOT_RELEVANT, Level, change, level_for, score_all, score_area

from helpers import CHECKLIST


def make_area(size: int) -> Area:
    t = Text("x", "x")
    statements = tuple(Statement(f"s{i}", "a", t, None) for i in range(size))
    return Area("a", 1, t, t, t, t, statements)


def answers(*values: int) -> dict[str, int]:
    return {f"s{i}": v for i, v in enumerate(values)}


@pytest.mark.parametrize(
    ("values", "score", "level"),
    [
        ((0, 0, 0, 0), 0, Level.GAP),  # all lowest
        ((3, 3, 3, 3), 100, Level.STRENGTH),  # all highest
        ((3, 3, 2, 2, 1, 0, 3), 67, Level.DEVELOP),  # 14 of 21 = 66.7
        ((3, 3, 3, 0), 75, Level.STRENGTH),  # 9 of 12: exactly the strength threshold
        ((3, 3, 2, 0), 67, Level.DEVELOP),  # 8 of 12
        ((3, 3, 0, 0), 50, Level.DEVELOP),  # 6 of 12: exactly the gap threshold is not a gap
        ((3, 2, 0, 0), 42, Level.GAP),  # 5 of 12 = 41.7
        ((1, 1, 1, 0, 0, 0, 0, 0), 13, Level.GAP),  # 3 of 24 = 12.5, rounded half up
        ((1, 1, 1, 1, 1, 1), 33, Level.GAP),  # 6 of 18 = 33.3
    ],
)
def test_area_score_and_level(values, score, level):
    result = score_area(make_area(len(values)), answers(*values))
    assert (result.score, result.level) == (score, level)


def test_low_statements_are_those_answered_not_yet_or_a_little():
    area = make_area(5)
    result = score_area(area, answers(3, 1, 2, 0, 3))
    assert [s.id for s in result.low_statements] == ["s1", "s3"]
    assert result.needs_support


def test_not_relevant_statements_do_not_count():
    # 3 + 1 of 6 over the two statements that apply = 66.7; s1 is low, s2 is not counted at all.
    result = score_area(make_area(3), {"s0": 3, "s1": 1, "s2": NOT_RELEVANT})
    assert (result.score, result.level) == (67, Level.DEVELOP)
    assert [s.id for s in result.low_statements] == ["s1"]


def test_an_area_where_nothing_applies_has_no_score_and_needs_no_support():
    result = score_area(make_area(2), {"s0": NOT_RELEVANT, "s1": NOT_RELEVANT})
    assert (result.score, result.level, result.low_statements) == (None, Level.NOT_SCORED, ())
    assert not result.needs_support


def test_a_statement_added_after_the_round_does_not_lower_its_score():
    # The round answered s0–s2 on an older checklist; s3 came later.
    result = score_area(make_area(4), {"s0": 3, "s1": 3, "s2": 0, "retired": 0})
    assert result.score == 67  # 6 of 9
    assert [s.id for s in result.low_statements] == ["s2"]


def test_change_compares_only_the_statements_both_rounds_rated():
    area = make_area(4)
    earlier = {"s0": 0, "s1": 3, "s2": NOT_RELEVANT, "gone": 0}  # s3 did not exist yet
    now = {"s0": 3, "s1": 3, "s2": 3, "s3": 0}
    # Shared: s0 and s1. Before 3 of 6 = 50, now 6 of 6 = 100.
    assert change(area, now, earlier) == 50
    assert change(area, now, {"gone": 3}) is None


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, Level.GAP),
        (49, Level.GAP),
        (50, Level.DEVELOP),  # a half is no longer a gap
        (74, Level.DEVELOP),
        (75, Level.STRENGTH),  # three quarters is a strength
        (100, Level.STRENGTH),
    ],
)
def test_levels_change_at_a_half_and_at_three_quarters(score, level):
    assert level_for(score) is level


def test_score_all_scores_every_area_of_the_checklist_in_order():
    all_yes = {s.id: 3 for s in CHECKLIST.statements()}
    all_yes.update({s.id: 0 for s in CHECKLIST.area("tools").statements})
    results = score_all(CHECKLIST, all_yes)
    assert [r.area.id for r in results] == [a.id for a in CHECKLIST.areas]
    assert [r.score for r in results] == [100, 0, 100, 100, 100, 100]
    assert not results[0].needs_support
