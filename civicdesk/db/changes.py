"""Change capture: SQLite triggers that feed the sync outbox.

Every insert, update or delete of a synced table, whether it comes from the ORM, Core
or raw SQL, leaves one pending row per record in ``sync_outbox`` with the columns that
changed (``*`` for a new record) and a ``local_version`` that grows with every change,
so a push can clear the row only if it did not change meanwhile. While the sync client
applies pulled changes it sets ``sync_control.applying = 1`` and the triggers stay quiet.

The trigger bodies are generated from the table's real columns, so a migration that
adds a column calls ``install_outbox_triggers`` again.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, inspect

# Bookkeeping columns whose change alone is not worth sending.
# (sort_name: a sort key every node derives from the name, never sent)
NOT_TRACKED = frozenset({"server_seq", "sort_name"})

NOW = "strftime('%Y-%m-%dT%H:%M:%f','now')"


def _trigger_names(table: str) -> tuple[str, str, str]:
    return (f"trg_outbox_ins_{table}", f"trg_outbox_upd_{table}", f"trg_outbox_del_{table}")


def outbox_trigger_sql(table: str, columns: Iterable[str]) -> list[str]:
    ins, upd, dele = _trigger_names(table)
    tracked = [c for c in columns if c not in NOT_TRACKED]
    changed_expr = "',' || " + " || ".join(
        f"(CASE WHEN OLD.\"{c}\" IS NOT NEW.\"{c}\" THEN '{c},' ELSE '' END)" for c in tracked
    )
    any_change = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in tracked)
    quiet = "(SELECT applying FROM sync_control WHERE id = 1) = 0"
    return [
        f"DROP TRIGGER IF EXISTS {ins}",
        f"DROP TRIGGER IF EXISTS {upd}",
        f"DROP TRIGGER IF EXISTS {dele}",
        f"""CREATE TRIGGER {ins} AFTER INSERT ON "{table}" WHEN {quiet}
BEGIN
  INSERT INTO sync_outbox (table_name, row_id, op, changed, local_version, queued_at)
  VALUES ('{table}', NEW.id, 'upsert', '*', 1, {NOW})
  ON CONFLICT (table_name, row_id) DO UPDATE SET
    op = 'upsert', changed = '*',
    local_version = sync_outbox.local_version + 1, queued_at = excluded.queued_at;
END""",
        f"""CREATE TRIGGER {upd} AFTER UPDATE ON "{table}" WHEN {quiet} AND ({any_change})
BEGIN
  INSERT INTO sync_outbox (table_name, row_id, op, changed, local_version, queued_at)
  VALUES ('{table}', NEW.id, 'upsert', {changed_expr}, 1, {NOW})
  ON CONFLICT (table_name, row_id) DO UPDATE SET
    op = 'upsert',
    changed = CASE WHEN sync_outbox.changed = '*' THEN '*'
                   ELSE sync_outbox.changed || substr(excluded.changed, 2) END,
    local_version = sync_outbox.local_version + 1, queued_at = excluded.queued_at;
END""",
        f"""CREATE TRIGGER {dele} AFTER DELETE ON "{table}" WHEN {quiet}
BEGIN
  INSERT INTO sync_outbox (table_name, row_id, op, changed, local_version, queued_at)
  VALUES ('{table}', OLD.id, 'delete', '*', 1, {NOW})
  ON CONFLICT (table_name, row_id) DO UPDATE SET
    op = 'delete', changed = '*',
    local_version = sync_outbox.local_version + 1, queued_at = excluded.queued_at;
END""",
    ]


def install_outbox_triggers(conn: Connection, tables: Iterable[str]) -> None:
    """(Re)create the outbox triggers of ``tables`` from their current columns."""
    inspector = inspect(conn)
    for table in tables:
        columns = [col["name"] for col in inspector.get_columns(table)]
        for statement in outbox_trigger_sql(table, columns):
            conn.exec_driver_sql(statement)


def parse_changed(changed: str) -> set[str] | None:
    """Column names recorded in an outbox row; None means the whole record."""
    if changed == "*":
        return None
    return {c for c in changed.split(",") if c}
