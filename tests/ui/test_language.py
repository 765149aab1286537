"""Switching the language at run time changes what is on screen, without a restart."""

from __future__ import annotations

from PySide6.QtCore import Qt

from civicdesk.services.base import Context
from civicdesk.ui.env import UiEnv
from civicdesk.ui.journal import ConsultationsPage
from civicdesk.ui.mainwindow import MainWindow
from civicdesk.ui.users import UsersPage


def test_switch_language_at_run_time(qtbot, ui_env: UiEnv) -> None:
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    w.show()
    assert ui_env.runner.wait_idle(5000)
    journal = w.show_page("consultations")
    assert isinstance(journal, ConsultationsPage)
    assert ui_env.runner.wait_idle(5000)
    assert w.nav.item(0).text() == "Кеңестер"
    assert w.nav.item(1).text() == "Тұрғындар"
    assert journal.model.headerData(0, Qt.Orientation.Horizontal) == "Күні"
    w.language.setCurrentIndex(1)  # the combo in the tool bar
    qtbot.waitUntil(lambda: w.nav.item(0).text() == "Консультации")
    assert w.nav.item(1).text() == "Жители"
    assert journal.new_button.text() == "Новая консультация"
    assert journal.model.headerData(0, Qt.Orientation.Horizontal) == "Дата"
    assert "Синхронизация" in w.sync_status_label.text()
    assert w.center_status.text() == "Центр развития МСУ села Аксу"
    assert ui_env.actor is not None and ui_env.actor.lang == "ru"
    w.language.setCurrentIndex(0)
    qtbot.waitUntil(lambda: w.nav.item(0).text() == "Кеңестер")


def test_users_page_and_model(qtbot, qtmodeltester, ui_env: UiEnv, consultant_ctx: Context) -> None:
    p = UsersPage(ui_env)
    qtbot.addWidget(p)
    assert ui_env.runner.wait_idle(5000)
    assert p.model.rowCount() == 2
    qtmodeltester.check(p.model)
    roles = {p.model.index(r, 2).data() for r in range(2)}
    assert roles == {"Менеджер", "Кеңесші"}


def test_consultants_do_not_see_users(qtbot, ui_env: UiEnv, consultant_ctx: Context) -> None:
    ui_env.actor = consultant_ctx.actor
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    assert ui_env.runner.wait_idle(5000)
    assert "users" not in w.nav_keys()


def test_manager_adds_deactivates_and_resets_password(qtbot, ui_env: UiEnv, password: str) -> None:
    from civicdesk.services.users import authenticate
    from civicdesk.ui.users import UserDialog

    p = UsersPage(ui_env)
    qtbot.addWidget(p)
    d = UserDialog(ui_env, parent=p)
    qtbot.addWidget(d)
    d.full_name.setText("Қайрат Сейітов")
    d.login.setText("kairat")
    d.password.setText("first-pass-1")
    d.password2.setText("first-pass-1")
    d.save()
    assert ui_env.runner.wait_idle(5000)
    assert d.result() == d.DialogCode.Accepted
    assert ui_env.runner.wait_idle(5000)
    assert p.model.rowCount() == 2
    view = next(u for u in p.model.rows if u.login == "kairat")
    e = UserDialog(ui_env, view, parent=p)
    qtbot.addWidget(e)
    e.password.setText("second-pass-2")
    e.password2.setText("second-pass-2")
    e.save()
    assert ui_env.runner.wait_idle(5000)
    assert authenticate(ui_env.app, "kairat", "second-pass-2").user_name == "Қайрат Сейітов"
    view = next(u for u in p.model.rows if u.login == "kairat")
    e = UserDialog(ui_env, view, parent=p)
    qtbot.addWidget(e)
    e.active.setCurrentIndex(1)
    e.save()
    assert ui_env.runner.wait_idle(5000)
    assert p.model.index(next(i for i, u in enumerate(p.model.rows) if u.login == "kairat"),
                         3).data() == "Жоқ"
