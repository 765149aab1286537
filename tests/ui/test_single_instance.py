"""A second CivicDesk on the same data folder: refused in kk and ru, and the first
one is asked to come forward."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from pytestqt.qtbot import QtBot

from civicdesk.db.engine import DB_FILE_NAME

ROOT = Path(__file__).resolve().parents[2]


def test_second_start_on_an_open_folder_says_so_in_both_languages(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys
            from civicdesk.services.app import CivicApp
            app = CivicApp(sys.argv[1]); print("open", flush=True)
            sys.stdin.readline(); app.close()
        """), str(data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "open"
        before = (data_dir / DB_FILE_NAME).read_bytes()
        env = dict(os.environ, CIVICDESK_EXIT_WHEN_READY="1", QT_QPA_PLATFORM="offscreen")
        second = subprocess.run(
            [sys.executable, "-m", "civicdesk", "--data-dir", str(data_dir)],
            check=False, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
        )
        assert second.returncode == 2, second.stderr
        assert "ready" in second.stdout.splitlines()  # the message box was shown
        assert "ашық тұр" in second.stderr and "уже открыт" in second.stderr
        assert "Traceback" not in second.stderr
        assert (data_dir / DB_FILE_NAME).read_bytes() == before
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=60)


def test_the_first_instance_hears_the_second(qtbot: QtBot, tmp_path: Path) -> None:
    from civicdesk.ui.single_instance import Beacon, wake_first

    woken: list[bool] = []
    beacon = Beacon(tmp_path, on_wake=lambda: woken.append(True))
    try:
        assert wake_first(tmp_path)
        qtbot.waitUntil(lambda: len(woken) >= 1, timeout=5000)
    finally:
        beacon.close()
    assert not wake_first(tmp_path / "no-such-folder")
