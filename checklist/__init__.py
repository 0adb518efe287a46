"""The job-search competence checklist: a multilingual Flask app.

The package imports nothing itself, so a domain module (checklist.scoring, checklist.content, ...)
loads without Flask, SQLAlchemy or matplotlib. The app factory lives in checklist.app; its names
are reached from here on first use, so `flask --app checklist`, `checklist:create_app()` and
`from checklist import create_app, load_content` keep working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import catalogue_path, create_app, load_content, shipped_folder

# The names checklist.app lends to the package.
FROM_APP = ("create_app", "load_content", "shipped_folder", "catalogue_path")

__all__ = ["catalogue_path", "create_app", "load_content", "shipped_folder"]


def __getattr__(name: str) -> Any:
    if name in FROM_APP:
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
