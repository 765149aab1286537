"""Printing benchmarks: a 16-page A5 booklet and long minutes (200 attendees,
10 agenda items).  Each function returns the median of 5 runs in seconds, after a
warm-up run (fonts are made and cached by the warm-up if needed)."""

from __future__ import annotations

import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.printing.booklet import EditionInfo, booklet_from_dict, render_booklet
from civicdesk.printing.forms import render_minutes

_TESTS = Path(__file__).resolve().parent.parent / "tests" / "printing"


def _median(fn: Callable[[], object], runs: int = 5) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_booklet_a5_16p() -> float:
    data = json.loads((_TESTS / "fixtures" / "sample-booklet.json").read_text("utf-8"))
    for section in data["sections"]:  # the fixture's missing picture is for the tests
        section["blocks"] = [b for b in section["blocks"] if b["type"] != "image"]
    data["sections"] = data["sections"] * 4  # 16 A5 pages in parallel columns
    content = booklet_from_dict(data)
    edition = EditionInfo("Ақсу ауылдық округінің ЖӨБД орталығы", date(2025, 2, 22), 300)

    def run() -> None:
        render_booklet(
            content,
            layout=BookletLayout.A5_BOOKLET,
            arrangement=BilingualArrangement.PARALLEL,
            edition=edition,
            out=io.BytesIO(),
        )

    return _median(run)


def bench_minutes_200x10() -> float:
    sys.path.insert(0, str(_TESTS))
    import form_samples

    data = form_samples.minutes(200, 10)
    return _median(lambda: render_minutes(data, io.BytesIO()))


BENCHMARKS: list[tuple[str, Callable[[], float], str, float]] = [
    ("print.booklet_a5_16p", bench_booklet_a5_16p, "s", 0.5),
    ("print.minutes_200x10", bench_minutes_200x10, "s", 1.0),
]

if __name__ == "__main__":
    for name, fn, unit, target in BENCHMARKS:
        print(f"{name}: {fn():.3f} {unit} (target {target} {unit})")
