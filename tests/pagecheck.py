"""Checks every rendered page must pass: it parses, has one <h1>, a matching <title>, unique ids,
in-page links that lead somewhere and the right <html lang dir>."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import cache
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
from babel.support import Translations

from checklist.config import Config

NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
DIRECTIONS = {language["code"]: language.get("direction", "ltr") for language in Config.LANGUAGES}
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


@cache
def error_prefix(lang: str) -> str:
    """Return what the title of a page with errors starts with, in a language."""
    return Translations.load(str(TRANSLATIONS), [lang]).gettext("Error:")


def text_of(element: Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def score_rows(document: Element) -> list[list[str]]:
    """Return the score table's rows as texts: area, score, (change,) level.

    The copy of the level that narrow screens show under the area's name is left out.
    """
    rows = []
    for row in document.findall(f".//{NS}table//{NS}tbody/{NS}tr"):
        head = row.find(f"{NS}th")
        area = (head.text or "") + "".join(
            text_of(e) for e in head if "table__level--inline" not in (e.get("class") or "")
        )
        rows.append([area.strip(), *(text_of(cell) for cell in row.findall(f"{NS}td"))])
    return rows


def parse(html: str) -> Element:
    """Parse a page strictly: any HTML parse error fails."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(html)


def url_language(path: str) -> str | None:
    """Return the language a path starts with (/fi/..., /ar/...), or None."""
    first = path.strip("/").split("/", 1)[0]
    return first if first in DIRECTIONS else None


# Pages that passed, by their digest and their address's language: all the verdict depends on.
PASSED: set[tuple[bytes, str | None]] = set()


def check_page_once(html: str, path: str) -> None:
    """Check a page, unless the very same page passed already: the tests see the same landing,
    area and results pages again and again, and parsing each strictly is most of their time."""
    key = (hashlib.blake2b(html.encode()).digest(), url_language(path))
    if key not in PASSED:
        check_page(html, path)
        PASSED.add(key)


def check_page(html: str, path: str) -> Element:
    """Assert the page-level rules and return the parsed document."""
    document = parse(html)
    h1s = document.findall(f".//{NS}h1")
    assert len(h1s) == 1, f"{path}: expected one <h1>, found {len(h1s)}"
    h1 = text_of(h1s[0])
    title = text_of(document.find(f".//{NS}title"))
    lang = document.get("lang")
    url_lang = url_language(path)
    if url_lang is not None:
        assert lang == url_lang, f"{path}: <html lang={lang!r}> does not match the URL"
    assert document.get("dir") == DIRECTIONS.get(lang, "ltr"), f"{path}: <html dir> is not {lang}'s direction"
    has_errors = document.find(f".//{NS}div[@class='error-summary']") is not None
    expected_start = f"{error_prefix(lang)} {h1}" if has_errors else h1
    assert title.startswith(expected_start), f"{path}: title {title!r} does not start with {expected_start!r}"
    ids = Counter(e.get("id") for e in document.iter() if e.get("id"))
    duplicates = [i for i, n in ids.items() if n > 1]
    assert not duplicates, f"{path}: duplicate ids {duplicates}"
    # Every in-page link goes somewhere on the page (the skip link, the error summary, jump links).
    targets = {e.get("href")[1:] for e in document.iter(f"{NS}a") if (e.get("href") or "").startswith("#")}
    missing = sorted(t for t in targets if t not in ids)
    assert not missing, f"{path}: in-page links to missing ids {missing}"
    return document
