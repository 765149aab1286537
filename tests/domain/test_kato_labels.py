from __future__ import annotations

import inspect
import re
from enum import StrEnum

import pytest

from civicdesk.domain import enums
from civicdesk.domain.enums import ApplicationStatus, MeetingStatus, Sex, VoteOutcome
from civicdesk.domain.errors import ValidationError
from civicdesk.domain.kato import REGIONS, KatoParts, validate_kato
from civicdesk.domain.labels import APPLICATION_STATUS_NAMES, label, message_for

KAZAKH_ONLY = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")


def test_twenty_regions() -> None:
    assert len(REGIONS) == 20
    assert sorted(REGIONS) == sorted(
        [
            "10",
            "11",
            "15",
            "19",
            "23",
            "27",
            "31",
            "33",
            "35",
            "39",
            "43",
            "47",
            "55",
            "59",
            "61",
            "62",
            "63",
            "71",
            "75",
            "79",
        ]
    )
    assert REGIONS["62"].kk == "Ұлытау облысы"
    assert REGIONS["62"].ru == "область Ұлытау"
    assert REGIONS["10"].ru == "область Абай"
    assert REGIONS["27"].ru == "Западно-Казахстанская область"
    assert REGIONS["79"].kk == "Шымкент қаласы"


def test_validate_kato() -> None:
    parts = validate_kato(" 354 03 51 00 ")
    assert parts == KatoParts("35", "40", "35", "100")
    assert parts.code == "354035100"
    assert parts.region_name.ru == "Карагандинская область"
    assert parts.district_code == "354000000"
    assert parts.rural_code == "354035000"


@pytest.mark.parametrize(
    ("code", "err"),
    [
        ("35403510", "kato.invalid"),
        ("3540351000", "kato.invalid"),
        ("35403510a", "kato.invalid"),
        ("", "kato.invalid"),
        ("994035100", "kato.region"),
        ("124035100", "kato.region"),
    ],
)
def test_kato_errors(code: str, err: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_kato(code)
    assert info.value.code == err
    assert info.value.field == "kato"


def _all_enums() -> list[type[StrEnum]]:
    return [
        obj
        for _, obj in inspect.getmembers(enums, inspect.isclass)
        if issubclass(obj, StrEnum) and obj is not StrEnum and obj.__module__ == enums.__name__
    ]


def test_every_enum_value_has_both_names() -> None:
    found = _all_enums()
    assert len(found) >= 13
    for enum_type in found:
        for value in enum_type:
            message = message_for(value)
            assert message.kk.strip() and message.ru.strip(), value
            assert label(value, "kk") == message.kk
            assert label(value, "ru") == message.ru


def test_labels_are_kazakh_and_russian() -> None:
    assert label(Sex.FEMALE, "kk") == "Әйел"
    assert label(Sex.FEMALE, "ru") == "Женский"
    # The same string value in two enums gets each enum's own name.
    assert label(ApplicationStatus.DRAFT, "ru") == "Черновик"
    assert label(MeetingStatus.DRAFT, "ru") == "Черновик"
    assert label(ApplicationStatus.REJECTED, "ru") == "Отклонена"
    assert label(VoteOutcome.REJECTED, "ru") == "Не принято"
    assert APPLICATION_STATUS_NAMES[ApplicationStatus.UNDER_REVIEW].kk == "Қаралуда"


def test_russian_names_have_no_kazakh_letters() -> None:
    for enum_type in _all_enums():
        for value in enum_type:
            ru = message_for(value).ru
            assert not (set(ru) & KAZAKH_ONLY), ru
            assert not re.search(r"[A-Za-z]", ru.replace("A4", "").replace("A5", "")), ru
