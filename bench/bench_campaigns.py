"""Survey sheet entry benchmarks (the campaigns page's keyboard-only grid).

campaigns.sheet_next_row_ms    last key of a sheet to the next empty row with the cursor
                               in it, 95th percentile over 120 sheets typed into a wave
                               that grows from 120 sheets; the save runs meanwhile on
                               the database thread                                  ms 50
campaigns.sheet_saved_ms       last key of a sheet to its row marked saved (database
                               thread round trip), median; reported only             ms

The page runs in its own process (QT_QPA_PLATFORM=offscreen) on a fresh data folder
with the demo's four-question campaign; keys are real key events sent to the grid.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHEETS = 120
_state: dict[str, Any] = {}


def _measure() -> dict[str, Any]:
    if "result" not in _state:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env["PYTHONPATH"] = os.pathsep.join([str(HERE.parent),
                                             *filter(None, [env.get("PYTHONPATH")])])
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--drive"],
                             env=env, check=True, capture_output=True, text=True, timeout=600)
        _state["result"] = json.loads(out.stdout.strip().splitlines()[-1])
    return dict(_state["result"])


def next_row() -> float:
    return float(_measure()["next_row_p95_ms"])


def saved() -> float:
    return float(_measure()["saved_median_ms"])


BENCHMARKS = [
    ("campaigns.sheet_next_row_ms", next_row, "ms", 50.0),
    ("campaigns.sheet_saved_ms", saved, "ms", None),
]


def drive() -> dict[str, Any]:
    import random
    import statistics

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from civicdesk.services.app import CivicApp
    from civicdesk.services.campaign_demo import DEMO_QUESTIONS, fill_wave
    from civicdesk.services.campaigns import CampaignInput, create_campaign
    from civicdesk.services.users import authenticate, setup_center
    from civicdesk.ui import i18n
    from civicdesk.ui.campaigns import CampaignsPage
    from civicdesk.ui.env import UiEnv
    from civicdesk.ui.tasks import TaskRunner

    qapp = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="civicdesk-bench-campaigns-"))
    app = CivicApp(folder)
    setup_center(app, name_kk="Орталық", name_ru="Центр", region_kato="19", district_id=None,
                 manager_login="manager", manager_name="Әсел Нұрланқызы",
                 manager_password="bench-password-1", language="kk")
    actor = authenticate(app, "manager", "bench-password-1")
    ctx = app.context(actor)
    from datetime import date

    campaign = create_campaign(ctx, CampaignInput("Науқан", "Кампания", date(2025, 3, 1),
                                                  DEMO_QUESTIONS))
    fill_wave(ctx, campaign.waves[0].id, SHEETS, 0.5, random.Random(1), [])
    runner = TaskRunner()
    env = UiEnv(app=app, runner=runner, actor=actor, lang="kk")
    i18n.ensure_compiled()
    i18n.install("kk")
    page = CampaignsPage(env)
    page.show()
    runner.wait_idle(10_000)
    page.open_campaign(campaign.id)
    runner.wait_idle(10_000)
    qapp.processEvents()
    runner.wait_idle(10_000)
    qapp.processEvents()
    grid = page.grid
    rnd = random.Random(2)
    next_row: list[float] = []
    saved_at: dict[int, float] = {}
    sent_at: dict[int, float] = {}
    original = grid.mark_saved

    def mark_saved(r: int, sheet_id: str | None, number: int | None = None) -> None:
        saved_at.setdefault(r, time.perf_counter())
        original(r, sheet_id, number)

    grid.mark_saved = mark_saved  # type: ignore[method-assign]
    for _ in range(SHEETS):
        keys = [str(rnd.randint(1, 2)), str(rnd.randint(1, 6)), "0",
                str(rnd.randint(1, 4)), str(rnd.randint(1, 4))]
        for k in keys:
            QTest.keyClick(grid, k)
        QTest.keyClick(grid, "1")
        QTest.keyClick(grid, "3")
        QTest.keyClick(grid, Qt.Key.Key_Return)
        row = grid.currentRow()
        t0 = time.perf_counter()
        QTest.keyClick(grid, str(rnd.randint(1, 4)))  # the last key: saves, opens next
        qapp.processEvents()
        elapsed = time.perf_counter() - t0
        assert grid.currentRow() == row + 1 and grid.currentColumn() == 1
        next_row.append(elapsed * 1000)
        sent_at[row] = t0
    deadline = time.perf_counter() + 60
    while len(saved_at) < len(sent_at) and time.perf_counter() < deadline:
        qapp.processEvents()
        time.sleep(0.001)
    runner.wait_idle(10_000)
    rounds = [(saved_at[r] - t) * 1000 for r, t in sent_at.items() if r in saved_at]
    errors = [r for r in range(grid.rowCount()) if grid.item(r, 0) is not None
              and grid.item(r, 0).toolTip()]  # type: ignore[union-attr]
    runner.shutdown()
    app.close()
    ordered = sorted(next_row)
    return {
        "next_row_p95_ms": ordered[int(len(ordered) * 0.95) - 1],
        "next_row_max_ms": ordered[-1],
        "saved_median_ms": statistics.median(rounds) if rounds else float("nan"),
        "saved": len(rounds), "errors": len(errors),
    }


if __name__ == "__main__" and "--drive" in sys.argv:
    print(json.dumps(drive()))
