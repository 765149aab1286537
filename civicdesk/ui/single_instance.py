"""A second start on the same data folder brings the first window forward.

The data folder's OS lock (``civicdesk.db.folderlock``) decides who may open it;
this module only lets the second start tell the first one "the user wants you":
the first CivicDesk watches a small file in its data folder (``civicdesk.wake``,
through ``QFileSystemWatcher``, so no network module is needed in the bundle) and,
when the second start writes to it, raises its active window.  Where the platform
does not let a window take the focus, the first window flashes in the task bar.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("civicdesk")

WAKE_FILE = "civicdesk.wake"


def wake_path(data_dir: Path) -> Path:
    return Path(data_dir) / WAKE_FILE


def raise_windows() -> None:
    """Bring this app's visible top-level window (a dialog first) to the front."""
    widgets = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    target: QWidget | None = QApplication.activeModalWidget() or (
        widgets[-1] if widgets else None
    )
    if target is None:
        return
    if target.isMinimized():
        target.showNormal()
    target.raise_()
    target.activateWindow()
    QApplication.alert(target)


class Beacon(QObject):
    """Watches for a second start of CivicDesk on the same data folder."""

    def __init__(self, data_dir: Path, on_wake: Callable[[], None] = raise_windows,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_wake = on_wake
        self.path = wake_path(data_dir)
        self.watcher = QFileSystemWatcher(self)
        try:
            self.path.touch(exist_ok=True)
        except OSError as exc:  # a read-only folder: no beacon, nothing else changes
            log.warning("second-start beacon unavailable: %r", exc)
            return
        self.watcher.addPath(str(self.path))
        self.watcher.fileChanged.connect(self._changed)

    def _changed(self, name: str) -> None:
        if name not in self.watcher.files() and os.path.exists(name):
            self.watcher.addPath(name)  # replaced rather than written: watch it again
        log.info("a second start asked for this window")
        self.on_wake()

    def close(self) -> None:
        files = self.watcher.files()
        if files:
            self.watcher.removePaths(files)


def wake_first(data_dir: Path) -> bool:
    """Ask the CivicDesk that holds ``data_dir`` to come forward; False when the
    request could not be written (then only the message is shown)."""
    with contextlib.suppress(OSError):
        with wake_path(data_dir).open("w", encoding="utf-8") as fh:
            fh.write(f"{datetime.now().isoformat(timespec='seconds')} {os.getpid()}\n")
        return True
    return False
