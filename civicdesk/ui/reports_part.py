"""What the parts of the Reports page (charts, drill-down) share: the page's state and
the methods they call on one another, declared once for the type checker.

At run time a part is a plain mixin of :class:`civicdesk.ui.reports.ReportsPage`; for
the type checker it is a widget, since the page it is mixed into is one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from civicdesk.printing.report import ReportData
from civicdesk.services.reports import Report
from civicdesk.ui.env import UiEnv

__all__ = ["ClickableLabel", "Loaded", "ReportsPagePart"]

@dataclass(frozen=True)
class Loaded:
    """What the database thread hands back: the statistics and their document."""

    report: Report
    document: ReportData


class ClickableLabel(QLabel):
    """A key figure that opens the consultations it counts when clicked."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


class ReportsPagePart(_Base):
    """The page's state a part may use."""

    env: UiEnv
    loaded: Loaded | None
    figures: QGridLayout
    figure_labels: dict[str, ClickableLabel]
    topic_chart: QChartView
    channel_chart: QChartView
    _head_office: Callable[[], bool]
    drill: Callable[..., object]
