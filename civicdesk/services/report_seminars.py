"""The seminars section of the statistics."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from civicdesk.db.collation import kk_order
from civicdesk.db.models import (
    Seminar,
    SeminarParticipant,
)
from civicdesk.domain.periods import Period
from civicdesk.services.report_consultations import _live
from civicdesk.services.report_types import (
    SeminarRow,
    SeminarStats,
)

# --------------------------------------------------------------------------- seminars


def _seminar_where(period: Period, center: str | None) -> list[ColumnElement[bool]]:
    return [*_live(Seminar, center), Seminar.held_on >= period.start,
            Seminar.held_on <= period.end]


def _mean(value: Any) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _seminar_stats(s: Session, period: Period, center: str | None) -> SeminarStats:
    where = _seminar_where(period, center)
    p = SeminarParticipant
    came = p.attended.is_(True)
    seminars = int(s.scalar(select(func.count()).select_from(Seminar).where(*where)) or 0)
    n, attended, pre, post = s.execute(
        select(
            func.count(p.id),
            func.coalesce(func.sum(case((came, 1), else_=0)), 0),
            func.avg(case((came, p.pre_score))),
            func.avg(case((came, p.post_score))),
        )
        .select_from(Seminar)
        .join(p, and_(p.seminar_id == Seminar.id, p.deleted.is_(False)))
        .where(*where)
    ).one()
    rows = [
        SeminarRow(r[0], r[1], r[2], int(r[3]), int(r[4]))
        for r in s.execute(
            select(
                Seminar.id, Seminar.title, Seminar.held_on, func.count(p.id),
                func.coalesce(func.sum(case((came, 1), else_=0)), 0),
            )
            .outerjoin(p, and_(p.seminar_id == Seminar.id, p.deleted.is_(False)))
            .where(*where)
            .group_by(Seminar.id, Seminar.title, Seminar.held_on)
            .order_by(Seminar.held_on, kk_order(Seminar.title), Seminar.id)
        )
    ]
    return SeminarStats(seminars, int(n), int(attended), _mean(pre), _mean(post), rows)


