"""The beneficiaries grid of a grant application: how many of the beneficiaries are
women and men, in each age group, young (14-35) and with a disability.

Counts only, no names. An empty cell ("—") is "not stated"; the service refuses a
breakdown that adds up to more than the total, with a message in the user's language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from civicdesk.domain.beneficiaries import AGE_FIELDS, SEX_FIELDS, Breakdown
from civicdesk.ui.screens_common import Retranslating

__all__ = ["BeneficiaryGrid"]

NOT_STATED = -1  # the spin box's lowest value, shown as "—"
# two groups a row, so that the form is not wider than the window at 1366 pixels
ROWS: tuple[tuple[str, ...], ...] = (SEX_FIELDS, AGE_FIELDS[:2], AGE_FIELDS[2:4],
                                     (AGE_FIELDS[4],), ("youth", "disability"))


class BeneficiaryGrid(QWidget, Retranslating):
    """A small grid of counts, one spin box a group."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        self.spins: dict[str, QSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        for r, names in enumerate(ROWS):
            for c, name in enumerate(names):
                label, spin = QLabel(), QSpinBox()
                spin.setRange(NOT_STATED, 1_000_000)
                spin.setSpecialValueText("—")
                spin.setValue(NOT_STATED)
                spin.setMinimumWidth(70)
                spin.valueChanged.connect(self.changed)
                self.spins[name], self.labels[name] = spin, label
                grid.addWidget(label, r, 2 * c)
                grid.addWidget(spin, r, 2 * c + 1)
        grid.setColumnStretch(4, 1)
        texts = {
            "women": lambda: self.tr("women"),
            "men": lambda: self.tr("men"),
            "under_18": lambda: self.tr("under 18"),
            "a18_29": lambda: self.tr("18–29"),
            "a30_44": lambda: self.tr("30–44"),
            "a45_59": lambda: self.tr("45–59"),
            "a60_plus": lambda: self.tr("60 and over"),
            "youth": lambda: self.tr("youth (14–35)"),
            "disability": lambda: self.tr("with a disability"),
        }
        for name, make in texts.items():
            self.bind_text(self.labels[name].setText, make)
        self.bind_text(self.setToolTip, lambda: self.tr(
            "How many of the beneficiaries: by sex and by age group each add up to at most "
            "the total; youth and disability are counted within them. — : not stated"))

    def set_breakdown(self, b: Breakdown) -> None:
        for name, value in b.values().items():
            spin = self.spins[name]
            spin.blockSignals(True)
            spin.setValue(NOT_STATED if value is None else value)
            spin.blockSignals(False)

    def breakdown(self) -> Breakdown:
        return Breakdown(**{name: (None if s.value() == NOT_STATED else s.value())
                            for name, s in self.spins.items()})

    def setEnabled(self, on: bool) -> None:
        for spin in self.spins.values():
            spin.setEnabled(on)

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)
