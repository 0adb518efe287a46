"""What every template can use: the language, texts in it, the language switch and the chart."""

from __future__ import annotations

from collections.abc import Sequence

from flask import Flask, request, url_for
from flask_babel import gettext
from markupsafe import Markup

from . import messages
from .chart import radar_svg
from .content import Text
from .i18n import LANGUAGE_NAMES, current_language, other_language
from .rounds import resume_url
from .scoring import AreaResult, scores


def tr(text: Text | None) -> str:
    """Return a content text in the page's language."""
    return text(current_language()) if text is not None else ""


def switch_url() -> str:
    """Return this page in the other language, or the other language's landing page."""
    other = other_language(current_language())
    if request.endpoint and request.url_rule and "lang" in request.url_rule.arguments:
        return url_for(request.endpoint, **(request.view_args or {}), lang=other)
    return url_for("pages.landing", lang=other)


def chart_description(results: Sequence[AreaResult]) -> str:
    """Return the chart's text alternative: every area with its score."""
    parts = ", ".join(f"{tr(r.area.title)} {r.score}" for r in results)
    return gettext("Radar chart of your scores from 0 to 100: %(scores)s.", scores=parts)


def radar_chart(results: Sequence[AreaResult], previous: Sequence[AreaResult] | None = None) -> Markup:
    """Return the inline SVG radar chart of these results."""
    labels = tuple(tr(r.area.short) for r in results)
    svg = radar_svg(
        labels, scores(results), scores(previous) if previous else None, chart_description(results)
    )
    return Markup(svg)


def init_app(app: Flask) -> None:
    content = app.extensions["checklist"]
    app.jinja_env.globals.update(
        tr=tr,
        switch_url=switch_url,
        radar_chart=radar_chart,
        resume_url=resume_url,
        language_names=LANGUAGE_NAMES,
        checklist_areas=content.areas,
        checklist_statement=content.statement,
        finnish_level_of=content.finnish_level,
        retention_days=app.config["RETENTION_DAYS"],
        answer_labels=messages.ANSWER_LABELS,
        answer_choices=[(value, label, None) for value, label in messages.ANSWER_LABELS.items()],
        level_names=messages.LEVEL_NAMES,
        yes_no_labels=messages.YES_NO_LABELS,
        target_group_names=messages.TARGET_GROUP_NAMES,
        kind_names=messages.KIND_NAMES,
    )

    @app.context_processor
    def language() -> dict:
        lang = current_language()
        return {"lang": lang, "other_lang": other_language(lang)}
