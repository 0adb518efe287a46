"""The counsellor's next-steps form: saving a form opened earlier writes only what it changed, and
a step with a date or a "who" but nothing agreed is refused with a message, never dropped."""

from __future__ import annotations

import pytest

from checklist.models import NextStep, Round, db

from conftest import CheckingClient
from helpers import complete
from pagecheck import NS, parse, text_of


def steps_form(page: str) -> dict[str, str]:
    """Return what the next-steps form on a session page sends as it is shown."""
    form = next(f for f in parse(page).iter(f"{NS}form") if f.get("action") == "/en/session/steps")
    data = {}
    for field in form.iter(f"{NS}input"):
        if field.get("type") != "checkbox" or field.get("checked") is not None:
            data[field.get("name")] = field.get("value") or ""
    for field in form.iter(f"{NS}textarea"):
        data[field.get("name")] = field.text or ""
    for field in form.iter(f"{NS}select"):
        chosen = [option.get("value") for option in field.iter(f"{NS}option") if option.get("selected") is not None]
        data[field.get("name")] = chosen[0] if chosen else ""
    return data


def stored_steps(app) -> list[tuple[str, str | None, str | None, bool]]:
    with app.app_context():
        steps = db.session.scalars(db.select(NextStep).order_by(NextStep.position, NextStep.id))
        return [(s.text, s.who, s.due.isoformat() if s.due else None, s.done) for s in steps]


def counsellor_of(app, client, lang: str = "en") -> CheckingClient:
    """Return a counsellor who has opened the results of a client who has answered everything."""
    complete(client, lang)
    client.get(f"/{lang}/results")
    with app.app_context():
        code = db.session.scalar(db.select(Round.share_code))
    counsellor = app.test_client()
    assert counsellor.post_form(f"/{lang}/counsellor", {"code": code}).status_code == 302
    return counsellor


@pytest.fixture
def session(app, client) -> CheckingClient:
    """A counsellor with a client's results open and two steps agreed."""
    counsellor = counsellor_of(app, client)
    agreed = {
        "steps-0-text": "Update the CV",
        "steps-0-who": "client",
        "steps-0-due": "2026-12-04",
        "steps-1-text": "Call the job club\r\nabout Tuesdays",
        "steps-1-who": "counsellor",
    }
    assert counsellor.post_form("/en/session/steps", agreed).status_code == 302
    return counsellor


def step_ids(app) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(db.select(NextStep.id).order_by(NextStep.position, NextStep.id)))


def test_a_form_opened_earlier_keeps_a_step_the_client_marked_done_meanwhile(app, client, session):
    form = steps_form(session.get("/en/session").get_data(as_text=True))
    first, _ = step_ids(app)
    # While the counsellor's form is open, the client marks the first step done on their phone.
    assert client.post_form(f"/en/results/steps/{first}", {"done": "1"}).status_code == 302
    # The counsellor changes the second step's date and adds a third, then saves the old form.
    form.update({"steps-1-due": "2027-01-15", "steps-2-text": "Visit the library job club"})
    assert session.post_form("/en/session/steps", form).status_code == 302
    assert stored_steps(app) == [
        ("Update the CV", "client", "2026-12-04", True),
        ("Call the job club\r\nabout Tuesdays", "counsellor", "2027-01-15", False),
        ("Visit the library job club", None, None, False),
    ]
    assert "Done:" in client.get("/en/results").get_data(as_text=True)


def test_each_side_keeps_the_fields_it_changed(app, session):
    page = session.get("/en/session").get_data(as_text=True)
    mine, theirs = steps_form(page), steps_form(page)
    first, second = step_ids(app)
    # Another tab changes who does the first step, marks the second done and adds a step.
    theirs.update({"steps-0-who": "counsellor", "steps-1-done": "y", "steps-2-text": "Book a work trial"})
    assert session.post_form("/en/session/steps", theirs).status_code == 302
    # This tab, opened before, changes the first step's text and date.
    mine.update({"steps-0-text": "Update the CV in Finnish", "steps-0-due": "2026-12-11"})
    assert session.post_form("/en/session/steps", mine).status_code == 302
    assert stored_steps(app) == [
        ("Update the CV in Finnish", "counsellor", "2026-12-11", False),
        ("Call the job club\r\nabout Tuesdays", "counsellor", None, True),
        ("Book a work trial", None, None, False),
    ]
    assert step_ids(app)[:2] == [first, second]


def test_unmarking_and_emptying_are_changes_too(app, client, session):
    first, second = step_ids(app)
    client.post_form(f"/en/results/steps/{first}", {"done": "1"})
    form = steps_form(session.get("/en/session").get_data(as_text=True))
    assert form["steps-0-done"] == "y"
    # Unticking "Done" on the first step and emptying the second step altogether.
    del form["steps-0-done"]
    form.update({"steps-1-text": "", "steps-1-who": ""})
    assert session.post_form("/en/session/steps", form).status_code == 302
    assert stored_steps(app) == [("Update the CV", "client", "2026-12-04", False)]


def test_a_step_deleted_in_another_tab_is_not_brought_back_by_an_untouched_form(app, session):
    page = session.get("/en/session").get_data(as_text=True)
    mine, theirs = steps_form(page), steps_form(page)
    theirs.update({"steps-1-text": "", "steps-1-who": ""})
    session.post_form("/en/session/steps", theirs)
    mine["steps-0-who"] = "counsellor"
    session.post_form("/en/session/steps", mine)
    assert stored_steps(app) == [("Update the CV", "counsellor", "2026-12-04", False)]


@pytest.mark.parametrize(
    ("row", "data"),
    [
        (1, {"steps-0-due": "2026-12-04"}),
        (1, {"steps-0-who": "client"}),
        (3, {"steps-0-text": "Update the CV", "steps-1-text": "", "steps-2-text": "   ", "steps-2-due": "04.12.2026"}),
    ],
)
def test_a_step_with_a_date_or_who_but_no_text_says_what_is_missing(app, client, row, data):
    response = counsellor_of(app, client).post_form("/en/session/steps", data)
    assert response.status_code == 200
    page = parse(response.get_data(as_text=True))
    summary = page.find(f".//{NS}div[@class='error-summary']")
    field = f"steps-{row - 1}-text"
    assert [(a.get("href"), text_of(a)) for a in summary.iter(f"{NS}a")] == [
        (f"#{field}", f"Step {row} – Write what was agreed, or leave the whole step empty")
    ]
    # The field says it too, and keeps what was typed in the others.
    assert page.find(f".//{NS}p[@id='{field}-error']") is not None
    assert page.find(f".//{NS}textarea[@id='{field}']").get("aria-describedby") == f"{field}-error"
    assert "The next steps are saved" not in response.get_data(as_text=True)
    assert stored_steps(app) == []


def test_a_stored_step_emptied_but_for_its_date_is_not_deleted_silently(app, session):
    form = steps_form(session.get("/en/session").get_data(as_text=True))
    form["steps-0-text"] = ""
    response = session.post_form("/en/session/steps", form)
    assert "Step 1 – Write what was agreed, or leave the whole step empty" in text_of(
        parse(response.get_data(as_text=True))
    )
    assert len(stored_steps(app)) == 2
    # The form shown again still carries the values first shown, so saving it then merges as before.
    again = steps_form(response.get_data(as_text=True))
    assert again["steps-0-shown_text"] == "Update the CV" and again["steps-0-shown_due"] == "2026-12-04"


def test_the_missing_text_is_named_in_finnish(app, client):
    html = (
        counsellor_of(app, client, "fi")
        .post_form("/fi/session/steps", {"steps-0-who": "client"})
        .get_data(as_text=True)
    )
    assert "Asia 1 – Kirjoita, mitä sovittiin, tai jätä koko asia tyhjäksi" in text_of(parse(html))
