"""Every form of the app, sent hostile values in every field: a clear 4xx or a normal answer,
never a 5xx. CI runs this on PostgreSQL too, which refuses NUL characters the way SQLite does not."""

from __future__ import annotations

import re

import pytest

from conftest import log_in_coordinator
from helpers import AREA_IDS, CATALOGUE, complete

HOSTILE = [
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    "'; DROP TABLE rounds; --",
    "-1",
    "1e309",
    "٣",
    "\u202e\r\n",
    "%00",
    "2026-02-30",
    "0000-01-01",
    "9999-12-31",
    "x" * 1000,
]
SERVICE = CATALOGUE.services[0].id
# The pages whose forms a person can send; the state set up below lets each one open.
PAGES = [
    "/fi/",
    *(f"/fi/area/{area_id}" for area_id in AREA_IDS),
    "/fi/profile",
    "/fi/results",
    "/fi/results/delete",
    "/fi/counsellor",
    "/fi/counsellor/paper",
    "/fi/session",
    "/fi/coordinator/",
    "/fi/coordinator/services/new",
    f"/fi/coordinator/services/{SERVICE}",
    f"/fi/coordinator/services/{SERVICE}/edit",
    f"/fi/coordinator/services/{SERVICE}/retire",
]
# Sent last: they end the state the other forms need.
ENDING = ("/logout", "/delete", "/close", "/abandon")
FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>.*?</form>", re.S | re.I)


def prepare(app, client) -> None:
    """A finished round with a next step, opened in a guidance session, and a coordinator's login."""
    complete(client, "fi", dict.fromkeys(AREA_IDS, 0))
    assert client.get("/fi/results").status_code in (200, 302)
    code = re.search(r'<strong class="code" dir="ltr">([A-Z0-9-]+)</strong>', client.get("/fi/results").text)
    client.post("/fi/counsellor", data={"code": code.group(1)})
    client.post("/fi/session/steps", data={"steps-0-text": "CV", "steps-0-who": "client"})
    assert log_in_coordinator(client).status_code == 302


def forms(client) -> dict[str, set[str]]:
    """Return every POST form of the pages: its action and the names of its fields."""
    found: dict[str, set[str]] = {}
    for page in PAGES:
        for form in FORM.findall(client.get(page).text):
            action = re.search(r'action="([^"]*)"', form)
            names = set(re.findall(r'\bname="([^"]+)"', form)) - {"csrf_token"}
            found.setdefault(action.group(1) if action else page, set()).update(names)
    return found


@pytest.fixture
def every_form(app, client) -> dict[str, set[str]]:
    from checklist import catalogue_store, coordinators

    with app.app_context():
        catalogue_store.seed()  # as `flask catalogue seed` does: the entries' forms need entries
        coordinators.add("maija", "a long enough password")
    prepare(app, client)
    found = forms(client)
    # Forms that the state above does not show: the login (already logged in), restoring a retired
    # entry, leaving a retake, and the counsellor's mark on a step agreed last time.
    step = next(re.search(r"/(\d+)$", a).group(1) for a in found if a.startswith("/fi/results/steps/"))
    found |= {
        "/fi/coordinator/login": {"name", "password"},
        f"/fi/coordinator/services/{SERVICE}/restore": set(),
        "/fi/retake/abandon": set(),
        f"/fi/session/steps/{step}": {"done"},
    }
    posted = {rule.rule for rule in app.url_map.iter_rules() if "POST" in rule.methods}
    # Every form that takes a POST is among those found (its path, with its values filled in).
    patterns = {re.sub(r"<[^>]+>", "[^/]+", rule.replace("<lang>", "fi")) for rule in posted}
    missing = sorted(p for p in patterns if not any(re.fullmatch(p, action) for action in found))
    assert not missing, (missing, sorted(found))
    return found


@pytest.mark.parametrize("value", HOSTILE, ids=lambda value: repr(value)[:24])
def test_every_form_refuses_hostile_values_cleanly(app, client, every_form, value):
    actions = sorted(every_form, key=lambda action: action.endswith(ENDING))
    for action in actions:
        data = dict.fromkeys(every_form[action], value)
        response = client.post(action, data=data)
        assert response.status_code < 500, (action, value, response.status_code)
