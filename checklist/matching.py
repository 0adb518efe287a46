"""Matching: from a person's results, Finnish level and profile to ranked service suggestions.

Pure Python: no Flask import. Every suggestion carries structured reasons; the web layer turns
them into words in the page's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .catalogue import Catalogue, Service
from .content import FINNISH_LEVEL_IDS
from .scoring import AreaResult

SHOW_FIRST = 3  # the web layer shows this many, the rest behind "show more"

# Reason kinds.
STATEMENT = "statement"  # answered a statement this service answers low: statement_id, answer
AREA = "area"  # the service is for the area, though not for a statement answered low
LOCAL = "local"  # in the person's municipality
ONLINE = "online"
NATIONAL = "national"
TARGET_GROUP = "target-group"  # meant for a group the person said they belong to: group
LEVEL = "level"  # fits the person's Finnish level
FREE = "free"
ELSEWHERE = "elsewhere"  # in person in another municipality: nothing closer was found


@dataclass(frozen=True)
class Profile:
    """What the person told about themselves; None means not told."""

    municipality: str | None = None
    home_parent: bool | None = None
    higher_education: bool | None = None
    entrepreneur: bool | None = None
    under_30: bool | None = None

    def said(self, group: str) -> bool | None:
        """Return what the person said about belonging to a target group ("home-parent", ...)."""
        return getattr(self, group.replace("-", "_"))


@dataclass(frozen=True)
class Reason:
    kind: str
    statement_id: str | None = None
    answer: int | None = None
    group: str | None = None


@dataclass(frozen=True)
class Suggestion:
    service: Service
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class _Candidate:
    service: Service
    matches: tuple[Reason, ...]  # statement reasons, or one area reason; empty for course options
    groups: tuple[Reason, ...]
    level: tuple[Reason, ...]
    place: tuple[Reason, ...]  # empty when the service is in person only, somewhere else

    @property
    def near(self) -> bool:
        return bool(self.place)

    def sort_key(self) -> tuple:
        specific = any(r.kind == STATEMENT for r in self.matches)
        return (not self.near, not specific, not self.groups, not self.service.free, self.service.id)

    def suggestion(self, far_reason: tuple[Reason, ...]) -> Suggestion:
        place = self.place or far_reason
        free = (Reason(FREE),) if self.service.free else ()
        return Suggestion(self.service, (*self.matches, *self.groups, *self.level, *place, *free))


def level_fits(level: str, levels: tuple[str, str]) -> bool:
    """Return whether a Finnish level is within a course's range, or its next step up is."""
    index = FINNISH_LEVEL_IDS.index(level)
    lowest, highest = (FINNISH_LEVEL_IDS.index(lv) for lv in levels)
    return lowest - 1 <= index <= highest


def _check(finnish_level: str | None, profile: Profile, catalogue: Catalogue) -> None:
    if finnish_level is not None and finnish_level not in FINNISH_LEVEL_IDS:
        raise ValueError(f"unknown Finnish level {finnish_level!r}")
    if profile.municipality is not None and catalogue.municipality(profile.municipality) is None:
        raise ValueError(f"unknown municipality {profile.municipality!r}")


def _candidate(
    service: Service, matches: tuple[Reason, ...], finnish_level: str | None, profile: Profile
) -> _Candidate | None:
    """Assess one service for the person; return None when it is ruled out."""
    said = {group: profile.said(group) for group in service.target_groups}
    if said and all(answer is False for answer in said.values()):
        return None
    groups = tuple(Reason(TARGET_GROUP, group=group) for group, answer in said.items() if answer)

    level: tuple[Reason, ...] = ()
    # An unknown level on either side rules nothing out: the research gives no range for some
    # courses, and we would rather show them than hide a person's only local course.
    if service.is_course and finnish_level is not None and service.levels is not None:
        if not level_fits(finnish_level, service.levels):
            return None
        level = (Reason(LEVEL),)

    place = []
    if profile.municipality is not None and service.is_in(profile.municipality):
        place.append(Reason(LOCAL))
    if service.is_national:
        place.append(Reason(NATIONAL))
    if service.is_online:
        place.append(Reason(ONLINE))
    return _Candidate(service, matches, groups, level, tuple(place))


def _rank(candidates: Iterable[_Candidate], municipality: str | None) -> list[_Candidate]:
    """Drop in-person services of other municipalities when anything closer exists; sort the rest."""
    candidates = list(candidates)
    if municipality is not None and any(c.near for c in candidates):
        candidates = [c for c in candidates if c.near]
    return sorted(candidates, key=_Candidate.sort_key)


def _suggestions(ranked: Iterable[_Candidate], municipality: str | None) -> list[Suggestion]:
    # With no municipality told, an in-person service is not "elsewhere": we cannot say so.
    far_reason = (Reason(ELSEWHERE),) if municipality is not None else ()
    return [c.suggestion(far_reason) for c in ranked]


def suggestions_for_area(
    result: AreaResult,
    answers: Mapping[str, int],
    finnish_level: str | None,
    profile: Profile,
    catalogue: Catalogue,
) -> list[Suggestion]:
    """Return the full ranked list of services for one area's result."""
    _check(finnish_level, profile, catalogue)
    candidates = []
    for service in catalogue.for_area(result.area.id):
        matches = tuple(
            Reason(STATEMENT, statement_id=s.id, answer=answers.get(s.id))
            for s in result.low_statements
            if s.id in service.statements
        ) or (Reason(AREA),)
        candidate = _candidate(service, matches, finnish_level, profile)
        if candidate is not None:
            candidates.append(candidate)
    return _suggestions(_rank(candidates, profile.municipality), profile.municipality)


def suggestions(
    results: Sequence[AreaResult],
    answers: Mapping[str, int],
    finnish_level: str | None,
    profile: Profile,
    catalogue: Catalogue,
) -> dict[str, list[Suggestion]]:
    """Return ranked suggestions for every area that needs support, keyed by area id."""
    return {
        result.area.id: suggestions_for_area(result, answers, finnish_level, profile, catalogue)
        for result in results
        if result.needs_support
    }


def finnish_course_options(finnish_level: str | None, profile: Profile, catalogue: Catalogue) -> list[Suggestion]:
    """Return the Finnish courses that fit the person, and the language test, ranked."""
    _check(finnish_level, profile, catalogue)
    courses, tests = [], []
    for service in catalogue.services:
        if service.is_course or service.kind == "language-test":
            candidate = _candidate(service, (), finnish_level, profile)
            if candidate is not None:
                (courses if service.is_course else tests).append(candidate)
    # Ranked apart first so that a national test does not hide the only courses, which may be
    # in another municipality; then merged into one order.
    ranked = sorted(
        [*_rank(courses, profile.municipality), *_rank(tests, profile.municipality)], key=_Candidate.sort_key
    )
    return _suggestions(ranked, profile.municipality)
