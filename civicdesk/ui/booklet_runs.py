"""The print-runs tab of the booklets page: record a print run, hand copies out to
villages (the lists and the summary are filled by the page's refresh)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import BookletLayout
from civicdesk.services import booklets as svc
from civicdesk.ui.screens_common import BAD_COLOR, ListEditor, from_qdate, to_qdate

__all__ = ["BookletRunsTab"]


class BookletRunsTab(ListEditor):
    """Mixed into BookletsPage: the print-runs tab and what its buttons do."""

    layout_combo: QComboBox
    _saved: Callable[[svc.BookletView], None]

    def _runs_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.run_box = QGroupBox()
        rf = QHBoxLayout(self.run_box)
        self.run_copies = QSpinBox()
        self.run_copies.setRange(1, 1_000_000)
        self.run_copies.setValue(300)
        self.run_date = QDateEdit()
        self.run_date.setCalendarPopup(True)
        self.run_date.setDisplayFormat("dd.MM.yyyy")
        self.run_date.setDate(to_qdate(date.today()))
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.record_run)
        self.l_run_copies, self.l_run_date = QLabel(), QLabel()
        for x in (self.l_run_copies, self.run_copies, self.l_run_date, self.run_date):
            rf.addWidget(x)
        rf.addStretch(1)
        rf.addWidget(self.run_button)
        v.addWidget(self.run_box)
        self.runs_list = QListWidget()
        self.runs_list.setMaximumHeight(110)
        v.addWidget(self.runs_list)
        self.dist_box = QGroupBox()
        df = QHBoxLayout(self.dist_box)
        self.dist_run = QComboBox()
        self.dist_settlement = QComboBox()
        self.dist_copies = QSpinBox()
        self.dist_copies.setRange(1, 1_000_000)
        self.dist_copies.setValue(50)
        self.dist_date = QDateEdit()
        self.dist_date.setCalendarPopup(True)
        self.dist_date.setDisplayFormat("dd.MM.yyyy")
        self.dist_date.setDate(to_qdate(date.today()))
        self.dist_button = QPushButton()
        self.dist_button.clicked.connect(self.distribute)
        self.l_dist_run, self.l_dist_copies = QLabel(), QLabel()
        for x2 in (self.l_dist_run, self.dist_run, self.dist_settlement, self.l_dist_copies, self.dist_copies,
                   self.dist_date, self.dist_button):
            df.addWidget(x2)
        self.dist_run.setMinimumWidth(180)
        df.setStretch(2, 1)
        v.addWidget(self.dist_box)
        self.runs_error = QLabel()
        self.runs_error.setStyleSheet(f"color: {BAD_COLOR};")
        self.runs_error.setWordWrap(True)
        v.addWidget(self.runs_error)
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("font-weight: bold;")
        v.addWidget(self.summary_label)
        self.dist_list = QListWidget()
        v.addWidget(self.dist_list, 1)
        return w

    def _then_reload(self, work: Callable[[], object]) -> None:
        self.reload_after(work, svc.get_booklet, self._saved, self.runs_error)

    @Slot()
    def record_run(self) -> None:
        if self.view is None:
            return
        ctx, bid = self.env.ctx(), self.view.id
        copies, on = self.run_copies.value(), from_qdate(self.run_date.date()) or date.today()
        layout = BookletLayout(self.layout_combo.currentData())
        self._then_reload(lambda: svc.record_print_run(ctx, bid, copies, on, layout))

    @Slot()
    def distribute(self) -> None:
        run_id = self.dist_run.currentData()
        if self.view is None or not run_id:
            return
        ctx = self.env.ctx()
        settlement = self.dist_settlement.currentData()
        copies, on = self.dist_copies.value(), from_qdate(self.dist_date.date()) or date.today()
        self._then_reload(lambda: svc.distribute(ctx, str(run_id), settlement, copies, on))
