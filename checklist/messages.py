"""Every message of our own that forms and views show, in one place, translated lazily."""

from flask_babel import lazy_gettext as _l

from .scoring import Level

ANSWER_LABELS = {0: _l("Not yet"), 1: _l("A little"), 2: _l("Mostly"), 3: _l("Yes")}
LEVEL_NAMES = {Level.STRENGTH: _l("Strength"), Level.DEVELOP: _l("To develop"), Level.GAP: _l("Gap")}

CHOOSE_ANSWER = _l("Choose how well this describes you")
INVALID_ANSWER = _l("Choose one of the answers shown")
CHOOSE_LEVEL = _l("Choose the level that best describes your Finnish")
INVALID_LEVEL = _l("Choose one of the levels shown")
