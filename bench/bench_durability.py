"""What ``PRAGMA synchronous = FULL`` costs over NORMAL on CivicDesk's write paths.

In WAL mode NORMAL does not flush the log at each commit, so a power cut may lose the
last transactions the app already reported as saved; FULL flushes at every commit.
CivicDesk writes in few places and batches the big ones (a sync pull, the demo),
so the cost shows on single saves. Each figure is the median of several runs on a
fresh database in the system's temporary folder (the disk matters: an office PC's
hard disk flushes far slower than a server's SSD).

durability.save_one_{normal,full}      one resident saved through the service   ms
durability.batch_1000_{normal,full}    1000 rows in one transaction (a pull)    ms
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

SAVES = 40
BATCHES = 5


def _with_mode(mode: str, work: Callable[[Path], list[float]]) -> float:
    from civicdesk.db import engine

    folder = Path(tempfile.mkdtemp(prefix="civicdesk-durability-"))
    previous = engine.SYNCHRONOUS
    engine.SYNCHRONOUS = mode
    try:
        return statistics.median(work(folder)) * 1000
    finally:
        engine.SYNCHRONOUS = previous
        shutil.rmtree(folder, ignore_errors=True)


def _save_one(folder: Path) -> list[float]:
    from civicdesk.services.app import CivicApp
    from civicdesk.services.residents import ResidentInput, create_resident

    app = CivicApp(folder)
    try:
        ctx = app.admin_context("kk")
        times = []
        for i in range(SAVES):
            data = ResidentInput(full_name=f"Тұрғын {i}", consent_date=date(2025, 3, 1),
                                 consent_purposes=["consultation"])
            t0 = time.perf_counter()
            create_resident(ctx, data)
            times.append(time.perf_counter() - t0)
        return times
    finally:
        app.close()


def _batch(folder: Path) -> list[float]:
    from sqlalchemy import text

    from civicdesk.db.engine import DB_FILE_NAME, open_database

    db = open_database(folder / DB_FILE_NAME)
    try:
        times = []
        for b in range(BATCHES):
            rows = [{"k": f"bench-{b}-{i}", "v": '"' + "x" * 200 + '"'} for i in range(1000)]
            t0 = time.perf_counter()
            with db.session() as s:
                s.execute(text("INSERT INTO app_settings (key, value) VALUES (:k, :v)"), rows)
            times.append(time.perf_counter() - t0)
        return times
    finally:
        db.close()


BENCHMARKS = [
    ("durability.save_one_normal", lambda: _with_mode("NORMAL", _save_one), "ms", None),
    ("durability.save_one_full", lambda: _with_mode("FULL", _save_one), "ms", 50.0),
    ("durability.batch_1000_normal", lambda: _with_mode("NORMAL", _batch), "ms", None),
    ("durability.batch_1000_full", lambda: _with_mode("FULL", _batch), "ms", 500.0),
]
