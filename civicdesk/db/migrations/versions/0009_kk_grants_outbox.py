"""grant calls' review and limit settings; outbox triggers that see the new columns

``grant_calls.min_reviews`` (reviews without a conflict of interest needed before an
application is approved) and ``grant_calls.max_grant`` (the most one application may
ask for; none: the pool). The outbox triggers list a table's columns, so those of the
tables widened here and in 0007_kk (residents, users, settlements: sort keys and
``merged_into``) are re-created, or a settlement merge or a call's settings would not
sync.

Revision ID: 0009_kk
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from civicdesk.db.changes import install_outbox_triggers
from civicdesk.db.collation import SORT_KEYS
from civicdesk.db.types import money

revision = "0009_kk"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("grant_calls", sa.Column("min_reviews", sa.Integer(), nullable=False,
                                           server_default="2"))
    op.add_column("grant_calls", sa.Column("max_grant", money(), nullable=True))
    install_outbox_triggers(op.get_bind(), [*SORT_KEYS, "grant_calls"])


def downgrade() -> None:
    with op.batch_alter_table("grant_calls") as batch:
        batch.drop_column("max_grant")
        batch.drop_column("min_reviews")
    install_outbox_triggers(op.get_bind(), ["grant_calls"])
