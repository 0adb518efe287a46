"""Coordinator accounts and their logins. Clients and counsellors never need an account.

Passwords are hashed with PASSWORD_HASH_METHOD: scrypt by default (werkzeug's default: slow,
salted, memory-hard); the tests choose a cheap method, since they make hundreds of hashes. A login is a
random token in a cookie of its own and a row in the database, so logging out, a long pause, the
login's age and removing the account each end it on the server, whatever a copied cookie says.
The cookie has no expiry date, so it also ends when the browser closes: the session cookie, which
holds a client's round for the retention period, never holds a login.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import cache

from flask import Flask, Response, current_app, g, request, session
from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

from .models import Coordinator, CoordinatorLogin, db, utcnow

MIN_PASSWORD_LENGTH = 12
# Enough for any passphrase. A longer password is refused when an account is made, and at login is
# simply wrong, so that no check (nor the judging below) ever works on an attacker's megabyte.
MAX_PASSWORD_LENGTH = 128
# zxcvbn's score from 0 to 4; 3 is "safely unguessable" by its authors' measure (about 10^8 guesses
# and more). Below it are common passwords, words with a few changes, names, dates, keyboard rows
# and repeats such as "passwordpassword".
MIN_PASSWORD_SCORE = 3
# zxcvbn refuses longer input; a password whose first 72 characters are easy is easy.
JUDGED_LENGTH = 72
# Words anyone guessing a coordinator's password here would try first.
SERVICE_WORDS = ("checklist", "coordinator", "koordinaattori", "jyvaskyla", "jyväskylä", "osaamiskeskus")
MAX_NAME_LENGTH = 64
LOGIN_COOKIE = "coordinator_login"
# Flask-WTF keeps the secret its CSRF tokens are made from here; a login or logout draws a new one.
CSRF_KEY = "csrf_token"
# last_seen is written at most this often: a page a second needs no write a second.
SEEN_GRANULARITY = timedelta(minutes=1)


def hash_method() -> str:
    """Return the configured password hash method, e.g. scrypt or pbkdf2:sha256:600000."""
    return current_app.config["PASSWORD_HASH_METHOD"]


@cache
def unknown_hash(method: str) -> str:
    """Return a hash of a random password made with this method: checked against when the name is
    unknown, so that a wrong name takes as long as a wrong password. Made once per method, on
    first use, so that importing the module hashes nothing."""
    return generate_password_hash(secrets.token_urlsafe(16), method=method)


class AccountError(ValueError):
    """An account cannot be added or removed as asked; the message says why."""


def password_problem(password: str, name: str) -> str | None:
    """Return why a password cannot be used for this account, or None when it can."""
    if not password.strip():
        return "a password cannot be blank or only spaces"
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"a password needs at least {MIN_PASSWORD_LENGTH} characters"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"a password has at most {MAX_PASSWORD_LENGTH} characters; this one has {len(password)}"
    judged = zxcvbn(password[:JUDGED_LENGTH], user_inputs=[name, *SERVICE_WORDS])
    if judged["score"] < MIN_PASSWORD_SCORE:
        warning = judged["feedback"]["warning"].rstrip(".")
        because = f" ({warning})" if warning else ""
        return (
            f"this password is too easy to guess{because}: choose one that is not a common password, "
            "a name or a word with a few changes, e.g. four or more unrelated words"
        )
    return None


def add(name: str, password: str) -> Coordinator:
    """Add a coordinator account."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH or any(c.isspace() for c in name):
        raise AccountError(f"a name is 1 to {MAX_NAME_LENGTH} characters without spaces")
    problem = password_problem(password, name)
    if problem is not None:
        raise AccountError(problem)
    if find(name) is not None:
        raise AccountError(f"there is already a coordinator called {name!r}")
    account = Coordinator(name=name, password_hash=generate_password_hash(password, method=hash_method()))
    db.session.add(account)
    db.session.commit()
    return account


def remove(name: str) -> None:
    """Remove an account; its logins end with it."""
    account = find(name)
    if account is None:
        raise AccountError(f"there is no coordinator called {name!r}")
    db.session.execute(db.delete(CoordinatorLogin).where(CoordinatorLogin.coordinator_id == account.id))
    db.session.delete(account)
    db.session.commit()


def names() -> list[str]:
    return list(db.session.scalars(db.select(Coordinator.name).order_by(Coordinator.name)))


def find(name: str) -> Coordinator | None:
    return db.session.scalar(db.select(Coordinator).where(Coordinator.name == name))


def authenticate(name: str, password: str) -> Coordinator | None:
    """Return the account if the name and password match; None for a wrong name or password alike.

    A password longer than any account can have is wrong too, in the same time.
    """
    account = find(name.strip())
    if account is None or len(password) > MAX_PASSWORD_LENGTH:
        check_password_hash(unknown_hash(hash_method()), password[:MAX_PASSWORD_LENGTH])
        return None
    return account if check_password_hash(account.password_hash, password) else None


def idle_limit() -> timedelta:
    return timedelta(hours=current_app.config["COORDINATOR_IDLE_HOURS"])


def lifetime() -> timedelta:
    return timedelta(hours=current_app.config["COORDINATOR_LOGIN_HOURS"])


def log_in(account: Coordinator) -> None:
    """Start a login in this browser, with a new token and a new CSRF secret."""
    log_out()
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.add(CoordinatorLogin(token=token, coordinator_id=account.id, created_at=now, last_seen=now))
    # Old logins that ran out of time go now, so the table keeps only live ones.
    db.session.execute(
        db.delete(CoordinatorLogin).where(
            (CoordinatorLogin.last_seen < now - idle_limit()) | (CoordinatorLogin.created_at < now - lifetime())
        )
    )
    db.session.commit()
    g.login_cookie = token


def log_out() -> None:
    """End this browser's login, on the server too, and draw a new CSRF secret."""
    _end(request.cookies.get(LOGIN_COOKIE))
    new_csrf_secret()


def _end(token: str | None) -> None:
    if token:
        db.session.execute(db.delete(CoordinatorLogin).where(CoordinatorLogin.token == token))
        db.session.commit()
    g.login_cookie = None  # the response deletes the cookie
    g.coordinator = None


def new_csrf_secret() -> None:
    # A token read before the login (or while logged in) no longer posts a form after it.
    session.pop(CSRF_KEY, None)
    g.pop(CSRF_KEY, None)


def current() -> Coordinator | None:
    """Return the coordinator logged in in this browser, or None; a login idle too long, or older
    than its lifetime, ends here."""
    if "coordinator" in g:
        return g.coordinator
    token = request.cookies.get(LOGIN_COOKIE)
    login = db.session.get(CoordinatorLogin, token) if token else None
    now = utcnow()
    if login is not None and (login.last_seen <= now - idle_limit() or login.created_at <= now - lifetime()):
        _end(token)
        login = None
    elif login is None and token:
        g.login_cookie = None  # a cookie that leads nowhere goes
    elif login is not None and login.last_seen <= now - SEEN_GRANULARITY:
        login.last_seen = now
        db.session.commit()
    g.coordinator = login.coordinator if login is not None else None
    return g.coordinator


def set_login_cookie(response: Response) -> Response:
    """Set or delete the login cookie when this request started or ended a login (an after_request hook).

    No Max-Age or Expires: the browser forgets the login when it closes.
    """
    if "login_cookie" not in g:
        return response
    secure = current_app.config["SESSION_COOKIE_SECURE"]
    if g.login_cookie is None:
        response.delete_cookie(LOGIN_COOKIE, secure=secure, httponly=True, samesite="Lax")
    else:
        response.set_cookie(LOGIN_COOKIE, g.login_cookie, secure=secure, httponly=True, samesite="Lax")
    return response


def init_app(app: Flask) -> None:
    app.after_request(set_login_cookie)
