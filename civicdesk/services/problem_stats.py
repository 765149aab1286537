"""Statistics of the problems register per district, and their section in the periodic
report (``civicdesk report``).

Counted from SQL aggregates over problems only (titles, states and dates; no person):
a center counts its own, head office every center's after sync. In a period:
raised (first raised in it), taken up, answered, answered on time (by the legal due day
of an appeal; other channels have none and count as on time), resolved; and the open
appeals overdue on the period's last day (or today, if earlier).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, or_, select

from civicdesk.db.models import District, Problem
from civicdesk.domain.errors import Message
from civicdesk.domain.periods import Period
from civicdesk.printing.report import Figure, ReportColumn, ReportRow, ReportSection, ReportTable
from civicdesk.services.base import Context

M = Message
SECTION = M("Мәселелер тізілімі: көтерілгені, қолға алынғаны, жауап, шешім",
            "Реестр проблем: поднято, взято в работу, ответы, решено")
NO_DISTRICT = M("(аудан көрсетілмеген)", "(район не указан)")
NOTE = M(
    "Мерзімінде жауап — әкімге өтінішке 15 жұмыс күні ішінде немесе ұзартылған мерзімде "
    "(ӘРПК, 76-бап); басқа арналарда заңды мерзім жоқ. Мерзімі өткені — кезеңнің соңғы "
    "күніне жауапсыз қалған өтініштер. Кестеде адамның аты жоқ.",
    "Ответ в срок — на обращение к акиму в течение 15 рабочих дней или в продлённый срок "
    "(АППК, статья 76); у других каналов законного срока нет. Просрочено — обращения без "
    "ответа на последний день периода. В таблице нет имён людей.",
)
COLUMNS = (
    ReportColumn(M("Көтерілді", "Поднято")),
    ReportColumn(M("Қолға алынды", "Взято в работу")),
    ReportColumn(M("Жауап берілді", "Получен ответ")),
    ReportColumn(M("Мерзімінде", "В срок")),
    ReportColumn(M("Мерзімі өтті", "Просрочено")),
    ReportColumn(M("Шешілді", "Решено")),
)


@dataclass(frozen=True)
class DistrictCounts:
    district_id: str | None
    name_kk: str
    name_ru: str
    raised: int
    taken_up: int
    answered: int
    answered_on_time: int
    overdue: int
    resolved: int


def _within(column: Any, period: Period) -> Any:
    return and_(column.is_not(None), column >= period.start, column <= period.end)


def district_counts(ctx: Context, period: Period, center_id: str | None = None
                    ) -> list[DistrictCounts]:
    """Counts per district for the actor (a center's own; head office: all, or one)."""
    day = min(period.end, ctx.today())
    on_time = and_(_within(Problem.answered_on, period),
                   or_(Problem.due_on.is_(None), Problem.answered_on <= Problem.due_on))
    overdue = and_(Problem.due_on.is_not(None), Problem.due_on < day,
                   Problem.taken_up_on <= day,
                   or_(Problem.answered_on.is_(None), Problem.answered_on > day))

    def n(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    stmt = (
        select(Problem.district_id, District.name_kk, District.name_ru,
               n(_within(Problem.first_raised, period)), n(_within(Problem.taken_up_on, period)),
               n(_within(Problem.answered_on, period)), n(on_time), n(overdue),
               n(and_(Problem.state == "resolved", _within(Problem.closed_on, period))))
        .outerjoin(District, District.id == Problem.district_id)
        .where(Problem.deleted.is_(False))
        .group_by(Problem.district_id, District.name_kk, District.name_ru)
    )
    center = center_id if ctx.actor.is_head_office else ctx.actor.center_id
    if center is not None:
        stmt = stmt.where(Problem.center_id == center)
    with ctx.db.session() as s:
        rows = [DistrictCounts(did, kk or NO_DISTRICT.kk, ru or NO_DISTRICT.ru,
                               *(int(v) for v in vals))
                for did, kk, ru, *vals in s.execute(stmt)]
    rows = [r for r in rows if any((r.raised, r.taken_up, r.answered, r.overdue, r.resolved))]
    return sorted(rows, key=lambda r: (r.district_id is None, r.name_ru))


def problem_section(ctx: Context, period: Period, center_id: str | None = None
                    ) -> ReportSection | None:
    rows = district_counts(ctx, period, center_id)
    if not rows:
        return None

    def values(r: DistrictCounts) -> tuple[int, ...]:
        return (r.raised, r.taken_up, r.answered, r.answered_on_time, r.overdue, r.resolved)

    totals = tuple(sum(v) for v in zip(*(values(r) for r in rows), strict=True))
    table = ReportTable(
        "problems_by_district", SECTION, M("Аудан", "Район"), COLUMNS,
        tuple(ReportRow(M(r.name_kk, r.name_ru), values(r), r.district_id or "")
              for r in rows),
        ReportRow(M("Барлығы", "Итого"), totals), sheet="Problems")
    figures = (
        Figure(M("Көтерілген мәселелер", "Поднято проблем"), totals[0]),
        Figure(M("Мерзімінде жауап", "Ответов в срок"), totals[3]),
        Figure(M("Шешілді", "Решено"), totals[5]),
    )
    return ReportSection(SECTION, figures=figures, tables=(table,), note=NOTE)


def problem_sections(ctx: Context, period: Period) -> tuple[ReportSection, ...]:
    """The report's problems section, if the period has any (for ``write_report``)."""
    section = problem_section(ctx, period)
    return () if section is None else (section,)
