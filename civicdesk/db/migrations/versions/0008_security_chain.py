"""sync login out of the database, a hash chain over the audit log, sign-in failures

Revision ID: 0008_security
Revises: 0007_kk

- The bearer token and the enrolment's instance id leave ``sync_state``: from now on
  they live in the operating system's credential store (civicdesk.sync.credentials),
  keyed by the database file's path, and ``sync_state`` keeps only a random reference
  to the entry. So no backup carries a working sync login. An enrolled PC is enrolled
  once more after this upgrade.
- audit_log gains the hash chain: per device a sequence number, the previous entry's
  hash, the hash of the before/after values and this entry's hash. Entries written before the upgrade stay unchained.
- sign_in_failures (local, not synced): wrong passwords per login, for growing delays
  and the lockout a manager lifts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_security"
down_revision = "0007_kk"
branch_labels = None
depends_on = None


def _drop_sync_secret() -> None:
    # Not moved to the credential store: every backup made before this upgrade holds
    # the same token, and a copy opened by this version would carry it over. The PC is
    # enrolled once more; the new enrolment revokes the device's earlier tokens.
    op.get_bind().execute(
        sa.text("DELETE FROM sync_state WHERE key IN ('token', 'instance_id')")
    )


def upgrade() -> None:
    _drop_sync_secret()
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("chain_device", sa.String(36)))
        batch.add_column(sa.Column("chain_seq", sa.Integer))
        batch.add_column(sa.Column("prev_hash", sa.String(64)))
        batch.add_column(sa.Column("values_hash", sa.String(64)))
        batch.add_column(sa.Column("entry_hash", sa.String(64)))
    op.create_index("ix_audit_chain", "audit_log", ["chain_device", "chain_seq"])
    op.create_table(
        "sign_in_failures",
        sa.Column("center_id", sa.String(36), primary_key=True),
        sa.Column("login", sa.String(80), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_at", sa.DateTime),
        sa.Column("locked", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_table("sign_in_failures")
    op.drop_index("ix_audit_chain", "audit_log")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("entry_hash")
        batch.drop_column("values_hash")
        batch.drop_column("prev_hash")
        batch.drop_column("chain_seq")
        batch.drop_column("chain_device")
