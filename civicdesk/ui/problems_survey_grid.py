"""The grid that paper questionnaires of a needs assessment are typed into: one row a
respondent (sex, age, settlement), then one check column a problem of the survey.

Keys: Tab or Enter moves to the next cell (Shift+Tab back), at the end of a row to the
next row; Space ticks or unticks a problem; in the sex column 1 or 2, or the first
letter of «male» / «female» in the interface language, chooses and 0 clears; the age
column takes the age in years as digits; in the settlement column the first letters
of a name choose the first settlement of the district (in Kazakh order) that begins
with them, Backspace takes a letter back; F2 or a double click opens a list to pick
from. Backspace clears a cell, Delete empties the whole row (an empty row is not
saved, and the rows keep their numbers). A new empty row appears at the end once the
last one has something in it. Nothing here checks a row: the service does, and its
faults come back to :meth:`SurveyGrid.show_faults`, which colours the cells and puts
the message in their tooltips.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import Lang, UserError
from civicdesk.domain.text import fold_for_search
from civicdesk.services.reference import Named
from civicdesk.services.survey_grid import GridRow, SurveyProblem

__all__ = ["SurveyGrid"]

SEX, AGE, PLACE = range(3)
FIRST_PROBLEM = 3
_VALUE = Qt.ItemDataRole.UserRole  # "m" / "f" in the sex column, an id in the settlement one
_FAULT = QBrush(QColor("#f8d7da"))
_AGE_DIGITS = 3
_PROBLEM_MIN, _PROBLEM_MAX = 84, 150
_HEADER_LINES = 4
ModelIndex = QModelIndex | QPersistentModelIndex


def fold(text: str) -> str:
    """Case, ё and Latin look-alikes folded letter by letter (a space stays a space)."""
    return "".join(fold_for_search(ch) or ch for ch in text)


def wrap_title(title: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """A title broken into at most ``lines`` lines of ``width`` pixels, a long word
    hyphenated at a Kazakh or Russian syllable break, the last line elided when the
    title is longer still (the full title is in the header's tooltip)."""
    from civicdesk.printing.hyphenation import SOFT_HYPHEN, soft_hyphens

    def fits(text: str) -> bool:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width) == text

    out: list[str] = []
    line = ""
    for word in soft_hyphens(title).split():
        parts = word.split(SOFT_HYPHEN)
        while parts:
            whole = "".join(parts)
            if fits(f"{line} {whole}".strip()):
                line, parts = f"{line} {whole}".strip(), []
                continue
            # the longest head of the word that fits on this line, with a hyphen
            for k in range(len(parts) - 1, 0, -1):
                head = f"{line} {''.join(parts[:k])}-".strip()
                if fits(head):
                    out.append(head)
                    line, parts = "", parts[k:]
                    break
            else:
                if line:
                    out.append(line)  # the word starts on the next line
                    line = ""
                else:
                    out.append(whole)  # longer than the column even alone: elided
                    parts = []
    if line:
        out.append(line)
    if len(out) > lines:
        tail = out[lines - 1]
        for more in out[lines:]:  # a hyphenated word is whole again before it is elided
            tail = tail[:-1] + more if tail.endswith("-") else f"{tail} {more}"
        out = [*out[:lines - 1], tail]
    return "\n".join(metrics.elidedText(x, Qt.TextElideMode.ElideRight, width) for x in out)


class _PickDelegate(QStyledItemDelegate):
    """A list to pick from (F2 or a double click): the sex or the settlement."""

    def __init__(self, choices: Callable[[], list[tuple[str, str]]], parent: QWidget) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.addItem("—", "")
        for value, text in self.choices():
            box.addItem(text, value)
        return box

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(_VALUE) or "")
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentData() or None
            model.setData(index, value, _VALUE)
            model.setData(index, editor.currentText() if value else "",
                          Qt.ItemDataRole.DisplayRole)


@dataclass(frozen=True)
class _Typed:
    """What one row holds, kept while the columns are rebuilt."""

    sex: str | None
    age: str
    place: str | None
    ticked: frozenset[str]


class SurveyGrid(QTableWidget):
    #: a key was refused; the text says what the column takes (already translated)
    problem = Signal(str)
    #: the rows changed (typed, ticked, cleared)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, FIRST_PROBLEM, parent)
        self.lang: Lang = "kk"
        self.problems: tuple[SurveyProblem, ...] = ()
        self.settlements: tuple[Named, ...] = ()
        self._names: dict[str, Named] = {}
        self._prefix = ""
        self._quiet = False
        self._faults: list[UserError] = []
        self._filled: set[int] = set()  # rows with something typed, kept as keys go
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setItemDelegateForColumn(SEX, _PickDelegate(self._sex_choices, self))
        self.setItemDelegateForColumn(PLACE, _PickDelegate(self._place_choices, self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.itemChanged.connect(self._changed)
        self.currentCellChanged.connect(self._moved)
        self.configure((), ())

    # ------------------------------------------------------------------ set-up
    def _sex_choices(self) -> list[tuple[str, str]]:
        return [(Sex.MALE.value, self.tr("Male")), (Sex.FEMALE.value, self.tr("Female"))]

    def _place_choices(self) -> list[tuple[str, str]]:
        return [(s.id, s.name(self.lang)) for s in self.settlements]

    def configure(self, problems: Sequence[SurveyProblem], settlements: Sequence[Named]) -> None:
        """The survey's columns. Rows typed so far stay where they were, so the numbers
        the messages name stay true, and so does the cursor; ticks of a problem that is
        no longer asked go with its column."""
        used = [r for r in range(self.rowCount()) if not self.is_blank(r)]
        typed = [self._typed(r) for r in range(used[-1] + 1)] if used else []
        at = (self.currentRow(), self.currentColumn())
        self.problems = tuple(problems)
        self.settlements = tuple(settlements)
        self._names = {s.id: s for s in self.settlements}
        self._quiet = True
        self.setRowCount(0)
        self.setColumnCount(FIRST_PROBLEM + len(self.problems))
        for t in typed:
            self._put(self._new_row(), t)
        self._quiet = False
        self._new_row()
        self._filled = {r for r in range(self.rowCount()) if not self.is_blank(r)}
        self.retranslate()
        if typed and 0 <= at[0] < self.rowCount() and 0 <= at[1] < self.columnCount():
            self.setCurrentCell(*at)
        else:
            self.setCurrentCell(0, SEX)

    def retranslate(self) -> None:
        """Headers and cells in the interface language (``lang``)."""
        self._quiet = True
        for c, (text, tip) in enumerate((
                (self.tr("Sex"), self.tr("1 = male, 2 = female (or the first letter); 0 clears")),
                (self.tr("Age"), self.tr("Age in years")),
                (self.tr("Settlement"),
                 self.tr("Type the first letters of the name; F2 opens the list")))):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.setHorizontalHeaderItem(c, item)
        for i, p in enumerate(self.problems):
            item = QTableWidgetItem()
            item.setToolTip(p.title(self.lang) + "\n"
                            + self.tr("Survey code: %1").replace("%1", p.code))
            self.setHorizontalHeaderItem(FIRST_PROBLEM + i, item)
        for r in range(self.rowCount()):
            self._show_values(r)
        self._quiet = False
        self._fit_columns()
        self._paint_faults()

    def _fit_columns(self) -> None:
        """Sex, age and settlement as wide as their texts; the problems share the rest
        of the width (between a narrow and a comfortable column, scrolling beyond), their
        titles wrapped on four lines."""
        header = self.horizontalHeader()
        # the window's memory restores every table's header when the page opens; this
        # grid's columns are the survey's, sized here, whatever was remembered
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for c in range(self.columnCount()):
            self.setColumnHidden(c, False)
        bold = header.font()
        bold.setBold(True)  # the current column's title is drawn bold
        metrics = QFontMetrics(bold)
        pad = metrics.averageCharWidth() + 12

        def fit(texts: list[str]) -> int:
            return max([metrics.horizontalAdvance(x) for x in texts] + [0]) + pad

        fixed = (fit([self._header_text(SEX)] + [x for _v, x in self._sex_choices()]),
                 fit([self._header_text(AGE), "120"]),
                 min(fit([self._header_text(PLACE)] + [s.name(self.lang)
                                                      for s in self.settlements]), 240))
        for col, w in zip((SEX, AGE, PLACE), fixed, strict=True):
            self.setColumnWidth(col, w)
        n = len(self.problems)
        room = self.viewport().width() - sum(fixed)
        width = min(max(room // n if n else 0, _PROBLEM_MIN), _PROBLEM_MAX)
        for i, p in enumerate(self.problems):
            self.setColumnWidth(FIRST_PROBLEM + i, width)
            item = self.horizontalHeaderItem(FIRST_PROBLEM + i)
            if item is not None:
                item.setText(wrap_title(p.title(self.lang), metrics, width - pad // 2,
                                        _HEADER_LINES))
        header.setFixedHeight(metrics.lineSpacing() * _HEADER_LINES + 12)

    def _header_text(self, col: int) -> str:
        item = self.horizontalHeaderItem(col)
        return item.text() if item is not None else ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_columns()

    # ------------------------------------------------------------------ rows
    def _new_row(self) -> int:
        r = self.rowCount()
        quiet, self._quiet = self._quiet, True
        self.insertRow(r)
        for c in range(self.columnCount()):
            item = QTableWidgetItem()
            if c >= FIRST_PROBLEM:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.setItem(r, c, item)
        self._quiet = quiet
        return r

    def _typed(self, r: int) -> _Typed:
        return _Typed(self._value(r, SEX), self._text(r, AGE), self._value(r, PLACE),
                      frozenset(p.id for i, p in enumerate(self.problems)
                                if self._ticked(r, FIRST_PROBLEM + i)))

    def _put(self, r: int, t: _Typed) -> None:
        self._cell(r, SEX).setData(_VALUE, t.sex)
        self._cell(r, AGE).setText(t.age)
        self._cell(r, PLACE).setData(_VALUE, t.place)
        for i, p in enumerate(self.problems):
            if p.id in t.ticked:
                self._cell(r, FIRST_PROBLEM + i).setCheckState(Qt.CheckState.Checked)
        self._show_values(r)

    def _show_values(self, r: int) -> None:
        sex = self._value(r, SEX)
        self._cell(r, SEX).setText(dict(self._sex_choices()).get(sex or "", ""))
        place = self._names.get(self._value(r, PLACE) or "")
        self._cell(r, PLACE).setText(place.name(self.lang) if place else "")

    def _cell(self, r: int, c: int) -> QTableWidgetItem:
        item = self.item(r, c)
        assert item is not None
        return item

    def _text(self, r: int, c: int) -> str:
        item = self.item(r, c)
        return item.text().strip() if item is not None else ""

    def _value(self, r: int, c: int) -> str | None:
        item = self.item(r, c)
        value = item.data(_VALUE) if item is not None else None
        return str(value) if value else None

    def _ticked(self, r: int, c: int) -> bool:
        item = self.item(r, c)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def is_blank(self, r: int) -> bool:
        return (not self._value(r, SEX) and not self._text(r, AGE)
                and not self._value(r, PLACE)
                and not any(self._ticked(r, c) for c in range(FIRST_PROBLEM, self.columnCount())))

    def has_rows(self) -> bool:
        """Something typed that is not saved."""
        return bool(self._filled)

    def filled_count(self) -> int:
        """How many rows have something typed (without walking the grid)."""
        return len(self._filled)

    def rows(self) -> list[GridRow]:
        """Every row with something in it, numbered as the grid shows it."""
        out = []
        for r in range(self.rowCount()):
            if self.is_blank(r):
                continue
            sex = self._value(r, SEX)
            out.append(GridRow(r + 1, [p.id for i, p in enumerate(self.problems)
                                       if self._ticked(r, FIRST_PROBLEM + i)],
                               Sex(sex) if sex else None, self._text(r, AGE),
                               self._value(r, PLACE)))
        return out

    def clear_rows(self) -> None:
        """After a save: one empty row to type the next questionnaire."""
        self._faults = []
        self._filled = set()
        self._quiet = True
        self.setRowCount(0)
        self._quiet = False
        self._new_row()
        self.setCurrentCell(0, SEX)

    def clear_row(self, r: int) -> None:
        """Delete: the row is emptied (it stays, so the rows keep the numbers the
        messages name; an empty row is not saved)."""
        self._quiet = True
        for c in range(self.columnCount()):
            item = self._cell(r, c)
            item.setData(_VALUE, None)
            item.setText("")
            if c >= FIRST_PROBLEM:
                item.setCheckState(Qt.CheckState.Unchecked)
        self._quiet = False
        self._prefix = ""
        self._filled.discard(r)
        self._faults = [f for f in self._faults if f.params.get("row") != r + 1]
        self._paint_faults()
        self.edited.emit()

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._quiet:
            return
        r = item.row()
        if self.is_blank(r):
            self._filled.discard(r)
        else:
            self._filled.add(r)
            if r == self.rowCount() - 1:
                self._new_row()
        self.edited.emit()

    # ------------------------------------------------------------------ faults
    def show_faults(self, faults: Sequence[UserError]) -> None:
        """Colour the cells the service refused; the message goes in their tooltips."""
        self._faults = [f for f in faults if isinstance(f.params.get("row"), int)]
        self._paint_faults()
        if self._faults:
            r, cols = self._fault_cells(self._faults[0])
            self.setCurrentCell(r, cols[0])

    def faults(self) -> list[UserError]:
        """The refusals still shown (a corrected cell's goes)."""
        return list(self._faults)

    def _fault_cells(self, fault: UserError) -> tuple[int, list[int]]:
        row = int(str(fault.params["row"])) - 1
        column = {"sex": [SEX], "age": [AGE], "settlement": [PLACE]}.get(fault.field or "")
        return row, column or list(range(FIRST_PROBLEM, self.columnCount()))

    def _paint_faults(self) -> None:
        quiet, self._quiet = self._quiet, True
        tips: dict[tuple[int, int], list[str]] = {}
        for f in self._faults:
            r, cols = self._fault_cells(f)
            for c in cols:
                tips.setdefault((r, c), []).append(f.text(self.lang))
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                item = self._cell(r, c)
                text = "\n".join(tips.get((r, c), []))
                item.setBackground(_FAULT if text else QBrush())
                item.setToolTip(text)
        self._quiet = quiet

    def _unmark(self, r: int, c: int) -> None:
        """A cell typed into after a refusal: its fault is no longer shown."""
        field = {SEX: "sex", AGE: "age", PLACE: "settlement"}.get(c, "problems")
        kept = [f for f in self._faults
                if not (f.params.get("row") == r + 1 and (f.field or "problems") == field)]
        if len(kept) != len(self._faults):
            self._faults = kept
            self._paint_faults()
            self.edited.emit()

    # ------------------------------------------------------------------ keys
    def _moved(self, *_: int) -> None:
        self._prefix = ""

    def _advance(self, r: int, c: int, forward: bool) -> bool:
        if forward:
            r, c = (r, c + 1) if c + 1 < self.columnCount() else (r + 1, 0)
        else:
            r, c = (r, c - 1) if c > 0 else (r - 1, self.columnCount() - 1)
        if not 0 <= r < self.rowCount():
            return False
        self.setCurrentCell(r, c)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        r, c = self.currentRow(), self.currentColumn()
        key, text = event.key(), event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier)
        if r < 0 or c < 0 or self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backtab):
            forward = key != Qt.Key.Key_Backtab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if plain and self._advance(r, c, forward):
                event.accept()
            else:
                event.ignore()  # off the grid's ends: the focus moves on
            return
        if key == Qt.Key.Key_Delete:
            self.clear_row(r)
            return
        if key == Qt.Key.Key_Backspace:
            self._backspace(r, c)
            return
        if key == Qt.Key.Key_Space and c >= FIRST_PROBLEM:
            item = self._cell(r, c)
            item.setCheckState(Qt.CheckState.Unchecked if self._ticked(r, c)
                               else Qt.CheckState.Checked)
            self._unmark(r, c)
            return
        if plain and text and text.isprintable() and (c == PLACE or not text.isspace()):
            self._typed_char(r, c, text)
            return
        super().keyPressEvent(event)

    def _backspace(self, r: int, c: int) -> None:
        item = self._cell(r, c)
        if c == AGE:
            item.setText(item.text()[:-1])
        elif c == PLACE and len(self._prefix) > 1:
            self._search(r, self._prefix[:-1])
        elif c >= FIRST_PROBLEM:
            item.setCheckState(Qt.CheckState.Unchecked)
        else:
            self._prefix = ""
            item.setData(_VALUE, None)
            item.setText("")
        self._unmark(r, c)

    def _typed_char(self, r: int, c: int, ch: str) -> None:
        item = self._cell(r, c)
        if c == SEX:
            key = fold(ch)
            choices = self._sex_choices()
            for i, (value, label) in enumerate(choices, start=1):
                if key == str(i) or key == fold(label[:1]):
                    item.setData(_VALUE, value)
                    item.setText(label)
                    break
            else:
                if key == "0":
                    item.setData(_VALUE, None)
                    item.setText("")
                else:
                    self.problem.emit(self.tr("Sex: 1 or «%1», 2 or «%2»; 0 clears")
                                      .replace("%1", choices[0][1]).replace("%2", choices[1][1]))
                    return
        elif c == AGE:
            if not ch.isdigit():
                self.problem.emit(self.tr("Age: type the age in years (digits)"))
                return
            item.setText((item.text() + ch)[-_AGE_DIGITS:])
        elif c == PLACE:
            if not self._search(r, self._prefix + ch):
                self.problem.emit(self.tr("No settlement of the district begins with «%1»")
                                  .replace("%1", self._prefix + ch))
                return
        else:
            self.problem.emit(self.tr("Space ticks or unticks the problem"))
            return
        self._unmark(r, c)

    def _search(self, r: int, prefix: str) -> bool:
        """Put the first settlement (in Kazakh order) whose name begins with ``prefix``,
        else whose name has a word that does («ақ» finds «село Аккол» too)."""
        key = fold(prefix)
        names = [(s, fold(s.name(self.lang))) for s in self.settlements]
        found = next((s for s, name in names if name.startswith(key)), None) or next(
            (s for s, name in names if any(w.startswith(key) for w in name.split())), None)
        if found is None:
            return False
        self._prefix = prefix
        item = self._cell(r, PLACE)
        item.setData(_VALUE, found.id)
        item.setText(found.name(self.lang))
        return True
