from __future__ import annotations

import pytest

from civicdesk.domain.errors import ValidationError
from civicdesk.domain.phone import format_phone, normalize_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("8 701 123 45 67", "+77011234567"),
        ("87011234567", "+77011234567"),
        ("+7 (701) 123-45-67", "+77011234567"),
        ("+77471234567", "+77471234567"),
        ("7751234567", "+77751234567"),
        ("777 123 45 67", "+77771234567"),
        ("8 (7172) 12-34-56", "+77172123456"),
        ("8 727 250 00 00", "+77272500000"),
        ("7 705 000 00 00", "+77050000000"),
        ("  +7\u00a0701\u00a0123\u00a045\u00a067 ", "+77011234567"),
        ("8.701.123.45.67", "+77011234567"),
    ],
)
def test_normalize_phone(typed: str, stored: str) -> None:
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "123",
        "+7 916 123 45 67",  # Moscow mobile: +7 zone but not Kazakhstan
        "8 495 123 45 67",
        "+8 701 123 45 67",
        "+7011234567",  # plus with a 10-digit number
        "8 701 123 45 6",
        "8 701 123 45 678",
        "+996 555 123 456",
        "8 701 ABC 45 67",
        "7811234567",
    ],
)
def test_invalid_phone(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(typed)
    assert info.value.code == "phone.invalid"
    assert info.value.field == "phone"
    assert "+7 701 123 45 67" in info.value.text("kk")
    assert "Неверный номер телефона" in info.value.text("ru")


def test_format_phone() -> None:
    assert format_phone("+77011234567") == "+7 701 123 45 67"
    assert format_phone("oops") == "oops"
