"""The sync page against a real head-office server running in this process."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.sync import messages as m
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
from civicdesk.ui.env import UiEnv
from civicdesk.ui.mainwindow import MainWindow
from civicdesk.ui.status import SyncCoordinator, coordinator_for
from civicdesk.ui.sync_page import SyncPage
from tests.sync.helpers import URL, AppTransport, add_consultation, edit, replica, row_of

WAIT_MS = 10_000


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}")
    yield s
    s.dispose()


@pytest.fixture()
def transport(store: Store) -> AppTransport:
    return AppTransport(create_app(store=store))


@pytest.fixture()
def coordinator(ui_env: UiEnv, transport: AppTransport) -> Iterator[SyncCoordinator]:
    c = coordinator_for(ui_env.app, ui_env.runner)
    c.transport = transport
    yield c
    c.stop()


@pytest.fixture()
def center(store: Store) -> str:
    return store.create_center("Ақсу", "19")


def cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    assert item is not None
    return item.text()


def code_for(store: Store) -> str:
    """A new code for the center: its id may have changed at the first enrolment
    (the server takes over the id the center already used locally)."""
    cid = store.find_center("Ақсу")
    assert cid is not None
    return store.issue_code(cid)


def make_page(qtbot: QtBot, env: UiEnv) -> SyncPage:
    page = SyncPage(env)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    assert env.runner.wait_idle(WAIT_MS)
    return page


def enrol_on_page(qtbot: QtBot, page: SyncPage, code: str) -> None:
    page.server_url.setText(URL)
    page.code.setText(code)
    page.enroll_button.click()
    qtbot.waitUntil(lambda: page.status is not None and page.status.enrolled, timeout=WAIT_MS)


def test_enrol_sync_and_history(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, store: Store, center: str
) -> None:
    page = make_page(qtbot, ui_env)
    assert not page.sync_button.isEnabled()
    assert "тіркелмеген" in page.enrolled_label.text()
    enrol_on_page(qtbot, page, store.issue_code(center))
    assert page.code.text() == ""
    assert ui_env.app.state.device_id in page.enrolled_label.text()
    assert page.sync_button.isEnabled()

    assert page.status is not None
    n = page.status.pending + 1  # enrolment may leave its own changes to send
    add_consultation(ui_env.app, "Жер учаскесін қалай алуға болады?")
    page.refresh()
    qtbot.waitUntil(lambda: page.status is not None and page.status.pending == n)
    assert page.pending_label.text().endswith(f": {n}")
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.history_table.rowCount() == 1, timeout=WAIT_MS)
    assert ui_env.runner.wait_idle(WAIT_MS)
    assert cell(page.history_table, 0, 1) == "Орындалды"
    s = page.summary
    assert s is not None and s.pushed >= 1 and s.conflicts == 0
    assert cell(page.history_table, 0, 2) == str(s.pushed)
    assert page.result_label.text() == (
        f"Нәтиже: жіберілді {s.pushed}, алынды {s.pulled}, қайшылық 0"
    )
    assert page.pending_label.text().endswith(": 0")
    assert page.online_label.text() == "Бас кеңсемен байланыс бар"
    assert not page.progress.isVisible() and not page.cancel_button.isVisible()
    assert store.record_count() >= 1

    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: page.sync_button.text() == "Синхронизировать")
    assert page.result_label.text() == (
        f"Результат: отправлено {s.pushed}, получено {s.pulled}, конфликтов 0"
    )
    assert cell(page.history_table, 0, 1) == "Выполнено"


def test_wrong_code_shows_the_kazakh_message(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, center: str
) -> None:
    page = make_page(qtbot, ui_env)
    page.server_url.setText(URL)
    page.code.setText("WRONG-0000")
    page.enroll_button.click()
    qtbot.waitUntil(lambda: page.error_label.isVisibleTo(page), timeout=WAIT_MS)
    assert page.error_label.text() == m.BAD_CODE.kk
    assert page.status is not None and not page.status.enrolled
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: page.error_label.text() == m.BAD_CODE.ru)


def test_no_connection_is_said_plainly(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, store: Store, center: str
) -> None:
    page = make_page(qtbot, ui_env)
    enrol_on_page(qtbot, page, store.issue_code(center))

    class Down(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("no route", request=request)

    coordinator.transport = Down()
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.error_label.text() == m.NO_CONNECTION.kk, timeout=WAIT_MS)
    assert page.online_label.text() == "Бас кеңсемен байланыс жоқ"
    assert coordinator.failures == 1
    assert coordinator.next_delay_ms() == 2 * coordinator.interval_ms


def test_conflict_is_queued_and_keep_theirs_settles_it(
    qtbot: QtBot,
    ui_env: UiEnv,
    coordinator: SyncCoordinator,
    store: Store,
    center: str,
    transport: AppTransport,
    template_data_dir: Path,
    tmp_path: Path,
) -> None:
    app = ui_env.app
    other: CivicApp = replica(template_data_dir, tmp_path / "second-pc")
    try:
        page = make_page(qtbot, ui_env)
        enrol_on_page(qtbot, page, store.issue_code(center))
        sync.enroll(other, URL, code_for(store), transport=transport)
        cid = add_consultation(app)
        page.sync_button.click()
        qtbot.waitUntil(lambda: page.history_table.rowCount() == 1, timeout=WAIT_MS)
        assert ui_env.runner.wait_idle(WAIT_MS)
        sync.sync_now(other, transport=transport)

        edit(other, "consultations", cid, advice="Әкімдікке жазбаша өтініш беріңіз")
        sync.sync_now(other, transport=transport)
        edit(app, "consultations", cid, advice="Ауыл әкіміне барыңыз")
        page.sync_button.click()
        qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 1, timeout=WAIT_MS)
        assert ui_env.runner.wait_idle(WAIT_MS)
        t = page.conflict_table
        assert cell(t, 0, 0).startswith("Кеңес")
        assert cell(t, 0, 1) == "Берілген кеңес"
        assert cell(t, 0, 2) == "Ауыл әкіміне барыңыз"
        assert cell(t, 0, 3) == "Әкімдікке жазбаша өтініш беріңіз"
        assert page.tabs.tabText(1) == "Қайшылықтар (1)"
        assert page.keep_theirs.isEnabled()

        with qtbot.waitSignal(ui_env.signals.data_changed, timeout=WAIT_MS,
                              check_params_cb=lambda entity: entity == "consultation"):
            page.keep_theirs.click()  # the journal reloads the settled record
        qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 0, timeout=WAIT_MS)
        assert ui_env.runner.wait_idle(WAIT_MS)
        assert not sync.conflicts(app)
        row = row_of(app, "consultations", cid)
        assert row is not None and row["advice"] == "Әкімдікке жазбаша өтініш беріңіз"
        assert not page.keep_theirs.isEnabled()
    finally:
        other.close()


def test_edit_dialog_keeps_a_typed_value(
    qtbot: QtBot,
    ui_env: UiEnv,
    coordinator: SyncCoordinator,
    store: Store,
    center: str,
    transport: AppTransport,
    template_data_dir: Path,
    tmp_path: Path,
) -> None:
    from civicdesk.ui.sync_page import ConflictDialog

    app = ui_env.app
    other: CivicApp = replica(template_data_dir, tmp_path / "second-pc")
    try:
        sync.enroll(app, URL, store.issue_code(center), transport=transport)
        sync.enroll(other, URL, code_for(store), transport=transport)
        cid = add_consultation(app)
        sync.sync_now(app, transport=transport)
        sync.sync_now(other, transport=transport)
        edit(other, "consultations", cid, advice="A", status="closed")
        sync.sync_now(other, transport=transport)
        edit(app, "consultations", cid, advice="B", status="follow_up")
        assert sync.sync_now(app, transport=transport).conflicts == 1
        page = make_page(qtbot, ui_env)
        assert page.conflict_table.rowCount() == 2
        assert cell(page.conflict_table, 1, 2) == "Қайта хабарласу"  # a status by its name
        conflict = page.conflicts[0]
        dialog = ConflictDialog(conflict, page, choices=page.field_choices(conflict.table))
        qtbot.addWidget(dialog)
        assert dialog.edits["advice"].text() == "A"
        assert dialog.combos["status"].currentData() == "closed"
        dialog.edits["advice"].setText("Аудандық әкімдікке хабарласыңыз")
        dialog.combos["status"].setCurrentIndex(dialog.combos["status"].findData("open"))
        page.resolve(page.conflicts[0], dialog.values())
        qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 0, timeout=WAIT_MS)
        assert ui_env.runner.wait_idle(WAIT_MS)
        row = row_of(app, "consultations", cid)
        assert row is not None and row["advice"] == "Аудандық әкімдікке хабарласыңыз"
        assert row["status"] == "open"
    finally:
        other.close()


def test_automatic_round_runs_on_a_timer_and_updates_the_status_bar(
    qtbot: QtBot,
    ui_env: UiEnv,
    coordinator: SyncCoordinator,
    store: Store,
    center: str,
    transport: AppTransport,
) -> None:
    app = ui_env.app
    sync.enroll(app, URL, store.issue_code(center), transport=transport)
    add_consultation(app)
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    assert "sync" in w.nav_keys()
    assert ui_env.runner.wait_idle(WAIT_MS)
    assert w.sync is not None and w.sync.pending > 0
    assert sync.history(app) == []

    with qtbot.waitSignal(coordinator.round_finished, timeout=WAIT_MS):
        coordinator.set_interval_ms(50)
    coordinator.stop()
    assert ui_env.runner.wait_idle(WAIT_MS)
    assert [h.outcome for h in sync.history(app)] == ["ok"]
    qtbot.waitUntil(lambda: w.sync is not None and w.sync.pending == 0, timeout=WAIT_MS)
    label = w.sync_status_label.text()
    assert "желіде" in label and label.endswith(": 0")
    page = w.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.history_table.rowCount() == 1, timeout=WAIT_MS)
    w.close()


def test_automatic_rounds_wait_until_enrolled(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator
) -> None:
    with qtbot.waitSignal(coordinator.round_finished, timeout=WAIT_MS) as blocker:
        coordinator.set_interval_ms(20)
    assert blocker.args == [None]
    coordinator.stop()
    assert ui_env.runner.wait_idle(WAIT_MS)
    assert sync.history(ui_env.app) == []
    assert coordinator.online is None


def test_revoked_enrolment_and_too_old_client_are_explained(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, store: Store, center: str,
    transport: AppTransport,
) -> None:
    page = make_page(qtbot, ui_env)
    enrol_on_page(qtbot, page, store.issue_code(center))
    cid = store.find_center("Ақсу")
    assert cid is not None
    store.revoke(cid)
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.error_label.text() == m.UNAUTHORIZED.kk, timeout=WAIT_MS)

    class TooOld(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(426, json={"code": "protocol.too_old",
                                             "message_kk": "ескі", "message_ru": "старая"})

    coordinator.transport = TooOld()
    assert page.sync_button.isEnabled()
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.error_label.text() == m.UPDATE_REQUIRED.kk, timeout=WAIT_MS)
    assert "Traceback" not in page.error_label.text()


def test_cancel_stops_waiting_for_a_round(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, store: Store, center: str,
    transport: AppTransport,
) -> None:
    page = make_page(qtbot, ui_env)
    enrol_on_page(qtbot, page, store.issue_code(center))
    entered = threading.Event()
    release = threading.Event()

    class Slow(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            entered.set()
            release.wait(WAIT_MS / 1000)
            return transport.handle_request(request)

    coordinator.transport = Slow()
    page.sync_button.click()
    assert page.progress.isVisibleTo(page) and page.cancel_button.isVisibleTo(page)
    assert not page.sync_button.isEnabled()
    qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)
    page.cancel_button.click()
    assert not page.progress.isVisibleTo(page) and not page.cancel_button.isVisibleTo(page)
    assert not coordinator.busy
    release.set()
    assert ui_env.runner.wait_idle(WAIT_MS)
    # the round went on in the background and is in the history
    qtbot.waitUntil(lambda: page.history_table.rowCount() == 1, timeout=WAIT_MS)
    assert page.error_label.text() == ""


def test_waiting_rows_and_a_wrong_clock_are_shown(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, store: Store, center: str
) -> None:
    page = make_page(qtbot, ui_env)
    enrol_on_page(qtbot, page, store.issue_code(center))
    with ui_env.app.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_waiting (table_name, row_id, origin, rev, data, reason, "
            "first_seen, last_tried) VALUES ('users', 'u-1234567890', 'pull', 2, '{}', "
            "'UNIQUE constraint failed: users.center_id, users.login', 'x', 'x')"
        )
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES ('clock_offset_ms', '-86400000') "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
    page.refresh()
    qtbot.waitUntil(lambda: page.status is not None and page.status.waiting == 1)
    text = page.pending_label.text()
    assert "Қолданылуды күтіп тұрған алынған жолдар: 1" in text
    assert "бірдей логин" in text
    assert "1440 минутқа алда" in text
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: "Полученные строки ждут применения: 1" in page.pending_label.text())
    assert "спешат" in page.pending_label.text()


def test_the_status_bar_says_when_the_clock_is_off(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, store: Store, center: str,
    transport: AppTransport,
) -> None:
    app = ui_env.app
    sync.enroll(app, URL, store.issue_code(center), transport=transport)
    with app.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES ('clock_offset_ms', '7200000') "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    assert ui_env.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: w.sync is not None, timeout=WAIT_MS)
    assert "120 минутқа артта" in w.sync_status_label.text()
    w.close()


def test_rows_the_server_refused_are_listed_with_the_reason(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, store: Store, center: str
) -> None:
    page = make_page(qtbot, ui_env)
    enrol_on_page(qtbot, page, store.issue_code(center))
    other = store.create_center("Бесқарағай", "19")
    # a record that names another center as its owner: the server refuses it
    rid = add_consultation(ui_env.app, "Басқа орталықтың жазбасы")
    with ui_env.app.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE consultations SET center_id = ? WHERE id = ?", (other, rid))
    kept = add_consultation(ui_env.app, "Өз жазбамыз")
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.refused_table.rowCount() == 1, timeout=WAIT_MS)
    assert ui_env.runner.wait_idle(WAIT_MS)
    assert page.tabs.tabText(2) == "Сервер қабылдамағандар (1)"
    assert cell(page.refused_table, 0, 0) == "Кеңес"
    assert cell(page.refused_table, 0, 1) == rid
    assert cell(page.refused_table, 0, 2) == (
        "жазба басқа орталыққа тиесілі немесе бұл орталық оны өзгерте алмайды")
    # refused rows are not conflicts to settle, and the rest of the batch went through
    assert page.conflict_table.rowCount() == 0
    assert page.tabs.tabText(1) == "Қайшылықтар"
    assert store.get_record("consultations", kept) is not None
    assert store.get_record("consultations", rid) is None

    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: page.tabs.tabText(2) == "Отклонены сервером (1)")
    assert cell(page.refused_table, 0, 0) == "Консультация"
    assert cell(page.refused_table, 0, 2) == (
        "запись принадлежит другому центру, или этот центр не может её изменять")
    assert page.refused_table.horizontalHeaderItem(2).text() == "Причина"
