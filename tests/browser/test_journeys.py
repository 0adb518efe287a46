"""End-to-end journeys in Chromium: by touch on a phone, by keyboard only, without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from checklist.content import LANGUAGE_AREA_ID
from checklist.forms import LEVEL_FIELD
from checklist.scoring import score_all

from .conftest import BACK, DESKTOP, NEXT, PROFILE_SUBMIT, START
from helpers import AREA_IDS, CHECKLIST

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from .conftest import Visit

pytestmark = pytest.mark.browser

# A different answer for neighbouring statements, so a mixed-up radio would change a score.
PLAN = {s.id: (i + a.number) % 4 for a in CHECKLIST.areas for i, s in enumerate(a.statements)}
LEVEL = "B1"
EXPECTED = score_all(CHECKLIST, PLAN)

FOCUSED = """() => {
    const e = document.activeElement;
    return {
        tag: e.tagName.toLowerCase(), type: e.getAttribute("type"), name: e.getAttribute("name"),
        value: e.getAttribute("value"), id: e.id, classes: [...e.classList],
        href: e.getAttribute("href"), start: e.closest('form[action$="/start"]') !== null,
    };
}"""
# The innermost elements reaching past the right edge of the screen: where a fix belongs.
OVERFLOWING = """() => {
    const edge = document.documentElement.clientWidth + 0.5;
    const over = e => e.getBoundingClientRect().right > edge;
    return [...document.body.querySelectorAll("*")]
        .filter(e => over(e) && ![...e.children].some(over))
        .slice(0, 5)
        .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`
            + ` (${Math.round(e.getBoundingClientRect().right)} px): ${e.textContent.trim().slice(0, 60)}`);
}"""
CHECKED = """() => Object.fromEntries(
    [...document.querySelectorAll("#answers input[type=radio]:checked")].map(e => [e.name, e.value])
)"""


def plan_for(area_id: str) -> dict[str, str]:
    """Return the planned answers of an area as form values, in page order."""
    answers = {s.id: str(PLAN[s.id]) for s in CHECKLIST.area(area_id).statements}
    if area_id == LANGUAGE_AREA_ID:
        answers[LEVEL_FIELD] = LEVEL
    return answers


def checked(page: Page) -> dict[str, str]:
    return page.evaluate(CHECKED)


def focused(page: Page) -> dict:
    return page.evaluate(FOCUSED)


def tap_answers(page: Page, answers: dict[str, str]) -> None:
    """Choose answers by tapping their labels, as a finger on a phone does."""
    for name, value in answers.items():
        page.locator(f'#answers input[name="{name}"][value="{value}"] + label').tap()


def tap_and_wait(page: Page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).tap()


def press(page: Page, key: str) -> dict:
    page.keyboard.press(key)
    return focused(page)


def tab_to(page: Page, wanted: Callable[[dict], bool], key: str = "Tab", limit: int = 40) -> dict:
    """Press Tab (or Shift+Tab) until the focused element is the wanted one; return it."""
    seen = []
    for _ in range(limit):
        now = press(page, key)
        if wanted(now):
            return now
        seen.append(now)
    raise AssertionError(f"{key} never reached the element; focus went through {seen}")


def is_button(action: str) -> Callable[[dict], bool]:
    return lambda f: f["tag"] == "button" and f["name"] == "action" and f["value"] == action


def answer_by_keyboard(page: Page, answers: dict[str, str]) -> None:
    """Choose answers with Tab, Space and arrow keys, ending with the focus on Next."""
    now = tab_to(page, lambda f: f["type"] == "radio")
    for index, (name, value) in enumerate(answers.items()):
        if index:
            now = press(page, "Tab")
        values = page.eval_on_selector_all(f'#answers input[name="{name}"]', "es => es.map(e => e.value)")
        # Nothing is chosen yet, so Tab enters a group on its first radio; Space chooses it,
        # and each arrow key moves one radio on and chooses that one.
        assert (now["type"], now["name"], now["value"]) == ("radio", name, values[0]), now
        page.keyboard.press("Space")
        arrow = "ArrowDown" if name == LEVEL_FIELD else "ArrowRight"
        for _ in range(values.index(value)):
            page.keyboard.press(arrow)
        assert checked(page).get(name) == value, f"{name}: keyboard did not choose {value}"
    assert is_button("next")(press(page, "Tab")), "Tab after the last question does not reach Next"


def after_last_area(page: Page, lang: str) -> bool:
    """Wait for the page after the last area; return whether it is the optional profile."""
    page.wait_for_url(re.compile(rf"/{lang}/(profile|results)$"))
    return page.url.endswith("/profile")


def check_results(visit: Visit, lang: str) -> None:
    """The results page shows the chart and the table of the planned answers, in this language."""
    page = visit.page
    page.wait_for_url(f"**/{lang}/results")
    assert visit.html_lang() == lang
    chart = page.locator("svg[role=img]").first
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0, box
    rows = page.locator("table").first.locator("tbody tr")
    assert rows.count() == 6
    table = [(row.locator("th").inner_text(), row.locator("td").first.inner_text()) for row in rows.all()]
    assert table == [(r.area.title.in_(lang), str(r.score)) for r in EXPECTED]
    assert visit.requests, "no requests were recorded"
    assert visit.foreign_requests() == [], "the browser fetched something from another origin"


def touch_journey(visit: Visit, lang: str) -> None:
    """Start on the landing page and answer every area by tapping, ending on the results."""
    page = visit.page
    page.goto(f"/{lang}/")
    assert visit.html_lang() == lang
    tap_and_wait(page, START)
    for area_id in AREA_IDS:
        page.wait_for_url(f"**/{lang}/area/{area_id}")
        answers = plan_for(area_id)
        tap_answers(page, answers)
        assert checked(page) == answers
        tap_and_wait(page, NEXT)
    if after_last_area(page, lang):
        tap_and_wait(page, PROFILE_SUBMIT)
    check_results(visit, lang)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_whole_checklist_by_touch_on_a_phone(open_page, lang):
    """The whole checklist can be done by tapping at 390×844, and ends with the chart and table."""
    touch_journey(open_page(), lang)


def test_whole_checklist_without_javascript(open_page):
    """With JavaScript off every step still works, the language switch included."""
    visit = open_page(java_script_enabled=False)
    page = visit.page
    page.goto("/fi/")
    tap_and_wait(page, START)
    for area_id in AREA_IDS[:2]:
        page.wait_for_url(f"**/fi/area/{area_id}")
        tap_answers(page, plan_for(area_id))
        tap_and_wait(page, NEXT)
    # Without JavaScript the language menu is plain links to the same area in each language:
    # used before answering, it loses nothing.
    third = AREA_IDS[2]
    page.wait_for_url(f"**/fi/area/{third}")
    tap_and_wait(page, ".languages__link[hreflang=en]")
    for area_id in AREA_IDS[2:]:
        page.wait_for_url(f"**/en/area/{area_id}")
        tap_answers(page, plan_for(area_id))
        assert checked(page) == plan_for(area_id)
        tap_and_wait(page, NEXT)
    if after_last_area(page, "en"):
        tap_and_wait(page, PROFILE_SUBMIT)
    check_results(visit, "en")


def test_whole_checklist_by_keyboard_only(open_page):
    """Tab, Shift+Tab, arrow keys, Space and Enter alone take a person through the checklist."""
    visit = open_page(**DESKTOP)
    page = visit.page
    page.goto("/en/")
    tab_to(page, lambda f: f["tag"] == "button" and f["start"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for number, area_id in enumerate(AREA_IDS, 1):
        page.wait_for_url(f"**/en/area/{area_id}")
        answers = plan_for(area_id)
        answer_by_keyboard(page, answers)
        if number == 1:
            # Go back to the last question to change the answer, and change it back.
            last, value = list(answers.items())[-1]
            now = press(page, "Shift+Tab")
            assert (now["name"], now["value"]) == (last, value), "Shift+Tab does not return to the answer"
            page.keyboard.press("ArrowRight")
            assert checked(page)[last] != value
            page.keyboard.press("ArrowLeft")
            assert checked(page)[last] == value
            assert is_button("next")(press(page, "Tab"))
        assert checked(page) == answers
        with page.expect_navigation():
            page.keyboard.press("Enter")
    if after_last_area(page, "en"):
        # Every profile question is optional: Tab past them to the button.
        tab_to(page, lambda f: f["tag"] == "button")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    check_results(visit, "en")


def test_switching_language_midway_keeps_the_answers(open_page):
    """The header switch on area 3 opens area 3 in English, with every answer so far kept."""
    visit = open_page()
    page = visit.page
    page.goto("/fi/")
    tap_and_wait(page, START)
    for area_id in AREA_IDS[:2]:
        tap_answers(page, plan_for(area_id))
        tap_and_wait(page, NEXT)
    third = AREA_IDS[2]
    page.wait_for_url(f"**/fi/area/{third}")
    given = dict(list(plan_for(third).items())[:2])
    tap_answers(page, given)

    tap_and_wait(page, ".languages__link[hreflang=en]")
    page.wait_for_url(f"**/en/area/{third}")
    assert visit.html_lang() == "en"
    assert checked(page) == given
    assert page.locator(".error-summary").count() == 0, "switching language is not an error"
    for area_id in reversed(AREA_IDS[:2]):
        tap_and_wait(page, BACK)
        page.wait_for_url(f"**/en/area/{area_id}")
        assert checked(page) == plan_for(area_id), f"answers of {area_id} were lost"

    for area_id in AREA_IDS[1:3]:
        tap_and_wait(page, NEXT)
        page.wait_for_url(f"**/en/area/{area_id}")
    for area_id in AREA_IDS[2:]:
        page.wait_for_url(f"**/en/area/{area_id}")
        already = checked(page)
        tap_answers(page, {k: v for k, v in plan_for(area_id).items() if k not in already})
        assert checked(page) == plan_for(area_id)
        tap_and_wait(page, NEXT)
    if after_last_area(page, "en"):
        tap_and_wait(page, PROFILE_SUBMIT)
    check_results(visit, "en")


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_no_page_scrolls_sideways_at_320px(open_page, lang):
    """At 320 CSS pixels, the narrowest common phone, no page is wider than the screen."""
    visit = open_page(viewport={"width": 320, "height": 640})
    page = visit.page
    too_wide = {}

    def measure(name: str) -> None:
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[name] = (width, page.evaluate(OVERFLOWING))

    for name, path in [
        ("landing", f"/{lang}/"),
        ("privacy", f"/{lang}/privacy"),
        ("404", f"/{lang}/nowhere"),
        ("counsellor", f"/{lang}/counsellor"),
    ]:
        page.goto(path)
        measure(name)
    visit.start(lang)
    measure("area")
    visit.submit(NEXT)
    measure("area with errors")
    page.goto(f"/{lang}/area/{LANGUAGE_AREA_ID}")
    measure("language area")
    visit.complete(lang)
    measure("results")
    page.goto(f"/{lang}/results/print")
    measure("print")
    # A second round adds a column of changes to the table and a line to the chart.
    visit.complete(lang)
    measure("results of a second round")
    assert visit.foreign_requests() == []
    assert too_wide == {}, f"pages wider than 320 px (scrollWidth): {too_wide}"


@pytest.mark.parametrize("lang, how, left_out", [("fi", "touch", "every"), ("en", "keyboard", "one")])
def test_error_summary_takes_focus_and_links_to_the_question(open_page, lang, how, left_out):
    """After Next with questions unanswered, the summary has focus and a link focuses its question."""
    visit = open_page()
    page = visit.page
    visit.start(lang)
    area = CHECKLIST.area(AREA_IDS[0])
    ids = [s.id for s in area.statements]
    missing = ids if left_out == "every" else [ids[1]]
    given = {k: v for k, v in plan_for(area.id).items() if k not in missing}
    tap_answers(page, given)
    tap_and_wait(page, NEXT)

    assert page.url.endswith(f"/{lang}/area/{area.id}")
    assert "error-summary" in focused(page)["classes"], "the error summary does not have focus"
    links = page.locator(".error-summary a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [f"#{i}" for i in missing]
    assert checked(page) == given, "the answers given were not kept"
    target = missing[-1]
    if how == "touch":
        links.last.tap()
    else:
        tab_to(page, lambda f: f["tag"] == "a" and f["href"] == f"#{target}")
        page.keyboard.press("Enter")
    now = focused(page)
    first_value = page.get_attribute(f'#answers input[name="{target}"]', "value")
    assert (now["type"], now["name"], now["value"], now["id"]) == ("radio", target, first_value, target)
    assert visit.foreign_requests() == []


def test_error_summary_link_shows_the_question_it_focuses(open_page):
    """After following an error-summary link on a phone, the question is on screen, not just a radio."""
    visit = open_page()
    page = visit.page
    visit.start("en")
    visit.submit(NEXT)
    target = CHECKLIST.area(AREA_IDS[0]).statements[1].id
    page.locator(f'.error-summary a[href="#{target}"]').tap()
    assert focused(page)["id"] == target
    legend = page.locator(f'fieldset:has(input[name="{target}"]) legend')
    box = legend.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 844, (
        f"the question's legend is off screen (top at {box and round(box['y'])} px): a person sees "
        "a radio labelled with an answer, but not the question it answers"
    )
