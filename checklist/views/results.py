"""The results: radar chart, score table, strengths and gaps."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for

from ..current import checklist
from ..rounds import current_round
from ..scoring import score_all

bp = Blueprint("results", __name__, url_prefix="/<lang>")


@bp.get("/results")
def results():
    """Show the scored results of the current round."""
    found = current_round()
    if found is None:
        abort(404, description="no-round")
    if found.completed_at is None:
        return redirect(url_for("answering.area", area_id=found.step))
    return render_template("results/results.html", round=found, results=score_all(checklist(), found.answers))
