"""Security events go to the logger checklist.security (what, who, from where), and no log holds a
password, an answer, a text or a round's id."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from sqlalchemy.exc import IntegrityError

from checklist import coordinators, create_app
from checklist.catalogue import DEFAULT_CATALOGUE_PATH, raw_services
from checklist.models import db

from conftest import COORDINATOR_NAME, COORDINATOR_PASSWORD, make_app

ADDRESS = "203.0.113.5"
SERVICE = raw_services(DEFAULT_CATALOGUE_PATH)[0]["id"]


@pytest.fixture
def events(caplog) -> SimpleNamespace:
    """Give the security events logged so far (lines()) and everything logged (text())."""
    caplog.set_level(logging.INFO, logger="checklist.security")
    return SimpleNamespace(
        lines=lambda: [r.getMessage() for r in caplog.records if r.name == "checklist.security"],
        text=lambda: caplog.text,
    )


def post_from(client, path: str, data: dict | None = None):
    return client.post(path, data=data or {}, environ_base={"REMOTE_ADDR": ADDRESS})


def test_a_login_and_a_failed_one_are_logged_with_the_name_and_address(app, client, events):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    post_from(client, "/fi/coordinator/login", {"name": "nobody", "password": "guessed secret"})
    post_from(client, "/fi/coordinator/login", {"name": COORDINATOR_NAME, "password": COORDINATOR_PASSWORD})
    post_from(client, "/fi/coordinator/logout")
    assert events.lines() == [
        f"login failed: name='nobody' address='{ADDRESS}'",
        f"login: name='{COORDINATOR_NAME}' address='{ADDRESS}'",
        f"logout: name='{COORDINATOR_NAME}' address='{ADDRESS}'",
    ]
    assert "guessed secret" not in events.text() and COORDINATOR_PASSWORD not in events.text()


def test_a_blocked_login_is_logged(more_apps, events):
    app = make_app(RATELIMIT_LOGINS_PER_ACCOUNT_AND_ADDRESS="1 per hour")
    client = more_apps(app)
    post_from(client, "/fi/coordinator/login", {"name": "maija", "password": "guessed secret"})
    assert post_from(client, "/fi/coordinator/login", {"name": "maija", "password": "again"}).status_code == 429
    assert events.lines()[-1] == f"login blocked: name='maija' address='{ADDRESS}'"


def test_a_name_tried_cannot_forge_a_line_of_the_log(client, events):
    post_from(client, "/fi/coordinator/login", {"name": "x\nlogin: name='maija'", "password": "guessed secret"})
    assert events.lines() == [f"login failed: name=\"x\\nlogin: name='maija'\" address='{ADDRESS}'"]


def test_accounts_added_and_removed_are_logged_with_the_operator(app, runner, events, monkeypatch):
    monkeypatch.setattr("checklist.cli.operator", lambda: "root")
    runner.invoke(args=["coordinator", "add", "aatu"], input=COORDINATOR_PASSWORD + "\n")
    runner.invoke(args=["coordinator", "remove", "aatu"])
    assert events.lines() == [
        "coordinator account added: name='aatu' by='root'",
        "coordinator account removed: name='aatu' by='root'",
    ]
    assert COORDINATOR_PASSWORD not in events.text()


def test_catalogue_changes_and_exports_are_logged_with_who_and_where(coordinator, events):
    post_from(coordinator, f"/en/coordinator/services/{SERVICE}/checked")
    post_from(coordinator, f"/en/coordinator/services/{SERVICE}/retire", {"confirm": "y"})
    post_from(coordinator, f"/en/coordinator/services/{SERVICE}/restore")
    coordinator.get("/en/coordinator/export.csv", environ_base={"REMOTE_ADDR": ADDRESS})
    coordinator.get("/en/coordinator/statements.csv?from=2026-01", environ_base={"REMOTE_ADDR": ADDRESS})
    by = f"by='{COORDINATOR_NAME}' address='{ADDRESS}'"
    assert events.lines() == [
        f"catalogue entry checked: service='{SERVICE}' {by}",
        f"catalogue entry retired: service='{SERVICE}' {by}",
        f"catalogue entry restored: service='{SERVICE}' {by}",
        f"statistics exported: file='export.csv' {by}",
        f"statistics exported: file='statements.csv' {by}",
    ]


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///{tmp}/file.db", "postgresql+psycopg://checklist@127.0.0.1/c"])
def test_database_errors_never_carry_the_statements_values(url, tmp_path):
    # The engine is made without connecting: this checks the options each kind of database gets.
    url = url.format(tmp=tmp_path)
    app = create_app({"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": url}, environment="test")
    with app.app_context():
        assert db.engine.hide_parameters is True


def test_a_database_error_in_a_request_logs_no_round_id(more_apps, caplog, monkeypatch):
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    more_apps(app)
    # Every new round gets the same id: the second one to start is a duplicate key.
    secret_id = "a-round-id-that-is-a-secret-key-to-the-answers"
    monkeypatch.setattr("checklist.models.secrets", SimpleNamespace(token_urlsafe=lambda _: secret_id))
    assert app.test_client().post("/fi/start").status_code == 302
    caplog.set_level(logging.ERROR)
    assert app.test_client().post("/fi/start").status_code == 500
    assert "IntegrityError" in caplog.text and "parameters hidden" in caplog.text
    assert secret_id not in caplog.text


def test_postgresqls_details_of_a_key_stay_out_of_a_logged_traceback(app, caplog):
    # PostgreSQL's own message for a duplicate key, as psycopg gives it: hide_parameters cannot hide it.
    message = 'duplicate key value violates unique constraint "rounds_pkey"\nDETAIL:  Key (id)=(secret) already exists.'
    try:
        raise IntegrityError("INSERT INTO rounds (id) VALUES (%(id)s)", None, Exception(message), hide_parameters=True)
    except IntegrityError:
        app.logger.exception("Exception on /fi/start [POST]")
    assert "rounds_pkey" in caplog.text and "secret" not in caplog.text
