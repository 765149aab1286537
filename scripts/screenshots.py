"""Screenshots of every page of the app, in Kazakh and Russian, at 1366×768.

    bash scripts/screenshots.sh [OUT_DIR]          # under Xvfb (installs it on Debian)
    python scripts/screenshots.py OUT_DIR [--data DIR] [--consultations N]

Makes a demo database (``civicdesk demo``) unless ``--data`` names one, signs the demo
manager in, maximizes the main window on the screen and saves one PNG of the whole
screen per page and language (``kk-01-consultations.png``), plus the sign-in screen
and the new-consultation form. Look at every picture after a change to the screens:
clipped texts, missing letters, sideways scrolling, English on a Kazakh screen.

Needs a display (the shell script starts Xvfb); QT_QPA_PLATFORM=offscreen also works,
with a smaller virtual screen.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_demo(data: Path, consultations: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "civicdesk", "--data-dir", str(data), "--lang", "kk", "demo",
         "--consultations", str(consultations)],
        check=True, cwd=ROOT,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=None, help="an existing data folder")
    parser.add_argument("--consultations", type=int, default=2000)
    parser.add_argument("--langs", default="kk,ru")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    data = args.data or Path(tempfile.mkdtemp(prefix="civicdesk-shots-"))
    if args.data is None:
        make_demo(data, args.consultations)

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from civicdesk.services.app import CivicApp
    from civicdesk.services.demo import DEMO_PASSWORD
    from civicdesk.services.users import authenticate
    from civicdesk.ui import i18n
    from civicdesk.ui.app import prepare
    from civicdesk.ui.env import UiEnv
    from civicdesk.ui.journal import ConsultationDialog, ConsultationsPage
    from civicdesk.ui.login import LoginDialog
    from civicdesk.ui.mainwindow import MainWindow
    from civicdesk.ui.tasks import TaskRunner

    QCoreApplication.setOrganizationName("CivicDesk")
    QCoreApplication.setApplicationName("CivicDesk")
    qapp = QApplication(sys.argv[:1])
    runner = TaskRunner()
    prepare(qapp, runner)
    civic = CivicApp(data)
    actor = authenticate(civic, "manager", DEMO_PASSWORD)
    env = UiEnv(app=civic, runner=runner, actor=actor, lang="kk")
    i18n.install("kk")
    screen = QGuiApplication.primaryScreen()
    print(f"screen {screen.size().width()}×{screen.size().height()}")

    def settle(ms: int = 400) -> None:
        runner.wait_idle(30_000)
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        runner.wait_idle(30_000)

    def shoot(name: str) -> None:
        settle()
        path = out / f"{name}.png"
        screen.grabWindow(0).save(str(path))
        print(path)

    saved = 0
    for lang in args.langs.split(","):
        env.set_language("ru" if lang == "ru" else "kk")
        login = LoginDialog(env)
        login.show()
        shoot(f"{lang}-00-sign-in")
        login.close()
        window = MainWindow(env)
        window.showMaximized()
        # a virtual display has no window manager to maximize it: fill the screen
        window.setGeometry(screen.availableGeometry())
        for n, key in enumerate(window.nav_keys(), start=1):
            window.show_page(key)
            shoot(f"{lang}-{n:02d}-{key}")
            saved += 1
        window.show_page("consultations")
        page = window.current_page()
        assert isinstance(page, ConsultationsPage)
        dialog = ConsultationDialog(env, page.refs, parent=window)
        dialog.show()
        shoot(f"{lang}-{len(window.nav_keys()) + 1:02d}-new-consultation")
        dialog.close()
        window.remember = lambda: None  # type: ignore[method-assign]  # keep no layout
        window.close()
        settle()
    runner.wait_idle(10_000)
    runner.db(civic.close)
    runner.wait_idle(10_000)
    runner.shutdown()
    print(f"{saved} page screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
