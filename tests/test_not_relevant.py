"""“Not relevant to me”, areas without a score, and rounds answered on an earlier checklist."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checklist import create_app
from checklist.content import DEFAULT_CHECKLIST_PATH
from checklist.models import Answer, Round, db
from checklist.scoring import NOT_RELEVANT

from conftest import CheckingClient
from helpers import CHECKLIST, area_answers, complete
from pagecheck import NS, parse, text_of

COMPETENCE = CHECKLIST.area("competence")
OPTIONAL = [s.id for s in COMPETENCE.statements if s.may_not_apply]


def score_of(html: str, title: str) -> str:
    """Return the score cell of an area's row in the score table."""
    rows = parse(html).findall(f".//{NS}table[@class='table']/{NS}tbody/{NS}tr")
    row = next(row for row in rows if text_of(row.find(f"{NS}th")).startswith(title))
    return text_of(row.find(f"{NS}td"))


def test_only_statements_that_may_not_apply_offer_not_relevant(client):
    client.post_form("/en/start")
    page = client.get("/en/area/competence").get_data(as_text=True)
    for statement in COMPETENCE.statements:
        offered = f'name="{statement.id}" type="radio" value="{NOT_RELEVANT}"' in page
        assert offered == statement.may_not_apply, statement.id
    assert page.count("Not relevant to me") == len(OPTIONAL) >= 1


def test_not_relevant_answers_do_not_count_in_the_score(client, app):
    assert len(OPTIONAL) >= 2 and len(OPTIONAL) < len(COMPETENCE.statements)
    answers = {s.id: NOT_RELEVANT if s.id in OPTIONAL else 1 for s in COMPETENCE.statements}
    rated = [s.id for s in COMPETENCE.statements if s.id not in OPTIONAL]
    answers[rated[0]] = 3
    complete(client, "en", {"competence": answers})
    # Hand-worked: one 3 and the rest 1 over the statements that apply.
    total, most = 3 + (len(rated) - 1), 3 * len(rated)
    expected = (200 * total + most) // (2 * most)
    assert score_of(client.get("/en/results").get_data(as_text=True), COMPETENCE.title.en) == str(expected)
    with app.app_context():
        stored = db.session.scalar(db.select(Round))
        assert all(stored.answers[key] == NOT_RELEVANT for key in OPTIONAL)
    # The counsellor sees the answer as given.
    assert client.post_form("/fi/counsellor", {"code": stored.share_code}).status_code == 302
    assert "Ei koske minua" in client.get("/fi/session").get_data(as_text=True)


def test_not_relevant_is_refused_where_it_is_not_offered(client, app):
    client.post_form("/en/start")
    data = area_answers("channels", 2)
    data["find-job-ads"] = str(NOT_RELEVANT)
    response = client.post_form("/en/area/channels", {**data, "action": "next"})
    assert response.status_code == 200 and "There is a problem" in response.get_data(as_text=True)


@pytest.fixture
def all_optional_client(tmp_path: Path, more_apps) -> CheckingClient:
    """An app whose competence statements all may not apply."""
    data = yaml.safe_load(Path(DEFAULT_CHECKLIST_PATH).read_text(encoding="utf-8"))
    for area in data["areas"]:
        if area["id"] == "competence":
            for statement in area["statements"]:
                statement["may_not_apply"] = True
    path = tmp_path / "checklist.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = create_app({"CHECKLIST_PATH": str(path)}, environment="test")
    app.test_client_class = CheckingClient
    return more_apps(app)


def test_an_area_where_nothing_applies_says_it_has_no_score(all_optional_client):
    client = all_optional_client
    complete(client, "en", {"competence": NOT_RELEVANT, "tools": 0})
    html = client.get("/en/results").get_data(as_text=True)
    assert score_of(html, COMPETENCE.title.en) == "–"
    assert "No score: none of the sentences in this area apply to you." in html
    title = text_of(parse(html).find(".//{http://www.w3.org/2000/svg}title"))
    assert "Your skills and experience No score" in title
    # Not an area to develop, nor a strength.
    lead = text_of(parse(html).find(f".//{NS}p[@class='lead']"))
    assert "Job-search tools" in lead and COMPETENCE.title.en not in lead
    assert "/en/results/competence" not in html
    page = client.get("/en/results/competence").get_data(as_text=True)
    assert "No score" in page and "Your score" not in page
    printed = client.get("/fi/results/print").get_data(as_text=True)
    assert "Ei pisteitä" in printed


def test_a_round_from_an_earlier_checklist_keeps_its_scores(client, app):
    complete(client, "en", {"tools": 3})
    first = CHECKLIST.area("tools").statements[0].id
    with app.app_context():
        stored = db.session.scalar(db.select(Round))
        # As if the first tools statement had come after the round, and another had been retired.
        db.session.execute(db.delete(Answer).where(Answer.statement_id == first))
        db.session.add(Answer(round_id=stored.id, statement_id="retired-statement", value=0))
        stored.content_version = "2024-01"
        db.session.commit()
    html = client.get("/en/results").get_data(as_text=True)
    # The statements answered then still give 100; the new one and the retired one do not count.
    assert score_of(html, "Job-search tools") == "100"
    assert "The checklist has changed since these answers were given." in html
