"""sync: rows waiting to be applied; capture repaired on every synced table

- sync_waiting: a pulled or merged row this PC could not apply yet (a parent that has
  not arrived, a local constraint), with the reason; retried after every sync round.
- Migration 0006 rebuilt ``users`` and dropped its capture triggers, so users written
  since were never queued: every row the server never confirmed is queued again.
  (The triggers themselves are reinstalled by the migration environment after every
  upgrade.)

Revision ID: 0007_sync
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from civicdesk.db.changes import requeue_uncaptured

revision = "0007_sync"
down_revision = "0006"
branch_labels = None
depends_on = None

# The synced tables as of this revision (frozen).
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
        "sync_waiting",
        sa.Column("table_name", sa.String(40), primary_key=True),
        sa.Column("row_id", sa.String(36), primary_key=True),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("rev", sa.Integer, nullable=False),
        sa.Column("hlc", sa.String(80), nullable=False, server_default=""),
        sa.Column("deleted", sa.Integer, nullable=False, server_default="0"),
        sa.Column("server_seq", sa.Integer),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
        sa.Column("first_seen", sa.String(32), nullable=False),
        sa.Column("last_tried", sa.String(32), nullable=False),
    )
    requeue_uncaptured(op.get_bind(), SYNCED)


def downgrade() -> None:
    op.drop_table("sync_waiting")
