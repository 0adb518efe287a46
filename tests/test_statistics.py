"""The coordinators' anonymous statistics: what a record holds, what survives, what is hidden."""

import csv
import io
import re
from datetime import timedelta

import pytest

from checklist import statistics
from checklist.models import Round, StatisticsRecord, StatisticsScore, db, utcnow
from checklist.share_codes import display
from checklist.statistics import Count, Filters

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
        assert record.month == utcnow().strftime("%Y-%m")
        assert (record.municipality, record.employment_area) == ("Äänekoski", "northern-central-finland")
        assert record.finnish_level == "A2" and record.retake is False
        assert {s.area_id: s.score for s in record.scores} == dict.fromkeys(AREA_IDS, 0)
        assert {low.statement_id for low in record.low} == {s.id for s in CHECKLIST.statements()}
        found = db.session.scalar(db.select(Round))
        # Nothing in the record is the round's id or code; only the round knows the record's key.
        columns = {c.name for c in StatisticsRecord.__table__.columns}
        assert columns == {"key", "month", "municipality", "employment_area", "finnish_level", "retake"}
        assert found.statistics_key == record.key and record.key not in (found.id, found.share_code)


def test_a_round_counts_once_and_a_changed_profile_replaces_its_record(app):
    client = finish(app, municipality="Jyväskylä")
    client.get("/fi/results")
    client.get("/fi/results")
    assert [r.municipality for r in records(app)] == ["Jyväskylä"]
    client.post_form("/fi/profile", {"municipality": "Äänekoski"})
    client.get("/fi/results")
    assert [(r.municipality, r.employment_area) for r in records(app)] == [("Äänekoski", "northern-central-finland")]


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
    assert "Deleted 1 expired round(s)." in runner.invoke(args=["purge-expired"]).output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Round)) == 0
    assert len(records(app)) == 2


def test_small_figures_are_hidden_and_others_shown():
    assert [str(Count(n)) for n in (0, 1, 4, 5, 12)] == ["0", "<5", "<5", "5", "12"]
    assert statistics.mean(100.0, 4) is None and statistics.mean(200 / 3, 5) == 66.7


def test_the_dashboard_shows_hand_worked_means_and_hides_small_cells(app, coordinator):
    # Three clients answer everything "Completely true" (100) and two "A little true" (33):
    # the mean is (3 × 100 + 2 × 33) / 5 = 73.2 in every area, from 5 rounds.
    for value in (3, 3, 3, 1, 1):
        finish(app, dict.fromkeys(AREA_IDS, value), municipality="Jyväskylä")
    # Two more in Äänekoski (0): too few to show there, or to give a mean for. All seven together:
    # (3 × 100 + 2 × 33 + 2 × 0) / 7 = 52.3.
    for _ in range(2):
        finish(app, dict.fromkeys(AREA_IDS, 0), municipality="Äänekoski")

    document = parse(coordinator.get("/en/coordinator/").get_data(as_text=True))
    means = document.find(f".//{NS}section[@aria-labelledby='means']//{NS}tbody")
    assert [[text_of(c) for c in row] for row in means][0] == ["Job-search channels", "7", "52.3"]

    filtered = parse(coordinator.get("/en/coordinator/?area=jyvaskyla-muurame").get_data(as_text=True))
    means = filtered.find(f".//{NS}section[@aria-labelledby='means']//{NS}tbody")
    assert all([text_of(c) for c in row][1:] == ["5", "73.2"] for row in means)

    alone = parse(coordinator.get("/en/coordinator/?area=northern-central-finland").get_data(as_text=True))
    means = alone.find(f".//{NS}section[@aria-labelledby='means']//{NS}tbody")
    assert all([text_of(c) for c in row][1:] == ["<5", ""] for row in means)
    chart = alone.find(f".//{NS}section[@aria-labelledby='means']//{{http://www.w3.org/2000/svg}}title")
    assert "<5" in chart.text and "0.0" not in chart.text
    months = alone.find(f".//{NS}section[@aria-labelledby='per-month']//{NS}tbody")
    assert [text_of(c) for c in months[0]][1] == "<5"
    bars = alone.find(f".//{NS}section[@aria-labelledby='per-month']//{{http://www.w3.org/2000/svg}}svg")
    assert "<5" in "".join(bars.itertext())


def test_the_export_has_the_promised_columns_and_hides_small_cells(app, coordinator):
    for value in (3, 3, 3, 1, 1):
        finish(app, dict.fromkeys(AREA_IDS, value), municipality="Jyväskylä")
    finish(app, dict.fromkeys(AREA_IDS, 0), municipality="Äänekoski")
    finish(app, dict.fromkeys(AREA_IDS, 0))

    response = coordinator.get("/fi/coordinator/export.csv")
    header = response.get_data(as_text=True).splitlines()[0]
    assert header == ",".join(["month", "employment_area", "municipality", "rounds", *AREA_IDS])
    month = utcnow().strftime("%Y-%m")
    rows = {(r["employment_area"], r["municipality"]): r for r in csv_rows(response)}
    assert rows.keys() == {("jyvaskyla-muurame", "Jyväskylä"), ("northern-central-finland", "Äänekoski"), ("", "")}
    assert rows[("jyvaskyla-muurame", "Jyväskylä")] == {
        "month": month,
        "employment_area": "jyvaskyla-muurame",
        "municipality": "Jyväskylä",
        "rounds": "5",
        **dict.fromkeys(AREA_IDS, "73.2"),
    }
    hidden = {"rounds": "<5", **dict.fromkeys(AREA_IDS, "")}
    assert {key: rows[("", "")][key] for key in ("rounds", *AREA_IDS)} == hidden

    only = csv_rows(coordinator.get("/fi/coordinator/export.csv?area=northern-central-finland"))
    assert [(r["municipality"], r["rounds"]) for r in only] == [("Äänekoski", "<5")]


def test_the_statement_export_gives_the_share_answered_low(app, coordinator):
    for value in (0, 0, 0, 0, 0, 3):
        finish(app, dict.fromkeys(AREA_IDS, value))
    rows = csv_rows(coordinator.get("/en/coordinator/statements.csv"))
    assert [r["statement"] for r in rows] == [s.id for s in CHECKLIST.statements()]
    # Five of the six rounds answered every statement "Not true".
    assert {(r["rounds"], r["answered_low"], r["share_low"]) for r in rows} == {("6", "5", "0.833")}

    few = csv_rows(coordinator.get(f"/en/coordinator/statements.csv?from={utcnow():%Y-%m}&area=jyvaskyla-muurame"))
    assert {(r["rounds"], r["answered_low"], r["share_low"]) for r in few} == {("0", "0", "")}


def test_filters_by_month_range(app):
    finish(app)
    with app.app_context():
        db.session.execute(db.update(StatisticsRecord).values(month="2026-01"))
        db.session.commit()
    finish(app)
    with app.app_context():
        assert statistics.months() == ["2026-01", utcnow().strftime("%Y-%m")]
        assert statistics.dashboard(Filters(month_to="2026-06"), AREA_IDS).rounds.value == 1
        assert statistics.dashboard(Filters(month_from="2026-02"), AREA_IDS).rounds.value == 1
        assert statistics.dashboard(Filters(), AREA_IDS).rounds.value == 2


def test_no_coordinator_page_names_or_links_a_round_or_a_code(app, coordinator):
    clients = [finish(app, dict.fromkeys(AREA_IDS, value), municipality="Jyväskylä") for value in (0, 1, 2, 3, 0, 1)]
    with app.app_context():
        secrets = set()
        for found in db.session.scalars(db.select(Round)):
            secrets |= {found.id, found.share_code, display(found.share_code), found.statistics_key}
    assert len(clients) == 6 and len(secrets) == 24
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
            db.session.add(StatisticsRecord(key=key, month="2026-03", retake=False))
            db.session.add(StatisticsScore(key=key, area_id="tools", score=ord(key) - ord("a"), month="2026-03"))
        db.session.commit()
        figures = statistics.dashboard(Filters(), AREA_IDS)
        tools = next(f for f in figures.means if f.area_id == "tools")
        assert (tools.rounds.value, tools.mean) == (5, 2.0)


def test_the_privacy_notice_says_the_statistics_outlive_the_answers(client):
    text = client.get("/en/privacy").get_data(as_text=True)
    assert 'id="statistics"' in text
    assert "The record stays when your answers are deleted, by you or after 180 days." in text


def test_last_month_is_one_click_away(app, coordinator):
    finish(app)
    document = parse(coordinator.get("/en/coordinator/?area=northern-central-finland").get_data(as_text=True))
    links = {text_of(a): a.get("href") for a in document.iterfind(f".//{NS}p[@class='filters__quick']/{NS}a")}
    this_month = utcnow().strftime("%Y-%m")
    last_month = (utcnow().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    assert f"from={last_month}" in links["Last month"] and f"to={last_month}" in links["Last month"]
    assert "area=northern-central-finland" in links["Last month"]
    assert f"from={this_month}" in links["This month"]
