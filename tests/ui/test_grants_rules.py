"""Grants page: closed call refused first, approval needs reviews, refused prices said."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from civicdesk.domain.enums import ApplicationStatus
from civicdesk.services import grants as svc
from civicdesk.services.base import Context
from civicdesk.ui.env import UiEnv
from civicdesk.ui.grants import BudgetModel, GrantsPage
from civicdesk.ui.screens_sample import Sample
from tests.ui.test_grants import _idle, env, page, sample  # noqa: F401  (fixtures)


def test_closed_call_is_refused_before_the_form(page: GrantsPage, env: UiEnv, ctx: Context,  # noqa: F811
                                                sample: Sample,  # noqa: F811
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    closed = svc.create_call(ctx, svc.GrantCallInput(
        title_kk="Өткен конкурс", title_ru="Прошедший конкурс", region_kato="19",
        pool=Decimal(100_000), opens_on=ctx.today() - timedelta(days=90),
        closes_on=ctx.today() - timedelta(days=30)))
    page.reload_calls()
    _idle(env)
    page.open_application(sample.application_id)
    _idle(env)
    page.call_combo.setCurrentIndex(page.call_combo.findData(closed.id))
    _idle(env)
    page.new_button.click()
    _idle(env)
    assert len(shown) == 1 and svc.get_call(ctx, closed.id).title_kk  # the refusal, at once
    assert page.view is not None  # the open application stays; no empty form
    assert page.applicant_name.text()
    shown.clear()
    page.call_combo.setCurrentIndex(page.call_combo.findData(sample.call_id))
    _idle(env)
    page.new_button.click()
    _idle(env)
    assert not shown and page.view is None and page.applicant_name.text() == ""


def test_approval_button_refused_without_reviews(page: GrantsPage, env: UiEnv,  # noqa: F811
                                                 ctx: Context, sample: Sample,  # noqa: F811
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    for st in (ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW):
        svc.transition(ctx, sample.application_id, st)
    page.open_application(sample.application_id)
    _idle(env)
    assert "0" in page.average_label.text() and "2" in page.average_label.text()
    page.status_buttons[ApplicationStatus.APPROVED].click()
    _idle(env)
    assert shown and "сарапшы" in shown[0]
    assert svc.get_application(ctx, sample.application_id).status is ApplicationStatus.UNDER_REVIEW


def test_letters_in_a_price_are_reported_not_dropped(qtbot, page: GrantsPage,  # noqa: F811
                                                     env: UiEnv, sample: Sample) -> None:  # noqa: F811
    page.open_application(sample.application_id)
    _idle(env)
    page.tabs.setCurrentWidget(page.budget_view.parentWidget())
    index = page.budget.index(0, BudgetModel.UNIT_COST)
    page.budget_view.setCurrentIndex(index)
    page.budget_view.edit(index)
    editor = page.budget_view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("15а000")
    page.budget_view.commitData(editor)  # what Return or leaving the cell does
    page.budget_view.closeEditor(editor, page.budget_view.itemDelegate().EndEditHint.NoHint)
    assert "15а000" in page.budget_input_error.text()
    assert "1-жол" in page.budget_input_error.text()
    assert page.budget.lines[0].unit_cost == Decimal(15000)  # the old price kept
    page.budget.setData(page.budget.index(0, BudgetModel.UNIT_COST), "16 000")
    assert page.budget_input_error.text() == ""
