"""A coordinator's login records when it began, so that it ends a fixed time after, however active.

Revision ID: 0006
Revises: 0005
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

logins = sa.table("coordinator_logins", sa.column("created_at", sa.DateTime()))


def upgrade():
    # Added empty, then filled, then required: a login already running begins its lifetime now.
    with op.batch_alter_table("coordinator_logins") as batch_op:
        batch_op.add_column(sa.Column("created_at", sa.DateTime(), nullable=True))
    # UTC without a zone, as the app stores every time (models.utcnow).
    op.execute(logins.update().values(created_at=datetime.now(UTC).replace(tzinfo=None)))
    with op.batch_alter_table("coordinator_logins") as batch_op:
        batch_op.alter_column("created_at", existing_type=sa.DateTime(), nullable=False)


def downgrade():
    with op.batch_alter_table("coordinator_logins") as batch_op:
        batch_op.drop_column("created_at")
