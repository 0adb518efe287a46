"""The privacy notice says what GDPR Article 13 asks, in both languages, from the configuration."""

from __future__ import annotations

import pytest

from checklist.config import settings

from conftest import make_app

OMBUDSMAN = {"fi": "tietosuojavaltuutettu", "en": "Data Protection Ombudsman"}
RETENTION = {"fi": "poistetaan {} päivän kuluttua", "en": "deleted {} days after"}
COMPLAINT_PAGE = {"fi": 'href="https://tietosuoja.fi/"', "en": 'href="https://tietosuoja.fi/en"'}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_notice_names_the_controller_the_contact_the_retention_and_the_ombudsman(client, lang):
    response = client.get(f"/{lang}/privacy")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Jyväskylän kaupunki – City of Jyväskylä" in html
    assert '<a href="mailto:kirjaamo@jyvaskyla.fi">kirjaamo@jyvaskyla.fi</a>' in html
    assert RETENTION[lang].format(180) in html
    assert OMBUDSMAN[lang] in html
    assert COMPLAINT_PAGE[lang] in html


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fi", ["rekisterinpitäjä", "yleisen edun mukainen tehtävä", "Poista vastauksesi", "rajoita", "vastustaa"]),
        ("en", ["controller", "public interest", "Delete your answers", "limit how your data is used", "object"]),
    ],
)
def test_the_notice_gives_the_legal_basis_and_the_rights(client, lang, words):
    html = client.get(f"/{lang}/privacy").get_data(as_text=True)
    for word in words:
        assert word in html


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_changing_the_settings_changes_the_notice(more_apps, lang):
    client = more_apps(
        make_app(
            PRIVACY_CONTROLLER="Example & Co",
            PRIVACY_CONTACT="https://example.org/privacy",
            RETENTION_DAYS=30,
        )
    )
    html = client.get(f"/{lang}/privacy").get_data(as_text=True)
    assert "Example &amp; Co" in html
    assert '<a href="https://example.org/privacy">https://example.org/privacy</a>' in html
    assert RETENTION[lang].format(30) in html and "180" not in html
    assert "Jyväskylä" not in html and "kirjaamo" not in html


def test_a_contact_that_is_neither_an_address_nor_an_e_mail_is_plain_text(more_apps):
    client = more_apps(make_app(PRIVACY_CONTACT="Ask your counsellor"))
    html = client.get("/en/privacy").get_data(as_text=True)
    assert "Questions about your data: Ask your counsellor</p>" in html


def test_the_controller_and_contact_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("PRIVACY_CONTROLLER", "Keski-Suomen esimerkki ry")
    monkeypatch.setenv("PRIVACY_CONTACT", "tietosuoja@example.org")
    config = settings("test")
    assert config["PRIVACY_CONTROLLER"] == "Keski-Suomen esimerkki ry"
    assert config["PRIVACY_CONTACT"] == "tietosuoja@example.org"
