"""The coordinator's desk: accounts, anonymous statistics records and the catalogue in the database.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("rounds") as batch_op:
        batch_op.add_column(sa.Column("statistics_key", sa.String(length=43), nullable=True))

    op.create_table(
        "statistics",
        sa.Column("key", sa.String(length=43), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=True),
        sa.Column("employment_area", sa.String(length=64), nullable=True),
        sa.Column("finnish_level", sa.String(length=8), nullable=True),
        sa.Column("retake", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index(
        "ix_statistics_groups", "statistics", ["month", "employment_area", "municipality", "finnish_level", "retake"]
    )
    op.create_table(
        "statistics_scores",
        sa.Column("key", sa.String(length=43), nullable=False),
        sa.Column("area_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=False),
        sa.Column("change", sa.SmallInteger(), nullable=True),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("employment_area", sa.String(length=64), nullable=True),
        sa.Column("municipality", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(["key"], ["statistics.key"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "area_id"),
    )
    op.create_index(
        "ix_statistics_scores_areas", "statistics_scores", ["area_id", "score", "change", "month", "employment_area"]
    )
    op.create_index(
        "ix_statistics_scores_places",
        "statistics_scores",
        ["month", "employment_area", "municipality", "area_id", "score"],
    )
    op.create_table(
        "statistics_low",
        sa.Column("key", sa.String(length=43), nullable=False),
        sa.Column("statement_id", sa.String(length=64), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("employment_area", sa.String(length=64), nullable=True),
        sa.Column("municipality", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(["key"], ["statistics.key"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "statement_id"),
    )
    op.create_index("ix_statistics_low_statements", "statistics_low", ["statement_id", "month", "employment_area"])

    op.create_table(
        "coordinators",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "coordinator_logins",
        sa.Column("token", sa.String(length=43), nullable=False),
        sa.Column("coordinator_id", sa.Integer(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["coordinator_id"], ["coordinators.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token"),
    )
    op.create_index("ix_coordinator_logins_coordinator_id", "coordinator_logins", ["coordinator_id"])

    op.create_table(
        "services",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entry", sa.JSON(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "service_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("service_id", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["service_id"], ["services.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_service_changes_service_id", "service_changes", ["service_id"])
    op.create_table(
        "catalogue_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    for table in (
        "catalogue_revision",
        "service_changes",
        "services",
        "coordinator_logins",
        "coordinators",
        "statistics_low",
        "statistics_scores",
        "statistics",
    ):
        op.drop_table(table)
    with op.batch_alter_table("rounds") as batch_op:
        batch_op.drop_column("statistics_key")
