"""Drive the desktop app in one process for the UI benchmarks (run by bench_ui.py).

    python bench/ui_driver.py DATA_DIR start|typing|scroll [--profile FILE] [--trace]

Builds the app the way ``civicdesk.ui.app.run`` does (logging, QApplication, task
runner, splash, fonts and translations, CivicApp on the database thread), signs the
demo manager in without the login dialog, shows the main window on the journal and
waits for the journal's first page.  Then it prints ``interactive {json}`` and, for
``typing`` and ``scroll``, drives the journal while a 5 ms timer on the GUI thread
records the longest gap between its ticks.  The last line is ``result {json}``.

A watchdog thread samples the GUI thread's Python stack whenever a tick is late by
more than STALL_REPORT_MS, so a stall can be traced to the call that caused it.
``--profile FILE`` writes a cProfile of the GUI thread's driven phase; ``--trace``
lists the events that took longest to deliver on the GUI thread.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import traceback  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TICK_MS = 5
KEY_INTERVAL_MS = 80
SCROLL_INTERVAL_MS = 16
SCROLL_ROWS = 20_000
SCROLL_STEP_ROWS = 40
SETTLE_MS = 500
STALL_REPORT_MS = 30
SLOW_EVENT_MS = 20
WORDS = ("жиын", "обращение")
LOGIN, PASSWORD = "manager", "demo-password"

marks: dict[str, float] = {}


def mark(name: str) -> None:
    marks[name] = round(time.perf_counter() - T0, 4)


def memory() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = round(int(rest.split()[0]) / 1024, 1)
    return {"rss_mb": out.get("VmRSS", float("nan")), "hwm_mb": out.get("VmHWM", float("nan"))}


def emit(tag: str, payload: dict[str, Any]) -> None:
    sys.stdout.write(f"{tag} {json.dumps(payload, ensure_ascii=False)}\n")
    sys.stdout.flush()


class StallMonitor:
    """A 5 ms timer on the GUI thread; the longest gap between ticks minus 5 ms is a stall.

    A watchdog thread keeps the GUI thread's Python stack for every late tick, so the
    report can name the call that held the thread.
    """

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.max_ms = 0.0
        self.gaps: list[tuple[float, float, str]] = []  # (at s, stall ms, phase)
        self.phase = ""
        self.samples: dict[int, list[str]] = {}  # tick number -> stack seen while late
        self._ticks = 0
        self._stop = threading.Event()
        self._gui = threading.get_ident()
        self._watch = threading.Thread(target=self._watchdog, daemon=True)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()
        self._watch.start()

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()

    def _tick(self) -> None:
        now = time.perf_counter()
        stall = (now - self.last) * 1000 - TICK_MS
        if stall > self.max_ms:
            self.max_ms = stall
        if stall > STALL_REPORT_MS:
            self.gaps.append((round(now - T0, 3), round(stall, 1), self.phase))
        self.last = now
        self._ticks += 1

    def _watchdog(self) -> None:
        while not self._stop.wait(0.01):
            late = (time.perf_counter() - self.last) * 1000 - TICK_MS
            if late > STALL_REPORT_MS and self._ticks not in self.samples:
                frame = sys._current_frames().get(self._gui)
                if frame is not None:
                    stack = traceback.extract_stack(frame)
                    self.samples[self._ticks] = [
                        f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in stack[-8:]
                    ]

    def report(self) -> dict[str, Any]:
        worst = sorted(self.gaps, key=lambda g: -g[1])[:10]
        stacks: dict[str, int] = {}
        for stack in self.samples.values():
            key = " <- ".join(reversed(stack))
            stacks[key] = stacks.get(key, 0) + 1
        top = sorted(stacks.items(), key=lambda kv: -kv[1])[:8]
        return {
            "max_stall_ms": round(self.max_ms, 1),
            "stalls_over_report_ms": len(self.gaps),
            "worst": worst,
            "stacks": [{"count": n, "stack": s} for s, n in top],
        }


def make_app(base: Any, trace: bool) -> Any:
    """The QApplication; with ``trace`` it times every event it delivers and keeps the
    outermost ones slower than SLOW_EVENT_MS (event type, receiver, duration)."""
    if not trace:
        return base(sys.argv[:1])

    class TracingApp(base):  # type: ignore[misc, valid-type]
        def __init__(self) -> None:
            super().__init__(sys.argv[:1])
            self.depth = 0
            self.slow: list[tuple[float, float, str, str, str]] = []
            self.note: Callable[[], str] | None = None

        def notify(self, receiver: Any, event: Any) -> bool:
            self.depth += 1
            t = time.perf_counter()
            try:
                return bool(super().notify(receiver, event))
            finally:
                self.depth -= 1
                ms = (time.perf_counter() - t) * 1000
                if self.depth == 0 and ms > SLOW_EVENT_MS:
                    name = type(receiver).__name__
                    parent = getattr(receiver, "parent", None)
                    owner = parent() if callable(parent) else None
                    if owner is not None:
                        name += f" in {type(owner).__name__}"
                    note = self.note() if self.note is not None else ""
                    self.slow.append((round(t - T0, 3), round(ms, 1),
                                      event.type().name, name, note))

    return TracingApp()


class Driver:
    def __init__(self, data_dir: Path, scenario: str, profile: str | None,
                 trace: bool = False) -> None:
        self.data_dir = data_dir
        self.trace = trace
        self.scenario = scenario
        self.profile_path = profile
        self.result: dict[str, Any] = {}
        self.exit_code = 0

    # --- start, as civicdesk.ui.app.run does it, signing in without the dialog --------

    def boot(self) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        mark("t_imports_qt")
        from civicdesk.services.app import CivicApp
        from civicdesk.services.users import authenticate
        from civicdesk.ui import app as ui_app
        from civicdesk.ui import i18n
        from civicdesk.ui.env import UiEnv
        from civicdesk.ui.tasks import TaskRunner

        mark("t_imports_app")
        ui_app.setup_logging(self.data_dir)
        sys.excepthook = ui_app._excepthook
        QCoreApplication.setOrganizationName("CivicDesk")
        QCoreApplication.setApplicationName("CivicDesk")
        self.qapp = make_app(QApplication, self.trace)
        self.runner = TaskRunner()

        def bug(exc: BaseException, tb: str) -> None:
            self.result.setdefault("bugs", []).append(tb)

        self.runner.bug_handler = bug
        self.runner.user_error_handler = lambda err: self.result.setdefault(
            "user_errors", []).append(str(err))
        splash = ui_app.Splash()
        splash.show()
        mark("t_splash")
        ui_app.prepare(self.qapp, self.runner)
        mark("t_prepared")
        self.civic = ui_app.wait_for(self.runner, self.runner.db, CivicApp, self.data_dir)
        mark("t_civicapp")
        language = self.civic.state.language
        env = UiEnv(app=self.civic, runner=self.runner, lang=language)
        i18n.install(language)
        splash.close()
        mark("t_translations")
        # what LoginDialog.accept/_signed_in and start_session do after a good password
        from civicdesk.services.base import Actor

        actor = ui_app.wait_for(self.runner, self.runner.db, authenticate, self.civic,
                                LOGIN, PASSWORD)
        env.actor = Actor(actor.user_id, actor.user_name, actor.role, actor.center_id,
                          env.lang)
        mark("t_signed_in")
        env.app.set_language(env.lang)
        env.signals.actor_changed.emit()
        from civicdesk.ui.mainwindow import MainWindow

        self.window = MainWindow(env)
        mark("t_main_window_built")
        self.window.show()
        mark("t_main_window_shown")
        ui_app.start_daily_backup(env, self.window)
        from civicdesk.ui.journal import ConsultationsPage

        page = self.window.current_page()
        assert isinstance(page, ConsultationsPage), page
        self.page = page
        self.model = page.model
        self.env = env
        if self.trace:
            model = self.model
            self.qapp.note = lambda: (f"pages fetching={len(model._requested)} "
                                      f"tasks pending={self.runner.pending}")

    def wait_until(self, cond: Callable[[], bool], then: Callable[[], None],
                   timeout_s: float = 60.0) -> None:
        """Poll ``cond`` on a QTimer (no sleeping on the GUI thread), then call ``then``."""
        from PySide6.QtCore import QTimer

        deadline = time.perf_counter() + timeout_s
        timer = QTimer(self.qapp)
        timer.setInterval(2)

        def poll() -> None:
            if cond():
                timer.stop()
                timer.deleteLater()
                then()
            elif time.perf_counter() > deadline:
                timer.stop()
                self.fail("timed out waiting")

        timer.timeout.connect(poll)
        timer.start()

    def after(self, ms: int, then: Callable[[], None]) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(ms, then)

    def fail(self, why: str) -> None:
        self.result["error"] = why
        self.exit_code = 1
        self.finish()

    def interactive(self) -> None:
        mark("t_main_window_interactive")
        emit("interactive", {"t_main_window_interactive": marks["t_main_window_interactive"],
                             "rows": self.model.rowCount(), **memory()})
        self.result.update(marks)
        self.result["rows_total"] = self.model.total
        self.result["after_start"] = memory()
        if self.scenario == "start":
            self.finish()
            return
        self.monitor = StallMonitor()
        # let the first paint and the start-up tasks settle before measuring
        self.after(SETTLE_MS, self.begin)

    def begin(self) -> None:
        self.monitor.start()
        self.profiler = None
        if self.profile_path:
            import cProfile

            self.profiler = cProfile.Profile()
            self.profiler.enable()
        if self.scenario == "typing":
            self.typing()
        else:
            self.scrolling()

    def finish(self) -> None:
        from PySide6.QtCore import QCoreApplication

        monitor = getattr(self, "monitor", None)
        if monitor is not None:
            monitor.stop()
            self.result["stall"] = monitor.report()
        profiler = getattr(self, "profiler", None)
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(self.profile_path)
        slow = getattr(self.qapp, "slow", None)
        if slow is not None:
            self.result["slow_events"] = sorted(slow, key=lambda e: -e[1])[:15]
        self.result["end"] = memory()
        QCoreApplication.exit(self.exit_code)

    # --- typing into the search box -------------------------------------------------

    def key(self, text: str, key: Any = None) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        self.last_key = time.perf_counter()
        k = key if key is not None else Qt.Key.Key_unknown
        mods = Qt.KeyboardModifier.NoModifier
        QApplication.sendEvent(self.page.search, QKeyEvent(QEvent.Type.KeyPress, k, mods, text))
        QApplication.sendEvent(self.page.search,
                               QKeyEvent(QEvent.Type.KeyRelease, k, mods, text))

    def type_text(self, chars: list[tuple[str, Any]], then: Callable[[], None]) -> None:
        from PySide6.QtCore import QTimer

        timer = QTimer(self.qapp)
        timer.setInterval(KEY_INTERVAL_MS)
        todo = list(chars)

        def step() -> None:
            if not todo:
                timer.stop()
                timer.deleteLater()
                then()
                return
            text, key = todo.pop(0)
            self.key(text, key)

        timer.timeout.connect(step)
        timer.start()

    def results_for(self, text: str) -> Callable[[], bool]:
        """True once the journal shows the rows of ``text`` (search applied and loaded)."""
        def done() -> bool:
            return (self.page.search.text() == text and self.model.search == text.strip()
                    and not self.model.loading and not self.page.search_timer.isActive())
        return done

    def typing(self) -> None:
        from PySide6.QtCore import Qt

        self.page.search.setFocus()
        first, second = WORDS
        backspace = Qt.Key.Key_Backspace
        searches: list[dict[str, Any]] = []
        self.result["searches"] = searches

        def typed(word: str, then: Callable[[], None]) -> Callable[[], None]:
            def check() -> None:
                if self.page.search.text() != word:
                    self.fail(f"search box holds {self.page.search.text()!r}, not {word!r}")
                    return

                def loaded() -> None:
                    searches.append({"word": word, "rows": self.model.total,
                                     "s_after_last_key": round(time.perf_counter() - self.last_key, 3)})
                    self.after(SETTLE_MS, then)

                self.wait_until(self.results_for(word), loaded)
            return check

        def type_word(word: str, then: Callable[[], None]) -> None:
            self.monitor.phase = f"typing {word}"
            self.type_text([(ch, None) for ch in word], typed(word, then))

        def erase(word: str, then: Callable[[], None]) -> None:
            self.monitor.phase = f"erasing {word}"
            self.type_text([("", backspace)] * len(word), typed("", then))

        def after_first_search() -> None:
            self.result["after_search"] = memory()
            erase(first, lambda: type_word(second, self.finish))

        type_word(first, after_first_search)

    # --- scrolling the journal -----------------------------------------------------

    def scrolling(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QAbstractItemView

        table = self.page.table
        bar = table.verticalScrollBar()
        per_pixel = table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel
        unit = table.verticalHeader().defaultSectionSize() if per_pixel else 1
        rows = min(SCROLL_ROWS, self.model.total)
        target = min(rows * unit, bar.maximum())
        step = SCROLL_STEP_ROWS * unit
        self.monitor.phase = "scrolling"
        timer = QTimer(self.qapp)
        timer.setInterval(SCROLL_INTERVAL_MS)
        started = time.perf_counter()

        def loaded_here() -> bool:
            top = table.rowAt(0)
            return top >= 0 and self.model.row_at(top) is not None

        def step_once() -> None:
            value = bar.value()
            if value >= target:
                timer.stop()
                self.result["scroll"] = {
                    "rows": rows, "step_rows": SCROLL_STEP_ROWS, "per_pixel": per_pixel,
                    "seconds": round(time.perf_counter() - started, 2),
                    "top_row": table.rowAt(0),
                }
                self.monitor.phase = "settling"
                self.wait_until(loaded_here, lambda: self.after(SETTLE_MS, self.finish))
                return
            bar.setValue(min(value + step, target))

        timer.timeout.connect(step_once)
        timer.start()

    # --- shutdown ----------------------------------------------------------------

    def run(self) -> int:
        self.boot()
        self.wait_until(lambda: self.model.rowCount() > 0 and not self.model.loading,
                        self.interactive)
        code = int(self.qapp.exec())
        self.window.close()
        self.runner.wait_idle(10_000)
        self.runner.db(self.civic.close)
        self.runner.wait_idle(10_000)
        self.runner.shutdown()
        emit("result", self.result)
        return code or self.exit_code


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in ("start", "typing", "scroll"):
        print(__doc__, file=sys.stderr)
        return 2
    profile = None
    if "--profile" in argv:
        profile = argv[argv.index("--profile") + 1]
    return Driver(Path(argv[0]), argv[1], profile, "--trace" in argv).run()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
