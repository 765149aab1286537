"""Starting the desktop app: fonts, translations, locale, logging, first start or sign in,
then the main window."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.errors import Lang, UserError
from civicdesk.services.app import CivicApp
from civicdesk.services.users import needs_setup
from civicdesk.ui import i18n
from civicdesk.ui.crash import show_crash_dialog
from civicdesk.ui.env import UiEnv
from civicdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from civicdesk.services.backups import DailyBackup

log = logging.getLogger("civicdesk")

T = TypeVar("T")
LOG_FILE = "civicdesk.log"
#: ``1``: print "ready" and exit 0 once the first window a user can act in is shown
#: (the start-up benchmark measures the time to that point).
READY_ENV = "CIVICDESK_EXIT_WHEN_READY"
#: with READY_ENV: also write the moment the window was shown (Unix time, seconds) to
#: this file, for a windowed build that has no output to print "ready" to
READY_FILE_ENV = "CIVICDESK_READY_FILE"


def setup_logging(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOG_FILE
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _excepthook(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    text = "".join(traceback.format_exception(kind, exc, tb))
    log.error("Uncaught exception:\n%s", text)
    if QApplication.instance() is not None:
        show_crash_dialog(exc, text)


class Splash(QWidget):
    """A small window shown while fonts and the database are prepared."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen)
        layout = QVBoxLayout(self)
        self.label = QLabel("CivicDesk\nЖүктелуде… / Загрузка…")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        self.resize(320, 120)


def wait_for(runner: TaskRunner, submit: Callable[..., Any], fn: Callable[..., T],
             *args: Any) -> T:
    """Run ``fn`` via ``submit`` (runner.db or runner.pool) and wait, keeping the GUI alive."""
    loop = QEventLoop()
    box: dict[str, Any] = {}

    def done(value: T) -> None:
        box["value"] = value

    def failed(err: BaseException) -> None:
        box["error"] = err

    def bug(exc: BaseException, tb: str) -> None:
        box["error"] = exc
        log.error("Start-up failed:\n%s", tb)

    previous = runner.bug_handler
    runner.bug_handler = bug
    try:
        submit(fn, *args, on_done=done, on_error=failed, on_finally=loop.quit)
        loop.exec()
    finally:
        runner.bug_handler = previous
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def register_fonts(files: dict[str, Path]) -> str | None:
    """Register the app's faces with Qt and return the family name."""
    family: str | None = None
    for path in files.values():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and family is None:
            family = families[0]
    return family


def _font_files() -> dict[str, Path]:
    from civicdesk.printing.fonts import font_files

    return font_files()


def prepare(app: QApplication, runner: TaskRunner) -> None:
    """Fonts and compiled translations (both may take a few seconds the first time)."""
    try:
        files = wait_for(runner, runner.pool, _font_files)
    except Exception:
        log.exception("App fonts are not available; using the system font")
    else:
        family = register_fonts(files)
        if family:
            font = QFont(family)
            font.setPointSize(max(app.font().pointSize(), 10))
            app.setFont(font)
    try:
        wait_for(runner, runner.pool, i18n.ensure_compiled)
    except Exception:
        log.exception("Translations could not be compiled")


class _ReadyHook(QObject):
    """Watches the first interactive windows; on the first Show it prints "ready" and
    leaves every event loop with code 0 (a dialog's ``exec`` then returns Rejected,
    so :func:`run` cleans up and returns 0)."""

    def __init__(self) -> None:
        super().__init__()
        self.fired = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.fired and event.type() == QEvent.Type.Show:
            self.fired = True
            write_ready_file()
            QTimer.singleShot(0, self._exit)
        return False

    @staticmethod
    def _exit() -> None:
        if sys.stdout is not None:  # a windowed build has no console
            sys.stdout.write("ready\n")
            sys.stdout.flush()
        QCoreApplication.exit(0)


def write_ready_file() -> None:
    """The moment the first window was shown, for a start-up measurement from outside
    (scripts/windows.sh times the windowed Windows build, which has no console)."""
    target = os.environ.get(READY_FILE_ENV)
    if target:
        try:
            Path(target).write_text(f"{time.time():.3f}\n", encoding="ascii")
        except OSError:
            log.warning("cannot write the ready file %s", target)


_ready_hook: _ReadyHook | None = None


def watch_ready(window: QWidget) -> None:
    """Arm the start-up benchmark hook on ``window`` when CIVICDESK_EXIT_WHEN_READY=1."""
    global _ready_hook
    if os.environ.get(READY_ENV) != "1":
        return
    if _ready_hook is None:
        _ready_hook = _ReadyHook()
    window.installEventFilter(_ready_hook)


def start_daily_backup(env: UiEnv, window: QMainWindow) -> None:
    """Today's backup after sign-in, on the database thread; a note in the status bar,
    or a warning that does not block the work when a folder could not be written.
    The backup service is imported on the database thread, not while the window's
    first rows are on their way."""

    def warn(text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, QCoreApplication.translate("DailyBackup", "Backup"),
            text, QMessageBox.StandardButton.Ok, window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()

    def done(result: DailyBackup | None) -> None:
        if result is None:
            return
        if result.second_problem is not None:
            warn(result.second_problem.text(env.lang))
            return
        note = QCoreApplication.translate("DailyBackup", "Today's backup is saved: %1")
        where = str(result.second_copy or result.path)
        window.statusBar().showMessage(note.replace("%1", where), 15000)

    def failed(err: BaseException) -> None:
        # A UserError comes here (disk full, read-only folder: said in kk/ru by the
        # service); anything else goes to the runner's crash dialog, never silent.
        if isinstance(err, UserError):
            warn(QCoreApplication.translate("DailyBackup", "Today's backup was not made.")
                 + "\n" + err.text(env.lang))

    env.runner.db(_run_daily_backup, env.app, on_done=done, on_error=failed)


def _run_daily_backup(app: CivicApp) -> DailyBackup | None:
    from civicdesk.services.backups import run_daily_backup

    return run_daily_backup(app)


def start_session(env: UiEnv) -> bool:
    """First start wizard or sign in; True when somebody is signed in."""
    from civicdesk.ui.firststart import FirstStartWizard
    from civicdesk.ui.login import LoginDialog

    if needs_setup(env.app):
        wizard = FirstStartWizard(env)
        watch_ready(wizard)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return False
    from civicdesk.ui.session import signed_in

    dialog = LoginDialog(env)
    watch_ready(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return False
    signed_in(env, dialog)
    return True


def refuse_start(err: UserError, data_dir: Path, lang: Lang | None) -> int:
    """The data folder cannot be opened: say why (in both languages while the
    user's choice is unknown) and exit 2.  When another CivicDesk has the folder
    open, it is first asked to come forward."""
    if err.code == "db.in_use":
        from civicdesk.ui.single_instance import wake_first

        wake_first(data_dir)
    text = err.text(lang) if lang else err.text("kk") + "\n\n" + err.text("ru")
    if sys.stderr is not None:  # a windowed build has no console
        print(text, file=sys.stderr)
    icon = (QMessageBox.Icon.Information if err.code == "db.in_use"
            else QMessageBox.Icon.Critical)
    box = QMessageBox(icon, "CivicDesk", text, QMessageBox.StandardButton.Ok)
    watch_ready(box)
    box.exec()
    return 2


def run(data_dir: Path | str, lang: Lang | None = None) -> int:
    data_dir = Path(data_dir)
    setup_logging(data_dir)
    sys.excepthook = _excepthook
    QCoreApplication.setOrganizationName("CivicDesk")
    QCoreApplication.setApplicationName("CivicDesk")
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    runner = TaskRunner()
    splash = Splash()
    splash.show()
    try:
        prepare(qapp, runner)
        try:
            civic = wait_for(runner, runner.db, CivicApp, data_dir)
        except UserError as err:
            splash.close()
            return refuse_start(err, data_dir, lang)
        from civicdesk.ui.single_instance import Beacon

        beacon = Beacon(data_dir)  # a second start on this folder raises our window
        language: Lang = lang or civic.state.language
        env = UiEnv(app=civic, runner=runner, lang=language)
        i18n.install(language)
        splash.close()
        if not start_session(env):
            return 0
        from civicdesk.ui.session import Session

        session = Session(env)
        window = session.open_window(before_show=watch_ready)
        start_daily_backup(env, window)
        return int(qapp.exec())
    finally:
        splash.close()
        started = locals().get("beacon")
        if started is not None:
            started.close()
        runner.wait_idle(5000)
        civic_app = locals().get("civic")
        if isinstance(civic_app, CivicApp):
            runner.db(civic_app.close)
            runner.wait_idle(5000)
        runner.shutdown()
