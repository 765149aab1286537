"""a login is unique within its center, not across every center

Head office holds every center's accounts; two centers may both have a "manager".

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("uq_users_login", type_="unique")
        batch.create_unique_constraint("uq_users_center_login", ["center_id", "login"])


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("uq_users_center_login", type_="unique")
        batch.create_unique_constraint("uq_users_login", ["login"])
