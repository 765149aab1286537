"""Who exactly a resident is: the likely duplicates offered before registering one, and
the erase question that names the person by more than a name."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.errors import Lang
from civicdesk.services.resident_checks import ResidentMatch
from civicdesk.ui.common import is_language_change

ID_ROLE = Qt.ItemDataRole.UserRole


class DuplicatesPanel(QWidget):
    """Residents who are probably the person being registered; hidden while none."""

    use_existing = Signal(str)
    create_anyway = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang: Lang = "kk"
        self.matches: list[ResidentMatch] = []
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; color: #8a4b00;")
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.use_button = QPushButton()
        self.new_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.use_button.clicked.connect(self._use)
        self.new_button.clicked.connect(self.create_anyway.emit)
        self.list.itemActivated.connect(lambda _i: self._use())
        self.hide()
        self.retranslate()

    def show_matches(self, matches: list[ResidentMatch], lang: Lang) -> None:
        self.matches, self.lang = matches, lang
        self.list.clear()
        for m in matches:
            item = QListWidgetItem(describe_line(self, m, lang))
            item.setData(ID_ROLE, m.id)
            self.list.addItem(item)
        if matches:
            self.list.setCurrentRow(0)
        # the same IIN is the same person: registering again is not offered
        self.new_button.setVisible(bool(matches) and not any(m.same_iin for m in matches))
        self.setVisible(bool(matches))

    def _use(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.use_existing.emit(str(item.data(ID_ROLE)))

    def retranslate(self) -> None:
        self.title.setText(self.tr(
            "This person may already be registered. Choose them, or register a new "
            "resident if it is someone else."))
        self.use_button.setText(self.tr("Choose this resident"))
        self.new_button.setText(self.tr("It is another person: register"))
        if self.matches:
            self.show_matches(self.matches, self.lang)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


def describe_line(widget: QWidget, m: ResidentMatch, lang: Lang) -> str:
    """«Name · IIN …1234 · born 1985 · Village · consultations: 3»."""
    parts = [m.full_name]
    if m.iin_tail:
        parts.append(widget.tr("IIN %1").replace("%1", m.iin_tail))
    if m.birth_year:
        parts.append(widget.tr("born %1").replace("%1", str(m.birth_year)))
    if m.settlement(lang):
        parts.append(m.settlement(lang))
    parts.append(widget.tr("consultations: %1").replace("%1", str(m.consultations)))
    return " · ".join(parts)


class EraseQuestion(QMessageBox):
    """Asks before a resident's data are erased, naming them by IIN ending, birth year,
    settlement and number of consultations, so the right person is erased."""

    def __init__(self, who: ResidentMatch, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.who = who
        self.setIcon(QMessageBox.Icon.Warning)
        self.setStandardButtons(
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.setWindowTitle(self.tr("Erase personal data"))
        dash = "—"
        details = "\n".join([
            self.tr("IIN: %1").replace("%1", who.iin_tail or dash),
            self.tr("Year of birth: %1").replace("%1", str(who.birth_year or dash)),
            self.tr("Settlement: %1").replace("%1", who.settlement(lang) or dash),
            self.tr("Consultations: %1").replace("%1", str(who.consultations)),
        ])
        self.setText(self.tr("Erase the personal data of %1 at their request?").replace(
            "%1", who.full_name))
        self.setInformativeText(details + "\n\n" + self.tr(
            "The name, IIN, phone, notes and year of birth are removed for good; "
            "anonymous statistics stay. This cannot be undone."))
        self.button(QMessageBox.StandardButton.Yes).setText(self.tr("Erase"))
        self.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def confirmed(self) -> bool:
        return self.clickedButton() is self.button(QMessageBox.StandardButton.Yes)
