"""A volunteer's card gets every check a resident's card gets (one shared function),
with codes of its own."""

from __future__ import annotations

from datetime import date

import pytest

from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import ValidationErrors
from civicdesk.domain.residents import validate_resident
from civicdesk.domain.volunteers import validate_volunteer

TODAY = date(2025, 2, 22)
GOOD: dict[str, object] = {
    "full_name": "Айгүл Серікқызы", "iin": None, "sex": None, "birth_year": None,
    "phone": None, "consent_date": TODAY,
}


def _volunteer_codes(**overrides: object) -> dict[str, str]:
    args = {**GOOD, "consent_purposes": ["register"], **overrides}
    with pytest.raises(ValidationErrors) as info:
        validate_volunteer(today=TODAY, **args)  # type: ignore[arg-type]
    return {e.field or "": e.code for e in info.value.errors}


def _resident_codes(**overrides: object) -> dict[str, str]:
    args = {**GOOD, "consent_purposes": ["consultation"], **overrides}
    with pytest.raises(ValidationErrors) as info:
        validate_resident(today=TODAY, **args)  # type: ignore[arg-type]
    return {e.field or "": e.code for e in info.value.errors}


def test_iin_and_birth_year_that_disagree_are_refused_for_a_volunteer() -> None:
    # 900101300007: a man born in 1990
    with pytest.raises(ValidationErrors) as info:
        validate_volunteer("Асқар Болатұлы", "900101300007", Sex.MALE, 1991, None, TODAY,
                           ["register"], today=TODAY)
    [error] = info.value.errors
    assert (error.field, error.code) == ("birth_year", "volunteer.iin_year_mismatch")
    assert "1990" in info.value.text("kk") and "1990" in info.value.text("ru")
    assert "Год рождения не совпадает с ИИН" in info.value.text("ru")
    ok = validate_volunteer("Асқар Болатұлы", "900101300007", None, None, None, TODAY,
                            ["register"], today=TODAY)
    assert (ok.sex, ok.birth_year) == (Sex.MALE, 1990)


@pytest.mark.parametrize("overrides", [
    {"full_name": "   "},
    {"full_name": "А" * 201},
    {"birth_year": 1899},
    {"birth_year": 2026},
    {"iin": "900101300008"},
    {"iin": "900101300007", "sex": Sex.FEMALE},
    {"iin": "900101300007", "birth_year": 1991},
    {"phone": "12345"},
    {"consent_date": None},
    {"consent_date": date(2025, 2, 23)},
    {"full_name": "", "iin": "850515400002", "sex": Sex.MALE, "birth_year": 1990,
     "phone": "abc", "consent_date": None},
])
def test_a_volunteer_gets_every_check_a_resident_gets(overrides: dict[str, object]) -> None:
    resident = _resident_codes(**overrides)
    volunteer = _volunteer_codes(**overrides)
    assert volunteer == {k: v.replace("resident.", "volunteer.") for k, v in resident.items()}
