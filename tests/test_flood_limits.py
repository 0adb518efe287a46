"""Neither the open paper-entry page nor anonymous rounds from one address can flood the
coordinators' statistics: paper rounds are limited per address, and so are new statistics
records, past which a client's round still works but is not counted."""

from __future__ import annotations

import pytest

from checklist.config import settings
from checklist.models import Round, StatisticsRecord, db

from conftest import make_app
from helpers import CHECKLIST, complete

OFFICE = {"REMOTE_ADDR": "192.0.2.30"}
ELSEWHERE = {"REMOTE_ADDR": "192.0.2.31"}
PAPER = {**{s.id: "2" for s in CHECKLIST.area("channels").statements}, "finnish-level": "A2"}


def counts(app) -> tuple[int, int]:
    """Return how many rounds and statistics records are stored."""
    with app.app_context():
        rounds = len(db.session.scalars(db.select(Round)).all())
        return rounds, len(db.session.scalars(db.select(StatisticsRecord)).all())


@pytest.fixture
def limited(more_apps):
    app = make_app(RATELIMIT_PAPER_ROUNDS="3 per hour", RATELIMIT_STATISTICS_PER_ADDRESS="2 per day")
    more_apps(app)
    return app


def test_paper_rounds_are_limited_per_address(limited):
    counsellor = limited.test_client()
    for _ in range(3):
        assert counsellor.post_form("/fi/counsellor/paper", PAPER, environ_base=OFFICE).location == "/fi/session"
    # An empty paper saves nothing, and is not counted either.
    assert counsellor.post_form("/fi/counsellor/paper", {}, environ_base=OFFICE).status_code == 200
    refused = counsellor.post_form("/fi/counsellor/paper", PAPER, environ_base=OFFICE)
    assert refused.status_code == 429
    assert "Liian monta yritystä" in refused.get_data(as_text=True)
    assert counts(limited) == (3, 3)
    # The page itself still opens, and another address keys in as before.
    assert counsellor.get("/fi/counsellor/paper", environ_base=OFFICE).status_code == 200
    assert counsellor.post_form("/fi/counsellor/paper", PAPER, environ_base=ELSEWHERE).status_code == 302
    assert counts(limited) == (4, 4)


def test_the_default_paper_limit_stops_a_flood(app, client):
    limit = int(app.config["RATELIMIT_PAPER_ROUNDS"].split()[0])
    statuses = [client.post_form("/en/counsellor/paper", PAPER).status_code for _ in range(limit + 5)]
    assert statuses == [302] * limit + [429] * 5
    assert counts(app) == (limit, limit)


def test_past_its_share_an_address_adds_rounds_that_work_but_are_not_counted(limited):
    clients = [limited.test_client() for _ in range(3)]
    for client in clients:
        client.environ_base.update(OFFICE)  # the round is counted when it is finished, from here
        complete(client, "en")
        assert client.get("/en/results").status_code == 200
    assert counts(limited) == (3, 2)
    # The round left out works as ever: results, code, print, a counsellor's session view.
    last = clients[-1]
    assert "share__code" in last.get("/en/results", environ_base=OFFICE).get_data(as_text=True)
    assert last.get("/en/results/print", environ_base=OFFICE).status_code == 200
    with limited.app_context():
        code = db.session.scalars(db.select(Round.share_code).where(Round.statistics_key.is_(None))).one()
    counsellor = limited.test_client()
    assert counsellor.post_form("/en/counsellor", {"code": code}, environ_base=OFFICE).status_code == 302
    assert counsellor.get("/en/session", environ_base=OFFICE).status_code == 200
    assert counts(limited) == (3, 2)
    # From another address, a round is counted.
    other = limited.test_client()
    other.environ_base.update(ELSEWHERE)
    complete(other, "en")
    assert counts(limited) == (4, 3)


def test_viewing_the_results_again_or_changing_them_does_not_use_up_the_share(limited):
    client = limited.test_client()
    complete(client, "en")
    for _ in range(5):
        client.get("/en/results", environ_base=OFFICE)
    # Changed answers replace the round's record; that is no new record.
    client.post_form("/en/profile", {"municipality": "Äänekoski"}, environ_base=OFFICE)
    client.get("/en/results", environ_base=OFFICE)
    second = limited.test_client()
    complete(second, "en")
    second.get("/en/results", environ_base=OFFICE)
    assert counts(limited) == (2, 2)


def test_paper_rounds_count_under_their_own_limit_not_the_statistics_one(limited):
    counsellor = limited.test_client()
    for _ in range(3):
        counsellor.post_form("/fi/counsellor/paper", PAPER, environ_base=OFFICE)
        counsellor.get("/fi/session", environ_base=OFFICE)
    assert counts(limited) == (3, 3)


def test_the_limits_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("RATELIMIT_PAPER_ROUNDS", "5 per hour")
    monkeypatch.setenv("RATELIMIT_STATISTICS_PER_ADDRESS", "100 per day")
    config = settings("test")
    assert config["RATELIMIT_PAPER_ROUNDS"] == "5 per hour"
    assert config["RATELIMIT_STATISTICS_PER_ADDRESS"] == "100 per day"
