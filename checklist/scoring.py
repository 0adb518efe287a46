"""Scoring: from statement answers to an area score (0–100) and a level.

Pure Python: no Flask import. The thresholds live here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .content import Area, Checklist, Statement

# The four-step answer scale, stored as these integers: Not yet, A little, Mostly, Yes.
ANSWERS = (0, 1, 2, 3)
HIGHEST_ANSWER = ANSWERS[-1]
# "Not yet" and "A little" count as low: those statements are named under a gap.
LOW_ANSWERS = frozenset({0, 1})

# An area scoring at least STRENGTH_FROM is a strength; below GAP_BELOW it is a gap;
# in between it is something to develop.
STRENGTH_FROM = 75
GAP_BELOW = 50


class Level(StrEnum):
    STRENGTH = "strength"
    DEVELOP = "develop"
    GAP = "gap"


@dataclass(frozen=True)
class AreaResult:
    area: Area
    score: int
    level: Level
    low_statements: tuple[Statement, ...]

    @property
    def needs_support(self) -> bool:
        """Return whether the area is not yet a strength (a gap or something to develop)."""
        return self.level is not Level.STRENGTH


def level_for(score: int) -> Level:
    """Return the level of an area score."""
    if score >= STRENGTH_FROM:
        return Level.STRENGTH
    if score < GAP_BELOW:
        return Level.GAP
    return Level.DEVELOP


def score_area(area: Area, answers: Mapping[str, int]) -> AreaResult:
    """Score one area: the share of the highest possible total, rounded half up to a whole number.

    An unanswered statement counts as the lowest answer, so a score never overstates.
    """
    values = [answers.get(s.id, 0) for s in area.statements]
    total, most = sum(values), HIGHEST_ANSWER * len(values)
    score = (200 * total + most) // (2 * most)  # round half up, in integers
    low = tuple(s for s, v in zip(area.statements, values, strict=True) if v in LOW_ANSWERS)
    return AreaResult(area=area, score=score, level=level_for(score), low_statements=low)


def score_all(checklist: Checklist, answers: Mapping[str, int]) -> list[AreaResult]:
    """Score every area, in checklist order."""
    return [score_area(area, answers) for area in checklist.areas]


def scores(results: Sequence[AreaResult]) -> tuple[int, ...]:
    """Return just the scores, in area order."""
    return tuple(r.score for r in results)
