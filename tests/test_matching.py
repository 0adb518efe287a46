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
    MOST_OF_A_KIND,
    SHOW_FIRST,
    TEST_WITH_COURSES_FROM,
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
AREA_NAME = Text("Pohjoinen", "North")
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
IN_AANEKOSKI = Profile(municipality="Äänekoski")


def service(service_id: str, **changes) -> Service:
    """Return an online, free, general service for the channels area, with changes."""
    address = f"https://example.fi/{service_id}"
    fields = dict(
        id=service_id, name=T, description=T, organiser=T, kind="guidance", areas=("channels",),
        statements=(), where=("online",), levels=None, target_groups=(), languages=("fi",), free=True,
        url=Text(address, address), contact=T, checked=datetime.date(2026, 11, 23), source=(address,),
    )  # fmt: skip
    fields.update(changes)
    return Service(**fields)


def catalogue(*services: Service) -> Catalogue:
    return Catalogue(
        municipalities=(Municipality("Jyväskylä", "jm"), Municipality("Laukaa", "n"), Municipality("Äänekoski", "n")),
        employment_areas=(EmploymentArea("jm", T), EmploymentArea("n", AREA_NAME)),
        services=services,
    )


def ranked(services, answers=ALL_LOW, level=None, profile=NOBODY, area=CHANNELS) -> list[str]:
    """Return the ids of the suggestions for an area, best first."""
    return [s.service.id for s in suggestions_for_area(score_area(area, answers), answers, level, profile, services)]


def reasons(services, service_id, answers=ALL_LOW, level=None, profile=NOBODY, area=CHANNELS):
    found = suggestions_for_area(score_area(area, answers), answers, level, profile, services)
    return next(s.reasons for s in found if s.service.id == service_id)


def course_ids(services, level, profile=IN_AANEKOSKI) -> list[str]:
    return [s.service.id for s in finnish_course_options(level, profile, services)]


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
    answers = {"job-boards": 0, "hidden-jobs": 1, "open-application": 0}
    assert reasons(world, "s", answers)[:3] == (
        Reason("statement", "job-boards", 0),
        Reason("statement", "hidden-jobs", 1),
        Reason("statement", "open-application", 0),
    )


def test_more_low_statements_answered_rank_higher():
    world = catalogue(
        service("one", statements=("job-boards",)),
        service("three", statements=("job-boards", "hidden-jobs", "open-application")),
        service("two", statements=("job-boards", "open-application")),
    )
    assert ranked(world) == ["three", "two", "one"]


def test_a_service_for_another_area_is_no_candidate():
    world = catalogue(service("lang", areas=("language",)), service("chan"))
    assert ranked(world) == ["chan"]
    assert ranked(world, area=LANGUAGE) == ["lang"]


def test_local_first_then_national_and_online_before_a_specific_service_elsewhere():
    world = catalogue(
        service("a-elsewhere", where=("Jyväskylä",), statements=("hidden-jobs",)),
        service("b-online"),
        service("c-local", where=("Äänekoski",)),
        service("d-national", where=("national",)),
    )
    # Something closer exists, so the in-person service of another municipality is left out;
    # among equals the local one comes first, then national and online in file order.
    assert ranked(world, profile=IN_AANEKOSKI) == ["c-local", "b-online", "d-national"]
    assert reasons(world, "c-local", profile=IN_AANEKOSKI) == (Reason("area"), Reason("local"), Reason("free"))
    assert reasons(world, "d-national", profile=IN_AANEKOSKI)[1] == Reason("national")
    # In Jyväskylä the same service is local, and its specific match puts it first.
    assert ranked(world, profile=Profile(municipality="Jyväskylä")) == ["a-elsewhere", "b-online", "d-national"]


def test_a_service_across_an_employment_area_reaches_every_municipality_of_it():
    world = catalogue(
        service("across-north", where=(), employment_areas=("n",)),
        service("in-aanekoski", where=("Äänekoski",)),
    )
    in_laukaa = Profile(municipality="Laukaa")
    assert ranked(world, profile=in_laukaa) == ["across-north"]  # Äänekoski's own is elsewhere
    assert reasons(world, "across-north", profile=in_laukaa) == (
        Reason("area"), Reason("employment-area", place=AREA_NAME), Reason("free"),
    )  # fmt: skip
    # In Äänekoski its own service is nearer than the area's.
    assert ranked(world, profile=IN_AANEKOSKI) == ["in-aanekoski", "across-north"]
    # In another employment area it is elsewhere, and says where.
    assert reasons(world, "across-north", profile=Profile(municipality="Jyväskylä")) == (
        Reason("area"), Reason("elsewhere", place=AREA_NAME), Reason("free"),
    )  # fmt: skip


def test_a_service_elsewhere_is_shown_only_when_nothing_closer_exists():
    world = catalogue(
        service("far-b", where=("Jyväskylä",)),
        service("far-a", where=("Jyväskylä",), free=False),
        service("other-area", areas=("language",)),
    )
    assert ranked(world, profile=IN_AANEKOSKI) == ["far-b", "far-a"]
    assert reasons(world, "far-b", profile=IN_AANEKOSKI) == (
        Reason("area"),
        Reason("elsewhere", place=Text("Jyväskylä", "Jyväskylä")),
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
        (None, ["a-general", "b-for-parents"]),  # unknown: stays, ranked as a general one
        (True, ["b-for-parents", "a-general"]),  # yes: ranks as a target-group match
        (False, ["a-general"]),  # no: left out
    ],
)
def test_target_groups(said, expected):
    world = catalogue(service("a-general"), service("b-for-parents", target_groups=("home-parent",)))
    assert ranked(world, profile=Profile(home_parent=said)) == expected


def test_a_service_for_a_group_the_person_said_nothing_about_follows_one_for_everyone():
    world = catalogue(
        service("a-for-parents", target_groups=("home-parent",), statements=("job-boards",)),
        service("b-for-everyone", statements=("hidden-jobs",)),
        service(
            "c-for-parents-more-answered", target_groups=("home-parent",), statements=("job-boards", "hidden-jobs")
        ),
    )
    # Answering more low statements still counts first.
    assert ranked(world) == ["c-for-parents-more-answered", "b-for-everyone", "a-for-parents"]
    assert ranked(world, profile=Profile(home_parent=True)) == [
        "c-for-parents-more-answered", "a-for-parents", "b-for-everyone",
    ]  # fmt: skip


def test_a_service_for_several_groups_is_left_out_only_when_the_person_said_no_to_all():
    world = catalogue(service("g", target_groups=("under-30", "entrepreneur")))
    assert ranked(world, profile=Profile(under_30=False, entrepreneur=False)) == []
    assert ranked(world, profile=Profile(under_30=False)) == ["g"]
    assert reasons(world, "g", profile=Profile(under_30=False, entrepreneur=True)) == (
        Reason("area"), Reason("target-group", group="entrepreneur"), Reason("online"), Reason("free"),
    )  # fmt: skip


def test_the_ranking_key_is_place_statements_group_nearness_price_then_file_order():
    # One kind throughout, so that variety in the first three moves nothing.
    world = catalogue(
        service("h-elsewhere", where=("Jyväskylä",), statements=("job-boards", "hidden-jobs", "open-application")),
        service("k-online-paid", free=False),
        service("j-online-unknown", free=None),
        service("z-online-free-first-in-file"),
        service("a-online-free-second-in-file"),
        service("f-across-the-area", where=(), employment_areas=("n",)),
        service("e-local", where=("Äänekoski",)),
        service("d-group", target_groups=("under-30",)),
        service("c-one-statement", statements=("job-boards",)),
        service("b-one-statement-and-group", statements=("open-application",), target_groups=("under-30",)),
        service("g-two-statements", statements=("job-boards", "hidden-jobs"), free=False),
    )
    assert ranked(world, profile=Profile(municipality="Äänekoski", under_30=True)) == [
        "g-two-statements", "b-one-statement-and-group", "c-one-statement", "d-group", "e-local",
        "f-across-the-area", "z-online-free-first-in-file", "a-online-free-second-in-file",
        "j-online-unknown", "k-online-paid",
    ]  # fmt: skip


def test_free_ranks_before_unknown_before_paid_and_only_free_is_a_reason():
    world = catalogue(service("a-paid", free=False), service("b-unknown", free=None), service("c-free"))
    assert ranked(world) == ["c-free", "b-unknown", "a-paid"]
    assert Reason("free") in reasons(world, "c-free")
    assert Reason("free") not in reasons(world, "a-paid") and Reason("free") not in reasons(world, "b-unknown")


def test_the_first_three_hold_at_most_two_of_one_kind():
    world = catalogue(
        service("board-1", kind="job-board", statements=("job-boards", "hidden-jobs")),
        service("board-2", kind="job-board", statements=("job-boards", "hidden-jobs")),
        service("board-3", kind="job-board", statements=("job-boards",)),
        service("board-4", kind="job-board", statements=("job-boards",)),
        service("guide", kind="material"),
        service("group", kind="peer-group"),
    )
    assert ranked(world) == ["board-1", "board-2", "guide", "board-3", "board-4", "group"]
    assert SHOW_FIRST == 3 and MOST_OF_A_KIND == 2


def test_variety_never_moves_a_service_elsewhere_before_one_near():
    world = catalogue(
        service("board-1", kind="job-board"),
        service("board-2", kind="job-board"),
        service("board-3", kind="job-board"),
        service("far-guide", kind="material", where=("Jyväskylä",)),
    )
    assert ranked(world) == ["board-1", "board-2", "board-3", "far-guide"]  # no municipality told


def test_one_kind_only_keeps_its_order():
    world = catalogue(*(service(f"board-{n}", kind="job-board") for n in range(4)))
    assert ranked(world) == ["board-0", "board-1", "board-2", "board-3"]


@pytest.mark.parametrize("kind", ["licence-card", "recognition"])
def test_a_licence_card_or_recognition_comes_only_for_a_statement_answered_low(kind):
    world = catalogue(service("card", kind=kind, statements=("open-application",)), service("general"))
    assert ranked(world) == ["card", "general"]
    assert ranked(world, {**ALL_LOW, "open-application": 3}) == ["general"]
    # A kind for a particular need is no help for the whole area.
    world = catalogue(service("card", kind=kind), service("general"))
    assert ranked(world) == ["general"]


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


def test_services_of_different_relevance_rank_the_same_whatever_the_file_order():
    services = [
        service("e", free=False), service("d", where=("Äänekoski",)), service("c", statements=("job-boards",)),
        service("b", target_groups=("under-30",)), service("a", where=("national",)),
    ]  # fmt: skip
    profile = Profile(municipality="Äänekoski", under_30=True)
    first = ranked(catalogue(*services), profile=profile)
    assert first == ["c", "b", "d", "a", "e"]
    for seed in range(5):
        random.Random(seed).shuffle(services)
        assert ranked(catalogue(*services), profile=profile) == first


def test_equally_relevant_services_keep_the_file_order_not_the_alphabet():
    assert ranked(catalogue(service("zeta"), service("alpha"), service("mu"))) == ["zeta", "alpha", "mu"]
    assert ranked(catalogue(service("mu"), service("zeta"), service("alpha"))) == ["mu", "zeta", "alpha"]


def test_unknown_level_or_municipality_is_a_programming_error():
    world = catalogue(service("chan"))
    with pytest.raises(ValueError, match="unknown Finnish level 'A3'"):
        ranked(world, level="A3")
    with pytest.raises(ValueError, match="unknown municipality 'Tampere'"):
        finnish_course_options(None, Profile(municipality="Tampere"), world)


def test_every_target_group_is_a_profile_question():
    profile = Profile(home_parent=True, higher_education=False, entrepreneur=None, under_30=True)
    assert [profile.said(g) for g in TARGET_GROUPS] == [True, False, None, True]


COURSE_WORLD = catalogue(
    service("yki", kind="language-test", areas=("language",), where=("national",), free=False),
    service("far-course", kind="finnish-course", areas=("language",), where=("Jyväskylä",), levels=("none", "B1")),
    service("too-high", kind="finnish-course", areas=("language",), levels=("B2", "C1")),
    service("not-a-course", areas=("language",)),
)


def test_course_options_give_fitting_courses_and_then_the_language_test():
    found = finnish_course_options("A2", IN_AANEKOSKI, COURSE_WORLD)
    # The national test does not hide the only course that fits, in another municipality, and a
    # test is not a course: it follows the courses.
    assert found == [
        Suggestion(
            COURSE_WORLD.service("far-course"),
            (Reason("level"), Reason("elsewhere", place=Text("Jyväskylä", "Jyväskylä")), Reason("free")),
        ),
        Suggestion(COURSE_WORLD.service("yki"), (Reason("national"),)),
    ]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (None, ["too-high", "yki"]),  # nothing rules the online course out; the test follows it
        ("none", ["far-course", "yki"]),
        ("A1", ["far-course", "yki"]),
        ("A2", ["far-course", "yki"]),
        ("B1", ["too-high", "yki"]),  # one step below the online course
        ("B2", ["too-high", "yki"]),  # both near: free before paid
    ],
)
def test_a_test_follows_the_courses_below_b1(level, expected):
    assert course_ids(COURSE_WORLD, level) == expected
    assert TEST_WITH_COURSES_FROM == "B1"


def test_from_b1_on_a_test_ranks_with_the_courses():
    # Showing one's level is then a step of its own: the national test before a course elsewhere.
    world = catalogue(*(s for s in COURSE_WORLD.services if s.id != "too-high"))
    assert course_ids(world, "A2") == ["far-course", "yki"]
    assert course_ids(world, "B1") == ["yki", "far-course"]


def test_course_options_leave_out_courses_elsewhere_when_one_is_near():
    world = catalogue(
        service("far-course", kind="finnish-course", areas=("language",), where=("Jyväskylä",),
                levels=("none", "B1")),
        service("online-course", kind="online-course", areas=("language",), levels=("A1", "A2"), free=False),
    )  # fmt: skip
    assert course_ids(world, "A2") == ["online-course"]
    assert course_ids(world, "A2", Profile(municipality="Jyväskylä")) == ["far-course", "online-course"]


# ── The shipped catalogue: invariants that hold whatever entries a coordinator adds ────────

STATEMENT_IDS = [s.id for s in REAL_CHECKLIST.statements()]
ALL_LOWEST = {s: 0 for s in STATEMENT_IDS}
NEAR_KINDS = ("local", "employment-area", "national", "online")
WHERE_PEOPLE_LIVE = ("local", "employment-area", "online")
WORST_PROFILE = Profile(home_parent=False, higher_education=False, entrepreneur=False, under_30=False)
EMPLOYMENT_AREA_OF = {m.name: m.employment_area for m in SHIPPED.municipalities}


def is_near(suggestion: Suggestion) -> bool:
    return any(r.kind in NEAR_KINDS for r in suggestion.reasons)


def places(suggestion: Suggestion) -> set[str]:
    return {r.kind for r in suggestion.reasons}


def near_courses_hide_the_ones_elsewhere(courses: list[Suggestion], municipality: str | None) -> None:
    taught = [s for s in courses if s.service.is_course]
    if municipality is not None and any(is_near(s) for s in taught):
        assert all(is_near(s) for s in taught), [s.service.id for s in taught]


def check_tests_follow_courses(courses: list[Suggestion], level: str | None) -> None:
    if level is None or FINNISH_LEVEL_IDS.index(level) < FINNISH_LEVEL_IDS.index(TEST_WITH_COURSES_FROM):
        is_test = [s.service.kind == "language-test" for s in courses]
        assert is_test == sorted(is_test)


@pytest.mark.parametrize("level", FINNISH_LEVEL_IDS)
@pytest.mark.parametrize("municipality", SHIPPED.municipality_names())
def test_course_options_in_every_municipality_fit_the_level_and_prefer_what_is_near(municipality, level):
    courses = finnish_course_options(level, Profile(municipality=municipality, higher_education=False), SHIPPED)
    check_courses_fit(courses, level)
    near_courses_hide_the_ones_elsewhere(courses, municipality)
    check_tests_follow_courses(courses, level)
    assert any(s.service.kind == "language-test" for s in courses)
    if level in ("none", "A1", "A2"):
        # A beginner always has a course to go to, if need be in another municipality, and a test
        # is not a course: it never comes first.
        assert courses[0].service.is_course, (municipality, level)


@pytest.mark.xfail(
    reason="the stored pages show one current online Finnish course with a level (A2–B1); "
    "add courses as the README says and this passes",
    strict=False,
)
@pytest.mark.parametrize("level", ["A1", "A2", "B1"])
def test_at_least_two_online_courses_serve_each_level_from_a1_to_b1(level):
    online = [
        s.service.id
        for s in finnish_course_options(level, NOBODY, SHIPPED)
        if s.service.is_course and s.service.is_online and s.service.levels is not None
    ]
    assert len(online) >= 2, (level, online)


@pytest.mark.parametrize("municipality", SHIPPED.municipality_names())
def test_every_area_and_finnish_level_gets_a_suggestion_where_people_live(municipality):
    # Local, across the employment area or online; for someone who answered everything lowest
    # and said no to every target group, so no suggestion relies on a group.
    results = score_all(REAL_CHECKLIST, ALL_LOWEST)
    profile = dataclasses.replace(WORST_PROFILE, municipality=municipality)
    for level in FINNISH_LEVEL_IDS:
        found = suggestions(results, ALL_LOWEST, level, profile, SHIPPED)
        assert set(found) == {a.id for a in REAL_CHECKLIST.areas}
        for area_id, listed in found.items():
            assert any(places(s) & set(WHERE_PEOPLE_LIVE) for s in listed), (municipality, level, area_id)


@pytest.mark.parametrize("municipality", SHIPPED.municipality_names())
def test_the_lowest_client_meets_their_own_employment_services(municipality):
    found = suggestions(
        score_all(REAL_CHECKLIST, ALL_LOWEST), ALL_LOWEST, "A2", Profile(municipality=municipality), SHIPPED
    )
    for area_id, listed in found.items():
        nearby = [s.service.id for s in listed if places(s) & {"local", "employment-area"}]
        assert nearby, (municipality, area_id)


def test_an_aanekoski_client_at_a2_who_answers_everything_lowest_finds_help_in_their_own_area():
    """As a new user would: every area to develop names help in the person's own employment area,
    and the Finnish-course options hold a course they can reach."""
    profile = Profile(municipality="Äänekoski")
    results = score_all(REAL_CHECKLIST, ALL_LOWEST)
    found = suggestions(results, ALL_LOWEST, "A2", profile, SHIPPED)
    assert set(found) == {r.area.id for r in results if r.needs_support} == {a.id for a in REAL_CHECKLIST.areas}
    for area_id, listed in found.items():
        own_area = [
            s.service
            for s in listed
            if "local" in places(s)
            or any(
                r.kind == "employment-area" and r.place == SHIPPED.employment_area("northern-central-finland").name
                for r in s.reasons
            )
        ]
        assert own_area, area_id
        for service in own_area:
            assert SHIPPED.reaches(service, "Äänekoski")
    courses = finnish_course_options("A2", profile, SHIPPED)
    reachable = [s.service for s in courses if s.service.is_course and is_near(s)]
    assert reachable
    for service in reachable:
        assert service.is_online or service.is_national or SHIPPED.reaches(service, "Äänekoski")
        assert service.levels is None or level_fits("A2", service.levels)


def test_licence_cards_come_only_when_the_licence_statement_is_low():
    answers = {**ALL_LOWEST, "licence-cards-needed": 3}
    found = suggestions(score_all(REAL_CHECKLIST, answers), answers, "A2", IN_AANEKOSKI, SHIPPED)
    assert not [s.service.id for s in found["competence"] if s.service.kind == "licence-card"]
    found = suggestions(score_all(REAL_CHECKLIST, ALL_LOWEST), ALL_LOWEST, "A2", IN_AANEKOSKI, SHIPPED)
    assert [s.service.id for s in found["competence"] if s.service.kind == "licence-card"]


def test_degree_recognition_comes_for_a_low_answer_whatever_the_person_said_about_a_degree():
    for higher_education in (None, True, False):
        profile = Profile(municipality="Äänekoski", higher_education=higher_education)
        found = suggestions(score_all(REAL_CHECKLIST, ALL_LOWEST), ALL_LOWEST, "A2", profile, SHIPPED)
        assert [s for s in found["competence"] if s.service.kind == "recognition"], higher_education


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
    """No in-person service of another place ranks above one the person can use where they live."""
    near = [is_near(s) for s in found]
    assert near == sorted(near, reverse=True)
    if municipality is not None and any(near):
        assert all(near)  # elsewhere only when nothing closer exists
    for s in found:
        if not is_near(s):
            assert municipality is None or not SHIPPED.reaches(s.service, municipality)


def check_courses_fit(found: list[Suggestion], level: str | None) -> None:
    for s in found:
        if s.service.is_course and level is not None and s.service.levels is not None:
            assert level_fits(level, s.service.levels), (s.service.id, level)
            assert Reason("level") in s.reasons


def answered(suggestion: Suggestion) -> int:
    return sum(r.kind == "statement" for r in suggestion.reasons)


def check_more_answered_first(found: list[Suggestion]) -> None:
    """Among services equally near, more low statements answered rank higher; the first few are
    varied, so the rule holds within them and within the rest."""
    for part in (found[:SHOW_FIRST], found[SHOW_FIRST:]):
        for near in (True, False):
            counts = [answered(s) for s in part if is_near(s) == near]
            assert counts == sorted(counts, reverse=True)


def check_varied(found: list[Suggestion]) -> None:
    first = found[:SHOW_FIRST]
    for kind in {s.service.kind for s in first}:
        if sum(s.service.kind == kind for s in first) > MOST_OF_A_KIND:
            # Only when nothing of another kind could move up: near services never make room
            # for ones elsewhere.
            near_rest = [s for s in found[SHOW_FIRST:] if is_near(s) or not any(is_near(f) for f in first)]
            assert all(s.service.kind == kind for s in near_rest), [s.service.id for s in found]


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
            if s.service.kind in ("licence-card", "recognition"):
                assert answered(s), s.service.id
        check_place_order(area_list, profile.municipality)
        check_courses_fit(area_list, level)
        check_more_answered_first(area_list)
        check_varied(area_list)
        check_target_groups(area_list, profile)
    assert suggestions(results, answers, level, profile, SHIPPED) == found  # deterministic

    courses = finnish_course_options(level, profile, SHIPPED)
    assert all(s.service.is_course or s.service.kind == "language-test" for s in courses)
    assert any(s.service.kind == "language-test" for s in courses)
    check_courses_fit(courses, level)
    near_courses_hide_the_ones_elsewhere(courses, profile.municipality)
    check_tests_follow_courses(courses, level)
    check_target_groups(courses, profile)
