"""The services catalogue: job-search services and Finnish courses, loaded from a data file.

Pure Python: no Flask import. The file is read and validated once at start-up against the
checklist (its area and statement ids); any problem stops start-up with a ContentError naming
the file, the entry and the problem.

Every entry names the page its facts were read from (`source`) and the day it was read
(`checked`); `stale` lists the entries due for another reading. Dates are never a reason to
refuse a file: a page read long ago is still the best we know until someone reads it again.
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

# A price the organiser's page does not state: shown as such, never guessed as free or paid.
PRICE_UNKNOWN = "unknown"

SERVICE_KEYS = frozenset(
    "id name description organiser kind areas statements where levels target_groups languages free url"
    " contact source checked".split()
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
    free: bool | None  # None: the price is not known
    url: Text  # the address for each page language (the same one where there is only one)
    contact: Text | None  # None where the web address is the only contact point
    checked: datetime.date  # the day the source pages were read
    # Employment areas (ids) given in `where`: the service is for every municipality of each,
    # because an employment area's own services serve all its municipalities.
    employment_areas: tuple[str, ...] = ()
    source: tuple[str, ...] = ()  # the pages the facts were read from (https addresses)

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
        """Return the municipalities named in `where`, where the service is given in person."""
        return tuple(place for place in self.where if place not in (ONLINE, NATIONAL))

    def is_in(self, municipality: str) -> bool:
        """Return whether the service is given in person in this municipality, by name."""
        return municipality in self.municipalities

    def serves_area(self, employment_area: str | None) -> bool:
        """Return whether the service is given across this whole employment area."""
        return employment_area is not None and employment_area in self.employment_areas


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

    def reaches(self, service: Service, municipality: str) -> bool:
        """Return whether a service is given in person in a municipality, by name or across its
        employment area."""
        found = self.municipality(municipality)
        return service.is_in(municipality) or (found is not None and service.serves_area(found.employment_area))

    def stale(self, today: datetime.date, months: int = 12) -> tuple[Service, ...]:
        """Return the services whose sources were last read more than `months` before `today`,
        oldest first (file order among the same day)."""
        limit = months_before(today, months)
        return tuple(sorted((s for s in self.services if s.checked < limit), key=lambda s: s.checked))


def months_before(day: datetime.date, months: int) -> datetime.date:
    """Return the same day `months` calendar months earlier (the month's last day where it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (following - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last_day))


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

    def price(self, parent: Mapping[str, Any], key: str, entry: str) -> bool | None:
        value = parent.get(key)
        if value == PRICE_UNKNOWN:
            return None
        if not isinstance(value, bool):
            raise self.fail(entry, f"'{key}' must be true, false or {PRICE_UNKNOWN}, not {value!r}")
        return value

    def date(self, parent: Mapping[str, Any], key: str, entry: str) -> datetime.date:
        value = parent.get(key)
        # YAML reads 2026-11-23 as a date; a datetime (a date subclass) is not a check date.
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise self.fail(entry, f"'{key}' must be a date written as YYYY-MM-DD, not {value!r}")
        return value

    def address(self, value: Any, key: str, entry: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(entry, f"'{key}' must be an https:// address, not {value!r}")
        value = value.strip()
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.hostname or re.search(r"\s", value):
            raise self.fail(entry, f"'{key}' {value!r} must be an https:// address with a host and no spaces")
        return value

    def url(self, parent: Mapping[str, Any], key: str, entry: str) -> Text:
        """Read one address for every language, or one per language: {fi: ..., en: ...}."""
        value = parent.get(key)
        if isinstance(value, Mapping):
            texts = self.text(parent, key, entry)
            return Text(fi=self.address(texts.fi, key, entry), en=self.address(texts.en, key, entry))
        address = self.address(value, key, entry)
        return Text(fi=address, en=address)

    def addresses(self, parent: Mapping[str, Any], key: str, entry: str) -> tuple[str, ...]:
        """Read one address or a non-empty list of them."""
        value = parent.get(key)
        if value is None:
            raise self.fail(entry, f"'{key}' is missing: give the address of the page the facts were read from")
        values = value if isinstance(value, list) else [value]
        if not values:
            raise self.fail(entry, f"'{key}' must name at least one page")
        addresses = tuple(self.address(v, key, entry) for v in values)
        if len(set(addresses)) != len(addresses):
            raise self.fail(entry, f"'{key}' names the same page twice")
        return addresses


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


def _where(
    read: _CatalogueReader, raw: Mapping[str, Any], entry: str, municipalities: tuple[Municipality, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Read `where`: return the places (municipalities, online, national) and the employment areas."""
    area_ids = tuple(dict.fromkeys(m.employment_area for m in municipalities))
    names = tuple(m.name for m in municipalities)
    values = read.choices(
        read.items(raw, "where", entry), (*names, *area_ids, ONLINE, NATIONAL), "where", "place", entry
    )
    areas = tuple(v for v in values if v in area_ids)
    for municipality in municipalities:
        if municipality.name in values and municipality.employment_area in areas:
            # Both would be read as the same promise; one of them is a slip.
            raise read.fail(
                entry,
                f"'where' names '{municipality.name}' and its whole employment area "
                f"'{municipality.employment_area}'; give one of them",
            )
    return tuple(v for v in values if v not in area_ids), areas


def _service(
    read: _CatalogueReader,
    raw: Mapping[str, Any],
    entry: str,
    checklist: Checklist,
    municipalities: tuple[Municipality, ...],
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
    where, employment_areas = _where(read, raw, entry, municipalities)
    return Service(
        id=raw["id"],
        name=read.text(raw, "name", entry),
        description=read.text(raw, "description", entry),
        organiser=read.text(raw, "organiser", entry),
        kind=kind,
        areas=areas,
        statements=tuple(statements),
        where=where,
        levels=_levels(read, raw, kind, entry),
        target_groups=read.choices(
            read.optional_items(raw, "target_groups", entry),
            TARGET_GROUPS,
            "target_groups",
            "target group",
            entry,
        ),
        languages=tuple(languages),
        free=read.price(raw, "free", entry),
        url=read.url(raw, "url", entry),
        contact=read.text(raw, "contact", entry, optional=True),
        checked=read.date(raw, "checked", entry),
        employment_areas=employment_areas,
        source=read.addresses(raw, "source", entry),
    )


def read_service(
    raw: Any, checklist: Checklist, municipalities: tuple[Municipality, ...], source: Path | str
) -> Service:
    """Validate one entry as the file's validation would (a ContentError names the problem)."""
    read = _CatalogueReader(source)
    raw = read.mapping(raw, "service")
    service_id = read.identifier(raw, "service")
    return _service(read, raw, f"service '{service_id}'", checklist, municipalities)


def raw_services(path: Path | str) -> list[dict[str, Any]]:
    """Return the file's service entries as written, for the database to start from."""
    return list(load_yaml(path)["services"])


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
        if name in (ONLINE, NATIONAL, *area_ids) or any(m.name == name for m in municipalities):
            raise read.fail(entry, f"duplicate or reserved name '{name}'")
        employment_area = raw.get("employment_area")
        if employment_area not in area_ids:
            raise read.fail(
                entry,
                f"unknown employment area {employment_area!r}; expected one of {', '.join(area_ids)}",
            )
        municipalities.append(Municipality(name, employment_area))

    services: list[Service] = []
    for index, raw in enumerate(read.items(root, "services", "file"), start=1):
        entry = f"service {index}"
        raw = read.mapping(raw, entry)
        service_id = read.identifier(raw, entry)
        entry = f"service '{service_id}'"
        if any(s.id == service_id for s in services):
            raise read.fail(entry, f"duplicate id '{service_id}'")
        services.append(_service(read, raw, entry, checklist, tuple(municipalities)))

    return Catalogue(tuple(municipalities), tuple(employment_areas), tuple(services))
