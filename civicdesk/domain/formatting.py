"""Dates and money in Kazakh and Russian, as printed on forms and shown in the app."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from .errors import Lang, Message, ValidationError

__all__ = [
    "NBSP",
    "TENGE",
    "format_date",
    "format_datetime",
    "format_money",
    "month_name",
    "parse_money",
]

NBSP = "\u00a0"
TENGE = "₸"

MonthCase = Literal["nominative", "genitive"]
DateStyle = Literal["long", "short", "official"]

_KK_MONTHS = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
_RU_MONTHS_NOMINATIVE = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
_RU_MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def month_name(month: int, lang: Lang, case: MonthCase = "nominative") -> str:
    """Month name in lower case. Kazakh does not inflect it in dates, so ``case``
    only matters for Russian (genitive: ``февраля``, as in ``22 февраля``)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    if lang == "kk":
        return _KK_MONTHS[month - 1]
    names = _RU_MONTHS_GENITIVE if case == "genitive" else _RU_MONTHS_NOMINATIVE
    return names[month - 1]


def format_date(d: date, lang: Lang, style: DateStyle = "long") -> str:
    """``2025 ж. 22 ақпан`` / ``22 февраля 2025 г.``; official: ``2025 жылғы 22 ақпан`` /
    ``22 февраля 2025 года``; short: ``22.02.2025`` in both languages."""
    if style == "short":
        return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"
    if lang == "kk":
        year_word = "жылғы" if style == "official" else "ж."
        return f"{d.year} {year_word} {d.day} {month_name(d.month, 'kk')}"
    year_word = "года" if style == "official" else "г."
    return f"{d.day} {month_name(d.month, 'ru', 'genitive')} {d.year} {year_word}"


def format_datetime(dt: datetime, lang: Lang, style: DateStyle = "long") -> str:
    """Date as in :func:`format_date` followed by the time: ``2025 ж. 22 ақпан, 14:05``."""
    day = format_date(dt.date(), lang, style)
    sep = " " if style == "short" else ", "
    return f"{day}{sep}{dt.hour:02d}:{dt.minute:02d}"


_CENT = Decimal("0.01")


def format_money(amount: Decimal | int, lang: Lang, *, with_symbol: bool = True) -> str:
    """``1 000 000 ₸`` with no-break spaces; tiyn shown only when non-zero
    (``1 000,50 ₸``). The same in Kazakh and Russian (``lang`` kept for symmetry)."""
    del lang  # both languages write money the same way in Kazakhstan
    value = Decimal(amount).quantize(_CENT, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    value = abs(value)
    whole = int(value)
    cents = int((value - whole) * 100)
    digits = f"{whole:,}".replace(",", NBSP)
    text = f"{sign}{digits}" + (f",{cents:02d}" if cents else "")
    return f"{text}{NBSP}{TENGE}" if with_symbol else text


_CURRENCY = re.compile(r"(₸|тенге|теңге|тг\.?|kzt)$", re.IGNORECASE)
_NUMBER = re.compile(r"^-?\d+([.,]\d{1,2})?$")

_MONEY_INVALID = Message(
    kk="Сома дұрыс енгізілмеген: «{text}». Мысалы: 1 000 000 немесе 1000,50",
    ru="Не удалось распознать сумму: «{text}». Пример: 1 000 000 или 1000,50",
)
_MONEY_NEGATIVE = Message(
    kk="Сома теріс болмауы керек: «{text}»",
    ru="Сумма не может быть отрицательной: «{text}»",
)


def parse_money(text: str, *, field: str | None = None) -> Decimal:
    """Read an amount of tenge as people type it: ``1 000 000``, ``1000,50``,
    ``1 000.5 ₸``, ``5000 тг``. Codes: ``money.invalid``, ``money.negative``."""
    raw = text.strip()
    cleaned = _CURRENCY.sub("", raw.strip()).strip()
    for space in (" ", NBSP, "\u202f", "\u2009", "\u2007"):
        cleaned = cleaned.replace(space, "")
    cleaned = cleaned.replace("\u2212", "-")
    if not _NUMBER.match(cleaned) or not cleaned.isascii():
        raise ValidationError("money.invalid", _MONEY_INVALID, field=field, text=raw)
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern already rules this out
        raise ValidationError("money.invalid", _MONEY_INVALID, field=field, text=raw) from None
    if value < 0:
        raise ValidationError("money.negative", _MONEY_NEGATIVE, field=field, text=raw)
    return value
