"""The consultations section of the statistics and the drill-down to the consultations
behind a number; also the scope helpers (which center, live rows, the period) the other
sections share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    Center,
    Consultation,
    Resident,
    Settlement,
    SyncMixin,
    Topic,
    User,
)
from civicdesk.domain.collation import collation_key
from civicdesk.domain.enums import (
    AgeGroup,
    ConsultationChannel,
    ConsultationStatus,
    Sex,
)
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.labels import (
    AGE_GROUP_NAMES,
    CHANNEL_NAMES,
    CONSULTATION_STATUS_NAMES,
    SEX_NAMES,
)
from civicdesk.domain.periods import Period
from civicdesk.services import consultations as journal
from civicdesk.services.base import (
    ACCESS_DENIED,
    Context,
    ListQuery,
    Page,
)
from civicdesk.services.consultations import ConsultationFilters, ConsultationRow
from civicdesk.services.report_types import (
    _NOT_STATED_NAME,
    BAD_DIMENSION,
    DIMENSIONS,
    NOT_STATED,
    OTHER_CENTER,
    ConsultationStats,
    Count,
)

# --------------------------------------------------------------------------- scope


def _center_scope(ctx: Context, center_id: str | None) -> str | None:
    """The center the report is limited to; None means every center (head office)."""
    if ctx.actor.is_head_office:
        return center_id
    if center_id is not None and center_id != ctx.actor.center_id:
        raise UserError("access.denied", OTHER_CENTER, role=ctx.actor.role.value)
    return ctx.actor.center_id


def _live(model: type[SyncMixin], center: str | None) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [model.deleted.is_(False)]
    if center is not None:
        clauses.append(model.center_id == center)
    return clauses


def _in_period(period: Period) -> list[ColumnElement[bool]]:
    return [
        Consultation.occurred_at >= period.start_at(),
        Consultation.occurred_at < period.end_before(),
    ]


def _consultation_where(period: Period, center: str | None) -> list[ColumnElement[bool]]:
    return [*_live(Consultation, center), *_in_period(period)]


def _overdue_clause(today: date) -> ColumnElement[bool]:
    return and_(
        Consultation.follow_up_on.is_not(None),
        Consultation.follow_up_on < today,
        Consultation.status != ConsultationStatus.CLOSED.value,
    )


# --------------------------------------------------------------------------- consultations


def _named(
    rows: Iterable[Sequence[Any]], names: dict[str, Message] | None = None
) -> list[Count]:
    """(key, kk, ru, count) rows -> Counts, biggest first, "not stated" last."""
    out: list[Count] = []
    for key, name_kk, name_ru, n in rows:
        k = NOT_STATED if key is None else str(key)
        kk, ru = name_kk, name_ru
        if k == NOT_STATED:
            kk, ru = _NOT_STATED_NAME.kk, _NOT_STATED_NAME.ru
        elif names is not None and k in names:
            kk, ru = names[k].kk, names[k].ru
        out.append(Count(k, str(kk if kk is not None else k), str(ru if ru is not None else k),
                         int(n)))
    out.sort(key=lambda c: (c.key == NOT_STATED, -c.count, collation_key(c.kk), c.kk))
    return out


def _enum_counts(
    found: dict[str, int], names: dict[Any, Message], order: Iterable[str]
) -> list[Count]:
    """Every value of an enumeration in its own order (zeros included), then "not stated"."""
    out = [Count(k, names[k].kk, names[k].ru, found.get(k, 0)) for k in order]
    extra = {k: n for k, n in found.items() if k not in set(order)}
    for k, n in sorted(extra.items()):
        if k == NOT_STATED:
            continue
        out.append(Count(k, k, k, n))
    if found.get(NOT_STATED):
        out.append(Count(NOT_STATED, _NOT_STATED_NAME.kk, _NOT_STATED_NAME.ru, found[NOT_STATED]))
    return out


def _consultation_stats(
    s: Session, period: Period, center: str | None, today: date
) -> ConsultationStats:
    where = _consultation_where(period, center)
    c = Consultation
    total, residents, overdue = s.execute(
        select(
            func.count(),
            func.count(func.distinct(c.resident_id)),
            func.coalesce(func.sum(case((_overdue_clause(today), 1), else_=0)), 0),
        ).where(*where)
    ).one()

    # Each breakdown groups the consultations alone first (SQLite reads the
    # (column, occurred_at) index), then names the few groups.
    def grouped(column: Any) -> Any:
        return (
            select(column.label("k"), func.count().label("n"))
            .where(*where)
            .group_by(column)
            .subquery()
        )

    g = grouped(c.topic_code)
    by_topic = _named(
        s.execute(
            select(g.c.k, Topic.name_kk, Topic.name_ru, g.c.n).outerjoin(Topic, Topic.code == g.c.k)
        ).all()
    )
    channels = {
        str(k): int(n)
        for k, n in s.execute(select(c.channel, func.count()).where(*where).group_by(c.channel))
    }
    statuses = {
        str(k): int(n)
        for k, n in s.execute(select(c.status, func.count()).where(*where).group_by(c.status))
    }
    g = grouped(c.settlement_id)
    by_settlement = _named(
        s.execute(
            select(g.c.k, Settlement.name_kk, Settlement.name_ru, g.c.n)
            .outerjoin(Settlement, Settlement.id == g.c.k)
        ).all()
    )
    g = grouped(c.consultant_id)
    by_consultant = _named(
        (k, name, name, n)
        for k, name, n in s.execute(
            select(g.c.k, User.full_name, g.c.n).outerjoin(User, User.id == g.c.k)
        )
    )
    sex_age: dict[str, dict[str, int]] = {}
    for sex, age, n in s.execute(
        select(Resident.sex, Resident.age_group, func.count())
        .select_from(c)
        .outerjoin(Resident, Resident.id == c.resident_id)
        .where(*where)
        .group_by(Resident.sex, Resident.age_group)
    ):
        row = sex_age.setdefault(sex or NOT_STATED, {})
        key = age or NOT_STATED
        row[key] = row.get(key, 0) + int(n)
    sexes = {k: sum(v.values()) for k, v in sex_age.items()}
    ages: dict[str, int] = {}
    for v in sex_age.values():
        for k, n in v.items():
            ages[k] = ages.get(k, 0) + n
    return ConsultationStats(
        total=int(total),
        residents=int(residents),
        overdue=int(overdue),
        by_topic=by_topic,
        by_channel=_enum_counts(channels, CHANNEL_NAMES, [x.value for x in ConsultationChannel]),
        by_settlement=by_settlement,
        by_sex=_enum_counts(sexes, SEX_NAMES, [x.value for x in Sex]),
        by_age_group=_enum_counts(ages, AGE_GROUP_NAMES, [x.value for x in AgeGroup]),
        by_consultant=by_consultant,
        by_status=_enum_counts(
            statuses, CONSULTATION_STATUS_NAMES, [x.value for x in ConsultationStatus]
        ),
        sex_age=sex_age,
    )


# --------------------------------------------------------------------------- public


def consultation_stats(
    ctx: Context, period: Period, *, center_id: str | None = None
) -> ConsultationStats:
    center = _center_scope(ctx, center_id)
    with ctx.db.session() as s:
        return _consultation_stats(s, period, center, ctx.today())


# --------------------------------------------------------------------------- drill-down


def _drill_clause(
    dimension: str, key: str, today: date
) -> tuple[ColumnElement[bool] | None, bool]:
    """A WHERE clause over consultations for one cell, and whether it needs the
    residents join. None: no clause (the total)."""
    c = Consultation
    nul = key == NOT_STATED
    if dimension == "total":
        return None, False
    if dimension == "topic":
        return c.topic_code == key, False
    if dimension == "channel":
        return c.channel == key, False
    if dimension == "status":
        return c.status == key, False
    if dimension == "settlement":
        return (c.settlement_id.is_(None) if nul else c.settlement_id == key), False
    if dimension == "consultant":
        return (c.consultant_id.is_(None) if nul else c.consultant_id == key), False
    if dimension == "sex":
        return (Resident.sex.is_(None) if nul else Resident.sex == key), True
    if dimension == "age_group":
        return (Resident.age_group.is_(None) if nul else Resident.age_group == key), True
    if dimension == "sex_age":
        sex, _sep, age = key.partition("|")
        return and_(
            Resident.sex.is_(None) if sex == NOT_STATED else Resident.sex == sex,
            Resident.age_group.is_(None) if age == NOT_STATED else Resident.age_group == age,
        ), True
    if dimension == "overdue":
        return _overdue_clause(today), False
    if dimension == "center":
        return c.center_id == key, False
    if dimension == "region":
        region = select(Center.id).where(Center.region_kato == key, Center.deleted.is_(False))
        if nul:
            known = select(Center.id).where(Center.deleted.is_(False), Center.region_kato != "")
            return c.center_id.not_in(known), False
        return c.center_id.in_(region), False
    raise UserError("report.bad_dimension", BAD_DIMENSION, dimension=dimension)


def _drill_select(
    ctx: Context, period: Period, dimension: str, key: str, center_id: str | None
) -> Any:
    if dimension in ("center", "region") and not ctx.actor.is_head_office:
        raise UserError("access.denied", ACCESS_DENIED, role=ctx.actor.role.value)
    center = _center_scope(ctx, center_id)
    clause, needs_resident = _drill_clause(dimension, key, ctx.today())
    stmt = select(Consultation.id).where(*_consultation_where(period, center))
    if needs_resident:
        stmt = stmt.outerjoin(Resident, Resident.id == Consultation.resident_id)
    if clause is not None:
        stmt = stmt.where(clause)
    return stmt


def drill_ids(
    ctx: Context, period: Period, dimension: str, key: str = "", *,
    center_id: str | None = None,
) -> list[str]:
    """Ids of every consultation behind one number (newest first)."""
    stmt = _drill_select(ctx, period, dimension, key, center_id)
    stmt = stmt.order_by(Consultation.occurred_at.desc(), Consultation.id.desc())
    with ctx.db.session() as s:
        return list(s.scalars(stmt))


_FILTER_FIELDS = {
    "topic": "topic_code", "channel": "channel", "status": "status",
    "settlement": "settlement_id", "consultant": "consultant_id",
}


def drill(
    ctx: Context,
    period: Period,
    dimension: str,
    key: str = "",
    query: ListQuery | None = None,
    *,
    center_id: str | None = None,
) -> Page[ConsultationRow]:
    """The journal rows behind one number of the consultation statistics, paged.

    Dimensions the journal filters know (topic, channel, status, a named settlement or
    consultant, the total) go through ``consultations.list_consultations``; the others
    (sex, age group, overdue, center, region, "not stated") pick ids here and show them
    as journal rows.
    """
    q = (query or ListQuery()).clamp()
    center = _center_scope(ctx, center_id)
    if dimension not in DIMENSIONS:
        raise UserError("report.bad_dimension", BAD_DIMENSION, dimension=dimension)
    simple = dimension == "total" or (dimension in _FILTER_FIELDS and key != NOT_STATED)
    # the journal filters by the actor's own scope only: a head-office report narrowed
    # to one center picks its ids here
    if simple and (center is None or not ctx.actor.is_head_office):
        values: dict[str, Any] = {"date_from": period.start, "date_to": period.end}
        if dimension == "channel":
            values["channel"] = ConsultationChannel(key)
        elif dimension == "status":
            values["status"] = ConsultationStatus(key)
        elif dimension in _FILTER_FIELDS:
            values[_FILTER_FIELDS[dimension]] = key
        return journal.list_consultations(ctx, q, ConsultationFilters(**values))
    stmt = _drill_select(ctx, period, dimension, key, center_id)
    with ctx.db.session() as s:
        total = int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
        ids = list(s.scalars(
            stmt.order_by(Consultation.occurred_at.desc(), Consultation.id.desc())
            .offset(q.offset).limit(q.limit)
        ))
        rows = {
            r[0]: journal._row(r)
            for r in s.execute(journal._journal_select().where(Consultation.id.in_(ids)))
        }
    return Page([rows[i] for i in ids if i in rows], total, q.offset, q.limit)
