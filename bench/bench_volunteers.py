"""The volunteer register and its figures on a center with 20 000 volunteers and
100 000 assignments.

volunteers.first_page_20k     first page (200) in Kazakh order with hours, median of 5   s 0.1
volunteers.search_20k         a part of a name in any case, first page, median of 5    s 0.1
volunteers.figures_100k       the year's figures per district (report section), median s 1

The database is a small ``civicdesk demo`` with the volunteers and assignments added
by bulk inserts (sort keys computed as the app computes them), made once in
``$TMPDIR/civicdesk-bench-volunteers``.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from civicdesk.db.engine import DB_FILE_NAME

VOLUNTEERS, ASSIGNMENTS = 20_000, 100_000
_state: dict[str, Any] = {}
FIRST = ("Айгерім", "Әлия", "Бекзат", "Дмитрий", "Ерасыл", "Жансая", "Нұрлан", "Ұлжан",
         "Өмір", "Қуаныш", "Ғалия", "Іңкәр")
LAST = ("Сапарова", "Төлеуова", "Омаров", "Ким", "Байжанов", "Мұратқызы", "Қожахметов",
        "Оспанова", "Әбенов", "Үсенова", "Шаяхметов", "Ілиясов")


def _fill(path: Path) -> None:
    from civicdesk.domain.collation import collation_key
    from civicdesk.domain.ids import new_id

    con = sqlite3.connect(path)
    center = con.execute("SELECT id FROM centers WHERE deleted = 0 LIMIT 1").fetchone()[0]
    places = [r[0] for r in con.execute("SELECT id FROM settlements LIMIT 30")]
    rnd = random.Random(5)
    now = datetime(2026, 1, 1).strftime("%Y-%m-%d %H:%M:%S.%f")
    sync = (center, now, now, None, 0, 1, None, "")
    vols = []
    for i in range(VOLUNTEERS):
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {i}"
        vols.append((new_id(), name, rnd.choice(places), "жүргізуші", "сенбі",
                     "2026-01-10", "2026-1", '["register", "statistics"]', "",
                     collation_key(name), *sync))
    con.executemany(
        "INSERT INTO volunteers (id, full_name, settlement_id, skills, availability,"
        " consent_date, consent_form_version, consent_purposes, notes, sort_name,"
        " center_id, created_at, updated_at, updated_by, deleted, rev, server_seq, hlc)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", vols)
    day0 = date(2026, 1, 15)
    con.executemany(
        "INSERT INTO volunteer_assignments (id, volunteer_id, kind, done_on, hours,"
        " settlement_id, note, center_id, created_at, updated_at, updated_by, deleted,"
        " rev, server_seq, hlc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(new_id(), v[0], "booklets", (day0 + timedelta(days=rnd.randrange(300))).isoformat(),
          rnd.choice((1500, 2000, 3000)), v[2], "", *sync)
         for v in (rnd.choice(vols) for _ in range(ASSIGNMENTS))])
    con.execute("DELETE FROM sync_outbox")
    con.commit()
    con.execute("ANALYZE")
    con.close()


def _ctx() -> Any:
    from civicdesk.cli import main
    from civicdesk.services.app import CivicApp

    if "app" not in _state:
        folder = Path(tempfile.gettempdir()) / "civicdesk-bench-volunteers"
        if not (folder / DB_FILE_NAME).exists():
            folder.mkdir(parents=True, exist_ok=True)
            assert main(["--data-dir", str(folder), "demo", "--consultations", "200"]) == 0
            _fill(folder / DB_FILE_NAME)
        _state["app"] = CivicApp(folder)
    return _state["app"].admin_context("kk")


def _median(run: Callable[[], None], n: int = 5) -> float:
    run()  # warm-up
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def first_page() -> float:
    from civicdesk.services.base import ListQuery
    from civicdesk.services.volunteers import list_volunteers

    ctx = _ctx()

    def run() -> None:
        page = list_volunteers(ctx, ListQuery(limit=200))
        assert page.total >= VOLUNTEERS and len(page.rows) == 200

    return _median(run)


def search() -> float:
    from civicdesk.services.base import ListQuery
    from civicdesk.services.volunteers import list_volunteers

    ctx = _ctx()

    def run() -> None:
        assert list_volunteers(ctx, ListQuery(limit=200, search="ҚОЖАХМЕТ")).rows

    return _median(run)


def figures() -> float:
    from civicdesk.domain.periods import year_period
    from civicdesk.services.volunteer_stats import volunteer_figures

    ctx = _ctx()

    def run() -> None:
        assert volunteer_figures(ctx, year_period(2026)).assignments >= ASSIGNMENTS

    return _median(run, 3)


BENCHMARKS = [
    ("volunteers.first_page_20k", first_page, "s", 0.1),
    ("volunteers.search_20k", search, "s", 0.1),
    ("volunteers.figures_100k", figures, "s", 1.0),
]
