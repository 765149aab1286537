"""The sheets tab of the campaigns page: the waves, the questionnaire sheets printed for
one, the keyboard grid that enters them, a scanned sheet's QR code and the import of a
wave from an ODK/KoboToolbox export.

:class:`SheetsPart` is mixed into :class:`civicdesk.ui.campaigns.CampaignsPage`; its texts
are translated in the page's context.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.awareness import WaveKind
from civicdesk.domain.formatting import format_date
from civicdesk.services import campaigns as svc
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.campaign_import import ImportResult, import_wave_csv
from civicdesk.ui.campaigns_grid import GridRow, SheetGrid
from civicdesk.ui.campaigns_part import CampaignsPagePart
from civicdesk.ui.screens_common import (
    show_error_text,
    show_user_error,
)

__all__ = ["QR_PREFIX", "SheetsPart", "parse_qr"]


QR_PREFIX = "CIVICDESK-SURVEY"


def parse_qr(text: str) -> tuple[str, str, int] | None:
    """``CIVICDESK-SURVEY|campaign id|wave id|sheet number`` as printed on a sheet."""
    parts = text.strip().split("|")
    if len(parts) != 4 or parts[0] != QR_PREFIX or not parts[3].isdigit():
        return None
    return parts[1], parts[2], int(parts[3])


class SheetsPart(CampaignsPagePart):
    """Waves, printing, entering and importing sheets."""

    def _sheets_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        top = QHBoxLayout()
        self.wave = QComboBox()
        self.wave.currentIndexChanged.connect(self._wave_chosen)
        self.add_wave_button = QPushButton()
        self.add_wave_button.clicked.connect(self.add_endline)
        self.scan = QLineEdit()
        self.scan.returnPressed.connect(self.scanned)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.choose_import)
        self.print_sheets_button = QPushButton()
        self.print_sheets_button.clicked.connect(self.print_sheets)
        self.sheets_count = QSpinBox()
        self.sheets_count.setRange(1, 1000)
        self.sheets_count.setValue(120)
        # one sheet a respondent on A4, or on A5 (half an A4)
        self.paper = QComboBox()
        self.paper.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.paper.addItem("", False)
        self.paper.addItem("", True)
        # the wave and the scanner on one row, printing and import on the next, so that
        # nothing is squeezed at 1366 pixels in either language
        self.scan.setMinimumWidth(260)
        for widget in (self.wave, self.add_wave_button, self.scan):
            top.addWidget(widget)
        top.addStretch(1)
        v.addLayout(top)
        second = QHBoxLayout()
        for tail in (self.sheets_count, self.paper, self.print_sheets_button, self.import_button):
            second.addWidget(tail)
        second.addStretch(1)
        v.addLayout(second)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        v.addWidget(self.legend)
        self.grid = SheetGrid()
        self.grid.row_committed.connect(self.save_row)
        self.grid.problem.connect(self.grid_message)
        v.addWidget(self.grid, 1)
        self.grid_status = QLabel()
        self.grid_status.setWordWrap(True)
        v.addWidget(self.grid_status)
        return w

    def _fill_waves(self) -> None:
        view = self.view
        current = self.wave_id
        self.wave.blockSignals(True)
        self.wave.clear()
        for w in view.waves if view else ():
            kind = QCoreApplication.translate("CampaignsPage", "Baseline") if w.kind is WaveKind.BASELINE else QCoreApplication.translate("CampaignsPage", "Endline")
            self.wave.addItem(f"{w.number}. {kind} — {format_date(w.starts_on, self.env.lang)}"
                              f" ({w.sheets})", w.id)
        self.wave.blockSignals(False)
        if view is None or not view.waves:
            self.wave_id = None
            return
        index = self.wave.findData(current) if current else -1
        self.wave.setCurrentIndex(index if index >= 0 else 0)
        if self.wave.currentData() != current or not self.grid.rowCount():
            self._wave_chosen()

    def _wave_chosen(self, *_: object) -> None:
        wave_id = self.wave.currentData()
        if self.view is None or wave_id is None or self.env.runner.closed:
            return  # (a combo cleared while the window is torn down also lands here)
        self.wave_id = str(wave_id)
        ctx, campaign_id = self.env.ctx(), self.view.id

        def load() -> tuple[list[tuple[str, str, str]], Page[svc.SheetView]]:
            return (svc.campaign_settlements(ctx, campaign_id),
                    svc.list_sheets(ctx, str(wave_id), ListQuery(limit=1000)))

        self.env.runner.db(load, on_done=self._got_sheets,
                           on_error=lambda e: show_error_text(self.grid_status, self.env, e))

    def _got_sheets(self, data: tuple[list[tuple[str, str, str]], Page[svc.SheetView]]) -> None:
        villages, page = data
        if self.view is None:
            return
        self.villages = villages
        names = [(sid, kk if self.env.lang == "kk" else ru) for sid, kk, ru in villages]
        rows = [GridRow(-1, s.id, s.number, s.sex, s.age_band, s.settlement_id,
                        tuple("".join(str(c) for c in sorted(a)) or "0" for a in s.answers))
                for s in page.rows]
        self.grid.configure(self.view.questions, names, rows)
        self._show_settlement_legend()
        if self._scanned_number is not None:
            self._put_scanned_number(self._scanned_number)
        self.grid.setFocus()

    def _put_scanned_number(self, number: int) -> None:
        self._scanned_number = None
        r = self.grid.rowCount() - 1
        item = self.grid.item(r, 0)
        if item is not None:
            item.setText(str(number))
        self.grid.setCurrentCell(r, 1)
        self.grid.setFocus()

    def _show_settlement_legend(self) -> None:
        text = ", ".join(f"{i} {kk if self.env.lang == 'kk' else ru}"
                         for i, (_sid, kk, ru) in enumerate(self.villages, start=1))
        self.grid_status.setText(QCoreApplication.translate("CampaignsPage", "Villages: %1").replace("%1", text or "—"))

    @Slot(str)
    def grid_message(self, text: str) -> None:
        self.grid_status.setText(text)

    @Slot(int)
    def save_row(self, r: int) -> None:
        """Save a finished grid row on the database thread; the grid has already
        moved on, so typing the next sheet does not wait."""
        if self.wave_id is None:
            return
        data = self.grid.row_data(r)
        ctx, wave_id = self.env.ctx(), self.wave_id
        entry = svc.SheetInput(cells=data.cells, number=data.number, sex=data.sex,
                               age_band=data.age_band, settlement_id=data.settlement_id)
        self.pending += 1

        def done(view: svc.SheetView) -> None:
            self.pending -= 1
            self.grid.mark_saved(r, view.id, view.number)
            self.grid_status.setText(QCoreApplication.translate("CampaignsPage", "Sheet No. %1 saved").replace("%1", str(view.number)))

        def failed(error: BaseException) -> None:
            self.pending -= 1
            label = QLabel()
            show_error_text(label, self.env, error)
            self.grid.mark_error(r, label.text())
            self.grid_status.setText(
                QCoreApplication.translate("CampaignsPage", "Row %1 is not saved: %2").replace("%1", str(r + 1))
                .replace("%2", label.text()))

        self.env.runner.db(svc.save_sheet, ctx, wave_id, entry, data.sheet_id,
                           on_done=done, on_error=failed)

    @Slot()
    def scanned(self) -> None:
        """A scanner typed a sheet's QR code: open its wave and fill the row's number."""
        found = parse_qr(self.scan.text())
        self.scan.clear()
        if found is None or self.view is None or found[0] != self.view.id:
            self.grid_status.setText(QCoreApplication.translate("CampaignsPage", "This QR code is not a sheet of this campaign"))
            return
        _campaign, wave_id, number = found
        index = self.wave.findData(wave_id)
        if index < 0:
            self.grid_status.setText(QCoreApplication.translate("CampaignsPage", "This QR code is not a sheet of this campaign"))
            return
        if self.wave.currentIndex() != index:
            self._scanned_number = number  # put in once the wave's sheets are shown
            self.wave.setCurrentIndex(index)
            return
        self._put_scanned_number(number)

    @Slot()
    def add_endline(self) -> None:
        if self.view is None:
            return
        ctx, cid = self.env.ctx(), self.view.id
        self.env.runner.db(
            lambda: (svc.add_wave(ctx, cid, WaveKind.ENDLINE, date.today()),
                     svc.get_campaign(ctx, cid))[1],
            on_done=self._after_wave, on_error=lambda e: show_user_error(self, self.env, e))

    def _after_wave(self, view: svc.CampaignView) -> None:
        self.wave_id = view.waves[-1].id if view.waves else None
        self._saved(view)

    @Slot()
    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("CampaignsPage", "Import a wave"), "",
                                              QCoreApplication.translate("CampaignsPage", "CSV files (*.csv)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        if self.wave_id is None:
            return
        ctx, wave_id = self.env.ctx(), self.wave_id

        def done(result: ImportResult) -> None:
            self.grid_status.setText(QCoreApplication.translate("CampaignsPage", "Imported %1 sheets, %2 already there")
                                     .replace("%1", str(result.imported))
                                     .replace("%2", str(result.skipped)))
            self._wave_chosen()
            self.load_figures()

        self.env.runner.db(import_wave_csv, ctx, wave_id, path, on_done=done,
                           on_error=lambda e: show_error_text(self.grid_status, self.env, e))

    @Slot()
    def print_sheets(self) -> None:
        if self.view is None or self.wave_id is None:
            return
        from civicdesk.services.printing_campaigns import prepare_questionnaires
        from civicdesk.ui.screens_common import render_and_preview

        ctx, wave_id, count = self.env.ctx(), self.wave_id, self.sheets_count.value()
        a5 = bool(self.paper.currentData())
        render_and_preview(self, self.env,
                           lambda: prepare_questionnaires(ctx, wave_id, count, a5=a5),
                           "questionnaires-", QCoreApplication.translate("CampaignsPage", "Questionnaire sheets"),
                           on_rendered=self._rendered, show=self.show_previews)

    def _rendered(self, path: object) -> None:
        if self.on_rendered is not None:
            self.on_rendered(path)

    def print_current(self) -> None:
        self.print_sheets()
