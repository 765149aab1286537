"""scripts/start.sh decides whether Qt's system libraries are missing by opening a
real window (scripts/qt_window_check.py), not by importing Qt, which succeeds even
when the platform plugin cannot load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "scripts" / "qt_window_check.py"


def _run(code: list[str], platform: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = platform
    return subprocess.run([sys.executable, *code], check=False, env=env, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def test_a_window_that_can_open_passes() -> None:
    done = _run([str(CHECK)], "offscreen")
    assert done.returncode == 0, done.stderr
    assert "qt-window-ok" in done.stdout


def test_a_platform_that_cannot_open_a_window_fails_where_importing_passes() -> None:
    # no X display: the xcb plugin cannot start, yet importing QtGui works
    imported = _run(["-c", "from PySide6.QtGui import QGuiApplication"], "xcb")
    assert imported.returncode == 0
    done = _run([str(CHECK)], "xcb")
    assert done.returncode != 0
    assert "platform plugin" in done.stderr


def test_start_script_uses_the_window_check() -> None:
    text = (ROOT / "scripts" / "start.sh").read_text()
    assert "qt_window_check.py" in text
    assert "libxcb-cursor0" in text
    assert 'import QGuiApplication" 2>/dev/null' not in text
    syntax = subprocess.run(["bash", "-n", str(ROOT / "scripts" / "start.sh")], check=False,
                            capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr
