"""The guidance session and the printed summary, in a real browser, and the PDF page count."""

from __future__ import annotations

import re

import pytest

from .conftest import Visit
from helpers import AREA_IDS, CHECKLIST, LANGS, area_answers, second_language_for

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 800}, "is_mobile": False, "has_touch": False}
# A typical result: two gaps, one area to develop, three strengths.
TYPICAL = {"channels": 3, "tools": 0, "working-life": 2, "competence": 3, "language": 1, "attitude": 3}
# The client who needs the app most: every answer lowest; and one with five areas to develop.
LOWEST = dict.fromkeys(AREA_IDS, 0)
MANY_GAPS = {**LOWEST, "channels": 1, "working-life": 2, "attitude": 3}
BETTER_THAN_LOWEST = {**LOWEST, "tools": 2}
PHONE_SCREEN = 844


def pdf_pages(pdf: bytes) -> int:
    """Return the number of pages in a PDF that Chromium printed."""
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def answer(visit: Visit, lang: str, values: dict[str, int], municipality: str = "Äänekoski") -> str:
    """Start a round, answer it with these values, tell a municipality; return the share code."""
    page = visit.page
    visit.start(lang)
    token = page.get_attribute("#answers input[name=csrf_token]", "value")
    for area_id in AREA_IDS:
        form = {"csrf_token": token, **area_answers(area_id, values[area_id], "A2"), "action": "next"}
        assert page.request.post(f"/{lang}/area/{area_id}", form=form).ok
    page.goto(f"/{lang}/profile")
    page.select_option("#municipality", municipality)
    visit.submit("main form[method=post] button")
    page.wait_for_url(f"**/{lang}/results")
    return page.inner_text(".share__code .code")


def open_with_code(visit: Visit, lang: str, code: str) -> None:
    """Open the QR link: the code after '#' is filled in by the page; then open the results."""
    page = visit.page
    page.goto(f"/{lang}/counsellor#{code}")
    assert page.input_value("#code") == code
    assert "#" not in page.url  # the page takes the code out of the address bar
    visit.submit("main form button.button")
    page.wait_for_url(f"**/{lang}/session")


def test_a_whole_guidance_session_for_the_client_who_needs_it_most(open_page):
    client = open_page()  # a 390 × 844 phone, in Finnish, every answer lowest
    code = answer(client, "fi", LOWEST)
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){2}", code)
    assert client.page.evaluate("document.documentElement.scrollHeight") <= 6 * PHONE_SCREEN
    client.page.click(".share-box summary")
    assert client.page.locator(".share__qr svg").is_visible()
    client.page.goto("/fi/results/print")
    assert pdf_pages(client.page.pdf(format="A4", prefer_css_page_size=True)) == 1

    counsellor = open_page(**DESKTOP)  # a 1280 px desktop, with English shown beside
    open_with_code(counsellor, "fi", code)
    page = counsellor.page
    page.select_option("#second-language", "en")
    counsellor.submit(".second-language button")
    cv = CHECKLIST.statement("cv-finnish")
    assert page.locator(f'span.second[lang="en"]:text-is("{cv.text.in_("en")}")').first.is_visible()
    # The next-steps form sits beside the answers: in view without scrolling past them all.
    assert page.locator("#steps-0-text").bounding_box()["y"] < page.locator("#area-language").bounding_box()["y"]
    steps = [
        ("Päivitä CV", "client", "2026-12-04"),
        ("Varaa aika", "counsellor", "2026-12-01"),
        ("Hae 3 työtä", "client", ""),
    ]
    for number, (text, who, due) in enumerate(steps):
        page.fill(f"#steps-{number}-text", text)
        page.select_option(f"#steps-{number}-who", who)
        if due:
            page.fill(f"#steps-{number}-due", due)
    counsellor.submit("form[action$='/session/steps'] button.button:not(.button--small)")
    assert page.locator("p.notice").is_visible()
    page.goto("/fi/session/print")
    assert "Päivitä CV (Asiakas, 4.12.2026 mennessä)" in page.inner_text(".sheet")
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1
    page.click("text=Takaisin")
    page.wait_for_url("**/fi/session")
    assert counsellor.foreign_requests() == [] and client.foreign_requests() == []

    # A month later the client takes it again: the profile and the agreed steps carry over.
    client.page.goto("/fi/results")
    client.submit("form[action$='/start'] button")
    assert client.page.locator("a", has_text="Katso aiemmat tuloksesi").is_visible()
    token = client.page.get_attribute("#answers input[name=csrf_token]", "value")
    for area_id in AREA_IDS:
        form = {"csrf_token": token, **area_answers(area_id, BETTER_THAN_LOWEST[area_id], "A2"), "action": "next"}
        assert client.page.request.post(f"/fi/area/{area_id}", form=form).ok
    client.page.goto("/fi/profile")
    assert client.page.input_value("#municipality") == "Äänekoski"
    client.submit("main form[method=post] button")
    text = client.page.inner_text("main")
    assert "Sovittu viime kerralla" in text and "Varaa aika (Ohjaaja, 1.12.2026 mennessä)" in text
    assert "+67" in client.page.locator("tr", has_text="Työnhaun työkalut").inner_text()

    # The counsellor's old code shows the new round, with the progress.
    page.reload()
    assert page.locator(".chart svg path[stroke-dasharray]").count() >= 1
    assert "+67" in page.locator("tr", has_text="Työnhaun työkalut").first.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_summary_is_one_page_and_two_with_a_second_language(open_page, lang):
    visit = open_page(**DESKTOP)
    answer(visit, lang, TYPICAL)
    page = visit.page
    page.goto(f"/{lang}/results/print")
    assert pdf_pages(page.pdf(format="A4")) == 1
    other = second_language_for(lang)
    page.goto(f"/{lang}/results/print?second={other}")
    assert page.locator(f'article.sheet[lang="{other}"]').count() == 1
    assert pdf_pages(page.pdf(format="A4")) == 2
    # Black and white: the web addresses are printed as text, short and without the scheme.
    sheet = page.locator("article.sheet").first.inner_text()
    assert re.search(r"\b[a-z0-9-]+\.fi\b", sheet) and "https://" not in sheet


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("values", [LOWEST, MANY_GAPS], ids=["lowest", "many-gaps"])
def test_every_client_gets_one_printed_page_with_the_code(open_page, lang, values):
    visit = open_page(**DESKTOP)
    code = answer(visit, lang, values)
    page = visit.page
    page.goto(f"/{lang}/results/print")
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1
    assert code in page.inner_text("article.sheet") and page.locator("article.sheet .sheet__qr svg").count() == 1
    # No address is broken inside a word, and no contact line repeats the web address.
    for address in page.locator(".sheet .url").all_inner_texts():
        assert "://" not in address and len(address) <= 41
    assert "Yhteystiedot verkkosivuilla" not in page.inner_text("article.sheet")
    page.goto(f"/{lang}/results/print?second={second_language_for(lang)}")
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 2


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("values", [LOWEST, MANY_GAPS], ids=["lowest", "many-gaps"])
def test_the_results_fit_in_six_phone_screens(open_page, lang, values):
    visit = open_page()  # a 390 × 844 phone
    answer(visit, lang, values)
    height = visit.page.evaluate("document.documentElement.scrollHeight")
    assert height <= 6 * PHONE_SCREEN, f"{height} px is {height / PHONE_SCREEN:.1f} screens"
    # The order: what the results say, chart, table, sharing, what to do next.
    tops = [
        visit.page.locator(selector).first.bounding_box()["y"]
        for selector in ("p.lead", ".chart svg", "table.table", ".share-box", "#next-steps")
    ]
    assert tops == sorted(tops)


def test_the_score_table_after_a_retake_fits_a_320_px_screen(open_page):
    visit = open_page(viewport={"width": 320, "height": 640})
    answer(visit, "fi", LOWEST)
    answer(visit, "fi", MANY_GAPS)
    table = visit.page.locator("table.table").first
    assert table.locator("th", has_text="Muutos").count() == 1
    box, page_width = table.bounding_box(), visit.page.evaluate("document.documentElement.clientWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= page_width
    scroller = visit.page.locator(".table-scroll").first
    assert scroller.evaluate("e => e.scrollWidth <= e.clientWidth")


def test_the_print_button_needs_javascript(open_page):
    visit = open_page()
    answer(visit, "fi", LOWEST)
    visit.page.goto("/fi/results/print")
    assert visit.page.locator("button[data-print]").is_visible()
    without = open_page(java_script_enabled=False)
    answer(without, "fi", LOWEST)
    without.page.goto("/fi/results/print")
    assert not without.page.locator("button[data-print]").is_visible()


def test_the_print_link_works_without_javascript(open_page):
    visit = open_page(java_script_enabled=False)
    answer(visit, "en", TYPICAL)
    visit.page.click("a[href$='/results/print']")
    visit.page.wait_for_url("**/en/results/print")
    assert visit.page.locator("article.sheet h1").inner_text() == "Job-search checklist: summary"


def test_the_language_level_question_reaches_the_course_options(open_page):
    visit = open_page()
    answer(visit, "fi", TYPICAL)
    text = visit.page.inner_text("main")
    level = CHECKLIST.finnish_level("A2").label.in_("fi")
    assert level in text
