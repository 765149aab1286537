"""First start wizard and sign in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from civicdesk.services.app import CivicApp
from civicdesk.services.users import current_center, needs_setup
from civicdesk.ui.env import UiEnv
from civicdesk.ui.firststart import FirstStartWizard
from civicdesk.ui.login import LoginDialog
from civicdesk.ui.tasks import TaskRunner


@pytest.fixture()
def fresh_env(tmp_path: Path, runner: TaskRunner) -> Iterator[UiEnv]:
    from civicdesk.ui import i18n

    civic = CivicApp(tmp_path / "fresh")
    i18n.ensure_compiled()
    env = UiEnv(app=civic, runner=runner, lang="kk")
    i18n.install("kk")
    yield env
    runner.wait_idle(5000)
    i18n.install("kk")
    civic.close()


def test_first_start_wizard_creates_the_center(qtbot, fresh_env: UiEnv) -> None:
    env = fresh_env
    assert needs_setup(env.app)
    w = FirstStartWizard(env)
    qtbot.addWidget(w)
    w.show()
    w.language_page.ru.setChecked(True)
    assert env.lang == "ru"
    qtbot.waitUntil(lambda: w.center_page.l_region.text() == "Область:")
    c = w.center_page
    c.name_kk.setText("Ақсу ауылының орталығы")
    c.name_ru.setText("Центр села Аксу")
    c.region.setCurrentIndex(c.region.findData("19"))
    qtbot.waitUntil(lambda: c.district.count() > 1, timeout=5000)
    c.district.setCurrentIndex(1)
    m = w.manager_page
    m.full_name.setText("Әсел Нұрланқызы")
    m.login.setText("asel")
    m.password.setText("secret-pass-1")
    m.password2.setText("secret-pass-2")
    w.accept()
    assert m.password_error.text() == "Пароли не совпадают."
    m.password2.setText("secret-pass-1")
    w.accept()
    assert env.runner.wait_idle(10000)
    assert w.result_views is not None
    assert not needs_setup(env.app)
    center = current_center(env.app)
    assert center is not None and center.name_ru == "Центр села Аксу"
    assert center.district_id == c.district.itemData(1)
    assert env.app.state.language == "ru"


def test_wizard_shows_service_errors_inline(qtbot, fresh_env: UiEnv) -> None:
    env = fresh_env
    w = FirstStartWizard(env)
    qtbot.addWidget(w)
    c = w.center_page
    c.name_kk.setText("Орталық")
    c.name_ru.setText("Центр")
    c.region.setCurrentIndex(c.region.findData("19"))
    m = w.manager_page
    m.full_name.setText("Әсел")
    m.login.setText("Әсел")  # not Latin
    m.password.setText("short")
    m.password2.setText("short")
    w.accept()
    assert env.runner.wait_idle(10000)
    assert w.result_views is None
    assert "Логин" in m.login_error.text()
    assert "8" in m.password_error.text()
    assert m.full_name.text() == "Әсел"  # nothing typed is lost
    assert needs_setup(env.app)


def test_login(qtbot, app: CivicApp, runner: TaskRunner, password: str) -> None:
    env = UiEnv(app=app, runner=runner, lang="kk")
    d = LoginDialog(env)
    qtbot.addWidget(d)
    assert runner.wait_idle(5000)
    assert d.center_label.text() == "Ақсу ауылының ЖӨБ дамыту орталығы"
    d.login.setText("manager")
    d.password.setText("wrong-password")
    d.accept()
    assert runner.wait_idle(5000)
    assert d.actor is None
    assert d.errors.labels["login"].text() == "Логин немесе құпиясөз қате."
    d.language.setCurrentIndex(1)  # Русский: the error follows the language
    qtbot.waitUntil(lambda: d.errors.labels["login"].text() == "Неверный логин или пароль.")
    assert d.windowTitle() == "CivicDesk: вход"
    d.password.setText(password)
    d.accept()
    assert runner.wait_idle(5000)
    assert d.actor is not None and d.actor.lang == "ru"
    assert d.result() == d.DialogCode.Accepted
