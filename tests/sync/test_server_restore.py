"""A head-office server put back from an earlier snapshot (issue 10, finding 2).

Snapshot the server; centers and head office go on working and syncing; the snapshot
is put back (``civicdesk-server restored`` starts a new epoch). Every PC then re-sends
what the server may have lost and pulls again from the start: in the end every node
holds every record it should, exactly once, and nothing stays queued.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.sync.server import create_app
from civicdesk.sync.server.cli import main as server_main
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import (
    AppTransport,
    add_consultation,
    edit,
    enroll_new,
    outbox_count,
    row_of,
    rows_of,
)


def _copy_db(src: Path, dest: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dest)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def _consultations(app: CivicApp) -> set[str]:
    return set(rows_of(app, "consultations", "deleted = 0"))


def test_server_restored_from_a_snapshot_mid_life(tmp_path: Path, make_replica: Make) -> None:
    server_file = tmp_path / "server.sqlite3"
    url = f"sqlite+pysqlite:///{server_file}"
    store = Store(url)
    transport = AppTransport(create_app(store=store))
    a, b, ho = make_replica("a"), make_replica("b"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, b, transport, name="Бесқарағай")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    made_a = {add_consultation(a, "Алғашқы А")}
    made_b = {add_consultation(b, "Алғашқы Б")}
    for app in (a, b, ho):
        sync.sync_now(app, transport=transport)

    snapshot = tmp_path / "snapshot.sqlite3"
    _copy_db(server_file, snapshot)

    # life goes on after the snapshot
    made_a.add(add_consultation(a, "Кейінгі А"))
    sync.sync_now(a, transport=transport)
    sync.sync_now(ho, transport=transport)
    made_b.add(add_consultation(b, "Кейінгі Б"))
    sync.sync_now(b, transport=transport)
    sync.sync_now(ho, transport=transport)

    # head office puts the snapshot back and says so
    store.dispose()
    _copy_db(snapshot, server_file)
    assert server_main(["--db", url, "restored"]) == 0
    store = Store(url)
    transport = AppTransport(create_app(store=store))

    made_b.add(add_consultation(b, "Қалпына келтіруден кейін Б"))
    for _ in range(2):
        for app in (b, a, ho):
            sync.sync_now(app, transport=transport)
    try:
        on_server = {
            r.id for r in store.all_records() if r.table_name == "consultations" and not r.deleted
        }
        assert made_a | made_b <= on_server
        assert _consultations(a) >= made_a and not _consultations(a) & made_b
        assert _consultations(b) >= made_b and not _consultations(b) & made_a
        assert _consultations(ho) >= made_a | made_b
        assert _consultations(ho) == on_server
        for app in (a, b, ho):
            assert outbox_count(app) == 0
    finally:
        store.dispose()


def test_a_cursor_above_the_servers_highest_is_noticed_without_a_new_epoch(
    tmp_path: Path, make_replica: Make
) -> None:
    """The admin forgot ``restored``: the first PC to sync sees its cursor above the
    server's highest number and re-sends."""
    server_file = tmp_path / "server.sqlite3"
    url = f"sqlite+pysqlite:///{server_file}"
    store = Store(url)
    transport = AppTransport(create_app(store=store))
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    sync.sync_now(a, transport=transport)
    snapshot = tmp_path / "snapshot.sqlite3"
    _copy_db(server_file, snapshot)
    lost = add_consultation(a, "Жоғалатын жазба")
    sync.sync_now(a, transport=transport)
    store.dispose()
    _copy_db(snapshot, server_file)
    store = Store(url)
    transport = AppTransport(create_app(store=store))
    try:
        assert store.get_record("consultations", lost) is None
        sync.sync_now(a, transport=transport)
        assert store.get_record("consultations", lost) is not None
        assert outbox_count(a) == 0
    finally:
        store.dispose()


@pytest.mark.parametrize("first", ["stale", "fresh"])
def test_a_pc_that_missed_the_last_edit_cannot_undo_it_after_a_restore(
    tmp_path: Path, make_replica: Make, first: str
) -> None:
    server_file = tmp_path / "server.sqlite3"
    url = f"sqlite+pysqlite:///{server_file}"
    store = Store(url)
    transport = AppTransport(create_app(store=store))
    stale, fresh = make_replica("a"), make_replica("a")
    enroll_new(store, stale, transport, name="Ақсу")
    enroll_new(store, fresh, transport, name="Ақсу")
    cons = add_consultation(stale)
    sync.sync_now(stale, transport=transport)
    sync.sync_now(fresh, transport=transport)
    snapshot = tmp_path / "snapshot.sqlite3"
    _copy_db(server_file, snapshot)
    edit(stale, "consultations", cons, advice="Бірінші")
    sync.sync_now(stale, transport=transport)
    sync.sync_now(fresh, transport=transport)
    edit(fresh, "consultations", cons, advice="Соңғы")
    sync.sync_now(fresh, transport=transport)  # stale never pulls "Соңғы" before the restore

    store.dispose()
    _copy_db(snapshot, server_file)
    assert server_main(["--db", url, "restored"]) == 0
    store = Store(url)
    transport = AppTransport(create_app(store=store))
    order = [stale, fresh] if first == "stale" else [fresh, stale]
    try:
        for _ in range(2):
            for app in order:
                sync.sync_now(app, transport=transport)
        rec = store.get_record("consultations", cons)
        assert rec is not None and rec["data"]["advice"] == "Соңғы"
        for app in (stale, fresh):
            assert row_of(app, "consultations", cons)["advice"] == "Соңғы"  # type: ignore[index]
            assert outbox_count(app) == 0
    finally:
        store.dispose()
