"""The attendance tab of the meetings page: the list of those present and the live
quorum indicator.

A part of :class:`civicdesk.ui.meetings.MeetingsPage` (mixed into it); its texts are
translated in the page's context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import MeetingKind
from civicdesk.domain.errors import UserError
from civicdesk.domain.meetings import QuorumRule, check_quorum, rule_for
from civicdesk.services import meetings as svc
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import BAD_COLOR, OK_COLOR, from_qdate, show_user_error

__all__ = ["AttendancePart"]

_ROLE_COUNTED = svc.COUNTED_ROLES


class AttendancePart:
    """Attendees with role, presence and election, and the quorum from what is on screen."""

    env: UiEnv
    view: svc.MeetingView | None
    quorum_ok: bool
    #: the defaults and the center's own settings (None until loaded)
    quorum_rules: tuple[QuorumRule, ...] | None
    kind: QComboBox
    held_on: QDateEdit
    eligible: QSpinBox
    _saved: Callable[[svc.MeetingView], None]
    _mark_dirty: Callable[..., None]
    _update_outcome: Callable[..., None]
    _role_names: Callable[[], dict[str, str]]

    def _widget(self) -> QWidget:
        """The page itself, as the parent of the boxes this part shows."""
        assert isinstance(self, QWidget)
        return self

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
                           on_done=self._saved, on_error=lambda e: show_user_error(self._widget(), self.env, e))

    def _update_quorum(self, *_: object) -> None:
        """Present / needed from what is on screen now, by the rule in force on the date."""
        if not hasattr(self, "quorum_label"):
            return
        kind = MeetingKind(self.kind.currentData() or MeetingKind.MEETING.value)
        held = from_qdate(self.held_on.date()) or date.today()
        rule = rule_for(kind, held, self.quorum_rules)
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
        text = QCoreApplication.translate("MeetingsPage", "Present %1 of %2, needed for a quorum: %3 — %4")
        verdict = QCoreApplication.translate("MeetingsPage", "quorum reached") if result.reached else QCoreApplication.translate("MeetingsPage", "no quorum")
        self.quorum_label.setText(
            text.replace("%1", str(present)).replace("%2", str(eligible))
            .replace("%3", str(result.needed)).replace("%4", verdict))
        color = OK_COLOR if result.reached else BAD_COLOR
        self.quorum_label.setStyleSheet(f"font-weight: bold; color: {color};")
        self._update_outcome()
