"""Target against actual at head office on a 100 000-consultation demo database.

programmes.target_vs_actual_100k   every target of the demo programme (seminars,
                                   participants, copies, consultations, funded
                                   applications, a campaign's awareness change) with
                                   its actual from SQL aggregates, median of 3       s 1

The demo database (with its measured campaign and programme) is made once with
``civicdesk demo --consultations 100000`` in ``$TMPDIR/civicdesk-bench-programmes-100k``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from civicdesk.db.engine import DB_FILE_NAME

N = 100_000
_state: dict[str, Any] = {}


def _ctx() -> Any:
    from civicdesk.cli import main
    from civicdesk.services.app import CivicApp

    if "app" not in _state:
        folder = Path(tempfile.gettempdir()) / "civicdesk-bench-programmes-100k"
        if not (folder / DB_FILE_NAME).exists():
            folder.mkdir(parents=True, exist_ok=True)
            assert main(["--data-dir", str(folder), "demo", "--consultations", str(N)]) == 0
        _state["app"] = CivicApp(folder)
    return _state["app"].admin_context("kk")


def target_vs_actual_100k() -> float:
    from civicdesk.services.programmes import list_programmes, target_vs_actual

    ctx = _ctx()
    programme = list_programmes(ctx)[0]

    def run() -> None:
        rows = target_vs_actual(ctx, programme.id)
        assert len(rows) == 6 and all(r.actual is not None for r in rows)
        assert rows[3].actual is not None and rows[3].actual > N // 10

    run()  # warm-up
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


BENCHMARKS = [("programmes.target_vs_actual_100k", target_vs_actual_100k, "s", 1.0)]
