"""CIVICDESK_EXIT_WHEN_READY=1: the app prints "ready" once its first window is shown
and exits 0 (the start-up benchmark relies on it)."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_without_the_variable_nothing_is_armed(monkeypatch: pytest.MonkeyPatch) -> None:
    from civicdesk.ui import app

    monkeypatch.delenv(app.READY_ENV, raising=False)
    monkeypatch.setattr(app, "_ready_hook", None)

    class Dummy:
        def installEventFilter(self, _f: object) -> None:  # pragma: no cover
            raise AssertionError("armed without the variable")

    app.watch_ready(Dummy())  # type: ignore[arg-type]
    assert app._ready_hook is None
