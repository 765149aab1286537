"""What the tabs of the Volunteers page share: the list view, the date box, the error
line, a service call whose refusal shows in that line, the question before a deletion,
and the row actions of the right-click menu."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QWidget,
)

from civicdesk.ui.common import qdate
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import show_error_text

__all__ = ["RowAction", "ask_delete", "date_edit", "error_label", "list_view", "num",
           "run_shown"]

#: (text, what it does, whether it is enabled) of one entry of a list's right-click menu
RowAction = tuple[str, Callable[[], None], bool]


def num(value: Decimal | None) -> str:
    """A quantity as a Kazakh or Russian reader writes it: ``2,5``."""
    if value is None:
        return ""
    return f"{value.normalize():f}".replace(".", ",")


def list_view(model: Any, widths: tuple[int, ...], *, descending: bool = True) -> QTableView:
    """A read-only list of one selectable row at a time, sorted by its first column."""
    t = QTableView()
    t.setModel(model)
    t.setSortingEnabled(True)
    t.horizontalHeader().setSortIndicator(
        0, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    for col, width in enumerate(widths):
        t.setColumnWidth(col, width)
    return t


def date_edit() -> QDateEdit:
    d = QDateEdit()
    d.setCalendarPopup(True)
    d.setDisplayFormat("dd.MM.yyyy")
    d.setDate(qdate(date.today()))
    return d


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


def ask_delete(parent: QWidget, title: str, text: str) -> bool:
    """Ask before a deletion; "No" is the default answer."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == int(QMessageBox.StandardButton.Yes)


def run_shown(env: UiEnv, error: QLabel, fn: Callable[..., Any], *args: Any,
              on_done: Callable[[Any], None]) -> None:
    """``fn(ctx, *args)`` on the database thread, the tab's error line cleared first; a
    refusal (kk/ru) is shown in that line."""
    error.clear()
    env.runner.db(fn, env.ctx(), *args, on_done=on_done,
                  on_error=lambda e: show_error_text(error, env, e))
