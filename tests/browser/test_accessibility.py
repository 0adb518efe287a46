"""axe-core in Chromium: no WCAG 2.1 A or AA violation on any page type, in any language."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from checklist.content import LANGUAGE_AREA_ID
from checklist.desk.i18n import DESK_LANGUAGES

from .conftest import NEXT, new_visit
from conftest import COORDINATOR_NAME, COORDINATOR_PASSWORD
from helpers import CATALOGUE, LANGS, second_language_for

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser

    from .conftest import Visit

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = [
    "landing",
    "area",
    "language-area",
    "area-with-errors",
    "profile",
    "results",
    "print",
    "results-area",
    "courses",
    "delete",
    "session",
    "counsellor",
    "paper",
    "paper-entry",
    "privacy",
    "404",
]
# The coordinator's desk speaks Finnish and English only (elsewhere it leads to the Finnish page).
DESK_PAGE_TYPES = [
    "coordinator-login",
    "coordinator-login-error",
    "dashboard",
    "services",
    "service",
    "service-form-errors",
    "service-retire",
    "recheck",
]
SERVICE = CATALOGUE.services[0].id


def log_in(visit: Visit, lang: str) -> None:
    """Log in as the live server's coordinator, unless this page is logged in already."""
    page = visit.page
    page.goto(f"/{lang}/coordinator/")
    if page.url.endswith("/login"):
        page.fill("#name", COORDINATOR_NAME)
        page.fill("#password", COORDINATOR_PASSWORD)
        visit.submit("main form button.button")


def reach(visit: Visit, lang: str, page_type: str) -> None:
    """Open a page of this type the way a person gets there."""
    page = visit.page
    if page_type == "landing":
        page.goto(f"/{lang}/")
    elif page_type == "privacy":
        page.goto(f"/{lang}/privacy")
    elif page_type == "counsellor":
        page.goto(f"/{lang}/counsellor")
    elif page_type == "paper":
        page.goto(f"/{lang}/paper?second={second_language_for(lang)}")
    elif page_type == "paper-entry":
        page.goto(f"/{lang}/counsellor/paper")
    elif page_type == "404":
        assert page.goto(f"/{lang}/nowhere").status == 404
    elif page_type.startswith("coordinator-login"):
        page.context.clear_cookies()
        page.goto(f"/{lang}/coordinator/login")
        if page_type == "coordinator-login-error":
            page.fill("#name", COORDINATOR_NAME)
            visit.submit("main form button.button")
            assert page.locator(".error-summary").count() == 1
    elif page_type in ("dashboard", "services", "service", "service-form-errors", "service-retire", "recheck"):
        visit.complete(lang)  # a round for the figures
        log_in(visit, lang)
        page.goto(
            f"/{lang}/coordinator/"
            + {
                "dashboard": "",
                "services": "services/",
                "service": f"services/{SERVICE}",
                "service-form-errors": f"services/{SERVICE}/edit",
                "service-retire": f"services/{SERVICE}/retire",
                "recheck": "services/recheck",
            }[page_type]
        )
        if page_type == "service-form-errors":
            page.fill("#url_fi", "http://example.org")
            visit.submit("button[name='action'][value='save']")
            assert page.locator(".error-summary").count() == 1
    elif page_type == "results":
        visit.complete(lang)
    elif page_type == "print":
        visit.complete(lang)
        page.goto(f"/{lang}/results/print")
    elif page_type in ("results-area", "courses", "delete"):
        visit.complete(lang)
        page.goto(
            f"/{lang}/results/" + {"results-area": "tools", "courses": "finnish-courses"}.get(page_type, page_type)
        )
    elif page_type == "session":
        visit.complete(lang)
        code = page.inner_text(".share__code .code")
        page.goto(f"/{lang}/counsellor")
        page.fill("#code", code)
        visit.submit("main form button.button")
        page.fill("#steps-0-text", "CV")
        visit.submit("form[action$='/session/steps'] button.button:not(.button--small)")
    elif page_type == "profile":
        visit.complete(lang)
        page.goto(f"/{lang}/profile")
    else:
        visit.start(lang)
        if page_type == "language-area":
            page.goto(f"/{lang}/area/{LANGUAGE_AREA_ID}")
        elif page_type == "area-with-errors":
            visit.submit(NEXT)
            assert page.locator(".error-summary").count() == 1


def describe(violations: list[dict]) -> str:
    """Return each violation's id, impact and failing nodes, one per line."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {' '.join(map(str, node['target']))}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.fixture(scope="module")
def phone(browser: Browser, live_server: str) -> Iterator[Visit]:
    """One phone page for the module: each test reaches its page from scratch, so they can share it."""
    visit = new_visit(browser, live_server)
    yield visit
    visit.page.context.close()


@pytest.mark.parametrize(
    ("lang", "page_type"),
    [(lang, page_type) for lang in LANGS for page_type in PAGE_TYPES]
    + [(lang, page_type) for lang in DESK_LANGUAGES for page_type in DESK_PAGE_TYPES],
)
def test_no_wcag_violations(phone, lang, page_type):
    """axe finds no WCAG 2.1 A/AA violation on the page, at the phone size."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python missing")
    visit = phone
    reach(visit, lang, page_type)
    assert visit.html_lang() == lang
    results = axe.Axe().run(
        visit.page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    if violations:
        print(describe(violations))
    assert results.violations_count == 0, f"{page_type} ({lang}):\n{describe(violations)}"
