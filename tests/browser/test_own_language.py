"""A new user in their own language, on a phone: Arabic (right to left) and Ukrainian."""

from __future__ import annotations

import pytest

from checklist.scoring import score_all

from .conftest import NEXT, PROFILE_SUBMIT, START
from .test_counsellor_and_print import pdf_pages
from .test_journeys import OVERFLOWING, after_last_area, tap_and_wait, tap_answers
from helpers import AREA_IDS, CHECKLIST, LANGS, area_answers

pytestmark = pytest.mark.browser

LOWEST = {s.id: 0 for s in CHECKLIST.statements()}
SMALL_PHONE = {"viewport": {"width": 320, "height": 640}}


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("lang", ["ar", "uk"])
def test_a_new_user_answers_reads_the_chart_adds_finnish_and_prints_one_page(open_page, lang):
    rtl = lang == "ar"
    visit = open_page(**SMALL_PHONE, locale=lang, extra_http_headers={"Accept-Language": lang})
    page = visit.page
    page.goto("/")
    page.wait_for_url(f"**/{lang}/")
    assert page.get_attribute("html", "dir") == ("rtl" if rtl else "ltr")
    # The menu names every language in itself and marks the drafts, in their own words.
    menu = page.locator(".languages__link")
    assert menu.count() == len(LANGS)
    assert page.locator(".languages__draft").count() == sum(1 for code in LANGS if code not in ("fi", "en"))
    assert page.locator(".notice--draft").is_visible()

    tap_and_wait(page, START)
    for area_id in AREA_IDS:
        page.wait_for_url(f"**/{lang}/area/{area_id}")
        tap_answers(page, area_answers(area_id, 0, "A2"))
        if area_id == AREA_IDS[0]:
            # The scale and the buttons mirror: the first answer and Next are on the reading start.
            first = box(page, ".radios--inline .radios__item:nth-child(1)")
            second = box(page, ".radios--inline .radios__item:nth-child(2)")
            back = box(page, "#answers button[value=back]")
            next_ = box(page, NEXT)
            assert (first["x"] > second["x"]) == rtl
            assert (next_["x"] > back["x"]) == rtl
            assert page.evaluate(OVERFLOWING) == [], "something reaches past a 320 px screen"
        tap_and_wait(page, NEXT)
    if after_last_area(page, lang):
        page.select_option("#municipality", "Äänekoski")
        tap_and_wait(page, PROFILE_SUBMIT)
    page.wait_for_url(f"**/{lang}/results")

    # The chart's labels are the short area names, as text the browser shapes, inside the chart.
    chart = page.locator(".chart svg").first
    labels = [t.strip() for t in chart.locator("text").all_text_contents() if not t.strip().isdigit()]
    assert labels == [area.short.in_(lang) for area in CHECKLIST.areas]
    frame = chart.bounding_box()
    for label in chart.locator("text").all():
        inside = label.bounding_box()
        assert inside["x"] >= frame["x"] - 1 and inside["x"] + inside["width"] <= frame["x"] + frame["width"] + 1
    scores = [row.locator("td").first.inner_text() for row in page.locator("table").first.locator("tbody tr").all()]
    assert scores == [str(r.score) for r in score_all(CHECKLIST, LOWEST)]
    assert page.evaluate(OVERFLOWING) == []

    # Finnish under each text, for the counsellor.
    page.select_option("#second-language", "fi")
    tap_and_wait(page, ".second-language button")
    assert page.locator('.second[lang="fi"]').first.is_visible()

    page.goto(f"/{lang}/results/print")
    assert page.locator(".sheet__draft").count() == 1
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1
    assert visit.foreign_requests() == []
