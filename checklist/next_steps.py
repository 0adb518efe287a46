"""Next steps agreed in a guidance session: saved one row each, marked done by either side.

A retake shows the steps of the round before it as "agreed last time", so they are read (and
marked done) where they were agreed: nothing is copied between rounds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .models import NextStep, Round, db, utcnow

WHO = ("client", "counsellor")


@dataclass(frozen=True)
class StepEntry:
    """One row of the next-steps form: an existing step's id (or None for a new one) and its values."""

    id: int | None
    text: str
    who: str | None
    due: date | None
    done: bool


def save_steps(found: Round, entries: Iterable[StepEntry]) -> None:
    """Save the form's rows: update the steps it names, add new ones, delete those emptied.

    The round's row is locked first (on PostgreSQL), so two saves at once run one after the other
    instead of both deleting and re-adding; a step added in another tab meanwhile is kept.
    """
    db.session.execute(db.select(Round.id).where(Round.id == found.id).with_for_update())
    existing = {step.id: step for step in db.session.scalars(db.select(NextStep).where(NextStep.round_id == found.id))}
    for position, entry in enumerate(entries):
        step = existing.get(entry.id) if entry.id is not None else None
        if not entry.text:
            if step is not None:
                db.session.delete(step)
            continue
        if step is None:
            step = NextStep(round_id=found.id)
            db.session.add(step)
        step.position, step.text, step.who, step.due = position, entry.text, entry.who, entry.due
        step.done_at = (step.done_at or utcnow()) if entry.done else None
    db.session.commit()
    db.session.expire(found, ["next_steps"])


def mark_done(step_id: int, rounds: Iterable[Round | None], done: bool) -> bool:
    """Mark a step of one of these rounds done or not done, in one statement; return whether it was found."""
    round_ids = [found.id for found in rounds if found is not None]
    done_at = utcnow() if done else None
    changed = db.session.execute(
        db.update(NextStep).where(NextStep.id == step_id, NextStep.round_id.in_(round_ids)).values(done_at=done_at)
    ).rowcount
    db.session.commit()
    return changed > 0
