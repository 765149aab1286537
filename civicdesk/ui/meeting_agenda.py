"""The agenda tab of the meetings page: items, votes and their computed outcome.

A part of :class:`civicdesk.ui.meetings.MeetingsPage` (mixed into it); its texts are
translated in the page's context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import MeetingKind, VoteOutcome
from civicdesk.domain.errors import UserError
from civicdesk.domain.meetings import QuorumRule, check_quorum, rule_for, vote_outcome
from civicdesk.services import meetings as svc
from civicdesk.ui.env import UiEnv
from civicdesk.ui.problems_link import LinkProblemButton
from civicdesk.ui.screens_common import (
    BAD_COLOR,
    OK_COLOR,
    FieldErrors,
    confirm_discard,
    end_form,
    from_qdate,
    show_user_error,
)

__all__ = ["AgendaPart"]


class AgendaPart:
    """Agenda items, votes and outcome; needs the page's details widgets and view."""

    env: UiEnv
    view: svc.MeetingView | None
    dirty: bool
    _loading: bool
    _items: list[svc.AgendaItemView]
    _item_id: str | None
    quorum_rules: tuple[QuorumRule, ...] | None
    kind: QComboBox
    held_on: QDateEdit
    eligible: QSpinBox
    has_time: QCheckBox
    _saved: Callable[[svc.MeetingView], None]
    open_meeting: Callable[[str], None]
    _apply_lock: Callable[[], None]
    _mark_dirty: Callable[..., None]
    is_locked: Callable[[], bool]

    def _widget(self) -> QWidget:
        """The page itself, as the parent of the boxes this part shows."""
        assert isinstance(self, QWidget)
        return self

    def _agenda_tab(self) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        left = QVBoxLayout()
        self.agenda_list = QListWidget()
        self.agenda_list.setWordWrap(True)
        self.agenda_list.currentRowChanged.connect(self._item_selected)
        left.addWidget(self.agenda_list, 1)
        self.new_item_title = QLineEdit()
        self.new_item_title.returnPressed.connect(self.add_item)
        left.addWidget(self.new_item_title)
        lb = QGridLayout()
        self.add_item_button = QPushButton()
        self.remove_item_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_item_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        lb.addWidget(self.add_item_button, 0, 0)
        lb.addWidget(self.remove_item_button, 0, 1)
        lb.addWidget(self.up_button, 1, 0)
        lb.addWidget(self.down_button, 1, 1)
        left.addLayout(lb)
        h.addLayout(left, 2)

        self.item_box = QGroupBox()
        form = QFormLayout(self.item_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.item_errors = FieldErrors()
        self.item_title = QLineEdit()
        self.item_speakers = QLineEdit()
        self.item_proposal = QPlainTextEdit()
        self.item_proposal.setMaximumHeight(60)
        votes = QWidget()
        vh = QHBoxLayout(votes)
        vh.setContentsMargins(0, 0, 0, 0)
        self.votes_for, self.votes_against, self.votes_abstain = QSpinBox(), QSpinBox(), QSpinBox()
        self.l_for, self.l_against, self.l_abstain = QLabel(), QLabel(), QLabel()
        for label, spin in ((self.l_for, self.votes_for), (self.l_against, self.votes_against), (self.l_abstain, self.votes_abstain)):
            spin.setRange(0, 100000)
            spin.valueChanged.connect(self._update_outcome)
            spin.valueChanged.connect(self._mark_dirty)
            vh.addWidget(label)
            vh.addWidget(spin)
        vh.addStretch(1)
        self.outcome_label = QLabel()
        self.outcome_label.setStyleSheet("font-weight: bold;")
        self.outcome_label.setWordWrap(True)
        self.no_quorum_hint = QLabel()
        self.no_quorum_hint.setWordWrap(True)
        self.no_quorum_hint.setStyleSheet(f"color: {BAD_COLOR};")
        self.no_quorum_hint.hide()
        self.item_decision = QPlainTextEdit()
        self.item_decision.setMaximumHeight(80)
        self.l_item_title, self.l_speakers, self.l_proposal = QLabel(), QLabel(), QLabel()
        self.l_votes, self.l_outcome, self.l_decision = QLabel(), QLabel(), QLabel()
        self.item_errors.add_row(form, self.l_item_title, "title", self.item_title)
        form.addRow(self.l_speakers, self.item_speakers)
        form.addRow(self.l_proposal, self.item_proposal)
        form.addRow(self.no_quorum_hint)
        self.item_errors.add_row(form, self.l_votes, "votes_for", votes)
        form.addRow(self.l_outcome, self.outcome_label)
        form.addRow(self.l_decision, self.item_decision)
        ib = QHBoxLayout()
        self.not_voted_button = QPushButton()
        self.save_item_button = QPushButton()
        self.not_voted_button.clicked.connect(self.mark_not_voted)
        self.save_item_button.clicked.connect(self.save_item)
        ib.addWidget(self.not_voted_button)
        ib.addWidget(LinkProblemButton(self.env, "agenda_item", lambda: self._item_id))
        ib.addStretch(1)
        ib.addWidget(self.save_item_button)
        form.addRow(ib)
        end_form(form)
        for e in (self.item_title, self.item_speakers):
            e.textEdited.connect(self._mark_dirty)
        self.item_proposal.textChanged.connect(self._mark_dirty)
        self.item_decision.textChanged.connect(self._mark_dirty)
        h.addWidget(self.item_box, 3)
        return w

    # =================================================================== agenda
    def _fill_agenda(self, items: list[svc.AgendaItemView]) -> None:
        self._items = list(items)
        keep = self._item_id
        self.agenda_list.blockSignals(True)
        self.agenda_list.clear()
        for it in items:
            li = QListWidgetItem()
            li.setData(Qt.ItemDataRole.UserRole, it.id)
            self.agenda_list.addItem(li)
        self.agenda_list.blockSignals(False)
        self._fill_agenda_titles()
        self._item_id = None
        self._select_item(keep)

    def _outcome_name(self, outcome: VoteOutcome | None) -> str:
        names = {
            VoteOutcome.ADOPTED: QCoreApplication.translate("MeetingsPage", "adopted"),
            VoteOutcome.REJECTED: QCoreApplication.translate("MeetingsPage", "not adopted"),
            VoteOutcome.NO_QUORUM: QCoreApplication.translate("MeetingsPage", "no quorum"),
            VoteOutcome.NOT_VOTED: QCoreApplication.translate("MeetingsPage", "no vote"),
        }
        return QCoreApplication.translate("MeetingsPage", "vote not recorded") if outcome is None else names[outcome]

    def _fill_agenda_titles(self) -> None:
        for i, it in enumerate(getattr(self, "_items", [])):
            li = self.agenda_list.item(i)
            if li is not None:
                li.setText(f"{it.position}. {it.title} — {self._outcome_name(it.outcome)}")

    def _select_item(self, item_id: str | None) -> None:
        ids = [it.id for it in getattr(self, "_items", [])]
        row = ids.index(item_id) if item_id in ids else (0 if ids else -1)
        self.agenda_list.setCurrentRow(row)
        if row < 0:
            self._item_selected(-1)

    def current_item(self) -> svc.AgendaItemView | None:
        return next((it for it in self._items if it.id == self._item_id), None)

    @Slot(int)
    def _item_selected(self, row: int) -> None:
        if self._item_id is not None and row >= 0 and self._items[row].id == self._item_id:
            return
        if self.dirty and self._item_id is not None and not self._loading:
            if not confirm_discard(self._widget()):
                ids = [it.id for it in self._items]
                self.agenda_list.blockSignals(True)
                self.agenda_list.setCurrentRow(ids.index(self._item_id))
                self.agenda_list.blockSignals(False)
                return
            self.dirty = False
        item = self._items[row] if 0 <= row < len(self._items) else None
        self._item_id = item.id if item else None
        was_loading = self._loading
        self._loading = True
        self.item_errors.clear()
        self.item_title.setText(item.title if item else "")
        self.item_speakers.setText(item.speakers if item else "")
        self.item_proposal.setPlainText(item.proposal if item else "")
        self.votes_for.setValue(item.votes_for if item else 0)
        self.votes_against.setValue(item.votes_against if item else 0)
        self.votes_abstain.setValue(item.votes_abstain if item else 0)
        self.item_decision.setPlainText(item.decision if item else "")
        self._loading = was_loading
        self.item_box.setEnabled(item is not None)
        self._apply_lock()
        self._update_outcome()

    def _update_outcome(self, *_: object) -> None:
        if not hasattr(self, "outcome_label"):
            return
        item = self.current_item() if hasattr(self, "_items") else None
        if item is None:
            self.outcome_label.setText("")
            return
        if self.is_locked() or (item.outcome is VoteOutcome.NOT_VOTED and not self.dirty):
            self._show_outcome(item.outcome)
            return
        kind = MeetingKind(self.kind.currentData() or MeetingKind.MEETING.value)
        held = from_qdate(self.held_on.date()) or date.today()
        rule = rule_for(kind, held, self.quorum_rules)
        eligible = self.eligible.value()
        present = self.view.members_present if self.view else 0
        try:
            quorum = check_quorum(eligible, present, rule)
            outcome = vote_outcome(self.votes_for.value(), self.votes_against.value(),
                                   self.votes_abstain.value(), present, quorum.reached, rule)
        except UserError as e:
            self.outcome_label.setText(e.text(self.env.lang))
            self.outcome_label.setStyleSheet(f"font-weight: bold; color: {BAD_COLOR};")
            return
        needed = rule.votes_needed(present)
        self._show_outcome(outcome, needed)

    def _show_outcome(self, outcome: VoteOutcome | None, needed: int | None = None) -> None:
        text = self._outcome_name(outcome)
        if needed is not None and outcome in (VoteOutcome.ADOPTED, VoteOutcome.REJECTED):
            text += " " + QCoreApplication.translate("MeetingsPage", "(at least %1 votes for are needed)").replace("%1", str(needed))
        self.outcome_label.setText(text)
        color = OK_COLOR if outcome is VoteOutcome.ADOPTED else BAD_COLOR if outcome in (
            VoteOutcome.REJECTED, VoteOutcome.NO_QUORUM) else "#555555"
        self.outcome_label.setStyleSheet(f"font-weight: bold; color: {color};")

    def outcome_text(self) -> str:
        return self.outcome_label.text()

    @Slot()
    def add_item(self) -> None:
        if self.view is None:
            return
        title = self.new_item_title.text().strip()
        if not title:
            self.new_item_title.setFocus()
            return

        def done(item: svc.AgendaItemView) -> None:
            self.new_item_title.clear()
            self._item_id = item.id
            self.open_meeting(item.meeting_id)

        self.env.runner.db(svc.add_agenda_item, self.env.ctx(), self.view.id, svc.AgendaItemInput(title=title),
                           on_done=done, on_error=lambda e: show_user_error(self._widget(), self.env, e))

    @Slot()
    def remove_item(self) -> None:
        item = self.current_item()
        if item is None or self.view is None:
            return
        meeting_id = self.view.id
        self.dirty = False
        self._item_id = None
        self.env.runner.db(svc.remove_agenda_item, self.env.ctx(), item.id,
                           on_done=lambda _: self.open_meeting(meeting_id),
                           on_error=lambda e: show_user_error(self._widget(), self.env, e))

    def move_item(self, step: int) -> None:
        item = self.current_item()
        if item is None or self.view is None:
            return
        target = item.position + step
        if not 1 <= target <= len(self._items):
            return
        meeting_id = self.view.id
        self.env.runner.db(svc.move_agenda_item, self.env.ctx(), item.id, target,
                           on_done=lambda _: self.open_meeting(meeting_id),
                           on_error=lambda e: show_user_error(self._widget(), self.env, e))

    @Slot()
    def save_item(self) -> None:
        item = self.current_item()
        if item is None or self.view is None:
            return
        data = svc.AgendaItemInput(
            title=self.item_title.text(), speakers=self.item_speakers.text(),
            proposal=self.item_proposal.toPlainText(), decision=self.item_decision.toPlainText())
        votes = (self.votes_for.value(), self.votes_against.value(), self.votes_abstain.value())
        ctx = self.env.ctx()
        meeting_id = self.view.id

        def work() -> svc.MeetingView:
            svc.update_agenda_item(ctx, item.id, data)
            if any(votes) or item.outcome not in (None, VoteOutcome.NOT_VOTED):
                svc.record_votes(ctx, item.id, *votes)
            return svc.get_meeting(ctx, meeting_id)

        self.item_errors.clear()
        self.env.runner.db(work, on_done=self._saved,
                           on_error=lambda e: show_user_error(self._widget(), self.env, e, self.item_errors))

    @Slot()
    def mark_not_voted(self) -> None:
        item = self.current_item()
        if item is None or self.view is None:
            return
        ctx = self.env.ctx()
        meeting_id = self.view.id

        def work() -> svc.MeetingView:
            svc.mark_not_voted(ctx, item.id)
            return svc.get_meeting(ctx, meeting_id)

        self.dirty = False
        self.env.runner.db(work, on_done=self._saved, on_error=lambda e: show_user_error(self._widget(), self.env, e))

