"""The consultations journal: create, edit, validate, search, filter, follow-ups."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.services import consultations as svc
from civicdesk.services.base import Context
from civicdesk.services.consultations import ConsultationInput
from civicdesk.services.reference import add_settlement, topics
from civicdesk.ui.consultation_dialog import ConsultationDialog
from civicdesk.ui.env import UiEnv
from civicdesk.ui.journal import ConsultationsPage


def _add(ctx: Context, question: str, channel: ConsultationChannel, *, days_ago: int = 0,
         topic: str | None = None, follow_up: date | None = None) -> None:
    code = topic or topics(ctx)[0].code
    assert code is not None
    svc.create_consultation(ctx, ConsultationInput(
        occurred_at=datetime.now().replace(microsecond=0) - timedelta(days=days_ago),
        channel=channel, topic_codes=[code], question=question, follow_up_on=follow_up,
        status=ConsultationStatus.FOLLOW_UP if follow_up else ConsultationStatus.OPEN,
    ))


@pytest.fixture()
def page(qtbot, ui_env: UiEnv) -> ConsultationsPage:
    p = ConsultationsPage(ui_env)
    qtbot.addWidget(p)
    assert ui_env.runner.wait_idle(5000)
    return p


def test_create_with_inline_validation_then_edit(qtbot, ui_env: UiEnv, ctx: Context) -> None:
    add_settlement(ctx, "Ақсу", "Аксу")
    page = ConsultationsPage(ui_env)
    qtbot.addWidget(page)
    assert ui_env.runner.wait_idle(5000)
    assert page.model.total == 0
    d = ConsultationDialog(ui_env, page.refs, parent=page)
    qtbot.addWidget(d)
    d.advice.setPlainText("Жиынның тәртібі түсіндірілді")
    d.save()
    assert ui_env.runner.wait_idle(5000)
    assert d.saved is None
    question_error = d.errors.labels["question"]
    topic_error = d.errors.labels["topic_codes"]
    assert question_error.text() and not question_error.isHidden()
    assert topic_error.text()
    assert d.advice.toPlainText() == "Жиынның тәртібі түсіндірілді"  # nothing lost
    kk_text = question_error.text()
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: d.labels["question"].text() == "Вопрос:")
    assert question_error.text() != kk_text  # the same error, now in Russian

    d.question.setPlainText("Жергілікті қоғамдастық жиынын қалай өткізуге болады?")
    d.topic.setCurrentIndex(1)
    d.settlement.setCurrentIndex(d.settlement.findText("Аксу"))
    d.save()
    assert ui_env.runner.wait_idle(5000)
    assert d.saved is not None
    assert d.saved.settlement_id is not None
    assert ui_env.runner.wait_idle(5000)
    assert page.model.total == 1

    # edit: the form opens with the stored values, the change is saved
    view = svc.get_consultation(ctx, d.saved.id)
    e = ConsultationDialog(ui_env, page.refs, view, parent=page)
    qtbot.addWidget(e)
    assert e.question.toPlainText() == view.question
    assert not e.is_dirty()
    e.status.setCurrentIndex(e.status.findData(ConsultationStatus.CLOSED.value))
    assert e.is_dirty()
    e.save()
    assert ui_env.runner.wait_idle(5000)
    assert svc.get_consultation(ctx, view.id).status is ConsultationStatus.CLOSED


def test_search_in_kazakh_and_russian(qtbot, page: ConsultationsPage, ctx: Context) -> None:
    _add(ctx, "Бөлек жиын туралы сұрақ", ConsultationChannel.PHONE)
    _add(ctx, "Вопрос о раздельном сходе", ConsultationChannel.IN_PERSON)
    _add(ctx, "Грантқа өтінім беру", ConsultationChannel.ONLINE)
    page.refresh()
    assert page.env.runner.wait_idle(5000)
    assert page.model.total == 3
    page.search.setText("жиын")  # debounced: no query per keystroke
    assert page.search_timer.isActive()
    qtbot.waitUntil(lambda: page.model.total == 1 and not page.model.loading)
    assert "Бөлек жиын" in str(page.model.index(0, 3).data())
    page.search.setText("СХОДЕ")
    qtbot.waitUntil(lambda: page.model.total == 1 and "сходе" in str(page.model.index(0, 3).data()))
    page.search.setText("")
    qtbot.waitUntil(lambda: page.model.total == 3)


def test_filters_run_in_sql(qtbot, page: ConsultationsPage, ctx: Context) -> None:
    _add(ctx, "Телефон арқылы", ConsultationChannel.PHONE)
    _add(ctx, "Жеке келді", ConsultationChannel.IN_PERSON)
    _add(ctx, "Былтыр", ConsultationChannel.PHONE, days_ago=400)
    page.refresh()
    assert page.env.runner.wait_idle(5000)
    page.channel.setCurrentIndex(page.channel.findData(ConsultationChannel.PHONE.value))
    assert page.env.runner.wait_idle(5000)
    assert page.model.total == 2
    page.period.setCurrentIndex(page.period.findData("month"))
    assert page.env.runner.wait_idle(5000)
    assert page.model.total == 1
    page.channel.setCurrentIndex(0)
    page.period.setCurrentIndex(0)
    assert page.env.runner.wait_idle(5000)
    assert page.model.total == 3


def test_sorting_by_header_runs_in_sql(page: ConsultationsPage, ctx: Context) -> None:
    from PySide6.QtCore import Qt

    for q in ("Б сұрақ", "А сұрақ", "В сұрақ"):
        _add(ctx, q, ConsultationChannel.PHONE)
    page.refresh()
    assert page.env.runner.wait_idle(5000)
    page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert page.env.runner.wait_idle(5000)
    assert page.model.sort_key == "question" and not page.model.descending
    assert [page.model.index(i, 3).data() for i in range(3)] == ["А сұрақ", "Б сұрақ", "В сұрақ"]


def test_paging_never_loads_everything(qtbot, ui_env: UiEnv, ctx: Context) -> None:
    for i in range(450):
        _add(ctx, f"Сұрақ {i}", ConsultationChannel.PHONE)
    page = ConsultationsPage(ui_env)
    qtbot.addWidget(page)
    assert ui_env.runner.wait_idle(10000)
    assert page.model.total == 450
    assert page.model.cached_rows == 200
    assert page.model.index(420, 3).data() is None  # asks for its page
    assert ui_env.runner.wait_idle(5000)
    assert page.model.index(420, 3).data() is not None
    assert page.model.cached_rows == 250


def test_follow_ups_due_are_listed(page: ConsultationsPage, ctx: Context) -> None:
    _add(ctx, "Қайта хабарласу", ConsultationChannel.PHONE, follow_up=date.today())
    page.refresh()
    assert page.env.runner.wait_idle(5000)
    assert page.followups.count() == 1
    assert "(тұрғын көрсетілмеген)" in page.followups.item(0).text()


def test_journal_model(qtmodeltester, page: ConsultationsPage, ctx: Context) -> None:
    for i in range(5):
        _add(ctx, f"Сұрақ {i}", ConsultationChannel.ONLINE)
    page.refresh()
    assert page.env.runner.wait_idle(5000)
    qtmodeltester.check(page.model)
