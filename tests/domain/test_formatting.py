from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicdesk.domain.errors import LANGS, ValidationError
from civicdesk.domain.formatting import (
    format_date,
    format_datetime,
    format_money,
    month_name,
    parse_money,
)

NB = "\u00a0"
D = date(2025, 2, 22)


def test_dates() -> None:
    assert format_date(D, "kk") == "2025 ж. 22 ақпан"
    assert format_date(D, "kk", "official") == "2025 жылғы 22 ақпан"
    assert format_date(D, "ru") == "22 февраля 2025 г."
    assert format_date(D, "ru", "official") == "22 февраля 2025 года"
    assert format_date(D, "kk", "short") == "22.02.2025"
    assert format_date(date(2025, 9, 1), "ru", "short") == "01.09.2025"
    assert format_date(date(2024, 5, 7), "kk") == "2024 ж. 7 мамыр"
    assert format_date(date(2024, 4, 1), "kk") == "2024 ж. 1 сәуір"


def test_datetime() -> None:
    dt = datetime(2025, 2, 22, 9, 5)
    assert format_datetime(dt, "kk") == "2025 ж. 22 ақпан, 09:05"
    assert format_datetime(dt, "ru") == "22 февраля 2025 г., 09:05"
    assert format_datetime(dt, "ru", "short") == "22.02.2025 09:05"


def test_month_names() -> None:
    assert [month_name(m, "kk") for m in range(1, 13)] == [
        "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
        "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
    ]  # fmt: skip
    assert month_name(3, "ru") == "март"
    assert month_name(3, "ru", "genitive") == "марта"
    assert month_name(5, "ru", "genitive") == "мая"
    assert month_name(5, "kk", "genitive") == "мамыр"
    with pytest.raises(ValueError):
        month_name(13, "kk")


def test_format_money() -> None:
    assert format_money(1_000_000, "kk") == f"1{NB}000{NB}000{NB}₸"
    assert format_money(1_000_000, "ru") == f"1{NB}000{NB}000{NB}₸"
    assert format_money(Decimal("1000.50"), "ru") == f"1{NB}000,50{NB}₸"
    assert format_money(Decimal("1000.00"), "kk") == f"1{NB}000{NB}₸"
    assert format_money(0, "kk") == f"0{NB}₸"
    assert format_money(999, "kk", with_symbol=False) == "999"
    assert format_money(Decimal("0.005"), "kk", with_symbol=False) == "0,01"
    assert format_money(Decimal(-1500), "kk") == f"-1{NB}500{NB}₸"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 000 000", Decimal(1000000)),
        (f"1{NB}000{NB}000{NB}₸", Decimal(1000000)),
        ("1\u202f000", Decimal(1000)),
        ("1000,50", Decimal("1000.50")),
        ("1000.5", Decimal("1000.5")),
        ("5000 тг", Decimal(5000)),
        ("5000тг.", Decimal(5000)),
        ("5 000 ₸", Decimal(5000)),
        ("0", Decimal(0)),
        (" 12 ", Decimal(12)),
    ],
)
def test_parse_money(text: str, value: Decimal) -> None:
    assert parse_money(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "1.000.000",
        "1,000.50",
        "1000,505",
        "₸",
        "1e6",
        "NaN",
        "Infinity",
        "١٢٣",
    ],
)
def test_parse_money_invalid(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_money(text, field="amount")
    assert info.value.code == "money.invalid"
    assert info.value.field == "amount"
    assert "1 000 000" in info.value.text("kk")


def test_parse_money_negative() -> None:
    with pytest.raises(ValidationError) as info:
        parse_money("-500")
    assert info.value.code == "money.negative"
    assert info.value.text("ru") == "Сумма не может быть отрицательной: «-500»"
    assert info.value.text("kk") == "Сома теріс болмауы керек: «-500»"


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_money_round_trip(amount: Decimal) -> None:
    for lang in LANGS:
        assert parse_money(format_money(amount, lang)) == amount
        assert parse_money(format_money(amount, lang, with_symbol=False)) == amount
