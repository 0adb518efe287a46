"""The services catalogue on the coordinator's desk: list, search, add, edit, check, retire, and
every change on the next client's results."""

from __future__ import annotations

import datetime
import re

import pytest

from checklist import catalogue_store, coordinators
from checklist.catalogue import DEFAULT_CATALOGUE_PATH, raw_services
from checklist.content import ContentError
from checklist.desk import services
from checklist.desk.service_form import field_of_problem, form_data, raw_entry, short_value
from checklist.models import ServiceChange, ServiceEntry, db

from conftest import COORDINATOR_NAME, COORDINATOR_PASSWORD, log_in_coordinator, make_app
from helpers import AREA_IDS, complete

# Messages are checked on English pages: the Finnish ones are translated later.
BASE = "/en/coordinator/services"
FI_BASE = "/fi/coordinator/services"
SHIPPED = raw_services(DEFAULT_CATALOGUE_PATH)


def stored_entry(app, service_id: str) -> dict | None:
    """Return an entry as the database holds it now, or None."""
    with app.app_context():
        found = db.session.get(ServiceEntry, service_id)
        return dict(found.entry) if found is not None else None


def changes(app, service_id: str) -> list[tuple[str, str, dict]]:
    """Return (action, by, fields) of each recorded change of an entry, oldest first."""
    with app.app_context():
        rows = db.session.scalars(
            db.select(ServiceChange).where(ServiceChange.service_id == service_id).order_by(ServiceChange.id)
        )
        return [(c.action, c.by, c.fields) for c in rows]


def posted(entry: dict, **changed) -> dict:
    """Return the form data that saves an entry as it is, with some fields changed."""
    return {**form_data(entry), "action": "save", **changed}


NEW_ENTRY = {
    "id": "city-library-job-club",
    "name_fi": "Kirjaston työnhakuklubi",
    "name_en": "Library job club",
    "description_fi": "Viikoittainen klubi, jossa haetaan töitä yhdessä. Mukaan voi tulla ilman ilmoittautumista.",
    "description_en": "A weekly club for looking for work together. Come without signing up.",
    "organiser_fi": "Jyväskylän kaupunginkirjasto",
    "organiser_en": "Jyväskylä City Library",
    "kind": "peer-group",
    "areas": ["channels", "attitude"],
    "statements": ["find-job-ads"],
    "where": ["Jyväskylä"],
    "languages": "fi, en",
    "free": "yes",
    "url_fi": "https://example.fi/klubi",
    "url_en": "https://example.fi/club",
    "source": "https://example.fi/klubi",
    "checked": "2026-11-01",
    "action": "save",
}


def links_in(html: str) -> list[str]:
    return re.findall(r'href="(https://[^"]+)"', html)


def lowest_client(app, lang: str = "fi"):
    """Return a new client (another browser) who answered every statement lowest."""
    client = app.test_client()
    complete(client, lang, {area: 0 for area in AREA_IDS}, "A1")
    return client


# ── Logged out ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", ""),
        ("get", "/recheck"),
        ("get", "/new"),
        ("post", "/new"),
        ("get", "/duunitori"),
        ("get", "/duunitori/edit"),
        ("post", "/duunitori/edit"),
        ("post", "/duunitori/checked"),
        ("get", "/duunitori/retire"),
        ("post", "/duunitori/retire"),
        ("post", "/duunitori/restore"),
    ],
)
def test_every_page_needs_a_coordinator_login(app, client, method, path):
    response = getattr(client, method)(BASE + path + ("/" if not path else ""), data={"confirm": "y"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/coordinator/login")
    assert changes(app, "duunitori") == []


# ── Listing and searching ───────────────────────────────────────────────────────────────────


def test_the_list_shows_every_entry_with_its_kind_and_check_date(coordinator):
    page = coordinator.get(BASE + "/").get_data(as_text=True)
    assert f"({len(SHIPPED)})" in page
    for raw in SHIPPED:
        assert f'{BASE}/{raw["id"]}"' in page
    duunitori = page.split(f'{BASE}/duunitori"', 1)[1].split("</tr>", 1)[0]
    assert "Job board" in duunitori and "Nov 23, 2026" in duunitori
    assert "23.11.2026" in coordinator.get(FI_BASE + "/").get_data(as_text=True)


@pytest.mark.parametrize(
    "query, found, not_found",
    [
        ("duunitori", ["duunitori"], ["kuntarekry", "jobly"]),
        ("DUUNITORI", ["duunitori"], ["kuntarekry"]),
        # The English name and description are searched on a Finnish page too.
        ("largest job-search", ["duunitori"], ["kuntarekry"]),
        # The organiser, in Finnish.
        ("Jyväskylän kaupunki, elinkeino", ["jyvaskyla-employment-services"], ["duunitori"]),
        # The id, and every word must match.
        ("northern central employment", ["northern-central-finland-employment"], ["jyvaskyla-employment-services"]),
    ],
)
def test_search_finds_the_right_entries(coordinator, query, found, not_found):
    page = coordinator.get(BASE + "/", query_string={"q": query}).get_data(as_text=True)
    for service_id in found:
        assert f'{BASE}/{service_id}"' in page
    for service_id in not_found:
        assert f'{BASE}/{service_id}"' not in page


def test_a_search_that_finds_nothing_says_so(coordinator):
    page = coordinator.get(BASE + "/", query_string={"q": "no-such-service-anywhere"}).get_data(as_text=True)
    assert "0 entries found" in page
    assert f'{BASE}/duunitori"' not in page


# ── Adding ──────────────────────────────────────────────────────────────────────────────────


def test_a_new_entry_is_saved_with_its_history_and_reaches_clients(app, coordinator):
    response = coordinator.post_form(BASE + "/new", NEW_ENTRY)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{BASE}/city-library-job-club?done=saved")
    entry = stored_entry(app, "city-library-job-club")
    assert entry["url"] == {"fi": "https://example.fi/klubi", "en": "https://example.fi/club"}
    assert entry["languages"] == ["fi", "en"]
    assert entry["free"] is True
    assert entry["source"] == "https://example.fi/klubi"
    assert entry["checked"] == "2026-11-01"
    assert "levels" not in entry and "contact" not in entry and "target_groups" not in entry
    [(action, by, fields)] = changes(app, "city-library-job-club")
    assert (action, by) == ("added", COORDINATOR_NAME)
    assert fields["url"] == [None, entry["url"]]

    page = coordinator.get(f"{BASE}/city-library-job-club?done=saved").get_data(as_text=True)
    assert "The entry is saved" in page
    assert "Kirjaston työnhakuklubi" in page
    assert 'href="https://example.fi/klubi"' in page  # the preview, as a client sees it
    assert COORDINATOR_NAME in page
    with app.app_context():
        assert catalogue_store.current()[0].service("city-library-job-club") is not None


def test_an_http_address_is_refused_in_the_summary_and_at_the_field_and_nothing_is_saved(app, coordinator):
    response = coordinator.post_form(BASE + "/new", {**NEW_ENTRY, "url_fi": "http://example.fi/klubi"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    message = "Enter an address that starts with https:// and has no spaces"
    summary = page.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert 'href="#url_fi"' in summary and message in summary
    assert re.search(r'id="url_fi-error">.*' + re.escape(message), page)
    assert 'value="http://example.fi/klubi"' in page  # what was typed stays, to be corrected
    assert stored_entry(app, "city-library-job-club") is None
    assert changes(app, "city-library-job-club") == []


@pytest.mark.parametrize(
    "changed, field, message",
    [
        ({"id": ""}, "id", "Enter an id"),
        ({"id": "Library Club"}, "id", "Use only lower-case letters"),
        ({"id": "duunitori"}, "id", "Another entry already has this id"),
        ({"id": "recheck"}, "id", "Another entry already has this id"),
        ({"name_fi": "  "}, "name_fi", "Enter the name in Finnish"),
        ({"description_en": ""}, "description_en", "Enter the description in English"),
        ({"description_fi": "x" * 2001}, "description_fi", "Write at most 2000 characters"),
        ({"kind": ""}, "kind", "Choose the kind of service"),
        ({"kind": "party"}, "kind", "Choose from the list"),
        ({"areas": []}, "areas", "Choose at least one checklist area"),
        ({"areas": ["attitude"]}, "statements", "Choose only statements of the areas chosen above"),
        ({"where": []}, "where", "Choose at least one place"),
        ({"where": ["Jyväskylä", "jyvaskyla-muurame"]}, "where", "Choose Jyväskylä or its whole employment area"),
        ({"where": ["Helsinki"]}, "where", "Choose from the list"),
        ({"levels_lowest": "A1", "levels_highest": "B1"}, "levels_lowest", "Only Finnish courses and online courses"),
        (
            {"kind": "finnish-course", "levels_lowest": "B1", "levels_highest": "A1"},
            "levels_lowest",
            "The lowest level must not be above the highest level",
        ),
        ({"kind": "finnish-course", "levels_lowest": "A1"}, "levels_highest", "Choose both the lowest"),
        ({"languages": ""}, "languages", "Enter at least one language code"),
        ({"languages": "finnish"}, "languages", "two-letter code"),
        ({"languages": "fi, fi"}, "languages", "Name each language only once"),
        ({"free": ""}, "free", "Choose whether the service is free"),
        ({"url_en": "https://exa mple.fi"}, "url_en", "Enter an address that starts with https://"),
        ({"contact_fi": "Kirjaston neuvonta"}, "contact_en", "Give the contact in both Finnish and English"),
        ({"source": ""}, "source", "Enter the address of at least one page"),
        ({"source": "https://example.fi/a\nhttp://example.fi/b"}, "source", "each starting with https://"),
        ({"source": "https://example.fi/a\nhttps://example.fi/a"}, "source", "Give each address only once"),
        ({"checked": ""}, "checked", "Enter the day the source pages were read"),
        ({"checked": "2026-02-30"}, "checked", "Enter a real date"),
    ],
)
def test_a_wrong_field_is_named_in_the_summary_and_at_the_field_and_nothing_is_saved(
    app, coordinator, changed, field, message
):
    response = coordinator.post_form(BASE + "/new", {**NEW_ENTRY, **changed})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    summary = page.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert f'href="#{field}"' in summary
    assert message in summary
    assert f'id="{field}-error"' in page
    assert f'id="{field}"' in page  # the summary's link leads to the field
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(ServiceChange)) == 0
    assert stored_entry(app, NEW_ENTRY["id"]) is None


def test_a_date_typed_the_finnish_way_is_read(app, coordinator):
    assert coordinator.post_form(BASE + "/new", {**NEW_ENTRY, "checked": "1.11.2026"}).status_code == 302
    assert stored_entry(app, "city-library-job-club")["checked"] == "2026-11-01"


def test_the_catalogues_own_check_has_the_last_word(app, coordinator, monkeypatch):
    def refuse(self, raw):
        raise ContentError("catalogue", "service 'city-library-job-club'", "'url' is on a list of closed sites")

    monkeypatch.setattr(catalogue_store.CatalogueStore, "validate", refuse)
    response = coordinator.post_form(BASE + "/new", NEW_ENTRY)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    summary = page.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert 'href="#url_fi"' in summary and "is on a list of closed sites" in summary
    assert stored_entry(app, "city-library-job-club") is None


def test_the_desk_in_a_clients_language_leads_to_the_finnish_desk(coordinator):
    # The desk speaks Finnish and English only: the staff's language, and one for colleagues.
    for path in ("/new", "/duunitori/edit", "/duunitori", "/duunitori/retire", "/", "/recheck?x=1"):
        response = coordinator.get("/ar/coordinator/services" + path)
        assert response.status_code == 302, path
        assert response.headers["Location"] == FI_BASE + path


def test_a_page_view_never_seeds_the_catalogue(app, client):
    # `flask catalogue seed` does, at set-up and deployment; a GET writes nothing of it.
    with app.app_context():
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    log_in_coordinator(client)
    assert client.get(BASE + "/").status_code == 200
    with app.app_context():
        assert not catalogue_store.seeded()


def test_a_long_entry_fits_in_the_form(app, coordinator):
    # Two descriptions near the limit, in letters that take several bytes each when sent.
    long = {"description_fi": "ä" * 1999, "description_en": "é" * 1999, "source": "https://example.fi/ä"}
    assert coordinator.post_form(BASE + "/new", {**NEW_ENTRY, **long}).status_code == 302
    assert stored_entry(app, "city-library-job-club")["description"]["fi"] == "ä" * 1999


@pytest.mark.csrf
def test_the_forms_carry_their_csrf_token(app, coordinator):
    assert 'name="csrf_token"' in coordinator.get(f"{BASE}/duunitori/edit").text.split('class="service-form"', 1)[1]
    assert 'name="csrf_token"' in coordinator.get(f"{BASE}/duunitori/retire").text.split("<form", 2)[2]
    assert coordinator.post(f"{BASE}/duunitori/checked").status_code == 400
    assert coordinator.post_form(f"{BASE}/duunitori/checked").status_code == 302
    assert coordinator.post_form(BASE + "/new", NEW_ENTRY).status_code == 302


# ── Editing ─────────────────────────────────────────────────────────────────────────────────


def test_an_edit_changes_the_entry_and_the_history_says_who_changed_what(app, coordinator):
    coordinator.get(BASE + "/")
    before = stored_entry(app, "duunitori")
    data = posted(before, url_fi="https://duunitori.fi/tyopaikat", url_en="https://duunitori.fi/tyopaikat")
    response = coordinator.post_form(f"{BASE}/duunitori/edit", data)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{BASE}/duunitori?done=saved")
    after = stored_entry(app, "duunitori")
    assert after == {**before, "url": "https://duunitori.fi/tyopaikat"}
    assert changes(app, "duunitori") == [
        ("edited", COORDINATOR_NAME, {"url": ["https://duunitori.fi", "https://duunitori.fi/tyopaikat"]})
    ]
    page = coordinator.get(f"{BASE}/duunitori").get_data(as_text=True)
    history = page.split('id="history-title"', 1)[1]
    assert "Edited" in history and COORDINATOR_NAME in history
    assert "https://duunitori.fi" in history and "https://duunitori.fi/tyopaikat" in history
    assert "UTC" in history


def test_saving_an_entry_unchanged_records_nothing(app, coordinator):
    coordinator.get(BASE + "/")
    for service_id in ("duunitori", "jyvaskyla-employment-services", "kuntarekry"):
        response = coordinator.post_form(f"{BASE}/{service_id}/edit", posted(stored_entry(app, service_id)))
        assert response.headers["Location"].endswith("?done=unchanged")
        assert changes(app, service_id) == []


def test_a_preview_shows_the_unsaved_edit_as_a_client_sees_it_and_saves_nothing(app, coordinator):
    coordinator.get(BASE + "/")
    before = stored_entry(app, "duunitori")
    data = posted(before, name_fi="Duunitori (uusi nimi)", name_en="Duunitori (new name)", action="preview")
    response = coordinator.post_form(f"{BASE}/duunitori/edit", data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    preview = page.split('id="preview-title"', 1)[1].split("<form", 1)[0]
    assert "Duunitori (uusi nimi)" in preview and "Duunitori (new name)" in preview
    assert 'class="suggestion"' in preview
    assert 'value="Duunitori (uusi nimi)"' in page  # the form keeps the edit, ready to save
    assert stored_entry(app, "duunitori") == before
    assert changes(app, "duunitori") == []


def test_the_id_of_an_entry_is_not_changed_by_an_edit(app, coordinator):
    coordinator.get(BASE + "/")
    data = posted(stored_entry(app, "duunitori"), id="something-else", name_en="Duunitori.fi")
    coordinator.post_form(f"{BASE}/duunitori/edit", data)
    assert stored_entry(app, "duunitori")["name"]["en"] == "Duunitori.fi"
    assert stored_entry(app, "something-else") is None


def test_an_edit_with_errors_is_shown_again_and_saves_nothing(app, coordinator):
    coordinator.get(BASE + "/")
    before = stored_entry(app, "duunitori")
    response = coordinator.post_form(f"{BASE}/duunitori/edit", posted(before, url_fi="duunitori.fi"))
    assert response.status_code == 200
    assert "<title>Error:" in response.get_data(as_text=True)
    assert stored_entry(app, "duunitori") == before


# ── "I checked this today", re-checking ────────────────────────────────────────────────────


def test_i_checked_this_today_sets_the_check_date_to_today(app, coordinator, monkeypatch):
    monkeypatch.setattr(services, "today", lambda: datetime.date(2027, 3, 14))
    response = coordinator.post_form(f"{BASE}/duunitori/checked")
    assert response.headers["Location"].endswith(f"{BASE}/duunitori?done=checked")
    assert stored_entry(app, "duunitori")["checked"] == "2027-03-14"
    [(_action, by, fields)] = changes(app, "duunitori")
    assert by == COORDINATOR_NAME and fields == {"checked": ["2026-11-23", "2027-03-14"]}
    assert "14.3.2027" in coordinator.get(f"{FI_BASE}/duunitori").get_data(as_text=True)


def test_the_re_check_list_shows_old_entries_and_not_fresh_ones(app, coordinator, monkeypatch):
    monkeypatch.setattr(services, "today", lambda: datetime.date(2027, 12, 1))
    coordinator.get(BASE + "/")
    old = stored_entry(app, "duunitori")
    coordinator.post_form(f"{BASE}/duunitori/edit", posted(old, checked="2025-06-30"))
    coordinator.post_form(f"{BASE}/kuntarekry/checked")  # read again today
    page = coordinator.get(BASE + "/recheck").get_data(as_text=True)
    listed = re.findall(rf'href="{BASE}/([a-z0-9-]+)"><bdi>', page)
    assert listed[0] == "duunitori"  # the oldest first
    assert "kuntarekry" not in listed
    # Everything else was read on 2026-11-23, more than 12 months before 2027-12-01.
    assert len(listed) == len(SHIPPED) - 1

    coordinator.post_form(f"{BASE}/duunitori/checked", {"back": "recheck"})
    assert "duunitori" not in re.findall(rf'href="{BASE}/([a-z0-9-]+)"><bdi>', coordinator.get(BASE + "/recheck").text)


def test_the_re_check_age_is_configured(more_apps, monkeypatch):
    client = more_apps(make_app(RECHECK_MONTHS=1))
    with client.application.app_context():
        catalogue_store.seed()
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    log_in_coordinator(client)
    monkeypatch.setattr(services, "today", lambda: datetime.date(2026, 12, 22))
    assert f'{BASE}/duunitori"' not in client.get(BASE + "/recheck").text
    monkeypatch.setattr(services, "today", lambda: datetime.date(2026, 12, 24))
    assert f'{BASE}/duunitori"' in client.get(BASE + "/recheck").text


# ── Retiring and restoring ──────────────────────────────────────────────────────────────────


def test_retiring_asks_first_then_clients_no_longer_see_the_entry_and_restoring_brings_it_back(app, coordinator):
    client = lowest_client(app)
    assert "https://duunitori.fi" in links_in(client.get("/fi/results/channels").text)

    page = coordinator.get(f"{BASE}/duunitori/retire").text
    assert 'name="confirm"' in page
    unconfirmed = coordinator.post_form(f"{BASE}/duunitori/retire", {})
    assert unconfirmed.status_code == 200
    assert 'href="#confirm"' in unconfirmed.text and "Tick the box" in unconfirmed.text
    assert stored_entry(app, "duunitori") is not None and changes(app, "duunitori") == []
    assert "https://duunitori.fi" in links_in(client.get("/fi/results/channels").text)

    response = coordinator.post_form(f"{BASE}/duunitori/retire", {"confirm": "y"})
    assert response.headers["Location"].endswith("?done=retired")
    assert "https://duunitori.fi" not in links_in(client.get("/fi/results/channels").text)
    index = coordinator.get(BASE + "/").text
    assert f'{BASE}/duunitori"' in index.split("Retired entries", 1)[1]

    response = coordinator.post_form(f"{BASE}/duunitori/restore")
    assert response.headers["Location"].endswith("?done=restored")
    assert "https://duunitori.fi" in links_in(client.get("/fi/results/channels").text)
    assert [action for action, _by, _fields in changes(app, "duunitori")] == ["retired", "restored"]
    history = coordinator.get(f"{BASE}/duunitori").text.split('id="history-title"', 1)[1]
    assert history.index("Restored") < history.index("Retired")  # the newest first


def test_an_entry_that_no_longer_passes_the_check_says_why_and_cannot_be_restored(app, coordinator, monkeypatch):
    coordinator.post_form(f"{BASE}/duunitori/retire", {"confirm": "y"})
    problem = "unknown statement 'find-job-ads' in 'statements'"

    def refuse(self, raw):
        raise ContentError("catalogue", "service 'duunitori'", problem)

    monkeypatch.setattr(catalogue_store.CatalogueStore, "validate", refuse)
    for path in ("/duunitori", "/duunitori/edit"):
        page = coordinator.get(BASE + path).text
        assert "Clients do not see this entry now" in page and problem.replace("'", "&#39;") in page
    response = coordinator.post_form(f"{BASE}/duunitori/restore")
    assert response.status_code == 200
    assert "The entry needs correcting first" in response.text
    with app.app_context():
        assert db.session.get(ServiceEntry, "duunitori").retired_at is not None
    assert [action for action, _by, _fields in changes(app, "duunitori")] == ["retired"]


# ── The next client sees the edit ───────────────────────────────────────────────────────────


def test_a_corrected_web_address_shows_on_the_next_clients_results(app, coordinator):
    earlier = lowest_client(app)
    assert "https://www.kuntarekry.fi" in links_in(earlier.get("/fi/results").text)

    coordinator.get(BASE + "/")
    data = posted(
        stored_entry(app, "kuntarekry"), url_fi="https://www.kuntarekry.fi/fi/", url_en="https://www.kuntarekry.fi/en/"
    )
    assert coordinator.post_form(f"{BASE}/kuntarekry/edit", data).status_code == 302

    for client in (lowest_client(app), earlier):
        for path in ("/fi/results", "/fi/results/channels"):
            links = links_in(client.get(path).text)
            assert "https://www.kuntarekry.fi/fi/" in links, path
            assert "https://www.kuntarekry.fi" not in links, path
    english = lowest_client(app, "en")
    assert "https://www.kuntarekry.fi/en/" in links_in(english.get("/en/results/channels").text)


def test_an_edit_in_one_worker_shows_in_another_at_once(tmp_path, more_apps):
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    desk = more_apps(make_app(SQLALCHEMY_DATABASE_URI=database))
    other = more_apps(make_app(SQLALCHEMY_DATABASE_URI=database))
    complete(other, "fi", {area: 0 for area in AREA_IDS}, "A1")
    with desk.application.app_context():
        catalogue_store.seed()
        coordinators.add(COORDINATOR_NAME, COORDINATOR_PASSWORD)
    log_in_coordinator(desk)
    # The other worker builds its catalogue from the seeded entries before the edit.
    assert "https://duunitori.fi" in links_in(other.get("/fi/results/channels").text)

    with desk.application.app_context():
        entry = dict(db.session.get(ServiceEntry, "duunitori").entry)
    data = posted(entry, url_fi="https://duunitori.fi/uusi", url_en="https://duunitori.fi/uusi")
    assert desk.post_form(f"{BASE}/duunitori/edit", data).status_code == 302
    links = links_in(other.get("/fi/results/channels").text)
    assert "https://duunitori.fi/uusi" in links and "https://duunitori.fi" not in links


# ── Unknown ids and odd requests ───────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", "/no-such-entry"),
        ("get", "/no-such-entry/edit"),
        ("post", "/no-such-entry/edit"),
        ("post", "/no-such-entry/checked"),
        ("get", "/no-such-entry/retire"),
        ("post", "/no-such-entry/retire"),
        ("post", "/no-such-entry/restore"),
    ],
)
def test_an_unknown_entry_is_not_found(coordinator, method, path):
    assert getattr(coordinator, method)(BASE + path).status_code == 404


def test_tampered_form_data_is_refused_without_an_error_page(app, coordinator):
    data = {**NEW_ENTRY, "areas": ["channels", "no-such-area"], "free": "maybe", "levels_lowest": "Z9"}
    response = coordinator.post_form(BASE + "/new", data)
    assert response.status_code == 200
    assert response.text.count("Choose from the list") >= 3
    assert stored_entry(app, "city-library-job-club") is None


# ── The conversion between the form and the entry ─────────────────────────────────────────


@pytest.mark.parametrize("raw", SHIPPED, ids=[raw["id"] for raw in SHIPPED])
def test_every_shipped_entry_goes_through_the_form_unchanged(raw):
    entry = catalogue_store.stored(raw)
    values = {**form_data(entry), "checked": datetime.date.fromisoformat(entry["checked"])}
    assert raw_entry(values, entry) == entry


def test_the_same_address_in_both_languages_is_saved_as_one():
    values = {**form_data({}), "url_fi": "https://a.fi", "url_en": "https://a.fi"}
    assert raw_entry(values)["url"] == "https://a.fi"
    values["url_en"] = "https://a.fi/en"
    assert raw_entry(values)["url"] == {"fi": "https://a.fi", "en": "https://a.fi/en"}


def test_sources_one_per_line_and_languages_separated_by_commas_become_lists():
    values = {
        **form_data({}),
        "source": "https://a.fi/1\r\n\r\n  https://a.fi/2 \n",
        "languages": "fi,en  uk",
        "checked": datetime.date(2026, 1, 2),
    }
    raw = raw_entry(values)
    assert raw["source"] == ["https://a.fi/1", "https://a.fi/2"]
    assert raw["languages"] == ["fi", "en", "uk"]
    assert raw["checked"] == "2026-01-02"


def test_choices_made_again_keep_the_entrys_order():
    before = {"id": "x", "where": ["Muurame", "online"], "areas": ["tools", "channels"]}
    values = {**form_data({}), "where": ["online", "Muurame"], "areas": ["channels", "tools", "language"]}
    raw = raw_entry(values, before)
    assert raw["where"] == ["Muurame", "online"]
    assert raw["areas"] == ["channels", "tools", "language"]
    assert raw["id"] == "x"


@pytest.mark.parametrize(
    "problem, field",
    [
        ("'levels' must be a list of two levels: [lowest, highest]", "levels_lowest"),
        ("statement 'find-job-ads' belongs to area 'channels', which is not in 'areas'", "areas"),
        ("'url' 'http://x' must be an https:// address with a host and no spaces", "url_fi"),
        ("expected a mapping of keys to values", "name_fi"),
    ],
)
def test_a_problem_of_the_catalogues_check_is_shown_at_the_field_it_names(problem, field):
    assert field_of_problem(problem) == field


def test_the_history_shortens_long_values():
    assert short_value(None) == "–"
    assert short_value(["fi", "en"]) == "fi, en"
    assert short_value({"fi": "Kyllä", "en": "Yes"}) == "fi: Kyllä / en: Yes"
    long = short_value("word " * 100)
    assert len(long) <= 80 and long.endswith("…")
