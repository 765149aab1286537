"""Rows this PC could not apply yet: the visible "waiting" list (``sync_waiting``).

A pulled row or a row of the server's merged answer that the local database refuses
(a local unique constraint, a check, a value this schema cannot hold) is parked here
with its reason instead of stopping the sync; the rows behind it are applied as usual.
After every round the client tries each waiting row again (usually what blocked it has
changed by then); a row is dropped from the list once applied, or once a newer server
version of the same record has been applied in its place. This PC's own edit of the
record answered "applied" moves the row up to that revision (``roll_forward``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Connection

#: pull / push: a server version not applied yet; parent: applied, its parent awaited
Origin = Literal["pull", "push", "parent"]


@dataclass(frozen=True)
class WaitingRow:
    table: str
    row_id: str
    origin: str
    rev: int
    reason: str
    attempts: int
    first_seen: str
    last_tried: str


@dataclass(frozen=True)
class Parked:
    """A waiting row with what is needed to apply it."""

    table: str
    row_id: str
    origin: str
    rev: int
    hlc: str
    deleted: bool
    server_seq: int | None
    data: dict[str, Any]


def _now() -> str:
    return datetime.now().isoformat(timespec="milliseconds")


def reason_of(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc)[:500]


def park(
    conn: Connection,
    *,
    table: str,
    row_id: str,
    origin: Origin,
    rev: int,
    hlc: str,
    deleted: bool,
    server_seq: int | None,
    data: dict[str, Any],
    reason: str,
) -> None:
    """Put a row on the waiting list (a newer version replaces an older one)."""
    now = _now()
    conn.exec_driver_sql(
        "INSERT INTO sync_waiting (table_name, row_id, origin, rev, hlc, deleted, server_seq, "
        "data, reason, attempts, first_seen, last_tried) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
        "ON CONFLICT (table_name, row_id) DO UPDATE SET "
        "origin = excluded.origin, rev = excluded.rev, hlc = excluded.hlc, "
        "deleted = excluded.deleted, server_seq = excluded.server_seq, data = excluded.data, "
        "reason = excluded.reason, attempts = sync_waiting.attempts + 1, "
        "last_tried = excluded.last_tried WHERE excluded.rev >= sync_waiting.rev",
        (
            table, row_id, origin, rev, hlc, 1 if deleted else 0, server_seq,
            json.dumps(data, ensure_ascii=False), reason, now, now,
        ),
    )


def still_waiting(conn: Connection, table: str, row_id: str, reason: str) -> None:
    conn.exec_driver_sql(
        "UPDATE sync_waiting SET reason = ?, attempts = attempts + 1, last_tried = ? "
        "WHERE table_name = ? AND row_id = ?",
        (reason, _now(), table, row_id),
    )


def forget(conn: Connection, table: str, row_id: str) -> None:
    conn.exec_driver_sql(
        "DELETE FROM sync_waiting WHERE table_name = ? AND row_id = ?", (table, row_id)
    )


def forget_older(conn: Connection, table: str, row_id: str, rev: int) -> None:
    """A server version ``rev`` was applied: an older waiting version is obsolete."""
    conn.exec_driver_sql(
        "DELETE FROM sync_waiting WHERE table_name = ? AND row_id = ? AND rev <= ?",
        (table, row_id, rev),
    )


def server_versions_waiting(conn: Connection) -> set[tuple[str, str]]:
    """The records with a server version waiting (pulled or a push answer)."""
    return {
        (str(t), str(i))
        for t, i in conn.exec_driver_sql(
            "SELECT table_name, row_id FROM sync_waiting WHERE origin <> 'parent'"
        ).all()
    }


def roll_forward(
    conn: Connection, table: str, row_id: str, rev: int, deleted: bool,
    written: dict[str, Any],
) -> None:
    """This PC's edit of a record with a server version waiting was answered "applied"
    at revision ``rev``: the server's ``rev`` is the waiting version with this edit's
    columns (``written``) in place (an "applied" answer means nothing else changed
    since the revision the edit was made from). The waiting row becomes that revision,
    so it is not taken for an older version and dropped; it is applied with the rest."""
    row = conn.exec_driver_sql(
        "SELECT rev, data FROM sync_waiting WHERE table_name = ? AND row_id = ? "
        "AND origin <> 'parent'",
        (table, row_id),
    ).first()
    if row is None or int(row[0]) >= rev:
        return
    data = {**json.loads(row[1]), **written}
    if "deleted" in data or deleted:
        data["deleted"] = 1 if deleted else 0
    conn.exec_driver_sql(
        "UPDATE sync_waiting SET origin = 'push', rev = ?, deleted = ?, data = ?, "
        "last_tried = ? WHERE table_name = ? AND row_id = ?",
        (rev, 1 if deleted else 0, json.dumps(data, ensure_ascii=False), _now(), table,
         row_id),
    )


def parked_rows(conn: Connection) -> list[Parked]:
    return [
        Parked(t, i, str(o), int(rev), str(hlc), bool(d), seq, json.loads(data))
        for t, i, o, rev, hlc, d, seq, data in conn.exec_driver_sql(
            "SELECT table_name, row_id, origin, rev, hlc, deleted, server_seq, data "
            "FROM sync_waiting "
            "ORDER BY first_seen, table_name, row_id"
        ).all()
    ]


def orphans(conn: Connection, table: str, ids: list[str]) -> dict[str, str]:
    """Of these records, those naming a parent this database does not hold:
    {id: "FOREIGN KEY <column> -> <parent table>"} (one query per foreign key)."""
    keys = conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")').all()
    out: dict[str, str] = {}
    for key in keys:
        parent, column, parent_column = str(key[2]), str(key[3]), str(key[4] or "id")
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows = conn.exec_driver_sql(
                f'SELECT t.id FROM "{table}" t WHERE t.id IN ({",".join("?" * len(part))}) '
                f'AND t."{column}" IS NOT NULL AND NOT EXISTS '
                f'(SELECT 1 FROM "{parent}" p WHERE p."{parent_column}" = t."{column}")',
                tuple(part),
            ).all()
            for (row_id,) in rows:
                out.setdefault(str(row_id), f"FOREIGN KEY {table}.{column} -> {parent}")
    return out


def waiting_rows(conn: Connection) -> list[WaitingRow]:
    return [
        WaitingRow(*row)
        for row in conn.exec_driver_sql(
            "SELECT table_name, row_id, origin, rev, reason, attempts, first_seen, last_tried "
            "FROM sync_waiting ORDER BY first_seen, table_name, row_id"
        ).all()
    ]


def waiting_count(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM sync_waiting").scalar() or 0)
