"""Desktop app benchmarks on a 100 000-consultation demo data folder.

ui.cold_start_to_main_window_s  process start to the main window on the journal with its
                                first page of rows (wall time from Popen), median of 3 s 1.5
ui.max_gui_stall_typing_ms      longest GUI-thread stall while typing in the journal's
                                search box (median over 3 runs of each run's max)   ms 50
ui.max_gui_stall_scrolling_ms   the same while scrolling the journal through 20 000 rows ms 50
ui.rss_journal_open_mb          VmRSS with the journal open after searches (median)  MB 300

Each figure comes from bench/ui_driver.py run as its own process with
QT_QPA_PLATFORM=offscreen; the driver signs the demo manager in without the login
dialog.  The demo folder is made once per run with ``civicdesk demo``.  Bytecode is
cached in a temporary folder (PYTHONPYCACHEPREFIX, as an installed app has its .pyc
files) and one uncounted start fills it.  CIVICDESK_BENCH_VERBOSE=1 prints every
run's details (phase timings, the slowest stalls and the stacks seen during them) to
stderr.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DRIVER = HERE / "ui_driver.py"
N = 100_000
RUNS = 3
TIMEOUT_S = 180
_state: dict[str, Any] = {}


def _verbose(label: str, payload: Any) -> None:
    if os.environ.get("CIVICDESK_BENCH_VERBOSE") == "1":
        print(f"[{label}] {json.dumps(payload, ensure_ascii=False)}", file=sys.stderr,
              flush=True)


def _root() -> Path:
    if "root" not in _state:
        root = Path(tempfile.mkdtemp(prefix="civicdesk-bench-ui-"))
        atexit.register(shutil.rmtree, root, True)
        _state["root"] = root
    return Path(_state["root"])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("CIVICDESK_EXIT_WHEN_READY", None)
    env["PYTHONPYCACHEPREFIX"] = str(_root() / "pycache")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(HERE.parent), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def _data_dir() -> Path:
    """The demo folder, made once per run; then one uncounted start fills the bytecode
    cache (and makes today's backup, which every later start skips)."""
    folder = _root() / "demo"
    if "ready" not in _state:
        cmd = [sys.executable, "-m", "civicdesk", "--data-dir", str(folder), "demo",
               "--consultations", str(N)]
        subprocess.run(cmd, env=_env(), check=True, stdout=subprocess.DEVNULL,
                       timeout=600)
        warm = _drive("start")
        _verbose("warm-up start (fills the bytecode cache)", warm)
        _state["ready"] = True
    return folder


def _drive(scenario: str) -> dict[str, Any]:
    """One driver process; the parent's wall time from Popen to the "interactive" line."""
    folder = _root() / "demo"
    errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", str(DRIVER), str(folder), scenario],
        env=_env(), stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8",
    )
    assert proc.stdout is not None
    killer = threading.Timer(TIMEOUT_S, proc.kill)  # a hung driver ends the stdout loop
    killer.start()
    wall: float | None = None
    interactive: dict[str, Any] = {}
    result: dict[str, Any] | None = None
    for line in proc.stdout:
        tag, _, rest = line.partition(" ")
        if tag == "interactive" and wall is None:
            wall = time.perf_counter() - t0
            interactive = json.loads(rest)
        elif tag == "result":
            result = json.loads(rest)
    proc.wait()
    killer.cancel()
    errors.seek(0)
    err = errors.read()
    errors.close()
    if proc.returncode != 0 or wall is None or result is None:
        lines = [x for x in (err or "").strip().splitlines() if "propagateSizeHints" not in x]
        tail = lines[-8:]
        raise RuntimeError(f"ui_driver {scenario} exited {proc.returncode}: "
                           f"{(result or {}).get('error', '')} {' | '.join(tail)}")
    if result.get("bugs"):
        raise RuntimeError(f"ui_driver {scenario}: {result['bugs'][0].strip()[-300:]}")
    result["wall_interactive_s"] = round(wall, 4)
    result["interactive"] = interactive
    return result


def _runs(scenario: str) -> list[dict[str, Any]]:
    key = f"runs:{scenario}"
    if key not in _state:
        _data_dir()
        runs = []
        for i in range(RUNS):
            r = _drive(scenario)
            _verbose(f"{scenario} run {i + 1}", r)
            runs.append(r)
        _state[key] = runs
    return list(_state[key])


def cold_start() -> float:
    return statistics.median(r["wall_interactive_s"] for r in _runs("start"))


def stall_typing() -> float:
    return statistics.median(r["stall"]["max_stall_ms"] for r in _runs("typing"))


def stall_scrolling() -> float:
    return statistics.median(r["stall"]["max_stall_ms"] for r in _runs("scroll"))


def rss_journal() -> float:
    return statistics.median(
        max(r["after_search"]["rss_mb"], r["end"]["rss_mb"]) for r in _runs("typing"))


BENCHMARKS = [
    ("ui.cold_start_to_main_window_s", cold_start, "s", 1.5),
    ("ui.max_gui_stall_typing_ms", stall_typing, "ms", 50.0),
    ("ui.max_gui_stall_scrolling_ms", stall_scrolling, "ms", 50.0),
    ("ui.rss_journal_open_mb", rss_journal, "MB", 300.0),
]
