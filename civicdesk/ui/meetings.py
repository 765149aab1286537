"""Minutes of gatherings and meetings of the local community.

Left: the paged list of meetings. Right: the editor in tabs - details, attendance
with a live quorum indicator, agenda items with votes and the computed outcome,
and the akim (finalize, sent, response): the attendance part is in
meeting_attendance.py, the agenda part in meeting_agenda.py, the akim part and
printing in meeting_akim.py. Every database call goes through the
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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import MeetingKind, MeetingStatus
from civicdesk.domain.formatting import format_date
from civicdesk.domain.meetings import MEETING_STATUS_NAMES, QuorumRule
from civicdesk.services import meetings as svc
from civicdesk.services import reference
from civicdesk.services.base import ListQuery
from civicdesk.services.quorum_settings import load_rules
from civicdesk.services.reference import Named
from civicdesk.ui.env import UiEnv
from civicdesk.ui.meeting_agenda import AgendaPart
from civicdesk.ui.meeting_akim import AkimPart
from civicdesk.ui.meeting_attendance import AttendancePart
from civicdesk.ui.screens_common import (
    PAGE_SIZE,
    Column,
    FieldErrors,
    ListEditor,
    Pager,
    Retranslating,
    RowsModel,
    editor_pane,
    end_form,
    from_qdate,
    heading_label,
    list_pane,
    rows_table,
    show_user_error,
    side_by_side,
    to_qdate,
)

__all__ = ["MeetingsPage"]



class MeetingsPage(QWidget, Retranslating, ListEditor, AgendaPart, AkimPart, AttendancePart):
    """List of meetings and the minutes editor."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.view: svc.MeetingView | None = None
        self.quorum_rules: tuple[QuorumRule, ...] | None = None
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
        self._load_rules()
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
        elif entity == "quorum_rules":
            self._load_rules()

    def _load_rules(self) -> None:
        """The center's quorum settings, for the quorum and outcome shown while editing."""
        self.env.runner.db(load_rules, self.env.ctx(), on_done=self._got_rules)

    def _got_rules(self, rules: tuple[QuorumRule, ...]) -> None:
        self.quorum_rules = rules
        self._update_quorum()
        self._update_outcome()

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

        answer = QMessageBox.question(self, self.tr("Delete draft"), self.tr("Delete this draft of the minutes?"))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(_: object) -> None:
            self._show_meeting(None)
            self.env.notify_changed("meeting")

        self.env.runner.db(svc.delete_meeting, self.env.ctx(), self.view.id, on_done=done,
                           on_error=lambda e: show_user_error(self, self.env, e))
