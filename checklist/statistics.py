"""Anonymous statistics for coordinators: one record per finished round, kept apart from it.

A record holds the quarter it was made in, the employment area (if a municipality was given),
the Finnish level, the area scores, the statements answered low, and whether the round was a
retake with the change since the previous round. It holds no round id, share code, municipality
or text of the round. The live round holds the record's random key, so its latest answers and
profile replace the record while its quarter lasts; the key goes with the round, and from then
on nothing joins the record to anyone.

Disclosure control. Every figure is built from fixed cells, one per ended quarter and employment
area, and a cell counts only when it holds at least SMALLEST rounds; within a cell each count
(a level, the retakes, a statement answered low, the scores of an area) counts only when it is
at least SMALLEST too. Every figure shown, under any filter, is a sum over counted cells, so the
difference of any two figures is again such a sum: 0 or at least SMALLEST rounds. No one can
subtract one view from another to find a few people, and no mean is drawn from fewer than
SMALLEST rounds. A quarter is shown only once it has ended, so that a figure never moves by one
round from one day to the next, and records of an ended quarter are never replaced.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, func, select, update

from .catalogue import Catalogue
from .models import Round, StatisticsLow, StatisticsRecord, StatisticsScore, db
from .summary import Summary

# A cell, or a count within one, of fewer rounds than this counts nowhere.
SMALLEST = 5
NOT_GIVEN = ""  # the employment area of a record that gave no municipality


def quarter_of(day: date) -> str:
    """Return the quarter a day falls in, as YYYY-Qn (which sorts in time order)."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarters_before(quarter: str, count: int) -> str:
    """Return the quarter `count` quarters before this one."""
    year, number = int(quarter[:4]), int(quarter[-1]) - 1 - count
    return f"{year + number // 4}-Q{number % 4 + 1}"


# Writing ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Values:
    """What a record holds, compared before writing so that a page view rewrites nothing."""

    employment_area: str | None
    finnish_level: str | None
    retake: bool
    scores: frozenset[tuple[str, int, int | None]]
    low: frozenset[str]


def values_of(summary: Summary, catalogue: Catalogue) -> Values:
    municipality = summary.profile.municipality
    area = catalogue.employment_area_of(municipality) if municipality else None
    return Values(
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
        employment_area=record.employment_area,
        finnish_level=record.finnish_level,
        retake=record.retake,
        scores=frozenset((s.area_id, s.score, s.change) for s in record.scores),
        low=frozenset(low.statement_id for low in record.low),
    )


def record(found: Round, summary: Summary, catalogue: Catalogue, today: date | None = None) -> None:
    """Write the finished round's record, or replace it when its answers or profile changed while
    its quarter lasts; a record of an ended quarter stays as it is."""
    if found.completed_at is None:
        return
    quarter = quarter_of(today or date.today())
    if found.statistics_key is None:
        # Two tabs showing new results at once must not make two records: only one key sticks.
        db.session.execute(
            update(Round)
            .where(Round.id == found.id, Round.statistics_key.is_(None))
            .values(statistics_key=secrets.token_urlsafe(32))
        )
        db.session.commit()
        db.session.refresh(found, ["statistics_key"])
    values = values_of(summary, catalogue)
    existing = db.session.get(StatisticsRecord, found.statistics_key)
    if existing is not None:
        if existing.quarter != quarter or stored_values(existing) == values:
            return
        db.session.delete(existing)
        db.session.flush()
    place = {"quarter": quarter, "employment_area": values.employment_area}
    db.session.add(
        StatisticsRecord(
            key=found.statistics_key,
            finnish_level=values.finnish_level,
            retake=values.retake,
            scores=[StatisticsScore(area_id=a, score=s, change=c, **place) for a, s, c in sorted(values.scores)],
            low=[StatisticsLow(statement_id=s, **place) for s in sorted(values.low)],
            **place,
        )
    )
    db.session.commit()


def purge(years: int, today: date | None = None) -> int:
    """Delete the records of the quarters that ended more than `years` years ago; return how many.
    Whole quarters go at once, so what remains is still a set of whole cells."""
    oldest_kept = quarters_before(quarter_of(today or date.today()), 4 * years)
    return db.session.execute(db.delete(StatisticsRecord).where(StatisticsRecord.quarter < oldest_kept)).rowcount


# Cells ------------------------------------------------------------------------------------------


@dataclass
class Cell:
    """The records of one quarter in one employment area, as counts and sums."""

    rounds: int = 0
    retakes: int = 0
    levels: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    low: dict[str, int] = field(default_factory=dict)
    scores: dict[str, tuple[int, int]] = field(default_factory=dict)  # area id: (sum, rounds)
    changes: dict[str, tuple[int, int]] = field(default_factory=dict)

    def counted(self) -> Cell:
        """Return the cell with every count under SMALLEST left out."""
        return Cell(
            rounds=self.rounds,
            retakes=self.retakes if self.retakes >= SMALLEST else 0,
            levels=_counted(self.levels),
            low=_counted(self.low),
            scores=_counted_sums(self.scores),
            changes=_counted_sums(self.changes),
        )


def _counted(counts: dict[str, int]) -> dict[str, int]:
    return {key: n for key, n in counts.items() if n >= SMALLEST}


def _counted_sums(sums: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    return {key: (total, n) for key, (total, n) in sums.items() if n >= SMALLEST}


CellKey = tuple[str, str]  # quarter, employment area id (NOT_GIVEN when none)


@dataclass(frozen=True)
class Filters:
    """Which cells the figures are drawn from: a range of quarters and an employment area."""

    quarter_from: str | None = None  # YYYY-Qn
    quarter_to: str | None = None
    employment_area: str | None = None  # an id, or NOT_GIVEN for records without a place

    def on(self, table: type[StatisticsRecord | StatisticsScore | StatisticsLow], today: date) -> list[ColumnElement]:
        """Return the conditions on a table's own quarter and employment area; never the quarter
        under way."""
        found: list[ColumnElement[bool]] = [table.quarter < quarter_of(today)]
        if self.quarter_from:
            found.append(table.quarter >= self.quarter_from)
        if self.quarter_to:
            found.append(table.quarter <= self.quarter_to)
        if self.employment_area == NOT_GIVEN:
            found.append(table.employment_area.is_(None))
        elif self.employment_area:
            found.append(table.employment_area == self.employment_area)
        return found


def counted_cells(
    filters: Filters, today: date | None = None, *, scores: bool = True, low: bool = True
) -> dict[CellKey, Cell]:
    """Return the cells the filters pick that hold at least SMALLEST rounds, small counts left
    out: up to three GROUP BY queries (the scores and the low statements only when asked for),
    each one scan of one table."""
    today = today or date.today()
    r, s, lows = StatisticsRecord, StatisticsScore, StatisticsLow
    cells: dict[CellKey, Cell] = defaultdict(Cell)
    rows = select(r.quarter, r.employment_area, r.finnish_level, r.retake, func.count())
    for quarter, area, level, retake, n in db.session.execute(
        rows.where(*filters.on(r, today)).group_by(r.quarter, r.employment_area, r.finnish_level, r.retake)
    ):
        cell = cells[quarter, area or NOT_GIVEN]
        cell.rounds += n
        cell.retakes += n if retake else 0
        cell.levels[level or NOT_GIVEN] += n
    if scores:
        sums = (func.sum(s.score), func.count(), func.sum(s.change), func.count(s.change))
        for quarter, area, area_id, total, n, change, changed in db.session.execute(
            select(s.quarter, s.employment_area, s.area_id, *sums)
            .where(*filters.on(s, today))
            .group_by(s.quarter, s.employment_area, s.area_id)
        ):
            cell = cells[quarter, area or NOT_GIVEN]
            cell.scores[area_id] = (int(total), n)
            if changed:
                cell.changes[area_id] = (int(change), changed)
    if low:
        for quarter, area, statement_id, n in db.session.execute(
            select(lows.quarter, lows.employment_area, lows.statement_id, func.count())
            .where(*filters.on(lows, today))
            .group_by(lows.quarter, lows.employment_area, lows.statement_id)
        ):
            cells[quarter, area or NOT_GIVEN].low[statement_id] = n
    return {key: cell.counted() for key, cell in sorted(cells.items()) if cell.rounds >= SMALLEST}


def quarters(today: date | None = None) -> list[str]:
    """Return the ended quarters that have records, oldest first."""
    current = quarter_of(today or date.today())
    column = StatisticsRecord.quarter
    return list(db.session.scalars(select(column).where(column < current).distinct().order_by(column)))


# Figures ----------------------------------------------------------------------------------------


def mean(total: int, count: int) -> float | None:
    """Return a mean rounded to one decimal, or None when no counted rounds give one."""
    return round(total / count, 1) if count else None


@dataclass(frozen=True)
class AreaFigure:
    area_id: str
    rounds: int
    mean: float | None


@dataclass(frozen=True)
class Dashboard:
    rounds: int
    retakes: int
    per_quarter: list[tuple[str, int]]
    per_area: list[tuple[str, int]]  # employment area id (NOT_GIVEN last), rounds
    means: list[AreaFigure]  # in checklist order
    changes: list[AreaFigure]  # the mean change per area over retakes
    low: list[tuple[str, int, float]]  # statement, rounds answering low, share of rounds
    levels: dict[str, int]  # Finnish level id (NOT_GIVEN when not given): rounds


def _sum(counts) -> dict:
    totals: dict = defaultdict(int)
    for key, n in counts:
        totals[key] += n
    return totals


def _area_figures(cells: Sequence[Cell], area_ids: Sequence[str], which: str) -> list[AreaFigure]:
    totals = _sum((a, total) for cell in cells for a, (total, _) in getattr(cell, which).items())
    counts = _sum((a, n) for cell in cells for a, (_, n) in getattr(cell, which).items())
    return [AreaFigure(a, counts[a], mean(totals[a], counts[a])) for a in area_ids]


def dashboard(filters: Filters, area_ids: Sequence[str], most_low: int = 10, today: date | None = None) -> Dashboard:
    """Return every figure of the coordinators' dashboard, each a sum over counted cells."""
    cells = counted_cells(filters, today)
    counted = list(cells.values())
    rounds = sum(cell.rounds for cell in counted)
    low = _sum((statement_id, n) for cell in counted for statement_id, n in cell.low.items())
    most = sorted(low.items(), key=lambda item: (-item[1], item[0]))[:most_low]
    per_area = _sum((area, cell.rounds) for (_, area), cell in cells.items())
    return Dashboard(
        rounds=rounds,
        retakes=sum(cell.retakes for cell in counted),
        per_quarter=sorted(_sum((quarter, cell.rounds) for (quarter, _), cell in cells.items()).items()),
        per_area=sorted(per_area.items(), key=lambda item: (item[0] == NOT_GIVEN, item[0])),
        means=_area_figures(counted, area_ids, "scores"),
        changes=_area_figures(counted, area_ids, "changes"),
        low=[(statement_id, n, n / rounds) for statement_id, n in most],
        levels=dict(_sum((level, n) for cell in counted for level, n in cell.levels.items())),
    )


# Exports ----------------------------------------------------------------------------------------


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def export_rows(filters: Filters, area_ids: Sequence[str], today: date | None = None) -> list[list[str]]:
    """Return the rows of export.csv, the header first: one row per counted cell (quarter and
    employment area) with its rounds and the mean score of each area."""
    rows = [["quarter", "employment_area", "rounds", *area_ids]]
    for (quarter, area), cell in counted_cells(filters, today, low=False).items():
        means = (_number(mean(*cell.scores.get(a, (0, 0)))) for a in area_ids)
        rows.append([quarter, area, str(cell.rounds), *means])
    return rows


def statement_rows(
    filters: Filters, statements: Sequence[tuple[str, str]], today: date | None = None
) -> list[list[str]]:
    """Return the rows of statements.csv, the header first: for each statement (id, area id), how
    many of the counted rounds answered it low, and what share of them that is."""
    counted = list(counted_cells(filters, today, scores=False).values())
    rounds = sum(cell.rounds for cell in counted)
    low = _sum((statement_id, n) for cell in counted for statement_id, n in cell.low.items())
    rows = [["statement", "area", "rounds", "answered_low", "share_low"]]
    for statement_id, area_id in statements:
        n = low.get(statement_id, 0)
        rows.append([statement_id, area_id, str(rounds), str(n), f"{n / rounds:.3f}" if rounds else ""])
    return rows
