"""Pictures of the Volunteers page, in Kazakh and Russian, as a 1366×768 screen shows it.

    QT_QPA_PLATFORM=offscreen python scripts/volunteer_shots.py OUT_DIR --data DIR

``DIR`` is a data folder with a demo database (``civicdesk --data-dir DIR demo``). The
main window is set to 1366×768, the Volunteers page opened and every tab grabbed to
``<lang>-volunteers-<tab>.png``; the first row of each list is opened in its form, so
the edit state is seen too, and its right-click menu and the question before a
deletion (answered "No") are grabbed as well. Look at every picture: clipped texts, English on a Kazakh
or Russian screen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--langs", default="kk,ru")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from civicdesk.services.app import CivicApp
    from civicdesk.services.demo import DEMO_PASSWORD
    from civicdesk.services.users import authenticate
    from civicdesk.ui import i18n
    from civicdesk.ui.app import prepare
    from civicdesk.ui.env import UiEnv
    from civicdesk.ui.mainwindow import MainWindow
    from civicdesk.ui.tasks import TaskRunner
    from civicdesk.ui.volunteers import VolunteersPage

    QCoreApplication.setOrganizationName("CivicDesk")
    QCoreApplication.setApplicationName("CivicDesk")
    qapp = QApplication(sys.argv[:1])
    runner = TaskRunner()
    prepare(qapp, runner)
    civic = CivicApp(args.data)
    actor = authenticate(civic, "manager", DEMO_PASSWORD)
    env = UiEnv(app=civic, runner=runner, actor=actor, lang="kk")
    i18n.install("kk")

    def settle(ms: int = 300) -> None:
        runner.wait_idle(30_000)
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        runner.wait_idle(30_000)

    saved = 0
    question: list[Path] = []

    def grab_question(box: QMessageBox) -> int:
        """The question before a deletion: grabbed, answered "No"."""
        box.show()
        settle(100)
        box.grab().save(str(question[0]))
        print(question[0])
        box.hide()
        return int(QMessageBox.StandardButton.No)

    QMessageBox.exec = grab_question  # type: ignore[method-assign,assignment]
    for lang in args.langs.split(","):
        env.set_language("ru" if lang == "ru" else "kk")
        window = MainWindow(env)
        window.resize(1366, 768)
        window.show()
        page = window.show_page("volunteers")
        assert isinstance(page, VolunteersPage)
        settle()
        for n, tab in enumerate(page.tab_pages()):
            page.tabs.setCurrentIndex(n)
            settle()
            table = tab.table
            if table.model().rowCount() > 0:
                table.selectRow(0)
                table.clicked.emit(table.model().index(0, 0))
            settle()
            path = out / f"{lang}-volunteers-{n + 1}-{type(tab).__name__}.png"
            window.grab().save(str(path))
            sideways = table.horizontalScrollBar().isVisible()
            print(path, "(the list scrolls sideways)" if sideways else "")
            saved += 1
            if n > 0 and table.model().rowCount() > 0:
                menu = window.habits["volunteers"].build_menu(
                    table, table.visualRect(table.model().index(0, 0)).center())
                menu.adjustSize()
                menu_path = out / f"{lang}-volunteers-{n + 1}-menu.png"
                menu.grab().save(str(menu_path))
                print(menu_path)
                menu.close()
                question[:] = [out / f"{lang}-volunteers-{n + 1}-question.png"]
                tab.delete()
                settle()
        window.remember = lambda: None  # type: ignore[method-assign]  # keep no layout
        window.close()
        settle()
    runner.db(civic.close)
    runner.wait_idle(10_000)
    runner.shutdown()
    print(f"{saved} pictures in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
