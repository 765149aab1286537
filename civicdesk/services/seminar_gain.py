"""What participants learned at seminars, measured from their pre- and post-test scores.

The learning gain is the mean of each attendee's post-test minus pre-test score (only
attendees with both scores), with a 95 % Student t interval, and the share who improved
(Wilson interval). Participants who attended are counted by sex, report age group,
the youth band (14-35) and disability, read from their resident record; a participant
typed in without a resident record counts as "not stated".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select

from civicdesk.db.models import Resident, Seminar, SeminarParticipant
from civicdesk.domain.awareness import resident_is_youth
from civicdesk.domain.enums import AgeGroup
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.periods import Period
from civicdesk.domain.statistics import PairedGain, paired_gain
from civicdesk.services.base import Context, get_live

__all__ = ["SeminarResults", "period_results", "seminar_gain"]

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
    p = SeminarParticipant
    where: list[ColumnElement[bool]] = [
        Seminar.deleted.is_(False), Seminar.held_on >= period.start,
        Seminar.held_on <= period.end]
    if center is not None:
        where.append(Seminar.center_id == center)
    with ctx.db.session() as s:
        seminars = len(s.scalars(select(Seminar.id).where(*where)).all())
        rows = s.execute(
            select(p.pre_score, p.post_score, Seminar.held_on, Resident.sex,
                   Resident.birth_year, Resident.age_group, Resident.disability)
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
    for pre, post, held_on, sex, birth_year, group, disability in rows:
        by_sex[sex or None] += 1
        by_age[group or None] += 1
        is_young = resident_is_youth(birth_year, AgeGroup(group) if group else None,
                                     held_on if isinstance(held_on, date) else period.end)
        youth[None if is_young is None else ("youth" if is_young else "other")] += 1
        disabled += bool(disability)
        if pre is not None and post is not None:
            pairs.append((float(pre), float(post)))
            if is_young:
                youth_pairs.append((float(pre), float(post)))
    return SeminarResults(seminars, len(rows), paired_gain(pairs), paired_gain(youth_pairs),
                          dict(by_sex), dict(by_age), dict(youth), disabled)
