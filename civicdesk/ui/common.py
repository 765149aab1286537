"""Small pieces the core screens share: inline field errors, date conversion,
combo boxes filled from reference lists, and the language-change hook."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from civicdesk.domain.errors import Lang, UserError, ValidationErrors

ERROR_STYLE = "color: #b00020;"


def qdate(d: date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else QDate()


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ErrorLabel(QLabel):
    """A red line under a form field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldErrors:
    """Maps service field names to the error labels of a form.

    Several names may point at one label (the domain says ``follow_up_date``, a service
    ``follow_up_on``).  Errors of unknown fields go to the general label at the top.
    """

    def __init__(self, general: ErrorLabel) -> None:
        self.general = general
        self.labels: dict[str, ErrorLabel] = {}
        self._last: UserError | None = None

    def add(self, label: ErrorLabel, *fields: str) -> ErrorLabel:
        for f in fields:
            self.labels[f] = label
        return label

    def clear(self) -> None:
        self._last = None
        self.general.show_text("")
        for label in set(self.labels.values()):
            label.show_text("")

    def show(self, err: UserError, lang: Lang) -> None:
        self.clear()
        self._last = err
        errors = err.errors if isinstance(err, ValidationErrors) else [err]
        texts: dict[int, list[str]] = {}
        general: list[str] = []
        targets: dict[int, ErrorLabel] = {}
        for e in errors:
            label = self.labels.get(e.field or "")
            if label is None:
                general.append(e.text(lang))
            else:
                texts.setdefault(id(label), []).append(e.text(lang))
                targets[id(label)] = label
        for key, label in targets.items():
            label.show_text("\n".join(texts[key]))
        self.general.show_text("\n".join(general))

    def relocalize(self, lang: Lang) -> None:
        """Show the same errors again in another language."""
        if self._last is not None:
            self.show(self._last, lang)

    def has_errors(self) -> bool:
        return self._last is not None


def fill_combo(
    combo: QComboBox,
    items: Iterable[tuple[str, Any]],
    *,
    blank: str | None = None,
    keep: bool = True,
) -> None:
    """Refill a combo with (text, data) pairs, keeping the selected data if possible."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for text, data in items:
        combo.addItem(text, data)
    if current is not None:
        i = combo.findData(current)
        if i >= 0:
            combo.setCurrentIndex(i)
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: Any) -> None:
    i = combo.findData(value)
    combo.setCurrentIndex(max(i, 0))


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange
