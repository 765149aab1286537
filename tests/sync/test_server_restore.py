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
    add_grant_application,
    center_and_head_office_with_a_call,
    edit,
    enroll_new,
    outbox_count,
    row_of,
    rows_of,
)
from tests.sync.test_never_stalls import BeforePush


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


def _grant_restore_setup(
    tmp_path: Path, make_replica: Make
) -> tuple[Path, str, CivicApp, CivicApp, str, str]:
    """A center's grant application (with a leader head office only sees blanked),
    synced everywhere; then the server's snapshot; then head office retitles it and
    syncs. Returns the server file, its URL, the center PC, head office, the grant
    application and the snapshot's path."""
    server_file = tmp_path / "server.sqlite3"
    url = f"sqlite+pysqlite:///{server_file}"
    store = Store(url)
    transport = AppTransport(create_app(store=store))
    a, ho, call = center_and_head_office_with_a_call(store, transport, make_replica)
    grant = add_grant_application(a, call, "Өтінім")
    edit(a, "grant_applications", grant, leader_name="Асан Бекұлы")
    for app in (a, ho):
        sync.sync_now(app, transport=transport)
    assert row_of(ho, "grant_applications", grant)["leader_name"] == ""  # type: ignore[index]
    snapshot = tmp_path / "snapshot.sqlite3"
    _copy_db(server_file, snapshot)
    edit(ho, "grant_applications", grant, title="Алаң")
    sync.sync_now(ho, transport=transport)
    assert store.get_record("grant_applications", grant)["data"]["title"] == "Алаң"  # type: ignore[index]
    store.dispose()
    return server_file, url, a, ho, grant, str(snapshot)


def _put_back(server_file: Path, url: str, snapshot: str) -> tuple[Store, AppTransport]:
    _copy_db(Path(snapshot), server_file)
    assert server_main(["--db", url, "restored"]) == 0
    store = Store(url)
    return store, AppTransport(create_app(store=store))


def _rounds(transport: AppTransport, *apps: CivicApp) -> None:
    """Two sync rounds of ``apps``, in that order: every queue drains."""
    for _ in range(2):
        for app in apps:
            sync.sync_now(app, transport=transport)


def _check_title_kept(store: Store, a: CivicApp, ho: CivicApp, grant: str) -> None:
    rec = store.get_record("grant_applications", grant)
    assert rec is not None
    assert rec["data"]["title"] == "Алаң"  # head office's edit, taken before the restore
    assert rec["data"]["goal"] == "Жаңа мақсат"  # the center's, made after it
    assert rec["data"]["beneficiaries"] == 42  # head office's, made after it
    assert rec["data"]["leader_name"] == "Асан Бекұлы"  # never head office's blanks
    for app in (a, ho):
        row = row_of(app, "grant_applications", grant)
        assert row is not None
        assert (row["title"], row["goal"], row["beneficiaries"]) == ("Алаң", "Жаңа мақсат", 42)
        assert outbox_count(app) == 0
    assert row_of(a, "grant_applications", grant)["leader_name"] == "Асан Бекұлы"  # type: ignore[index]


def test_an_edit_the_lost_server_had_taken_survives_a_merged_answer_after_the_restore(
    tmp_path: Path, make_replica: Make
) -> None:
    """Head office's edit reached the server after the snapshot; head office then edits
    another field of the record and, not knowing of the restore yet, pushes it against
    the lost revision. The server (which has a newer edit of a third field since the
    restore) answers `merged` with the dump's title: that answer must not overwrite
    head office's copy, which is then sent again whole."""
    server_file, url, a, ho, grant, snapshot = _grant_restore_setup(tmp_path, make_replica)
    edit(ho, "grant_applications", grant, beneficiaries=42)
    store, transport = _put_back(server_file, url, snapshot)
    try:
        edit(a, "grant_applications", grant, goal="Жаңа мақсат")
        sync.sync_now(a, transport=transport)
        _rounds(transport, ho, a)
        _check_title_kept(store, a, ho, grant)
    finally:
        store.dispose()


def test_a_record_edited_while_the_restore_is_noticed_is_sent_again_whole(
    tmp_path: Path, make_replica: Make
) -> None:
    """Head office notices the restore from the answer to a batch without the record,
    and edits the record while that batch is in flight: the record's outbox row is a
    real change of one column, and must carry the title the server lost as well."""
    server_file, url, a, ho, grant, snapshot = _grant_restore_setup(tmp_path, make_replica)
    call = row_of(ho, "grant_applications", grant)["call_id"]  # type: ignore[index]
    store, transport = _put_back(server_file, url, snapshot)
    try:
        edit(a, "grant_applications", grant, goal="Жаңа мақсат")
        sync.sync_now(a, transport=transport)
        edit(ho, "grant_calls", call, title_kk="Шағын гранттар 2025")
        flight = BeforePush(
            transport, lambda: edit(ho, "grant_applications", grant, beneficiaries=42)
        )
        sync.sync_now(ho, transport=flight)
        _rounds(transport, a, ho)
        _check_title_kept(store, a, ho, grant)
    finally:
        store.dispose()


def test_head_offices_restore_rows_keep_what_it_pulls_blanked(
    tmp_path: Path, make_replica: Make
) -> None:
    """Head office sends every center's grant applications again after a restore, as
    it holds them: with the leader blanked. The center's leader stays."""
    server_file, url, a, ho, grant, snapshot = _grant_restore_setup(tmp_path, make_replica)
    store, transport = _put_back(server_file, url, snapshot)
    try:
        _rounds(transport, ho, a)
        rec = store.get_record("grant_applications", grant)
        assert rec is not None and rec["data"]["title"] == "Алаң"
        assert rec["data"]["leader_name"] == "Асан Бекұлы"
        assert row_of(a, "grant_applications", grant)["leader_name"] == "Асан Бекұлы"  # type: ignore[index]
        assert row_of(ho, "grant_applications", grant)["leader_name"] == ""  # type: ignore[index]
    finally:
        store.dispose()


def test_a_grant_application_the_dump_lacks_keeps_its_leader_when_head_office_comes_first(
    tmp_path: Path, make_replica: Make
) -> None:
    """A center's grant application reached the server only after the snapshot, and
    head office pulled it (leader blanked). After the restore, head office's restore
    row reaches the server first and makes the record from its blanks: the center's
    row, which comes next, must still put its leader back, at the server and at the
    center, instead of being told the server's blanks."""
    server_file = tmp_path / "server.sqlite3"
    url = f"sqlite+pysqlite:///{server_file}"
    store = Store(url)
    transport = AppTransport(create_app(store=store))
    a, ho, call = center_and_head_office_with_a_call(store, transport, make_replica)
    snapshot = tmp_path / "snapshot.sqlite3"
    _copy_db(server_file, snapshot)
    grant = add_grant_application(a, call, "Өтінім")
    edit(a, "grant_applications", grant, leader_name="Асан Бекұлы", contact_phone="+77015550123")
    for app in (a, ho):
        sync.sync_now(app, transport=transport)
    assert row_of(ho, "grant_applications", grant)["leader_name"] == ""  # type: ignore[index]
    store.dispose()
    store, transport = _put_back(server_file, url, str(snapshot))
    try:
        _rounds(transport, ho)  # head office first: its row makes the record
        made = store.get_record("grant_applications", grant)
        assert made is not None and made["data"]["title"] == "Өтінім"
        _rounds(transport, a, ho)
        rec = store.get_record("grant_applications", grant)
        assert rec is not None
        assert (rec["data"]["leader_name"], rec["data"]["contact_phone"]) == (
            "Асан Бекұлы", "+77015550123")
        mine = row_of(a, "grant_applications", grant)
        assert mine is not None
        assert (mine["leader_name"], mine["contact_phone"]) == ("Асан Бекұлы", "+77015550123")
        assert row_of(ho, "grant_applications", grant)["leader_name"] == ""  # type: ignore[index]
        assert outbox_count(a) == 0 and outbox_count(ho) == 0
    finally:
        store.dispose()
