"""The coordinators' anonymous statistics: what a record holds, what survives, what is hidden."""

import csv
import io
import itertools
import re
from datetime import date, timedelta

import pytest

from checklist import statistics
from checklist.models import Round, StatisticsLow, StatisticsRecord, StatisticsScore, db, utcnow
from checklist.share_codes import display
from checklist.statistics import NOT_GIVEN, SMALLEST, Filters, quarter_of, quarters_before

from helpers import AREA_IDS, CHECKLIST, complete
from pagecheck import NS, parse, text_of


def finish(app, values=None, municipality=None, level="A2", lang="fi"):
    """A new client finishes the checklist (and gives a municipality); return their test client."""
    client = app.test_client()
    complete(client, lang, values, level)
    if municipality:
        client.post_form(f"/{lang}/profile", {"municipality": municipality})
    assert client.get(f"/{lang}/results").status_code == 200
    return client


THIS_QUARTER = quarter_of(date.today())
LAST_QUARTER = quarters_before(THIS_QUARTER, 1)


def end_quarter(app, quarter: str = LAST_QUARTER) -> None:
    """Move every record made so far into an ended quarter, where the figures show it."""
    with app.app_context():
        for table in (StatisticsRecord, StatisticsScore, StatisticsLow):
            db.session.execute(db.update(table).where(table.quarter == THIS_QUARTER).values(quarter=quarter))
        db.session.commit()


def records(app) -> list[StatisticsRecord]:
    with app.app_context():
        return list(db.session.scalars(db.select(StatisticsRecord)))


def csv_rows(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response.content_type == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_a_record_holds_the_place_level_scores_and_low_statements_and_nothing_of_the_round(app):
    finish(app, dict.fromkeys(AREA_IDS, 0), municipality="Äänekoski", level="A2")
    [record] = records(app)
    with app.app_context():
        record = db.session.get(StatisticsRecord, record.key)
        assert record.quarter == statistics.quarter_of(date.today())
        assert record.employment_area == "northern-central-finland"
        assert record.finnish_level == "A2" and record.retake is False
        assert {s.area_id: s.score for s in record.scores} == dict.fromkeys(AREA_IDS, 0)
        assert {low.statement_id for low in record.low} == {s.id for s in CHECKLIST.statements()}
        found = db.session.scalar(db.select(Round))
        # Nothing in the record is the round's id or code; only the round knows the record's key.
        columns = {c.name for c in StatisticsRecord.__table__.columns}
        assert columns == {"key", "quarter", "employment_area", "finnish_level", "retake"}
        assert found.statistics_key == record.key and record.key not in (found.id, found.share_code)


def test_a_round_counts_once_and_a_changed_profile_replaces_its_record(app):
    client = finish(app, municipality="Jyväskylä")
    client.get("/fi/results")
    client.get("/fi/results")
    assert [r.employment_area for r in records(app)] == ["jyvaskyla-muurame"]
    client.post_form("/fi/profile", {"municipality": "Äänekoski"})
    client.get("/fi/results")
    assert [r.employment_area for r in records(app)] == ["northern-central-finland"]


def test_a_record_of_an_ended_quarter_is_never_replaced(app):
    """Otherwise two looks at an ended quarter, before and after, would show one person's change."""
    client = finish(app, municipality="Jyväskylä")
    end_quarter(app)
    client.post_form("/fi/profile", {"municipality": "Äänekoski"})
    client.get("/fi/results")
    assert [(r.employment_area, r.quarter) for r in records(app)] == [("jyvaskyla-muurame", LAST_QUARTER)]


def test_a_retake_records_the_change_since_the_previous_round(app):
    client = finish(app, dict.fromkeys(AREA_IDS, 1))
    complete(client, "fi", dict.fromkeys(AREA_IDS, 3))
    client.get("/fi/results")
    with app.app_context():
        retake = db.session.scalar(db.select(StatisticsRecord).where(StatisticsRecord.retake.is_(True)))
        # All "A little true" scores 33, all "Completely true" 100: a change of 67 in every area.
        assert {(s.area_id, s.score, s.change) for s in retake.scores} == {(a, 100, 67) for a in AREA_IDS}
    assert len(records(app)) == 2


def test_deleting_or_expiring_rounds_keeps_their_statistics(app, runner):
    deleting = finish(app)
    finish(app)
    assert len(records(app)) == 2
    deleting.post_form("/fi/results/delete", {"confirm": "yes"})
    with app.app_context():
        db.session.execute(db.update(Round).values(expires_at=utcnow() - timedelta(days=1)))
        db.session.commit()
    assert "Deleted 1 expired round(s) and 0 statistics record(s)." in runner.invoke(args=["purge-expired"]).output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Round)) == 0
    assert len(records(app)) == 2


def test_the_dashboard_shows_hand_worked_means_of_counted_groups_only(app, coordinator):
    # Three clients answer everything "Completely true" (100) and two "A little true" (33):
    # the mean is (3 × 100 + 2 × 33) / 5 = 73.2 in every area, from 5 rounds.
    for value in (3, 3, 3, 1, 1):
        finish(app, dict.fromkeys(AREA_IDS, value), municipality="Jyväskylä")
    # Two more in Äänekoski (0): a group of two, left out of every figure, the totals included.
    for _ in range(2):
        finish(app, dict.fromkeys(AREA_IDS, 0), municipality="Äänekoski")
    # Nothing of the quarter under way is shown.
    assert "No rounds match these filters yet." in coordinator.get("/en/coordinator/").get_data(as_text=True)
    end_quarter(app)

    for page in ("/en/coordinator/", "/en/coordinator/?area=jyvaskyla-muurame"):
        document = parse(coordinator.get(page).get_data(as_text=True))
        means = document.find(f".//{NS}section[@aria-labelledby='means']//{NS}tbody")
        assert all([text_of(c) for c in row][1:] == ["5", "73.2"] for row in means)
        totals = [text_of(d) for d in document.iterfind(f".//{NS}dl[@class='totals']//{NS}dd")]
        assert totals == ["5", "0"]
        quarters = document.find(f".//{NS}section[@aria-labelledby='per-quarter']//{NS}tbody")
        assert [[text_of(c) for c in row] for row in quarters] == [[LAST_QUARTER, "5"]]

    alone = coordinator.get("/en/coordinator/?area=northern-central-finland").get_data(as_text=True)
    assert "No rounds match these filters yet." in alone


def test_the_export_has_the_promised_columns_and_counted_cells_only(app, coordinator):
    for value in (3, 3, 3, 1, 1):
        finish(app, dict.fromkeys(AREA_IDS, value), municipality="Jyväskylä")
    finish(app, dict.fromkeys(AREA_IDS, 0), municipality="Äänekoski")
    finish(app, dict.fromkeys(AREA_IDS, 0))
    end_quarter(app)

    response = coordinator.get("/fi/coordinator/export.csv")
    header = response.get_data(as_text=True).splitlines()[0]
    assert header == ",".join(["quarter", "employment_area", "rounds", *AREA_IDS])
    assert csv_rows(response) == [
        {
            "quarter": LAST_QUARTER,
            "employment_area": "jyvaskyla-muurame",
            "rounds": "5",
            **dict.fromkeys(AREA_IDS, "73.2"),
        }
    ]
    assert csv_rows(coordinator.get("/fi/coordinator/export.csv?area=northern-central-finland")) == []


def test_the_statement_export_gives_the_share_answered_low(app, coordinator):
    for value in (0, 0, 0, 0, 0, 3):
        finish(app, dict.fromkeys(AREA_IDS, value))
    end_quarter(app)
    rows = csv_rows(coordinator.get("/en/coordinator/statements.csv"))
    assert [r["statement"] for r in rows] == [s.id for s in CHECKLIST.statements()]
    # Five of the six rounds answered every statement "Not true".
    assert {(r["rounds"], r["answered_low"], r["share_low"]) for r in rows} == {("6", "5", "0.833")}

    few = csv_rows(coordinator.get("/en/coordinator/statements.csv?area=jyvaskyla-muurame"))
    assert {(r["rounds"], r["answered_low"], r["share_low"]) for r in few} == {("0", "0", "")}


def test_a_count_under_five_within_a_counted_group_is_left_out(app):
    # Six rounds in one group: four answer every statement low, two at level B1, one a retake.
    for value, level in ((0, "A2"), (0, "A2"), (0, "A2"), (0, "A2"), (3, "B1"), (3, "B1")):
        finish(app, dict.fromkeys(AREA_IDS, value), level=level)
    end_quarter(app)
    with app.app_context():
        figures = statistics.dashboard(Filters(), AREA_IDS)
    assert (figures.rounds, figures.retakes) == (6, 0)
    assert figures.levels == {}  # 4 at A2 and 2 at B1: both under five
    assert figures.low == []  # every statement answered low by four


def test_filters_by_quarter_range(app):
    for _ in range(5):
        finish(app)
    end_quarter(app, "2025-Q1")
    for _ in range(6):
        finish(app)
    end_quarter(app, LAST_QUARTER)
    finish(app)  # the quarter under way: never shown
    with app.app_context():
        assert statistics.quarters() == ["2025-Q1", LAST_QUARTER]
        assert statistics.dashboard(Filters(quarter_to="2025-Q2"), AREA_IDS).rounds == 5
        assert statistics.dashboard(Filters(quarter_from="2025-Q2"), AREA_IDS).rounds == 6
        assert statistics.dashboard(Filters(), AREA_IDS).rounds == 11


def test_statistics_records_are_purged_by_whole_quarters_after_the_retention_period(app, runner):
    for _ in range(5):
        finish(app)
    old = quarters_before(THIS_QUARTER, 4 * 5 + 1)
    end_quarter(app, old)
    for _ in range(5):
        finish(app)
    end_quarter(app, quarters_before(THIS_QUARTER, 4 * 5))
    output = runner.invoke(args=["purge-expired"]).output
    assert "and 5 statistics record(s)." in output
    with app.app_context():
        assert old not in statistics.quarters() and len(statistics.quarters()) == 1
        assert db.session.scalar(db.select(db.func.count()).select_from(StatisticsScore)) == 5 * len(AREA_IDS)


def test_quarters_are_counted_across_years():
    assert quarter_of(date(2026, 12, 2)) == "2026-Q4" and quarter_of(date(2026, 1, 1)) == "2026-Q1"
    assert quarters_before("2026-Q1", 1) == "2025-Q4" and quarters_before("2026-Q4", 20) == "2021-Q4"


# The attacker ------------------------------------------------------------------------------------

ATTACK_QUARTERS = ["2025-Q1", "2025-Q2", "2025-Q3"]
ATTACK_AREAS = ["jyvaskyla-muurame", "northern-central-finland", "southern-central-finland", None]


def fill_with_small_groups(app) -> None:
    """Records in groups of every size from 1 to 9, with small sub-groups of levels, retakes,
    low statements and unscored areas: the material an attacker would look for."""
    statements = [s.id for s in CHECKLIST.statements()][:6]
    levels = ["A1", "A2", "B1", None]
    sizes = itertools.cycle([1, 6, 2, 7, 3, 9, 4, 5, 8, 1, 6, 2])
    number = 0
    with app.app_context():
        for quarter in ATTACK_QUARTERS:
            for area in ATTACK_AREAS:
                for member in range(next(sizes)):
                    number += 1
                    place = {"quarter": quarter, "employment_area": area}
                    scored = AREA_IDS[: 3 + number % 4]
                    db.session.add(
                        StatisticsRecord(
                            key=f"k{number}",
                            finnish_level=levels[(number * 7) % 4 if member else 0],
                            retake=number % 3 == 0,
                            scores=[
                                StatisticsScore(
                                    area_id=a,
                                    score=(number * 37 + i * 11) % 101,
                                    change=(number % 9) - 4 if number % 3 == 0 else None,
                                    **place,
                                )
                                for i, a in enumerate(scored)
                            ],
                            low=[
                                StatisticsLow(statement_id=s, **place)
                                for i, s in enumerate(statements)
                                if (number + i) % 3
                            ],
                            **place,
                        )
                    )
        db.session.commit()


def figures_of(dashboard, statements_csv, export_csv) -> dict[str, float]:
    """Every figure a coordinator sees under one filter, by what it counts. A mean is turned back
    into its sum and its count, the two things subtraction works on."""
    found: dict[str, float] = {"rounds": dashboard.rounds, "retakes": dashboard.retakes}
    found |= {f"level {level}": n for level, n in dashboard.levels.items()}
    found |= {f"low {statement}": n for statement, n, _ in dashboard.low}
    for kind, figures in (("mean", dashboard.means), ("change", dashboard.changes)):
        found |= {f"{kind} {f.area_id} rounds": f.rounds for f in figures}
    found |= {f"statements.csv {r['statement']}": int(r["answered_low"]) for r in statements_csv}
    found["statements.csv rounds"] = int(statements_csv[0]["rounds"])
    found["export.csv rounds"] = sum(int(r["rounds"]) for r in export_csv)
    return found


def test_no_subtraction_of_figures_reveals_a_group_of_one_to_four(app, coordinator):
    fill_with_small_groups(app)
    views: dict[frozenset, dict[str, float]] = {}

    def seen(population: frozenset, figures: dict[str, float]) -> None:
        known = views.setdefault(population, {})
        for name, n in figures.items():
            # Two views of the same rounds must agree, or their difference would tell something.
            assert known.setdefault(name, n) == n, (name, sorted(population))

    # Every filter a coordinator can choose: each range of quarters (open at either end), each area.
    bounds = [None, *ATTACK_QUARTERS]
    for start, end, area in itertools.product(bounds, bounds, ["all", *ATTACK_AREAS]):
        if start and end and start > end:
            continue
        query = {"from": start or "", "to": end or "", "area": {"all": "", None: "none"}.get(area, area)}
        with app.app_context():
            dashboard = statistics.dashboard(
                Filters(start, end, NOT_GIVEN if area is None else None if area == "all" else area),
                AREA_IDS,
                most_low=100,
            )
        statements_csv = csv_rows(coordinator.get("/en/coordinator/statements.csv", query_string=query))
        export_csv = csv_rows(coordinator.get("/en/coordinator/export.csv", query_string=query))
        # The page shows what dashboard() gives: its totals are checked for every view.
        page = parse(coordinator.get("/en/coordinator/", query_string=query).get_data(as_text=True))
        totals = [text_of(d) for d in page.iterfind(f".//{NS}dl[@class='totals']//{NS}dd")]
        assert totals == [str(dashboard.rounds), str(dashboard.retakes)]
        cells = frozenset(
            (q, a)
            for q in ATTACK_QUARTERS
            for a in ATTACK_AREAS
            if (not start or q >= start) and (not end or q <= end) and area in ("all", a)
        )
        seen(cells, figures_of(dashboard, statements_csv, export_csv))
        # The rows of a table are views too: each quarter's, each area's, each cell's.
        for quarter, n in dashboard.per_quarter:
            seen(frozenset(c for c in cells if c[0] == quarter), {"rounds": n})
        for row_area, n in dashboard.per_area:
            seen(frozenset(c for c in cells if (c[1] or NOT_GIVEN) == row_area), {"rounds": n})
        for row in export_csv:
            seen(frozenset({(row["quarter"], row["employment_area"] or None)}), {"rounds": int(row["rounds"])})

    assert all(n == 0 or n >= SMALLEST for figures in views.values() for n in figures.values())
    compared = 0
    for wide, narrow in itertools.permutations(views, 2):
        if narrow < wide:
            for name, n in views[wide].items():
                if name in views[narrow]:
                    compared += 1
                    difference = n - views[narrow][name]
                    assert not 1 <= difference < SMALLEST, (name, sorted(wide), sorted(narrow), difference)
    assert compared > 1000


def test_no_coordinator_page_names_or_links_a_round_or_a_code(app, coordinator):
    clients = [finish(app, dict.fromkeys(AREA_IDS, value), municipality="Jyväskylä") for value in (0, 1, 2, 3, 0, 1)]
    with app.app_context():
        secrets = set()
        for found in db.session.scalars(db.select(Round)):
            secrets |= {found.id, found.share_code, display(found.share_code), found.statistics_key}
    assert len(clients) == 6 and len(secrets) == 24
    end_quarter(app)
    pages = ["/fi/coordinator/", "/en/coordinator/?area=jyvaskyla-muurame", "/fi/coordinator/export.csv"]
    pages += ["/fi/coordinator/statements.csv"]
    for page in pages:
        text = coordinator.get(page).get_data(as_text=True)
        assert not any(secret in text for secret in secrets), page
        # No link opens a client's results or a guidance session.
        assert not re.search(r"/(results|session)\b", text), page


@pytest.mark.parametrize("page", ["/fi/coordinator/", "/fi/coordinator/export.csv", "/fi/coordinator/statements.csv"])
def test_statistics_need_a_coordinator_login(client, page):
    response = client.get(page)
    assert response.status_code == 302 and response.location == "/fi/coordinator/login"


def test_aggregation_runs_in_the_database(app):
    # Scores written straight in, as a benchmark does: the dashboard reads them without any round.
    with app.app_context():
        for key in ("a", "b", "c", "d", "e"):
            db.session.add(StatisticsRecord(key=key, quarter="2026-Q1", retake=False))
            db.session.add(StatisticsScore(key=key, area_id="tools", score=ord(key) - ord("a"), quarter="2026-Q1"))
        db.session.commit()
        figures = statistics.dashboard(Filters(), AREA_IDS, today=date(2026, 4, 1))
        tools = next(f for f in figures.means if f.area_id == "tools")
        assert (tools.rounds, tools.mean) == (5, 2.0)


def test_the_privacy_notice_says_what_the_statistics_keep_and_for_how_long(client):
    text = client.get("/en/privacy").get_data(as_text=True)
    assert 'id="statistics"' in text
    assert "The record stays when your answers are deleted, by you or after 180 days." in text
    assert "kept for 5 years after the end of its quarter" in text


def test_the_latest_quarter_is_one_click_away(app, coordinator):
    for _ in range(5):
        finish(app)
    end_quarter(app)
    document = parse(coordinator.get("/en/coordinator/?area=northern-central-finland").get_data(as_text=True))
    links = {text_of(a): a.get("href") for a in document.iterfind(f".//{NS}p[@class='filters__quick']/{NS}a")}
    assert f"from={LAST_QUARTER}" in links["The latest quarter"] and f"to={LAST_QUARTER}" in links["The latest quarter"]
    assert "area=northern-central-finland" in links["The latest quarter"]
