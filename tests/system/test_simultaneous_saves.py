"""Two tabs, or a double tap on a slow connection, save parts of one round at the same moment:
every answer and every agreed step is kept. Runs against gunicorn with several worker processes,
on an SQLite file and on PostgreSQL (when one answers on 127.0.0.1:5432)."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from checklist import create_app
from checklist.models import Round, db

from conftest import tear_down
from helpers import AREA_IDS, CHECKLIST, area_answers
from serving import free_port, reachable, stop, wait_until_serving

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
WORKERS = 4
PAIRS = 20


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> Iterator[str]:
    """Return a database URL with fresh tables; drop them afterwards."""
    if request.param == "postgresql":
        if not reachable("127.0.0.1", 5432):
            pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
        url = POSTGRES
    else:
        url = f"sqlite:///{tmp_path / 'saves.db'}"
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield url
    tear_down(app)


@pytest.fixture
def server(database: str) -> Iterator[tuple[str, str]]:
    """Serve the app with gunicorn and several workers; yield its origin and the database URL."""
    port = free_port()
    config = {"SECRET_KEY": "simultaneous-saves", "SQLALCHEMY_DATABASE_URI": database, "WTF_CSRF_ENABLED": False}
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--no-control-socket",
            "-w",
            str(WORKERS),
            "-b",
            f"127.0.0.1:{port}",
            f"checklist:create_app({config!r})",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "CHECKLIST_ENV": "development"},
    )
    try:
        wait_until_serving(process, port, seconds=30)
        yield f"http://127.0.0.1:{port}", database
    finally:
        stop(process)


class Browser:
    """One person's browser: its own cookie jar; both of its tabs share it."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(self, path: str, data: dict) -> int:
        body = urllib.parse.urlencode(data).encode()
        with self.opener.open(self.origin + path, body, timeout=30) as response:
            return response.status

    def get(self, path: str) -> str:
        with self.opener.open(self.origin + path, timeout=30) as response:
            return response.read().decode()


def at_once(*calls) -> list:
    """Run the calls in threads that start together."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def stored_rounds(database: str) -> list[tuple[dict[str, int], list[str]]]:
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": database})
    with app.app_context():
        found = [(r.answers, [s.text for s in r.next_steps]) for r in db.session.scalars(db.select(Round))]
        db.session.remove()
        db.engine.dispose()
    return found


def test_two_tabs_saving_different_areas_at_once_keep_every_answer(server):
    origin, database = server
    for _ in range(PAIRS):
        person = Browser(origin)
        person.post("/fi/start", {})
        statuses = at_once(
            lambda p=person: p.post("/fi/area/channels", {**area_answers("channels", 1), "action": "next"}),
            lambda p=person: p.post("/fi/area/tools", {**area_answers("tools", 2), "action": "next"}),
        )
        assert statuses == [200, 200]
    rounds = stored_rounds(database)
    assert len(rounds) == PAIRS
    expected = {
        **{s.id: 1 for s in CHECKLIST.area("channels").statements},
        **{s.id: 2 for s in CHECKLIST.area("tools").statements},
    }
    lost = [answers for answers, _ in rounds if answers != expected]
    assert lost == [], f"{len(lost)} of {PAIRS} rounds lost answers"


def test_two_counsellor_tabs_adding_steps_at_once_keep_both(server):
    origin, database = server
    client = Browser(origin)
    client.post("/fi/start", {})
    for area_id in AREA_IDS:
        client.post(f"/fi/area/{area_id}", {**area_answers(area_id, 0), "action": "next"})
    code = re.search(r'class="code"[^>]*>([A-Z0-9-]+)<', client.get("/fi/results")).group(1)
    tabs = Browser(origin)
    tabs.post("/fi/counsellor", {"code": code})
    for pair in range(PAIRS // 2):
        at_once(
            lambda n=pair: tabs.post("/fi/session/steps", {"steps-0-text": f"first {n}"}),
            lambda n=pair: tabs.post("/fi/session/steps", {"steps-0-text": f"second {n}"}),
        )
    [(_, steps)] = stored_rounds(database)
    # Each save adds a new step: none overwrites another saved at the same moment.
    assert sorted(steps) == sorted(
        [f"first {n}" for n in range(PAIRS // 2)] + [f"second {n}" for n in range(PAIRS // 2)]
    )
