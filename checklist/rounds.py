"""The person's rounds, found through the random id in their session cookie.

A retake links the new round to the finished one before it, so the rounds of one person form a
chain: the cookie names the newest, and a share code names one round of the chain.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import current_app, session, url_for
from sqlalchemy.dialects import postgresql, sqlite

from .models import Answer, Round, db
from .share_codes import new_code

SESSION_KEY = "round"
# Steps after the areas; before them, a round's step is the id of the area to resume at.
PROFILE_STEP = "profile"
RESULTS_STEP = "results"


class NoRound(Exception):
    """The person has no live round: the error page offers a fresh start."""


class Unfinished(Exception):
    """The person's only round is not finished yet: the views send them back to where they left off."""

    def __init__(self, found: Round) -> None:
        super().__init__(found.id)
        self.round = found


def retention_days() -> int:
    return current_app.config["RETENTION_DAYS"]


def live_round(round_id: object) -> Round | None:
    """Return the round with this id, or None when there is none or it has expired."""
    found = db.session.get(Round, round_id) if isinstance(round_id, str) else None
    return None if found is None or found.expired else found


def current_round() -> Round | None:
    """Return the round named by the cookie, while it lasts: the person's newest."""
    return live_round(session.get(SESSION_KEY))


def required_round() -> Round:
    """Return the round named by the cookie, or raise NoRound."""
    found = current_round()
    if found is None:
        raise NoRound
    return found


def keep_in_use(found: Round) -> None:
    """Count a use of a finished round (viewed, printed, its steps saved or marked): it and the
    round before it, whose scores and steps its pages show, are kept for the retention period from
    now. Its "saved on" date stays that of its answers."""
    moved = [used.keep(retention_days()) for used in (found, previous_round(found)) if used is not None]
    if any(moved):
        db.session.commit()


def previous_round(found: Round) -> Round | None:
    """Return the finished round this one retakes, while it lasts."""
    return live_round(found.previous_id)


def earlier_results(found: Round | None) -> Round | None:
    """Return the finished round an unfinished retake started from, if any."""
    if found is None or found.completed_at is not None:
        return None
    return previous_round(found)


def start_round(first_step: str, content_version: str) -> Round:
    """Start a fresh round on this version of the checklist: a finished one becomes its previous
    round, an unfinished one is deleted."""
    old = current_round()
    previous = None
    if old is not None:
        previous = old if old.completed_at else previous_round(old)
        if old.completed_at is None:
            db.session.delete(old)
    new = Round.start(first_step, retention_days(), content_version, previous=previous)
    db.session.add(new)
    db.session.commit()
    remember(new)
    return new


def abandon_retake() -> Round | None:
    """Delete an unfinished retake and go back to the finished round before it; return that round."""
    found = current_round()
    earlier = earlier_results(found)
    if earlier is None:
        return None
    db.session.delete(found)
    db.session.commit()
    remember(earlier)
    return earlier


def remember(found: Round) -> None:
    """Hold the round's id in the session cookie."""
    session[SESSION_KEY] = found.id
    session.permanent = True


def save_answers(found: Round, answers: Mapping[str, int], finnish_level: str | None, content_version: str) -> None:
    """Store answers to this version of the checklist atomically: each is an insert-or-update of
    its own row, so nothing read earlier is written back, and a save from another tab at the same
    moment is kept too."""
    if answers:
        insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[db.session.get_bind().dialect.name]
        rows = [{"round_id": found.id, "statement_id": key, "value": value} for key, value in answers.items()]
        statement = insert(Answer).values(rows)
        statement = statement.on_conflict_do_update(
            index_elements=[Answer.round_id, Answer.statement_id], set_={"value": statement.excluded.value}
        )
        db.session.execute(statement)
        db.session.expire(found, ["answer_rows"])
    if finnish_level is not None:
        found.finnish_level = finnish_level
    # Answers given now are to today's statements.
    found.content_version = content_version
    found.touch(retention_days())


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


def newest_finished(found: Round) -> Round:
    """Return the newest finished round of the chain this round belongs to (itself if none is newer)."""
    newest = found
    following = found
    while True:
        following = db.session.scalar(db.select(Round).where(Round.previous_id == following.id))
        if following is None or following.expired:
            return newest
        if following.completed_at is not None:
            newest = following


def round_by_code(code: str | None) -> Round | None:
    """Return the live round with this share code, or None."""
    if code is None:
        return None
    found = db.session.scalar(db.select(Round).where(Round.share_code == code))
    # Loaded already, so live_round finds it in the session without a second query.
    return live_round(found.id) if found is not None else None


def finished_round() -> Round:
    """Return the person's newest finished round: during a retake, the one before it.

    Raises NoRound without one, and Unfinished for an unfinished first round.
    """
    found = required_round()
    if found.completed_at is not None:
        return found
    earlier = earlier_results(found)
    if earlier is None:
        raise Unfinished(found)
    return earlier


def delete_chain(found: Round | None) -> None:
    """Delete a round and every earlier round of its chain, with their answers and next steps."""
    while found is not None:
        earlier = db.session.get(Round, found.previous_id) if found.previous_id else None
        db.session.delete(found)
        found = earlier
    db.session.commit()
