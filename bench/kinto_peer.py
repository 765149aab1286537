"""The peer run of the realistic sync benchmark: the same records pushed to and read
back from Kinto (bench/bench_sync_real.py calls it when ``CIVICDESK_BENCH_KINTO=1``).

* Kinto (``kinto[postgresql]`` from the package index) lives in its own virtualenv,
  ``.cache/kinto-venv``, made on first use; if it cannot be installed the peer figures
  are skipped and the reason printed.
* Storage and permissions on PostgreSQL: a fresh database ``bench_kinto_<hex>`` on
  the same server as CivicDesk's run (``CIVICDESK_TEST_PG``), dropped afterwards.
  ``kinto migrate`` then ``kinto start`` (waitress, as Kinto ships it) on a free port,
  with an ini written here: basic auth, ``batch_max_requests`` = ``BATCH``,
  ``storage_max_fetch_size`` = ``PAGE``.
* Records: every consultation and audit row of the center's database as its push
  sends them (the row's ``data``), into two collections of one bucket, ``PUT`` in
  batches of ``BATCH`` requests through ``POST /v1/batch``.
* Full pull: both collections read with ``GET .../records?_limit=PAGE`` following
  ``Next-Page``, each page parsed; the same Meter as CivicDesk's run counts
  requests and bytes.
"""

from __future__ import annotations

import base64
import secrets
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".cache" / "kinto-venv"
BATCH = 1000  # kinto.batch_max_requests
PAGE = 10_000  # kinto.storage_max_fetch_size, Kinto's own default and largest page
TABLES = ("consultations", "audit_log")
BUCKET = "center"


class PeerSkippedError(Exception):
    """The peer could not be run; the message says why."""


def _log(msg: str) -> None:
    print(f"    kinto: {msg}", file=sys.stderr, flush=True)


def kinto_bin() -> Path:
    """Kinto's command in its own virtualenv, installed on first use."""
    exe = VENV / "bin" / "kinto"
    if exe.exists():
        return exe
    _log(f"installing kinto[postgresql] into {VENV}")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True,
                       capture_output=True, timeout=300)
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q",
                        "kinto[postgresql]"], check=True, capture_output=True, timeout=900)
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        tail = detail.decode(errors="replace").strip().splitlines()[-1:] if detail else []
        raise PeerSkippedError(f"install failed: {exc} {' '.join(tail)}".strip()) from exc
    if not exe.exists():
        raise PeerSkippedError(f"install gave no {exe}")
    return exe


def records(sqlite_path: Path) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Each table's (id, data) as the center's push sends them, read from its database."""
    from civicdesk.sync.push import _skipped

    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    conn = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    try:
        for table in TABLES:
            cur = conn.execute(f'SELECT * FROM "{table}" ORDER BY id')
            names = [d[0] for d in cur.description]
            skip = _skipped(table)
            out[table] = [
                (str(row[names.index("id")]),
                 {k: v for k, v in zip(names, row, strict=True) if k not in skip})
                for row in cur
            ]
    finally:
        conn.close()
    return out


@contextmanager
def _database(pg_admin: str) -> Iterator[str]:
    import psycopg

    name = f"bench_kinto_{secrets.token_hex(3)}"
    with psycopg.connect(pg_admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield "postgresql://" + pg_admin.split("://", 1)[1].rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(pg_admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


INI = """\
[server:main]
use = egg:waitress#main
host = 127.0.0.1
port = {port}

[app:main]
use = egg:kinto
kinto.storage_backend = kinto.core.storage.postgresql
kinto.storage_url = {db}
kinto.permission_backend = kinto.core.permission.postgresql
kinto.permission_url = {db}
kinto.cache_backend = kinto.core.cache.memory
kinto.userid_hmac_secret = {secret}
multiauth.policies = basicauth
kinto.bucket_create_principals = system.Authenticated
kinto.batch_max_requests = {batch}
kinto.storage_max_fetch_size = {page}

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = plain

[logger_root]
level = WARNING
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = plain

[formatter_plain]
format = %(levelname)s %(name)s %(message)s
"""


@contextmanager
def kinto_server(exe: Path, db: str, folder: Path) -> Iterator[tuple[str, int]]:
    """``kinto migrate`` then ``kinto start`` on a free port; stopped on leaving."""
    from bench_sync import free_port

    port = free_port()
    ini = folder / "kinto.ini"
    ini.write_text(INI.format(port=port, db=db, secret=secrets.token_hex(16), batch=BATCH,
                              page=PAGE), encoding="utf-8")
    log = folder / "kinto.log"
    mig = subprocess.run([str(exe), "migrate", "--ini", str(ini)], check=False,
                         capture_output=True, timeout=300)
    if mig.returncode:
        tail = mig.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise PeerSkippedError(f"kinto migrate failed: {' '.join(tail)}")
    with log.open("wb") as out:
        proc = subprocess.Popen([str(exe), "start", "--ini", str(ini)], stdout=out,
                                stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 60
            while True:
                try:
                    if httpx.get(f"{url}/v1/", timeout=1.0).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None or time.time() > deadline:
                    tail = log.read_text(errors="replace").strip().splitlines()[-1:]
                    raise PeerSkippedError(f"kinto did not start: {' '.join(tail)}")
                time.sleep(0.2)
            yield url, proc.pid
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _push(http: httpx.Client, data: dict[str, list[tuple[str, dict[str, Any]]]]) -> int:
    """Every record in batches of BATCH sub-requests; the number of records written."""
    import orjson

    written = 0
    for table, rows in data.items():
        path = f"/buckets/{BUCKET}/collections/{table}/records/"
        for first in range(0, len(rows), BATCH):
            body = {"defaults": {"method": "PUT"}, "requests": [
                {"path": path + rid, "body": {"data": rec}}
                for rid, rec in rows[first:first + BATCH]]}
            r = http.post("/v1/batch", content=orjson.dumps(body),
                          headers={"Content-Type": "application/json"})
            r.raise_for_status()
            answers = orjson.loads(r.content)["responses"]
            bad = [a for a in answers if a["status"] not in (200, 201)]
            if bad:
                raise RuntimeError(f"kinto refused {len(bad)} records: {bad[0]}")
            written += len(answers)
    return written


def _pull(http: httpx.Client) -> int:
    """Both collections read page by page (Next-Page), each page parsed."""
    import orjson

    rows = 0
    for table in TABLES:
        url: str | None = (f"/v1/buckets/{BUCKET}/collections/{table}/records"
                           f"?_limit={PAGE}")
        while url:
            r = http.get(url)
            r.raise_for_status()
            rows += len(orjson.loads(r.content)["data"])
            url = r.headers.get("Next-Page")
    return rows


def run(sqlite_path: Path, pg_admin: str, meter_cls: Any, tmp: Path,
        cpu: Callable[[int], tuple[float, float]] | None = None) -> dict[str, float]:
    """Push then full pull of the center's consultations and audit rows to a Kinto.

    ``cpu(pid)`` gives CPU seconds so far of (Kinto's process, PostgreSQL), for the log."""
    def spent(before: tuple[float, float]) -> str:
        if cpu is None:
            return ""
        now = cpu(pid)
        return (f", CPU: Kinto {now[0] - before[0]:.1f} s, "
                f"PostgreSQL {now[1] - before[1]:.1f} s")

    exe = kinto_bin()
    data = records(sqlite_path)
    n = sum(len(v) for v in data.values())
    auth = "Basic " + base64.b64encode(b"center:bench-secret").decode()
    with _database(pg_admin) as db, kinto_server(exe, db, tmp) as (url, pid):
        meter = meter_cls()
        with httpx.Client(base_url=url, transport=meter, timeout=600,
                          headers={"Authorization": auth, "Accept-Encoding": "gzip"}) as http:
            http.put(f"/v1/buckets/{BUCKET}").raise_for_status()
            for table in TABLES:
                http.put(f"/v1/buckets/{BUCKET}/collections/{table}").raise_for_status()
            meter.up = meter.down = meter.requests = 0
            c0 = cpu(pid) if cpu else (0.0, 0.0)
            t0 = time.perf_counter()
            written = _push(http, data)
            push_s = time.perf_counter() - t0
            assert written == n, (written, n)
            _log(f"push: {n} records in {push_s:.1f} s, {meter.requests} requests, "
                 f"{meter.up} B up, {meter.down} B down{spent(c0)}")
            meter.up = meter.down = meter.requests = 0
            c0 = cpu(pid) if cpu else (0.0, 0.0)
            t0 = time.perf_counter()
            got = _pull(http)
            pull_s = time.perf_counter() - t0
            assert got == n, (got, n)
            _log(f"full pull over HTTP: {got} records in {pull_s:.1f} s, "
                 f"{meter.requests} requests, {meter.down} B down{spent(c0)}")
    return {"kinto_push_s": push_s, "kinto_full_pull_http_s": pull_s}
