"""Refuse, for the whole app, requests that carry a NUL character.

PostgreSQL cannot store a NUL in a text (psycopg refuses it), so a %00 in a login name, a next
step or a service id would end in a server error deep in a view. No person types one: it comes
from a tampered request or, rarely, from text pasted from another program. Checking here once
covers every form field, query value and path, today's and tomorrow's.
"""

from __future__ import annotations

from flask import Flask, Request, request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest

NUL = "\x00"


class NulCharacter(BadRequest):
    """A request with a NUL character in it: its error page says so (errors.py)."""


def has_nul(values: MultiDict) -> bool:
    """Return whether any name or value holds a NUL character."""
    return any(NUL in key or any(NUL in value for value in found) for key, found in values.lists())


class CheckedRequest(Request):
    """A request whose form is checked as it is read.

    Not earlier: a view may allow a larger form first (the catalogue's forms do), and reading the
    form before that would refuse it as too large.
    """

    def _load_form_data(self) -> None:
        parsed = "form" in self.__dict__
        super()._load_form_data()
        if not parsed and has_nul(self.form):
            # Whoever reads the form again (an error page) finds it empty, never with the NUL.
            self.__dict__["form"] = self.parameter_storage_class()
            raise NulCharacter()


def refuse_nul_in_address(endpoint: str | None, values: dict | None) -> None:
    """Raise NulCharacter when the path or the query holds a NUL character."""
    if NUL in request.path or has_nul(request.args):
        raise NulCharacter()


def init_app(app: Flask) -> None:
    app.request_class = CheckedRequest
    # A URL value preprocessor, not a before_request hook: these run first, before the language
    # is read from the path (a NUL there would otherwise be a "page not found").
    app.url_value_preprocessor(refuse_nul_in_address)
