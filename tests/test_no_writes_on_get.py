"""Opening a page writes nothing: the share code and the statistics record are written at the POST
that finishes or changes a round, so a GET (a reload, a prefetch, a crawler) changes no data."""

from __future__ import annotations

import re

from sqlalchemy import event

from checklist.models import Round, db

from conftest import log_in_coordinator
from helpers import AREA_IDS, CATALOGUE, complete

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.I)
SERVICE = CATALOGUE.services[0].id


def test_no_page_of_a_client_a_counsellor_or_the_desk_writes_to_the_database(app, client):
    from checklist import catalogue_store, coordinators

    with app.app_context():
        coordinators.add("maija", "a long enough password")
        if not catalogue_store.seeded():
            catalogue_store.seed()
    complete(client, "fi", dict.fromkeys(AREA_IDS, 0))
    client.post("/fi/profile", data={"municipality": "Äänekoski"})
    # The results are not opened before the count: their first view must write nothing either.
    with app.app_context():
        code = db.session.scalar(db.select(Round.share_code))
    assert code is not None
    client.post("/fi/counsellor", data={"code": code})
    client.post("/fi/session/steps", data={"steps-0-text": "CV", "steps-0-who": "client"})
    assert log_in_coordinator(client).status_code == 302

    pages = [
        "/fi/",
        "/fi/privacy",
        "/fi/paper",
        *(f"/fi/area/{area_id}" for area_id in AREA_IDS),
        "/fi/profile",
        "/fi/results",
        f"/fi/results/{AREA_IDS[0]}",
        "/fi/results/finnish-courses",
        "/fi/results/print",
        "/fi/results/delete",
        "/fi/counsellor",
        "/fi/counsellor/paper",
        "/fi/session",
        "/fi/session/print",
        "/fi/coordinator/",
        "/fi/coordinator/export.csv",
        "/fi/coordinator/statements.csv",
        "/fi/coordinator/services/",
        "/fi/coordinator/services/recheck",
        "/fi/coordinator/services/new",
        f"/fi/coordinator/services/{SERVICE}",
        f"/fi/coordinator/services/{SERVICE}/edit",
        f"/fi/coordinator/services/{SERVICE}/retire",
    ]
    writes: list[str] = []
    with app.app_context():
        engine = db.engine

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        if WRITE.match(statement):
            writes.append(statement.split("\n", 1)[0])

    event.listen(engine, "before_cursor_execute", count)
    try:
        for page in pages:
            before = len(writes)
            assert client.get(page).status_code == 200, page
            assert len(writes) == before, (page, writes[before:])
    finally:
        event.remove(engine, "before_cursor_execute", count)
