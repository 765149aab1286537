"""Small pieces the core screens share: inline field errors, date conversion,
combo boxes filled from reference lists, the language-change hook, the search box
that waits for a pause in typing, the titled side list, and the base of the forms
that save through the database thread."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.errors import Lang, UserError, ValidationErrors
from civicdesk.ui.env import UiEnv
from civicdesk.ui.keys import install_office_keys, office_keys

V = TypeVar("V")

ERROR_STYLE = "color: #b00020;"

#: how long the search waits after the last key press
SEARCH_DELAY_MS = 300


def file_name(title: str, suffix: str, today: date | None = None) -> str:
    """A default file name a person recognises: what it is, in the user's language,
    and the date (``Кеңестер 2026-12-03.xlsx``), never a random one."""
    clean = re.sub(r'[\s\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .") or "CivicDesk"
    return f"{clean} {(today or date.today()).isoformat()}.{suffix}"


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


#: room in a drop-down list beside the longest text: margins and the scroll bar
POPUP_PADDING = 48


def fit_popup(combo: QComboBox) -> None:
    """Call after filling ``combo``: its drop-down list opens as wide as the longest
    item (within the screen) however narrow the box is, and every item, and the box,
    show their full text as a tip."""
    view = combo.view()
    metrics = view.fontMetrics()
    widest = 0
    for i in range(combo.count()):
        text = combo.itemText(i)
        combo.setItemData(i, text, Qt.ItemDataRole.ToolTipRole)
        widest = max(widest, metrics.horizontalAdvance(text))
    screen = combo.screen()
    limit = screen.availableGeometry().width() - 40 if screen is not None else 1300
    view.setMinimumWidth(min(widest + POPUP_PADDING, limit))
    combo.setToolTip(combo.currentText())
    if not combo.property("fit_popup"):
        combo.setProperty("fit_popup", True)
        combo.currentTextChanged.connect(combo.setToolTip)


def select_data(combo: QComboBox, value: Any) -> None:
    i = combo.findData(value)
    combo.setCurrentIndex(max(i, 0))


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


def search_timer(
    parent: QObject, search: QLineEdit, apply: Callable[[], None], *, on_return: bool = True
) -> QTimer:
    """Run ``apply`` once typing in ``search`` pauses (and at once on Enter, if
    ``on_return``); the timer is returned so ``apply`` can stop it."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    timer.timeout.connect(apply)
    search.textChanged.connect(lambda _t: timer.start())
    if on_return:
        search.returnPressed.connect(apply)
    return timer


def titled_list(title: QLabel, items: QListWidget) -> QWidget:
    """A bold title over a list of wrapped lines, the list taking the height."""
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    items.setWordWrap(True)
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    layout.addWidget(items, 1)
    return pane


class FormDialog(QDialog, Generic[V]):
    """A form that saves through the database thread.

    One save at a time (the buttons are off while it runs), service errors inline
    next to their fields, the saved view kept in :attr:`saved`, and a question before
    unsaved edits are dropped.  Every text stays in the subclass, so its translations
    keep the subclass's context: :meth:`unsaved_question` gives the question's texts,
    :meth:`retranslate` the rest.
    """

    #: what ``env.notify_changed`` is told after a save
    changed_entity = ""

    buttons: QDialogButtonBox
    #: the record the form edits, None for a new one
    view: Any

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_office_keys()
        self.env = env
        self.saved: V | None = None
        self._busy = False
        self._dirty = False
        self.errors = FieldErrors(ErrorLabel())

    def finish_layout(self, form: QFormLayout, *, save_shortcut: bool = True) -> None:
        """Save and Cancel under the form, the general error line above it."""
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if save_shortcut:
            QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def set_button_texts(self, save: str, cancel: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(save)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)

    def save(self) -> None:
        raise NotImplementedError

    def save_record(
        self, create: Callable[..., V], update: Callable[..., V], collect: Callable[[], object]
    ) -> None:
        """Create a record from ``collect()``, or update the one in :attr:`view`."""
        if self._busy:
            return
        self.errors.clear()
        data = collect()
        ctx = self.env.ctx()
        if self.view is None:
            self.submit(create, ctx, data)
        else:
            self.submit(update, ctx, self.view.id, data)

    def retranslate(self) -> None:
        raise NotImplementedError

    def unsaved_question(self) -> tuple[str, str]:
        """Title and text of the question before unsaved edits are dropped."""
        raise NotImplementedError

    def _mark_dirty(self, *_: object) -> None:
        self._dirty = True

    def is_dirty(self) -> bool:
        return self._dirty

    def submit(self, fn: Callable[..., V], *args: Any, **kwargs: Any) -> None:
        """Run ``fn(*args, **kwargs)`` on the database thread; the buttons are off until it ends."""
        self._busy = True
        self.buttons.setEnabled(False)
        self.env.runner.db(fn, *args, **kwargs, on_done=self._saved, on_error=self._failed,
                           on_finally=self._settle)

    def _settle(self) -> None:
        self._busy = False
        self.buttons.setEnabled(True)

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, UserError):
            self.errors.show(err, self.env.lang)

    def _saved(self, view: V) -> None:
        self.saved = view
        self._dirty = False
        self.env.notify_changed(self.changed_entity)
        self.accept()

    def reject(self) -> None:
        if self._dirty and not self._busy:
            title, text = self.unsaved_question()
            answer = QMessageBox.question(
                self, title, text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        # Tab between fields, Ctrl+Tab for a tab character (every field exists by now)
        office_keys(self)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
