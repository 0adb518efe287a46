"""Configuration from environment variables, with safe development defaults."""

from __future__ import annotations

import os

DEVELOPMENT_SECRET = "development-only-not-secret"


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET)
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: SQLite under instance/
    # A page of answers is a few hundred bytes; anything near this limit is not a real form.
    MAX_CONTENT_LENGTH = 16 * 1024
    MAX_FORM_MEMORY_SIZE = 16 * 1024
    RETENTION_DAYS = int(os.environ.get("RETENTION_DAYS", "180"))
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    PERMANENT_SESSION_LIFETIME = RETENTION_DAYS * 24 * 3600
    # Flask-WTF ties the CSRF token to the session, whose life is the retention period.
    WTF_CSRF_TIME_LIMIT = None
    # Every form message is our own (messages.py); WTForms' built-in ones are never shown.
    WTF_I18N_ENABLED = False
    BABEL_DEFAULT_LOCALE = "fi"
    # Share-code look-ups per client address. Use Redis (redis://host:6379) when several
    # workers or instances serve the app, so they count together.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_CODE_LOOKUPS = os.environ.get("RATELIMIT_CODE_LOOKUPS", "10 per minute;50 per day")
    # How many reverse proxies in front of the app set X-Forwarded-For/-Proto (0: none).
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
    PREFERRED_URL_SCHEME = "http"


class DevelopmentConfig(Config):
    pass


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {"development": DevelopmentConfig, "test": TestConfig, "production": ProductionConfig}


def check_production(config: dict) -> None:
    """Refuse to run in production with a missing or known secret key."""
    key = config.get("SECRET_KEY")
    if not key or key == DEVELOPMENT_SECRET or len(key) < 32:
        raise RuntimeError(
            "SECRET_KEY must be set to a random value of at least 32 characters in production, "
            "e.g. python -c 'import secrets; print(secrets.token_hex(32))'"
        )
