"""The languages the app speaks, read from configuration: one list that everything else uses.

Pure Python: no Flask import. Each language gives its code, its name in itself, its writing
direction and the state of its translation:
- source: the checklist is written in it (Finnish and English, which must be complete);
- reviewed: a native speaker has checked the translation; says by whom (a role) and when;
- draft: not checked yet, and every page in it says so, in the language itself.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# The languages the content is written in: every text exists in both, the rest fall back to English.
SOURCE_LANGUAGES = ("fi", "en")
FALLBACK_LANGUAGE = "en"
STATUSES = ("source", "reviewed", "draft")
DIRECTIONS = ("ltr", "rtl")
CODE = re.compile(r"^[a-z]{2,3}$")


class LanguageError(ValueError):
    """The configured list of languages is broken: the message names the entry and the problem."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself, as a language menu shows it: never translated
    direction: str = "ltr"
    status: str = "draft"
    reviewed_by: str = ""  # a role, never a person's name
    reviewed_on: datetime.date | None = None

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"


@dataclass(frozen=True)
class Languages:
    """The configured languages, in menu order; the first is the default."""

    all: tuple[Language, ...]

    def __iter__(self) -> Iterator[Language]:
        return iter(self.all)

    def __contains__(self, code: object) -> bool:
        return any(language.code == code for language in self.all)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    @property
    def default(self) -> Language:
        return self.all[0]

    @property
    def translated(self) -> tuple[Language, ...]:
        """Return the languages whose content texts are translations of the source texts."""
        return tuple(language for language in self.all if language.code not in SOURCE_LANGUAGES)

    def get(self, code: str | None) -> Language | None:
        return next((language for language in self.all if language.code == code), None)


def parse_languages(entries: Sequence[Mapping[str, Any]]) -> Languages:
    """Read and check the configured list of languages."""
    languages: list[Language] = []
    for index, entry in enumerate(entries, start=1):
        where = f"language {index}"
        if not isinstance(entry, Mapping):
            raise LanguageError(f"LANGUAGES: {where}: expected a mapping of keys to values")
        code = entry.get("code")
        if not isinstance(code, str) or not CODE.match(code):
            raise LanguageError(f"LANGUAGES: {where}: 'code' {code!r} must be 2 or 3 lower-case letters")
        where = f"language '{code}'"
        unknown = set(entry) - {"code", "name", "direction", "status", "reviewed_by", "reviewed_on"}
        if unknown:
            raise LanguageError(f"LANGUAGES: {where}: unknown keys {sorted(unknown)}")
        if code in (language.code for language in languages):
            raise LanguageError(f"LANGUAGES: {where}: listed twice")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise LanguageError(f"LANGUAGES: {where}: 'name' must be the language's name in itself")
        direction = entry.get("direction", "ltr")
        if direction not in DIRECTIONS:
            raise LanguageError(f"LANGUAGES: {where}: 'direction' must be ltr or rtl, not {direction!r}")
        status = entry.get("status", "draft")
        if status not in STATUSES:
            raise LanguageError(f"LANGUAGES: {where}: 'status' must be one of {', '.join(STATUSES)}")
        if (status == "source") != (code in SOURCE_LANGUAGES):
            raise LanguageError(f"LANGUAGES: {where}: only {' and '.join(SOURCE_LANGUAGES)} have the status 'source'")
        reviewed_by, reviewed_on = entry.get("reviewed_by", ""), entry.get("reviewed_on")
        if status == "reviewed":
            if not isinstance(reviewed_by, str) or not reviewed_by.strip():
                raise LanguageError(f"LANGUAGES: {where}: a reviewed language says by whom ('reviewed_by', a role)")
            if isinstance(reviewed_on, str):
                try:
                    reviewed_on = datetime.date.fromisoformat(reviewed_on)
                except ValueError:
                    reviewed_on = None
            if not isinstance(reviewed_on, datetime.date):
                raise LanguageError(f"LANGUAGES: {where}: a reviewed language says when ('reviewed_on', YYYY-MM-DD)")
        languages.append(Language(code, name.strip(), direction, status, reviewed_by or "", reviewed_on))
    missing = [code for code in SOURCE_LANGUAGES if code not in (language.code for language in languages)]
    if missing:
        raise LanguageError(f"LANGUAGES: the source languages must be listed: {', '.join(missing)} missing")
    return Languages(tuple(languages))
