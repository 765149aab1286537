"""Volunteers and aid in figures: active volunteers, hours, households helped and aid
value, per district, for a period; and the section of the periodic report.

Counted from ids, hours, settlements and amounts only, so head office gets the same
figures from its copies, which carry no volunteer's name, IIN or phone
(``civicdesk.sync.server.minimise``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, func, select, type_coerce

from civicdesk.db.models import AidAction, District, Settlement, VolunteerAssignment
from civicdesk.domain.errors import Message
from civicdesk.domain.periods import Period
from civicdesk.printing.report import Figure, ReportColumn, ReportRow, ReportSection, ReportTable
from civicdesk.services.base import Context

__all__ = ["DistrictFigures", "VolunteerFigures", "volunteer_figures", "volunteer_sections"]

M = Message
NO_DISTRICT = M("Аудан көрсетілмеген", "Район не указан")
HUNDRED = Decimal(100)
THOU = Decimal(1000)


@dataclass(frozen=True)
class DistrictFigures:
    key: str
    kk: str
    ru: str
    volunteers: int
    hours: Decimal
    aid_actions: int
    households: int
    aid_value: Decimal


@dataclass(frozen=True)
class VolunteerFigures:
    volunteers: int  # distinct volunteers with work in the period
    assignments: int
    hours: Decimal
    aid_actions: int
    households: int
    aid_value: Decimal  # money given plus the value of aid in kind where known (₸)
    by_district: list[DistrictFigures]


def _center(ctx: Context, center_id: str | None) -> str | None:
    return center_id if ctx.actor.is_head_office else ctx.actor.center_id


def volunteer_figures(ctx: Context, period: Period, *, center_id: str | None = None
                      ) -> VolunteerFigures:
    """The figures of ``period`` for the actor's center (head office: every center, or
    ``center_id``)."""
    center = _center(ctx, center_id)
    a, aid = VolunteerAssignment, AidAction
    district = func.coalesce(Settlement.district_id, "")
    work_where: list[Any] = [a.deleted.is_(False), a.done_on >= period.start,
                             a.done_on <= period.end]
    aid_where: list[Any] = [aid.deleted.is_(False), aid.done_on >= period.start,
                            aid.done_on <= period.end]
    if center is not None:
        work_where.append(a.center_id == center)
        aid_where.append(aid.center_id == center)
    raw_hours = type_coerce(a.hours, Integer)
    raw_amount = type_coerce(aid.amount, Integer)
    with ctx.db.session() as s:
        work = s.execute(
            select(district, func.count(func.distinct(a.volunteer_id)), func.count(),
                   func.coalesce(func.sum(raw_hours), 0))
            .outerjoin(Settlement, Settlement.id == a.settlement_id)
            .where(*work_where).group_by(district)).all()
        total = s.execute(select(func.count(func.distinct(a.volunteer_id)), func.count(),
                                 func.coalesce(func.sum(raw_hours), 0)).where(*work_where)
                          ).one()
        help_rows = s.execute(
            select(district, func.count(), func.coalesce(func.sum(aid.households), 0),
                   func.coalesce(func.sum(raw_amount), 0))
            .outerjoin(Settlement, Settlement.id == aid.settlement_id)
            .where(*aid_where).group_by(district)).all()
        keys = {str(r[0]) for r in (*work, *help_rows)} - {""}
        names = {str(d.id): (d.name_kk, d.name_ru) for d in s.scalars(
            select(District).where(District.id.in_(keys)))} if keys else {}
    per: dict[str, list[Any]] = {}
    for key, vols, _n, hours in work:
        per.setdefault(str(key), [0, 0, 0, 0, 0])[0:2] = [int(vols), int(hours)]
    for key, n, households, amount in help_rows:
        per.setdefault(str(key), [0, 0, 0, 0, 0])[2:5] = [int(n), int(households), int(amount)]
    rows = [DistrictFigures(
        key, *(names.get(key) or (NO_DISTRICT.kk, NO_DISTRICT.ru)), v[0], _hours(v[1]), v[2],
        v[3], _money(v[4])) for key, v in per.items()]
    rows.sort(key=lambda r: (r.key == "", r.kk))
    return VolunteerFigures(
        volunteers=int(total[0]), assignments=int(total[1]), hours=_hours(int(total[2])),
        aid_actions=sum(r.aid_actions for r in rows), households=sum(r.households for r in rows),
        aid_value=sum((r.aid_value for r in rows), Decimal("0.00")), by_district=rows)


def _hours(thousandths: int) -> Decimal:
    return (Decimal(thousandths) / THOU).quantize(Decimal("0.1"))


def _money(tiyn: int) -> Decimal:
    return (Decimal(tiyn) / HUNDRED).quantize(Decimal("0.01"))


SECTION = M("Еріктілер және көмек", "Волонтёры и помощь")
COLUMNS = (
    ReportColumn(M("Белсенді еріктілер", "Активные волонтёры"), "int"),
    ReportColumn(M("Сағат", "Часы"), "decimal"),
    ReportColumn(M("Көмек шаралары", "Акции помощи"), "int"),
    ReportColumn(M("Көмек алған үйлер", "Семьи, получившие помощь"), "int"),
    ReportColumn(M("Көмек құны", "Стоимость помощи"), "money"),
)
NOTE = M(
    "Белсенді ерікті — кезеңде кемінде бір тапсырма орындаған ерікті. Көмек құны — "
    "ақшалай көмек пен бағасы белгілі заттай көмектің сомасы. Аты-жөндер есепке кірмейді.",
    "Активный волонтёр — выполнивший в периоде хотя бы одно поручение. Стоимость помощи — "
    "денежная помощь и натуральная помощь с известной стоимостью. Имена в отчёт не входят.",
)


def _row(label: Message, f: Any, key: str = "") -> ReportRow:
    return ReportRow(label, (f.volunteers, f.hours, f.aid_actions, f.households, f.aid_value),
                     key)


def volunteer_sections(ctx: Context, period: Period, center_id: str | None = None
                       ) -> tuple[ReportSection, ...]:
    """The report's section, or none when the period had no volunteer work or aid."""
    f = volunteer_figures(ctx, period, center_id=center_id)
    if not f.assignments and not f.aid_actions:
        return ()
    rows: Iterable[ReportRow] = (_row(M(d.kk, d.ru), d, d.key) for d in f.by_district)
    table = ReportTable("volunteers", M("Аудандар бойынша", "По районам"),
                        M("Аудан", "Район"), COLUMNS, tuple(rows),
                        total=_row(M("Барлығы", "Всего"), f), sheet="Еріктілер")
    figures = (
        Figure(M("Белсенді еріктілер", "Активные волонтёры"), f.volunteers),
        Figure(M("Еріктілер сағаты", "Часы волонтёров"), f.hours, "decimal"),
        Figure(M("Көмек алған үйлер", "Семьи, получившие помощь"), f.households),
        Figure(M("Көмек құны", "Стоимость помощи"), f.aid_value, "money"),
    )
    return (ReportSection(SECTION, figures=figures, tables=(table,), note=NOTE),)
