"""The Volunteers page through its real widgets: a card refused without consent, then
saved with it; the list in Kazakh order; work recorded and refused after withdrawal;
an aid action with its volunteers."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from civicdesk.services.base import Context, ListQuery
from civicdesk.services.volunteer_work import list_aid, list_assignments
from civicdesk.services.volunteers import VolunteerInput, create_volunteer, list_volunteers
from civicdesk.ui.common import qdate
from civicdesk.ui.env import UiEnv
from civicdesk.ui.volunteers import VolunteersPage


def _page(qtbot, env: UiEnv) -> VolunteersPage:  # type: ignore[no-untyped-def]
    page = VolunteersPage(env)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    assert env.runner.wait_idle()
    return page


def _cells(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.data(model.index(r, column), Qt.ItemDataRole.DisplayRole)
            for r in range(model.rowCount())]


def test_register_needs_consent_then_lists_in_kazakh_order(qtbot, ui_env: UiEnv,  # type: ignore[no-untyped-def]
                                                           ctx: Context) -> None:
    for name in ("Ұлан Жандосов", "Арман Қасымов"):
        create_volunteer(ctx, VolunteerInput(full_name=name, consent_date=ctx.today(),
                                             consent_purposes=["register"]))
    page = _page(qtbot, ui_env)
    reg = page.register
    assert not reg.consent.isChecked()
    assert not any(b.isChecked() for b in reg.purposes.values())
    reg.full_name.setText("Әсел Нұрова")
    reg.phone.setText("8 701 555 12 34")
    reg.skills.setText("компьютер")
    qtbot.mouseClick(reg.save_button, Qt.MouseButton.LeftButton)
    assert ui_env.runner.wait_idle()
    assert "келісім" in reg.error.text().lower()
    assert list_volunteers(ctx, ListQuery()).total == 2
    reg.consent.setChecked(True)
    reg.purposes["register"].setChecked(True)
    qtbot.mouseClick(reg.save_button, Qt.MouseButton.LeftButton)
    assert ui_env.runner.wait_idle()
    assert ui_env.runner.wait_idle()
    assert reg.error.text() == "" and reg.view is not None
    assert _cells(reg.model, 0) == ["Арман Қасымов", "Әсел Нұрова", "Ұлан Жандосов"]
    reg.search.setText("нұР")
    reg.apply_search()
    assert ui_env.runner.wait_idle()
    assert _cells(reg.model, 0) == ["Әсел Нұрова"]


def test_work_is_recorded_and_refused_after_withdrawal(qtbot, ui_env: UiEnv,  # type: ignore[no-untyped-def]
                                                       ctx: Context, tmp_path: Path) -> None:
    v = create_volunteer(ctx, VolunteerInput(
        full_name="Айгүл Серікқызы", consent_date=ctx.today() - timedelta(days=10),
        consent_purposes=["register", "statistics"]))
    page = _page(qtbot, ui_env)
    aid_tab = page.aid
    aid_tab.title.setText("Көмір мен отын")
    aid_tab.form_kind.setCurrentIndex(aid_tab.form_kind.findData("kind"))
    aid_tab.quantity.setText("12")
    aid_tab.unit.setText("тонна")
    aid_tab.amount.setText("600 000")
    aid_tab.households.setValue(12)
    qtbot.mouseClick(aid_tab.save_button, Qt.MouseButton.LeftButton)
    assert ui_env.runner.wait_idle()
    assert ui_env.runner.wait_idle()
    assert aid_tab.error.text() == ""
    assert aid_tab.model.rowCount() == 1
    tab = page.assignments
    tab.volunteer.setCurrentIndex(tab.volunteer.findData(v.id))
    tab.kind.setCurrentIndex(tab.kind.findData("aid"))
    tab.done_on.setDate(qdate(date.today() - timedelta(days=1)))
    tab.aid.setCurrentIndex(1)
    tab.hours.setText("4,5")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert ui_env.runner.wait_idle()
    assert ui_env.runner.wait_idle()
    assert tab.error.text() == ""
    rows = list_assignments(ctx, ListQuery()).rows
    assert [(r.kind, r.hours) for r in rows] == [("aid", Decimal("4.500"))]
    assert list_aid(ctx, ListQuery()).rows[0].volunteers == 1
    # the card: withdrawal, then export as JSON
    reg = page.register
    reg.show_view(None)
    reg.table.setCurrentIndex(reg.model.index(0, 0))
    reg._open_row()
    assert ui_env.runner.wait_idle()
    assert reg.view is not None and reg.view.id == v.id
    qtbot.mouseClick(reg.withdraw_button, Qt.MouseButton.LeftButton)
    assert ui_env.runner.wait_idle()
    assert reg.view.consent_withdrawn_on == date.today()
    out = tmp_path / "v.json"
    reg.export_to(out)
    assert ui_env.runner.wait_idle()
    assert json.loads(out.read_text(encoding="utf-8"))["volunteer"]["full_name"] == v.full_name
    # the assignment form no longer offers her, and the service refuses her anyway
    assert ui_env.runner.wait_idle()
    assert tab.volunteer.findData(v.id) == -1
    # erased on request: the hours stay, the name goes
    reg.erase_now()
    assert ui_env.runner.wait_idle()
    assert reg.view.erased and reg.view.full_name == "—"
    assert reg.view.hours == Decimal("4.50")
    assert not reg.erase_button.isEnabled() and not reg.save_button.isEnabled()


def test_letter_and_network_export_from_the_card(qtbot, ui_env: UiEnv,  # type: ignore[no-untyped-def]
                                                 ctx: Context, tmp_path: Path) -> None:
    from civicdesk.services.volunteer_work import AssignmentInput, add_assignment

    v = create_volunteer(ctx, VolunteerInput(
        full_name="Жансая Мұратқызы", consent_date=ctx.today() - timedelta(days=10),
        consent_purposes=["register", "network"]))
    add_assignment(ctx, AssignmentInput(v.id, "booklets", ctx.today(), Decimal(3)))
    page = _page(qtbot, ui_env)
    reg = page.register
    rendered: list[Path] = []
    reg.on_rendered = rendered.append
    reg.show_previews = False
    assert not reg.letter_button.isEnabled()
    reg.table.setCurrentIndex(reg.model.index(0, 0))
    reg._open_row()
    assert ui_env.runner.wait_idle()
    assert reg.letter_button.isEnabled()
    qtbot.mouseClick(reg.certificate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(rendered), timeout=30_000)
    assert rendered[0].stat().st_size > 1000
    out = tmp_path / "network.csv"
    reg.export_network_to(out)
    assert ui_env.runner.wait_idle()
    assert "Жансая Мұратқызы" in out.read_text(encoding="utf-8-sig")
    assert reg.count.text().endswith("1")
