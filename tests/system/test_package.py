"""The deployment section of the README, run as an operator would: build the wheel, install it in
a new virtual environment outside the checkout, migrate a PostgreSQL database in production mode
and serve with gunicorn over HTTPS (a throwaway self-signed certificate); then real people in
Chromium, with nothing added by hand that a browser would not send: a client completes a round in
Finnish, English and Arabic, a counsellor opens it with its share code, a coordinator logs in."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from checklist.forms import LEVEL_FIELD

from helpers import CHECKLIST
from serving import free_port, reachable, stop, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]
ADMIN_DATABASE = "postgresql://postgres@127.0.0.1:5432/test"
DATABASE = "checklist_package_test"

# What the README names, and what this test puts in its place.
README_SERVER_FOLDER = "/srv/checklist"
README_DATABASE_URL = "postgresql+psycopg://checklist@127.0.0.1:5432/checklist"
README_ADDRESS = "127.0.0.1:8000"
COORDINATOR = "maija"
COORDINATOR_PASSWORD = "a long enough password for the desk"

try:
    from playwright.sync_api import Browser, Page
except ImportError:  # pragma: no cover - the test extras install it
    pytest.skip("playwright is not installed", allow_module_level=True)

from browser.conftest import PHONE, TIMEOUT_MS  # noqa: E402


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
    # A throwaway certificate: the browser reaches the app over real TLS, as it does the city's proxy.
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    script = (
        script.replace(README_DATABASE_URL, database)
        .replace(README_SERVER_FOLDER, str(tmp_path / "server"))
        .replace(README_ADDRESS, f"127.0.0.1:{port}")
        # The README's section on the desk: an operator adds a coordinator account.
        .replace(
            "bin/gunicorn",
            f"echo '{COORDINATOR_PASSWORD}' | bin/flask --app checklist coordinator add {COORDINATOR}\n"
            f"exec bin/gunicorn --certfile {certificate} --keyfile {key}",
        )
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


def answer_lowest(page: Page) -> None:
    """Tick the lowest answer of every statement on an area page, as a person would, and Finnish
    level A1 where the page asks it; then press Next."""
    names = page.eval_on_selector_all(
        "#answers input[type=radio]", "inputs => [...new Set(inputs.map(input => input.name))]"
    )
    for name in names:
        choice = (
            f'#answers input[name="{name}"][value="A1"]' if name == LEVEL_FIELD else f'#answers input[name="{name}"]'
        )
        page.locator(choice).first.check()
    with page.expect_navigation():
        page.locator("#answers button[name=action][value=next]").click()


def phone(browser: Browser, origin: str) -> Page:
    """A new browser context that trusts the throwaway certificate, as a person's phone would after
    the city's real one; nothing else is set by hand."""
    context = browser.new_context(base_url=origin, ignore_https_errors=True, **PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.mark.parametrize(("lang", "level_word"), [("fi", "Aloita tästä"), ("en", "Start here"), ("ar", "ابدأ من هنا")])
def test_a_client_and_a_counsellor_use_the_deployed_app_over_https(served, browser, lang, level_word):
    origin = f"https://127.0.0.1:{served}"
    client = phone(browser, origin)
    client.goto(f"/{lang}/")
    with client.expect_navigation():
        client.locator('form[action$="/start"] button').click()
    areas = 0
    while f"/{lang}/area/" in client.url:
        answer_lowest(client)
        areas += 1
    assert areas == 6
    if client.url.endswith("/profile"):
        with client.expect_navigation():
            client.locator("main form[method=post] button").click()
    assert client.url == f"{origin}/{lang}/results"
    assert client.get_attribute("html", "lang") == lang
    assert client.locator("svg").count() and level_word in client.content()  # chart and compiled translations
    assert CHECKLIST.areas[0].title.in_(lang) in client.content()  # the installed content file
    assert client.evaluate("getComputedStyle(document.body).display") == "block"  # the stylesheet loaded
    cookies = client.context.cookies()
    assert cookies and all(cookie["secure"] and cookie["httpOnly"] for cookie in cookies)
    code = client.locator(".share__code .code").inner_text()

    counsellor = phone(browser, origin)
    counsellor.goto(f"/{lang}/counsellor")
    counsellor.fill("#code", code)
    with counsellor.expect_navigation():
        counsellor.locator("main form button.button").click()
    assert counsellor.url == f"{origin}/{lang}/session"
    assert code in counsellor.content()


def test_a_coordinator_logs_in_over_https(served, browser):
    desk = phone(browser, f"https://127.0.0.1:{served}")
    desk.goto("/fi/coordinator/login")
    desk.fill("#name", COORDINATOR)
    desk.fill("#password", COORDINATOR_PASSWORD)
    with desk.expect_navigation():
        desk.locator("main form button.button").click()
    assert desk.url.endswith("/fi/coordinator/"), desk.url
