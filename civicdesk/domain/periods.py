"""Reporting periods: a quarter, a year, a month or any range of days.

``parse_period`` reads what people type on the command line and in the app:
``2025Q1`` (also ``2025-Q1``, ``2025 q1``), ``2025``, ``2025-03`` and
``2025-01-01..2025-03-31`` (both days included). A wrong text is refused with a
message in Kazakh and Russian naming the accepted forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from .errors import Message, ValidationError
from .formatting import format_date, month_name

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Period",
    "PeriodKind",
    "month_period",
    "parse_period",
    "quarter_of",
    "quarter_period",
    "range_period",
    "year_period",
]

PeriodKind = Literal["quarter", "year", "month", "range"]

MIN_YEAR = 2000
MAX_YEAR = 2100

ROMAN = ("I", "II", "III", "IV")

_FORMS = "2025Q1, 2025, 2025-03, 2025-01-01..2025-03-31"

BAD_PERIOD = Message(
    kk="Кезең дұрыс жазылмаған: «{text}». Мысалдар: " + _FORMS,
    ru="Период указан неверно: «{text}». Примеры: " + _FORMS,
)
BAD_QUARTER = Message(
    kk="Тоқсан нөмірі 1-ден 4-ке дейін болуы керек: «{text}»",
    ru="Номер квартала должен быть от 1 до 4: «{text}»",
)
BAD_MONTH = Message(
    kk="Ай нөмірі 1-ден 12-ге дейін болуы керек: «{text}»",
    ru="Номер месяца должен быть от 1 до 12: «{text}»",
)
BAD_DATE = Message(
    kk="Мұндай күн жоқ: «{text}»",
    ru="Такой даты не существует: «{text}»",
)
BAD_YEAR = Message(
    kk="Жыл {lo}–{hi} аралығында болуы керек: «{text}»",
    ru="Год должен быть в пределах {lo}–{hi}: «{text}»",
)
REVERSED = Message(
    kk="Кезеңнің басы ({start}) соңынан ({end}) кейін тұр",
    ru="Начало периода ({start}) позже его конца ({end})",
)


@dataclass(frozen=True)
class Period:
    """Days ``start`` to ``end``, both included, with a name in Kazakh and Russian."""

    start: date
    end: date
    kind: PeriodKind
    code: str
    label: Message

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def start_at(self) -> datetime:
        """The first moment of the period (for ``occurred_at >= start_at``)."""
        return datetime.combine(self.start, time.min)

    def end_before(self) -> datetime:
        """The first moment after the period (for ``occurred_at < end_before``)."""
        return datetime.combine(self.end + timedelta(days=1), time.min)

    def text(self, lang: Literal["kk", "ru"]) -> str:
        return self.label.text(lang)

    def __str__(self) -> str:
        return self.code


def _fail(message: Message, text: str, **params: object) -> ValidationError:
    return ValidationError("period.invalid", message, field="period", text=text, **params)


def _year(value: int, text: str) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise _fail(BAD_YEAR, text, lo=MIN_YEAR, hi=MAX_YEAR)
    return value


def quarter_period(year: int, quarter: int) -> Period:
    first = date(year, 3 * (quarter - 1) + 1, 1)
    nxt = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    q = ROMAN[quarter - 1]
    return Period(
        first,
        nxt - timedelta(days=1),
        "quarter",
        f"{year}Q{quarter}",
        Message(kk=f"{year} ж. {q} тоқсан", ru=f"{q} квартал {year} г."),
    )


def quarter_of(d: date) -> Period:
    """The quarter that holds ``d``."""
    return quarter_period(d.year, (d.month - 1) // 3 + 1)


def year_period(year: int) -> Period:
    return Period(
        date(year, 1, 1),
        date(year, 12, 31),
        "year",
        str(year),
        Message(kk=f"{year} ж.", ru=f"{year} г."),
    )


def month_period(year: int, month: int) -> Period:
    first = date(year, month, 1)
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(
        first,
        nxt - timedelta(days=1),
        "month",
        f"{year}-{month:02d}",
        Message(
            kk=f"{year} ж. {month_name(month, 'kk')}",
            ru=f"{month_name(month, 'ru')} {year} г.",
        ),
    )


def range_period(start: date, end: date) -> Period:
    if start > end:
        raise ValidationError(
            "period.reversed",
            REVERSED,
            field="period",
            start=format_date(start, "kk", "short"),
            end=format_date(end, "kk", "short"),
        )
    short_s, short_e = format_date(start, "kk", "short"), format_date(end, "kk", "short")
    return Period(
        start,
        end,
        "range",
        f"{start.isoformat()}..{end.isoformat()}",
        Message(kk=f"{short_s} – {short_e}", ru=f"{short_s} – {short_e}"),
    )


_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[QqКк]\s*(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RANGE = re.compile(r"^(.+?)\s*(?:\.\.|–|—)\s*(.+)$")


def _day(text: str, whole: str) -> date:
    m = _DAY.match(text.strip())
    if not m:
        raise _fail(BAD_PERIOD, whole)
    y = _year(int(m.group(1)), whole)
    try:
        return date(y, int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise _fail(BAD_DATE, text.strip()) from None


def parse_period(text: str) -> Period:
    """Read a period; raises ``ValidationError`` (code ``period.invalid`` or
    ``period.reversed``) with a kk/ru message on anything else."""
    raw = (text or "").strip()
    if not raw:
        raise _fail(BAD_PERIOD, raw)
    if m := _QUARTER.match(raw):
        year, quarter = _year(int(m.group(1)), raw), int(m.group(2))
        if not 1 <= quarter <= 4:
            raise _fail(BAD_QUARTER, raw)
        return quarter_period(year, quarter)
    if m := _YEAR.match(raw):
        return year_period(_year(int(m.group(1)), raw))
    if m := _MONTH.match(raw):
        year, month = _year(int(m.group(1)), raw), int(m.group(2))
        if not 1 <= month <= 12:
            raise _fail(BAD_MONTH, raw)
        return month_period(year, month)
    if m := _RANGE.match(raw):
        return range_period(_day(m.group(1), raw), _day(m.group(2), raw))
    if _DAY.match(raw):  # a single day is a range of one day
        d = _day(raw, raw)
        return range_period(d, d)
    raise _fail(BAD_PERIOD, raw)
