"""Backups page: the daily backup policy, "back up now", the list of backups and a
restore from one of them or from a file.

Managers and head office use the page.  A consultant sees the policy and the list
read-only (the buttons are disabled and say why in a tooltip): knowing that backups
exist helps when the manager is away, but changing where they go or replacing the
database is the manager's decision.

A restore replaces the database file under the running app.  Before it, the app's
pooled connections are closed (Windows cannot replace an open file); after it the
app closes and asks the user to start it again, so that no window keeps showing or
writing the data it had before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.errors import UserError
from civicdesk.domain.formatting import format_datetime
from civicdesk.services import backups as svc
from civicdesk.services.admin import BackupSummary, inspect_backup, restore_backup
from civicdesk.services.app import CivicApp
from civicdesk.services.backups import BackupEntry, BackupPolicy
from civicdesk.ui.common import ErrorLabel, is_language_change
from civicdesk.ui.env import UiEnv

ModelIndex = QModelIndex | QPersistentModelIndex

DAMAGED_COLOR = QColor("#b00020")
COUNT_TABLES = ("residents", "consultations", "meetings", "grant_applications")
COLUMNS = 9  # file, kind, made, revision, 4 counts, state


# --------------------------------------------------------------- work on the db thread


back_up_now = svc.back_up_now


def restore_into(app: CivicApp, backup: Path) -> tuple[BackupSummary, Path | None]:
    """Close the app's pooled connections, then restore (checked first; the current
    database is kept aside).  A refusal leaves the file untouched and the engine
    reconnects on its next use."""
    app.save_clock()
    app.db.engine.dispose()
    return restore_backup(app.data_dir, backup)


# --------------------------------------------------------------------- the table


class BackupsModel(QAbstractTableModel):
    """The backups found (a few dozen at most): held in memory."""

    def __init__(self, env: UiEnv, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.rows: list[BackupEntry] = []

    def set_rows(self, rows: list[BackupEntry]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Kind"), self.tr("Made"), self.tr("Revision"),
                self.tr("Residents"), self.tr("Consultations"), self.tr("Meetings"),
                self.tr("Applications"), self.tr("State")]

    def kind_text(self, kind: str) -> str:
        return {
            "daily": self.tr("daily"),
            "second": self.tr("second folder"),
            "before-upgrade": self.tr("before upgrade"),
            "before-restore": self.tr("before restore"),
        }.get(kind, kind)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        e = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(DAMAGED_COLOR) if e.problem is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.problem is not None:
                return e.problem.text(self.env.lang)
            return str(e.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and 4 <= col <= 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return e.path.name
        if col == 1:
            return self.kind_text(e.kind)
        if col == 2:
            return format_datetime(e.made_at, self.env.lang, "short")
        if col == 3:
            return e.revision or ""
        if 4 <= col <= 7:
            if e.summary is None:
                return ""
            return str(e.counts.get(COUNT_TABLES[col - 4], 0))
        if col == 8:
            if e.problem is None:
                return self.tr("good")
            if e.problem.code == "restore.damaged":
                return self.tr("damaged")
            if e.problem.code == "restore.too_new":
                return self.tr("from a newer version")
            return self.tr("not usable")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            h = self.headers()
            return h[section] if 0 <= section < len(h) else None
        return str(section + 1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, COLUMNS - 1))


# ---------------------------------------------------------------------- the page


class BackupsPage(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.policy = BackupPolicy()
        self._busy = 0

        # policy
        self.policy_box = QGroupBox()
        self.folder = QLineEdit()
        self.folder_browse = QPushButton()
        self.keep = QSpinBox()
        self.keep.setRange(1, svc.MAX_KEEP)
        self.keep.setValue(svc.DEFAULT_KEEP)
        self.second = QLineEdit()
        self.second_browse = QPushButton()
        self.save_button = QPushButton()
        self.policy_error = ErrorLabel()
        self.l_folder, self.l_keep, self.l_second = QLabel(), QLabel(), QLabel()
        self.second_hint = QLabel()
        self.second_hint.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.folder_browse)
        second_line = QHBoxLayout()
        second_line.addWidget(self.second, 1)
        second_line.addWidget(self.second_browse)
        second_row = QVBoxLayout()
        second_row.addLayout(second_line)
        second_row.addWidget(self.second_hint)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep)
        keep_row.addStretch(1)
        keep_row.addWidget(self.save_button)
        form = QFormLayout(self.policy_box)
        form.addRow(self.l_folder, folder_row)
        form.addRow(self.l_second, second_row)
        form.addRow(self.l_keep, keep_row)
        form.addRow("", self.policy_error)

        # list and actions
        self.list_box = QGroupBox()
        self.backup_button = QPushButton()
        self.restore_button = QPushButton()
        self.restore_file_button = QPushButton()
        self.refresh_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.model = BackupsModel(env, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        actions = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.restore_file_button,
                  self.refresh_button):
            actions.addWidget(b)
        actions.addWidget(self.progress)
        actions.addStretch(1)
        box = QVBoxLayout(self.list_box)
        box.addLayout(actions)
        box.addWidget(self.status)
        box.addWidget(self.table, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.policy_box)
        layout.addWidget(self.list_box, 1)

        self.folder_browse.clicked.connect(lambda: self._browse(self.folder))
        self.second_browse.clicked.connect(lambda: self._browse(self.second))
        self.save_button.clicked.connect(self.save_policy)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        env.signals.actor_changed.connect(self._update_buttons)
        self.retranslate()
        self.load_policy()
        self.refresh()

    # --- who may act --------------------------------------------------------------

    @property
    def can_manage(self) -> bool:
        return self.env.is_manager

    def _update_buttons(self) -> None:
        manage = self.can_manage and not self._busy
        for w in (self.folder, self.folder_browse, self.keep, self.second, self.second_browse,
                  self.save_button, self.backup_button, self.restore_file_button):
            w.setEnabled(manage)
        self.restore_button.setEnabled(manage and self.selected() is not None)
        self.refresh_button.setEnabled(not self._busy)
        tip = "" if self.can_manage else self.tr(
            "Only a manager or head office can change backups or restore data; "
            "a consultant sees the list read-only.")
        for target in (self.policy_box, self.backup_button, self.restore_button,
                       self.restore_file_button):
            target.setToolTip(tip)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _set_busy(self, on: bool, text: str = "") -> None:
        self._busy = max(0, self._busy + (1 if on else -1))
        self.progress.setVisible(self._busy > 0)
        if text:
            self.set_status(text)
        self._update_buttons()

    # --- policy -------------------------------------------------------------------

    def load_policy(self) -> None:
        self.env.runner.db(svc.load_policy, self.env.app, on_done=self._show_policy)

    def _show_policy(self, policy: BackupPolicy) -> None:
        self.policy = policy
        self.folder.setText("" if policy.folder is None else str(policy.folder))
        self.keep.setValue(policy.keep)
        self.second.setText("" if policy.second_folder is None else str(policy.second_folder))

    def policy_from_form(self) -> BackupPolicy:
        folder = self.folder.text().strip()
        second = self.second.text().strip()
        return BackupPolicy(
            folder=Path(folder) if folder else None,
            keep=self.keep.value(),
            second_folder=Path(second) if second else None,
        )

    def save_policy(self) -> None:
        actor = self.env.actor
        if not self.can_manage or actor is None:
            return
        self.policy_error.show_text("")
        self._set_busy(True)
        self.env.runner.db(
            svc.save_policy, self.env.app, self.policy_from_form(), actor,
            on_done=self._policy_saved, on_error=self._policy_failed,
            on_finally=lambda: self._set_busy(False),
        )

    def _policy_saved(self, policy: BackupPolicy) -> None:
        self._show_policy(policy)
        self.set_status(self.tr("The backup settings were saved."))
        self.refresh()

    def _policy_failed(self, err: BaseException) -> None:
        if isinstance(err, UserError):
            self.policy_error.show_text(err.text(self.env.lang))

    def _browse(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text())
        if folder:
            edit.setText(str(Path(folder)))

    # --- list ---------------------------------------------------------------------

    def refresh(self) -> None:
        self.env.runner.db(svc.list_backups, self.env.app, on_done=self._show_rows)

    def _show_rows(self, rows: list[BackupEntry]) -> None:
        self.model.set_rows(rows)
        self._update_buttons()

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.model.rows):
            return self.model.rows[rows[0].row()]
        return None

    # --- back up now --------------------------------------------------------------

    def back_up(self) -> None:
        if not self.can_manage or self._busy:
            return
        self._set_busy(True, self.tr("Backing up…"))
        self.env.runner.db(
            back_up_now, self.env.app,
            on_done=self._backed_up, on_error=self._backup_failed,
            on_finally=lambda: self._set_busy(False),
        )

    def _backed_up(self, result: tuple[Path, UserError | None]) -> None:
        path, problem = result
        self.set_status(self.tr("Backup made: %1").replace("%1", str(path)))
        if problem is not None:
            self.message(QMessageBox.Icon.Warning, problem.text(self.env.lang))
        self.refresh()

    def _backup_failed(self, err: BaseException) -> None:
        self.set_status(self.tr("The backup was not made."))
        if isinstance(err, UserError):
            self.message(QMessageBox.Icon.Warning, err.text(self.env.lang))

    # --- restore ------------------------------------------------------------------

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.restore_file(entry.path)

    def restore_from_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), str(self.policy.main_folder(self.env.app.data_dir)),
            self.tr("CivicDesk backups (*.sqlite3 *.db);;All files (*)"),
        )
        if name:
            self.restore_file(Path(name))

    def restore_file(self, path: Path) -> None:
        """Check the file, show what it holds and ask; then restore."""
        if not self.can_manage or self._busy:
            return
        self._set_busy(True, self.tr("Checking the backup…"))
        self.env.runner.db(
            inspect_backup, path,
            on_done=self._confirm_restore, on_error=self._refused,
            on_finally=lambda: self._set_busy(False),
        )

    def summary_text(self, s: BackupSummary) -> str:
        lang = self.env.lang
        made = format_datetime(s.made_at, lang, "long") if s.made_at else self.tr("unknown")
        c = s.counts
        lines = [
            self.tr("File: %1").replace("%1", str(s.path)),
            self.tr("Last change in it: %1").replace("%1", made),
            self.tr("Database revision: %1").replace("%1", s.revision),
            self.tr("Residents: %1, consultations: %2, meetings: %3, grant applications: %4")
            .replace("%1", str(c.get("residents", 0)))
            .replace("%2", str(c.get("consultations", 0)))
            .replace("%3", str(c.get("meetings", 0)))
            .replace("%4", str(c.get("grant_applications", 0))),
        ]
        return "\n".join(lines)

    def _confirm_restore(self, summary: BackupSummary) -> None:
        text = (
            self.summary_text(summary) + "\n\n"
            + self.tr("The current data will be replaced by this backup. It is not lost: a "
                      "copy of it is first kept in the folder %1. After the restore "
                      "CivicDesk closes and must be started again.")
            .replace("%1", str(self.env.app.data_dir / "backups"))
            + "\n\n" + self.tr("Restore from this backup?")
        )
        answer = self.message(
            QMessageBox.Icon.Question, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.set_status(self.tr("Nothing was restored."))
            return
        self._set_busy(True, self.tr("Restoring…"))
        self.env.runner.db(
            restore_into, self.env.app, summary.path,
            on_done=self._restored, on_error=self._refused,
            on_finally=lambda: self._set_busy(False),
        )

    def _refused(self, err: BaseException) -> None:
        self.set_status(self.tr("Nothing was restored; the current data is unchanged."))
        if isinstance(err, UserError):
            self.message(QMessageBox.Icon.Warning, err.text(self.env.lang))

    def _restored(self, result: tuple[BackupSummary, Path | None]) -> None:
        summary, kept = result
        text = self.tr("The data was restored from %1.").replace("%1", summary.path.name)
        if kept is not None:
            text += "\n" + self.tr("The previous data was kept as %1.").replace("%1", str(kept))
        text += "\n\n" + self.tr("CivicDesk must reopen its data: it will close now. "
                                 "Please start it again.")
        self.set_status(text)
        self.message(QMessageBox.Icon.Information, text)
        self.restart_app()

    def restart_app(self) -> None:
        """Close the main window (which stops its timers and sync) and the app."""
        window = self.window()
        window.close()
        if window is not self:
            # even if the window stayed open (unsaved changes): what it shows no
            # longer matches the database
            QCoreApplication.quit()

    # --- message boxes ------------------------------------------------------------

    def message(
        self,
        icon: QMessageBox.Icon,
        text: str,
        buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    ) -> int:
        """A modal box with translated buttons; returns the button pressed."""
        box = QMessageBox(icon, self.tr("Backups"), text, buttons, self)
        names: dict[QMessageBox.StandardButton, Callable[[], str]] = {
            QMessageBox.StandardButton.Ok: lambda: self.tr("OK"),
            QMessageBox.StandardButton.Yes: lambda: self.tr("Restore"),
            QMessageBox.StandardButton.Cancel: lambda: self.tr("Cancel"),
        }
        for std, label in names.items():
            button = box.button(std)
            if button is not None:
                button.setText(label())
        if buttons & QMessageBox.StandardButton.Cancel:
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return int(box.exec())

    # --- language -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.policy_box.setTitle(self.tr("Daily backup"))
        self.l_folder.setText(self.tr("Backup folder:"))
        self.folder.setPlaceholderText(
            str(svc.default_folder(self.env.app.data_dir)) + "  " + self.tr("(default)"))
        self.l_keep.setText(self.tr("How many to keep:"))
        self.l_second.setText(self.tr("Second folder:"))
        self.second.setPlaceholderText(self.tr("for example a folder on a USB stick; empty: none"))
        self.second_hint.setText(self.tr(
            "Create the folder on the USB stick once. When the stick is not plugged in, "
            "the backup is made only in the backup folder and you are told so."))
        self.folder_browse.setText(self.tr("Browse…"))
        self.second_browse.setText(self.tr("Browse…"))
        self.save_button.setText(self.tr("Save"))
        self.list_box.setTitle(self.tr("Backups found"))
        self.backup_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore selected…"))
        self.restore_file_button.setText(self.tr("Restore from a file…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
