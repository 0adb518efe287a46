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
from checklist.languages import FALLBACK_LANGUAGE

from helpers import CATALOGUE, complete

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGS = [language["code"] for language in Config.LANGUAGES]
CATALOGUES = {lang: TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po" for lang in LANGS}


def read(path: Path):
    with open(path, "rb") as f:
        return read_po(f)


def ids(catalogue) -> set:
    return {m.id for m in catalogue if m.id}


@pytest.mark.parametrize("lang", CATALOGUES)
def test_every_message_is_translated_and_none_is_fuzzy(lang):
    catalogue = read(CATALOGUES[lang])
    untranslated = [m.id for m in catalogue if m.id and not (all(m.string) if isinstance(m.id, tuple) else m.string)]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not untranslated, f"{lang}: untranslated {untranslated}"
    assert not fuzzy, f"{lang}: fuzzy {fuzzy}"


@pytest.mark.parametrize("lang", CATALOGUES)
def test_placeholders_match_between_source_and_translation(lang):
    catalogue = read(CATALOGUES[lang])
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalogue.check()]
    assert not problems


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", CATALOGUES)
def test_msgfmt_accepts_the_catalogue(lang):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(CATALOGUES[lang])],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


def test_the_extracted_template_is_up_to_date(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            "babel.cfg",
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
    committed = ids(read(TRANSLATIONS / "messages.pot"))
    assert ids(read(fresh)) == committed, "run `make translations-update` and translate the new messages"
    for lang, path in CATALOGUES.items():
        assert ids(read(path)) == committed, f"{lang} catalogue differs from the template"


@pytest.mark.parametrize("lang", CATALOGUES)
def test_the_app_speaks_every_message_of_the_catalogue(app, lang):
    # Through the app's own translation set-up: a missing or stale compiled catalogue fails here.
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        translations = get_translations()
        catalogue = read(CATALOGUES[lang])
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


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != FALLBACK_LANGUAGE])
def test_pages_show_no_english_interface_text(client, coordinator, lang):
    translated = {m.id: m.string for m in read(CATALOGUES[lang]) if m.id and isinstance(m.id, str)}
    # The longest piece between placeholders, where it is long enough to be telling.
    pieces = [max(re.split(r"%\(\w+\)[sd]", msgid), key=len) for msgid, msgstr in translated.items() if msgid != msgstr]
    english_only = [piece.strip() for piece in pieces if len(piece.strip()) > 12]
    complete(client, lang, {"tools": 0})
    # Names stay as people meet them (bdi): "Finnish courses" may be part of a course's name. A
    # catalogue entry's preview shows it in Finnish and English, each part marked with its lang.
    other_language = rf'<section class="service-preview__language" lang="(?!{lang}")[^"]+".*?</section>'
    pages = [
        re.sub(rf"<bdi>.*?</bdi>|{other_language}", "", client.get(f"/{lang}{path}").get_data(as_text=True), flags=re.S)
        for path in ["/", "/privacy", "/area/language", "/results", "/nowhere"]
        # The coordinator's desk, logged in (the fixture), with the round above in its figures.
        + ["/coordinator/", "/coordinator/services/", "/coordinator/services/recheck", "/coordinator/services/new"]
        + [
            f"/coordinator/services/{CATALOGUE.services[0].id}",
            f"/coordinator/services/{CATALOGUE.services[0].id}/edit",
        ]
    ]
    for page in pages:
        for msgid in english_only:
            assert msgid not in page, f"English text on a page in {lang}: {msgid!r}"
