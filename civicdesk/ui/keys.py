"""Keyboard habits every window shares.

* Tab moves between fields everywhere: a plain-text box (a question, an advice, a
  note) takes Tab as a move to the next field instead of typing a tab character into
  the saved text; Ctrl+Tab types the tab character when one is really wanted.
* A list the keyboard reaches shows that it has the focus.

:func:`office_keys` applies them to a window or page and everything in it; the main
window calls it for each page, :class:`~civicdesk.ui.common.FormDialog` for each form.
(An application-wide event filter would see every event of the program in Python and
slow down scrolling; a filter on the text boxes alone costs nothing.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QListView, QPlainTextEdit, QTextEdit, QWidget

#: drawn around a list while it has the keyboard focus
FOCUS_STYLE = "QListView:focus { border: 2px solid palette(highlight); }"
#: a widget with this property set to True keeps its own Tab handling
KEEP_TAB = "civicdeskKeepsTab"

TextBox = QPlainTextEdit | QTextEdit


class CtrlTab(QObject):
    """On a text box: Ctrl+Tab types a tab character."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(watched, TextBox)
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Tab
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
                and not watched.isReadOnly()):
            watched.insertPlainText("\t")
            return True
        return False


_ctrl_tab: CtrlTab | None = None


def _filter() -> CtrlTab:
    global _ctrl_tab
    if _ctrl_tab is None:
        _ctrl_tab = CtrlTab(QApplication.instance())
    return _ctrl_tab


def office_keys(root: QWidget) -> None:
    """Apply the habits to ``root`` and every widget in it (calling it again is harmless)."""
    boxes: list[QWidget] = [*root.findChildren(QPlainTextEdit), *root.findChildren(QTextEdit)]
    if isinstance(root, TextBox):
        boxes.append(root)
    for box in boxes:
        if not isinstance(box, TextBox) or box.property(KEEP_TAB):
            continue
        box.setTabChangesFocus(True)
        box.removeEventFilter(_filter())
        box.installEventFilter(_filter())
    views = [*root.findChildren(QListView), *([root] if isinstance(root, QListView) else [])]
    for view in views:
        if not view.styleSheet() and view.window().windowType() != Qt.WindowType.Popup:
            view.setStyleSheet(FOCUS_STYLE)


_hooked = False


def _focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    if isinstance(new, TextBox | QListView):
        office_keys(new)


def install_office_keys() -> None:
    """Also apply the habits to any text box or list as it gets the focus, so boxes
    a page adds later (a booklet's new section) behave the same. Focus changes are
    rare events: this costs nothing while scrolling or typing."""
    global _hooked
    app = QApplication.instance()
    if _hooked or not isinstance(app, QApplication):
        return
    app.focusChanged.connect(_focus_changed)
    _hooked = True
