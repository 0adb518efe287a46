"""A whole guidance session for the client who needs it most: every answer lowest, Äänekoski, A2.

The client answers on a phone, a counsellor opens the code, records steps and prints; a month
later the client takes it again. Nothing is lost and nothing is deleted by accident.
"""

from collections import Counter

import pytest

from checklist.models import Round, db

from helpers import AREA_IDS, CHECKLIST, area_answers, complete
from pagecheck import NS, parse, text_of


def lowest_client(client, lang: str = "fi") -> None:
    complete(client, lang, dict.fromkeys(AREA_IDS, 0), level="A2")
    client.post_form(f"/{lang}/profile", {"municipality": "Äänekoski"})


def share_code(client, lang: str = "fi") -> str:
    document = parse(client.get(f"/{lang}/results").get_data(as_text=True))
    return text_of(document.find(f".//{NS}p[@class='share__code']/{NS}strong"))


def second_language_options(html: str) -> list[str]:
    select = parse(html).find(f".//{NS}select[@name='second_language']")
    return [option.get("value") for option in select.iter(f"{NS}option")]


@pytest.fixture
def counsellor(app):
    return app.test_client()


@pytest.mark.parametrize("lang", ["fi", "ar"])
def test_every_other_language_can_be_the_second_one_on_every_page(client, counsellor, app, lang):
    lowest_client(client, lang)
    others = ["", *(code for code in app.extensions["languages"].codes if code != lang)]
    assert second_language_options(client.get(f"/{lang}/area/tools").get_data(as_text=True)) == others
    assert second_language_options(client.get(f"/{lang}/results").get_data(as_text=True)) == others
    counsellor.post_form(f"/{lang}/counsellor", {"code": share_code(client, lang)})
    assert second_language_options(counsellor.get(f"/{lang}/session").get_data(as_text=True)) == others


def test_the_second_language_button_keeps_the_answers_just_given(client, app):
    client.post_form("/fi/start")
    html = client.get("/fi/area/channels").get_data(as_text=True)
    button = parse(html).find(f".//{NS}button[@value='second-language']")
    assert button.get("form") == "answers" and button.get("name") == "action"
    response = client.post_form(
        "/fi/area/channels", {**area_answers("channels", 1), "action": "second-language", "second_language": "en"}
    )
    assert response.location == "/fi/area/channels"
    with app.app_context():
        stored = db.session.scalars(db.select(Round)).one()
        assert stored.answers == dict.fromkeys((s.id for s in CHECKLIST.area("channels").statements), 1)
    page = client.get("/fi/area/channels").get_data(as_text=True)
    assert 'class="second" lang="en"' in page and "checked" in page


def test_the_print_view_goes_back_where_it_was_opened_from(client, counsellor):
    lowest_client(client)
    counsellor.post_form("/fi/counsellor", {"code": share_code(client)})
    for who, path, back in (
        (counsellor, "/fi/session/print", "/fi/session"),
        (client, "/fi/results/print", "/fi/results"),
    ):
        document = parse(who.get(path).get_data(as_text=True))
        links = {text_of(a): a.get("href") for a in document.iter(f"{NS}a")}
        assert links["Takaisin"] == back
    # The page it leads back to works for the counsellor.
    assert "<h1>Ohjaustapaaminen</h1>" in counsellor.get("/fi/session").get_data(as_text=True)


def test_deleting_asks_first_and_only_the_confirmed_form_deletes(client, app):
    lowest_client(client)
    page = parse(client.get("/fi/results").get_data(as_text=True))
    delete_link = next(a for a in page.iter(f"{NS}a") if a.get("href") == "/fi/results/delete")
    assert text_of(delete_link) == "Poista vastauksesi"
    confirm = parse(client.get("/fi/results/delete").get_data(as_text=True))
    named = text_of(confirm.find(f".//{NS}ul[@class='list']"))
    for what in ("vastauksesi", "aiemmat vastauskertasi", "sovitut asiat", "jakokoodisi"):
        assert what in named
    # A POST without the confirmation shows the question again and deletes nothing.
    unconfirmed = client.post_form("/fi/results/delete")
    assert "Poistetaanko vastauksesi?" in unconfirmed.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(db.select(Round)).one() is not None
    assert "Vastauksesi on poistettu" in client.post_form("/fi/results/delete", {"confirm": "yes"}).get_data(
        as_text=True
    )
    with app.app_context():
        assert db.session.scalars(db.select(Round)).all() == []


def test_a_retake_keeps_the_earlier_results_reachable_until_it_is_finished(client, app):
    lowest_client(client)
    earlier = share_code(client)
    client.post_form("/fi/start")
    # The finished results stay where they were, and the landing page and new round lead to them.
    assert share_code(client) == earlier
    landing = client.get("/fi/").get_data(as_text=True)
    assert "Aiemmat tuloksesi" in landing and 'href="/fi/results"' in landing
    assert "Katso aiemmat tuloksesi" in client.get("/fi/area/channels").get_data(as_text=True)
    # Abandoning the unfinished retake returns to them.
    assert client.post_form("/fi/retake/abandon").location == "/fi/results"
    with app.app_context():
        assert len(db.session.scalars(db.select(Round)).all()) == 1
    assert "Aiemmat tuloksesi" not in client.get("/fi/").get_data(as_text=True)


def test_a_retake_keeps_the_profile_and_shows_what_was_agreed_last_time(client, counsellor, app):
    lowest_client(client)
    code = share_code(client)
    counsellor.post_form("/fi/counsellor", {"code": code})
    counsellor.post_form(
        "/fi/session/steps",
        {"steps-0-text": "Tee CV", "steps-0-who": "client", "steps-0-due": "2026-12-04", "steps-1-text": "Soita"},
    )
    client.post_form("/fi/start")
    complete(client, "fi", {**dict.fromkeys(AREA_IDS, 0), "tools": 2})
    with app.app_context():
        newest = db.session.scalars(db.select(Round).where(Round.previous_id.is_not(None))).one()
        assert newest.profile["municipality"] == "Äänekoski"
    results = text_of(parse(client.get("/fi/results").get_data(as_text=True)))
    assert "Sovittu viime kerralla" in results and "Tee CV (Asiakas, 4.12.2026 mennessä)" in results
    assert "Äänekoski" in results

    # The counsellor's old code opens the newest round, with the progress since.
    session = counsellor.get("/fi/session").get_data(as_text=True)
    assert "+67" in session and "stroke-dasharray" in session and "Tee CV" in session

    # Either side marks a step done.
    with app.app_context():
        first, second = db.session.scalars(db.select(Round).where(Round.previous_id.is_(None))).one().next_steps
        first_id, second_id = first.id, second.id
    assert client.post_form(f"/fi/results/steps/{first_id}", {"done": "1"}).location == "/fi/results#next-steps"
    assert counsellor.post_form(f"/fi/session/steps/{second_id}", {"done": "1"}).status_code == 302
    with app.app_context():
        assert all(step.done for step in db.session.get(Round, newest.previous_id).next_steps)
    assert "Tehty:" in client.get("/fi/results").get_data(as_text=True)


def test_a_step_of_someone_else_cannot_be_marked(client, app):
    lowest_client(client)
    other = app.test_client()
    lowest_client(other)
    counsellor = app.test_client()
    counsellor.post_form("/fi/counsellor", {"code": share_code(other)})
    counsellor.post_form("/fi/session/steps", {"steps-0-text": "Tee CV"})
    with app.app_context():
        step_id = db.session.scalars(db.select(Round).where(Round.share_code.is_not(None))).all()
        step_id = next(s.id for r in step_id for s in r.next_steps)
    assert client.post_form(f"/fi/results/steps/{step_id}", {"done": "1"}).status_code == 404


def test_successful_code_look_ups_are_never_limited(client, counsellor, app):
    lowest_client(client)
    code = share_code(client)
    limit = int(app.config["RATELIMIT_CODE_LOOKUPS"].split()[0])
    office = {"REMOTE_ADDR": "192.0.2.20"}
    for _ in range(limit * 2):
        assert counsellor.post_form("/fi/counsellor", {"code": code}, environ_base=office).status_code == 302


def test_each_service_appears_once_on_the_results_and_names_the_areas_it_helps_with(client):
    lowest_client(client, "en")
    document = parse(client.get("/en/results").get_data(as_text=True))
    names = [text_of(h) for h in document.iter(f"{NS}h4") if h.get("class") == "suggestion__name"]
    assert names and Counter(names).most_common(1)[0][1] == 1
    assert "Also helps with:" in text_of(document)
    # Every area to develop has a link to its full list, and the words encourage.
    for area_id in AREA_IDS:
        assert document.find(f".//{NS}a[@href='/en/results/{area_id}']") is not None
    levels = {text_of(t) for t in document.iter(f"{NS}span") if "tag" in (t.get("class") or "").split()}
    assert levels == {"Start here"}


def test_an_area_page_of_an_unknown_area_is_a_404(client):
    lowest_client(client, "en")
    assert client.get("/en/results/no-such-area").status_code == 404
