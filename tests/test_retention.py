"""Answers are kept for the retention period from their last use, and every use counts: viewing
or printing the results, the counsellor's session view, saving or marking next steps."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from checklist.models import NextStep, Round, db, utcnow

from helpers import complete

RETENTION = timedelta(days=180)


def age(app, used_days_ago: float) -> datetime:
    """Move the clock back: make every round last used (and saved) this many days ago.
    Return the rounds' "saved on" time."""
    with app.app_context():
        saved = utcnow() - timedelta(days=used_days_ago)
        db.session.execute(db.update(Round).values(updated_at=saved, expires_at=saved + RETENTION))
        db.session.commit()
        return saved


def stored(app) -> list[tuple[datetime, datetime]]:
    """Return each round's (saved on, expires at), the first round first."""
    with app.app_context():
        rounds = db.session.scalars(db.select(Round).order_by(Round.created_at)).all()
        return [(found.updated_at, found.expires_at) for found in rounds]


@pytest.fixture
def session(app, client):
    """A client with results, a counsellor who has opened them, and one agreed step."""
    complete(client, "en")
    client.get("/en/results")
    with app.app_context():
        code = db.session.scalar(db.select(Round.share_code))
    counsellor = app.test_client()
    counsellor.post_form("/en/counsellor", {"code": code})
    counsellor.post_form("/en/session/steps", {"steps-0-text": "Update the CV"})
    with app.app_context():
        step = db.session.scalar(db.select(NextStep.id))
    return {"client": client, "counsellor": counsellor, "step": step}


USES = {
    "results": ("client", "get", "/en/results", {}),
    "an area's page": ("client", "get", "/en/results/channels", {}),
    "Finnish courses": ("client", "get", "/en/results/finnish-courses", {}),
    "print": ("client", "get", "/en/results/print", {}),
    "client marks a step": ("client", "post_form", "/en/results/steps/{step}", {"done": "1"}),
    "session view": ("counsellor", "get", "/en/session", {}),
    "session print": ("counsellor", "get", "/en/session/print", {}),
    "saving steps": ("counsellor", "post_form", "/en/session/steps", {"steps-0-text": "Call the job club"}),
    "counsellor marks a step": ("counsellor", "post_form", "/en/session/steps/{step}", {"done": "1"}),
}


def use(session, name: str):
    who, method, path, data = USES[name]
    args = (data,) if method == "post_form" else ()
    response = getattr(session[who], method)(path.format(step=session["step"]), *args)
    assert response.status_code in (200, 302), name
    return response


@pytest.mark.parametrize("name", USES)
def test_every_use_keeps_the_round_for_the_retention_period_from_now(app, session, name):
    saved = age(app, 170)
    before = utcnow()
    use(session, name)
    [(saved_on, expires)] = stored(app)
    assert expires >= before + RETENTION, name
    # The page still says when the answers were saved, not when they were last looked at.
    assert saved_on == saved


def test_steps_agreed_on_old_answers_outlive_the_answers_last_saved_date(app, runner, session):
    # The answers were saved almost the whole retention period ago; the counsellor opens them.
    age(app, 179.9)
    use(session, "session view")
    # A day later the daily clean-up runs: the round and its agreed step are still there.
    with app.app_context():
        found = db.session.scalars(db.select(Round)).one()
        found.expires_at -= timedelta(days=1)
        db.session.commit()
    assert "Deleted 0 expired round(s) and 0 statistics record(s)." in runner.invoke(args=["purge-expired"]).output
    with app.app_context():
        assert db.session.scalars(db.select(NextStep.text)).all() == ["Update the CV"]
    assert session["client"].get("/en/results").status_code == 200


def test_using_it_again_within_a_day_writes_nothing(app, session):
    age(app, 0.5)
    [(_, expires)] = stored(app)
    for name in USES:
        use(session, name)
    assert stored(app)[0][1] == expires


def test_viewing_a_retake_keeps_the_round_it_is_compared_with(app, session):
    client = session["client"]
    client.post_form("/en/start")
    complete(client, "en", {"tools": 0})
    age(app, 100)
    before = utcnow()
    client.get("/en/results")
    assert [expires >= before + RETENTION for _, expires in stored(app)] == [True, True]
