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
