"""Report benchmark on a 100 000-consultation demo database.

report.quarter_100k   statistics + bilingual PDF of the last full quarter   target 1 s

The demo database is made once with ``civicdesk demo --consultations 100000`` in a
folder kept between runs (``$TMPDIR/civicdesk-bench-reports-100k``); the figure is the
median of 3 runs after a warm-up (fonts are made and cached by the warm-up if needed).
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from civicdesk.db.engine import DB_FILE_NAME

N = 100_000
_state: dict[str, Any] = {}


def _folder() -> Path:
    return Path(tempfile.gettempdir()) / "civicdesk-bench-reports-100k"


def _ctx() -> Any:
    from civicdesk.cli import main
    from civicdesk.services.app import CivicApp

    if "app" not in _state:
        folder = _folder()
        if not (folder / DB_FILE_NAME).exists():
            folder.mkdir(parents=True, exist_ok=True)
            assert main(["--data-dir", str(folder), "demo", "--consultations", str(N)]) == 0
        _state["app"] = CivicApp(folder)
    return _state["app"].admin_context("kk")


def quarter_100k() -> float:
    from civicdesk.domain.periods import quarter_of
    from civicdesk.services.report_export import write_pdf
    from civicdesk.services.reports import build_report

    ctx = _ctx()
    this_quarter = quarter_of(ctx.today())
    period = quarter_of(this_quarter.start - timedelta(days=1))  # the last full quarter

    def run() -> None:
        report = build_report(ctx, period)
        assert report.consultations.total > N // 10
        write_pdf(report, io.BytesIO())

    run()  # warm-up
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


BENCHMARKS = [("report.quarter_100k", quarter_100k, "s", 1.0)]
