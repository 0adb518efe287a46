"""A NUL character anywhere in a request is refused with a clear 400, never a server error.

PostgreSQL refuses a NUL in a text, so without the app-wide check these end in a 500 there (run
them with TEST_DATABASE_URL pointing at PostgreSQL to see it); on SQLite they would be stored.
"""

from __future__ import annotations

import pytest

from checklist.models import NextStep, Round, db

from conftest import CheckingClient
from helpers import complete

MESSAGE = {"en": "The form or the address had a character that cannot be saved", "fi": "merkki, jota ei voi tallentaa"}


def refused(response, lang: str = "en") -> bool:
    return response.status_code == 400 and MESSAGE[lang] in response.get_data(as_text=True)


@pytest.fixture
def counsellor(app, client) -> CheckingClient:
    """A counsellor who has opened a client's results."""
    complete(client, "en")
    client.get("/en/results")
    with app.app_context():
        code = db.session.scalar(db.select(Round.share_code))
    counsellor = app.test_client()
    assert counsellor.post_form("/en/counsellor", {"code": code}).status_code == 302
    return counsellor


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/en/second-language", {"second_language": "fi\x00", "back": "/en/"}),
        ("/en/second-language", {"second_language": "fi", "back": "/en/\x00"}),
        ("/en/counsellor", {"code": "ABCD-\x00EFG-HJKM"}),
        ("/en/coordinator/login", {"name": "maija\x00", "password": "a long enough password"}),
        ("/en/coordinator/login", {"name": "maija", "password": "a long enough\x00 password"}),
        ("/en/area/channels", {"find-job-ads": "2\x00", "action": "next"}),
    ],
)
def test_a_nul_in_a_form_field_is_a_clear_400(client, path, data):
    assert refused(client.post_form(path, data))


@pytest.mark.csrf
@pytest.mark.parametrize("path", ["/en/start", "/en/counsellor/paper", "/en/session/close"])
def test_a_nul_in_any_field_name_or_value_is_refused_where_every_form_is_read(client, path):
    # With CSRF protection on, as in production, every POST's form is read before its view runs.
    assert refused(client.post_form(path, {"x\x00": "1"}))
    assert refused(client.post_form(path, {"x": "\x00"}))


def test_a_nul_in_a_next_step_is_refused_and_nothing_is_saved(app, counsellor):
    for field in ("steps-0-text", "steps-0-who", "steps-0-due", "steps-0-id"):
        data = {"steps-0-text": "Update the CV", field: "Update\x00 the CV"}
        assert refused(counsellor.post_form("/en/session/steps", data)), field
    with app.app_context():
        assert db.session.scalars(db.select(NextStep)).all() == []


@pytest.mark.parametrize(
    "path",
    [
        "/en/paper?second=fi%00",
        "/en/?x=%00",
        "/en/?%00=1",
        "/en/coordinator/?from=2026-01%00",
        "/en/coordinator/services/?q=library%00",
    ],
)
def test_a_nul_in_the_query_is_a_clear_400(client, path):
    assert refused(client.get(path))


@pytest.mark.parametrize(
    "path",
    [
        "/en/coordinator/services/city-library%00",
        "/en/results/channels%00",
        "/en/counsellor%00",
        "/en%00/",
        "/%00/",
    ],
)
def test_a_nul_in_the_path_is_a_clear_400(client, path):
    # Where the path has no language of ours, the page speaks the browser's.
    assert refused(client.get(path, headers={"Accept-Language": "en"}))


def test_a_nul_in_a_service_id_is_a_400_for_a_logged_in_coordinator(coordinator):
    assert refused(coordinator.get("/en/coordinator/services/x%00"))
    assert refused(coordinator.get("/en/coordinator/services/x%00/edit"))
    assert refused(coordinator.post_form("/en/coordinator/services/x%00/retire"))
    assert refused(coordinator.post_form("/en/coordinator/services/new", {"id": "new\x00-id", "action": "save"}))


def test_the_message_is_in_the_page_language(client):
    assert refused(client.post_form("/fi/counsellor", {"code": "\x00"}), "fi")
