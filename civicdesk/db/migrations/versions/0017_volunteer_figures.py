"""volunteer figures read from one index

Revision ID: 0017_volfigures
Revises: 0011_problems

The period's figures (active volunteers, hours per district) read every assignment of
the period. The index on (center, deleted, done_on) found them but then fetched each row
from the table for its volunteer, settlement and hours: 100 000 scattered reads for a
year. The index now also holds those three columns, so the figures are read from the
index alone (bench/bench_volunteers.py, volunteers.figures_100k).
"""

from __future__ import annotations

from alembic import op

revision = "0017_volfigures"
down_revision = "0011_problems"
branch_labels = None
depends_on = None

_OLD = ["center_id", "deleted", "done_on"]
_NEW = [*_OLD, "settlement_id", "volunteer_id", "hours"]


def upgrade() -> None:
    op.drop_index("ix_volunteer_assignments_done", table_name="volunteer_assignments")
    op.create_index("ix_volunteer_assignments_done", "volunteer_assignments", _NEW)


def downgrade() -> None:
    op.drop_index("ix_volunteer_assignments_done", table_name="volunteer_assignments")
    op.create_index("ix_volunteer_assignments_done", "volunteer_assignments", _OLD)
