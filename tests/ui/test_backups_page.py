"""Backups page: policy, back up now, the list, restore and a refused file."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.domain.enums import Role
from civicdesk.services import backups as svc
from civicdesk.services.users import list_users
from civicdesk.ui.backups import BackupsPage
from civicdesk.ui.env import UiEnv


class Boxes:
    """Message boxes the page showed; each answers ``answer``."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes

    def exec(self, box: QMessageBox) -> int:
        self.texts.append(box.text())
        return int(self.answer)


@pytest.fixture()
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    b = Boxes()
    # a function, not the bound method: it must receive the box as "self"
    monkeypatch.setattr(QMessageBox, "exec", lambda box: b.exec(box))  # noqa: PLW0108
    return b


@pytest.fixture()
def page(qtbot: QtBot, ui_env: UiEnv) -> Iterator[BackupsPage]:
    p = BackupsPage(ui_env)
    qtbot.addWidget(p)
    assert ui_env.runner.wait_idle(10000)
    yield p
    ui_env.runner.wait_idle(10000)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(20000)


def test_policy_is_saved_and_read_back(page: BackupsPage, ui_env: UiEnv, tmp_path: Path) -> None:
    main, usb = tmp_path / "main", tmp_path / "usb"
    page.folder.setText(str(main))
    page.keep.setValue(5)
    page.second.setText(str(usb))
    page.save_policy()
    idle(ui_env)
    assert not page.policy_error.text()
    assert svc.load_policy(ui_env.app) == svc.BackupPolicy(main, 5, usb)
    fresh = BackupsPage(ui_env)
    idle(ui_env)
    assert fresh.folder.text() == str(main)
    assert fresh.keep.value() == 5
    assert fresh.second.text() == str(usb)
    fresh.deleteLater()


def test_same_second_folder_is_refused_inline(page: BackupsPage, ui_env: UiEnv,
                                              tmp_path: Path) -> None:
    page.folder.setText(str(tmp_path))
    page.second.setText(str(tmp_path))
    page.save_policy()
    idle(ui_env)
    assert "папка" in page.policy_error.text() or "қалта" in page.policy_error.text()
    assert svc.load_policy(ui_env.app) == svc.BackupPolicy()


def test_back_up_now_makes_a_file_the_list_shows(page: BackupsPage, ui_env: UiEnv,
                                                 boxes: Boxes, tmp_path: Path) -> None:
    svc.save_policy(
        ui_env.app, svc.BackupPolicy(tmp_path / "main", 3, tmp_path / "no-usb"), ui_env.actor
    )
    page.load_policy()
    page.back_up()
    assert page.progress.isVisibleTo(page)
    idle(ui_env)
    made = list((tmp_path / "main").glob("civicdesk-*.sqlite3"))
    assert len(made) == 1
    # the stick is not plugged in: a warning in Kazakh, the main copy is made anyway
    assert boxes.texts and "флешка" in boxes.texts[0]
    names = [e.path.name for e in page.model.rows]
    assert made[0].name in names
    row = names.index(made[0].name)
    entry = page.model.rows[row]
    assert entry.problem is None and entry.counts["residents"] == 0
    assert page.model.index(row, 3).data() == entry.revision
    assert not list((tmp_path / "main").glob("*-wal"))


def test_restore_of_a_good_backup_replaces_the_data_and_keeps_the_old(
    page: BackupsPage, ui_env: UiEnv, boxes: Boxes, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from civicdesk.services.admin import make_backup
    from civicdesk.services.users import create_user

    backup = make_backup(ui_env.app.data_dir, tmp_path / "good.sqlite3")
    create_user(ui_env.ctx(), login="later", full_name="Кейін қосылған", role=Role.CONSULTANT,
                password="secret-pass-1")
    assert any(u.login == "later" for u in list_users(ui_env.ctx()))
    restarts: list[bool] = []
    monkeypatch.setattr(page, "restart_app", lambda: restarts.append(True))
    page.restore_file(backup)
    idle(ui_env)
    assert len(boxes.texts) == 2, boxes.texts
    confirm, done = boxes.texts
    assert "good.sqlite3" in confirm and "көшірмесі" in confirm
    assert restarts == [True]
    assert not any(u.login == "later" for u in list_users(ui_env.ctx()))
    kept = list((ui_env.app.data_dir / "backups").glob("before-restore-*.sqlite3"))
    assert len(kept) == 1 and kept[0].name in done


def test_cancelled_restore_changes_nothing(page: BackupsPage, ui_env: UiEnv, boxes: Boxes,
                                           tmp_path: Path) -> None:
    from civicdesk.services.admin import make_backup

    backup = make_backup(ui_env.app.data_dir, tmp_path / "good.sqlite3")
    boxes.answer = QMessageBox.StandardButton.Cancel
    page.restore_file(backup)
    idle(ui_env)
    assert len(boxes.texts) == 1
    assert not list((ui_env.app.data_dir / "backups").glob("before-restore-*"))


@pytest.mark.parametrize("lang, words", [("kk", "CivicDesk дерекқоры емес"),
                                         ("ru", "не база данных CivicDesk")])
def test_a_refused_file_shows_why_and_changes_nothing(
    page: BackupsPage, ui_env: UiEnv, boxes: Boxes, tmp_path: Path, lang: str, words: str,
) -> None:
    ui_env.set_language("ru" if lang == "ru" else "kk")
    live = ui_env.app.data_dir / DB_FILE_NAME
    ui_env.app.db.engine.dispose()
    before = sha256(live)
    bad = tmp_path / "notes.sqlite3"  # a database, but not CivicDesk's
    con = sqlite3.connect(bad)
    con.execute("CREATE TABLE notes (text TEXT)")
    con.commit()
    con.close()
    page.restore_file(bad)
    idle(ui_env)
    assert len(boxes.texts) == 1 and words in boxes.texts[0]
    assert sha256(live) == before
    assert not list((ui_env.app.data_dir / "backups").glob("before-restore-*"))


def test_a_damaged_backup_is_listed_in_red(page: BackupsPage, ui_env: UiEnv) -> None:
    folder = svc.default_folder(ui_env.app.data_dir)
    folder.mkdir(parents=True)
    (folder / "civicdesk-2025-01-01.sqlite3").write_bytes(b"not a database at all")
    page.refresh()
    idle(ui_env)
    from PySide6.QtCore import Qt

    row = [e.path.name for e in page.model.rows].index("civicdesk-2025-01-01.sqlite3")
    assert page.model.rows[row].problem is not None
    brush = page.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().name() == "#b00020"
    assert page.model.index(row, 8).data() in ("бүлінген", "жарамсыз")


def test_a_consultant_sees_the_page_read_only(qtbot: QtBot, ui_env: UiEnv) -> None:
    assert ui_env.actor is not None
    ui_env.actor = dataclasses.replace(ui_env.actor, role=Role.CONSULTANT)
    p = BackupsPage(ui_env)
    qtbot.addWidget(p)
    idle(ui_env)
    assert not p.backup_button.isEnabled()
    assert not p.save_button.isEnabled()
    assert not p.restore_file_button.isEnabled()
    assert p.refresh_button.isEnabled()
    assert p.backup_button.toolTip()


def test_sign_in_backup_notes_success_in_the_status_bar(qtbot: QtBot, ui_env: UiEnv) -> None:
    from PySide6.QtWidgets import QMainWindow

    from civicdesk.ui.app import start_daily_backup

    window = QMainWindow()
    qtbot.addWidget(window)
    start_daily_backup(ui_env, window)
    idle(ui_env)
    assert list(svc.default_folder(ui_env.app.data_dir).glob("civicdesk-*.sqlite3"))
    assert "сақталды" in window.statusBar().currentMessage()
    assert not window.findChildren(QMessageBox)


def test_sign_in_backup_warns_without_blocking_when_the_stick_is_out(
    qtbot: QtBot, ui_env: UiEnv, tmp_path: Path,
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from civicdesk.ui.app import start_daily_backup

    svc.save_policy(ui_env.app, svc.BackupPolicy(None, 3, tmp_path / "stick"), ui_env.actor)
    window = QMainWindow()
    qtbot.addWidget(window)
    start_daily_backup(ui_env, window)
    idle(ui_env)
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 1 and not boxes[0].isModal()
    assert "флешка" in boxes[0].text()
    boxes[0].close()


def test_sign_in_backup_that_cannot_be_written_is_said_not_dropped(
    qtbot: QtBot, ui_env: UiEnv, tmp_path: Path,
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from civicdesk.ui.app import start_daily_backup

    blocker = tmp_path / "file"
    blocker.write_text("x")  # the backup folder would have to be inside a file
    svc.save_policy(ui_env.app, svc.BackupPolicy(blocker / "daily", 3, None))
    window = QMainWindow()
    qtbot.addWidget(window)
    start_daily_backup(ui_env, window)
    idle(ui_env)
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 1 and not boxes[0].isModal()
    assert str(blocker / "daily") in boxes[0].text()
    assert "Errno" not in boxes[0].text()
    boxes[0].close()
