"""Each app has its own configuration, limits and cached HTML: two apps in one process, as in the
tests or behind one WSGI dispatcher, never see each other's."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from checklist import create_app
from checklist.content import DEFAULT_CHECKLIST_PATH

from conftest import CheckingClient, make_app
from helpers import CATALOGUE, CHECKLIST, complete

WRONG_CODE = {"code": "AAAA-AAAA-AAAA"}


def test_configuration_is_read_when_the_app_is_created(monkeypatch):
    monkeypatch.setenv("RETENTION_DAYS", "30")
    monkeypatch.setenv("SECRET_KEY", "set-after-import")
    app = create_app({"RETENTION_DAYS": 7}, environment="test", checklist=CHECKLIST, catalogue=CATALOGUE)
    assert app.config["RETENTION_DAYS"] == 7
    # Derived from the value passed in, not from the environment's 30 days.
    assert timedelta(seconds=app.config["PERMANENT_SESSION_LIFETIME"]) == timedelta(days=7)
    assert app.config["SECRET_KEY"] == "set-after-import"
    monkeypatch.setenv("RETENTION_DAYS", "45")
    later = create_app(environment="test", checklist=CHECKLIST, catalogue=CATALOGUE)
    assert later.permanent_session_lifetime == timedelta(days=45)


def test_two_apps_count_failed_look_ups_apart(more_apps):
    first = more_apps(make_app(RATELIMIT_CODE_LOOKUPS="3 per minute"))
    second = more_apps(make_app(RATELIMIT_CODE_LOOKUPS="3 per minute"))
    for _ in range(3):
        assert first.post_form("/en/counsellor", WRONG_CODE).status_code == 404
    assert first.post_form("/en/counsellor", WRONG_CODE).status_code == 429
    assert second.post_form("/en/counsellor", WRONG_CODE).status_code == 404


@pytest.fixture
def changed_checklist(tmp_path: Path) -> Path:
    """The shipped checklist with the CV statement reworded."""
    text = Path(DEFAULT_CHECKLIST_PATH).read_text(encoding="utf-8")
    original = CHECKLIST.statement("cv-finnish").text.en
    assert text.count(original) == 1
    path = tmp_path / "checklist.yaml"
    path.write_text(text.replace(original, "I have a CV, reworded for this test."), encoding="utf-8")
    return path


def test_two_apps_with_different_content_render_their_own_text(changed_checklist, more_apps):
    original, reworded = CHECKLIST.statement("cv-finnish").text.en, "reworded for this test"
    changed_app = create_app({"CHECKLIST_PATH": str(changed_checklist)}, environment="test")
    changed_app.test_client_class = CheckingClient
    # The shipped app renders first and last, so a cache shared between the apps would show.
    for app, shows, never in [(make_app(), original, reworded), (changed_app, reworded, original)] * 2:
        client = more_apps(app)
        complete(client, "en", {"tools": 0})
        # The statement's radios on its area page, and the reason quoted in a suggestion.
        for path in ("/en/area/tools", "/en/results/tools"):
            page = client.get(path).get_data(as_text=True)
            assert shows in page and never not in page, path


def test_foreign_keys_are_switched_on_for_the_apps_sqlite_engine_alone(app):
    """SQLite honours ON DELETE only when asked; the app asks on its own engine, not on others."""
    from sqlalchemy import create_engine, text

    from checklist.models import db

    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("a SQLite setting")
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with create_engine("sqlite://").connect() as other:
        assert other.execute(text("PRAGMA foreign_keys")).scalar() == 0
