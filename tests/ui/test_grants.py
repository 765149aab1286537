"""The grants page: budget grid totals, conflict of interest, award above the pool."""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from civicdesk.domain.enums import ApplicationStatus, BudgetCategory
from civicdesk.services import grants as svc
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.ui import i18n
from civicdesk.ui.env import UiEnv
from civicdesk.ui.grants import BudgetModel, EditLine, GrantsPage
from civicdesk.ui.screens_sample import Sample, build_sample
from civicdesk.ui.tasks import TaskRunner


@pytest.fixture()
def env(qtbot: object, app: CivicApp, manager: Actor) -> Iterator[UiEnv]:
    runner = TaskRunner()
    bugs: list[BaseException] = []
    runner.bug_handler = lambda exc, tb: bugs.append(exc)
    ui = UiEnv(app=app, runner=runner, actor=manager, lang="kk")
    i18n.ensure_compiled()
    i18n.install("kk")
    yield ui
    runner.wait_idle(5000)
    runner.shutdown()
    assert not bugs, bugs


@pytest.fixture()
def sample(ctx: Context) -> Sample:
    return build_sample(ctx)


@pytest.fixture()
def page(qtbot, env: UiEnv, sample: Sample) -> GrantsPage:  # type: ignore[no-untyped-def]
    p = GrantsPage(env)
    qtbot.addWidget(p)
    assert env.runner.wait_idle()
    return p


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(5000)


def _model() -> BudgetModel:
    names = {c: c.value for c in BudgetCategory}
    return BudgetModel(lambda: names, lambda: [str(i) for i in range(7)], lambda: "Барлығы")


def test_budget_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    model.set_lines([EditLine(BudgetCategory.PAY, "Жаттықтырушы", "сабақ", Decimal(12), Decimal(15000)),
                     EditLine(BudgetCategory.RENT, "Зал", "күн", Decimal(2), Decimal(5000), Decimal(1000))])
    qtmodeltester.check(model, force_py=True)


def test_budget_grid_totals(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    model.add_line()
    model.add_line()
    assert model.rowCount() == 3  # two lines and the totals row
    assert model.setData(model.index(0, BudgetModel.QTY), "12")
    assert model.setData(model.index(0, BudgetModel.UNIT_COST), "15 000")
    assert model.setData(model.index(1, BudgetModel.QTY), "2,5")
    assert model.setData(model.index(1, BudgetModel.UNIT_COST), "4000 ₸")
    assert model.setData(model.index(1, BudgetModel.COFIN), "5000")
    assert not model.setData(model.index(1, BudgetModel.UNIT_COST), "көп")  # refused, unchanged
    assert not model.setData(model.index(1, BudgetModel.TOTAL), "1")
    assert model.data(model.index(0, BudgetModel.TOTAL)) == "180\u00a0000\u00a0₸"
    assert model.data(model.index(2, BudgetModel.TOTAL)) == "190\u00a0000\u00a0₸"
    assert model.data(model.index(2, BudgetModel.COFIN)) == "5\u00a0000\u00a0₸"
    assert not model.flags(model.index(2, BudgetModel.ITEM)) & Qt.ItemFlag.ItemIsEditable
    t = model.totals()
    assert (t.total, t.cofinancing, t.requested) == (Decimal(190000), Decimal(5000), Decimal(185000))
    model.remove_line(0)
    assert model.totals().total == Decimal(10000)


def test_page_shows_pool_and_budget_warnings(page: GrantsPage, env: UiEnv, sample: Sample) -> None:
    assert "600\u00a0000\u00a0₸" in page.pool_bar.format()
    assert page.pool_bar.value() == 600000 and page.pool_bar.maximum() == 1000000
    page.open_application(sample.application_id)
    _idle(env)
    assert page.budget.rowCount() == 5
    assert "co-financing" not in page.budget_summary.text()  # translated
    assert "20\u00a0000\u00a0₸" in page.budget_summary.text()
    # administration above the cap is warned about inline
    assert "Әкімшілік" in page.budget_warnings.text()
    # only the legal next step is enabled for a draft
    enabled = {s for s, b in page.status_buttons.items() if b.isEnabled()}
    assert enabled == {ApplicationStatus.SUBMITTED}
    # edit a line in the grid and save
    page.budget.setData(page.budget.index(0, BudgetModel.QTY), "10")
    page.save_budget()
    _idle(env)
    assert page.view is not None
    assert page.view.budget[0].qty == Decimal(10)


def test_conflict_of_interest_disables_scoring(page: GrantsPage, env: UiEnv, ctx: Context, sample: Sample) -> None:
    svc.transition(ctx, sample.application_id, ApplicationStatus.SUBMITTED)
    svc.transition(ctx, sample.application_id, ApplicationStatus.UNDER_REVIEW)
    page.open_application(sample.application_id)
    _idle(env)
    assert page.review_box.isEnabled()
    assert page.score_box.isEnabled() and len(page.score_spins) == 5
    page.conflict.setChecked(True)
    assert not page.score_box.isEnabled()
    assert not next(iter(page.score_spins.values())).isEnabled()
    page.reviewer.setText("Асқар Жұмабаев")
    page.conflict_note.setText("Өтініш берушінің туысы")
    page.add_review()
    _idle(env)
    assert page.view is not None
    review = page.view.reviews[0]
    assert review.conflict_declared and review.scores == {}
    page.conflict.setChecked(False)
    assert page.score_box.isEnabled()
    page.reviewer.setText("Мәдина Есенова")
    for spin in page.score_spins.values():
        spin.setValue(8)
    assert "80" in page.weighted_label.text()
    page.add_review()
    _idle(env)
    assert page.view.average_score == Decimal(80)  # weighted, out of 100


def test_award_above_pool_refused_and_nothing_saved(page: GrantsPage, env: UiEnv, ctx: Context,
                                                     sample: Sample, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    for st in (ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW):
        svc.transition(ctx, sample.application_id, st)
    for name in ("Бірінші сарапшы", "Екінші сарапшы"):
        svc.add_review(ctx, sample.application_id, name, False,
                       {c.code: 8 for c in svc.get_call(ctx, sample.call_id).criteria})
    svc.transition(ctx, sample.application_id, ApplicationStatus.APPROVED)
    page.open_application(sample.application_id)
    _idle(env)
    assert page.award_button.isEnabled()
    page.award_amount.setText("500 000")  # 400 000 is left
    page.award()
    _idle(env)
    message = page.award_errors.text("amount")
    assert "қалдығынан" in message and "400\u00a0000\u00a0₸" in message
    assert svc.get_application(ctx, sample.application_id).awarded_amount is None
    assert svc.get_call(ctx, sample.call_id).awarded == Decimal(600000)
    page.award_amount.setText("400 000")
    page.award()
    _idle(env)
    assert svc.get_application(ctx, sample.application_id).awarded_amount == Decimal(400000)
    assert not shown


def test_print_application_renders(page: GrantsPage, env: UiEnv, sample: Sample, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.open_application(sample.application_id)
    _idle(env)
    got: list[Path] = []
    page.show_previews = False
    page.on_rendered = lambda p: got.append(Path(str(p)))
    page.print_application()
    qtbot.waitUntil(lambda: bool(got), timeout=60000)
    assert got[0].read_bytes().startswith(b"%PDF")


def test_new_competition_dialog(page: GrantsPage, env: UiEnv, ctx: Context) -> None:
    page.new_call()
    dialog = page.call_dialog
    _idle(env)
    assert dialog.region.count() >= 17
    dialog.pool.setText("бір миллион")
    dialog.save()
    assert dialog.errors.text("pool")  # not a number: refused next to the field
    dialog.title_kk.setText("Жетісу облысындағы шағын гранттар")
    dialog.title_ru.setText("Малые гранты в области Жетісу")
    dialog.region.setCurrentIndex(dialog.region.findData("33"))
    dialog.pool.setText("2 000 000")
    dialog.save()
    _idle(env)
    assert dialog.created is not None
    assert page.call_combo.currentData() == dialog.created.id
    assert "2\u00a0000\u00a0000\u00a0₸" in page.pool_bar.format()
    assert page.model.rowCount() == 0


def test_opened_draft_with_a_budget_is_not_unsaved(page: GrantsPage, env: UiEnv, sample: Sample) -> None:
    page.open_application(sample.application_id)
    _idle(env)
    assert page.budget.rowCount() > 1
    assert not page.dirty and not page.has_unsaved_changes()
    page.budget.setData(page.budget.index(0, BudgetModel.QTY), "7")
    assert page.dirty and page.has_unsaved_changes()
    page.save_budget()
    _idle(env)
    assert not page.dirty


def test_review_sheet_prints_from_the_review_screen(page: GrantsPage, env: UiEnv, ctx: Context,
                                                    sample: Sample, qtbot) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    svc.transition(ctx, sample.application_id, ApplicationStatus.SUBMITTED)
    svc.transition(ctx, sample.application_id, ApplicationStatus.UNDER_REVIEW)
    page.open_application(sample.application_id)
    _idle(env)
    page.reviewer.setText("Мәдина Есенова")
    for spin in page.score_spins.values():
        spin.setValue(7)
    page.add_review()
    _idle(env)
    got: list[Path] = []
    page.show_previews = False
    page.on_rendered = lambda p: got.append(Path(str(p)))
    assert page.print_review_button.isEnabled() and page.print_review_button.text()
    page.reviews_list.setCurrentRow(0)
    page.print_review_sheet()
    qtbot.waitUntil(lambda: bool(got), timeout=60000)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(got[0]).pages)
    assert "ОЦЕНОЧНЫЙ ЛИСТ ЭКСПЕРТА" in text and "Мәдина Есенова" in text
    # nothing selected: a blank sheet for a reviewer to fill in by hand
    page.reviews_list.setCurrentRow(-1)
    page.print_review_sheet()
    qtbot.waitUntil(lambda: len(got) == 2, timeout=60000)
    blank = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(got[1]).pages)
    assert "ОЦЕНОЧНЫЙ ЛИСТ ЭКСПЕРТА" in blank and "Мәдина Есенова" not in blank
