"""Keyboard habits every window shares.

* Tab moves between fields everywhere: a plain-text box (a question, an advice, a
  note) takes Tab as a move to the next field instead of typing a tab character into
  the saved text; Ctrl+Tab types the tab character when one is really wanted.
* A list the keyboard reaches shows that it has the focus (not the drop-down lists of
  combo boxes, which are open only while used).

One application-wide event filter does it, so every form and page, present or
future, behaves the same without code of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QListView, QPlainTextEdit, QTextEdit

#: drawn around a list while it has the keyboard focus
FOCUS_STYLE = "QListView:focus { border: 2px solid palette(highlight); }"
#: a widget with this property set to True keeps its own Tab handling
KEEP_TAB = "civicdeskKeepsTab"

TextBox = QPlainTextEdit | QTextEdit


class OfficeKeys(QObject):
    """The application event filter (see the module text)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Polish, QEvent.Type.FocusIn):
            if isinstance(watched, TextBox) and not watched.property(KEEP_TAB):
                watched.setTabChangesFocus(True)
            elif (isinstance(watched, QListView) and kind == QEvent.Type.Polish
                  and not watched.styleSheet()
                  and watched.window().windowType() != Qt.WindowType.Popup):
                watched.setStyleSheet(FOCUS_STYLE)
        elif (kind == QEvent.Type.KeyPress and isinstance(watched, TextBox)
              and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Tab
              and event.modifiers() == Qt.KeyboardModifier.ControlModifier
              and not watched.isReadOnly()):
            watched.insertPlainText("\t")
            return True
        return False


_filter: OfficeKeys | None = None


def install_office_keys() -> None:
    """Install the filter on the running application (once; later calls do nothing)."""
    global _filter
    app = QApplication.instance()
    if app is None or _filter is not None:
        return
    _filter = OfficeKeys(app)
    app.installEventFilter(_filter)
