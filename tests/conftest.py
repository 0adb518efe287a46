from __future__ import annotations

import os
import re

import pytest
from flask.testing import FlaskClient

from checklist import create_app
from checklist.models import db

from pagecheck import check_page

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


class CheckingClient(FlaskClient):
    """A test client that checks every HTML page it gets, and can fill in the CSRF token."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302:
            check_page(response.get_data(as_text=True), response.request.path)
        return response

    def csrf_token(self, path: str = "/fi/") -> str:
        """Return a CSRF token for this client's session."""
        match = CSRF.search(self.get(path).get_data(as_text=True))
        return match.group(1) or match.group(2)

    def post_form(self, path: str, data: dict | None = None, **kwargs):
        """POST a form with a valid CSRF token."""
        return self.post(path, data={"csrf_token": self.csrf_token(), **(data or {})}, **kwargs)


def database_url() -> str:
    """Return the test database: in-memory SQLite, or TEST_DATABASE_URL (e.g. PostgreSQL)."""
    return os.environ.get("TEST_DATABASE_URL", "sqlite://")


def pytest_report_header() -> str:
    url = database_url()
    name = "SQLite in memory" if url == "sqlite://" else url.split("://")[0]
    return f"database: {name} (set TEST_DATABASE_URL to run on another)"


@pytest.fixture
def app():
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": database_url()})
    app.test_client_class = CheckingClient
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def client(app) -> CheckingClient:
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
