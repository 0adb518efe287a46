"""The coordinator's desk: a login, anonymous statistics and their CSV exports.

Everything under /<lang>/coordinator/ needs a coordinator login, except the login page itself
(desk_blueprint and auth.public).
No page here names or links a round or a share code: the statistics records hold neither.
"""

from __future__ import annotations

import csv
import io
import re

from flask import Response, redirect, render_template, request, url_for
from markupsafe import Markup

from .. import coordinators, statistics
from ..attempts import client_address, failed_logins, wait_after_failed_login
from ..chart import bar_svg, radar_svg
from ..current import checklist, shipped_catalogue
from ..security_log import event
from ..statistics import NOT_GIVEN, SMALLEST, AreaFigure, Filters
from ..templating import current_reading, inline_chart
from . import messages
from .auth import public
from .blueprint import desk_blueprint
from .forms import LoginForm
from .i18n import gettext

bp = desk_blueprint("coordinator", __name__)


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    """Log a coordinator in; failed attempts are limited and slowed down (attempts.FailedLogins)."""
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("desk/login.html", form=form, logged_out="logged-out" in request.args)
    counts = failed_logins()
    address, name = client_address(), form.name.data.casefold()
    if counts.blocked(name, address):
        event("login blocked", name=form.name.data)
        form.name.errors.append(str(messages.TOO_MANY_LOGINS))
        return render_template("desk/login.html", form=form), 429
    account = coordinators.authenticate(form.name.data, form.password.data)
    if account is None:
        event("login failed", name=form.name.data)
        wait_after_failed_login(counts.failed(name, address))
        form.name.errors.append(str(messages.LOGIN_FAILED))
        return render_template("desk/login.html", form=form)
    coordinators.log_in(account)
    event("login", name=account.name)
    return redirect(url_for(".dashboard"))


@bp.post("/logout")
def logout():
    event("logout", name=coordinators.current().name)
    coordinators.log_out()
    return redirect(url_for(".login", **{"logged-out": 1}))


QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
# The employment-area filter's value for the records that gave no municipality.
NO_AREA = "none"
# Stands for a mean that no counted group of rounds gives.
NO_MEAN = "–"


def filters() -> Filters:
    """Read the filters from the query string; a value that is not one of the choices means all."""
    args = request.args
    area = args.get("area", "")
    known = {a.id for a in shipped_catalogue().employment_areas}
    return Filters(
        quarter_from=args.get("from") if QUARTER.match(args.get("from", "")) else None,
        quarter_to=args.get("to") if QUARTER.match(args.get("to", "")) else None,
        employment_area=NOT_GIVEN if area == NO_AREA else area if area in known else None,
    )


def area_ids() -> list[str]:
    return [area.id for area in checklist().areas]


def mean_chart(means: list[AreaFigure]) -> Markup:
    """The radar chart of the mean area scores; an area with no counted rounds has an empty axis."""
    areas = checklist().areas
    reading = current_reading()
    labels = tuple(
        reading.text(a.short) + ("" if f.mean is not None else f" ({NO_MEAN})")
        for a, f in zip(areas, means, strict=True)
    )
    description = gettext(
        "Radar chart of the mean scores from 0 to 100: %(scores)s.",
        scores=", ".join(
            f"{reading.text(a.title)} {f.mean if f.mean is not None else NO_MEAN}"
            for a, f in zip(areas, means, strict=True)
        ),
    )
    values = tuple(None if f.mean is None else round(f.mean) for f in means)
    return inline_chart(radar_svg(labels, values, None, description, reading.lang.is_rtl))


def quarter_chart(per_quarter: list[tuple[str, int]]) -> Markup:
    """The bar chart of rounds per quarter."""
    description = gettext(
        "Bar chart of the rounds per quarter: %(quarters)s.",
        quarters=", ".join(f"{quarter} {count}" for quarter, count in per_quarter),
    )
    return inline_chart(bar_svg(tuple(q for q, _ in per_quarter), tuple(c for _, c in per_quarter), description))


@bp.get("/")
def dashboard():
    """The anonymous picture: rounds, places, mean scores, low statements, Finnish levels, retakes."""
    chosen = filters()
    figures = statistics.dashboard(chosen, area_ids())
    ended = statistics.quarters()
    return render_template(
        "desk/dashboard.html",
        figures=figures,
        mean_chart=mean_chart(figures.means) if figures.rounds else None,
        quarter_chart=quarter_chart(figures.per_quarter) if figures.per_quarter else None,
        filters=chosen,
        quarters=ended,
        latest=ended[-1] if ended else None,
        employment_areas=shipped_catalogue().employment_areas,
        no_area=NO_AREA,
        smallest=SMALLEST,
        query=request.args.to_dict(),
    )


def csv_response(rows: list[list[str]], name: str) -> Response:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )


@bp.get("/export.csv")
def export():
    """Rounds and mean area scores per quarter and employment area, counted cells only."""
    event("statistics exported", file="export.csv", by=coordinators.current().name)
    return csv_response(statistics.export_rows(filters(), area_ids()), "checklist-statistics.csv")


@bp.get("/statements.csv")
def export_statements():
    """Per statement, how many counted rounds answered it low, and their share."""
    event("statistics exported", file="statements.csv", by=coordinators.current().name)
    statements = [(s.id, s.area_id) for s in checklist().statements()]
    return csv_response(statistics.statement_rows(filters(), statements), "checklist-statements.csv")
