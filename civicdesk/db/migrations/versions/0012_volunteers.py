"""volunteers with consent, organisations that need them, assignments with hours,
aid actions

Revision ID: 0012_volunteers
Revises: 0010_results

The four tables are center-owned and synced, so they get outbox triggers. Their sort
keys (Kazakh order of names) are derived here as everywhere (``LATER_SORT_KEYS``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from civicdesk.db.changes import install_outbox_triggers
from civicdesk.db.types import money, quantity

revision = "0012_volunteers"
down_revision = "0010_results"
branch_labels = None
depends_on = None

NEW_TABLES = ("volunteers", "volunteer_orgs", "aid_actions", "volunteer_assignments")


def _sync_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("center_id", sa.String(36), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(36), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("rev", sa.Integer(), server_default="1", nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("hlc", sa.String(32), server_default="", nullable=False),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{target}.id", name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    op.create_table(
        "volunteers",
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("iin", sa.String(12), nullable=True),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("age_group", sa.String(10), nullable=True),
        sa.Column("phone", sa.String(16), nullable=True),
        sa.Column("settlement_id", sa.String(36),
                  _fk("volunteers", "settlement_id", "settlements"), nullable=True),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("availability", sa.String(200), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("consent_form_version", sa.String(20), nullable=True),
        sa.Column("consent_purposes", sa.JSON(), nullable=False),
        sa.Column("consent_withdrawn_on", sa.Date(), nullable=True),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("sort_name", sa.String(200), server_default="", nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_volunteers_sort", "volunteers", ["center_id", "deleted", "sort_name"])
    op.create_index("ix_volunteers_settlement", "volunteers", ["settlement_id"])
    op.create_table(
        "volunteer_orgs",
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("settlement_id", sa.String(36),
                  _fk("volunteer_orgs", "settlement_id", "settlements"), nullable=True),
        sa.Column("contact_name", sa.String(200), nullable=False),
        sa.Column("contact_phone", sa.String(16), nullable=False),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("sort_name", sa.String(300), server_default="", nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_volunteer_orgs_sort", "volunteer_orgs",
                    ["center_id", "deleted", "sort_name"])
    op.create_table(
        "aid_actions",
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("settlement_id", sa.String(36),
                  _fk("aid_actions", "settlement_id", "settlements"), nullable=True),
        sa.Column("form", sa.String(10), nullable=False),
        sa.Column("amount", money(), nullable=True),
        sa.Column("quantity", quantity(), nullable=True),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("services", sa.Text(), nullable=False),
        sa.Column("org_id", sa.String(36), _fk("aid_actions", "org_id", "volunteer_orgs"),
                  nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_aid_actions_done", "aid_actions", ["center_id", "deleted", "done_on"])
    op.create_table(
        "volunteer_assignments",
        sa.Column("volunteer_id", sa.String(36),
                  _fk("volunteer_assignments", "volunteer_id", "volunteers"), nullable=False,
                  index=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("hours", quantity(), nullable=False),
        sa.Column("settlement_id", sa.String(36),
                  _fk("volunteer_assignments", "settlement_id", "settlements"), nullable=True),
        sa.Column("org_id", sa.String(36),
                  _fk("volunteer_assignments", "org_id", "volunteer_orgs"), nullable=True),
        sa.Column("campaign_id", sa.String(36),
                  _fk("volunteer_assignments", "campaign_id", "campaigns"), nullable=True),
        sa.Column("seminar_id", sa.String(36),
                  _fk("volunteer_assignments", "seminar_id", "seminars"), nullable=True),
        sa.Column("aid_action_id", sa.String(36),
                  _fk("volunteer_assignments", "aid_action_id", "aid_actions"), nullable=True,
                  index=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_volunteer_assignments_done", "volunteer_assignments",
                    ["center_id", "deleted", "done_on"])
    install_outbox_triggers(op.get_bind(), NEW_TABLES)


def downgrade() -> None:
    conn = op.get_bind()
    for table in NEW_TABLES:
        for kind in ("ins", "upd", "del"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_outbox_{kind}_{table}")
    for table in reversed(NEW_TABLES):
        op.drop_table(table)
