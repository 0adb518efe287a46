"""The job-search competence checklist: a bilingual Flask app."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from . import cli, errors, i18n, security, templating
from .catalogue import DEFAULT_CATALOGUE_PATH, load_catalogue
from .config import CONFIGS, check_production
from .content import DEFAULT_CHECKLIST_PATH, load_checklist
from .limiter import limiter
from .models import db
from .views import answering, counsellor, pages, printing, profile, results

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

csrf = CSRFProtect()
migrate = Migrate(directory=str(MIGRATIONS))


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create the app: configuration, content, extensions and blueprints."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    environment = os.environ.get("CHECKLIST_ENV", "development")
    app.config.from_object(CONFIGS[environment])
    app.config.from_mapping(config or {})
    if environment == "production":
        check_production(app.config)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(ROOT / "translations"))
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        os.makedirs(app.instance_path, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'checklist.db'}"

    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    checklist = load_checklist(app.config.get("CHECKLIST_PATH", DEFAULT_CHECKLIST_PATH))
    app.extensions["checklist"] = checklist
    app.extensions["catalogue"] = load_catalogue(app.config.get("CATALOGUE_PATH", DEFAULT_CATALOGUE_PATH), checklist)

    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    db.init_app(app)
    limiter.init_app(app)
    migrate.init_app(app, db)
    csrf.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    app.url_value_preprocessor(i18n.pull_language)
    app.url_defaults(i18n.add_language)
    for blueprint in (pages.bp, answering.bp, profile.bp, results.bp, counsellor.bp, printing.bp):
        app.register_blueprint(blueprint)
    cli.init_app(app)
    return app
