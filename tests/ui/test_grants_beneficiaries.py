"""The beneficiaries grid of a grant application: typed through the spin boxes, refused
in Kazakh when it adds up to more than the total, saved when it agrees."""

from __future__ import annotations

from PySide6.QtCore import Qt

from civicdesk.domain.beneficiaries import Breakdown
from civicdesk.services import grants as svc
from civicdesk.services.base import Context
from civicdesk.ui.env import UiEnv
from civicdesk.ui.grants import GrantsPage
from civicdesk.ui.screens_sample import Sample
from tests.ui.test_grants import _idle, env, page, sample  # noqa: F401  (fixtures)


def _type(qtbot, spin, digits: str) -> None:  # type: ignore[no-untyped-def]
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), digits)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)


def test_breakdown_over_the_total_is_refused_then_saved(  # type: ignore[no-untyped-def]
        qtbot, page: GrantsPage, env: UiEnv, ctx: Context, sample: Sample,  # noqa: F811
) -> None:
    page.open_application(sample.application_id)
    _idle(env)
    grid = page.breakdown
    assert grid.breakdown() == Breakdown()  # nothing stated yet: every cell shows "—"
    assert grid.spins["women"].text() == "—"
    assert grid.labels["youth"].text() == "жастар (14–35)"
    page.beneficiaries.setValue(100)
    _type(qtbot, grid.spins["women"], "70")
    _type(qtbot, grid.spins["men"], "40")
    assert page.dirty
    page.save_details()
    _idle(env)
    shown = page.errors.text("beneficiary_breakdown")
    assert "110" in shown and "100" in shown and "Әйелдер мен ерлер" in shown
    assert svc.get_application(ctx, sample.application_id).breakdown == Breakdown()

    _type(qtbot, grid.spins["men"], "30")
    _type(qtbot, grid.spins["youth"], "45")
    page.save_details()
    _idle(env)
    assert page.errors.text("beneficiary_breakdown") == ""
    saved = svc.get_application(ctx, sample.application_id).breakdown
    assert (saved.women, saved.men, saved.youth, saved.under_18) == (70, 30, 45, None)
