"""Sharing results with a counsellor, next steps, both languages on one screen, deletion, expiry."""

import re
from datetime import timedelta

import pytest

from checklist.models import Round, db, utcnow

from conftest import CheckingClient
from helpers import CHECKLIST, complete
from pagecheck import NS, parse, score_rows, text_of


def share_code(client, lang: str = "en") -> str:
    html = client.get(f"/{lang}/results").get_data(as_text=True)
    return re.search(r'<strong class="code" dir="ltr">([A-Z0-9-]+)</strong>', html).group(1)


@pytest.fixture
def client_and_code(client):
    complete(client, "en", {"tools": 0, "language": 1})
    client.post_form("/en/profile", {"municipality": "Äänekoski"})
    return client, share_code(client)


@pytest.fixture
def counsellor(app) -> CheckingClient:
    return app.test_client()


def test_the_results_show_a_share_code_and_its_qr_code(client_and_code):
    client, code = client_and_code
    html = client.get("/en/results").get_data(as_text=True)
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code)
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox=' in html and 'class="qr"' in html
    # Reloading keeps the same code.
    assert share_code(client) == code


def test_a_counsellor_opens_the_results_with_the_code_and_sees_every_answer(client_and_code, counsellor):
    _, code = client_and_code
    response = counsellor.post_form("/fi/counsellor", {"code": code.lower().replace("-", " ")})
    assert response.location == "/fi/session"
    html = counsellor.get("/fi/session").get_data(as_text=True)
    assert "<h1>Ohjaustapaaminen</h1>" in html
    for statement in CHECKLIST.statements():
        assert statement.text.in_("fi") in html
    document = parse(html)
    rows = {
        text_of(row[0]): (text_of(row[1]), row.get("class"))
        for row in document.iter(f"{NS}tr")
        if len(row) == 2 and row[0].tag == f"{NS}td"
    }
    # The low answers are marked so the eye finds them.
    assert rows[CHECKLIST.statement("cv-finnish").text.in_("fi")] == ("▼ Ei pidä paikkaansa", "answer--low")
    assert rows[CHECKLIST.statement("know-own-level").text.in_("fi")] == ("▼ Pitää vähän paikkansa", "answer--low")
    assert rows[CHECKLIST.statement("find-job-ads").text.in_("fi")] == ("Pitää melko hyvin paikkansa", None)
    assert "Suomen kielen taso: A2 – perustaso" in text_of(document)
    assert 'action="/fi/session/steps"' in html


@pytest.mark.parametrize("typed", ["WRNG-C0DE-XXXX", "ABCD-EFGH-JKMN", "<script>", "   "])
def test_a_wrong_code_and_an_expired_code_get_the_same_answer(client_and_code, counsellor, app, typed):
    _, code = client_and_code
    wrong = counsellor.post_form("/en/counsellor", {"code": typed})
    with app.app_context():
        found = db.session.scalars(db.select(Round)).one()
        found.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    expired = counsellor.post_form("/en/counsellor", {"code": code})
    if typed.strip():
        assert wrong.status_code == expired.status_code == 404
        message = "No results were found for this code."
        assert message in wrong.get_data(as_text=True) and message in expired.get_data(as_text=True)
    else:
        assert "Enter the share code" in wrong.get_data(as_text=True)
    assert "<script>" not in wrong.get_data(as_text=True).split("<body>")[1].replace('<script src="', "")


def test_code_look_ups_are_rate_limited_per_address(client_and_code, counsellor, app):
    _, code = client_and_code
    limit = int(app.config["RATELIMIT_CODE_LOOKUPS"].split()[0])
    address = {"REMOTE_ADDR": "192.0.2.10"}
    for _ in range(limit):
        wrong = counsellor.post_form("/en/counsellor", {"code": "AAAA-AAAA-AAAA"}, environ_base=address)
        assert wrong.status_code == 404
    blocked = counsellor.post_form("/en/counsellor", {"code": code}, environ_base=address)
    assert blocked.status_code == 429
    assert "Too many tries" in blocked.get_data(as_text=True)
    # Another address is not blocked.
    other = counsellor.post_form("/en/counsellor", {"code": code}, environ_base={"REMOTE_ADDR": "192.0.2.11"})
    assert other.status_code == 302


def test_the_code_never_appears_in_a_url_or_a_referrer(client_and_code, counsellor):
    client, code = client_and_code
    results = client.get("/en/results")
    # Referers go to our own origin only, and the code is in no URL of ours.
    assert results.headers["Referrer-Policy"] == "same-origin"
    # The QR link carries the code only after '#', which browsers never send to the server.
    hrefs = re.findall(r'(?:href|action)="([^"]*)"', results.get_data(as_text=True))
    assert not [h for h in hrefs if code in h or code.replace("-", "") in h]
    response = counsellor.post_form("/en/counsellor", {"code": code})
    assert code not in response.location and code.replace("-", "") not in response.location


def test_next_steps_are_saved_and_shown_to_the_client(client_and_code, counsellor):
    client, code = client_and_code
    counsellor.post_form("/en/counsellor", {"code": code})
    steps = {
        "steps-0-text": "  Update the CV\nand send it  ",
        "steps-0-who": "client",
        "steps-0-due": "2026-12-04",
        "steps-1-text": "",
        "steps-2-text": "Apply for a work trial <b>now</b>",
        "steps-2-who": "counsellor",
    }
    response = counsellor.post_form("/en/session/steps", steps)
    assert response.location == "/en/session?saved=1#next-steps"
    assert "The next steps are saved" in counsellor.get(response.location).get_data(as_text=True)
    results = text_of(parse(client.get("/en/results").get_data(as_text=True)))
    assert "Update the CV and send it (Client, by Dec 4, 2026)" in results
    assert "Apply for a work trial <b>now</b> (Counsellor)" in results
    printed = text_of(parse(client.get("/en/results/print").get_data(as_text=True)))
    assert "Update the CV and send it (Client, by Dec 4, 2026)" in printed


def test_too_long_and_too_many_next_steps_are_refused(client_and_code, counsellor, app):
    _, code = client_and_code
    counsellor.post_form("/en/counsellor", {"code": code})
    response = counsellor.post_form("/en/session/steps", {"steps-0-text": "x" * 201, "steps-1-due": "31.2.2026"})
    assert response.status_code == 200
    summary = parse(response.get_data(as_text=True)).find(f".//{NS}div[@class='error-summary']")
    links = [(a.get("href"), text_of(a)) for a in summary.iter(f"{NS}a")]
    assert links == [
        ("#steps-0-text", "Step 1 – Write at most 200 characters"),
        ("#steps-1-due", "Step 2 – Enter a real date, for example 31.12.2026"),
    ]
    counsellor.post_form("/en/session/steps", {f"steps-{i}-text": f"step {i}" for i in range(8)})
    with app.app_context():
        saved = db.session.scalars(db.select(Round)).one().next_steps
        assert [s.text for s in saved] == [f"step {i}" for i in range(5)]


def test_the_session_view_needs_an_opened_code(counsellor):
    assert counsellor.get("/en/session").location == "/en/counsellor"
    assert counsellor.post_form("/en/session/steps", {"steps-0": "x"}).location == "/en/counsellor"


def test_closing_forgets_the_opened_results(client_and_code, counsellor):
    _, code = client_and_code
    counsellor.post_form("/en/counsellor", {"code": code})
    counsellor.post_form("/en/session/close")
    assert counsellor.get("/en/session").location == "/en/counsellor"


def test_any_second_language_on_one_screen(client_and_code, counsellor):
    _, code = client_and_code
    counsellor.post_form("/fi/counsellor", {"code": code})
    response = counsellor.post_form("/fi/second-language", {"second_language": "en", "back": "/fi/session"})
    assert response.location == "/fi/session"
    html = counsellor.get("/fi/session").get_data(as_text=True)
    cv = CHECKLIST.statement("cv-finnish")
    assert f'{cv.text.in_("fi")}<span class="second" lang="en" dir="ltr">{cv.text.in_("en")}</span>' in html
    assert 'Ei pidä paikkaansa<span class="second" lang="en" dir="ltr">Not true</span>' in html
    area = counsellor.get("/fi/area/tools").get_data(as_text=True)
    assert f'<span class="second" lang="en" dir="ltr">{cv.text.in_("en")}</span>' in area
    # Arabic with Finnish under each text: the Finnish keeps its own direction.
    counsellor.post_form("/ar/second-language", {"second_language": "fi", "back": "/ar/session"})
    html = counsellor.get("/ar/session").get_data(as_text=True)
    assert f'{cv.text.in_("ar")}<span class="second" lang="fi" dir="ltr">{cv.text.in_("fi")}</span>' in html
    counsellor.post_form("/fi/second-language", {"second_language": "", "back": "/fi/session"})
    assert 'class="second"' not in counsellor.get("/fi/session").get_data(as_text=True)


@pytest.mark.parametrize(
    "back",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "\\/evil.example",
        "javascript:x",
        # Browsers drop tabs and newlines from a Location: these would become //evil.example.
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "/fi/session\r\nSet-Cookie: x=1",
        "/ /evil.example",
        "/\u2028/evil.example",
        "",
        "evil.example",
    ],
)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_language_toggle_never_redirects_elsewhere(client, back, lang):
    response = client.post_form(f"/{lang}/second-language", {"second_language": "fi", "back": back})
    assert response.status_code == 302
    assert response.location == f"/{lang}/"


@pytest.mark.parametrize("back", ["/fi/session", "/fi/results?second=en", "/fi/area/tools"])
def test_the_language_toggle_goes_back_to_a_page_of_this_site(client, back):
    assert client.post_form("/fi/second-language", {"second_language": "en", "back": back}).location == back


def test_deleting_is_immediate_and_the_code_stops_working(client_and_code, counsellor, app):
    client, code = client_and_code
    client.post_form("/en/start")
    complete(client, "en")
    response = client.post_form("/en/results/delete", {"confirm": "yes"})
    assert response.status_code == 200
    assert "Your answers are deleted" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(db.select(Round)).all() == []
    assert client.get("/en/results").status_code == 404
    assert counsellor.post_form("/en/counsellor", {"code": code}).status_code == 404


def test_purge_expired_deletes_only_what_has_expired(app, runner, client):
    complete(client, "en")
    with app.app_context():
        db.session.add(Round.start("channels", retention_days=-1, content_version="test"))
        db.session.commit()
    result = runner.invoke(args=["purge-expired"])
    assert "Deleted 1 expired round(s) and 0 statistics record(s)." in result.output
    with app.app_context():
        assert len(db.session.scalars(db.select(Round)).all()) == 1


def test_taking_it_again_shows_the_progress(client, counsellor):
    complete(client, "en", {"tools": 0})
    code_before = share_code(client)
    client.post_form("/en/start")
    complete(client, "en", {"tools": 2})
    html = client.get("/en/results").get_data(as_text=True)
    assert "The dashed line shows your previous round." in html and "stroke-dasharray" in html
    rows = score_rows(parse(html))
    assert ["Job-search tools", "67", "+67", "Keep going"] in rows
    assert ["Job-search channels", "67", "+0", "Keep going"] in rows
    counsellor.post_form("/en/counsellor", {"code": share_code(client)})
    session_view = counsellor.get("/en/session").get_data(as_text=True)
    assert "stroke-dasharray" in session_view and "+67" in session_view
    assert "+67" in client.get("/en/results/print").get_data(as_text=True)
    assert share_code(client) != code_before


@pytest.mark.parametrize(("lang", "second"), [("en", "fi"), ("fi", "en")])
def test_the_print_view_can_add_a_page_in_the_other_language(client_and_code, lang, second):
    client, _ = client_and_code
    html = client.get(f"/{lang}/results/print?second={second}").get_data(as_text=True)
    assert html.count('class="sheet"') == 2
    assert f'<article class="sheet" lang="{second}" dir="ltr">' in html
    single = client.get(f"/{lang}/results/print?second=xx").get_data(as_text=True)
    assert single.count('class="sheet"') == 1
    assert 'class="header' not in single  # no navigation in print
