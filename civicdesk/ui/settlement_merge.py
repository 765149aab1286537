"""Head office: merge a settlement a center added into the official (KATO) one.

The list shows every center-added settlement with its region, district and how many
records name it; head office picks the official settlement it is and confirms. The
service retires the center's entry (audited); the center moves its records at its
next sync.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.collation import sorted_by_name
from civicdesk.domain.kato import REGIONS
from civicdesk.services import settlements as svc
from civicdesk.services.reference import Named
from civicdesk.services.settlements import CenterSettlement
from civicdesk.ui.common import fill_combo, is_language_change
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import show_user_error

ModelIndex = QModelIndex | QPersistentModelIndex
COLUMNS = 5


class CenterSettlementsModel(QAbstractTableModel):
    """The few settlements centers added: the whole list is held in memory."""

    def __init__(self, env: UiEnv, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.rows: list[CenterSettlement] = []

    def set_rows(self, rows: list[CenterSettlement]) -> None:
        """The rows in alphabetical order of the names shown (Kazakh order for both)."""
        self.beginResetModel()
        self.rows = sorted_by_name(rows, lambda r: self.text(r, 0))
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Settlement (added by the center)"), self.tr("Center"),
                self.tr("Region"), self.tr("District"), self.tr("Records")]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def text(self, row: CenterSettlement, col: int) -> str:
        kk = self.env.lang == "kk"
        if col == 0:
            return row.name_kk if kk else row.name_ru
        if col == 1:
            return row.center_kk if kk else row.center_ru
        if col == 2:
            region = REGIONS.get(row.region_kato or "")
            return region.text(self.env.lang) if region is not None else ""
        if col == 3:
            return (row.district_kk if kk else row.district_ru) or ""
        return str(row.records)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(self.rows[index.row()], index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COLUMNS - 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            h = self.headers()
            return h[section] if 0 <= section < len(h) else None
        return str(section + 1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self.rows:
            self.set_rows(self.rows)  # the order of the names in the new language


class SettlementMergePage(QWidget):
    """List of center-added settlements; pick the official one and merge."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.targets: list[Named] = []
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.model = CenterSettlementsModel(env, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 220), (2, 200), (3, 200), (4, 90)):
            self.table.setColumnWidth(col, width)
        self.target_label = QLabel()
        self.target = QComboBox()
        self.target.setEditable(True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target.setMinimumWidth(320)
        completer = self.target.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.target_label.setBuddy(self.target)
        self.merge_button = QPushButton()
        self.merge_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.target_label)
        row.addWidget(self.target, 1)
        row.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_targets())
        self.target.currentIndexChanged.connect(lambda _i: self._update_button())
        self.merge_button.clicked.connect(self.merge_selected)
        env.signals.data_changed.connect(lambda e: self.refresh() if e == "settlement" else None)
        self.retranslate()
        self.refresh()

    # --- data ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.env.runner.db(svc.center_settlements, self.env.ctx(), on_done=self._set_rows)

    def _set_rows(self, rows: list[CenterSettlement]) -> None:
        self.model.set_rows(rows)
        self.targets = []
        self._fill_targets()
        if rows:
            self.table.selectRow(0)

    def selected(self) -> CenterSettlement | None:
        idx = self.table.currentIndex()
        if idx.isValid() and idx.row() < len(self.model.rows):
            return self.model.rows[idx.row()]
        return None

    def _load_targets(self) -> None:
        own = self.selected()
        self.targets = []
        self._fill_targets()
        if own is None or self.env.runner.closed:  # torn down with the window
            return

        def done(rows: list[Named]) -> None:
            if self.selected() is own:
                self.targets = rows
                self._fill_targets()

        self.env.runner.db(svc.merge_targets, self.env.ctx(), district_id=own.district_id,
                           region_kato=own.region_kato, on_done=done)

    def _fill_targets(self) -> None:
        fill_combo(self.target, ((f"{t.name(self.env.lang)} ({t.code})", t.id)
                                 for t in self.targets),
                   blank=self.tr("(choose the official settlement)"))
        self._update_button()

    def _update_button(self) -> None:
        self.merge_button.setEnabled(self.selected() is not None
                                     and bool(self.target.currentData()))

    # --- merging -------------------------------------------------------------------

    def merge_selected(self) -> bool:
        """Ask, then merge the selected settlement into the chosen official one."""
        own = self.selected()
        target_id = self.target.currentData()
        target = next((t for t in self.targets if t.id == target_id), None)
        if own is None or target is None:
            return False
        own_name = own.name_kk if self.env.lang == "kk" else own.name_ru
        question = self.tr(
            "Merge «%1» (center: %2, records: %3) into the official settlement «%4»?\n\n"
            "The center's entry is retired and its records move to «%4» at the center's "
            "next synchronisation. This cannot be undone."
        ).replace("%1", own_name).replace("%2", self.model.text(own, 1)) \
            .replace("%3", str(own.records)).replace("%4", target.name(self.env.lang))
        answer = QMessageBox.question(self, self.tr("Merge settlements"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.merge_button.setEnabled(False)
        done_text = self.tr("«%1» merged into «%2».").replace("%1", own_name) \
            .replace("%2", target.name(self.env.lang))

        def done(_r: object) -> None:
            self.status.setText(done_text)
            self.env.notify_changed("settlement")

        self.env.runner.db(svc.merge_settlement, self.env.ctx(), own.id, target.id,
                           on_done=done, on_error=lambda e: show_user_error(self, self.env, e),
                           on_finally=self._update_button)
        return True

    # --- language ------------------------------------------------------------------

    def retranslate(self) -> None:
        self.hint.setText(self.tr(
            "Settlements the centers added themselves (without a KATO code). Pick the "
            "official settlement each one is and merge them: the center's records move to "
            "the official settlement."))
        self.target_label.setText(self.tr("Official settlement:"))
        self.merge_button.setText(self.tr("Merge…"))
        chosen = self.selected()
        self.model.retranslate()
        self._fill_targets()
        if chosen is not None and chosen in self.model.rows:
            self.table.selectRow(self.model.rows.index(chosen))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
