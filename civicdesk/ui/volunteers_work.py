"""Volunteers' work: the assignments list with its form, and aid actions with theirs.
Lists are paged and sorted in SQL (``PagedTableModel``); a row opened from the list
(a click, or "Edit" in its right-click menu) fills the form, which then saves the
change; a manager deletes the open row after a question. Every write goes through the
database thread, and a refused one shows the service's message whole."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.collation import sorted_by_name
from civicdesk.domain.formatting import format_date, format_money
from civicdesk.domain.volunteers import AID_FORMS, ASSIGNMENT_KINDS, parse_decimal
from civicdesk.services import volunteer_work as work
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.volunteers import VolunteerRow, list_volunteers
from civicdesk.ui.common import fill_combo, pydate, qdate, select_data
from civicdesk.ui.env import UiEnv
from civicdesk.ui.paged import Column, PagedTableModel
from civicdesk.ui.screens_common import Retranslating, side_by_side
from civicdesk.ui.volunteers_part import (
    RowAction,
    ask_delete,
    date_edit,
    error_label,
    list_view,
    num,
    run_shown,
)

__all__ = ["AidTab", "AssignmentsTab"]

# volunteers offered in the assignment form (those with valid consent, in Kazakh order)
CHOICE_LIMIT = 1000


def _t(text: str) -> str:
    return QCoreApplication.translate("VolunteerWork", text)


class AssignmentsModel(PagedTableModel[work.AssignmentRow]):
    def __init__(self, env: UiEnv) -> None:
        self.env = env
        columns: list[Column[work.AssignmentRow]] = [
            Column("done_on", lambda: _t("Date"),
                   lambda r: format_date(r.done_on, env.lang, "short"), "done_on"),
            Column("volunteer", lambda: _t("Volunteer"), lambda r: r.volunteer_name,
                   "volunteer"),
            Column("kind", lambda: _t("Work"),
                   lambda r: env.tr_label(ASSIGNMENT_KINDS.get(r.kind, r.kind)), "kind"),
            Column("hours", lambda: _t("Hours"), lambda r: num(r.hours), "hours"),
            Column("linked", lambda: _t("For"),
                   lambda r: r.linked_ru if env.lang == "ru" else r.linked, None),
        ]
        super().__init__(env.runner, columns, self._fetch, default_sort="done_on",
                         default_descending=True)

    def _fetch(self, query: ListQuery) -> Page[work.AssignmentRow]:
        return work.list_assignments(self.env.ctx(), query)


class AssignmentsTab(QWidget, Retranslating):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.row: work.AssignmentRow | None = None
        self.model = AssignmentsModel(env)
        self.model.setParent(self)
        self.table = list_view(self.model, (85, 180, 140, 55))
        self.table.clicked.connect(self._open_row)
        self.table.doubleClicked.connect(self._open_row)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.apply_search)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_item)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        lv.addLayout(top)
        lv.addWidget(self.table, 1)
        form_w = QWidget()
        form = QFormLayout(form_w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.volunteer, self.kind, self.aid = QComboBox(), QComboBox(), QComboBox()
        self.org, self.campaign, self.seminar = QComboBox(), QComboBox(), QComboBox()
        self.done_on = date_edit()
        self.hours = QLineEdit()
        self.hours.setMaximumWidth(90)
        self.note = QLineEdit()
        self.labels = {k: QLabel() for k in ("volunteer", "kind", "done_on", "hours", "org",
                                             "campaign", "seminar", "aid", "note")}
        for key, widget in (("volunteer", self.volunteer), ("kind", self.kind),
                            ("done_on", self.done_on), ("hours", self.hours),
                            ("org", self.org), ("campaign", self.campaign),
                            ("seminar", self.seminar), ("aid", self.aid), ("note", self.note)):
            form.addRow(self.labels[key], widget)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow(self.status)
        self.error = error_label()
        form.addRow(self.error)
        self.add_button, self.delete_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(env.is_manager)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.add_button)
        form.addRow(row)
        QVBoxLayout(self).addWidget(side_by_side(left, form_w, (3, 2), [760, 560]))
        for combo in (self.volunteer, self.aid, self.org, self.campaign, self.seminar):
            # a choice wider than its box is read whole in the tooltip
            combo.currentIndexChanged.connect(
                lambda _i, c=combo: c.setToolTip(c.currentText()))
        self.volunteers: list[VolunteerRow] = []
        self.aids: list[work.AidRow] = []
        self.orgs: list[work.OrgRow] = []
        self.campaigns: list[work.LinkChoice] = []
        self.seminars: list[work.LinkChoice] = []
        self.bind_text(self.search.setPlaceholderText,
                       lambda: self.tr("Search by volunteer's name…"))
        self.bind_text(self.hours.setPlaceholderText, lambda: self.tr("e.g. 2,5"))
        self.bind_text(self.new_button.setText, lambda: self.tr("New record"))
        self.bind_text(self.delete_button.setText, lambda: self.tr("Delete…"))
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        super().retranslate()
        for key, text in (("volunteer", self.tr("Volunteer:")), ("kind", self.tr("Work:")),
                          ("done_on", self.tr("Date:")), ("hours", self.tr("Hours:")),
                          ("org", self.tr("Organisation:")), ("campaign", self.tr("Campaign:")),
                          ("seminar", self.tr("Seminar:")), ("aid", self.tr("Aid action:")),
                          ("note", self.tr("Note:"))):
            self.labels[key].setText(text)
        fill_combo(self.kind, ((self.env.tr_label(m), k) for k, m in ASSIGNMENT_KINDS.items()))
        self._fill()
        self._show_mode()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    def refresh(self) -> None:
        """Reload the list and what the form offers: volunteers with valid consent, aid
        actions, organisations, the center's campaigns and seminars."""
        ctx = self.env.ctx()
        self.env.runner.db(list_volunteers, ctx, ListQuery(limit=CHOICE_LIMIT,
                                                           filters={"active": True}),
                           on_done=self._got_volunteers)
        self.env.runner.db(work.list_aid, ctx, ListQuery(limit=200), on_done=self._got_aid)
        self.env.runner.db(work.list_orgs, ctx, ListQuery(limit=CHOICE_LIMIT),
                           on_done=self._got_orgs)
        self.env.runner.db(work.link_choices, ctx, on_done=self._got_links)
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

    def _got_orgs(self, page: Page[work.OrgRow]) -> None:
        self.orgs = list(page.rows)
        self._fill()

    def _got_links(self, links: tuple[list[work.LinkChoice], list[work.LinkChoice]]) -> None:
        self.campaigns, self.seminars = links
        self._fill()

    def _fill(self) -> None:
        lang, none = self.env.lang, self.tr("— none —")
        fill_combo(self.volunteer, ((v.full_name, v.id) for v in self.volunteers))
        fill_combo(self.aid, ((f"{format_date(a.done_on, lang, 'short')} {a.title}", a.id)
                              for a in self.aids), blank=none)
        fill_combo(self.org, ((o.name, o.id) for o in self.orgs), blank=none)
        # Kazakh alphabetical order of the title the screen shows (the service sorts
        # the Kazakh titles; a Russian screen shows the Russian ones)
        for combo, rows in ((self.campaign, self.campaigns), (self.seminar, self.seminars)):
            fill_combo(combo, ((f"{c.title(lang)} ({format_date(c.day, lang, 'short')})", c.id)
                               for c in sorted_by_name(rows, lambda c: c.title(lang))),
                       blank=none)
        if self.row is not None:
            self._select_links(self.row)
        for combo in (self.volunteer, self.aid, self.org, self.campaign, self.seminar):
            combo.setToolTip(combo.currentText())  # the fill blocks the change signal

    # ------------------------------------------------------------------ the form
    def new_item(self) -> None:
        self.show_row(None)
        self.table.clearSelection()

    def _open_row(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None:
            self.show_row(row)

    def row_actions(self) -> list[RowAction]:
        """The right-click menu's entries for the selected assignment."""
        return [(self.tr("Edit"), self._open_row, True),
                (self.tr("Delete…"), self._delete_selected, self.env.is_manager)]

    def _delete_selected(self) -> None:
        self._open_row()
        self.delete()

    def _select_links(self, row: work.AssignmentRow) -> None:
        if self.volunteer.findData(row.volunteer_id) < 0:
            # consent withdrawn since: offered for this record, the service judges the day
            self.volunteer.addItem(row.volunteer_name, row.volunteer_id)
        select_data(self.volunteer, row.volunteer_id)
        for combo, value in ((self.org, row.org_id), (self.campaign, row.campaign_id),
                             (self.seminar, row.seminar_id), (self.aid, row.aid_action_id)):
            select_data(combo, value)

    def show_row(self, row: work.AssignmentRow | None) -> None:
        self.row = row
        self.error.clear()
        if row is None:
            self._fill()
            for combo in (self.org, self.campaign, self.seminar, self.aid):
                combo.setCurrentIndex(0)
            self.hours.clear()
            self.note.clear()
        else:
            self._select_links(row)
            select_data(self.kind, row.kind)
            self.done_on.setDate(qdate(row.done_on))
            self.hours.setText(num(row.hours))
            self.note.setText(row.note)
            self.note.setCursorPosition(0)
        self._show_mode()

    def _show_mode(self) -> None:
        editing = self.row is not None
        self.add_button.setText(self.tr("Save changes") if editing
                                else self.tr("Record the work"))
        self.delete_button.setEnabled(editing)
        self.status.setText(
            self.tr("Correcting the work of %1 on %2.").replace(
                "%1", self.row.volunteer_name).replace(
                "%2", format_date(self.row.done_on, self.env.lang, "short"))
            if self.row is not None else "")

    def collect(self) -> work.AssignmentInput:
        return work.AssignmentInput(
            volunteer_id=self.volunteer.currentData() or "", kind=self.kind.currentData(),
            done_on=pydate(self.done_on.date()), hours=parse_decimal(self.hours.text()),
            org_id=self.org.currentData(), campaign_id=self.campaign.currentData(),
            seminar_id=self.seminar.currentData(), aid_action_id=self.aid.currentData(),
            note=self.note.text())

    def add(self) -> None:
        """Record the work, or save the changes of the open record."""
        self.error.clear()
        data = self.collect()
        if not data.volunteer_id:
            self.error.setText(self.tr("Choose a volunteer with valid consent."))
            return
        if self.row is None:
            run_shown(self.env, self.error, work.add_assignment, data, on_done=self._added)
        else:
            run_shown(self.env, self.error, work.update_assignment, self.row.id, data,
                      on_done=self._added)

    def _added(self, _row: object) -> None:
        self.show_row(None)
        self.refresh()
        self.env.notify_changed("volunteer_assignment")

    def delete(self) -> None:
        if self.row is None or not self.env.is_manager:
            return
        if ask_delete(self, self.tr("Delete the record"), self.tr(
                "Delete the work of %1 on %2 (%3 h)? The hours leave the "
                "volunteer's total and the statistics.").replace(
                "%1", self.row.volunteer_name).replace(
                "%2", format_date(self.row.done_on, self.env.lang, "short")).replace(
                "%3", num(self.row.hours))):
            self.delete_now()

    def delete_now(self) -> None:
        assert self.row is not None
        run_shown(self.env, self.error, work.delete_assignment, self.row.id,
                  on_done=self._added)


class AidModel(PagedTableModel[work.AidRow]):
    def __init__(self, env: UiEnv) -> None:
        self.env = env

        def amount(r: work.AidRow) -> str:
            parts = []
            if r.quantity is not None:
                parts.append(f"{num(r.quantity)} {r.unit}")
            if r.amount is not None:
                parts.append(format_money(r.amount, env.lang))
            return "; ".join(parts)

        columns: list[Column[work.AidRow]] = [
            Column("done_on", lambda: _t("Date"),
                   lambda r: format_date(r.done_on, env.lang, "short"), "done_on"),
            Column("title", lambda: _t("Aid"), lambda r: r.title, "title"),
            Column("amount", lambda: _t("Amount"), amount, "amount"),
            Column("households", lambda: _t("Households"), lambda r: str(r.households),
                   "households"),
            Column("volunteers", lambda: _t("Volunteers"), lambda r: str(r.volunteers), None),
            Column("hours", lambda: _t("Hours"), lambda r: num(r.hours), None),
            Column("services", lambda: _t("Services"), lambda r: r.services, None),
        ]
        super().__init__(env.runner, columns, self._fetch, default_sort="done_on",
                         default_descending=True)

    def _fetch(self, query: ListQuery) -> Page[work.AidRow]:
        return work.list_aid(self.env.ctx(), query)


class AidTab(QWidget, Retranslating):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.row: work.AidRow | None = None
        self.model = AidModel(env)
        self.model.setParent(self)
        self.table = list_view(self.model, (85, 160, 130, 60, 85, 50, 50))
        self.table.clicked.connect(self._open_row)
        self.table.doubleClicked.connect(self._open_row)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_item)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.new_button)
        lv.addLayout(top)
        lv.addWidget(self.table, 1)
        form_w = QWidget()
        form = QFormLayout(form_w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit()
        self.done_on = date_edit()
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
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow(self.status)
        self.error = error_label()
        form.addRow(self.error)
        self.save_button, self.delete_button = QPushButton(), QPushButton()
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(env.is_manager)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.save_button)
        form.addRow(row)
        QVBoxLayout(self).addWidget(side_by_side(left, form_w, (3, 2), [760, 560]))
        self.bind_text(self.unit.setPlaceholderText, lambda: self.tr("tonne, bag, m³…"))
        self.bind_text(self.new_button.setText, lambda: self.tr("New aid action"))
        self.bind_text(self.delete_button.setText, lambda: self.tr("Delete…"))
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
        self._show_mode()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    def refresh(self) -> None:
        self.model.reload()

    def new_item(self) -> None:
        self.show_row(None)
        self.table.clearSelection()

    def _open_row(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None:
            self.show_row(row)

    def row_actions(self) -> list[RowAction]:
        """The right-click menu's entries for the selected aid action."""
        return [(self.tr("Edit"), self._open_row, True),
                (self.tr("Delete…"), self._delete_selected, self.env.is_manager)]

    def _delete_selected(self) -> None:
        self._open_row()
        self.delete()

    def show_row(self, row: work.AidRow | None) -> None:
        self.row = row
        self.error.clear()
        self.title.setText(row.title if row else "")
        if row is not None:
            self.done_on.setDate(qdate(row.done_on))
        select_data(self.form_kind, row.form if row else "money")
        self.amount.setText(num(row.amount) if row else "")
        self.quantity.setText(num(row.quantity) if row else "")
        self.unit.setText(row.unit if row else "")
        self.households.setValue(row.households if row else 0)
        self.services.setText(row.services if row else "")
        for box in (self.title, self.services):
            box.setCursorPosition(0)  # a long text shows its beginning
        self._show_mode()

    def _show_mode(self) -> None:
        editing = self.row is not None
        self.save_button.setText(self.tr("Save changes") if editing
                                 else self.tr("Record the aid action"))
        self.delete_button.setEnabled(editing)
        self.status.setText(self.tr("Correcting «%1».").replace("%1", self.row.title)
                            if self.row is not None else "")

    def collect(self) -> work.AidInput:
        r = self.row
        return work.AidInput(
            title=self.title.text(), done_on=pydate(self.done_on.date()),
            form=self.form_kind.currentData(), amount=parse_decimal(self.amount.text()),
            quantity=parse_decimal(self.quantity.text()), unit=self.unit.text(),
            households=self.households.value(), services=self.services.text(),
            # the form does not show these: a correction keeps them
            settlement_id=r.settlement_id if r else None, org_id=r.org_id if r else None,
            note=r.note if r else "")

    def save(self) -> None:
        run_shown(self.env, self.error, work.save_aid, self.collect(),
                  self.row.id if self.row else None, on_done=self._saved)

    def _saved(self, _row: work.AidRow) -> None:
        self.show_row(None)
        self.model.reload()
        self.env.notify_changed("aid_action")

    def delete(self) -> None:
        if self.row is None or not self.env.is_manager:
            return
        if ask_delete(self, self.tr("Delete the aid action"), self.tr(
                "Delete the aid action «%1»?").replace("%1", self.row.title)):
            self.delete_now()

    def delete_now(self) -> None:
        assert self.row is not None
        run_shown(self.env, self.error, work.delete_aid, self.row.id,
                  on_done=lambda _none: self._deleted())

    def _deleted(self) -> None:
        self.show_row(None)
        self.model.reload()
        self.env.notify_changed("aid_action")
