"""Synchronisation while the app runs: the status the status bar shows, and rounds of
sync every few minutes.

Every call of ``services.sync`` reads or writes SQLite; ``enroll`` and ``sync_now`` also
talk HTTP.  They all run on the database worker of the task runner, so SQLite keeps one
writer and HTTP never runs on the GUI thread.  One :class:`SyncCoordinator` per task
runner is shared by the main window (status bar, timer) and the sync page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from civicdesk.domain.errors import UserError
from civicdesk.services.app import CivicApp
from civicdesk.services.base import get_setting, put_setting

if TYPE_CHECKING:
    # The sync client (HTTP, protocol) is imported when a round runs, not at start-up.
    import httpx

    from civicdesk.services.sync import SyncStatus, SyncSummary
from civicdesk.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

#: app setting: minutes between automatic rounds (0 turns them off)
INTERVAL_KEY = "sync_auto_minutes"
DEFAULT_INTERVAL_MIN = 5
#: longest wait between rounds while the server does not answer
MAX_BACKOFF_MS = 60 * 60_000
#: the first automatic round after start-up
FIRST_ROUND_MS = 20_000

__all__ = ["SyncCoordinator", "SyncStatus", "coordinator_for", "last_sync_time", "sync_status"]


def sync_status(app: CivicApp) -> SyncStatus:
    """What the status bar shows (database thread; no network)."""
    from civicdesk.services import sync

    return sync.status(app)


def last_sync_time(status: SyncStatus | None) -> datetime | None:
    if status is None or not status.last_sync:
        return None
    try:
        return datetime.fromisoformat(status.last_sync)
    except ValueError:
        return None


@dataclass(frozen=True)
class RoundResult:
    status: SyncStatus
    summary: SyncSummary | None  # None when not enrolled or the server did not answer


def load_interval(app: CivicApp) -> int:
    with app.db.session() as s:
        value = get_setting(s, INTERVAL_KEY, DEFAULT_INTERVAL_MIN)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_INTERVAL_MIN


def save_interval(app: CivicApp, minutes: int) -> None:
    with app.db.session() as s:
        put_setting(s, INTERVAL_KEY, minutes)


def run_round(
    app: CivicApp, *, transport: httpx.BaseTransport | None = None, check_first: bool = True
) -> RoundResult:
    """One round (database thread): if enrolled, ask whether the server answers, then sync.

    Automatic rounds check first so that a center without a link does not fill its
    history with failed rounds; a round the user asked for goes straight to the sync
    and so gets the precise error.
    """
    from civicdesk.services import sync

    if check_first:
        before = sync.status(app, check_online=True, transport=transport)
        if not before.enrolled or before.online is False:
            return RoundResult(before, None)
    summary = sync.sync_now(app, transport=transport)
    after = sync.status(app)
    return RoundResult(after, summary)


def is_offline_error(err: BaseException) -> bool:
    from civicdesk.services.sync import SyncError

    return isinstance(err, SyncError) and err.kind in ("network", "server")


class SyncCoordinator(QObject):
    """Runs sync rounds (by timer or on request) and keeps the last known status."""

    #: the latest SyncStatus (after a round or a refresh)
    status_changed = Signal(object)
    #: a round started (True when the user asked for it)
    round_started = Signal(bool)
    #: a round finished: the SyncSummary, or None when it was skipped
    round_finished = Signal(object)
    #: a round failed with this UserError
    round_failed = Signal(object)

    def __init__(self, app: CivicApp, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.setObjectName("civicdesk-sync")
        self.app = app
        self.runner = runner
        #: tests pass an in-process transport to the server here
        self.transport: httpx.BaseTransport | None = None
        self.interval_ms = DEFAULT_INTERVAL_MIN * 60_000
        self.failures = 0
        self.online: bool | None = None
        self.status: SyncStatus | None = None
        self.last_summary: SyncSummary | None = None
        self.last_error: UserError | None = None
        self._task: Task | None = None
        self._started = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.sync_now(manual=False))

    # --- schedule ----------------------------------------------------------------

    def start(self, first_ms: int = FIRST_ROUND_MS) -> None:
        """Start automatic rounds with the interval stored in the app settings."""
        if self._started:
            return
        self._started = True

        def loaded(minutes: int) -> None:
            self.interval_ms = minutes * 60_000
            self._schedule(first_ms)

        self._submit(load_interval, self.app, on_done=loaded)

    def stop(self) -> None:
        self._started = False
        self.timer.stop()

    def set_interval(self, minutes: int, *, persist: bool = True) -> None:
        """Minutes between automatic rounds; 0 turns them off."""
        self.interval_ms = max(0, minutes) * 60_000
        if persist:
            self._submit(save_interval, self.app, minutes)
        self._schedule(self.next_delay_ms())

    def set_interval_ms(self, ms: int) -> None:
        """A short interval (tests); not stored."""
        self.interval_ms = ms
        self._started = True
        self._schedule(ms)

    def next_delay_ms(self) -> int:
        """The interval, doubled for every round in a row the server did not answer."""
        if self.failures == 0:
            return self.interval_ms
        longest = max(MAX_BACKOFF_MS, self.interval_ms)
        return int(min(self.interval_ms * 2 ** min(self.failures, 10), longest))

    def _schedule(self, ms: int) -> None:
        self.timer.stop()
        if self._started and self.interval_ms > 0 and self._task is None:
            self.timer.start(max(ms, 0))

    # --- rounds ------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None

    def sync_now(self, *, manual: bool = True) -> bool:
        """Start a round unless one is running; False if one already was."""
        if self._task is not None:
            return False
        self.timer.stop()
        made: list[Task | None] = []
        task = self._submit(
            run_round, self.app, transport=self.transport, check_first=not manual,
            on_done=self._round_done, on_error=self._round_failed,
            on_finally=lambda: self._round_over(made[0]),
        )
        made.append(task)
        if task is None:
            return False
        self._task = task
        self.round_started.emit(manual)
        return True

    def cancel(self) -> None:
        """Stop waiting for the running round.

        A round that has already reached the server finishes in the background (its
        batch ids make a repeat harmless); its outcome shows in the history.
        """
        task = self._task
        if task is None:
            return
        task.cancel()
        self._task = None
        self.round_finished.emit(None)
        self.refresh()
        self._schedule(self.next_delay_ms())

    def refresh(self) -> None:
        """Read the status again (database thread) and announce it."""
        self._submit(sync_status, self.app, on_done=self._got_status)

    def _round_done(self, result: RoundResult) -> None:
        if result.status.enrolled and result.status.online is False:
            self.failures += 1
            self.online = False
        elif result.status.enrolled:
            self.failures = 0
            self.online = True
        if result.summary is not None:
            self.last_summary = result.summary
            self.last_error = None
        self._round_ended()
        self._got_status(result.status)
        self.round_finished.emit(result.summary)

    def _round_failed(self, err: BaseException) -> None:
        assert isinstance(err, UserError)
        if is_offline_error(err):
            self.failures += 1
            self.online = False
        self.last_error = err
        self._round_ended()
        self.round_failed.emit(err)
        self.refresh()

    def _round_ended(self) -> None:
        """The round is over: listeners told of its end see ``busy`` false."""
        self._task = None
        self._schedule(self.next_delay_ms())

    def _round_over(self, task: Task | None) -> None:
        if task is not None and self._task is task:
            self._task = None
            self._schedule(self.next_delay_ms())

    def _got_status(self, status: SyncStatus) -> None:
        if status.online is not None:
            self.online = status.online
        self.status = status
        self.status_changed.emit(status)

    def _submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task | None:
        try:
            return self.runner.db(fn, *args, **kwargs)
        except RuntimeError:  # the runner is shut down: the app is closing
            self.timer.stop()
            return None


def coordinator_for(app: CivicApp, runner: TaskRunner) -> SyncCoordinator:
    """The one coordinator of this task runner (made on first use)."""
    for child in runner.children():
        if isinstance(child, SyncCoordinator):
            return child
    return SyncCoordinator(app, runner)
