"""a booklet remembers its template edition; a meeting records "not competent"

A template has a full text (A5 booklet, A4 pages) and a short tri-fold text; a booklet
row made from a template now keeps both the template's name and the edition, so it
prints (and falls back to) the right text.

Revision ID: 0007_print
Revises: 0007_sync
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_print"
down_revision = "0007_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("booklets") as batch:
        batch.add_column(sa.Column("template_edition", sa.String(16), nullable=True))
    # rows made from a template before: the tri-fold ones used the tri-fold layout
    op.execute(
        "UPDATE booklets SET template_edition = CASE WHEN layout = 'a4-trifold' "
        "THEN 'trifold' ELSE 'full' END WHERE template_name IS NOT NULL"
    )
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(
            sa.Column("not_competent", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("not_competent")
    with op.batch_alter_table("booklets") as batch:
        batch.drop_column("template_edition")
