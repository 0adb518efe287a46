import datetime
import re
from pathlib import Path

import pytest
import yaml

from checklist.catalogue import (
    Catalogue,
    Municipality,
    load_catalogue,
)
from checklist.content import (
    FINNISH_LEVEL_IDS,
    Area,
    Checklist,
    ContentError,
    Statement,
    Text,
    load_checklist,
)
from checklist.matching import level_fits

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


def test_the_shipped_entries_are_checked_and_linked_over_https(shipped):
    assert all(s.checked <= datetime.date.today() for s in shipped.services)
    assert all(s.url.startswith("https://") for s in shipped.services)


def test_every_municipality_has_its_employment_services_for_everyone(shipped):
    for municipality in shipped.municipality_names():
        local = [
            s.id
            for s in shipped.for_area("channels")
            if s.is_in(municipality) and not s.target_groups and not s.is_course
        ]
        assert local, municipality


def test_every_area_has_something_near_for_every_municipality_and_finnish_level(shipped):
    # The promise the matching relies on: something local, national or online, meant for
    # everyone (no target group) and fitting the level, in every area.
    for municipality in shipped.municipality_names():
        for level in FINNISH_LEVEL_IDS:
            for area_id in ("channels", "tools", "working-life", "competence", "language", "attitude"):
                near = [
                    s.id
                    for s in shipped.for_area(area_id)
                    if not s.target_groups
                    and (s.is_online or s.is_national or s.is_in(municipality))
                    and (not s.is_course or (s.levels is not None and level_fits(level, s.levels)))
                ]
                assert near, (municipality, level, area_id)


def test_every_area_of_the_checklist_has_services(shipped):
    assert {a for s in shipped.services for a in s.areas} == {a.id for a in load_checklist().areas}


def test_a_national_finnish_language_test_is_listed(shipped):
    # The course options always end with a way to show one's level.
    assert any(s.kind == "language-test" and s.is_national for s in shipped.services)


def test_ended_and_unsure_services_are_left_out(shipped):
    names = " ".join(f"{s.id} {s.name.fi} {s.name.en} {s.description.fi}" for s in shipped.services).lower()
    assert "kotopaikka" not in names
    assert "jykes" not in names


def test_no_personal_contact_details(shipped):
    phone = re.compile(r"\d{2,4}[ -]?\d{3}[ -]?\d{3,4}")
    for s in shipped.services:
        contact = [s.contact.fi, s.contact.en] if s.contact else ["", ""]
        texts = [*contact, s.description.fi, s.description.en, s.url]
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
            "url": "https://example.fi/s2?lang=en",
            "contact": text("contact"),
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
    board, course = catalogue.services
    assert board.statements == ("job-boards",)
    assert board.checked == CHECKED
    assert board.target_groups == () and board.levels is None
    assert course.levels == ("A1", "B1")
    assert course.statements == ()
    assert course.target_groups == ("home-parent",)
    assert course.municipalities == ("Jyväskylä", "Muurame")
    assert (course.is_course, course.is_online, course.is_national) == (True, False, False)
    assert course.is_in("Muurame") and not course.is_in("Äänekoski")
    assert catalogue.for_area("language") == (course,)
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
            "online, national",
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
        (board(free="maybe"), "service 'job-market-finland': 'free' must be true or false, not 'maybe'"),
        (board(free=None), "service 'job-market-finland': 'free' must be true or false, not None"),
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
