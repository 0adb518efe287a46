"""What the templates use: the reading of a request or a printout, the language switch, the chart,
and the parts of pages rendered once and remembered."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from babel.lists import format_list
from flask import Flask, current_app, g, get_template_attribute, request, url_for
from flask_babel import force_locale, format_date, get_locale, gettext
from markupsafe import Markup

from . import messages
from .chart import radar_svg, with_id_suffix
from .content import Statement, Text
from .forms import answer_values
from .i18n import current_language, language, languages, second_language
from .matching import Suggestion
from .reading import Reading
from .scoring import AreaResult, Level, scores
from .share_codes import display as display_code
from .share_codes import qr_svg


def current_reading() -> Reading:
    """Return the reading of this request: the page's language, and the one chosen to go under each text."""
    second = second_language()
    return Reading(language(), languages().get(second) if second else None)


def printed_reading() -> Reading:
    """Return the reading of a printout: the page's language, and the one asked (?second=) to be
    printed beside it or on a page of its own."""
    second = request.args.get("second")
    return Reading(language(), languages().get(second) if second != current_language() else None)


def language_url(code: str) -> str:
    """Return this page in another language, or that language's landing page."""
    if request.endpoint and request.url_rule and "lang" in request.url_rule.arguments:
        # The URL values still hold the language when a request was refused before it was read.
        return url_for(request.endpoint, **{**(request.view_args or {}), "lang": code})
    return url_for("pages.landing", lang=code)


def draft_notes(code: str) -> tuple[str, str]:
    """Return a draft language's short mark and its notice, both in that language."""
    return current_app.extensions["rendered"]["draft_notes"](code)


def _draft_notes(code: str) -> tuple[str, str]:
    with force_locale(code):
        return (
            gettext("draft"),
            gettext(
                "This translation has not been checked by a native speaker yet. "
                "Ask your counsellor to show the Finnish text beside it."
            ),
        )


def paper_labels(form) -> dict[str, str]:
    """Return each field of the paper form with the sentence it asks about, for the error summary."""
    content = current_app.extensions["checklist"]
    reading = current_reading()
    return {s.id: reading.text(s.text) for s in content.statements() if s.id in form and form[s.id].errors}


def level_options() -> list[tuple[str, Text, Text]]:
    """Return the Finnish levels as radio choices: the label, and what the person can do as its hint."""
    return [(lv.id, lv.label, lv.can_do) for lv in current_app.extensions["checklist"].finnish_levels]


def error_links(form, labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Return (field id, message) for every field with an error, inside lists of subforms too.

    Each link of the error summary goes to the field it names, so the id must be a real one.
    """
    labels = labels or {}
    links: list[tuple[str, str]] = []
    for field in form:
        if field.type == "CSRFTokenField":
            continue
        if field.type == "FieldList":
            for entry in field:
                links.extend(error_links(entry.form if entry.type == "FormField" else [entry], labels))
        elif field.type == "FormField":
            links.extend(error_links(field.form, labels))
        elif field.errors:
            label = labels.get(field.id)
            message = str(field.errors[0])
            links.append((field.id, f"{label} – {message}" if label else message))
    return links


def public_url(endpoint: str, **values) -> str:
    """Return a page's full address for paper and QR codes: at PUBLIC_URL when it is set, else at
    the host this request came to (which a client names, so set PUBLIC_URL in production)."""
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def share_qr(code: str) -> Markup:
    """Return the QR code that opens the counsellor page with this share code filled in."""
    # The code rides in the fragment, which browsers never send: it stays out of logs.
    return Markup(qr_svg(public_url("counsellor.find") + "#" + display_code(code)))


def suggestion_html(
    reading: Reading,
    suggestion: Suggestion,
    municipality: str | None,
    heading: str,
    also: Sequence[str] = (),
    short: bool = False,
) -> Markup:
    """Return one suggestion rendered for this reading, remembered after the first time.

    also: the ids of the other areas to develop that the service helps with."""
    content = current_app.extensions["checklist"]
    also_titles = tuple(content.area(area_id).title for area_id in also)
    remembered = current_app.extensions["rendered"]["suggestion"]
    return remembered(reading, suggestion, municipality, heading, also_titles, short)


def _suggestion_html(
    reading: Reading,
    suggestion: Suggestion,
    municipality: str | None,
    heading: str,
    also: tuple[Text, ...],
    short: bool,
):
    # A suggestion's markup depends only on these arguments, and results pages show dozens.
    item = get_template_attribute("components/suggestions.html", "suggestion_item")
    return item(reading, suggestion, municipality, heading, also, short)


def first_sentence(text: str) -> str:
    """Return a text's first sentence: a short card says what a service is, the full list says more."""
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def join_list(items: Sequence[str]) -> str:
    """Join words as the page's language does: "a, b and c"."""
    return format_list(list(items), locale=get_locale())


class FieldView(NamedTuple):
    """What the radios macro reads of a form field, as a hashable value."""

    id: str
    name: str
    data: str | None
    errors: tuple[str, ...]


def statement_radios(reading: Reading, field, statement: Statement) -> Markup:
    """Return a statement's radio group, remembered for each answer and error it can show."""
    view = FieldView(field.id, field.name, field.data, tuple(str(e) for e in field.errors[:1]))
    return current_app.extensions["rendered"]["radios"](reading, statement, view)


def _statement_radios(reading: Reading, statement: Statement, field: FieldView) -> Markup:
    # An area page is mostly these groups; rendering each one once per language and state
    # makes the page several times cheaper to serve.
    radios = get_template_attribute("components/forms.html", "radios")
    return radios(
        reading, field, statement.text, statement.example, answer_choices(reading, statement), inline=True, listen=True
    )


def answer_choices(reading: Reading, statement: Statement) -> list[tuple[int, Markup, None]]:
    """Return the answer scale as radio choices, with "Not relevant to me" where it is offered."""
    return [(value, reading.both(messages.ANSWER_LABELS[value]), None) for value in answer_values(statement)]


def score_text(result: AreaResult) -> str:
    """Return an area's score as shown beside its name: the number, or that there is none."""
    return str(result.score) if result.score is not None else str(messages.LEVEL_NAMES[Level.NOT_SCORED])


def chart_description(reading: Reading, results: Sequence[AreaResult]) -> str:
    """Return the chart's text alternative: every area with its score."""
    parts = ", ".join(f"{reading.text(r.area.title)} {score_text(r)}" for r in results)
    return gettext("Radar chart of your scores from 0 to 100: %(scores)s.", scores=parts)


def radar_chart(
    reading: Reading, results: Sequence[AreaResult], previous: Sequence[AreaResult] | None = None
) -> Markup:
    """Return the inline SVG radar chart of these results, read in this reading's language."""
    # An area without a score says so under its name: the chart leaves its axis empty.
    labels = tuple(reading.text(r.area.short) + ("" if r.score is not None else f" ({score_text(r)})") for r in results)
    previous_scores = scores(previous) if previous else None
    description = chart_description(reading, results)
    return inline_chart(radar_svg(labels, scores(results), previous_scores, description, reading.lang.is_rtl))


def inline_chart(svg: str) -> Markup:
    """Return a chart's SVG for the page; from the second chart on a page, with ids of its own."""
    g.charts_drawn = g.get("charts_drawn", 0) + 1
    if g.charts_drawn > 1:
        svg = with_id_suffix(svg, f"-{g.charts_drawn}")
    return Markup(svg)


def init_app(app: Flask) -> None:
    content = app.extensions["checklist"]
    # Rendered parts are remembered per app: each app renders from its own content and templates.
    app.extensions["rendered"] = {
        "suggestion": lru_cache(maxsize=8192)(_suggestion_html),
        "radios": lru_cache(maxsize=8192)(_statement_radios),
        "draft_notes": lru_cache(maxsize=64)(_draft_notes),
    }
    app.jinja_env.filters["first_sentence"] = first_sentence
    # Only what pages of several kinds use, or the components imported without a page's context:
    # what one page alone needs comes from its view.
    app.jinja_env.globals.update(
        language_url=language_url,
        languages=app.extensions["languages"],
        draft_notes=draft_notes,
        format_date=format_date,
        display_code=display_code,
        radar_chart=radar_chart,
        checklist_areas=content.areas,
        checklist_version=content.version,
        checklist_statement=content.statement,
        finnish_level_of=content.finnish_level,
        retention_days=app.config["RETENTION_DAYS"],
        answer_labels=messages.ANSWER_LABELS,
        not_scored_note=messages.NOT_SCORED_NOTE,
        suggestion_html=suggestion_html,
        error_links=error_links,
        who_names=messages.WHO_NAMES,
        level_names=messages.LEVEL_NAMES,
        target_group_names=messages.TARGET_GROUP_NAMES,
        kind_names=messages.KIND_NAMES,
    )

    @app.context_processor
    def page_reading() -> dict:
        return {"reading": current_reading()}
