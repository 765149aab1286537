"""The budget tab of the grants page: the editable grid of lines with totals and warnings.

The grid's model and its category editor are classes of their own; :class:`BudgetPart` is
mixed into :class:`civicdesk.ui.grants.GrantsPage` and its texts are translated in the
page's context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import BudgetCategory
from civicdesk.domain.errors import UserError
from civicdesk.domain.formatting import format_money, parse_money
from civicdesk.domain.grants import (
    BudgetLine,
    BudgetTotals,
    budget_totals,
    check_budget,
)
from civicdesk.services import grants as svc
from civicdesk.ui.grants_part import GrantsPagePart
from civicdesk.ui.screens_common import (
    BAD_COLOR,
)

__all__ = ["BudgetModel", "BudgetPart", "CategoryDelegate", "EditLine"]


ModelIndex = QModelIndex | QPersistentModelIndex


def _dec(value: Decimal) -> str:
    """A quantity as typed: no trailing zeros, no exponent."""
    text = f"{value.normalize():f}"
    return text


@dataclass(frozen=True)
class EditLine:
    category: BudgetCategory = BudgetCategory.MATERIALS
    item: str = ""
    unit: str = ""
    qty: Decimal = Decimal(1)
    unit_cost: Decimal = Decimal(0)
    cofinancing: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return self.qty * self.unit_cost

    def domain(self) -> BudgetLine:
        return BudgetLine(self.category, self.item, self.unit, self.qty, self.unit_cost, self.cofinancing)


class BudgetModel(QAbstractTableModel):
    """The budget grid: one row per line and a totals row at the bottom.

    Columns: category, item, unit, quantity, unit cost, total (computed), co-financing.
    Money is shown as ``1 000 ₸`` and read back with ``parse_money``.
    """

    CATEGORY, ITEM, UNIT, QTY, UNIT_COST, TOTAL, COFIN = range(7)
    changed = Signal()
    # an amount or quantity that could not be read (row, column, what was typed)
    refused = Signal(int, int, str)

    def __init__(self, category_names: Callable[[], dict[BudgetCategory, str]],
                 headers: Callable[[], list[str]], total_label: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[EditLine] = []
        self.read_only = False
        self._names = category_names
        self._headers = headers
        self._total_label = total_label

    # --- content
    def set_lines(self, lines: list[EditLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def add_line(self, line: EditLine | None = None) -> None:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(line or EditLine())
        self.endInsertRows()
        self._totals_changed()

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self.lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.lines[row]
        self.endRemoveRows()
        self._totals_changed()

    def totals(self) -> BudgetTotals:
        return budget_totals([line.domain() for line in self.lines])

    def inputs(self) -> list[svc.BudgetLineInput]:
        return [svc.BudgetLineInput(line.category, line.item, line.qty, line.unit_cost, line.unit,
                                    line.cofinancing) for line in self.lines]

    def _totals_changed(self) -> None:
        last = len(self.lines)
        self.dataChanged.emit(self.index(last, 0), self.index(last, self.COFIN))
        self.changed.emit()

    # --- Qt model
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines) + 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def is_total_row(self, row: int) -> bool:
        return row == len(self.lines)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not 0 <= row <= len(self.lines):
            return None
        money_cols = (self.UNIT_COST, self.TOTAL, self.COFIN)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.QTY, *money_cols):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if self.is_total_row(row):
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            t = self.totals()
            if col == self.CATEGORY:
                return self._total_label()
            if col == self.TOTAL:
                return format_money(t.total, "kk")
            if col == self.COFIN:
                return format_money(t.cofinancing, "kk")
            return ""
        line = self.lines[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values: dict[int, str] = {
                self.CATEGORY: self._names().get(line.category, line.category.value),
                self.ITEM: line.item,
                self.UNIT: line.unit,
                self.QTY: _dec(line.qty),
                self.UNIT_COST: format_money(line.unit_cost, "kk"),
                self.TOTAL: format_money(line.total, "kk"),
                self.COFIN: format_money(line.cofinancing, "kk"),
            }
            return values.get(col)
        if role == Qt.ItemDataRole.EditRole:
            edit: dict[int, object] = {
                self.CATEGORY: line.category.value,
                self.ITEM: line.item,
                self.UNIT: line.unit,
                self.QTY: _dec(line.qty),
                self.UNIT_COST: format_money(line.unit_cost, "kk", with_symbol=False),
                self.TOTAL: format_money(line.total, "kk", with_symbol=False),
                self.COFIN: format_money(line.cofinancing, "kk", with_symbol=False),
            }
            return edit.get(col)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, col = index.row(), index.column()
        if self.read_only or not 0 <= row < len(self.lines) or col == self.TOTAL:
            return False
        line = self.lines[row]
        text = "" if value is None else str(value).strip()
        try:
            if col == self.CATEGORY:
                line = replace(line, category=BudgetCategory(text))
            elif col == self.ITEM:
                line = replace(line, item=text)
            elif col == self.UNIT:
                line = replace(line, unit=text)
            elif col == self.QTY:
                qty = Decimal(text.replace(",", ".").replace(" ", "").replace("\u00a0", ""))
                if qty < 0 or not qty.is_finite():
                    self.refused.emit(row, col, text)
                    return False
                line = replace(line, qty=qty)
            elif col == self.UNIT_COST:
                line = replace(line, unit_cost=parse_money(text))
            elif col == self.COFIN:
                line = replace(line, cofinancing=parse_money(text))
        except (ValueError, InvalidOperation, UserError):
            self.refused.emit(row, col, text)
            return False
        self.lines[row] = line
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COFIN))
        self._totals_changed()
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only or self.is_total_row(index.row()) or index.column() == self.TOTAL:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        if 0 <= section < len(self.lines):
            return str(section + 1)
        return "" if section == len(self.lines) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COFIN)
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines), 0))


class CategoryDelegate(QStyledItemDelegate):
    """A combo box for the budget category column."""

    def __init__(self, names: Callable[[], dict[BudgetCategory, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = names

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for cat, name in self._names().items():
            combo.addItem(name, cat.value)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class BudgetPart(GrantsPagePart):
    """The budget tab; needs the page's application view, call and error helpers."""

    def _category_names(self) -> dict[BudgetCategory, str]:
        return {
            BudgetCategory.PAY: QCoreApplication.translate("GrantsPage", "Pay and taxes"),
            BudgetCategory.TRAVEL: QCoreApplication.translate("GrantsPage", "Travel"),
            BudgetCategory.RENT: QCoreApplication.translate("GrantsPage", "Rent"),
            BudgetCategory.SERVICES: QCoreApplication.translate("GrantsPage", "Services"),
            BudgetCategory.MATERIALS: QCoreApplication.translate("GrantsPage", "Materials and equipment"),
            BudgetCategory.PUBLISHING: QCoreApplication.translate("GrantsPage", "Publishing"),
            BudgetCategory.ADMINISTRATION: QCoreApplication.translate("GrantsPage", "Administration"),
        }

    def _budget_headers(self) -> list[str]:
        return [QCoreApplication.translate("GrantsPage", "Category"), QCoreApplication.translate("GrantsPage", "Item"), QCoreApplication.translate("GrantsPage", "Unit"), QCoreApplication.translate("GrantsPage", "Qty"),
                QCoreApplication.translate("GrantsPage", "Unit cost"), QCoreApplication.translate("GrantsPage", "Total"), QCoreApplication.translate("GrantsPage", "Co-financing")]

    def _budget_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.budget = BudgetModel(self._category_names, self._budget_headers, lambda: QCoreApplication.translate("GrantsPage", "Total"), self)
        self.budget.changed.connect(self._budget_edited)
        self.budget.refused.connect(self._budget_refused)
        self.budget_view = QTableView()
        self.budget_view.setModel(self.budget)
        self.budget_view.setItemDelegateForColumn(BudgetModel.CATEGORY, CategoryDelegate(self._category_names, self))
        hh = self.budget_view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(BudgetModel.ITEM, QHeaderView.ResizeMode.Stretch)
        self.budget_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed
                                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
        v.addWidget(self.budget_view, 1)
        self.budget_input_error = QLabel()
        self.budget_input_error.setWordWrap(True)
        self.budget_input_error.setStyleSheet(f"color: {BAD_COLOR};")
        v.addWidget(self.budget_input_error)
        self.budget_summary = QLabel()
        self.budget_summary.setWordWrap(True)
        v.addWidget(self.budget_summary)
        self.budget_warnings = QLabel()
        self.budget_warnings.setWordWrap(True)
        self.budget_warnings.setStyleSheet(f"color: {BAD_COLOR};")
        v.addWidget(self.budget_warnings)
        row = QHBoxLayout()
        self.add_line_button = QPushButton()
        self.remove_line_button = QPushButton()
        self.save_budget_button = QPushButton()
        self.add_line_button.clicked.connect(self._add_line)
        self.remove_line_button.clicked.connect(self._remove_line)
        self.save_budget_button.clicked.connect(self.save_budget)
        row.addWidget(self.add_line_button)
        row.addWidget(self.remove_line_button)
        row.addStretch(1)
        row.addWidget(self.save_budget_button)
        v.addLayout(row)
        return w

    def _budget_edited(self) -> None:
        """The grid changed: new totals, and unsaved edits unless it is being loaded."""
        self.budget_input_error.setText("")
        self._budget_changed()
        if not self._loading and self.budget.lines and self.view is not None and not self.budget.read_only:
            self._mark_dirty()

    def _budget_changed(self) -> None:
        """Totals and warnings of the grid (shown again on reloads; marks nothing)."""
        if not hasattr(self, "budget_summary"):
            return
        lang = self.env.lang
        t = self.budget.totals()
        share = f"{(t.cofinancing_share * 100).quantize(Decimal('0.1'))}".replace(".", ",")
        self.budget_summary.setText(
            QCoreApplication.translate("GrantsPage", "Total %1, co-financing %2 (%3 %), requested %4")
            .replace("%1", format_money(t.total, lang)).replace("%2", format_money(t.cofinancing, lang))
            .replace("%3", share).replace("%4", format_money(t.requested, lang)))
        ceiling = min(self.call.limit, self.call.left + (
            self.view.awarded_amount or Decimal(0) if self.view else Decimal(0))) if self.call else None
        warnings = check_budget([line.domain() for line in self.budget.lines], requested_ceiling=ceiling) if self.budget.lines else []
        self.budget_warnings.setText("\n".join(w.text(lang) for w in warnings))

    def _budget_refused(self, row: int, col: int, text: str) -> None:
        """Letters in a price do not vanish silently: say what was wrong, where."""
        self.budget_input_error.setText(
            QCoreApplication.translate("GrantsPage", "Line %1: «%2» is not a number. Type digits only, e.g. 15 000 or 12,5.")
            .replace("%1", str(row + 1)).replace("%2", text))

    def _add_line(self) -> None:
        self.budget.add_line()
        self.budget_view.setCurrentIndex(self.budget.index(len(self.budget.lines) - 1, BudgetModel.ITEM))

    def _remove_line(self) -> None:
        rows = sorted({i.row() for i in self.budget_view.selectedIndexes()}, reverse=True)
        for r in rows:
            self.budget.remove_line(r)

    @Slot()
    def save_budget(self) -> None:
        if self.view is None:
            return
        ctx, app_id = self.env.ctx(), self.view.id
        lines = self.budget.inputs()

        def work() -> svc.ApplicationView:
            svc.replace_budget(ctx, app_id, lines)
            return svc.get_application(ctx, app_id)

        self.env.runner.db(work, on_done=self._saved, on_error=self._fail(None))
