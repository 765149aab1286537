"""Working days in Kazakhstan and the answer deadline of an appeal.

Days off are Saturdays, Sundays and the public holidays with the days off moved onto
working days, from the maintained ``holidays`` package (its Kazakhstan calendar follows
the Law "On holidays in the Republic of Kazakhstan" of 13.12.2001 No. 267, the Labour
Code's rule that a holiday falling on a day off moves to the next working day, and the
Government's yearly decrees moving days off). The same decrees make a Saturday or Sunday
a working day in exchange (4 May 2024 for 8 May, 5 January 2025 for 3 January); the
package lists those too (``weekend_workdays``), and they count as working days. A decree
newer than the installed package is not known to it: until the package is updated a
moved day off counts as a working day and its exchanged weekend day as a day off.

The deadline (docs/sources.md, ``appc_350``): Administrative Procedural and Process Code
of 29.06.2020 No. 350-VI, article 76, paragraph 1: the administrative procedure started
by an appeal lasts fifteen working days from the day the appeal is received, unless a
law says otherwise; paragraph 2: the head of the body may extend it by a reasoned
decision for a reasonable time, but to no more than two months, and tells the applicant
within three working days. Checked 2026-12-03.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

#: art. 76 para. 1: working days for an answer to an appeal
APPEAL_WORKING_DAYS = 15
#: art. 76 para. 2: an extended term ends at most this many months after receipt
EXTENSION_MAX_MONTHS = 2


@lru_cache(maxsize=64)
def _calendar(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(days off on weekdays and weekends: holidays and moved days off, weekend days
    made working days) of one year."""
    # Imported on first use: the calendar package takes about 0.25 s to load, and the
    # journal (the first page shown at start) links to problems without needing it.
    from holidays.countries.kazakhstan import Kazakhstan

    cal = Kazakhstan(years=year)
    worked = frozenset(d for d in cal.weekend_workdays if d.year == year)
    return frozenset(cal.keys()), worked


def is_working_day(day: date) -> bool:
    """Not a Saturday, Sunday, public holiday or a day off moved by the Government; a
    weekend day the Government made a working day is one."""
    days_off, weekend_workdays = _calendar(day.year)
    if day.weekday() >= 5:
        return day in weekend_workdays
    return day not in days_off


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself is not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    left = days
    while left:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    n = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            n += 1
    return n


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def appeal_due(received: date) -> date:
    """The last day of the answer: 15 working days after receipt."""
    return add_working_days(received, APPEAL_WORKING_DAYS)


def latest_extension(received: date) -> date:
    """The latest day an extended term may end: two months after receipt."""
    return add_months(received, EXTENSION_MAX_MONTHS)


def answer_due(received: date, extended_to: date | None = None) -> date:
    """The deadline in force: the extended day if the body extended the term."""
    if extended_to is None:
        return appeal_due(received)
    return max(extended_to, appeal_due(received))


def is_overdue(due: date | None, answered_on: date | None, today: date) -> bool:
    """No answer by the end of the due day, or an answer given after it."""
    if due is None:
        return False
    if answered_on is not None:
        return answered_on > due
    return today > due
