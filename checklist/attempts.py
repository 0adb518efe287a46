"""Attempts counted per client address, limited per app: failed ones (wrong share codes, wrong
coordinator logins), and every keyed-in paper round and new statistics record.

Of share codes and logins only failures count, so an office full of counsellors behind one
address is never locked out by normal use. Paper rounds and statistics records all count: each
one adds to the coordinators' figures, so one address must not add without end. The counts live
where RATELIMIT_STORAGE_URI says: Redis when several workers or instances serve the app, so that
they share one count.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter


class Attempts:
    """Counts one kind of attempt per client address against a set of limits."""

    def __init__(self, storage_uri: str, limits: str, prefix: str) -> None:
        self.limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))
        self.limits = parse_many(limits)
        self.prefix = prefix

    def blocked(self, address: str) -> bool:
        """Return whether this address has used up any of its limits."""
        return not all(self.limiter.test(limit, self.prefix, address) for limit in self.limits)

    def count(self, address: str) -> None:
        """Count one attempt from this address."""
        for limit in self.limits:
            self.limiter.hit(limit, self.prefix, address)


class FailedAttempts(Attempts):
    """Attempts of which only the failures are counted."""

    def failed(self, address: str) -> None:
        """Count one failed attempt from this address."""
        self.count(address)


def code_lookups() -> FailedAttempts:
    """Return the running app's counter of failed share-code look-ups."""
    return current_app.extensions["failed_code_lookups"]


def failed_logins() -> tuple[FailedAttempts, FailedAttempts]:
    """Return the running app's counters of failed coordinator logins: per address, per account."""
    return current_app.extensions["failed_logins"]


def paper_rounds() -> Attempts:
    """Return the running app's counter of paper rounds keyed in."""
    return current_app.extensions["paper_rounds"]


def statistics_records() -> Attempts:
    """Return the running app's counter of new statistics records."""
    return current_app.extensions["statistics_records"]


def client_address() -> str:
    # request.remote_addr is the proxy's unless TRUSTED_PROXIES lets ProxyFix read X-Forwarded-For.
    return request.remote_addr or "unknown"


def init_app(app: Flask) -> None:
    app.extensions["failed_code_lookups"] = FailedAttempts(
        app.config["RATELIMIT_STORAGE_URI"],
        app.config["RATELIMIT_CODE_LOOKUPS"],
        f"{app.config['RATELIMIT_KEY_PREFIX']}/code-lookups",
    )
    app.extensions["failed_logins"] = tuple(
        FailedAttempts(
            app.config["RATELIMIT_STORAGE_URI"],
            app.config[f"RATELIMIT_LOGINS_PER_{what.upper()}"],
            f"{app.config['RATELIMIT_KEY_PREFIX']}/logins-per-{what}",
        )
        for what in ("address", "account")
    )
    app.extensions["paper_rounds"] = Attempts(
        app.config["RATELIMIT_STORAGE_URI"],
        app.config["RATELIMIT_PAPER_ROUNDS"],
        f"{app.config['RATELIMIT_KEY_PREFIX']}/paper-rounds",
    )
    app.extensions["statistics_records"] = Attempts(
        app.config["RATELIMIT_STORAGE_URI"],
        app.config["RATELIMIT_STATISTICS_PER_ADDRESS"],
        f"{app.config['RATELIMIT_KEY_PREFIX']}/statistics-records",
    )
