"""A real uvicorn server on a free loopback port, real sockets, real gzip."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from civicdesk.services import sync
from civicdesk.sync.client import SyncError
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import add_consultation, outbox_count, row_of


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def live(store: Store) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_sync_over_real_sockets(store: Store, live: str, make_replica: Make) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    code_a = store.issue_code(store.create_center("Ақсу", "19"))
    code_ho = store.issue_code(store.create_center("Бас кеңсе", "19", head_office=True))
    sync.enroll(a, live, code_a)
    sync.enroll(ho, live, code_ho)
    cid = add_consultation(a, "Бөлек жиын қалай өтеді?")
    s = sync.sync_now(a)
    assert s.pushed > 0 and s.errors == 0 and outbox_count(a) == 0
    sync.sync_now(ho)
    row = row_of(ho, "consultations", cid)
    assert row is not None and row["question"] == "Бөлек жиын қалай өтеді?"
    st = sync.status(a, check_online=True)
    assert st.online is True and st.pending == 0
    r = httpx.get(f"{live}/sync/v1/pull", headers={"X-CivicDesk-Protocol": "1"})
    assert r.status_code == 426 and r.json()["code"] == "client.too_old"
    assert httpx.get(f"{live}/openapi.json").status_code == 200


class Codings(httpx.HTTPTransport):
    """A real HTTP transport that notes each answer's Content-Encoding (and, in
    ``sent``, each request body's)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self.sent: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            self.sent.append(f"{request.url.path} {request.headers.get('content-encoding', '-')}")
        resp = super().handle_request(request)
        self.seen.append(f"{request.url.path} {resp.headers.get('content-encoding', '-')}")
        return resp


def test_the_pc_takes_answers_and_sends_batches_in_zstandard(
    store: Store, live: str, make_replica: Make
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    sync.enroll(a, live, store.issue_code(store.create_center("Ақсу", "19")))
    sync.enroll(ho, live, store.issue_code(store.create_center("Бас", "19", head_office=True)))
    cid = add_consultation(a, "Жергілікті бюджет туралы сұрақ")
    wire = Codings()
    assert sync.sync_now(a, transport=wire).errors == 0
    sync.sync_now(ho, transport=wire)
    row = row_of(ho, "consultations", cid)
    assert row is not None and row["question"] == "Жергілікті бюджет туралы сұрақ"
    answers = [seen for seen in wire.seen if seen.endswith(("/push zstd", "/pull zstd"))]
    assert len(answers) >= 3, wire.seen
    # the enrolment's answer said the server takes Zstandard: the batches went in it
    pushes = [sent for sent in wire.sent if "/push " in sent]
    assert pushes and all(sent.endswith(" zstd") for sent in pushes), wire.sent


def test_server_down_is_a_network_error_and_nothing_is_lost(
    store: Store, live: str, make_replica: Make
) -> None:
    a = make_replica("a")
    sync.enroll(a, live, store.issue_code(store.create_center("Ақсу", "19")))
    add_consultation(a)
    # a center never sends its copies of head office's reference data
    with a.db.engine.connect() as conn:
        pending = conn.exec_driver_sql(
            "SELECT count(*) FROM sync_outbox WHERE table_name NOT IN "
            "('regions','districts','rural_districts','topics','legal_acts','grant_calls')"
        ).scalar()
    from civicdesk.sync.client import SyncClient

    SyncClient(a.db).set_state("server_url", f"http://127.0.0.1:{free_port()}")
    with pytest.raises(SyncError) as err:
        sync.sync_now(a)
    assert err.value.kind == "network"
    assert sync.exit_code_for(err.value) == sync.EXIT_NETWORK
    assert "Нет связи" in err.value.text("ru")
    assert outbox_count(a) == pending
    assert sync.history(a)[0].outcome == "failed"
    SyncClient(a.db).set_state("server_url", live)
    assert sync.sync_now(a).errors == 0
    assert outbox_count(a) == 0


def test_server_command_line(tmp_path: Path) -> None:
    db = f"sqlite+pysqlite:///{tmp_path / 'cli.sqlite3'}"
    run = [sys.executable, "-m", "civicdesk.sync.server.cli", "--db", db]
    out = subprocess.run(
        [*run, "enroll", "--center", "Ақсу", "--region", "19"],
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert "code" in out
    listed = subprocess.run([*run, "centers"], capture_output=True, encoding="utf-8", check=True)
    assert "Ақсу" in listed.stdout
    revoked = subprocess.run([*run, "revoke", "Ақсу"], check=False, capture_output=True, encoding="utf-8")
    assert revoked.returncode == 0
    bad = subprocess.run(
        [*run, "enroll", "--center", "X", "--region", "1"], check=False, capture_output=True
    )
    assert bad.returncode == 2
