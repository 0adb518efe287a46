"""The checklist content: areas, statements and Finnish levels, loaded from a data file.

Pure Python: no Flask import. The file is read and validated once at start-up; any problem
stops start-up with a ContentError naming the file, the entry and the problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from .languages import SOURCE_LANGUAGES

ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
FINNISH_LEVEL_IDS = ("none", "A1", "A2", "B1", "B2", "C1")
DEFAULT_CHECKLIST_PATH = Path(__file__).parent / "data" / "checklist.yaml"


class ContentError(Exception):
    """A data file is broken: the message names the file, the entry and the problem."""

    def __init__(self, path: Path | str, entry: str, problem: str) -> None:
        self.path, self.entry, self.problem = str(path), entry, problem
        super().__init__(f"{Path(path).name}: {entry}: {problem}")


@dataclass(frozen=True)
class Text:
    """A text in the source languages, Finnish and English, and in any translations of it."""

    fi: str
    en: str
    # (language code, text) for each other language it has been translated into.
    translations: tuple[tuple[str, str], ...] = ()

    def in_(self, lang: str) -> str:
        """Return the text in `lang`; English where it has no translation into that language."""
        if lang == "fi":
            return self.fi
        return next((text for code, text in self.translations if code == lang), self.en)

    def has(self, lang: str) -> bool:
        """Return whether the text exists in `lang` (English standing in does not count)."""
        return lang in ("fi", "en") or any(code == lang for code, _ in self.translations)

    def translated(self, lang: str, text: str) -> Text:
        """Return this text with its translation into `lang`."""
        others = tuple(pair for pair in self.translations if pair[0] != lang)
        return replace(self, translations=(*others, (lang, text)))


@dataclass(frozen=True)
class Statement:
    id: str
    area_id: str
    text: Text
    example: Text | None
    # Offers the answer "Not relevant to me" (a foreign degree, a residence permit, a business…).
    may_not_apply: bool = False


@dataclass(frozen=True)
class Area:
    id: str
    number: int
    title: Text
    short: Text
    intro: Text
    encouragement: Text
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class FinnishLevel:
    id: str
    label: Text
    can_do: Text


@dataclass(frozen=True)
class Checklist:
    areas: tuple[Area, ...]
    finnish_levels: tuple[FinnishLevel, ...]
    # Changes whenever statements are added, removed or reworded; each round records it.
    version: str = ""

    def area(self, area_id: str) -> Area | None:
        """Return the area with this id, or None."""
        return next((a for a in self.areas if a.id == area_id), None)

    def statements(self) -> Iterator[Statement]:
        """Yield every statement, area by area."""
        for area in self.areas:
            yield from area.statements

    def statement(self, statement_id: str) -> Statement | None:
        """Return the statement with this id, or None."""
        return next((s for s in self.statements() if s.id == statement_id), None)

    def finnish_level(self, level_id: str | None) -> FinnishLevel | None:
        """Return the Finnish level with this id, or None."""
        return next((lv for lv in self.finnish_levels if lv.id == level_id), None)


class Reader:
    """Reads typed values out of a parsed YAML tree, reporting problems against one file."""

    def __init__(self, path: Path | str) -> None:
        self.path = path

    def fail(self, entry: str, problem: str) -> ContentError:
        return ContentError(self.path, entry, problem)

    def mapping(self, value: Any, entry: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(entry, "expected a mapping of keys to values")
        return value

    def items(self, parent: Mapping[str, Any], key: str, entry: str) -> list[Any]:
        value = parent.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail(entry, f"'{key}' must be a non-empty list")
        return value

    def string(self, parent: Mapping[str, Any], key: str, entry: str) -> str:
        value = parent.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(entry, f"'{key}' must be a non-empty text")
        return value.strip()

    def flag(self, parent: Mapping[str, Any], key: str, entry: str) -> bool:
        value = parent.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(entry, f"'{key}' must be true or false, not {value!r}")
        return value

    def identifier(self, parent: Mapping[str, Any], entry: str) -> str:
        value = parent.get("id")
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise self.fail(entry, f"'id' {value!r} must be lower-case letters, digits and hyphens")
        return value

    def text(self, parent: Mapping[str, Any], key: str, entry: str, optional: bool = False) -> Text | None:
        value = parent.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, Mapping):
            raise self.fail(entry, f"'{key}' must give the text in both languages (fi and en)")
        for lang in SOURCE_LANGUAGES:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise self.fail(entry, f"'{key}' has no text in language '{lang}'")
        extra = set(value) - set(SOURCE_LANGUAGES)
        if extra:
            raise self.fail(entry, f"'{key}' has unknown languages {sorted(extra)}")
        return Text(fi=value["fi"].strip(), en=value["en"].strip())


def load_yaml(path: Path | str) -> Any:
    """Parse a YAML file, turning read and syntax errors into ContentError."""
    try:
        with open(path, encoding="utf-8") as f:
            # The C loader, where PyYAML has it, reads the content files several times faster.
            return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as e:
        raise ContentError(path, "file", f"cannot be read ({e.strerror})") from e
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise ContentError(path, "file", f"is not valid YAML: {e}") from e


def load_checklist(path: Path | str = DEFAULT_CHECKLIST_PATH) -> Checklist:
    """Load and validate the checklist file."""
    read = Reader(path)
    root = read.mapping(load_yaml(path), "file")
    seen: set[str] = set()

    def unique(ident: str, entry: str) -> None:
        if ident in seen:
            raise read.fail(entry, f"duplicate id '{ident}'")
        seen.add(ident)

    areas = []
    for number, raw in enumerate(read.items(root, "areas", "file"), start=1):
        entry = f"area {number}"
        raw = read.mapping(raw, entry)
        area_id = read.identifier(raw, entry)
        entry = f"area '{area_id}'"
        unique(area_id, entry)
        statements = []
        for index, raw_statement in enumerate(read.items(raw, "statements", entry), start=1):
            s_entry = f"{entry}, statement {index}"
            raw_statement = read.mapping(raw_statement, s_entry)
            statement_id = read.identifier(raw_statement, s_entry)
            s_entry = f"statement '{statement_id}'"
            unique(statement_id, s_entry)
            statements.append(
                Statement(
                    id=statement_id,
                    area_id=area_id,
                    text=read.text(raw_statement, "text", s_entry),
                    example=read.text(raw_statement, "example", s_entry, optional=True),
                    may_not_apply=read.flag(raw_statement, "may_not_apply", s_entry),
                )
            )
        areas.append(
            Area(
                id=area_id,
                number=number,
                title=read.text(raw, "title", entry),
                short=read.text(raw, "short", entry),
                intro=read.text(raw, "intro", entry),
                encouragement=read.text(raw, "encouragement", entry),
                statements=tuple(statements),
            )
        )

    levels = []
    for index, raw in enumerate(read.items(root, "finnish_levels", "file"), start=1):
        entry = f"Finnish level {index}"
        raw = read.mapping(raw, entry)
        level_id = raw.get("id")
        if level_id not in FINNISH_LEVEL_IDS:
            raise read.fail(entry, f"unknown level {level_id!r}; expected one of {', '.join(FINNISH_LEVEL_IDS)}")
        entry = f"Finnish level '{level_id}'"
        if any(lv.id == level_id for lv in levels):
            raise read.fail(entry, f"duplicate id '{level_id}'")
        levels.append(FinnishLevel(level_id, read.text(raw, "label", entry), read.text(raw, "can_do", entry)))
    missing = [lv for lv in FINNISH_LEVEL_IDS if lv not in {x.id for x in levels}]
    if missing:
        raise read.fail("finnish_levels", f"levels missing: {', '.join(missing)}")
    levels.sort(key=lambda lv: FINNISH_LEVEL_IDS.index(lv.id))
    version = read.string(root, "version", "file")
    return Checklist(areas=tuple(areas), finnish_levels=tuple(levels), version=version)


# The area whose page also asks for the person's level of Finnish.
LANGUAGE_AREA_ID = "language"
