"""The Reports page: statistics of a period with charts and tables, drill-down to the
consultations behind a number, and export of the periodic report as PDF or XLSX.

The statistics are built on the database thread (``services.reports.build_report``);
the PDF and the workbook are written on the rendering pool. Double-click a number of
a consultation table (or a key figure) to see the consultations it counts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QChartView,
)
from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.errors import Lang, Message, UserError
from civicdesk.domain.periods import (
    Period,
    month_period,
    quarter_of,
    quarter_period,
    range_period,
    year_period,
)
from civicdesk.printing.report import ReportData, ReportTable, format_cell
from civicdesk.services import reports as svc
from civicdesk.services.report_export import report_document, write_pdf, write_xlsx
from civicdesk.services.reports import Report
from civicdesk.ui.common import file_name, is_language_change
from civicdesk.ui.env import UiEnv
from civicdesk.ui.reports_charts import ChartsPart
from civicdesk.ui.reports_drill import (
    DRILL_TABLES,
    ROLE_KEY,
    DrillDialog,
    DrillPart,
)
from civicdesk.ui.reports_part import ClickableLabel, Loaded


def _load(env: UiEnv, period: Period, center_id: str | None) -> Loaded:
    report = svc.build_report(env.ctx(), period, center_id=center_id)
    return Loaded(report, report_document(report))


def _text(msg: Message, lang: Lang) -> str:
    return msg.text(lang)


class ReportsPage(ChartsPart, DrillPart, QWidget):
    """Statistics of a period: key figures, charts, tables, drill-down and export."""

    # emitted on the GUI thread once a report is shown
    report_shown = Signal(object)
    # emitted with the path once an export is written
    exported = Signal(str)

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.loaded: Loaded | None = None
        self.last_drill: DrillDialog | None = None
        self._generation = 0
        self._center_id: str | None = None

        # --- period picker ---------------------------------------------------------
        today = date.today()
        self.kind = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.part = QComboBox()  # quarter or month
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        q = quarter_of(today)
        self.date_from.setDate(QDate(q.start.year, q.start.month, q.start.day))
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        self.center = QComboBox()
        self.center.setVisible(self._head_office())
        self.refresh_button = QPushButton()
        self.pdf_button = QPushButton()
        self.xlsx_button = QPushButton()
        self.period_label = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        for w in (self.kind, self.year, self.part, self.date_from, self.date_to, self.center):
            top.addWidget(w)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)

        # --- key figures -----------------------------------------------------------
        self.figures = QGridLayout()
        self.figures.setHorizontalSpacing(18)
        figures_box = QFrame()
        figures_box.setFrameShape(QFrame.Shape.StyledPanel)
        figures_box.setLayout(self.figures)
        self.figure_labels: dict[str, ClickableLabel] = {}

        # --- charts ----------------------------------------------------------------
        self.topic_chart = QChartView()
        self.channel_chart = QChartView()
        for view in (self.topic_chart, self.channel_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(430)
        # one above the other: at 1366 px side by side, topic names were cut to "…"
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.topic_chart)
        charts.addWidget(self.channel_chart)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)

        # --- tables ----------------------------------------------------------------
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.period_label)
        body.addWidget(figures_box)
        body.addWidget(charts, 2)
        body.addWidget(self.tabs, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.part.currentIndexChanged.connect(lambda _i: self.reload())
        self.date_from.dateChanged.connect(lambda _d: self._range_changed())
        self.date_to.dateChanged.connect(lambda _d: self._range_changed())
        self.center.currentIndexChanged.connect(self._center_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        env.signals.data_changed.connect(lambda _e: self.reload())

        self.retranslate()
        self.set_period(quarter_of(today))

    # --- period ------------------------------------------------------------------

    def _head_office(self) -> bool:
        return self.env.actor is not None and self.env.actor.is_head_office

    def _fill_kinds(self) -> None:
        current = self.kind.currentData() or "quarter"
        self.kind.blockSignals(True)
        self.kind.clear()
        for text, key in ((self.tr("Quarter"), "quarter"), (self.tr("Year"), "year"),
                          (self.tr("Month"), "month"), (self.tr("Dates"), "range")):
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)

    def _fill_parts(self) -> None:
        kind = self.kind.currentData()
        current = self.part.currentData()
        self.part.blockSignals(True)
        self.part.clear()
        if kind == "quarter":
            for i, roman in enumerate(("I", "II", "III", "IV"), start=1):
                self.part.addItem(self.tr("Quarter %1").replace("%1", roman), i)
        elif kind == "month":
            months = [self.tr("January"), self.tr("February"), self.tr("March"),
                      self.tr("April"), self.tr("May"), self.tr("June"), self.tr("July"),
                      self.tr("August"), self.tr("September"), self.tr("October"),
                      self.tr("November"), self.tr("December")]
            for i, name in enumerate(months, start=1):
                self.part.addItem(name, i)
        if current is not None:
            i = self.part.findData(current)
            if i >= 0:
                self.part.setCurrentIndex(i)
        self.part.blockSignals(False)
        kind_is_range = kind == "range"
        self.part.setVisible(kind in ("quarter", "month"))
        self.year.setVisible(not kind_is_range)
        self.date_from.setVisible(kind_is_range)
        self.date_to.setVisible(kind_is_range)

    def _kind_changed(self, _index: int) -> None:
        self._fill_parts()
        self.reload()

    def _range_changed(self) -> None:
        if self.kind.currentData() == "range":
            self.reload()

    def period(self) -> Period:
        """The period the picker shows; raises UserError for a reversed range."""
        kind = self.kind.currentData()
        year = self.year.value()
        if kind == "year":
            return year_period(year)
        if kind == "month":
            return month_period(year, int(self.part.currentData() or 1))
        if kind == "range":
            a, b = self.date_from.date(), self.date_to.date()
            return range_period(date(a.year(), a.month(), a.day()),
                                date(b.year(), b.month(), b.day()))
        return quarter_period(year, int(self.part.currentData() or 1))

    def set_period(self, period: Period) -> None:
        """Show ``period`` in the picker and load it."""
        for w in (self.kind, self.year, self.part, self.date_from, self.date_to):
            w.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(period.kind)))
        self._fill_parts()
        self.year.setValue(period.start.year)
        if period.kind == "quarter":
            self.part.setCurrentIndex(self.part.findData((period.start.month - 1) // 3 + 1))
        elif period.kind == "month":
            self.part.setCurrentIndex(self.part.findData(period.start.month))
        s, e = period.start, period.end
        self.date_from.setDate(QDate(s.year, s.month, s.day))
        self.date_to.setDate(QDate(e.year, e.month, e.day))
        for w in (self.kind, self.year, self.part, self.date_from, self.date_to):
            w.blockSignals(False)
        self.reload()

    def _center_changed(self, _index: int) -> None:
        data = self.center.currentData()
        self._center_id = str(data) if data else None
        self.reload()

    # --- loading -------------------------------------------------------------------

    def reload(self) -> None:
        try:
            period = self.period()
        except UserError as e:
            self.status.setText(e.text(self.env.lang))
            return
        self.status.setText(self.tr("Counting…"))
        self._generation += 1
        gen = self._generation
        self.env.runner.db(
            _load, self.env, period, self._center_id,
            on_done=lambda loaded: self._show(gen, loaded),
            on_error=lambda e: self._failed(gen, e),
        )

    def _failed(self, gen: int, e: BaseException) -> None:
        if gen != self._generation:
            return
        if isinstance(e, UserError):
            self.status.setText(e.text(self.env.lang))
        else:  # pragma: no cover - a bug: shown by the runner's crash handler too
            raise e

    def _show(self, gen: int, loaded: Loaded) -> None:
        if gen != self._generation:
            return
        self.loaded = loaded
        self.status.setText("")
        self._render()
        self.report_shown.emit(loaded.report)

    def _render(self) -> None:
        if self.loaded is None:
            return
        lang = self.env.lang
        r, doc = self.loaded.report, self.loaded.document
        center = r.center_kk if lang == "kk" else r.center_ru
        self.period_label.setText(f"<b>{center}</b> — {r.period.text(lang)}")
        self._fill_centers(r)
        self._show_figures(doc, lang)
        self._show_topic_chart(r, lang)
        self._show_channel_chart(r, lang)
        self._show_tables(doc, lang)

    def _fill_centers(self, r: Report) -> None:
        """Head office: the centers of an all-centers report to narrow it to one."""
        if not self._head_office() or r.center_id is not None:
            return
        self.center.blockSignals(True)
        self.center.clear()
        self.center.addItem(self.tr("All centers"), None)
        for unit in r.centers:
            self.center.addItem(unit.kk if self.env.lang == "kk" else unit.ru, unit.key)
        self.center.setCurrentIndex(0)
        self.center.blockSignals(False)


    def _show_tables(self, doc: ReportData, lang: Lang) -> None:
        current = self.tabs.currentIndex()
        self.tabs.clear()
        for table in self.tables.values():
            table.deleteLater()
        self.tables.clear()
        for sec in doc.sections:
            for t in sec.tables:
                widget = self._table_widget(t, lang)
                self.tables[t.key] = widget
                self.tabs.addTab(widget, _text(t.title, lang))
        if 0 <= current < self.tabs.count():
            self.tabs.setCurrentIndex(current)

    def _table_widget(self, t: ReportTable, lang: Lang) -> QTableWidget:
        rows = [*t.rows, *([t.total] if t.total is not None and t.rows else [])]
        w = QTableWidget(len(rows), len(t.columns) + 1)
        w.setObjectName(f"table-{t.key}")
        w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        w.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        w.setAlternatingRowColors(True)
        w.verticalHeader().hide()
        w.setHorizontalHeaderLabels(
            [_text(t.label_header, lang), *[_text(c.header, lang) for c in t.columns]])
        header = w.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for n in range(1, len(t.columns) + 1):
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.ResizeToContents)
        dimension = DRILL_TABLES.get(t.key)
        for i, r in enumerate(rows):
            is_total = t.total is not None and r is t.total
            name = QTableWidgetItem(_text(r.label, lang))
            if is_total:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            w.setItem(i, 0, name)
            for j, (value, col) in enumerate(zip(r.values, t.columns, strict=True), start=1):
                item = QTableWidgetItem(format_cell(value, col.kind))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                target = self._drill_target(t, dimension, r.key, j, is_total)
                if target is not None:
                    item.setData(ROLE_KEY, target)
                    item.setToolTip(self.tr("Double-click to see the consultations"))
                if is_total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                w.setItem(i, j, item)
        w.cellDoubleClicked.connect(
            lambda row, col, table=w: self._cell_double_clicked(table, row, col))
        return w


    # --- export --------------------------------------------------------------------

    def default_file_name(self, fmt: str) -> str:
        """``Есеп 2025Q1 2026-12-03.xlsx``: the report, its period, today."""
        if self.loaded is None:
            return file_name(self.tr("Report"), fmt)
        code = self.loaded.report.period.code.replace("..", "–")
        return file_name(f"{self.tr('Report')} {code}", fmt)

    def export(self, fmt: str, path: Path | None = None) -> None:
        """Write the shown report as PDF or XLSX (asks where when ``path`` is None)."""
        if self.loaded is None:
            return
        report = self.loaded.report
        if path is None:
            suffix = ".pdf" if fmt == "pdf" else ".xlsx"
            pattern = self.tr("PDF files (*.pdf)") if fmt == "pdf" else \
                self.tr("Excel workbooks (*.xlsx)")
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export report"),
                str(Path.home() / self.default_file_name(fmt)),
                pattern,
            )
            if not name:
                return
            path = Path(name)
            if path.suffix.lower() != suffix:
                path = path.with_suffix(suffix)
        writer: Callable[[Report, Any], int] = write_pdf if fmt == "pdf" else write_xlsx
        target = path
        self.status.setText(self.tr("Writing %1…").replace("%1", str(target)))
        self.pdf_button.setEnabled(False)
        self.xlsx_button.setEnabled(False)

        def done(_n: object) -> None:
            self.status.setText(self.tr("Saved: %1").replace("%1", str(target)))
            self.exported.emit(str(target))

        def failed(e: BaseException) -> None:
            text = e.text(self.env.lang) if isinstance(e, UserError) else str(e)
            self.status.setText(text)
            QMessageBox.warning(self, self.tr("Export report"), text)

        def finished() -> None:
            self.pdf_button.setEnabled(True)
            self.xlsx_button.setEnabled(True)

        self.env.runner.pool(writer, report, target, on_done=done, on_error=failed,
                             on_finally=finished)

    # --- language ------------------------------------------------------------------

    def retranslate(self) -> None:
        self._fill_kinds()
        self._fill_parts()
        self.refresh_button.setText(self.tr("Refresh"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.xlsx_button.setText(self.tr("Export XLSX…"))
        self.pdf_button.setToolTip(self.tr("The quarterly report in Kazakh and Russian"))
        self.xlsx_button.setToolTip(self.tr("Every table on its own sheet"))
        self.center.setToolTip(self.tr("Center"))
        if self.center.count():
            self.center.setItemText(0, self.tr("All centers"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


__all__ = ["DRILL_TABLES", "DrillDialog", "ReportsPage"]
