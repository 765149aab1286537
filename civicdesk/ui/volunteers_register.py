"""The volunteer register: the paged list (sorted and filtered in SQL, names in Kazakh
order) beside the card with consent, withdrawal, export and erasure on request."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.collation import sorted_by_name
from civicdesk.domain.enums import Sex
from civicdesk.domain.formatting import format_date
from civicdesk.domain.volunteers import VOLUNTEER_CONSENT_PURPOSES
from civicdesk.services import reference
from civicdesk.services import volunteers as svc
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.reference import Named
from civicdesk.services.volunteer_erasure import erase_volunteer_everywhere
from civicdesk.services.volunteer_network import write_network_export
from civicdesk.services.volunteer_print import letter_job
from civicdesk.ui.common import fill_combo, pydate, qdate, search_timer, select_data
from civicdesk.ui.env import UiEnv
from civicdesk.ui.paged import Column, PagedTableModel
from civicdesk.ui.screens_common import (
    Retranslating,
    render_and_preview,
    show_error_text,
    side_by_side,
)
from civicdesk.ui.texts import sex_text

__all__ = ["RegisterTab", "VolunteersModel"]


def _hours(value: object) -> str:
    return f"{value}".rstrip("0").rstrip(".").replace(".", ",") if value else "0"


class VolunteersModel(PagedTableModel[svc.VolunteerRow]):
    def __init__(self, env: UiEnv) -> None:
        self.env = env
        self.active_only = False

        def place(r: svc.VolunteerRow) -> str:
            return (r.settlement_kk if env.lang == "kk" else r.settlement_ru) or ""

        def consent(r: svc.VolunteerRow) -> str:
            if r.withdrawn_on is not None:
                return QCoreApplication.translate("VolunteersModel", "withdrawn %1").replace(
                    "%1", format_date(r.withdrawn_on, env.lang, "short"))
            return format_date(r.consent_date, env.lang, "short") if r.consent_date else ""

        columns: list[Column[svc.VolunteerRow]] = [
            Column("full_name", lambda: QCoreApplication.translate("VolunteersModel", "Full name"),
                   lambda r: r.full_name, "full_name"),
            Column("settlement", lambda: QCoreApplication.translate("VolunteersModel", "Settlement"),
                   place, "settlement"),
            Column("consent", lambda: QCoreApplication.translate("VolunteersModel", "Consent"),
                   consent, "consent_date"),
            Column("hours", lambda: QCoreApplication.translate("VolunteersModel", "Hours"),
                   lambda r: _hours(r.hours), "hours"),
            Column("skills", lambda: QCoreApplication.translate("VolunteersModel", "Skills"),
                   lambda r: r.skills, None),
            Column("availability", lambda: QCoreApplication.translate("VolunteersModel", "Availability"),
                   lambda r: r.availability, None),
        ]
        super().__init__(env.runner, columns, self._fetch_page, default_sort="full_name")
        self.consent_column = [c.key for c in columns].index("consent")

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A withdrawn consent stands out in red, and its tooltip says both dates in
        full (the cell may be too narrow for them at 1366×768)."""
        if index.isValid() and index.column() == self.consent_column and role in (
                Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            r = self.row_at(index.row())
            if r is None or r.consent_date is None:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#b00020") if r.withdrawn_on is not None else None
            lang = self.env.lang
            given = format_date(r.consent_date, lang, "long")
            if r.withdrawn_on is None:
                return QCoreApplication.translate("VolunteersModel", "Consent given on %1").replace(
                    "%1", given)
            return QCoreApplication.translate(
                "VolunteersModel", "Consent given on %1, withdrawn on %2").replace(
                "%1", given).replace("%2", format_date(r.withdrawn_on, lang, "long"))
        return super().data(index, role)

    def query(self, page: int) -> ListQuery:
        q = super().query(page)
        return ListQuery(q.offset, q.limit, q.sort, q.descending, q.search,
                         {"active": True} if self.active_only else {})

    def _fetch_page(self, query: ListQuery) -> Page[svc.VolunteerRow]:
        return svc.list_volunteers(self.env.ctx(), query)


class RegisterTab(QWidget, Retranslating):
    """List on the left, the open card on the right."""

    # a volunteer was saved, withdrawn or erased (the other tabs reload their lists)
    changed = Signal()

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.view: svc.VolunteerView | None = None
        # tests: the path of a rendered letter, and no preview dialog
        self.on_rendered: Callable[[Path], None] | None = None
        self.show_previews = True
        self.settlements: list[Named] = []
        self.model = VolunteersModel(env)
        self.model.setParent(self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.active = QCheckBox()
        self.active.toggled.connect(self._filter_active)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.show_view(None))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # fits 1366x768 unscrolled in kk and ru; a withdrawn consent shows its date first
        # (red), elided texts are whole in the tooltips
        for col, width in enumerate((145, 120, 100, 45, 90, 80)):
            self.table.setColumnWidth(col, width)
        self.table.clicked.connect(self._open_row)
        self.count = QLabel()
        self.model.loaded.connect(self._loaded)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.active)
        top.addWidget(self.new_button)
        lv.addLayout(top)
        lv.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        self.network_button = QPushButton()
        self.network_button.clicked.connect(self.export_network)
        self.network_button.setVisible(env.is_manager)
        bottom.addWidget(self.network_button)
        lv.addLayout(bottom)
        split = side_by_side(left, self._card(), (3, 2), [800, 520])
        QVBoxLayout(self).addWidget(split)
        self.timer = search_timer(self, self.search, self.apply_search)
        self._bind_texts()
        self.show_view(None)
        env.runner.db(reference.settlements, env.ctx(), on_done=self._got_settlements)
        self.model.reload()

    # ------------------------------------------------------------------ building
    def _card(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.full_name, self.iin, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.skills, self.availability = QLineEdit(), QLineEdit()
        self.sex, self.settlement = QComboBox(), QComboBox()
        self.birth_year = QSpinBox()
        self.birth_year.setRange(0, 2100)
        self.birth_year.setSpecialValueText("—")
        self.consent = QCheckBox()
        self.consent_date = QDateEdit()
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setDisplayFormat("dd.MM.yyyy")
        self.consent_date.setDate(qdate(date.today()))
        self.consent.toggled.connect(self.consent_date.setEnabled)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent)
        consent_row.addWidget(self.consent_date)
        consent_row.addStretch(1)
        self.purposes = {k: QCheckBox() for k in VOLUNTEER_CONSENT_PURPOSES}
        purposes = QVBoxLayout()
        for box in self.purposes.values():
            purposes.addWidget(box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.labels = {k: QLabel() for k in ("full_name", "iin", "sex", "birth_year", "phone",
                                             "settlement", "skills", "availability",
                                             "consent", "purposes")}
        for key, widget in (("full_name", self.full_name), ("iin", self.iin),
                            ("sex", self.sex), ("birth_year", self.birth_year),
                            ("phone", self.phone), ("settlement", self.settlement),
                            ("skills", self.skills), ("availability", self.availability)):
            form.addRow(self.labels[key], widget)
        form.addRow(self.labels["consent"], consent_row)
        form.addRow(self.labels["purposes"], purposes)
        form.addRow(self.status)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        self.save_button, self.withdraw_button = QPushButton(), QPushButton()
        self.export_button, self.erase_button = QPushButton(), QPushButton()
        self.save_button.clicked.connect(self.save)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.export_button.clicked.connect(self.export)
        self.erase_button.clicked.connect(self.erase)
        for pair in ((self.save_button, self.withdraw_button),
                     (self.export_button, self.erase_button)):
            buttons = QHBoxLayout()
            for b in pair:
                buttons.addWidget(b)
            buttons.addStretch(1)
            form.addRow(buttons)
        self.letter_button, self.certificate_button = QPushButton(), QPushButton()
        self.letter_button.clicked.connect(lambda: self.print_letter("letter"))
        self.certificate_button.clicked.connect(lambda: self.print_letter("certificate"))
        prints = QHBoxLayout()
        prints.addWidget(self.letter_button)
        prints.addWidget(self.certificate_button)
        prints.addStretch(1)
        form.addRow(prints)
        self.export_button.setVisible(self.env.is_manager)
        self.erase_button.setVisible(self.env.is_manager)
        return w

    def _bind_texts(self) -> None:
        b = self.bind_text
        b(self.search.setPlaceholderText, lambda: self.tr("Search by name, phone or skill…"))
        b(self.active.setText, lambda: self.tr("with valid consent"))
        b(self.new_button.setText, lambda: self.tr("New volunteer"))
        b(self.consent.setText, lambda: self.tr("written consent signed on"))
        b(self.save_button.setText, lambda: self.tr("Save"))
        b(self.withdraw_button.setText, lambda: self.tr("Consent withdrawn today"))
        b(self.export_button.setText, lambda: self.tr("Export data…"))
        b(self.erase_button.setText, lambda: self.tr("Erase on request…"))
        b(self.letter_button.setText, lambda: self.tr("Thank-you letter (this year)"))
        b(self.certificate_button.setText, lambda: self.tr("Certificate of hours (this year)"))
        b(self.network_button.setText, lambda: self.tr("For the national register…"))
        b(self.iin.setPlaceholderText, lambda: self.tr("12 digits, optional"))
        b(self.skills.setPlaceholderText, lambda: self.tr("driver, computer, languages…"))
        b(self.availability.setPlaceholderText, lambda: self.tr("weekends, evenings…"))
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        texts = {
            "full_name": self.tr("Full name:"), "iin": self.tr("IIN:"), "sex": self.tr("Sex:"),
            "birth_year": self.tr("Year of birth:"), "phone": self.tr("Phone:"),
            "settlement": self.tr("Settlement:"), "skills": self.tr("Skills:"),
            "availability": self.tr("Availability:"), "consent": self.tr("Consent:"),
            "purposes": self.tr("Purposes of processing:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        for key, box in self.purposes.items():
            box.setText(self.env.tr_label(VOLUNTEER_CONSENT_PURPOSES[key]))
        fill_combo(self.sex, ((sex_text(s), s.value) for s in Sex), blank=self.tr("— not set —"))
        self._fill_settlements()
        self.model.retranslate()
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    # ---------------------------------------------------------------------- list
    def apply_search(self) -> None:
        self.timer.stop()
        self.model.search = self.search.text().strip()
        self.model.reload()

    def _filter_active(self, on: bool) -> None:
        self.model.active_only = on
        self.model.reload()

    def _loaded(self, total: int) -> None:
        self.count.setText(self.tr("Volunteers: {n}").format(n=total))

    def _open_row(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None:
            self.env.runner.db(svc.get_volunteer, self.env.ctx(), row.id,
                               on_done=self.show_view,
                               on_error=lambda e: show_error_text(self.error, self.env, e))

    def _got_settlements(self, rows: list[Named]) -> None:
        self.settlements = rows
        self._fill_settlements()
        if self.view is not None:
            select_data(self.settlement, self.view.settlement_id)

    def _fill_settlements(self) -> None:
        lang = self.env.lang
        places = sorted_by_name(self.settlements, lambda s: s.name(lang))
        fill_combo(self.settlement, ((s.name(lang), s.id) for s in places),
                   blank=self.tr("— not set —"))

    # ---------------------------------------------------------------------- card
    def show_view(self, view: svc.VolunteerView | None) -> None:
        self.view = view
        self.error.clear()
        self.full_name.setText(view.full_name if view else "")
        self.iin.setText(view.iin or "" if view else "")
        self.phone.setText(view.phone or "" if view else "")
        self.skills.setText(view.skills if view else "")
        self.availability.setText(view.availability if view else "")
        select_data(self.sex, view.sex.value if view and view.sex else None)
        self.birth_year.setValue(view.birth_year or 0 if view else 0)
        select_data(self.settlement, view.settlement_id if view else None)
        # Consent is the volunteer's act: nothing is ticked until they have signed.
        given = view is not None and view.consent_date is not None
        self.consent.setChecked(given)
        self.consent_date.setEnabled(given)
        if view is not None and view.consent_date is not None:
            self.consent_date.setDate(qdate(view.consent_date))
        for key, box in self.purposes.items():
            box.setChecked(view is not None and key in view.consent_purposes)
        editable = view is None or not view.erased
        self.save_button.setEnabled(editable)
        self.withdraw_button.setEnabled(view is not None and view.may_work(date.today()))
        self.export_button.setEnabled(view is not None)
        self.erase_button.setEnabled(view is not None and not view.erased)
        for b in (self.letter_button, self.certificate_button):
            b.setEnabled(view is not None and not view.erased)
        self._show_status()

    def _show_status(self) -> None:
        v = self.view
        if v is None:
            self.status.setText(self.tr("A new volunteer: fill in the card with the person."))
            return
        hours = _hours(v.hours)
        if v.consent_withdrawn_on is not None:
            self.status.setText(self.tr("Consent withdrawn on %1: no new assignments. "
                                        "Hours: %2").replace(
                "%1", format_date(v.consent_withdrawn_on, self.env.lang, "short")).replace(
                "%2", hours))
        else:
            self.status.setText(self.tr("Hours given: %1").replace("%1", hours))

    def collect(self) -> svc.VolunteerInput:
        sex = self.sex.currentData()
        return svc.VolunteerInput(
            full_name=self.full_name.text(), iin=self.iin.text().strip() or None,
            sex=Sex(sex) if sex else None, birth_year=self.birth_year.value() or None,
            phone=self.phone.text().strip() or None,
            settlement_id=self.settlement.currentData(), skills=self.skills.text(),
            availability=self.availability.text(),
            consent_date=pydate(self.consent_date.date()) if self.consent.isChecked() else None,
            consent_purposes=[k for k, b in self.purposes.items() if b.isChecked()],
            notes="",
        )

    def save(self) -> None:
        self.error.clear()
        data = self.collect()
        if self.view is None:
            self.env.runner.db(svc.create_volunteer, self.env.ctx(), data, on_done=self._saved,
                               on_error=lambda e: show_error_text(self.error, self.env, e))
        else:
            self.env.runner.db(svc.update_volunteer, self.env.ctx(), self.view.id, data,
                               on_done=self._saved,
                               on_error=lambda e: show_error_text(self.error, self.env, e))

    def _saved(self, view: svc.VolunteerView) -> None:
        self.show_view(view)
        self.model.reload()
        self.changed.emit()
        self.env.notify_changed("volunteer")

    def withdraw(self) -> None:
        if self.view is not None:
            self.env.runner.db(svc.withdraw_consent, self.env.ctx(), self.view.id, date.today(),
                               on_done=self._saved,
                               on_error=lambda e: show_error_text(self.error, self.env, e))

    def export(self) -> None:
        if self.view is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export data"),
                                              "volunteer.json", "JSON (*.json)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        assert self.view is not None
        vid = self.view.id

        def run() -> None:
            path.write_text(svc.export_volunteer_json(self.env.ctx(), vid), encoding="utf-8")

        self.env.runner.db(run, on_error=lambda e: show_error_text(self.error, self.env, e))

    def erase(self) -> None:
        if self.view is None:
            return
        answer = QMessageBox.question(self, self.tr("Erase on request"), self.tr(
            "Erase this volunteer's name, IIN, phone, skills and availability? The hours "
            "stay in the statistics without a name. This cannot be undone."))
        if answer == QMessageBox.StandardButton.Yes:
            self.erase_now()

    def erase_now(self) -> None:
        assert self.view is not None
        self.env.runner.db(erase_volunteer_everywhere, self.env.app, self.env.ctx().actor,
                           self.view.id,
                           on_done=self._saved,
                           on_error=lambda e: show_error_text(self.error, self.env, e))

    def print_letter(self, kind: str) -> None:
        """The thank-you letter or certificate of hours of this year, in the preview."""
        if self.view is None:
            return
        ctx, vid, today = self.env.ctx(), self.view.id, date.today()
        title = (self.tr("Thank-you letter") if kind == "letter"
                 else self.tr("Certificate of volunteer hours"))
        render_and_preview(
            self, self.env,
            lambda: letter_job(ctx, vid, kind, date(today.year, 1, 1), today,
                               signed_by=""),
            f"volunteer-{kind}-", f"{title} {self.view.full_name}",
            on_rendered=self.on_rendered, show=self.show_previews)

    def export_network(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("For the national register"), "volunteers.xlsx",
            "Excel (*.xlsx);;CSV (*.csv)")
        if path:
            self.export_network_to(Path(path))

    def export_network_to(self, path: Path) -> None:
        """This year's export of the volunteers who consented to the transfer."""
        today = date.today()
        fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        self.env.runner.db(write_network_export, self.env.ctx(), date(today.year, 1, 1),
                           today, fmt, path,
                           on_done=lambda n: self.count.setText(
                               self.tr("Written for the national register: {n}").format(n=n)),
                           on_error=lambda e: show_error_text(self.error, self.env, e))
