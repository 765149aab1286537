"""The Reports page: totals shown, charts drawn, drill-down opens the right rows,
export to PDF and XLSX, head office narrows to a center, the language switches."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCharts import QHorizontalBarSeries, QPieSeries
from PySide6.QtWidgets import QTableWidget

from civicdesk.domain.enums import Role
from civicdesk.domain.periods import Period, parse_period, range_period
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.services.demo import generate_demo
from civicdesk.services.reports import build_report, drill_ids
from civicdesk.ui.env import UiEnv
from civicdesk.ui.reports import ReportsPage
from civicdesk.ui.tasks import TaskRunner


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(10000)


def _whole(ctx: Context) -> Period:
    return range_period(ctx.today() - timedelta(days=800), ctx.today())


@pytest.fixture()
def demo_env(ctx: Context, ui_env: UiEnv) -> UiEnv:
    generate_demo(ctx, consultations=2000, seed=5)
    return ui_env


@pytest.fixture()
def page(qtbot, demo_env: UiEnv) -> ReportsPage:  # type: ignore[no-untyped-def]
    p = ReportsPage(demo_env)
    qtbot.addWidget(p)
    p.resize(1300, 900)
    _idle(demo_env)
    return p


def _number(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


def _cells(table: QTableWidget) -> dict[str, list[str]]:
    out = {}
    for row in range(table.rowCount()):
        name = table.item(row, 0)
        assert name is not None
        out[name.text()] = [
            table.item(row, col).text()  # type: ignore[union-attr]
            for col in range(1, table.columnCount())
        ]
    return out


def test_shows_the_totals_of_the_period(page: ReportsPage, ctx: Context) -> None:
    assert page.loaded is not None
    assert page.loaded.report.period.kind == "quarter"  # the current quarter by default
    period = _whole(ctx)
    page.set_period(period)
    _idle(page.env)
    expected = build_report(ctx, period)
    shown = page.loaded.report
    assert shown.period == period
    assert shown.consultations == expected.consultations
    total_label = page.figure_labels["0:1"].text()
    assert _number(expected.consultations.total) in total_label
    assert "Кеңестер саны" in total_label
    assert _number(expected.consultations.overdue) in page.figure_labels["0:4"].text()
    topics = _cells(page.tables["topic"])
    for t in expected.consultations.by_topic:
        assert topics[t.kk][0] == _number(t.count)
    assert topics["Барлығы"][0] == _number(expected.consultations.total)
    channels = _cells(page.tables["channel"])
    assert channels["Жеке қабылдау"][0] == _number(expected.consultations.by_channel[0].count)
    assert "ЖӨБ" in page.period_label.text()
    # the charts hold one bar per topic and one slice per channel used
    bars = page.topic_chart.chart().series()[0]
    assert isinstance(bars, QHorizontalBarSeries)
    assert bars.barSets()[0].count() == len(expected.consultations.by_topic)
    pie = page.channel_chart.chart().series()[0]
    assert isinstance(pie, QPieSeries)
    assert pie.count() == sum(1 for c in expected.consultations.by_channel if c.count)
    assert page.tabs.count() >= 12


def test_period_picker(page: ReportsPage) -> None:
    page.set_period(parse_period("2025Q1"))
    _idle(page.env)
    assert page.period().code == "2025Q1"
    assert page.loaded is not None and page.loaded.report.period.code == "2025Q1"
    page.kind.setCurrentIndex(page.kind.findData("year"))
    _idle(page.env)
    assert page.loaded.report.period.code == "2025"
    assert "2025 ж." in page.period_label.text()
    page.kind.setCurrentIndex(page.kind.findData("month"))
    page.part.setCurrentIndex(page.part.findData(3))
    _idle(page.env)
    assert page.loaded.report.period.code == "2025-03"
    booklets = _cells(page.tables["booklets"])
    assert booklets["Барлығы"][0] == _number(600)


def test_drill_down_opens_the_rows_behind_a_number(page: ReportsPage, ctx: Context) -> None:
    period = _whole(ctx)
    page.set_period(period)
    _idle(page.env)
    assert page.loaded is not None
    topic = page.loaded.report.consultations.by_topic[2]
    table = page.tables["topic"]
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == topic.kk)  # type: ignore[union-attr]
    table.cellDoubleClicked.emit(row, 1)
    _idle(page.env)
    dialog = page.last_drill
    assert dialog is not None and dialog.isVisible()
    assert (dialog.dimension, dialog.key) == ("topic", topic.key)
    assert dialog.model.total == topic.count
    expected = drill_ids(ctx, period, "topic", topic.key)
    shown = [dialog.model.row_at(i) for i in range(min(50, dialog.model.rowCount()))]
    assert [r.id for r in shown if r is not None] == expected[: len(shown)]
    assert all(r is not None and r.topic_code == topic.key for r in shown)
    assert _number(topic.count) in dialog.count.text()
    dialog.close()
    _idle(page.env)

    # a sex × age cell of the cross table
    cross = page.tables["sex_age"]
    report = page.loaded.report
    age = report.consultations.by_age_group[2]
    sex = report.consultations.by_sex[1]
    r = next(i for i in range(cross.rowCount()) if cross.item(i, 0).text() == age.kk)  # type: ignore[union-attr]
    cross.cellDoubleClicked.emit(r, 2)
    _idle(page.env)
    dialog = page.last_drill
    assert dialog is not None and (dialog.dimension, dialog.key) == ("sex_age",
                                                                     f"{sex.key}|{age.key}")
    assert dialog.model.total == report.consultations.sex_age[sex.key][age.key]
    dialog.close()
    _idle(page.env)

    # the overdue key figure opens the overdue follow-ups
    page.figure_labels["0:4"].clicked.emit()
    _idle(page.env)
    dialog = page.last_drill
    assert dialog is not None and dialog.dimension == "overdue"
    assert dialog.model.total == report.consultations.overdue
    dialog.close()
    _idle(page.env)

    # a share (not a count) opens nothing
    table.cellDoubleClicked.emit(row, 2)
    _idle(page.env)
    assert page.last_drill is None


def test_export_pdf_and_xlsx(page: ReportsPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from pypdf import PdfReader

    page.set_period(parse_period("2025Q1"))
    _idle(page.env)
    assert page.loaded is not None
    pdf = tmp_path / "q1.pdf"
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export("pdf", pdf)
    text = " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "ТОҚСАНДЫҚ ЕСЕП" in text and "КВАРТАЛЬНЫЙ ОТЧЁТ" in text
    assert str(pdf) in page.status.text()
    xlsx = tmp_path / "q1.xlsx"
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export("xlsx", xlsx)
    wb = load_workbook(xlsx)
    values = {row[0]: row[2] for row in wb.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert values["Кеңес беру: Кеңестер саны"] == page.loaded.report.consultations.total
    assert page.pdf_button.isEnabled() and page.xlsx_button.isEnabled()


def test_language_switch(page: ReportsPage) -> None:
    assert page.pdf_button.text() == "PDF экспорты…"
    page.env.set_language("ru")
    _idle(page.env)
    assert page.pdf_button.text() == "Экспорт PDF…"
    assert page.kind.itemText(0) == "Квартал"
    assert "Консультаций" in page.figure_labels["0:1"].text()
    assert "Итого" in _cells(page.tables["topic"])
    page.env.set_language("kk")
    _idle(page.env)
    assert page.kind.itemText(0) == "Тоқсан"


def test_head_office_sees_centers_and_narrows(  # type: ignore[no-untyped-def]
    qtbot, demo_env: UiEnv, app: CivicApp, ctx: Context, other_center_ctx: Context,
) -> None:
    head = Actor(None, "Бас кеңсе", Role.HEAD_OFFICE, ctx.actor.center_id)
    runner = demo_env.runner
    assert isinstance(runner, TaskRunner)
    env = UiEnv(app=app, runner=runner, actor=head, lang="kk")
    p = ReportsPage(env)
    qtbot.addWidget(p)
    period = _whole(ctx)
    p.set_period(period)
    _idle(env)
    assert p.loaded is not None
    assert p.center.isVisibleTo(p)
    assert "centers_a" in p.tables and "regions_a" in p.tables
    centers = _cells(p.tables["centers_a"])
    mine = build_report(ctx, period).consultations.total
    assert centers["Ақсу ауылының ЖӨБ дамыту орталығы"][0] == _number(mine)
    p.center.setCurrentIndex(p.center.findData(ctx.actor.center_id))
    _idle(env)
    assert p.loaded.report.center_id == ctx.actor.center_id
    assert "centers_a" not in p.tables
    assert p.center.count() >= 2  # the list stays for choosing another center
