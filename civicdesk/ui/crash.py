"""The crash dialog: a bug (not a user error) was caught; say so, log it, keep going."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)

_showing = False


def show_crash_dialog(exc: BaseException, tb: str) -> None:
    """Tell the user that something went wrong; details hold the traceback."""
    global _showing
    log.error("Unhandled error: %r\n%s", exc, tb)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("CrashDialog", "Unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "CrashDialog",
                "Something went wrong inside CivicDesk. Your saved work is safe. "
                "The details were written to the log file; please send it to head office.",
            )
        )
        box.setDetailedText(tb)
        box.exec()
    finally:
        _showing = False
