"""Programmes and targets at head office, and target against actual per region.

Head office defines a programme (name kk/ru, period, regions) and its targets; both sync
to centers as reference data. The actual of each target is one SQL aggregate over the
records of the centers in the target's region (all the programme's regions when the
target has none) within the target's quarter (the programme's period when it has
none): seminars held, participants present, booklet copies handed out, consultations,
grant applications funded; the awareness change of a campaign is the change of its
"knows" share in percentage points, from the same computation as its figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, literal, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    Center,
    Consultation,
    Distribution,
    GrantApplication,
    GrantCall,
    PrintRun,
    Programme,
    ProgrammeTarget,
    Seminar,
    SeminarParticipant,
    SeminarSeries,
)
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.periods import parse_period
from civicdesk.domain.programmes import Indicator
from civicdesk.domain.validation import Collector
from civicdesk.services.base import Context, require_role, stamp_new
from civicdesk.services.campaign_figures import awareness_report
from civicdesk.services.reports import FUNDED_STATUSES

__all__ = [
    "ProgrammeView",
    "RecordRef",
    "TargetRow",
    "add_target",
    "create_programme",
    "list_programmes",
    "target_records",
    "target_vs_actual",
]

NAME = Message(kk="Бағдарламаның атауын қазақша және орысша жазыңыз.",
               ru="Укажите название программы на казахском и русском языках.")
DATES = Message(kk="Аяқталу күні басталу күнінен ерте болмауы керек.",
                ru="Дата окончания не может быть раньше даты начала.")
REGIONS = Message(kk="Кемінде бір облысты таңдаңыз.", ru="Выберите хотя бы одну область.")
TARGET = Message(kk="Мақсатты мән теріс болмауы керек.",
                 ru="Целевое значение не может быть отрицательным.")
QUARTER = Message(kk="Тоқсанды 2025Q3 түрінде жазыңыз.", ru="Укажите квартал в виде 2025Q3.")
REGION = Message(kk="Облыс бағдарламаға кірмейді.", ru="Область не входит в программу.")
CAMPAIGN = Message(kk="Хабардарлық мақсатына науқанды көрсетіңіз.",
                   ru="Для цели по осведомлённости укажите кампанию.")
MISSING = Message(kk="Бағдарлама табылмады.", ru="Программа не найдена.")


@dataclass(frozen=True)
class ProgrammeView:
    id: str
    name_kk: str
    name_ru: str
    starts_on: date
    ends_on: date
    regions: tuple[str, ...]


@dataclass(frozen=True)
class TargetRow:
    id: str
    indicator: Indicator
    region_kato: str | None
    quarter: str | None
    campaign_id: str | None
    target: Decimal
    actual: Decimal | None  # None: nothing to measure yet (a campaign without both waves)

    @property
    def percent(self) -> Decimal | None:
        if self.actual is None or not self.target:
            return None
        return (self.actual * 100 / self.target).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _view(p: Programme) -> ProgrammeView:
    return ProgrammeView(p.id, p.name_kk, p.name_ru, p.starts_on, p.ends_on, tuple(p.regions))


def create_programme(ctx: Context, name_kk: str, name_ru: str, starts_on: date,
                     ends_on: date, regions: Sequence[str]) -> ProgrammeView:
    require_role(ctx.actor, Role.HEAD_OFFICE)
    c = Collector()
    if not name_kk.strip() or not name_ru.strip():
        c.add("programme.name", NAME, field="name")
    if ends_on < starts_on:
        c.add("programme.dates", DATES, field="ends_on")
    codes = sorted({r.strip() for r in regions if r.strip()})
    if not codes:
        c.add("programme.regions", REGIONS, field="regions")
    c.raise_if_any()
    with ctx.db.session() as s:
        row = Programme(name_kk=name_kk.strip(), name_ru=name_ru.strip(), starts_on=starts_on,
                        ends_on=ends_on, regions=codes)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        return _view(row)


def list_programmes(ctx: Context) -> list[ProgrammeView]:
    """Every programme (reference data: each center sees all)."""
    with ctx.db.session() as s:
        rows = s.scalars(select(Programme).where(Programme.deleted.is_(False))
                         .order_by(Programme.starts_on.desc(), Programme.id))
        return [_view(p) for p in rows]


def add_target(ctx: Context, programme_id: str, indicator: Indicator, target: Decimal | int,
               *, region_kato: str | None = None, quarter: str | None = None,
               campaign_id: str | None = None) -> str:
    require_role(ctx.actor, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        programme = s.get(Programme, programme_id)
        if programme is None or programme.deleted:
            raise UserError("programme.missing", MISSING)
        c = Collector()
        value = Decimal(target)
        if value < 0:
            c.add("target.value", TARGET, field="target")
        if quarter:
            try:
                parse_period(quarter)
            except UserError:
                c.add("target.quarter", QUARTER, field="quarter")
        if region_kato and region_kato not in programme.regions:
            c.add("target.region", REGION, field="region")
        if indicator is Indicator.AWARENESS_CHANGE_PP and not campaign_id:
            c.add("target.campaign", CAMPAIGN, field="campaign")
        c.raise_if_any()
        row = ProgrammeTarget(programme_id=programme.id, indicator=Indicator(indicator).value,
                              region_kato=region_kato or None, quarter=quarter or None,
                              campaign_id=campaign_id, target=value)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        return row.id


def _span(programme: Programme, quarter: str | None) -> tuple[date, date]:
    if quarter:
        p = parse_period(quarter)
        return max(p.start, programme.starts_on), min(p.end, programme.ends_on)
    return programme.starts_on, programme.ends_on


def _series_clause(programme_id: str) -> ColumnElement[bool]:
    """Seminars that count for a programme: those of no series, of a series linked to no
    programme, or of a series linked to this one (not those of another programme)."""
    other = select(SeminarSeries.id).where(SeminarSeries.programme_id.is_not(None),
                                           SeminarSeries.programme_id != programme_id)
    return or_(Seminar.series_id.is_(None), Seminar.series_id.not_in(other))


def _actual(s: Session, indicator: Indicator, regions: Sequence[str], start: date,
            end: date, programme_id: str = "") -> Decimal:
    centers = select(Center.id).where(Center.region_kato.in_(list(regions)))
    live_center: list[ColumnElement[bool]] = []
    stmt: Any
    if indicator is Indicator.CONSULTATIONS:
        live_center = [Consultation.deleted.is_(False), Consultation.center_id.in_(centers),
                       Consultation.occurred_at >= datetime.combine(start, time()),
                       Consultation.occurred_at < datetime.combine(end + timedelta(days=1),
                                                                   time())]
        stmt = select(func.count()).select_from(Consultation).where(*live_center)
    elif indicator in (Indicator.SEMINARS_HELD, Indicator.PARTICIPANTS):
        where = [Seminar.deleted.is_(False), Seminar.center_id.in_(centers),
                 Seminar.held_on >= start, Seminar.held_on <= end,
                 _series_clause(programme_id)]
        if indicator is Indicator.SEMINARS_HELD:
            stmt = select(func.count()).select_from(Seminar).where(*where)
        else:
            p = SeminarParticipant
            stmt = (select(func.count()).select_from(p).join(Seminar, Seminar.id == p.seminar_id)
                    .where(*where, p.deleted.is_(False), p.attended.is_(True)))
    elif indicator is Indicator.COPIES_DISTRIBUTED:
        stmt = (select(func.coalesce(func.sum(Distribution.copies), 0))
                .join(PrintRun, PrintRun.id == Distribution.print_run_id)
                .where(Distribution.deleted.is_(False), PrintRun.deleted.is_(False),
                       Distribution.center_id.in_(centers),
                       Distribution.distributed_on >= start, Distribution.distributed_on <= end))
    else:  # APPLICATIONS_FUNDED: by the call's region and the award date
        stmt = (select(func.count()).select_from(GrantApplication)
                .join(GrantCall, GrantCall.id == GrantApplication.call_id)
                .where(GrantApplication.deleted.is_(False),
                       GrantCall.region_kato.in_(list(regions)),
                       GrantApplication.status.in_([x.value for x in FUNDED_STATUSES]),
                       GrantApplication.awarded_on >= start, GrantApplication.awarded_on <= end))
    return Decimal(int(s.scalar(stmt) or 0))


def target_vs_actual(ctx: Context, programme_id: str) -> list[TargetRow]:
    """Every target of the programme with its actual, in the order they were set."""
    with ctx.db.session() as s:
        programme = s.get(Programme, programme_id)
        if programme is None or programme.deleted:
            raise UserError("programme.missing", MISSING)
        targets = list(s.scalars(select(ProgrammeTarget).where(
            ProgrammeTarget.programme_id == programme.id, ProgrammeTarget.deleted.is_(False))
            .order_by(ProgrammeTarget.created_at, ProgrammeTarget.id)))
        out: list[TargetRow] = []
        pending: list[tuple[int, str]] = []
        for t in targets:
            indicator = Indicator(t.indicator)
            actual: Decimal | None = None
            if indicator is Indicator.AWARENESS_CHANGE_PP:
                pending.append((len(out), t.campaign_id or ""))
            else:
                start, end = _span(programme, t.quarter)
                regions = [t.region_kato] if t.region_kato else list(programme.regions)
                actual = _actual(s, indicator, regions, start, end, programme.id)
            out.append(TargetRow(t.id, indicator, t.region_kato, t.quarter, t.campaign_id,
                                 t.target, actual))
    for i, campaign_id in pending:
        try:
            report = awareness_report(ctx, campaign_id)
        except UserError:
            continue
        points = report.comparison.knows.points if report.comparison else None
        if points is not None:
            row = out[i]
            out[i] = TargetRow(row.id, row.indicator, row.region_kato, row.quarter,
                               row.campaign_id, row.target,
                               Decimal(str(round(points, 1))))
    return out


@dataclass(frozen=True)
class RecordRef:
    """One record behind an actual: its table, id, date and a short description."""

    table: str
    id: str
    on: date
    text: str
    amount: int  # what it adds to the actual (1, or copies handed out)


def _records_stmt(indicator: Indicator, regions: Sequence[str], start: date, end: date,
                  programme_id: str = "") -> Any:
    centers = select(Center.id).where(Center.region_kato.in_(list(regions)))
    if indicator is Indicator.CONSULTATIONS:
        return (select(literal("consultations"), Consultation.id,
                       func.date(Consultation.occurred_at), func.substr(Consultation.question, 1,
                                                                        80), literal(1))
                .where(Consultation.deleted.is_(False), Consultation.center_id.in_(centers),
                       Consultation.occurred_at >= datetime.combine(start, time()),
                       Consultation.occurred_at < datetime.combine(end + timedelta(days=1),
                                                                   time()))
                .order_by(Consultation.occurred_at))
    seminar_where = [Seminar.deleted.is_(False), Seminar.center_id.in_(centers),
                     Seminar.held_on >= start, Seminar.held_on <= end,
                     _series_clause(programme_id)]
    if indicator is Indicator.SEMINARS_HELD:
        return (select(literal("seminars"), Seminar.id, Seminar.held_on, Seminar.title,
                       literal(1)).where(*seminar_where).order_by(Seminar.held_on))
    if indicator is Indicator.PARTICIPANTS:
        p = SeminarParticipant
        return (select(literal("seminar_participants"), p.id, Seminar.held_on,
                       Seminar.title, literal(1))
                .join(Seminar, Seminar.id == p.seminar_id)
                .where(*seminar_where, p.deleted.is_(False), p.attended.is_(True))
                .order_by(Seminar.held_on))
    if indicator is Indicator.COPIES_DISTRIBUTED:
        return (select(literal("distributions"), Distribution.id,
                       Distribution.distributed_on, literal(""), Distribution.copies)
                .join(PrintRun, PrintRun.id == Distribution.print_run_id)
                .where(Distribution.deleted.is_(False), PrintRun.deleted.is_(False),
                       Distribution.center_id.in_(centers),
                       Distribution.distributed_on >= start, Distribution.distributed_on <= end)
                .order_by(Distribution.distributed_on))
    return (select(literal("grant_applications"), GrantApplication.id,
                   GrantApplication.awarded_on, GrantApplication.title, literal(1))
            .join(GrantCall, GrantCall.id == GrantApplication.call_id)
            .where(GrantApplication.deleted.is_(False), GrantCall.region_kato.in_(list(regions)),
                   GrantApplication.status.in_([x.value for x in FUNDED_STATUSES]),
                   GrantApplication.awarded_on >= start, GrantApplication.awarded_on <= end)
            .order_by(GrantApplication.awarded_on))


def target_records(ctx: Context, target_id: str, limit: int = 500) -> list[RecordRef]:
    """The records an actual is made of (the first ``limit``), for drill-down."""
    from civicdesk.db.models import SurveyWave

    with ctx.db.session() as s:
        target = s.get(ProgrammeTarget, target_id)
        programme = s.get(Programme, target.programme_id) if target is not None else None
        if target is None or target.deleted or programme is None:
            raise UserError("programme.missing", MISSING)
        indicator = Indicator(target.indicator)
        if indicator is Indicator.AWARENESS_CHANGE_PP:
            waves = s.execute(select(SurveyWave.id, SurveyWave.starts_on, SurveyWave.kind,
                                     SurveyWave.number)
                              .where(SurveyWave.campaign_id == (target.campaign_id or ""),
                                     SurveyWave.deleted.is_(False))
                              .order_by(SurveyWave.number)).all()
            return [RecordRef("survey_waves", w[0], w[1], f"{w[3]}. {w[2]}", 1) for w in waves]
        start, end = _span(programme, target.quarter)
        regions = [target.region_kato] if target.region_kato else list(programme.regions)
        rows = s.execute(_records_stmt(indicator, regions, start, end, programme.id)
                         .limit(limit)).all()
    out = []
    for table, rid, on, text, amount in rows:
        day = on if isinstance(on, date) else date.fromisoformat(str(on)[:10])
        out.append(RecordRef(str(table), str(rid), day, str(text or ""), int(amount)))
    return out
