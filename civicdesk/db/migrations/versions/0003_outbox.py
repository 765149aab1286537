"""sync outbox fed by triggers on every synced table

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from civicdesk.db.changes import install_outbox_triggers

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The synced tables as of this revision (frozen: later revisions add their own).
SYNCED = (
    "regions", "districts", "rural_districts", "settlements", "topics", "legal_acts",
    "centers", "users", "residents", "consultations", "consultation_topics", "meetings",
    "meeting_attendees", "agenda_items", "grant_calls", "grant_applications",
    "budget_lines", "grant_reviews", "grant_indicators", "grant_reports", "seminars",
    "seminar_participants", "booklets", "print_runs", "distributions", "audit_log",
    "attachments",
)


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("table_name", sa.String(40), primary_key=True),
        sa.Column("row_id", sa.String(36), primary_key=True),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("changed", sa.Text, nullable=False),
        sa.Column("local_version", sa.Integer, nullable=False),
        sa.Column("queued_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "sync_control",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("applying", sa.Integer, nullable=False, server_default="0"),
        sa.CheckConstraint("id = 1", name="single_row"),
    )
    op.execute("INSERT INTO sync_control (id, applying) VALUES (1, 0)")
    conn = op.get_bind()
    install_outbox_triggers(conn, SYNCED)


def downgrade() -> None:
    conn = op.get_bind()
    for table in SYNCED:
        for kind in ("ins", "upd", "del"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_outbox_{kind}_{table}")
    op.drop_table("sync_control")
    op.drop_table("sync_outbox")
