import dataclasses
import datetime
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.catalogue import (
    TARGET_GROUPS,
    Catalogue,
    EmploymentArea,
    Municipality,
    Service,
)
from checklist.content import FINNISH_LEVEL_IDS, Area, Checklist, Statement, Text
from checklist.matching import (
    Profile,
    Reason,
    Suggestion,
    finnish_course_options,
    level_fits,
    suggestions,
    suggestions_for_area,
)
from checklist.scoring import ANSWERS, score_all, score_area

from helpers import CATALOGUE as SHIPPED
from helpers import CHECKLIST as REAL_CHECKLIST

# ── A small hand-written world ─────────────────────────────────────────────────────────────

T = Text("x", "x")
CHECKLIST = Checklist(
    areas=(
        Area("channels", 1, T, T, T, T, tuple(
            Statement(s, "channels", T, None) for s in ("job-boards", "hidden-jobs", "open-application")
        )),
        Area("language", 2, T, T, T, T, tuple(
            Statement(s, "language", T, None) for s in ("own-level", "study-more")
        )),
    ),
    finnish_levels=(),
)  # fmt: skip
CHANNELS, LANGUAGE = CHECKLIST.areas
ALL_LOW = {"job-boards": 0, "hidden-jobs": 1, "open-application": 0, "own-level": 0, "study-more": 1}
NOBODY = Profile()


def service(service_id: str, **changes) -> Service:
    """Return an online, free, general service for the channels area, with changes."""
    fields = dict(
        id=service_id, name=T, description=T, organiser=T, kind="guidance", areas=("channels",),
        statements=(), where=("online",), levels=None, target_groups=(), languages=("fi",), free=True,
        url=f"https://example.fi/{service_id}", contact=T, checked=datetime.date(2026, 11, 23),
    )  # fmt: skip
    fields.update(changes)
    return Service(**fields)


def catalogue(*services: Service) -> Catalogue:
    return Catalogue(
        municipalities=(Municipality("Jyväskylä", "jm"), Municipality("Äänekoski", "n")),
        employment_areas=(EmploymentArea("jm", T), EmploymentArea("n", T)),
        services=services,
    )


def ranked(services, answers=ALL_LOW, level=None, profile=NOBODY, area=CHANNELS) -> list[str]:
    """Return the ids of the suggestions for an area, best first."""
    return [s.service.id for s in suggestions_for_area(score_area(area, answers), answers, level, profile, services)]


def reasons(services, service_id, answers=ALL_LOW, level=None, profile=NOBODY, area=CHANNELS):
    found = suggestions_for_area(score_area(area, answers), answers, level, profile, services)
    return next(s.reasons for s in found if s.service.id == service_id)


# ── Hand-worked rules ──────────────────────────────────────────────────────────────────────


def test_a_specific_match_outranks_an_area_match():
    world = catalogue(service("a-general"), service("b-specific", statements=("hidden-jobs",)))
    assert ranked(world) == ["b-specific", "a-general"]
    assert reasons(world, "b-specific") == (
        Reason("statement", "hidden-jobs", 1),
        Reason("online"),
        Reason("free"),
    )
    assert reasons(world, "a-general") == (Reason("area"), Reason("online"), Reason("free"))


def test_a_statement_answered_well_is_no_specific_match():
    world = catalogue(service("a-general"), service("b-specific", statements=("hidden-jobs",)))
    answers = {**ALL_LOW, "hidden-jobs": 2}
    assert ranked(world, answers) == ["a-general", "b-specific"]
    assert reasons(world, "b-specific", answers)[0] == Reason("area")


def test_every_low_statement_is_named_in_area_order_with_its_answer():
    world = catalogue(service("s", statements=("open-application", "job-boards", "hidden-jobs")))
    answers = {"hidden-jobs": 1, "open-application": 0}  # job-boards not answered: counts as low
    assert reasons(world, "s", answers)[:3] == (
        Reason("statement", "job-boards", None),
        Reason("statement", "hidden-jobs", 1),
        Reason("statement", "open-application", 0),
    )


def test_a_service_for_another_area_is_no_candidate():
    world = catalogue(service("lang", areas=("language",)), service("chan"))
    assert ranked(world) == ["chan"]
    assert ranked(world, area=LANGUAGE) == ["lang"]


def test_local_national_and_online_rank_together_before_a_specific_service_elsewhere():
    world = catalogue(
        service("a-elsewhere", where=("Jyväskylä",), statements=("hidden-jobs",)),
        service("b-online"),
        service("c-local", where=("Äänekoski",)),
        service("d-national", where=("national",)),
    )
    in_aanekoski = Profile(municipality="Äänekoski")
    # Something closer exists, so the in-person service of another municipality is left out.
    assert ranked(world, profile=in_aanekoski) == ["b-online", "c-local", "d-national"]
    assert reasons(world, "c-local", profile=in_aanekoski) == (
        Reason("area"),
        Reason("local"),
        Reason("free"),
    )
    assert reasons(world, "d-national", profile=in_aanekoski)[1] == Reason("national")
    # In Jyväskylä the same service is local, and its specific match puts it first.
    assert ranked(world, profile=Profile(municipality="Jyväskylä")) == [
        "a-elsewhere", "b-online", "d-national",
    ]  # fmt: skip


def test_a_service_elsewhere_is_shown_only_when_nothing_closer_exists():
    world = catalogue(
        service("far-b", where=("Jyväskylä",)),
        service("far-a", where=("Jyväskylä",), free=False),
        service("other-area", areas=("language",)),
    )
    in_aanekoski = Profile(municipality="Äänekoski")
    assert ranked(world, profile=in_aanekoski) == ["far-b", "far-a"]
    assert reasons(world, "far-b", profile=in_aanekoski) == (
        Reason("area"),
        Reason("elsewhere"),
        Reason("free"),
    )


def test_with_no_municipality_in_person_services_follow_online_ones_without_a_place_reason():
    world = catalogue(
        service("a-in-person", where=("Jyväskylä",), statements=("hidden-jobs",)),
        service("b-online"),
        service("c-national", where=("national",), free=False),
    )
    assert ranked(world) == ["b-online", "c-national", "a-in-person"]
    assert reasons(world, "a-in-person") == (Reason("statement", "hidden-jobs", 1), Reason("free"))


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (None, ["a-general", "b-for-parents"]),  # unknown: stays, ranked as a general one (by id)
        (True, ["b-for-parents", "a-general"]),  # yes: ranks as a target-group match
        (False, ["a-general"]),  # no: left out
    ],
)
def test_target_groups(said, expected):
    world = catalogue(service("a-general"), service("b-for-parents", target_groups=("home-parent",)))
    assert ranked(world, profile=Profile(home_parent=said)) == expected


def test_a_service_for_several_groups_is_left_out_only_when_the_person_said_no_to_all():
    world = catalogue(service("g", target_groups=("under-30", "entrepreneur")))
    assert ranked(world, profile=Profile(under_30=False, entrepreneur=False)) == []
    assert ranked(world, profile=Profile(under_30=False)) == ["g"]
    assert reasons(world, "g", profile=Profile(under_30=False, entrepreneur=True)) == (
        Reason("area"), Reason("target-group", group="entrepreneur"), Reason("online"), Reason("free"),
    )  # fmt: skip


def test_the_ranking_key_is_place_then_specific_then_target_group_then_free_then_id():
    world = catalogue(
        service("h-elsewhere", where=("Jyväskylä",), statements=("hidden-jobs",)),
        service("g-general-paid", free=False),
        service("f-general-free"),
        service("e-group-paid", target_groups=("under-30",), free=False),
        service("d-group-free", target_groups=("under-30",)),
        service("c-specific-paid", statements=("job-boards",), free=False),
        service("b-specific-free-2", statements=("job-boards",)),
        service("a-specific-free-1", statements=("open-application",)),
    )
    assert ranked(world, profile=Profile(under_30=True)) == [
        "a-specific-free-1", "b-specific-free-2", "c-specific-paid", "d-group-free", "e-group-paid",
        "f-general-free", "g-general-paid", "h-elsewhere",
    ]  # fmt: skip


def test_free_ranks_before_paid():
    world = catalogue(service("a-paid", free=False), service("b-free"))
    assert ranked(world) == ["b-free", "a-paid"]
    assert Reason("free") not in reasons(world, "a-paid")


@pytest.mark.parametrize(
    ("level", "shown"),
    [
        ("none", False),  # two steps below the course
        ("A1", True),  # the next step up, A2, is the course's lowest
        ("A2", True),  # the lowest
        ("B1", True),  # the highest
        ("B2", False),  # above the course
        ("C1", False),
    ],
)
def test_a_course_is_shown_only_within_its_range_or_one_step_below(level, shown):
    world = catalogue(service("course", kind="finnish-course", areas=("language",), levels=("A2", "B1")))
    assert ranked(world, level=level, area=LANGUAGE) == (["course"] if shown else [])
    assert level_fits(level, ("A2", "B1")) is shown
    if shown:
        assert reasons(world, "course", level=level, area=LANGUAGE) == (
            Reason("area"), Reason("level"), Reason("online"), Reason("free"),
        )  # fmt: skip


def test_level_boundaries_at_both_ends_of_the_scale():
    assert level_fits("none", ("none", "none"))
    assert level_fits("none", ("A1", "A2"))
    assert not level_fits("A1", ("none", "none"))
    assert level_fits("C1", ("B2", "C1"))
    assert level_fits("B2", ("C1", "C1"))
    assert not level_fits("C1", ("none", "B2"))


def test_an_unknown_level_filters_no_course_and_gives_no_level_reason():
    world = catalogue(
        service("course", kind="finnish-course", areas=("language",), levels=("B2", "C1")),
        service("open-range", kind="finnish-course", areas=("language",)),
    )
    assert ranked(world, level=None, area=LANGUAGE) == ["course", "open-range"]
    assert Reason("level") not in reasons(world, "course", level=None, area=LANGUAGE)
    # A course whose range is not known is not ruled out by a known level either.
    assert ranked(world, level="none", area=LANGUAGE) == ["open-range"]
    assert reasons(world, "open-range", level="none", area=LANGUAGE) == (
        Reason("area"), Reason("online"), Reason("free"),
    )  # fmt: skip


def test_levels_make_any_service_a_course():
    world = catalogue(service("levelled", kind="online-course", areas=("language",), levels=("B1", "B2")))
    assert ranked(world, level="none", area=LANGUAGE) == []
    assert ranked(world, level="A2", area=LANGUAGE) == ["levelled"]


def test_strengths_get_no_suggestions():
    world = catalogue(service("chan"), service("lang", areas=("language",)))
    answers = {"job-boards": 3, "hidden-jobs": 3, "open-application": 2, "own-level": 0, "study-more": 1}
    results = score_all(CHECKLIST, answers)
    assert [r.level for r in results] == ["strength", "gap"]
    found = suggestions(results, answers, None, NOBODY, world)
    assert list(found) == ["language"]
    assert [s.service.id for s in found["language"]] == ["lang"]


def test_an_area_to_develop_gets_suggestions():
    world = catalogue(service("chan"))
    answers = {"job-boards": 3, "hidden-jobs": 2, "open-application": 1}
    results = score_all(CHECKLIST, answers)
    assert (results[0].level, results[0].score) == ("develop", 67)
    assert [s.service.id for s in suggestions(results, answers, None, NOBODY, world)["channels"]] == ["chan"]


def test_the_same_input_gives_the_same_list_whatever_the_file_order():
    services = [
        service("e", free=False), service("d"), service("c", statements=("job-boards",)),
        service("b", target_groups=("under-30",)), service("a", where=("national",)),
    ]  # fmt: skip
    profile = Profile(municipality="Äänekoski", under_30=True)
    first = ranked(catalogue(*services), profile=profile)
    assert first == ["c", "b", "a", "d", "e"]
    for seed in range(5):
        random.Random(seed).shuffle(services)
        assert ranked(catalogue(*services), profile=profile) == first


def test_unknown_level_or_municipality_is_a_programming_error():
    world = catalogue(service("chan"))
    with pytest.raises(ValueError, match="unknown Finnish level 'A3'"):
        ranked(world, level="A3")
    with pytest.raises(ValueError, match="unknown municipality 'Tampere'"):
        finnish_course_options(None, Profile(municipality="Tampere"), world)


def test_every_target_group_is_a_profile_question():
    profile = Profile(home_parent=True, higher_education=False, entrepreneur=None, under_30=True)
    assert [profile.said(g) for g in TARGET_GROUPS] == [True, False, None, True]


def test_course_options_give_fitting_courses_and_the_language_test():
    world = catalogue(
        service("yki", kind="language-test", areas=("language",), where=("national",), free=False),
        service("far-course", kind="finnish-course", areas=("language",), where=("Jyväskylä",),
                levels=("none", "B1")),
        service("too-high", kind="finnish-course", areas=("language",), levels=("B2", "C1")),
        service("not-a-course", areas=("language",)),
    )  # fmt: skip
    in_aanekoski = Profile(municipality="Äänekoski")
    found = finnish_course_options("A2", in_aanekoski, world)
    # The national test does not hide the only course that fits, in another municipality.
    assert found == [
        Suggestion(world.service("yki"), (Reason("national"),)),
        Suggestion(world.service("far-course"), (Reason("level"), Reason("elsewhere"), Reason("free"))),
    ]


def test_course_options_leave_out_courses_elsewhere_when_one_is_near():
    world = catalogue(
        service("far-course", kind="finnish-course", areas=("language",), where=("Jyväskylä",),
                levels=("none", "B1")),
        service("online-course", kind="online-course", areas=("language",), levels=("A1", "A2"), free=False),
    )  # fmt: skip
    found = finnish_course_options("A2", Profile(municipality="Äänekoski"), world)
    assert [s.service.id for s in found] == ["online-course"]
    found = finnish_course_options("A2", Profile(municipality="Jyväskylä"), world)
    assert [s.service.id for s in found] == ["far-course", "online-course"]


# ── The shipped catalogue ──────────────────────────────────────────────────────────────────

STATEMENT_IDS = [s.id for s in REAL_CHECKLIST.statements()]


def is_near(suggestion: Suggestion) -> bool:
    return any(r.kind in ("local", "national", "online") for r in suggestion.reasons)


def near_courses_hide_the_ones_elsewhere(courses: list[Suggestion]) -> None:
    taught = [s for s in courses if s.service.is_course]
    if any(is_near(s) for s in taught):
        assert all(is_near(s) for s in taught), [s.service.id for s in taught]


@pytest.mark.parametrize("level", FINNISH_LEVEL_IDS)
@pytest.mark.parametrize("municipality", SHIPPED.municipality_names())
def test_course_options_in_every_municipality_fit_the_level_and_prefer_what_is_near(municipality, level):
    courses = finnish_course_options(level, Profile(municipality=municipality, higher_education=False), SHIPPED)
    check_courses_fit(courses, level)
    near_courses_hide_the_ones_elsewhere(courses)
    assert any(s.service.kind == "language-test" for s in courses)
    if level in ("none", "A1", "A2"):
        # A beginner always has a course to go to, if need be in another municipality.
        assert any(s.service.is_course for s in courses), (municipality, level)


@pytest.mark.parametrize("municipality", SHIPPED.municipality_names())
def test_the_lowest_client_meets_their_own_employment_services(municipality):
    answers = {s: 0 for s in STATEMENT_IDS}
    found = suggestions(score_all(REAL_CHECKLIST, answers), answers, "A2", Profile(municipality=municipality), SHIPPED)
    local = [s.service.id for s in found["channels"] if Reason("local") in s.reasons]
    assert local, municipality


WORST_PROFILE = Profile(home_parent=False, higher_education=False, entrepreneur=False, under_30=False)


@pytest.mark.parametrize("municipality", [*SHIPPED.municipality_names(), None])
def test_every_area_gets_a_suggestion_for_every_level_even_when_everything_is_low(municipality):
    answers = {s: 0 for s in STATEMENT_IDS}
    results = score_all(REAL_CHECKLIST, answers)
    for level in (*FINNISH_LEVEL_IDS, None):
        profile = dataclasses.replace(WORST_PROFILE, municipality=municipality)
        found = suggestions(results, answers, level, profile, SHIPPED)
        assert set(found) == {a.id for a in REAL_CHECKLIST.areas}
        assert all(found.values()), (municipality, level)


profiles = st.builds(
    Profile,
    municipality=st.sampled_from([*SHIPPED.municipality_names(), None]),
    home_parent=st.sampled_from([None, True, False]),
    higher_education=st.sampled_from([None, True, False]),
    entrepreneur=st.sampled_from([None, True, False]),
    under_30=st.sampled_from([None, True, False]),
)
answer_sets = st.fixed_dictionaries({}, optional={s: st.sampled_from(ANSWERS) for s in STATEMENT_IDS})
levels = st.sampled_from([*FINNISH_LEVEL_IDS, None])


def check_place_order(found: list[Suggestion], municipality: str | None) -> None:
    """No in-person service of another municipality ranks above an online or local one."""
    near = [is_near(s) for s in found]
    assert near == sorted(near, reverse=True)
    if municipality is not None and any(near):
        assert all(near)  # elsewhere only when nothing closer exists
    for s in found:
        if not is_near(s):
            assert municipality is None or not s.service.is_in(municipality)


def check_courses_fit(found: list[Suggestion], level: str | None) -> None:
    for s in found:
        if s.service.is_course and level is not None and s.service.levels is not None:
            assert level_fits(level, s.service.levels), (s.service.id, level)
            assert Reason("level") in s.reasons


def check_specific_first(found: list[Suggestion]) -> None:
    """Among services equally near, those that answer a low statement come first."""
    for near in (True, False):
        specific = [any(r.kind == "statement" for r in s.reasons) for s in found if is_near(s) == near]
        assert specific == sorted(specific, reverse=True)


def check_target_groups(found: list[Suggestion], profile: Profile) -> None:
    for s in found:
        if s.service.target_groups:
            assert any(profile.said(g) is not False for g in s.service.target_groups)


@settings(max_examples=300, deadline=None)
@given(answers=answer_sets, level=levels, profile=profiles)
def test_properties_of_the_shipped_catalogue(answers, level, profile):
    results = score_all(REAL_CHECKLIST, answers)
    found = suggestions(results, answers, level, profile, SHIPPED)
    assert list(found) == [r.area.id for r in results if r.needs_support]
    for result in results:
        if not result.needs_support:
            continue
        area_list = found[result.area.id]
        assert area_list, result.area.id
        low = {s.id for s in result.low_statements}
        for s in area_list:
            assert result.area.id in s.service.areas
            for r in s.reasons:
                if r.kind == "statement":
                    assert r.statement_id in low and r.answer == answers.get(r.statement_id)
        check_place_order(area_list, profile.municipality)
        check_courses_fit(area_list, level)
        check_specific_first(area_list)
        check_target_groups(area_list, profile)
    assert suggestions(results, answers, level, profile, SHIPPED) == found  # deterministic

    courses = finnish_course_options(level, profile, SHIPPED)
    assert all(s.service.is_course or s.service.kind == "language-test" for s in courses)
    assert any(s.service.kind == "language-test" for s in courses)
    check_courses_fit(courses, level)
    near_courses_hide_the_ones_elsewhere(courses)
    check_target_groups(courses, profile)
    near = [is_near(s) for s in courses]
    assert near == sorted(near, reverse=True)
