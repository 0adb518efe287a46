"""The printable one-page summary, for the client to take home; optionally in both languages."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for

from ..models import Round
from ..rounds import ensure_share_code, finished_round, keep_in_use, previous_round
from ..share_codes import display
from ..templating import printed_reading, share_qr
from ..web_address import short_address
from .counsellor import viewed_round
from .results import summary_of

bp = Blueprint("printing", __name__, url_prefix="/<lang>")


def _render(found: Round, back: str):
    keep_in_use(found)
    code = ensure_share_code(found)
    return render_template(
        "print/summary.html",
        round=found,
        summary=summary_of(found),
        code=display(code),
        qr=share_qr(code),
        reading=printed_reading(),
        back=back,
        previous=previous_round(found),
        short_address=short_address,
    )


@bp.get("/results/print")
def summary():
    """Print the person's own results."""
    return _render(finished_round(), url_for("results.results"))


@bp.get("/session/print")
def counsellor_summary():
    """Print the results a counsellor has open, with the agreed next steps."""
    found = viewed_round()
    if found is None:
        return redirect(url_for("counsellor.find"))
    return _render(found, url_for("counsellor.review"))
