"""Small-grants competition: calls with their pool, applications, budget, reviews, award.

Top: the call and how much of its pool is awarded. Left: applications of the call,
filtered by status, paged in SQL. Right: the application in tabs - details, the
editable budget grid with totals and warnings, reviews with the scoring rubric,
status and award, indicators and reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
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
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import ApplicantKind, ApplicationStatus, BudgetCategory
from civicdesk.domain.errors import UserError
from civicdesk.domain.formatting import format_date, format_money, parse_money
from civicdesk.domain.grants import (
    DEFAULT_MIN_REVIEWS,
    MAX_MIN_REVIEWS,
    STATUS_NAMES,
    TRANSITIONS,
    BudgetLine,
    BudgetTotals,
    budget_totals,
    check_budget,
)
from civicdesk.services import grants as svc
from civicdesk.services import printing as print_svc
from civicdesk.services import reference
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.reference import Named
from civicdesk.ui.env import UiEnv
from civicdesk.ui.problems_link import LinkProblemButton
from civicdesk.ui.screens_common import (
    BAD_COLOR,
    PAGE_SIZE,
    Column,
    FieldErrors,
    ListEditor,
    Pager,
    Retranslating,
    RowsModel,
    confirm_discard,
    editor_pane,
    end_form,
    from_qdate,
    heading_label,
    render_and_preview,
    rows_table,
    show_user_error,
    side_by_side,
    to_qdate,
)

__all__ = ["BudgetModel", "GrantsPage"]

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
    #: an amount or quantity that could not be read (row, column, what was typed)
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


class CallDialog(QDialog):
    """A new competition: titles in both languages, region, pool, dates."""

    def __init__(self, page: GrantsPage) -> None:
        super().__init__(page)
        self.page = page
        self.setWindowTitle(self.tr("New competition"))
        form = QFormLayout(self)
        self.errors = FieldErrors()
        self.title_kk, self.title_ru = QLineEdit(), QLineEdit()
        self.region = QComboBox()
        self.pool = QLineEdit("1 000 000")
        self.max_grant = QLineEdit()
        self.max_grant.setPlaceholderText(self.tr("the whole pool"))
        self.min_reviews = QSpinBox()
        self.min_reviews.setRange(1, MAX_MIN_REVIEWS)
        self.min_reviews.setValue(DEFAULT_MIN_REVIEWS)
        self.opens_on, self.closes_on = QDateEdit(), QDateEdit()
        for d in (self.opens_on, self.closes_on):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd.MM.yyyy")
            d.setDate(to_qdate(date.today()))
        self.closes_on.setDate(self.closes_on.date().addMonths(1))
        rows: list[tuple[str, str, QWidget]] = [
            (self.tr("Title in Kazakh"), "title", self.title_kk),
            (self.tr("Title in Russian"), "title_ru", self.title_ru),
            (self.tr("Region"), "region_kato", self.region),
            (self.tr("Pool, ₸"), "pool", self.pool),
            (self.tr("Most one application may ask, ₸"), "max_grant", self.max_grant),
            (self.tr("Reviews needed for approval"), "min_reviews", self.min_reviews),
            (self.tr("Applications from"), "opens_on", self.opens_on),
            (self.tr("Applications until"), "closes_on", self.closes_on),
        ]
        for text, name, widget in rows:
            self.errors.add_row(form, QLabel(text), name, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.created: svc.GrantCallView | None = None
        page.env.runner.db(reference.regions, page.env.ctx(), on_done=self._got_regions)

    def _got_regions(self, items: list[Named]) -> None:
        for r in items:
            self.region.addItem(r.name(self.page.env.lang), r.code)

    def save(self) -> None:
        self.errors.clear()
        env = self.page.env
        try:
            pool = parse_money(self.pool.text(), field="pool")
            max_grant = (parse_money(self.max_grant.text(), field="max_grant")
                         if self.max_grant.text().strip() else None)
        except UserError as e:
            self.errors.show(e, env.lang)
            return
        data = svc.GrantCallInput(
            title_kk=self.title_kk.text(), title_ru=self.title_ru.text(),
            region_kato=str(self.region.currentData() or ""), pool=pool,
            opens_on=from_qdate(self.opens_on.date()) or date.today(),
            closes_on=from_qdate(self.closes_on.date()) or date.today(),
            min_reviews=self.min_reviews.value(), max_grant=max_grant)

        def done(call: svc.GrantCallView) -> None:
            self.created = call
            self.accept()

        env.runner.db(svc.create_call, env.ctx(), data, on_done=done,
                      on_error=lambda e: show_user_error(self, env, e, self.errors))


class GrantsPage(QWidget, Retranslating, ListEditor):
    """Calls, applications and everything about one application."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.calls: list[svc.GrantCallRow] = []
        self.view: svc.ApplicationView | None = None
        self.call: svc.GrantCallView | None = None
        self.dirty = False
        self._loading = False
        self.show_previews = True
        self.on_rendered: Callable[[object], None] | None = None

        # --------------------------------------------------------------- top bar
        self.call_combo = QComboBox()
        self.call_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.call_combo.currentIndexChanged.connect(self._call_chosen)
        self.l_call = QLabel()
        self.pool_bar = QProgressBar()
        self.pool_bar.setTextVisible(True)
        self.pool_bar.setMinimumWidth(320)
        self.blank_button = QPushButton()
        self.blank_button.clicked.connect(self.print_blank)
        self.new_call_button = QPushButton()
        self.new_call_button.clicked.connect(self.new_call)
        self.new_call_button.setVisible(env.is_manager)
        top = QHBoxLayout()
        top.addWidget(self.l_call)
        top.addWidget(self.call_combo, 1)
        top.addWidget(self.new_call_button)
        top.addWidget(self.pool_bar, 1)
        top.addWidget(self.blank_button)

        # ----------------------------------------------------------- applications
        self.status_filter = QComboBox()
        self.status_filter.addItem("", None)
        for st in ApplicationStatus:
            self.status_filter.addItem("", st.value)
        self.status_filter.currentIndexChanged.connect(lambda: self.reload(0))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.reload(0))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_application)
        self.model: RowsModel[svc.ApplicationRow] = RowsModel([
            Column(lambda: self.tr("Project"), lambda r: f"{r.title}\n{r.applicant_name}"),
            Column(lambda: self.tr("Status"), lambda r: STATUS_NAMES[r.status].text(self.env.lang)),
            Column(lambda: self.tr("Award"), lambda r: format_money(r.awarded_amount, self.env.lang) if r.awarded_amount else "", align_right=True),
        ], self)
        self.table = rows_table(self.model, 0)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.pager = Pager(PAGE_SIZE)
        self.pager.page_requested.connect(self.reload)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        filt = QHBoxLayout()
        filt.addWidget(self.status_filter)
        filt.addWidget(self.search, 1)
        lv.addLayout(filt)
        lv.addWidget(self.table, 1)
        bottom_left = QHBoxLayout()
        bottom_left.addWidget(self.pager, 1)
        bottom_left.addWidget(self.new_button)
        lv.addLayout(bottom_left)

        # ----------------------------------------------------------------- editor
        self.title_label = heading_label()
        self.status_label = QLabel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), "")
        self.tabs.addTab(self._budget_tab(), "")
        self.tabs.addTab(self._status_tab(), "")
        self.tabs.addTab(self._reviews_tab(), "")
        self.tabs.addTab(self._results_tab(), "")
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_application)
        link = LinkProblemButton(env, "grant_application", lambda: self.view.id if self.view else None)
        self.editor = editor_pane(self.title_label, self.status_label, self.tabs, [link, self.print_button])

        split = side_by_side(left, self.editor, (2, 3), [470, 870])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)

        self._bind_texts()
        self._show(None)
        env.signals.data_changed.connect(self._data_changed)
        self.reload_calls()

    # ================================================================ building
    def _details_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors()
        self.applicant_kind = QComboBox()
        for k in ApplicantKind:
            self.applicant_kind.addItem("", k.value)
        self.applicant_name = QLineEdit()
        self.bin = QLineEdit()
        self.bin.setMaxLength(12)
        self.bin.setInputMask("")
        self.leader = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.app_title = QLineEdit()
        self.problem = QPlainTextEdit()
        self.goal = QPlainTextEdit()
        self.activities = QPlainTextEdit()
        for p in (self.problem, self.goal, self.activities):
            p.setMaximumHeight(54)
        self.target_group = QLineEdit()
        self.beneficiaries = QSpinBox()
        self.beneficiaries.setRange(0, 1_000_000)
        dates = QWidget()
        dh = QHBoxLayout(dates)
        dh.setContentsMargins(0, 0, 0, 0)
        self.starts_on = QDateEdit()
        self.ends_on = QDateEdit()
        for d in (self.starts_on, self.ends_on):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd.MM.yyyy")
        self.l_dash = QLabel("—")
        dh.addWidget(self.starts_on)
        dh.addWidget(self.l_dash)
        dh.addWidget(self.ends_on)
        dh.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_details)
        self.labels: dict[str, QLabel] = {}
        fields: list[tuple[str, QWidget]] = [
            ("applicant_kind", self.applicant_kind), ("applicant_name", self.applicant_name),
            ("bin", self.bin), ("leader_name", self.leader), ("contact_phone", self.phone),
            ("contact_email", self.email), ("title", self.app_title), ("problem", self.problem),
            ("goal", self.goal), ("activities", self.activities), ("target_group", self.target_group),
            ("beneficiaries", self.beneficiaries), ("starts_on", dates),
        ]
        for name, widget in fields:
            label = QLabel()
            self.labels[name] = label
            self.errors.add_row(form, label, name, widget)
        self.errors.labels["ends_on"] = self.errors.labels["starts_on"]
        bl = QHBoxLayout()
        bl.addStretch(1)
        bl.addWidget(self.save_button)
        form.addRow(bl)
        for e in (self.applicant_name, self.bin, self.leader, self.phone, self.email, self.app_title, self.target_group):
            e.textEdited.connect(self._mark_dirty)
        for p in (self.problem, self.goal, self.activities):
            p.textChanged.connect(self._mark_dirty)
        self.applicant_kind.currentIndexChanged.connect(self._mark_dirty)
        self.beneficiaries.valueChanged.connect(self._mark_dirty)
        self.starts_on.dateChanged.connect(self._mark_dirty)
        self.ends_on.dateChanged.connect(self._mark_dirty)
        from PySide6.QtWidgets import QScrollArea

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(w)
        return scroll

    def _category_names(self) -> dict[BudgetCategory, str]:
        return {
            BudgetCategory.PAY: self.tr("Pay and taxes"),
            BudgetCategory.TRAVEL: self.tr("Travel"),
            BudgetCategory.RENT: self.tr("Rent"),
            BudgetCategory.SERVICES: self.tr("Services"),
            BudgetCategory.MATERIALS: self.tr("Materials and equipment"),
            BudgetCategory.PUBLISHING: self.tr("Publishing"),
            BudgetCategory.ADMINISTRATION: self.tr("Administration"),
        }

    def _budget_headers(self) -> list[str]:
        return [self.tr("Category"), self.tr("Item"), self.tr("Unit"), self.tr("Qty"),
                self.tr("Unit cost"), self.tr("Total"), self.tr("Co-financing")]

    def _budget_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.budget = BudgetModel(self._category_names, self._budget_headers, lambda: self.tr("Total"), self)
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

    def _status_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.status_box = QGroupBox()
        self.status_buttons: dict[ApplicationStatus, QPushButton] = {}
        grid = QGridLayout(self.status_box)
        for i, st in enumerate(ApplicationStatus):
            if st is ApplicationStatus.DRAFT:
                continue
            b = QPushButton()
            b.clicked.connect(lambda _=False, st=st: self.move_to(st))
            self.status_buttons[st] = b
            grid.addWidget(b, (i - 1) // 3, (i - 1) % 3)
        self.return_button = QPushButton()
        self.return_button.clicked.connect(lambda: self.move_to(ApplicationStatus.DRAFT))
        grid.addWidget(self.return_button, 3, 0, 1, 3)
        v.addWidget(self.status_box)

        self.award_box = QGroupBox()
        af = QFormLayout(self.award_box)
        self.award_errors = FieldErrors()
        self.award_amount = QLineEdit()
        self.award_on = QDateEdit()
        self.award_on.setCalendarPopup(True)
        self.award_on.setDisplayFormat("dd.MM.yyyy")
        self.award_on.setDate(to_qdate(date.today()))
        self.award_button = QPushButton()
        self.award_button.clicked.connect(self.award)
        self.l_amount, self.l_award_on = QLabel(), QLabel()
        self.award_errors.add_row(af, self.l_amount, "amount", self.award_amount)
        af.addRow(self.l_award_on, self.award_on)
        self.award_info = QLabel()
        self.award_info.setWordWrap(True)
        af.addRow(self.award_info)
        ab = QHBoxLayout()
        ab.addStretch(1)
        ab.addWidget(self.award_button)
        af.addRow(ab)
        v.addWidget(self.award_box)
        v.addStretch(1)
        return w

    def _reviews_tab(self) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        self.reviews_list = QListWidget()
        self.reviews_list.setWordWrap(True)
        left = QVBoxLayout()
        self.average_label = QLabel()
        left.addWidget(self.average_label)
        left.addWidget(self.reviews_list, 1)
        h.addLayout(left, 2)
        self.review_box = QGroupBox()
        self.review_form = QFormLayout(self.review_box)
        self.review_errors = FieldErrors()
        self.reviewer = QLineEdit()
        self.l_reviewer = QLabel()
        self.review_errors.add_row(self.review_form, self.l_reviewer, "reviewer_name", self.reviewer)
        self.conflict = QCheckBox()
        self.conflict.toggled.connect(self._conflict_toggled)
        self.review_form.addRow(self.conflict)
        self.conflict_note = QLineEdit()
        self.l_conflict_note = QLabel()
        self.review_form.addRow(self.l_conflict_note, self.conflict_note)
        self.score_box = QGroupBox()
        self.score_grid = QGridLayout(self.score_box)
        self.score_spins: dict[str, QSpinBox] = {}
        self.score_labels: dict[str, QLabel] = {}
        self.review_form.addRow(self.score_box)
        self.weighted_label = QLabel()
        self.review_form.addRow(self.weighted_label)
        self.review_comment = QPlainTextEdit()
        self.review_comment.setMaximumHeight(60)
        self.l_comment = QLabel()
        self.review_form.addRow(self.l_comment, self.review_comment)
        self.add_review_button = QPushButton()
        self.add_review_button.clicked.connect(self.add_review)
        self.print_review_button = QPushButton()
        self.print_review_button.clicked.connect(self.print_review_sheet)
        rb = QHBoxLayout()
        rb.addWidget(self.print_review_button)
        rb.addStretch(1)
        rb.addWidget(self.add_review_button)
        self.review_form.addRow(rb)
        end_form(self.review_form)
        h.addWidget(self.review_box, 3)
        return w

    def _results_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.indicators_box = QGroupBox()
        iv = QVBoxLayout(self.indicators_box)
        self.indicators_list = QListWidget()
        iv.addWidget(self.indicators_list, 1)
        ir = QHBoxLayout()
        self.ind_name = QLineEdit()
        self.ind_unit = QLineEdit()
        self.ind_unit.setMaximumWidth(70)
        self.ind_baseline, self.ind_target, self.ind_actual = QLineEdit(), QLineEdit(), QLineEdit()
        for e in (self.ind_baseline, self.ind_target, self.ind_actual):
            e.setMaximumWidth(90)
        self.add_indicator_button = QPushButton()
        self.add_indicator_button.clicked.connect(self.add_indicator)
        for e2 in (self.ind_name, self.ind_unit, self.ind_baseline, self.ind_target, self.ind_actual):
            ir.addWidget(e2, 3 if e2 is self.ind_name else 1)
        ir.addWidget(self.add_indicator_button)
        iv.addLayout(ir)
        self.indicator_error = QLabel()
        self.indicator_error.setStyleSheet(f"color: {BAD_COLOR};")
        iv.addWidget(self.indicator_error)
        v.addWidget(self.indicators_box, 1)

        self.reports_box = QGroupBox()
        rv = QVBoxLayout(self.reports_box)
        self.reports_list = QListWidget()
        rv.addWidget(self.reports_list, 1)
        rr = QHBoxLayout()
        self.report_kind = QComboBox()
        self.report_kind.addItem("", "interim")
        self.report_kind.addItem("", "final")
        self.report_on = QDateEdit()
        self.report_on.setCalendarPopup(True)
        self.report_on.setDisplayFormat("dd.MM.yyyy")
        self.report_on.setDate(to_qdate(date.today()))
        self.report_spent = QLineEdit()
        self.report_spent.setMaximumWidth(120)
        self.report_text = QLineEdit()
        self.add_report_button = QPushButton()
        self.add_report_button.clicked.connect(self.add_report)
        rr.addWidget(self.report_kind)
        rr.addWidget(self.report_on)
        rr.addWidget(self.report_spent)
        rr.addWidget(self.report_text, 1)
        rr.addWidget(self.add_report_button)
        rv.addLayout(rr)
        self.report_error = QLabel()
        self.report_error.setStyleSheet(f"color: {BAD_COLOR};")
        rv.addWidget(self.report_error)
        v.addWidget(self.reports_box, 1)
        return w

    def _bind_texts(self) -> None:
        b = self.bind_text
        b(self.l_call.setText, lambda: self.tr("Competition"))
        b(self.blank_button.setText, lambda: self.tr("Blank application form"))
        b(self.new_call_button.setText, lambda: self.tr("New competition"))
        b(lambda t: self.status_filter.setItemText(0, t), lambda: self.tr("All statuses"))
        b(self.search.setPlaceholderText, lambda: self.tr("Search by project or applicant…"))
        b(self.new_button.setText, lambda: self.tr("New application"))
        for i, t in enumerate((lambda: self.tr("Application"), lambda: self.tr("Budget"),
                               lambda: self.tr("Status and award"), lambda: self.tr("Reviews"),
                               lambda: self.tr("Indicators and reports"))):
            b(self._tab_setter(i), t)
        b(self.print_button.setText, lambda: self.tr("Print application"))
        texts: dict[str, Callable[[], str]] = {
            "applicant_kind": lambda: self.tr("Applicant is"),
            "applicant_name": lambda: self.tr("Applicant"),
            "bin": lambda: self.tr("BIN"),
            "leader_name": lambda: self.tr("Leader"),
            "contact_phone": lambda: self.tr("Phone"),
            "contact_email": lambda: self.tr("E-mail"),
            "title": lambda: self.tr("Project title"),
            "problem": lambda: self.tr("Problem"),
            "goal": lambda: self.tr("Goal"),
            "activities": lambda: self.tr("Activities (one a line)"),
            "target_group": lambda: self.tr("Target group"),
            "beneficiaries": lambda: self.tr("Beneficiaries"),
            "starts_on": lambda: self.tr("Project dates"),
        }
        for name, make in texts.items():
            b(self.labels[name].setText, make)
        b(self.save_button.setText, lambda: self.tr("Save"))
        b(self.add_line_button.setText, lambda: self.tr("Add line"))
        b(self.remove_line_button.setText, lambda: self.tr("Remove line"))
        b(self.save_budget_button.setText, lambda: self.tr("Save budget"))
        b(self.status_box.setTitle, lambda: self.tr("Move the application to"))
        b(self.return_button.setText, lambda: self.tr("Return to the applicant for changes"))
        b(self.award_box.setTitle, lambda: self.tr("Award"))
        b(self.l_amount.setText, lambda: self.tr("Amount, ₸"))
        b(self.l_award_on.setText, lambda: self.tr("Date of the decision"))
        b(self.award_button.setText, lambda: self.tr("Award the grant"))
        b(self.review_box.setTitle, lambda: self.tr("New review"))
        b(self.l_reviewer.setText, lambda: self.tr("Reviewer"))
        b(self.conflict.setText, lambda: self.tr("I have a conflict of interest with this applicant (I do not score)"))
        b(self.l_conflict_note.setText, lambda: self.tr("What the conflict is"))
        b(self.score_box.setTitle, lambda: self.tr("Scores by criteria"))
        b(self.l_comment.setText, lambda: self.tr("Comment"))
        b(self.add_review_button.setText, lambda: self.tr("Save review"))
        b(self.print_review_button.setText, lambda: self.tr("Print review sheet"))
        b(self.print_review_button.setToolTip, lambda: self.tr(
            "The selected review filled in, or a blank sheet when no review is selected"))
        b(self.indicators_box.setTitle, lambda: self.tr("Indicators: baseline, target, actual"))
        b(self.ind_name.setPlaceholderText, lambda: self.tr("Indicator"))
        b(self.ind_unit.setPlaceholderText, lambda: self.tr("unit"))
        b(self.ind_baseline.setPlaceholderText, lambda: self.tr("baseline"))
        b(self.ind_target.setPlaceholderText, lambda: self.tr("target"))
        b(self.ind_actual.setPlaceholderText, lambda: self.tr("actual"))
        b(self.add_indicator_button.setText, lambda: self.tr("Add"))
        b(self.reports_box.setTitle, lambda: self.tr("Reports"))
        b(lambda t: self.report_kind.setItemText(0, t), lambda: self.tr("interim"))
        b(lambda t: self.report_kind.setItemText(1, t), lambda: self.tr("final"))
        b(self.report_spent.setPlaceholderText, lambda: self.tr("spent, ₸"))
        b(self.report_text.setPlaceholderText, lambda: self.tr("What was done"))
        b(self.add_report_button.setText, lambda: self.tr("Add report"))
        self.retranslate()

    def _tab_setter(self, i: int) -> Callable[[str], None]:
        return lambda text: self.tabs.setTabText(i, text)

    def _status_verbs(self) -> dict[ApplicationStatus, str]:
        return {
            ApplicationStatus.SUBMITTED: self.tr("Submitted"),
            ApplicationStatus.UNDER_REVIEW: self.tr("Under review"),
            ApplicationStatus.APPROVED: self.tr("Approved"),
            ApplicationStatus.REJECTED: self.tr("Rejected"),
            ApplicationStatus.IN_PROGRESS: self.tr("In progress"),
            ApplicationStatus.REPORTED: self.tr("Reported"),
            ApplicationStatus.CLOSED: self.tr("Closed"),
        }

    def retranslate(self) -> None:
        super().retranslate()
        lang = self.env.lang
        for i in range(1, self.status_filter.count()):
            self.status_filter.setItemText(i, STATUS_NAMES[ApplicationStatus(self.status_filter.itemData(i))].text(lang))
        kinds = {ApplicantKind.INITIATIVE_GROUP: self.tr("an initiative group"), ApplicantKind.NGO: self.tr("an NGO (with a BIN)")}
        for i, k in enumerate(ApplicantKind):
            self.applicant_kind.setItemText(i, kinds[k])
        for st, text in self._status_verbs().items():
            self.status_buttons[st].setText(text)
        self.model.retranslate()
        self.budget.retranslate()
        self._fill_calls_combo()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    # =================================================================== calls
    def reload_calls(self) -> None:
        self.env.runner.db(svc.list_calls, self.env.ctx(), ListQuery(limit=200), on_done=self._got_calls,
                           on_error=lambda e: show_user_error(self, self.env, e))

    def _got_calls(self, page: Page[svc.GrantCallRow]) -> None:
        self.calls = list(page.rows)
        self._fill_calls_combo()
        if self.calls and self.call is None:
            self._call_chosen(self.call_combo.currentIndex())

    @Slot()
    def new_call(self) -> None:
        dialog = CallDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._call_created(dialog.created))
        self.call_dialog = dialog
        dialog.open()

    def _call_created(self, call: svc.GrantCallView | None) -> None:
        if call is None:
            return
        self.call = None
        self.calls.insert(0, svc.GrantCallRow(call.id, call.title_kk, call.title_ru, call.region_kato, call.pool,
                                              call.awarded, call.left, call.opens_on, call.closes_on, call.status,
                                              call.applications))
        self._fill_calls_combo()
        self.call_combo.setCurrentIndex(self.call_combo.findData(call.id))
        self._call_chosen(self.call_combo.currentIndex())
        self.env.notify_changed("grant_call")

    def _fill_calls_combo(self) -> None:
        keep = self.call_combo.currentData()
        self.call_combo.blockSignals(True)
        self.call_combo.clear()
        for c in self.calls:
            self.call_combo.addItem(c.title_kk if self.env.lang == "kk" else c.title_ru, c.id)
        self.call_combo.setCurrentIndex(max(0, self.call_combo.findData(keep)))
        self.call_combo.blockSignals(False)

    def current_call_id(self) -> str | None:
        data = self.call_combo.currentData()
        return str(data) if data else None

    @Slot(int)
    def _call_chosen(self, _: int) -> None:
        call_id = self.current_call_id()
        if call_id is None:
            return
        self.env.runner.db(svc.get_call, self.env.ctx(), call_id, on_done=self._got_call,
                           on_error=lambda e: show_user_error(self, self.env, e))
        self.reload(0)

    def _got_call(self, call: svc.GrantCallView) -> None:
        self.call = call
        self._update_pool()
        self._build_rubric()
        self._budget_changed()

    def _update_pool(self) -> None:
        call = self.call
        if call is None:
            self.pool_bar.setRange(0, 1)
            self.pool_bar.setValue(0)
            self.pool_bar.setFormat("")
            return
        lang = self.env.lang
        self.pool_bar.setRange(0, max(1, int(call.pool)))
        self.pool_bar.setValue(min(int(call.awarded), max(1, int(call.pool))))
        # QProgressBar's format treats % specially: escape it
        text = (self.tr("Awarded %1 of %2, left %3")
                .replace("%1", format_money(call.awarded, lang))
                .replace("%2", format_money(call.pool, lang))
                .replace("%3", format_money(call.left, lang)))
        self.pool_bar.setFormat(text.replace("%", "%%"))
        self.pool_bar.setToolTip(text)

    def _build_rubric(self) -> None:
        while self.score_grid.count():
            item = self.score_grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.score_spins.clear()
        self.score_labels.clear()
        if self.call is None:
            return
        for row, c in enumerate(self.call.criteria):
            label = QLabel()
            spin = QSpinBox()
            spin.setRange(0, c.max_score)
            spin.valueChanged.connect(self._update_weighted)
            self.score_labels[c.code] = label
            self.score_spins[c.code] = spin
            self.score_grid.addWidget(label, row, 0)
            self.score_grid.addWidget(spin, row, 1)
        self._rubric_texts()
        self._conflict_toggled(self.conflict.isChecked())

    def _rubric_texts(self) -> None:
        if self.call is None:
            return
        for c in self.call.criteria:
            label = self.score_labels.get(c.code)
            if label is not None:
                label.setText(self.tr("%1 (weight %2 %, 0–%3)").replace("%1", c.name.text(self.env.lang))
                              .replace("%2", f"{(c.weight * 100).normalize():f}").replace("%3", str(c.max_score)))
        self._update_weighted()

    def _update_weighted(self, *_: object) -> None:
        if self.call is None:
            return
        if self.conflict.isChecked():
            self.weighted_label.setText(self.tr("A reviewer with a conflict of interest does not score."))
            return
        from civicdesk.domain.grants import weighted_score

        try:
            score = weighted_score({k: s.value() for k, s in self.score_spins.items()}, self.call.criteria)
        except UserError as e:
            self.weighted_label.setText(e.text(self.env.lang))
            return
        self.weighted_label.setText(self.tr("Weighted score: %1").replace("%1", f"{score:f}".replace(".", ",")))

    @Slot(bool)
    def _conflict_toggled(self, on: bool) -> None:
        self.score_box.setEnabled(not on)
        self.conflict_note.setEnabled(on)
        self._update_weighted()

    # ============================================================ applications
    def reload(self, offset: int = 0) -> None:
        call_id = self.current_call_id()
        status = self.status_filter.currentData()
        filters = svc.ApplicationFilters(call_id=call_id, status=ApplicationStatus(status) if status else None)
        query = ListQuery(offset=offset, limit=PAGE_SIZE, search=self.search.text())
        self.env.runner.db(svc.list_applications, self.env.ctx(), query, filters, on_done=self.show_page,
                           on_error=lambda e: show_user_error(self, self.env, e))

    def _data_changed(self, entity: str) -> None:
        if entity in ("grant_application", "grant_call"):
            self.reload(self.pager.offset)
            call_id = self.current_call_id()
            if call_id:
                self.env.runner.db(svc.get_call, self.env.ctx(), call_id, on_done=self._got_call)

    def _row_selected(self, *_: object) -> None:
        row = self.newly_selected_row()
        if row is None or not self.may_leave():
            return
        self.open_application(row.id)

    def open_application(self, app_id: str) -> None:
        self.open_record(svc.get_application, app_id, self._show)

    @Slot()
    def new_application(self) -> None:
        """A new application, only to a call that takes applications today: a closed
        call is refused before the form is filled."""
        call_id = self.current_call_id()
        if call_id is None:
            return
        self.env.runner.db(svc.check_call_open, self.env.ctx(), call_id,
                           on_done=lambda _call: self._start_new(),
                           on_error=self._fail(None))

    def _start_new(self) -> None:
        if not self.leave_for_new():
            return
        self._show(None)
        self.tabs.setCurrentIndex(0)
        self.applicant_name.setFocus()

    def _show(self, view: svc.ApplicationView | None) -> None:
        self._loading = True
        self.view = view
        for fe in (self.errors, self.award_errors, self.review_errors):
            fe.clear()
        kind = view.applicant_kind if view else ApplicantKind.INITIATIVE_GROUP
        self.applicant_kind.setCurrentIndex(max(0, self.applicant_kind.findData(kind.value)))
        self.applicant_name.setText(view.applicant_name if view else "")
        self.bin.setText(view.bin or "" if view else "")
        self.leader.setText(view.leader_name if view else "")
        self.phone.setText(view.contact_phone if view else "")
        self.email.setText(view.contact_email if view else "")
        self.app_title.setText(view.title if view else "")
        self.problem.setPlainText(view.problem if view else "")
        self.goal.setPlainText(view.goal if view else "")
        self.activities.setPlainText(view.activities if view else "")
        self.target_group.setText(view.target_group if view else "")
        self.beneficiaries.setValue(view.beneficiaries if view else 0)
        today = date.today()
        self.starts_on.setDate(to_qdate(view.starts_on if view and view.starts_on else today))
        self.ends_on.setDate(to_qdate(view.ends_on if view and view.ends_on else today))
        self.budget.set_lines([
            EditLine(b.category, b.item, b.unit, b.qty, b.unit_cost, b.cofinancing)
            for b in (view.budget if view else [])
        ])
        self.reviewer.clear()
        self.conflict.setChecked(False)
        self.conflict_note.clear()
        self.review_comment.clear()
        for spin in self.score_spins.values():
            spin.setValue(0)
        self.award_amount.setText(
            format_money(view.awarded_amount, "kk", with_symbol=False) if view and view.awarded_amount else "")
        self._loading = False
        self.dirty = False
        self._refresh()

    def _refresh(self) -> None:
        """Texts and enabled states that follow the application and the language."""
        if not hasattr(self, "view"):
            return
        view = self.view
        lang = self.env.lang
        saved = view is not None
        status = view.status if view else ApplicationStatus.DRAFT
        draft = status is ApplicationStatus.DRAFT
        if view is None:
            self.title_label.setText(self.tr("New application"))
            self.status_label.setText("")
        else:
            self.title_label.setText(view.title or view.applicant_name)
            self.status_label.setText(STATUS_NAMES[status].text(lang))
        for w in (self.applicant_name, self.bin, self.leader, self.phone, self.email, self.app_title, self.target_group):
            w.setReadOnly(not draft)
        for p in (self.problem, self.goal, self.activities):
            p.setReadOnly(not draft)
        for w2 in (self.applicant_kind, self.beneficiaries, self.starts_on, self.ends_on):
            w2.setEnabled(draft)
        self.save_button.setEnabled(draft and self.current_call_id() is not None)
        self.budget.read_only = not (saved and draft)
        for b in (self.add_line_button, self.remove_line_button, self.save_budget_button):
            b.setEnabled(saved and draft)
        legal = TRANSITIONS[status] if saved else frozenset()
        for st, button in self.status_buttons.items():
            button.setEnabled(st in legal)
        self.return_button.setEnabled(ApplicationStatus.DRAFT in legal)
        may_award = saved and status is ApplicationStatus.APPROVED and self.env.is_manager
        self.award_amount.setReadOnly(not may_award)
        self.award_button.setEnabled(may_award)
        if view is not None and view.awarded_amount is not None:
            when = format_date(view.awarded_on, lang) if view.awarded_on else ""
            self.award_info.setText(self.tr("Awarded: %1 (%2)").replace("%1", format_money(view.awarded_amount, lang)).replace("%2", when))
        elif self.call is not None:
            self.award_info.setText(self.tr("Left in the pool: %1").replace("%1", format_money(self.call.left, lang)))
        else:
            self.award_info.setText("")
        reviewing = saved and status is ApplicationStatus.UNDER_REVIEW and self.env.is_manager
        self.review_box.setEnabled(reviewing)
        results = saved and status in (ApplicationStatus.APPROVED, ApplicationStatus.IN_PROGRESS, ApplicationStatus.REPORTED)
        self.add_indicator_button.setEnabled(saved and status not in (ApplicationStatus.REJECTED, ApplicationStatus.CLOSED))
        self.add_report_button.setEnabled(results)
        self.print_button.setEnabled(saved)
        self._fill_reviews()
        self._fill_results()
        self._rubric_texts()
        self._budget_changed()
        self._update_pool()

    def _fill_reviews(self) -> None:
        self.reviews_list.clear()
        view = self.view
        lang = self.env.lang
        if view is None:
            self.average_label.setText("")
            return
        for r in view.reviews:
            if r.conflict_declared:
                text = self.tr("%1: conflict of interest declared, did not score").replace("%1", r.reviewer_name)
            else:
                score = f"{r.total_score:f}".replace(".", ",") if r.total_score is not None else "—"
                text = self.tr("%1: weighted score %2").replace("%1", r.reviewer_name).replace("%2", score)
            if r.comment:
                text += f"\n{r.comment}"
            self.reviews_list.addItem(text)
        avg = f"{view.average_score:f}".replace(".", ",") if view.average_score is not None else "—"
        text = self.tr("Average score: %1").replace("%1", avg)
        if self.call is not None:
            scored = sum(1 for r in view.reviews if not r.conflict_declared)
            text += "\n" + self.tr("Reviews without a conflict of interest: %1 of the %2 "
                                   "needed for approval").replace("%1", str(scored)).replace(
                "%2", str(self.call.min_reviews))
        self.average_label.setText(text)
        del lang

    def _fill_results(self) -> None:
        self.indicators_list.clear()
        self.reports_list.clear()
        view = self.view
        if view is None:
            return

        def num(d: Decimal | None) -> str:
            return "—" if d is None else _dec(d)

        for i in view.indicators:
            unit = f", {i.unit}" if i.unit else ""
            self.indicators_list.addItem(f"{i.name}{unit}: {num(i.baseline)} → {num(i.target)} ({self.tr('actual')}: {num(i.actual)})")
        kinds = {"interim": self.tr("interim"), "final": self.tr("final")}
        for r in view.reports:
            spent = f", {format_money(r.spent_amount, self.env.lang)}" if r.spent_amount is not None else ""
            self.reports_list.addItem(f"{format_date(r.submitted_on, self.env.lang)} — {kinds.get(r.kind, r.kind)}{spent}: {r.narrative}")

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True

    # ================================================================= saving
    def _input(self) -> svc.ApplicationInput:
        call_id = self.current_call_id() or (self.view.call_id if self.view else "")
        return svc.ApplicationInput(
            call_id=call_id,
            applicant_kind=ApplicantKind(self.applicant_kind.currentData()),
            applicant_name=self.applicant_name.text(),
            title=self.app_title.text(),
            bin=self.bin.text().strip() or None,
            leader_name=self.leader.text(),
            contact_phone=self.phone.text(),
            contact_email=self.email.text(),
            problem=self.problem.toPlainText(),
            goal=self.goal.toPlainText(),
            activities=self.activities.toPlainText(),
            target_group=self.target_group.text(),
            beneficiaries=self.beneficiaries.value(),
            settlement_id=self.view.settlement_id if self.view else None,
            starts_on=from_qdate(self.starts_on.date()),
            ends_on=from_qdate(self.ends_on.date()),
            language=self.env.lang,
        )

    def _saved(self, view: svc.ApplicationView) -> None:
        self._show(view)
        self.env.notify_changed("grant_application")

    def _fail(self, errors: FieldErrors | None) -> Callable[[BaseException], None]:
        return lambda e: show_user_error(self, self.env, e, errors)

    @Slot()
    def save_details(self) -> None:
        ctx = self.env.ctx()
        data = self._input()
        self.errors.clear()
        if self.view is None:
            self.env.runner.db(svc.create_application, ctx, data, on_done=self._saved, on_error=self._fail(self.errors))
        else:
            self.env.runner.db(svc.update_application, ctx, self.view.id, data, on_done=self._saved,
                               on_error=self._fail(self.errors))

    # ----------------------------------------------------------------- budget
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
            self.tr("Total %1, co-financing %2 (%3 %), requested %4")
            .replace("%1", format_money(t.total, lang)).replace("%2", format_money(t.cofinancing, lang))
            .replace("%3", share).replace("%4", format_money(t.requested, lang)))
        ceiling = min(self.call.limit, self.call.left + (
            self.view.awarded_amount or Decimal(0) if self.view else Decimal(0))) if self.call else None
        warnings = check_budget([line.domain() for line in self.budget.lines], requested_ceiling=ceiling) if self.budget.lines else []
        self.budget_warnings.setText("\n".join(w.text(lang) for w in warnings))

    def _budget_refused(self, row: int, col: int, text: str) -> None:
        """Letters in a price do not vanish silently: say what was wrong, where."""
        self.budget_input_error.setText(
            self.tr("Line %1: «%2» is not a number. Type digits only, e.g. 15 000 or 12,5.")
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

    # ------------------------------------------------------------ status/award
    def move_to(self, target: ApplicationStatus) -> None:
        if self.view is None:
            return
        if self.dirty and not confirm_discard(self):
            return
        self.dirty = False
        self.env.runner.db(svc.transition, self.env.ctx(), self.view.id, target, on_done=self._saved,
                           on_error=self._fail(None))

    @Slot()
    def award(self) -> None:
        if self.view is None:
            return
        self.award_errors.clear()
        try:
            amount = parse_money(self.award_amount.text(), field="amount")
        except UserError as e:
            self.award_errors.show(e, self.env.lang)
            return
        on = from_qdate(self.award_on.date()) or date.today()
        self.env.runner.db(svc.award, self.env.ctx(), self.view.id, amount, on, on_done=self._saved,
                           on_error=self._fail(self.award_errors))

    # ---------------------------------------------------------------- reviews
    @Slot()
    def add_review(self) -> None:
        if self.view is None:
            return
        self.review_errors.clear()
        conflict = self.conflict.isChecked()
        scores = {} if conflict else {k: s.value() for k, s in self.score_spins.items()}
        ctx, app_id = self.env.ctx(), self.view.id
        name, comment, note = self.reviewer.text(), self.review_comment.toPlainText(), self.conflict_note.text()

        def work() -> svc.ApplicationView:
            svc.add_review(ctx, app_id, name, conflict, scores, comment, note)
            return svc.get_application(ctx, app_id)

        self.env.runner.db(work, on_done=self._saved, on_error=self._fail(self.review_errors))

    # ---------------------------------------------------------------- results
    def _decimal(self, edit: QLineEdit) -> Decimal | None:
        text = edit.text().strip().replace(",", ".").replace(" ", "")
        if not text:
            return None
        return Decimal(text)

    @Slot()
    def add_indicator(self) -> None:
        if self.view is None:
            return
        self.indicator_error.clear()
        try:
            data = svc.IndicatorInput(name=self.ind_name.text(), unit=self.ind_unit.text(),
                                      baseline=self._decimal(self.ind_baseline), target=self._decimal(self.ind_target),
                                      actual=self._decimal(self.ind_actual))
        except InvalidOperation:
            self.indicator_error.setText(self.tr("Numbers only, e.g. 40 or 12.5"))
            return
        ctx, app_id = self.env.ctx(), self.view.id

        def work() -> svc.ApplicationView:
            svc.add_indicator(ctx, app_id, data)
            return svc.get_application(ctx, app_id)

        def failed(e: BaseException) -> None:
            if isinstance(e, UserError):
                self.indicator_error.setText(e.text(self.env.lang))
            else:
                raise e

        def done(v: svc.ApplicationView) -> None:
            for w in (self.ind_name, self.ind_unit, self.ind_baseline, self.ind_target, self.ind_actual):
                w.clear()
            self._saved(v)

        self.env.runner.db(work, on_done=done, on_error=failed)

    @Slot()
    def add_report(self) -> None:
        if self.view is None:
            return
        self.report_error.clear()
        try:
            spent = parse_money(self.report_spent.text()) if self.report_spent.text().strip() else None
        except UserError as e:
            self.report_error.setText(e.text(self.env.lang))
            return
        data = svc.ReportInput(submitted_on=from_qdate(self.report_on.date()) or date.today(),
                               kind=str(self.report_kind.currentData()), narrative=self.report_text.text(),
                               spent_amount=spent)
        ctx, app_id = self.env.ctx(), self.view.id

        def work() -> svc.ApplicationView:
            svc.add_report(ctx, app_id, data)
            return svc.get_application(ctx, app_id)

        def failed(e: BaseException) -> None:
            if isinstance(e, UserError):
                self.report_error.setText(e.text(self.env.lang))
            else:
                raise e

        self.env.runner.db(work, on_done=self._saved, on_error=failed)

    # --------------------------------------------------------------- printing
    def _rendered(self, path: object) -> None:
        if self.on_rendered is not None:
            self.on_rendered(path)

    @Slot()
    def print_application(self) -> None:
        if self.view is None:
            return
        ctx, app_id = self.env.ctx(), self.view.id
        render_and_preview(self, self.env, lambda: print_svc.prepare_application(ctx, app_id), "application-",
                           self.tr("Grant application"), on_rendered=self._rendered, show=self.show_previews)

    @Slot()
    def print_review_sheet(self) -> None:
        """The scoring sheet: the review selected in the list, else a blank one."""
        if self.view is None:
            return
        row = self.reviews_list.currentRow()
        reviews = self.view.reviews
        review_id = reviews[row].id if 0 <= row < len(reviews) else None
        ctx, app_id = self.env.ctx(), self.view.id
        render_and_preview(self, self.env, lambda: print_svc.prepare_review_sheet(ctx, app_id, review_id),
                           "review-", self.tr("Review sheet"), on_rendered=self._rendered,
                           show=self.show_previews)

    @Slot()
    def print_blank(self) -> None:
        lang = self.env.lang
        render_and_preview(self, self.env, lambda: print_svc.prepare_blank_form("grant_application", lang),
                           "application-blank-", self.tr("Blank application form"), on_rendered=self._rendered,
                           show=self.show_previews)
