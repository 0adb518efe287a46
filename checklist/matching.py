"""Matching: from a person's results, Finnish level and profile to ranked service suggestions.

Pure Python: no Flask import. Every suggestion carries structured reasons; the web layer turns
them into words in the page's language.

The order of a list, most relevant first:

1. Services the person can use where they live (in their municipality, across their employment
   area, in many places in Finland, or online) before in-person services elsewhere; those
   elsewhere are left out altogether when anything closer exists.
2. The number of the person's low statements the service answers, most first.
3. Meant for a group the person said they belong to, then services for everyone, then those
   for a group the person did not say anything about.
4. Nearness: in the person's municipality, then across their employment area, then national or
   online.
5. Price: free, then not known, then with a fee.
6. File order, as the last resort: a coordinator puts the better of two equal entries first.
   Candidates are gathered in file order and Python's sort is stable, so ties keep it.

Then the first SHOW_FIRST are made varied: at most MOST_OF_A_KIND of one kind among them, the
next best of another kind moving up, so that three job boards do not hide every other kind of
help.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .catalogue import Catalogue, Service
from .content import FINNISH_LEVEL_IDS, Text
from .scoring import AreaResult

SHOW_FIRST = 3  # the web layer shows this many, the rest behind "show more"
MOST_OF_A_KIND = 2  # of one kind among the first SHOW_FIRST, where other kinds are there to show

# Kinds suggested only to someone who answered low a statement they answer: a licence card or a
# recognition decision is help for a particular need, not for a whole area.
NEEDS_A_LOW_STATEMENT = ("licence-card", "recognition")
# A test shows a level; it teaches nothing. Below this level the courses come first.
TEST_WITH_COURSES_FROM = "B1"

# Reason kinds.
STATEMENT = "statement"  # answered a statement this service answers low: statement_id, answer
AREA = "area"  # the service is for the area, though not for a statement answered low
LOCAL = "local"  # in the person's municipality
EMPLOYMENT_AREA = "employment-area"  # across the person's employment area: place names it
ONLINE = "online"
NATIONAL = "national"
TARGET_GROUP = "target-group"  # meant for a group the person said they belong to: group
LEVEL = "level"  # fits the person's Finnish level
FREE = "free"
ELSEWHERE = "elsewhere"  # in person elsewhere, nothing closer was found: place names where

NEARNESS = {LOCAL: 0, EMPLOYMENT_AREA: 1, NATIONAL: 2, ONLINE: 2}
PRICE_ORDER = {True: 0, None: 1, False: 2}


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
    place: Text | None = None


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
    elsewhere: Reason | None  # what to say when the service is in person only, somewhere else

    @property
    def near(self) -> bool:
        return bool(self.place)

    def sort_key(self) -> tuple:
        answered = sum(r.kind == STATEMENT for r in self.matches)
        nearness = min((NEARNESS[r.kind] for r in self.place), default=len(NEARNESS))
        # Meant for a group the person said they belong to, then for everyone, then for a group
        # the person did not say anything about.
        group = 0 if self.groups else 2 if self.service.target_groups else 1
        return (
            not self.near,
            -answered,
            group,
            nearness,
            PRICE_ORDER[self.service.free],
        )

    def suggestion(self) -> Suggestion:
        place = self.place or ((self.elsewhere,) if self.elsewhere else ())
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


def _places(service: Service, catalogue: Catalogue) -> Text:
    """Return, in both languages, where a service is given in person: municipalities and areas."""
    names = {lang: list(service.municipalities) for lang in ("fi", "en")}
    for area_id in service.employment_areas:
        area = catalogue.employment_area(area_id)
        for lang in names:
            names[lang].append(area.name.in_(lang) if area is not None else area_id)
    return Text(fi=", ".join(names["fi"]), en=", ".join(names["en"]))


def _candidate(
    service: Service,
    matches: tuple[Reason, ...],
    finnish_level: str | None,
    profile: Profile,
    catalogue: Catalogue,
) -> _Candidate | None:
    """Assess one service for the person; return None when it is ruled out."""
    said = {group: profile.said(group) for group in service.target_groups}
    if said and all(answer is False for answer in said.values()):
        return None
    groups = tuple(Reason(TARGET_GROUP, group=group) for group, answer in said.items() if answer)

    level: tuple[Reason, ...] = ()
    # An unknown level on either side rules nothing out: some organisers give no range, and we
    # would rather show such a course than hide a person's only local course.
    if service.is_course and finnish_level is not None and service.levels is not None:
        if not level_fits(finnish_level, service.levels):
            return None
        level = (Reason(LEVEL),)

    place = []
    home = catalogue.municipality(profile.municipality) if profile.municipality is not None else None
    if home is not None and service.is_in(home.name):
        place.append(Reason(LOCAL))
    elif home is not None and service.serves_area(home.employment_area):
        area = catalogue.employment_area(home.employment_area)
        place.append(Reason(EMPLOYMENT_AREA, place=area.name if area else None))
    if service.is_national:
        place.append(Reason(NATIONAL))
    if service.is_online:
        place.append(Reason(ONLINE))
    # With no municipality told, an in-person service is not "elsewhere": we cannot say so.
    elsewhere = None
    if home is not None and not place:
        elsewhere = Reason(ELSEWHERE, place=_places(service, catalogue))
    return _Candidate(service, matches, groups, level, tuple(place), elsewhere)


def _rank(candidates: Iterable[_Candidate], municipality: str | None) -> list[_Candidate]:
    """Drop in-person services of other places when anything closer exists; sort the rest."""
    candidates = list(candidates)
    if municipality is not None and any(c.near for c in candidates):
        candidates = [c for c in candidates if c.near]
    return sorted(candidates, key=_Candidate.sort_key)


def varied(ranked: Sequence[_Candidate]) -> list[_Candidate]:
    """Return the ranked list with at most MOST_OF_A_KIND of one kind among the first SHOW_FIRST,
    where the list has other kinds to move up; the order is kept otherwise.

    Only what the person can use where they live moves up past it: a service elsewhere never
    comes before one near them for the sake of variety.
    """
    near = [c for c in ranked if c.near]
    if near and len(near) < len(ranked):
        return _varied(near) + [c for c in ranked if not c.near]
    return _varied(ranked)


def _varied(ranked: Sequence[_Candidate]) -> list[_Candidate]:
    first: list[_Candidate] = []
    rest: list[_Candidate] = []
    kinds: Counter[str] = Counter()
    for candidate in ranked:
        if len(first) < SHOW_FIRST and kinds[candidate.service.kind] < MOST_OF_A_KIND:
            first.append(candidate)
            kinds[candidate.service.kind] += 1
        else:
            rest.append(candidate)
    return first + rest


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
        answered = tuple(
            Reason(STATEMENT, statement_id=s.id, answer=answers.get(s.id))
            for s in result.low_statements
            if s.id in service.statements
        )
        if not answered and service.kind in NEEDS_A_LOW_STATEMENT:
            continue
        candidate = _candidate(service, answered or (Reason(AREA),), finnish_level, profile, catalogue)
        if candidate is not None:
            candidates.append(candidate)
    return [c.suggestion() for c in varied(_rank(candidates, profile.municipality))]


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


def _tests_with_courses(finnish_level: str | None) -> bool:
    """Return whether a language test ranks among the courses for this level, not after them."""
    if finnish_level is None:
        return False
    return FINNISH_LEVEL_IDS.index(finnish_level) >= FINNISH_LEVEL_IDS.index(TEST_WITH_COURSES_FROM)


def finnish_course_options(finnish_level: str | None, profile: Profile, catalogue: Catalogue) -> list[Suggestion]:
    """Return the Finnish courses that fit the person, and the language test, ranked.

    A test is not a course: below TEST_WITH_COURSES_FROM (and when the level is not known) it
    follows every course; from there on, where showing one's level is the next step, it ranks
    with them.
    """
    _check(finnish_level, profile, catalogue)
    found = []  # in file order
    for service in catalogue.services:
        if service.is_course or service.kind == "language-test":
            candidate = _candidate(service, (), finnish_level, profile, catalogue)
            if candidate is not None:
                found.append(candidate)
    # Ranked apart first so that a national test does not hide the only courses, which may be
    # in another municipality.
    courses = _rank((c for c in found if c.service.is_course), profile.municipality)
    tests = _rank((c for c in found if not c.service.is_course), profile.municipality)
    if _tests_with_courses(finnish_level):
        kept = {id(c) for c in (*courses, *tests)}
        ranked = varied(sorted((c for c in found if id(c) in kept), key=_Candidate.sort_key))
    else:
        ranked = varied(courses) + tests
    return [c.suggestion() for c in ranked]
