"""Change capture: SQLite triggers that feed the sync outbox.

Every insert, update or delete of a synced table, whether it comes from the ORM, Core
or raw SQL, leaves one pending row per record in ``sync_outbox`` with the columns that
changed (``*`` for a new record) and a ``local_version`` that grows with every change,
so a push can clear the row only if it did not change meanwhile. While the sync client
applies pulled changes it sets ``sync_control.applying = 1`` and the triggers stay quiet.

The trigger bodies are generated from the table's real columns. One definition serves
every synced table (``SYNCED_MODELS``): the migration environment reinstalls all of them
after every upgrade (a table rebuilt by a migration loses its triggers), and opening a
database checks they are all there, recreating (and logging) any that are missing and
queueing again the rows written while they were missing (``requeue_uncaptured``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import Connection, inspect

log = logging.getLogger(__name__)

CAPTURE_KINDS = ("ins", "upd", "del")

# Columns whose change alone is not worth sending (users.last_login_at never travels;
# sort_name is a sort key every node derives from the name, never sent).
NOT_TRACKED = frozenset({"server_seq", "last_login_at", "sort_name"})

NOW = "strftime('%Y-%m-%dT%H:%M:%f','now')"


def capture_trigger_names(table: str) -> tuple[str, str, str]:
    ins, upd, dele = (f"trg_outbox_{kind}_{table}" for kind in CAPTURE_KINDS)
    return ins, upd, dele


_trigger_names = capture_trigger_names


def synced_tables() -> tuple[str, ...]:
    """Every synced table of the current models (the one list capture is made from)."""
    from civicdesk.db.models import SYNCED_MODELS

    return tuple(str(m.__tablename__) for m in SYNCED_MODELS)


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


def _existing_tables(conn: Connection) -> set[str]:
    return {
        str(r[0])
        for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    }


def install_capture(conn: Connection) -> list[str]:
    """Reinstall the triggers of every synced table present (after any migration).

    Nothing is done before the outbox exists (revisions older than 0003)."""
    present = _existing_tables(conn)
    if not {"sync_outbox", "sync_control"} <= present:
        return []
    tables = [t for t in synced_tables() if t in present]
    install_outbox_triggers(conn, tables)
    return tables


def missing_capture(conn: Connection) -> list[str]:
    """Synced tables lacking one of their three capture triggers."""
    present = _existing_tables(conn)
    if "sync_outbox" not in present:
        return []
    triggers = {
        str(r[0])
        for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_outbox_%'"
        )
    }
    return [
        t
        for t in synced_tables()
        if t in present and not set(capture_trigger_names(t)) <= triggers
    ]


def requeue_uncaptured(conn: Connection, tables: Iterable[str]) -> int:
    """Queue rows that may have been written while capture was missing.

    A row is queued again when it is not queued now and the server never confirmed
    this version of it: it has no server revision in ``sync_shadow`` (never sent), or
    its local ``rev`` is above the one the server confirmed (edited since). Sending a
    row the server already has is harmless (the server merges it as unchanged)."""
    total = 0
    for table in tables:
        res = conn.exec_driver_sql(
            f"""INSERT INTO sync_outbox (table_name, row_id, op, changed, local_version, queued_at)
            SELECT '{table}', t.id, 'upsert', '*', 1, {NOW} FROM "{table}" t
            LEFT JOIN sync_shadow s ON s.table_name = '{table}' AND s.row_id = t.id
            WHERE (s.rev IS NULL OR t.rev > s.rev)
              AND NOT EXISTS (SELECT 1 FROM sync_outbox o
                              WHERE o.table_name = '{table}' AND o.row_id = t.id)"""
        )
        total += int(res.rowcount or 0)
    return total


def ensure_capture(conn: Connection) -> list[str]:
    """At open: recreate missing capture triggers and queue what they missed.

    Returns the tables that had to be repaired (normally none: one query)."""
    missing = missing_capture(conn)
    if not missing:
        return []
    install_outbox_triggers(conn, missing)
    present = _existing_tables(conn)
    queued = requeue_uncaptured(conn, missing) if "sync_shadow" in present else 0
    log.warning(
        "change capture was missing for %s: triggers recreated, %d rows queued again",
        ", ".join(missing),
        queued,
    )
    return missing


def parse_changed(changed: str) -> set[str] | None:
    """Column names recorded in an outbox row; None means the whole record."""
    if changed == "*":
        return None
    return {c for c in changed.split(",") if c}
