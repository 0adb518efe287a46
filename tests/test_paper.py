"""The blank checklist on paper, in one language or two side by side, and keying its answers in."""

from __future__ import annotations

import pytest

from checklist.models import Round, db

from helpers import CHECKLIST
from pagecheck import NS, parse, score_rows, text_of


def rows(document) -> list:
    return document.findall(f".//{NS}table[@class='paper__table']/{NS}tbody/{NS}tr")


@pytest.mark.parametrize("lang", ["fi", "ar"])
def test_the_blank_checklist_has_a_box_for_each_answer_a_sentence_accepts(client, lang):
    document = parse(client.get(f"/{lang}/paper").get_data(as_text=True))
    found = rows(document)
    statements = list(CHECKLIST.statements())
    assert [text_of(row.find(f"{NS}th")) for row in found] == [s.text.in_(lang) for s in statements]
    for row, statement in zip(found, statements, strict=True):
        boxes = row.findall(f".//{NS}span[@class='paper__box']")
        # Four boxes; a fifth, "Not relevant to me", only where the sentence offers it.
        assert len(boxes) == (5 if statement.may_not_apply else 4), statement.id
    levels = document.findall(f".//{NS}ul[@class='paper__levels']/{NS}li")
    assert [text_of(li) for li in levels] == [level.label.in_(lang) for level in CHECKLIST.finnish_levels]


def test_two_languages_side_by_side_each_with_its_own_direction(client):
    document = parse(client.get("/ar/paper?second=fi").get_data(as_text=True))
    cv = CHECKLIST.statement("cv-finnish")
    row = next(r for r in rows(document) if cv.text.in_("fi") in text_of(r))
    texts = row.find(f"{NS}th").findall(f"{NS}span")
    assert [(t.get("lang"), t.get("dir"), text_of(t)) for t in texts] == [
        ("ar", "rtl", cv.text.in_("ar")),
        ("fi", "ltr", cv.text.in_("fi")),
    ]
    # A draft language says so on the paper, in its own words.
    assert len(document.findall(f".//{NS}p[@class='sheet__draft']")) == 1
    # An unknown or the same language adds nothing.
    for second in ("xx", "ar"):
        single = parse(client.get(f"/ar/paper?second={second}").get_data(as_text=True))
        assert not single.findall(f".//{NS}span[@lang='fi']")


def test_a_counsellor_keys_in_a_paper_checklist_and_gets_a_round_with_its_own_code(client, app):
    answers = {
        **{s.id: "3" for s in CHECKLIST.area("channels").statements},
        **{s.id: "0" for s in CHECKLIST.area("working-life").statements},
        "cv-finnish": "1",
        "application": "2",
        "find-course": "1",
        "weekly-search": "3",
        "contact-employers": "2",
    }
    response = client.post_form("/fi/counsellor/paper", {**answers, "finnish-level": "A2", "municipality": "Äänekoski"})
    assert response.location == "/fi/session"
    document = parse(client.get("/fi/session").get_data(as_text=True))
    # Worked by hand: channels 100; tools (1 + 2) / 6 = 50; working life 0; nothing from the
    # paper in "competence", so no score; language 1 / 3 = 33; attitude (3 + 2) / 6 = 83.
    printed = parse(client.get("/fi/session/print").get_data(as_text=True))
    assert [row[1] for row in score_rows(printed)] == ["100", "50", "0", "–", "33", "83"]
    with app.app_context():
        stored = db.session.scalars(db.select(Round)).one()
        assert stored.answers == {key: int(value) for key, value in answers.items()}
        assert stored.finnish_level == "A2" and stored.profile == {"municipality": "Äänekoski"}
        assert stored.completed_at is not None and stored.share_code
        code = stored.share_code
    assert text_of(document.find(f".//{NS}strong[@class='code']")).replace("-", "") == code.replace("-", "")
    # The code opens the results in any browser, as one made on a phone does.
    other = app.test_client()
    assert other.post_form("/fi/counsellor", {"code": code}).location == "/fi/session"


def test_an_empty_or_tampered_paper_is_refused_with_a_message_and_nothing_is_saved(client, app):
    empty = client.post_form("/fi/counsellor/paper", {})
    assert empty.status_code == 200 and "Syötä paperilta ainakin yksi vastaus" in empty.get_data(as_text=True)
    tampered = client.post_form("/fi/counsellor/paper", {"cv-finnish": "9", "linkedin": "-1"})
    assert "error-summary" in tampered.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(db.select(Round)).all() == []


def test_not_relevant_is_offered_on_the_entry_page_only_where_the_sentence_offers_it(client):
    document = parse(client.get("/en/counsellor/paper").get_data(as_text=True))
    for statement in CHECKLIST.statements():
        values = {i.get("value") for i in document.iter(f"{NS}input") if i.get("name") == statement.id}
        assert values == {"0", "1", "2", "3", ""} | ({"-1"} if statement.may_not_apply else set())
