"""Everything shown about one round: scores, the previous round's scores, suggestions, courses.

The results page, the print view and the counsellor's session view all show this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .catalogue import Catalogue
from .content import Checklist
from .matching import Profile, Suggestion, finnish_course_options, suggestions
from .scoring import AreaResult, score_all


@dataclass(frozen=True)
class Summary:
    results: list[AreaResult]
    previous: list[AreaResult] | None
    suggestions: dict[str, list[Suggestion]]
    courses: list[Suggestion]
    profile: Profile
    finnish_level: str | None

    def change(self, index: int) -> int | None:
        """Return how much an area's score changed since the previous round."""
        if self.previous is None:
            return None
        return self.results[index].score - self.previous[index].score


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
    return Summary(
        results=results,
        previous=score_all(checklist, previous_answers) if previous_answers is not None else None,
        suggestions=suggestions(results, answers, level, profile, catalogue),
        courses=finnish_course_options(level, profile, catalogue),
        profile=profile,
        finnish_level=level,
    )
