"""The guidance session and the printed summary, in a real browser, and the PDF page count."""

from __future__ import annotations

import re

import pytest

from .conftest import Visit
from helpers import AREA_IDS, CHECKLIST, area_answers

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 800}, "is_mobile": False, "has_touch": False}
# A typical result: two gaps, one area to develop, three strengths.
TYPICAL = {"channels": 3, "tools": 0, "working-life": 2, "competence": 3, "language": 1, "attitude": 3}
BETTER = {**TYPICAL, "tools": 2, "language": 2}


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


def test_a_client_shares_with_a_counsellor_who_prints_a_one_page_summary(open_page):
    client = open_page()  # a phone, in English
    code = answer(client, "en", TYPICAL)
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){2}", code)
    assert client.page.locator(".share__qr svg").is_visible()

    counsellor = open_page(**DESKTOP)  # a desktop, in Finnish, with English shown beside
    open_with_code(counsellor, "fi", code)
    page = counsellor.page
    counsellor.submit(".toggle button")
    cv = CHECKLIST.statement("cv")
    assert page.locator(f'span.second[lang="en"]:text-is("{cv.text("en")}")').first.is_visible()
    page.fill("#steps-0", "Päivitä CV / Update the CV")
    page.fill("#steps-1", "Hae työkokeilua / Apply for a work trial")
    counsellor.submit("form[action$='/session/steps'] button")
    assert page.locator("p.notice").is_visible()

    page.goto("/fi/session/print")
    assert "Päivitä CV / Update the CV" in page.inner_text(".sheet")
    assert pdf_pages(page.pdf(format="A4")) == 1
    assert counsellor.foreign_requests() == []

    client.page.reload()
    assert "Hae työkokeilua / Apply for a work trial" in client.page.inner_text("main")

    # Later the client takes it again; both see the progress.
    new_code = answer(client, "en", BETTER)
    assert new_code != code
    chart = client.page.locator(".chart svg")
    assert chart.locator("path[stroke-dasharray]").count() >= 1
    tools_row = client.page.locator("tr", has_text="Job-search tools")
    assert "+67" in tools_row.inner_text()
    open_with_code(counsellor, "fi", new_code)
    assert page.locator(".chart svg path[stroke-dasharray]").count() >= 1
    assert "+67" in page.locator("tr", has_text="Työnhaun työkalut").inner_text()


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_printed_summary_is_one_page_and_two_with_a_second_language(open_page, lang):
    visit = open_page(**DESKTOP)
    answer(visit, lang, TYPICAL)
    page = visit.page
    page.goto(f"/{lang}/results/print")
    assert pdf_pages(page.pdf(format="A4")) == 1
    other = "en" if lang == "fi" else "fi"
    page.goto(f"/{lang}/results/print?second={other}")
    assert page.locator(f'article.sheet[lang="{other}"]').count() == 1
    assert pdf_pages(page.pdf(format="A4")) == 2
    # Black and white: the web addresses are printed as text.
    assert re.search(r"https://\S+", page.locator("article.sheet").first.inner_text())


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
    level = CHECKLIST.finnish_level("A2").label("fi")
    assert level in text
