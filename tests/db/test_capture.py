"""Change capture cannot silently break: every synced table feeds the outbox.

A raw SQL insert, update and delete of every synced model reaches ``sync_outbox`` on a
new database and on every historical sample after its upgrade; a trigger dropped
behind the app's back is recreated at the next open; rows written while capture was
missing (the users table after migration 0006) are queued again on upgrade.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Numeric

from civicdesk.db.changes import CAPTURE_KINDS, capture_trigger_names, missing_capture
from civicdesk.db.engine import DB_FILE_NAME, open_database
from civicdesk.db.models import SYNCED_MODELS
from civicdesk.domain.ids import new_id
from tests.db.make_samples import SAMPLES, revisions


def _value(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, Boolean):
        return 0
    if isinstance(kind, Integer):
        return 1
    if isinstance(kind, Numeric):
        return 1
    if isinstance(kind, DateTime):
        return datetime(2025, 1, 2, 3, 4).isoformat(sep=" ")
    if isinstance(kind, Date):
        return date(2025, 1, 2).isoformat()
    if isinstance(kind, JSON):
        return "[]"
    return "x"


def _outbox(con: sqlite3.Connection, table: str, row_id: str) -> tuple[Any, ...] | None:
    return con.execute(
        "SELECT op, changed, local_version FROM sync_outbox WHERE table_name = ? AND row_id = ?",
        (table, row_id),
    ).fetchone()


def _check_every_model_captured(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")  # parents do not matter to capture
    try:
        existing = {r[1] for r in con.execute("PRAGMA database_list")}
        assert existing
        for model in SYNCED_MODELS:
            table = model.__tablename__
            cols = {r[1] for r in con.execute(f'PRAGMA table_info("{table}")')}
            values: dict[str, Any] = {}
            for column in model.__table__.columns:
                if column.name not in cols:
                    continue
                values[column.name] = _value(column)
            row_id = new_id()
            values["id"] = row_id
            values["center_id"] = new_id()
            names = ", ".join(f'"{n}"' for n in values)
            marks = ", ".join("?" * len(values))
            con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', tuple(values.values()))
            assert _outbox(con, table, row_id) == ("upsert", "*", 1), f"{table}: insert not captured"
            con.execute("DELETE FROM sync_outbox")
            con.execute(f'UPDATE "{table}" SET updated_by = ? WHERE id = ?', ("someone", row_id))
            got = _outbox(con, table, row_id)
            assert got is not None and got[0] == "upsert", f"{table}: update not captured"
            assert "updated_by" in got[1], (table, got)
            con.execute("DELETE FROM sync_outbox")
            con.execute(f'DELETE FROM "{table}" WHERE id = ?', (row_id,))
            assert _outbox(con, table, row_id) == ("delete", "*", 1), f"{table}: delete not captured"
            con.execute("DELETE FROM sync_outbox")
        con.rollback()
    finally:
        con.close()


def test_every_synced_model_is_captured_on_a_new_database(tmp_path: Path) -> None:
    db = open_database(tmp_path / DB_FILE_NAME)
    db.close()
    _check_every_model_captured(tmp_path / DB_FILE_NAME)


@pytest.mark.parametrize("revision", revisions())
def test_every_synced_model_is_captured_after_upgrading_a_sample(
    revision: str, tmp_path: Path
) -> None:
    path = tmp_path / DB_FILE_NAME
    shutil.copyfile(SAMPLES / f"{revision}.sqlite3", path)
    db = open_database(path)
    with db.engine.connect() as conn:
        assert missing_capture(conn) == []
    db.close()
    _check_every_model_captured(path)


def test_users_written_while_capture_was_missing_are_queued_on_upgrade(tmp_path: Path) -> None:
    """Sample 0006 was filled after 0006 dropped the users triggers: its users are in
    no outbox. The upgrade queues them (without ever sending the password hash)."""
    path = tmp_path / DB_FILE_NAME
    shutil.copyfile(SAMPLES / "0006.sqlite3", path)
    with sqlite3.connect(path) as con:
        users = {r[0] for r in con.execute("SELECT id FROM users")}
        queued = {
            r[0] for r in con.execute("SELECT row_id FROM sync_outbox WHERE table_name='users'")
        }
    assert users and not queued  # the damage as it is in the field
    db = open_database(path)
    db.close()
    with sqlite3.connect(path) as con:
        queued = {
            r[0] for r in con.execute("SELECT row_id FROM sync_outbox WHERE table_name='users'")
        }
    assert queued == users


def test_a_dropped_trigger_is_recreated_and_logged_at_open(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / DB_FILE_NAME
    open_database(path).close()
    ins, upd, _ = capture_trigger_names("consultations")
    with sqlite3.connect(path) as con:
        con.execute(f"DROP TRIGGER {ins}")
        con.execute(f"DROP TRIGGER {upd}")
    with caplog.at_level(logging.WARNING, logger="civicdesk.db.changes"):
        db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert missing_capture(conn) == []
    finally:
        db.close()
    assert any("consultations" in r.getMessage() for r in caplog.records)
    assert len(CAPTURE_KINDS) == 3
