"""Reporting periods: every accepted form, names in kk/ru, and refusals with kk/ru text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from civicdesk.domain.errors import UserError
from civicdesk.domain.periods import (
    Period,
    parse_period,
    quarter_of,
    quarter_period,
)


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "code"),
    [
        ("2025Q1", date(2025, 1, 1), date(2025, 3, 31), "quarter", "2025Q1"),
        ("2025q2", date(2025, 4, 1), date(2025, 6, 30), "quarter", "2025Q2"),
        ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30), "quarter", "2025Q3"),
        (" 2025 Q4 ", date(2025, 10, 1), date(2025, 12, 31), "quarter", "2025Q4"),
        ("2024Q1", date(2024, 1, 1), date(2024, 3, 31), "quarter", "2024Q1"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year", "2025"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", "2024-02"),
        ("2025-12", date(2025, 12, 1), date(2025, 12, 31), "month", "2025-12"),
        ("2025-1", date(2025, 1, 1), date(2025, 1, 31), "month", "2025-01"),
        ("2025-01-01..2025-03-31", date(2025, 1, 1), date(2025, 3, 31), "range",
         "2025-01-01..2025-03-31"),
        ("2025-01-15 .. 2025-01-15", date(2025, 1, 15), date(2025, 1, 15), "range",
         "2025-01-15..2025-01-15"),
        ("2025-05-09", date(2025, 5, 9), date(2025, 5, 9), "range", "2025-05-09..2025-05-09"),
    ],
)
def test_accepted_forms(text: str, start: date, end: date, kind: str, code: str) -> None:
    p = parse_period(text)
    assert (p.start, p.end, p.kind, p.code) == (start, end, kind, code)
    assert parse_period(p.code) == p  # the code reads back as the same period


def test_names_in_both_languages() -> None:
    assert parse_period("2025Q1").label.kk == "2025 ж. I тоқсан"
    assert parse_period("2025Q1").label.ru == "I квартал 2025 г."
    assert parse_period("2025Q4").text("ru") == "IV квартал 2025 г."
    assert parse_period("2025").text("kk") == "2025 ж."
    assert parse_period("2025-02").text("kk") == "2025 ж. ақпан"
    assert parse_period("2025-02").text("ru") == "февраль 2025 г."
    assert parse_period("2025-01-01..2025-03-31").text("ru") == "01.01.2025 – 31.03.2025"


def test_bounds_and_days() -> None:
    p = parse_period("2025Q1")
    assert p.days == 90
    assert p.contains(date(2025, 3, 31)) and not p.contains(date(2025, 4, 1))
    assert p.start_at() == datetime(2025, 1, 1)
    assert p.end_before() == datetime(2025, 4, 1)
    assert parse_period("2024").days == 366


def test_quarter_of() -> None:
    assert quarter_of(date(2025, 2, 22)) == quarter_period(2025, 1)
    assert quarter_of(date(2025, 12, 31)).code == "2025Q4"
    assert isinstance(quarter_of(date(2025, 7, 1)), Period)


@pytest.mark.parametrize(
    ("text", "code", "kk_part", "ru_part"),
    [
        ("", "period.invalid", "Кезең дұрыс жазылмаған", "Период указан неверно"),
        ("квартал", "period.invalid", "Кезең дұрыс жазылмаған", "Период указан неверно"),
        ("2025Q5", "period.invalid", "Тоқсан нөмірі", "Номер квартала"),
        ("2025Q0", "period.invalid", "Тоқсан нөмірі", "Номер квартала"),
        ("2025-13", "period.invalid", "Ай нөмірі", "Номер месяца"),
        ("2025-00", "period.invalid", "Ай нөмірі", "Номер месяца"),
        ("2025-02-30..2025-03-31", "period.invalid", "Мұндай күн жоқ", "Такой даты"),
        ("2025-03-31..2025-01-01", "period.reversed", "соңынан", "позже"),
        ("1999", "period.invalid", "Жыл", "Год должен"),
        ("25Q1", "period.invalid", "Кезең дұрыс жазылмаған", "Период указан неверно"),
        ("2025-01-01..", "period.invalid", "Кезең дұрыс жазылмаған", "Период указан неверно"),
        ("2025/01/01..2025/03/31", "period.invalid", "Кезең дұрыс", "Период указан"),
    ],
)
def test_refused_with_kazakh_and_russian(text: str, code: str, kk_part: str, ru_part: str) -> None:
    with pytest.raises(UserError) as exc:
        parse_period(text)
    assert exc.value.code == code
    assert exc.value.field == "period"
    assert kk_part in exc.value.text("kk")
    assert ru_part in exc.value.text("ru")
    # the Kazakh message is really Kazakh, the Russian one Russian
    assert any(ch in exc.value.text("kk") for ch in "әғқңөұүһі")
    assert not any(ch in exc.value.text("ru") for ch in "әғқңөұүһі")
