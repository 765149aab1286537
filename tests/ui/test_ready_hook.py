"""CIVICDESK_EXIT_WHEN_READY=1: the app prints "ready" once its first window is shown
and exits 0 (the start-up benchmark relies on it)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


def test_the_app_says_ready_and_exits(data_dir: Path) -> None:
    env = dict(os.environ, CIVICDESK_EXIT_WHEN_READY="1")  # the platform tests/conftest.py set
    done = subprocess.run(
        [sys.executable, "-m", "civicdesk", "--data-dir", str(data_dir)],
        check=False, env=env, capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert "ready" in done.stdout.splitlines(), (done.stdout, done.stderr)


def test_the_app_writes_when_its_window_was_shown(data_dir: Path, tmp_path: Path) -> None:
    """A windowed build has no output: CIVICDESK_READY_FILE gets the moment instead."""
    ready = tmp_path / "ready.txt"
    env = dict(os.environ, CIVICDESK_EXIT_WHEN_READY="1", CIVICDESK_READY_FILE=str(ready))
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "civicdesk", "--data-dir", str(data_dir)],
        check=False, env=env, capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    ended = time.time()
    assert done.returncode == 0, done.stderr
    shown = float(ready.read_text(encoding="ascii"))
    assert started < shown < ended


def test_without_the_variable_nothing_is_armed(monkeypatch: pytest.MonkeyPatch) -> None:
    from civicdesk.ui import app

    monkeypatch.delenv(app.READY_ENV, raising=False)
    monkeypatch.setattr(app, "_ready_hook", None)

    class Dummy:
        def installEventFilter(self, _f: object) -> None:  # pragma: no cover
            raise AssertionError("armed without the variable")

    app.watch_ready(Dummy())  # type: ignore[arg-type]
    assert app._ready_hook is None
