"""What a PC sends its batches in: Zstandard to a server whose answers say it takes it,
gzip otherwise; a batch refused for its coding is built again in gzip and nothing is
lost (docs/sync.md §3)."""

from __future__ import annotations

import httpx
import pytest

import civicdesk.sync.server.app as server_app
from civicdesk.services import sync
from civicdesk.sync.client import SyncClient
from civicdesk.sync.client_state import SERVER_TAKES_KEY
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, add_consultation, enroll_new


class Recording(AppTransport):
    """The app in this process; remembers each push's Content-Encoding and status."""

    def __init__(self, store: Store) -> None:
        super().__init__(create_app(store=store))
        self.pushes: list[tuple[str, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        resp = super().handle_request(request)
        if request.url.path.endswith("/push"):
            self.pushes.append((request.headers.get("content-encoding", ""), resp.status_code))
        return resp


def _on_server(store: Store, cid: str) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM records WHERE table_name = 'consultations' "
                "AND center_id = ?",
                (cid,),
            ).scalar_one()
        )


def test_batches_go_in_zstandard_to_a_server_that_takes_it(
    store: Store, make_replica: Make
) -> None:
    wire = Recording(store)
    a = make_replica("a")
    cid = enroll_new(store, a, wire, name="Ақсу")
    # the enrolment's answer said what the server takes
    assert "zstd" in SyncClient(a.db).state(SERVER_TAKES_KEY)
    for i in range(3):
        add_consultation(a, f"Сұрақ {i}")
    sync.sync_now(a, transport=wire)
    assert wire.pushes and all(coding == "zstd" for coding, _ in wire.pushes)
    assert all(status == 200 for _, status in wire.pushes)
    assert _on_server(store, cid) == 3
    assert SyncClient(a.db).pending_count() == 0


def test_a_batch_refused_for_zstandard_is_built_again_in_gzip(
    store: Store, make_replica: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PC was told Zstandard is taken; the server was then put back to a version
    without it: the refused batch is dropped, built again in gzip and applied."""
    a = make_replica("a")
    cid = enroll_new(store, a, Recording(store), name="Ақсу")
    for i in range(3):
        add_consultation(a, f"Сұрақ {i}")
    monkeypatch.setattr(server_app, "ACCEPT_ENCODING", "gzip")
    older = Recording(store)
    sync.sync_now(a, transport=older)
    assert older.pushes[0] == ("zstd", 415)
    assert older.pushes[1:] and all(p == ("gzip", 200) for p in older.pushes[1:])
    assert _on_server(store, cid) == 3
    assert SyncClient(a.db).pending_count() == 0
    assert SyncClient(a.db).state(SERVER_TAKES_KEY) == "gzip"
    # and the next sync goes on in gzip
    add_consultation(a, "Тағы бір сұрақ")
    again = Recording(store)
    sync.sync_now(a, transport=again)
    assert again.pushes == [("gzip", 200)]
    assert _on_server(store, cid) == 4


def test_a_server_that_starts_taking_zstandard_gets_it_from_the_next_batch(
    store: Store, make_replica: Make
) -> None:
    """A PC enrolled with a server that said nothing (an older one) sends gzip until an
    answer says more."""
    a = make_replica("a")
    wire = Recording(store)
    enroll_new(store, a, wire, name="Ақсу")
    client = SyncClient(a.db)
    client.set_state(SERVER_TAKES_KEY, "")
    add_consultation(a, "Бірінші")
    sync.sync_now(a, transport=wire)
    assert wire.pushes == [("gzip", 200)]
    assert "zstd" in client.state(SERVER_TAKES_KEY)
    add_consultation(a, "Екінші")
    wire.pushes.clear()
    sync.sync_now(a, transport=wire)
    assert wire.pushes == [("zstd", 200)]
