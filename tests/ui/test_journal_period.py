"""The journal's period filter has a custom range (from – to), filtered in SQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.services import consultations as svc
from civicdesk.services.base import Context
from civicdesk.services.consultations import ConsultationInput
from civicdesk.services.reference import topics
from civicdesk.ui.env import UiEnv
from civicdesk.ui.journal import ConsultationsPage


def _add(ctx: Context, question: str, when: date) -> None:
    code = topics(ctx)[0].code
    assert code is not None
    svc.create_consultation(ctx, ConsultationInput(
        occurred_at=datetime(when.year, when.month, when.day, 10, 0),
        channel=ConsultationChannel.IN_PERSON, topic_codes=[code], question=question,
        status=ConsultationStatus.OPEN,
    ))


def test_custom_range_filters_between_two_dates(qtbot: QtBot, ui_env: UiEnv,
                                                ctx: Context) -> None:
    today = date.today()
    for days in (40, 20, 10, 1):
        _add(ctx, f"{days} күн бұрын", today - timedelta(days=days))
    page = ConsultationsPage(ui_env)
    qtbot.addWidget(page)
    page.show()
    assert ui_env.runner.wait_idle(5000)
    assert page.model.total == 4
    assert page.date_from.isHidden() and page.date_to.isHidden()
    page.period.setCurrentIndex(page.period.findData("custom"))
    assert not page.date_from.isHidden() and not page.date_to.isHidden()
    start, end = today - timedelta(days=25), today - timedelta(days=5)
    page.date_from.setDate(QDate(start.year, start.month, start.day))
    page.date_to.setDate(QDate(end.year, end.month, end.day))
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=5000)
    questions = {page.model.row_at(i).question for i in range(2)}  # type: ignore[union-attr]
    assert questions == {"20 күн бұрын", "10 күн бұрын"}
    assert start.strftime("%d.%m.%Y") in page.export_note()
    # the end cannot be put before the start
    early = start - timedelta(days=3)
    page.date_to.setDate(QDate(early.year, early.month, early.day))
    assert page.date_to.date() >= page.date_from.date()
    # back to a ready period: the range hides and stops filtering
    page.period.setCurrentIndex(page.period.findData("all"))
    assert page.date_from.isHidden()
    qtbot.waitUntil(lambda: page.model.total == 4, timeout=5000)
    assert page.period.itemText(page.period.findData("custom")) == "Өз мерзімі…"
