"""What participants learned at seminars, measured from their pre- and post-test scores.

The learning gain is the mean of each attendee's post-test minus pre-test score (only
attendees with both scores), with a 95 % Student t interval, and the share who improved
(Wilson interval). Participants who attended are counted by sex, report age group,
the youth band (14-35, Law No. 285-V article 1) and disability: as marked at the seminar,
else from their resident record; neither counts as "not stated". Results are given for
a period (``period_results``) and per seminar series (``series_results``), each series
also split by audience (residents / local officials).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from civicdesk.db.models import Resident, Seminar, SeminarParticipant, SeminarSeries
from civicdesk.domain.awareness import resident_is_youth
from civicdesk.domain.enums import AgeGroup
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.periods import Period
from civicdesk.domain.statistics import PairedGain, paired_gain
from civicdesk.services.base import Context, get_live

__all__ = ["SeminarResults", "SeriesResults", "period_results", "seminar_gain", "series_results"]

OTHER_CENTER = Message(
    kk="Басқа орталықтың деректерін көруге құқығыңыз жоқ ({role}).",
    ru="У вас нет прав на данные другого центра ({role}).",
)


@dataclass(frozen=True)
class SeminarResults:
    seminars: int
    attended: int
    gain: PairedGain
    youth_gain: PairedGain
    by_sex: dict[str | None, int]  # "m" / "f" / None = not stated
    by_age_group: dict[str | None, int]
    youth: dict[str | None, int]  # "youth" / "other" / None
    with_disability: int


def seminar_gain(ctx: Context, seminar_id: str) -> PairedGain:
    """The learning gain of one seminar's attendees."""
    p = SeminarParticipant
    with ctx.db.session() as s:
        get_live(s, Seminar, seminar_id, ctx)
        rows = s.execute(select(p.pre_score, p.post_score).where(
            p.seminar_id == seminar_id, p.deleted.is_(False), p.attended.is_(True),
            p.pre_score.is_not(None), p.post_score.is_not(None))).all()
    return paired_gain([(float(a or 0), float(b or 0)) for a, b in rows])


def _scope(ctx: Context, center_id: str | None) -> str | None:
    if ctx.actor.is_head_office:
        return center_id
    if center_id is not None and center_id != ctx.actor.center_id:
        raise UserError("access.denied", OTHER_CENTER, role=ctx.actor.role.value)
    return ctx.actor.center_id


def period_results(ctx: Context, period: Period, center_id: str | None = None
                   ) -> SeminarResults:
    """Seminars held in the period (one center, or every center at head office)."""
    center = _scope(ctx, center_id)
    where: list[ColumnElement[bool]] = [
        Seminar.deleted.is_(False), Seminar.held_on >= period.start,
        Seminar.held_on <= period.end]
    if center is not None:
        where.append(Seminar.center_id == center)
    with ctx.db.session() as s:
        return _results(s, where, period.end)


@dataclass(frozen=True)
class SeriesResults:
    series_id: str
    name_kk: str
    name_ru: str
    planned: int
    all: SeminarResults
    by_audience: dict[str, SeminarResults]  # "residents" / "officials"


def series_results(ctx: Context, center_id: str | None = None) -> list[SeriesResults]:
    """Every live seminar series with its results, and split by audience."""
    center = _scope(ctx, center_id)
    stmt = select(SeminarSeries).where(SeminarSeries.deleted.is_(False))
    if center is not None:
        stmt = stmt.where(SeminarSeries.center_id == center)
    out = []
    with ctx.db.session() as s:
        for series in s.scalars(stmt.order_by(SeminarSeries.starts_on, SeminarSeries.id)):
            where = [Seminar.deleted.is_(False), Seminar.series_id == series.id]
            by_audience = {a: _results(s, [*where, Seminar.audience == a], series.ends_on)
                           for a in ("residents", "officials")}
            out.append(SeriesResults(series.id, series.name_kk, series.name_ru,
                                     series.planned, _results(s, where, series.ends_on),
                                     by_audience))
    return out


def _results(s: Session, where: list[ColumnElement[bool]], fallback_day: date
             ) -> SeminarResults:
    p = SeminarParticipant
    seminars = len(s.scalars(select(Seminar.id).where(*where)).all())
    rows = s.execute(
        select(p.pre_score, p.post_score, Seminar.held_on,
               func.coalesce(p.sex, Resident.sex), Resident.birth_year,
               func.coalesce(p.age_group, Resident.age_group),
               func.coalesce(p.disability, Resident.disability), p.youth)
        .join(Seminar, Seminar.id == p.seminar_id)
        .outerjoin(Resident, Resident.id == p.resident_id)
        .where(*where, p.deleted.is_(False), p.attended.is_(True))
    ).all()
    pairs: list[tuple[float, float]] = []
    youth_pairs: list[tuple[float, float]] = []
    by_sex: Counter[str | None] = Counter()
    by_age: Counter[str | None] = Counter()
    youth: Counter[str | None] = Counter()
    disabled = 0
    for pre, post, held_on, sex, birth_year, group, disability, marked_youth in rows:
        by_sex[sex or None] += 1
        by_age[group or None] += 1
        is_young = marked_youth if marked_youth is not None else resident_is_youth(
            birth_year, AgeGroup(group) if group else None,
            held_on if isinstance(held_on, date) else fallback_day)
        youth[None if is_young is None else ("youth" if is_young else "other")] += 1
        disabled += bool(disability)
        if pre is not None and post is not None:
            pairs.append((float(pre), float(post)))
            if is_young:
                youth_pairs.append((float(pre), float(post)))
    return SeminarResults(seminars, len(rows), paired_gain(pairs), paired_gain(youth_pairs),
                          dict(by_sex), dict(by_age), dict(youth), disabled)
