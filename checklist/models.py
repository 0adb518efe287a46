"""The database: rounds of answers, anonymous statistics, coordinators and the services catalogue.

A round is found by a random id held in the person's cookie. Each answer and each agreed next
step is a row of its own, so two tabs (or a double tap) saving different parts of one round at
the same moment never overwrite each other. No client's name, e-mail or other personal detail is
ever stored; a coordinator account holds a name and a password hash.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, timedelta

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, SmallInteger, String, Text, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


def enforce_foreign_keys(engine: Engine) -> None:
    """Make SQLite honour ON DELETE on this engine's connections (an app's own engine, not every
    engine of the process): without it, deleting a round would leave its rows."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)


def _sqlite_foreign_keys(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def utcnow() -> datetime:
    """Return the current time in UTC, without a zone (stored the same way on every database)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Round(db.Model):
    """One go at the checklist: the answers, the Finnish level and the optional profile."""

    __tablename__ = "rounds"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    finnish_level: Mapped[str | None] = mapped_column(String(8))
    profile: Mapped[dict] = mapped_column(JSON, default=dict)
    # The area to resume at; "profile", then "results" once every area is answered.
    step: Mapped[str] = mapped_column(String(40))
    # The checklist version the round was answered on; None for rounds from before versions.
    content_version: Mapped[str | None] = mapped_column(String(16))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("rounds.id", ondelete="SET NULL"), index=True)
    share_code: Mapped[str | None] = mapped_column(String(32), unique=True)
    # The random key of the round's statistics record; it goes with the round, and after that
    # nothing joins the record to anyone.
    statistics_key: Mapped[str | None] = mapped_column(String(43))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)

    answer_rows: Mapped[list[Answer]] = relationship(
        back_populates="round", cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    next_steps: Mapped[list[NextStep]] = relationship(
        back_populates="round",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="NextStep.position, NextStep.id",
    )

    @classmethod
    def start(cls, first_step: str, retention_days: int, content_version: str, previous: Round | None = None) -> Round:
        """Create a new round with a random, unguessable id; a retake keeps the previous profile."""
        now = utcnow()
        return cls(
            id=secrets.token_urlsafe(32),
            profile=dict(previous.profile) if previous is not None else {},
            step=first_step,
            content_version=content_version,
            previous_id=previous.id if previous is not None else None,
            created_at=now,
            updated_at=now,
            expires_at=now + timedelta(days=retention_days),
        )

    @property
    def answers(self) -> dict[str, int]:
        """Return the answers by statement id."""
        return {row.statement_id: row.value for row in self.answer_rows}

    def touch(self, retention_days: int) -> None:
        """Mark the round as used now."""
        self.updated_at = utcnow()
        self.expires_at = self.updated_at + timedelta(days=retention_days)

    def keep(self, retention_days: int) -> bool:
        """Keep the round for retention_days from now, as any use of it does; return whether its
        expiry moved. It moves only by a day or more, so that page views rarely write."""
        until = utcnow() + timedelta(days=retention_days)
        if until - self.expires_at < timedelta(days=1):
            return False
        self.expires_at = until
        return True

    @property
    def expired(self) -> bool:
        return self.expires_at <= utcnow()


class Answer(db.Model):
    """One statement's answer in one round (0–3)."""

    __tablename__ = "answers"

    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    statement_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(SmallInteger)

    round: Mapped[Round] = relationship(back_populates="answer_rows")


class NextStep(db.Model):
    """A step agreed in a guidance session: what, who does it, by when, and whether it is done."""

    __tablename__ = "next_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    text: Mapped[str] = mapped_column(Text)
    who: Mapped[str | None] = mapped_column(String(16))  # "client", "counsellor" or None
    due: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    round: Mapped[Round] = relationship(back_populates="next_steps")

    @property
    def done(self) -> bool:
        return self.done_at is not None


class StatisticsRecord(db.Model):
    """A finished round as the coordinators' statistics see it: no id, code, municipality or text
    of the round (checklist/statistics.py says what is shown of it, and how).

    Its key is random, so not even the order of the rows follows the order of the rounds.
    """

    __tablename__ = "statistics"
    # Each index holds what one of the dashboard's GROUP BYs reads, in its order: the database
    # reads the index alone, already grouped, instead of sorting the table.
    __table_args__ = (Index("ix_statistics_cells", "quarter", "employment_area", "finnish_level", "retake"),)

    key: Mapped[str] = mapped_column(String(43), primary_key=True)
    quarter: Mapped[str] = mapped_column(String(7))  # YYYY-Qn, when the record was made
    employment_area: Mapped[str | None] = mapped_column(String(64))
    finnish_level: Mapped[str | None] = mapped_column(String(8))
    retake: Mapped[bool] = mapped_column(Boolean, default=False)

    scores: Mapped[list[StatisticsScore]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    low: Mapped[list[StatisticsLow]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class StatisticsScore(db.Model):
    """One area's score in a statistics record, and its change since the previous round."""

    __tablename__ = "statistics_scores"
    __table_args__ = (Index("ix_statistics_scores_cells", "quarter", "employment_area", "area_id", "score", "change"),)

    key: Mapped[str] = mapped_column(ForeignKey("statistics.key", ondelete="CASCADE"), primary_key=True)
    area_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    score: Mapped[int] = mapped_column(SmallInteger)
    change: Mapped[int | None] = mapped_column(SmallInteger)  # only on a retake
    # The record's quarter and place again, so that every figure is one scan of one table.
    quarter: Mapped[str] = mapped_column(String(7))
    employment_area: Mapped[str | None] = mapped_column(String(64))


class StatisticsLow(db.Model):
    """A statement answered low ("Not true" or "A little true") in a statistics record."""

    __tablename__ = "statistics_low"
    __table_args__ = (Index("ix_statistics_low_cells", "quarter", "employment_area", "statement_id"),)

    key: Mapped[str] = mapped_column(ForeignKey("statistics.key", ondelete="CASCADE"), primary_key=True)
    statement_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    quarter: Mapped[str] = mapped_column(String(7))  # the record's quarter and place again (as above)
    employment_area: Mapped[str | None] = mapped_column(String(64))


class Coordinator(db.Model):
    """A coordinator's account: a name and a slow, salted password hash."""

    __tablename__ = "coordinators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CoordinatorLogin(db.Model):
    """A coordinator's signed-in browser. Held here, not only in the cookie, so that logging out,
    inactivity, the login's age and removing the account end it for certain."""

    __tablename__ = "coordinator_logins"

    token: Mapped[str] = mapped_column(String(43), primary_key=True)
    coordinator_id: Mapped[int] = mapped_column(ForeignKey("coordinators.id", ondelete="CASCADE"), index=True)
    # When the password was given: however active, a login ends COORDINATOR_LOGIN_HOURS after it.
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    coordinator: Mapped[Coordinator] = relationship(lazy="joined")


class ServiceEntry(db.Model):
    """A services-catalogue entry, as the mapping the catalogue file holds for it (checked by the
    same validation); a retired entry stays for its history but is never suggested."""

    __tablename__ = "services"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)  # the catalogue's order
    entry: Mapped[dict] = mapped_column(JSON)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ServiceChange(db.Model):
    """One change to a catalogue entry: who made it, when, and each field's value before and after."""

    __tablename__ = "service_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The coordinator's name at the time: the history stays when an account is removed.
    by: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))  # added, edited, checked, retired, restored
    fields: Mapped[dict] = mapped_column(JSON, default=dict)  # {field: [before, after]}


class CatalogueRevision(db.Model):
    """A single row counting the catalogue's changes. Each worker compares it with the revision
    it has built, once per request that shows services, and rebuilds when it has moved on."""

    __tablename__ = "catalogue_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
