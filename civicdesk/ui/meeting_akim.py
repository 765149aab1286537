"""The akim tab of the meetings page (finalize, sent, response) and printing.

A part of :class:`civicdesk.ui.meetings.MeetingsPage` (mixed into it); its texts are
translated in the page's context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from civicdesk.domain.errors import UserError
from civicdesk.domain.validation import field_errors
from civicdesk.services import meetings as svc
from civicdesk.services import printing as print_svc
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import (
    FieldErrors,
    confirm_discard,
    end_form,
    from_qdate,
    render_and_preview,
    show_user_error,
)

__all__ = ["AkimPart"]


class AkimPart:
    """Finalize (asking when there is no quorum), send to the akim, record the answer,
    print the minutes and the attendance sheet."""

    env: UiEnv
    view: svc.MeetingView | None
    dirty: bool
    errors: FieldErrors
    deadline_label: QLabel
    show_previews: bool
    on_rendered: Callable[[object], None] | None
    _saved: Callable[[svc.MeetingView], None]

    def _widget(self) -> QWidget:
        """The page itself, as the parent of the boxes this part shows."""
        assert isinstance(self, QWidget)
        return self

    def _akim_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.akim_errors = FieldErrors()
        self.finalize_hint = QLabel()
        self.finalize_hint.setWordWrap(True)
        self.finalize_button = QPushButton()
        self.finalize_button.clicked.connect(self.finalize)
        form.addRow(self.finalize_hint)
        form.addRow(self.finalize_button)
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        form.addRow(self.deadline_label)
        self.sent_on = QDateEdit()
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("dd.MM.yyyy")
        self.sent_button = QPushButton()
        self.sent_button.clicked.connect(self.mark_sent)
        sent_row = QWidget()
        sh = QHBoxLayout(sent_row)
        sh.setContentsMargins(0, 0, 0, 0)
        sh.addWidget(self.sent_on)
        sh.addWidget(self.sent_button)
        sh.addStretch(1)
        self.l_sent = QLabel()
        self.akim_errors.add_row(form, self.l_sent, "sent_on", sent_row)
        self.response_on = QDateEdit()
        self.response_on.setCalendarPopup(True)
        self.response_on.setDisplayFormat("dd.MM.yyyy")
        self.l_response_on = QLabel()
        self.akim_errors.add_row(form, self.l_response_on, "akim_response_on", self.response_on)
        self.response = QPlainTextEdit()
        self.l_response = QLabel()
        self.akim_errors.add_row(form, self.l_response, "akim_response", self.response)
        self.response_button = QPushButton()
        self.response_button.clicked.connect(self.record_response)
        form.addRow(self.response_button)
        end_form(form)
        return w

    # ===================================================================== akim
    @Slot()
    def finalize(self) -> None:
        if self.view is None:
            return
        if self.dirty and not confirm_discard(self._widget()):
            return
        self.dirty = False
        self.akim_errors.clear()
        self.env.runner.db(svc.finalize, self.env.ctx(), self.view.id, on_done=self._saved,
                           on_error=self._finalize_failed)

    def _finalize_failed(self, error: BaseException) -> None:
        errors = field_errors(error) if isinstance(error, UserError) else []
        question = next((e for e in errors if e.code == "meeting.no_quorum_confirm"), None)
        if question is not None and self.view is not None:
            # no quorum: the meeting can only be recorded as not competent, if confirmed
            box = QMessageBox(
                QMessageBox.Icon.Question, QCoreApplication.translate("MeetingsPage", "No quorum"),
                question.text(self.env.lang),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._widget(),
            )
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() == QMessageBox.StandardButton.Yes:
                self.env.runner.db(svc.finalize, self.env.ctx(), self.view.id, confirm_no_quorum=True,
                                   on_done=self._saved, on_error=self._finalize_failed)
            return
        # chair / secretary / date errors belong to the details tab; the rest in a box
        show_user_error(self._widget(), self.env, error, self.errors)

    @Slot()
    def mark_sent(self) -> None:
        if self.view is None:
            return
        on = from_qdate(self.sent_on.date()) or date.today()
        self.akim_errors.clear()
        self.env.runner.db(svc.mark_sent_to_akim, self.env.ctx(), self.view.id, on, on_done=self._saved,
                           on_error=lambda e: show_user_error(self._widget(), self.env, e, self.akim_errors))

    @Slot()
    def record_response(self) -> None:
        if self.view is None:
            return
        on = from_qdate(self.response_on.date()) or date.today()
        self.akim_errors.clear()
        self.env.runner.db(svc.record_akim_response, self.env.ctx(), self.view.id, on,
                           self.response.toPlainText(), on_done=self._saved,
                           on_error=lambda e: show_user_error(self._widget(), self.env, e, self.akim_errors))

    # ================================================================== printing
    def _rendered(self, path: object) -> None:
        if self.on_rendered is not None:
            self.on_rendered(path)

    @Slot()
    def print_minutes(self) -> None:
        if self.view is None:
            return
        ctx, meeting_id = self.env.ctx(), self.view.id
        render_and_preview(self._widget(), self.env, lambda: print_svc.prepare_minutes(ctx, meeting_id),
                           "minutes-", QCoreApplication.translate("MeetingsPage", "Minutes"), on_rendered=self._rendered,
                           show=self.show_previews)

    @Slot()
    def print_attendance(self) -> None:
        if self.view is None:
            return
        ctx, meeting_id = self.env.ctx(), self.view.id
        render_and_preview(self._widget(), self.env, lambda: print_svc.prepare_attendance(ctx, meeting_id),
                           "attendance-", QCoreApplication.translate("MeetingsPage", "Attendance sheet"), on_rendered=self._rendered,
                           show=self.show_previews)
