"""Languages as data: one configured list drives the URLs, the redirect, the menu, the direction,
the draft notices and the content texts; a further language needs no template or view."""

from __future__ import annotations

import re

import pytest
import yaml

from checklist import load_content
from checklist.config import Config, settings
from checklist.content import ContentError
from checklist.content_translations import content_path, missing, read_translations, texts
from checklist.languages import LanguageError, parse_languages

from conftest import make_app
from helpers import CATALOGUE, CHECKLIST, complete
from pagecheck import NS, SVG, parse, score_rows, text_of

LANGUAGES = parse_languages(Config.LANGUAGES)
TRANSLATIONS = content_path("translations", "xx").parent.parent


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES.translated])
def test_every_content_text_is_translated_into_every_listed_language(lang):
    assert missing(CHECKLIST, CATALOGUE, lang) == []


def test_finnish_and_english_are_complete_in_the_content():
    for key, text in texts(CHECKLIST, CATALOGUE):
        assert text.fi.strip() and text.en.strip(), key


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES.translated])
def test_short_area_names_fit_the_chart(lang):
    for area in CHECKLIST.areas:
        assert len(area.short.in_(lang)) <= 16, (lang, area.id)


@pytest.mark.parametrize(
    ("header", "landing"),
    [
        ("ar", "/ar/"),
        ("uk-UA,uk;q=0.9,en;q=0.5", "/uk/"),
        ("fa-AF", "/fa/"),  # Dari readers are served the Persian
        ("so", "/so/"),
        ("ru,fi;q=0.5", "/ru/"),
        ("sv-SE", "/fi/"),  # nothing matches: Finnish
        ("", "/fi/"),
    ],
)
def test_the_bare_address_goes_to_the_browsers_language(client, header, landing):
    assert client.get("/", headers={"Accept-Language": header}).location == landing


@pytest.mark.parametrize("language", list(LANGUAGES), ids=lambda language: language.code)
def test_every_page_names_its_language_and_direction_and_offers_every_language(client, language):
    complete(client, language.code)
    for path in ("/", "/area/tools", "/results", "/privacy"):
        document = parse(client.get(f"/{language.code}{path}").get_data(as_text=True))
        assert (document.get("lang"), document.get("dir")) == (language.code, language.direction)
        menu = document.find(f".//{NS}nav[@class='languages']")
        links = {a.get("hreflang"): a for a in menu.iter(f"{NS}a")}
        assert list(links) == list(LANGUAGES.codes)
        for other in LANGUAGES:
            link = links[other.code]
            assert link.get("lang") == other.code and link.get("href") == f"/{other.code}{path}"
            assert text_of(link).startswith(other.name)
            # A draft says so in its own language, in the menu.
            assert ("(" in text_of(link)) == other.is_draft
        assert links[language.code].get("aria-current") == "page"


@pytest.mark.parametrize("language", list(LANGUAGES.translated), ids=lambda language: language.code)
def test_a_draft_translation_says_so_in_its_own_language(client, language):
    html = client.get(f"/{language.code}/").get_data(as_text=True)
    notice = parse(html).find(f".//{NS}p[@class='notice notice--draft']")
    assert language.is_draft == (notice is not None)
    # Not the English words: the notice is translated.
    assert "native speaker" not in text_of(notice)
    assert client.get("/fi/").get_data(as_text=True).count("notice--draft") == 0


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_the_chart_labels_are_the_table_names_as_text_for_the_browser_to_shape(client, lang):
    complete(client, lang, {"tools": 0})
    document = parse(client.get(f"/{lang}/results").get_data(as_text=True))
    names = [row[0] for row in score_rows(document)]
    chart = document.find(f".//{SVG}svg")
    labels = [text_of(t) for t in chart.iter(f"{SVG}text") if not re.fullmatch(r"\d+", text_of(t))]
    # The chart shows the short names, in logical order, as the same strings the content holds.
    assert labels == [area.short.in_(lang) for area in CHECKLIST.areas]
    assert names == [area.title.in_(lang) for area in CHECKLIST.areas]
    assert all(re.search(r"[\u0600-\u06ff]", label) for label in labels)


def test_share_codes_and_addresses_keep_left_to_right_in_a_right_to_left_page(client):
    complete(client, "ar", {"tools": 0})
    client.post_form("/ar/profile", {"municipality": "Äänekoski"})
    document = parse(client.get("/ar/results").get_data(as_text=True))
    code = document.find(f".//{NS}strong[@class='code']")
    assert code.get("dir") == "ltr" and re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", text_of(code))
    printed = parse(client.get("/ar/results/print").get_data(as_text=True))
    addresses = printed.findall(f".//{NS}span[@class='url']")
    assert addresses and all(a.get("dir") == "ltr" for a in addresses)
    assert all(b.tag == f"{NS}bdi" for b in printed.findall(f".//{NS}li/{NS}strong/*"))


def test_an_eighth_language_needs_one_line_of_configuration(more_apps):
    swedish = {"code": "sv", "name": "Svenska", "status": "draft"}
    app = make_app(LANGUAGES=(*Config.LANGUAGES, swedish))
    client = more_apps(app)
    complete(client, "sv")
    page = client.get("/sv/area/tools").get_data(as_text=True)
    document = parse(page)
    assert document.get("lang") == "sv"
    # Nothing translated yet: the English texts stand in, and the page still works.
    assert CHECKLIST.statement("cv-finnish").text.in_("en") in page
    assert "/sv/area/tools" in {a.get("href") for a in document.iter(f"{NS}a")}
    assert client.get("/", headers={"Accept-Language": "sv"}).location == "/sv/"
    results = client.get("/sv/results")
    assert results.status_code == 200
    # Every other language offers it in the menu and as a second language.
    finnish = parse(client.get("/fi/results").get_data(as_text=True))
    assert "sv" in {a.get("hreflang") for a in finnish.iter(f"{NS}a")}
    assert "sv" in {o.get("value") for o in finnish.iter(f"{NS}option")}
    # The completeness check reports every text as missing.
    assert missing(CHECKLIST, CATALOGUE, "sv") == [key for key, _ in texts(CHECKLIST, CATALOGUE)]


def test_an_unlisted_language_is_not_found(client):
    assert client.get("/sv/").status_code == 404


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ([{"code": "fi", "name": "Suomi", "status": "source"}], "en missing"),
        ([*Config.LANGUAGES, {"code": "EN", "name": "X"}], "'code' 'EN'"),
        ([*Config.LANGUAGES, {"code": "uk", "name": "X"}], "language 'uk': listed twice"),
        ([*Config.LANGUAGES, {"code": "he", "name": "עברית", "direction": "right"}], "'direction'"),
        ([*Config.LANGUAGES, {"code": "sv", "name": "Svenska", "status": "reviewed"}], "by whom"),
        (
            [*Config.LANGUAGES, {"code": "sv", "name": "Svenska", "status": "reviewed", "reviewed_by": "editor"}],
            "when",
        ),
        ([*Config.LANGUAGES, {"code": "sv", "name": "Svenska", "status": "source"}], "status 'source'"),
    ],
)
def test_a_broken_language_list_stops_start_up_saying_what_is_wrong(entries, problem):
    with pytest.raises(LanguageError, match=re.escape(problem)):
        parse_languages(entries)
    with pytest.raises(LanguageError):
        make_app(LANGUAGES=entries)


def test_a_reviewed_language_records_by_whom_and_when_and_shows_no_draft_notice(more_apps):
    reviewed = [
        {**entry, "status": "reviewed", "reviewed_by": "native-speaking counsellor", "reviewed_on": "2026-11-20"}
        if entry["code"] == "uk"
        else entry
        for entry in Config.LANGUAGES
    ]
    app = make_app(LANGUAGES=reviewed)
    ukrainian = app.extensions["languages"].get("uk")
    assert ukrainian.reviewed_by == "native-speaking counsellor" and str(ukrainian.reviewed_on) == "2026-11-20"
    client = more_apps(app)
    assert "notice--draft" not in client.get("/uk/").get_data(as_text=True)


def broken_translation(tmp_path, change) -> dict:
    """Return a configuration whose content files are the shipped ones, with uk's changed."""
    folder = tmp_path / "translations"
    for language in LANGUAGES.translated:
        path = content_path(folder, language.code)
        path.parent.mkdir(parents=True)
        data = yaml.safe_load(content_path(TRANSLATIONS, language.code).read_text(encoding="utf-8"))
        if language.code == "uk":
            change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return {**settings("test"), "BABEL_TRANSLATION_DIRECTORIES": str(folder)}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["statements"].update({"no-such-statement": {"text": "x"}}), "statements 'no-such-statement'"),
        (lambda d: d["statements"]["cv-finnish"].update({"title": "x"}), "unknown field 'title'"),
        (lambda d: d["statements"]["cv-finnish"].update({"text": ["x"]}), "'text' must be a text"),
        (lambda d: d.update({"chapters": {}}), "unknown section 'chapters'"),
    ],
)
def test_a_broken_content_translation_stops_start_up_naming_the_file_and_entry(tmp_path, change, problem):
    config = broken_translation(tmp_path, change)
    with pytest.raises(ContentError, match=re.escape(problem)) as raised:
        load_content(config)
    assert raised.value.path.endswith("content.yaml")


def test_an_empty_translation_falls_back_to_english_and_is_reported(tmp_path):
    config = broken_translation(tmp_path, lambda d: d["statements"]["cv-finnish"].update({"text": ""}))
    checklist, catalogue = load_content(config)
    statement = checklist.statement("cv-finnish")
    assert statement.text.in_("uk") == statement.text.in_("en")
    assert missing(checklist, catalogue, "uk") == ["statements.cv-finnish.text"]


def test_the_content_template_keeps_translations_and_shows_the_english(runner, app, tmp_path):
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(tmp_path)
    result = runner.invoke(args=["translations", "content", "sv"])
    assert result.exit_code == 0, result.output
    written = content_path(tmp_path, "sv").read_text(encoding="utf-8")
    cv = CHECKLIST.statement("cv-finnish")
    assert f'  cv-finnish:\n    # {cv.text.in_("en")}\n    text: ""\n' in written
    # Filled in, it is kept when the template is written again.
    filled = written.replace('text: ""', 'text: "Jag har ett CV"', 1)
    content_path(tmp_path, "sv").write_text("# A translator's note.\n" + filled, encoding="utf-8")
    runner.invoke(args=["translations", "content", "sv"])
    assert len(read_translations(content_path(tmp_path, "sv"), CHECKLIST, CATALOGUE)) == 1
    assert "# A translator's note.\n" in content_path(tmp_path, "sv").read_text(encoding="utf-8")


def test_the_completeness_check_reports_each_language(runner):
    result = runner.invoke(args=["translations", "check"])
    assert result.exit_code == 0, result.output
    for language in LANGUAGES:
        summary = f"{language.code} ({language.name}, {language.status}): 0 interface messages and 0 content"
        assert summary in result.output
    # The coordinator's desk speaks Finnish and English only.
    assert "fi coordinator's desk: 0 desk messages not translated" in result.output
    assert "en coordinator's desk: 0 desk messages not translated" in result.output
    assert "ar coordinator's desk" not in result.output


def test_a_listed_language_without_its_content_file_stops_start_up(tmp_path):
    config = {**settings("test"), "BABEL_TRANSLATION_DIRECTORIES": str(tmp_path)}
    with pytest.raises(ContentError, match="is missing"):
        load_content(config)
