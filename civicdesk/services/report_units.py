"""Head office's per-center and per-region rows, each figure from one GROUP BY."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    AgendaItem,
    Center,
    Consultation,
    Distribution,
    GrantApplication,
    GrantCall,
    Meeting,
    Seminar,
    SeminarParticipant,
)
from civicdesk.domain.collation import collation_key
from civicdesk.domain.enums import VoteOutcome
from civicdesk.domain.kato import REGIONS
from civicdesk.domain.periods import Period
from civicdesk.services.report_activities import (
    _meeting_where,
    _quorum_in,
)
from civicdesk.services.report_consultations import (
    _consultation_where,
    _overdue_clause,
)
from civicdesk.services.report_seminars import _seminar_where
from civicdesk.services.report_types import (
    _NOT_STATED_NAME,
    _UNKNOWN_CENTER,
    NOT_STATED,
    UnitRow,
)

# --------------------------------------------------------------------------- head office


_UNIT_FIELDS = ("consultations", "residents", "overdue", "meetings", "with_quorum",
                "decisions", "applications", "seminars", "participants", "distributed")


def _per_center(s: Session, period: Period, today: date) -> dict[str, dict[str, int]]:
    """Every figure of ``UnitRow`` per center id, each from one GROUP BY center_id."""
    out: dict[str, dict[str, int]] = {}

    def put(name: str, rows: Iterable[Sequence[Any]]) -> None:
        for cid, n in rows:
            out.setdefault(str(cid), dict.fromkeys(_UNIT_FIELDS, 0))[name] = int(n or 0)

    c = Consultation
    where = _consultation_where(period, None)
    for cid, n, r, o in s.execute(
        select(c.center_id, func.count(), func.count(func.distinct(c.resident_id)),
               func.coalesce(func.sum(case((_overdue_clause(today), 1), else_=0)), 0))
        .where(*where).group_by(c.center_id)
    ):
        put("consultations", [(cid, n)])
        put("residents", [(cid, r)])
        put("overdue", [(cid, o)])
    mw = _meeting_where(period, None)
    for cid, n, q in s.execute(
        select(Meeting.center_id, func.count(),
               func.coalesce(func.sum(case((_quorum_in(s, mw), 1), else_=0)), 0))
        .where(*mw).group_by(Meeting.center_id)
    ):
        put("meetings", [(cid, n)])
        put("with_quorum", [(cid, q)])
    put("decisions", s.execute(
        select(Meeting.center_id, func.count())
        .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
        .where(*mw, AgendaItem.deleted.is_(False),
               AgendaItem.outcome == VoteOutcome.ADOPTED.value)
        .group_by(Meeting.center_id)
    ).all())
    put("applications", s.execute(
        select(GrantApplication.center_id, func.count())
        .join(GrantCall, GrantCall.id == GrantApplication.call_id)
        .where(GrantApplication.deleted.is_(False), GrantCall.deleted.is_(False),
               GrantCall.opens_on <= period.end, GrantCall.closes_on >= period.start)
        .group_by(GrantApplication.center_id)
    ).all())
    sw = _seminar_where(period, None)
    put("seminars", s.execute(
        select(Seminar.center_id, func.count()).where(*sw).group_by(Seminar.center_id)
    ).all())
    put("participants", s.execute(
        select(Seminar.center_id, func.count(SeminarParticipant.id))
        .join(SeminarParticipant, SeminarParticipant.seminar_id == Seminar.id)
        .where(*sw, SeminarParticipant.deleted.is_(False))
        .group_by(Seminar.center_id)
    ).all())
    put("distributed", s.execute(
        select(Distribution.center_id, func.coalesce(func.sum(Distribution.copies), 0))
        .where(Distribution.deleted.is_(False), Distribution.distributed_on >= period.start,
               Distribution.distributed_on <= period.end)
        .group_by(Distribution.center_id)
    ).all())
    return out


def _units(
    s: Session, period: Period, today: date
) -> tuple[list[UnitRow], list[UnitRow]]:
    figures = _per_center(s, period, today)
    centers = {
        r[0]: (r[1], r[2], r[3], bool(r[4]))
        for r in s.execute(
            select(Center.id, Center.name_kk, Center.name_ru, Center.region_kato,
                   Center.is_head_office).where(Center.deleted.is_(False))
        )
    }
    rows: list[UnitRow] = []
    regions: dict[str, dict[str, int]] = {}
    ids = set(figures) | {cid for cid, info in centers.items() if not info[3]}
    for cid in ids:
        f = figures.get(cid, dict.fromkeys(_UNIT_FIELDS, 0))
        kk, ru, region, _head = centers.get(
            cid, (f"{_UNKNOWN_CENTER.kk} ({cid[:8]})", f"{_UNKNOWN_CENTER.ru} ({cid[:8]})",
                  NOT_STATED, False)
        )
        rows.append(UnitRow(cid, kk, ru, **f))
        acc = regions.setdefault(region or NOT_STATED, dict.fromkeys(_UNIT_FIELDS, 0))
        for name in _UNIT_FIELDS:
            acc[name] += f[name]
    rows.sort(key=lambda u: (-u.consultations, collation_key(u.kk), u.kk))
    region_rows = []
    for code, f in regions.items():
        region_name = REGIONS.get(code, _NOT_STATED_NAME)
        region_rows.append(UnitRow(code, region_name.kk, region_name.ru, **f))
    region_rows.sort(key=lambda u: (u.key == NOT_STATED, -u.consultations,
                                    collation_key(u.kk), u.kk))
    return rows, region_rows


