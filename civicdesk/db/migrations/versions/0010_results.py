"""seminar series, a seminar's audience, participants by sex, age group, youth (14-35)
and disability; grant beneficiaries broken down the same way

Revision ID: 0010_results
Revises: 0013_sync

``seminar_series`` is center-owned and synced, so it gets outbox triggers; the
seminars, seminar_participants and grant_applications tables gain columns, so their
triggers are rebuilt from their columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from civicdesk.db.changes import install_outbox_triggers

revision = "0010_results"
down_revision = "0013_sync"
branch_labels = None
depends_on = None

BENEFICIARY_COLUMNS = ("ben_women", "ben_men", "ben_under_18", "ben_18_29", "ben_30_44",
                       "ben_45_59", "ben_60_plus", "ben_youth", "ben_disability")
PARTICIPANT_COLUMNS = ("sex", "age_group", "youth", "disability")


def upgrade() -> None:
    op.create_table(
        "seminar_series",
        sa.Column("name_kk", sa.String(300), nullable=False),
        sa.Column("name_ru", sa.String(300), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("planned", sa.Integer(), server_default="0", nullable=False),
        sa.Column("programme_id", sa.String(36), nullable=True, index=True),
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("center_id", sa.String(36), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(36), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("rev", sa.Integer(), server_default="1", nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("hlc", sa.String(32), server_default="", nullable=False),
    )
    with op.batch_alter_table("seminars") as batch:
        batch.add_column(sa.Column("series_id", sa.String(36), sa.ForeignKey(
            "seminar_series.id", name="fk_seminars_series_id_seminar_series"), nullable=True))
        batch.add_column(sa.Column("audience", sa.String(12), server_default="residents",
                                   nullable=False))
        batch.create_index("ix_seminars_series_id", ["series_id"])
    with op.batch_alter_table("seminar_participants") as batch:
        batch.add_column(sa.Column("sex", sa.String(1), nullable=True))
        batch.add_column(sa.Column("age_group", sa.String(12), nullable=True))
        batch.add_column(sa.Column("youth", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("disability", sa.Boolean(), nullable=True))
    with op.batch_alter_table("grant_applications") as batch:
        for name in BENEFICIARY_COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=True))
    install_outbox_triggers(op.get_bind(), ["seminar_series", "seminars",
                                            "seminar_participants", "grant_applications"])


def downgrade() -> None:
    with op.batch_alter_table("grant_applications") as batch:
        for name in BENEFICIARY_COLUMNS:
            batch.drop_column(name)
    with op.batch_alter_table("seminar_participants") as batch:
        for name in PARTICIPANT_COLUMNS:
            batch.drop_column(name)
    with op.batch_alter_table("seminars") as batch:
        batch.drop_index("ix_seminars_series_id")
        batch.drop_column("audience")
        batch.drop_column("series_id")
    op.drop_table("seminar_series")
    install_outbox_triggers(op.get_bind(), ["seminars", "seminar_participants",
                                            "grant_applications"])
