"""Next steps agreed in a guidance session: saved one row each, marked done by either side.

A retake shows the steps of the round before it as "agreed last time", so they are read (and
marked done) where they were agreed: nothing is copied between rounds.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import NextStep, Round, db, utcnow
from .step_entries import FIELDS, StepEntry


def save_steps(found: Round, entries: Iterable[StepEntry]) -> None:
    """Save the form's rows: add new steps, and write only the fields the counsellor changed.

    The form may have been open for a while: meanwhile the client may have marked a step done,
    or another tab added or changed one. Writing back only what this form changed keeps all that.
    A step emptied here is deleted; one deleted elsewhere and left untouched here stays deleted.
    The round's row is locked first (on PostgreSQL), so two saves at once run one after the other.
    """
    db.session.execute(db.select(Round.id).where(Round.id == found.id).with_for_update())
    existing = {step.id: step for step in db.session.scalars(db.select(NextStep).where(NextStep.round_id == found.id))}
    for position, entry in enumerate(entries):
        step = existing.get(entry.id) if entry.id is not None else None
        changed = entry.changed()
        if step is None and entry.id is not None and not changed:
            continue
        if not entry.sent.text:
            if step is not None and "text" in changed:
                db.session.delete(step)
            continue
        if step is None:
            step, changed = NextStep(round_id=found.id), list(FIELDS)
            db.session.add(step)
        step.position = position
        for name in changed:
            if name == "done":
                step.done_at = (step.done_at or utcnow()) if entry.sent.done else None
            else:
                setattr(step, name, getattr(entry.sent, name))
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
