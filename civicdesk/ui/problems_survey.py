"""The survey tab of the needs assessment page: paper questionnaires typed into the
grid (``problems_survey_grid``) and saved together on the database thread, and the
import of an online survey from an ODK/KoboToolbox CSV.

Rows are checked by the service when they are saved; a refusal saves nothing and
keeps every row, with the faulty cells coloured and the reasons listed under the grid
(row number and what is wrong, in the interface language) until they are fixed or the
row is deleted. Rows not yet saved make the page answer ``has_unsaved_changes``, so
the window asks before it closes and the page before it shows another assessment.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.errors import UserError, ValidationErrors
from civicdesk.domain.validation import field_errors
from civicdesk.services.campaign_import import ImportResult
from civicdesk.services.survey_grid import SurveyForm, save_rows, survey_form
from civicdesk.services.survey_import import import_survey_csv
from civicdesk.ui.env import UiEnv
from civicdesk.ui.problems_survey_grid import SurveyGrid
from civicdesk.ui.screens_common import BAD_COLOR, OK_COLOR, Retranslating

__all__ = ["SurveyTab"]

#: faults listed under the grid; the rest are counted (every cell is coloured)
LISTED = 6


class SurveyTab(QWidget, Retranslating):
    #: respondents were saved or imported (how many)
    saved = Signal(int)

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.assessment_id: str | None = None
        self.saving = False
        self._showing_faults = False
        v = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        v.addWidget(self.hint)
        self.grid = SurveyGrid()
        self.grid.lang = env.lang
        self.grid.problem.connect(self._refused_key)
        self.grid.edited.connect(self._edited)
        v.addWidget(self.grid, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        row = QHBoxLayout()
        self.counts = QLabel()
        # why a key did nothing; beside the counts, so the reasons above stay in view
        self.key_hint = QLabel()
        self.key_hint.setWordWrap(True)
        self.key_hint.setStyleSheet(f"color: {BAD_COLOR};")
        self.import_button, self.save_button = QPushButton(), QPushButton()
        self.import_button.clicked.connect(self.import_csv)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.counts)
        row.addWidget(self.key_hint, 1)
        row.addWidget(self.import_button)
        row.addWidget(self.save_button)
        v.addLayout(row)
        b = self.bind_text
        b(self.hint.setText, lambda: self.tr(
            "One paper questionnaire a row. Sex: 1 or 2 (or the first letter); age in "
            "years; settlement: the first letters of its name (F2: the list); Space ticks "
            "a problem. Tab or Enter: next cell; Delete: empty the row. A problem's full "
            "title and its code in the phone survey form are in its column's tooltip."))
        b(self.import_button.setText, lambda: self.tr("Import survey CSV…"))
        b(self.save_button.setText, lambda: self.tr("Save rows"))
        self._edited()

    # ------------------------------------------------------------------ loading
    def show_assessment(self, assessment_id: str | None) -> None:
        """Show an assessment's survey (the page has asked about unsaved rows)."""
        if assessment_id == self.assessment_id:
            return
        self.assessment_id = assessment_id
        self.grid.clear_rows()
        self.status.clear()
        self.reload()

    def reload(self) -> None:
        """The survey's columns again (a problem or a settlement changed); typed rows stay."""
        if self.assessment_id is None or self.env.runner.closed:
            self.grid.configure((), ())
            self._edited()
            return
        self.env.runner.db(survey_form, self.env.ctx(), self.assessment_id,
                           on_done=self._got_form, on_error=self._failed)

    def _got_form(self, form: SurveyForm) -> None:
        if form.assessment_id != self.assessment_id:
            return  # another assessment was chosen meanwhile
        self.grid.configure(form.problems, form.settlements)
        self._edited()

    # ------------------------------------------------------------------ state
    def has_unsaved_changes(self) -> bool:
        return self.grid.has_rows()

    def _refused_key(self, text: str) -> None:
        self.key_hint.setText(text)

    def _edited(self) -> None:
        self.key_hint.clear()
        n = self.grid.filled_count()
        self.counts.setText(self.tr("Rows not saved: %1").replace("%1", str(n)) if n else "")
        self.save_button.setEnabled(bool(n) and not self.saving
                                    and self.assessment_id is not None)
        if self._showing_faults:
            self._show_faults()

    def _say(self, text: str, ok: bool = False) -> None:
        self._showing_faults = False
        self.status.setStyleSheet(f"color: {OK_COLOR if ok else BAD_COLOR};")
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            raise error
        self._say(error.text(self.env.lang))

    # ------------------------------------------------------------------ saving
    @Slot()
    def save(self) -> None:
        """Every typed row, in one transaction on the database thread, or none."""
        rows = self.grid.rows()
        if self.assessment_id is None or not rows or self.saving:
            return
        self.saving = True
        self.grid.setEnabled(False)  # what is sent is what is on screen
        self._edited()

        def done(count: int) -> None:
            self.grid.clear_rows()
            self._say(self.tr("Saved: %1 respondents.").replace("%1", str(count)), ok=True)
            self.saved.emit(count)

        def refused(error: BaseException) -> None:
            if not isinstance(error, ValidationErrors):
                self._failed(error)
                return
            self.grid.show_faults(field_errors(error))
            self._show_faults()

        def finished() -> None:
            self.saving = False
            self.grid.setEnabled(True)
            self.grid.setFocus()
            self._edited()

        self.env.runner.db(save_rows, self.env.ctx(), self.assessment_id, rows,
                           on_done=done, on_error=refused, on_finally=finished)

    def _show_faults(self) -> None:
        """The refusals still shown in the grid, listed under it."""
        faults = self.grid.faults()
        if not faults:
            self._say(self.tr("Corrected: the rows can be saved."), ok=True)
            return
        lines = [f.text(self.env.lang) for f in faults[:LISTED]]
        if len(faults) > LISTED:
            lines.append(self.tr("… and %1 more (see the coloured cells)")
                         .replace("%1", str(len(faults) - LISTED)))
        self._say(self.tr("Nothing was saved. Correct the coloured cells or empty the "
                          "row (Delete):") + "\n" + "\n".join(lines))
        self._showing_faults = True

    # ------------------------------------------------------------------ import
    @Slot()
    def import_csv(self) -> None:
        if self.assessment_id is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import survey CSV…"), "",
                                              self.tr("CSV files (*.csv)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        if self.assessment_id is None:
            return

        def done(result: ImportResult) -> None:
            self._say(self.tr("Imported: %1, already there: %2")
                      .replace("%1", str(result.imported))
                      .replace("%2", str(result.skipped)), ok=True)
            self.saved.emit(result.imported)

        self.env.runner.db(import_survey_csv, self.env.ctx(), self.assessment_id, path,
                           on_done=done, on_error=self._failed)

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        super().retranslate()
        self.grid.lang = self.env.lang
        self.grid.retranslate()
        self._edited()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)
