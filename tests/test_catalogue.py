import datetime
import re
from pathlib import Path

import pytest
import yaml

from checklist.catalogue import (
    Catalogue,
    Municipality,
    load_catalogue,
    months_before,
)
from checklist.content import (
    Area,
    Checklist,
    ContentError,
    Statement,
    Text,
    load_checklist,
)

from helpers import CATALOGUE

CHECKED = datetime.date(2026, 11, 23)
EMPLOYMENT_AREAS = {
    "jyvaskyla-muurame": ["Jyväskylä", "Muurame"],
    "northern-central-finland": [
        "Äänekoski", "Laukaa", "Saarijärvi", "Viitasaari", "Kyyjärvi", "Hankasalmi", "Kannonkoski",
        "Karstula", "Kinnula", "Kivijärvi", "Konnevesi", "Pihtipudas", "Uurainen",
    ],
    "southern-central-finland": [
        "Jämsä", "Keuruu", "Joutsa", "Luhanka", "Multia", "Mänttä-Vilppula", "Petäjävesi", "Toivakka",
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return CATALOGUE  # loaded once for the run, from the shipped files


def test_the_shipped_catalogue_loads_with_every_municipality_of_the_three_employment_areas(shipped):
    assert sorted(shipped.municipality_names()) == sorted(n for names in EMPLOYMENT_AREAS.values() for n in names)
    assert shipped.municipality_names()[:3] == ("Hankasalmi", "Joutsa", "Jyväskylä")
    assert shipped.municipality_names()[-1] == "Äänekoski"  # Finnish order: Ä after Z
    for area_id, names in EMPLOYMENT_AREAS.items():
        for name in names:
            assert shipped.municipality(name) == Municipality(name, area_id)
    assert shipped.employment_area_of("Äänekoski").name.fi == "Pohjoisen Keski-Suomen työllisyysalue"
    assert shipped.employment_area_of("Tampere") is None


def addresses(service):
    return [service.url.fi, service.url.en, *service.source]


def test_every_address_is_https_and_every_entry_names_its_source(shipped):
    for s in shipped.services:
        assert s.source, s.id
        assert all(a.startswith("https://") for a in addresses(s)), s.id
        assert isinstance(s.checked, datetime.date)


def test_links_follow_the_page_language_where_infofinland_has_both():
    # InfoFinland has a page per language: a Finnish page must not link the English one.
    found = [s for s in CATALOGUE.services if "infofinland.fi" in s.url.fi and s.url.fi != s.url.en]
    assert found
    for s in found:
        assert "/fi/" in s.url.fi and "/en/" in s.url.en, s.id


def test_every_area_of_the_checklist_has_services(shipped):
    assert {a for s in shipped.services for a in s.areas} == {a.id for a in load_checklist().areas}


def test_every_employment_area_has_options_where_people_live_for_every_checklist_area(shipped):
    # In person in one of its municipalities or across the whole area, and meant for everyone.
    for area in shipped.employment_areas:
        names = [m.name for m in shipped.municipalities if m.employment_area == area.id]
        for checklist_area in load_checklist().areas:
            where_people_live = [
                s.id
                for s in shipped.for_area(checklist_area.id)
                if not s.target_groups and any(shipped.reaches(s, name) for name in names)
            ]
            assert where_people_live, (area.id, checklist_area.id)


def test_an_area_level_entry_reaches_every_municipality_of_its_area(shipped):
    for s in shipped.services:
        for m in shipped.municipalities:
            assert shipped.reaches(s, m.name) is (m.employment_area in s.employment_areas or s.is_in(m.name))


def test_a_national_finnish_language_test_is_listed(shipped):
    # The course options always end with a way to show one's level.
    assert any(s.kind == "language-test" and s.is_national for s in shipped.services)


def test_a_language_test_is_one_way_to_show_language_skill_for_citizenship_not_a_requirement(shipped):
    for s in shipped.services:
        if s.kind == "language-test":
            assert "kansalaisuu" in s.description.fi and "citizenship" in s.description.en
            assert "tarvitaan" not in s.description.fi.lower()
            assert "needed for citizenship" not in s.description.en and "citizenship needs" not in s.description.en


def test_ended_authorities_and_old_names_are_not_given_as_current(shipped):
    # The AVIs and Valvira ended on 1.1.2026; KEHA-keskus and the ELY centres have new names.
    for s in shipped.services:
        texts = [t for text in (s.name, s.description, s.organiser, s.contact) if text for t in (text.fi, text.en)]
        joined = " ".join(texts)
        for old in (
            "Valvira",
            "aluehallintoviras",
            "Regional State Administrative",
            "(AVI)",
            "KEHA-keskus",
            "ELY-keskus",
        ):
            assert old not in joined, (s.id, old)
        assert "KEHA Centre" not in joined.replace("formerly the KEHA Centre", ""), s.id
        for address in addresses(s):
            assert not any(host in address for host in ("avi.fi", "valvira.fi")), (s.id, address)


def test_weak_sources_are_gone(shipped):
    # Contract archives, good-practice pages and blogs are not an organiser's own word.
    for s in shipped.services:
        for address in addresses(s):
            assert not any(host in address for host in ("lawinsider", "interregeurope", "blogspot", "finstudy")), s.id


def test_ended_and_unsure_services_are_left_out(shipped):
    names = " ".join(f"{s.id} {s.name.fi} {s.name.en} {s.description.fi}" for s in shipped.services).lower()
    for left_out in ("kotopaikka", "jykes", "ohjaamo", "career club", "juttuklubi"):
        assert left_out not in names


def test_no_personal_contact_details(shipped):
    phone = re.compile(r"\d{2,4}[ -]?\d{3}[ -]?\d{3,4}")
    for s in shipped.services:
        contact = [s.contact.fi, s.contact.en] if s.contact else ["", ""]
        texts = [*contact, s.description.fi, s.description.en, *addresses(s)]
        assert not any("@" in t for t in texts), s.id
        if s.id != "tax-card":  # the tax administration's public service line is allowed
            assert not any(phone.search(t) for t in texts[:4]), s.id
    assert shipped.service("tax-card").contact.en == "Tax Administration's service line in English: 029 497 050"


# ── Validation ─────────────────────────────────────────────────────────────────────────────


def text(word: str) -> dict[str, str]:
    return {"fi": f"{word} fi", "en": f"{word} en"}


def small_checklist() -> Checklist:
    t = Text("x", "x")
    areas = []
    for number, (area_id, statement_ids) in enumerate(
        [("channels", ["job-boards", "hidden-jobs"]), ("language", ["own-level", "study-more"])], start=1
    ):
        statements = tuple(Statement(s, area_id, t, None) for s in statement_ids)
        areas.append(Area(area_id, number, t, t, t, t, statements))
    return Checklist(areas=tuple(areas), finnish_levels=())


GOOD = {
    "employment_areas": [{"id": "jyvaskyla-muurame", "name": text("area")}],
    "municipalities": [
        {"name": "Jyväskylä", "employment_area": "jyvaskyla-muurame"},
        {"name": "Muurame", "employment_area": "jyvaskyla-muurame"},
    ],
    "services": [
        {
            "id": "job-market-finland",
            "name": {"fi": "Työmarkkinatori", "en": "Job Market Finland"},
            "description": text("description"),
            "organiser": text("organiser"),
            "kind": "job-board",
            "areas": ["channels"],
            "statements": ["job-boards"],
            "where": ["online"],
            "languages": ["fi", "en"],
            "free": True,
            "url": "https://tyomarkkinatori.fi/en",
            "contact": text("contact"),
            "source": "https://tyomarkkinatori.fi/en/info",
            "checked": CHECKED,
        },
        {
            "id": "s2-course",
            "name": text("name"),
            "description": text("description"),
            "organiser": text("organiser"),
            "kind": "finnish-course",
            "areas": ["language"],
            "where": ["Jyväskylä", "Muurame"],
            "levels": ["A1", "B1"],
            "target_groups": ["home-parent"],
            "languages": ["fi"],
            "free": False,
            "url": {"fi": "https://example.fi/s2", "en": "https://example.fi/s2?lang=en"},
            "contact": text("contact"),
            "source": ["https://example.fi/s2", "https://example.fi/fees"],
            "checked": CHECKED,
        },
        {
            "id": "area-service",
            "name": text("name"),
            "description": text("description"),
            "organiser": text("organiser"),
            "kind": "guidance",
            "areas": ["channels", "language"],
            "where": ["jyvaskyla-muurame"],
            "languages": ["fi"],
            "free": "unknown",
            "url": "https://example.fi/area",
            "source": "https://example.fi/area",
            "checked": CHECKED,
        },
    ],
}


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "services.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_valid_minimal_file_loads(tmp_path):
    catalogue = load_catalogue(write(tmp_path, GOOD), small_checklist())
    board, course, area_service = catalogue.services
    assert board.url == Text("https://tyomarkkinatori.fi/en", "https://tyomarkkinatori.fi/en")  # one for both
    assert course.url == Text(fi="https://example.fi/s2", en="https://example.fi/s2?lang=en")
    assert board.source == ("https://tyomarkkinatori.fi/en/info",)
    assert course.source == ("https://example.fi/s2", "https://example.fi/fees")
    assert (board.free, course.free, area_service.free) == (True, False, None)
    # An employment area in `where` is every municipality of it, given across the area.
    assert area_service.where == () and area_service.employment_areas == ("jyvaskyla-muurame",)
    assert area_service.municipalities == () and not area_service.is_in("Muurame")
    assert catalogue.reaches(area_service, "Muurame") and catalogue.reaches(area_service, "Jyväskylä")
    assert catalogue.reaches(course, "Muurame") and not catalogue.reaches(board, "Muurame")
    assert catalogue.for_area("language") == (course, area_service)
    assert board.statements == ("job-boards",)
    assert board.checked == CHECKED
    assert board.target_groups == () and board.levels is None
    assert course.levels == ("A1", "B1")
    assert course.statements == ()
    assert course.target_groups == ("home-parent",)
    assert course.municipalities == ("Jyväskylä", "Muurame")
    assert (course.is_course, course.is_online, course.is_national) == (True, False, False)
    assert course.is_in("Muurame") and not course.is_in("Äänekoski")
    assert catalogue.service("nope") is None
    assert catalogue.employment_area_of("Muurame").name.en == "area en"


def broken(change):
    data = yaml.safe_load(yaml.safe_dump(GOOD, allow_unicode=True))
    change(data)
    return data


def board(**changes):
    """Change the first service (a job board)."""
    return broken(lambda d: d["services"][0].update(changes))


def course(**changes):
    """Change the second service (a Finnish course in Jyväskylä and Muurame)."""
    return broken(lambda d: d["services"][1].update(changes))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("services: [unclosed", "services.yaml: file: is not valid YAML"),
        ("- just a list", "services.yaml: file: expected a mapping"),
        (broken(lambda d: d.pop("services")), "file: 'services' must be a non-empty list"),
        (
            broken(lambda d: d["services"].append(d["services"][0])),
            "service 'job-market-finland': duplicate id 'job-market-finland'",
        ),
        (board(id="Job Market"), "service 1: 'id' 'Job Market' must be lower-case letters"),
        (
            board(areas=["jobs"]),
            "service 'job-market-finland': unknown area 'jobs' in 'areas'; expected one of channels, language",
        ),
        (board(areas=[]), "service 'job-market-finland': 'areas' must be a non-empty list"),
        (board(statements=["cv"]), "service 'job-market-finland': unknown statement 'cv' in 'statements'"),
        (
            board(statements=["own-level"]),
            "service 'job-market-finland': statement 'own-level' belongs to area 'language', which is not in 'areas'",
        ),
        (course(levels=["A1", "A3"]), "service 's2-course': unknown level 'A3' in 'levels'"),
        (
            course(levels=["B2", "A1"]),
            "service 's2-course': 'levels' go from B2 down to A1: the lowest must come first",
        ),
        (
            course(levels=["A1"]),
            "service 's2-course': 'levels' must be a list of two levels: [lowest, highest]",
        ),
        (
            board(levels=["A1", "B1"]),
            "service 'job-market-finland': 'levels' are only for kinds finnish-course, online-course, not 'job-board'",
        ),
        (
            broken(lambda d: d["services"][0]["description"].pop("en")),
            "service 'job-market-finland': 'description' has no text in language 'en'",
        ),
        (
            board(contact="Call us"),
            "service 'job-market-finland': 'contact' must give the text in both languages",
        ),
        (
            board(url="http://tyomarkkinatori.fi"),
            "service 'job-market-finland': 'url' 'http://tyomarkkinatori.fi' must be an https:// address "
            "with a host and no spaces",
        ),
        (board(url="https:///en"), "service 'job-market-finland': 'url' 'https:///en' must be an https://"),
        (
            board(url="https://tyomarkkinatori.fi/en/my page"),
            "'url' 'https://tyomarkkinatori.fi/en/my page' must",
        ),
        (board(url="tyomarkkinatori.fi"), "service 'job-market-finland': 'url' 'tyomarkkinatori.fi' must be"),
        (
            course(where=["Jyväskylä", "Tampere"]),
            "service 's2-course': unknown place 'Tampere' in 'where'; expected one of Jyväskylä, Muurame, "
            "jyvaskyla-muurame, online, national",
        ),
        (
            course(where=["Muurame", "jyvaskyla-muurame"]),
            "service 's2-course': 'where' names 'Muurame' and its whole employment area 'jyvaskyla-muurame'",
        ),
        (
            broken(
                lambda d: d["municipalities"].append(
                    {"name": "jyvaskyla-muurame", "employment_area": "jyvaskyla-muurame"}
                )
            ),
            "municipality 'jyvaskyla-muurame': duplicate or reserved name",
        ),
        (
            course(url={"fi": "https://example.fi/s2"}),
            "service 's2-course': 'url' has no text in language 'en'",
        ),
        (
            course(url={"fi": "https://example.fi/s2", "en": "http://example.fi/s2"}),
            "service 's2-course': 'url' 'http://example.fi/s2' must be an https:// address",
        ),
        (board(url=None), "service 'job-market-finland': 'url' must be an https:// address, not None"),
        (
            broken(lambda d: d["services"][0].pop("source")),
            "service 'job-market-finland': 'source' is missing: give the address of the page the facts were read from",
        ),
        (board(source=[]), "service 'job-market-finland': 'source' must name at least one page"),
        (
            board(source="http://tyomarkkinatori.fi"),
            "service 'job-market-finland': 'source' 'http://tyomarkkinatori.fi' must be an https:// address",
        ),
        (
            board(source=["https://a.fi", "https://a.fi"]),
            "service 'job-market-finland': 'source' names the same page twice",
        ),
        (course(where=["Jyväskylä", "Jyväskylä"]), "service 's2-course': 'where' names the same place twice"),
        (board(where=[]), "service 'job-market-finland': 'where' must be a non-empty list"),
        (
            board(kind="website"),
            "service 'job-market-finland': unknown kind 'website'; expected one of guidance",
        ),
        (
            course(target_groups=["students"]),
            "service 's2-course': unknown target group 'students' in 'target_groups'; expected one of "
            "home-parent, higher-education, entrepreneur, under-30",
        ),
        (board(target_groups="entrepreneur"), "service 'job-market-finland': 'target_groups' must be a list"),
        (
            board(checked="2026-13-01"),
            "service 'job-market-finland': 'checked' must be a date written as YYYY-MM-DD, not '2026-13-01'",
        ),
        (board(checked=None), "service 'job-market-finland': 'checked' must be a date"),
        (board(free="maybe"), "service 'job-market-finland': 'free' must be true, false or unknown, not 'maybe'"),
        (board(free=None), "service 'job-market-finland': 'free' must be true, false or unknown, not None"),
        (
            board(languages=["english"]),
            "language 'english' in 'languages' must be a two-letter ISO 639-1 code",
        ),
        (board(statments=["job-boards"]), "service 'job-market-finland': unknown keys ['statments']"),
        (
            broken(lambda d: d["municipalities"][1].update(employment_area="nowhere")),
            "municipality 'Muurame': unknown employment area 'nowhere'; expected one of jyvaskyla-muurame",
        ),
        (
            broken(lambda d: d["municipalities"].append(d["municipalities"][0])),
            "municipality 'Jyväskylä': duplicate or reserved name 'Jyväskylä'",
        ),
        (
            broken(lambda d: d["employment_areas"][0]["name"].pop("fi")),
            "employment area 'jyvaskyla-muurame': 'name' has no text in language 'fi'",
        ),
    ],
)
def test_a_broken_file_names_the_file_entry_and_problem(tmp_path, data, message):
    with pytest.raises(ContentError) as error:
        load_catalogue(write(tmp_path, data), small_checklist())
    assert message in str(error.value)
    assert str(error.value).startswith("services.yaml: ")


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(ContentError, match="missing.yaml: file: cannot be read"):
        load_catalogue(tmp_path / "missing.yaml", small_checklist())


def test_a_datetime_is_not_a_check_date(tmp_path):
    data = board()
    path = write(tmp_path, data)
    path.write_text(path.read_text(encoding="utf-8").replace("2026-11-23", "2026-11-23 10:00:00", 1), "utf-8")
    with pytest.raises(ContentError, match="service 'job-market-finland': 'checked' must be a date"):
        load_catalogue(path, small_checklist())


# ── Stale checks ───────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 11, 23), 12, datetime.date(2025, 11, 23)),
        (datetime.date(2026, 11, 23), 0, datetime.date(2026, 11, 23)),
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),  # a shorter month: its last day
        (datetime.date(2028, 3, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 1, 15), 13, datetime.date(2024, 12, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_stale_lists_entries_read_before_the_limit_oldest_first(tmp_path):
    def checked(index, day):
        return lambda d: d["services"][index].update(checked=day)

    data = broken(checked(0, datetime.date(2025, 11, 22)))
    data["services"][1]["checked"] = datetime.date(2024, 1, 1)
    catalogue = load_catalogue(write(tmp_path, data), small_checklist())
    today = datetime.date(2026, 11, 23)
    assert [s.id for s in catalogue.stale(today, 12)] == ["s2-course", "job-market-finland"]
    assert [s.id for s in catalogue.stale(today, 24)] == ["s2-course"]
    assert catalogue.stale(datetime.date(2024, 1, 1), 0) == ()  # read that very day: not stale
