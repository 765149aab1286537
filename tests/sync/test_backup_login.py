"""Finding 1: a backup is not a sync login, and a restore never takes over a PC or center.

Each test is an attack that worked while the token sat in the database: a backup
restored elsewhere synced as the enrolled PC, and another center's backup turned this
PC into that center without a word.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.domain.errors import UserError
from civicdesk.services import sync
from civicdesk.services.admin import make_backup, restore_backup
from civicdesk.services.app import CivicApp
from civicdesk.sync import credentials
from civicdesk.sync.client import SyncError
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, add_consultation, enroll_new


def _enrolled(store: Store, transport: AppTransport, make_replica: Make) -> CivicApp:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    add_consultation(a)
    sync.sync_now(a, transport=transport)
    return a


def _token(app: CivicApp) -> str:
    client = sync._client(app)
    cred = client.credential()
    assert cred is not None
    return cred.token


def test_backup_holds_no_sync_login(
    store: Store, transport: AppTransport, make_replica: Make, tmp_path: Path
) -> None:
    a = _enrolled(store, transport, make_replica)
    token = _token(a)
    backup = make_backup(a.data_dir, tmp_path / "usb" / "copy.sqlite3")
    raw = backup.read_bytes()
    assert token.encode() not in raw
    con = sqlite3.connect(backup)
    keys = {k for (k,) in con.execute("SELECT key FROM sync_state")}
    con.close()
    assert "token" not in keys and "instance_id" not in keys
    # the live database file does not hold it either
    assert token.encode() not in (a.data_dir / DB_FILE_NAME).read_bytes()


def test_backup_restored_in_another_folder_does_not_sync(
    store: Store, transport: AppTransport, make_replica: Make, tmp_path: Path
) -> None:
    a = _enrolled(store, transport, make_replica)
    backup = make_backup(a.data_dir, tmp_path / "usb" / "copy.sqlite3")
    other = tmp_path / "elsewhere"
    restore_backup(other, backup)
    thief = CivicApp(other)
    try:
        assert not sync.status(thief).enrolled
        with pytest.raises(SyncError) as err:
            sync.sync_now(thief, transport=transport)
        assert err.value.kind == "state"
    finally:
        thief.close()
    # the real PC goes on syncing
    assert sync.sync_now(a, transport=transport).errors == 0


def test_database_copied_by_hand_does_not_sync(
    store: Store, transport: AppTransport, make_replica: Make, tmp_path: Path
) -> None:
    a = _enrolled(store, transport, make_replica)
    copy = tmp_path / "copied"
    copy.mkdir()
    make_backup(a.data_dir, copy / DB_FILE_NAME)
    thief = CivicApp(copy)
    try:
        with pytest.raises(SyncError):
            sync.sync_now(thief, transport=transport)
    finally:
        thief.close()


def test_restore_on_the_same_pc_needs_enrolment_again(
    store: Store, transport: AppTransport, make_replica: Make, tmp_path: Path
) -> None:
    a = _enrolled(store, transport, make_replica)
    backup = make_backup(a.data_dir, tmp_path / "daily.sqlite3")
    data_dir = a.data_dir
    a.close()
    restore_backup(data_dir, backup)
    again = CivicApp(data_dir)
    try:
        with pytest.raises(SyncError) as err:
            sync.sync_now(again, transport=transport)
        assert err.value.kind == "state"
        enroll_new(store, again, transport, name="Ақсу")
        assert sync.sync_now(again, transport=transport).errors == 0
    finally:
        again.close()


def test_other_centers_backup_is_refused_unless_moved(
    make_replica: Make, tmp_path: Path
) -> None:
    a, b = make_replica("a"), make_replica("b")
    b_backup = make_backup(b.data_dir, tmp_path / "b.sqlite3")
    a_dir = a.data_dir
    a_center, a_device = a.state.center_id, a.state.device_id
    a.close()
    with pytest.raises(UserError) as err:
        restore_backup(a_dir, b_backup)
    assert err.value.code == "restore.other_center"
    assert "басқа орталыққа" in err.value.text("kk")
    assert "другому центру" in err.value.text("ru")
    still = CivicApp(a_dir)
    assert still.state.center_id == a_center
    still.close()
    # explicitly moved: the center is taken over, under a device id of its own
    restore_backup(a_dir, b_backup, move_center=True)
    moved = CivicApp(a_dir)
    try:
        assert moved.state.center_id == b.state.center_id
        assert moved.state.device_id not in (b.state.device_id, a_device)
    finally:
        moved.close()


def test_backup_of_another_pc_of_the_center_is_refused(make_replica: Make, tmp_path: Path) -> None:
    a1, a2 = make_replica("a"), make_replica("a")
    other_pc = make_backup(a2.data_dir, tmp_path / "a2.sqlite3")
    a1.close()
    with pytest.raises(UserError) as err:
        restore_backup(a1.data_dir, other_pc)
    assert err.value.code == "restore.other_pc"


def test_credential_file_is_for_the_user_only(tmp_path: Path) -> None:
    store = credentials.FileSecrets(tmp_path / "conf" / "credentials.json")
    store.set("k", "v")
    assert store.get("k") == "v"
    mode = (tmp_path / "conf" / "credentials.json").stat().st_mode & 0o777
    assert mode == 0o600
    store.delete("k")
    assert store.get("k") is None
    if sys.platform != "win32":
        assert (tmp_path / "conf").stat().st_mode & 0o777 == 0o700  # its own folder


@pytest.mark.skipif(sys.platform == "win32", reason="no POSIX folder modes on Windows")
def test_credential_file_in_a_shared_folder_leaves_the_folder_as_it_is(tmp_path: Path) -> None:
    """A file named in an existing folder (the temporary folder, say) is for the user
    only; the folder's permissions, which others rely on, are not changed."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    store = credentials.FileSecrets(shared / "credentials.json")
    store.set("k", "v")
    assert shared.stat().st_mode & 0o7777 == 0o1777
    assert (shared / "credentials.json").stat().st_mode & 0o777 == 0o600


def test_upgrade_drops_a_token_left_in_the_database(make_replica: Make) -> None:
    """A database of the previous version held the token; the upgrade removes it."""
    from alembic import command

    from civicdesk.db.engine import alembic_config, open_database

    a = make_replica("a")
    path = a.db.path
    a.close()
    cfg = alembic_config()
    db = open_database(path)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.commit()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007_kk")
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES ('token', ?), ('instance_id', ?)",
            (json.dumps("old-token"), json.dumps("i-1")),
        )
        conn.commit()
    db.close()
    db = open_database(path)
    with db.engine.connect() as conn:
        keys = {k for (k,) in conn.exec_driver_sql("SELECT key FROM sync_state")}
    db.close()
    assert "token" not in keys and "instance_id" not in keys
