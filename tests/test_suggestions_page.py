"""The optional profile and the suggestions on the results page."""

import re

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


def links(element) -> list[str]:
    return [a.get("href") for a in element.iter(f"{NS}a") if a.get("rel") == "noreferrer"]


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
    reasons = text_of(tools)
    assert any(s.text.in_(lang) in reasons for s in CHECKLIST.area("tools").statements)
    assert section(document, "next-language") is not None
    assert section(document, "next-channels") is None  # a strength needs no suggestions

    # The area's own page: every suggestion (up to ten), none hidden.
    full = parse(client.get(f"/{lang}/results/tools").get_data(as_text=True))
    listed = full.find(f".//{NS}ul[@class='suggestions']").findall(f"{NS}li")
    assert len(listed) > len(shown)
    assert full.find(f".//{NS}details") is None
    expected = suggestions_for_area(RESULTS[1], ANSWERS, "A2", IN_AANEKOSKI, CATALOGUE)
    assert names(full) == [s.service.name.in_(lang) for s in expected[:10]]
    # Each link is the address for the page's language.
    assert links(full) == [s.service.url.in_(lang) for s in expected[:10]]
    assert CHECKLIST.area("channels").encouragement.in_(lang) in text_of(
        parse(client.get(f"/{lang}/results/channels").get_data(as_text=True))
    )

    assert document.find(f".//{NS}h3[@id='finnish-courses']") is not None
    courses = parse(client.get(f"/{lang}/results/finnish-courses").get_data(as_text=True))
    assert names(courses) == [s.service.name.in_(lang) for s in finnish_course_options("A2", IN_AANEKOSKI, CATALOGUE)]


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
    assert result.exit_code == 0 and re.search(r"services\.yaml: OK, \d+ entries", result.output)
    broken = tmp_path / "services.yaml"
    broken.write_text(
        DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8").replace("areas: [channels", "areas: [chanels", 1),
        encoding="utf-8",
    )
    result = runner.invoke(args=["catalogue", "check", str(broken)])
    assert result.exit_code == 1
    assert "services.yaml: service '" in result.output and "unknown area 'chanels'" in result.output


def test_infofinland_links_follow_the_page_language(client):
    complete(client, "fi", LOW_TOOLS_AND_LANGUAGE, level="A2")
    for lang in ("fi", "en"):
        page = parse(client.get(f"/{lang}/results/tools").get_data(as_text=True))
        infofinland = [href for href in links(page) if "infofinland.fi" in href]
        assert infofinland
        assert all(f"infofinland.fi/{lang}/" in href for href in infofinland), infofinland


def test_the_page_tells_a_fee_from_a_price_not_known(client):
    complete(client, "en", LOW_TOOLS_AND_LANGUAGE, level="A2")
    tell(client, "en", municipality="Äänekoski")
    page = client.get("/en/results/finnish-courses").get_data(as_text=True)
    prices = {s.service.free for s in finnish_course_options("A2", IN_AANEKOSKI, CATALOGUE)}
    assert prices >= {None, False}  # the shipped options have both, or this test says nothing
    assert "Price not known: ask the organiser" in page and "Has a fee" in page
    printed = text_of(parse(client.get("/en/results/print").get_data(as_text=True)))
    assert "Price not known" in printed and "Has a fee" in printed


def write_checked(tmp_path, replacements):
    """Return a copy of the shipped catalogue with some entries' check dates changed."""
    text = DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8")
    for service_id, day in replacements.items():
        start = text.index(f"  - id: {service_id}\n")
        at = text.index("    checked: ", start)
        end = text.index("\n", at)
        text = text[:at] + f"    checked: {day}" + text[end:]
    path = tmp_path / "services.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_catalogue_stale_command_lists_old_checks_with_their_sources(runner, tmp_path):
    # Dates far in the past and future, so that the test does not depend on today's date.
    path = write_checked(tmp_path, {"duunitori": "2001-02-03", "jobly": "2999-01-01"})
    result = runner.invoke(args=["catalogue", "stale", str(path), "--months", "12"])
    assert result.exit_code == 0, result.output
    assert "2001-02-03  duunitori" in result.output
    assert CATALOGUE.service("duunitori").source[0] in result.output
    assert "jobly" not in result.output
    # Never a failure because of dates, however long ago.
    assert runner.invoke(args=["catalogue", "stale", str(path), "--months", "0"]).exit_code == 0
