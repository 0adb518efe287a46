"""Checks every rendered page must pass: it parses, has one <h1>, a matching <title>, unique ids
and the right <html lang>."""

from __future__ import annotations

import re
from collections import Counter
from xml.etree.ElementTree import Element

import html5lib

NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
ERROR_PREFIX = {"fi": "Virhe:", "en": "Error:"}


def text_of(element: Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def parse(html: str) -> Element:
    """Parse a page strictly: any HTML parse error fails."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(html)


def check_page(html: str, path: str) -> Element:
    """Assert the page-level rules and return the parsed document."""
    document = parse(html)
    h1s = document.findall(f".//{NS}h1")
    assert len(h1s) == 1, f"{path}: expected one <h1>, found {len(h1s)}"
    h1 = text_of(h1s[0])
    title = text_of(document.find(f".//{NS}title"))
    lang = document.get("lang")
    url_lang = path.strip("/").split("/", 1)[0]
    if url_lang in ERROR_PREFIX:
        assert lang == url_lang, f"{path}: <html lang={lang!r}> does not match the URL"
    has_errors = document.find(f".//{NS}div[@class='error-summary']") is not None
    expected_start = f"{ERROR_PREFIX[lang]} {h1}" if has_errors else h1
    assert title.startswith(expected_start), f"{path}: title {title!r} does not start with {expected_start!r}"
    ids = Counter(e.get("id") for e in document.iter() if e.get("id"))
    duplicates = [i for i, n in ids.items() if n > 1]
    assert not duplicates, f"{path}: duplicate ids {duplicates}"
    return document
