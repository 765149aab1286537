"""«Link to problem…»: a button any page puts beside a consultation, an agenda item or a
grant application. One click opens the center's problems (newest first, searchable); a
double click on one links the record to it (``services.problems.link_record``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civicdesk.services import problems as svc
from civicdesk.services.base import ListQuery, Page
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import Retranslating, show_error_text

__all__ = ["LinkProblemButton", "ProblemPicker"]


class ProblemPicker(QDialog, Retranslating):
    """The center's problems; a double click links the record and closes."""

    def __init__(self, env: UiEnv, kind: str, record_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.kind, self.record_id = env, kind, record_id
        self.linked: svc.ProblemView | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.reload)
        self.list = QListWidget()
        # a double click, or Enter on the chosen line
        self.list.itemActivated.connect(self._chosen)
        self.hint, self.error = QLabel(), QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        lay = QVBoxLayout(self)
        for w in (self.hint, self.search, self.list, self.error):
            lay.addWidget(w)
        self.resize(560, 420)
        b = self.bind_text
        b(self.setWindowTitle, lambda: self.tr("Link to problem"))
        b(self.hint.setText, lambda: self.tr("Double-click the problem this record raised."))
        b(self.search.setPlaceholderText, lambda: self.tr("Search by title…"))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    @Slot()
    def reload(self) -> None:
        query = ListQuery(limit=200, sort="first_raised", descending=True,
                          search=self.search.text())
        self.env.runner.db(svc.list_problems, self.env.ctx(), query, on_done=self._fill,
                           on_error=lambda e: show_error_text(self.error, self.env, e))

    def _fill(self, page: Page[svc.ProblemRow]) -> None:
        self.list.clear()
        kk = self.env.lang == "kk"
        for r in page.rows:
            place = r.settlement_kk if kk else r.settlement_ru
            item = QListWidgetItem(f"{r.title_kk if kk else r.title_ru} — {place}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        problem_id = str(item.data(Qt.ItemDataRole.UserRole))
        ctx, kind, record_id = self.env.ctx(), self.kind, self.record_id
        self.error.clear()
        self.env.runner.db(svc.link_record, ctx, problem_id, kind, record_id,
                           on_done=self._done,
                           on_error=lambda e: show_error_text(self.error, self.env, e))

    def _done(self, view: svc.ProblemView) -> None:
        self.linked = view
        self.env.notify_changed("problem")
        self.accept()


class LinkProblemButton(QPushButton, Retranslating):
    """«Link to problem…» for the record ``record_id()`` names (disabled without one)."""

    def __init__(self, env: UiEnv, kind: str, record_id: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.kind, self.record_id = env, kind, record_id
        self.picker: ProblemPicker | None = None
        self.clicked.connect(self.open_picker)
        self.bind_text(self.setText, lambda: self.tr("Link to problem…"))

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    @Slot()
    def open_picker(self) -> None:
        record = self.record_id()
        if not record:
            return
        self.picker = ProblemPicker(self.env, self.kind, record, self.window())
        self.picker.open()
