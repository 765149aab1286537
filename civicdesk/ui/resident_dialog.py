"""The resident's card (details, consent, duplicates, history, export and erasure) and
the picker that finds a resident for a consultation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.collation import sorted_by_name
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import ValidationError
from civicdesk.domain.iin import validate_iin
from civicdesk.domain.residents import CONSENT_PURPOSES
from civicdesk.services import reference
from civicdesk.services import resident_checks as checks
from civicdesk.services import residents as svc
from civicdesk.services.reference import Named
from civicdesk.services.residents import ResidentInput, ResidentView
from civicdesk.ui.common import (
    ErrorLabel,
    FormDialog,
    fill_combo,
    is_language_change,
    pydate,
    qdate,
    search_timer,
    select_data,
)
from civicdesk.ui.env import UiEnv
from civicdesk.ui.resident_checks import DuplicatesPanel
from civicdesk.ui.residents_model import ResidentsModel, setup_table
from civicdesk.ui.texts import sex_text


class ResidentDialog(FormDialog[ResidentView]):
    """Register or edit a resident, with consent to process personal data."""

    changed_entity = "resident"

    def __init__(
        self, env: UiEnv, view: ResidentView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(env, parent)
        self.view = view
        self.settlements: list[Named] = []
        self.full_name = QLineEdit()
        self.iin = QLineEdit()
        self.iin.setMaxLength(12)
        self.iin.setInputMask("")
        self.sex = QComboBox()
        self.birth_year = QSpinBox()
        self.birth_year.setRange(0, date.today().year)
        self.birth_year.setSpecialValueText("—")
        self.phone = QLineEdit()
        self.settlement = QComboBox()
        self.disability = QCheckBox()
        self.consent = QCheckBox()
        self.consent_date = QDateEdit()
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setDisplayFormat("dd.MM.yyyy")
        self.consent_date.setDate(qdate(date.today()))
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent)
        consent_row.addWidget(self.consent_date)
        consent_row.addStretch(1)
        self.purposes: dict[str, QCheckBox] = {key: QCheckBox() for key in CONSENT_PURPOSES}
        purposes_box = QVBoxLayout()
        for box in self.purposes.values():
            purposes_box.addWidget(box)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        self.labels = {k: QLabel() for k in ("full_name", "iin", "sex", "birth_year", "phone",
                                             "settlement", "disability", "consent",
                                             "purposes", "notes")}
        form = QFormLayout()
        e = self.errors
        form.addRow(self.labels["full_name"], self.full_name)
        form.addRow("", e.add(ErrorLabel(), "full_name"))
        form.addRow(self.labels["iin"], self.iin)
        form.addRow("", e.add(ErrorLabel(), "iin"))
        form.addRow(self.labels["sex"], self.sex)
        form.addRow("", e.add(ErrorLabel(), "sex"))
        form.addRow(self.labels["birth_year"], self.birth_year)
        form.addRow("", e.add(ErrorLabel(), "birth_year"))
        form.addRow(self.labels["phone"], self.phone)
        form.addRow("", e.add(ErrorLabel(), "phone"))
        form.addRow(self.labels["settlement"], self.settlement)
        form.addRow("", e.add(ErrorLabel(), "settlement_id"))
        form.addRow(self.labels["disability"], self.disability)
        form.addRow(self.labels["consent"], consent_row)
        form.addRow("", e.add(ErrorLabel(), "consent_date"))
        form.addRow(self.labels["purposes"], purposes_box)
        form.addRow("", e.add(ErrorLabel(), "consent_purposes"))
        form.addRow(self.labels["notes"], self.notes)
        self.finish_layout(form)
        #: whether this form registered a new person (not chose an existing one)
        self.created_new = False
        self.duplicates = DuplicatesPanel()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, self.duplicates)
        self.duplicates.use_existing.connect(self._use_existing)
        self.duplicates.create_anyway.connect(lambda: self._create(allow_similar=True))
        self.resize(640, 620)
        self.consent.toggled.connect(self.consent_date.setEnabled)
        self.iin.editingFinished.connect(self.check_iin)
        self.iin.textEdited.connect(self._iin_typed)
        self.retranslate()
        self._load(view)
        for line in (self.full_name, self.iin, self.phone):
            line.textChanged.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        for combo in (self.sex, self.settlement):
            combo.currentIndexChanged.connect(self._mark_dirty)
        for box in (self.disability, self.consent, *self.purposes.values()):
            box.toggled.connect(self._mark_dirty)
        self.birth_year.valueChanged.connect(self._mark_dirty)
        self.consent_date.dateChanged.connect(self._mark_dirty)
        self._dirty = False
        env.runner.db(reference.settlements, env.ctx(), on_done=self._got_settlements)

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

    def _load(self, view: ResidentView | None) -> None:
        if view is None:
            # Consent is the resident's act: nothing is ticked until they have signed.
            self.consent.setChecked(False)
            self.consent_date.setEnabled(False)
            return
        self.full_name.setText(view.full_name)
        self.iin.setText(view.iin or "")
        select_data(self.sex, view.sex.value if view.sex else None)
        self.birth_year.setValue(view.birth_year or 0)
        self.phone.setText(view.phone or "")
        self.disability.setChecked(view.disability)
        self.consent.setChecked(view.consent_date is not None)
        self.consent_date.setEnabled(view.consent_date is not None)
        if view.consent_date:
            self.consent_date.setDate(qdate(view.consent_date))
        for key, box in self.purposes.items():
            box.setChecked(key in view.consent_purposes)
        self.notes.setPlainText(view.notes)

    def _iin_typed(self, value: str) -> None:
        digits = value.replace(" ", "")
        if len(digits) >= 12 or not digits.isdigit():
            self.check_iin()
        else:
            self.errors.labels["iin"].show_text("")

    def check_iin(self) -> None:
        """Show a wrong IIN at once, not only on save (the guide promises it)."""
        label = self.errors.labels["iin"]
        value = self.iin.text().strip()
        if not value:
            label.show_text("")
            return
        try:
            validate_iin(value)
        except ValidationError as exc:
            label.show_text(exc.text(self.env.lang))
        else:
            label.show_text("")

    def collect(self) -> ResidentInput:
        sex = self.sex.currentData()
        return ResidentInput(
            full_name=self.full_name.text(),
            iin=self.iin.text().strip() or None,
            sex=Sex(sex) if sex else None,
            birth_year=self.birth_year.value() or None,
            phone=self.phone.text().strip() or None,
            settlement_id=self.settlement.currentData(),
            disability=self.disability.isChecked(),
            consent_date=pydate(self.consent_date.date()) if self.consent.isChecked() else None,
            consent_purposes=[k for k, b in self.purposes.items() if b.isChecked()],
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        if self.view is not None:
            self.save_record(svc.create_resident, svc.update_resident, self.collect)
            return
        if self._busy:
            return
        # a likely duplicate is offered before a new resident is made
        data = self.collect()
        self.errors.clear()
        clean_year = data.birth_year
        if data.iin:
            try:
                clean_year = validate_iin(data.iin).birth_date.year
            except ValidationError:
                pass
        self.env.runner.db(
            checks.likely_duplicates, self.env.ctx(), data.full_name, data.iin, clean_year,
            data.settlement_id, on_done=self._got_duplicates)

    def _got_duplicates(self, matches: list[checks.ResidentMatch]) -> None:
        self.duplicates.show_matches(matches, self.env.lang)
        if not matches:
            self._create(allow_similar=False)

    def _create(self, *, allow_similar: bool) -> None:
        if self._busy:
            return
        self.errors.clear()
        self.created_new = True
        self.submit(svc.create_resident, self.env.ctx(), self.collect(),
                    allow_similar=allow_similar)

    def _use_existing(self, resident_id: str) -> None:
        self.created_new = False
        self.env.runner.db(svc.get_resident, self.env.ctx(), resident_id, on_done=self._chosen)

    def _chosen(self, view: ResidentView) -> None:
        self.saved = view
        self._dirty = False
        self.accept()

    def unsaved_question(self) -> tuple[str, str]:
        return (self.tr("Unsaved changes"),
                self.tr("Close the form without saving the changes?"))

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Register resident") if self.view is None else self.tr("Resident"))
        texts = {
            "full_name": self.tr("Full name:"), "iin": self.tr("IIN (optional):"),
            "sex": self.tr("Sex:"), "birth_year": self.tr("Year of birth:"),
            "phone": self.tr("Phone:"), "settlement": self.tr("Settlement:"),
            "disability": self.tr("Disability:"), "consent": self.tr("Consent:"),
            "purposes": self.tr("Purposes of processing:"), "notes": self.tr("Notes:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.iin.setPlaceholderText(self.tr("12 digits; sex and year are read from it"))
        self.phone.setPlaceholderText("+7 7XX XXX XX XX")
        self.disability.setText(self.tr("has a disability"))
        self.consent.setText(self.tr("written consent signed on"))
        for key, box in self.purposes.items():
            box.setText(self.env.tr_label(CONSENT_PURPOSES[key]))
        fill_combo(self.sex, ((sex_text(s), s.value) for s in Sex), blank=self.tr("— not set —"))
        self._fill_settlements()
        self.set_button_texts(self.tr("Save"), self.tr("Cancel"))
        self.errors.relocalize(self.env.lang)
        self.check_iin()


class ResidentPicker(QDialog):
    """Find a resident for a consultation, or register one on the spot."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        #: (id, full name, settlement id) of the chosen resident
        self.chosen: tuple[str, str, str | None] | None = None
        #: the chosen resident was registered here (discarded if the consultation is not)
        self.created_new = False
        self.model = ResidentsModel(env)
        self.model.setParent(self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table, (240, 70, 95, 125, 150, 95, 90))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self.timer = search_timer(self, self.search, self.apply_search, on_return=False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.add_button.clicked.connect(self.quick_add)
        self.retranslate()
        self.apply_search()

    def apply_search(self) -> None:
        self.timer.stop()
        self.model.search = self.search.text().strip()
        self.model.reload()

    def quick_add(self) -> None:
        dialog = ResidentDialog(self.env, parent=self)
        if self.search.text().strip():
            dialog.full_name.setText(self.search.text().strip())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            v = dialog.saved
            self.chosen = (v.id, v.full_name, v.settlement_id)
            self.created_new = dialog.created_new
            super().accept()

    def accept(self) -> None:
        idx = self.table.currentIndex()
        row = self.model.row_at(idx.row()) if idx.isValid() else None
        if row is None:
            return
        self.chosen = (row.id, row.full_name, None)
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose a resident"))
        self.search.setPlaceholderText(self.tr("Search by name, IIN or phone…"))
        self.add_button.setText(self.tr("New resident…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
