"""The services catalogue on the coordinator's desk: list, search, add, edit, check and retire entries.

Every change goes through catalogue_store, which validates it as the file would, records who changed
what, and moves the catalogue's revision on, so the next client's results show it in every worker.
"""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import format_datetime, get_locale
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError

from .. import catalogue_store, coordinators
from ..catalogue import KINDS, LEVELLED_KINDS, Service, months_before
from ..content import ContentError
from ..current import checklist, shipped_catalogue
from ..i18n import language
from ..matching import AREA, FREE, NATIONAL, ONLINE, Reason, Suggestion
from ..models import ServiceChange, ServiceEntry, db
from ..reading import Reading
from ..security_log import event
from ..templating import current_reading, suggestion_html
from .blueprint import desk_blueprint
from .i18n import gettext
from .i18n import lazy_gettext as _l
from .service_form import (
    ID_TAKEN,
    KEY_LABELS,
    LABELS,
    PRICE_LABELS,
    RetireForm,
    ServiceForm,
    form_data,
    parse_day,
    raw_entry,
    short_value,
    summary_labels,
)

bp = desk_blueprint("services", __name__, "/services")

# A coordinator's form carries long descriptions in two languages: more than a client's answers.
MAX_FORM_BYTES = 64 * 1024
# Pages of their own: no entry may take these ids.
RESERVED_IDS = frozenset({"new", "recheck"})
# What the show page says after an action (?done=...).
DONE = {
    "saved": _l("The entry is saved. Clients see the change on their next page."),
    "unchanged": _l("Nothing was changed."),
    "checked": _l("The entry is marked as checked today."),
    "retired": _l("The entry is retired: clients no longer see it."),
    "restored": _l("The entry is back in the catalogue: clients see it again."),
}
PLACE_NAMES = {ONLINE: _l("Online: used from anywhere"), NATIONAL: _l("In person in many places in Finland")}
ACTIONS = {
    "added": _l("Added"),
    "edited": _l("Edited"),
    "checked": _l("Marked as checked"),
    "retired": _l("Retired"),
    "restored": _l("Restored"),
}


@bp.before_request
def allow_larger_forms() -> None:
    """Allow a larger form. The catalogue is seeded by `flask catalogue seed`, never by a page view."""
    if request.method == "POST":
        request.max_content_length = request.max_form_memory_size = MAX_FORM_BYTES


def today() -> datetime.date:
    """Return the day "I checked this today" records, and the re-check list counts from."""
    return datetime.date.today()


def who() -> str:
    """Return the logged-in coordinator's name, as the history records it."""
    return coordinators.current().name


def logged(change: ServiceChange | None) -> None:
    """Log a change of the catalogue as a security event: which entry, what, by whom (never its texts)."""
    if change is not None:
        event(f"catalogue entry {change.action}", service=change.service_id, by=change.by)


def found_or_404(service_id: str) -> ServiceEntry:
    """Return the entry with this id, retired or not; an unknown id is a 404."""
    return db.session.get(ServiceEntry, service_id) or abort(404)


class Row(NamedTuple):
    """An entry as the lists show it."""

    id: str
    name: str
    kind: str
    checked: datetime.date | None
    retired_at: datetime.datetime | None


def in_page_language(text: Any) -> str:
    """Return a stored {fi, en} text in the page's language (English beyond Finnish)."""
    if not isinstance(text, dict):
        return str(text or "")
    return str(text.get("fi" if get_locale().language == "fi" else "en") or text.get("fi") or "")


def row(found: ServiceEntry) -> Row:
    """Return an entry as the lists show it; a check date that cannot be read is None."""
    entry = found.entry
    return Row(
        found.id,
        in_page_language(entry.get("name")) or found.id,
        str(entry.get("kind") or ""),
        parse_day(str(entry.get("checked") or "")),
        found.retired_at,
    )


def all_entries() -> list[ServiceEntry]:
    """Return every entry, retired ones too, in catalogue order."""
    return list(db.session.scalars(db.select(ServiceEntry).order_by(ServiceEntry.position)))


def matches(entry: dict[str, Any], words: list[str]) -> bool:
    """Return whether every word of a search is in the entry's id, name, organiser or description."""
    texts = [str(entry.get("id") or "")]
    for key in ("name", "organiser", "description"):
        value = entry.get(key)
        texts += [str(text) for text in value.values()] if isinstance(value, dict) else [str(value or "")]
    haystack = " ".join(texts).casefold()
    return all(word in haystack for word in words)


@bp.get("/")
def index():
    """List the entries, or those a search finds; retired entries in a list of their own."""
    query = request.args.get("q", "").strip()[:200]
    words = query.casefold().split()
    rows = [row(found) for found in all_entries() if matches(found.entry, words)]
    return render_template(
        "desk/services/index.html",
        query=query,
        live=[r for r in rows if r.retired_at is None],
        retired=[r for r in rows if r.retired_at is not None],
    )


@bp.get("/recheck")
def recheck():
    """List the entries whose pages were read longer ago than RECHECK_MONTHS, oldest first."""
    months = current_app.config.get("RECHECK_MONTHS", 12)
    limit = months_before(today(), months)
    rows = [row(found) for found in all_entries() if found.retired_at is None]
    # An entry without a readable date is due first: nobody knows when it was read.
    due = sorted(
        (r for r in rows if r.checked is None or r.checked < limit),
        key=lambda r: r.checked or datetime.date.min,
    )
    return render_template("desk/services/recheck.html", rows=due, months=months, limit=limit)


def service_form(**kwargs) -> ServiceForm:
    """Return the entry form, with the checklist's areas and the file's places to choose from."""
    return ServiceForm(checklist=checklist(), catalogue=shipped_catalogue(), **kwargs)


@bp.route("/new", methods=["GET", "POST"])
def new():
    """Add an entry."""
    if request.method == "GET":
        return render_form(service_form(data={"checked": today().isoformat()}, taken=frozenset()))
    taken = frozenset(db.session.scalars(db.select(ServiceEntry.id))) | RESERVED_IDS
    return submit(service_form(taken=taken), None)


@bp.route("/<service_id>/edit", methods=["GET", "POST"])
def edit(service_id: str):
    """Edit an entry; "Preview" shows it as a client would see it without saving."""
    found = found_or_404(service_id)
    if request.method == "GET":
        return render_form(service_form(data=form_data(found.entry)), found, problem=problem_of(found))
    return submit(service_form(), found)


def submit(form: ServiceForm, found: ServiceEntry | None):
    """Check the form, then the catalogue's own validation; preview or save."""
    if not form.validate():
        return render_form(form, found)
    raw = raw_entry(form.values(), found.entry if found is not None else None)
    try:
        service = catalogue_store.store().validate(catalogue_store.loaded(raw))
    except ContentError as error:
        form.add_problem(error.problem)
        return render_form(form, found)
    if request.form.get("action") == "preview":
        return render_form(form, found, preview=previews(service))
    try:
        change = catalogue_store.save(raw, who())
    except IntegrityError:
        db.session.rollback()
        if form.id is None or db.session.get(ServiceEntry, raw["id"]) is None:
            raise
        # Another coordinator added the same id a moment ago.
        form.id.errors.append(str(ID_TAKEN))
        return render_form(form, found)
    logged(change)
    return redirect(url_for(".show", service_id=raw["id"], done="saved" if change else "unchanged"))


def render_form(form: ServiceForm, found: ServiceEntry | None = None, **context):
    """Show the entry form (again), with its errors, and a preview where one was asked for."""
    content, places = checklist(), shipped_catalogue()
    return render_template(
        "desk/services/form.html",
        form=form,
        found=found,
        name=in_page_language(found.entry.get("name")) if found is not None else None,
        labels={field.name: str(LABELS[field.name]) for field in form if field.name in LABELS},
        summary_labels=summary_labels(form),
        kinds=KINDS,
        levelled_kinds=LEVELLED_KINDS,
        areas=content.areas,
        employment_areas=places.employment_areas,
        municipalities=places.municipality_names(),
        price_choices=[(value, str(label), None) for value, label in PRICE_LABELS.items()],
        **context,
    )


def problem_of(found: ServiceEntry) -> str | None:
    """Return why a stored entry no longer passes the catalogue's check (clients do not see it), or None."""
    try:
        catalogue_store.store().validate(catalogue_store.loaded(found.entry))
    except ContentError as error:
        return error.problem
    return None


def previews(service: Service) -> list[tuple[str, Markup]]:
    """Return the entry as a client sees it among their suggestions, in Finnish and in English."""
    service = catalogue_store.with_file_translations(service, catalogue_store.store().shipped.service(service.id))
    reasons = [Reason(AREA)]
    reasons += [
        Reason(kind) for kind, applies in ((ONLINE, service.is_online), (NATIONAL, service.is_national)) if applies
    ]
    if service.free:
        reasons.append(Reason(FREE))
    suggestion = Suggestion(service, tuple(reasons))
    return [
        (code, Reading(language(code)).rendered(lambda reading: suggestion_html(reading, suggestion, None, "h3")))
        for code in ("fi", "en")
    ]


def places_of(service: Service) -> list[str]:
    """Return where a service is available, in words: online, national, employment areas, municipalities."""
    reading = current_reading()
    places = [str(PLACE_NAMES[place]) for place in (ONLINE, NATIONAL) if place in service.where]
    for area_id in service.employment_areas:
        area = shipped_catalogue().employment_area(area_id)
        places.append(reading.text(area.name) if area is not None else area_id)
    return places + list(service.municipalities)


class HistoryLine(NamedTuple):
    at: str
    by: str
    action: str
    fields: list[tuple[str, str, str]]  # (field, before, after)


def history(service_id: str) -> list[HistoryLine]:
    """Return the entry's changes, newest first, in words."""
    changes = db.session.scalars(
        db.select(ServiceChange)
        .where(ServiceChange.service_id == service_id)
        .order_by(ServiceChange.at.desc(), ServiceChange.id.desc())
    )
    return [
        HistoryLine(
            gettext("%(time)s UTC", time=format_datetime(change.at, "short")),
            change.by,
            str(ACTIONS.get(change.action, change.action)),
            [
                (str(KEY_LABELS.get(key, key)), short_value(before), short_value(after))
                for key, (before, after) in (change.fields or {}).items()
            ],
        )
        for change in changes
    ]


@bp.get("/<service_id>")
def show(service_id: str):
    """Show an entry as a client sees it, its details and its history."""
    found = found_or_404(service_id)
    problem = problem_of(found)
    service = None if problem else catalogue_store.store().validate(catalogue_store.loaded(found.entry))
    return render_template(
        "desk/services/show.html",
        found=found,
        entry=found.entry,
        row=row(found),
        name=in_page_language(found.entry.get("name")) or found.id,
        problem=problem,
        service=service,
        previews=previews(service) if service is not None else [],
        places=places_of(service) if service is not None else [],
        price_labels=PRICE_LABELS,
        price={True: "yes", False: "no"}.get(service.free, "unknown") if service is not None else None,
        history=history(found.id),
        done=DONE.get(request.args.get("done", "")),
    )


@bp.post("/<service_id>/checked")
def checked(service_id: str):
    """Set the entry's check date to today: "I checked this today"."""
    found = found_or_404(service_id)
    try:
        logged(catalogue_store.mark_checked(found, who(), today()))
    except ContentError as error:
        return render_problem(found, error.problem)
    if request.form.get("back") == "recheck":
        return redirect(url_for(".recheck"))
    return redirect(url_for(".show", service_id=found.id, done="checked"))


@bp.route("/<service_id>/retire", methods=["GET", "POST"])
def retire(service_id: str):
    """Ask first, then retire the entry: it is never suggested again, and keeps its history."""
    found = found_or_404(service_id)
    if found.retired_at is not None:
        return redirect(url_for(".show", service_id=found.id))
    form = RetireForm()
    if not form.validate_on_submit():
        name = in_page_language(found.entry.get("name")) or found.id
        return render_template("desk/services/retire.html", form=form, found=found, name=name)
    logged(catalogue_store.set_retired(found, who(), True))
    return redirect(url_for(".show", service_id=found.id, done="retired"))


@bp.post("/<service_id>/restore")
def restore(service_id: str):
    """Bring a retired entry back into the catalogue."""
    found = found_or_404(service_id)
    try:
        logged(catalogue_store.set_retired(found, who(), False))
    except ContentError as error:
        return render_problem(found, error.problem)
    return redirect(url_for(".show", service_id=found.id, done="restored"))


def render_problem(found: ServiceEntry, problem: str):
    """Say that an action was refused because the stored entry no longer passes the check."""
    name = in_page_language(found.entry.get("name")) or found.id
    return render_template("desk/services/refused.html", found=found, name=name, problem=problem)
