"""The optional profile and the suggestions on the results page."""

import pytest

from checklist.catalogue import DEFAULT_CATALOGUE_PATH
from checklist.matching import Profile, finnish_course_options, suggestions_for_area
from checklist.models import Round, db
from checklist.scoring import score_all
from checklist.summary import profile_from

from helpers import CATALOGUE, CHECKLIST, complete
from pagecheck import NS, parse, text_of

LOW_TOOLS_AND_LANGUAGE = {"channels": 3, "tools": 0, "working-life": 3, "competence": 3, "language": 1, "attitude": 3}
# The same person worked out by the domain: the pages must list what it ranks, in its order.
ANSWERS = {s.id: LOW_TOOLS_AND_LANGUAGE[s.area_id] for s in CHECKLIST.statements()}
RESULTS = score_all(CHECKLIST, ANSWERS)
IN_AANEKOSKI = Profile(municipality="Äänekoski")


def tell(client, lang: str, **answers: str):
    data = {"municipality": "", "home_parent": "", "higher_education": "", "entrepreneur": "", "under_30": ""}
    return client.post_form(f"/{lang}/profile", {**data, **answers})


def section(document, heading_id: str):
    return document.find(f".//{NS}section[@aria-labelledby='{heading_id}']")


def names(element) -> list[str]:
    return [text_of(a) for a in element.iter(f"{NS}a") if a.get("rel") == "noreferrer"]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_someone_in_aanekoski_at_a2_gets_local_and_online_suggestions(client, lang):
    response = complete(client, lang, LOW_TOOLS_AND_LANGUAGE, level="A2")
    assert response.location == f"/{lang}/profile"
    assert tell(client, lang, municipality="Äänekoski").location == f"/{lang}/results"
    document = parse(client.get(f"/{lang}/results").get_data(as_text=True))

    # The results page: the best one or two for each area to develop, with reasons.
    tools = section(document, "next-tools")
    shown = tools.findall(f".//{NS}li[@class='suggestion']")
    assert 1 <= len(shown) <= 2
    cv = CHECKLIST.statement("cv").text(lang)
    reasons = text_of(tools)
    assert cv in reasons and ("Vastasit ”Ei vielä”" in reasons if lang == "fi" else "You answered “Not yet”" in reasons)
    assert section(document, "next-language") is not None
    assert section(document, "next-channels") is None  # a strength needs no suggestions

    # The area's own page: every suggestion (up to ten), none hidden.
    full = parse(client.get(f"/{lang}/results/tools").get_data(as_text=True))
    listed = full.find(f".//{NS}ul[@class='suggestions']").findall(f"{NS}li")
    assert len(listed) > len(shown)
    assert full.find(f".//{NS}details") is None
    expected = suggestions_for_area(RESULTS[1], ANSWERS, "A2", IN_AANEKOSKI, CATALOGUE)
    assert names(full) == [s.service.name(lang) for s in expected]
    assert CHECKLIST.area("channels").encouragement(lang) in text_of(
        parse(client.get(f"/{lang}/results/channels").get_data(as_text=True))
    )

    assert document.find(f".//{NS}h3[@id='finnish-courses']") is not None
    courses = parse(client.get(f"/{lang}/results/finnish-courses").get_data(as_text=True))
    assert names(courses) == [s.service.name(lang) for s in finnish_course_options("A2", IN_AANEKOSKI, CATALOGUE)]


def test_the_profile_is_optional_and_saved(client, app):
    complete(client, "en")
    page = client.get("/en/profile").get_data(as_text=True)
    assert "Every question is optional" in page
    assert tell(client, "en").location == "/en/results"
    with app.app_context():
        assert db.session.scalars(db.select(Round)).one().profile == {
            "municipality": None,
            "home_parent": None,
            "higher_education": None,
            "entrepreneur": None,
            "under_30": None,
        }
    tell(client, "en", municipality="Laukaa", higher_education="yes", under_30="no")
    with app.app_context():
        stored = db.session.scalars(db.select(Round)).one()
        assert stored.profile["municipality"] == "Laukaa"
        assert stored.profile["higher_education"] is True and stored.profile["under_30"] is False
        assert stored.step == "results"
    # The answers show again when the person comes back to change them.
    page = client.get("/en/profile").get_data(as_text=True)
    assert '<option value="Laukaa" selected>' in page
    assert 'id="higher_education" name="higher_education" type="radio" value="yes" checked' in page
    results = client.get("/en/results").get_data(as_text=True)
    assert "Municipality: Laukaa" in results and 'href="/en/profile"' in results


@pytest.mark.parametrize(
    ("field", "value"), [("municipality", "Helsinki"), ("municipality", "<b>x</b>"), ("under_30", "maybe")]
)
def test_a_tampered_profile_answer_is_refused_and_changes_nothing(client, app, field, value):
    complete(client, "en")
    tell(client, "en", municipality="Muurame")
    response = tell(client, "en", **{field: value})
    assert response.status_code == 200
    assert "Choose from the list" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(db.select(Round)).one().profile["municipality"] == "Muurame"


def test_the_profile_needs_a_round(client):
    assert client.get("/en/profile").status_code == 404


def test_a_municipality_no_longer_in_the_catalogue_is_ignored():
    assert profile_from({"municipality": "Atlantis", "under_30": True, "unknown": 1}, CATALOGUE).municipality is None
    assert profile_from({"municipality": "Laukaa"}, CATALOGUE).municipality == "Laukaa"


def test_the_catalogue_check_command(runner, tmp_path):
    result = runner.invoke(args=["catalogue", "check"])
    assert result.exit_code == 0 and "services.yaml: OK, 47 entries" in result.output
    broken = tmp_path / "services.yaml"
    broken.write_text(
        DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8").replace("areas: [channels", "areas: [chanels", 1),
        encoding="utf-8",
    )
    result = runner.invoke(args=["catalogue", "check", str(broken)])
    assert result.exit_code == 1
    assert "services.yaml: service 'job-market-finland'" in result.output and "chanels" in result.output
