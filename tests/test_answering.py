import pytest

from checklist.models import Round, db

from helpers import AREA_IDS, CHECKLIST, area_answers, complete
from pagecheck import NS, SVG, parse, score_rows, text_of


def stored_round(app) -> Round:
    with app.app_context():
        rounds = db.session.scalars(db.select(Round)).all()
        assert len(rounds) == 1
        return rounds[0]


@pytest.mark.parametrize(
    ("lang", "heading", "button"),
    [("fi", "Tarkista työnhaun taitosi", "Aloita"), ("en", "Check your job-search skills", "Start now")],
)
def test_the_landing_page_explains_and_starts(client, lang, heading, button):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    assert f"<h1>{heading}</h1>" in html
    assert button in html
    assert "180" in html  # how long answers are kept
    assert f'href="/{lang}/privacy"' in html


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_whole_checklist_in_either_language(client, app, lang):
    response = client.post_form(f"/{lang}/start")
    assert response.location == f"/{lang}/area/channels"
    for number, area_id in enumerate(AREA_IDS, start=1):
        page = client.get(f"/{lang}/area/{area_id}").get_data(as_text=True)
        area = CHECKLIST.area(area_id)
        assert area.title.in_(lang) in page
        assert (f"Osa-alue {number} / 6" if lang == "fi" else f"Area {number} of 6") in page
        for statement in area.statements:
            assert statement.text.in_(lang).replace("'", "&#39;") in page
        values = {s.id: i % 4 for i, s in enumerate(area.statements)}
        response = client.post_form(
            f"/{lang}/area/{area_id}", {**area_answers(area_id, values, "B1"), "action": "next"}
        )
        expected = f"/{lang}/area/{AREA_IDS[number]}" if number < 6 else f"/{lang}/profile"
        assert response.location == expected
    stored = stored_round(app)
    assert stored.answers["find-job-ads"] == 0 and stored.answers["career-pages"] == 1
    assert stored.finnish_level == "B1"
    assert stored.step == "profile" and stored.completed_at is not None

    page = client.get(f"/{lang}/results")
    assert page.status_code == 200
    document = parse(page.get_data(as_text=True))
    assert document.find(f".//{SVG}svg") is not None
    assert [row[0] for row in score_rows(document)] == [a.title.in_(lang) for a in CHECKLIST.areas]


def test_results_show_hand_worked_scores_strengths_and_low_statements(client):
    complete(
        client,
        "en",
        {"channels": 3, "tools": 0, "working-life": 2, "competence": 1, "language": 3, "attitude": 3},
    )
    html = client.get("/en/results").get_data(as_text=True)
    document = parse(html)
    assert score_rows(document) == [
        ["Job-search channels", "100", "Strength"],
        ["Job-search tools", "0", "Start here"],
        ["Knowledge of working life", "67", "Keep going"],
        ["Your skills and experience", "33", "Start here"],
        ["Language skills", "100", "Strength"],
        ["An active and positive attitude", "100", "Strength"],
    ]
    # The chart's text alternative gives the same figures.
    title = text_of(document.find(f".//{SVG}svg/{SVG}title"))
    assert "Job-search tools 0" in title and "Your skills and experience 33" in title
    # One sentence says it in plain words: the strengths, and the two lowest areas to start with.
    lead = text_of(document.find(f".//{NS}p[@class='lead']"))
    assert lead == (
        "You are strong in Job-search channels, Language skills, and An active and positive attitude. "
        "Start with Job-search tools and Your skills and experience."
    )
    # Each area's own page lists the statements answered low, with the answer.
    cv = CHECKLIST.statement("cv-finnish").text.in_("en")
    assert f'{cv} <span class="answer">(Not true)</span>' in client.get("/en/results/tools").get_data(as_text=True)
    encouragement = CHECKLIST.area("channels").encouragement.in_("en")
    assert encouragement in client.get("/en/results/channels").get_data(as_text=True)


def test_back_saves_the_answers_and_goes_to_the_previous_area(client, app):
    complete(client, "fi")
    data = area_answers("tools", 3)
    data.pop("cv-finnish")
    response = client.post_form("/fi/area/tools", {**data, "action": "back"})
    assert response.location == "/fi/area/channels"
    stored = stored_round(app)
    assert stored.answers["interview-prep"] == 3
    assert stored.answers["cv-finnish"] == 2  # not sent this time: the stored answer stays
    assert stored.step == "channels"


def test_back_from_the_first_area_goes_to_the_landing_page(client):
    client.post_form("/en/start")
    response = client.post_form("/en/area/channels", {"action": "back"})
    assert response.location == "/en/"


def test_an_unanswered_statement_shows_the_error_summary_and_keeps_the_rest(client, app):
    client.post_form("/en/start")
    data = area_answers("channels", 2)
    data.pop("tell-network")
    data["find-job-ads"] = "3"
    response = client.post_form("/en/area/channels", {**data, "action": "next"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    document = parse(html)
    assert text_of(document.find(f".//{NS}title")).startswith("Error: Job-search channels")
    summary = document.find(f".//{NS}div[@class='error-summary']")
    links = summary.findall(f".//{NS}a")
    question = CHECKLIST.statement("tell-network").text.in_("en")
    assert [(a.get("href"), text_of(a)) for a in links] == [
        ("#tell-network", f"{question} – Choose how well this describes you")
    ]
    assert 'id="tell-network-error"' in html
    assert 'aria-describedby="tell-network-hint tell-network-error"' in html
    # The answers given are shown again, and saved.
    assert 'id="find-job-ads-4" name="find-job-ads" type="radio" value="3" checked' in html
    assert stored_round(app).answers["find-job-ads"] == 3
    assert stored_round(app).step == "channels"


def test_the_language_page_asks_for_the_finnish_level(client, app):
    client.post_form("/fi/start")
    html = client.get("/fi/area/language").get_data(as_text=True)
    for level in CHECKLIST.finnish_levels:
        assert level.label.in_("fi") in html and level.can_do.in_("fi") in html
    data = area_answers("language", 1)
    data.pop("finnish-level")
    response = client.post_form("/fi/area/language", {**data, "action": "next"})
    assert response.status_code == 200
    document = parse(response.get_data(as_text=True))
    message = "Valitse taso, joka kuvaa parhaiten suomen kielen taitoasi"
    [link] = document.findall(f".//{NS}div[@class='error-summary']//{NS}a")
    assert link.get("href") == "#finnish-level" and text_of(link).endswith(message)
    assert text_of(document.find(f".//{NS}p[@id='finnish-level-error']")) == f"Virhe: {message}"
    assert stored_round(app).finnish_level is None


def test_returning_resumes_where_the_person_left_off(client):
    client.post_form("/en/start")
    client.post_form("/en/area/channels", {**area_answers("channels", 1), "action": "next"})
    client.post_form("/en/area/tools", {**area_answers("tools", 3), "action": "next"})
    landing = client.get("/en/").get_data(as_text=True)
    assert 'href="/en/area/working-life">Continue where you left off' in landing
    tools = client.get("/en/area/tools").get_data(as_text=True)
    assert 'id="cv-finnish-4" name="cv-finnish" type="radio" value="3" checked' in tools


def test_answers_survive_a_server_restart(tmp_path):
    from checklist import create_app

    from conftest import CheckingClient

    config = {"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'restart.db'}"}
    first = create_app(config)
    with first.app_context():
        db.create_all()
    first.test_client_class = CheckingClient
    client = first.test_client()
    client.post_form("/en/start")
    client.post_form("/en/area/channels", {**area_answers("channels", 1), "action": "next"})
    cookie = client.get_cookie("session").value

    restarted = create_app(config)
    restarted.test_client_class = CheckingClient
    other = restarted.test_client()
    other.set_cookie("session", cookie)
    assert 'id="find-job-ads-2" name="find-job-ads" type="radio" value="1" checked' in other.get(
        "/en/area/channels"
    ).get_data(as_text=True)
    assert 'href="/en/area/tools">Continue where you left off' in other.get("/en/").get_data(as_text=True)


def test_start_again_deletes_the_unfinished_round(client, app):
    client.post_form("/en/start")
    client.post_form("/en/area/channels", {**area_answers("channels", 1), "action": "next"})
    first = stored_round(app).id
    client.post_form("/en/start")
    second = stored_round(app)
    assert second.id != first and second.answers == {} and second.previous_id is None


def test_taking_it_again_links_the_new_round_to_the_finished_one(client, app):
    complete(client, "en")
    with app.app_context():
        finished = db.session.scalars(db.select(Round)).one().id
    client.post_form("/en/start")
    with app.app_context():
        rounds = db.session.scalars(db.select(Round).order_by(Round.created_at)).all()
    assert len(rounds) == 2 and rounds[1].previous_id == finished


def test_results_before_finishing_go_back_to_the_current_area(client):
    client.post_form("/en/start")
    client.post_form("/en/area/channels", {**area_answers("channels", 1), "action": "next"})
    assert client.get("/en/results").location == "/en/area/tools"


@pytest.mark.parametrize(("lang", "other"), [("fi", "en"), ("en", "fi"), ("fi", "ar"), ("uk", "fi")])
def test_switching_language_keeps_the_step_and_the_answers(client, app, lang, other):
    client.post_form(f"/{lang}/start")
    client.post_form(f"/{lang}/area/channels", {**area_answers("channels", 3), "action": "next"})
    page = client.get(f"/{lang}/area/tools").get_data(as_text=True)
    assert f'href="/{other}/area/tools"' in page
    # With JavaScript on, the switch sends the form first, so this page's answers are kept too.
    data = area_answers("tools", 1)
    response = client.post_form(f"/{lang}/area/tools", {**data, "action": "switch", "switch_to": other})
    assert response.location == f"/{other}/area/tools"
    switched = client.get(response.location).get_data(as_text=True)
    assert f'<html lang="{other}" dir="{"rtl" if other == "ar" else "ltr"}">' in switched
    assert 'id="cv-finnish-2" name="cv-finnish" type="radio" value="1" checked' in switched
    assert stored_round(app).answers["find-job-ads"] == 3


def test_the_bare_address_follows_the_browser_language(client):
    assert client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).location == "/en/"
    assert client.get("/", headers={"Accept-Language": "fi"}).location == "/fi/"
    assert client.get("/", headers={"Accept-Language": "sv, de;q=0.5"}).location == "/fi/"
    assert client.get("/").location == "/fi/"


def test_finishing_with_an_area_skipped_goes_back_to_it(client, app):
    client.post_form("/en/start")
    response = client.post_form("/en/area/attitude", {**area_answers("attitude", 3), "action": "next"})
    assert response.location == "/en/area/channels"
    assert stored_round(app).completed_at is None
