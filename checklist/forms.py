"""Forms: one per checklist area, a radio group for each statement."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    Field,
    FieldList,
    Form,
    FormField,
    HiddenField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, StopValidation, ValidationError

from . import messages
from .content import FINNISH_LEVEL_IDS, Area, Checklist, Statement
from .scoring import ANSWERS, NOT_RELEVANT
from .step_entries import WHO, StepEntry, StepValues

if TYPE_CHECKING:
    from .models import NextStep

LEVEL_FIELD = "finnish-level"


class ChoiceField(Field):
    """One value out of a fixed set, shown as a radio group by the template.

    A missing and an unknown value each get our own, translated message.
    """

    def __init__(self, *args, values: tuple[str, ...], missing: str, invalid: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.values, self.missing, self.invalid = values, missing, invalid

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = valuelist[0] if valuelist else None

    def pre_validate(self, form: FlaskForm) -> None:
        if not self.data:
            raise StopValidation(str(self.missing))
        if not self.has_valid_value:
            raise StopValidation(str(self.invalid))

    @property
    def has_valid_value(self) -> bool:
        return self.data in self.values


class AreaForm(FlaskForm):
    """The answers to one area."""

    def statement_fields(self) -> list[ChoiceField]:
        return [field for field in self if isinstance(field, ChoiceField) and field.name != LEVEL_FIELD]

    def valid_answers(self) -> dict[str, int]:
        """Return the answers that have a valid value, whether or not the rest of the form does."""
        return {f.name: int(f.data) for f in self.statement_fields() if f.has_valid_value}

    def valid_level(self) -> str | None:
        """Return the Finnish level if one was validly chosen."""
        field = self._fields.get(LEVEL_FIELD)
        return field.data if field is not None and field.has_valid_value else None


def answer_values(statement: Statement) -> tuple[int, ...]:
    """Return the answers a statement accepts: the scale, and "Not relevant to me" where offered."""
    return (*ANSWERS, NOT_RELEVANT) if statement.may_not_apply else ANSWERS


@cache
def area_form_class(area: Area, asks_level: bool) -> type[AreaForm]:
    """Return the form class for an area (built once per area)."""
    fields = {
        statement.id: ChoiceField(
            values=tuple(str(value) for value in answer_values(statement)),
            missing=messages.CHOOSE_ANSWER,
            invalid=messages.INVALID_ANSWER,
        )
        for statement in area.statements
    }
    if asks_level:
        fields[LEVEL_FIELD] = ChoiceField(
            values=FINNISH_LEVEL_IDS,
            missing=messages.CHOOSE_LEVEL,
            invalid=messages.INVALID_LEVEL,
        )
    return type(f"AreaForm_{area.id}", (AreaForm,), fields)


def saved_data(area: Area, answers: dict[str, int], finnish_level: str | None) -> dict[str, str]:
    """Return the stored answers of an area as form data."""
    data = {s.id: str(answers[s.id]) for s in area.statements if answers.get(s.id) in answer_values(s)}
    if finnish_level:
        data[LEVEL_FIELD] = finnish_level
    return data


# The optional profile: each question maps to a Profile field of the matching module.
PROFILE_QUESTIONS = ("home_parent", "higher_education", "entrepreneur", "under_30")
YES_NO = {"yes": True, "no": False, "": None}


class OptionalChoiceField(ChoiceField):
    """A choice that may be left empty: empty means "not told"."""

    def pre_validate(self, form: FlaskForm) -> None:
        if self.data and not self.has_valid_value:
            raise StopValidation(str(self.invalid))


class ProfileForm(FlaskForm):
    """The optional profile: municipality and four yes/no questions, all optional."""

    municipality = OptionalChoiceField(values=(), missing="", invalid=messages.CHOOSE_FROM_LIST)
    home_parent = OptionalChoiceField(values=tuple(YES_NO), missing="", invalid=messages.CHOOSE_FROM_LIST)
    higher_education = OptionalChoiceField(values=tuple(YES_NO), missing="", invalid=messages.CHOOSE_FROM_LIST)
    entrepreneur = OptionalChoiceField(values=tuple(YES_NO), missing="", invalid=messages.CHOOSE_FROM_LIST)
    under_30 = OptionalChoiceField(values=tuple(YES_NO), missing="", invalid=messages.CHOOSE_FROM_LIST)

    def __init__(self, *args, municipalities: tuple[str, ...], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.municipality.values = ("", *municipalities)

    def profile_data(self) -> dict:
        """Return the answers as stored: the municipality name or None, and True/False/None."""
        data: dict = {"municipality": self.municipality.data or None}
        data.update({name: YES_NO[self[name].data or ""] for name in PROFILE_QUESTIONS})
        return data


class PaperForm(FlaskForm):
    """A paper checklist keyed in by a counsellor: any sentence may be left blank, as on paper."""

    def statement_fields(self) -> list[ChoiceField]:
        return [field for field in self if isinstance(field, ChoiceField) and field.name not in PAPER_EXTRA]

    def answers(self) -> dict[str, int]:
        return {field.name: int(field.data) for field in self.statement_fields() if field.data}

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if valid and not self.answers():
            first = self.statement_fields()[0]
            first.errors = [str(messages.PAPER_EMPTY)]
            return False
        return valid


PAPER_EXTRA = (LEVEL_FIELD, "municipality")


@cache
def paper_form_class(checklist: Checklist, municipalities: tuple[str, ...]) -> type[PaperForm]:
    """Return the form for keying in a whole paper checklist (built once per content)."""
    fields: dict[str, Field] = {
        statement.id: OptionalChoiceField(
            values=("", *(str(value) for value in answer_values(statement))),
            missing="",
            invalid=messages.INVALID_ANSWER,
        )
        for statement in checklist.statements()
    }
    fields[LEVEL_FIELD] = OptionalChoiceField(
        values=("", *FINNISH_LEVEL_IDS), missing="", invalid=messages.INVALID_LEVEL
    )
    fields["municipality"] = OptionalChoiceField(
        values=("", *municipalities), missing="", invalid=messages.CHOOSE_FROM_LIST
    )
    return type("PaperForm", (PaperForm,), fields)


def profile_form_data(profile: dict) -> dict[str, str]:
    """Return a stored profile as form data."""
    answer = {True: "yes", False: "no", None: ""}
    data = {name: answer[profile.get(name)] for name in PROFILE_QUESTIONS}
    data["municipality"] = profile.get("municipality") or ""
    return data


def strip(text: str | None) -> str | None:
    """Drop the spaces around a typed text."""
    return text.strip() if text else text


class CodeForm(FlaskForm):
    """The counsellor's share-code look-up."""

    code = StringField(
        filters=[strip],
        validators=[DataRequired(message=messages.ENTER_CODE), Length(max=40, message=messages.ENTER_CODE)],
    )


MAX_NEXT_STEPS = 5
MAX_STEP_LENGTH = 200  # the same number as in messages.STEP_TOO_LONG


class DueDateField(DateField):
    """An optional date (a date input sends YYYY-MM-DD), with our own message for a wrong one."""

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(messages.INVALID_DATE)) from error


class StepIdField(Field):
    """A stored step's id, sent back in a hidden field; anything else means a new step."""

    def process_formdata(self, valuelist: list[str]) -> None:
        value = valuelist[0] if valuelist else ""
        self.data = int(value) if value.isdigit() and len(value) < 10 else None


class StepForm(Form):
    """One agreed step: what, who does it, by when, and whether it is done."""

    id = StepIdField()
    text = TextAreaField(filters=[strip], validators=[Length(max=MAX_STEP_LENGTH, message=messages.STEP_TOO_LONG)])
    who = OptionalChoiceField(values=("", *WHO), missing="", invalid=messages.CHOOSE_FROM_LIST)
    # A date input sends YYYY-MM-DD; typed by hand, Finns write 31.12.2026.
    due = DueDateField(format=["%Y-%m-%d", "%d.%m.%Y"], validators=[Optional()])
    done = BooleanField()
    # A stored step's values as the form showed them, sent back as they were: saving then writes
    # only what the counsellor changed, and keeps what the client (or another tab) did meanwhile.
    shown_text = HiddenField()
    shown_who = HiddenField()
    shown_due = HiddenField()
    shown_done = HiddenField()

    def validate_text(self, field: Field) -> None:
        # A date or a "who" alone is no step: say so, rather than drop it and say "saved".
        if not field.data and (self.who.data or self.due.data):
            raise ValidationError(str(messages.STEP_TEXT_MISSING))

    def entry(self) -> StepEntry:
        sent = StepValues(self.text.data or "", self.who.data or None, self.due.data, self.done.data)
        return StepEntry(self.id.data, sent, self.shown() if self.id.data is not None else None)

    def shown(self) -> StepValues | None:
        """Return the stored step's values as the form showed them; None when it did not send
        them (a page opened before they were added): its values are then all written."""
        if not self.shown_text.data:
            return None
        return StepValues(
            self.shown_text.data,
            self.shown_who.data or None,
            iso_date(self.shown_due.data),
            self.shown_done.data == "1",
        )


def iso_date(text: str | None) -> date | None:
    """Return a YYYY-MM-DD date, or None for anything else."""
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        return None


class NextStepsForm(FlaskForm):
    """Up to five next steps agreed in a guidance session."""

    steps = FieldList(FormField(StepForm), min_entries=MAX_NEXT_STEPS, max_entries=MAX_NEXT_STEPS)

    def entries(self) -> list[StepEntry]:
        return [row.form.entry() for row in self.steps]


def next_steps_data(steps: list[NextStep]) -> dict:
    """Return stored steps as the form's data, with the values shown kept aside for merging."""
    return {
        "steps": [
            {
                "id": s.id,
                "text": s.text,
                "who": s.who or "",
                "due": s.due,
                "done": s.done,
                "shown_text": s.text,
                "shown_who": s.who or "",
                "shown_due": s.due.isoformat() if s.due else "",
                "shown_done": "1" if s.done else "",
            }
            for s in steps[:MAX_NEXT_STEPS]
        ]
    }
