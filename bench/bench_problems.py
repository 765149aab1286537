"""The problems register's first page on 10 000 problems (the list the page shows).

problems.first_page_10k            first page (200 rows), newest first, median of 5      s 0.1
problems.first_page_10k_by_raised  first page sorted by how many raised it           s 0.1
problems.first_page_10k_overdue    first page of the overdue filter                  s 0.1

The database (a center, 40 villages, 10 000 problems in every state, a tenth of them
appeals past their due day) is made once in ``$TMPDIR/civicdesk-bench-problems-10k``.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from civicdesk.db.engine import DB_FILE_NAME

N = 10_000
STATES = ["raised", "taken_up", "answered", "resolved", "not_resolved"]
_state: dict[str, Any] = {}


def _fill(app: Any) -> None:
    from sqlalchemy import insert

    from civicdesk.db.models import Problem, Settlement
    from civicdesk.domain.ids import new_id

    ctx = app.admin_context("kk")
    center, now, rnd = ctx.actor.center_id, datetime.now(), random.Random(5)
    common = {"center_id": center, "created_at": now, "updated_at": now, "rev": 1,
              "hlc": "", "deleted": False}
    places = [{"id": new_id(), **common, "name_kk": f"Ауыл {i}", "name_ru": f"Село {i}",
               "sort_name": f"{i:04d}"} for i in range(40)]
    today = date.today()
    rows = []
    for i in range(N):
        state = STATES[i % len(STATES)]
        raised = today - timedelta(days=rnd.randrange(30, 700))
        taken = raised + timedelta(days=5) if state != "raised" else None
        rows.append({
            "id": new_id(), **common, "title_kk": f"Мәселе {i}", "title_ru": f"Проблема {i}",
            "category": "roads", "settlement_id": rnd.choice(places)["id"],
            "settlement_ids": [], "first_raised": raised, "state": state,
            "channel": "appeal" if taken else None, "taken_up_on": taken,
            "due_on": taken + timedelta(days=21) if taken else None,
            "answered_on": None if state == "taken_up" else taken,
            "raised_count": rnd.randrange(0, 60), "notes": "",
        })
    with app.db.session() as s:
        s.execute(insert(Settlement), places)
        s.execute(insert(Problem), rows)
    with app.db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def _ctx() -> Any:
    from civicdesk.services.app import CivicApp
    from civicdesk.services.users import setup_center

    if "app" not in _state:
        folder = Path(tempfile.gettempdir()) / "civicdesk-bench-problems-10k"
        fresh = not (folder / DB_FILE_NAME).exists()
        folder.mkdir(parents=True, exist_ok=True)
        app = CivicApp(folder)
        if fresh:
            setup_center(app, name_kk="Орталық", name_ru="Центр", region_kato="19",
                         district_id=None, manager_login="manager", manager_name="Менеджер",
                         manager_password="bench-password-1", language="kk")
            _fill(app)
        _state["app"] = app
    return _state["app"].admin_context("kk")


def _median(**query: Any) -> float:
    from civicdesk.services.base import ListQuery
    from civicdesk.services.problems import list_problems

    ctx = _ctx()
    q = ListQuery(limit=200, **query)
    page = list_problems(ctx, q)  # warm-up
    assert page.rows and page.total > 0
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        list_problems(ctx, q)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def first_page() -> float:
    return _median(sort="first_raised", descending=True)


def first_page_by_raised() -> float:
    return _median(sort="raised_count", descending=True)


def first_page_overdue() -> float:
    return _median(sort="first_raised", descending=True, filters={"overdue": True})


BENCHMARKS = [
    ("problems.first_page_10k", first_page, "s", 0.1),
    ("problems.first_page_10k_by_raised", first_page_by_raised, "s", 0.1),
    ("problems.first_page_10k_overdue", first_page_overdue, "s", 0.1),
]
