"""Configuration: defaults per environment, then environment variables, then what the caller
passes to create_app. Everything is read when an app is created, never at import."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

DEVELOPMENT_SECRET = "development-only-not-secret"


class Config:
    SECRET_KEY = DEVELOPMENT_SECRET
    SQLALCHEMY_DATABASE_URI = None  # None: SQLite under the instance folder
    # A database error's message would otherwise carry the statement's values (round ids, answers,
    # next-step texts) into the error log.
    SQLALCHEMY_ENGINE_OPTIONS = {"hide_parameters": True}
    # A page of answers is a few hundred bytes; anything near this limit is not a real form.
    MAX_CONTENT_LENGTH = 16 * 1024
    MAX_FORM_MEMORY_SIZE = 16 * 1024
    RETENTION_DAYS = 180
    # The anonymous statistics records are kept this many years after their quarter ended.
    STATISTICS_RETENTION_YEARS = 5
    # Who answers for the stored data, and how to reach them: the privacy notice names both.
    # The defaults name the city that runs the competence centre; another organisation sets its own.
    PRIVACY_CONTROLLER = "Jyväskylän kaupunki – City of Jyväskylä"
    PRIVACY_CONTACT = "kirjaamo@jyvaskyla.fi"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # The cookie carries only the round's id: re-signing it on every page is work for nothing.
    SESSION_REFRESH_EACH_REQUEST = False
    # Flask-WTF ties the CSRF token to the session, whose life is the retention period.
    WTF_CSRF_TIME_LIMIT = None
    # Every form message is our own (messages.py); WTForms' built-in ones are never shown.
    WTF_I18N_ENABLED = False
    # The languages, in menu order; the first is the default. Adding one means its catalogue and
    # content file under translations/<code>/ and one line here (checklist/languages.py says more).
    LANGUAGES = (
        {"code": "fi", "name": "Suomi", "status": "source"},
        {"code": "en", "name": "English", "status": "source"},
        {"code": "uk", "name": "Українська", "status": "draft"},
        {"code": "ru", "name": "Русский", "status": "draft"},
        {"code": "ar", "name": "العربية", "direction": "rtl", "status": "draft"},
        {"code": "fa", "name": "فارسی", "direction": "rtl", "status": "draft"},
        {"code": "so", "name": "Soomaali", "status": "draft"},
    )
    # Failed share-code look-ups per client address. Use Redis (redis://host:6379) when several
    # workers or instances serve the app, so they count together.
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_CODE_LOOKUPS = "10 per minute;50 per day"
    RATELIMIT_KEY_PREFIX = "checklist"
    # Paper rounds keyed in per client address: each adds to the statistics.
    RATELIMIT_PAPER_ROUNDS = "20 per hour;60 per day"
    # New statistics records per client address; past it a round still works but is not counted.
    RATELIMIT_STATISTICS_PER_ADDRESS = "30 per day"
    # Failed coordinator logins. One name from one address gets the strict limit; an address gets
    # a looser one, so that it cannot try name after name; a name from all addresses together gets
    # a ceiling that only a distributed attack reaches, so no stranger can lock a coordinator out.
    RATELIMIT_LOGINS_PER_ACCOUNT_AND_ADDRESS = "10 per 15 minutes"
    RATELIMIT_LOGINS_PER_ADDRESS = "30 per 15 minutes;100 per day"
    RATELIMIT_LOGINS_PER_ACCOUNT = "100 per hour"
    # After each failed login of one name from one address the answer waits longer: this many
    # seconds after the first, doubling, at most the maximum.
    LOGIN_DELAY_BASE_SECONDS = 0.25
    LOGIN_DELAY_MAX_SECONDS = 4.0
    # A coordinator's login ends after this many hours without a page, and this many after it
    # began however active it is (and when the browser closes: its cookie has no expiry date).
    COORDINATOR_IDLE_HOURS = 8
    COORDINATOR_LOGIN_HOURS = 12
    # How coordinator passwords are hashed (werkzeug's methods): scrypt is slow on purpose.
    PASSWORD_HASH_METHOD = "scrypt"
    # The coordinators' "to re-check" list: entries whose pages were read longer ago than this.
    RECHECK_MONTHS = 12
    # How many reverse proxies in front of the app set X-Forwarded-For/-Proto (0: none).
    TRUSTED_PROXIES = 0
    # The address people reach the app at, e.g. https://checklist.example.fi: the QR code on the
    # results and on paper leads there. None: the host the request came to.
    PUBLIC_URL = None
    PREFERRED_URL_SCHEME = "http"
    # Pages are compressed; streamed files (static) are not: Flask-Compress's streaming path
    # leaves the file open, and the stylesheet is small and cached by the browser.
    COMPRESS_STREAMS = False


class DevelopmentConfig(Config):
    pass


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    # The tests about CSRF turn it back on.
    WTF_CSRF_ENABLED = False
    # Tests never sleep; the test of the delay itself replaces the sleep.
    LOGIN_DELAY_BASE_SECONDS = 0
    # One round of PBKDF2 instead of scrypt: the tests hash hundreds of passwords, and what they
    # check (salted, checked, refused) does not depend on the cost. One test checks scrypt itself.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1"


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {"development": DevelopmentConfig, "test": TestConfig, "production": ProductionConfig}

# Environment variable -> (configuration key, how to read the value).
ENVIRONMENT: dict[str, tuple[str, Callable[[str], Any]]] = {
    "SECRET_KEY": ("SECRET_KEY", str),
    "DATABASE_URL": ("SQLALCHEMY_DATABASE_URI", str),
    "RETENTION_DAYS": ("RETENTION_DAYS", int),
    "STATISTICS_RETENTION_YEARS": ("STATISTICS_RETENTION_YEARS", int),
    "PRIVACY_CONTROLLER": ("PRIVACY_CONTROLLER", str),
    "PRIVACY_CONTACT": ("PRIVACY_CONTACT", str),
    "RATELIMIT_STORAGE_URI": ("RATELIMIT_STORAGE_URI", str),
    "RATELIMIT_CODE_LOOKUPS": ("RATELIMIT_CODE_LOOKUPS", str),
    "TRUSTED_PROXIES": ("TRUSTED_PROXIES", int),
    "PUBLIC_URL": ("PUBLIC_URL", str),
    "RATELIMIT_LOGINS_PER_ACCOUNT_AND_ADDRESS": ("RATELIMIT_LOGINS_PER_ACCOUNT_AND_ADDRESS", str),
    "RATELIMIT_LOGINS_PER_ADDRESS": ("RATELIMIT_LOGINS_PER_ADDRESS", str),
    "RATELIMIT_LOGINS_PER_ACCOUNT": ("RATELIMIT_LOGINS_PER_ACCOUNT", str),
    "RATELIMIT_PAPER_ROUNDS": ("RATELIMIT_PAPER_ROUNDS", str),
    "RATELIMIT_STATISTICS_PER_ADDRESS": ("RATELIMIT_STATISTICS_PER_ADDRESS", str),
    "LOGIN_DELAY_BASE_SECONDS": ("LOGIN_DELAY_BASE_SECONDS", float),
    "LOGIN_DELAY_MAX_SECONDS": ("LOGIN_DELAY_MAX_SECONDS", float),
    "COORDINATOR_IDLE_HOURS": ("COORDINATOR_IDLE_HOURS", float),
    "COORDINATOR_LOGIN_HOURS": ("COORDINATOR_LOGIN_HOURS", float),
    "RECHECK_MONTHS": ("RECHECK_MONTHS", int),
}
# The test environment reads its database from TEST_DATABASE_URL, never from DATABASE_URL.
TEST_ENVIRONMENT = {**ENVIRONMENT, "DATABASE_URL": None, "TEST_DATABASE_URL": ("SQLALCHEMY_DATABASE_URI", str)}


def settings(environment: str, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the configuration: the environment's defaults, the variables set now, the overrides,
    and last the values derived from them."""
    if environment not in CONFIGS:
        raise RuntimeError(f"CHECKLIST_ENV must be one of {', '.join(CONFIGS)}, not {environment!r}")
    defaults = CONFIGS[environment]
    config = {key: getattr(defaults, key) for key in dir(defaults) if key.isupper()}
    variables = TEST_ENVIRONMENT if environment == "test" else ENVIRONMENT
    for name, target in variables.items():
        if target is not None and os.environ.get(name):
            key, read = target
            config[key] = read(os.environ[name])
    config.update(overrides or {})
    config.setdefault("PERMANENT_SESSION_LIFETIME", config["RETENTION_DAYS"] * 24 * 3600)
    config["PUBLIC_URL"] = public_url(config.get("PUBLIC_URL"))
    if environment == "production":
        check_production(config)
    return config


def public_url(value: str | None) -> str | None:
    """Return PUBLIC_URL without a trailing slash; refuse anything but http(s)://host[:port]."""
    if not value:
        return None
    parts = urlsplit(value.rstrip("/"))
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query or parts.fragment:
        raise RuntimeError(f"PUBLIC_URL must be a scheme and a host, e.g. https://checklist.example.fi, not {value!r}")
    return f"{parts.scheme}://{parts.netloc}"


def check_production(config: Mapping[str, Any]) -> None:
    """Refuse to run in production with a missing or known secret key."""
    key = config.get("SECRET_KEY")
    if not key or key == DEVELOPMENT_SECRET or len(key) < 32:
        raise RuntimeError(
            "SECRET_KEY must be set to a random value of at least 32 characters in production, "
            "e.g. python -c 'import secrets; print(secrets.token_hex(32))'"
        )
