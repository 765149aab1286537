"""Volunteers' work: the assignments list with its form, and aid actions with theirs.
Lists are paged and sorted in SQL (``PagedTableModel``); every write goes through the
database thread, and a refused one shows the service's message whole."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.formatting import format_date, format_money
from civicdesk.domain.volunteers import AID_FORMS, ASSIGNMENT_KINDS, parse_decimal
from civicdesk.services import volunteer_work as work
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.volunteers import VolunteerRow, list_volunteers
from civicdesk.ui.common import fill_combo, pydate, qdate
from civicdesk.ui.env import UiEnv
from civicdesk.ui.paged import Column, PagedTableModel
from civicdesk.ui.screens_common import Retranslating, show_error_text, side_by_side

__all__ = ["AidTab", "AssignmentsTab"]

# volunteers offered in the assignment form (those with valid consent, in Kazakh order)
CHOICE_LIMIT = 1000


def _num(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}".replace(".", ",")


def _table(model: Any, widths: tuple[int, ...]) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSortingEnabled(True)
    t.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    for col, width in enumerate(widths):
        t.setColumnWidth(col, width)
    return t


def _date_edit() -> QDateEdit:
    d = QDateEdit()
    d.setCalendarPopup(True)
    d.setDisplayFormat("dd.MM.yyyy")
    d.setDate(qdate(date.today()))
    return d


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


class AssignmentsModel(PagedTableModel[work.AssignmentRow]):
    def __init__(self, env: UiEnv) -> None:
        self.env = env
        columns: list[Column[work.AssignmentRow]] = [
            Column("done_on", lambda: QCoreApplication.translate("VolunteerWork", "Date"),
                   lambda r: format_date(r.done_on, env.lang, "short"), "done_on"),
            Column("volunteer", lambda: QCoreApplication.translate("VolunteerWork", "Volunteer"),
                   lambda r: r.volunteer_name, "volunteer"),
            Column("kind", lambda: QCoreApplication.translate("VolunteerWork", "Work"),
                   lambda r: env.tr_label(ASSIGNMENT_KINDS.get(r.kind, r.kind)), "kind"),
            Column("hours", lambda: QCoreApplication.translate("VolunteerWork", "Hours"),
                   lambda r: _num(r.hours), "hours"),
            Column("linked", lambda: QCoreApplication.translate("VolunteerWork", "For"),
                   lambda r: r.linked, None),
        ]
        super().__init__(env.runner, columns, self._fetch, default_sort="done_on",
                         default_descending=True)

    def _fetch(self, query: ListQuery) -> Page[work.AssignmentRow]:
        return work.list_assignments(self.env.ctx(), query)


class AssignmentsTab(QWidget, Retranslating):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.model = AssignmentsModel(env)
        self.model.setParent(self)
        self.table = _table(self.model, (85, 180, 140, 55))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.apply_search)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.table, 1)
        form_w = QWidget()
        form = QFormLayout(form_w)
        self.volunteer, self.kind, self.aid = QComboBox(), QComboBox(), QComboBox()
        self.done_on = _date_edit()
        self.hours = QLineEdit()
        self.hours.setMaximumWidth(90)
        self.note = QLineEdit()
        self.labels = {k: QLabel() for k in ("volunteer", "kind", "done_on", "hours", "aid",
                                             "note")}
        for key, widget in (("volunteer", self.volunteer), ("kind", self.kind),
                            ("done_on", self.done_on), ("hours", self.hours),
                            ("aid", self.aid), ("note", self.note)):
            form.addRow(self.labels[key], widget)
        self.error = _error_label()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        form.addRow(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        form.addRow(row)
        QVBoxLayout(self).addWidget(side_by_side(left, form_w, (3, 2), [760, 560]))
        self.volunteers: list[VolunteerRow] = []
        self.aids: list[work.AidRow] = []
        self.bind_text(self.add_button.setText, lambda: self.tr("Record the work"))
        self.bind_text(self.search.setPlaceholderText,
                       lambda: self.tr("Search by volunteer's name…"))
        self.bind_text(self.hours.setPlaceholderText, lambda: self.tr("e.g. 2,5"))
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        super().retranslate()
        for key, text in (("volunteer", self.tr("Volunteer:")), ("kind", self.tr("Work:")),
                          ("done_on", self.tr("Date:")), ("hours", self.tr("Hours:")),
                          ("aid", self.tr("Aid action:")), ("note", self.tr("Note:"))):
            self.labels[key].setText(text)
        fill_combo(self.kind, ((self.env.tr_label(m), k) for k, m in ASSIGNMENT_KINDS.items()))
        self._fill()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    def refresh(self) -> None:
        """Reload the list and the volunteers and aid actions the form offers."""
        ctx = self.env.ctx()
        self.env.runner.db(list_volunteers, ctx, ListQuery(limit=CHOICE_LIMIT,
                                                           filters={"active": True}),
                           on_done=self._got_volunteers)
        self.env.runner.db(work.list_aid, ctx, ListQuery(limit=200), on_done=self._got_aid)
        self.model.reload()

    def apply_search(self) -> None:
        self.model.search = self.search.text().strip()
        self.model.reload()

    def _got_volunteers(self, page: Page[VolunteerRow]) -> None:
        self.volunteers = list(page.rows)
        self._fill()

    def _got_aid(self, page: Page[work.AidRow]) -> None:
        self.aids = list(page.rows)
        self._fill()

    def _fill(self) -> None:
        fill_combo(self.volunteer, ((v.full_name, v.id) for v in self.volunteers))
        fill_combo(self.aid, ((f"{format_date(a.done_on, self.env.lang, 'short')} {a.title}",
                               a.id) for a in self.aids), blank=self.tr("— none —"))

    def collect(self) -> work.AssignmentInput:
        return work.AssignmentInput(
            volunteer_id=self.volunteer.currentData() or "", kind=self.kind.currentData(),
            done_on=pydate(self.done_on.date()), hours=parse_decimal(self.hours.text()),
            aid_action_id=self.aid.currentData(), note=self.note.text())

    def add(self) -> None:
        self.error.clear()
        data = self.collect()
        if not data.volunteer_id:
            self.error.setText(self.tr("Choose a volunteer with valid consent."))
            return
        self.env.runner.db(work.add_assignment, self.env.ctx(), data, on_done=self._added,
                           on_error=lambda e: show_error_text(self.error, self.env, e))

    def _added(self, _row: work.AssignmentRow) -> None:
        self.hours.clear()
        self.note.clear()
        self.refresh()
        self.env.notify_changed("volunteer_assignment")


class AidModel(PagedTableModel[work.AidRow]):
    def __init__(self, env: UiEnv) -> None:
        self.env = env

        def amount(r: work.AidRow) -> str:
            parts = []
            if r.quantity is not None:
                parts.append(f"{_num(r.quantity)} {r.unit}")
            if r.amount is not None:
                parts.append(format_money(r.amount, env.lang))
            return "; ".join(parts)

        columns: list[Column[work.AidRow]] = [
            Column("done_on", lambda: QCoreApplication.translate("VolunteerWork", "Date"),
                   lambda r: format_date(r.done_on, env.lang, "short"), "done_on"),
            Column("title", lambda: QCoreApplication.translate("VolunteerWork", "Aid"),
                   lambda r: r.title, "title"),
            Column("amount", lambda: QCoreApplication.translate("VolunteerWork", "Amount"),
                   amount, "amount"),
            Column("households", lambda: QCoreApplication.translate("VolunteerWork", "Households"),
                   lambda r: str(r.households),
                   "households"),
            Column("volunteers", lambda: QCoreApplication.translate("VolunteerWork", "Volunteers"),
                   lambda r: str(r.volunteers), None),
            Column("hours", lambda: QCoreApplication.translate("VolunteerWork", "Hours"),
                   lambda r: _num(r.hours), None),
            Column("services", lambda: QCoreApplication.translate("VolunteerWork", "Services"),
                   lambda r: r.services, None),
        ]
        super().__init__(env.runner, columns, self._fetch, default_sort="done_on",
                         default_descending=True)

    def _fetch(self, query: ListQuery) -> Page[work.AidRow]:
        return work.list_aid(self.env.ctx(), query)


class AidTab(QWidget, Retranslating):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.model = AidModel(env)
        self.model.setParent(self)
        self.table = _table(self.model, (85, 200, 140, 65, 75, 50))
        form_w = QWidget()
        form = QFormLayout(form_w)
        self.title = QLineEdit()
        self.done_on = _date_edit()
        self.form_kind = QComboBox()
        self.amount, self.quantity, self.unit = QLineEdit(), QLineEdit(), QLineEdit()
        self.households = QSpinBox()
        self.households.setRange(0, 100_000)
        self.services = QLineEdit()
        self.labels = {k: QLabel() for k in ("title", "done_on", "form", "amount", "quantity",
                                             "unit", "households", "services")}
        for key, widget in (("title", self.title), ("done_on", self.done_on),
                            ("form", self.form_kind), ("amount", self.amount),
                            ("quantity", self.quantity), ("unit", self.unit),
                            ("households", self.households), ("services", self.services)):
            form.addRow(self.labels[key], widget)
        self.error = _error_label()
        form.addRow(self.error)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        QVBoxLayout(self).addWidget(side_by_side(self.table, form_w, (3, 2), [760, 560]))
        self.bind_text(self.save_button.setText, lambda: self.tr("Record the aid action"))
        self.bind_text(self.unit.setPlaceholderText, lambda: self.tr("tonne, bag, m³…"))
        self.retranslate()
        self.model.reload()

    def retranslate(self) -> None:
        super().retranslate()
        for key, text in (("title", self.tr("What was given:")), ("done_on", self.tr("Date:")),
                          ("form", self.tr("Form:")), ("amount", self.tr("Amount or value, ₸:")),
                          ("quantity", self.tr("Quantity in kind:")), ("unit", self.tr("Unit:")),
                          ("households", self.tr("Households helped:")),
                          ("services", self.tr("Services that took part:"))):
            self.labels[key].setText(text)
        fill_combo(self.form_kind, ((self.env.tr_label(m), k) for k, m in AID_FORMS.items()))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    def collect(self) -> work.AidInput:
        return work.AidInput(
            title=self.title.text(), done_on=pydate(self.done_on.date()),
            form=self.form_kind.currentData(), amount=parse_decimal(self.amount.text()),
            quantity=parse_decimal(self.quantity.text()), unit=self.unit.text(),
            households=self.households.value(), services=self.services.text())

    def save(self) -> None:
        self.error.clear()
        self.env.runner.db(work.save_aid, self.env.ctx(), self.collect(), on_done=self._saved,
                           on_error=lambda e: show_error_text(self.error, self.env, e))

    def _saved(self, _row: work.AidRow) -> None:
        for w in (self.title, self.amount, self.quantity, self.unit, self.services):
            w.clear()
        self.households.setValue(0)
        self.model.reload()
        self.env.notify_changed("aid_action")
