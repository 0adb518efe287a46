from __future__ import annotations

import os
import re

import pytest
from flask.testing import FlaskClient
from jinja2 import BytecodeCache

from checklist import attempts, catalogue_path, create_app
from checklist.catalogue_store import CatalogueStore
from checklist.models import db

from helpers import CATALOGUE, CHECKLIST
from pagecheck import check_page_once

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates, shared by the run's apps: each new app would compile them all again.
    Jinja checks each entry against the template's source, so a changed template recompiles."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = MemoryBytecodeCache()


class CheckingClient(FlaskClient):
    """A test client that checks every HTML page it gets."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            check_page_once(response.get_data(as_text=True), response.request.path)
        return response

    def csrf_token(self, path: str = "/fi/") -> str:
        """Return a CSRF token for this client's session (only the tests about CSRF need one)."""
        match = CSRF.search(self.get(path).get_data(as_text=True))
        return match.group(1) or match.group(2)

    def post_form(self, path: str, data: dict | None = None, **kwargs):
        """POST a form, with a valid CSRF token where the app checks one (the tests marked csrf)."""
        data = dict(data or {})
        if self.application.config.get("WTF_CSRF_ENABLED", True):
            data.setdefault("csrf_token", self.csrf_token())
        return self.post(path, data=data, **kwargs)


def database_url() -> str:
    """Return the test database: in-memory SQLite, or TEST_DATABASE_URL (e.g. PostgreSQL)."""
    return os.environ.get("TEST_DATABASE_URL", "sqlite://")


def make_app(**config):
    """Create an app with the test configuration and the content loaded once."""
    app = create_app(config, environment="test", checklist=CHECKLIST, catalogue=CATALOGUE)
    app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    app.test_client_class = CheckingClient
    return app


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "csrf: the test is about CSRF protection, which is on for it")


def pytest_report_header() -> str:
    url = database_url()
    name = "SQLite in memory" if url == "sqlite://" else url.split("://")[0]
    return f"database: {name} (set TEST_DATABASE_URL to run on another)"


def set_up(app) -> None:
    with app.app_context():
        db.create_all()


def tear_down(app) -> None:
    """Drop the app's tables and close its connections."""
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


# One app per CSRF setting for the whole run, on SQLite in memory: making an app, its tables, its
# URL rules and its compiled SQL anew for every test was most of a test's time. On another database
# (PostgreSQL in CI) each test gets an app of its own, its tables dropped after it, as before.
SHARED: dict[bool, object] = {}


def shared_app(csrf: bool):
    """Return the run's app with CSRF on or off, as a new app would be: no rows, no counts."""
    if csrf not in SHARED:
        SHARED[csrf] = make_app(WTF_CSRF_ENABLED=csrf)
        set_up(SHARED[csrf])
    app = SHARED[csrf]
    with app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        db.session.remove()
    # What an app holds besides its database: the attempt counts and the catalogue built from it.
    attempts.init_app(app)
    app.extensions["catalogue_store"] = CatalogueStore(CHECKLIST, CATALOGUE, catalogue_path(app.config))
    return app


@pytest.fixture
def app(request):
    csrf = request.node.get_closest_marker("csrf") is not None
    if database_url() != "sqlite://":
        app = make_app(WTF_CSRF_ENABLED=csrf)
        set_up(app)
        yield app
        tear_down(app)
        return
    app = shared_app(csrf)
    config = dict(app.config)
    yield app
    # A test may change the configuration; the next one gets it as it was.
    app.config.clear()
    app.config.update(config)


@pytest.fixture
def more_apps():
    """Return a function that gives a further app its tables and a client; tear them down after."""
    started = []

    def start(app) -> CheckingClient:
        set_up(app)
        started.append(app)
        return app.test_client()

    yield start
    for app in started:
        tear_down(app)


@pytest.fixture
def client(app) -> CheckingClient:
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


COORDINATOR_NAME = "maija"
COORDINATOR_PASSWORD = "a long enough password"


def log_in_coordinator(client: CheckingClient, name: str = COORDINATOR_NAME, password: str = COORDINATOR_PASSWORD):
    """Log a coordinator in through the login page; return the response."""
    return client.post_form("/fi/coordinator/login", {"name": name, "password": password})


@pytest.fixture
def coordinator(app, client) -> CheckingClient:
    """A client logged in as a coordinator, with the catalogue seeded (as `flask catalogue seed` does)."""
    from checklist import catalogue_store, coordinators

    with app.app_context():
        catalogue_store.seed()
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    response = log_in_coordinator(client)
    assert response.status_code == 302
    return client


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, launched once for the browser and system tests (tests/browser/conftest.py)."""
    from browser.conftest import launch_chromium

    yield from launch_chromium()
