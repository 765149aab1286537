"""The survey grid on the needs assessment page, driven by keys as a consultant types
paper questionnaires: Kazakh letters one key event at a time, Tab and Enter, Space to
tick, Delete; the rows saved together, a half-filled row refused with its number and
nothing saved, and the questions before typed rows are dropped."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from civicdesk.db.models import District, SurveyResponse
from civicdesk.services import assessments as svc
from civicdesk.services import problems as psvc
from civicdesk.services.base import Context
from civicdesk.services.reference import add_settlement
from civicdesk.ui.env import UiEnv
from civicdesk.ui.mainwindow import MainWindow
from civicdesk.ui.problems_assessment import AssessmentsPage
from civicdesk.ui.problems_survey_grid import AGE, FIRST_PROBLEM, PLACE, SEX, SurveyGrid

WEEK_AGO = date.today() - timedelta(days=7)


@pytest.fixture()
def survey(ctx: Context) -> dict[str, str]:
    """An assessment of the Zhambyl district, three of its villages, one village of
    another district, and three problems."""
    with ctx.db.session() as s:
        district = str(s.scalar(select(District.id).where(District.kato == "1942")))
        elsewhere = str(s.scalar(select(District.id).where(District.id != district)))
    ids = {ru: add_settlement(ctx, kk, ru, district_id=district).id
           for kk, ru in (("Өрнек", "Орнек"), ("Ақсу", "Аксу"), ("Әулиеағаш", "Аулиеагаш"),
                          ("Береке ауылы", "село Береке"))}
    ids["Шалгай"] = add_settlement(ctx, "Шалғай", "Шалгай", district_id=elsewhere).id
    for kk, ru, cat in (("Су жоқ", "Нет воды", "water"),
                        ("Жол нашар, көпір құлаған, жаяу жүргінші жолы жоқ",
                         "Плохая дорога, обрушен мост, нет тротуаров", "roads"),
                        ("Әжетхана жоқ", "Нет туалета", "other")):
        ids[ru] = psvc.create_problem(ctx, psvc.ProblemInput(
            kk, ru, cat, [ids["Аксу"]], WEEK_AGO)).id
    ids["assessment"] = svc.create_assessment(ctx, svc.AssessmentInput(
        district, WEEK_AGO, ["paper_survey"], date.today(), "Қағаз сауалнама")).id
    return ids


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(5000)
    QApplication.processEvents()


def type_text(widget: SurveyGrid, text: str) -> None:
    """Each character as its own key event (keyClicks stops at a non-ASCII letter)."""
    for ch in text:
        key = ord(ch.upper()) if ch.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def key(qtbot: QtBot, widget: SurveyGrid, k: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, k)


def _open(qtbot: QtBot, env: UiEnv) -> tuple[AssessmentsPage, SurveyGrid]:
    page = AssessmentsPage(env)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    _idle(env)
    _idle(env)
    page.tabs.setCurrentWidget(page.survey)
    grid = page.survey.grid
    qtbot.waitUntil(lambda: grid.columnCount() == FIRST_PROBLEM + 3)
    grid.setFocus()
    return page, grid


def _responses(ctx: Context) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(SurveyResponse)) or 0)


def _type_row(qtbot: QtBot, grid: SurveyGrid, sex: str, age: str, place: str,
              ticks: list[int]) -> None:
    """From the row's first cell: sex, age, settlement, then the problems' ticks."""
    type_text(grid, sex)
    key(qtbot, grid, Qt.Key.Key_Tab)
    type_text(grid, age)
    key(qtbot, grid, Qt.Key.Key_Return)
    type_text(grid, place)
    key(qtbot, grid, Qt.Key.Key_Tab)
    for i in range(3):
        if i in ticks:
            key(qtbot, grid, Qt.Key.Key_Space)
        key(qtbot, grid, Qt.Key.Key_Tab)  # the last Tab goes to the next row


def test_columns_are_the_surveys_problems_and_its_district(qtbot: QtBot, ui_env: UiEnv,
                                                           survey: dict[str, str]) -> None:
    """The headers, their tooltips, and the settlement picker."""
    _page, grid = _open(qtbot, ui_env)
    headers = [grid.horizontalHeaderItem(c) for c in range(grid.columnCount())]
    assert [h.text() for h in headers[:FIRST_PROBLEM]] == ["Жынысы", "Жасы", "Елді мекен"]
    # problems in Kazakh order, titles in Kazakh; a long one wrapped, whole in the tooltip
    assert headers[FIRST_PROBLEM].text() == "Әжетхана жоқ"
    long = headers[FIRST_PROBLEM + 1]
    assert long.text() != long.toolTip().splitlines()[0]
    assert long.toolTip().startswith("Жол нашар, көпір құлаған, жаяу жүргінші жолы жоқ\n")
    assert "Сауалнамадағы коды: p" in long.toolTip()
    # the settlement picker holds the district's villages only, in Kazakh order
    names = [name for _id, name in grid._place_choices()]
    assert "Шалғай" not in names
    assert names.index("Ақсу") < names.index("Әулиеағаш") < names.index("Өрнек")
    # F2 opens the list of the district's villages; Enter takes the chosen one
    grid.setCurrentCell(0, PLACE)
    key(qtbot, grid, Qt.Key.Key_F2)
    box = grid.findChild(QComboBox)
    assert isinstance(box, QComboBox)
    assert [box.itemText(i) for i in range(box.count())] == ["—", *names]
    box.setCurrentIndex(box.findText("Өрнек"))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert grid.item(0, PLACE).text() == "Өрнек" and grid.rowCount() == 2
    assert [r.settlement_id for r in grid.rows()] == [survey["Орнек"]]


def test_typed_rows_are_saved_and_the_ranking_follows(qtbot: QtBot, ui_env: UiEnv,
                                                      ctx: Context,
                                                      survey: dict[str, str]) -> None:
    page, grid = _open(qtbot, ui_env)
    assert grid.currentRow() == 0 and grid.currentColumn() == SEX
    _type_row(qtbot, grid, "2", "24", "Әу", [0, 2])
    assert grid.rowCount() == 2  # a new empty row appeared once the first was typed in
    assert (grid.item(0, SEX).text(), grid.item(0, AGE).text(),
            grid.item(0, PLACE).text()) == ("Әйел", "24", "Әулиеағаш")
    assert (grid.currentRow(), grid.currentColumn()) == (1, SEX)
    _type_row(qtbot, grid, "е", "67", "ақ", [0])  # «е» for «ер»; lower case finds «Ақсу»
    assert grid.item(1, SEX).text() == "Ер" and grid.item(1, PLACE).text() == "Ақсу"
    key(qtbot, grid, Qt.Key.Key_Space)  # Space in the sex column ticks nothing
    # a problem registered meanwhile (or pulled by a sync) becomes a column; what was
    # typed stays, ticks with their problems, and so does the cursor
    psvc.create_problem(ctx, psvc.ProblemInput("Аурухана алыс", "Больница далеко", "health",
                                               [survey["Аксу"]], WEEK_AGO))
    ui_env.notify_changed("problem")
    _idle(ui_env)
    _idle(ui_env)
    assert grid.columnCount() == FIRST_PROBLEM + 4
    assert grid.horizontalHeaderItem(FIRST_PROBLEM).text().split() == ["Аурухана", "алыс"]
    assert [r.problem_ids for r in grid.rows()] == [
        [survey["Нет туалета"], survey["Нет воды"]], [survey["Нет туалета"]]]
    assert (grid.currentRow(), grid.currentColumn()) == (2, SEX)
    assert len(grid.rows()) == 2 and page.has_unsaved_changes()
    assert page.survey.counts.text() == "Сақталмаған жолдар: 2"

    page.save_current()  # what Ctrl+S runs on the page
    _idle(ui_env)
    _idle(ui_env)
    assert page.survey.status.text() == "Сақталды: 2 респондент."
    assert _responses(ctx) == 2 and not page.has_unsaved_changes()
    assert grid.rowCount() == 1 and grid.is_blank(0)
    ranked = {r.title_ru: (r.total, r.women, r.men, r.youth) for r in page.ranking.rows}
    assert ranked == {"Нет туалета": (2, 1, 1, 1), "Нет воды": (1, 1, 0, 1)}
    assert "респонденттер: 2" in page.list.item(0).text()


def test_a_half_filled_row_is_refused_and_nothing_is_saved(qtbot: QtBot, ui_env: UiEnv,
                                                           ctx: Context,
                                                           survey: dict[str, str]) -> None:
    page, grid = _open(qtbot, ui_env)
    _type_row(qtbot, grid, "1", "40", "Өр", [1])
    type_text(grid, "2")  # the second questionnaire: sex and an age of 7, nothing else
    key(qtbot, grid, Qt.Key.Key_Tab)
    type_text(grid, "7")
    type_text(grid, "ф")  # not a digit: refused with a word, not typed
    assert grid.item(1, AGE).text() == "7"
    assert page.survey.key_hint.text() == "Жасы: толық жылды цифрмен жазыңыз"
    page.survey.save_button.click()
    _idle(ui_env)
    assert _responses(ctx) == 0  # the good first row is not saved alone either
    status = page.survey.status.text()
    assert status.startswith("Ештеңе сақталмады.")
    assert "2-жол: жасы түсініксіз: «7»" in status
    assert "2-жол: елді мекен таңдалмаған" in status
    assert "2-жол: бірде-бір мәселе белгіленбеген" in status
    assert "1-жол" not in status
    fault = grid.item(1, AGE).background().color().name()
    assert fault != grid.item(0, AGE).background().color().name()
    assert "жасы түсініксіз" in grid.item(1, AGE).toolTip()
    assert "мәселе" in grid.item(1, FIRST_PROBLEM).toolTip()
    assert [r.row for r in grid.rows()] == [1, 2]  # both rows kept as typed
    assert (grid.currentRow(), grid.currentColumn()) == (1, AGE)  # taken to the first fault

    ui_env.set_language("ru")  # the reasons follow the interface language
    QApplication.processEvents()
    assert "Строка 2: непонятный возраст: «7»" in page.survey.status.text()
    assert grid.horizontalHeaderItem(FIRST_PROBLEM).text() == "Нет туалета"
    assert grid.item(0, PLACE).text() == "Орнек" and grid.item(0, SEX).text() == "Мужской"

    grid.setCurrentCell(1, PLACE)
    type_text(grid, "бер")  # a word of the name is enough: «село Береке»
    assert grid.item(1, PLACE).text() == "село Береке"
    key(qtbot, grid, Qt.Key.Key_Backspace)  # one letter back: «бе» still finds it
    assert grid.item(1, PLACE).text() == "село Береке"
    type_text(grid, "щ")
    assert page.survey.key_hint.text() == "Ни один населённый пункт района не начинается на «бещ»"
    assert "Строка 2" in page.survey.status.text()  # the reasons stay in view
    key(qtbot, grid, Qt.Key.Key_Delete)  # the half-filled row is emptied
    assert grid.is_blank(1) and grid.rowCount() == 3
    assert page.survey.status.text() == "Исправлено: строки можно сохранить."
    assert not grid.item(1, AGE).toolTip()
    page.survey.save_button.click()
    _idle(ui_env)
    assert _responses(ctx) == 1
    assert page.survey.status.text() == "Сохранено респондентов: 1."


def test_typed_rows_are_not_dropped_without_asking(qtbot: QtBot, ui_env: UiEnv,
                                                   ctx: Context, survey: dict[str, str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    other = svc.create_assessment(ctx, svc.AssessmentInput(
        None, WEEK_AGO - timedelta(days=30), ["focus_group"], None, "Басқа")).id
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def question(parent: object, title: str, text: str, *rest: object) -> object:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    w.show()
    page = w.show_page("assessment")
    assert isinstance(page, AssessmentsPage)
    _idle(ui_env)
    _idle(ui_env)
    page.list.setCurrentRow(0)
    _idle(ui_env)
    page.tabs.setCurrentWidget(page.survey)
    grid = page.survey.grid
    qtbot.waitUntil(lambda: grid.columnCount() == FIRST_PROBLEM + 3)
    grid.setFocus()
    type_text(grid, "1")
    key(qtbot, grid, Qt.Key.Key_Tab)
    type_text(grid, "3")  # a half-typed questionnaire

    # another assessment: asked, and «Cancel» keeps the rows and the assessment
    page.list.setCurrentRow(1)
    _idle(ui_env)
    assert len(asked) == 1 and page.list.currentRow() == 0
    assert page.survey.assessment_id == survey["assessment"] and grid.item(0, AGE).text() == "3"

    # a new assessment would be shown once made: asked too, and the typed rows stay
    # with the assessment they belong to (a focus group saved now goes there as well)
    page.title.setText("Жаңа")
    page.methods["focus_group"].setChecked(True)
    page.create_assessment()
    _idle(ui_env)
    _idle(ui_env)
    assert len(asked) == 2 and page.list.count() == 3
    assert page.current is not None and page.current.id == survey["assessment"]
    assert page.list.currentItem().data(Qt.ItemDataRole.UserRole) == survey["assessment"]

    # closing the window: asked, and «No» keeps it open with the rows
    answer[0] = QMessageBox.StandardButton.No
    w.close()
    assert len(asked) == 3 and w.isVisible() and grid.item(0, AGE).text() == "3"

    # «Discard» on the question lets the other assessment open with an empty grid
    answer[0] = QMessageBox.StandardButton.Discard
    row = next(i for i in range(page.list.count())
               if page.list.item(i).data(Qt.ItemDataRole.UserRole) == other)
    page.list.setCurrentRow(row)
    _idle(ui_env)
    assert page.survey.assessment_id == other and not page.has_unsaved_changes()
    assert _responses(ctx) == 0
    w.close()
    assert len(asked) == 4 and not w.isVisible()  # nothing unsaved: no question


def test_a_remembered_header_does_not_bend_the_grid(qtbot: QtBot, ui_env: UiEnv,
                                                    survey: dict[str, str]) -> None:
    """The window restores every table's remembered header when a page opens (and the
    ranking's used to be the page's second table): the grid's columns stay its own."""
    _page, grid = _open(qtbot, ui_env)
    ranking = QTableWidget(0, 6)
    qtbot.addWidget(ranking)
    ranking.horizontalHeader().setStretchLastSection(True)
    ranking.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    ranking.setColumnHidden(2, True)
    grid.horizontalHeader().restoreState(ranking.horizontalHeader().saveState())
    ui_env.notify_changed("settlement")  # the survey's columns are read again
    _idle(ui_env)
    _idle(ui_env)
    header = grid.horizontalHeader()
    assert grid.columnCount() == FIRST_PROBLEM + 3
    assert not any(grid.isColumnHidden(c) for c in range(grid.columnCount()))
    assert not header.stretchLastSection()
    assert all(header.sectionResizeMode(c) == QHeaderView.ResizeMode.Fixed
               for c in range(grid.columnCount()))
    assert grid.columnWidth(PLACE) > grid.columnWidth(AGE) > 0
