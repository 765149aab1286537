"""needs assessments, the problems register, settlement coordinates

Revision ID: 0011_problems
Revises: 0012_volunteers

The seven new tables are center-owned and synced, so they get outbox triggers; the
settlements table gains latitude and longitude, so its triggers are rebuilt from its
columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from civicdesk.db.changes import install_outbox_triggers
from civicdesk.db.search import SEARCH_TABLES, drop_fts, rebuild_fts

revision = "0011_problems"
down_revision = "0012_volunteers"
branch_labels = None
depends_on = None

NEW_TABLES = ("needs_assessments", "focus_groups", "survey_responses", "problems",
              "problem_mentions", "problem_steps", "problem_links")


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


def _fk(table: str, column: str, parent: str, *, nullable: bool = True,
        index: bool = False) -> sa.Column[object]:
    return sa.Column(column, sa.String(36), sa.ForeignKey(
        f"{parent}.id", name=f"fk_{table}_{column}_{parent}"), nullable=nullable,
        index=index)


def upgrade() -> None:
    op.create_table(
        "needs_assessments",
        _fk("needs_assessments", "district_id", "districts", index=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("methods", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_table(
        "focus_groups",
        _fk("focus_groups", "assessment_id", "needs_assessments", nullable=False,
            index=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        _fk("focus_groups", "settlement_id", "settlements"),
        sa.Column("moderator", sa.String(200), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        *_sync_columns(),
    )
    op.create_table(
        "survey_responses",
        _fk("survey_responses", "assessment_id", "needs_assessments", nullable=False,
            index=True),
        sa.Column("number", sa.Integer(), nullable=False),
        _fk("survey_responses", "settlement_id", "settlements"),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("age_band", sa.String(10), nullable=True),
        sa.Column("mode", sa.String(10), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("external_id", sa.String(64), nullable=True),
        *_sync_columns(),
    )
    op.create_table(
        "problems",
        sa.Column("title_kk", sa.String(300), nullable=False),
        sa.Column("title_ru", sa.String(300), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        _fk("problems", "district_id", "districts"),
        _fk("problems", "settlement_id", "settlements"),
        sa.Column("settlement_ids", sa.JSON(), nullable=False),
        sa.Column("first_raised", sa.Date(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(20), nullable=True),
        sa.Column("taken_up_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("raised_count", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_problems_list", "problems", ["center_id", "deleted", "first_raised"])
    op.create_index("ix_problems_state", "problems",
                    ["center_id", "deleted", "state", "first_raised"])
    op.create_index("ix_problems_settlement", "problems", ["settlement_id", "deleted"])
    op.create_index("ix_problems_raised", "problems", ["center_id", "deleted", "raised_count"])
    op.create_table(
        "problem_mentions",
        _fk("problem_mentions", "problem_id", "problems", nullable=False, index=True),
        _fk("problem_mentions", "focus_group_id", "focus_groups", index=True),
        _fk("problem_mentions", "response_id", "survey_responses", index=True),
        _fk("problem_mentions", "settlement_id", "settlements"),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("age_band", sa.String(10), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        *_sync_columns(),
    )
    op.create_table(
        "problem_steps",
        _fk("problem_steps", "problem_id", "problems", nullable=False, index=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(20), nullable=True),
        sa.Column("record_kind", sa.String(20), nullable=True),
        sa.Column("record_id", sa.String(36), nullable=True),
        sa.Column("reference", sa.String(100), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("extended_to", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_sync_columns(),
    )
    op.create_table(
        "problem_links",
        _fk("problem_links", "problem_id", "problems", nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("linked_on", sa.Date(), nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_problem_links_record", "problem_links", ["kind", "record_id"])
    with op.batch_alter_table("settlements") as batch:
        batch.add_column(sa.Column("latitude", sa.Float(), nullable=True))
        batch.add_column(sa.Column("longitude", sa.Float(), nullable=True))
    install_outbox_triggers(op.get_bind(), (*NEW_TABLES, "settlements"))


def downgrade() -> None:
    conn = op.get_bind()
    for table in NEW_TABLES:
        for kind in ("ins", "upd", "del"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_outbox_{kind}_{table}")
    for table in reversed(NEW_TABLES):
        op.drop_table(table)
    # the search index triggers name settlements: SQLite refuses to rebuild a table a
    # trigger refers to, so they go first and come back at the end (as in 0007_kk)
    for table in SEARCH_TABLES:
        drop_fts(conn, table)
    with op.batch_alter_table("settlements") as batch:
        batch.drop_column("longitude")
        batch.drop_column("latitude")
    for table in SEARCH_TABLES:
        rebuild_fts(conn, table)
    install_outbox_triggers(conn, ("settlements",))
