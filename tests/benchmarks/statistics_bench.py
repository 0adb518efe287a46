"""Time the coordinators' dashboard and CSV exports over 100,000 statistics records.

Run with `make bench-statistics`. Loads random records into a fresh SQLite file, and into
PostgreSQL (TEST_DATABASE_URL, else the local one) when it is reachable, then prints the median
of several runs of each query. Figures are reported, not asserted.
"""

from __future__ import annotations

import os
import random
import secrets
import socket
import statistics as stats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from checklist import create_app, statistics  # noqa: E402
from checklist.models import StatisticsLow, StatisticsRecord, StatisticsScore, db  # noqa: E402

from helpers import CATALOGUE, CHECKLIST  # noqa: E402

RECORDS = int(os.environ.get("BENCH_RECORDS", "100000"))
RUNS = 7
POSTGRES = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def load(records: int) -> None:
    """Insert random records: every area scored, a few statements low, one in five a retake."""
    rng = random.Random(1)
    areas = [area.id for area in CHECKLIST.areas]
    statements = [s.id for s in CHECKLIST.statements()]
    places = [m.employment_area for m in CATALOGUE.municipalities] + [None] * 8
    levels = ["none", "A1", "A2", "B1", "B2", "C1", None]
    quarters = [f"{year}-Q{quarter}" for year in (2024, 2025) for quarter in range(1, 5)]
    batch = 5000
    for start in range(0, records, batch):
        rows, scores, lows = [], [], []
        for _ in range(min(batch, records - start)):
            key = secrets.token_urlsafe(32)
            area = rng.choice(places)
            retake = rng.random() < 0.2
            place = {"key": key, "quarter": rng.choice(quarters), "employment_area": area}
            rows.append({**place, "finnish_level": rng.choice(levels), "retake": retake})
            scores += [
                {
                    **place,
                    "area_id": a,
                    "score": rng.randint(0, 100),
                    "change": rng.randint(-20, 40) if retake else None,
                }
                for a in areas
            ]
            lows += [{**place, "statement_id": s} for s in rng.sample(statements, rng.randint(0, 12))]
        db.session.execute(db.insert(StatisticsRecord), rows)
        db.session.execute(db.insert(StatisticsScore), scores)
        db.session.execute(db.insert(StatisticsLow), lows)
        db.session.commit()


def median_ms(work: Callable[[], object]) -> float:
    work()  # warm the caches, as a second coordinator's view would find them
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return stats.median(times)


def measure(name: str, url: str) -> None:
    app = create_app({"SQLALCHEMY_DATABASE_URI": url}, environment="test", checklist=CHECKLIST, catalogue=CATALOGUE)
    areas = [area.id for area in CHECKLIST.areas]
    statements = [(s.id, s.area_id) for s in CHECKLIST.statements()]
    with app.app_context():
        db.drop_all()
        db.create_all()
        started = time.perf_counter()
        load(RECORDS)
        loaded = time.perf_counter() - started
        if url.startswith("postgresql"):
            db.session.execute(db.text("ANALYZE"))
            db.session.commit()
        everything = statistics.Filters()
        filtered = statistics.Filters("2025-Q1", "2025-Q2", "northern-central-finland")
        figures = {
            "dashboard, no filter": median_ms(lambda: statistics.dashboard(everything, areas)),
            "dashboard, 2 quarters of one employment area": median_ms(lambda: statistics.dashboard(filtered, areas)),
            "export.csv, no filter": median_ms(lambda: statistics.export_rows(everything, areas)),
            "statements.csv, no filter": median_ms(lambda: statistics.statement_rows(everything, statements)),
        }
        print(f"\n{name}: {RECORDS:,} records loaded in {loaded:.0f} s; median of {RUNS} runs")
        for what, ms in figures.items():
            print(f"  {what:<45} {ms:7.0f} ms")
        db.session.remove()  # its transaction would hold the tables the drop needs
        db.drop_all()
        db.session.remove()
        db.engine.dispose()


def reachable(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), 2).close()
        return True
    except OSError:
        return False


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        measure("SQLite", f"sqlite:///{Path(folder) / 'statistics.db'}")
    if reachable("127.0.0.1", 5432) or "TEST_DATABASE_URL" in os.environ:
        measure("PostgreSQL", POSTGRES)
    else:
        print("\nPostgreSQL is not reachable: its run is skipped.")


if __name__ == "__main__":
    main()
