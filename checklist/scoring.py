"""Scoring: from statement answers to an area score (0–100) and a level.

Pure Python: no Flask import. The thresholds live here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .content import Area, Checklist, Statement

# The four-step answer scale, stored as these integers: Not true, A little true, Mostly true,
# Completely true.
ANSWERS = (0, 1, 2, 3)
HIGHEST_ANSWER = ANSWERS[-1]
# "Not true" and "A little true" count as low: those statements are named under a gap.
LOW_ANSWERS = frozenset({0, 1})
# "Not relevant to me", offered where a statement may not apply; it does not count in a score.
NOT_RELEVANT = -1

# An area scoring at least STRENGTH_FROM is a strength; below GAP_BELOW it is a gap;
# in between it is something to develop.
STRENGTH_FROM = 75
GAP_BELOW = 50


class Level(StrEnum):
    STRENGTH = "strength"
    DEVELOP = "develop"
    GAP = "gap"
    NOT_SCORED = "not-scored"  # no statement of the area applies to the person


@dataclass(frozen=True)
class AreaResult:
    area: Area
    score: int | None  # None when no statement of the area applies
    level: Level
    low_statements: tuple[Statement, ...]

    @property
    def needs_support(self) -> bool:
        """Return whether the area is a gap or something to develop."""
        return self.level in (Level.GAP, Level.DEVELOP)


def level_for(score: int) -> Level:
    """Return the level of an area score."""
    if score >= STRENGTH_FROM:
        return Level.STRENGTH
    if score < GAP_BELOW:
        return Level.GAP
    return Level.DEVELOP


def rated(answer: int | None) -> bool:
    """Return whether an answer counts in a score: given, and not "Not relevant to me"."""
    return answer in ANSWERS


def score_area(area: Area, answers: Mapping[str, int]) -> AreaResult:
    """Score one area: the share of the highest possible total, rounded half up to a whole number.

    Only the statements that apply count. A round can lack an answer to a statement only when the
    checklist gained it after the round was answered; such a statement does not count either, so
    an old round keeps the scores it was given. An area where nothing counts has no score.
    """
    counted = [(s, answers[s.id]) for s in area.statements if rated(answers.get(s.id))]
    low = tuple(s for s, value in counted if value in LOW_ANSWERS)
    if not counted:
        return AreaResult(area=area, score=None, level=Level.NOT_SCORED, low_statements=low)
    total, most = sum(value for _, value in counted), HIGHEST_ANSWER * len(counted)
    score = (200 * total + most) // (2 * most)  # round half up, in integers
    return AreaResult(area=area, score=score, level=level_for(score), low_statements=low)


def change(area: Area, answers: Mapping[str, int], earlier: Mapping[str, int]) -> int | None:
    """Return how much an area's score changed since an earlier round, on the statements both
    rounds rated; None when they share none (the checklist changed, or nothing applies)."""
    shared = [s.id for s in area.statements if rated(answers.get(s.id)) and rated(earlier.get(s.id))]
    if not shared:
        return None
    now = score_area(area, {key: answers[key] for key in shared}).score
    before = score_area(area, {key: earlier[key] for key in shared}).score
    return now - before


def score_all(checklist: Checklist, answers: Mapping[str, int]) -> list[AreaResult]:
    """Score every area, in checklist order."""
    return [score_area(area, answers) for area in checklist.areas]


def scores(results: Sequence[AreaResult]) -> tuple[int | None, ...]:
    """Return just the scores, in area order (None for an area without a score)."""
    return tuple(r.score for r in results)
