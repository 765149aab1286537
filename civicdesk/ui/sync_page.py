"""The synchronisation page: enrolment with head office, "Sync now", the state of the
link, the history of rounds, the queue of conflicts a person has to settle and the
rows the server refused, with its reason.

Every ``services.sync`` call reads or writes SQLite and some also talk HTTP, so all of
them run on the database worker (see civicdesk/ui/status.py); nothing here blocks the
GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.domain.errors import UserError
from civicdesk.domain.formatting import format_datetime
from civicdesk.services import sync
from civicdesk.services.sync import ConflictView, EnrollInfo, HistoryEntry, SyncStatus, SyncSummary
from civicdesk.services.users import CenterView, current_center
from civicdesk.sync.protocol import Scalar
from civicdesk.ui.common import ErrorLabel, is_language_change
from civicdesk.ui.env import UiEnv
from civicdesk.ui.status import coordinator_for, last_sync_time
from civicdesk.ui.sync_conflicts import ConflictDialog, is_server_address, value_text, when_text
from civicdesk.ui.sync_refused import RefusedTable, fit_columns, setup_table
from civicdesk.ui.texts import channel_text, status_text

HISTORY_LIMIT = 50
# the shortest and longest one-time code the server accepts (sync protocol)
CODE_LENGTH = (4, 64)
#: the entity a page listens for (UiEnv.notify_changed) by synced table
TABLE_ENTITIES = {
    "consultations": "consultation",
    "residents": "resident",
    "meetings": "meeting",
    "grant_applications": "grant_application",
    "grant_calls": "grant_call",
    "seminars": "seminar",
    "booklets": "booklet",
}


class SyncPage(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.coordinator = coordinator_for(env.app, env.runner)
        self.status: SyncStatus | None = None
        self.center: CenterView | None = None
        self.history: list[HistoryEntry] = []
        self.conflicts: list[ConflictView] = []
        #: rows the server refused, with its reason (kept in the same queue)
        self.refused: list[ConflictView] = []
        self.summary: SyncSummary | None = self.coordinator.last_summary
        self.error: UserError | None = None
        self._enrolling = False
        self._error_text: Callable[[], str] | None = None

        # --- enrolment ---
        self.server_box = QGroupBox()
        self.server_url = QLineEdit()
        self.server_url.setPlaceholderText("https://")
        self.code = QLineEdit()
        self.enroll_button = QPushButton()
        self.enrolled_label = QLabel()
        self.enrolled_label.setWordWrap(True)
        self.enrolled_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_label = QLabel()
        self.code_label = QLabel()
        self.enroll_hint = QLabel()
        self.enroll_hint.setWordWrap(True)
        server_form = QGridLayout(self.server_box)
        server_form.addWidget(self.server_label, 0, 0)
        server_form.addWidget(self.server_url, 0, 1, 1, 2)
        server_form.addWidget(self.code_label, 1, 0)
        server_form.addWidget(self.code, 1, 1)
        server_form.addWidget(self.enroll_button, 1, 2)
        server_form.addWidget(self.enroll_hint, 2, 0, 1, 3)
        server_form.addWidget(self.enrolled_label, 3, 0, 1, 3)
        server_form.setColumnStretch(1, 1)
        server_form.setRowStretch(4, 1)

        # --- state and "Sync now" ---
        self.state_box = QGroupBox()
        self.online_label = QLabel()
        self.last_label = QLabel()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.pending_label = QLabel()
        self.sync_button = QPushButton()
        self.sync_button.setDefault(True)
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.sync_button.setMinimumWidth(180)
        self.cancel_button = QPushButton()
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the service gives no steps: a busy indicator
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.auto_label = QLabel()
        self.auto_minutes = QSpinBox()
        self.auto_minutes.setRange(0, 240)
        self.auto_minutes.setValue(max(0, self.coordinator.interval_ms // 60_000))
        self.auto_minutes.setMinimumWidth(120)
        state = QVBoxLayout(self.state_box)
        for w in (self.online_label, self.last_label, self.result_label, self.pending_label):
            state.addWidget(w)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        state.addLayout(buttons)
        auto = QHBoxLayout()
        auto.addWidget(self.auto_label)
        auto.addWidget(self.auto_minutes)
        auto.addStretch(1)
        state.addLayout(auto)
        state.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.server_box, 1)
        top.addWidget(self.state_box, 1)

        self.error_label = ErrorLabel()

        # --- history ---
        self.history_table = QTableWidget(0, 7)
        setup_table(self.history_table)
        # --- conflicts ---
        self.conflict_table = QTableWidget(0, 4)
        setup_table(self.conflict_table)
        self.conflict_hint = QLabel()
        self.conflict_hint.setWordWrap(True)
        self.keep_mine = QPushButton()
        self.keep_theirs = QPushButton()
        self.edit_value = QPushButton()
        conflict_buttons = QHBoxLayout()
        conflict_buttons.addWidget(self.keep_mine)
        conflict_buttons.addWidget(self.keep_theirs)
        conflict_buttons.addWidget(self.edit_value)
        conflict_buttons.addStretch(1)
        conflicts_tab = QWidget()
        cl = QVBoxLayout(conflicts_tab)
        cl.addWidget(self.conflict_hint)
        cl.addWidget(self.conflict_table, 1)
        cl.addLayout(conflict_buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.history_table, "")
        self.tabs.addTab(conflicts_tab, "")
        # --- rows the server refused ---
        self.refused_table = RefusedTable()
        self.tabs.addTab(self.refused_table, "")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)

        self.enroll_button.clicked.connect(self.enroll)
        self.code.returnPressed.connect(self.enroll)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.cancel)
        self.auto_minutes.editingFinished.connect(self._interval_edited)
        self.keep_mine.clicked.connect(lambda: self._resolve_selected("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve_selected("theirs"))
        self.edit_value.clicked.connect(self._edit_selected)
        self.conflict_table.itemSelectionChanged.connect(self._update_buttons)
        self.coordinator.status_changed.connect(self._got_status)
        self.coordinator.round_started.connect(self._round_started)
        self.coordinator.round_finished.connect(self._round_finished)
        self.coordinator.round_failed.connect(self._round_failed)

        self.retranslate()
        if self.coordinator.busy:
            self._round_started(True)
        self.refresh()

    # --- loading -----------------------------------------------------------------

    def refresh(self) -> None:
        """Read status, center, history and conflicts again (database thread)."""
        app = self.env.app
        self.coordinator.refresh()
        self.env.runner.db(current_center, app, on_done=self._got_center)
        self.env.runner.db(sync.history, app, HISTORY_LIMIT, on_done=self._got_history)
        self.env.runner.db(sync.conflicts, app, on_done=self._got_conflicts)

    def _got_center(self, center: CenterView | None) -> None:
        self.center = center
        self._show_state()

    def _got_status(self, status: SyncStatus) -> None:
        self.status = status
        if status.server_url and not self.server_url.text():
            self.server_url.setText(status.server_url)
        self._show_state()

    def _got_history(self, rows: list[HistoryEntry]) -> None:
        self.history = rows
        self._fill_history()

    def _got_conflicts(self, rows: list[ConflictView]) -> None:
        self.conflicts = [c for c in rows if not sync.is_refused(c)]
        self.refused = [c for c in rows if sync.is_refused(c)]
        self._fill_conflicts()
        self.refused_table.fill(self.refused, self.env.lang, self.table_name)

    # --- enrolment ---------------------------------------------------------------

    def enroll(self) -> None:
        url = self.server_url.text().strip()
        code = self.code.text().strip()
        if not url or not code:
            self._show_error_text(lambda: self.tr("Enter the server address and the code "
                                                  "from head office."))
            return
        if not is_server_address(url):
            self._show_error_text(lambda: self.tr(
                "«%1» is not a server address. Type it as head office gave it, "
                "for example https://civicdesk.example.kz").replace("%1", url))
            return
        if not CODE_LENGTH[0] <= len(code) <= CODE_LENGTH[1] or not code.isprintable():
            self._show_error_text(lambda: self.tr(
                "The code is too short or has wrong characters: it has %1 characters, "
                "the code from head office has 16 (for example ABCD-EFGH-JKLM-NPQR). "
                "Check it and type it again.").replace("%1", str(len(code))))
            return
        if self._enrolling:
            return
        self._enrolling = True
        self._set_error(None)
        self.enroll_button.setEnabled(False)
        self.env.runner.db(
            sync.enroll, self.env.app, url, code, transport=self.coordinator.transport,
            on_done=self._enrolled, on_error=self._set_error,
            on_finally=self._enroll_over,
        )

    def _enrolled(self, info: EnrollInfo) -> None:
        self.code.clear()
        self.coordinator.online = True
        self.env.notify_changed("center")
        self.refresh()

    def _enroll_over(self) -> None:
        self._enrolling = False
        self._update_buttons()

    # --- rounds ------------------------------------------------------------------

    def sync_now(self) -> None:
        self._set_error(None)
        self.coordinator.sync_now(manual=True)

    def cancel(self) -> None:
        self.coordinator.cancel()

    def _round_started(self, _manual: bool) -> None:
        self.progress.show()
        self.cancel_button.show()
        self._update_buttons()

    def _round_finished(self, summary: SyncSummary | None) -> None:
        self._round_over()
        if summary is not None:
            self.summary = summary
            self._set_error(None)
            self.env.notify_changed("sync")
        self._show_state()
        self.refresh()

    def _round_failed(self, err: UserError) -> None:
        self._round_over()
        self._set_error(err)
        self._show_state()
        self.refresh()

    def _round_over(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def _interval_edited(self) -> None:
        minutes = self.auto_minutes.value()
        if minutes * 60_000 != self.coordinator.interval_ms:
            self.coordinator.set_interval(minutes)

    # --- conflicts ---------------------------------------------------------------

    def selected_conflict(self) -> ConflictView | None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.conflict_table.item(rows[0].row(), 0)
        cid = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((c for c in self.conflicts if c.id == cid), None)

    def _resolve_selected(self, choice: Any) -> None:
        conflict = self.selected_conflict()
        if conflict is not None:
            self.resolve(conflict, choice)

    def _edit_selected(self) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        dialog = ConflictDialog(
            conflict, self, {name: self.field_name(name) for name in conflict.fields},
            self.field_choices(conflict.table),
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.resolve(conflict, dialog.values())

    def resolve(self, conflict: ConflictView, choice: Any) -> None:
        actor = self.env.actor
        self._set_error(None)
        self.env.runner.db(
            sync.resolve, self.env.app, conflict.id, choice,
            user_id=actor.user_id if actor else None,
            on_done=lambda _r: self._resolved(conflict.table), on_error=self._set_error,
        )

    def _resolved(self, table: str) -> None:
        self.env.notify_changed(TABLE_ENTITIES.get(table, "sync"))
        self.refresh()

    # --- showing -----------------------------------------------------------------

    def _set_error(self, err: BaseException | None) -> None:
        self._error_text = None
        self.error = err if isinstance(err, UserError) else None
        self.error_label.show_text(self.error.text(self.env.lang) if self.error else "")

    def _show_error_text(self, text: Callable[[], str]) -> None:
        """A message made by ``text`` (made again when the language changes)."""
        self.error = None
        self._error_text = text
        self.error_label.show_text(text())

    def table_name(self, table: str) -> str:
        names = {
            "consultations": self.tr("Consultation"),
            "residents": self.tr("Resident"),
            "meetings": self.tr("Meeting"),
            "grant_applications": self.tr("Grant application"),
            "grant_reports": self.tr("Grant report"),
            "seminars": self.tr("Seminar"),
            "booklets": self.tr("Booklet"),
            "audit_log": self.tr("Audit entry"),
            "users": self.tr("User"),
            "attachments": self.tr("Attachment"),
        }
        return names.get(table, table)

    def field_name(self, field: str) -> str:
        names = {
            "question": self.tr("Question"),
            "advice": self.tr("Advice given"),
            "status": self.tr("Status"),
            "channel": self.tr("Channel"),
            "follow_up_on": self.tr("Follow-up"),
            "notes": self.tr("Notes"),
            "title": self.tr("Title"),
            "problem": self.tr("Problem"),
            "goal": self.tr("Goal"),
            "beneficiaries": self.tr("Beneficiaries"),
            "decision": self.tr("Decision"),
        }
        return names.get(field, field)

    def field_choices(self, table: str) -> dict[str, list[tuple[str, str]]]:
        """Fields whose values come from a fixed list, with their names."""
        if table != "consultations":
            return {}
        return {
            "status": [(status_text(v), v.value) for v in ConsultationStatus],
            "channel": [(channel_text(v), v.value) for v in ConsultationChannel],
        }

    def field_value(self, table: str, field: str, value: Scalar) -> str:
        """A stored value as the user knows it (consultation status and channel by name)."""
        if table == "consultations" and isinstance(value, str):
            try:
                if field == "status":
                    return status_text(value)
                if field == "channel":
                    return channel_text(value)
            except ValueError:
                pass
        return value_text(value)

    def outcome_text(self, outcome: str) -> str:
        return {
            "ok": self.tr("Done"),
            "failed": self.tr("Failed"),
        }.get(outcome, outcome or self.tr("Running"))

    def summary_text(self, s: SyncSummary) -> str:
        text = self.tr("pushed %1, pulled %2, conflicts %3")
        return text.replace("%1", str(s.pushed)).replace("%2", str(s.pulled)).replace(
            "%3", str(s.conflicts))

    def _show_state(self) -> None:
        s = self.status
        enrolled = bool(s and s.enrolled)
        if not enrolled:
            self.enrolled_label.setText(self.tr("This computer is not enrolled yet. "
                                                "Sync starts after enrolment."))
        else:
            assert s is not None
            center = self.center.name(self.env.lang) if self.center else (s.center_id or "")
            role = self.tr(" (head office)") if s.head_office else ""
            self.enrolled_label.setText(
                self.tr("Enrolled: %1%2\nThis computer: %3")
                .replace("%1", center).replace("%2", role)
                .replace("%3", self.env.app.state.device_id)
            )
        online = self.coordinator.online
        if not enrolled:
            state = self.tr("Head office: not set up")
        elif online is True:
            state = self.tr("Head office: online")
        elif online is False:
            state = self.tr("Head office: offline")
        else:
            state = self.tr("Head office: not checked yet")
        self.online_label.setText(state)
        when = last_sync_time(s)
        self.last_label.setText(
            self.tr("Last sync: %1").replace(
                "%1", format_datetime(when, self.env.lang, "short")) if when
            else self.tr("Last sync: never")
        )
        if self.summary is not None:
            self.result_label.setText(
                self.tr("Result: %1").replace("%1", self.summary_text(self.summary)))
        else:
            self.result_label.setText("")
        self.result_label.setVisible(self.summary is not None)
        lines = [
            self.tr("Changes waiting to be sent: %1").replace("%1", str(s.pending if s else 0))
        ]
        if s is not None and s.waiting:
            lines.append(self.tr("Received rows waiting to be applied: %1").replace(
                "%1", str(s.waiting)))
            lines += [f"• {t} {i[:8]}: {why.text(self.env.lang)}"
                      for t, i, why in s.waiting_reasons]
        warning = sync.clock_warning(s) if s is not None else None
        if warning is not None:
            lines.append(warning.text(self.env.lang))
        self.pending_label.setText("\n".join(lines))
        self._update_buttons()

    def _fill_history(self) -> None:
        t = self.history_table
        t.setRowCount(len(self.history))
        for r, h in enumerate(self.history):
            cells = [
                when_text(h.started_at, self.env),
                self.outcome_text(h.outcome),
                str(h.pushed),
                str(h.pulled),
                str(h.conflicts),
                str(h.errors),
                h.message_in(self.env.lang),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 2 <= c <= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if c == 6:
                    item.setToolTip(text)
                t.setItem(r, c, item)

    def _fill_conflicts(self) -> None:
        t = self.conflict_table
        rows = [(c, name, sides) for c in self.conflicts for name, sides in c.fields.items()]
        t.setRowCount(len(rows))
        for r, (c, name, sides) in enumerate(rows):
            record = f"{self.table_name(c.table)} …{c.row_id[-8:]}"
            cells = [record, self.field_name(name),
                     self.field_value(c.table, name, sides.get("mine")),
                     self.field_value(c.table, name, sides.get("theirs"))]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if col != 0 else f"{c.table} {c.row_id}")
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                t.setItem(r, col, item)
        if rows and not t.selectionModel().selectedRows():
            t.selectRow(0)
        self._retitle_tabs()
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.coordinator.busy
        enrolled = bool(self.status and self.status.enrolled)
        self.sync_button.setEnabled(enrolled and not busy)
        self.enroll_button.setEnabled(not self._enrolling and not busy)
        has = self.selected_conflict() is not None
        for b in (self.keep_mine, self.keep_theirs, self.edit_value):
            b.setEnabled(has)

    def _retitle_tabs(self) -> None:
        self.tabs.setTabText(0, self.tr("History"))
        n = len(self.conflicts)
        self.tabs.setTabText(1, self.tr("Conflicts (%1)").replace("%1", str(n)) if n
                             else self.tr("Conflicts"))
        k = len(self.refused)
        self.tabs.setTabText(2, self.tr("Refused by the server (%1)").replace("%1", str(k)) if k
                             else self.tr("Refused by the server"))

    def retranslate(self) -> None:
        self.server_box.setTitle(self.tr("Head office server"))
        self.server_label.setText(self.tr("Server address:"))
        self.code_label.setText(self.tr("One-time code:"))
        self.code.setPlaceholderText(self.tr("code from head office"))
        self.enroll_button.setText(self.tr("Enrol this computer"))
        self.enroll_hint.setText(self.tr("Head office gives a one-time code for your center. "
                                         "Enrol once on each computer."))
        self.state_box.setTitle(self.tr("Synchronisation"))
        self.sync_button.setText(self.tr("Sync now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.auto_label.setText(self.tr("Sync automatically every"))
        self.auto_minutes.setSuffix(self.tr(" min"))
        self.auto_minutes.setSpecialValueText(self.tr("never"))
        self.history_table.setHorizontalHeaderLabels([
            self.tr("Started"), self.tr("Result"), self.tr("Sent"), self.tr("Received"),
            self.tr("Conflicts"), self.tr("Errors"), self.tr("Message"),
        ])
        self.conflict_table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Field"), self.tr("My value"), self.tr("Their value"),
        ])
        self.conflict_hint.setText(self.tr(
            "The same field was changed here and elsewhere. The other value is in the "
            "record now; choose which one to keep."))
        self.keep_mine.setText(self.tr("Keep mine"))
        self.keep_theirs.setText(self.tr("Keep theirs"))
        self.edit_value.setText(self.tr("Edit…"))
        fit_columns(self.history_table, (140, 120, 80, 80, 80, 70))
        fit_columns(self.conflict_table, (220, 160, 300))
        self._retitle_tabs()
        self._show_state()
        self._fill_history()
        self._fill_conflicts()
        self.refused_table.retranslate()
        self.refused_table.fill(self.refused, self.env.lang, self.table_name)
        if self.error is not None:
            self._set_error(self.error)
        elif self._error_text is not None:
            self._show_error_text(self._error_text)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
