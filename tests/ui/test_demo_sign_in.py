"""The demo's sign-in is shown where someone trying the app looks: on the sign-in
screen and at the end of ``civicdesk demo``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from civicdesk.cli import main
from civicdesk.services.app import CivicApp
from civicdesk.services.demo import demo_sign_in, mark_demo_center
from civicdesk.ui.env import UiEnv
from civicdesk.ui.login import LoginDialog


def test_sign_in_screen_of_a_demo_shows_its_login_and_password(
    qtbot: QtBot, ui_env: UiEnv
) -> None:
    mark_demo_center(ui_env.app)
    d = LoginDialog(ui_env)
    qtbot.addWidget(d)
    assert ui_env.runner.wait_idle(5000)
    assert not d.demo_hint.isHidden()
    assert "manager" in d.demo_hint.text() and "demo-password" in d.demo_hint.text()
    assert "Демо" in d.demo_hint.text()
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: "пароль demo-password" in d.demo_hint.text())


def test_a_real_center_shows_no_password(qtbot: QtBot, ui_env: UiEnv) -> None:
    d = LoginDialog(ui_env)
    qtbot.addWidget(d)
    assert ui_env.runner.wait_idle(5000)
    assert d.demo_hint.isHidden()
    assert demo_sign_in(ui_env.app) is None


def test_the_demo_command_prints_the_sign_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "--lang", "kk", "demo",
                 "--consultations", "40"]) == 0
    out = capsys.readouterr().out
    assert "логин manager, құпиясөз demo-password" in out
    app = CivicApp(tmp_path)
    try:
        assert demo_sign_in(app) == ("manager", "demo-password")
    finally:
        app.close()
