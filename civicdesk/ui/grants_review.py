"""Review and award on the grants page: the status buttons, the award and the reviews with
the scoring rubric.

:class:`ReviewPart` is mixed into :class:`civicdesk.ui.grants.GrantsPage`; its texts are
translated in the page's context.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    Slot,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import ApplicationStatus
from civicdesk.domain.errors import UserError
from civicdesk.domain.formatting import parse_money
from civicdesk.services import grants as svc
from civicdesk.services import printing as print_svc
from civicdesk.ui.grants_part import GrantsPagePart
from civicdesk.ui.screens_common import (
    FieldErrors,
    confirm_discard,
    end_form,
    from_qdate,
    render_and_preview,
    to_qdate,
)

__all__ = ["ReviewPart"]


class ReviewPart(GrantsPagePart):
    """The status, award and reviews tabs."""

    def _status_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.status_box = QGroupBox()
        self.status_buttons: dict[ApplicationStatus, QPushButton] = {}
        grid = QGridLayout(self.status_box)
        for i, st in enumerate(ApplicationStatus):
            if st is ApplicationStatus.DRAFT:
                continue
            b = QPushButton()
            b.clicked.connect(lambda _=False, st=st: self.move_to(st))
            self.status_buttons[st] = b
            grid.addWidget(b, (i - 1) // 3, (i - 1) % 3)
        self.return_button = QPushButton()
        self.return_button.clicked.connect(lambda: self.move_to(ApplicationStatus.DRAFT))
        grid.addWidget(self.return_button, 3, 0, 1, 3)
        v.addWidget(self.status_box)

        self.award_box = QGroupBox()
        af = QFormLayout(self.award_box)
        self.award_errors = FieldErrors()
        self.award_amount = QLineEdit()
        self.award_on = QDateEdit()
        self.award_on.setCalendarPopup(True)
        self.award_on.setDisplayFormat("dd.MM.yyyy")
        self.award_on.setDate(to_qdate(date.today()))
        self.award_button = QPushButton()
        self.award_button.clicked.connect(self.award)
        self.l_amount, self.l_award_on = QLabel(), QLabel()
        self.award_errors.add_row(af, self.l_amount, "amount", self.award_amount)
        af.addRow(self.l_award_on, self.award_on)
        self.award_info = QLabel()
        self.award_info.setWordWrap(True)
        af.addRow(self.award_info)
        ab = QHBoxLayout()
        ab.addStretch(1)
        ab.addWidget(self.award_button)
        af.addRow(ab)
        v.addWidget(self.award_box)
        v.addStretch(1)
        return w

    def _reviews_tab(self) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        self.reviews_list = QListWidget()
        self.reviews_list.setWordWrap(True)
        left = QVBoxLayout()
        self.average_label = QLabel()
        left.addWidget(self.average_label)
        left.addWidget(self.reviews_list, 1)
        h.addLayout(left, 2)
        self.review_box = QGroupBox()
        self.review_form = QFormLayout(self.review_box)
        self.review_errors = FieldErrors()
        self.reviewer = QLineEdit()
        self.l_reviewer = QLabel()
        self.review_errors.add_row(self.review_form, self.l_reviewer, "reviewer_name", self.reviewer)
        self.conflict = QCheckBox()
        self.conflict.toggled.connect(self._conflict_toggled)
        self.review_form.addRow(self.conflict)
        self.conflict_note = QLineEdit()
        self.l_conflict_note = QLabel()
        self.review_form.addRow(self.l_conflict_note, self.conflict_note)
        self.score_box = QGroupBox()
        self.score_grid = QGridLayout(self.score_box)
        self.score_spins: dict[str, QSpinBox] = {}
        self.score_labels: dict[str, QLabel] = {}
        self.review_form.addRow(self.score_box)
        self.weighted_label = QLabel()
        self.review_form.addRow(self.weighted_label)
        self.review_comment = QPlainTextEdit()
        self.review_comment.setMaximumHeight(60)
        self.l_comment = QLabel()
        self.review_form.addRow(self.l_comment, self.review_comment)
        self.add_review_button = QPushButton()
        self.add_review_button.clicked.connect(self.add_review)
        self.print_review_button = QPushButton()
        self.print_review_button.clicked.connect(self.print_review_sheet)
        rb = QHBoxLayout()
        rb.addWidget(self.print_review_button)
        rb.addStretch(1)
        rb.addWidget(self.add_review_button)
        self.review_form.addRow(rb)
        end_form(self.review_form)
        h.addWidget(self.review_box, 3)
        return w

    def _status_verbs(self) -> dict[ApplicationStatus, str]:
        return {
            ApplicationStatus.SUBMITTED: QCoreApplication.translate("GrantsPage", "Submitted"),
            ApplicationStatus.UNDER_REVIEW: QCoreApplication.translate("GrantsPage", "Under review"),
            ApplicationStatus.APPROVED: QCoreApplication.translate("GrantsPage", "Approved"),
            ApplicationStatus.REJECTED: QCoreApplication.translate("GrantsPage", "Rejected"),
            ApplicationStatus.IN_PROGRESS: QCoreApplication.translate("GrantsPage", "In progress"),
            ApplicationStatus.REPORTED: QCoreApplication.translate("GrantsPage", "Reported"),
            ApplicationStatus.CLOSED: QCoreApplication.translate("GrantsPage", "Closed"),
        }

    def _build_rubric(self) -> None:
        while self.score_grid.count():
            item = self.score_grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.score_spins.clear()
        self.score_labels.clear()
        if self.call is None:
            return
        for row, c in enumerate(self.call.criteria):
            label = QLabel()
            spin = QSpinBox()
            spin.setRange(0, c.max_score)
            spin.valueChanged.connect(self._update_weighted)
            self.score_labels[c.code] = label
            self.score_spins[c.code] = spin
            self.score_grid.addWidget(label, row, 0)
            self.score_grid.addWidget(spin, row, 1)
        self._rubric_texts()
        self._conflict_toggled(self.conflict.isChecked())

    def _rubric_texts(self) -> None:
        if self.call is None:
            return
        for c in self.call.criteria:
            label = self.score_labels.get(c.code)
            if label is not None:
                label.setText(QCoreApplication.translate("GrantsPage", "%1 (weight %2 %, 0–%3)").replace("%1", c.name.text(self.env.lang))
                              .replace("%2", f"{(c.weight * 100).normalize():f}").replace("%3", str(c.max_score)))
        self._update_weighted()

    def _update_weighted(self, *_: object) -> None:
        if self.call is None:
            return
        if self.conflict.isChecked():
            self.weighted_label.setText(QCoreApplication.translate("GrantsPage", "A reviewer with a conflict of interest does not score."))
            return
        from civicdesk.domain.grants import weighted_score

        try:
            score = weighted_score({k: s.value() for k, s in self.score_spins.items()}, self.call.criteria)
        except UserError as e:
            self.weighted_label.setText(e.text(self.env.lang))
            return
        self.weighted_label.setText(QCoreApplication.translate("GrantsPage", "Weighted score: %1").replace("%1", f"{score:f}".replace(".", ",")))

    @Slot(bool)
    def _conflict_toggled(self, on: bool) -> None:
        self.score_box.setEnabled(not on)
        self.conflict_note.setEnabled(on)
        self._update_weighted()

    def _fill_reviews(self) -> None:
        self.reviews_list.clear()
        view = self.view
        lang = self.env.lang
        if view is None:
            self.average_label.setText("")
            return
        for r in view.reviews:
            if r.conflict_declared:
                text = QCoreApplication.translate("GrantsPage", "%1: conflict of interest declared, did not score").replace("%1", r.reviewer_name)
            else:
                score = f"{r.total_score:f}".replace(".", ",") if r.total_score is not None else "—"
                text = QCoreApplication.translate("GrantsPage", "%1: weighted score %2").replace("%1", r.reviewer_name).replace("%2", score)
            if r.comment:
                text += f"\n{r.comment}"
            self.reviews_list.addItem(text)
        avg = f"{view.average_score:f}".replace(".", ",") if view.average_score is not None else "—"
        text = QCoreApplication.translate("GrantsPage", "Average score: %1").replace("%1", avg)
        if self.call is not None:
            scored = sum(1 for r in view.reviews if not r.conflict_declared)
            text += "\n" + QCoreApplication.translate("GrantsPage", "Reviews without a conflict of interest: %1 of the %2 "
                                   "needed for approval").replace("%1", str(scored)).replace(
                "%2", str(self.call.min_reviews))
        self.average_label.setText(text)
        del lang

    def move_to(self, target: ApplicationStatus) -> None:
        if self.view is None:
            return
        if self.dirty and not confirm_discard(self):
            return
        self.dirty = False
        self.env.runner.db(svc.transition, self.env.ctx(), self.view.id, target, on_done=self._saved,
                           on_error=self._fail(None))

    @Slot()
    def award(self) -> None:
        if self.view is None:
            return
        self.award_errors.clear()
        try:
            amount = parse_money(self.award_amount.text(), field="amount")
        except UserError as e:
            self.award_errors.show(e, self.env.lang)
            return
        on = from_qdate(self.award_on.date()) or date.today()
        self.env.runner.db(svc.award, self.env.ctx(), self.view.id, amount, on, on_done=self._saved,
                           on_error=self._fail(self.award_errors))

    @Slot()
    def add_review(self) -> None:
        if self.view is None:
            return
        self.review_errors.clear()
        conflict = self.conflict.isChecked()
        scores = {} if conflict else {k: s.value() for k, s in self.score_spins.items()}
        ctx, app_id = self.env.ctx(), self.view.id
        name, comment, note = self.reviewer.text(), self.review_comment.toPlainText(), self.conflict_note.text()

        def work() -> svc.ApplicationView:
            svc.add_review(ctx, app_id, name, conflict, scores, comment, note)
            return svc.get_application(ctx, app_id)

        self.env.runner.db(work, on_done=self._saved, on_error=self._fail(self.review_errors))

    @Slot()
    def print_review_sheet(self) -> None:
        """The scoring sheet: the review selected in the list, else a blank one."""
        if self.view is None:
            return
        row = self.reviews_list.currentRow()
        reviews = self.view.reviews
        review_id = reviews[row].id if 0 <= row < len(reviews) else None
        ctx, app_id = self.env.ctx(), self.view.id
        render_and_preview(self, self.env, lambda: print_svc.prepare_review_sheet(ctx, app_id, review_id),
                           "review-", QCoreApplication.translate("GrantsPage", "Review sheet"), on_rendered=self._rendered,
                           show=self.show_previews)
