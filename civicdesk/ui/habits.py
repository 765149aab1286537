"""Office habits every page gets from the main window, without code of its own:

* Ctrl+N, Ctrl+F, Ctrl+S, F5 and Ctrl+P run the page's method when it has one
  (``new_item``, ``focus_search``, ``save_current``, ``refresh``, ``print_current``),
  else press the page's button of that action (``new_button``, ``search`` box,
  ``save_button``, ``refresh_button``, a print button); Ctrl+P on a page with no print
  button of its own prints the list the page shows.
* A right-click menu on every list: open, new, copy the row, export to Excel, print
  the list, refresh.
* Export of the list the page shows, with its search, filters and order, to XLSX (or
  a PDF to print), made by ``services.list_export`` on the database thread.

A page may add ``export_note() -> str`` (its filters in words) to head the exported
sheet; the search text is used otherwise.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, QPoint, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFileDialog,
    QLineEdit,
    QMenu,
    QTableView,
    QTableWidget,
    QWidget,
)

from civicdesk.ui.common import file_name
from civicdesk.ui.env import UiEnv
from civicdesk.ui.paged import PagedTableModel

Format = Literal["xlsx", "pdf"]

#: the buttons that stand for an action when a page has no method of that name
BUTTONS: dict[str, tuple[str, ...]] = {
    "new_item": ("new_button", "add_button"),
    "save_current": ("save_button",),
    "refresh": ("refresh_button",),
    "print_current": ("print_button", "print_minutes_button", "preview_button",
                      "pdf_button", "print_attendance_button"),
}


def _usable(button: object) -> bool:
    return (isinstance(button, QAbstractButton) and button.isVisible()
            and button.isEnabled())


def page_action(page: QWidget | None, method: str) -> Callable[[], None] | None:
    """What the shortcut ``method`` does on ``page``, or None when the page has no
    such action (or it is off at the moment)."""
    if page is None:
        return None
    fn = getattr(page, method, None)
    if callable(fn):
        return fn  # type: ignore[no-any-return]
    if method == "focus_search":
        box = getattr(page, "search", None)
        if isinstance(box, QLineEdit) and box.isVisible():
            return lambda: _focus_box(box)
        return None
    for name in BUTTONS.get(method, ()):
        button = getattr(page, name, None)
        if _usable(button):
            assert isinstance(button, QAbstractButton)
            return button.click
    return None


def _focus_box(box: QLineEdit) -> None:
    box.setFocus(Qt.FocusReason.ShortcutFocusReason)
    box.selectAll()


def main_list(page: QWidget | None) -> QTableView | None:
    """The list a page shows: its ``table``, else its first visible read-only table."""
    if page is None:
        return None
    table = getattr(page, "table", None)
    if isinstance(table, QTableView):
        return table
    for view in page.findChildren(QTableView):
        if view.isVisible() and is_list(view):
            return view
    return None


def is_list(view: QTableView) -> bool:
    """A table of records (not a grid the user types into)."""
    if view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers:
        return True
    if isinstance(view, QTableWidget):
        return False
    model = view.model()
    # a model that cannot take typed values is a list, whatever the view's triggers
    return model is not None and type(model).setData is QAbstractItemModel.setData


def _visible_columns(view: QTableView) -> list[int]:
    header = view.horizontalHeader()
    model = view.model()
    cols = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    return sorted(cols, key=header.visualIndex)


def headers_of(view: QTableView) -> list[str]:
    model = view.model()
    return [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            for c in _visible_columns(view)]


def shown_rows(view: QTableView) -> list[list[str]]:
    """The texts of every row the view holds, as shown (for short in-memory lists)."""
    model = view.model()
    cols = _visible_columns(view)
    return [[str(model.data(model.index(r, c)) or "") for c in cols]
            for r in range(model.rowCount())]


def documents_folder() -> Path:
    path = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(path) if path else Path.home()


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the spreadsheet (tests replace this function)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ListHabits", "Export to Excel"), str(suggested),
        QCoreApplication.translate("ListHabits", "Excel workbooks (*.xlsx)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


def export_note(page: QWidget | None) -> str:
    fn = getattr(page, "export_note", None)
    if callable(fn):
        return str(fn())
    box = getattr(page, "search", None)
    if isinstance(box, QLineEdit) and box.text().strip():
        return QCoreApplication.translate("ListHabits", "Search: %1").replace("%1", box.text().strip())
    return ""


class ListHabits(QObject):
    """The right-click menu, export and printout of the lists of one page."""

    def __init__(self, env: UiEnv, page: QWidget, key: str, title: Callable[[], str]) -> None:
        super().__init__(page)
        self.env = env
        self.page = page
        self.key = key
        self.title = title
        self.last_menu: QMenu | None = None
        #: where the last export was saved (the main window remembers it per user)
        self.folder: Path | None = None
        #: called with the written file once an export is done
        self.on_exported: Callable[[Path], None] | None = None
        self.views: list[QTableView] = []
        for view in page.findChildren(QTableView):
            if is_list(view):
                self.attach(view)

    def attach(self, view: QTableView) -> None:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos, v=view: self.show_menu(v, pos))
        copy = QAction(view)
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(lambda _c=False, v=view: self.copy_row(v))
        view.addAction(copy)
        self.views.append(view)

    # --- the menu ------------------------------------------------------------------

    def build_menu(self, view: QTableView, pos: QPoint) -> QMenu:
        index = view.indexAt(pos)
        if index.isValid():
            view.selectRow(index.row())
            view.setCurrentIndex(index)
        menu = QMenu(view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def add(text: str, slot: Callable[[], object], keys: QKeySequence | None = None,
                enabled: bool = True) -> None:
            act = menu.addAction(text)
            act.setObjectName(text)
            if keys is not None:
                act.setShortcut(keys)
            act.setEnabled(enabled)
            act.triggered.connect(lambda _c=False: slot())

        if index.isValid():
            add(QCoreApplication.translate("ListHabits", "Open"), lambda: view.doubleClicked.emit(index), QKeySequence("Return"))
            # a page may offer more for the row (``row_actions``: text, slot, enabled)
            row_actions = getattr(self.page, "row_actions", None)
            if callable(row_actions):
                for text, slot, enabled in row_actions():
                    add(text, slot, enabled=enabled)
        new = page_action(self.page, "new_item")
        if new is not None:
            add(QCoreApplication.translate("ListHabits", "New…"), new, QKeySequence(QKeySequence.StandardKey.New))
        add(QCoreApplication.translate("ListHabits", "Copy row"), lambda: self.copy_row(view),
            QKeySequence(QKeySequence.StandardKey.Copy), index.isValid())
        menu.addSeparator()
        add(QCoreApplication.translate("ListHabits", "Export to Excel…"), lambda: self.export(view, "xlsx"))
        add(QCoreApplication.translate("ListHabits", "Print the list…"), lambda: self.export(view, "pdf"))
        refresh = page_action(self.page, "refresh")
        if refresh is not None:
            menu.addSeparator()
            add(QCoreApplication.translate("ListHabits", "Refresh"), refresh, QKeySequence(Qt.Key.Key_F5))
        return menu

    def show_menu(self, view: QTableView, pos: QPoint) -> None:
        self.last_menu = self.build_menu(view, pos)
        self.last_menu.popup(view.viewport().mapToGlobal(pos))

    def copy_row(self, view: QTableView) -> None:
        index = view.currentIndex()
        if not index.isValid():
            return
        model = view.model()
        texts = [str(model.data(model.index(index.row(), c)) or "")
                 for c in _visible_columns(view)]
        QGuiApplication.clipboard().setText("\t".join(texts))

    # --- export and print ------------------------------------------------------------

    def export(self, view: QTableView | None = None, fmt: Format = "xlsx",
               path: Path | None = None) -> bool:
        """Export (``xlsx``: asks where, unless ``path``) or print (``pdf``: opens the
        preview) the list. False when there is no list or the user cancelled."""
        view = view or main_list(self.page)
        if view is None:
            return False
        title = self.title()
        if fmt == "xlsx" and path is None:
            folder = self.folder or documents_folder()
            path = ask_save_path(self.page, folder / file_name(title, fmt))
            if path is None:
                return False
        if path is None:
            folder = Path(tempfile.mkdtemp(prefix="list-", dir=_print_folder()))
            path = folder / file_name(title, fmt)
        # the spreadsheet and PDF libraries load on the first export, not at start-up
        from civicdesk.services.list_export import ListTable, export_paged, export_rows

        table = ListTable(self.key, title, headers_of(view), note=export_note(self.page))
        target = path
        model = view.model()
        if isinstance(model, PagedTableModel):
            fetch, query, values = model.export_source(_visible_columns(view))
            self.env.runner.db(export_paged, self.env.ctx(), table, fetch, query, values,
                               target, fmt, on_done=lambda _n: self._done(target, fmt))
        else:
            rows = shown_rows(view)
            self.env.runner.db(export_rows, self.env.ctx(), table, rows, target, fmt,
                               on_done=lambda _n: self._done(target, fmt))
        return True

    def _done(self, path: Path, fmt: Format) -> None:
        if fmt == "xlsx":
            self.folder = path.parent
            window = self.page.window()
            bar = getattr(window, "statusBar", None)
            if callable(bar):
                bar().showMessage(QCoreApplication.translate("ListHabits", "Saved: %1").replace("%1", str(path)), 15000)
        elif self.page.isVisible():
            from civicdesk.ui.pdf_preview import PdfPreviewDialog

            dialog = PdfPreviewDialog(path, self.title(), self.page)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
        if self.on_exported is not None:
            self.on_exported(path)


def _print_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "civicdesk-print"
    folder.mkdir(parents=True, exist_ok=True)
    return folder

