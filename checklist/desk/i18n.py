"""The desk's languages and messages.

The desk is for the employment services' own staff, who work in Finnish; English is there for
colleagues who do not read it. Its messages live in a gettext domain of their own (translations/
fi|en/LC_MESSAGES/desk.po), so the client's languages are not asked to translate them.
"""

from __future__ import annotations

from typing import Any

from flask import redirect, request
from flask_babel import Domain
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup
from werkzeug.wrappers import Response

from ..i18n import current_language

# The first is where a desk URL in any other language leads.
DESK_LANGUAGES = ("fi", "en")

domain = Domain(domain="desk")
gettext = domain.gettext
ngettext = domain.ngettext
lazy_gettext = domain.lazy_gettext


def desk_language() -> Response | None:
    """Send a desk page asked for in another language to the same page in Finnish (a before_request hook)."""
    lang = current_language()
    if lang in DESK_LANGUAGES:
        return None
    rest = request.path.removeprefix(f"/{lang}")
    query = request.query_string.decode("latin-1")
    return redirect(f"{request.script_root}/{DESK_LANGUAGES[0]}{rest}" + (f"?{query}" if query else ""))


# The template callables work as Jinja's own "newstyle" ones, which the client's templates get: the
# message is translated first and its placeholders filled in after, escaped where the page escapes.
@pass_eval_context
def template_gettext(eval_ctx: EvalContext, string: str, **variables: Any) -> str:
    translated = domain.get_translations().ugettext(string)
    return (Markup(translated) if eval_ctx.autoescape else translated) % variables


@pass_eval_context
def template_ngettext(eval_ctx: EvalContext, singular: str, plural: str, num: int, **variables: Any) -> str:
    variables.setdefault("num", num)
    translated = domain.get_translations().ungettext(singular, plural, num)
    return (Markup(translated) if eval_ctx.autoescape else translated) % variables


def desk_texts() -> dict[str, Any]:
    """Give desk templates the desk domain's messages as `_`, `gettext` and `ngettext`: a context
    variable wins over the Jinja global, which speaks the client's domain."""
    return {
        "_": template_gettext,
        "gettext": template_gettext,
        "ngettext": template_ngettext,
        "desk_languages": DESK_LANGUAGES,
    }
