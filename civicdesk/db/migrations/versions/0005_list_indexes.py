"""indexes that keep the journal's first page fast on 100k rows

Counting live rows of a center reads a covering index instead of the table, and
sorting by the name of the resident, consultant or settlement walks the name index.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_consultations_live", "consultations", ["center_id", "deleted"]),
    ("ix_residents_live", "residents", ["center_id", "deleted"]),
    ("ix_users_name", "users", ["full_name"]),
    ("ix_settlements_name_kk", "settlements", ["name_kk"]),
    ("ix_consultations_follow_up_at", "consultations", ["follow_up_on", "occurred_at"]),
    ("ix_consultations_question", "consultations", [sa.text("substr(question, 1, 60)"),
                                                    "occurred_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.execute("ANALYZE")


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
