"""The manager sets the center's quorum and decision thresholds through the real
dialog on the accounts page: each kind's rule in force is shown with its note, bad
figures are refused inline in kk/ru, and a saved setting judges later meetings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from civicdesk.domain.enums import MeetingKind
from civicdesk.services.base import Context
from civicdesk.services.quorum_settings import current_rules
from civicdesk.ui.env import UiEnv
from civicdesk.ui.quorum_form import QuorumDialog
from civicdesk.ui.users import UsersPage

WAIT = 10_000


def _open(qtbot: QtBot, env: UiEnv) -> QuorumDialog:
    page = UsersPage(env)
    qtbot.addWidget(page)
    page.show()
    assert env.runner.wait_idle(WAIT)
    assert page.quorum_button.isVisible()
    page.quorum_button.click()
    dialog = page.findChildren(QuorumDialog)[0]
    qtbot.waitExposed(dialog)
    assert env.runner.wait_idle(WAIT)
    assert dialog.buttons.isEnabled()
    return dialog


def test_manager_sets_the_threshold_with_checks(
    qtbot: QtBot, ui_env: UiEnv, ctx: Context
) -> None:
    d = _open(qtbot, ui_env)
    shown = d.current.text()
    assert "Жергілікті қоғамдастық жиналысы" in shown
    assert "кворум — мүшелердің 1/2 бөлігінен астамы" in shown
    assert "әдепкі, орталық баптамаған" in shown
    assert "ауданыңыздың регламентіне сәйкес тексеріңіз" in shown  # the legal note
    d.kind.setCurrentIndex(d.kind.findData(MeetingKind.MEETING.value))
    assert (d.quorum.numerator.value(), d.quorum.denominator.value()) == (1, 2)
    assert d.quorum.strict.currentText() == "астам"

    # 3/2 of the members and a date before the first rule: refused, nothing lost
    d.valid_from.setDate(QDate(2017, 1, 1))
    d.quorum.numerator.setValue(3)
    d.quorum.strict.setCurrentIndex(1)
    d.save()
    assert ui_env.runner.wait_idle(WAIT)
    assert d.saved is None and d.isVisible()
    assert d.errors.labels["quorum_numerator"].text() == "Алым 0-ден бөлгішке (2) дейін болуы керек."
    assert "07.08.2017" in d.errors.labels["valid_from"].text()
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: d.labels["quorum"].text() == "Кворум:"
                    and d.quorum.strict.currentText() == "не менее")
    assert d.errors.labels["quorum_numerator"].text() == (
        "Числитель должен быть от 0 до знаменателя (2).")
    assert d.quorum.numerator.value() == 3
    assert current_rules(ctx, date(2027, 1, 1))[MeetingKind.MEETING].version == "2017-295"

    # at least 2/3 of the members from 1 June 2026
    d.valid_from.setDate(QDate(2026, 6, 1))
    d.quorum.numerator.setValue(2)
    d.quorum.denominator.setValue(3)
    d.save()
    assert ui_env.runner.wait_idle(WAIT)
    assert d.saved is not None and not d.isVisible()
    rules = current_rules(ctx, date(2026, 6, 1))
    assert rules[MeetingKind.MEETING].version == "center-2026-06-01-q2/3-d1/2s"
    assert current_rules(ctx, date(2026, 5, 31))[MeetingKind.MEETING].version == "2017-295"

    # opened again, today's rules show the center's setting and its date
    again = _open(qtbot, ui_env)
    assert "не менее 2/3 членов" in again.current.text()
    assert "настройка центра с 01.06.2026" in again.current.text()
    assert not again.is_dirty()


def test_only_the_centers_manager_sees_the_thresholds(
    qtbot: QtBot, ui_env: UiEnv, consultant_ctx: Context
) -> None:
    ui_env.actor = consultant_ctx.actor
    page = UsersPage(ui_env)
    qtbot.addWidget(page)
    page.show()
    assert ui_env.runner.wait_idle(WAIT)
    assert not page.quorum_button.isVisible()
    page.edit_quorum()
    assert not page.findChildren(QuorumDialog)
