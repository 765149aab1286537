"""client-side sync bookkeeping: state, shadow revisions, conflict queue, history

Revision ID: 0004
Revises: 0003

- sync_state: key/value (JSON text): server url, token, device/instance ids, pull
  cursor, the batch in flight (stored before it is sent), last sync.
- sync_shadow: per record, the server revision this replica last saw (the base_rev
  sent with a push; also tells a full resync which records the server once had).
- sync_conflicts: fields changed here and at the server, waiting for a person.
- sync_history: one row per sync attempt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_shadow",
        sa.Column("table_name", sa.String(40), primary_key=True),
        sa.Column("row_id", sa.String(36), primary_key=True),
        sa.Column("rev", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("reason", sa.String(40), nullable=False, server_default="both_changed"),
        sa.Column("server_rev", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("resolved_at", sa.String(32)),
        sa.Column("resolution", sa.Text),
    )
    op.create_index("ix_sync_conflicts_open", "sync_conflicts", ["resolved_at", "id"])
    op.create_table(
        "sync_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("pushed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("pulled", sa.Integer, nullable=False, server_default="0"),
        sa.Column("conflicts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("outcome", sa.String(20), nullable=False, server_default="running"),
        sa.Column("message", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("sync_history")
    op.drop_index("ix_sync_conflicts_open", "sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_shadow")
    op.drop_table("sync_state")
