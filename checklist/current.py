"""The content loaded at start-up, as the running app holds it."""

from __future__ import annotations

from flask import current_app

from .catalogue import Catalogue
from .content import Checklist
from .summary import Summaries


def checklist() -> Checklist:
    """Return the checklist content of the running app."""
    return current_app.extensions["checklist"]


def catalogue() -> Catalogue:
    """Return the services catalogue of the running app."""
    return current_app.extensions["catalogue"]


def summaries() -> Summaries:
    """Return the running app's remembered summaries of rounds."""
    return current_app.extensions["summaries"]
