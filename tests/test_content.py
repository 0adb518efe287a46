from pathlib import Path

import pytest
import yaml

from checklist.content import FINNISH_LEVEL_IDS, ContentError, load_checklist

GOOD = {
    "areas": [
        {
            "id": "channels",
            "title": {"fi": "Kanavat", "en": "Channels"},
            "short": {"fi": "K", "en": "C"},
            "intro": {"fi": "Johdanto", "en": "Intro"},
            "encouragement": {"fi": "Hyvä", "en": "Good"},
            "statements": [
                {"id": "job-boards", "text": {"fi": "Tiedän", "en": "I know"}},
                {
                    "id": "hidden-jobs",
                    "text": {"fi": "Kysyn", "en": "I ask"},
                    "example": {"fi": "E", "en": "E"},
                },
            ],
        }
    ],
    "version": "1",
    "finnish_levels": [
        {"id": i, "label": {"fi": i, "en": i}, "can_do": {"fi": "x", "en": "y"}} for i in FINNISH_LEVEL_IDS
    ],
}


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "checklist.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_shipped_checklist_has_six_areas_of_five_to_nine_statements():
    checklist = load_checklist()
    assert [a.id for a in checklist.areas] == [
        "channels",
        "tools",
        "working-life",
        "competence",
        "language",
        "attitude",
    ]
    assert checklist.areas[0].title.fi == "Työnhaun kanavat"
    assert checklist.areas[5].title.en == "An active and positive attitude"
    for area in checklist.areas:
        assert 5 <= len(area.statements) <= 9, area.id
        assert len(area.short.fi) <= 14 and len(area.short.en) <= 14
    assert [lv.id for lv in checklist.finnish_levels] == list(FINNISH_LEVEL_IDS)


def test_a_good_file_loads(tmp_path):
    checklist = load_checklist(write(tmp_path, GOOD))
    assert checklist.statement("hidden-jobs").example.in_("en") == "E"
    assert checklist.statement("job-boards").example is None
    assert checklist.area("channels").number == 1
    assert checklist.statement("nope") is None


def broken(change):
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    change(data)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("areas: [unclosed", "checklist.yaml: file: is not valid YAML"),
        ("- just a list", "checklist.yaml: file: expected a mapping"),
        (broken(lambda d: d.pop("areas")), "file: 'areas' must be a non-empty list"),
        (broken(lambda d: d["areas"].append(d["areas"][0])), "area 'channels': duplicate id 'channels'"),
        (
            broken(lambda d: d["areas"][0]["statements"].append(d["areas"][0]["statements"][0])),
            "statement 'job-boards': duplicate id 'job-boards'",
        ),
        (
            broken(lambda d: d["areas"][0]["statements"][1]["text"].pop("fi")),
            "statement 'hidden-jobs': 'text' has no text in language 'fi'",
        ),
        (
            broken(lambda d: d["areas"][0]["title"].update(en="  ")),
            "area 'channels': 'title' has no text in language 'en'",
        ),
        (
            broken(lambda d: d["areas"][0]["intro"].update(sv="Intro")),
            "area 'channels': 'intro' has unknown languages ['sv']",
        ),
        (
            broken(lambda d: d["areas"][0]["statements"][0].update(id="Job Boards")),
            "area 'channels', statement 1: 'id' 'Job Boards' must be lower-case",
        ),
        (broken(lambda d: d["areas"][0].pop("encouragement")), "area 'channels': 'encouragement' must give"),
        (broken(lambda d: d["finnish_levels"].pop()), "finnish_levels: levels missing: C1"),
        (
            broken(lambda d: d["finnish_levels"][0].update(id="A3")),
            "Finnish level 1: unknown level 'A3'",
        ),
    ],
)
def test_a_broken_file_names_the_file_entry_and_problem(tmp_path, data, message):
    with pytest.raises(ContentError) as error:
        load_checklist(write(tmp_path, data))
    assert message in str(error.value)


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(ContentError, match="missing.yaml: file: cannot be read"):
        load_checklist(tmp_path / "missing.yaml")


def test_a_broken_file_stops_start_up(tmp_path):
    from checklist import create_app

    path = write(tmp_path, broken(lambda d: d["areas"][0]["statements"][0]["text"].pop("en")))
    with pytest.raises(ContentError, match="statement 'job-boards': 'text' has no text in language 'en'"):
        create_app({"CHECKLIST_PATH": path})
