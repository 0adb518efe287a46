"""Every listed language complete: catalogues fully translated, the template up to date, pages in
one language."""

import re
import shutil
import subprocess
import sys
from gettext import c2py
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import force_locale, get_translations

from checklist.config import Config
from checklist.desk.i18n import DESK_LANGUAGES
from checklist.desk.i18n import domain as desk_domain
from checklist.languages import FALLBACK_LANGUAGE

from helpers import CATALOGUE, complete

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGS = [language["code"] for language in Config.LANGUAGES]
CATALOGUES = {lang: TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po" for lang in LANGS}
# The coordinator's desk has a domain of its own, in Finnish and English only.
DESK_CATALOGUES = {lang: TRANSLATIONS / lang / "LC_MESSAGES" / "desk.po" for lang in DESK_LANGUAGES}
# Every catalogue: (language, domain) -> its file.
ALL_CATALOGUES = {
    **{(lang, "messages"): path for lang, path in CATALOGUES.items()},
    **{(lang, "desk"): path for lang, path in DESK_CATALOGUES.items()},
}


def read(path: Path):
    with open(path, "rb") as f:
        return read_po(f)


def ids(catalogue) -> set:
    return {m.id for m in catalogue if m.id}


@pytest.mark.parametrize("lang, domain", ALL_CATALOGUES)
def test_every_message_is_translated_and_none_is_fuzzy(lang, domain):
    catalogue = read(ALL_CATALOGUES[lang, domain])
    untranslated = [m.id for m in catalogue if m.id and not (all(m.string) if isinstance(m.id, tuple) else m.string)]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not untranslated, f"{lang}: untranslated {untranslated}"
    assert not fuzzy, f"{lang}: fuzzy {fuzzy}"


@pytest.mark.parametrize("lang, domain", ALL_CATALOGUES)
def test_placeholders_match_between_source_and_translation(lang, domain):
    catalogue = read(ALL_CATALOGUES[lang, domain])
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalogue.check()]
    assert not problems


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang, domain", ALL_CATALOGUES)
def test_msgfmt_accepts_the_catalogue(lang, domain):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(ALL_CATALOGUES[lang, domain])],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


@pytest.mark.parametrize(
    ("config", "template", "catalogues"),
    [("babel.cfg", "messages.pot", CATALOGUES), ("babel-desk.cfg", "desk.pot", DESK_CATALOGUES)],
)
def test_the_extracted_template_is_up_to_date(tmp_path, config, template, catalogues):
    fresh = tmp_path / template
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            config,
            "-k",
            "_l",
            "--no-location",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    committed = ids(read(TRANSLATIONS / template))
    assert ids(read(fresh)) == committed, "run `make translations-update` and translate the new messages"
    for lang, path in catalogues.items():
        assert ids(read(path)) == committed, f"{lang} catalogue differs from the template"


def test_the_desks_messages_are_not_the_clients_to_translate():
    # What only the desk says is in desk.pot alone: the client's translators never see it.
    desk_only = ids(read(TRANSLATIONS / "desk.pot")) - ids(read(TRANSLATIONS / "messages.pot"))
    assert "Services catalogue" in desk_only and "Log in to the coordinator's desk" in desk_only
    for lang, path in CATALOGUES.items():
        assert not desk_only & ids(read(path)), lang


@pytest.mark.parametrize("lang, domain", ALL_CATALOGUES)
def test_the_app_speaks_every_message_of_the_catalogue(app, lang, domain):
    # Through the app's own translation set-up: a missing or stale compiled catalogue fails here.
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        translations = get_translations() if domain == "messages" else desk_domain.get_translations()
        catalogue = read(ALL_CATALOGUES[lang, domain])
        plural = c2py(catalogue.plural_expr)
        wrong = []
        for message in catalogue:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                counts = range(0, 120)
                spoken = [translations.ungettext(*message.id, n) for n in counts]
                expected = [message.string[plural(n)] for n in counts]
            else:
                spoken, expected = translations.ugettext(message.id), message.string
            if spoken != expected:
                wrong.append(message.id)
        assert not wrong, f"{lang}: the app does not say what the catalogue says for {wrong[:5]}"


def english_only(path: Path) -> list[str]:
    """Return the telling English pieces of a catalogue's messages that its language translates."""
    translated = {m.id: m.string for m in read(path) if m.id and isinstance(m.id, str)}
    # The longest piece between placeholders, where it is long enough to be telling.
    pieces = [max(re.split(r"%\(\w+\)[sd]", msgid), key=len) for msgid, msgstr in translated.items() if msgid != msgstr]
    return [piece.strip() for piece in pieces if len(piece.strip()) > 12]


def without_names(html: str, lang: str) -> str:
    # Names stay as people meet them (bdi): "Finnish courses" may be part of a course's name. A
    # catalogue entry's preview shows it in Finnish and English, each part marked with its lang.
    other_language = rf'<section class="service-preview__language" lang="(?!{lang}")[^"]+".*?</section>'
    return re.sub(rf"<bdi>.*?</bdi>|{other_language}", "", html, flags=re.S)


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != FALLBACK_LANGUAGE])
def test_pages_show_no_english_interface_text(client, lang):
    complete(client, lang, {"tools": 0})
    pages = [
        without_names(client.get(f"/{lang}{path}").get_data(as_text=True), lang)
        for path in ["/", "/privacy", "/area/language", "/results", "/nowhere"]
    ]
    for page in pages:
        for msgid in english_only(CATALOGUES[lang]):
            assert msgid not in page, f"English text on a page in {lang}: {msgid!r}"


@pytest.mark.parametrize("lang", [lang for lang in DESK_LANGUAGES if lang != FALLBACK_LANGUAGE])
def test_desk_pages_show_no_english_interface_text(client, coordinator, lang):
    complete(client, lang, {"tools": 0})
    pages = [
        without_names(client.get(f"/{lang}/coordinator{path}").get_data(as_text=True), lang)
        # Logged in (the fixture), with the round above in its figures; and an unknown entry.
        for path in ["/", "/services/", "/services/recheck", "/services/new", "/services/no-such-entry"]
        + [f"/services/{CATALOGUE.services[0].id}", f"/services/{CATALOGUE.services[0].id}/edit"]
    ]
    english = english_only(CATALOGUES[lang]) + english_only(DESK_CATALOGUES[lang])
    for page in pages:
        for msgid in english:
            assert msgid not in page, f"English text on a desk page in {lang}: {msgid!r}"
