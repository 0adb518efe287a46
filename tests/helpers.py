"""Helpers for driving the checklist through the test client."""

from __future__ import annotations

from checklist import load_content
from checklist.config import settings
from checklist.content import LANGUAGE_AREA_ID
from checklist.forms import LEVEL_FIELD

# The content is read once for the whole test run, with its translations; it is immutable, so
# every test shares it.
CHECKLIST, CATALOGUE = load_content(settings("test"))
AREA_IDS = [area.id for area in CHECKLIST.areas]
# Every configured language, in menu order.
LANGS = [language["code"] for language in settings("test")["LANGUAGES"]]


def second_language_for(lang: str) -> str:
    """Return the language a counsellor would show beside this one: Finnish, or English beside Finnish."""
    return "en" if lang == "fi" else "fi"


def area_answers(area_id: str, value: int | dict[str, int], level: str = "A2") -> dict[str, str]:
    """Return form data answering every statement of an area (one value for all, or per statement)."""
    area = CHECKLIST.area(area_id)
    data = {s.id: str(value[s.id] if isinstance(value, dict) else value) for s in area.statements}
    if area_id == LANGUAGE_AREA_ID:
        data[LEVEL_FIELD] = level
    return data


def complete(client, lang: str = "fi", values: dict[str, int] | None = None, level: str = "A2"):
    """Start a round and answer every area, each with one value (2 by default); return the last response."""
    values = values or {}
    response = client.post_form(f"/{lang}/start")
    for area_id in AREA_IDS:
        response = client.post_form(
            f"/{lang}/area/{area_id}",
            {**area_answers(area_id, values.get(area_id, 2), level), "action": "next"},
        )
    return response


def add_statistics(quarter: str, count: int, employment_area: str | None = "jyvaskyla-muurame") -> None:
    """Write `count` statistics records into a quarter (in an app context), as rounds finished then
    would have: the figures show only ended quarters, so pages under test need some there."""
    import secrets

    from checklist.models import StatisticsLow, StatisticsRecord, StatisticsScore, db

    statements = [s.id for s in CHECKLIST.statements()]
    for number in range(count):
        place = {"quarter": quarter, "employment_area": employment_area}
        db.session.add(
            StatisticsRecord(
                key=secrets.token_urlsafe(32),
                finnish_level="A2",
                retake=False,
                scores=[
                    StatisticsScore(area_id=a, score=(number * 23 + i * 17) % 101, **place)
                    for i, a in enumerate(AREA_IDS)
                ],
                low=[StatisticsLow(statement_id=s, **place) for s in statements[:: 3 + number % 2]],
                **place,
            )
        )
    db.session.commit()
