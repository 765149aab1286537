from __future__ import annotations

from civicdesk.ui.env import UiEnv
from civicdesk.ui.mainwindow import MainWindow


def test_main_window_opens_every_page(qtbot, ui_env: UiEnv) -> None:
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    w.show()
    for key in w.nav_keys():
        w.show_page(key)
        assert ui_env.runner.wait_idle(5000)
    assert "users" in w.nav_keys()
    assert w.center_status.text() == "Ақсу ауылының ЖӨБ дамыту орталығы"
