"""Security events, one line each, to the logger `checklist.security`: what, who, from where.

Logins, failed and blocked logins, logouts, accounts added and removed, catalogue changes and
statistics exports. The log record carries the time. Never a password, an answer or a text: only
names, ids and addresses, each quoted as repr() does, so that a name tried at the login cannot
forge a line of its own.
"""

from __future__ import annotations

import getpass
import logging

from flask import Flask, has_request_context

from .attempts import client_address

LOGGER_NAME = "checklist.security"
log = logging.getLogger(LOGGER_NAME)


def event(what: str, **details: object) -> None:
    """Log one security event; inside a request the client's address is added."""
    if has_request_context():
        details.setdefault("address", client_address())
    log.info("%s: %s", what, " ".join(f"{key}={value!r}" for key, value in details.items()))


def operator() -> str:
    """Return the server account running a command, for the events of the command line."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "unknown"


class WithoutDatabaseDetails(logging.Filter):
    """Leave PostgreSQL's DETAIL lines out of a logged traceback: for a duplicate or missing key
    they quote the key's value (a round's id, say), which the engine's hide_parameters cannot hide,
    as the database server itself writes them into the error's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and not record.exc_text:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = "\n".join(line for line in text.splitlines() if not line.startswith("DETAIL:"))
        return True


def init_app(app: Flask) -> None:
    # Events are INFO: let them through unless the operator has set a level of their own.
    if log.level == logging.NOTSET:
        log.setLevel(logging.INFO)
    # Flask gives its logger ("checklist", this one's parent) a handler to standard error the
    # first time it is used; using it now means the events are written from the first one on.
    # Flask logs a request's unexpected error there, with its traceback.
    if not any(isinstance(f, WithoutDatabaseDetails) for f in app.logger.filters):
        app.logger.addFilter(WithoutDatabaseDetails())
