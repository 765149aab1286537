"""Parts of the seminars page: who each participant is (sex, age group, youth 14-35,
disability) as small editors in the participants table, and the dialog that starts a
seminar series.

Texts are translated in the seminars page's context.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from civicdesk.domain.enums import AgeGroup, Sex
from civicdesk.domain.labels import AGE_GROUP_NAMES, SEX_NAMES
from civicdesk.services import seminar_series as series_svc
from civicdesk.services.programmes import ProgrammeView, list_programmes
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import FieldErrors, from_qdate, show_user_error, to_qdate

Lang = Literal["kk", "ru"]

__all__ = ["SeriesDialog", "age_combo", "combo_value", "sex_combo", "yes_no_combo"]

def _combo(items: list[tuple[str, object]], value: object) -> QComboBox:
    box = QComboBox()
    box.addItem("—", None)
    for text, data in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(value)))
    return box


def sex_combo(lang: Lang, value: str | None) -> QComboBox:
    return _combo([(SEX_NAMES[s].text(lang), s.value) for s in (Sex.FEMALE, Sex.MALE)], value)


def age_combo(lang: Lang, value: str | None) -> QComboBox:
    return _combo([(AGE_GROUP_NAMES[a].text(lang), a.value) for a in AgeGroup], value)


def yes_no_combo(value: bool | None) -> QComboBox:
    return _combo([(QCoreApplication.translate("SeminarsPage", "yes"), True),
                   (QCoreApplication.translate("SeminarsPage", "no"), False)], value)


def combo_value(w: QWidget | None) -> object:
    return w.currentData() if isinstance(w, QComboBox) else None


class SeriesDialog(QDialog):
    """A new seminar series: names in both languages, period, seminars planned and,
    where head office has defined programmes, the programme it serves."""

    created = Signal(object)

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setWindowTitle(QCoreApplication.translate("SeminarsPage", "New seminar series"))
        form = QFormLayout(self)
        self.errors = FieldErrors()
        self.name_kk, self.name_ru = QLineEdit(), QLineEdit()
        self.starts_on, self.ends_on = QDateEdit(), QDateEdit()
        today = date.today()
        for d, day in ((self.starts_on, date(today.year, 1, 1)),
                       (self.ends_on, date(today.year, 12, 31))):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd.MM.yyyy")
            d.setDate(to_qdate(day))
        self.planned = QSpinBox()
        self.planned.setRange(0, series_svc.MAX_PLANNED)
        self.planned.setValue(16)
        self.programme = QComboBox()
        self.programme.addItem("—", None)
        rows = [
            (QCoreApplication.translate("SeminarsPage", "Name (Kazakh)"), "name", self.name_kk),
            (QCoreApplication.translate("SeminarsPage", "Name (Russian)"), "name_ru", self.name_ru),
            (QCoreApplication.translate("SeminarsPage", "From"), "starts_on", self.starts_on),
            (QCoreApplication.translate("SeminarsPage", "Until"), "ends_on", self.ends_on),
            (QCoreApplication.translate("SeminarsPage", "Seminars planned"), "planned",
             self.planned),
            (QCoreApplication.translate("SeminarsPage", "Programme"), "programme_id",
             self.programme),
        ]
        for text, name, widget in rows:
            self.errors.add_row(form, QLabel(text), name, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())
        env.runner.db(list_programmes, env.ctx(), on_done=self._got_programmes)

    def _got_programmes(self, items: list[ProgrammeView]) -> None:
        for p in items:
            self.programme.addItem(p.name_kk if self.env.lang == "kk" else p.name_ru, p.id)

    def data(self) -> series_svc.SeriesInput:
        today = date.today()
        return series_svc.SeriesInput(
            name_kk=self.name_kk.text(), name_ru=self.name_ru.text(),
            starts_on=from_qdate(self.starts_on.date()) or today,
            ends_on=from_qdate(self.ends_on.date()) or today,
            planned=self.planned.value(), programme_id=self.programme.currentData())

    def save(self) -> None:
        self.errors.clear()
        self.env.runner.db(series_svc.create_series, self.env.ctx(), self.data(),
                           on_done=self._done,
                           on_error=lambda e: show_user_error(self, self.env, e, self.errors))

    def _done(self, view: series_svc.SeriesView) -> None:
        self.created.emit(view)
        self.accept()
