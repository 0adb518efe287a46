"""The landing page, the privacy notice, and the bare / that picks a language."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from .. import messages
from ..current import checklist
from ..forms import answer_values
from ..i18n import browser_language, choose_second_language
from ..plain_language import round_minutes
from ..rounds import current_round, earlier_results, resume_url
from ..templating import printed_reading

bp = Blueprint("pages", __name__)


@bp.get("/")
def root():
    """Send the browser to its language's landing page."""
    return redirect(url_for("pages.landing", lang=browser_language()))


@bp.get("/<lang>/")
def landing():
    """Say what the checklist is, and start or resume it."""
    found = current_round()
    return render_template(
        "pages/landing.html",
        round=found,
        earlier=earlier_results(found),
        resume_url=resume_url,
        round_minutes=round_minutes(checklist()),
    )


@bp.get("/<lang>/privacy")
def privacy():
    """Say what is stored, for how long, who sees it and how to delete it."""
    return render_template(
        "pages/privacy.html", statistics_retention_years=current_app.config["STATISTICS_RETENTION_YEARS"]
    )


@bp.get("/<lang>/paper")
def paper():
    """A blank checklist to print, in this language or with a second one beside it."""
    return render_template(
        "print/paper.html",
        reading=printed_reading(),
        back=url_for(".landing"),
        answer_scale=tuple(messages.ANSWER_LABELS),
        answer_values=answer_values,
        paper_texts=messages.PAPER_TEXTS,
        finnish_levels=checklist().finnish_levels,
    )


@bp.post("/<lang>/second-language")
def second_language():
    """Choose a language to show under each text (or none), and go back to the page."""
    choose_second_language(request.form.get("second_language"))
    back = request.form.get("back", "")
    return redirect(back if is_site_path(back) else url_for(".landing"))


def is_site_path(value: str) -> bool:
    """Return whether a redirect target is a path on this site, never an address elsewhere.

    Browsers drop tabs and newlines from a Location and read a backslash as a slash, so
    "/<TAB>/evil.example" and "/\\evil.example" lead off the site as "//evil.example" does; a newline
    would also break the response header. So: one leading slash, then only printable characters
    with no whitespace and no backslash.
    """
    return (
        value.startswith("/")
        and not value.startswith("//")
        and value.isprintable()
        and not any(character.isspace() or character == "\\" for character in value)
    )
