"""Rounds of answers.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "rounds",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("finnish_level", sa.String(length=8), nullable=True),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("previous_id", sa.String(length=64), nullable=True),
        sa.Column("share_code", sa.String(length=32), nullable=True),
        sa.Column("next_steps", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["previous_id"], ["rounds.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("share_code"),
    )
    with op.batch_alter_table("rounds") as batch_op:
        batch_op.create_index("ix_rounds_expires_at", ["expires_at"], unique=False)


def downgrade():
    with op.batch_alter_table("rounds") as batch_op:
        batch_op.drop_index("ix_rounds_expires_at")
    op.drop_table("rounds")
