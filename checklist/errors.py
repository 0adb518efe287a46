"""Error pages: a clear, translated page for every 4xx, and a plain one for the rare 5xx."""

from __future__ import annotations

from flask import Flask, current_app, g, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .i18n import current_language
from .request_checks import NulCharacter
from .rounds import NoRound

TITLES = {
    400: _l("Something was wrong in what was sent"),
    403: _l("You cannot open this page"),
    404: _l("Page not found"),
    405: _l("This page cannot be opened this way"),
    413: _l("Too much was sent"),
    429: _l("Too many tries"),
}
EXPLANATIONS = {
    400: _l("Something in the form or in the address was not right. Go back and try again."),
    403: _l("You do not have permission to open this page."),
    404: _l("Check that the address is right. If you typed it, check every letter."),
    405: _l("Open the page from a link or a button in this service."),
    413: _l("The form had far more information than the checklist needs. Go back and try again."),
    429: _l("You have tried many times in a short time. Wait a minute and try again."),
}
CSRF_TITLE = _l("The form could not be sent")
CSRF_EXPLANATION = _l(
    "This can happen when the page has been open for a long time, or when cookies are blocked. "
    "The answers you saved earlier are kept. Open the page again and send the form once more."
)
# A NUL character cannot be stored; it may come with text pasted from another program.
NUL_TITLE = _l("The form or the address had a character that cannot be saved")
NUL_EXPLANATION = _l(
    "It may have come with text copied from another program. Go back, type the text instead of "
    "pasting it, and send it again. The answers you saved earlier are kept."
)
NO_ROUND_TITLE = _l("No answers found")
# The answers live on the server; only the cookie's random id, in one browser, leads to them.
NO_ROUND_EXPLANATION = _l(
    "We could not find your answers. Your answers are saved on our server, under a code. "
    "Only the browser you used knows this code. So another browser cannot open your answers, "
    "and neither can your browser after its cookies are deleted. Answers are also deleted "
    "%(days)s days after they were last used, or at once when you delete them. "
    "You can start the checklist again."
)
SERVER_ERROR_TITLE = _l("Sorry, something went wrong")
SERVER_ERROR_EXPLANATION = _l("The error is on our side. Your saved answers are kept. Try again in a moment.")


def render_error(code: int, title: str, explanation: str, start_again: bool = False):
    # Routing may have failed before the URL's language was read: settle it for the links.
    g.lang = current_language()
    # The client's messages, even where a desk page failed: the desk's own `_` would not know them.
    texts = {name: current_app.jinja_env.globals[name] for name in ("_", "gettext", "ngettext")}
    return render_template(
        "errors/error.html", code=code, title=title, explanation=explanation, start_again=start_again, **texts
    ), code


def handle_http_error(error: HTTPException):
    """Render a 4xx error in the page's language."""
    code = error.code or 500
    if code >= 500:
        return handle_server_error(error)
    if isinstance(error, CSRFError):
        return render_error(400, CSRF_TITLE, CSRF_EXPLANATION)
    if isinstance(error, NulCharacter):
        return render_error(400, NUL_TITLE, NUL_EXPLANATION)
    return render_error(code, TITLES.get(code, TITLES[400]), EXPLANATIONS.get(code, EXPLANATIONS[400]))


def handle_no_round(error: NoRound):
    """Say that no answers were found, and offer a fresh start."""
    # The lazy message is translated without its placeholder filled; fill it in now.
    explanation = str(NO_ROUND_EXPLANATION) % {"days": current_app.config["RETENTION_DAYS"]}
    return render_error(404, NO_ROUND_TITLE, explanation, start_again=True)


def handle_server_error(error: Exception):
    """Render a plain 500 page; the details go to the log, not the page."""
    return render_error(500, SERVER_ERROR_TITLE, SERVER_ERROR_EXPLANATION)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(NoRound, handle_no_round)
    app.register_error_handler(InternalServerError, handle_server_error)
