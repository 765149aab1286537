"""The seminars page: a series made in its dialog, a seminar's audience, and who each
participant is (sex, age group, youth, disability) chosen in the participants table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from civicdesk.services import seminars as svc
from civicdesk.services.base import Context
from civicdesk.services.seminar_series import list_series
from civicdesk.ui.env import UiEnv
from civicdesk.ui.seminars import SeminarsPage
from tests.ui.test_seminars import _idle, env, page  # noqa: F401  (fixtures)


def _combo(p: SeminarsPage, row: int, col: int) -> QComboBox:
    w = p.people.cellWidget(row, col)
    assert isinstance(w, QComboBox)
    return w


def test_series_audience_and_participants(qtbot, page: SeminarsPage,  # type: ignore[no-untyped-def]  # noqa: F811
                                          env: UiEnv, ctx: Context) -> None:  # noqa: F811
    page.new_series()
    dialog = page.series_dialog
    _idle(env)
    dialog.name_kk.setText("Құқықтық сауат: 16 семинар")
    dialog.name_ru.setText("Правовая грамотность: 16 семинаров")
    dialog.save()
    _idle(env)
    _idle(env)
    (series,) = list_series(ctx)
    assert series.planned == 16
    assert page.series.currentData() == series.id

    page.title_edit.setText("Әкімдік қызметкерлеріне семинар")
    page.audience.setFocus()
    qtbot.keyClick(page.audience, Qt.Key.Key_Down)
    assert page.audience.currentText() == "жергілікті лауазымды адамдар"
    page.save_details()
    _idle(env)
    assert page.view is not None
    assert (page.view.series_id, page.view.audience) == (series.id, "officials")

    page.new_name.setText("Гүлнар Тәжібаева")
    page.add_by_name()
    _idle(env)
    assert page.people.rowCount() == 1
    sex = _combo(page, 0, page.SEX)
    sex.setFocus()
    qtbot.keyClick(sex, Qt.Key.Key_Down)  # "—" -> the first choice: woman
    assert sex.currentText() == "Әйел"
    _combo(page, 0, page.YOUTH).setCurrentIndex(1)  # yes
    _combo(page, 0, page.DISABILITY).setCurrentIndex(2)  # no
    page.save_participants()
    _idle(env)
    _idle(env)
    (p,) = svc.get_seminar(ctx, page.view.id).participants
    assert (p.sex, p.age_group, p.youth, p.disability) == ("f", None, True, False)
    assert _combo(page, 0, page.SEX).currentData() == "f"  # shown again after the reload
