"""Who may see the desk: everything needs a coordinator login, except the views marked public."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import current_app, redirect, request, url_for
from werkzeug.wrappers import Response

from .. import coordinators

View = TypeVar("View", bound=Callable)


def public(view: View) -> View:
    """Mark a desk view that needs no login (the login page itself)."""
    view.desk_public = True  # type: ignore[attr-defined]
    return view


def require_login() -> Response | None:
    """Send anyone not logged in as a coordinator to the login page (a before_request hook of every
    desk blueprint): a new desk page is closed unless it says otherwise."""
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "desk_public", False) or coordinators.current() is not None:
        return None
    return redirect(url_for("coordinator.login"))
