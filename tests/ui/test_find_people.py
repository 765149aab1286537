"""The journal finds a consultation by who and where; a resident's consultations open."""

from __future__ import annotations

from datetime import date, timedelta

from civicdesk.domain.enums import ConsultationChannel
from civicdesk.services.base import Context
from civicdesk.services.consultations import ConsultationInput, create_consultation
from civicdesk.services.residents import ResidentInput, create_resident
from civicdesk.ui.env import UiEnv
from civicdesk.ui.journal import ConsultationsPage
from civicdesk.ui.mainwindow import MainWindow
from civicdesk.ui.residents import ResidentsPage


def _seed(ctx: Context) -> tuple[str, list[str]]:
    asem = create_resident(ctx, ResidentInput(
        full_name="Әсемгүл Төлеуова", iin="850515400002", phone="87011234567",
        consent_date=date(2025, 1, 5), consent_purposes=["consultation"])).id
    other = create_resident(ctx, ResidentInput(
        full_name="Пётр Ёлкин", consent_date=date(2025, 1, 5),
        consent_purposes=["consultation"])).id
    ids = []
    for i, (who, question) in enumerate([(asem, "Бюджет туралы"), (asem, "Жер телімі"),
                                          (other, "Бюджет комиссиясы")]):
        ids.append(create_consultation(ctx, ConsultationInput(
            occurred_at=ctx.now().replace(microsecond=0) - timedelta(hours=i + 1),
            channel=ConsultationChannel.IN_PERSON, topic_codes=["appeals"],
            question=question, resident_id=who)).id)
    return asem, ids


def test_journal_search_box_finds_people(qtbot, ui_env: UiEnv, ctx: Context) -> None:
    _seed(ctx)
    page = ConsultationsPage(ui_env)
    qtbot.addWidget(page)
    assert ui_env.runner.wait_idle(5000)
    assert page.model.total == 3
    for words, n in (("әсем", 2), ("ӘСЕМГҮЛ", 2), ("0002", 2), ("45 67", 2),
                     ("петр", 1), ("ЁЛКИН", 1), ("әсем бюджет", 1), ("бюджет", 2)):
        page.search.setText(words)
        qtbot.waitUntil(lambda n=n: not page.search_timer.isActive()
                        and not page.model.loading and page.model.total == n)
    page.search.setText("әсем бюджет")
    qtbot.waitUntil(lambda: page.model.total == 1 and not page.model.loading)
    assert page.model.index(0, 1).data() == "Әсемгүл Төлеуова"


def test_from_a_resident_open_all_their_consultations(qtbot, ui_env: UiEnv,
                                                       ctx: Context) -> None:
    _asem, ids = _seed(ctx)
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    w.show()
    residents = w.show_page("residents")
    assert isinstance(residents, ResidentsPage)
    assert ui_env.runner.wait_idle(5000)
    residents.search.setText("төлеуова")
    qtbot.waitUntil(lambda: residents.model.total == 1 and not residents.model.loading)
    residents.table.selectRow(0)
    assert ui_env.runner.wait_idle(5000)
    assert residents.history.count() == 2
    qtbot.mouseClick(residents.journal_button, qtbot_button())
    journal = w.current_page()
    assert isinstance(journal, ConsultationsPage)
    qtbot.waitUntil(lambda: not journal.model.loading and journal.model.total == 2)
    assert journal.resident_chip.isVisible() and "Әсемгүл Төлеуова" in journal.resident_chip.text()
    assert {journal.model.row_at(i).id for i in range(2)} == set(ids[:2])  # type: ignore[union-attr]
    journal.resident_chip.click()
    qtbot.waitUntil(lambda: not journal.model.loading and journal.model.total == 3)
    assert not journal.resident_chip.isVisible()


def qtbot_button():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
