"""The Alembic migrations build exactly the schema the models describe."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from checklist import create_app
from checklist.models import CoordinatorLogin, db, utcnow

from conftest import database_url


@pytest.fixture
def empty_database(tmp_path) -> Iterator[None]:
    """An app context on a database without tables (a file for SQLite, else TEST_DATABASE_URL);
    migrated back to nothing and closed afterwards."""
    url = database_url()
    if url == "sqlite://":
        url = f"sqlite:///{tmp_path / 'migrated.db'}"
    app = create_app({"SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.drop_all()
        db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        yield
        db.session.commit()  # ends any read, whose lock would hold up the downgrade on PostgreSQL
        downgrade(revision="base")
        db.session.remove()
        db.engine.dispose()


def test_migrations_match_the_models(empty_database):
    upgrade()
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []
    downgrade(revision="base")
    assert db.inspect(db.engine).get_table_names() == ["alembic_version"]


def test_a_login_running_at_the_upgrade_begins_its_lifetime_then(empty_database):
    upgrade(revision="0004")
    db.session.execute(
        db.text("INSERT INTO coordinators (name, password_hash, created_at) VALUES ('m', 'h', :t)"), {"t": utcnow()}
    )
    db.session.execute(
        db.text(
            "INSERT INTO coordinator_logins (token, coordinator_id, last_seen) SELECT 't', id, :t FROM coordinators"
        ),
        {"t": utcnow()},
    )
    db.session.commit()
    before = utcnow()
    upgrade()
    began = db.session.get(CoordinatorLogin, "t").created_at
    assert before - timedelta(seconds=1) <= began <= utcnow()


def test_statistics_keep_every_row_when_months_become_quarters(empty_database):
    """The upgrade rebuilds the statistics tables; on SQLite that must not delete, through the
    foreign keys, the scores and low statements that point to a rebuilt record."""
    upgrade(revision="0004")
    place = "'2026-11', 'Äänekoski', 'northern-central-finland'"
    db.session.execute(
        db.text(
            "INSERT INTO statistics (key, month, municipality, employment_area, finnish_level, retake) "
            f"VALUES ('k', {place}, 'A1', false)"
        )
    )
    db.session.execute(
        db.text(
            "INSERT INTO statistics_scores (key, area_id, score, change, month, municipality, employment_area) "
            f"VALUES ('k', 'tools', 33, NULL, {place})"
        )
    )
    db.session.execute(
        db.text(
            "INSERT INTO statistics_low (key, statement_id, month, municipality, employment_area) "
            f"VALUES ('k', 'cv-finnish', {place})"
        )
    )
    db.session.commit()
    upgrade()
    rows = [
        db.session.execute(db.text(f"SELECT key, quarter FROM {table}")).all()
        for table in ("statistics", "statistics_scores", "statistics_low")
    ]
    assert rows == [[("k", "2026-Q4")]] * 3
