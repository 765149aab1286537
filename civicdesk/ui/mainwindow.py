"""The main window: navigation on the left, the current page, the status bar.

Pages are plain QWidgets built as ``Page(env)``.  The window calls, when a page has
them: ``new_item()`` (Ctrl+N), ``focus_search()`` (Ctrl+F), ``save_current()``
(Ctrl+S), ``refresh()`` (F5, and when the page is shown again), ``print_current()``
(Ctrl+P), ``has_unsaved_changes() -> bool`` (asked before closing); a page without
such a method gets the button of that action pressed instead (see
:mod:`civicdesk.ui.habits`, which also gives every list its right-click menu and its
export to Excel).  What the user arranged (window, splitters, columns, sort,
language) is kept per user by :mod:`civicdesk.ui.memory`.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.formatting import format_datetime
from civicdesk.services.users import CenterView, current_center
from civicdesk.ui.common import is_language_change
from civicdesk.ui.env import UiEnv
from civicdesk.ui.habits import ListHabits, main_list, page_action
from civicdesk.ui.keys import install_office_keys, office_keys
from civicdesk.ui.login import LanguageCombo
from civicdesk.ui.memory import UiMemory
from civicdesk.ui.status import coordinator_for, last_sync_time
from civicdesk.ui.texts import role_text

if TYPE_CHECKING:
    from civicdesk.services.sync import SyncStatus, SyncSummary

log = logging.getLogger(__name__)

STATUS_INTERVAL_MS = 30_000
#: what pages reload when a sync round brought changes from head office
PULLED_ENTITIES = ("consultation", "resident", "meeting", "grant_call", "grant_application",
                   "seminar", "booklet", "settlement", "user", "campaign")


@dataclass
class NavEntry:
    key: str
    title: Callable[[], str]
    factory: Callable[[UiEnv], QWidget]
    item: QListWidgetItem | None = None
    page: QWidget | None = None


def _external_page(module: str, cls: str) -> Callable[[UiEnv], QWidget] | None:
    """A page class from another screen module, or None while that module is absent.

    The module is imported when the page is first opened, not when the window is built:
    some pages pull in heavy libraries (PDF, spreadsheets) that start-up need not wait
    for. A page that fails to import shows the error when it is opened.
    """
    name = f"civicdesk.ui.{module}"
    if importlib.util.find_spec(name) is None:
        return None

    def factory(env: UiEnv) -> QWidget:
        page_class = getattr(importlib.import_module(name), cls)
        page: QWidget = page_class(env)
        return page

    return factory


def _queue_reached() -> None:
    """Nothing: queued on the database thread to learn when the jobs before it are done."""


class MainWindow(QMainWindow):
    #: the user asked to sign out (to let another user sign in on this PC)
    signed_out = Signal()

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_office_keys()
        self.env = env
        self.memory = UiMemory(env.app.data_dir, env.actor.user_id if env.actor else None)
        self.habits: dict[str, ListHabits] = {}
        self._signing_out = False
        self.center: CenterView | None = None
        self.sync: SyncStatus | None = None
        self.entries: list[NavEntry] = []
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setFixedWidth(190)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        nav_box = QVBoxLayout()
        nav_box.addWidget(self.nav, 1)
        layout.addLayout(nav_box)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_entries()
        self.nav.currentRowChanged.connect(self._show_row)

        self.language_label = QLabel()
        self.language = LanguageCombo(env)
        nav_box.addWidget(self.language_label)
        nav_box.addWidget(self.language)
        self.sign_out_button = QPushButton()
        self.sign_out_button.clicked.connect(self.sign_out)
        nav_box.addWidget(self.sign_out_button)

        self.center_status = QLabel()
        self.user_status = QLabel()
        self.sync_status_label = QLabel()
        bar = self.statusBar()
        bar.addWidget(self.center_status, 1)
        bar.addPermanentWidget(self.user_status)
        bar.addPermanentWidget(self.sync_status_label)

        self.act_new = self._action(QKeySequence.StandardKey.New, "new_item")
        self.act_find = self._action(QKeySequence.StandardKey.Find, "focus_search")
        self.act_print = self._action(QKeySequence.StandardKey.Print, "print_current")
        self.act_save = self._action(QKeySequence.StandardKey.Save, "save_current")
        self.act_refresh = self._action(QKeySequence(Qt.Key.Key_F5), "refresh")

        self.status_timer = QTimer(self)
        self.status_timer.setInterval(STATUS_INTERVAL_MS)
        self.status_timer.timeout.connect(self.refresh_status)
        self.status_timer.start()
        self.autosync = coordinator_for(env.app, env.runner)
        self.autosync.status_changed.connect(self._got_sync)
        self.autosync.round_failed.connect(self._sync_failed)
        self.autosync.round_finished.connect(self._sync_finished)
        self.autosync.start()
        env.signals.data_changed.connect(lambda _e: self.refresh_status())
        env.signals.language_changed.connect(self._language_changed)
        env.signals.open_consultations_of.connect(
            lambda rid, name: self.show_page("consultations").show_resident(rid, name))  # type: ignore[attr-defined]

        self.resize(1280, 720)
        self.memory.restore_window(self)
        self.retranslate()
        self.nav.setCurrentRow(0)
        env.runner.db(current_center, env.app, on_done=self._got_center)
        # The sync status needs the sync client's modules (HTTP, protocol: about 0.3 s to
        # load). It is asked for once the first page's own queries are answered, so that
        # loading does not compete with the first rows for the interpreter.
        env.runner.db(_queue_reached, on_done=lambda _r: self.refresh_status())

    # --- navigation --------------------------------------------------------------

    def _build_entries(self) -> None:
        from civicdesk.ui.journal import ConsultationsPage

        specs: list[tuple[str, Callable[[], str], Callable[[UiEnv], QWidget] | None]] = [
            ("consultations", lambda: self.tr("Consultations"), ConsultationsPage),
            ("residents", lambda: self.tr("Residents"),
             _external_page("residents", "ResidentsPage")),
            ("meetings", lambda: self.tr("Meetings"), _external_page("meetings", "MeetingsPage")),
            ("grants", lambda: self.tr("Grants"), _external_page("grants", "GrantsPage")),
            ("seminars", lambda: self.tr("Seminars"), _external_page("seminars", "SeminarsPage")),
            ("booklets", lambda: self.tr("Booklets and forms"),
             _external_page("booklets", "BookletsPage")),
            ("campaigns", lambda: self.tr("Campaigns"),
             _external_page("campaigns", "CampaignsPage")),
            ("programmes", lambda: self.tr("Programmes"),
             _external_page("programmes", "ProgrammesPage")),
            ("volunteers", lambda: self.tr("Volunteers"),
             _external_page("volunteers", "VolunteersPage")),
            ("assessment", lambda: self.tr("Needs assessment"),
             _external_page("problems_assessment", "AssessmentsPage")),
            ("problems", lambda: self.tr("Problems register"),
             _external_page("problems", "ProblemsPage")),
            ("reports", lambda: self.tr("Reports"),
             _external_page("reports", "ReportsPage")),
            ("sync", lambda: self.tr("Synchronisation"), _external_page("sync_page", "SyncPage")),
            ("backups", lambda: self.tr("Backups"), _external_page("backups", "BackupsPage")),
        ]
        if self.env.is_manager:
            specs.append(("users", lambda: self.tr("Users"), _external_page("users", "UsersPage")))
        if self.env.actor is not None and self.env.actor.is_head_office:
            specs.append(("settlements", lambda: self.tr("Settlements to merge"),
                          _external_page("settlement_merge", "SettlementMergePage")))
        for key, title, factory in specs:
            if factory is None:
                continue
            entry = NavEntry(key, title, factory)
            entry.item = QListWidgetItem(title())
            entry.item.setSizeHint(QSize(180, 36))
            self.nav.addItem(entry.item)
            self.entries.append(entry)

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        if entry.page is None:
            entry.page = entry.factory(self.env)
            self.stack.addWidget(entry.page)
            office_keys(entry.page)
            self.memory.restore_page(entry.key, entry.page)
            habits = ListHabits(self.env, entry.page, entry.key, entry.title)
            habits.folder = self.memory.folder("export")
            habits.on_exported = self._exported
            self.habits[entry.key] = habits
        else:
            refresh = getattr(entry.page, "refresh", None)
            if callable(refresh):
                refresh()
        self.stack.setCurrentWidget(entry.page)

    def show_page(self, key: str) -> QWidget:
        for i, e in enumerate(self.entries):
            if e.key == key:
                self.nav.setCurrentRow(i)
                assert e.page is not None
                return e.page
        raise KeyError(key)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def nav_keys(self) -> list[str]:
        return [e.key for e in self.entries]

    def current_key(self) -> str | None:
        page = self.current_page()
        return next((e.key for e in self.entries if e.page is page and page is not None), None)

    def _action(self, keys: QKeySequence.StandardKey | QKeySequence, method: str) -> QAction:
        act = QAction(self)
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda: self._call_page(method))
        self.addAction(act)
        return act

    def _call_page(self, method: str) -> bool:
        """Run the shortcut's action on the current page; False if it has none."""
        page = self.current_page()
        fn = page_action(page, method)
        if fn is not None:
            fn()
            return True
        key = self.current_key()
        if method == "print_current" and key in self.habits and main_list(page) is not None:
            # no print button of its own: print the list the page shows
            return self.habits[key].export(fmt="pdf")
        return False

    def _exported(self, path: object) -> None:
        for habits in self.habits.values():
            if habits.folder is not None:
                self.memory.set_folder("export", habits.folder)

    # --- status ------------------------------------------------------------------

    def _got_center(self, center: CenterView | None) -> None:
        self.center = center
        self.retranslate()

    def refresh_status(self) -> None:
        self.autosync.refresh()

    def _sync_finished(self, summary: SyncSummary | None) -> None:
        if summary is not None and summary.pulled:
            for entity in PULLED_ENTITIES:
                self.env.notify_changed(entity)

    def _sync_failed(self, _err: object) -> None:
        self._show_sync()

    def _got_sync(self, status: SyncStatus) -> None:
        self.sync = status
        self._show_sync()

    def _show_sync(self) -> None:
        s = self.sync
        if s is None:
            self.sync_status_label.setText("")
            return
        when = last_sync_time(s)
        if when is not None:
            last = self.tr("last sync: %1").replace(
                "%1", format_datetime(when, self.env.lang, "short")
            )
        else:
            last = self.tr("never synchronised")
        if not s.enrolled:
            state = self.tr("not set up")
        elif self.autosync.online is False:
            state = self.tr("offline")
        elif self.autosync.online:
            state = self.tr("online")
        else:
            state = self.tr("not checked yet")
        text = self.tr("Sync: %1, %2, changes to send: %3")
        text = text.replace("%1", state).replace("%2", last).replace("%3", str(s.pending))
        # Loaded by the status query on the database thread, so no import stall here.
        from civicdesk.services.sync import clock_warning

        warning = clock_warning(s)
        self.sync_status_label.setText(
            text if warning is None else f"{text}. {warning.text(self.env.lang)}"
        )

    def _language_changed(self, lang: str) -> None:
        self.language.sync()
        if lang in ("kk", "ru") and self.isVisible():
            self.memory.set_language(self.env.lang)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CivicDesk"))
        self.language_label.setText(self.tr("Language:"))
        self.sign_out_button.setText(self.tr("Switch user"))
        self.sign_out_button.setToolTip(
            self.tr("Sign out so that another user can sign in on this computer"))
        for e in self.entries:
            if e.item is not None:
                e.item.setText(e.title())
        name = self.center.name(self.env.lang) if self.center else ""
        self.center_status.setText(name)
        actor = self.env.actor
        if actor is not None:
            self.user_status.setText(f"{actor.user_name} ({role_text(actor.role)})")
        self._show_sync()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # --- closing -------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        for e in self.entries:
            fn = getattr(e.page, "has_unsaved_changes", None)
            if callable(fn) and fn():
                return True
        return False

    def remember(self) -> None:
        """Keep what the user arranged, for their next start."""
        self.memory.save_window(self)
        for e in self.entries:
            if e.page is not None:
                self.memory.save_page(e.key, e.page)
        self.memory.sync()

    def sign_out(self) -> bool:
        """Close the window for another user to sign in (asks about unsaved edits)."""
        if not self._may_close():
            return False
        self._signing_out = True
        self.signed_out.emit()
        self.close()
        return True

    def force_sign_out(self) -> None:
        """The account was deactivated or changed: close the open forms without asking
        (what they hold can no longer be saved as this user) and sign out."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
        self._signing_out = True
        self.signed_out.emit()
        self.close()

    def _may_close(self) -> bool:
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Some changes are not saved. Close CivicDesk anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._signing_out and not self._may_close():
            event.ignore()
            return
        self.remember()
        self.status_timer.stop()
        self.autosync.stop()
        event.accept()

