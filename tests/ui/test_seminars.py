"""The seminars page: create, participants from residents or by name, attendance and scores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from civicdesk.services import residents
from civicdesk.services import seminars as svc
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.ui import i18n
from civicdesk.ui.env import UiEnv
from civicdesk.ui.seminars import SeminarsPage
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
def page(qtbot, env: UiEnv) -> SeminarsPage:  # type: ignore[no-untyped-def]
    p = SeminarsPage(env)
    qtbot.addWidget(p)
    assert env.runner.wait_idle()
    return p


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(5000)


def _spin(page: SeminarsPage, row: int, col: int) -> QSpinBox:
    w = page.people.cellWidget(row, col)
    assert isinstance(w, QSpinBox)
    return w


def test_seminar_participants_and_scores(page: SeminarsPage, env: UiEnv, ctx: Context, qtbot) -> None:  # type: ignore[no-untyped-def]
    residents.create_resident(ctx, residents.ResidentInput(
        full_name="Әсем Жұмабекова", consent_date=date.today(), consent_purposes=["consultation"]))
    assert not page.people_box.isEnabled()
    page.title_edit.setText("Цифрлық сауаттылық")
    page.trainer.setText("Ерболат Мұқанов")
    page.hours.setValue(4)
    page.save_details()
    _idle(env)
    assert page.view is not None and page.people_box.isEnabled()
    assert page.model.rowCount() == 1

    page.resident_search.setText("Әсем")
    page.find_residents()
    _idle(env)
    assert page.resident_combo.count() == 1
    page.add_resident()
    _idle(env)
    page.new_name.setText("Құралай Сейітова")
    page.add_by_name()
    _idle(env)
    assert page.people.rowCount() == 2
    assert {page.people.item(r, 0).text() for r in range(2)} == {"Әсем Жұмабекова", "Құралай Сейітова"}

    _spin(page, 0, page.PRE).setValue(40)
    _spin(page, 0, page.POST).setValue(80)
    page.people.item(1, page.ATTENDED).setCheckState(Qt.CheckState.Unchecked)
    assert page.dirty
    page.save_participants()
    _idle(env)
    saved = svc.get_seminar(ctx, page.view.id)
    first = next(p for p in saved.participants if p.full_name == page.people.item(0, 0).text())
    assert (first.pre_score, first.post_score) == (40, 80)
    assert saved.summary.attended == 1
    assert "40" in page.summary_label.text() and "80" in page.summary_label.text()

    # a score for someone who did not come is refused, in Kazakh, next to the list
    _spin(page, 1, page.POST).setValue(50)
    page.save_participants()
    _idle(env)
    assert "Келмеген" in page.people_error.text()

    got: list[Path] = []
    page.show_previews = False
    page.on_rendered = lambda p: got.append(Path(str(p)))
    page.print_certificates()
    qtbot.waitUntil(lambda: bool(got), timeout=60000)
    assert got[0].read_bytes().startswith(b"%PDF")


def test_inline_error_for_missing_title(page: SeminarsPage, env: UiEnv) -> None:
    page.save_details()
    _idle(env)
    assert page.view is None
    assert page.errors.text("title")
