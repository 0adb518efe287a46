"""The results: radar chart, score table, strengths, gaps and what to do next."""

from __future__ import annotations

from flask import Blueprint, render_template, session

from ..current import catalogue, checklist
from ..models import Round, db
from ..rounds import SESSION_KEY, current_round, ensure_share_code, finished_round
from ..summary import Summary, summarise

bp = Blueprint("results", __name__, url_prefix="/<lang>")


def summary_of(found: Round) -> Summary:
    """Summarise a round, with its previous round's scores when it has one."""
    previous = db.session.get(Round, found.previous_id) if found.previous_id else None
    return summarise(
        found.answers,
        found.finnish_level,
        found.profile,
        checklist(),
        catalogue(),
        previous.answers if previous is not None else None,
    )


@bp.get("/results")
def results():
    """Show the scored results of the current round, with suggestions for each gap."""
    found = finished_round()
    ensure_share_code(found)
    return render_template("results/results.html", round=found, summary=summary_of(found))


@bp.post("/results/delete")
def delete():
    """Delete the person's answers, and their earlier rounds, at once; the share code stops working."""
    found = current_round()
    while found is not None:
        previous = db.session.get(Round, found.previous_id) if found.previous_id else None
        db.session.delete(found)
        found = previous
    db.session.commit()
    session.pop(SESSION_KEY, None)
    return render_template("results/deleted.html")
