"""Answering the checklist, one area per page."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext

from ..content import LANGUAGE_AREA_ID, Area
from ..current import checklist
from ..forms import LEVEL_FIELD, area_form_class, saved_data
from ..i18n import choose_second_language, current_language, languages
from ..models import Round, db, utcnow
from ..rounds import (
    PROFILE_STEP,
    Unfinished,
    current_round,
    earlier_results,
    remember,
    resume_url,
    save_answers,
    start_round,
)
from ..templating import current_reading, level_options, statement_radios
from .results import settle

bp = Blueprint("answering", __name__, url_prefix="/<lang>")


@bp.app_errorhandler(Unfinished)
def unfinished(error: Unfinished):
    """Send a person whose first round is not finished back to answering, from any page of results."""
    return redirect(resume_url(error.round))


@bp.post("/start")
def start():
    """Start a fresh round and go to the first area."""
    first = checklist().areas[0]
    start_round(first.id, checklist().version)
    return redirect(url_for(".area", area_id=first.id))


@bp.route("/area/<area_id>", methods=["GET", "POST"])
def area(area_id: str):
    """Show an area's statements; save the answers on Next, Back and a language switch."""
    content = checklist()
    current = content.area(area_id) or abort(404)
    found = current_round()
    form_class = area_form_class(current, current.id == LANGUAGE_AREA_ID)
    if request.method == "GET":
        data = saved_data(current, found.answers, found.finnish_level) if found else {}
        return _render(current, form_class(data=data), found)

    form = form_class()
    valid = form.validate()
    if found is None:
        found = start_round(content.areas[0].id, content.version)
    save_answers(found, form.valid_answers(), form.valid_level(), content.version)
    action = request.form.get("action")
    if action == "back":
        target = _neighbour(current, -1)
        found.step = target.id if target else current.id
        destination = url_for(".area", area_id=target.id) if target else url_for("pages.landing")
    elif action == "switch":
        # The language menu sends this form (with JavaScript), so the answers just given are kept.
        found.step = current.id
        to = request.form.get("switch_to")
        destination = url_for(".area", area_id=current.id, lang=to if to in languages() else current_language())
    elif action == "second-language":
        # So does the second-language choice, without JavaScript too.
        found.step = current.id
        choose_second_language(request.form.get("second_language"))
        destination = url_for(".area", area_id=current.id)
    elif valid:
        # After the last area, go back to any area skipped on the way (by a typed address).
        target = _neighbour(current, +1) or _first_unanswered(found)
        if target is None:
            # Every area is answered: the results exist now, the optional profile comes first.
            found.completed_at = found.completed_at or utcnow()
            found.step = PROFILE_STEP
            destination = url_for("profile.profile")
        else:
            found.step = target.id
            destination = url_for(".area", area_id=target.id)
    else:
        destination = None
    db.session.commit()
    remember(found)
    # A finished round's answers changed (or it has just been finished): its code and statistics.
    settle(found)
    if destination is None:
        _show_stored(form, found.answers)
        return _render(current, form, found)
    return redirect(destination)


def _render(area: Area, form, found: Round | None):
    content = checklist()
    level_choices = None
    reading = current_reading()
    question_labels = {s.id: reading.text(s.text) for s in area.statements}
    if area.id == LANGUAGE_AREA_ID:
        level_choices = level_options()
        question_labels[LEVEL_FIELD] = gettext("Your level of Finnish")
    return render_template(
        "answering/area.html",
        area=area,
        form=form,
        total_areas=len(content.areas),
        level_choices=level_choices,
        question_labels=question_labels,
        earlier=earlier_results(found),
        statement_radios=statement_radios,
    )


def _show_stored(form, answers: dict[str, int]) -> None:
    """Where a field came back empty or tampered with, show the answer already stored."""
    for field in form.statement_fields():
        if not field.has_valid_value and field.name in answers:
            field.data = str(answers[field.name])


def _first_unanswered(found: Round) -> Area | None:
    for area in checklist().areas:
        if any(s.id not in found.answers for s in area.statements):
            return area
        if area.id == LANGUAGE_AREA_ID and found.finnish_level is None:
            return area
    return None


def _neighbour(area: Area, offset: int) -> Area | None:
    index = area.number - 1 + offset
    areas = checklist().areas
    return areas[index] if 0 <= index < len(areas) else None
