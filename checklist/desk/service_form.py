"""The coordinator's form for one services-catalogue entry, and the conversion between the form's
values and the entry's mapping as the catalogue file writes it.

The form checks what it can with a message of its own for each field; the catalogue's own
validation (catalogue_store.store().validate) stays the final word before anything is saved.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, StopValidation, ValidationError

from .. import messages
from ..catalogue import (
    KINDS,
    LANGUAGE_CODE,
    LEVELLED_KINDS,
    NATIONAL,
    ONLINE,
    PRICE_UNKNOWN,
    TARGET_GROUPS,
    Catalogue,
)
from ..content import FINNISH_LEVEL_IDS, ID_PATTERN, Checklist
from ..forms import ChoiceField, OptionalChoiceField, strip
from .i18n import lazy_gettext as _l

MAX_ID = 64  # the database's column
MAX_NAME = 200
MAX_DESCRIPTION = 2000
MAX_CONTACT = 300
MAX_ADDRESS = 500
MAX_LIST = 2000  # the languages and the source addresses, as typed

ENTER_ID = _l("Enter an id, for example city-library-job-club")
BAD_ID = _l("Use only lower-case letters a–z, digits and hyphens, and start with a letter")
ID_TAKEN = _l("Another entry already has this id: choose another one")
ENTER_TEXT = {
    ("name", "fi"): _l("Enter the name in Finnish"),
    ("name", "en"): _l("Enter the name in English"),
    ("description", "fi"): _l("Enter the description in Finnish"),
    ("description", "en"): _l("Enter the description in English"),
    ("organiser", "fi"): _l("Enter the organiser in Finnish"),
    ("organiser", "en"): _l("Enter the organiser in English"),
    ("url", "fi"): _l("Enter the web address of the page in Finnish"),
    ("url", "en"): _l("Enter the web address of the page in English"),
}
CONTACT_BOTH = _l("Give the contact in both Finnish and English, or leave both empty")
CHOOSE_KIND = _l("Choose the kind of service")
CHOOSE_AREA = _l("Choose at least one checklist area")
STATEMENT_OUTSIDE = _l("Choose only statements of the areas chosen above, or choose their area too")
CHOOSE_PLACE = _l("Choose at least one place: online, in many places in Finland, or where it is given")
LEVELS_BOTH = _l("Choose both the lowest and the highest level, or leave both empty")
LEVELS_ORDER = _l("The lowest level must not be above the highest level")
LEVELS_KIND = _l("Only Finnish courses and online courses give levels: leave the levels empty or change the kind")
ENTER_LANGUAGES = _l("Enter at least one language code, for example fi, en")
BAD_LANGUAGE = _l("Write each language as a two-letter code, for example fi, en, uk")
LANGUAGE_TWICE = _l("Name each language only once")
CHOOSE_PRICE = _l("Choose whether the service is free")
BAD_ADDRESS = _l("Enter an address that starts with https:// and has no spaces")
ENTER_SOURCE = _l("Enter the address of at least one page the facts were read from")
BAD_SOURCE = _l("Write each address on a line of its own, each starting with https://")
SOURCE_TWICE = _l("Give each address only once")
ENTER_CHECKED = _l("Enter the day the source pages were read")
BAD_CHECKED = _l("Enter a real date, for example 2026-11-23")
TOO_LONG = {
    size: _l("Write at most %(max)d characters", max=size)
    for size in (MAX_ID, MAX_NAME, MAX_DESCRIPTION, MAX_CONTACT, MAX_ADDRESS, MAX_LIST)
}

CONFIRM_RETIRE = _l("Tick the box to confirm that clients should no longer see this entry")
# Each field's label: above the field, and before its message in the error summary.
LABELS = {
    "id": _l("Id"),
    "name_fi": _l("Name in Finnish"),
    "name_en": _l("Name in English"),
    "description_fi": _l("Description in Finnish"),
    "description_en": _l("Description in English"),
    "organiser_fi": _l("Organiser in Finnish"),
    "organiser_en": _l("Organiser in English"),
    "kind": _l("Kind of service"),
    "areas": _l("Checklist areas it helps with"),
    "statements": _l("Statements it answers"),
    "where": _l("Where it is available"),
    "levels_lowest": _l("Lowest level of Finnish"),
    "levels_highest": _l("Highest level of Finnish"),
    "target_groups": _l("Meant especially for"),
    "languages": _l("Languages of the service"),
    "free": _l("Free of charge"),
    "url_fi": _l("Web address for Finnish pages"),
    "url_en": _l("Web address for English pages"),
    "contact_fi": _l("Contact in Finnish"),
    "contact_en": _l("Contact in English"),
    "source": _l("Source pages"),
    "checked": _l("Checked on"),
    "confirm": _l("Confirm"),
}
# Each key of an entry, as the history names it.
KEY_LABELS = {
    "id": _l("Id"),
    "name": _l("Name"),
    "description": _l("Description"),
    "organiser": _l("Organiser"),
    "kind": _l("Kind of service"),
    "levels": _l("Levels of Finnish"),
    "areas": _l("Checklist areas"),
    "statements": _l("Statements"),
    "where": _l("Where"),
    "target_groups": _l("Meant especially for"),
    "languages": _l("Languages"),
    "free": _l("Free of charge"),
    "url": _l("Web address"),
    "contact": _l("Contact"),
    "source": _l("Source pages"),
    "checked": _l("Checked on"),
}
PRICE_LABELS = {"yes": _l("Yes"), "no": _l("No, it has a fee"), "unknown": _l("Not known: ask the organiser")}

PRICES = {"yes": True, "no": False, "unknown": PRICE_UNKNOWN}
TEXT_FIELDS = ("name", "description", "organiser")
# The field an entry's key is shown at, where the catalogue's own validation names the key.
FIELD_OF_KEY = {
    "id": "id",
    "name": "name_fi",
    "description": "description_fi",
    "organiser": "organiser_fi",
    "kind": "kind",
    "areas": "areas",
    "statements": "statements",
    "where": "where",
    "levels": "levels_lowest",
    "target_groups": "target_groups",
    "languages": "languages",
    "free": "free",
    "url": "url_fi",
    "contact": "contact_fi",
    "source": "source",
    "checked": "checked",
}


# ── Conversion: pure functions ──────────────────────────────────────────────────────────────


def split_words(text: str | None) -> list[str]:
    """Return the items of a typed list: separated by commas, spaces or new lines."""
    return [item for item in re.split(r"[\s,;]+", text or "") if item]


def is_address(value: str) -> bool:
    """Return whether a text is an https:// address with a host and no spaces, as the catalogue asks."""
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and not re.search(r"\s", value)


def parse_day(text: str | None) -> datetime.date | None:
    """Return the day written as YYYY-MM-DD (a date input) or D.M.YYYY (typed by a Finn); None if neither."""
    text = (text or "").strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def as_list(value: Any) -> list[Any]:
    """Return one value or a list of them as a list (an absent value as an empty list)."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def form_data(entry: Mapping[str, Any]) -> dict[str, Any]:
    """Return a stored entry as the form's values."""
    data: dict[str, Any] = {"id": entry.get("id", "")}
    for key in (*TEXT_FIELDS, "contact"):
        text = entry.get(key) if isinstance(entry.get(key), Mapping) else {}
        for lang in ("fi", "en"):
            data[f"{key}_{lang}"] = text.get(lang) or ""
    url = entry.get("url")
    urls = url if isinstance(url, Mapping) else {"fi": url, "en": url}
    data["url_fi"], data["url_en"] = urls.get("fi") or "", urls.get("en") or ""
    levels = entry.get("levels")
    lowest, highest = levels if isinstance(levels, list) and len(levels) == 2 else ("", "")
    free = entry.get("free")
    data.update(
        kind=entry.get("kind") or "",
        areas=as_list(entry.get("areas")),
        statements=as_list(entry.get("statements")),
        where=as_list(entry.get("where")),
        levels_lowest=lowest or "",
        levels_highest=highest or "",
        target_groups=as_list(entry.get("target_groups")),
        languages=", ".join(str(code) for code in as_list(entry.get("languages"))),
        free={True: "yes", False: "no"}.get(free, "unknown") if free in (True, False, PRICE_UNKNOWN) else "",
        source="\n".join(str(address) for address in as_list(entry.get("source"))),
        checked=str(entry.get("checked") or ""),
    )
    return data


def _keep_order(chosen: Sequence[Any], before: Any) -> list[Any]:
    # Checkboxes come back in page order: the same choice keeps the entry's own order, so that
    # saving an entry unchanged records no change.
    previous = as_list(before)
    return previous if sorted(map(str, previous)) == sorted(map(str, chosen)) else list(chosen)


def raw_entry(values: Mapping[str, Any], before: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the form's values as the entry's mapping, as the catalogue file writes it (the check
    date as YYYY-MM-DD). `before` is the stored entry being edited: choices made again keep its order,
    and the form never holds its id."""
    before = before or {}
    raw: dict[str, Any] = {"id": before.get("id") or values.get("id")}
    for key in TEXT_FIELDS:
        raw[key] = {lang: (values.get(f"{key}_{lang}") or "").strip() for lang in ("fi", "en")}
    raw["kind"] = values.get("kind")
    lowest, highest = values.get("levels_lowest"), values.get("levels_highest")
    if lowest or highest:
        raw["levels"] = [lowest or None, highest or None]
    raw["areas"] = _keep_order(values.get("areas") or [], before.get("areas"))
    statements = values.get("statements") or []
    if statements:
        raw["statements"] = _keep_order(statements, before.get("statements"))
    raw["where"] = _keep_order(values.get("where") or [], before.get("where"))
    groups = values.get("target_groups") or []
    if groups:
        raw["target_groups"] = _keep_order(groups, before.get("target_groups"))
    raw["languages"] = split_words(values.get("languages"))
    raw["free"] = PRICES.get(values.get("free") or "")
    url_fi, url_en = ((values.get(f"url_{lang}") or "").strip() for lang in ("fi", "en"))
    raw["url"] = url_fi if url_fi == url_en else {"fi": url_fi, "en": url_en}
    contact = {lang: (values.get(f"contact_{lang}") or "").strip() for lang in ("fi", "en")}
    if any(contact.values()):
        raw["contact"] = contact
    sources = split_words(values.get("source"))
    raw["source"] = sources[0] if len(sources) == 1 else _keep_order(sources, before.get("source"))
    checked = values.get("checked")
    raw["checked"] = checked.isoformat() if isinstance(checked, datetime.date) else checked
    return raw


def field_of_problem(problem: str) -> str:
    """Return the field to show a problem of the catalogue's validation at: the first key it quotes."""
    for key in re.findall(r"'([a-z_]+)'", problem):
        if key in FIELD_OF_KEY:
            return FIELD_OF_KEY[key]
    return "name_fi"


def summary_labels(form: ServiceForm) -> dict[str, str]:
    """Return the label to put before each error in the summary where the message alone does not
    say which field it is about (a wrong address, a text too long, a tampered choice)."""
    generic = {str(message) for message in (messages.CHOOSE_FROM_LIST, BAD_ADDRESS, *TOO_LONG.values())}
    return {field.id: str(LABELS[field.name]) for field in form if field.errors and str(field.errors[0]) in generic}


def short_value(value: Any, limit: int = 80) -> str:
    """Return a field's value in a few words, for the history: texts, lists and addresses shortened."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(messages.YES_NO_LABELS["yes" if value else "no"])
    if isinstance(value, Mapping):
        text = " / ".join(f"{lang}: {short_value(text, limit)}" for lang, text in value.items())
    elif isinstance(value, list | tuple):
        text = ", ".join(short_value(item, limit) for item in value) or "–"
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ── The form ────────────────────────────────────────────────────────────────────────────────


class ChoicesField(Field):
    """Any number of values out of a fixed set, shown as checkboxes by the template."""

    def __init__(self, *args, missing: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.values: tuple[str, ...] = ()
        self.missing = missing

    def process_data(self, value: Any) -> None:
        self.data = [str(item) for item in as_list(value)]

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = list(dict.fromkeys(valuelist))

    def pre_validate(self, form: FlaskForm) -> None:
        if not self.data and self.missing is not None:
            raise StopValidation(str(self.missing))
        if any(value not in self.values for value in self.data):
            raise StopValidation(str(messages.CHOOSE_FROM_LIST))


class ServiceForm(FlaskForm):
    """One catalogue entry, as a coordinator adds or edits it."""

    id = StringField(
        filters=[strip],
        validators=[DataRequired(ENTER_ID), Length(max=MAX_ID, message=TOO_LONG[MAX_ID])],
    )
    name_fi = StringField(filters=[strip])
    name_en = StringField(filters=[strip])
    description_fi = TextAreaField(filters=[strip])
    description_en = TextAreaField(filters=[strip])
    organiser_fi = StringField(filters=[strip])
    organiser_en = StringField(filters=[strip])
    kind = ChoiceField(values=KINDS, missing=CHOOSE_KIND, invalid=messages.CHOOSE_FROM_LIST)
    areas = ChoicesField(missing=CHOOSE_AREA)
    statements = ChoicesField()
    where = ChoicesField(missing=CHOOSE_PLACE)
    levels_lowest = OptionalChoiceField(values=("", *FINNISH_LEVEL_IDS), missing="", invalid=messages.CHOOSE_FROM_LIST)
    levels_highest = OptionalChoiceField(values=("", *FINNISH_LEVEL_IDS), missing="", invalid=messages.CHOOSE_FROM_LIST)
    target_groups = ChoicesField()
    languages = StringField(
        filters=[strip],
        validators=[DataRequired(ENTER_LANGUAGES), Length(max=MAX_LIST, message=TOO_LONG[MAX_LIST])],
    )
    free = ChoiceField(values=tuple(PRICES), missing=CHOOSE_PRICE, invalid=messages.CHOOSE_FROM_LIST)
    url_fi = StringField(filters=[strip])
    url_en = StringField(filters=[strip])
    contact_fi = StringField(filters=[strip], validators=[Length(max=MAX_CONTACT, message=TOO_LONG[MAX_CONTACT])])
    contact_en = StringField(filters=[strip], validators=[Length(max=MAX_CONTACT, message=TOO_LONG[MAX_CONTACT])])
    source = TextAreaField(
        filters=[strip],
        validators=[DataRequired(ENTER_SOURCE), Length(max=MAX_LIST, message=TOO_LONG[MAX_LIST])],
    )
    checked = StringField(filters=[strip], validators=[DataRequired(ENTER_CHECKED)])

    def __init__(
        self,
        *args,
        checklist: Checklist,
        catalogue: Catalogue,
        taken: frozenset[str] | None = None,
        **kwargs,
    ) -> None:
        """taken: the ids already in use, for a new entry; None when editing (the form has no id)."""
        super().__init__(*args, **kwargs)
        self.checklist, self.catalogue, self.taken = checklist, catalogue, taken
        if taken is None:
            del self["id"]
        self.areas.values = tuple(area.id for area in checklist.areas)
        self.statements.values = tuple(statement.id for statement in checklist.statements())
        self.where.values = place_values(catalogue)
        self.target_groups.values = TARGET_GROUPS

    def validate_id(self, field: StringField) -> None:
        if not ID_PATTERN.match(field.data or ""):
            raise ValidationError(str(BAD_ID))
        if self.taken is not None and field.data in self.taken:
            raise ValidationError(str(ID_TAKEN))

    def validate(self, extra_validators=None) -> bool:
        """Check every field, then what one field says about another."""
        valid = super().validate(extra_validators)
        for key, limit in (("name", MAX_NAME), ("description", MAX_DESCRIPTION), ("organiser", MAX_NAME)):
            for lang in ("fi", "en"):
                self._text(self[f"{key}_{lang}"], ENTER_TEXT[key, lang], limit)
        for lang in ("fi", "en"):
            field = self[f"url_{lang}"]
            if self._text(field, ENTER_TEXT["url", lang], MAX_ADDRESS) and not is_address(field.data):
                field.errors.append(str(BAD_ADDRESS))
        if bool(self.contact_fi.data) != bool(self.contact_en.data):
            (self.contact_en if self.contact_fi.data else self.contact_fi).errors.append(str(CONTACT_BOTH))
        self._statements()
        self._where()
        self._levels()
        self._languages()
        self._source()
        if self.checked.data and parse_day(self.checked.data) is None:
            self.checked.errors.append(str(BAD_CHECKED))
        return valid and not self.errors

    def _text(self, field: Field, missing: str, limit: int) -> bool:
        if not field.data:
            field.errors.append(str(missing))
        elif len(field.data) > limit:
            field.errors.append(str(TOO_LONG[limit]))
        return not field.errors

    def _statements(self) -> None:
        if self.statements.errors or self.areas.errors:
            return
        for statement_id in self.statements.data:
            statement = self.checklist.statement(statement_id)
            if statement is not None and statement.area_id not in self.areas.data:
                self.statements.errors.append(str(STATEMENT_OUTSIDE))
                return

    def _where(self) -> None:
        if self.where.errors:
            return
        for municipality in self.catalogue.municipalities:
            if municipality.name in self.where.data and municipality.employment_area in self.where.data:
                message = _l(
                    "Choose %(municipality)s or its whole employment area, not both", municipality=municipality.name
                )
                self.where.errors.append(str(message))
                return

    def _levels(self) -> None:
        lowest, highest = self.levels_lowest, self.levels_highest
        if lowest.errors or highest.errors or not (lowest.data or highest.data):
            return
        if self.kind.data in KINDS and self.kind.data not in LEVELLED_KINDS:
            lowest.errors.append(str(LEVELS_KIND))
        elif not (lowest.data and highest.data):
            (highest if lowest.data else lowest).errors.append(str(LEVELS_BOTH))
        elif FINNISH_LEVEL_IDS.index(lowest.data) > FINNISH_LEVEL_IDS.index(highest.data):
            lowest.errors.append(str(LEVELS_ORDER))

    def _languages(self) -> None:
        if self.languages.errors:
            return
        codes = split_words(self.languages.data)
        if not all(LANGUAGE_CODE.match(code) for code in codes):
            self.languages.errors.append(str(BAD_LANGUAGE))
        elif len(set(codes)) != len(codes):
            self.languages.errors.append(str(LANGUAGE_TWICE))

    def _source(self) -> None:
        if self.source.errors:
            return
        addresses = split_words(self.source.data)
        if not all(is_address(address) for address in addresses):
            self.source.errors.append(str(BAD_SOURCE))
        elif len(set(addresses)) != len(addresses):
            self.source.errors.append(str(SOURCE_TWICE))

    def values(self) -> dict[str, Any]:
        """Return the form's values, the check date as a date, for raw_entry."""
        values = {field.name: field.data for field in self if field.name != "csrf_token"}
        values["checked"] = parse_day(self.checked.data) or self.checked.data
        return values

    def add_problem(self, problem: str) -> None:
        """Show a problem the catalogue's own validation found, at the field its key belongs to."""
        name = field_of_problem(problem)
        field = self._fields.get(name) or self.name_fi
        if not isinstance(field.errors, list):
            field.errors = list(field.errors)
        field.errors.append(str(_l("The catalogue's check refused this entry: %(problem)s", problem=problem)))


def place_values(catalogue: Catalogue) -> tuple[str, ...]:
    """Return every value `where` accepts, in the form's order: online, national, employment areas,
    municipalities."""
    return (ONLINE, NATIONAL, *(area.id for area in catalogue.employment_areas), *catalogue.municipality_names())


class RetireForm(FlaskForm):
    """The confirmation asked before an entry is retired."""

    confirm = BooleanField()

    def validate_confirm(self, field: BooleanField) -> None:
        if not field.data:
            raise ValidationError(str(CONFIRM_RETIRE))
