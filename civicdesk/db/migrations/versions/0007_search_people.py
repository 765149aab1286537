"""the journal's search finds people and places: name, IIN and phone endings, settlement

A consultation's index document also holds its resident and settlement; the residents
index keeps notes in a column of their own and the endings of IIN and phone as words.

Revision ID: 0007_search
Revises: 0006
"""

from __future__ import annotations

from alembic import op

from civicdesk.db.search import SEARCH_TABLES, rebuild_fts

revision = "0007_search"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    for table in SEARCH_TABLES:
        rebuild_fts(conn, table)


def downgrade() -> None:
    # the index of this revision is a superset of the earlier one: searches still work
    pass
