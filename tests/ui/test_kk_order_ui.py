"""Kazakh alphabetical order in the residents list, the resident picker and the filters."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from civicdesk.domain.enums import Role
from civicdesk.services.base import Context
from civicdesk.services.reference import add_settlement
from civicdesk.services.residents import ResidentInput, create_resident
from civicdesk.services.users import create_user
from civicdesk.ui.env import UiEnv
from civicdesk.ui.journal import ConsultationsPage
from civicdesk.ui.residents import ResidentDialog, ResidentPicker, ResidentsPage

NAMES = ["Өмірзақ Құдайбергенов", "Яна Ким", "Әсем Жанқызы", "Оспан Ерлан", "Айгүл Серікова",
         "Бекзат Ерланұлы"]
ORDERED = ["Айгүл Серікова", "Әсем Жанқызы", "Бекзат Ерланұлы", "Оспан Ерлан",
           "Өмірзақ Құдайбергенов", "Яна Ким"]


def _seed(ctx: Context) -> None:
    for name in NAMES:
        create_resident(ctx, ResidentInput(full_name=name, consent_date=date(2025, 1, 5),
                                           consent_purposes=["consultation"]))


def _column(model: object) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]  # type: ignore[attr-defined]


def test_residents_page_and_picker_open_in_kazakh_order(qtbot, ui_env: UiEnv,
                                                         ctx: Context) -> None:
    _seed(ctx)
    page = ResidentsPage(ui_env)
    qtbot.addWidget(page)
    assert ui_env.runner.wait_idle(5000)
    assert _column(page.model) == ORDERED
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not page.model.loading and _column(page.model) == ORDERED[::-1])
    picker = ResidentPicker(ui_env)
    qtbot.addWidget(picker)
    assert ui_env.runner.wait_idle(5000)
    assert _column(picker.model) == ORDERED  # not Ө/Ә names on top


def test_settlement_and_consultant_lists_in_kazakh_order(qtbot, ui_env: UiEnv,
                                                          ctx: Context) -> None:
    for kk, ru in (("Үшарал", "Ушарал"), ("Қарабұлақ", "Карабулак"), ("Көктал", "Коктал"),
                   ("Әулиеағаш", "Аулиеагаш")):
        add_settlement(ctx, kk, ru)
    for login, name in (("u1", "Өмір Сейіт"), ("u2", "Оспан Әли")):
        create_user(ctx, login=login, full_name=name, role=Role.CONSULTANT,
                    password="pass-word-123")
    page = ConsultationsPage(ui_env)
    qtbot.addWidget(page)
    assert ui_env.runner.wait_idle(5000)
    places = [page.settlement.itemText(i) for i in range(1, page.settlement.count())]
    assert places.index("Әулиеағаш") < places.index("Көктал") < places.index("Қарабұлақ") \
        < places.index("Үшарал")
    people = [page.consultant.itemText(i) for i in range(1, page.consultant.count())]
    assert people.index("Оспан Әли") < people.index("Өмір Сейіт")
    dialog = ResidentDialog(ui_env)
    qtbot.addWidget(dialog)
    assert ui_env.runner.wait_idle(5000)
    options = [dialog.settlement.itemText(i) for i in range(1, dialog.settlement.count())]
    assert options.index("Әулиеағаш") < options.index("Көктал") < options.index("Үшарал")
    ui_env.set_language("ru")
    assert ui_env.runner.wait_idle(5000)
    places = [page.settlement.itemText(i) for i in range(1, page.settlement.count())]
    assert places.index("Аулиеагаш") < places.index("Карабулак") < places.index("Коктал")
