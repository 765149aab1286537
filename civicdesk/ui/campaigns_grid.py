"""The keyboard-only entry grid of survey sheets: one row a sheet, digits for options.

Columns: sheet number, sex, age band, village, then one column a question. A digit in
a one-digit column (sex, age, a single-choice question, the village when there are at
most nine) fills it and moves on; a multiple-choice question takes several digits
(Enter or Tab moves on). 0 means "not stated" / "no answer", Backspace clears a cell.
Enter in the last column (or a digit there) hands the row over to be saved and opens
the next empty row at once, so typing never waits for the database; Ctrl+Enter saves
the row from any column. Up and Down go back to correct an earlier sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from civicdesk.domain.awareness import AgeBand, Question, QuestionKind
from civicdesk.domain.enums import Sex

__all__ = ["GridRow", "SheetGrid"]

NUMBER, SEX, AGE, VILLAGE = range(4)
FIRST_QUESTION = 4
AGE_BANDS: tuple[AgeBand, ...] = tuple(AgeBand)
_ID = Qt.ItemDataRole.UserRole
_ERROR = QBrush(QColor("#f8d7da"))
_SAVED = QBrush(QColor("#e7f4e4"))


@dataclass(frozen=True)
class GridRow:
    """What a row holds, as typed (digits), with the sheet id once it is saved."""

    row: int
    sheet_id: str | None
    number: int | None
    sex: Sex | None
    age_band: AgeBand | None
    settlement_id: str | None
    cells: tuple[str, ...]


class SheetGrid(QTableWidget):
    # a row was finished and should be saved (row index)
    row_committed = Signal(int)
    # a key was refused; the text says why (already translated)
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, FIRST_QUESTION, parent)
        self.questions: tuple[Question, ...] = ()
        self.settlements: list[tuple[str, str]] = []  # (id, name), typed as 1..n
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        # Fixed widths: sizing columns to their contents would measure every row on
        # each new one, which grows with the wave (digits fit in a fixed column).
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(56)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.retranslate()

    # ------------------------------------------------------------------ set-up
    def retranslate(self) -> None:
        labels = [self.tr("No."), self.tr("Sex"), self.tr("Age"), self.tr("Village")]
        labels += [self.tr("Q%1").replace("%1", str(i + 1)) for i in range(len(self.questions))]
        self.setHorizontalHeaderLabels(labels)

    def configure(self, questions: Sequence[Question], settlements: Sequence[tuple[str, str]],
                  rows: Sequence[GridRow]) -> None:
        """Show a wave: its saved sheets, then an empty row to type the next one."""
        self.questions = tuple(questions)
        self.settlements = list(settlements)
        self.setColumnCount(FIRST_QUESTION + len(self.questions))
        self.setRowCount(0)
        self.retranslate()
        for r in rows:
            self._append_row(r)
        self.add_entry_row()

    def _item(self, text: str = "") -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return item

    def _append_row(self, data: GridRow | None) -> int:
        r = self.rowCount()
        self.insertRow(r)
        for c in range(self.columnCount()):
            self.setItem(r, c, self._item())
        if data is not None:
            self.fill_row(r, data)
        return r

    def fill_row(self, r: int, data: GridRow) -> None:
        def put(col: int, text: str) -> None:
            item = self.item(r, col)
            if item is not None:
                item.setText(text)

        put(NUMBER, "" if data.number is None else str(data.number))
        put(SEX, {Sex.MALE: "1", Sex.FEMALE: "2"}.get(data.sex, "0") if data.sex else "")
        put(AGE, str(AGE_BANDS.index(data.age_band) + 1) if data.age_band else "")
        ids = [s for s, _ in self.settlements]
        put(VILLAGE, str(ids.index(data.settlement_id) + 1)
            if data.settlement_id in ids else "")
        for i, cell in enumerate(data.cells):
            put(FIRST_QUESTION + i, cell)
        self.mark_saved(r, data.sheet_id)

    def add_entry_row(self) -> int:
        """An empty row at the end, with the cursor on its first answer column."""
        r = self._append_row(None)
        self.setCurrentCell(r, SEX)
        return r

    # ------------------------------------------------------------------ state
    def sheet_id(self, r: int) -> str | None:
        item = self.item(r, NUMBER)
        value = item.data(_ID) if item is not None else None
        return str(value) if value else None

    def mark_saved(self, r: int, sheet_id: str | None, number: int | None = None) -> None:
        item = self.item(r, NUMBER)
        if item is None:
            return
        item.setData(_ID, sheet_id)
        if number is not None:
            item.setText(str(number))
        for c in range(self.columnCount()):
            cell = self.item(r, c)
            if cell is not None:
                cell.setBackground(_SAVED if sheet_id else QBrush())
                cell.setToolTip("")

    def mark_error(self, r: int, text: str) -> None:
        for c in range(self.columnCount()):
            cell = self.item(r, c)
            if cell is not None:
                cell.setBackground(_ERROR)
                cell.setToolTip(text)

    def row_data(self, r: int) -> GridRow:
        def text(col: int) -> str:
            item = self.item(r, col)
            return item.text().strip() if item is not None else ""

        number = int(text(NUMBER)) if text(NUMBER).isdigit() else None
        sex = {"1": Sex.MALE, "2": Sex.FEMALE}.get(text(SEX))
        age = text(AGE)
        band = AGE_BANDS[int(age) - 1] if age.isdigit() and 1 <= int(age) <= len(AGE_BANDS) else None
        village = text(VILLAGE)
        settlement = (self.settlements[int(village) - 1][0]
                      if village.isdigit() and 1 <= int(village) <= len(self.settlements) else None)
        cells = tuple(text(FIRST_QUESTION + i) for i in range(len(self.questions)))
        return GridRow(r, self.sheet_id(r), number, sex, band, settlement, cells)

    def is_blank(self, r: int) -> bool:
        return all(not (self.item(r, c) or self._item()).text() for c in range(self.columnCount()))

    # ------------------------------------------------------------------ keys
    def _one_digit(self, col: int) -> bool:
        if col in (SEX, AGE):
            return True
        if col == VILLAGE:
            return len(self.settlements) <= 9
        if col >= FIRST_QUESTION:
            return self.questions[col - FIRST_QUESTION].kind is QuestionKind.SINGLE
        return False

    def _limit(self, col: int) -> int:
        if col == SEX:
            return 2
        if col == AGE:
            return len(AGE_BANDS)
        if col == VILLAGE:
            return len(self.settlements)
        if col >= FIRST_QUESTION:
            return len(self.questions[col - FIRST_QUESTION].options)
        return 9

    def _advance(self, r: int, col: int) -> None:
        if col + 1 < self.columnCount():
            self.setCurrentCell(r, col + 1)
        else:
            self.commit(r)

    def commit(self, r: int) -> None:
        """Hand the row over to be saved; on the last row open the next one at once."""
        if self.is_blank(r):
            return
        last = r == self.rowCount() - 1
        self.row_committed.emit(r)
        if last:
            self.add_entry_row()
        else:
            self.setCurrentCell(self.rowCount() - 1, SEX)

    def _digit(self, r: int, col: int, digit: int) -> None:
        item = self.item(r, col)
        if item is None:
            return
        if col == NUMBER:
            item.setText((item.text() + str(digit))[-5:].lstrip("0"))
            return
        if digit != 0 and digit > self._limit(col):
            self.problem.emit(self.tr("Type a digit from 1 to %1, or 0 for no answer")
                              .replace("%1", str(self._limit(col))))
            return
        if self._one_digit(col):
            item.setText(str(digit))
            self._advance(r, col)
            return
        if digit == 0:
            item.setText("0")
            return
        text = item.text().replace("0", "")
        if col == VILLAGE:
            candidate = text + str(digit)
            item.setText(candidate if int(candidate) <= self._limit(col) else str(digit))
        elif str(digit) not in text:
            item.setText("".join(sorted(text + str(digit))))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        r, col = self.currentRow(), self.currentColumn()
        key = event.key()
        text = event.text()
        if r < 0 or col < 0:
            super().keyPressEvent(event)
            return
        if text and text.isdigit() and len(text) == 1:
            self._digit(r, col, int(text))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.commit(r)
            else:
                self._advance(r, col)
            return
        if key == Qt.Key.Key_Tab:
            self._advance(r, col)
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            item = self.item(r, col)
            if item is not None:
                item.setText("")
            return
        super().keyPressEvent(event)
