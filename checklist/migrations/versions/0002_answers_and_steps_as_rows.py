"""Answers and next steps as rows of their own, so that saves at the same moment never overwrite
each other.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _loaded(value):
    # SQLite hands JSON back as text, PostgreSQL as Python values.
    return json.loads(value) if isinstance(value, str) else value


def upgrade():
    answers = op.create_table(
        "answers",
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("statement_id", sa.String(length=64), nullable=False),
        sa.Column("value", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "statement_id"),
    )
    steps = op.create_table(
        "next_steps",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("round_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("who", sa.String(length=16), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_next_steps_round_id", "next_steps", ["round_id"], unique=False)

    connection = op.get_bind()
    rounds = connection.execute(sa.text("SELECT id, answers, next_steps, updated_at FROM rounds")).fetchall()
    for round_id, stored_answers, stored_steps, updated_at in rounds:
        rows = [{"round_id": round_id, "statement_id": k, "value": v} for k, v in _loaded(stored_answers).items()]
        if rows:
            op.bulk_insert(answers, rows)
        texts = _loaded(stored_steps)
        if texts:
            op.bulk_insert(
                steps,
                [
                    {"round_id": round_id, "position": i, "text": t, "created_at": updated_at}
                    for i, t in enumerate(texts)
                ],
            )

    with op.batch_alter_table("rounds") as batch_op:
        batch_op.drop_column("answers")
        batch_op.drop_column("next_steps")
        batch_op.create_index("ix_rounds_previous_id", ["previous_id"], unique=False)


def downgrade():
    with op.batch_alter_table("rounds") as batch_op:
        batch_op.drop_index("ix_rounds_previous_id")
        batch_op.add_column(sa.Column("answers", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("next_steps", sa.JSON(), nullable=False, server_default="[]"))
    connection = op.get_bind()
    answers = {}
    for round_id, statement_id, value in connection.execute(
        sa.text("SELECT round_id, statement_id, value FROM answers")
    ):
        answers.setdefault(round_id, {})[statement_id] = value
    steps = {}
    for round_id, text in connection.execute(sa.text("SELECT round_id, text FROM next_steps ORDER BY position, id")):
        steps.setdefault(round_id, []).append(text)
    for round_id in set(answers) | set(steps):
        connection.execute(
            sa.text("UPDATE rounds SET answers = :a, next_steps = :s WHERE id = :id"),
            {"a": json.dumps(answers.get(round_id, {})), "s": json.dumps(steps.get(round_id, [])), "id": round_id},
        )
    with op.batch_alter_table("rounds") as batch_op:
        batch_op.alter_column("answers", server_default=None)
        batch_op.alter_column("next_steps", server_default=None)
    op.drop_index("ix_next_steps_round_id", table_name="next_steps")
    op.drop_table("next_steps")
    op.drop_table("answers")
