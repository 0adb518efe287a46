"""The counsellor's side: open a client's results by share code, review them, agree next steps.

The code travels only in a POST body (and in a QR link's fragment, which browsers never send),
so it never appears in a URL, a Referer header or an access-log line.
"""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, session, url_for

from .. import messages
from ..current import checklist
from ..forms import CodeForm, NextStepsForm
from ..limiter import limiter
from ..models import Round, db
from ..rounds import live_round, round_by_code
from ..share_codes import normalise
from .results import summary_of

bp = Blueprint("counsellor", __name__, url_prefix="/<lang>")

VIEWING = "viewing"


def code_lookup_limit() -> str:
    return current_app.config["RATELIMIT_CODE_LOOKUPS"]


def viewed_round() -> Round | None:
    """Return the client's round this browser has opened with a code, while it lasts."""
    return live_round(session.get(VIEWING))


@bp.route("/counsellor", methods=["GET", "POST"])
@limiter.limit(code_lookup_limit, methods=["POST"])
def find():
    """Ask for a share code and open the client's results with it."""
    form = CodeForm()
    if form.validate_on_submit():
        found = round_by_code(normalise(form.code.data))
        if found is not None:
            session[VIEWING] = found.id
            return redirect(url_for(".review"))
        # A wrong, malformed and expired code all get this same answer.
        form.code.errors.append(str(messages.CODE_NOT_FOUND))
        return render_template("counsellor/find.html", form=form), 404
    return render_template("counsellor/find.html", form=form)


@bp.get("/session")
def review():
    """Show the client's results for the guidance session: every answer, scores, suggestions, steps."""
    found = viewed_round()
    if found is None:
        return redirect(url_for(".find"))
    return _render_session(found, NextStepsForm(data={"steps": found.next_steps}))


@bp.post("/session/steps")
def save_steps():
    """Save the agreed next steps; they then show on the client's results and print."""
    found = viewed_round()
    if found is None:
        return redirect(url_for(".find"))
    form = NextStepsForm()
    if not form.validate():
        return _render_session(found, form)
    found.next_steps = form.agreed()
    db.session.commit()
    return redirect(url_for(".review", saved=1, _anchor="next-steps"))


@bp.post("/session/close")
def close():
    """Close the client's results in this browser."""
    session.pop(VIEWING, None)
    return redirect(url_for(".find"))


def _render_session(found: Round, form: NextStepsForm):
    answers = [(area, [(s, found.answers.get(s.id)) for s in area.statements]) for area in checklist().areas]
    return render_template(
        "counsellor/session.html", round=found, summary=summary_of(found), form=form, answers=answers
    )
