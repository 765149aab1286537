"""What a save guarantees: committed before the app says so, flushed at commit.

A kill -9 right after a save returns must find the record (nothing is held back in
the process); every connection runs with ``synchronous = FULL`` so that the commit is
on the disk, not only in the operating system's cache, when a power cut follows
(cost measured in bench/bench_durability.py; docs/reliability.md).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from civicdesk.db.engine import DB_FILE_NAME, open_database

ROOT = Path(__file__).resolve().parents[2]

SAVER = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from civicdesk.services.app import CivicApp
    from civicdesk.services.residents import ResidentInput, create_resident
    app = CivicApp(sys.argv[1])
    ctx = app.admin_context("kk")
    for i in range(int(sys.argv[2])):
        create_resident(ctx, ResidentInput(full_name=f"Сақталды {i}",
                        consent_date=date(2025, 3, 1), consent_purposes=["consultation"]))
        print(f"saved {i}", flush=True)
    time.sleep(60)  # killed long before
    """
)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("count", [1, 25])
def test_kill_right_after_save_keeps_every_saved_record(tmp_path: Path, count: int) -> None:
    proc = subprocess.Popen([sys.executable, "-c", SAVER, str(tmp_path), str(count)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    said = []
    for _ in range(count):
        said.append(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)  # at once, no clean shutdown
    proc.wait(timeout=30)
    assert said[-1] == f"saved {count - 1}"
    db = open_database(tmp_path / DB_FILE_NAME)  # recovers the WAL like after a crash
    db.close()
    with sqlite3.connect(tmp_path / DB_FILE_NAME) as con:
        names = {r[0] for r in con.execute("SELECT full_name FROM residents")}
    assert {f"Сақталды {i}" for i in range(count)} <= names


def test_every_connection_flushes_at_commit(tmp_path: Path) -> None:
    db = open_database(tmp_path / DB_FILE_NAME)
    try:
        for _ in range(3):
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        db.close()
