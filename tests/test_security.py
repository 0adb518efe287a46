import re

import pytest

from checklist import create_app
from checklist.config import check_production

from helpers import complete
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
