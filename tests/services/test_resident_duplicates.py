"""Likely duplicate residents are offered before a new one is made; erase says who."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from civicdesk.domain.enums import ConsultationChannel
from civicdesk.domain.errors import ValidationErrors
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.consultations import ConsultationInput, create_consultation
from civicdesk.services.reference import add_settlement
from civicdesk.services.resident_checks import describe, discard_unused, likely_duplicates
from civicdesk.services.residents import (
    ResidentInput,
    create_resident,
    list_residents,
    update_resident,
)

CONSENT = {"consent_date": date(2025, 1, 5), "consent_purposes": ["consultation"]}


def _input(name: str, **kw: object) -> ResidentInput:
    return ResidentInput(full_name=name, **{**CONSENT, **kw})  # type: ignore[arg-type]


def test_same_iin_is_refused_and_offered(ctx: Context) -> None:
    first = create_resident(ctx, _input("Гүлнар Әбдірахманова", iin="850515400002"))
    found = likely_duplicates(ctx, "Гулнар Абдрахманова", iin="8505 1540 0002")
    assert [m.id for m in found] == [first.id] and found[0].same_iin
    assert found[0].iin_tail == "…0002" and found[0].birth_year == 1985
    with pytest.raises(ValidationErrors) as info:
        create_resident(ctx, _input("Гулнар Абдрахманова", iin="850515400002"),
                        allow_similar=True)
    assert info.value.errors[0].code == "resident.iin_taken"
    assert "Гүлнар Әбдірахманова" in info.value.text("kk")
    # typed later on another card: refused too
    other = create_resident(ctx, _input("Сәуле Омарова"))
    with pytest.raises(ValidationErrors):
        update_resident(ctx, other.id, _input("Сәуле Омарова", iin="850515400002"))


def test_same_name_and_birth_year_in_the_same_settlement(ctx: Context) -> None:
    village = add_settlement(ctx, "Жаңатұрмыс", "Жанатурмыс")
    other_village = add_settlement(ctx, "Көктал", "Коктал")
    first = create_resident(ctx, _input("Пётр Ёлкин", birth_year=1970, settlement_id=village.id))
    assert [m.id for m in likely_duplicates(ctx, "ПЕТР  ЕЛКИН", None, 1970, village.id)] == [
        first.id]
    assert likely_duplicates(ctx, "Петр Елкин", None, 1971, village.id) == []
    assert likely_duplicates(ctx, "Петр Елкин", None, 1970, other_village.id) == []
    assert likely_duplicates(ctx, "Павел Елкин", None, 1970, village.id) == []
    with pytest.raises(ValidationErrors) as info:
        create_resident(ctx, _input("Петр Елкин", birth_year=1970, settlement_id=village.id))
    assert info.value.errors[0].code == "resident.likely_duplicate"
    # the consultant looked and it is another person of the same name: allowed
    create_resident(ctx, _input("Петр Елкин", birth_year=1970, settlement_id=village.id),
                    allow_similar=True)
    assert list_residents(ctx, ListQuery(search="елкин")).total == 2


def test_other_centers_residents_are_not_offered(ctx: Context, other_center_ctx: Context) -> None:
    create_resident(ctx, _input("Айгүл Серікова", iin="850515400002"))
    assert likely_duplicates(other_center_ctx, "Айгүл Серікова", "850515400002") == []


def test_discard_a_resident_of_a_cancelled_consultation(ctx: Context) -> None:
    unused = create_resident(ctx, _input("Дана Әлиева"))
    used = create_resident(ctx, _input("Нұрлан Әбенов"))
    create_consultation(ctx, ConsultationInput(
        occurred_at=ctx.now().replace(microsecond=0) - timedelta(hours=1),
        channel=ConsultationChannel.PHONE, topic_codes=["appeals"], question="Сұрақ",
        resident_id=used.id))
    assert discard_unused(ctx, unused.id) is True
    assert discard_unused(ctx, used.id) is False
    names = [r.full_name for r in list_residents(ctx, ListQuery()).rows]
    assert names == ["Нұрлан Әбенов"]


def test_describe_for_the_erase_question(ctx: Context) -> None:
    village = add_settlement(ctx, "Жаңатұрмыс", "Жанатурмыс")
    r = create_resident(ctx, _input("Гүлнар Ахметова", iin="850515400002",
                                    settlement_id=village.id))
    for _ in range(2):
        create_consultation(ctx, ConsultationInput(
            occurred_at=ctx.now().replace(microsecond=0) - timedelta(hours=1),
            channel=ConsultationChannel.PHONE, topic_codes=["appeals"], question="Сұрақ",
            resident_id=r.id))
    who = describe(ctx, r.id)
    assert (who.iin_tail, who.birth_year, who.settlement("ru"), who.consultations) == (
        "…0002", 1985, "Жанатурмыс", 2)
