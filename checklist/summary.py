"""Everything shown about one round: scores, the previous round's scores, suggestions, courses.

The results page, the print view and the counsellor's session view all show this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from .catalogue import Catalogue
from .content import Checklist
from .matching import Profile, Suggestion, finnish_course_options, suggestions
from .scoring import AreaResult, Level, change, score_all

# How many suggestions the short lists (results page, print) show for each area to develop: two,
# or one when many areas need support, so that a person with many gaps still gets a short page.
PICKS_PER_AREA = 2
MANY_AREAS = 4
COURSE_PICKS = 2


@dataclass(frozen=True)
class Pick:
    """A suggestion in a short list, with every area to develop that the service helps with."""

    suggestion: Suggestion
    areas: tuple[str, ...]


@dataclass(frozen=True)
class AreaPicks:
    result: AreaResult
    picks: tuple[Pick, ...]
    more: int  # how many further suggestions the area's own page lists


@dataclass(frozen=True)
class Summary:
    results: list[AreaResult]
    previous: list[AreaResult] | None
    changes: tuple[int | None, ...] | None  # since the previous round, area by area
    suggestions: dict[str, list[Suggestion]]
    courses: list[Suggestion]
    profile: Profile
    finnish_level: str | None

    @property
    def to_develop(self) -> list[AreaResult]:
        return [r for r in self.results if r.needs_support]

    @property
    def strengths(self) -> list[AreaResult]:
        return [r for r in self.results if r.level is Level.STRENGTH]

    def weakest(self, most: int = 2) -> list[AreaResult]:
        """Return the areas with the lowest scores, the first in checklist order on a tie."""
        return sorted(self.to_develop, key=lambda r: r.score or 0)[:most]

    def picks(self) -> list[AreaPicks]:
        """Return the best suggestions for each area to develop, each service once.

        A service that fits several areas stands under the first of them and names the others.
        """
        per_area = PICKS_PER_AREA if len(self.to_develop) < MANY_AREAS else 1
        helps: dict[str, list[str]] = {}
        for area_id, found in self.suggestions.items():
            for suggestion in found:
                helps.setdefault(suggestion.service.id, []).append(area_id)
        shown: set[str] = set()
        picked = []
        for result in self.to_develop:
            fresh = [s for s in self.suggestions[result.area.id] if s.service.id not in shown]
            chosen = fresh[:per_area]
            shown.update(s.service.id for s in chosen)
            picks = tuple(Pick(s, tuple(helps[s.service.id])) for s in chosen)
            picked.append(AreaPicks(result, picks, len(self.suggestions[result.area.id]) - len(picks)))
        return picked

    def change(self, index: int) -> int | None:
        """Return how much an area's score changed since the previous round, on the statements both
        rounds rated; None without a previous round or a statement in common."""
        return None if self.changes is None else self.changes[index]


def profile_from(stored: Mapping[str, Any], catalogue: Catalogue) -> Profile:
    """Return the stored profile, ignoring what the current catalogue no longer knows."""
    known = {f.name for f in fields(Profile)}
    values = {key: value for key, value in stored.items() if key in known}
    if catalogue.municipality(values.get("municipality")) is None:
        values["municipality"] = None
    return Profile(**values)


def summarise(
    answers: Mapping[str, int],
    finnish_level: str | None,
    stored_profile: Mapping[str, Any],
    checklist: Checklist,
    catalogue: Catalogue,
    previous_answers: Mapping[str, int] | None = None,
) -> Summary:
    """Score a round and find what to suggest for it."""
    results = score_all(checklist, answers)
    profile = profile_from(stored_profile, catalogue)
    level = finnish_level if checklist.finnish_level(finnish_level) else None
    changes = None
    if previous_answers is not None:
        changes = tuple(change(area, answers, previous_answers) for area in checklist.areas)
    return Summary(
        results=results,
        previous=score_all(checklist, previous_answers) if previous_answers is not None else None,
        changes=changes,
        suggestions=suggestions(results, answers, level, profile, catalogue),
        courses=finnish_course_options(level, profile, catalogue),
        profile=profile,
        finnish_level=level,
    )


def _frozen(values: Mapping[str, Any] | None) -> tuple | None:
    return None if values is None else tuple(sorted(values.items()))


class Summaries:
    """Summaries remembered by their inputs, for one checklist and catalogue.

    A round's results, area, print and session pages summarise the same few inputs again and
    again, and matching the catalogue is the largest part of the work.
    """

    def __init__(self, checklist: Checklist, catalogue: Catalogue, size: int = 1024) -> None:
        self.checklist = checklist
        self.catalogue = catalogue
        self._remembered = lru_cache(maxsize=size)(self._summarise)

    def of(
        self,
        answers: Mapping[str, int],
        finnish_level: str | None,
        stored_profile: Mapping[str, Any],
        previous_answers: Mapping[str, int] | None = None,
    ) -> Summary:
        """Return the summary of these inputs (see summarise)."""
        return self._remembered(_frozen(answers), finnish_level, _frozen(stored_profile), _frozen(previous_answers))

    def _summarise(self, answers: tuple, finnish_level: str | None, profile: tuple, previous: tuple | None) -> Summary:
        return summarise(
            dict(answers),
            finnish_level,
            dict(profile),
            self.checklist,
            self.catalogue,
            dict(previous) if previous is not None else None,
        )
