"""Commands for maintainers: `flask --app checklist catalogue check`, `... catalogue stale` and
`... purge-expired`."""

from __future__ import annotations

import datetime
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup, with_appcontext

from .catalogue import DEFAULT_CATALOGUE_PATH, Catalogue, load_catalogue
from .content import ContentError
from .current import checklist
from .models import Round, db, utcnow

catalogue_commands = AppGroup("catalogue", help="Work with the services catalogue.")


@catalogue_commands.command("check")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
def check_catalogue(path: Path | None) -> None:
    """Validate a catalogue file (by default the shipped one) and say what is wrong."""
    path = path or DEFAULT_CATALOGUE_PATH
    loaded = _load(path)
    click.echo(
        f"{path.name}: OK, {len(loaded.services)} entries, {len(loaded.municipalities)} municipalities, "
        f"every entry checked against the checklist's areas and statements."
    )


@catalogue_commands.command("stale")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--months", default=12, show_default=True, type=click.IntRange(min=0), help="Age that makes a check stale."
)
def stale_entries(path: Path | None, months: int) -> None:
    """List the entries whose sources were read more than MONTHS ago, with the pages to read again.

    Only a to-do list: it never fails because of dates.
    """
    path = path or DEFAULT_CATALOGUE_PATH
    due = _load(path).stale(datetime.date.today(), months)
    if not due:
        click.echo(f"{path.name}: every entry was checked within the last {months} months.")
        return
    click.echo(f"{path.name}: {len(due)} entries were checked more than {months} months ago; read these pages again:")
    for service in due:
        click.echo(f"{service.checked.isoformat()}  {service.id}")
        for address in service.source:
            click.echo(f"    {address}")


def _load(path: Path) -> Catalogue:
    try:
        return load_catalogue(path, checklist())
    except ContentError as error:
        raise click.ClickException(str(error)) from error


@click.command("purge-expired")
@with_appcontext
def purge_expired() -> None:
    """Delete every round whose retention period has ended (run daily from cron)."""
    deleted = db.session.execute(db.delete(Round).where(Round.expires_at <= utcnow())).rowcount
    db.session.commit()
    click.echo(f"Deleted {deleted} expired round(s).")


def init_app(app: Flask) -> None:
    app.cli.add_command(catalogue_commands)
    app.cli.add_command(purge_expired)
