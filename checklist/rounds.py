"""The person's current round, found through the random id in their session cookie."""

from __future__ import annotations

from flask import abort, current_app, redirect, session, url_for

from .models import Round, db
from .share_codes import new_code

SESSION_KEY = "round"
# Steps after the areas; before them, a round's step is the id of the area to resume at.
PROFILE_STEP = "profile"
RESULTS_STEP = "results"


def retention_days() -> int:
    return current_app.config["RETENTION_DAYS"]


def live_round(round_id: object) -> Round | None:
    """Return the round with this id, or None when there is none or it has expired."""
    found = db.session.get(Round, round_id) if isinstance(round_id, str) else None
    return None if found is None or found.expired else found


def current_round() -> Round | None:
    """Return the round named by the cookie, while it lasts."""
    return live_round(session.get(SESSION_KEY))


def required_round() -> Round:
    """Return the round named by the cookie: a 404 that offers a fresh start without one."""
    found = current_round()
    if found is None:
        abort(404, description="no-round")
    return found


def start_round(first_step: str) -> Round:
    """Start a fresh round: a finished one becomes its previous round, an unfinished one is deleted."""
    old = current_round()
    previous_id = None
    if old is not None:
        previous_id = old.id if old.completed_at else old.previous_id
        if old.completed_at is None:
            db.session.delete(old)
    new = Round.start(first_step, retention_days(), previous_id=previous_id)
    db.session.add(new)
    db.session.commit()
    remember(new)
    return new


def remember(found: Round) -> None:
    """Hold the round's id in the session cookie."""
    session[SESSION_KEY] = found.id
    session.permanent = True


def resume_url(found: Round) -> str:
    """Return where the person left off."""
    if found.step == RESULTS_STEP:
        return url_for("results.results")
    if found.step == PROFILE_STEP:
        return url_for("profile.profile")
    return url_for("answering.area", area_id=found.step)


def ensure_share_code(found: Round) -> str:
    """Give a finished round its share code, once; return it."""
    if found.share_code is None:
        code = new_code()
        while db.session.scalar(db.select(Round.id).where(Round.share_code == code)) is not None:
            code = new_code()
        found.share_code = code
        db.session.commit()
    return found.share_code


def round_by_code(code: str | None) -> Round | None:
    """Return the live round with this share code, or None."""
    if code is None:
        return None
    found = db.session.scalar(db.select(Round).where(Round.share_code == code))
    # Loaded already, so live_round finds it in the session without a second query.
    return live_round(found.id) if found is not None else None


def finished_round() -> Round:
    """Return the person's finished round: a 404 without one, back to answering if unfinished."""
    found = required_round()
    if found.completed_at is None:
        abort(redirect(resume_url(found)))
    return found
