"""full-text search over residents and consultations

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from civicdesk.db.search import rebuild_fts

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    for table in ("residents", "consultations"):
        rebuild_fts(conn, table)


def downgrade() -> None:
    from civicdesk.db.search import drop_fts

    conn = op.get_bind()
    for table in ("residents", "consultations"):
        drop_fts(conn, table)
