"""The checklist and the service descriptions in the languages beyond Finnish and English.

Pure Python: no Flask import. Each such language has one file, `<translations>/<code>/content.yaml`,
beside its interface catalogue. It is keyed by the ids of checklist.yaml and services.yaml, so a
statement keeps its translation until it gets a new id (a statement whose meaning changes gets
one). A text that is missing or empty is shown in English, and `missing` reports it.

Service names, organisers and employment areas are not translated: people meet them under their
Finnish or English names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from .catalogue import Catalogue
from .content import Checklist, ContentError, Text, load_yaml

# Section of the file -> the translated fields of each of its entries.
FIELDS: dict[str, tuple[str, ...]] = {
    "areas": ("title", "short", "intro", "encouragement"),
    "statements": ("text", "example"),
    "finnish_levels": ("label", "can_do"),
    "services": ("description", "contact"),
}
FILE_NAME = "content.yaml"


def content_path(translations: Path | str, lang: str) -> Path:
    """Return the content file of a language."""
    return Path(translations) / lang / FILE_NAME


def entries(checklist: Checklist, catalogue: Catalogue) -> Iterator[tuple[str, str, Any]]:
    """Yield (section, id, object) for everything that has translated fields."""
    for area in checklist.areas:
        yield "areas", area.id, area
    for statement in checklist.statements():
        yield "statements", statement.id, statement
    for level in checklist.finnish_levels:
        yield "finnish_levels", level.id, level
    for service in catalogue.services:
        yield "services", service.id, service


def texts(checklist: Checklist, catalogue: Catalogue) -> Iterator[tuple[str, Text]]:
    """Yield ("section.id.field", text) for every text that a translation covers."""
    for section, ident, thing in entries(checklist, catalogue):
        for field in FIELDS[section]:
            text = getattr(thing, field)
            if text is not None:
                yield f"{section}.{ident}.{field}", text


def missing(checklist: Checklist, catalogue: Catalogue, lang: str) -> list[str]:
    """Return the keys of the texts that have no translation into `lang` (shown in English)."""
    return [key for key, text in texts(checklist, catalogue) if not text.has(lang)]


def read_translations(path: Path, checklist: Checklist, catalogue: Catalogue) -> dict[str, str]:
    """Read one language's file into {"section.id.field": text}, checking every key against the
    content; a missing file is no translation at all."""
    if not path.exists():
        return {}
    root = load_yaml(path) or {}
    known = dict(texts(checklist, catalogue))
    found: dict[str, str] = {}
    if not isinstance(root, Mapping):
        raise ContentError(path, "file", "expected a mapping of sections to entries")
    for section, items in root.items():
        if section not in FIELDS:
            raise ContentError(path, "file", f"unknown section {section!r}; expected one of {', '.join(FIELDS)}")
        for ident, fields in (items or {}).items():
            entry = f"{section} '{ident}'"
            if not isinstance(fields, Mapping):
                raise ContentError(path, entry, "expected a mapping of fields to texts")
            for field, value in fields.items():
                key = f"{section}.{ident}.{field}"
                if key not in known:
                    if field not in FIELDS[section]:
                        raise ContentError(path, entry, f"unknown field {field!r}")
                    raise ContentError(path, entry, "no such text to translate (is the id right?)")
                if value is None or value == "":
                    continue  # not translated yet: shown in English
                if not isinstance(value, str) or not value.strip():
                    raise ContentError(path, entry, f"'{field}' must be a text")
                found[key] = value.strip()
    return found


def with_translations(
    checklist: Checklist, catalogue: Catalogue, lang: str, found: Mapping[str, str]
) -> tuple[Checklist, Catalogue]:
    """Return the content with these translations into `lang` added to its texts."""

    def translate(section: str, thing: Any) -> Any:
        changes = {}
        for field in FIELDS[section]:
            key = f"{section}.{thing.id}.{field}"
            if key in found:
                changes[field] = getattr(thing, field).translated(lang, found[key])
        return replace(thing, **changes) if changes else thing

    areas = tuple(
        replace(
            translate("areas", area),
            statements=tuple(translate("statements", s) for s in area.statements),
        )
        for area in checklist.areas
    )
    levels = tuple(translate("finnish_levels", level) for level in checklist.finnish_levels)
    services = tuple(translate("services", service) for service in catalogue.services)
    return (
        replace(checklist, areas=areas, finnish_levels=levels),
        replace(catalogue, services=services),
    )


def load_content_translations(
    translations: Path | str, langs: tuple[str, ...], checklist: Checklist, catalogue: Catalogue
) -> tuple[Checklist, Catalogue]:
    """Return the content with each language's translations added; every language needs its file."""
    for lang in langs:
        path = content_path(translations, lang)
        if not path.exists():
            # An install without the file would show every text in English without a word.
            raise ContentError(
                path, "file", f"is missing: `flask --app checklist translations content {lang}` writes one"
            )
        found = read_translations(path, checklist, catalogue)
        checklist, catalogue = with_translations(checklist, catalogue, lang, found)
    return checklist, catalogue


def notes_of(path: Path) -> tuple[str, ...]:
    """Return the comment lines at the top of a language's file (the translators' notes)."""
    if not path.exists():
        return ()
    top = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        top.append(line)
    return tuple(top)


def template(
    checklist: Checklist, catalogue: Catalogue, lang: str, existing: Mapping[str, str], notes: tuple[str, ...] = ()
) -> str:
    """Return a language's content file: every text to translate, with the English above it as a
    comment, and the translations made so far filled in; `notes` are the translators' own
    comment lines, kept under the heading."""
    heading = [
        f"# The checklist and the service descriptions in the language '{lang}'.",
        "# Keys are the ids of checklist/data/checklist.yaml and services.yaml; the English text",
        "# is above each field. An empty field is shown in English until it is translated.",
        "# Keep the place names and the service names as they are.",
    ]
    lines = heading + [note for note in notes if note not in heading]
    section = entry = None
    for key, text in texts(checklist, catalogue):
        part, ident, field = key.split(".", 2)
        if part != section:
            section = part
            lines += ["", f"{part}:"]
        if (part, ident) != entry:
            entry = (part, ident)
            lines.append(f"  {ident}:")
        lines += [f"    # {line}" for line in text.en.splitlines()]
        value = yaml.safe_dump(existing.get(key, ""), allow_unicode=True, width=10_000, default_style='"')
        lines.append(f"    {field}: {value.strip()}")
    return "\n".join(lines) + "\n"
