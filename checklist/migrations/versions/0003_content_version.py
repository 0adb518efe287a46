"""Record the checklist content version each round was answered on.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    # Rounds from before have no version: they were answered on the first content.
    with op.batch_alter_table("rounds") as batch_op:
        batch_op.add_column(sa.Column("content_version", sa.String(length=16), nullable=True))


def downgrade():
    with op.batch_alter_table("rounds") as batch_op:
        batch_op.drop_column("content_version")
