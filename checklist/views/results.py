"""The results: a short page first, each area's full list on a page of its own, and deletion."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from .. import statistics
from ..attempts import client_address, statistics_records
from ..current import catalogue, checklist, summaries
from ..models import Round
from ..next_steps import mark_done
from ..rounds import (
    SESSION_KEY,
    abandon_retake,
    delete_chain,
    ensure_share_code,
    finished_round,
    keep_in_use,
    previous_round,
    required_round,
)
from ..summary import Summary
from ..templating import join_list, share_qr

bp = Blueprint("results", __name__, url_prefix="/<lang>")


def summary_of(found: Round) -> Summary:
    """Summarise a round, with its previous round's scores when it has one."""
    previous = previous_round(found)
    return summaries().of(
        found.answers, found.finnish_level, found.profile, previous.answers if previous is not None else None
    )


def record_statistics(found: Round, summary: Summary) -> None:
    """Write the round's statistics record, unless its client's address has added its share of new
    records: anonymous rounds from one address must not flood the coordinators' figures. The round
    itself works as ever. Only a new record counts; replacing one after changed answers does not."""
    if found.completed_at is not None and found.statistics_key is None:
        if statistics_records().blocked(client_address()):
            return
        statistics_records().count(client_address())
    statistics.record(found, summary, catalogue())


def settle(found: Round) -> None:
    """Give a finished round its share code and its statistics record, or replace the record after
    changed answers or profile. Called by the POST that finished or changed the round, so that
    viewing the results never writes them."""
    if found.completed_at is not None:
        ensure_share_code(found)
        record_statistics(found, summary_of(found))


def _render(template: str, found: Round, **context):
    keep_in_use(found)
    return render_template(template, round=found, summary=summary_of(found), **context)


@bp.get("/results")
def results():
    """Show the newest finished round: what the results say, chart, table, sharing, what to do next."""
    found = finished_round()
    keep_in_use(found)
    # Writes only for a round finished before share codes were given at the finishing POST.
    ensure_share_code(found)
    summary = summary_of(found)
    return render_template(
        "results/results.html",
        round=found,
        summary=summary,
        previous=previous_round(found),
        qr=share_qr(found.share_code),
        join_list=join_list,
    )


@bp.get("/results/finnish-courses")
def courses():
    """Every Finnish-course option for the person, with the reasons for each."""
    return _render("results/courses.html", finished_round())


@bp.get("/results/<area_id>")
def area(area_id: str):
    """Every suggestion for one area, and the statements answered low in it."""
    found = finished_round()
    content = checklist().area(area_id) or abort(404)
    keep_in_use(found)
    summary: Summary = summary_of(found)
    result = next(r for r in summary.results if r.area.id == content.id)
    return render_template(
        "results/area.html",
        round=found,
        summary=summary,
        result=result,
        suggestions=summary.suggestions.get(content.id, []),
    )


@bp.post("/results/steps/<int:step_id>")
def step_done(step_id: int):
    """Mark a next step done (or not) from the person's own results."""
    found = finished_round()
    keep_in_use(found)
    if not mark_done(step_id, (found, previous_round(found)), request.form.get("done") == "1"):
        abort(404)
    return redirect(url_for(".results", _anchor="next-steps"))


@bp.post("/retake/abandon")
def abandon():
    """Give up an unfinished retake and go back to the results before it."""
    if abandon_retake() is None:
        return redirect(url_for("pages.landing"))
    return redirect(url_for(".results"))


@bp.route("/results/delete", methods=["GET", "POST"])
def delete():
    """Ask first; only the confirmed form deletes the answers, earlier rounds, steps and code."""
    found = required_round()
    if request.method == "GET" or request.form.get("confirm") != "yes":
        return render_template("results/delete.html", round=found)
    delete_chain(found)
    session.pop(SESSION_KEY, None)
    return render_template("results/deleted.html")
