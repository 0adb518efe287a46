"""Coordinator accounts and their logins. Clients and counsellors never need an account.

Passwords are hashed with scrypt (werkzeug's default: slow, salted, memory-hard). A login is a
random token in the session cookie and a row in the database, so logging out, a long pause and
removing the account each end it on the server, whatever a copied cookie says.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import current_app, g, session
from werkzeug.security import check_password_hash, generate_password_hash

from .models import Coordinator, CoordinatorLogin, db, utcnow

MIN_PASSWORD_LENGTH = 12
MAX_NAME_LENGTH = 64
LOGIN_KEY = "coordinator_login"
# last_seen is written at most this often: a page a second needs no write a second.
SEEN_GRANULARITY = timedelta(minutes=1)
# Checked against when the name is unknown, so a wrong name takes as long as a wrong password.
_UNKNOWN = generate_password_hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """An account cannot be added or removed as asked; the message says why."""


def add(name: str, password: str) -> Coordinator:
    """Add a coordinator account."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH or any(c.isspace() for c in name):
        raise AccountError(f"a name is 1 to {MAX_NAME_LENGTH} characters without spaces")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if find(name) is not None:
        raise AccountError(f"there is already a coordinator called {name!r}")
    account = Coordinator(name=name, password_hash=generate_password_hash(password))
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
    """Return the account if the name and password match; None for a wrong name or password alike."""
    account = find(name.strip())
    if account is None:
        check_password_hash(_UNKNOWN, password)
        return None
    return account if check_password_hash(account.password_hash, password) else None


def idle_limit() -> timedelta:
    return timedelta(hours=current_app.config["COORDINATOR_IDLE_HOURS"])


def log_in(account: Coordinator) -> None:
    """Start a login in this browser."""
    log_out()
    token = secrets.token_urlsafe(32)
    db.session.add(CoordinatorLogin(token=token, coordinator_id=account.id, last_seen=utcnow()))
    # Old logins that ran out of time go now, so the table keeps only live ones.
    db.session.execute(db.delete(CoordinatorLogin).where(CoordinatorLogin.last_seen < utcnow() - idle_limit()))
    db.session.commit()
    session[LOGIN_KEY] = token
    session.permanent = True


def log_out() -> None:
    """End this browser's login, on the server too."""
    token = session.pop(LOGIN_KEY, None)
    if isinstance(token, str):
        db.session.execute(db.delete(CoordinatorLogin).where(CoordinatorLogin.token == token))
        db.session.commit()


def current() -> Coordinator | None:
    """Return the coordinator logged in in this browser, or None; a login idle too long ends here."""
    if "coordinator" in g:
        return g.coordinator
    token = session.get(LOGIN_KEY)
    login = db.session.get(CoordinatorLogin, token) if isinstance(token, str) else None
    now = utcnow()
    if login is not None and login.last_seen <= now - idle_limit():
        log_out()
        login = None
    elif login is not None and login.last_seen <= now - SEEN_GRANULARITY:
        login.last_seen = now
        db.session.commit()
    g.coordinator = login.coordinator if login is not None else None
    return g.coordinator
