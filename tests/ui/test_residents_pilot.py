"""Residents before a pilot: consent as an act, IIN checked at once, duplicates, erase."""

from __future__ import annotations

from datetime import date

from civicdesk.domain.enums import Sex
from civicdesk.services import residents as svc
from civicdesk.services.base import Context
from civicdesk.services.residents import ResidentInput
from civicdesk.ui.env import UiEnv
from civicdesk.ui.residents import ResidentDialog


def _resident(ctx: Context, name: str, **kw: object) -> str:
    data: dict[str, object] = dict(full_name=name, sex=Sex.FEMALE, birth_year=1980,
                                   consent_date=date.today(), consent_purposes=["consultation"])
    data.update(kw)
    return svc.create_resident(ctx, ResidentInput(**data)).id  # type: ignore[arg-type]


def test_new_resident_form_has_nothing_ticked(qtbot, ui_env: UiEnv) -> None:
    d = ResidentDialog(ui_env)
    qtbot.addWidget(d)
    assert ui_env.runner.wait_idle(5000)
    assert not d.consent.isChecked()
    assert not d.consent_date.isEnabled()
    assert [k for k, b in d.purposes.items() if b.isChecked()] == []
    assert d.collect().consent_date is None and d.collect().consent_purposes == []
    d.full_name.setText("Сәуле Омарова")
    d.save()
    assert ui_env.runner.wait_idle(5000)
    assert d.saved is None
    assert d.errors.labels["consent_date"].isVisible() or d.errors.labels["consent_date"].text()
    d.consent.setChecked(True)
    assert d.consent_date.isEnabled()


def test_bad_iin_is_shown_while_typing(qtbot, ui_env: UiEnv) -> None:
    d = ResidentDialog(ui_env)
    qtbot.addWidget(d)
    assert ui_env.runner.wait_idle(5000)
    label = d.errors.labels["iin"]
    for ch in "90010130000":
        d.iin.setText(d.iin.text() + ch)
        d.iin.textEdited.emit(d.iin.text())
    assert not label.text()  # not complete yet: no error while typing
    d.iin.setText("900101300008")  # wrong check digit
    d.iin.textEdited.emit(d.iin.text())
    assert "ЖСН" in label.text()
    d.iin.setText("850515400002")
    d.iin.textEdited.emit(d.iin.text())
    assert label.text() == ""
    d.iin.setText("85O515")  # a letter O typed for a zero
    d.iin.textEdited.emit(d.iin.text())
    assert "цифр" in label.text()


def _village(ctx: Context, kk: str = "Жаңатұрмыс", ru: str = "Жанатурмыс") -> str:
    from civicdesk.services.reference import add_settlement

    return add_settlement(ctx, kk, ru).id


def _fill(d: ResidentDialog, name: str, year: int = 0, village: str | None = None,
          iin: str = "") -> None:
    from civicdesk.ui.common import select_data

    d.full_name.setText(name)
    d.iin.setText(iin)
    if year:
        d.birth_year.setValue(year)
    if village:
        select_data(d.settlement, village)
    d.consent.setChecked(True)
    d.purposes["consultation"].setChecked(True)


def test_likely_duplicate_is_offered_before_registering(qtbot, ui_env: UiEnv,
                                                        ctx: Context) -> None:
    village = _village(ctx)
    first = _resident(ctx, "Пётр Ёлкин", sex=Sex.MALE, birth_year=1970, settlement_id=village)
    d = ResidentDialog(ui_env)
    qtbot.addWidget(d)
    assert ui_env.runner.wait_idle(5000)
    _fill(d, "Петр Елкин", 1970, village)
    d.save()
    assert ui_env.runner.wait_idle(5000)
    assert d.saved is None and d.duplicates.isVisibleTo(d)
    line = d.duplicates.list.item(0).text()
    assert "Пётр Ёлкин" in line and "1970" in line and "Жаңатұрмыс" in line
    d.duplicates.use_button.click()
    assert ui_env.runner.wait_idle(5000)
    assert d.saved is not None and d.saved.id == first and not d.created_new
    # someone else of the same name: registered after saying so
    d2 = ResidentDialog(ui_env)
    qtbot.addWidget(d2)
    assert ui_env.runner.wait_idle(5000)
    _fill(d2, "Петр Елкин", 1970, village)
    d2.save()
    assert ui_env.runner.wait_idle(5000)
    assert d2.duplicates.new_button.isVisibleTo(d2)
    d2.duplicates.new_button.click()
    assert ui_env.runner.wait_idle(5000)
    assert d2.saved is not None and d2.saved.id != first and d2.created_new


def test_same_iin_offers_only_the_registered_person(qtbot, ui_env: UiEnv, ctx: Context) -> None:
    first = _resident(ctx, "Гүлнар Әбдірахманова", iin="850515400002", birth_year=None)
    d = ResidentDialog(ui_env)
    qtbot.addWidget(d)
    assert ui_env.runner.wait_idle(5000)
    _fill(d, "Гулнар Абдрахманова", iin="850515400002")
    d.save()
    assert ui_env.runner.wait_idle(5000)
    assert d.saved is None and d.duplicates.isVisibleTo(d)
    assert "…0002" in d.duplicates.list.item(0).text()
    assert not d.duplicates.new_button.isVisibleTo(d)
    d.duplicates.list.itemActivated.emit(d.duplicates.list.item(0))
    assert ui_env.runner.wait_idle(5000)
    assert d.saved is not None and d.saved.id == first


def test_resident_added_from_a_cancelled_consultation_is_not_left(qtbot, ui_env: UiEnv,
                                                                  ctx: Context) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from civicdesk.services.base import ListQuery
    from civicdesk.services.residents import list_residents
    from civicdesk.ui.consultation_dialog import ConsultationDialog
    from civicdesk.ui.refs import load_refs
    from civicdesk.ui.residents import ResidentPicker

    dialog = ConsultationDialog(ui_env, load_refs(ctx))
    qtbot.addWidget(dialog)
    assert ui_env.runner.wait_idle(5000)

    def find(kind: type) -> object | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, kind) and w.isVisible()), None)

    def in_form() -> None:
        form = find(ResidentDialog)
        if form is None:
            QTimer.singleShot(50, in_form)
            return
        _fill(form, "Дана Әлиева")  # type: ignore[arg-type]
        form.save()  # type: ignore[attr-defined]

    def in_picker() -> None:
        picker = find(ResidentPicker)
        if picker is None:
            QTimer.singleShot(50, in_picker)
            return
        QTimer.singleShot(50, in_form)
        picker.quick_add()  # type: ignore[attr-defined]

    QTimer.singleShot(50, in_picker)
    dialog._pick_resident()
    assert dialog.resident_name.text() == "Дана Әлиева" and dialog.new_residents
    assert list_residents(ctx, ListQuery()).total == 1
    dialog._dirty = False
    dialog.reject()  # the consultation is cancelled
    assert ui_env.runner.wait_idle(5000)
    assert list_residents(ctx, ListQuery()).total == 0


def test_erase_question_names_the_person(qtbot, ui_env: UiEnv, ctx: Context) -> None:
    from civicdesk.domain.enums import ConsultationChannel
    from civicdesk.services.consultations import ConsultationInput, create_consultation
    from civicdesk.services.residents import get_resident
    from civicdesk.ui.residents import ResidentsPage

    village = _village(ctx)
    rid = _resident(ctx, "Гүлнар Ахметова", iin="850515400002", birth_year=None,
                    settlement_id=village)
    create_consultation(ctx, ConsultationInput(
        occurred_at=ctx.now().replace(microsecond=0), channel=ConsultationChannel.PHONE,
        topic_codes=["appeals"], question="Сұрақ", resident_id=rid))
    page = ResidentsPage(ui_env)
    qtbot.addWidget(page)
    assert ui_env.runner.wait_idle(5000)
    page.table.selectRow(0)
    page.erase_selected()
    assert ui_env.runner.wait_idle(5000)
    box = page.erase_question
    text = box.text() + "\n" + box.informativeText()
    for part in ("Гүлнар Ахметова", "…0002", "1985", "Жаңатұрмыс", "1"):
        assert part in text
    box.button(box.StandardButton.Cancel).click()
    assert ui_env.runner.wait_idle(5000)
    assert get_resident(ctx, rid).full_name == "Гүлнар Ахметова"
    page.erase_selected()
    assert ui_env.runner.wait_idle(5000)
    page.erase_question.button(box.StandardButton.Yes).click()
    assert ui_env.runner.wait_idle(5000)
    assert get_resident(ctx, rid).erased
