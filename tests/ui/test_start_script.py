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


def _fake_install(tmp: Path) -> tuple[Path, dict[str, str]]:
    """The script in a folder whose .venv is the test's Python and whose ``civicdesk``
    only reports that it was started (the install step is then skipped)."""
    (tmp / "scripts").mkdir()
    script = tmp / "scripts" / "start.sh"
    script.write_text((ROOT / "scripts" / "start.sh").read_text())
    bin_dir = tmp / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    app = bin_dir / "civicdesk"
    app.write_text('#!/bin/sh\necho "civicdesk started $*"\n')
    for f in (python, app):
        f.chmod(0o755)
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CIVICDESK_CACHE_DIR")}
    env["PYTHONPATH"] = str(ROOT)
    env["XDG_CACHE_HOME"] = str(tmp / "cache")  # the user's cache folder on Linux
    return script, env


def test_start_script_prepares_the_print_fonts_in_the_users_cache(tmp_path: Path) -> None:
    script, env = _fake_install(tmp_path)
    done = subprocess.run(["bash", str(script), "--x"], check=False, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "civicdesk started --x" in done.stdout
    faces = sorted(p.name for p in (tmp_path / "cache").rglob("CivicSans-*.ttf"))
    assert faces == ["CivicSans-Bold.ttf", "CivicSans-Italic.ttf", "CivicSans-Regular.ttf"]
    # the app finds them there: no second derivation at the first print
    found = subprocess.run(
        [sys.executable, "-c", "from civicdesk.printing.fonts import font_files;"
         "print(font_files()['regular'])"],
        check=False, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert found.stdout.strip().startswith(str(tmp_path / "cache")), found.stderr


def test_start_script_starts_even_when_the_fonts_cannot_be_prepared(tmp_path: Path) -> None:
    script, env = _fake_install(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    env["CIVICDESK_CACHE_DIR"] = str(blocker)  # the cache cannot be written
    done = subprocess.run(["bash", str(script)], check=False, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "civicdesk started" in done.stdout
    assert "print fonts could not be prepared" in done.stderr
    assert "Traceback" not in done.stderr
