"""Commands for maintainers: `flask --app checklist catalogue check` and `... purge-expired`."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup, with_appcontext

from .catalogue import DEFAULT_CATALOGUE_PATH, load_catalogue
from .content import ContentError
from .current import checklist
from .models import Round, db, utcnow

catalogue_commands = AppGroup("catalogue", help="Work with the services catalogue.")


@catalogue_commands.command("check")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
def check_catalogue(path: Path | None) -> None:
    """Validate a catalogue file (by default the shipped one) and say what is wrong."""
    path = path or DEFAULT_CATALOGUE_PATH
    try:
        loaded = load_catalogue(path, checklist())
    except ContentError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"{path.name}: OK, {len(loaded.services)} entries, {len(loaded.municipalities)} municipalities, "
        f"every entry checked against the checklist's areas and statements."
    )


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
