"""Attempts counted per client address, limited per app: failed ones (wrong share codes, wrong
coordinator logins), and every keyed-in paper round and new statistics record.

Of share codes and logins only failures count, so an office full of counsellors behind one
address is never locked out by normal use. Paper rounds and statistics records all count: each
one adds to the coordinators' figures, so one address must not add without end. The counts live
where RATELIMIT_STORAGE_URI says: Redis when several workers or instances serve the app, so that
they share one count.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from flask import Flask, current_app, request
from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

# The pause before answering a failed login; tests replace it so that they never sleep.
sleep = time.sleep
# The delay doubles per failure; past this many doublings it is at its cap anyway.
MAX_DOUBLINGS = 16


class Attempts:
    """Counts one kind of attempt per key (an address, a name, or both) against a set of limits."""

    def __init__(self, storage_uri: str, limits: str, prefix: str) -> None:
        self.limiter = MovingWindowRateLimiter(storage_from_string(storage_uri))
        self.limits = parse_many(limits)
        self.prefix = prefix

    def blocked(self, *key: str) -> bool:
        """Return whether this key has used up any of its limits."""
        return not all(self.limiter.test(limit, self.prefix, *key) for limit in self.limits)

    def count(self, *key: str) -> None:
        """Count one attempt for this key."""
        for limit in self.limits:
            self.limiter.hit(limit, self.prefix, *key)

    def recent(self, *key: str) -> int:
        """Return how many attempts for this key the first limit's window holds now."""
        limit = self.limits[0]
        return limit.amount - self.limiter.get_window_stats(limit, self.prefix, *key).remaining


class FailedAttempts(Attempts):
    """Attempts of which only the failures are counted."""

    def failed(self, *key: str) -> None:
        """Count one failed attempt for this key."""
        self.count(*key)


class FailedLogins(NamedTuple):
    """The counts of failed coordinator logins.

    One name from one address is held to the strict limit, and waits longer after each failure.
    An address is limited too, so it cannot try name after name. The name's own ceiling, from all
    addresses together, is far higher: only a distributed attack reaches it, so a stranger guessing
    from elsewhere never locks the coordinator out.
    """

    per_account_and_address: FailedAttempts
    per_address: FailedAttempts
    per_account: FailedAttempts

    def blocked(self, name: str, address: str) -> bool:
        return (
            self.per_account_and_address.blocked(name, address)
            or self.per_address.blocked(address)
            or self.per_account.blocked(name)
        )

    def failed(self, name: str, address: str) -> int:
        """Count one failed login; return how many this name from this address has had lately."""
        self.per_account_and_address.failed(name, address)
        self.per_address.failed(address)
        self.per_account.failed(name)
        return self.per_account_and_address.recent(name, address)


def code_lookups() -> FailedAttempts:
    """Return the running app's counter of failed share-code look-ups."""
    return current_app.extensions["failed_code_lookups"]


def failed_logins() -> FailedLogins:
    """Return the running app's counters of failed coordinator logins."""
    return current_app.extensions["failed_logins"]


def paper_rounds() -> Attempts:
    """Return the running app's counter of paper rounds keyed in."""
    return current_app.extensions["paper_rounds"]


def statistics_records() -> Attempts:
    """Return the running app's counter of new statistics records."""
    return current_app.extensions["statistics_records"]


def login_delay(failures: int, base: float, cap: float) -> float:
    """Return the seconds to wait before answering a name-and-address's failures-th failed login:
    base after the first, doubling with each one after it, never more than cap."""
    if failures <= 0 or base <= 0:
        return 0.0
    return min(cap, base * 2 ** min(failures - 1, MAX_DOUBLINGS))


def wait_after_failed_login(failures: int) -> None:
    """Pause before answering a failed login, so that guessing stays slow even under the limit."""
    config = current_app.config
    seconds = login_delay(failures, config["LOGIN_DELAY_BASE_SECONDS"], config["LOGIN_DELAY_MAX_SECONDS"])
    if seconds > 0:
        sleep(seconds)


def client_address() -> str:
    # request.remote_addr is the proxy's unless TRUSTED_PROXIES lets ProxyFix read X-Forwarded-For.
    return request.remote_addr or "unknown"


def init_app(app: Flask) -> None:
    def counter(setting: str, what: str) -> FailedAttempts:
        # Every counter can count failures; the paper rounds and statistics records count all.
        prefix = f"{app.config['RATELIMIT_KEY_PREFIX']}/{what}"
        return FailedAttempts(app.config["RATELIMIT_STORAGE_URI"], app.config[setting], prefix)

    app.extensions["failed_code_lookups"] = counter("RATELIMIT_CODE_LOOKUPS", "code-lookups")
    app.extensions["failed_logins"] = FailedLogins(
        counter("RATELIMIT_LOGINS_PER_ACCOUNT_AND_ADDRESS", "logins-per-account-and-address"),
        counter("RATELIMIT_LOGINS_PER_ADDRESS", "logins-per-address"),
        counter("RATELIMIT_LOGINS_PER_ACCOUNT", "logins-per-account"),
    )
    app.extensions["paper_rounds"] = counter("RATELIMIT_PAPER_ROUNDS", "paper-rounds")
    app.extensions["statistics_records"] = counter("RATELIMIT_STATISTICS_PER_ADDRESS", "statistics-records")
