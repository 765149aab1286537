"""find people by name, IIN and phone ending and place; Kazakh alphabetical order

Search: a consultation's index document also holds its resident (name, IIN, phone and
their endings) and settlement (kk and ru names); the residents index keeps notes in a
column of their own. The update triggers become one each, deleting the old document
before adding the new one (two triggers ran newest first and lost shared words), so
every index is rebuilt.

Order: indexed Kazakh sort keys of resident, user and settlement names
(civicdesk.db.collation), and ``settlements.merged_into``: a settlement a center added
that head office merged into the official one.

Revision ID: 0007_kk
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from civicdesk.db.collation import SORT_KEYS, fill_sort_keys
from civicdesk.db.search import SEARCH_TABLES, rebuild_fts

revision = "0007_kk"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN: the tables (and their triggers) stay as they are
    for table in SORT_KEYS:
        op.add_column(
            table, sa.Column("sort_name", sa.String(200), nullable=False, server_default="")
        )
    op.add_column("settlements", sa.Column("merged_into", sa.String(36), nullable=True))
    conn = op.get_bind()
    for table in SORT_KEYS:
        fill_sort_keys(conn, table)
        op.create_index(f"ix_{table}_sort", table, ["sort_name"])
    for table in SEARCH_TABLES:
        rebuild_fts(conn, table)
    op.execute("ANALYZE")


def downgrade() -> None:
    for table in SORT_KEYS:
        op.drop_index(f"ix_{table}_sort", table_name=table)
    with op.batch_alter_table("settlements") as batch:
        batch.drop_column("merged_into")
    for table in SORT_KEYS:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("sort_name")
