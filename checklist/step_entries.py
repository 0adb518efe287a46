"""What the next-steps form sends: plain values, apart from the database, so that the form does
not need it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WHO = ("client", "counsellor")


@dataclass(frozen=True)
class StepValues:
    """What a step says: what, who does it, by when, and whether it is done."""

    text: str
    who: str | None
    due: date | None
    done: bool


FIELDS = ("text", "who", "due", "done")


@dataclass(frozen=True)
class StepEntry:
    """One row of the next-steps form: a stored step's id (None for a new row), the values sent,
    and the values the form showed for the stored step when it was opened."""

    id: int | None
    sent: StepValues
    shown: StepValues | None = None

    def changed(self) -> list[str]:
        """Return the fields the counsellor changed; every field for a row showing no stored step."""
        if self.shown is None:
            return list(FIELDS)
        return [
            name for name in FIELDS if _comparable(getattr(self.sent, name)) != _comparable(getattr(self.shown, name))
        ]


def _comparable(value: object) -> object:
    # A browser sends a textarea's line breaks as CRLF, and may send a hidden field's as LF.
    return value.replace("\r\n", "\n") if isinstance(value, str) else value
