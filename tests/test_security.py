import re

import pytest

from checklist import create_app, templating
from checklist.config import check_production, settings
from checklist.share_codes import qr_svg

from conftest import make_app
from helpers import AREA_IDS, complete
from pagecheck import NS, parse

CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
PAGES = ["/fi/", "/en/privacy", "/fi/area/tools", "/en/nowhere", "/static/style.css", "/"]


@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_the_security_headers(client, path):
    with client.get(path) as response:
        headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in headers


def test_hsts_only_over_https(client):
    headers = client.get("/fi/", base_url="https://localhost").headers
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_session_cookie_is_httponly_and_samesite_lax(client):
    complete(client, "fi")
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax"
    assert not cookie.secure  # development: plain http on localhost


def test_production_refuses_to_start_without_a_real_secret_key(monkeypatch):
    monkeypatch.setenv("CHECKLIST_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"SECRET_KEY": "development-only-not-secret"})
    with pytest.raises(RuntimeError):
        check_production({"SECRET_KEY": "short"})


def test_production_cookies_are_secure(monkeypatch):
    monkeypatch.setenv("CHECKLIST_ENV", "production")
    app = create_app({"SECRET_KEY": "k" * 64, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True


def test_no_page_loads_anything_from_another_origin(client):
    complete(client, "en")
    for path in ["/en/", "/en/results", "/en/area/channels"]:
        document = parse(client.get(path).get_data(as_text=True))
        resources = [e.get("src") for e in document.iter() if e.get("src")]
        resources += [e.get("href") for e in document.iter(f"{NS}link")]
        resources += [e.get("action") for e in document.iter(f"{NS}form") if e.get("action")]
        assert resources, path
        assert all(r.startswith("/") and not r.startswith("//") for r in resources), resources


def referer_a_browser_sends(policy: str, page: str) -> dict[str, str]:
    """Return the Referer header a browser sends when a page of ours posts a form to our own origin,
    under the page's Referrer-Policy (the Referrer Policy spec, same-origin requests only)."""
    if policy == "no-referrer":
        return {}
    if policy in ("origin", "strict-origin"):
        return {"Referer": page.split("/", 3)[0] + "//" + page.split("/", 3)[2] + "/"}
    return {"Referer": page}


@pytest.mark.csrf
def test_a_browser_can_send_a_form_over_https(client):
    """Flask-WTF refuses a POST over HTTPS without a Referer from this site: the page's policy must
    let the browser send one to our own origin."""
    landing = client.get("/fi/", base_url="https://localhost")
    token = CSRF_FIELD.search(landing.get_data(as_text=True)).group(1)
    referer = referer_a_browser_sends(landing.headers["Referrer-Policy"], "https://localhost/fi/")
    started = client.post("/fi/start", data={"csrf_token": token}, base_url="https://localhost", headers=referer)
    assert started.status_code == 302, started.status_code
    # And a form that names another site is still refused.
    forged = client.post(
        "/fi/start",
        data={"csrf_token": token},
        base_url="https://localhost",
        headers={"Referer": "https://evil.example/"},
    )
    assert forged.status_code == 400


EVIL = {"HTTP_X_FORWARDED_HOST": "evil.example", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}


@pytest.fixture
def qr_addresses(monkeypatch) -> list[str]:
    """Return the addresses the QR codes of the test were drawn for (a live list)."""
    drawn: list[str] = []

    def drawing(url: str) -> str:
        drawn.append(url)
        return qr_svg(url)

    monkeypatch.setattr(templating, "qr_svg", drawing)
    return drawn


@pytest.mark.parametrize(
    ("public_url", "expected"),
    [
        (None, "http://localhost/fi/counsellor#"),
        ("https://checklist.example.fi", "https://checklist.example.fi/fi/counsellor#"),
    ],
)
def test_a_forwarded_host_never_reaches_redirects_or_paper(more_apps, qr_addresses, public_url, expected):
    app = make_app(TRUSTED_PROXIES=1, PUBLIC_URL=public_url)
    client = more_apps(app)
    client.environ_base.update(EVIL)
    responses = [client.get("/"), client.get("/fi/coordinator"), client.get("/fi/results/print")]
    responses.append(complete(client, "fi"))
    responses += [client.get(path) for path in ("/fi/results", "/fi/results/print")]
    code = re.search(r'<strong class="code" dir="ltr">([A-Z0-9-]+)</strong>', responses[-1].text).group(1)
    counsellor = app.test_client()
    counsellor.environ_base.update(EVIL)
    responses += [counsellor.post("/fi/counsellor", data={"code": code}), counsellor.get("/fi/session/print")]
    assert [r.status_code for r in responses[-4:]] == [200, 200, 302, 200]
    for response in responses:
        assert "evil.example" not in (response.location or "") + response.text
    assert len(qr_addresses) == 3 and all(url.startswith(expected) for url in qr_addresses), qr_addresses


@pytest.mark.parametrize("value", ["checklist.example.fi", "https://checklist.example.fi/path", "ftp://example.fi"])
def test_public_url_must_be_a_scheme_and_a_host(value):
    with pytest.raises(RuntimeError, match="PUBLIC_URL"):
        settings("test", {"PUBLIC_URL": value})
    assert settings("test", {"PUBLIC_URL": "https://checklist.example.fi/"})["PUBLIC_URL"] == (
        "https://checklist.example.fi"
    )


def test_pages_with_a_persons_data_are_never_stored(app, coordinator):
    person = app.test_client()
    complete(person, "fi")
    code = re.search(r'<strong class="code" dir="ltr">([A-Z0-9-]+)</strong>', person.get("/fi/results").text).group(1)
    pages = ["/fi/results", "/fi/results/print", f"/fi/results/{AREA_IDS[0]}", "/fi/coordinator/login"]
    responses = [person.get(path) for path in pages]
    counsellor = app.test_client()
    responses.append(counsellor.post("/fi/counsellor", data={"code": code}))
    responses += [counsellor.get(path) for path in ("/fi/session", "/fi/session/print")]
    responses += [coordinator.get(path) for path in ("/fi/coordinator/", "/fi/coordinator/export.csv")]
    responses += [coordinator.get("/fi/coordinator/statements.csv"), coordinator.get("/fi/coordinator/services/")]
    assert all(r.status_code in (200, 302) for r in responses)
    assert [r.headers.get("Cache-Control") for r in responses] == ["no-store"] * len(responses)


def test_static_files_keep_their_own_caching(client):
    with client.get("/static/style.css") as response:
        assert "no-store" not in response.headers.get("Cache-Control", "")
