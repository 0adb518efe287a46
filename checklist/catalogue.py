"""The services catalogue: job-search services and Finnish courses, loaded from a data file.

Pure Python: no Flask import. The file is read and validated once at start-up against the
checklist (its area and statement ids); any problem stops start-up with a ContentError naming
the file, the entry and the problem.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .content import FINNISH_LEVEL_IDS, Checklist, Reader, Text, load_yaml

DEFAULT_CATALOGUE_PATH = Path(__file__).parent / "data" / "services.yaml"

KINDS = (
    "guidance",
    "coaching",
    "finnish-course",
    "online-course",
    "material",
    "licence-card",
    "job-board",
    "language-test",
    "recognition",
    "advice",
    "peer-group",
)
# Only these kinds may give a CEFR range: the range is what the Finnish-level filter works on.
LEVELLED_KINDS = ("finnish-course", "online-course")
TARGET_GROUPS = ("home-parent", "higher-education", "entrepreneur", "under-30")
ONLINE = "online"  # used over the internet from anywhere
NATIONAL = "national"  # in person in many places across Finland
LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")

SERVICE_KEYS = frozenset(
    "id name description organiser kind areas statements where levels target_groups languages free url"
    " contact checked".split()
)


@dataclass(frozen=True)
class EmploymentArea:
    id: str
    name: Text


@dataclass(frozen=True)
class Municipality:
    name: str
    employment_area: str  # an EmploymentArea id


@dataclass(frozen=True)
class Service:
    id: str
    name: Text
    description: Text
    organiser: Text
    kind: str
    areas: tuple[str, ...]
    statements: tuple[str, ...]
    where: tuple[str, ...]  # municipality names, ONLINE and/or NATIONAL
    levels: tuple[str, str] | None  # CEFR range (lowest, highest); None when not given
    target_groups: tuple[str, ...]
    languages: tuple[str, ...]
    free: bool
    url: str
    contact: Text | None  # None where the web address is the only contact point
    checked: datetime.date

    @property
    def is_online(self) -> bool:
        """Return whether the service can be used over the internet from anywhere."""
        return ONLINE in self.where

    @property
    def is_national(self) -> bool:
        """Return whether the service is given in person in many places across Finland."""
        return NATIONAL in self.where

    @property
    def is_course(self) -> bool:
        """Return whether this is a Finnish course, the kind of service filtered by Finnish level."""
        return self.kind == "finnish-course" or self.levels is not None

    @property
    def municipalities(self) -> tuple[str, ...]:
        """Return the municipalities where the service is given in person."""
        return tuple(place for place in self.where if place not in (ONLINE, NATIONAL))

    def is_in(self, municipality: str) -> bool:
        """Return whether the service is given in person in this municipality."""
        return municipality in self.municipalities


@dataclass(frozen=True)
class Catalogue:
    municipalities: tuple[Municipality, ...]
    employment_areas: tuple[EmploymentArea, ...]
    services: tuple[Service, ...]

    def service(self, service_id: str) -> Service | None:
        """Return the service with this id, or None."""
        return next((s for s in self.services if s.id == service_id), None)

    def municipality(self, name: str | None) -> Municipality | None:
        """Return the municipality with this name, or None."""
        return next((m for m in self.municipalities if m.name == name), None)

    def municipality_names(self) -> tuple[str, ...]:
        """Return the municipality names in display order."""
        return tuple(m.name for m in self.municipalities)

    def employment_area(self, area_id: str) -> EmploymentArea | None:
        """Return the employment area with this id, or None."""
        return next((a for a in self.employment_areas if a.id == area_id), None)

    def employment_area_of(self, municipality: str) -> EmploymentArea | None:
        """Return the employment area a municipality belongs to, or None."""
        found = self.municipality(municipality)
        return self.employment_area(found.employment_area) if found else None

    def for_area(self, area_id: str) -> tuple[Service, ...]:
        """Return the services for a checklist area, in file order."""
        return tuple(s for s in self.services if area_id in s.areas)


class _CatalogueReader(Reader):
    """The checklist's Reader, with the value types the catalogue adds."""

    def optional_items(self, parent: Mapping[str, Any], key: str, entry: str) -> list[Any]:
        value = parent.get(key, [])
        if not isinstance(value, list):
            raise self.fail(entry, f"'{key}' must be a list")
        return value

    def choices(self, values: list[Any], allowed: tuple[str, ...], key: str, what: str, entry: str) -> tuple:
        for value in values:
            if value not in allowed:
                raise self.fail(entry, f"unknown {what} {value!r} in '{key}'; expected one of {', '.join(allowed)}")
        if len(set(values)) != len(values):
            raise self.fail(entry, f"'{key}' names the same {what} twice")
        return tuple(values)

    def boolean(self, parent: Mapping[str, Any], key: str, entry: str) -> bool:
        value = parent.get(key)
        if not isinstance(value, bool):
            raise self.fail(entry, f"'{key}' must be true or false, not {value!r}")
        return value

    def date(self, parent: Mapping[str, Any], key: str, entry: str) -> datetime.date:
        value = parent.get(key)
        # YAML reads 2026-11-23 as a date; a datetime (a date subclass) is not a check date.
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise self.fail(entry, f"'{key}' must be a date written as YYYY-MM-DD, not {value!r}")
        return value

    def url(self, parent: Mapping[str, Any], key: str, entry: str) -> str:
        value = self.string(parent, key, entry)
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.hostname or re.search(r"\s", value):
            raise self.fail(entry, f"'{key}' {value!r} must be an https:// address with a host and no spaces")
        return value


def _levels(read: _CatalogueReader, raw: Mapping[str, Any], kind: str, entry: str) -> tuple[str, str] | None:
    value = raw.get("levels")
    if value is None:
        return None
    if kind not in LEVELLED_KINDS:
        raise read.fail(entry, f"'levels' are only for kinds {', '.join(LEVELLED_KINDS)}, not '{kind}'")
    if not isinstance(value, list) or len(value) != 2:
        raise read.fail(entry, "'levels' must be a list of two levels: [lowest, highest]")
    for level in value:
        if level not in FINNISH_LEVEL_IDS:
            raise read.fail(
                entry, f"unknown level {level!r} in 'levels'; expected one of {', '.join(FINNISH_LEVEL_IDS)}"
            )
    lowest, highest = value
    if FINNISH_LEVEL_IDS.index(lowest) > FINNISH_LEVEL_IDS.index(highest):
        raise read.fail(entry, f"'levels' go from {lowest} down to {highest}: the lowest must come first")
    return lowest, highest


def _service(
    read: _CatalogueReader, raw: Mapping[str, Any], entry: str, checklist: Checklist, places: tuple[str, ...]
) -> Service:
    unknown = sorted(set(raw) - SERVICE_KEYS)
    if unknown:
        raise read.fail(entry, f"unknown keys {unknown}")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise read.fail(entry, f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    area_ids = tuple(a.id for a in checklist.areas)
    areas = read.choices(read.items(raw, "areas", entry), area_ids, "areas", "area", entry)
    statements = read.optional_items(raw, "statements", entry)
    for statement_id in statements:
        statement = checklist.statement(statement_id) if isinstance(statement_id, str) else None
        if statement is None:
            raise read.fail(entry, f"unknown statement {statement_id!r} in 'statements'")
        if statement.area_id not in areas:
            raise read.fail(
                entry,
                f"statement '{statement_id}' belongs to area '{statement.area_id}', which is not in 'areas'",
            )
    if len(set(statements)) != len(statements):
        raise read.fail(entry, "'statements' names the same statement twice")
    languages = read.items(raw, "languages", entry)
    for language in languages:
        if not isinstance(language, str) or not LANGUAGE_CODE.match(language):
            raise read.fail(entry, f"language {language!r} in 'languages' must be a two-letter ISO 639-1 code")
    return Service(
        id=raw["id"],
        name=read.text(raw, "name", entry),
        description=read.text(raw, "description", entry),
        organiser=read.text(raw, "organiser", entry),
        kind=kind,
        areas=areas,
        statements=tuple(statements),
        where=read.choices(read.items(raw, "where", entry), places, "where", "place", entry),
        levels=_levels(read, raw, kind, entry),
        target_groups=read.choices(
            read.optional_items(raw, "target_groups", entry),
            TARGET_GROUPS,
            "target_groups",
            "target group",
            entry,
        ),
        languages=tuple(languages),
        free=read.boolean(raw, "free", entry),
        url=read.url(raw, "url", entry),
        contact=read.text(raw, "contact", entry, optional=True),
        checked=read.date(raw, "checked", entry),
    )


def load_catalogue(path: Path | str, checklist: Checklist) -> Catalogue:
    """Load the services catalogue and validate it against the checklist."""
    read = _CatalogueReader(path)
    root = read.mapping(load_yaml(path), "file")

    employment_areas: list[EmploymentArea] = []
    for index, raw in enumerate(read.items(root, "employment_areas", "file"), start=1):
        entry = f"employment area {index}"
        raw = read.mapping(raw, entry)
        area_id = read.identifier(raw, entry)
        entry = f"employment area '{area_id}'"
        if any(a.id == area_id for a in employment_areas):
            raise read.fail(entry, f"duplicate id '{area_id}'")
        employment_areas.append(EmploymentArea(area_id, read.text(raw, "name", entry)))
    area_ids = tuple(a.id for a in employment_areas)

    municipalities: list[Municipality] = []
    for index, raw in enumerate(read.items(root, "municipalities", "file"), start=1):
        entry = f"municipality {index}"
        raw = read.mapping(raw, entry)
        name = read.string(raw, "name", entry)
        entry = f"municipality '{name}'"
        if name in (ONLINE, NATIONAL) or any(m.name == name for m in municipalities):
            raise read.fail(entry, f"duplicate or reserved name '{name}'")
        employment_area = raw.get("employment_area")
        if employment_area not in area_ids:
            raise read.fail(
                entry,
                f"unknown employment area {employment_area!r}; expected one of {', '.join(area_ids)}",
            )
        municipalities.append(Municipality(name, employment_area))
    places = (*(m.name for m in municipalities), ONLINE, NATIONAL)

    services: list[Service] = []
    for index, raw in enumerate(read.items(root, "services", "file"), start=1):
        entry = f"service {index}"
        raw = read.mapping(raw, entry)
        service_id = read.identifier(raw, entry)
        entry = f"service '{service_id}'"
        if any(s.id == service_id for s in services):
            raise read.fail(entry, f"duplicate id '{service_id}'")
        services.append(_service(read, raw, entry, checklist, places))

    return Catalogue(tuple(municipalities), tuple(employment_areas), tuple(services))
