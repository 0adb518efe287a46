"""Statistics by quarter and employment area only: the month becomes its quarter, the
municipality goes (the figures never show it, so it is not kept).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_INDEXES = {
    "statistics": {"ix_statistics_groups": ["month", "employment_area", "municipality", "finnish_level", "retake"]},
    "statistics_scores": {
        "ix_statistics_scores_areas": ["area_id", "score", "change", "month", "employment_area"],
        "ix_statistics_scores_places": ["month", "employment_area", "municipality", "area_id", "score"],
    },
    "statistics_low": {"ix_statistics_low_statements": ["statement_id", "month", "employment_area"]},
}
NEW_INDEXES = {
    "statistics": {"ix_statistics_cells": ["quarter", "employment_area", "finnish_level", "retake"]},
    "statistics_scores": {"ix_statistics_scores_cells": ["quarter", "employment_area", "area_id", "score", "change"]},
    "statistics_low": {"ix_statistics_low_cells": ["quarter", "employment_area", "statement_id"]},
}
# YYYY-MM -> YYYY-Qn, in SQL that SQLite and PostgreSQL both read.
QUARTER_OF_MONTH = "substr(month, 1, 4) || '-Q' || CAST((CAST(substr(month, 6, 2) AS INTEGER) + 2) / 3 AS TEXT)"
# YYYY-Qn -> the quarter's first month, YYYY-MM.
FIRST_MONTH_OF_QUARTER = (
    "substr(quarter, 1, 4) || '-' || CASE substr(quarter, 7, 1) "
    "WHEN '1' THEN '01' WHEN '2' THEN '04' WHEN '3' THEN '07' ELSE '10' END"
)


def upgrade():
    for table, indexes in OLD_INDEXES.items():
        for name in indexes:
            op.drop_index(name, table_name=table)
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("quarter", sa.String(length=7), nullable=True))
        op.execute(f"UPDATE {table} SET quarter = {QUARTER_OF_MONTH}")
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("quarter", existing_type=sa.String(length=7), nullable=False)
            batch_op.drop_column("month")
            batch_op.drop_column("municipality")
        for name, columns in NEW_INDEXES[table].items():
            op.create_index(name, table, columns)


def downgrade():
    for table, indexes in NEW_INDEXES.items():
        for name in indexes:
            op.drop_index(name, table_name=table)
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("month", sa.String(length=7), nullable=True))
            batch_op.add_column(sa.Column("municipality", sa.String(length=80), nullable=True))
        op.execute(f"UPDATE {table} SET month = {FIRST_MONTH_OF_QUARTER}")
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("month", existing_type=sa.String(length=7), nullable=False)
            batch_op.drop_column("quarter")
        for name, columns in OLD_INDEXES[table].items():
            op.create_index(name, table, columns)
