"""The Sync page's list of rows the server refused: which record, and why in the
user's language (the reasons are kept with the row in ``sync_conflicts``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from civicdesk.domain.errors import Lang
from civicdesk.services import sync
from civicdesk.services.sync import ConflictView


def setup_table(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)


def fit_columns(table: QTableWidget, widths: tuple[int, ...]) -> None:
    """Column widths, never narrower than the header text of the current language."""
    header = table.horizontalHeader()
    for col, width in enumerate(widths):
        needed = header.sectionSizeFromContents(col).width() + 6
        table.setColumnWidth(col, max(width, needed))


class RefusedTable(QTableWidget):
    """Record (kind and id) and the server's reason, one row per refused row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        setup_table(self)
        self.rows: list[ConflictView] = []

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Id"), self.tr("Reason")])
        fit_columns(self, (180, 300))

    def fill(
        self, rows: list[ConflictView], lang: Lang, table_name: Callable[[str], str]
    ) -> None:
        self.rows = rows
        self.setRowCount(len(rows))
        for r, c in enumerate(rows):
            why = sync.refusal_reason(c, lang)
            for col, text in enumerate((table_name(c.table), c.row_id, why)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{c.table} {c.row_id}" if col < 2 else text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.setItem(r, col, item)
