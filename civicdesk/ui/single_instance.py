"""A second start on the same data folder brings the first window forward.

The data folder's OS lock (``civicdesk.db.folderlock``) decides who may open it;
this module only lets the second start tell the first one "the user wants you":
the first CivicDesk listens on a local socket named after its data folder and,
when poked, raises its active window.  Where the platform does not allow a window
to take the focus, the first window at least flashes in the task bar.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("civicdesk")

WAKE = b"raise\n"


def server_name(data_dir: Path) -> str:
    folder = os.path.normcase(os.path.abspath(data_dir))
    return "civicdesk-" + hashlib.sha256(folder.encode("utf-8")).hexdigest()[:20]


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
    """Listens for a second start of CivicDesk on the same data folder.

    Only the holder of the folder's lock makes one, so a name left over by a
    crashed process is stale and may be removed.
    """

    def __init__(self, data_dir: Path, on_wake: Callable[[], None] = raise_windows,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_wake = on_wake
        self.server = QLocalServer(self)
        name = server_name(data_dir)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)
            if not self.server.listen(name):
                log.warning("second-start beacon unavailable: %s", self.server.errorString())
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if bytes(sock.readAll().data()).startswith(WAKE.strip()):
            log.info("a second start asked for this window")
            self.on_wake()

    def close(self) -> None:
        self.server.close()


def wake_first(data_dir: Path, timeout_ms: int = 1000) -> bool:
    """Ask the CivicDesk that holds ``data_dir`` to come forward; True if it heard."""
    sock = QLocalSocket()
    sock.connectToServer(server_name(data_dir))
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(WAKE)
    ok = sock.waitForBytesWritten(timeout_ms)
    sock.disconnectFromServer()
    return bool(ok)
