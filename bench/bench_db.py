"""Data-layer benchmarks on a 100 000-consultation demo database.

db.demo_100k            civicdesk demo --consultations 100000      target 60 s
db.open_up_to_date      open_database incl. the migration check    target 0.3 s
db.search_fts           full-text search, first page (median)      target 0.05 s
db.search_people        search by resident name, IIN/phone ending, settlement  0.05 s
db.first_page_sorted_*  first page of the journal sorted by column target 0.1 s
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from civicdesk.db.engine import DB_FILE_NAME

N = 100_000
_state: dict[str, Any] = {}


def _folder() -> Path:
    if "dir" not in _state:
        _state["dir"] = Path(tempfile.mkdtemp(prefix="civicdesk-bench-"))
    return _state["dir"]


def demo() -> float:
    from civicdesk.cli import main

    folder = _folder()
    shutil.rmtree(folder, ignore_errors=True)
    t0 = time.perf_counter()
    assert main(["--data-dir", str(folder), "demo", "--consultations", str(N)]) == 0
    return time.perf_counter() - t0


def _ensure_demo() -> Path:
    folder = _folder()
    if not (folder / DB_FILE_NAME).exists():
        demo()
    return folder


def open_db() -> float:
    from civicdesk.db.engine import open_database

    folder = _ensure_demo()
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        db = open_database(folder / DB_FILE_NAME)
        times.append(time.perf_counter() - t0)
        db.engine.dispose()
    return statistics.median(times)


def _ctx() -> Any:
    from civicdesk.services.app import CivicApp

    if "app" not in _state:
        _state["app"] = CivicApp(_ensure_demo())
    return _state["app"].admin_context("kk")


WORDS = ["жиын", "кворум", "обращение", "бюджет", "грант", "әкім", "акимат", "петр"]


def search() -> float:
    from civicdesk.services.base import ListQuery
    from civicdesk.services.consultations import list_consultations

    ctx = _ctx()
    times = []
    for word in WORDS * 2:
        t0 = time.perf_counter()
        list_consultations(ctx, ListQuery(search=word, limit=200))
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


# a first name, a surname, IIN and phone endings, settlements in kk and ru, mixed
PEOPLE = ["әсем", "жұлдыз", "сейітова", "0062", "8062", "бақанас", "село аккол",
          "айжан бюджет", "ёлкин"]


def search_people() -> float:
    from civicdesk.services.base import ListQuery
    from civicdesk.services.consultations import list_consultations

    ctx = _ctx()
    times = []
    for word in PEOPLE * 2:
        t0 = time.perf_counter()
        list_consultations(ctx, ListQuery(search=word, limit=200))
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _sorted(column: str) -> float:
    from civicdesk.services.base import ListQuery
    from civicdesk.services.consultations import list_consultations

    ctx = _ctx()
    times = []
    for descending in (False, True, False, True, False):
        t0 = time.perf_counter()
        list_consultations(ctx, ListQuery(sort=column, descending=descending, limit=200))
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _sorted_fn(column: str) -> Any:
    return lambda: _sorted(column)


COLUMNS = ["occurred_at", "resident", "topic", "channel", "status", "consultant",
           "settlement", "follow_up_on", "question"]

BENCHMARKS = [
    ("db.demo_100k", demo, "s", 60.0),
    ("db.open_up_to_date", open_db, "s", 0.3),
    ("db.search_fts", search, "s", 0.05),
    ("db.search_people", search_people, "s", 0.05),
    *[(f"db.first_page_sorted_{c}", _sorted_fn(c), "s", 0.1) for c in COLUMNS],
]
