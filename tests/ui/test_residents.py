"""Residents: register with consent, history, export, erase."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from civicdesk.domain.enums import Sex
from civicdesk.services import residents as svc
from civicdesk.services.base import Context
from civicdesk.services.residents import ResidentInput
from civicdesk.ui.env import UiEnv
from civicdesk.ui.residents import ResidentDialog, ResidentPicker, ResidentsPage


def _resident(ctx: Context, name: str) -> str:
    return svc.create_resident(ctx, ResidentInput(
        full_name=name, sex=Sex.FEMALE, birth_year=1980, consent_date=date.today(),
        consent_purposes=["consultation"],
    )).id


@pytest.fixture()
def page(qtbot, ui_env: UiEnv) -> ResidentsPage:
    p = ResidentsPage(ui_env)
    qtbot.addWidget(p)
    assert ui_env.runner.wait_idle(5000)
    return p


def test_register_with_consent_and_validation(qtbot, page: ResidentsPage, ctx: Context) -> None:
    env = page.env
    d = ResidentDialog(env, parent=page)
    qtbot.addWidget(d)
    assert env.runner.wait_idle(5000)
    assert not d.consent.isChecked() and not d.consent_date.isEnabled()
    assert not any(b.isChecked() for b in d.purposes.values())
    d.iin.setText("900101300008")  # wrong check digit
    d.save()
    assert env.runner.wait_idle(5000)
    assert d.saved is None
    assert d.errors.labels["full_name"].text()
    assert d.errors.labels["iin"].text()
    assert d.errors.labels["consent_date"].text()
    d.full_name.setText("Гүлнар Сәрсенқызы Әбдірахманова")
    d.iin.setText("850515400002")
    d.consent.setChecked(True)
    d.save()
    assert env.runner.wait_idle(5000)
    assert d.saved is None
    assert d.errors.labels["consent_purposes"].text()  # consent names its purposes
    for key in ("consultation", "follow_up", "statistics"):
        d.purposes[key].setChecked(True)
    d.save()
    assert env.runner.wait_idle(5000)
    assert d.saved is not None
    assert d.saved.sex is Sex.FEMALE and d.saved.birth_year == 1985  # read from the IIN
    assert d.saved.consent_purposes == ["consultation", "follow_up", "statistics"]
    assert env.runner.wait_idle(5000)
    assert page.model.total == 1


def test_search_history_export_and_erase(qtbot, page: ResidentsPage, ctx: Context,
                                         tmp_path: Path) -> None:
    env = page.env
    _resident(ctx, "Айгүл Серікова")
    keep = _resident(ctx, "Болат Қасымов")
    page.refresh()
    assert env.runner.wait_idle(5000)
    assert page.model.total == 2
    page.search.setText("айгүл")
    qtbot.waitUntil(lambda: page.model.total == 1 and not page.model.loading)
    page.table.selectRow(0)
    assert env.runner.wait_idle(5000)
    assert page.history.count() == 1  # "no consultations yet"
    target = tmp_path / "export.json"
    page.export_selected(str(target))
    assert env.runner.wait_idle(5000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["resident"]["full_name"] == "Айгүл Серікова"
    page.erase_selected(confirmed=True)
    assert env.runner.wait_idle(5000)
    qtbot.waitUntil(lambda: page.model.total == 0)
    page.search.setText("")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.index(0, 0).data() == "Болат Қасымов"
    assert svc.get_resident(ctx, keep).full_name == "Болат Қасымов"


def test_consultants_cannot_export_or_erase(qtbot, ui_env: UiEnv, consultant_ctx: Context) -> None:
    ui_env.actor = consultant_ctx.actor
    p = ResidentsPage(ui_env)
    qtbot.addWidget(p)
    assert ui_env.runner.wait_idle(5000)
    assert p.export_button.isHidden() and p.erase_button.isHidden()


def test_picker_quick_add_is_a_resident_dialog(qtbot, ui_env: UiEnv, ctx: Context) -> None:
    _resident(ctx, "Данияр Омаров")
    picker = ResidentPicker(ui_env)
    qtbot.addWidget(picker)
    assert ui_env.runner.wait_idle(5000)
    assert picker.model.total == 1
    picker.table.selectRow(0)
    picker.accept()
    assert picker.chosen is not None and picker.chosen[1] == "Данияр Омаров"


def test_residents_model(qtmodeltester, page: ResidentsPage, ctx: Context) -> None:
    for name in ("Әлия", "Нұрлан", "Ерлан"):
        _resident(ctx, name)
    page.refresh()
    assert page.env.runner.wait_idle(5000)
    qtmodeltester.check(page.model)
