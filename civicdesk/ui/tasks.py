"""Background work: one thread for SQLite, a small pool for network and rendering.

The GUI thread never runs SQL, HTTP or PDF rendering.  Everything that touches the
database goes through :meth:`TaskRunner.db`, which queues it on a single worker
thread (one writer, so SQLite never answers "database is locked"); network calls and
PDF rendering go through :meth:`TaskRunner.pool` (two threads).  Results, errors and
progress come back to the GUI thread by queued signals.

A task function may take two extra keyword arguments, injected when its signature
names them:

* ``progress(done, total)`` - report progress (delivered to ``on_progress``);
* ``cancelled()`` - true once :meth:`Task.cancel` was called; long loops should stop.

Errors that are :class:`~civicdesk.domain.errors.UserError` go to ``on_error`` (by
default a message box with the text in the user's language).  One code is different:
``auth.signed_out`` (the account was deactivated, deleted or given another role since
sign-in) goes to :attr:`TaskRunner.signed_out_handler` when one is set, whatever task
raised it, so every screen returns to the sign-in screen the same way.  Any other exception is
a bug: it is logged with its traceback and shown in the crash dialog.
"""

from __future__ import annotations

import inspect
import itertools
import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal

from civicdesk.domain.errors import Lang, UserError

log = logging.getLogger(__name__)

T = TypeVar("T")

UserErrorHandler = Callable[[UserError], None]
BugHandler = Callable[[BaseException, str], None]

_ids = itertools.count(1)

#: the code of the services' refusal of an actor whose account changed since sign-in
SIGNED_OUT_CODE = "auth.signed_out"


class Task(QObject):
    """One submitted call.  Created on the GUI thread; callbacks run there."""

    progressed = Signal(int, int)

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_finally: Callable[[], None] | None,
        kind: str,
    ) -> None:
        super().__init__()
        self.id = next(_ids)
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.on_done = on_done
        self.on_error = on_error
        self.on_finally = on_finally
        self.kind = kind
        self._cancel = threading.Event()
        self.started = False
        self.finished = False

    def cancel(self) -> None:
        """Ask the task to stop; its callbacks will not run (``on_finally`` still does)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        name = getattr(self.fn, "__qualname__", repr(self.fn))
        return f"<Task {self.id} {self.kind} {name}>"


def _wants(fn: Callable[..., Any], name: str) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params


class _DbThread(QThread):
    """The one thread that talks to SQLite; runs queued tasks in order."""

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("civicdesk-db")
        self._runner = runner
        self.jobs: queue.Queue[Task | None] = queue.Queue()

    def run(self) -> None:
        while True:
            task = self.jobs.get()
            if task is None:
                return
            self._runner._execute(task)
            # Drop our reference now, not when the next job arrives: the GUI thread must
            # hold the last one, so whatever the callbacks keep alive (a dialog, a page)
            # is freed there and never on this thread.
            del task


class _PoolJob(QRunnable):
    def __init__(self, runner: TaskRunner, task: Task) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._task: Task | None = task

    def run(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            self._runner._execute(task)


class TaskRunner(QObject):
    """Runs calls off the GUI thread and hands results back on it."""

    _succeeded = Signal(object, object)
    _failed = Signal(object, object, str)
    #: (number of tasks not yet delivered) - for busy indicators
    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, *, pool_size: int = 2) -> None:
        super().__init__(parent)
        self.lang: Lang = "kk"
        self.user_error_handler: UserErrorHandler = self._show_user_error
        self.bug_handler: BugHandler = self._show_bug
        #: called instead of ``on_error`` for :data:`SIGNED_OUT_CODE` (set by the session)
        self.signed_out_handler: UserErrorHandler | None = None
        self._pending: set[Task] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._succeeded.connect(self._deliver_success)
        self._failed.connect(self._deliver_failure)
        self._db_thread = _DbThread(self)
        self._db_thread.start()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(pool_size)

    # --- submitting -------------------------------------------------------------

    def db(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_finally: Callable[[], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """Queue ``fn(*args, **kwargs)`` on the database thread."""
        task = self._make(fn, args, kwargs, on_done, on_error, on_finally, on_progress, "db")
        self._db_thread.jobs.put(task)
        return task

    def pool(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_finally: Callable[[], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """Run ``fn(*args, **kwargs)`` on the network/rendering pool."""
        task = self._make(fn, args, kwargs, on_done, on_error, on_finally, on_progress, "pool")
        self._pool.start(_PoolJob(self, task))
        return task

    def _make(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_finally: Callable[[], None] | None,
        on_progress: Callable[[int, int], None] | None,
        kind: str,
    ) -> Task:
        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        task = Task(fn, args, dict(kwargs), on_done, on_error, on_finally, kind)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        if _wants(fn, "progress") and "progress" not in task.kwargs:
            task.kwargs["progress"] = task.progressed.emit
        if _wants(fn, "cancelled") and "cancelled" not in task.kwargs:
            task.kwargs["cancelled"] = task.is_cancelled
        with self._lock:
            self._pending.add(task)
            count = len(self._pending)
        self.busy_changed.emit(count)
        return task

    # --- worker side ------------------------------------------------------------

    def _execute(self, task: Task) -> None:
        if task.is_cancelled():
            self._succeeded.emit(task, None)
            return
        task.started = True
        try:
            result = task.fn(*task.args, **task.kwargs)
        except BaseException as exc:
            self._failed.emit(task, exc, traceback.format_exc())
        else:
            self._succeeded.emit(task, result)

    # --- GUI side ---------------------------------------------------------------

    def _forget(self, task: Task) -> None:
        task.finished = True
        # Delivered: let go of the callbacks and arguments here on the GUI thread, so a
        # reference to the task left on a worker keeps no widget alive.
        task.on_done = task.on_error = task.on_finally = None
        task.args, task.kwargs = (), {}
        with self._lock:
            self._pending.discard(task)
            count = len(self._pending)
        self.busy_changed.emit(count)

    def _deliver_success(self, task: Task, result: object) -> None:
        try:
            if not task.is_cancelled() and task.on_done is not None:
                task.on_done(result)
        except Exception as exc:  # a bug in a GUI callback
            self._report_bug(exc, traceback.format_exc())
        finally:
            self._finish(task)

    def _deliver_failure(self, task: Task, exc: BaseException, tb: str) -> None:
        try:
            if task.is_cancelled():
                return
            if isinstance(exc, UserError):
                if exc.code == SIGNED_OUT_CODE and self.signed_out_handler is not None:
                    self.signed_out_handler(exc)
                elif task.on_error is not None:
                    task.on_error(exc)
                else:
                    self.user_error_handler(exc)
            else:
                self._report_bug(exc, tb)
        except Exception as cb_exc:
            self._report_bug(cb_exc, traceback.format_exc())
        finally:
            self._finish(task)

    def _finish(self, task: Task) -> None:
        try:
            if task.on_finally is not None:
                task.on_finally()
        except Exception as exc:
            self._report_bug(exc, traceback.format_exc())
        finally:
            self._forget(task)

    def _report_bug(self, exc: BaseException, tb: str) -> None:
        log.error("Unexpected error in background task:\n%s", tb)
        self.bug_handler(exc, tb)

    def _show_user_error(self, err: UserError) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        QMessageBox.warning(
            QApplication.activeWindow(),
            QCoreApplication.translate("TaskRunner", "CivicDesk"),
            err.text(self.lang),
        )

    def _show_bug(self, exc: BaseException, tb: str) -> None:
        from civicdesk.ui.crash import show_crash_dialog

        show_crash_dialog(exc, tb)

    # --- tests and shutdown -----------------------------------------------------

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every submitted task was delivered (tests, shutdown)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            QCoreApplication.processEvents()
            if self.pending == 0:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.002)

    @property
    def closed(self) -> bool:
        """True once shut down: a widget torn down after that starts no more work."""
        return self._closed

    def shutdown(self, timeout_ms: int = 10000) -> None:
        """Cancel what has not started, finish what has, stop the threads."""
        if self._closed:
            return
        self._closed = True
        with self._lock:
            waiting = [t for t in self._pending if not t.started]
        for t in waiting:
            t.cancel()
        self._db_thread.jobs.put(None)
        self._db_thread.wait(timeout_ms)
        self._pool.waitForDone(timeout_ms)
        QCoreApplication.processEvents()
