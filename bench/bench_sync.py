"""Sync benchmarks (run by bench/run.py; never timed inside unit tests).

sync.first_pull_s           first pull of N consultations by a new center PC over
                            loopback HTTP from a real uvicorn server (SQLite store);
                            N = CIVICDESK_BENCH_SYNC_N, default 100 000     target 120 s
sync.bytes_per_record       bytes on the wire per consultation (300 Cyrillic characters)
                            in a 500-row gzipped push batch                 target 300 B
sync.empty_round_bytes      a sync with nothing to send or fetch: request + answer
                            bytes incl. HTTP headers, over loopback         target 2048 B
sync.empty_round_s          the same round, wall time (median of 5)         target 0.1 s
sync.pg_push_500_s          server time of a 500-row push on PostgreSQL (median of 5)
                                                                            target 0.1 s
sync.concurrent_50_p95_s    50 centers at once, each pushing 20 rows then pulling,
                            p95 request latency against uvicorn (PostgreSQL store when
                            reachable, else SQLite), the server in its own
                            processes (one a core; CIVICDESK_BENCH_WORKERS)  target 0.3 s
sync.restore_resend_s       the first sync of a center PC holding N consultations after
                            head office put the server back from a dump taken before
                            they were sent (``restored``): the PC re-sends everything and
                            pulls from 0; N = CIVICDESK_BENCH_RESTORE_N, default 10 000,
                            loopback, SQLite store                          target 60 s
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from civicdesk.sync.protocol import (
    API,
    H_DEVICE,
    H_INSTANCE,
    H_PROTOCOL,
    H_SCHEMA,
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
    PushBatch,
    RowChange,
    dumps,
    gzip_bytes,
)
from civicdesk.sync.server.store import Store, TokenInfo

# the benchmark's enrolments keep their sync keys in a scratch file, not the user's keyring
os.environ.setdefault(
    "CIVICDESK_CREDENTIALS_FILE",
    os.path.join(tempfile.gettempdir(), "civicdesk-bench", "credentials.json"),
)
PG_ADMIN = os.environ.get("CIVICDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
N_PULL = int(os.environ.get("CIVICDESK_BENCH_SYNC_N", "100000"))
QUESTION = (
    "Ауылдық округтің жергілікті қоғамдастық жиынын қалай шақыруға болады және оған кім "
    "қатыса алады? Жиналыстың кворумы қалай есептеледі, хаттаманы кім жүргізеді, шешім "
    "әкімге қашан жіберіледі? Бюджетке қатысу туралы да айтып беріңізші, өтінемін, рахмет!"
)
ADVICE = (
    "Разъяснены порядок созыва схода местного сообщества, кворум и порядок голосования; "
    "рекомендовано обратиться к акиму сельского округа с письменным обращением."
)


WORDS = (QUESTION + " " + ADVICE).replace(",", "").replace(".", "").split()


def text_of(i: int, salt: int, length: int) -> str:
    """Varied text from the same vocabulary (as a real journal is): gzip cannot
    simply point back at an identical earlier row."""
    import random

    rnd = random.Random(i * 7919 + salt)
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < length:
        out.append(rnd.choice(WORDS))
    return " ".join(out)[:length]


def consultation_row(center: str, i: int) -> dict[str, Any]:
    now = datetime(2025, 2, 22, 10, 30).isoformat(sep=" ")
    return {
        "center_id": center,
        "created_at": now,
        "updated_at": now,
        "updated_by": "01950000-0000-7000-8000-000000000001",
        "deleted": 0,
        "occurred_at": now,
        "channel": "in_person",
        "resident_id": None,
        "consultant_id": "01950000-0000-7000-8000-000000000001",
        "settlement_id": None,
        "topic_code": "gathering",
        "question": text_of(i, 1, 200),
        "advice": text_of(i, 2, 100),
        "legal_refs": "",
        "referral_to": "",
        "follow_up_on": None,
        "status": "open",
        "language": "kk",
    }


def batch_of(center: str, device: str, start: int, n: int, tag: str) -> PushBatch:
    from civicdesk.domain.ids import new_id

    rows = [
        RowChange(
            table="consultations",
            id=new_id(),
            op="upsert",
            rev=1,
            base_rev=0,
            hlc=f"{1740000000000 + i:016d}-0000-{device[-12:]}",
            changed=None,
            data=consultation_row(center, i),
        )
        for i in range(start, start + n)
    ]
    return PushBatch(
        batch_id=f"{tag}-{start}", device_id=device, schema_version=SCHEMA_VERSION, rows=rows
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(store: Store) -> Iterator[str]:
    import uvicorn

    from civicdesk.sync.server import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(store=store),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            limit_concurrency=1000,
            backlog=2048,
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def pg_database() -> Iterator[str | None]:
    try:
        import psycopg

        name = f"civicdesk_bench_{secrets.token_hex(4)}"
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception:
        yield None
        return
    try:
        yield "postgresql+psycopg://" + PG_ADMIN.split("://", 1)[1].rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def new_center_pc(folder: Path) -> Any:
    from civicdesk.services.app import CivicApp
    from civicdesk.services.users import setup_center

    app = CivicApp(folder)
    setup_center(
        app,
        name_kk="Ақсу орталығы",
        name_ru="Центр Аксу",
        region_kato="19",
        district_id=None,
        manager_login="manager",
        manager_name="Әсел Нұрланқызы",
        manager_password="secret-pass-1",
        language="kk",
    )
    return app


class Counting(httpx.HTTPTransport):
    """Counts request and answer bytes as they cross the socket (headers included)."""

    def __init__(self) -> None:
        super().__init__()
        self.bytes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        line = len(request.method) + len(request.url.raw_path) + 12
        self.bytes += line + len(body) + sum(len(k) + len(v) + 4 for k, v in request.headers.raw)
        resp = super().handle_request(request)
        raw = b"".join(resp.iter_raw())  # as on the wire (still gzip)
        resp.close()
        self.bytes += 17 + len(raw) + sum(len(k) + len(v) + 4 for k, v in resp.headers.raw)
        return httpx.Response(resp.status_code, headers=resp.headers, content=raw, request=request)


# --------------------------------------------------------------------------- benchmarks


@contextmanager
def server_process(db_url: str, workers: int = 1) -> Iterator[str]:
    """The head-office server as its own process, as in production (not sharing our GIL);
    ``workers``: its uvicorn worker processes (PostgreSQL store)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "civicdesk.sync.server.cli", "--db", db_url, "serve",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                httpx.get(f"{url}/docs", timeout=1.0)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def first_pull() -> float:
    """A new PC's first pull of N_PULL consultations from a server process on loopback."""
    from civicdesk.services import sync

    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    db_url = f"sqlite+pysqlite:///{tmp / 'server.sqlite3'}"
    store = Store(db_url)
    try:
        app = new_center_pc(tmp / "pc")
        cid = store.create_center("Ақсу", "19")
        code = store.issue_code(cid)
        with server_process(db_url) as url:
            sync.enroll(app, url, code)
            center = app.state.center_id
            who = TokenInfo(center, "loader", "x", head_office=False)
            for start in range(0, N_PULL, 500):
                b = batch_of(center, "loader-device", start, min(500, N_PULL - start), "load")
                store.push(who, b, f"h{start}", dumps)
            t0 = time.perf_counter()
            summary = sync.sync_now(app)
            took = time.perf_counter() - t0
        assert summary.pulled >= N_PULL, summary
        app.close()
        print(
            f"    first pull: {summary.pulled} records in {took:.1f} s "
            f"({summary.pulled / took:.0f}/s)",
            file=sys.stderr,
        )
        return took
    finally:
        store.dispose()
        shutil.rmtree(tmp, ignore_errors=True)


def bytes_per_record() -> float:
    b = batch_of(
        "01950000-0000-7000-8000-00000000000a",
        "01950000-0000-7000-8000-0000000000dd",
        0,
        500,
        "size",
    )
    return len(gzip_bytes(dumps(b))) / 500


_EMPTY: dict[str, float] = {}


def _empty_round() -> dict[str, float]:
    if _EMPTY:
        return _EMPTY
    from civicdesk.sync.client import SyncClient

    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    store = Store(f"sqlite+pysqlite:///{tmp / 'server.sqlite3'}")
    try:
        app = new_center_pc(tmp / "pc")
        with live_server(store) as url:
            from civicdesk.services import sync

            sync.enroll(app, url, store.issue_code(store.create_center("Ақсу", "19")))
            sync.sync_now(app)  # send what setting up the center made
            times = []
            counted = 0
            for _ in range(5):
                transport = Counting()
                client = SyncClient(app.db, transport=transport)
                t0 = time.perf_counter()
                s = client.sync_once()
                times.append(time.perf_counter() - t0)
                assert (s.pushed, s.pulled) == (0, 0), s
                counted = transport.bytes
        app.close()
        _EMPTY.update(bytes=float(counted), seconds=statistics.median(times))
        return _EMPTY
    finally:
        store.dispose()
        shutil.rmtree(tmp, ignore_errors=True)


def empty_round_bytes() -> float:
    return _empty_round()["bytes"]


def empty_round_s() -> float:
    return _empty_round()["seconds"]


def pg_push_500() -> float:
    with pg_database() as url:
        if url is None:
            raise RuntimeError("PostgreSQL is not reachable")
        store = Store(url)
        try:
            cid = store.create_center("Ақсу", "19")
            who = TokenInfo(cid, "dev", "inst", head_office=False)
            times = []
            for k in range(6):
                b = batch_of(cid, "dev", k * 500, 500, f"pg{k}")
                t0 = time.perf_counter()
                store.push(who, b, f"h{k}", dumps)
                times.append(time.perf_counter() - t0)
            return statistics.median(times[1:])
        finally:
            store.dispose()


CONCURRENT_WORKERS = int(os.environ.get("CIVICDESK_BENCH_WORKERS", str(os.cpu_count() or 1)))


def concurrent_50() -> float:
    with pg_database() as pg_url:
        tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
        db_url = pg_url or f"sqlite+pysqlite:///{tmp / 'server.sqlite3'}"
        store = Store(db_url)
        try:
            # the server in its own processes, as head office runs it (one a core on
            # PostgreSQL), not in a thread of this process beside the 50 clients
            with server_process(db_url, workers=CONCURRENT_WORKERS if pg_url else 1) as url:
                heads = []
                for i in range(50):
                    # (straight to the store: the enrol endpoint is rate-limited per address)
                    code = store.issue_code(store.create_center(f"Орталық {i}", "19"))
                    token, info = store.enroll(code, f"dev-{i}", f"i-{i}", None)
                    body = {"center_id": info["center_id"], "token": token}
                    heads.append(
                        (
                            body["center_id"],
                            {
                                H_PROTOCOL: str(PROTOCOL_VERSION),
                                H_SCHEMA: str(SCHEMA_VERSION),
                                "Authorization": f"Bearer {body['token']}",
                                H_DEVICE: f"dev-{i}",
                                H_INSTANCE: f"i-{i}",
                                "Accept-Encoding": "gzip",
                            },
                        )
                    )
                latencies: list[float] = []
                lock = threading.Lock()
                start = threading.Barrier(50)

                # Each center's three batches are made before the clock starts: the 50
                # PCs are 50 machines, and what one makes must not take the server's
                # CPU away from another's request on this machine's two cores.
                bodies = {
                    (i, rnd): gzip_bytes(
                        dumps(batch_of(heads[i][0], f"dev-{i}", rnd * 20, 20, f"c{i}-{rnd}"))
                    )
                    for i in range(50)
                    for rnd in range(3)
                }

                def center(i: int) -> None:
                    _cid, h = heads[i]
                    with httpx.Client(base_url=url, headers=h, timeout=60) as c:
                        start.wait()
                        for rnd in range(3):
                            body = bodies[i, rnd]
                            t0 = time.perf_counter()
                            r = c.post(
                                f"{API}/push", content=body, headers={"Content-Encoding": "gzip"}
                            )
                            t1 = time.perf_counter()
                            r.raise_for_status()
                            p = c.get(f"{API}/pull", params={"cursor": 0, "limit": 1000})
                            t2 = time.perf_counter()
                            p.raise_for_status()
                            with lock:
                                latencies.extend([t1 - t0, t2 - t1])

                with ThreadPoolExecutor(50) as pool:
                    list(pool.map(center, range(50)))
            latencies.sort()
            p95 = latencies[int(len(latencies) * 0.95) - 1]
            print(
                f"    50 centers on {'PostgreSQL' if pg_url else 'SQLite'} "
                f"({CONCURRENT_WORKERS if pg_url else 1} server processes): "
                f"{len(latencies)} requests, median {statistics.median(latencies):.3f} s, "
                f"p95 {p95:.3f} s",
                file=sys.stderr,
            )
            return p95
        finally:
            store.dispose()
            shutil.rmtree(tmp, ignore_errors=True)


N_RESTORE = int(os.environ.get("CIVICDESK_BENCH_RESTORE_N", "10000"))


def _copy_sqlite(src: Path, dest: Path) -> None:
    import sqlite3

    a, b = sqlite3.connect(src), sqlite3.connect(dest)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def restore_resend() -> float:
    from civicdesk.domain.ids import new_id
    from civicdesk.services import sync
    from civicdesk.sync.client import SyncClient

    tmp = Path(tempfile.mkdtemp(prefix="bench-restore-"))
    server_file = tmp / "server.sqlite3"
    url = f"sqlite+pysqlite:///{server_file}"
    store = Store(url)
    try:
        app = new_center_pc(tmp / "pc")
        with live_server(store) as base:
            info = sync.enroll(app, base, store.issue_code(store.create_center("Ақсу", "19")))
            sync.sync_now(app)
            _copy_sqlite(server_file, tmp / "dump.sqlite3")
            rows = [consultation_row(info.center_id, i) for i in range(N_RESTORE)]
            cols = ["id", *rows[0]]
            with app.db.engine.begin() as conn:
                conn.exec_driver_sql(
                    f"INSERT INTO consultations ({', '.join(cols)}) "
                    f"VALUES ({', '.join('?' * len(cols))})",
                    [(new_id(), *{**r, "consultant_id": None, "updated_by": None}.values())
                     for r in rows],
                )
            sync.sync_now(app)
        store.dispose()
        _copy_sqlite(tmp / "dump.sqlite3", server_file)
        store = Store(url)
        store.new_epoch()
        with live_server(store) as base:
            client = SyncClient(app.db)
            client.set_state("server_url", base)
            t0 = time.perf_counter()
            client.sync_once()
            seconds = time.perf_counter() - t0
        back = sum(1 for r in store.all_records() if r.table_name == "consultations")
        assert back == N_RESTORE, back
        app.close()
        return seconds
    finally:
        store.dispose()
        shutil.rmtree(tmp, ignore_errors=True)


Bench = tuple[str, Callable[[], float], str, float | None]
BENCHMARKS: list[Bench] = [
    ("sync.first_pull_100k_s", first_pull, "s", 30.0),
    ("sync.bytes_per_record", bytes_per_record, "B", 300.0),
    ("sync.empty_round_bytes", empty_round_bytes, "B", 2048.0),
    ("sync.empty_round_s", empty_round_s, "s", 0.1),
    ("sync.pg_push_500_s", pg_push_500, "s", 0.1),
    ("sync.concurrent_50_p95_s", concurrent_50, "s", 0.3),
    ("sync.restore_resend_s", restore_resend, "s", 60.0),
]

if __name__ == "__main__":
    for name, fn, unit, target in BENCHMARKS:
        value = fn()
        print(f"{name:28} {value:12.3f} {unit:2} target {target}")
