"""The landing page, the privacy notice, and the bare / that picks a language."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for

from ..i18n import browser_language
from ..rounds import current_round

bp = Blueprint("pages", __name__)


@bp.get("/")
def root():
    """Send the browser to its language's landing page."""
    return redirect(url_for("pages.landing", lang=browser_language()))


@bp.get("/<lang>/")
def landing():
    """Say what the checklist is, and start or resume it."""
    return render_template("pages/landing.html", round=current_round())


@bp.get("/<lang>/privacy")
def privacy():
    """Say what is stored, for how long, who sees it and how to delete it."""
    return render_template("pages/privacy.html")
