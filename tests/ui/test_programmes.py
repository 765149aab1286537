"""The programmes page: head office's targets beside their actuals, PDF and XLSX."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QTableWidget

from civicdesk.domain.enums import Role
from civicdesk.domain.programmes import Indicator
from civicdesk.services import programmes
from civicdesk.services import seminars as sem
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.ui import i18n
from civicdesk.ui.env import UiEnv
from civicdesk.ui.programmes import ProgrammesPage
from civicdesk.ui.tasks import TaskRunner


@pytest.fixture()
def env(qtbot: object, app: CivicApp, manager: Actor) -> Iterator[UiEnv]:
    runner = TaskRunner()
    bugs: list[BaseException] = []
    runner.bug_handler = lambda exc, tb: bugs.append(exc)
    ui = UiEnv(app=app, runner=runner, actor=manager, lang="kk")
    i18n.ensure_compiled()
    i18n.install("kk")
    yield ui
    runner.wait_idle(5000)
    runner.shutdown()
    assert not bugs, bugs


def test_targets_beside_actuals_printed_and_saved(qtbot, env: UiEnv, app: CivicApp,  # type: ignore[no-untyped-def]
                                                   ctx: Context, tmp_path: Path) -> None:
    head = app.context(Actor("ho", "Бас кеңсе", Role.HEAD_OFFICE, "ho-center", "ru"))
    p = programmes.create_programme(head, "Бағдарлама", "Программа", date(2025, 1, 1),
                                    date(2025, 12, 31), ["19"])
    programmes.add_target(head, p.id, Indicator.SEMINARS_HELD, 16, region_kato="19")
    programmes.add_target(head, p.id, Indicator.CONSULTATIONS, 100, quarter="2025Q2")
    sem.create_seminar(ctx, sem.SeminarInput("Семинар", date(2025, 4, 2)))
    page = ProgrammesPage(env)
    page.show_previews = False
    qtbot.addWidget(page)
    assert env.runner.wait_idle()
    assert env.runner.wait_idle()
    assert page.table.rowCount() == 2
    actual = page.table.item(0, 4)
    assert actual is not None and actual.text() == "1"
    done = page.table.item(0, 5)
    assert done is not None and done.text() == "6,3"
    page.quarter.setText("2025Q1")
    assert page.table.rowCount() == 1
    page.quarter.clear()
    printed: list[object] = []
    page.on_rendered = printed.append
    page.print_current()
    env.runner.wait_idle(20_000)
    assert env.runner.wait_idle()
    assert printed and isinstance(printed[0], Path) and printed[0].stat().st_size > 1000
    out = tmp_path / "targets.xlsx"
    page.export_to(out)
    assert env.runner.wait_idle()
    ws = load_workbook(out).active
    assert ws is not None and ws.max_row == 3
    env.set_language("ru")

    def russian() -> None:
        header = page.table.horizontalHeaderItem(3)
        assert header is not None and header.text() == "Цель"

    qtbot.waitUntil(russian, timeout=3000)


def test_head_office_sets_a_programme_and_its_targets_on_the_page(
        qtbot, app: CivicApp, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    head = Actor("ho", "Бас кеңсе", Role.HEAD_OFFICE, "ho-center", "kk")
    env = UiEnv(app=app, runner=runner, actor=head, lang="kk")
    i18n.ensure_compiled()
    i18n.install("kk")
    page = ProgrammesPage(env)
    qtbot.addWidget(page)
    assert runner.wait_idle()
    assert not page.editor.isHidden()
    page.name_kk.setText("Бағдарлама")
    page.name_ru.setText("Программа")
    page.starts_on.setDate(page.starts_on.date().addDays(-30))
    page.regions.setText("19, 33")
    page.create_programme()
    assert runner.wait_idle()
    assert runner.wait_idle()
    assert page.programme.count() == 1
    page.indicator.setCurrentIndex(page.indicator.findData(Indicator.SEMINARS_HELD.value))
    page.target_value.setValue(16)
    page.target_region.setText("19")
    page.add_target()
    assert runner.wait_idle()
    assert runner.wait_idle()
    assert page.table.rowCount() == 1
    page.target_region.setText("55")  # not in the programme: said, nothing added
    page.add_target()
    assert runner.wait_idle()
    assert "облыс" in page.status.text().lower() and page.table.rowCount() == 1


def test_double_click_shows_the_records_behind_an_actual(qtbot, env: UiEnv,  # type: ignore[no-untyped-def]
                                                         app: CivicApp, ctx: Context) -> None:
    head = app.context(Actor("ho", "Бас кеңсе", Role.HEAD_OFFICE, "ho-center", "ru"))
    p = programmes.create_programme(head, "Б", "П", date(2025, 1, 1), date(2025, 12, 31),
                                    ["19"])
    programmes.add_target(head, p.id, Indicator.SEMINARS_HELD, 4)
    sem.create_seminar(ctx, sem.SeminarInput("Цифрлық сауаттылық", date(2025, 4, 2)))
    page = ProgrammesPage(env)
    qtbot.addWidget(page)
    assert env.runner.wait_idle()
    assert env.runner.wait_idle()
    page.drill(0)
    assert env.runner.wait_idle()
    table = page.records_dialog.findChild(QTableWidget)
    assert table is not None and table.rowCount() == 1
    cell = table.item(0, 1)
    assert cell is not None and cell.text() == "Цифрлық сауаттылық"
    page.records_dialog.close()
