"""The database: one row per round of answers, found by a random id held in the person's cookie."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


def utcnow() -> datetime:
    """Return the current time in UTC, without a zone (stored the same way on every database)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Round(db.Model):
    """One go at the checklist: the answers, the Finnish level and the optional profile.

    No name, e-mail or other personal detail is ever stored.
    """

    __tablename__ = "rounds"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    finnish_level: Mapped[str | None] = mapped_column(String(8))
    profile: Mapped[dict] = mapped_column(JSON, default=dict)
    # The area to resume at; "results" once every area is answered.
    step: Mapped[str] = mapped_column(String(40))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("rounds.id", ondelete="SET NULL"))
    share_code: Mapped[str | None] = mapped_column(String(32), unique=True)
    next_steps: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)

    @classmethod
    def start(cls, first_step: str, retention_days: int, previous_id: str | None = None) -> Round:
        """Create a new round with a random, unguessable id."""
        now = utcnow()
        return cls(
            id=secrets.token_urlsafe(32),
            answers={},
            profile={},
            next_steps=[],
            step=first_step,
            previous_id=previous_id,
            created_at=now,
            updated_at=now,
            expires_at=now + timedelta(days=retention_days),
        )

    def record(self, answers: dict[str, int], retention_days: int, finnish_level: str | None = None) -> None:
        """Merge new answers into the stored ones and push the expiry date forward."""
        # A new dict, so SQLAlchemy sees the JSON column change.
        self.answers = {**self.answers, **answers}
        if finnish_level is not None:
            self.finnish_level = finnish_level
        self.touch(retention_days)

    def touch(self, retention_days: int) -> None:
        """Mark the round as used now."""
        self.updated_at = utcnow()
        self.expires_at = self.updated_at + timedelta(days=retention_days)

    @property
    def expired(self) -> bool:
        return self.expires_at <= utcnow()
