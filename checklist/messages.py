"""Every message of our own that forms and views show, in one place, translated lazily."""

from flask_babel import lazy_gettext as _l

from .scoring import NOT_RELEVANT, Level

# One scale that fits every statement, as each says what the person does or has; and the answer
# offered where a statement may not apply.
ANSWER_LABELS = {
    0: _l("Not true"),
    1: _l("A little true"),
    2: _l("Mostly true"),
    3: _l("Completely true"),
    NOT_RELEVANT: _l("Not relevant to me"),
}
# Levels in words that encourage: a low area is where to start, not a failure.
LEVEL_NAMES = {
    Level.STRENGTH: _l("Strength"),
    Level.DEVELOP: _l("Keep going"),
    Level.GAP: _l("Start here"),
    Level.NOT_SCORED: _l("No score"),
}
NOT_SCORED_NOTE = _l("No score: none of the sentences in this area apply to you.")

CHOOSE_ANSWER = _l("Choose how well this describes you")
PAPER_EMPTY = _l("Enter at least one answer from the paper")
# The blank checklist on paper shows each of these in one or two languages.
PAPER_TEXTS = {
    "title": _l("Job-search checklist on paper"),
    "lead": _l("How true is each sentence for you now? Tick one box on each line."),
    "date": _l("Date:"),
    "municipality": _l("Municipality:"),
    "sentence": _l("Sentence"),
    "level": _l("Which of these best describes your Finnish now?"),
    "after": _l(
        "Give the paper to your counsellor. They key in your answers and give you a share code for your results."
    ),
}
INVALID_ANSWER = _l("Choose one of the answers shown")
CHOOSE_LEVEL = _l("Choose the level that best describes your Finnish")
INVALID_LEVEL = _l("Choose one of the levels shown")

YES_NO_LABELS = {"yes": _l("Yes"), "no": _l("No"), "": _l("I would rather not say")}
CHOOSE_FROM_LIST = _l("Choose from the list")

TARGET_GROUP_NAMES = {
    "home-parent": _l("parents returning to work"),
    "higher-education": _l("people with a higher-education degree"),
    "entrepreneur": _l("people who want to start a business"),
    "under-30": _l("young people under 30"),
}
KIND_NAMES = {
    "guidance": _l("Guidance"),
    "coaching": _l("Group coaching"),
    "finnish-course": _l("Finnish course"),
    "online-course": _l("Online course"),
    "material": _l("Online material"),
    "licence-card": _l("Licence card"),
    "job-board": _l("Job board"),
    "language-test": _l("Language test"),
    "recognition": _l("Recognition of qualifications"),
    "advice": _l("Advice"),
    "peer-group": _l("Meeting place"),
}

CODE_NOT_FOUND = _l(
    "No results were found for this code. Check the code. Codes stop working when the results are deleted or expire."
)
ENTER_CODE = _l("Enter the share code")
STEP_TOO_LONG = _l("Write at most 200 characters")
STEP_TEXT_MISSING = _l("Write what was agreed, or leave the whole step empty")
INVALID_DATE = _l("Enter a real date, for example 31.12.2026")
WHO_NAMES = {"client": _l("Client"), "counsellor": _l("Counsellor")}
