"""faster sync: search triggers only for indexed columns, outbox queue index, UTF-8 audit

* The search index's update triggers fire only when a column the index reads is set
  (``AFTER UPDATE OF …``), so sync writing ``rev`` after each accepted row no longer
  re-indexes the record.
* ``sync_outbox`` gets an index on its queue order (``queued_at``; SQLite adds the
  rowid), so taking the next batch does not sort the whole outbox.
* Audit entries' ``before``/``after`` were stored with Kazakh and Russian letters as
  ``\\u`` escapes (6 bytes a letter); they are rewritten as UTF-8 (2 bytes), the same
  JSON values, with the outbox triggers quiet: the values do not change, so nothing
  is sent again (the server and other PCs keep equal values in the old spelling).

Revision ID: 0013_sync
Revises: 0009_kk
"""

from __future__ import annotations

import json

from alembic import op

from civicdesk.db.search import SEARCH_TABLES, drop_fts_triggers, install_fts

revision = "0013_sync"
down_revision = "0009_kk"
branch_labels = None
depends_on = None


def _reinstall_search_triggers() -> None:
    conn = op.get_bind()
    for table in SEARCH_TABLES:
        drop_fts_triggers(conn, table)
        install_fts(conn, table)


def _audit_as_utf8() -> None:
    conn = op.get_bind()
    conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
    rows = conn.exec_driver_sql(
        "SELECT id, before, after FROM audit_log "
        "WHERE instr(before, '\\u') > 0 OR instr(after, '\\u') > 0"
    ).all()

    def utf8(raw: str | None) -> str | None:
        if raw is None:
            return None
        return json.dumps(json.loads(raw), ensure_ascii=False)

    if rows:
        conn.exec_driver_sql(
            "UPDATE audit_log SET before = ?, after = ? WHERE id = ?",
            [(utf8(b), utf8(a), i) for i, b, a in rows],
        )
    conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")


def upgrade() -> None:
    op.create_index("ix_sync_outbox_queue", "sync_outbox", ["queued_at"])
    _reinstall_search_triggers()
    _audit_as_utf8()


def downgrade() -> None:
    # the triggers of this revision index the same text; the audit JSON stays UTF-8
    # (equal values: the older code reads both spellings)
    op.drop_index("ix_sync_outbox_queue", table_name="sync_outbox")
