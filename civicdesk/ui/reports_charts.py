"""The key figures and the charts of the Reports page.

:class:`ChartsPart` is mixed into :class:`civicdesk.ui.reports.ReportsPage`; its texts are
translated in the page's context.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
)

from civicdesk.domain.errors import Lang
from civicdesk.printing.report import ReportData, format_cell
from civicdesk.services.reports import Report
from civicdesk.ui.reports_part import ClickableLabel, ReportsPagePart

__all__ = ["ChartsPart"]


class ChartsPart(ReportsPagePart):
    """Key figures, the topics chart and the channels chart."""

    def _show_figures(self, doc: ReportData, lang: Lang) -> None:
        while self.figures.count():
            item = self.figures.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.figure_labels.clear()
        # the first section's figures: total, residents, closed, overdue
        clickable = {(0, 1): "total", (0, 4): "overdue"}
        row = 0
        for sec in doc.sections:
            if not sec.figures:
                continue
            title = QLabel(f"<b>{sec.title.text(lang)}</b>")
            self.figures.addWidget(title, row, 0)
            for col, fig in enumerate(sec.figures, start=1):
                value = format_cell(fig.value, fig.kind)
                label = ClickableLabel(
                    f"<span style='font-size:15pt; color:#1f5f99'><b>{value}</b></span>"
                    f"<br/>{fig.label.text(lang)}")
                label.setWordWrap(True)
                what = clickable.get((row, col))
                if what is not None:
                    label.setToolTip(QCoreApplication.translate("ReportsPage", "Click to see the consultations"))
                    label.setCursor(Qt.CursorShape.PointingHandCursor)
                    label.clicked.connect(
                        lambda w=what: self.drill(w, "", self._figure_title(w)))
                self.figure_labels[f"{row}:{col}"] = label
                self.figures.addWidget(label, row, col)
            row += 1

    def _figure_title(self, what: str) -> str:
        if self.loaded is None:
            return ""
        period = self.loaded.report.period.text(self.env.lang)
        if what == "overdue":
            return QCoreApplication.translate("ReportsPage", "Overdue follow-ups, %1").replace("%1", period)
        return QCoreApplication.translate("ReportsPage", "All consultations, %1").replace("%1", period)

    def _show_topic_chart(self, r: Report, lang: Lang) -> None:
        chart = QChart()
        chart.setTitle(QCoreApplication.translate("ReportsPage", "Consultations by topic"))
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        counts = list(reversed(r.consultations.by_topic))  # biggest at the top
        bars = QBarSet(QCoreApplication.translate("ReportsPage", "Consultations"))
        bars.setLabelColor(QColor("#202020"))
        for c in counts:
            bars.append(c.count)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        small = names.labelsFont()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        names.setLabelsFont(small)
        names.setTruncateLabels(False)
        names.append([self._short(c.name(lang)) for c in counts] or [""])
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        axis = QValueAxis()
        axis.setLabelFormat("%d")
        axis.setRange(0, max([c.count for c in counts] + [1]) * 1.15)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        old = self.topic_chart.chart()
        self.topic_chart.setChart(chart)
        if old is not None:
            old.deleteLater()
        self._topic_series = series
        self._topic_keys = [c.key for c in counts]
        bars.doubleClicked.connect(self._bar_clicked)

    def _bar_clicked(self, index: int) -> None:
        if self.loaded is None or not 0 <= index < len(self._topic_keys):
            return
        key = self._topic_keys[index]
        name = next((c.name(self.env.lang) for c in self.loaded.report.consultations.by_topic
                     if c.key == key), key)
        self.drill("topic", key, name)

    @staticmethod
    def _short(text: str, limit: int = 34) -> str:
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

    def _show_channel_chart(self, r: Report, lang: Lang) -> None:
        chart = QChart()
        chart.setTitle(QCoreApplication.translate("ReportsPage", "Consultations by channel"))
        chart.setMargins(QMargins(4, 4, 4, 4))
        series = QPieSeries()
        for c in r.consultations.by_channel:
            if c.count:
                s = series.append(f"{c.name(lang)}: {c.count}", c.count)
                s.setLabelVisible(False)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        old = self.channel_chart.chart()
        self.channel_chart.setChart(chart)
        if old is not None:
            old.deleteLater()
