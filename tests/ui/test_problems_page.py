"""The problems register page: a problem made, taken up by an appeal, answered, closed,
filtered, all through the real widgets; refusals shown in the user's language."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from civicdesk.domain.problems import Channel, ProblemState
from civicdesk.services import problems as svc
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.services.reference import add_settlement
from civicdesk.ui import i18n
from civicdesk.ui.env import UiEnv
from civicdesk.ui.problems import ProblemsPage
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


@pytest.fixture()
def page(qtbot, env: UiEnv, ctx: Context) -> ProblemsPage:  # type: ignore[no-untyped-def]
    add_settlement(ctx, "Ақсу", "Аксу")
    p = ProblemsPage(env)
    qtbot.addWidget(p)
    assert env.runner.wait_idle()
    return p


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(5000)


def test_problem_followed_through_its_life_cycle(page: ProblemsPage, env: UiEnv,
                                                 ctx: Context) -> None:
    assert not page.cycle_box.isEnabled()
    page.save_current()
    _idle(env)
    assert page.view is None and page.errors.text("title")  # refused, in Kazakh
    assert "қазақша" in page.errors.text("title")
    page.title_kk.setText("Көше жарығы жоқ")
    page.title_ru.setText("Нет уличного света")
    page.category.setCurrentIndex(page.category.findData("roads"))
    page.first_raised.setDate(to_qdate(date.today() - timedelta(days=60)))
    page.save_current()
    _idle(env)
    assert page.view is not None and page.view.state is ProblemState.RAISED
    _idle(env)
    assert page.model.rowCount() == 1 and page.model.rows[0].title_kk == "Көше жарығы жоқ"
    assert page.cycle_box.isEnabled() and not page.answer_button.isEnabled()

    page.channel.setCurrentIndex(page.channel.findData(Channel.APPEAL.value))
    page.step_on.setDate(to_qdate(date.today() - timedelta(days=50)))
    page.take_up()
    _idle(env)
    assert "шығыс нөмірін" in page.cycle_error.text()  # the appeal's number is needed
    page.reference.setText("12-345")
    page.take_up()
    _idle(env)
    assert page.view.state is ProblemState.TAKEN_UP and page.view.overdue
    assert page.steps.count() == 2 and "12-345" in page.steps.item(1).text()
    assert "МЕРЗІМІ ӨТТІ" in page.state_label.text()
    _idle(env)
    page.overdue_only.setChecked(True)
    _idle(env)
    assert page.model.rowCount() == 1 and page.model.rows[0].overdue
    page.answer_text.setText("Жарық келесі жылы орнатылады")
    page.step_on.setDate(to_qdate(date.today()))
    page.answer()
    _idle(env)
    assert page.view.state is ProblemState.ANSWERED
    assert page.resolved_button.isEnabled() and not page.take_up_button.isEnabled()
    page.close_problem(True)
    _idle(env)
    assert svc.get_problem(ctx, page.view.id).state is ProblemState.RESOLVED
    _idle(env)
    page.overdue_only.setChecked(False)
    page.state_filter.setCurrentIndex(page.state_filter.findData("resolved"))
    _idle(env)
    assert page.model.rowCount() == 1


def test_page_speaks_russian(page: ProblemsPage, env: UiEnv) -> None:
    env.set_language("ru")
    _idle(env)
    assert page.new_button.text() == "Новая проблема"
    assert page.cycle_box.title() == "Жизненный цикл"


def test_link_an_agenda_item_to_a_problem_in_two_clicks(qtbot, env: UiEnv, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from civicdesk.domain.enums import MeetingKind
    from civicdesk.services.meetings import (
        AgendaItemInput,
        MeetingInput,
        add_agenda_item,
        create_meeting,
    )
    from civicdesk.ui.problems_link import LinkProblemButton

    place = add_settlement(ctx, "Көктал", "Коктал")
    problem = svc.create_problem(ctx, svc.ProblemInput(
        "Су жоқ", "Нет воды", "water", [place.id], date.today()))
    meeting = create_meeting(ctx, MeetingInput(kind=MeetingKind.MEETING, held_on=date.today()))
    item = add_agenda_item(ctx, meeting.id, AgendaItemInput(title="Ауыз су")).id
    button = LinkProblemButton(env, "agenda_item", lambda: item)
    qtbot.addWidget(button)
    assert button.text() == "Мәселеге байланыстыру…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # first click
    picker = button.picker
    assert picker is not None
    _idle(env)
    qtbot.waitUntil(lambda: picker.list.count() == 1)
    row = picker.list.item(0)
    assert row.text() == "Су жоқ — Көктал"
    picker.list.setCurrentRow(0)
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)  # second step: the chosen line, Enter
    _idle(env)
    qtbot.waitUntil(lambda: picker.linked is not None)
    assert [(x.kind, x.record_id) for x in svc.get_problem(ctx, problem.id).links] == [
        ("agenda_item", item)]
    assert [r.id for r in svc.problems_of_record(ctx, "agenda_item", item)] == [problem.id]


def test_coordinates_geojson_and_priority_list_from_the_page(  # type: ignore[no-untyped-def]
        qtbot, page: ProblemsPage, env: UiEnv, ctx: Context, tmp_path) -> None:
    import json
    from pathlib import Path

    page.title_kk.setText("Су жоқ")
    page.title_ru.setText("Нет воды")
    page.save_current()
    _idle(env)
    assert page.view is not None
    page.lat.setValue(12.0)
    page.lon.setValue(77.0)
    page.save_coordinates()
    _idle(env)
    assert "Қазақстан" in page.errors.text("latitude")  # refused, said in Kazakh
    page.lat.setValue(43.35)
    page.save_coordinates()
    _idle(env)
    out = tmp_path / "register.geojson"
    page.export_to(out)
    _idle(env)
    assert "register.geojson" in page.out_status.text()
    [feature] = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert feature["geometry"]["coordinates"] == [77.0, 43.35]
    got: list[Path] = []
    page.show_previews = False
    page.on_rendered = got.append
    page.print_current()
    qtbot.waitUntil(lambda: bool(got), timeout=60000)
    assert got[0].read_bytes().startswith(b"%PDF")


def test_coordinates_from_the_reference_data_button(page: ProblemsPage, env: UiEnv,
                                                    ctx: Context) -> None:
    from sqlalchemy import select

    from civicdesk.db.models import District
    from civicdesk.domain.geography import load_map_data
    from civicdesk.services.problem_map import coordinates, set_coordinates

    with ctx.db.session() as s:
        balkhash = str(s.scalar(select(District.id).where(District.kato == "1936")))
    bakanas = add_settlement(ctx, "Бақанас ауылы", "село Баканас", district_id=balkhash).id
    entered = add_settlement(ctx, "Көктал ауылы", "село Коктал", district_id=balkhash).id
    set_coordinates(ctx, bakanas, None, None)  # as in a database made before the data
    set_coordinates(ctx, entered, 44.7, 76.1)
    page.fill_button.click()
    _idle(env)
    assert page.fill_button.text() == "Анықтамалықтан"
    assert "Анықтамалықтан координат алған елді мекендер: 1" in page.out_status.text()
    centre = load_map_data().centres["1936"]
    assert coordinates(ctx, bakanas) == (centre.lat, centre.lon)
    assert coordinates(ctx, entered) == (44.7, 76.1)
