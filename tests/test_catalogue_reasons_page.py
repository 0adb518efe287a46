"""Where a suggested service is given, in words on the page: across the employment area, or elsewhere."""

import pytest

from checklist.matching import Profile, finnish_course_options

from helpers import CATALOGUE, complete
from pagecheck import parse, text_of

LOWEST = {"channels": 0, "tools": 0, "working-life": 0, "competence": 0, "language": 0, "attitude": 0}
AREA_NAMES = {"fi": "Pohjoisen Keski-Suomen työllisyysalue", "en": "Northern Central Finland employment area"}


def tell_municipality(client, lang: str, municipality: str):
    data = {"municipality": municipality, "home_parent": "", "higher_education": "", "entrepreneur": "", "under_30": ""}
    return client.post_form(f"/{lang}/profile", data)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_service_across_the_employment_area_names_the_area(client, lang):
    complete(client, lang, LOWEST, level="A2")
    tell_municipality(client, lang, "Äänekoski")
    page = text_of(parse(client.get(f"/{lang}/results/attitude").get_data(as_text=True)))
    assert AREA_NAMES[lang] in page
    assert CATALOGUE.employment_area("northern-central-finland").name.in_(lang) == AREA_NAMES[lang]


def test_a_course_elsewhere_names_where_it_is_given(client):
    # With no Finnish at all, the courses that fit are given in person in Jyväskylä: far from
    # Äänekoski, so they are shown with where they are.
    options = finnish_course_options("none", Profile(municipality="Äänekoski"), CATALOGUE)
    elsewhere = [s for s in options if any(r.kind == "elsewhere" for r in s.reasons)]
    assert elsewhere, "the shipped catalogue has a course near everyone at this level; this test says nothing"
    complete(client, "en", LOWEST, level="none")
    tell_municipality(client, "en", "Äänekoski")
    page = text_of(parse(client.get("/en/results/finnish-courses").get_data(as_text=True)))
    for suggestion in elsewhere:
        place = next(r.place for r in suggestion.reasons if r.kind == "elsewhere")
        assert f"In {place.en}: nothing closer was found" in page
