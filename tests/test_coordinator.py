"""Coordinator accounts: made from the command line, hashed, logged in and out, limited, expiring."""

from datetime import timedelta

import pytest

from checklist import attempts, coordinators
from checklist.config import Config
from checklist.models import CoordinatorLogin, db, utcnow

from conftest import COORDINATOR_NAME, COORDINATOR_PASSWORD, log_in_coordinator, make_app
from pagecheck import NS, parse, text_of

PASSWORD = "twelve chars or more"


def error_text(response) -> str:
    document = parse(response.get_data(as_text=True))
    return text_of(document.find(f".//{NS}p[@class='error-message']"))


def test_an_operator_adds_lists_and_removes_coordinators(app, runner):
    # From a pipe the password is one line; a terminal would ask twice.
    result = runner.invoke(args=["coordinator", "add", "maija"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    runner.invoke(args=["coordinator", "add", "aatu"], input=PASSWORD + "\n")
    assert runner.invoke(args=["coordinator", "list"]).output.split() == ["aatu", "maija"]
    assert runner.invoke(args=["coordinator", "remove", "aatu"]).exit_code == 0
    assert runner.invoke(args=["coordinator", "list"]).output.split() == ["maija"]


def test_a_terminal_asks_for_the_password_twice(app, runner, monkeypatch):
    monkeypatch.setattr("checklist.cli.interactive", lambda: True)
    result = runner.invoke(
        args=["coordinator", "add", "maija"], input=f"{PASSWORD}\n{PASSWORD}x\n{PASSWORD}\n{PASSWORD}\n"
    )
    assert "Repeat for confirmation" in result.output and "do not match" in result.output
    assert result.exit_code == 0 and "Added coordinator maija." in result.output


@pytest.mark.parametrize(
    ("name", "password", "problem"),
    [
        ("maija", "eleven char", "at least 12 characters"),
        ("two words", PASSWORD, "without spaces"),
        ("maija", " " * 12, "blank or only spaces"),
        ("maija", "\t" * 20, "blank or only spaces"),
        ("maija", "x" * 129, "at most 128 characters; this one has 129"),
        ("maija", "passwordpassword", "too easy to guess"),
        ("maija", "qwertyuiop123", "too easy to guess"),
        ("maija", "Password2024!", "too easy to guess"),
        ("maija", "maija12345678", "too easy to guess"),
    ],
)
def test_accounts_refuse_weak_or_overlong_passwords_and_odd_names(app, runner, name, password, problem):
    result = runner.invoke(args=["coordinator", "add", name], input=password + "\n")
    assert result.exit_code == 1 and problem in result.output
    assert runner.invoke(args=["coordinator", "list"]).output == ""


def test_a_password_of_the_longest_length_works(app):
    longest = ("correct horse battery staple " * 5)[: coordinators.MAX_PASSWORD_LENGTH]
    with app.app_context():
        account = coordinators.add("maija", longest)
        assert coordinators.authenticate("maija", longest) is account


def test_a_too_long_password_at_login_is_just_wrong(limited):
    client = limited.test_client()
    wrong = log_in_coordinator(client, password="not the password")
    too_long = log_in_coordinator(client, password="x" * 5000)
    assert wrong.status_code == too_long.status_code == 200
    assert error_text(too_long) == error_text(wrong) != ""
    assert 'href="#name"' in too_long.get_data(as_text=True), "the same answer, at the name as always"
    # It counts as a failure like any other: this is the third.
    assert log_in_coordinator(client, password="y" * 200).status_code == 200
    assert log_in_coordinator(client).status_code == 429


def test_a_name_is_taken_once_and_removing_an_unknown_name_says_so(app, runner):
    runner.invoke(args=["coordinator", "add", "maija"], input=PASSWORD + "\n")
    assert "already" in runner.invoke(args=["coordinator", "add", "maija"], input=PASSWORD + "\n").output
    assert "no coordinator called 'nobody'" in runner.invoke(args=["coordinator", "remove", "nobody"]).output


def test_passwords_are_stored_as_slow_salted_hashes(more_apps):
    # The other tests hash cheaply (TestConfig); this one uses the method every real app gets.
    app = make_app(PASSWORD_HASH_METHOD=Config.PASSWORD_HASH_METHOD)
    more_apps(app)
    with app.app_context():
        first = coordinators.add("maija", PASSWORD)
        second = coordinators.add("aatu", PASSWORD)
        assert first.password_hash.startswith("scrypt:") and PASSWORD not in first.password_hash
        assert first.password_hash != second.password_hash  # salted
        assert coordinators.authenticate("maija", PASSWORD) is first
        assert coordinators.authenticate("maija", PASSWORD + "x") is None
        assert coordinators.authenticate("nobody", PASSWORD) is None


def test_logging_in_and_out(app, client):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    assert client.get("/fi/coordinator/").location == "/fi/coordinator/login"
    response = log_in_coordinator(client)
    assert response.location == "/fi/coordinator/"
    page = parse(client.get("/fi/coordinator/").get_data(as_text=True))
    assert COORDINATOR_NAME in text_of(page.find(f".//{NS}span[@class='desk-nav__who']"))

    response = client.post_form("/en/coordinator/logout")
    assert response.location == "/en/coordinator/login?logged-out=1"
    assert "You have logged out." in client.get(response.location).get_data(as_text=True)
    assert client.get("/fi/coordinator/").location == "/fi/coordinator/login"
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(CoordinatorLogin)) == 0


def test_a_wrong_name_and_a_wrong_password_get_the_same_message(app, client):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    wrong_password = log_in_coordinator(client, password="not the password")
    wrong_name = log_in_coordinator(client, name="nobody")
    assert wrong_password.status_code == wrong_name.status_code == 200
    assert error_text(wrong_password) == error_text(wrong_name) != ""
    assert client.get("/fi/coordinator/").status_code == 302


def test_an_empty_login_form_says_what_is_missing_in_the_page_language(client):
    response = client.post_form("/en/coordinator/login", {"name": "", "password": ""})
    assert "Enter your user name" in response.get_data(as_text=True)
    assert "Enter your password" in response.get_data(as_text=True)


def test_a_login_ends_after_the_configured_inactivity(app, client):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    log_in_coordinator(client)
    with app.app_context():
        idle = timedelta(hours=app.config["COORDINATOR_IDLE_HOURS"])
        assert idle == timedelta(hours=8)
        db.session.execute(db.update(CoordinatorLogin).values(last_seen=utcnow() - idle + timedelta(minutes=5)))
        db.session.commit()
    assert client.get("/fi/coordinator/").status_code == 200  # still active: and now seen again
    with app.app_context():
        db.session.execute(db.update(CoordinatorLogin).values(last_seen=utcnow() - idle - timedelta(seconds=1)))
        db.session.commit()
    assert client.get("/fi/coordinator/").location == "/fi/coordinator/login"


def test_a_login_ends_after_its_lifetime_even_when_active(app, client):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    log_in_coordinator(client)
    with app.app_context():
        lifetime = timedelta(hours=app.config["COORDINATOR_LOGIN_HOURS"])
        assert lifetime == timedelta(hours=12)
        began = utcnow() - lifetime + timedelta(minutes=5)
        db.session.execute(db.update(CoordinatorLogin).values(created_at=began, last_seen=utcnow()))
        db.session.commit()
    assert client.get("/fi/coordinator/").status_code == 200
    with app.app_context():
        began = utcnow() - lifetime - timedelta(seconds=1)
        db.session.execute(db.update(CoordinatorLogin).values(created_at=began, last_seen=utcnow()))
        db.session.commit()
    assert client.get("/fi/coordinator/").location == "/fi/coordinator/login"
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(CoordinatorLogin)) == 0


def set_cookies(response) -> dict[str, str]:
    """Return each cookie the response sets, by name: its whole Set-Cookie header, lower-cased."""
    headers = response.headers.getlist("Set-Cookie")
    return {header.split("=", 1)[0]: header.lower() for header in headers}


@pytest.mark.parametrize("secure", [False, True])
def test_the_login_cookie_ends_with_the_browser(more_apps, secure):
    app = make_app(SESSION_COOKIE_SECURE=secure)
    client = more_apps(app)
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    cookies = set_cookies(log_in_coordinator(client))
    login = cookies[coordinators.LOGIN_COOKIE]
    assert "httponly" in login and "samesite=lax" in login and ("; secure" in login) == secure
    # No cookie the login sets outlives the browser: not the login's, and not the session's,
    # which holds a client's round for the retention period.
    assert not any("expires=" in cookie or "max-age=" in cookie for cookie in cookies.values())
    assert client.get("/fi/coordinator/").status_code == 200
    cookies = set_cookies(client.post_form("/fi/coordinator/logout"))
    assert "expires=thu, 01 jan 1970" in cookies[coordinators.LOGIN_COOKIE], "logging out deletes it"


@pytest.mark.csrf
def test_logging_in_and_out_draws_a_new_csrf_token(app, client):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    before = client.csrf_token("/fi/coordinator/login")
    login = {"name": COORDINATOR_NAME, "password": COORDINATOR_PASSWORD, "csrf_token": before}
    assert client.post("/fi/coordinator/login", data=login).status_code == 302
    during = client.csrf_token("/fi/coordinator/")
    assert during != before
    assert client.post("/fi/coordinator/logout", data={"csrf_token": before}).status_code == 400, "a token from before"
    assert client.post("/fi/coordinator/logout", data={"csrf_token": during}).status_code == 302
    assert client.csrf_token("/fi/coordinator/login") != during


def test_removing_an_account_ends_its_logins(app, client, runner):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    log_in_coordinator(client)
    runner.invoke(args=["coordinator", "remove", COORDINATOR_NAME])
    assert client.get("/fi/coordinator/").location == "/fi/coordinator/login"


def log_in_from(app, address: str, name: str = COORDINATOR_NAME, password: str = COORDINATOR_PASSWORD):
    """Try a login from a client address of its own (a new browser); return the response."""
    return app.test_client().post(
        "/fi/coordinator/login", data={"name": name, "password": password}, environ_base={"REMOTE_ADDR": address}
    )


def test_guessing_from_one_address_is_blocked_after_the_limit(app):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    assert app.config["RATELIMIT_LOGINS_PER_ACCOUNT_AND_ADDRESS"] == "10 per 15 minutes"
    for _ in range(10):
        assert log_in_from(app, "203.0.113.9", password="a wrong guess").status_code == 200
    assert log_in_from(app, "203.0.113.9").status_code == 429, "even the right password waits now"


def test_a_strangers_guesses_from_elsewhere_do_not_lock_the_coordinator_out(app):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    # Fifty wrong guesses from five addresses: each address is blocked, the account is not.
    for number in range(5):
        address = f"203.0.113.{number}"
        for _ in range(10):
            assert log_in_from(app, address, password="a wrong guess").status_code == 200
        assert log_in_from(app, address, password="a wrong guess").status_code == 429
    assert log_in_from(app, "198.51.100.7").status_code == 302


def test_one_address_trying_name_after_name_is_blocked(app):
    for number in range(30):
        assert log_in_from(app, "203.0.113.9", name=f"guess{number}", password="a wrong guess").status_code == 200
    assert log_in_from(app, "203.0.113.9", name="another").status_code == 429
    assert log_in_from(app, "198.51.100.7", name="another").status_code == 200, "another address is not held up"


def test_the_delay_before_a_failed_login_doubles_up_to_its_cap():
    delays = [attempts.login_delay(failures, 0.25, 4.0) for failures in range(8)]
    assert delays == [0, 0.25, 0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert attempts.login_delay(10**6, 0.25, 4.0) == 4.0
    assert attempts.login_delay(3, 0, 4.0) == 0, "no delay when it is turned off"


def test_failed_logins_wait_longer_each_time_for_one_name_from_one_address(more_apps, monkeypatch):
    waited: list[float] = []
    monkeypatch.setattr(attempts, "sleep", waited.append)
    app = make_app(LOGIN_DELAY_BASE_SECONDS=0.25, LOGIN_DELAY_MAX_SECONDS=1.0)
    more_apps(app)
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    for _ in range(4):
        log_in_from(app, "203.0.113.9", password="a wrong guess")
    assert waited == [0.25, 0.5, 1.0, 1.0]
    log_in_from(app, "203.0.113.9", name="aatu", password="a wrong guess")
    log_in_from(app, "198.51.100.7", password="a wrong guess")
    assert waited[4:] == [0.25, 0.25], "another name, or another address, starts afresh"
    assert log_in_from(app, "203.0.113.9").status_code == 302
    assert len(waited) == 6, "a right password does not wait"


@pytest.fixture
def limited(more_apps):
    app = make_app(RATELIMIT_LOGINS_PER_ADDRESS="3 per hour", RATELIMIT_LOGINS_PER_ACCOUNT="5 per hour")
    more_apps(app)
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    return app


def test_failed_logins_are_limited_per_address(limited):
    client = limited.test_client()
    for _ in range(3):
        assert log_in_coordinator(client, password="wrong password").status_code == 200
    # Even the right password waits now: the address has used its tries.
    response = log_in_coordinator(client)
    assert response.status_code == 429
    assert "Too many failed attempts" in client.post_form(
        "/en/coordinator/login", {"name": COORDINATOR_NAME, "password": COORDINATOR_PASSWORD}
    ).get_data(as_text=True)
    elsewhere = limited.test_client().post(
        "/fi/coordinator/login",
        data={"name": COORDINATOR_NAME, "password": COORDINATOR_PASSWORD},
        environ_base={"REMOTE_ADDR": "198.51.100.7"},
    )
    assert elsewhere.status_code == 302, "another address is not held up"


def test_failed_logins_are_limited_per_account_from_any_address(limited):
    for number in range(5):
        client = limited.test_client()
        address = {"REMOTE_ADDR": f"192.0.2.{number}"}
        response = client.post(
            "/fi/coordinator/login", data={"name": COORDINATOR_NAME, "password": "wrong"}, environ_base=address
        )
        assert response.status_code == 200
    response = limited.test_client().post(
        "/fi/coordinator/login",
        data={"name": COORDINATOR_NAME.upper(), "password": COORDINATOR_PASSWORD},
        environ_base={"REMOTE_ADDR": "198.51.100.7"},
    )
    assert response.status_code == 429


@pytest.mark.csrf
def test_the_login_form_needs_its_csrf_token(app, client):
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    response = client.post("/fi/coordinator/login", data={"name": COORDINATOR_NAME, "password": COORDINATOR_PASSWORD})
    assert response.status_code == 400
    assert (
        client.post_form(
            "/fi/coordinator/login", {"name": COORDINATOR_NAME, "password": COORDINATOR_PASSWORD}
        ).status_code
        == 302
    )


def test_clients_and_counsellors_need_no_account(client):
    for page in ("/fi/", "/fi/counsellor", "/fi/privacy"):
        assert client.get(page).status_code == 200


@pytest.mark.parametrize("lang", ["ar", "uk", "so"])
def test_the_desk_in_another_language_leads_to_the_same_page_in_finnish(client, lang):
    # The desk speaks Finnish and English only: its staff are Finnish, English is for colleagues.
    assert client.get(f"/{lang}/coordinator/login").headers["Location"] == "/fi/coordinator/login"
    assert client.get(f"/{lang}/coordinator/?from=2026-Q1").headers["Location"] == "/fi/coordinator/?from=2026-Q1"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_desk_has_its_own_header_and_switches_between_finnish_and_english(coordinator, lang):
    document = parse(coordinator.get(f"/{lang}/coordinator/").get_data(as_text=True))
    assert (document.get("lang"), document.get("dir")) == (lang, "ltr")
    menu = document.find(f".//{NS}nav[@class='languages']")
    assert [a.get("hreflang") for a in menu.iter(f"{NS}a")] == ["fi", "en"]
    html = coordinator.get(f"/{lang}/coordinator/").get_data(as_text=True)
    # None of the client's notices, second language or footer links.
    assert "notice--draft" not in html and "second-language" not in html and "footer" not in html
    assert COORDINATOR_NAME in text_of(document.find(f".//{NS}nav[@class='desk-nav no-print wrap wrap--wide']"))
