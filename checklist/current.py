"""The content loaded at start-up, as the running app holds it."""

from __future__ import annotations

from flask import current_app

from .content import Checklist


def checklist() -> Checklist:
    """Return the checklist content of the running app."""
    return current_app.extensions["checklist"]
