"""Head office merges a center-added settlement into the official one on its own page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from civicdesk.domain.enums import Role
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context, ListQuery
from civicdesk.services.reference import add_settlement, districts, settlements
from civicdesk.services.residents import ResidentInput, create_resident, list_residents
from civicdesk.services.settlements import follow_merges
from civicdesk.ui import i18n
from civicdesk.ui.env import UiEnv
from civicdesk.ui.settlement_merge import SettlementMergePage
from civicdesk.ui.tasks import TaskRunner


def _head_env(app: CivicApp, runner: TaskRunner, lang: str = "kk") -> UiEnv:
    head = Actor("ho", "Бас кеңсе", Role.HEAD_OFFICE, "ho-center", lang)  # type: ignore[arg-type]
    i18n.ensure_compiled()
    i18n.install(lang)  # type: ignore[arg-type]
    return UiEnv(app=app, runner=runner, actor=head, lang=lang)  # type: ignore[arg-type]


def _setup(ctx: Context) -> tuple[str, str, str]:
    district = districts(ctx, "19")[0]
    own = add_settlement(ctx, "Жаңа ауыл", "Новое село", district_id=district.id)
    add_settlement(ctx, "Өрнек", "Орнек", district_id=district.id, kato="193637100")
    official = add_settlement(ctx, "Жаңаауыл", "Жанаауыл", district_id=district.id,
                              kato="193637200")
    add_settlement(ctx, "Ақтоғай", "Актогай", district_id=district.id, kato="193637300")
    for name in ("Дана Әлиева", "Ерлан Қасымов"):
        create_resident(ctx, ResidentInput(full_name=name, settlement_id=own.id,
                                           consent_date=date(2025, 1, 5),
                                           consent_purposes=["consultation"]))
    return own.id, official.id, district.name_kk


def test_head_office_merges_a_center_settlement(  # type: ignore[no-untyped-def]
        qtbot, monkeypatch, app: CivicApp, runner: TaskRunner, ctx: Context) -> None:
    own_id, official_id, district_kk = _setup(ctx)
    env = _head_env(app, runner)
    page = SettlementMergePage(env)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    m = page.model
    assert [m.data(m.index(0, c)) for c in (0, 2, 3, 4)] == [
        "Жаңа ауыл", "Алматы облысы", district_kk, "2"]
    # the official settlements of its district, in Kazakh alphabetical order
    qtbot.waitUntil(lambda: page.target.count() == 4, timeout=5000)
    offered = [page.target.itemText(i) for i in range(1, page.target.count())]
    assert offered == ["Ақтоғай (193637300)", "Жаңаауыл (193637200)", "Өрнек (193637100)"]
    assert not page.merge_button.isEnabled()  # nothing chosen yet
    page.target.setCurrentIndex(page.target.findData(official_id))
    assert page.merge_button.isEnabled()

    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    assert page.merge_selected() is False  # "No": nothing happens
    assert runner.wait_idle(5000)
    assert own_id in {s.id for s in settlements(ctx)}
    assert page.merge_selected() is True
    assert "«Жаңа ауыл»" in asked[0] and "«Жаңаауыл»" in asked[0] and "2" in asked[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert "Жаңаауыл" in page.status.text()
    assert own_id not in {s.id for s in settlements(ctx)}
    with app.db.session() as s:
        who = s.execute(text("SELECT action, user_name FROM audit_log "
                             "WHERE entity = 'settlement' AND entity_id = :i AND action = 'merge'"),
                        {"i": own_id}).all()
    assert who == [("merge", "Бас кеңсе")]
    follow_merges(ctx)  # the center after its next sync
    assert {r.settlement_kk for r in list_residents(ctx, ListQuery()).rows} == {"Жаңаауыл"}
    assert runner.wait_idle(5000)


def test_the_page_speaks_russian(qtbot, app: CivicApp, runner: TaskRunner,  # type: ignore[no-untyped-def]
                                 ctx: Context) -> None:
    _setup(ctx)
    add_settlement(ctx, "Әйтеке", "Яблоневое")
    env = _head_env(app, runner, "ru")
    page = SettlementMergePage(env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    m = page.model
    # each language in its own alphabetical order
    assert [m.data(m.index(r, 0)) for r in range(2)] == ["Новое село", "Яблоневое"]
    assert m.data(m.index(0, 2)) == "Алматинская область"
    assert m.headerData(4, Qt.Orientation.Horizontal) == "Записей"
    assert page.merge_button.text() == "Объединить…"
    env.set_language("kk")
    qtbot.waitUntil(lambda: m.data(m.index(0, 0)) == "Әйтеке", timeout=5000)
    assert [m.data(m.index(r, 0)) for r in range(2)] == ["Әйтеке", "Жаңа ауыл"]
    assert runner.wait_idle(5000)


def test_only_head_office_has_the_page(qtbot, app: CivicApp, runner: TaskRunner,  # type: ignore[no-untyped-def]
                                       ui_env: UiEnv) -> None:
    from civicdesk.ui.mainwindow import MainWindow

    center = MainWindow(ui_env)  # a center's manager
    qtbot.addWidget(center)
    assert "settlements" not in center.nav_keys()
    head = MainWindow(_head_env(app, runner))
    qtbot.addWidget(head)
    assert "settlements" in head.nav_keys()
    page = head.show_page("settlements")
    assert isinstance(page, SettlementMergePage)
    assert runner.wait_idle(5000)
