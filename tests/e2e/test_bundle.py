"""The frozen bundle passes its own self-test and stays within its size budget.

Builds nothing: ``CIVICDESK_BUNDLE`` names a bundle folder made by
``scripts/build-bundle.sh`` (``dist/civicdesk``).  Without it the test is skipped on a
developer machine and fails in CI, where the bundle must have been built.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MAX_MB = 170  # installer/build.py BUDGET_MB


def _bundle() -> Path:
    value = os.environ.get("CIVICDESK_BUNDLE")
    if not value:
        if os.environ.get("CI"):
            pytest.fail("CI is set but CIVICDESK_BUNDLE is not: build the bundle first "
                        "(scripts/build-bundle.sh) and point CIVICDESK_BUNDLE at dist/civicdesk")
        pytest.skip("CIVICDESK_BUNDLE is not set")
    folder = Path(value).resolve()
    assert folder.is_dir(), f"CIVICDESK_BUNDLE={value} is not a folder"
    return folder


def _size_mb(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1_000_000


def test_bundle_self_test_passes(tmp_path: Path) -> None:
    folder = _bundle()
    # on Windows civicdesk.exe has no console: the console twin prints the report
    exe = folder / ("civicdesk-cli.exe" if sys.platform == "win32" else "civicdesk")
    assert exe.is_file(), f"{exe} is missing"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICDESK_")}
    env.update(
        QT_QPA_PLATFORM="windows" if sys.platform == "win32" else "offscreen",
        CIVICDESK_DATA_DIR=str(tmp_path / "data"),
        CIVICDESK_CACHE_DIR=str(tmp_path / "cache"),
        PYTHONPATH="",
    )
    done = subprocess.run(
        [str(exe), "--self-test", "--lang", "ru"], check=False, env=env, capture_output=True, encoding="utf-8",
        timeout=300, cwd=tmp_path,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "[ERR]" not in report, report
    for check in ("Шрифты", "Переводы", "Схема базы данных", "Печать PDF", "Запись и поиск"):
        assert f"[OK ] {check}" in report, report
    assert not (tmp_path / "cache" / "fonts").exists(), "the bundle must ship its fonts pre-made"


def test_bundle_size_within_budget() -> None:
    folder = _bundle()
    size = _size_mb(folder)
    assert size <= MAX_MB, f"{folder} is {size:.1f} MB (budget {MAX_MB} MB)"
