from __future__ import annotations

from datetime import date

import pytest

from civicdesk.domain.enums import AgeGroup, Sex
from civicdesk.domain.errors import ValidationErrors
from civicdesk.domain.residents import (
    CONSENT_FORM_VERSION,
    CONSENT_PURPOSES,
    ValidatedResident,
    age_group,
    validate_resident,
)
from civicdesk.domain.validation import field_errors

TODAY = date(2025, 2, 22)


def test_age_groups() -> None:
    assert age_group(2008, TODAY) is AgeGroup.UNDER_18
    assert age_group(2007, TODAY) is AgeGroup.A18_29
    assert age_group(1996, TODAY) is AgeGroup.A18_29
    assert age_group(1995, TODAY) is AgeGroup.A30_44
    assert age_group(1981, TODAY) is AgeGroup.A30_44
    assert age_group(1980, TODAY) is AgeGroup.A45_59
    assert age_group(1966, TODAY) is AgeGroup.A45_59
    assert age_group(1965, TODAY) is AgeGroup.A60_PLUS


def test_consent_constants() -> None:
    assert CONSENT_FORM_VERSION == "2025-2"  # the form now says what goes where
    assert set(CONSENT_PURPOSES) == {"consultation", "follow_up", "statistics", "events"}


def test_valid_resident_with_iin_fills_sex_and_year() -> None:
    r = validate_resident(
        "  Әлия   Iлиясқызы ",
        "900101 300007",
        None,
        None,
        "8 701 123 45 67",
        date(2025, 2, 1),
        ["consultation", "statistics", "consultation"],
        today=TODAY,
    )
    assert r == ValidatedResident(
        full_name="Әлия Ілиясқызы",
        iin="900101300007",
        sex=Sex.MALE,
        birth_year=1990,
        age_group=AgeGroup.A30_44,
        phone="+77011234567",
        consent_date=date(2025, 2, 1),
        consent_purposes=("consultation", "statistics"),
        consent_form_version=CONSENT_FORM_VERSION,
    )


def test_valid_resident_without_iin_or_phone() -> None:
    r = validate_resident(
        "Асқар Болатұлы", "", Sex.MALE, 1960, "  ", TODAY, ["consultation"], today=TODAY
    )
    assert (r.iin, r.phone, r.birth_year, r.age_group) == (None, None, 1960, AgeGroup.A60_PLUS)


def _codes(**overrides: object) -> dict[str, str]:
    args: dict[str, object] = {
        "full_name": "Асқар Болатұлы",
        "iin": None,
        "sex": Sex.MALE,
        "birth_year": 1990,
        "phone": None,
        "consent_date": TODAY,
        "consent_purposes": ["consultation"],
    }
    args.update(overrides)
    with pytest.raises(ValidationErrors) as info:
        validate_resident(today=TODAY, **args)  # type: ignore[arg-type]
    assert info.value.code == "validation"
    return {e.field or "": e.code for e in info.value.errors}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"full_name": "   "}, {"full_name": "resident.name_required"}),
        ({"full_name": "А" * 201}, {"full_name": "resident.name_length"}),
        ({"birth_year": 1899}, {"birth_year": "resident.birth_year"}),
        ({"birth_year": 2026}, {"birth_year": "resident.birth_year"}),
        ({"iin": "900101300008"}, {"iin": "iin.checksum"}),
        ({"iin": "12345"}, {"iin": "iin.length"}),
        ({"iin": "900101300007", "sex": Sex.FEMALE}, {"sex": "resident.iin_sex_mismatch"}),
        ({"iin": "900101300007", "birth_year": 1991}, {"birth_year": "resident.iin_year_mismatch"}),
        ({"phone": "12345"}, {"phone": "phone.invalid"}),
        ({"consent_date": None}, {"consent_date": "resident.consent_required"}),
        ({"consent_date": date(2025, 2, 23)}, {"consent_date": "resident.consent_future"}),
        ({"consent_purposes": []}, {"consent_purposes": "resident.consent_purposes"}),
        ({"consent_purposes": ["marketing"]}, {"consent_purposes": "resident.consent_purposes"}),
    ],
)
def test_single_field_errors(overrides: dict[str, object], expected: dict[str, str]) -> None:
    assert _codes(**overrides) == expected


def test_half_filled_form_shows_every_problem() -> None:
    codes = _codes(
        full_name="",
        iin="850515400002",
        sex=Sex.MALE,
        birth_year=1990,
        phone="abc",
        consent_date=None,
    )
    assert codes == {
        "full_name": "resident.name_required",
        "sex": "resident.iin_sex_mismatch",
        "birth_year": "resident.iin_year_mismatch",
        "phone": "phone.invalid",
        "consent_date": "resident.consent_required",
    }


def test_messages_in_both_languages() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_resident("", None, None, None, None, None, ["consultation"], today=TODAY)
    errors = field_errors(info.value)
    assert len(errors) == 2
    assert "Укажите ФИО жителя" in info.value.text("ru")
    assert "Тұрғынның аты-жөнін енгізіңіз" in info.value.text("kk")
    assert info.value.by_field()["consent_date"].text("kk").startswith("Дербес деректерді")


def test_year_mismatch_message_names_iin_year() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_resident(
            "Асқар", "900101300007", None, 1991, None, TODAY, ["consultation"], today=TODAY
        )
    assert info.value.errors[0].text("ru") == "Год рождения не совпадает с ИИН (по ИИН: 1990)"


def test_short_name_keeps_the_surname_whole() -> None:
    from civicdesk.domain.residents import short_name

    assert short_name("Жандос Құдайбергенов") == "Ж. Құдайбергенов"
    assert short_name("Құдайбергенов Жандос Серікұлы") == "Құдайбергенов Ж. С."
    assert short_name("Әсем Жанқызы") == "Ә. Жанқызы"  # no ending: given name first
    assert short_name("Өтебаев Қанат") == "Өтебаев Қ."  # the ending finds it
    assert short_name("Иванова Мария Петровна") == "Иванова М. П."
    assert short_name("  Дана   Әлиева ") == "Д. Әлиева"
    assert short_name("Һадия") == "Һадия" and short_name("") == ""


def test_surname_alone() -> None:
    from civicdesk.domain.residents import surname

    assert surname("Әсел Нұрланқызы") == "Нұрланқызы"
    assert surname("Құдайбергенов Жандос Серікұлы") == "Құдайбергенов"
    assert surname("Ким") == "Ким" and surname("") == ""
