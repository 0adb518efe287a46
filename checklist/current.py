"""The content loaded at start-up, and the catalogue as the database holds it now."""

from __future__ import annotations

from flask import current_app

from . import catalogue_store
from .catalogue import Catalogue
from .content import Checklist
from .summary import Summaries


def checklist() -> Checklist:
    """Return the checklist content of the running app."""
    return current_app.extensions["checklist"]


def catalogue() -> Catalogue:
    """Return the services catalogue as it is now (coordinators edit it in the browser)."""
    return catalogue_store.current()[0]


def shipped_catalogue() -> Catalogue:
    """Return the catalogue file loaded at start-up: its municipalities, employment areas and the
    entries the translations are keyed by."""
    return current_app.extensions["catalogue"]


def summaries() -> Summaries:
    """Return the summaries of rounds made with the current catalogue."""
    return catalogue_store.current()[1]
