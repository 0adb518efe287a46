"""Anonymous statistics for coordinators: one record per finished round, kept apart from it.

A record holds the month, the place (if given), the Finnish level, the area scores, the
statements answered low, and whether the round was a retake with the change since the previous
round. It holds no round id, share code or text of the round. The live round holds the record's
random key, so its latest answers and profile replace the record; the key goes with the round,
and from then on nothing joins the record to anyone. Records outlive the rounds.

Every figure is computed in the database (GROUP BY), each from one scan of one table: the score
and low-statement rows carry their record's month and place, which is all the filters read. Any
figure drawn from fewer than SMALLEST_SHOWN rounds is hidden before it leaves this module.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select, update

from .catalogue import Catalogue
from .models import Round, StatisticsLow, StatisticsRecord, StatisticsScore, db
from .summary import Summary

# A figure drawn from fewer rounds than this shows as "<5", and its means stay blank.
SMALLEST_SHOWN = 5
HIDDEN = f"<{SMALLEST_SHOWN}"  # what stands for such a figure
NOT_GIVEN = ""  # the municipality or employment area of a record that gave none


# Writing ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Values:
    """What a record holds, compared before writing so that a page view rewrites nothing."""

    month: str
    municipality: str | None
    employment_area: str | None
    finnish_level: str | None
    retake: bool
    scores: frozenset[tuple[str, int, int | None]]
    low: frozenset[str]


def values_of(found: Round, summary: Summary, catalogue: Catalogue) -> Values:
    municipality = summary.profile.municipality
    area = catalogue.employment_area_of(municipality) if municipality else None
    return Values(
        month=found.completed_at.strftime("%Y-%m"),
        municipality=municipality,
        employment_area=area.id if area else None,
        finnish_level=summary.finnish_level,
        retake=summary.previous is not None,
        scores=frozenset(
            (result.area.id, result.score, summary.change(index))
            for index, result in enumerate(summary.results)
            if result.score is not None
        ),
        low=frozenset(s.id for result in summary.results for s in result.low_statements),
    )


def stored_values(record: StatisticsRecord) -> Values:
    return Values(
        month=record.month,
        municipality=record.municipality,
        employment_area=record.employment_area,
        finnish_level=record.finnish_level,
        retake=record.retake,
        scores=frozenset((s.area_id, s.score, s.change) for s in record.scores),
        low=frozenset(low.statement_id for low in record.low),
    )


def record(found: Round, summary: Summary, catalogue: Catalogue) -> None:
    """Write the finished round's record, or replace it when its answers or profile changed."""
    if found.completed_at is None:
        return
    if found.statistics_key is None:
        # Two tabs showing new results at once must not make two records: only one key sticks.
        db.session.execute(
            update(Round)
            .where(Round.id == found.id, Round.statistics_key.is_(None))
            .values(statistics_key=secrets.token_urlsafe(32))
        )
        db.session.commit()
        db.session.refresh(found, ["statistics_key"])
    values = values_of(found, summary, catalogue)
    existing = db.session.get(StatisticsRecord, found.statistics_key)
    if existing is not None:
        if stored_values(existing) == values:
            return
        db.session.delete(existing)
        db.session.flush()
    place = {"month": values.month, "employment_area": values.employment_area, "municipality": values.municipality}
    db.session.add(
        StatisticsRecord(
            key=found.statistics_key,
            month=values.month,
            municipality=values.municipality,
            employment_area=values.employment_area,
            finnish_level=values.finnish_level,
            retake=values.retake,
            scores=[StatisticsScore(area_id=a, score=s, change=c, **place) for a, s, c in sorted(values.scores)],
            low=[StatisticsLow(statement_id=s, **place) for s in sorted(values.low)],
        )
    )
    db.session.commit()


# Reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    """A number of rounds, hidden when it is small (but not when it is none at all)."""

    value: int

    @property
    def hidden(self) -> bool:
        return 0 < self.value < SMALLEST_SHOWN

    def __str__(self) -> str:
        return HIDDEN if self.hidden else str(self.value)


def mean(total: float | None, count: int) -> float | None:
    """Return a mean rounded to one decimal, or None when it is drawn from too few rounds."""
    if total is None or count < SMALLEST_SHOWN:
        return None
    return round(float(total), 1)


@dataclass(frozen=True)
class Filters:
    """Which records the figures are drawn from: a range of months and an employment area."""

    month_from: str | None = None  # YYYY-MM
    month_to: str | None = None
    employment_area: str | None = None  # an id, or NOT_GIVEN for records without a place

    def on(self, table: type[StatisticsRecord | StatisticsScore | StatisticsLow]) -> list[ColumnElement[bool]]:
        """Return the conditions on a table's own month and employment area."""
        found: list[ColumnElement[bool]] = []
        if self.month_from:
            found.append(table.month >= self.month_from)
        if self.month_to:
            found.append(table.month <= self.month_to)
        if self.employment_area == NOT_GIVEN:
            found.append(table.employment_area.is_(None))
        elif self.employment_area:
            found.append(table.employment_area == self.employment_area)
        return found


@dataclass(frozen=True)
class AreaFigure:
    area_id: str
    rounds: Count
    mean: float | None


@dataclass(frozen=True)
class Dashboard:
    rounds: Count
    retakes: Count
    per_month: list[tuple[str, Count]]
    per_place: list[tuple[str, str, Count]]  # employment area, municipality, rounds
    means: list[AreaFigure]  # in checklist order
    changes: list[AreaFigure]  # the mean change per area over retakes
    low: list[tuple[str, Count, float | None]]  # statement, rounds answering low, share of rounds
    levels: list[tuple[str, Count]]  # Finnish level ("" when not given), rounds


def _totals(pairs: Iterable[tuple[Any, int]]) -> dict[Any, int]:
    totals: dict[Any, int] = {}
    for key, n in pairs:
        totals[key] = totals.get(key, 0) + n
    return totals


def _area_figure(area_id: str, total: float | None, count: int) -> AreaFigure:
    return AreaFigure(area_id, Count(count), mean(total, count))


def dashboard(filters: Filters, area_ids: Sequence[str], most_low: int = 10) -> Dashboard:
    """Return every figure of the coordinators' dashboard, small ones hidden: three queries."""
    r, s, low = StatisticsRecord, StatisticsScore, StatisticsLow
    dimensions = (r.month, r.employment_area, r.municipality, r.finnish_level, r.retake)
    groups = db.session.execute(select(*dimensions, func.count()).where(*filters.on(r)).group_by(*dimensions)).all()
    total = sum(row[-1] for row in groups)
    # A change exists only on a retake, so the retakes' figures come from the same scan.
    areas = db.session.execute(
        select(s.area_id, func.avg(s.score), func.count(), func.avg(s.change), func.count(s.change))
        .where(*filters.on(s))
        .group_by(s.area_id)
    ).all()
    most = db.session.execute(
        select(low.statement_id, func.count())
        .where(*filters.on(low))
        .group_by(low.statement_id)
        .order_by(func.count().desc(), low.statement_id)
        .limit(most_low)
    ).all()
    unscored = (None, 0, None, 0)
    scored = {area_id: figures for area_id, *figures in areas}
    places = _totals(((area or NOT_GIVEN, municipality or NOT_GIVEN), n) for _, area, municipality, _, _, n in groups)
    return Dashboard(
        rounds=Count(total),
        retakes=Count(sum(n for *_, retake, n in groups if retake)),
        per_month=sorted((month, Count(n)) for month, n in _totals((g[0], g[-1]) for g in groups).items()),
        per_place=sorted(
            ((area, municipality, Count(n)) for (area, municipality), n in places.items()),
            key=lambda row: (row[0] == NOT_GIVEN, row[0], row[1] == NOT_GIVEN, row[1]),
        ),
        means=[_area_figure(a, *scored.get(a, unscored)[:2]) for a in area_ids],
        changes=[_area_figure(a, *scored.get(a, unscored)[2:]) for a in area_ids],
        low=[
            (statement_id, Count(n), n / total if total >= SMALLEST_SHOWN and n >= SMALLEST_SHOWN else None)
            for statement_id, n in most
        ],
        levels=[(level or NOT_GIVEN, Count(n)) for level, n in _totals((g[3], g[-1]) for g in groups).items()],
    )


def months() -> list[str]:
    """Return the months that have records, oldest first."""
    return list(db.session.scalars(select(StatisticsRecord.month).distinct().order_by(StatisticsRecord.month)))


# Exports ----------------------------------------------------------------------------------------


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def export_rows(filters: Filters, area_ids: Sequence[str]) -> list[list[str]]:
    """Return the rows of export.csv: month, employment area, municipality, rounds and the mean
    score of each area, one row per month and municipality, the header first."""
    r, s = StatisticsRecord, StatisticsScore
    group = (r.month, r.employment_area, r.municipality)
    counts = db.session.execute(select(*group, func.count()).where(*filters.on(r)).group_by(*group).order_by(*group))
    scored = (s.month, s.employment_area, s.municipality, s.area_id)
    means = db.session.execute(
        select(*scored, func.avg(s.score), func.count()).where(*filters.on(s)).group_by(*scored)
    ).all()
    by_group = {(m, a, p, area_id): (total, n) for m, a, p, area_id, total, n in means}
    rows = [["month", "employment_area", "municipality", "rounds", *area_ids]]
    for month, area, municipality, n in counts:
        rounds = Count(n)
        rows.append(
            [
                month,
                area or NOT_GIVEN,
                municipality or NOT_GIVEN,
                str(rounds),
                *(
                    "" if rounds.hidden else _number(mean(*by_group.get((month, area, municipality, a), (None, 0))))
                    for a in area_ids
                ),
            ]
        )
    return rows


def statement_rows(filters: Filters, statements: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Return the rows of statements.csv: for each statement (id, area id), how many of the rounds
    answered it low and what share of the rounds that is, the header first."""
    total = db.session.scalar(select(func.count()).select_from(StatisticsRecord).where(*filters.on(StatisticsRecord)))
    low = dict(
        db.session.execute(
            select(StatisticsLow.statement_id, func.count())
            .where(*filters.on(StatisticsLow))
            .group_by(StatisticsLow.statement_id)
        ).all()
    )
    rows = [["statement", "area", "rounds", "answered_low", "share_low"]]
    rounds = Count(total)
    for statement_id, area_id in statements:
        n = Count(low.get(statement_id, 0))
        shown = not rounds.hidden and not n.hidden and total > 0
        rows.append(
            [
                statement_id,
                area_id,
                str(rounds),
                "" if rounds.hidden else str(n),
                f"{n.value / total:.3f}" if shown else "",
            ]
        )
    return rows
