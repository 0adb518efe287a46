"""Fixtures for the real-browser tests: one live server and one Chromium for the whole session."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server

from checklist import catalogue_store, coordinators, create_app
from checklist.models import db
from checklist.statistics import quarter_of, quarters_before

from conftest import COORDINATOR_NAME, COORDINATOR_PASSWORD
from helpers import AREA_IDS, add_statistics, area_answers

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the browser tests skip themselves; the rest of the suite still runs
    sync_playwright = None

# Debian's Chromium: Playwright's own browser downloads are never used.
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {
    "viewport": {"width": 1280, "height": 800},
    "device_scale_factor": 1,
    "is_mobile": False,
    "has_touch": False,
}
NEXT = "#answers button[name=action][value=next]"
BACK = "#answers button[name=action][value=back]"
START = 'form[action$="/start"] button'
# The optional profile between the last area and the results: its form has one button.
PROFILE_SUBMIT = "main form[method=post] button"

# A failing step should fail within seconds, not after Playwright's default 30 s.
TIMEOUT_MS = 10_000


class QuietHandler(WSGIRequestHandler):
    """Log errors but not every request: a failing test's output should show the failure."""

    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: end-to-end tests in a real browser (Chromium)")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the app from a thread on a free port, with its own SQLite file; yield its origin."""
    database = tmp_path_factory.mktemp("browser") / "b.db"
    app = create_app(
        {
            "SECRET_KEY": "browser-tests-secret-key-not-for-production",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            # Served over plain http: a Secure cookie would never come back.
            "SESSION_COOKIE_SECURE": False,
        }
    )
    with app.app_context():
        db.create_all()
        # As `flask catalogue seed` does at set-up: no page view seeds the catalogue.
        catalogue_store.seed()
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
        # The dashboard shows ended quarters only: give it one with figures to show.
        add_statistics(quarters_before(quarter_of(date.today()), 1), 12)
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
    with app.app_context():
        db.engine.dispose()


def launch_chromium() -> Iterator[Browser]:
    """Launch Debian's Chromium, or skip when it or Playwright is missing. The `browser` fixture in
    tests/conftest.py runs it once for the whole test run: the browser and system tests share it, as
    Playwright's sync API drives one at a time."""
    if sync_playwright is None:
        pytest.skip("playwright is not installed: browser tests skipped")
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM}: browser tests skipped")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@dataclass
class Visit:
    """A page in a fresh browser context, with every URL the context has requested."""

    page: Page
    origin: str
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Return the requests that went anywhere but the live server."""
        return [url for url in self.requests if not url.startswith(self.origin + "/")]

    def html_lang(self) -> str | None:
        return self.page.get_attribute("html", "lang")

    def submit(self, selector: str) -> None:
        """Press a button that sends a form, and wait for the next page."""
        with self.page.expect_navigation():
            self.page.locator(selector).click()

    def start(self, lang: str) -> None:
        """Open the landing page and start a round with its button."""
        self.page.goto(f"/{lang}/")
        self.submit(START)
        self.page.wait_for_url(f"**/{lang}/area/{AREA_IDS[0]}")

    def complete(self, lang: str) -> None:
        """Start a round, answer every area and open the results: a quick way to the later pages."""
        # The answers go straight to the server with the context's own cookies, without rendering
        # each area: the journeys test the answering itself, and this keeps the suite fast.
        self.start(lang)
        token = self.page.get_attribute("#answers input[name=csrf_token]", "value")
        for area_id in AREA_IDS:
            form = {"csrf_token": token, **area_answers(area_id, 2), "action": "next"}
            response = self.page.request.post(f"/{lang}/area/{area_id}", form=form)
            assert response.ok, f"answering {area_id} failed: {response.status}"
        self.page.goto(f"/{lang}/results")
        # The optional profile may stand before the results: leave it empty.
        if self.page.url.endswith("/profile"):
            self.submit(PROFILE_SUBMIT)
        self.page.wait_for_url(f"**/{lang}/results")


def new_visit(browser: Browser, origin: str, **options: Any) -> Visit:
    """Open a page in a new context (phone by default) that records every request it makes."""
    context = browser.new_context(base_url=origin, **{**PHONE, **options})
    context.set_default_timeout(TIMEOUT_MS)
    visit = Visit(page=context.new_page(), origin=origin)
    context.on("request", lambda request: visit.requests.append(request.url))
    return visit


@pytest.fixture
def open_page(browser: Browser, live_server: str) -> Iterator[Callable[..., Visit]]:
    """Return a factory of fresh pages (see new_visit); close their contexts afterwards."""
    visits: list[Visit] = []

    def factory(**options: Any) -> Visit:
        visits.append(new_visit(browser, live_server, **options))
        return visits[-1]

    yield factory
    for visit in visits:
        visit.page.context.close()
