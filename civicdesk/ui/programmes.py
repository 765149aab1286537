"""Programmes: each target of head office's programme beside its actual, per region and
quarter, printed as a bilingual PDF or saved as XLSX."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.programmes import INDICATOR_NAMES, Indicator
from civicdesk.printing.report import render_report
from civicdesk.services import programmes as svc
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.campaigns import CampaignRow, list_campaigns
from civicdesk.services.printing import PrintJob
from civicdesk.services.programme_report import programme_document, write_programme_report
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import (
    Retranslating,
    from_qdate,
    render_and_preview,
    show_error_text,
    to_qdate,
)

__all__ = ["ProgrammesPage"]


def _num(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():f}".replace(".", ",")


class ProgrammesPage(QWidget, Retranslating):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.rows: list[svc.TargetRow] = []
        self.on_rendered: Callable[[object], None] | None = None
        self.show_previews = True
        self.programme = QComboBox()
        # the programmes load after the first show: room for a name, longer ones elided
        self.programme.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.programme.setMinimumContentsLength(36)
        self.programme.currentIndexChanged.connect(self.load)
        self.region = QLineEdit()
        self.region.setFixedWidth(90)
        self.region.textChanged.connect(self._fill)
        self.quarter = QLineEdit()
        self.quarter.setFixedWidth(150)
        self.quarter.textChanged.connect(self._fill)
        self.print_button, self.xlsx_button = QPushButton(), QPushButton()
        self.print_button.clicked.connect(self.print_current)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.l_region, self.l_quarter = QLabel(), QLabel()
        top = QHBoxLayout()
        for w in (self.programme, self.l_region, self.region, self.l_quarter, self.quarter):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.xlsx_button)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.drill(r))
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)
        self.editor = self._editor()
        lay.addWidget(self.editor)
        self.editor.setVisible(env.actor is not None and env.actor.is_head_office)
        b = self.bind_text
        b(self.l_region.setText, lambda: self.tr("Region (KATO)"))
        b(self.l_quarter.setText, lambda: self.tr("Quarter"))
        b(self.region.setPlaceholderText, lambda: self.tr("all"))
        b(self.quarter.setPlaceholderText, lambda: self.tr("e.g. 2025Q3"))
        b(self.print_button.setText, lambda: self.tr("Print"))
        b(self.xlsx_button.setText, lambda: self.tr("Save XLSX…"))
        self.retranslate()
        self.refresh()

    def _editor(self) -> QGroupBox:
        """Head office: a new programme, and a target of the chosen one."""
        box = QGroupBox()
        g = QGridLayout(box)
        self.name_kk, self.name_ru, self.regions = QLineEdit(), QLineEdit(), QLineEdit()
        self.starts_on, self.ends_on = QDateEdit(), QDateEdit()
        for d in (self.starts_on, self.ends_on):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd.MM.yyyy")
            d.setDate(to_qdate(date.today()))
        self.create_button = QPushButton()
        self.create_button.clicked.connect(self.create_programme)
        for i, w in enumerate((self.name_kk, self.name_ru, self.starts_on, self.ends_on,
                               self.regions, self.create_button)):
            g.addWidget(w, 0, i)
        self.indicator = QComboBox()
        for ind in Indicator:
            self.indicator.addItem("", ind.value)
        self.target_value = QDoubleSpinBox()
        self.target_value.setRange(0, 10_000_000)
        self.target_value.setDecimals(1)
        self.target_region, self.target_quarter = QLineEdit(), QLineEdit()
        self.campaign = QComboBox()
        self.add_target_button = QPushButton()
        self.add_target_button.clicked.connect(self.add_target)
        for i, w in enumerate((self.indicator, self.target_value, self.target_region,
                               self.target_quarter, self.campaign, self.add_target_button)):
            g.addWidget(w, 1, i)
        b = self.bind_text
        b(box.setTitle, lambda: self.tr("Head office: programmes and targets"))
        b(self.name_kk.setPlaceholderText, lambda: self.tr("Name (Kazakh)"))
        b(self.name_ru.setPlaceholderText, lambda: self.tr("Name (Russian)"))
        b(self.regions.setPlaceholderText, lambda: self.tr("Regions (KATO), e.g. 19, 33"))
        b(self.create_button.setText, lambda: self.tr("Create programme"))
        b(self.target_region.setPlaceholderText, lambda: self.tr("Region (KATO)"))
        b(self.target_quarter.setPlaceholderText, lambda: self.tr("e.g. 2025Q3"))
        b(self.add_target_button.setText, lambda: self.tr("Add target"))
        if self.env.actor is not None and self.env.actor.is_head_office:
            self.env.runner.db(list_campaigns, self.env.ctx(), ListQuery(limit=500),
                               on_done=self._got_campaigns)
        return box

    def _got_campaigns(self, page: Page[CampaignRow]) -> None:
        self.campaign.clear()
        self.campaign.addItem("—", None)
        for c in page.rows:
            self.campaign.addItem(self.env.tr_label(c), c.id)

    @Slot()
    def create_programme(self) -> None:
        ctx = self.env.ctx()
        regions = [r.strip() for r in self.regions.text().replace(";", ",").split(",")]
        start = from_qdate(self.starts_on.date()) or date.today()
        end = from_qdate(self.ends_on.date()) or date.today()
        self.env.runner.db(svc.create_programme, ctx, self.name_kk.text(), self.name_ru.text(),
                           start, end, regions, on_done=lambda _v: self.refresh(),
                           on_error=lambda e: show_error_text(self.status, self.env, e))

    @Slot()
    def add_target(self) -> None:
        pid = self.programme.currentData()
        if pid is None:
            return
        ctx = self.env.ctx()
        value = Decimal(str(round(self.target_value.value(), 1)))
        self.env.runner.db(
            svc.add_target, ctx, str(pid), Indicator(self.indicator.currentData()), value,
            region_kato=self.target_region.text().strip() or None,
            quarter=self.target_quarter.text().strip().upper() or None,
            campaign_id=self.campaign.currentData(), on_done=lambda _v: self.load(),
            on_error=lambda e: show_error_text(self.status, self.env, e))

    def retranslate(self) -> None:
        super().retranslate()
        self.table.setHorizontalHeaderLabels([
            self.tr("Indicator"), self.tr("Region"), self.tr("Quarter"), self.tr("Target"),
            self.tr("Actual"), self.tr("Done, %")])
        if hasattr(self, "indicator"):
            for i, ind in enumerate(Indicator):
                self.indicator.setItemText(i, self.env.tr_label(INDICATOR_NAMES[ind]))
        if hasattr(self, "rows"):
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    def refresh(self) -> None:
        self.env.runner.db(svc.list_programmes, self.env.ctx(), on_done=self._got_programmes,
                           on_error=lambda e: show_error_text(self.status, self.env, e))

    def _got_programmes(self, items: list[svc.ProgrammeView]) -> None:
        current = self.programme.currentData()
        self.programme.blockSignals(True)
        self.programme.clear()
        for p in items:
            self.programme.addItem(p.name_kk if self.env.lang == "kk" else p.name_ru, p.id)
        self.programme.blockSignals(False)
        if not items:
            self.status.setText(self.tr("Head office has not set any programme yet"))
            return
        index = self.programme.findData(current)
        self.programme.setCurrentIndex(max(0, index))
        self.load()

    @Slot()
    def load(self, *_: object) -> None:
        pid = self.programme.currentData()
        if pid is None:
            return
        self.env.runner.db(svc.target_vs_actual, self.env.ctx(), str(pid), on_done=self._got,
                           on_error=lambda e: show_error_text(self.status, self.env, e))

    def _got(self, rows: list[svc.TargetRow]) -> None:
        self.rows = rows
        self._fill()

    def _filters(self) -> tuple[str | None, str | None]:
        return (self.region.text().strip() or None, self.quarter.text().strip().upper() or None)

    def _fill(self, *_: object) -> None:
        region, quarter = self._filters()
        rows = [r for r in self.rows if (region is None or r.region_kato in (None, region))
                and (quarter is None or r.quarter in (None, quarter))]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = (self.env.tr_label(INDICATOR_NAMES[r.indicator]),
                      r.region_kato or self.tr("all"), r.quarter or "—", _num(r.target),
                      _num(r.actual), _num(r.percent))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()

    def drill(self, row: int) -> None:
        """The records behind the row's actual, in a dialog."""
        item = self.table.item(row, 0)
        if item is None:
            return
        target_id = str(item.data(Qt.ItemDataRole.UserRole))
        self.env.runner.db(svc.target_records, self.env.ctx(), target_id,
                           on_done=self._show_records,
                           on_error=lambda e: show_error_text(self.status, self.env, e))

    def _show_records(self, records: list[svc.RecordRef]) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Records behind the actual"))
        table = QTableWidget(len(records), 3, dialog)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Record"), self.tr("Adds")])
        for i, r in enumerate(records):
            for c, text in enumerate((r.on.strftime("%d.%m.%Y"), r.text, str(r.amount))):
                table.setItem(i, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        QVBoxLayout(dialog).addWidget(table)
        dialog.resize(640, 420)
        self.records_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def print_current(self) -> None:
        pid = self.programme.currentData()
        if pid is None:
            return
        ctx, (region, quarter) = self.env.ctx(), self._filters()

        def prepare() -> PrintJob:
            # the data on the database thread, the PDF on the rendering pool
            doc = programme_document(ctx, str(pid), region=region, quarter=quarter)
            return PrintJob(render_report, {"data": doc})

        render_and_preview(self, self.env, prepare, "programme-", self.tr("Target and actual"),
                           on_rendered=self._rendered, show=self.show_previews)

    def _rendered(self, path: object) -> None:
        if self.on_rendered is not None:
            self.on_rendered(path)

    @Slot()
    def save_xlsx(self) -> None:
        pid = self.programme.currentData()
        if pid is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save XLSX…"), "targets.xlsx",
                                              "XLSX (*.xlsx)")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        pid = self.programme.currentData()
        region, quarter = self._filters()
        self.env.runner.db(write_programme_report, self.env.ctx(), str(pid), "xlsx", path,
                           region=region, quarter=quarter,
                           on_done=lambda n: self.status.setText(
                               self.tr("Saved: %1").replace("%1", str(path))),
                           on_error=lambda e: show_error_text(self.status, self.env, e))
