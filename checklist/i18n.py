"""Languages: every page URL starts with /fi/ or /en/, and the page is served in that language."""

from __future__ import annotations

from flask import Flask, abort, current_app, g, request
from flask_babel import Babel

LANGUAGES = ("fi", "en")
DEFAULT_LANGUAGE = "fi"
# Each language's name in itself, as a language switch shows it: never translated.
LANGUAGE_NAMES = {"fi": "Suomeksi", "en": "In English"}

babel = Babel()


def browser_language() -> str:
    """Return the browser's preferred language of ours, Finnish when neither matches."""
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def current_language() -> str:
    """Return the language of this request: the URL's, else the browser's."""
    lang = g.get("lang")
    if lang in LANGUAGES:
        return lang
    first = request.path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else browser_language()


def other_language(lang: str) -> str:
    """Return the other of our two languages."""
    return "en" if lang == "fi" else "fi"


def pull_language(endpoint: str | None, values: dict | None) -> None:
    """Take the language out of the URL values; an unknown one is a 404."""
    if values is None or "lang" not in values:
        return
    lang = values.pop("lang")
    if lang not in LANGUAGES:
        abort(404)
    g.lang = lang


def add_language(endpoint: str, values: dict) -> None:
    """Give url_for the current language, unless another one is asked for."""
    if "lang" not in values and g.get("lang") and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = g.lang


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=current_language)
