"""The services catalogue as the running app serves it: the entries in the database, which
coordinators edit in the browser, seeded from the shipped file by the set-up.

Each worker builds a Catalogue once per revision of the entries. A request that shows services
reads the revision (one small query) and rebuilds when any worker has changed the catalogue, so
an edit shows on the very next page, in every worker, and nothing stale is served in between.
Until the database is seeded the shipped file is the catalogue.
"""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml
from flask import current_app, g

from .catalogue import Catalogue, Service, raw_services, read_service
from .content import Checklist, ContentError, load_yaml
from .content_translations import FIELDS
from .models import CatalogueRevision, ServiceChange, ServiceEntry, db, utcnow
from .summary import Summaries

log = logging.getLogger(__name__)
REVISION_ROW = 1
# Where a database entry is said to come from in a validation message.
SOURCE = "catalogue"


def stored(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Return an entry as the database's JSON holds it: the check date as YYYY-MM-DD."""
    entry = dict(raw)
    if isinstance(entry.get("checked"), datetime.date):
        entry["checked"] = entry["checked"].isoformat()
    return entry


def loaded(entry: Mapping[str, Any]) -> dict[str, Any]:
    """Return a stored entry as the file writes it: the check date as a date."""
    raw = dict(entry)
    try:
        raw["checked"] = datetime.date.fromisoformat(raw["checked"])
    except (KeyError, TypeError, ValueError):
        pass  # left for the validation to name
    return raw


def with_file_translations(service: Service, shipped: Service | None) -> Service:
    """Give an entry the translations the shipped file's entry has, for each text that is still
    the same in Finnish and English: a text a coordinator rewrote is shown in English until the
    translators have caught up, never in an outdated translation."""
    if shipped is None:
        return service
    changes = {}
    for field in FIELDS["services"]:
        mine, theirs = getattr(service, field), getattr(shipped, field)
        if mine is not None and theirs is not None and (mine.fi, mine.en) == (theirs.fi, theirs.en):
            changes[field] = theirs
    return replace(service, **changes) if changes else service


class CatalogueStore:
    """The running app's catalogue, rebuilt from the database whenever its revision moves on."""

    def __init__(self, checklist: Checklist, shipped: Catalogue, path: Path | str) -> None:
        self.checklist = checklist
        self.shipped = shipped  # the file's catalogue, with its translations
        self.path = Path(path)  # the file: it seeds the database, and an export keeps its places
        self._lock = threading.Lock()
        self._built: tuple[int | None, Catalogue, Summaries] = (None, shipped, Summaries(checklist, shipped))

    def current(self) -> tuple[Catalogue, Summaries]:
        """Return the catalogue as the database holds it now, and the summaries made with it."""
        revision = db.session.scalar(db.select(CatalogueRevision.revision).where(CatalogueRevision.id == REVISION_ROW))
        built = self._built
        if built[0] != revision:
            with self._lock:
                if self._built[0] != revision:
                    catalogue = self.shipped if revision is None else self.build(live_entries())
                    self._built = (revision, catalogue, Summaries(self.checklist, catalogue))
                built = self._built
        return built[1], built[2]

    def validate(self, raw: Mapping[str, Any]) -> Service:
        """Validate an entry as the file's validation would; raise ContentError."""
        return read_service(raw, self.checklist, self.shipped.municipalities, SOURCE)

    def build(self, entries: Iterable[ServiceEntry]) -> Catalogue:
        """Return the catalogue of these entries; one that no longer validates (the checklist
        lost a statement it names, say) is left out and logged, and its edit page says why."""
        services = []
        for entry in entries:
            try:
                service = self.validate(loaded(entry.entry))
            except ContentError as error:
                log.warning("catalogue entry %s left out: %s", entry.id, error.problem)
                continue
            services.append(with_file_translations(service, self.shipped.service(service.id)))
        return replace(self.shipped, services=tuple(services))


def store() -> CatalogueStore:
    return current_app.extensions["catalogue_store"]


def current() -> tuple[Catalogue, Summaries]:
    """Return the catalogue and summaries for this request (the revision is read once per request)."""
    if "catalogue" not in g:
        g.catalogue = store().current()
    return g.catalogue


def live_entries() -> list[ServiceEntry]:
    """Return the entries that are not retired, in catalogue order."""
    return list(
        db.session.scalars(
            db.select(ServiceEntry).where(ServiceEntry.retired_at.is_(None)).order_by(ServiceEntry.position)
        )
    )


def seeded() -> bool:
    return db.session.get(CatalogueRevision, REVISION_ROW) is not None


def seed() -> int:
    """Fill an empty catalogue from the file; return how many entries were added (0 if seeded)."""
    if seeded():
        return 0
    entries = raw_services(store().path)
    now = utcnow()
    for position, raw in enumerate(entries):
        db.session.add(ServiceEntry(id=raw["id"], position=position, entry=stored(raw), updated_at=now))
    db.session.add(CatalogueRevision(id=REVISION_ROW, revision=1))
    db.session.commit()
    return len(entries)


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Return {field: [before, after]} for each field whose value differs (None where absent)."""
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def _bump() -> None:
    # One UPDATE, so two coordinators saving at once both move the revision on.
    db.session.execute(
        db.update(CatalogueRevision)
        .where(CatalogueRevision.id == REVISION_ROW)
        .values(revision=CatalogueRevision.revision + 1)
    )


def save(raw: Mapping[str, Any], by: str, action: str = "edited") -> ServiceChange | None:
    """Add or replace an entry (validated first: ContentError) and record the change; return the
    change, or None when nothing changed."""
    store().validate(loaded(raw))
    entry = stored(raw)
    found = db.session.get(ServiceEntry, entry["id"])
    if found is None:
        position = db.session.scalar(db.select(db.func.coalesce(db.func.max(ServiceEntry.position), -1))) + 1
        found = ServiceEntry(id=entry["id"], position=position, entry=entry)
        db.session.add(found)
        change = ServiceChange(service_id=entry["id"], by=by, action="added", fields=changed_fields({}, entry))
    else:
        fields = changed_fields(found.entry, entry)
        if not fields:
            return None
        found.entry = entry
        change = ServiceChange(service_id=entry["id"], by=by, action=action, fields=fields)
    return _record(found, change)


def mark_checked(found: ServiceEntry, by: str, today: datetime.date) -> ServiceChange | None:
    """Set the entry's check date to today ("I checked this today")."""
    return save({**found.entry, "checked": today.isoformat()}, by, action="checked")


def set_retired(found: ServiceEntry, by: str, retired: bool) -> ServiceChange | None:
    """Retire an entry (it is never suggested again, and keeps its history) or bring it back."""
    if (found.retired_at is not None) == retired:
        return None
    if not retired:
        store().validate(loaded(found.entry))
    found.retired_at = utcnow() if retired else None
    change = ServiceChange(service_id=found.id, by=by, action="retired" if retired else "restored", fields={})
    return _record(found, change)


def _record(found: ServiceEntry, change: ServiceChange) -> ServiceChange:
    db.session.flush()  # a new entry's row first: its first change refers to it
    found.updated_at = change.at = utcnow()
    db.session.add(change)
    _bump()
    db.session.commit()
    return change


def export() -> str:
    """Return the catalogue file as YAML: the file's employment areas and municipalities, and the
    entries the database holds now (retired ones left out), for review and versioning."""
    root = load_yaml(store().path)
    root["services"] = [loaded(entry.entry) for entry in live_entries()]
    return yaml.safe_dump(root, allow_unicode=True, sort_keys=False, width=100)
