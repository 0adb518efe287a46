"""The landing page, the privacy notice, and the bare / that picks a language."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, session, url_for

from ..i18n import browser_language
from ..rounds import current_round, earlier_results
from ..templating import BOTH_LANGUAGES

bp = Blueprint("pages", __name__)


@bp.get("/")
def root():
    """Send the browser to its language's landing page."""
    return redirect(url_for("pages.landing", lang=browser_language()))


@bp.get("/<lang>/")
def landing():
    """Say what the checklist is, and start or resume it."""
    found = current_round()
    return render_template("pages/landing.html", round=found, earlier=earlier_results(found))


@bp.get("/<lang>/privacy")
def privacy():
    """Say what is stored, for how long, who sees it and how to delete it."""
    return render_template("pages/privacy.html")


@bp.post("/<lang>/both-languages")
def both_languages():
    """Turn showing each text in both languages on or off, and go back to the page."""
    session[BOTH_LANGUAGES] = request.form.get("show") == "1"
    back = request.form.get("back", "")
    # Only a path on this site: never an address elsewhere.
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        back = url_for(".landing")
    return redirect(back)
