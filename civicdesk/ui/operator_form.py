"""The center as the operator of personal data (managers): its BIN, the case forms of
its name the consent form needs, and the term of consent.  Opened from the accounts
page; loaded and saved on the database thread, errors inline in the user's language."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from civicdesk.services.operator import (
    MAX_TERM_YEARS,
    OperatorDetails,
    OperatorInput,
    operator_details,
    update_operator_details,
)
from civicdesk.ui.common import ErrorLabel, FormDialog
from civicdesk.ui.env import UiEnv


class OperatorDialog(FormDialog[OperatorDetails]):
    """BIN, «Центру …» (Russian dative), «… орталығының» (Kazakh genitive), term."""

    changed_entity = "center"

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.view = None
        self.details: OperatorDetails | None = None
        self.center_name = QLabel()
        self.center_name.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.bin = QLineEdit()
        self.bin.setMaxLength(20)
        self.name_ru_dative = QLineEdit()
        self.name_kk_genitive = QLineEdit()
        self.term = QSpinBox()
        self.term.setRange(1, MAX_TERM_YEARS)
        self.term.setValue(5)
        self.labels = {k: QLabel() for k in ("center", "bin", "name_ru_dative",
                                             "name_kk_genitive", "consent_term_years")}
        form = QFormLayout()
        e = self.errors
        form.addRow(self.note)
        form.addRow(self.labels["center"], self.center_name)
        form.addRow(self.labels["bin"], self.bin)
        form.addRow("", e.add(ErrorLabel(), "bin"))
        form.addRow(self.labels["name_ru_dative"], self.name_ru_dative)
        form.addRow("", e.add(ErrorLabel(), "name_ru_dative"))
        form.addRow(self.labels["name_kk_genitive"], self.name_kk_genitive)
        form.addRow("", e.add(ErrorLabel(), "name_kk_genitive"))
        form.addRow(self.labels["consent_term_years"], self.term)
        form.addRow("", e.add(ErrorLabel(), "consent_term_years"))
        self.finish_layout(form)
        self.setMinimumWidth(560)
        self.retranslate()
        self.buttons.setEnabled(False)  # until the stored details are shown
        env.runner.db(operator_details, env.ctx(), on_done=self._loaded)

    def _loaded(self, details: OperatorDetails) -> None:
        self.details = details
        self.bin.setText(details.bin)
        self.name_ru_dative.setText(details.name_ru_dative)
        self.name_kk_genitive.setText(details.name_kk_genitive)
        self.term.setValue(details.consent_term_years)
        self.retranslate()
        for field in (self.bin, self.name_ru_dative, self.name_kk_genitive):
            field.textChanged.connect(self._mark_dirty)
        self.term.valueChanged.connect(self._mark_dirty)
        self._dirty = False
        self.buttons.setEnabled(True)

    def save(self) -> None:
        if self._busy or self.details is None:
            return
        self.errors.clear()
        data = OperatorInput(
            bin=self.bin.text(), name_ru_dative=self.name_ru_dative.text(),
            name_kk_genitive=self.name_kk_genitive.text(),
            consent_term_years=self.term.value(),
        )
        self.submit(update_operator_details, self.env.ctx(), data)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("The center as the operator of personal data"))
        self.note.setText(self.tr(
            "The residents' consent form names the center with these details "
            "(Law No. 94-V on personal data, Article 8)."))
        self.labels["center"].setText(self.tr("Center:"))
        d = self.details
        self.center_name.setText(
            "" if d is None else (d.name_kk if self.env.lang == "kk" else d.name_ru))
        self.labels["bin"].setText(self.tr("BIN:"))
        self.labels["name_ru_dative"].setText(self.tr("Name in Russian, dative case:"))
        self.name_ru_dative.setPlaceholderText(self.tr("as in: I give my consent to ..."))
        self.labels["name_kk_genitive"].setText(self.tr("Name in Kazakh, genitive case:"))
        self.name_kk_genitive.setPlaceholderText(self.tr("as in: ... collecting my data"))
        self.labels["consent_term_years"].setText(self.tr("Term of consent, years:"))
        self.set_button_texts(self.tr("Save"), self.tr("Cancel"))
        self.errors.relocalize(self.env.lang)

    def unsaved_question(self) -> tuple[str, str]:
        return (self.tr("Unsaved changes"),
                self.tr("The changes are not saved. Close the form anyway?"))
