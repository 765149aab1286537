"""The Volunteers page's Organisations tab, corrections and deletions of assignments and
aid actions (buttons and the right-click menu, with the question first), the campaign
and seminar pickers, and the register's tooltips, all through the real widgets."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from civicdesk.services.app import CivicApp
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.campaign_demo import DEMO_QUESTIONS
from civicdesk.services.campaigns import CampaignInput, create_campaign
from civicdesk.services.seminars import SeminarInput, create_seminar
from civicdesk.services.volunteer_work import (
    AidInput,
    AssignmentInput,
    OrgInput,
    add_assignment,
    list_aid,
    list_assignments,
    list_orgs,
    save_aid,
    save_org,
)
from civicdesk.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    withdraw_consent,
)
from civicdesk.ui.env import UiEnv
from civicdesk.ui.habits import ListHabits
from civicdesk.ui.tasks import TaskRunner
from civicdesk.ui.volunteers import VolunteersPage


def _page(qtbot: QtBot, env: UiEnv) -> VolunteersPage:
    page = VolunteersPage(env)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    _idle(env)
    return page


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle()
    assert env.runner.wait_idle()


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: QMessageBox.StandardButton
             ) -> list[str]:
    """The questions asked, answered in turn."""
    asked: list[str] = []
    queue = list(answers)

    def exec_box(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(queue.pop(0))

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return asked


def _menu_action(env: UiEnv, page: VolunteersPage, view: QTableView, text: str) -> None:
    """Right-click the first row of ``view`` and choose ``text``."""
    habits = ListHabits(env, page, "volunteers", lambda: "")
    pos = view.visualRect(view.model().index(0, 0)).center()
    menu = habits.build_menu(view, pos)
    [act] = [a for a in menu.actions() if a.text() == text]
    assert act.isEnabled()
    act.trigger()
    menu.close()


def _volunteer(ctx: Context, name: str = "Айгүл Серікқызы") -> str:
    return create_volunteer(ctx, VolunteerInput(
        full_name=name, consent_date=ctx.today() - timedelta(days=30),
        consent_purposes=["register"])).id


def test_organisations_tab_adds_corrects_and_refuses_to_delete_a_named_one(
        qtbot: QtBot, ui_env: UiEnv, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, ui_env)
    tab = page.orgs
    page.tabs.setCurrentWidget(tab)
    assert page.tabs.tabText(3) == "Ұйымдар"
    tab.contact_phone.setText("123")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    _idle(ui_env)
    assert "Ұйымның атауын жазыңыз" in tab.error.text()
    assert list_orgs(ctx, ListQuery()).total == 0
    for name, kind in (("Мектеп №3", "school"), ("Ауылдық емхана", "clinic")):
        tab.new_item()
        tab.name.setText(name)
        tab.kind.setCurrentIndex(tab.kind.findData(kind))
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
        _idle(ui_env)
        assert tab.error.text() == ""
    model = tab.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        "Ауылдық емхана", "Мектеп №3"]
    assert model.data(model.index(0, 1)) == "Емхана"
    # the kind filter runs in SQL
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("school"))
    _idle(ui_env)
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "Мектеп №3"
    tab.kind_filter.setCurrentIndex(0)
    _idle(ui_env)
    # opened from the list and corrected
    tab.table.setCurrentIndex(model.index(1, 0))
    tab.table.clicked.emit(model.index(1, 0))
    assert tab.row is not None and tab.name.text() == "Мектеп №3"
    tab.name.setText("Мектеп-гимназия №3")
    tab.contact_phone.setText("8 701 222 33 44")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    _idle(ui_env)
    [school] = [o for o in list_orgs(ctx, ListQuery()).rows if o.kind == "school"]
    assert (school.name, school.contact_phone) == ("Мектеп-гимназия №3", "+77012223344")
    assert list_orgs(ctx, ListQuery()).total == 2
    # named by an assignment: the question, then the refusal in words
    add_assignment(ctx, AssignmentInput(_volunteer(ctx), "other", ctx.today(), Decimal(2),
                                        org_id=school.id))
    asked = _answers(monkeypatch, QMessageBox.StandardButton.Yes,
                     QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    tab.refresh()
    _idle(ui_env)
    tab.show_row(school)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    _idle(ui_env)
    assert "Мектеп-гимназия №3" in asked[0]
    assert "жоюға болмайды" in tab.error.text() and "1 тапсырма" in tab.error.text()
    assert list_orgs(ctx, ListQuery()).total == 2
    # the unnamed one goes, after a "No" that keeps it, through the right-click menu
    tab.table.setCurrentIndex(model.index(0, 0))
    _menu_action(ui_env, page, tab.table, "Жою…")
    _idle(ui_env)
    assert list_orgs(ctx, ListQuery()).total == 2
    _menu_action(ui_env, page, tab.table, "Жою…")
    _idle(ui_env)
    assert [o.name for o in list_orgs(ctx, ListQuery()).rows] == ["Мектеп-гимназия №3"]
    assert tab.model.rowCount() == 1 and tab.row is None


def test_assignment_is_corrected_from_the_menu_with_campaign_and_seminar_then_deleted(
        qtbot: QtBot, ui_env: UiEnv, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    vid = _volunteer(ctx)
    for kk, ru in (("Ұлттық науқан", "Национальная кампания"),
                   ("Әйелдер құқығы", "Права женщин")):
        create_campaign(ctx, CampaignInput(kk, ru, ctx.today(), DEMO_QUESTIONS))
    for title in ("Қазақ тілі", "Жер заңы", "Ауыл шаруашылығы"):
        create_seminar(ctx, SeminarInput(title, ctx.today()))
    work = add_assignment(ctx, AssignmentInput(vid, "booklets", ctx.today() - timedelta(days=3),
                                               Decimal(3)))
    page = _page(qtbot, ui_env)
    tab = page.assignments
    page.tabs.setCurrentWidget(tab)
    # the pickers: the center's campaigns and seminars in Kazakh order, after "none"
    assert [tab.campaign.itemText(i).split(" (")[0] for i in range(tab.campaign.count())] == [
        "— жоқ —", "Әйелдер құқығы", "Ұлттық науқан"]
    assert [tab.seminar.itemText(i).split(" (")[0] for i in range(tab.seminar.count())] == [
        "— жоқ —", "Ауыл шаруашылығы", "Жер заңы", "Қазақ тілі"]
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    _menu_action(ui_env, page, tab.table, "Өзгерту")
    assert tab.row is not None and tab.row.id == work.id
    assert tab.add_button.text() == "Өзгерістерді сақтау" and tab.hours.text() == "3"
    tab.kind.setCurrentIndex(tab.kind.findData("survey"))
    tab.hours.setText("4,5")
    tab.campaign.setCurrentIndex(tab.campaign.findText("Ұлттық науқан", Qt.MatchFlag.MatchStartsWith))
    tab.seminar.setCurrentIndex(tab.seminar.findText("Жер заңы", Qt.MatchFlag.MatchStartsWith))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    _idle(ui_env)
    assert tab.error.text() == ""
    [row] = list_assignments(ctx, ListQuery()).rows
    assert (row.id, row.kind, row.hours) == (work.id, "survey", Decimal("4.500"))
    assert row.campaign_id is not None and row.seminar_id is not None
    assert tab.row is None and tab.add_button.text() == "Жұмысты жазу"
    # Russian: the pickers show the Russian titles, still in alphabetical order
    ui_env.set_language("ru")
    _idle(ui_env)
    assert tab.campaign.itemText(0) == "— нет —"
    assert tab.campaign.itemText(1).startswith("Национальная кампания")
    ui_env.set_language("kk")
    _idle(ui_env)
    # a correction to a day her consent does not cover is refused, and nothing changes
    withdraw_consent(ctx, vid, ctx.today() - timedelta(days=1))
    tab.refresh()
    _idle(ui_env)
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    tab.table.clicked.emit(tab.model.index(0, 0))
    assert tab.volunteer.currentData() == vid  # offered for this record though withdrawn
    tab.done_on.setDate(tab.done_on.date().currentDate())
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    _idle(ui_env)
    assert "келісімі жоқ" in tab.error.text()
    assert list_assignments(ctx, ListQuery()).rows[0].done_on == row.done_on
    # delete: "No" keeps it, "Yes" removes it
    asked = _answers(monkeypatch, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    _idle(ui_env)
    assert list_assignments(ctx, ListQuery()).total == 1
    assert "Айгүл Серікқызы" in asked[0] and "4,5" in asked[0]
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    _idle(ui_env)
    assert list_assignments(ctx, ListQuery()).total == 0 and tab.model.rowCount() == 0


def test_aid_action_is_corrected_and_deleted_only_when_no_work_names_it(
        qtbot: QtBot, ui_env: UiEnv, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    aid = save_aid(ctx, AidInput("Көмір", ctx.today(), "kind", quantity=Decimal(3),
                                 unit="тонна", households=4, note="ескерту"))
    work = add_assignment(ctx, AssignmentInput(_volunteer(ctx), "aid", ctx.today(),
                                               Decimal(2), aid_action_id=aid.id))
    page = _page(qtbot, ui_env)
    tab = page.aid
    page.tabs.setCurrentWidget(tab)
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    tab.table.clicked.emit(tab.model.index(0, 0))
    assert tab.title.text() == "Көмір" and tab.quantity.text() == "3"
    tab.title.setText("Көмір мен отын")
    tab.households.setValue(6)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    _idle(ui_env)
    [row] = list_aid(ctx, ListQuery()).rows
    assert (row.id, row.title, row.households, row.note) == (aid.id, "Көмір мен отын", 6,
                                                            "ескерту")
    asked = _answers(monkeypatch, QMessageBox.StandardButton.Yes,
                     QMessageBox.StandardButton.Yes)
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    _menu_action(ui_env, page, tab.table, "Жою…")
    _idle(ui_env)
    assert "Көмір мен отын" in asked[0]
    assert "жоюға болмайды" in tab.error.text()
    assert list_aid(ctx, ListQuery()).total == 1
    from civicdesk.services.volunteer_work import delete_assignment
    delete_assignment(ctx, work.id)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    _idle(ui_env)
    assert list_aid(ctx, ListQuery()).total == 0 and tab.model.rowCount() == 0


def test_a_consultant_corrects_but_is_not_offered_deletion(
        qtbot: QtBot, app: CivicApp, runner: TaskRunner, consultant_ctx: Context,
        ctx: Context) -> None:
    save_org(ctx, OrgInput("Мектеп №3", "school"))
    env = UiEnv(app=app, runner=runner, actor=consultant_ctx.actor, lang="kk")
    page = _page(qtbot, env)
    for tab in (page.orgs, page.assignments, page.aid):
        assert not tab.delete_button.isVisibleTo(page)
    page.tabs.setCurrentWidget(page.orgs)
    page.orgs.table.setCurrentIndex(page.orgs.model.index(0, 0))
    habits = ListHabits(env, page, "volunteers", lambda: "")
    menu = habits.build_menu(page.orgs.table, QPoint(5, 5))
    actions = {a.text(): a.isEnabled() for a in menu.actions()}
    assert actions["Өзгерту"] and not actions["Жою…"]
    menu.close()


def test_register_headers_and_withdrawn_consent_have_their_full_text(
        qtbot: QtBot, ui_env: UiEnv, ctx: Context) -> None:
    vid = _volunteer(ctx)
    withdraw_consent(ctx, vid, ctx.today())
    page = _page(qtbot, ui_env)
    model = page.register.model
    last = model.columnCount() - 1
    assert model.headerData(last, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) == "Бос уақыты"
    consent = model.consent_column
    index = model.index(0, consent)
    shown = model.data(index, Qt.ItemDataRole.DisplayRole)
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    day = ctx.today().strftime("%d.%m.%Y")
    assert shown == f"{day} кері қайтарылды"
    assert tip.startswith("Келісім ") and "берілді" in tip and "кері қайтарылды" in tip
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) == QColor("#b00020")
    # the date is never what an elided cell loses: it comes first, and the column holds it
    table = page.register.table
    assert table.columnWidth(consent) >= table.fontMetrics().horizontalAdvance(day) + 12
    ui_env.set_language("ru")
    _idle(ui_env)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == f"{day} отозвано"
    assert "Согласие дано" in model.data(index, Qt.ItemDataRole.ToolTipRole)
