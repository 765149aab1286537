"""Minutes of gatherings and meetings of the local community.

Left: the paged list of meetings. Right: the editor in tabs - details, attendance
with a live quorum indicator, agenda items with votes and the computed outcome,
and the akim (finalize, sent, response). Every database call goes through the
runner's database thread; printing renders on the pool and opens the preview.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTime, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import MeetingKind, MeetingStatus, VoteOutcome
from civicdesk.domain.errors import UserError
from civicdesk.domain.formatting import format_date
from civicdesk.domain.meetings import MEETING_STATUS_NAMES, check_quorum, rule_for, vote_outcome
from civicdesk.domain.validation import field_errors
from civicdesk.services import meetings as svc
from civicdesk.services import printing as print_svc
from civicdesk.services import reference
from civicdesk.services.base import ListQuery
from civicdesk.services.reference import Named
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import (
    BAD_COLOR,
    OK_COLOR,
    PAGE_SIZE,
    Column,
    FieldErrors,
    ListEditor,
    Pager,
    Retranslating,
    RowsModel,
    confirm_discard,
    editor_pane,
    end_form,
    from_qdate,
    heading_label,
    list_pane,
    render_and_preview,
    rows_table,
    show_user_error,
    side_by_side,
    to_qdate,
)

__all__ = ["MeetingsPage"]

_ROLE_COUNTED = svc.COUNTED_ROLES


class MeetingsPage(QWidget, Retranslating, ListEditor):
    """List of meetings and the minutes editor."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.view: svc.MeetingView | None = None
        self.settlements: list[Named] = []
        self.dirty = False
        self._loading = False
        self._item_id: str | None = None
        # called with the rendered PDF path (tests); the preview opens unless show_previews is False
        self.on_rendered: Callable[[object], None] | None = None
        self.show_previews = True

        # ------------------------------------------------------------ list side
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.reload(0))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_meeting)
        self.model: RowsModel[svc.MeetingRow] = RowsModel(
            [
                Column(lambda: self.tr("Date"), lambda r: r.held_on.strftime("%d.%m.%Y")),
                Column(lambda: self.tr("Meeting"), self._row_title),
                Column(lambda: self.tr("Present"), lambda r: f"{r.members_present}/{r.members_eligible}", align_right=True),
                Column(lambda: self.tr("Status"), lambda r: MEETING_STATUS_NAMES[r.status].text(self.env.lang)),
            ],
            self,
        )
        self.table = rows_table(self.model, 1)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.pager = Pager(PAGE_SIZE)
        self.pager.page_requested.connect(self.reload)

        left = list_pane(self.search, self.new_button, self.table, self.pager)

        # ----------------------------------------------------------- editor side
        self.title_label = heading_label()
        self.status_label = QLabel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), "")
        self.tabs.addTab(self._attendance_tab(), "")
        self.tabs.addTab(self._agenda_tab(), "")
        self.tabs.addTab(self._akim_tab(), "")

        self.print_minutes_button = QPushButton()
        self.print_attendance_button = QPushButton()
        self.print_minutes_button.clicked.connect(self.print_minutes)
        self.print_attendance_button.clicked.connect(self.print_attendance)

        self.editor = editor_pane(self.title_label, self.status_label, self.tabs,
                                  [self.print_attendance_button, self.print_minutes_button])

        split = side_by_side(left, self.editor, (2, 3), [460, 880])
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        self._bind_texts()
        self._show_meeting(None)
        env.signals.data_changed.connect(self._data_changed)
        self.env.runner.db(reference.settlements, self.env.ctx(), on_done=self._got_settlements)
        self.reload(0)

    # ================================================================= building
    def _details_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors()
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem("", kind.value)
        self.number = QLineEdit()
        self.number.setMaxLength(svc.MAX_NUMBER)
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("dd.MM.yyyy")
        times = QWidget()
        th = QHBoxLayout(times)
        th.setContentsMargins(0, 0, 0, 0)
        self.has_time = QCheckBox()
        self.starts_at = QTimeEdit()
        self.ends_at = QTimeEdit()
        for t in (self.starts_at, self.ends_at):
            t.setDisplayFormat("HH:mm")
        self.until_label = QLabel()
        th.addWidget(self.has_time)
        th.addWidget(self.starts_at)
        th.addWidget(self.until_label)
        th.addWidget(self.ends_at)
        th.addStretch(1)
        self.has_time.toggled.connect(self._time_toggled)
        self.place = QLineEdit()
        self.settlement = QComboBox()
        self.convened_by = QLineEdit()
        self.chair = QLineEdit()
        self.secretary = QLineEdit()
        self.eligible = QSpinBox()
        self.eligible.setRange(0, 100000)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_details)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_meeting)

        self.l_kind, self.l_number, self.l_date, self.l_time = QLabel(), QLabel(), QLabel(), QLabel()
        self.l_place, self.l_settlement, self.l_convened = QLabel(), QLabel(), QLabel()
        self.l_chair, self.l_secretary, self.l_eligible, self.l_notes = QLabel(), QLabel(), QLabel(), QLabel()
        rows: list[tuple[QLabel, str, QWidget]] = [
            (self.l_kind, "kind", self.kind),
            (self.l_number, "number", self.number),
            (self.l_date, "held_on", self.held_on),
            (self.l_time, "starts_at", times),
            (self.l_place, "place", self.place),
            (self.l_settlement, "settlement_id", self.settlement),
            (self.l_convened, "convened_by", self.convened_by),
            (self.l_chair, "chair_name", self.chair),
            (self.l_secretary, "secretary_name", self.secretary),
            (self.l_eligible, "members_eligible", self.eligible),
        ]
        for label, name, widget in rows:
            self.errors.add_row(form, label, name, widget)
        self.errors.labels["ends_at"] = self.errors.labels["starts_at"]
        self.errors.labels["present"] = self.errors.labels["members_eligible"]
        form.addRow(self.l_notes, self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        end_form(form)

        for edit in (self.number, self.place, self.convened_by, self.chair, self.secretary):
            edit.textEdited.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.kind.currentIndexChanged.connect(self._mark_dirty)
        self.kind.currentIndexChanged.connect(self._update_quorum)
        self.settlement.currentIndexChanged.connect(self._mark_dirty)
        self.held_on.dateChanged.connect(self._mark_dirty)
        self.held_on.dateChanged.connect(self._update_quorum)
        self.eligible.valueChanged.connect(self._mark_dirty)
        self.eligible.valueChanged.connect(self._update_quorum)
        self.starts_at.timeChanged.connect(self._mark_dirty)
        self.ends_at.timeChanged.connect(self._mark_dirty)
        return w

    def _attendance_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.quorum_label = QLabel()
        self.quorum_label.setStyleSheet("font-weight: bold;")
        self.quorum_label.setWordWrap(True)
        v.addWidget(self.quorum_label)
        self.attendance = QTableWidget(0, 4)
        self.attendance.verticalHeader().hide()
        hh = self.attendance.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.attendance.itemChanged.connect(self._attendance_changed)
        v.addWidget(self.attendance, 1)
        row = QHBoxLayout()
        self.new_attendee = QLineEdit()
        self.add_attendee_button = QPushButton()
        self.remove_attendee_button = QPushButton()
        self.save_attendance_button = QPushButton()
        self.new_attendee.returnPressed.connect(self._add_attendee)
        self.add_attendee_button.clicked.connect(self._add_attendee)
        self.remove_attendee_button.clicked.connect(self._remove_attendee)
        self.save_attendance_button.clicked.connect(self.save_attendance)
        row.addWidget(self.new_attendee, 1)
        row.addWidget(self.add_attendee_button)
        row.addWidget(self.remove_attendee_button)
        row.addStretch(1)
        row.addWidget(self.save_attendance_button)
        v.addLayout(row)
        return w

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

    def _bind_texts(self) -> None:
        b = self.bind_text
        b(self.search.setPlaceholderText, lambda: self.tr("Search by number, place, chair…"))
        b(self.new_button.setText, lambda: self.tr("New meeting"))
        b(self.no_quorum_hint.setText, lambda: self.tr(
            "No quorum: votes cannot be entered. Correct the attendance, or finalize: the "
            "meeting is then recorded as not competent, with no decisions."))
        b(self.print_minutes_button.setText, lambda: self.tr("Print minutes"))
        b(self.print_attendance_button.setText, lambda: self.tr("Print attendance sheet"))
        b(lambda t: self.tabs.setTabText(0, t), lambda: self.tr("Details"))
        b(lambda t: self.tabs.setTabText(1, t), lambda: self.tr("Attendance"))
        b(lambda t: self.tabs.setTabText(2, t), lambda: self.tr("Agenda and votes"))
        b(lambda t: self.tabs.setTabText(3, t), lambda: self.tr("Finalize and akim"))
        b(self.l_kind.setText, lambda: self.tr("Kind"))
        b(self.l_number.setText, lambda: self.tr("Number"))
        b(self.l_date.setText, lambda: self.tr("Date"))
        b(self.l_time.setText, lambda: self.tr("Time"))
        b(self.has_time.setText, lambda: self.tr("from"))
        b(self.until_label.setText, lambda: self.tr("to"))
        b(self.l_place.setText, lambda: self.tr("Place"))
        b(self.l_settlement.setText, lambda: self.tr("Settlement"))
        b(self.l_convened.setText, lambda: self.tr("Convened by"))
        b(self.l_chair.setText, lambda: self.tr("Chair"))
        b(self.l_secretary.setText, lambda: self.tr("Secretary"))
        b(self.l_eligible.setText, lambda: self.tr("Members eligible"))
        b(self.l_notes.setText, lambda: self.tr("Notes"))
        b(self.save_button.setText, lambda: self.tr("Save"))
        b(self.delete_button.setText, lambda: self.tr("Delete draft"))
        b(self.new_attendee.setPlaceholderText, lambda: self.tr("Full name of a participant"))
        b(self.add_attendee_button.setText, lambda: self.tr("Add"))
        b(self.remove_attendee_button.setText, lambda: self.tr("Remove"))
        b(self.save_attendance_button.setText, lambda: self.tr("Save attendance"))
        b(self.new_item_title.setPlaceholderText, lambda: self.tr("Title of a new agenda item"))
        b(self.add_item_button.setText, lambda: self.tr("Add item"))
        b(self.remove_item_button.setText, lambda: self.tr("Remove item"))
        b(self.up_button.setText, lambda: self.tr("Move up"))
        b(self.down_button.setText, lambda: self.tr("Move down"))
        b(self.item_box.setTitle, lambda: self.tr("Agenda item"))
        b(self.l_item_title.setText, lambda: self.tr("Question"))
        b(self.l_speakers.setText, lambda: self.tr("Speakers"))
        b(self.l_proposal.setText, lambda: self.tr("Proposal"))
        b(self.l_votes.setText, lambda: self.tr("Votes"))
        b(self.l_for.setText, lambda: self.tr("for"))
        b(self.l_against.setText, lambda: self.tr("against"))
        b(self.l_abstain.setText, lambda: self.tr("abstained"))
        b(self.l_outcome.setText, lambda: self.tr("Outcome"))
        b(self.l_decision.setText, lambda: self.tr("Decision"))
        b(self.not_voted_button.setText, lambda: self.tr("No vote on this item"))
        b(self.save_item_button.setText, lambda: self.tr("Save item and votes"))
        b(self.finalize_hint.setText, lambda: self.tr(
            "Finalizing checks that the minutes are complete (chair, secretary, agenda, "
            "votes on every item) and locks them: after that they cannot be edited."))
        b(self.finalize_button.setText, lambda: self.tr("Finalize minutes"))
        b(self.l_sent.setText, lambda: self.tr("Sent to the akim on"))
        b(self.sent_button.setText, lambda: self.tr("Record sending"))
        b(self.l_response_on.setText, lambda: self.tr("Akim's response dated"))
        b(self.l_response.setText, lambda: self.tr("Akim's response"))
        b(self.response_button.setText, lambda: self.tr("Record the response"))
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.attendance.setHorizontalHeaderLabels(
            [self.tr("Full name"), self.tr("Role"), self.tr("Present"), self.tr("Elected representative")]
        )
        for i, kind in enumerate(MeetingKind):
            self.kind.setItemText(i, svc.KIND_NAMES[kind].text(self.env.lang))
        self.model.retranslate()
        if hasattr(self, "view"):
            self._refresh_labels()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    def _role_names(self) -> dict[str, str]:
        return {
            "member": self.tr("member"),
            "chair": self.tr("chair"),
            "secretary": self.tr("secretary"),
            "guest": self.tr("guest"),
        }

    def _row_title(self, r: svc.MeetingRow) -> str:
        number = f" № {r.number}" if r.number else ""
        place = (r.settlement_kk if self.env.lang == "kk" else r.settlement_ru) or r.place
        return f"{self._kind_short(r.kind)}{number}\n{place}" if place else f"{self._kind_short(r.kind)}{number}"

    def _kind_short(self, kind: MeetingKind) -> str:
        names = {
            MeetingKind.GATHERING: self.tr("gathering"),
            MeetingKind.MEETING: self.tr("meeting"),
            MeetingKind.SEPARATE_GATHERING: self.tr("separate gathering"),
        }
        return names[kind]

    # ================================================================= list
    def reload(self, offset: int = 0) -> None:
        query = ListQuery(offset=offset, limit=PAGE_SIZE, search=self.search.text())
        self.env.runner.db(svc.list_meetings, self.env.ctx(), query, on_done=self.show_page,
                           on_error=lambda e: show_user_error(self, self.env, e))

    def _data_changed(self, entity: str) -> None:
        if entity in ("meeting", "settlement"):
            self.reload(self.pager.offset)

    @Slot(QItemSelection, QItemSelection)
    def _row_selected(self, *_: object) -> None:
        row = self.newly_selected_row()
        if row is None:
            return
        if not self.may_leave():
            if self.view is not None:
                self.select_row_of(self.view.id)
            return
        self.open_meeting(row.id)

    def open_meeting(self, meeting_id: str) -> None:
        self.open_record(svc.get_meeting, meeting_id, self._show_meeting)

    @Slot()
    def new_meeting(self) -> None:
        if not self.leave_for_new():
            return
        self._show_meeting(None)
        self.editor.setEnabled(True)
        self.tabs.setCurrentIndex(0)
        self.number.setFocus()

    def _got_settlements(self, items: list[Named]) -> None:
        self.settlements = items
        self._loading = True
        current = self.settlement.currentData()
        self.settlement.clear()
        self.settlement.addItem("—", None)
        for s in items:
            self.settlement.addItem(s.name(self.env.lang), s.id)
        idx = self.settlement.findData(current)
        self.settlement.setCurrentIndex(max(idx, 0))
        if self.view is not None:
            idx = self.settlement.findData(self.view.settlement_id)
            self.settlement.setCurrentIndex(max(idx, 0))
        self._loading = False

    # ================================================================= showing
    def _show_meeting(self, view: svc.MeetingView | None) -> None:
        self._loading = True
        self.view = view
        self.errors.clear()
        self.item_errors.clear()
        self.akim_errors.clear()
        today = date.today()
        kind = view.kind if view else MeetingKind.MEETING
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind.value)))
        self.number.setText(view.number if view else "")
        self.held_on.setDate(to_qdate(view.held_on if view else today))
        has_time = bool(view and view.starts_at)
        self.has_time.setChecked(has_time)
        self.starts_at.setTime(QTime.fromString(view.starts_at, "HH:mm") if has_time and view else QTime(10, 0))
        self.ends_at.setTime(QTime.fromString(view.ends_at, "HH:mm") if view and view.ends_at else QTime(12, 0))
        self._time_toggled(has_time)
        self.place.setText(view.place if view else "")
        idx = self.settlement.findData(view.settlement_id if view else None)
        self.settlement.setCurrentIndex(max(idx, 0))
        self.convened_by.setText(view.convened_by if view else "")
        self.chair.setText(view.chair_name if view else "")
        self.secretary.setText(view.secretary_name if view else "")
        self.eligible.setValue(view.members_eligible if view else 0)
        self.notes.setPlainText(view.notes if view else "")
        self._fill_attendance(view.attendees if view else [])
        self._fill_agenda(view.agenda if view else [])
        self.sent_on.setDate(to_qdate(view.sent_to_akim_on if view and view.sent_to_akim_on else today))
        self.response_on.setDate(to_qdate(view.akim_response_on if view and view.akim_response_on else today))
        self.response.setPlainText(view.akim_response if view else "")
        self._loading = False
        self.dirty = False
        self._apply_lock()
        self._refresh_labels()
        self._update_quorum()

    def _refresh_labels(self) -> None:
        view = self.view
        lang = self.env.lang
        if view is None:
            self.title_label.setText(self.tr("New meeting"))
            self.status_label.setText("")
            self.deadline_label.setText("")
            return
        kind = svc.KIND_NAMES[view.kind].text(lang)
        number = f" № {view.number}" if view.number else ""
        self.title_label.setText(f"{kind}{number} — {format_date(view.held_on, lang)}")
        status = MEETING_STATUS_NAMES[view.status].text(lang)
        if view.not_competent:
            status += " — " + self.tr("not competent: no quorum, no decisions")
        self.status_label.setText(status)
        if view.send_by is not None:
            self.deadline_label.setText(
                self.tr("Send the minutes to the akim by %1.").replace("%1", format_date(view.send_by, lang)))
        elif view.answer_by is not None:
            self.deadline_label.setText(
                self.tr("The akim should answer by %1.").replace("%1", format_date(view.answer_by, lang)))
        else:
            self.deadline_label.setText("")
        self._fill_agenda_titles()

    def _apply_lock(self) -> None:
        """Draft: everything editable. Finalized: details, attendance and agenda are read-only."""
        view = self.view
        saved = view is not None
        locked = bool(view and view.locked)
        for w in (self.number, self.place, self.convened_by, self.chair, self.secretary,
                  self.new_attendee, self.new_item_title, self.item_title, self.item_speakers):
            w.setReadOnly(locked)
        for p in (self.notes, self.item_proposal, self.item_decision):
            p.setReadOnly(locked)
        for w2 in (self.kind, self.held_on, self.has_time, self.starts_at, self.ends_at, self.settlement,
                   self.eligible):
            w2.setEnabled(not locked)
        # no votes without a quorum (as saved): the service refuses them as well
        no_quorum = saved and not (view and view.quorum and view.quorum.reached)
        for spin in (self.votes_for, self.votes_against, self.votes_abstain):
            spin.setEnabled(not locked and not no_quorum)
        self.no_quorum_hint.setVisible(bool(no_quorum and not locked))
        self.starts_at.setEnabled(not locked and self.has_time.isChecked())
        self.ends_at.setEnabled(not locked and self.has_time.isChecked())
        self.save_button.setEnabled(not locked)
        self.delete_button.setEnabled(saved and not locked)
        self.attendance.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if locked
            else QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        blocked = self.attendance.blockSignals(True)
        for r in range(self.attendance.rowCount()):
            combo = self.attendance.cellWidget(r, 1)
            if combo is not None:
                combo.setEnabled(not locked)
            for c in (2, 3):
                item = self.attendance.item(r, c)
                if item is not None:
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if not locked:
                        flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setFlags(flags)
        self.attendance.blockSignals(blocked)
        for b in (self.add_attendee_button, self.remove_attendee_button, self.save_attendance_button):
            b.setEnabled(saved and not locked)
        self.new_attendee.setEnabled(saved and not locked)
        self.add_item_button.setEnabled(saved and not locked)
        self.new_item_title.setEnabled(saved and not locked)
        has_item = self._item_id is not None
        for b in (self.remove_item_button, self.up_button, self.down_button, self.save_item_button,
                  self.not_voted_button):
            b.setEnabled(saved and not locked and has_item)
        status = view.status if view else None
        self.finalize_button.setEnabled(status is MeetingStatus.DRAFT)
        self.sent_on.setEnabled(status is MeetingStatus.FINALIZED)
        self.sent_button.setEnabled(status is MeetingStatus.FINALIZED)
        answering = status is MeetingStatus.SENT_TO_AKIM
        self.response_on.setEnabled(answering)
        self.response.setReadOnly(not answering)
        self.response_button.setEnabled(answering)
        self.print_minutes_button.setEnabled(saved)
        self.print_attendance_button.setEnabled(saved)

    def is_locked(self) -> bool:
        return bool(self.view and self.view.locked)

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading and not self.is_locked():
            self.dirty = True

    def _time_toggled(self, on: bool) -> None:
        self.starts_at.setEnabled(on and not self.is_locked())
        self.ends_at.setEnabled(on and not self.is_locked())
        self._mark_dirty()

    # ============================================================ details: save
    def _input(self) -> svc.MeetingInput:
        held = from_qdate(self.held_on.date()) or date.today()
        timed = self.has_time.isChecked()
        return svc.MeetingInput(
            kind=MeetingKind(self.kind.currentData()),
            held_on=held,
            number=self.number.text(),
            starts_at=self.starts_at.time().toString("HH:mm") if timed else "",
            ends_at=self.ends_at.time().toString("HH:mm") if timed else "",
            place=self.place.text(),
            settlement_id=self.settlement.currentData(),
            convened_by=self.convened_by.text(),
            chair_name=self.chair.text(),
            secretary_name=self.secretary.text(),
            members_eligible=self.eligible.value(),
            members_present=None,
            notes=self.notes.toPlainText(),
        )

    @Slot()
    def save_details(self) -> None:
        data = self._input()
        ctx = self.env.ctx()
        self.errors.clear()
        if self.view is None:
            self.env.runner.db(svc.create_meeting, ctx, data, on_done=self._saved, on_error=self._save_failed)
        else:
            self.env.runner.db(svc.update_meeting, ctx, self.view.id, data, on_done=self._saved,
                               on_error=self._save_failed)

    def _save_failed(self, error: BaseException) -> None:
        self.tabs.setCurrentIndex(0)
        show_user_error(self, self.env, error, self.errors)

    def _saved(self, view: svc.MeetingView) -> None:
        keep_item = self._item_id
        self._show_meeting(view)
        self._select_item(keep_item)
        self.env.notify_changed("meeting")

    @Slot()
    def delete_meeting(self) -> None:
        if self.view is None:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, self.tr("Delete draft"), self.tr("Delete this draft of the minutes?"))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(_: object) -> None:
            self._show_meeting(None)
            self.env.notify_changed("meeting")

        self.env.runner.db(svc.delete_meeting, self.env.ctx(), self.view.id, on_done=done,
                           on_error=lambda e: show_user_error(self, self.env, e))

    # =============================================================== attendance
    def _fill_attendance(self, attendees: list[svc.AttendeeView]) -> None:
        self.attendance.blockSignals(True)
        self.attendance.setRowCount(0)
        for a in attendees:
            self._append_attendee(a.full_name, a.role, a.present, a.elected_representative, a.id, a.resident_id)
        self.attendance.blockSignals(False)

    def _append_attendee(self, name: str, role: str = "member", present: bool = True,
                         elected: bool = False, attendee_id: str | None = None,
                         resident_id: str | None = None) -> None:
        self.attendance.blockSignals(True)
        r = self.attendance.rowCount()
        self.attendance.insertRow(r)
        name_item = QTableWidgetItem(name)
        name_item.setData(Qt.ItemDataRole.UserRole, attendee_id)
        name_item.setData(Qt.ItemDataRole.UserRole + 1, resident_id)
        self.attendance.setItem(r, 0, name_item)
        combo = QComboBox()
        for key, text in self._role_names().items():
            combo.addItem(text, key)
        combo.setCurrentIndex(max(0, combo.findData(role)))
        combo.currentIndexChanged.connect(self._attendance_changed)
        self.attendance.setCellWidget(r, 1, combo)
        for col, on in ((2, present), (3, elected)):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.attendance.setItem(r, col, item)
        self.attendance.blockSignals(False)

    def attendee_inputs(self) -> list[svc.AttendeeInput]:
        out: list[svc.AttendeeInput] = []
        for r in range(self.attendance.rowCount()):
            name_item = self.attendance.item(r, 0)
            combo = self.attendance.cellWidget(r, 1)
            present = self.attendance.item(r, 2)
            elected = self.attendance.item(r, 3)
            role = combo.currentData() if isinstance(combo, QComboBox) else "member"
            out.append(svc.AttendeeInput(
                full_name=name_item.text() if name_item else "",
                resident_id=name_item.data(Qt.ItemDataRole.UserRole + 1) if name_item else None,
                role=str(role),
                present=bool(present and present.checkState() == Qt.CheckState.Checked),
                elected_representative=bool(elected and elected.checkState() == Qt.CheckState.Checked),
                id=name_item.data(Qt.ItemDataRole.UserRole) if name_item else None,
            ))
        return out

    def present_count(self) -> int:
        return sum(1 for a in self.attendee_inputs() if a.present and a.role in _ROLE_COUNTED)

    def _attendance_changed(self, *_: object) -> None:
        self._mark_dirty()
        self._update_quorum()

    @Slot()
    def _add_attendee(self) -> None:
        name = self.new_attendee.text().strip()
        if not name:
            return
        self._append_attendee(name)
        self.new_attendee.clear()
        self._attendance_changed()

    @Slot()
    def _remove_attendee(self) -> None:
        rows = sorted({i.row() for i in self.attendance.selectedIndexes()}, reverse=True)
        for r in rows:
            self.attendance.removeRow(r)
        if rows:
            self._attendance_changed()

    @Slot()
    def save_attendance(self) -> None:
        if self.view is None:
            return
        self.env.runner.db(svc.set_attendance, self.env.ctx(), self.view.id, self.attendee_inputs(),
                           on_done=self._saved, on_error=lambda e: show_user_error(self, self.env, e))

    def _update_quorum(self, *_: object) -> None:
        """Present / needed from what is on screen now, by the rule in force on the date."""
        if not hasattr(self, "quorum_label"):
            return
        kind = MeetingKind(self.kind.currentData() or MeetingKind.MEETING.value)
        held = from_qdate(self.held_on.date()) or date.today()
        rule = rule_for(kind, held)
        eligible = self.eligible.value()
        present = self.present_count() if self.attendance.rowCount() or self.view is None else self.view.members_present
        lang = self.env.lang
        tip = rule.legal_source.text(lang)
        if rule.note is not None:
            tip += "\n\n" + rule.note.text(lang)
        self.quorum_label.setToolTip(tip)
        try:
            result = check_quorum(eligible, present, rule)
        except UserError as e:
            self.quorum_label.setText(e.text(lang))
            self.quorum_label.setStyleSheet(f"font-weight: bold; color: {BAD_COLOR};")
            self.quorum_ok = False
            return
        self.quorum_ok = result.reached
        text = self.tr("Present %1 of %2, needed for a quorum: %3 — %4")
        verdict = self.tr("quorum reached") if result.reached else self.tr("no quorum")
        self.quorum_label.setText(
            text.replace("%1", str(present)).replace("%2", str(eligible))
            .replace("%3", str(result.needed)).replace("%4", verdict))
        color = OK_COLOR if result.reached else BAD_COLOR
        self.quorum_label.setStyleSheet(f"font-weight: bold; color: {color};")
        self._update_outcome()

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
            VoteOutcome.ADOPTED: self.tr("adopted"),
            VoteOutcome.REJECTED: self.tr("not adopted"),
            VoteOutcome.NO_QUORUM: self.tr("no quorum"),
            VoteOutcome.NOT_VOTED: self.tr("no vote"),
        }
        return self.tr("vote not recorded") if outcome is None else names[outcome]

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
            if not confirm_discard(self):
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
        rule = rule_for(kind, held)
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
            text += " " + self.tr("(at least %1 votes for are needed)").replace("%1", str(needed))
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
                           on_done=done, on_error=lambda e: show_user_error(self, self.env, e))

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
                           on_error=lambda e: show_user_error(self, self.env, e))

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
                           on_error=lambda e: show_user_error(self, self.env, e))

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
                           on_error=lambda e: show_user_error(self, self.env, e, self.item_errors))

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
        self.env.runner.db(work, on_done=self._saved, on_error=lambda e: show_user_error(self, self.env, e))

    # ===================================================================== akim
    @Slot()
    def finalize(self) -> None:
        if self.view is None:
            return
        if self.dirty and not confirm_discard(self):
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
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("No quorum"),
                              question.text(self.env.lang),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() == QMessageBox.StandardButton.Yes:
                self.env.runner.db(svc.finalize, self.env.ctx(), self.view.id, confirm_no_quorum=True,
                                   on_done=self._saved, on_error=self._finalize_failed)
            return
        # chair / secretary / date errors belong to the details tab; the rest in a box
        show_user_error(self, self.env, error, self.errors)

    @Slot()
    def mark_sent(self) -> None:
        if self.view is None:
            return
        on = from_qdate(self.sent_on.date()) or date.today()
        self.akim_errors.clear()
        self.env.runner.db(svc.mark_sent_to_akim, self.env.ctx(), self.view.id, on, on_done=self._saved,
                           on_error=lambda e: show_user_error(self, self.env, e, self.akim_errors))

    @Slot()
    def record_response(self) -> None:
        if self.view is None:
            return
        on = from_qdate(self.response_on.date()) or date.today()
        self.akim_errors.clear()
        self.env.runner.db(svc.record_akim_response, self.env.ctx(), self.view.id, on,
                           self.response.toPlainText(), on_done=self._saved,
                           on_error=lambda e: show_user_error(self, self.env, e, self.akim_errors))

    # ================================================================== printing
    def _rendered(self, path: object) -> None:
        if self.on_rendered is not None:
            self.on_rendered(path)

    @Slot()
    def print_minutes(self) -> None:
        if self.view is None:
            return
        ctx, meeting_id = self.env.ctx(), self.view.id
        render_and_preview(self, self.env, lambda: print_svc.prepare_minutes(ctx, meeting_id),
                           "minutes-", self.tr("Minutes"), on_rendered=self._rendered,
                           show=self.show_previews)

    @Slot()
    def print_attendance(self) -> None:
        if self.view is None:
            return
        ctx, meeting_id = self.env.ctx(), self.view.id
        render_and_preview(self, self.env, lambda: print_svc.prepare_attendance(ctx, meeting_id),
                           "attendance-", self.tr("Attendance sheet"), on_rendered=self._rendered,
                           show=self.show_previews)

