from datetime import timedelta

import pytest

from checklist.models import Round, db, utcnow

from helpers import area_answers, complete


def stored(app) -> Round:
    with app.app_context():
        return db.session.scalars(db.select(Round)).one()


@pytest.fixture
def answered(client, app):
    """A person who has answered the first area with all 'Mostly true'."""
    client.post_form("/en/start")
    client.post_form("/en/area/channels", {**area_answers("channels", 2), "action": "next"})
    return client


@pytest.mark.parametrize("value", ["7", "-1", "3.0", "<script>alert(1)</script>", "x" * 2000, "' OR 1=1 --"])
def test_a_tampered_answer_gets_a_form_error_and_loses_nothing(answered, app, value):
    data = {**area_answers("channels", 3), "find-job-ads": value, "action": "next"}
    response = answered.post_form("/en/area/channels", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "– Choose one of the answers shown</a>" in html
    assert "<script>alert" not in html
    # The tampered field keeps its stored answer; the valid ones sent with it are saved.
    assert 'id="find-job-ads-3" name="find-job-ads" type="radio" value="2" checked' in html
    answers = stored(app).answers
    assert answers["find-job-ads"] == 2 and answers["career-pages"] == 3


def test_a_tampered_finnish_level_is_refused(answered, app):
    data = {**area_answers("language", 2), "finnish-level": "C2", "action": "next"}
    html = answered.post_form("/en/area/language", data).get_data(as_text=True)
    assert "Choose one of the levels shown" in html
    assert stored(app).finnish_level is None


@pytest.mark.csrf
@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_missing_or_wrong_csrf_token_is_a_clear_400_and_keeps_the_answers(answered, app, token):
    data = {**area_answers("channels", 0), "action": "next"}
    if token is not None:
        data["csrf_token"] = token
    response = answered.post("/fi/area/channels", data=data)
    assert response.status_code == 400
    assert "Lomaketta ei voitu lähettää" in response.get_data(as_text=True)
    assert stored(app).answers["find-job-ads"] == 2


@pytest.mark.parametrize(
    ("path", "accept", "text"),
    [
        ("/sv/", "fi", "Sivua ei löytynyt"),
        ("/sv/area/channels", "en", "Page not found"),
        ("/de/results", "", "Sivua ei löytynyt"),
        ("/fi/area/unknown-area", "en", "Sivua ei löytynyt"),
        ("/en/area/unknown-area", "fi", "Page not found"),
        ("/en/no-such-page", "fi", "Page not found"),
    ],
)
def test_unknown_languages_and_pages_are_a_translated_404(client, path, accept, text):
    response = client.get(path, headers={"Accept-Language": accept})
    assert response.status_code == 404
    assert text in response.get_data(as_text=True)


def test_results_without_answers_are_a_404_that_offers_a_fresh_start(client):
    response = client.get("/en/results")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "No answers found" in html and 'action="/en/start"' in html


def test_an_expired_round_is_not_shown(client, app):
    complete(client, "en")
    with app.app_context():
        found = db.session.scalars(db.select(Round)).one()
        found.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert client.get("/en/results").status_code == 404
    assert "Continue where you left off" not in client.get("/en/").get_data(as_text=True)


def test_a_deleted_round_is_not_shown_and_answering_starts_afresh(answered, app):
    with app.app_context():
        db.session.execute(db.delete(Round))
        db.session.commit()
    assert answered.get("/fi/results").status_code == 404
    # Answers sent for a round that no longer exists are saved in a new one, not lost.
    response = answered.post_form("/fi/area/tools", {**area_answers("tools", 3), "action": "next"})
    assert response.location == "/fi/area/working-life"
    assert stored(app).answers == {s: 3 for s in area_answers("tools", 3)}


@pytest.mark.parametrize(
    ("method", "path", "text"),
    [
        ("get", "/fi/start", "Sivua ei voi avata näin"),
        ("put", "/fi/area/channels", "Sivua ei voi avata näin"),
        ("delete", "/en/results", "This page cannot be opened this way"),
        ("post", "/en/", "This page cannot be opened this way"),
    ],
)
def test_a_wrong_method_is_a_translated_405(client, method, path, text):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert text in response.get_data(as_text=True)


def test_an_oversized_body_is_a_translated_413_and_keeps_the_answers(answered, app):
    data = {**area_answers("channels", 0), "action": "next", "padding": "x" * 40_000}
    response = answered.post_form("/en/area/channels", data)
    assert response.status_code == 413
    assert "Too much was sent" in response.get_data(as_text=True)
    assert stored(app).answers["find-job-ads"] == 2
