"""The figures tab of a campaign: reach, awareness per wave with intervals, the change
between baseline and endline, and the breakdown by sex, age group, youth or village."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.awareness import WaveKind
from civicdesk.domain.result_text import SMALL_SAMPLE_NOTE, change_text, share_text
from civicdesk.services.campaign_figures import DIMENSIONS, AwarenessReport
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import Retranslating

__all__ = ["FiguresPanel"]


class FiguresPanel(QWidget, Retranslating):
    # the user asked to compute the figures again
    recalculate = Signal()

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.report: AwarenessReport | None = None
        v = QVBoxLayout(self)
        self.reach = QLabel()
        self.reach.setWordWrap(True)
        v.addWidget(self.reach)
        self.figures = QTableWidget(0, 0)
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.setWordWrap(True)
        v.addWidget(self.figures, 2)
        row = QHBoxLayout()
        self.breakdown_label = QLabel()
        self.dimension = QComboBox()
        for key in DIMENSIONS:
            self.dimension.addItem("", key)
        self.dimension.currentIndexChanged.connect(self._show_breakdown)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.recalculate.emit)
        row.addWidget(self.breakdown_label)
        row.addWidget(self.dimension)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        v.addLayout(row)
        self.breakdown = QTableWidget(0, 4)
        self.breakdown.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.breakdown.setWordWrap(True)
        v.addWidget(self.breakdown, 2)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        v.addWidget(self.rules)
        self.bind_text(self.breakdown_label.setText, lambda: self.tr("Broken down by"))
        self.bind_text(self.refresh_button.setText, lambda: self.tr("Recalculate"))
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.breakdown.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("Baseline: know"), self.tr("Endline: know"),
            self.tr("Change")])
        for i, key in enumerate(DIMENSIONS):
            self.dimension.setItemText(i, self.env.tr_label(DIMENSIONS[key]))
        self.rules.setText(self.tr(
            "Shares with a 95 % Wilson interval; the change between the baseline and the "
            "endline in percentage points with Newcombe's interval, and as relative growth. "
            "A blank answer counts as not known.") + " " + SMALL_SAMPLE_NOTE.text(self.env.lang))
        if hasattr(self, "report"):
            self.show_report(self.report)

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    def show_report(self, report: AwarenessReport | None) -> None:
        self.report = report
        lang = self.env.lang
        if report is None:
            self.figures.setRowCount(0)
            self.breakdown.setRowCount(0)
            self.reach.clear()
            return
        cv = report.campaign
        self.reach.setText(self.tr(
            "Copies printed %1, handed out %2 (staff %3, volunteers %4) in %5 villages; "
            "people briefed in person %6").replace("%1", str(cv.copies_printed))
            .replace("%2", str(cv.copies_distributed)).replace("%3", str(cv.copies_by_staff))
            .replace("%4", str(cv.copies_by_volunteers))
            .replace("%5", str(cv.settlements_reached)).replace("%6", str(cv.people_briefed)))
        waves = report.waves
        headers = [self.tr("Question")]
        headers += [f"{w.number}. " + (self.tr("Baseline") if w.kind is WaveKind.BASELINE
                                        else self.tr("Endline")) for w, _ in waves]
        headers.append(self.tr("Change (baseline → endline)"))
        self.figures.setColumnCount(len(headers))
        self.figures.setHorizontalHeaderLabels(headers)
        labels = [(q.text_kk if lang == "kk" else q.text_ru) for q in report.questions]
        threshold = waves[0][1].threshold if waves else len(report.questions)
        labels.append(self.tr("Knows (at least %1 of %2 correct)")
                      .replace("%1", str(threshold)).replace("%2", str(len(report.questions))))
        self.figures.setRowCount(len(labels))
        for r, label in enumerate(labels):
            self.figures.setItem(r, 0, QTableWidgetItem(label))
            for c, (_w, f) in enumerate(waves, start=1):
                share = f.per_question[r] if r < len(report.questions) else f.knows
                self.figures.setItem(r, c, QTableWidgetItem(share_text(share, lang)))
            if report.comparison is not None:
                change = (report.comparison.per_question[r] if r < len(report.questions)
                          else report.comparison.knows)
                self.figures.setItem(r, len(headers) - 1,
                                     QTableWidgetItem(change_text(change, lang)))
        self.figures.resizeColumnsToContents()
        self.figures.resizeRowsToContents()
        self._show_breakdown()

    def _show_breakdown(self, *_: object) -> None:
        report = self.report
        key = self.dimension.currentData()
        rows = report.breakdowns.get(str(key), ()) if report is not None else ()
        self.breakdown.setRowCount(len(rows))
        for r, g in enumerate(rows):
            for c, text in enumerate((self.env.tr_label(g.name),
                                      share_text(g.before.knows, self.env.lang),
                                      share_text(g.after.knows, self.env.lang),
                                      change_text(g.change, self.env.lang))):
                self.breakdown.setItem(r, c, QTableWidgetItem(text))
        self.breakdown.resizeColumnsToContents()
        self.breakdown.resizeRowsToContents()
