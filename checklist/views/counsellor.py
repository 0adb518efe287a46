"""The counsellor's side: open a client's results by share code, review them, agree next steps.

The code travels only in a POST body (and in a QR link's fragment, which browsers never send),
so it never appears in a URL, a Referer header or an access-log line.
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import gettext

from .. import messages, next_steps, statistics
from ..attempts import client_address, code_lookups, paper_rounds
from ..current import catalogue, checklist, shipped_catalogue
from ..forms import LEVEL_FIELD, CodeForm, NextStepsForm, next_steps_data, paper_form_class
from ..models import Round, db, utcnow
from ..rounds import (
    RESULTS_STEP,
    ensure_share_code,
    keep_in_use,
    live_round,
    newest_finished,
    previous_round,
    retention_days,
    round_by_code,
    save_answers,
)
from ..share_codes import normalise
from ..templating import answer_choices, current_reading, level_options, paper_labels
from .results import summary_of

bp = Blueprint("counsellor", __name__, url_prefix="/<lang>")

VIEWING = "viewing"


def viewed_round() -> Round | None:
    """Return the newest finished round of the client whose code this browser opened.

    A code opens the person's chain of rounds: last session's code shows this month's round.
    """
    found = live_round(session.get(VIEWING))
    return newest_finished(found) if found is not None else None


@bp.route("/counsellor", methods=["GET", "POST"])
def find():
    """Ask for a share code and open the client's results with it."""
    form = CodeForm()
    if form.validate_on_submit():
        # Only wrong or expired codes count: a whole office behind one address is never locked out.
        if code_lookups().blocked(client_address()):
            abort(429)
        found = round_by_code(normalise(form.code.data))
        if found is not None:
            session[VIEWING] = found.id
            return redirect(url_for(".review"))
        code_lookups().failed(client_address())
        # A wrong, malformed and expired code all get this same answer.
        form.code.errors.append(str(messages.CODE_NOT_FOUND))
        return render_template("counsellor/find.html", form=form), 404
    return render_template("counsellor/find.html", form=form)


@bp.route("/counsellor/paper", methods=["GET", "POST"])
def paper():
    """Key in the answers of a paper checklist: they become a new round with its own share code."""
    content = checklist()
    form = paper_form_class(content, catalogue().municipality_names())()
    if not form.validate_on_submit():
        reading = current_reading()
        return render_template(
            "counsellor/paper.html",
            form=form,
            level_field=LEVEL_FIELD,
            labels=paper_labels(form),
            statement_choices={s.id: answer_choices(reading, s) for s in content.statements()},
            level_choices=level_options(),
            municipality_names=shipped_catalogue().municipality_names(),
        )
    # The page needs no login, and every round keyed in adds to the statistics: each counts.
    if paper_rounds().blocked(client_address()):
        abort(429)
    found = Round.start(RESULTS_STEP, retention_days(), content.version)
    found.profile = {"municipality": form.municipality.data} if form.municipality.data else {}
    found.completed_at = utcnow()
    db.session.add(found)
    db.session.flush()
    save_answers(found, form.answers(), form[LEVEL_FIELD].data or None, content.version)
    db.session.commit()
    paper_rounds().count(client_address())
    # Counted now, under the paper limit rather than the per-address statistics one: an office
    # keying in a pile of paper checklists is not a flood.
    ensure_share_code(found)
    statistics.record(found, summary_of(found), catalogue())
    # The counsellor goes on as with a code: the session view shows the code to give the client.
    session[VIEWING] = found.id
    return redirect(url_for(".review"))


@bp.get("/session")
def review():
    """Show the client's results for the guidance session: every answer, scores, suggestions, steps."""
    found = viewed_round()
    if found is None:
        return redirect(url_for(".find"))
    return _render_session(found, NextStepsForm(data=next_steps_data(found.next_steps)))


@bp.post("/session/steps")
def save_steps():
    """Save the agreed next steps; they then show on the client's results and print."""
    found = viewed_round()
    if found is None:
        return redirect(url_for(".find"))
    form = NextStepsForm()
    if not form.validate():
        return _render_session(found, form)
    next_steps.save_steps(found, form.entries())
    keep_in_use(found)
    return redirect(url_for(".review", saved=1, _anchor="next-steps"))


@bp.post("/session/steps/<int:step_id>")
def step_done(step_id: int):
    """Mark a step agreed last time (or this time) done, or not done."""
    found = viewed_round()
    if found is None:
        return redirect(url_for(".find"))
    keep_in_use(found)
    if not next_steps.mark_done(step_id, (found, previous_round(found)), request.form.get("done") == "1"):
        abort(404)
    return redirect(url_for(".review", _anchor="next-steps"))


@bp.post("/session/close")
def close():
    """Close the client's results in this browser."""
    session.pop(VIEWING, None)
    return redirect(url_for(".find"))


def _render_session(found: Round, form: NextStepsForm):
    keep_in_use(found)
    given = found.answers
    answers = [(area, [(s, given.get(s.id)) for s in area.statements]) for area in checklist().areas]
    summary = summary_of(found)
    return render_template(
        "counsellor/session.html",
        round=found,
        summary=summary,
        form=form,
        answers=answers,
        previous=previous_round(found),
        # Each error-summary line says which step it is about.
        step_labels={
            field.id: gettext("Step %(number)d", number=number)
            for number, row in enumerate(form.steps, start=1)
            for field in (row.form.text, row.form.who, row.form.due)
        },
    )
