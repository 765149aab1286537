"""The campaigns page: questionnaire, keyboard-only sheet entry, figures with intervals."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidgetItem

from civicdesk.domain.awareness import WaveKind
from civicdesk.domain.enums import Sex
from civicdesk.services import campaigns as svc
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.services.campaign_demo import DEMO_QUESTIONS, fill_wave
from civicdesk.services.reference import add_settlement
from civicdesk.ui import i18n
from civicdesk.ui.campaigns import CampaignsPage, parse_qr
from civicdesk.ui.env import UiEnv
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


@pytest.fixture()
def page(qtbot, env: UiEnv) -> CampaignsPage:  # type: ignore[no-untyped-def]
    p = CampaignsPage(env)
    p.show_previews = False
    qtbot.addWidget(p)
    assert env.runner.wait_idle()
    return p


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(5000)


def _campaign(ctx: Context) -> svc.CampaignView:
    return svc.create_campaign(ctx, svc.CampaignInput(
        "Өтініш беру", "Обращения", date(2025, 3, 1), DEMO_QUESTIONS))


def _type(page: CampaignsPage, keys: str) -> None:
    for ch in keys:
        if ch == "\n":
            QTest.keyClick(page.grid, Qt.Key.Key_Return)
        elif ch == "\t":
            QTest.keyClick(page.grid, Qt.Key.Key_Tab)
        else:
            QTest.keyClick(page.grid, ch)


def test_a_campaign_is_made_on_the_page(page: CampaignsPage, env: UiEnv, ctx: Context) -> None:
    page.new_campaign()
    page.title_kk.setText("Аудан жоспары")
    page.title_ru.setText("План района")
    rows = [("Сұрақ 1", "Вопрос 1", "Иә; Жоқ", "Да; Нет", "1"),
            ("Сұрақ 2", "Вопрос 2", "Иә; Жоқ", "Да; Нет", "2"),
            ("Сұрақ 3", "Вопрос 3", "А; Б; В", "А; Б; В", "13")]
    for r, (kk, ru, okk, oru, correct) in enumerate(rows):
        for c, text in ((0, kk), (1, ru), (3, okk), (4, oru), (5, correct)):
            page.questions.setItem(r, c, QTableWidgetItem(text))
    multi = page.questions.item(2, 2)
    assert multi is not None
    multi.setCheckState(Qt.CheckState.Checked)
    page.save_details()
    _idle(env)
    assert page.view is not None and len(page.view.questions) == 3
    assert page.view.questions[2].correct == {1, 3}
    assert page.model.rowCount() == 1 and page.tabs.isTabEnabled(1)


def test_bad_questionnaire_shows_the_problem_in_kazakh_and_loses_nothing(
        page: CampaignsPage, env: UiEnv) -> None:
    page.new_campaign()
    page.title_kk.setText("Науқан")
    page.title_ru.setText("Кампания")
    page.save_details()
    _idle(env)
    assert page.view is None
    assert "сұрақ" in page.questions_error.text()
    assert page.title_kk.text() == "Науқан"


def test_sheets_are_typed_with_digits_only(page: CampaignsPage, env: UiEnv,
                                          ctx: Context) -> None:
    add_settlement(ctx, "Ақтоғай", "Актогай")
    c = _campaign(ctx)
    page.open_campaign(c.id)
    _idle(env)
    page.tabs.setCurrentIndex(1)
    _idle(env)
    assert page.grid.rowCount() == 1 and page.grid.currentColumn() == 1
    # sex 2, age 2, village 1, q1=2, q2=2, q3=1 and 3 (Enter), q4=1 -> saved, next row
    _type(page, "2212213\n1")
    assert page.grid.rowCount() == 2 and page.grid.currentRow() == 1
    _type(page, "1500412\n4")
    _idle(env)
    sheets = svc.list_sheets(ctx, c.waves[0].id).rows
    assert [s.number for s in sheets] == [1, 2]
    assert sheets[0].sex is Sex.FEMALE and sheets[0].settlement_id is not None
    assert sheets[0].answers == (frozenset({2}), frozenset({2}), frozenset({1, 3}),
                                 frozenset({1}))
    assert sheets[1].answers[0] == frozenset() and sheets[1].answers[2] == {1, 2}
    assert sheets[1].sex is Sex.MALE
    # a digit the question does not have is refused with a message
    _type(page, "119")
    assert "1" in page.grid_status.text() and page.grid.currentColumn() == 3
    # go back up and correct the first sheet's first answer
    page.grid.setCurrentCell(0, 4)
    _type(page, "1")
    QTest.keyClick(page.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _idle(env)
    first = svc.list_sheets(ctx, c.waves[0].id).rows[0]
    assert first.answers[0] == frozenset({1}) and first.number == 1


def test_figures_show_intervals_and_both_kinds_of_change(page: CampaignsPage, env: UiEnv,
                                                        ctx: Context) -> None:
    import random

    c = _campaign(ctx)
    rnd = random.Random(3)
    fill_wave(ctx, c.waves[0].id, 60, 0.4, rnd, [])
    end = svc.add_wave(ctx, c.id, WaveKind.ENDLINE, date(2025, 5, 1))
    fill_wave(ctx, end.id, 60, 0.8, rnd, [])
    page.reload(0)
    page.open_campaign(c.id)
    _idle(env)
    _idle(env)
    table = page.figures_panel.figures
    assert table.rowCount() == len(DEMO_QUESTIONS) + 1
    change = table.item(table.rowCount() - 1, table.columnCount() - 1)
    assert change is not None and "п.т." in change.text() and "салыстырмалы өсу" in change.text()
    base = table.item(0, 1)
    assert base is not None and "95 % СА" in base.text() and "n = 60" in base.text()
    env.set_language("ru")
    _idle(env)
    change = table.item(table.rowCount() - 1, table.columnCount() - 1)
    assert change is not None and "п.п." in change.text() and "относительный рост" in change.text()
    assert page.tabs.tabText(2) == "Показатели"
    assert page.figures_panel.breakdown.rowCount() >= 1


def test_a_scanned_qr_code_fills_the_sheet_number(page: CampaignsPage, env: UiEnv,
                                                  ctx: Context) -> None:
    c = _campaign(ctx)
    page.open_campaign(c.id)
    _idle(env)
    assert parse_qr("nonsense") is None
    page.scan.setText(f"CIVICDESK-SURVEY|{c.id}|{c.waves[0].id}|37")
    page.scanned()
    _idle(env)
    item = page.grid.item(page.grid.rowCount() - 1, 0)
    assert item is not None and item.text() == "37"
    page.scan.setText(f"CIVICDESK-SURVEY|other|{c.waves[0].id}|5")
    page.scanned()
    assert "QR" in page.grid_status.text()


def test_questionnaire_sheets_print(page: CampaignsPage, env: UiEnv, ctx: Context) -> None:
    c = _campaign(ctx)
    page.open_campaign(c.id)
    _idle(env)
    printed: list[object] = []
    page.on_rendered = printed.append
    page.sheets_count.setValue(3)
    page.print_sheets()
    _idle(env)
    env.runner.wait_idle(20000)
    _idle(env)
    assert printed and isinstance(printed[0], Path) and printed[0].stat().st_size > 1000


def test_questionnaire_paper_is_chosen_on_the_page(qtbot, page: CampaignsPage,  # type: ignore[no-untyped-def]
                                                   env: UiEnv, ctx: Context) -> None:
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4, A5

    c = _campaign(ctx)
    page.open_campaign(c.id)
    _idle(env)
    assert [page.paper.itemText(i) for i in range(page.paper.count())] == [
        "A4 парақтар", "A5 парақтар"]
    sizes = []
    for keys in ((), (Qt.Key.Key_Down,)):  # the default, then A5 chosen with the keyboard
        page.paper.setFocus()
        for key in keys:
            qtbot.keyClick(page.paper, key)
        printed: list[object] = []
        page.on_rendered = printed.append
        page.sheets_count.setValue(2)
        page.print_sheets()
        env.runner.wait_idle(20000)
        _idle(env)
        assert printed and isinstance(printed[0], Path)
        reader = PdfReader(printed[0])
        box = reader.pages[0].mediabox
        sizes.append((round(float(box.width)), round(float(box.height)), len(reader.pages)))
    assert page.paper.currentText() == "A5 парақтар"
    assert sizes[0][:2] == (round(A4[0]), round(A4[1]))
    assert sizes[1][:2] == (round(A5[0]), round(A5[1]))
    assert sizes[1][2] >= 2  # one sheet a respondent at least


def test_a_hand_out_records_who_and_how_many_were_briefed(page: CampaignsPage, env: UiEnv,
                                                         ctx: Context) -> None:
    from civicdesk.services.booklets import BookletInput, create_booklet, record_print_run

    village = add_settlement(ctx, "Ақтоғай", "Актогай")
    b = create_booklet(ctx, BookletInput("Кітапша", "Буклет", {"blocks": []}))
    record_print_run(ctx, b.id, 300, date(2025, 3, 1))
    c = svc.create_campaign(ctx, svc.CampaignInput("Н", "К", date(2025, 3, 1), DEMO_QUESTIONS,
                                                   booklet_id=b.id))
    env.notify_changed("settlement")
    page.handout._got_villages([])  # start from an empty list, then reload it
    page.open_campaign(c.id)
    _idle(env)
    _idle(env)
    panel = page.handout
    assert panel.isEnabled() and panel.run.count() == 1
    from civicdesk.services import reference

    panel._got_villages(reference.settlements(ctx))
    panel.village.setCurrentIndex(panel.village.findData(village.id))
    panel.copies.setValue(120)
    panel.by.setCurrentIndex(1)
    panel.briefed.setValue(35)
    panel.save()
    _idle(env)
    _idle(env)
    view = svc.get_campaign(ctx, c.id)
    assert (view.copies_distributed, view.copies_by_volunteers, view.people_briefed) == (
        120, 120, 35)
    assert "120" in page.figures_panel.reach.text()
    panel.copies.setValue(500)
    panel.save()
    _idle(env)
    assert panel.error.text()  # more than printed: said in Kazakh, nothing saved
    assert svc.get_campaign(ctx, c.id).copies_distributed == 120
