"""Languages: every page URL starts with a configured language's code (/fi/, /uk/…), and the page is
served in that language. The list itself is configuration (checklist/languages.py)."""

from __future__ import annotations

from flask import Flask, abort, current_app, g, request, session
from flask_babel import Babel

from .languages import Language, Languages, parse_languages

babel = Babel()

# The session key of the language shown under each text, when the person has chosen one.
SECOND_LANGUAGE = "second_language"


def languages() -> Languages:
    """Return the running app's languages."""
    return current_app.extensions["languages"]


def browser_language() -> str:
    """Return the browser's preferred language of ours, the default when none matches."""
    known = languages()
    return request.accept_languages.best_match(known.codes) or known.default.code


def current_language() -> str:
    """Return the language of this request: the URL's, else the browser's."""
    known = languages()
    lang = g.get("lang")
    if lang in known:
        return lang
    first = request.path.strip("/").split("/", 1)[0]
    return first if first in known else browser_language()


def language(code: str | None = None) -> Language:
    """Return a language by code; by default this request's."""
    return languages().get(code or current_language()) or languages().default


def second_language() -> str | None:
    """Return the language chosen to be shown under each text, or None."""
    second = session.get(SECOND_LANGUAGE)
    if second in languages() and second != current_language():
        return second
    return None


def choose_second_language(code: str | None) -> None:
    """Remember the language to show under each text; anything not configured means none."""
    session[SECOND_LANGUAGE] = code if code in languages() else None


def pull_language(endpoint: str | None, values: dict | None) -> None:
    """Take the language out of the URL values; an unknown one is a 404."""
    if values is None or "lang" not in values:
        return
    lang = values.pop("lang")
    if lang not in languages():
        abort(404)
    g.lang = lang


def add_language(endpoint: str, values: dict) -> None:
    """Give url_for the current language, unless another one is asked for."""
    if "lang" not in values and g.get("lang") and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = g.lang


def init_app(app: Flask) -> None:
    app.extensions["languages"] = parse_languages(app.config["LANGUAGES"])
    app.config["BABEL_DEFAULT_LOCALE"] = app.extensions["languages"].default.code
    babel.init_app(app, locale_selector=current_language)
    app.url_value_preprocessor(pull_language)
    app.url_defaults(add_language)
