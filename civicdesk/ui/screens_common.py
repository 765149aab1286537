"""Pieces the meetings, grants, seminars and booklets pages share.

* :class:`Retranslating` - texts are registered once as ``(setter, lambda: self.tr(...))``
  and set again when the language changes (a LanguageChange event).
* :class:`FieldErrors` - a red label under each form field for inline validation.
* :class:`RowsModel` - a read-only table over a list of plain dataclasses.
* :class:`Pager` - previous / next over a services ``Page``.
* :class:`ListEditor` - a list of rows beside the editor of the open one: asking
  before unsaved edits are dropped, and which row the user moved to.
* :func:`rows_table`, :func:`list_pane` - the read-only table of such a list, and
  the list with its search box, "new" button and pager.
* :func:`heading_label`, :func:`editor_pane` - the editor: its title, the form, the
  print buttons under it.
* :func:`side_by_side` - the list and the editor in a splitter.
* :func:`render_to_temp` - run a PDF renderer on the pool and open the preview.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.errors import UserError
from civicdesk.domain.validation import field_errors
from civicdesk.services.base import Context, Page
from civicdesk.ui.common import file_name
from civicdesk.ui.env import UiEnv

T = TypeVar("T")

ModelIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 100
ERROR_STYLE = "color: #b00020;"
OK_COLOR = "#1b7f3b"
BAD_COLOR = "#b00020"


def to_qdate(d: date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else QDate()


def from_qdate(q: QDate) -> date | None:
    return date(q.year(), q.month(), q.day()) if q.isValid() else None


class Retranslating:
    """Mixin for widgets: remember how each text is made, redo it on language change."""

    _texts: list[tuple[Callable[[str], Any], Callable[[], str]]]

    def bind_text(self, setter: Callable[[str], Any], make: Callable[[], str]) -> None:
        if not hasattr(self, "_texts"):
            self._texts = []
        self._texts.append((setter, make))
        setter(make())

    def retranslate(self) -> None:
        for setter, make in getattr(self, "_texts", []):
            setter(make())

    def handle_language_event(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class FieldErrors:
    """Red labels placed under form fields; filled from a ``ValidationErrors``."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def add_row(self, form: QFormLayout, label: QLabel, field: str, widget: QWidget) -> QLabel:
        """Add ``label: widget`` to ``form`` with a hidden error label under the widget."""
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        lay.addWidget(error)
        form.addRow(label, holder)
        self.labels[field] = error
        return error

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, error: UserError, lang: str) -> list[UserError]:
        """Put each field error next to its field; return those with no field here."""
        self.clear()
        rest: list[UserError] = []
        for e in field_errors(error):
            label = self.labels.get(e.field or "")
            if label is None:
                rest.append(e)
                continue
            text = e.text("kk" if lang == "kk" else "ru")
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.show()
        return rest

    def text(self, field: str) -> str:
        label = self.labels.get(field)
        return label.text() if label is not None else ""


def rows_table(model: QAbstractTableModel, stretch: int, *, fit: bool = True) -> QTableView:
    """A read-only table where whole rows are selected one at a time; column ``stretch``
    takes the spare width.  ``fit``: the other columns as wide as their contents and the
    rows as tall as their wrapped text."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    if fit:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if fit:
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def heading_label() -> QLabel:
    """The bold title line over an editor."""
    label = QLabel()
    label.setStyleSheet("font-weight: bold; font-size: 12pt;")
    label.setWordWrap(True)
    return label


def editor_pane(title: QLabel, status: QLabel | None, body: QWidget, buttons: Sequence[QWidget] = ()) -> QWidget:
    """The title (with the status at its right, if any) over ``body``, which takes the
    height; ``buttons`` in a row at the bottom right."""
    editor = QWidget()
    ev = QVBoxLayout(editor)
    ev.setContentsMargins(0, 0, 0, 0)
    if status is None:
        ev.addWidget(title)
    else:
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(status)
        ev.addLayout(head)
    ev.addWidget(body, 1)
    if buttons:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        ev.addLayout(row)
    return editor


def list_pane(search: QWidget, new_button: QWidget, table: QTableView, pager: Pager) -> QWidget:
    """The search box and the "new" button over the table, the pager under it."""
    pane = QWidget()
    lv = QVBoxLayout(pane)
    lv.setContentsMargins(0, 0, 0, 0)
    top = QHBoxLayout()
    top.addWidget(search, 1)
    top.addWidget(new_button)
    lv.addLayout(top)
    lv.addWidget(table, 1)
    lv.addWidget(pager)
    return pane


def side_by_side(left: QWidget, right: QWidget, stretch: tuple[int, int], sizes: list[int]) -> QSplitter:
    """Two panes in a splitter, growing by ``stretch``, starting at ``sizes`` pixels."""
    split = QSplitter()
    split.addWidget(left)
    split.addWidget(right)
    split.setStretchFactor(0, stretch[0])
    split.setStretchFactor(1, stretch[1])
    split.setSizes(sizes)
    return split


def show_error_text(label: QLabel, env: UiEnv, error: BaseException) -> None:
    """A user error's text in ``label``; anything else is a bug and goes on up."""
    if not isinstance(error, UserError):
        raise error
    label.setText(error.text(env.lang))


def end_form(form: QFormLayout) -> None:
    """Keep the rows of a form together at the top instead of spread over the height."""
    filler = QWidget()
    filler.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
    form.addRow(filler)


def show_user_error(parent: QWidget, env: UiEnv, error: BaseException, errors: FieldErrors | None = None) -> None:
    """Inline where a field is named, a message box for the rest."""
    if not isinstance(error, UserError):
        raise error
    rest = errors.show(error, env.lang) if errors is not None else field_errors(error)
    if rest:
        text = "\n".join(e.text(env.lang) for e in rest)
        QMessageBox.warning(parent, parent.window().windowTitle() or "CivicDesk", text)


@dataclass(frozen=True)
class Column(Generic[T]):
    header: Callable[[], str]
    value: Callable[[T], object]
    align_right: bool = False


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table over plain rows, with headers that follow the language."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = col.value(self.rows[index.row()])
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header()
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)


class Pager(QWidget, Retranslating):
    """Previous / next buttons and "1-100 of 230" for a paged list."""

    page_requested = Signal(int)  # offset

    def __init__(self, page_size: int = PAGE_SIZE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.offset = 0
        self.total = 0
        self.shown = 0
        self.prev_button = QPushButton("‹")
        self.next_button = QPushButton("›")
        self.label = QLabel()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.prev_button)
        lay.addWidget(self.next_button)
        self.prev_button.clicked.connect(lambda: self.page_requested.emit(max(0, self.offset - self.page_size)))
        self.next_button.clicked.connect(lambda: self.page_requested.emit(self.offset + self.page_size))
        self.bind_text(self.prev_button.setToolTip, lambda: self.tr("Previous page"))
        self.bind_text(self.next_button.setToolTip, lambda: self.tr("Next page"))
        self.update_page(0, 0, 0)

    def update_page(self, offset: int, shown: int, total: int) -> None:
        self.offset, self.shown, self.total = offset, shown, total
        self.prev_button.setEnabled(offset > 0)
        self.next_button.setEnabled(offset + shown < total)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if self.total == 0:
            self.label.setText(self.tr("No records"))
        else:
            self.label.setText(
                self.tr("%1–%2 of %3")
                .replace("%1", str(self.offset + 1))
                .replace("%2", str(self.offset + self.shown))
                .replace("%3", str(self.total))
            )

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)


def temp_pdf(prefix: str, title: str = "") -> Path:
    """Where a printout is rendered: a folder of its own, so the file can carry the
    meaningful name the preview offers when it is saved (``Хаттама 2026-12-03.pdf``)."""
    base = Path(tempfile.gettempdir()) / "civicdesk-print"
    base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
    return folder / file_name(title or prefix.strip("-"), "pdf")


class Renderable(Protocol):
    def render(self, out: Path) -> object: ...


def render_and_preview(
    parent: QWidget,
    env: UiEnv,
    prepare: Callable[[], Renderable],
    prefix: str,
    title: str,
    *,
    on_rendered: Callable[[Path], None] | None = None,
    show: bool = True,
) -> None:
    """Gather the data on the database thread, render it on the pool into a
    temporary PDF, then open the preview dialog.

    ``on_rendered`` gets the path on the GUI thread (tests use it); ``show=False``
    skips the dialog.
    """
    path = temp_pdf(prefix, title)

    def failed(e: BaseException) -> None:
        show_user_error(parent, env, e)

    def rendered(_: object) -> None:
        if on_rendered is not None:
            on_rendered(path)
        if show:
            from civicdesk.ui.pdf_preview import PdfPreviewDialog

            dialog = PdfPreviewDialog(path, title, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def prepared(job: Renderable) -> None:
        env.runner.pool(job.render, path, on_done=rendered, on_error=failed)

    env.runner.db(prepare, on_done=prepared, on_error=failed)


def confirm_discard(parent: QWidget) -> bool:
    """Ask before unsaved edits are dropped. True: go on and drop them."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Screens", "Unsaved changes"),
        QCoreApplication.translate("Screens", "The changes have not been saved. Discard them?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


class ListEditor:
    """Mixin for the pages with a list of rows beside the editor of the open one.

    The page sets ``dirty`` on edits and keeps the open row's view in ``view``.
    """

    env: UiEnv
    dirty: bool
    view: _Identified | None
    table: QTableView
    model: RowsModel[Any]
    pager: Pager

    def has_unsaved_changes(self) -> bool:
        """Asked by the main window before it closes."""
        return bool(self.dirty)

    def may_leave(self) -> bool:
        """True when there are no unsaved edits, or the user agreed to drop them."""
        if not self.dirty:
            return True
        if confirm_discard(cast(QWidget, self)):
            self.dirty = False
            return True
        return False

    def leave_for_new(self) -> bool:
        """Before a new record: ask about unsaved edits, then clear the list's selection.
        False: the user keeps the open record."""
        if not self.may_leave():
            return False
        self.table.clearSelection()
        return True

    def open_record(self, get: Callable[[Context, str], T], record_id: str, show: Callable[[T], None]) -> None:
        """Read a record on the database thread and ``show`` it in the editor."""
        self.env.runner.db(get, self.env.ctx(), record_id, on_done=show,
                           on_error=lambda e: show_user_error(cast(QWidget, self), self.env, e))

    def show_page(self, page: Page[Any]) -> None:
        """Put a page of rows in the list, keeping the open record's row selected."""
        current = self.view.id if self.view is not None else None
        self.model.set_rows(page.rows)
        self.pager.update_page(page.offset, len(page.rows), page.total)
        if current:
            self.select_row_of(current)

    def select_row_of(self, record_id: str) -> None:
        """Select the record's row without taking it for the user's choice."""
        for i, r in enumerate(self.model.rows):
            if r.id == record_id:
                self.table.blockSignals(True)
                self.table.selectRow(i)
                self.table.blockSignals(False)
                return

    def newly_selected_row(self) -> Any | None:
        """The row selected in the table, unless nothing is or it is already open."""
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is None or (self.view is not None and self.view.id == row.id):
            return None
        return row

    def reload_after(
        self,
        work: Callable[[], object],
        get: Callable[[Context, str], T],
        show: Callable[[T], None],
        error: QLabel,
    ) -> None:
        """Run ``work`` on the database thread, then ``show`` the open record as ``get``
        reads it again; a user error's text goes to ``error``."""
        if self.view is None:
            return
        ctx, record_id = self.env.ctx(), self.view.id

        def run() -> T:
            work()
            return get(ctx, record_id)

        error.clear()
        self.env.runner.db(run, on_done=show, on_error=lambda e: show_error_text(error, self.env, e))
