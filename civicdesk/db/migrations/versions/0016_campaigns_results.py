"""measured campaigns (campaigns, survey waves and sheets), who handed out copies,
programmes and their targets (head office)

Revision ID: 0016
Revises: 0008_security

The three new tables are center-owned and synced, so they get outbox triggers; the
distributions table gains two columns, so its triggers are rebuilt from its columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from civicdesk.db.changes import install_outbox_triggers

revision = "0016"
down_revision = "0008_security"
branch_labels = None
depends_on = None

NEW_TABLES = ("campaigns", "survey_waves", "survey_sheets", "programmes",
              "programme_targets")


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


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("title_kk", sa.String(300), nullable=False),
        sa.Column("title_ru", sa.String(300), nullable=False),
        sa.Column("booklet_id", sa.String(36), sa.ForeignKey(
            "booklets.id", name="fk_campaigns_booklet_id_booklets"), nullable=True, index=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("questions", sa.JSON(), nullable=False),
        sa.Column("knows_threshold", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_table(
        "survey_waves",
        sa.Column("campaign_id", sa.String(36), sa.ForeignKey(
            "campaigns.id", name="fk_survey_waves_campaign_id_campaigns"), nullable=False,
            index=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_table(
        "survey_sheets",
        sa.Column("wave_id", sa.String(36), sa.ForeignKey(
            "survey_waves.id", name="fk_survey_sheets_wave_id_survey_waves"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("age_band", sa.String(10), nullable=True),
        sa.Column("settlement_id", sa.String(36), sa.ForeignKey(
            "settlements.id", name="fk_survey_sheets_settlement_id_settlements"), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("external_id", sa.String(64), nullable=True),
        *_sync_columns(),
    )
    op.create_index("ix_survey_sheets_wave", "survey_sheets", ["wave_id", "deleted", "number"])
    op.create_index("ix_survey_sheets_external", "survey_sheets", ["wave_id", "external_id"])
    op.create_table(
        "programmes",
        sa.Column("name_kk", sa.String(300), nullable=False),
        sa.Column("name_ru", sa.String(300), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("regions", sa.JSON(), nullable=False),
        *_sync_columns(),
    )
    op.create_table(
        "programme_targets",
        sa.Column("programme_id", sa.String(36), sa.ForeignKey(
            "programmes.id", name="fk_programme_targets_programme_id_programmes"),
            nullable=False, index=True),
        sa.Column("indicator", sa.String(30), nullable=False),
        sa.Column("region_kato", sa.String(2), nullable=True),
        sa.Column("quarter", sa.String(6), nullable=True),
        sa.Column("campaign_id", sa.String(36), nullable=True),
        sa.Column("target", sa.BigInteger(), nullable=False),
        *_sync_columns(),
    )
    with op.batch_alter_table("distributions") as batch:
        batch.add_column(sa.Column("handed_by", sa.String(10), nullable=False,
                                   server_default="staff"))
        batch.add_column(sa.Column("people_briefed", sa.Integer(), nullable=False,
                                   server_default="0"))
    install_outbox_triggers(op.get_bind(), (*NEW_TABLES, "distributions"))


def downgrade() -> None:
    conn = op.get_bind()
    for table in NEW_TABLES:
        for kind in ("ins", "upd", "del"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_outbox_{kind}_{table}")
    for table in reversed(NEW_TABLES):
        op.drop_table(table)
    with op.batch_alter_table("distributions") as batch:
        batch.drop_column("people_briefed")
        batch.drop_column("handed_by")
    install_outbox_triggers(conn, ("distributions",))
