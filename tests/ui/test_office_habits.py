"""Office habits: shortcuts on every page, right-click menus and export of lists,
the window remembered per user, sign out / switch user, focus in the login field."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.services import consultations as svc
from civicdesk.services.base import Context
from civicdesk.services.consultations import ConsultationInput
from civicdesk.services.reference import topics
from civicdesk.ui import habits
from civicdesk.ui.env import UiEnv
from civicdesk.ui.journal import ConsultationsPage
from civicdesk.ui.login import LoginDialog
from civicdesk.ui.mainwindow import MainWindow
from civicdesk.ui.session import Session

WAIT = 10_000
# a popped-up menu on the offscreen platform: it cannot raise it or grab the keyboard
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _add(ctx: Context, question: str, channel: ConsultationChannel, days_ago: int = 0) -> None:
    code = topics(ctx)[0].code
    assert code is not None
    svc.create_consultation(ctx, ConsultationInput(
        occurred_at=datetime.now().replace(microsecond=0) - timedelta(days=days_ago),
        channel=channel, topic_codes=[code], question=question, status=ConsultationStatus.OPEN,
    ))


def _window(qtbot: QtBot, env: UiEnv) -> MainWindow:
    w = MainWindow(env)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    assert env.runner.wait_idle(WAIT)
    return w


def _press(qtbot: QtBot, w: MainWindow, key: Qt.Key,
           mods: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier) -> None:
    if QApplication.activeWindow() is not w:
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(QApplication.focusWidget() or w, key, mods)


def test_login_starts_with_the_cursor_in_the_login_field(qtbot: QtBot, ui_env: UiEnv) -> None:
    d = LoginDialog(ui_env)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.login)
    qtbot.keyClicks(QApplication.focusWidget(), "manager")
    assert d.login.text() == "manager"
    assert d.language.currentIndex() == 0  # the typed keys did not change the language


@pytest.mark.parametrize("key", ["meetings", "grants", "seminars", "booklets", "users",
                                 "consultations", "residents"])
def test_ctrl_n_and_ctrl_f_work_on_every_page_that_has_them(
    qtbot: QtBot, ui_env: UiEnv, key: str
) -> None:
    w = _window(qtbot, ui_env)
    page = w.show_page(key)
    assert ui_env.runner.wait_idle(WAIT)
    new = habits.page_action(page, "new_item")
    assert new is not None, key
    if callable(getattr(page, "new_item", None)):
        calls: list[int] = []
        page.new_item = lambda: calls.append(1)  # type: ignore[attr-defined]
        _press(qtbot, w, Qt.Key.Key_N)
        assert calls == [1], key
    else:
        button = getattr(page, "new_button", None) or getattr(page, "add_button", None)
        assert button is not None, key
        with qtbot.waitSignal(button.clicked, timeout=2000):
            _press(qtbot, w, Qt.Key.Key_N)
    search = getattr(page, "search", None)
    if isinstance(search, QLineEdit):
        w.nav.setFocus()
        _press(qtbot, w, Qt.Key.Key_F)
        assert QApplication.focusWidget() is search


def test_f5_reloads_and_ctrl_s_saves_where_the_page_has_it(qtbot: QtBot, ui_env: UiEnv) -> None:
    w = _window(qtbot, ui_env)
    journal = w.show_page("consultations")
    assert isinstance(journal, ConsultationsPage)
    with qtbot.waitSignal(journal.model.loaded, timeout=WAIT):
        _press(qtbot, w, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    backups = w.show_page("backups")
    assert ui_env.runner.wait_idle(WAIT)
    save = getattr(backups, "save_button", None)
    assert save is not None and save.isEnabled()  # a manager may change the settings
    with qtbot.waitSignal(save.clicked, timeout=2000):
        _press(qtbot, w, Qt.Key.Key_S)


def test_right_click_menu_exports_what_the_journal_shows(
    qtbot: QtBot, ui_env: UiEnv, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        _add(ctx, f"Жер учаскесі {i}", ConsultationChannel.IN_PERSON, i)
    _add(ctx, "Телефонмен сұрақ", ConsultationChannel.PHONE)
    w = _window(qtbot, ui_env)
    page = w.show_page("consultations")
    assert isinstance(page, ConsultationsPage)
    page.channel.setCurrentIndex(page.channel.findData(ConsultationChannel.IN_PERSON.value))
    qtbot.waitUntil(lambda: page.model.total == 3, timeout=WAIT)
    table = page.table
    pos = table.visualRect(page.model.index(0, 0)).center()
    table.customContextMenuRequested.emit(pos)
    menu = w.habits["consultations"].last_menu
    assert menu is not None
    names = [a.text() for a in menu.actions() if a.text()]
    assert names[:3] == ["Ашу", "Жаңа…", "Жолды көшіру"]
    assert "Excel-ге экспорттау…" in names and "Тізімді басып шығару…" in names
    asked: list[Path] = []

    def ask(_parent: object, suggested: Path) -> Path:
        asked.append(suggested)
        return tmp_path / suggested.name

    monkeypatch.setattr(habits, "ask_save_path", ask)
    done: list[Path] = []
    w.habits["consultations"].on_exported = done.append
    next(a for a in menu.actions() if a.text() == "Excel-ге экспорттау…").trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    assert asked[0].name.startswith("Кеңестер ") and asked[0].suffix == ".xlsx"
    ws = load_workbook(done[0]).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert list(rows[3]) == headers
    shown = [[page.model.data(page.model.index(r, c)) for c in range(9)] for r in range(3)]
    # the filter applied, the screen's order (an empty cell reads back as None)
    assert [[v or "" for v in r] for r in rows[4:]] == shown
    assert rows[1][0] == "Жеке келіп"  # the filter in words
    assert "Телефонмен" not in str(rows)


def test_every_list_page_has_the_menu(qtbot: QtBot, ui_env: UiEnv) -> None:
    w = _window(qtbot, ui_env)
    for key in ("residents", "meetings", "grants", "seminars", "booklets", "users",
                "backups"):
        page = w.show_page(key)
        assert ui_env.runner.wait_idle(WAIT)
        views = [v for v in page.findChildren(QTableView) if habits.is_list(v)]
        assert views, key
        for view in views:
            assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu, key
        views[0].customContextMenuRequested.emit(QPoint(1, 1))
        menu = w.habits[key].last_menu
        assert menu is not None and any(a.text() == "Excel-ге экспорттау…"
                                        for a in menu.actions()), key
        menu.close()


def test_ctrl_p_prints_the_list_of_a_page_without_print_button(
    qtbot: QtBot, ui_env: UiEnv, ctx: Context
) -> None:
    _add(ctx, "Басылатын сұрақ", ConsultationChannel.IN_PERSON)
    w = _window(qtbot, ui_env)
    w.show_page("consultations")
    assert ui_env.runner.wait_idle(WAIT)
    done: list[Path] = []
    w.habits["consultations"].on_exported = done.append
    _press(qtbot, w, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    assert done[0].suffix == ".pdf" and done[0].name.startswith("Кеңестер ")
    from pypdf import PdfReader

    assert "Басылатын сұрақ" in PdfReader(done[0]).pages[0].extract_text()


def test_window_splitter_sort_and_language_are_remembered_per_user(
    qtbot: QtBot, ui_env: UiEnv, consultant_ctx: Context, password: str
) -> None:
    w = _window(qtbot, ui_env)
    # a size the (small) offscreen screen can hold
    screen = w.screen().availableGeometry()
    least = w.minimumSizeHint()
    w.resize(max(screen.width() - 10, least.width()), max(screen.height() - 10, least.height()))
    size = (w.width(), w.height())
    page = w.show_page("consultations")
    assert isinstance(page, ConsultationsPage)
    from PySide6.QtWidgets import QSplitter

    split = page.findChildren(QSplitter)[0]
    split.setSizes([500, 400])
    sizes = split.sizes()
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert page.model.sort_key == "resident"
    ui_env.set_language("ru")
    w.close()
    assert ui_env.runner.wait_idle(WAIT)

    # the same user signs in again, without touching the language box
    ui_env.set_language("kk")
    session = Session(ui_env, on_exit=lambda: None)
    login = session.ask_sign_in()
    login.login.setText("manager")
    login.password.setText(password)
    login.accept()
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT)
    assert ui_env.lang == "ru"
    w2 = session.window
    assert w2 is not None
    qtbot.addWidget(w2)
    # as left, kept on the screen that is there now (the offscreen one is small)
    area, least = w2.screen().availableGeometry(), w2.minimumSizeHint()
    assert (w2.width(), w2.height()) == (
        max(min(size[0], area.width()), least.width()),
        max(min(size[1], area.height()), least.height()),
    )
    page2 = w2.show_page("consultations")
    assert isinstance(page2, ConsultationsPage)
    again = page2.findChildren(QSplitter)[0].sizes()
    assert abs(again[0] / sum(again) - sizes[0] / sum(sizes)) < 0.03
    assert page2.model.sort_key == "resident" and not page2.model.descending

    # another user of the same PC finds their own (default) arrangement
    login2 = session.ask_sign_in()
    w2.close()
    login2.login.setText("consultant")
    login2.password.setText(password)
    login2.accept()
    qtbot.waitUntil(lambda: session.window is not None and session.window is not w2,
                    timeout=WAIT)
    w3 = session.window
    assert w3 is not None
    qtbot.addWidget(w3)
    assert ui_env.actor is not None and ui_env.actor.user_name == "Қайрат Сейітов"
    page3 = w3.show_page("consultations")
    assert isinstance(page3, ConsultationsPage)
    assert page3.model.sort_key == "occurred_at"
    assert ui_env.lang == "ru"  # nothing remembered for them: the language stays


def test_sign_out_lets_another_user_sign_in(
    qtbot: QtBot, ui_env: UiEnv, consultant_ctx: Context, password: str
) -> None:
    exits: list[int] = []
    session = Session(ui_env, on_exit=lambda: exits.append(1))
    w = session.open_window()
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    assert ui_env.runner.wait_idle(WAIT)
    assert w.sign_out_button.text() == "Пайдаланушыны ауыстыру"
    w.sign_out_button.click()
    assert not w.isVisible()
    login = session.login
    assert login is not None and login.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is login.login)
    login.login.setText("consultant")
    login.password.setText(password)
    login.buttons.button(login.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: session.window is not None, timeout=WAIT)
    new = session.window
    assert new is not None and new is not w
    qtbot.addWidget(new)
    assert "Қайрат Сейітов" in new.user_status.text()
    assert "users" not in new.nav_keys()  # a consultant's window
    assert not exits
    # Exit on the sign-in screen ends the program
    new.sign_out_button.click()
    assert session.login is not None
    session.login.reject()
    qtbot.waitUntil(lambda: exits == [1])
