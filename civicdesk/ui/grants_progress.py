"""A funded project's progress on the grants page: indicators and reports.

:class:`ProgressPart` is mixed into :class:`civicdesk.ui.grants.GrantsPage`; its texts are
translated in the page's context.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import (
    QCoreApplication,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.errors import UserError
from civicdesk.domain.formatting import format_date, format_money, parse_money
from civicdesk.services import grants as svc
from civicdesk.ui.grants_budget import _dec
from civicdesk.ui.grants_part import GrantsPagePart
from civicdesk.ui.screens_common import (
    BAD_COLOR,
    from_qdate,
    to_qdate,
)

__all__ = ["ProgressPart"]


class ProgressPart(GrantsPagePart):
    """The indicators and reports tab."""

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
            actual = QCoreApplication.translate("GrantsPage", "actual")
            self.indicators_list.addItem(f"{i.name}{unit}: {num(i.baseline)} → {num(i.target)} ({actual}: {num(i.actual)})")
        kinds = {"interim": QCoreApplication.translate("GrantsPage", "interim"), "final": QCoreApplication.translate("GrantsPage", "final")}
        for r in view.reports:
            spent = f", {format_money(r.spent_amount, self.env.lang)}" if r.spent_amount is not None else ""
            self.reports_list.addItem(f"{format_date(r.submitted_on, self.env.lang)} — {kinds.get(r.kind, r.kind)}{spent}: {r.narrative}")

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
            self.indicator_error.setText(QCoreApplication.translate("GrantsPage", "Numbers only, e.g. 40 or 12.5"))
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
