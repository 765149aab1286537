"""The needs assessment page: an assessment, a focus group's votes and a respondent's
ticks put in the real widgets, the ranking they make, a CSV import and a refusal (the
survey grid's keys are tested in test_survey_grid.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from civicdesk.services import problems as psvc
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.services.reference import add_settlement
from civicdesk.services.survey_import import survey_code
from civicdesk.ui import i18n
from civicdesk.ui.env import UiEnv
from civicdesk.ui.problems_assessment import AssessmentsPage
from civicdesk.ui.problems_survey_grid import AGE, FIRST_PROBLEM, PLACE, SEX
from civicdesk.ui.screens_common import to_qdate
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


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(5000)


def test_focus_group_and_respondent_make_the_ranking(qtbot, env: UiEnv, ctx: Context,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    place = add_settlement(ctx, "Ақсу", "Аксу")
    week_ago = date.today() - timedelta(days=7)
    water = psvc.create_problem(ctx, psvc.ProblemInput("Су жоқ", "Нет воды", "water",
                                                      [place.id], week_ago))
    road = psvc.create_problem(ctx, psvc.ProblemInput("Жол нашар", "Плохая дорога", "roads",
                                                     [place.id], week_ago))
    page = AssessmentsPage(env)
    qtbot.addWidget(page)
    _idle(env)
    assert not page.tabs.isEnabled()
    page.create_assessment()
    _idle(env)
    assert "әдісті" in page.create_error.text()  # no method ticked: refused in Kazakh
    page.title.setText("СОН 2026")
    page.starts_on.setDate(to_qdate(week_ago))
    page.ends_on.setDate(to_qdate(date.today()))
    page.methods["focus_group"].setChecked(True)
    page.methods["online_survey"].setChecked(True)
    page.create_assessment()
    _idle(env)
    _idle(env)
    assert page.list.count() == 1 and page.tabs.isEnabled()

    page.fg_date.setDate(to_qdate(date.today()))
    page.fg_total.setValue(10)
    page.fg_men.setValue(4)
    page.fg_women.setValue(6)
    page.fg_ages["18_29"].setValue(5)
    page.fg_cats["pensioners"].setValue(2)
    rows = {page.votes.item(r, 0).text(): r for r in range(page.votes.rowCount())}
    for title, n in (("Су жоқ", 7), ("Жол нашар", 3)):
        spin = page.votes.cellWidget(rows[title], 1)
        assert isinstance(spin, QSpinBox)
        spin.setValue(n)
    page.save_focus_group()
    _idle(env)
    assert page.fg_error.text() == "Сақталды."

    # one paper questionnaire typed into the grid: a woman of 30 who ticked the road
    grid = page.survey.grid
    qtbot.waitUntil(lambda: grid.columnCount() == FIRST_PROBLEM + 2)
    road_col = next(c for c in range(FIRST_PROBLEM, grid.columnCount())
                    if survey_code(road.id) in grid.horizontalHeaderItem(c).toolTip())
    grid.item(0, SEX).setData(Qt.ItemDataRole.UserRole, "f")
    grid.item(0, AGE).setText("30")
    grid.item(0, PLACE).setData(Qt.ItemDataRole.UserRole, place.id)
    grid.item(0, road_col).setCheckState(Qt.CheckState.Checked)
    page.survey.save()
    _idle(env)
    _idle(env)
    assert page.survey.status.text() == "Сақталды: 1 респондент."
    csv = tmp_path / "kobo.csv"
    csv.write_text(f"sex,age,problems,_uuid\n2,20,{survey_code(water.id)},a1\n",
                   encoding="utf-8")
    page.survey.import_file(csv)
    _idle(env)
    assert "1" in page.survey.status.text()
    page.list.setCurrentRow(-1)
    page.list.setCurrentRow(0)
    _idle(env)
    ranked = [(r.title_ru, r.total, r.women, r.youth) for r in page.ranking.rows]
    assert ranked == [("Нет воды", 8, 1, 1), ("Плохая дорога", 4, 1, 1)]
    assert page.tabs.tabText(2) == "Рейтинг"
