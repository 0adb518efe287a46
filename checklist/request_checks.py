"""Refuse, for the whole app, requests that carry a NUL character.

PostgreSQL cannot store a NUL in a text (psycopg refuses it), so a %00 in a login name, a next
step or a service id would end in a server error deep in a view. No person types one: it comes
from a tampered request or, rarely, from text pasted from another program. Checking here once,
before any view runs, covers every form field, query value and path, today's and tomorrow's.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest

NUL = "\x00"


class NulCharacter(BadRequest):
    """A request with a NUL character in it: its error page says so (errors.py)."""


def _has_nul(values: MultiDict) -> bool:
    return any(NUL in key or any(NUL in value for value in found) for key, found in values.lists())


def refuse_nul_characters(endpoint: str | None, values: dict | None) -> None:
    """Raise NulCharacter when the path, the query or the form holds a NUL character."""
    if NUL in request.path or _has_nul(request.args) or _has_nul(request.form):
        raise NulCharacter()


def init_app(app: Flask) -> None:
    # A URL value preprocessor, not a before_request hook: these run first, before the language
    # is read from the path (a NUL there would otherwise be a "page not found").
    app.url_value_preprocessor(refuse_nul_characters)
