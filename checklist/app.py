"""The app factory: configuration, content, extensions and blueprints.

`checklist` itself reaches create_app and load_content here lazily, so that importing a domain
module (checklist.scoring, say) never loads Flask."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from flask_compress import Compress
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from . import attempts, cli, coordinators, errors, i18n, request_checks, security, security_log, templating
from .catalogue import DEFAULT_CATALOGUE_PATH, Catalogue, load_catalogue
from .catalogue_store import CatalogueStore
from .config import settings
from .content import DEFAULT_CHECKLIST_PATH, Checklist, load_checklist
from .content_translations import load_content_translations
from .desk import coordinator, services
from .languages import parse_languages
from .models import db, enforce_foreign_keys
from .views import answering, counsellor, pages, printing, profile, results

PACKAGE = Path(__file__).resolve().parent
MIGRATIONS = PACKAGE / "migrations"


def shipped_folder(name: str) -> Path:
    """Return templates/, static/ or translations/: inside the installed package (the wheel puts
    them there), else beside the package in a checkout."""
    installed = PACKAGE / name
    return installed if installed.is_dir() else PACKAGE.parent / name


def catalogue_path(config: Mapping[str, Any]) -> Path:
    """Return the catalogue file: CATALOGUE_PATH, else the shipped one."""
    return Path(config.get("CATALOGUE_PATH", DEFAULT_CATALOGUE_PATH))


def load_content(config: Mapping[str, Any]) -> tuple[Checklist, Catalogue]:
    """Load and validate the checklist, the catalogue and each configured language's content file."""
    checklist = load_checklist(config.get("CHECKLIST_PATH", DEFAULT_CHECKLIST_PATH))
    catalogue = load_catalogue(catalogue_path(config), checklist)
    translations = config.get("BABEL_TRANSLATION_DIRECTORIES", shipped_folder("translations"))
    translated = tuple(language.code for language in parse_languages(config["LANGUAGES"]).translated)
    return load_content_translations(translations, translated, checklist, catalogue)


csrf = CSRFProtect()
# Pages compress to a quarter of their size; a proxy in front leaves compressed responses alone.
compress = Compress()
migrate = Migrate(directory=str(MIGRATIONS))

# Every page of the app, in one list: a new part of the app adds one line here.
BLUEPRINTS = (
    pages.bp,
    answering.bp,
    profile.bp,
    results.bp,
    counsellor.bp,
    printing.bp,
    coordinator.bp,
    services.bp,
)


def create_app(
    config: dict[str, Any] | None = None,
    environment: str | None = None,
    *,
    checklist: Checklist | None = None,
    catalogue: Catalogue | None = None,
) -> Flask:
    """Create the app: configuration (read now), content, extensions and blueprints.

    environment: development, test or production; by default CHECKLIST_ENV, else development.
    checklist, catalogue: content loaded already, translations included (the tests load it once);
    by default the files named by CHECKLIST_PATH and CATALOGUE_PATH, or the shipped ones, are
    loaded and validated, with each configured language's content file.
    """
    # Named after the package, not this module: the logger and the instance folder keep their names.
    app = Flask(
        __package__ or "checklist", template_folder=shipped_folder("templates"), static_folder=shipped_folder("static")
    )
    app.config.from_mapping(settings(environment or os.environ.get("CHECKLIST_ENV", "development"), config))
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(shipped_folder("translations")))
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        os.makedirs(app.instance_path, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'checklist.db'}"

    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    # First, so that its check runs before anything reads the request (i18n's included).
    request_checks.init_app(app)
    i18n.init_app(app)
    if checklist is None or catalogue is None:
        checklist, catalogue = load_content(app.config)
    app.extensions["checklist"], app.extensions["catalogue"] = checklist, catalogue
    app.extensions["catalogue_store"] = CatalogueStore(checklist, catalogue, catalogue_path(app.config))

    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        # Not X-Forwarded-Host: a client can send one, and a proxy that does not overwrite it would
        # pass it on. Addresses printed on paper use PUBLIC_URL instead.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)

    db.init_app(app)
    with app.app_context():
        enforce_foreign_keys(db.engine)
    attempts.init_app(app)
    coordinators.init_app(app)
    migrate.init_app(app, db)
    csrf.init_app(app)
    compress.init_app(app)
    templating.init_app(app)
    security.init_app(app)
    security_log.init_app(app)
    errors.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    cli.init_app(app)
    return app
