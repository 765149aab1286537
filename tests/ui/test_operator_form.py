"""The manager edits the center's details for the consent form: BIN (the domain's
check), the case forms of its name and the term of consent, errors inline in kk/ru."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from civicdesk.domain.errors import UserError
from civicdesk.domain.iin import validate_bin
from civicdesk.services.base import Context
from civicdesk.services.operator import operator_details
from civicdesk.ui.env import UiEnv
from civicdesk.ui.operator_form import OperatorDialog
from civicdesk.ui.users import UsersPage

WAIT = 10_000
BIN = "050340001235"
DATIVE = "Центру поддержки местных сообществ «Ақсу»"
GENITIVE = "«Ақсу» жергілікті қоғамдастықтарды қолдау орталығының"


def _bin_error(value: str) -> UserError:
    with pytest.raises(UserError) as err:
        validate_bin(value)
    return err.value


def _open(qtbot: QtBot, env: UiEnv) -> tuple[UsersPage, OperatorDialog]:
    page = UsersPage(env)
    qtbot.addWidget(page)
    page.show()
    assert env.runner.wait_idle(WAIT)
    assert page.operator_button.isVisible()
    page.operator_button.click()
    dialog = page.findChildren(OperatorDialog)[0]
    qtbot.waitExposed(dialog)
    assert env.runner.wait_idle(WAIT)
    assert dialog.buttons.isEnabled()
    return page, dialog


def test_manager_saves_the_operator_details_with_checks(
    qtbot: QtBot, ui_env: UiEnv, ctx: Context
) -> None:
    _page, d = _open(qtbot, ui_env)
    assert d.bin.text() == "" and d.term.value() == 5
    assert d.labels["bin"].text() == "БСН:"
    d.bin.setText("050340001234")  # wrong check digit
    d.name_ru_dative.setText(DATIVE)
    d.name_kk_genitive.setText("  ")
    d.save()
    assert ui_env.runner.wait_idle(WAIT)
    assert d.saved is None and d.isVisible()
    wrong = _bin_error("050340001234")
    assert d.errors.labels["bin"].text() == wrong.text("kk")
    assert d.errors.labels["name_kk_genitive"].text()
    assert d.name_ru_dative.text() == DATIVE  # nothing typed is lost
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: d.labels["bin"].text() == "БИН:")
    assert d.errors.labels["bin"].text() == wrong.text("ru")
    assert operator_details(ctx).bin == ""  # nothing was stored

    d.bin.setText("1234")
    d.save()
    assert ui_env.runner.wait_idle(WAIT)
    assert d.errors.labels["bin"].text() == _bin_error("1234").text("ru")

    d.bin.setText(f" {BIN} ")
    d.name_kk_genitive.setText(GENITIVE)
    d.term.setValue(3)
    d.save()
    assert ui_env.runner.wait_idle(WAIT)
    assert d.saved is not None and not d.isVisible()
    stored = operator_details(ctx)
    assert (stored.bin, stored.name_ru_dative, stored.name_kk_genitive,
            stored.consent_term_years) == (BIN, DATIVE, GENITIVE, 3)

    # opened again, the form shows what is stored
    _page2, again = _open(qtbot, ui_env)
    assert (again.bin.text(), again.term.value()) == (BIN, 3)
    assert again.name_kk_genitive.text() == GENITIVE
    assert not again.is_dirty()


def test_a_consultant_has_no_operator_form(
    qtbot: QtBot, ui_env: UiEnv, consultant_ctx: Context
) -> None:
    ui_env.actor = consultant_ctx.actor
    page = UsersPage(ui_env)
    qtbot.addWidget(page)
    page.show()
    assert ui_env.runner.wait_idle(WAIT)
    assert not page.operator_button.isVisible()
    page.edit_operator()
    assert not page.findChildren(OperatorDialog)
