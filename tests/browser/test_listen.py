"""The Listen button: shown only where the browser has a voice for the page's language, and it
reads the statement (not the second language under it) on the device."""

from __future__ import annotations

import pytest

from helpers import CHECKLIST

pytestmark = pytest.mark.browser

# Headless Chromium has no voices: this stands in for a phone's speech engine, with voices for
# the given languages, and records what it is asked to say.
FAKE_SPEECH = """(langs) => {
    window.spoken = [];
    Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
        getVoices: () => langs.map(lang => ({lang: lang, name: lang})),
        speak: utterance => window.spoken.push([utterance.lang, utterance.text]),
        cancel: () => {},
        addEventListener: () => {},
    }});
    Object.defineProperty(window, "SpeechSynthesisUtterance", {configurable: true, value: function (text) {
        this.text = text;
    }});
}"""


def open_area(open_page, lang: str, voices: list[str], second: str | None = None):
    visit = open_page()
    page = visit.page
    page.add_init_script(f"({FAKE_SPEECH})({voices!r})")
    page.goto(f"/{lang}/")
    page.click('form[action$="/start"] button')
    page.wait_for_url(f"**/{lang}/area/channels")
    if second:
        page.select_option("#second-language", second)
        with page.expect_navigation():
            page.click(".second-language button")
    return visit


@pytest.mark.parametrize("lang", ["fi", "ar"])
def test_each_statement_and_the_introduction_can_be_heard(open_page, lang):
    visit = open_area(open_page, lang, [f"{lang}-XX"], second="en")
    page = visit.page
    area = CHECKLIST.area("channels")
    buttons = page.locator("button.listen")
    assert buttons.count() == len(area.statements) + 1
    buttons.nth(1).click()
    statement = area.statements[0]
    said = page.evaluate("window.spoken")
    assert said == [[f"{lang}-XX", f"{statement.text.in_(lang)} {statement.example.in_(lang)}"]]
    assert statement.text.in_("en") not in said[0][1]
    assert visit.foreign_requests() == []


def test_no_button_without_a_voice_for_the_language(open_page):
    visit = open_area(open_page, "so", ["fi-FI", "en-GB"])
    assert visit.page.locator("button.listen").count() == 0


def test_no_button_without_javascript(open_page):
    visit = open_page(java_script_enabled=False)
    visit.page.goto("/fi/")
    visit.page.click('form[action$="/start"] button')
    assert visit.page.locator("button.listen").count() == 0
