"""Residents: the paged list page; the card and the picker are in resident_dialog,
the list model in residents_model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.formatting import format_date, format_datetime
from civicdesk.services import resident_checks as checks
from civicdesk.services import residents as svc
from civicdesk.services.erasure import ErasureReport, erase_person
from civicdesk.services.residents import ResidentRow, ResidentView
from civicdesk.ui.common import (
    is_language_change,
    search_timer,
    titled_list,
)
from civicdesk.ui.env import UiEnv
from civicdesk.ui.resident_checks import EraseQuestion
from civicdesk.ui.resident_dialog import ResidentDialog, ResidentPicker
from civicdesk.ui.residents_model import ID_ROLE, ResidentsModel, setup_table
from civicdesk.ui.screens_common import side_by_side
from civicdesk.ui.texts import channel_text, status_text


class ResidentsPage(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.model = ResidentsModel(env)
        self.model.setParent(self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.export_button = QPushButton()
        self.erase_button = QPushButton()
        self.journal_button = QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for b in (self.new_button, self.edit_button, self.journal_button, self.export_button,
                  self.erase_button):
            top.addWidget(b)
        self.export_button.setVisible(env.is_manager)
        self.erase_button.setVisible(env.is_manager)

        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table, (240, 70, 95, 125, 150, 95, 90))
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel()

        self.history_title = QLabel()
        self.history = QListWidget()
        side = titled_list(self.history_title, self.history)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = side_by_side(left, side, (3, 1), [930, 230])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.search_timer = search_timer(self, self.search, self.apply_search)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.erase_button.clicked.connect(self.erase_selected)
        self.journal_button.clicked.connect(self.open_consultations)
        self.history.itemActivated.connect(lambda _item: self.open_consultations())
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.load_history())
        self.model.loaded.connect(lambda _n: self._show_count())
        self.model.modelReset.connect(self._show_history)
        env.signals.data_changed.connect(self._data_changed)
        self._history: list[dict[str, Any]] = []
        self._history_for: str | None = None
        self.retranslate()
        self.apply_search()

    # --- data ----------------------------------------------------------------------

    def apply_search(self) -> None:
        self.search_timer.stop()
        self.model.search = self.search.text().strip()
        self.model.reload()

    def refresh(self) -> None:
        self.model.reload()

    def _data_changed(self, entity: str) -> None:
        if entity in ("resident", "consultation"):
            self.model.reload()
            self.load_history()

    def selected_row(self) -> ResidentRow | None:
        idx = self.table.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None

    def load_history(self) -> None:
        row = self.selected_row()
        if row is None:
            self._history, self._history_for = [], None
            self._show_history()
            return
        rid = row.id

        def got(items: list[dict[str, Any]]) -> None:
            sel = self.selected_row()
            if sel is not None and sel.id == rid:
                self._history, self._history_for = items, rid
                self._show_history()

        self.env.runner.db(svc.resident_history, self.env.ctx(), rid, on_done=got)

    def _show_history(self) -> None:
        self.history.clear()
        lang = self.env.lang
        if self._history_for is None:
            self.history.addItem(self.tr("Select a resident to see their consultations."))
            return
        if not self._history:
            self.history.addItem(self.tr("No consultations yet."))
            return
        for h in self._history:
            when = format_datetime(h["occurred_at"], lang, "short")
            text = " ".join(str(h["question"]).split())[:120]
            item = QListWidgetItem(
                f"{when} · {channel_text(h['channel'])} · {status_text(h['status'])}\n{text}"
            )
            item.setData(ID_ROLE, h["id"])
            self.history.addItem(item)

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("Residents found: %1").replace(
            "%1", f"{self.model.total:,}".replace(",", "\u00a0")))

    # --- actions ---------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        ResidentDialog(self.env, parent=self).open()

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return

        def opened(view: ResidentView) -> None:
            ResidentDialog(self.env, view, parent=self).open()

        self.env.runner.db(svc.get_resident, self.env.ctx(), row.id, on_done=opened)

    def open_consultations(self) -> None:
        """All consultations of the selected resident, in the journal."""
        row = self.selected_row()
        if row is not None:
            self.env.signals.open_consultations_of.emit(row.id, row.full_name)

    def export_selected(self, path: str | None = None) -> None:
        """Save everything held on the person as JSON (a data subject's request)."""
        row = self.selected_row()
        if row is None:
            return
        if not path:
            safe = "".join(ch if ch.isalnum() else "_" for ch in row.full_name)[:40]
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the resident's data"),
                str(Path.home() / f"{safe}.json"), self.tr("JSON files (*.json)"),
            )
        if not path:
            return
        target = Path(path)

        def export() -> Path:
            text = svc.export_resident_json(self.env.ctx(), row.id)
            target.write_text(text, encoding="utf-8")
            return target

        def done(p: Path) -> None:
            self.last_export = p
            self.count_label.setText(self.tr("Saved: %1").replace("%1", str(p)))

        self.env.runner.db(export, on_done=done)

    def erase_selected(self, confirmed: bool = False) -> None:
        row = self.selected_row()
        if row is None or not self.env.is_manager:
            return
        if not confirmed:
            self.env.runner.db(checks.describe, self.env.ctx(), row.id, on_done=self._ask_erase)
            return
        self._erase(row.id)

    def _ask_erase(self, who: checks.ResidentMatch) -> None:
        box = EraseQuestion(who, self.env.lang, self)
        box.finished.connect(lambda _r: self._erase(who.id) if box.confirmed() else None)
        self.erase_question = box
        box.open()

    def _erase(self, resident_id: str) -> None:
        actor = self.env.actor
        if actor is None:
            return
        self.env.runner.db(erase_person, self.env.app, actor, resident_id, on_done=self._erased)

    def _erased(self, report: ErasureReport) -> None:
        """What the erasure could not do by itself, for the manager (not modal)."""
        self.env.notify_changed("resident")
        self.last_erasure = report
        due = [b.removed_by for b in report.old_backups if b.removed_by is not None]
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Erase personal data"),
            self.tr(
                "The personal data were erased here; the server and head office lose them "
                "at the next sync. Consultations of this person to read (their text may "
                "still identify them): %1. Backups made before today still hold the data "
                "until the rotation removes them (the last on %2)."
            ).replace("%1", str(len(report.to_review)))
            .replace("%2", format_date(max(due), self.env.lang, "short") if due else "—"),
            QMessageBox.StandardButton.Ok, self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name, IIN or phone…"))
        self.new_button.setText(self.tr("Register resident"))
        self.edit_button.setText(self.tr("Open"))
        self.journal_button.setText(self.tr("Consultations"))
        self.journal_button.setToolTip(self.tr("Open every consultation of the resident in the journal"))
        self.export_button.setText(self.tr("Export data…"))
        self.erase_button.setText(self.tr("Erase…"))
        self.history_title.setText(self.tr("Consultations of the resident"))
        self.model.retranslate()
        self._show_count()
        self._show_history()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


__all__ = ["ID_ROLE", "ResidentDialog", "ResidentPicker", "ResidentsModel", "ResidentsPage"]
