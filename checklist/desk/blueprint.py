"""Every desk blueprint is made here, so each gets the same language rule, login check and texts."""

from __future__ import annotations

from flask import Blueprint

from .. import coordinators
from ..current import checklist
from .auth import require_login
from .i18n import desk_language, desk_texts

PREFIX = "/<lang>/coordinator"


def desk_blueprint(name: str, import_name: str, path: str = "") -> Blueprint:
    """Return a blueprint under /<lang>/coordinator<path>: Finnish or English only, login required."""
    bp = Blueprint(name, import_name, url_prefix=PREFIX + path)
    # In this order: a page in another language is sent to Finnish before the login is looked at.
    bp.before_request(desk_language)
    bp.before_request(require_login)
    bp.context_processor(desk_texts)
    bp.context_processor(lambda: {"current_coordinator": coordinators.current})
    bp.context_processor(checklist_names)
    return bp


def checklist_names() -> dict:
    """Give desk templates the checklist's area titles, by area id, and its Finnish levels."""
    content = checklist()
    return {"area_titles": {area.id: area.title for area in content.areas}, "finnish_levels": content.finnish_levels}
