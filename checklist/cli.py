"""Commands for maintainers: `flask --app checklist catalogue check|stale|seed|export`,
`... coordinator add|remove|list`, `... translations check|content LANG` and `... purge-expired`."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import click
from babel.messages.pofile import read_po
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from . import catalogue_store, coordinators, statistics
from .catalogue import DEFAULT_CATALOGUE_PATH, Catalogue, load_catalogue
from .content import ContentError
from .content_translations import content_path, missing, notes_of, read_translations, template
from .current import checklist, shipped_catalogue
from .desk.i18n import DESK_LANGUAGES
from .i18n import languages
from .models import Round, db, utcnow
from .security_log import event, operator

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


@catalogue_commands.command("seed")
def seed_catalogue() -> None:
    """Fill the database's catalogue from the catalogue file, once; later runs change nothing."""
    added = catalogue_store.seed()
    if added:
        click.echo(f"Added {added} entries from {catalogue_store.store().path.name} to the database.")
    else:
        click.echo("The database already holds the catalogue: nothing changed.")


@catalogue_commands.command("export")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
def export_catalogue(path: Path | None) -> None:
    """Write the catalogue as the coordinators have kept it, as YAML: to PATH, else to the screen.

    Review it with a diff against checklist/data/services.yaml and commit it there.
    """
    text = catalogue_store.export()
    if path is None:
        click.echo(text, nl=False)
    else:
        path.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {path}.")


def _load(path: Path) -> Catalogue:
    try:
        return load_catalogue(path, checklist())
    except ContentError as error:
        raise click.ClickException(str(error)) from error


coordinator_commands = AppGroup("coordinator", help="Manage the coordinators' accounts.")


def interactive() -> bool:
    return sys.stdin.isatty()


def read_password() -> str:
    """Ask twice on a terminal; read one line from a pipe (for scripts)."""
    if interactive():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


@coordinator_commands.command("add")
@click.argument("name")
def add_coordinator(name: str) -> None:
    """Add a coordinator; the password (12 to 128 characters, not easy to guess) is read from standard input."""
    try:
        account = coordinators.add(name, read_password())
    except coordinators.AccountError as error:
        raise click.ClickException(str(error)) from error
    event("coordinator account added", name=account.name, by=operator())
    click.echo(f"Added coordinator {name}.")


@coordinator_commands.command("remove")
@click.argument("name")
def remove_coordinator(name: str) -> None:
    """Remove a coordinator; a login in progress ends at once."""
    try:
        coordinators.remove(name)
    except coordinators.AccountError as error:
        raise click.ClickException(str(error)) from error
    event("coordinator account removed", name=name, by=operator())
    click.echo(f"Removed coordinator {name}.")


@coordinator_commands.command("list")
def list_coordinators() -> None:
    """List the coordinators' names."""
    for name in coordinators.names():
        click.echo(name)


translation_commands = AppGroup("translations", help="See how complete each language is, and start a new one.")


def _read_po(path: Path):
    if not path.exists():
        raise click.ClickException(f"no catalogue at {path}; create it with pybabel init (see the README)")
    with open(path, "rb") as f:
        return read_po(f)


def untranslated_messages(lang: str, domain: str = "messages") -> list[str]:
    """Return the template's interface messages that a language's catalogue does not translate:
    the client's (messages), or the coordinator's desk's (desk)."""
    folder = Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])
    found = _read_po(folder / lang / "LC_MESSAGES" / f"{domain}.po")
    done = {m.id for m in found if m.id and not m.fuzzy and (all(m.string) if isinstance(m.id, tuple) else m.string)}
    return [str(m.id) for m in _read_po(folder / f"{domain}.pot") if m.id and m.id not in done]


@translation_commands.command("check")
def check_translations() -> None:
    """Say, per language, what is not translated yet (shown in English until it is).

    Fails when Finnish or English, the languages the content is written in, lacks anything, or
    when the coordinator's desk, in those two only, lacks a message.
    """
    incomplete_source = []
    for language in languages():
        messages = untranslated_messages(language.code)
        texts = missing(checklist(), shipped_catalogue(), language.code)
        click.echo(
            f"{language.code} ({language.name}, {language.status}): "
            f"{len(messages)} interface messages and {len(texts)} content texts not translated"
        )
        for key in [*messages, *texts][:10]:
            click.echo(f"    {key}")
        if (messages or texts) and language.status == "source":
            incomplete_source.append(language.code)
    # The desk speaks only Finnish and English, which must be complete.
    for code in DESK_LANGUAGES:
        messages = untranslated_messages(code, "desk")
        click.echo(f"{code} coordinator's desk: {len(messages)} desk messages not translated")
        for key in messages[:10]:
            click.echo(f"    {key}")
        if messages:
            incomplete_source.append(f"{code} (desk)")
    if incomplete_source:
        raise click.ClickException(f"the source languages must be complete: {', '.join(incomplete_source)}")


@translation_commands.command("content")
@click.argument("lang")
def content_template(lang: str) -> None:
    """Write translations/LANG/content.yaml: every text to translate, with the English beside it.

    Translations already in the file are kept; new texts are added empty.
    """
    path = content_path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"], lang)
    existing = read_translations(path, checklist(), shipped_catalogue())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(checklist(), shipped_catalogue(), lang, existing, notes_of(path)), encoding="utf-8")
    click.echo(
        f"{path}: {len(existing)} translated texts kept, {len(missing(checklist(), shipped_catalogue(), lang))} to do"
    )


@click.command("purge-expired")
@with_appcontext
def purge_expired() -> None:
    """Delete every round whose retention period has ended, and the statistics records of the
    quarters that ended more than STATISTICS_RETENTION_YEARS ago (run daily from cron)."""
    deleted = db.session.execute(db.delete(Round).where(Round.expires_at <= utcnow())).rowcount
    records = statistics.purge(current_app.config["STATISTICS_RETENTION_YEARS"])
    db.session.commit()
    click.echo(f"Deleted {deleted} expired round(s) and {records} statistics record(s).")


def init_app(app: Flask) -> None:
    app.cli.add_command(catalogue_commands)
    app.cli.add_command(translation_commands)
    app.cli.add_command(coordinator_commands)
    app.cli.add_command(purge_expired)
