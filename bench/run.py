"""Run CivicDesk's benchmarks, print a table and write bench/results.json.

    python bench/run.py                 # every benchmark
    python bench/run.py db.search ...   # only the named ones (prefix match)

Each bench_*.py module beside this file exposes BENCHMARKS, a list of
(name, function, unit, target) where the function returns the measured value and the
target is an upper limit (None: reported only). A target may also be a function, called
after the value is measured: a peer's figure measured in the same run (its ratio is
ours over the peer's; None when the peer was not run). Figures are measured, never
timed inside unit tests.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
Bench = tuple[str, Callable[[], float], str, float | Callable[[], float | None] | None]


def _modules() -> list[Any]:
    sys.path.insert(0, str(HERE.parent))
    mods = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        mods.append(mod)
    return mods


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem,
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def main(argv: list[str]) -> int:
    wanted = argv
    benches: list[Bench] = []
    for mod in _modules():
        benches.extend(getattr(mod, "BENCHMARKS", []))
    if wanted:
        benches = [b for b in benches if any(b[0].startswith(w) for w in wanted)]
    results: list[dict[str, Any]] = []
    print(f"{'benchmark':<40} {'value':>12} {'unit':<6} {'target':>10} {'ratio':>7}  met")
    for name, fn, unit, limit in benches:
        t0 = time.perf_counter()
        target: float | None = None
        try:
            value = float(fn())
            target = limit() if callable(limit) else limit
            error = None
        except Exception as exc:  # a failing benchmark is reported, not hidden
            value, error = float("nan"), f"{type(exc).__name__}: {exc}"
        met = bool(target is None or (value == value and value <= target))
        ratio = (value / target) if target else None
        results.append({
            "name": name, "value": round(value, 4), "unit": unit, "target": target,
            "met": met, "ratio": round(ratio, 3) if ratio is not None else None,
            "seconds": round(time.perf_counter() - t0, 1), **({"error": error} if error else {}),
        })
        tgt = f"{target:g}" if target is not None else "-"
        rat = f"{ratio:.2f}" if ratio is not None else "-"
        print(f"{name:<40} {value:>12.4g} {unit:<6} {tgt:>10} {rat:>7}  {'yes' if met else 'NO'}"
              + (f"  ({error})" if error else ""), flush=True)
    out = HERE / "results.json"
    previous: list[dict[str, Any]] = []
    if wanted and out.exists():
        previous = [r for r in json.loads(out.read_text()) if r["name"] not in
                    {x["name"] for x in results}]
    payload = previous + results
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (HERE / "machine.json").write_text(json.dumps(
        {**machine(), "taken_at": datetime.now(UTC).isoformat(timespec="seconds")},
        indent=2) + "\n", encoding="utf-8")
    return 0 if all(r["met"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
