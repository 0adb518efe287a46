"""Interface wording: one Finnish term for each thing, plain English, and error pages that say
what really happened."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from helpers import CHECKLIST, area_answers

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


def finnish_messages() -> dict[str, str]:
    """Return every Finnish message, by its English source text."""
    with open(TRANSLATIONS / "fi" / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalogue = read_po(f)
    messages = {}
    for message in catalogue:
        if message.id:
            source = message.id[0] if isinstance(message.id, tuple) else message.id
            text = " ".join(message.string) if isinstance(message.string, tuple) else message.string
            messages[source] = text
    return messages


# Words a native reader stumbles on, and the term used instead.
AVOIDED_FINNISH = {
    r"väit": "a statement is a “lause” everywhere, never a “väite”",
    r"askel": "the agreed next steps are “sovitut asiat”",
    r"\bylös\b": "steps are recorded with “kirjata”, not “kirjoittaa ylös”",
    r"tulossivu": "the results page is the “Tulokset-sivu”",
    r"vanhenev": "results “vanhentuvat”",
    r"CEFR": "the levels follow the “eurooppalainen viitekehys (EVK)”",
    r"(?<!vastaus)kertasi|edellisen kerran\b": "a round is a “vastauskerta”",
    r"\bmeidän\.": "an error is “meidän päässämme”",
}


@pytest.mark.parametrize("pattern", AVOIDED_FINNISH)
def test_finnish_keeps_one_term_for_each_thing(pattern):
    found = [text for text in finnish_messages().values() if re.search(pattern, text, re.IGNORECASE)]
    assert not found, f"{AVOIDED_FINNISH[pattern]}: {found}"


def test_english_says_talk_about_not_tell_about():
    found = [source for source in finnish_messages() if re.search(r"\btell(s|ing)? about\b", source, re.IGNORECASE)]
    assert not found


@pytest.mark.parametrize(
    ("source", "finnish"),
    [
        ("Choose one of the answers shown", "Valitse yksi vastausvaihtoehdoista"),
        ("Choose one of the levels shown", "Valitse yksi annetuista tasoista"),
        ("Somewhere else, or I would rather not say", "Muualla tai en halua kertoa"),
        ("In %(places)s: nothing closer was found", "Sijainti: %(places)s (lähempää ei löytynyt)"),
        ("Online: use it from anywhere", "Verkossa: voit käyttää sitä missä tahansa"),
        ("Next steps", "Sovitut asiat"),
        ("Statement", "Lause"),
    ],
)
def test_the_finnish_of_the_reviewed_messages(source, finnish):
    assert finnish_messages()[source] == finnish


@pytest.mark.parametrize(
    ("lang", "says", "never"),
    [
        ("en", ["saved on our server", "Only the browser you used knows this code", "180 days"], "only in the browser"),
        ("fi", ["tallennettu palvelimellemme", "jonka tietää vain se selain", "180 päivän"], "vain siinä selaimessa"),
    ],
)
def test_no_answers_found_says_the_answers_are_on_the_server_under_the_browsers_code(client, lang, says, never):
    response = client.get(f"/{lang}/results")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    for words in says:
        assert words in html
    assert never not in html


def test_a_tampered_answer_is_refused_in_plain_finnish(client):
    client.post_form("/fi/start")
    first = CHECKLIST.area("channels").statements[0].id
    data = {**area_answers("channels", 2), first: "7", "action": "next"}
    html = client.post_form("/fi/area/channels", data).get_data(as_text=True)
    assert "Valitse yksi vastausvaihtoehdoista" in html


def test_an_oversized_form_is_explained_in_plain_finnish(client):
    client.post_form("/fi/start")
    response = client.post_form("/fi/area/channels", {"action": "next", "padding": "x" * 40_000})
    assert response.status_code == 413
    html = response.get_data(as_text=True)
    assert "Liikaa tietoa" in html and "Lomakkeessa oli paljon enemmän tietoa" in html
