"""What the window remembers for each user of a shared PC: its size and place, the
splitters and list columns (widths and sort) of every page, the language, the last
export folder.

Kept in ``ui-settings.ini`` in the data folder (beside the database, so a backup of
the folder keeps it too), one group per user id: two consultants on one PC each find
the window as they left it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QTableView, QWidget

from civicdesk.domain.errors import Lang

FILE_NAME = "ui-settings.ini"


class UiMemory:
    def __init__(self, data_dir: Path, user_id: str | None) -> None:
        self.settings = QSettings(str(Path(data_dir) / FILE_NAME), QSettings.Format.IniFormat)
        self.prefix = f"user-{user_id or 'anonymous'}"

    def _key(self, *parts: str) -> str:
        return "/".join((self.prefix, *parts))

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.settings.value(self._key(key))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def sync(self) -> None:
        self.settings.sync()

    # --- the window ------------------------------------------------------------------

    def save_window(self, window: QMainWindow) -> None:
        maximized = window.isMaximized()
        rect = window.normalGeometry() if maximized else window.geometry()
        self.settings.setValue(self._key("window", "rect"),
                               [rect.x(), rect.y(), rect.width(), rect.height()])
        self.settings.setValue(self._key("window", "maximized"), maximized)

    def restore_window(self, window: QMainWindow) -> bool:
        """Size and place as left (kept on a screen that is there now)."""
        value = self.settings.value(self._key("window", "rect"))
        try:
            x, y, w, h = (int(v) for v in value)  # type: ignore[union-attr]
        except (TypeError, ValueError):
            return False
        rect = QRect(x, y, w, h)
        screen = QGuiApplication.screenAt(rect.center()) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            rect.setWidth(min(rect.width(), area.width()))
            rect.setHeight(min(rect.height(), area.height()))
            if not area.intersects(rect):
                rect.moveTopLeft(area.topLeft())
        window.resize(rect.size())
        window.move(rect.topLeft())
        if str(self.settings.value(self._key("window", "maximized"), "false")) == "true":
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return True

    # --- pages -------------------------------------------------------------------------

    def save_page(self, key: str, page: QWidget) -> None:
        for i, split in enumerate(page.findChildren(QSplitter)):
            self.settings.setValue(self._key("pages", key, f"splitter{i}"), split.saveState())
        for i, view in enumerate(page.findChildren(QTableView)):
            header = view.horizontalHeader()
            self.settings.setValue(self._key("pages", key, f"list{i}"), header.saveState())

    def restore_page(self, key: str, page: QWidget) -> None:
        for i, split in enumerate(page.findChildren(QSplitter)):
            state = self._bytes(f"pages/{key}/splitter{i}")
            if state is not None:
                split.restoreState(state)
        for i, view in enumerate(page.findChildren(QTableView)):
            state = self._bytes(f"pages/{key}/list{i}")
            if state is None:
                continue
            header = view.horizontalHeader()
            if header.count() and header.restoreState(state):
                self._apply_sort(view, header)

    @staticmethod
    def _apply_sort(view: QTableView, header: QHeaderView) -> None:
        """A list sorted in SQL sorts again by the remembered column."""
        if not view.isSortingEnabled():
            return
        section = header.sortIndicatorSection()
        if 0 <= section < header.count():
            view.sortByColumn(section, header.sortIndicatorOrder())

    # --- small values ------------------------------------------------------------------

    def language(self) -> Lang | None:
        value = self.settings.value(self._key("language"))
        return value if value in ("kk", "ru") else None  # type: ignore[return-value]

    def set_language(self, lang: Lang) -> None:
        self.settings.setValue(self._key("language"), lang)

    def folder(self, name: str) -> Path | None:
        value = self.settings.value(self._key("folders", name))
        return Path(str(value)) if value else None

    def set_folder(self, name: str, folder: Path) -> None:
        self.settings.setValue(self._key("folders", name), str(folder))
