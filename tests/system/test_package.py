"""The deployment section of the README, run as an operator would: build the wheel, install it in
a new virtual environment outside the checkout, migrate a PostgreSQL database in production mode
and serve with gunicorn; then a person completes a round in Finnish and in English, with styles."""

from __future__ import annotations

import http.client
import re
import subprocess
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import CHECKLIST
from serving import free_port, reachable, stop, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]
ADMIN_DATABASE = "postgresql://postgres@127.0.0.1:5432/test"
DATABASE = "checklist_package_test"

# What the README names, and what this test puts in its place.
README_SERVER_FOLDER = "/srv/checklist"
README_DATABASE_URL = "postgresql+psycopg://checklist@127.0.0.1:5432/checklist"
README_ADDRESS = "127.0.0.1:8000"


def deployment_script() -> str:
    """Return the shell block of the README's deployment section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Deployment\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    if not (reachable("127.0.0.1", 5432) and reachable("127.0.0.1", 6379)):
        pytest.skip("the deployment test needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379")
    import psycopg

    def recreate(create: bool) -> None:
        with psycopg.connect(ADMIN_DATABASE, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            if create:
                connection.execute(f"CREATE DATABASE {DATABASE}")

    recreate(True)
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{DATABASE}"
    recreate(False)


@pytest.fixture(scope="module")
def served(database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """Run the README's lines, with a temporary folder, database and port; yield the port."""
    tmp_path = tmp_path_factory.mktemp("deployment")
    script = deployment_script()
    for named in (README_SERVER_FOLDER, README_DATABASE_URL, README_ADDRESS):
        assert named in script, f"the README's deployment section no longer names {named}"
    port = free_port()
    script = (
        script.replace(README_DATABASE_URL, database)
        .replace(README_SERVER_FOLDER, str(tmp_path / "server"))
        .replace(README_ADDRESS, f"127.0.0.1:{port}")
        .replace("bin/gunicorn", "exec bin/gunicorn")
    )
    log = tmp_path / "deployment.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # Only what an operator's shell would have: nothing of this test run's environment.
            env={"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(Path.home())},
        )
    try:
        try:
            wait_until_serving(process, port, seconds=600)
        except AssertionError as error:
            raise AssertionError(f"{error}\n{log.read_text()[-3000:]}") from None
        yield port
    finally:
        stop(process)


class BrowserBehindProxy:
    """A person's browser reaching the app through the HTTPS proxy: the proxy sets the forwarded
    headers, and the browser keeps the Secure session cookie."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # Over HTTPS, the CSRF check also wants the form to come from the same site.
            headers["Referer"] = f"https://127.0.0.1:{self.port}{path}"
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            assert "Secure" in cookie and "HttpOnly" in cookie, cookie
            name, value = cookie.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        text = response.read().decode()
        connection.close()
        return response.status, response.headers, text

    def get(self, path: str) -> str:
        status, _, text = self.request("GET", path)
        assert status == 200, (path, status)
        return text

    def submit(self, path: str, page: str, fields: dict[str, str]) -> str:
        """Post a form of the page with its CSRF token, as the browser does; return where it leads."""
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        status, headers, _ = self.request("POST", path, {"csrf_token": token, **fields})
        assert status in (302, 303), (path, status)
        location = headers["Location"]
        return urllib.parse.urlsplit(location).path


def answer_lowest(page: str) -> dict[str, str]:
    """Answer every statement of an area page with its first (lowest) answer, and Finnish level A2."""
    fields: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]*>", page):
        if 'type="radio"' in tag:
            name = re.search(r'name="([^"]+)"', tag).group(1)
            value = re.search(r'value="([^"]+)"', tag).group(1)
            if name not in fields or value == "A2":
                fields[name] = value
    return fields


@pytest.mark.parametrize(("lang", "level_word"), [("fi", "Aloita tästä"), ("en", "Start here"), ("ar", "ابدأ من هنا")])
def test_the_installed_package_serves_a_whole_round(served, lang, level_word):
    browser = BrowserBehindProxy(served)
    landing = browser.get(f"/{lang}/")
    path = browser.submit(f"/{lang}/start", landing, {})
    areas = 0
    while path.startswith(f"/{lang}/area/"):
        page = browser.get(path)
        path = browser.submit(path, page, {**answer_lowest(page), "action": "next"})
        areas += 1
    assert areas == 6
    results = browser.get(f"/{lang}/results")
    assert f'<html lang="{lang}"' in results
    assert "<svg" in results and level_word in results  # the chart, and the compiled translations
    first = CHECKLIST.areas[0]
    assert first.title(lang) in results  # the content, in its language (the content file is installed)
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', results).group(1)
    status, headers, css = browser.request("GET", stylesheet)
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert "@media" in css
