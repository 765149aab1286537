"""A big first pull indexes searchable text once at the end, and never loses it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.services.base import ListQuery
from civicdesk.services.consultations import list_consultations
from civicdesk.sync.client import BULK_INDEX_ROWS, FTS_STALE_KEY
from civicdesk.sync.server.store import Store

from .helpers import AppTransport, Faults, FlakyTransport, add_consultation, enroll_new

N = BULK_INDEX_ROWS + 100


def _fill(app: CivicApp) -> None:
    """N consultations written straight into SQLite (the outbox triggers capture them)."""
    add_consultation(app, "Бірінші сұрақ")
    con = sqlite3.connect(app.data_dir / DB_FILE_NAME)
    cur = con.execute("SELECT * FROM consultations LIMIT 1")
    cols = [d[0] for d in cur.description]
    row = dict(zip(cols, cur.fetchone(), strict=True))
    for i in range(N):
        row["id"] = f"0195a000-0000-7000-8000-{i:012d}"
        row["question"] = f"Жиналыстың кворумы туралы сұрақ {i}"
        con.execute(
            f"INSERT INTO consultations ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            tuple(row.values()),
        )
    con.commit()
    con.close()


def _triggers(app: CivicApp) -> int:
    con = sqlite3.connect(app.data_dir / DB_FILE_NAME)
    n = con.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_fts_%'"
    ).fetchone()[0]
    con.close()
    return int(n)


def test_big_pull_is_searchable_and_triggers_stay(
    store: Store, transport: AppTransport, make_replica: Callable[[str], CivicApp]
) -> None:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    _fill(a)
    sync.sync_now(a, transport=transport)
    a2 = make_replica("a")
    enroll_new(store, a2, transport, name="Ақсу")
    triggers = _triggers(a2)
    summary = sync.sync_now(a2, transport=transport)
    assert summary.pulled >= N
    assert _triggers(a2) == triggers
    ctx = a2.admin_context()
    assert list_consultations(ctx, ListQuery(search="кворумы")).total == N
    from civicdesk.services.sync import _client

    assert _client(a2).state(FTS_STALE_KEY, False) is False


def test_pull_cut_after_a_big_page_rebuilds_the_index_on_next_open(
    store: Store, transport: AppTransport, make_replica: Callable[[str], CivicApp]
) -> None:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    _fill(a)
    sync.sync_now(a, transport=transport)
    a2 = make_replica("a")
    enroll_new(store, a2, transport, name="Ақсу")
    from civicdesk.sync import client as client_module

    # let the first page be applied, then lose the connection before the pull ends
    old = client_module.SyncClient.rebuild_search_if_stale
    client_module.SyncClient.rebuild_search_if_stale = lambda self: (_ for _ in ()).throw(  # type: ignore[method-assign]
        ConnectionError("cut")
    )
    try:
        with pytest.raises(ConnectionError):
            sync.sync_now(a2, transport=FlakyTransport(transport, Faults()))
    finally:
        client_module.SyncClient.rebuild_search_if_stale = old  # type: ignore[method-assign]
    folder = a2.data_dir
    a2.close()
    reopened = CivicApp(folder)
    try:
        ctx = reopened.admin_context()
        assert list_consultations(ctx, ListQuery(search="кворумы")).total == N
    finally:
        reopened.close()
