"""Statistics for a period, for a center and (at head office) per center and per region.

Every number is a SQL aggregate (``COUNT``/``SUM`` with ``GROUP BY``) over live rows the
actor may see: a center sees its own rows, head office sees every center's (and may
narrow the report to one center). The result is a tree of frozen dataclasses; the
quarterly report PDF, the XLSX export and the Reports page all read the same tree.

What counts where:

* consultations: ``occurred_at`` within the period; sex and age group are those of
  the resident (a consultation without a resident counts as "not stated"); a
  follow-up is overdue when the consultation is not closed and its follow-up date is
  before the report date (``ctx.today()``);
* meetings: ``held_on`` within the period; quorum by the center rule the meeting
  recorded, else by the rule version in force on its date
  (``domain.quorum_settings.meeting_rule``), evaluated in SQL; decisions taken are
  agenda items with the outcome "adopted";
* grants: calls whose application window overlaps the period or that made an award in
  it; pool, awarded and left are the call's state on the report date (awards of every
  center, as ``grants.list_calls`` shows them); applications by status and
  beneficiaries (of funded applications) are the actor's;
* seminars: ``held_on`` within the period; booklets: print runs printed and copies
  handed out within the period.

``drill`` returns the consultations behind a number of the consultation tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    AgendaItem,
    Center,
    Consultation,
    Distribution,
    GrantApplication,
    GrantCall,
    Meeting,
    PrintRun,
    Resident,
    Seminar,
    SeminarParticipant,
    Settlement,
    SyncMixin,
    Topic,
    User,
)
from civicdesk.domain.enums import (
    AgeGroup,
    ApplicationStatus,
    ConsultationChannel,
    ConsultationStatus,
    MeetingKind,
    Role,
    Sex,
    VoteOutcome,
)
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.kato import REGIONS
from civicdesk.domain.labels import (
    AGE_GROUP_NAMES,
    APPLICATION_STATUS_NAMES,
    CHANNEL_NAMES,
    CONSULTATION_STATUS_NAMES,
    MEETING_KIND_NAMES,
    SEX_NAMES,
)
from civicdesk.domain.meetings import DEFAULT_RULES, QuorumRule
from civicdesk.domain.periods import Period
from civicdesk.domain.quorum_settings import CENTER_PREFIX, rule_from_version
from civicdesk.services import consultations as journal
from civicdesk.services.base import (
    ACCESS_DENIED,
    Context,
    ListQuery,
    Page,
    require_role,
)
from civicdesk.services.consultations import ConsultationFilters, ConsultationRow
from civicdesk.services.quorum_settings import rules_in

__all__ = [
    "DIMENSIONS",
    "FUNDED_STATUSES",
    "NOT_STATED",
    "BookletStats",
    "CallStats",
    "ConsultationStats",
    "Count",
    "Dimension",
    "GrantStats",
    "MeetingStats",
    "Report",
    "SeminarRow",
    "SeminarStats",
    "UnitRow",
    "build_report",
    "consultation_stats",
    "drill",
    "drill_ids",
    "percent",
]

#: The key of "not stated / unknown" in every breakdown (a NULL in the data).
NOT_STATED = ""
_NOT_STATED_NAME = Message(kk="Көрсетілмеген", ru="Не указано")
_UNKNOWN_CENTER = Message(kk="Белгісіз орталық", ru="Неизвестный центр")

#: Applications that received money (their beneficiaries are counted).
FUNDED_STATUSES: tuple[ApplicationStatus, ...] = (
    ApplicationStatus.APPROVED,
    ApplicationStatus.IN_PROGRESS,
    ApplicationStatus.REPORTED,
    ApplicationStatus.CLOSED,
)

Dimension = Literal[
    "total", "topic", "channel", "settlement", "sex", "age_group", "sex_age", "consultant",
    "status", "overdue", "center", "region",
]
#: What ``drill`` opens; ``sex_age`` takes the key ``"<sex>|<age group>"``.
DIMENSIONS: tuple[str, ...] = (
    "total", "topic", "channel", "settlement", "sex", "age_group", "sex_age", "consultant",
    "status", "overdue", "center", "region",
)

BAD_DIMENSION = Message(
    kk="Бұл көрсеткіш бойынша тізім ашылмайды: {dimension}.",
    ru="Для этого показателя список не открывается: {dimension}.",
)
OTHER_CENTER = ACCESS_DENIED


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Count:
    """One line of a breakdown: a key (``NOT_STATED`` for none), its names, a count."""

    key: str
    kk: str
    ru: str
    count: int

    def name(self, lang: Literal["kk", "ru"]) -> str:
        return self.kk if lang == "kk" else self.ru


@dataclass(frozen=True)
class ConsultationStats:
    total: int
    residents: int  # distinct residents consulted
    overdue: int  # follow-ups overdue on the report date
    by_topic: list[Count]
    by_channel: list[Count]
    by_settlement: list[Count]
    by_sex: list[Count]
    by_age_group: list[Count]
    by_consultant: list[Count]
    by_status: list[Count]
    #: sex key -> age group key -> count (keys as in by_sex / by_age_group)
    sex_age: dict[str, dict[str, int]]


@dataclass(frozen=True)
class MeetingStats:
    held: int
    with_quorum: int
    quorum_share: Decimal | None  # percent, one decimal; None when none were held
    by_kind: list[Count]
    agenda_items: int
    decisions: int  # agenda items adopted
    rejected: int
    members_present: int


@dataclass(frozen=True)
class CallStats:
    call_id: str
    title_kk: str
    title_ru: str
    region_kato: str
    pool: Decimal
    awarded: Decimal
    left: Decimal
    applications: int
    by_status: list[Count]
    funded: int
    beneficiaries: int  # of the funded applications


@dataclass(frozen=True)
class GrantStats:
    calls: list[CallStats]
    applications: int
    funded: int
    beneficiaries: int
    pool: Decimal
    awarded: Decimal
    left: Decimal


@dataclass(frozen=True)
class SeminarRow:
    seminar_id: str
    title: str
    held_on: date
    participants: int
    attended: int


@dataclass(frozen=True)
class SeminarStats:
    seminars: int
    participants: int
    attended: int
    avg_pre: Decimal | None
    avg_post: Decimal | None
    rows: list[SeminarRow]


@dataclass(frozen=True)
class BookletStats:
    print_runs: int
    printed: int  # copies printed in the period
    distributed: int  # copies handed out in the period
    by_settlement: list[Count]


@dataclass(frozen=True)
class UnitRow:
    """One center or one region at head office."""

    key: str
    kk: str
    ru: str
    consultations: int
    residents: int
    overdue: int
    meetings: int
    with_quorum: int
    decisions: int
    applications: int
    seminars: int
    participants: int
    distributed: int


@dataclass(frozen=True)
class Report:
    period: Period
    generated_on: date
    center_id: str | None  # None: every center (head office)
    center_kk: str
    center_ru: str
    head_office: bool
    consultations: ConsultationStats
    meetings: MeetingStats
    grants: GrantStats
    seminars: SeminarStats
    booklets: BookletStats
    centers: list[UnitRow] = field(default_factory=list)
    regions: list[UnitRow] = field(default_factory=list)


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in percent with one decimal; None when ``whole`` is 0."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


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
    out.sort(key=lambda c: (c.key == NOT_STATED, -c.count, c.kk))
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


# --------------------------------------------------------------------------- meetings


def _rule_condition(rule: QuorumRule) -> ColumnElement[bool]:
    """``check_quorum(...).reached`` of one rule, as SQL over the meeting's counts."""
    e, p = Meeting.members_eligible, Meeting.members_present
    need = (
        p * rule.quorum_denominator > e * rule.quorum_numerator
        if rule.strict
        else p * rule.quorum_denominator >= e * rule.quorum_numerator
    )
    return and_(e > 0, p >= 1, need)


def quorum_clause(
    rules: Sequence[QuorumRule] = DEFAULT_RULES, recorded: Sequence[QuorumRule] = ()
) -> ColumnElement[bool]:
    """True when a meeting had its quorum: by the center rule it recorded (one of
    ``recorded``, matched by version), else by the rule of ``rules`` in force on its
    date (the same choice as ``domain.quorum_settings.meeting_rule``)."""
    whens: list[tuple[ColumnElement[bool], ColumnElement[bool]]] = [
        (and_(Meeting.kind == rule.kind.value, Meeting.quorum_rule_version == rule.version),
         _rule_condition(rule))
        for rule in recorded
    ]
    for kind in MeetingKind:
        versions = sorted((r for r in rules if r.kind == kind), key=lambda r: r.valid_from)
        if not versions:
            continue
        for rule in reversed(versions[1:]):
            whens.append(
                (and_(Meeting.kind == kind.value, Meeting.held_on >= rule.valid_from),
                 _rule_condition(rule))
            )
        whens.append((Meeting.kind == kind.value, _rule_condition(versions[0])))
    return case(*whens, else_=false()) == True  # noqa: E712 - SQL comparison


def _quorum_in(s: Session, where: Sequence[ColumnElement[bool]]) -> ColumnElement[bool]:
    """``quorum_clause`` with this installation's rules and the center rules the
    meetings in ``where`` recorded (at head office: each center's own settings)."""
    recorded = []
    for kind, version in s.execute(
        select(Meeting.kind, Meeting.quorum_rule_version).distinct()
        .where(*where, Meeting.quorum_rule_version.like(f"{CENTER_PREFIX}%"))
    ):
        try:
            rule = rule_from_version(MeetingKind(kind), version)
        except ValueError:
            continue
        if rule is not None:
            recorded.append(rule)
    return quorum_clause(rules_in(s), recorded)


def _meeting_where(period: Period, center: str | None) -> list[ColumnElement[bool]]:
    return [*_live(Meeting, center), Meeting.held_on >= period.start,
            Meeting.held_on <= period.end]


def _meeting_stats(s: Session, period: Period, center: str | None) -> MeetingStats:
    where = _meeting_where(period, center)
    quorum = _quorum_in(s, where)
    held, with_quorum, present = s.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((quorum, 1), else_=0)), 0),
            func.coalesce(func.sum(Meeting.members_present), 0),
        ).where(*where)
    ).one()
    kinds = {
        str(k): int(n)
        for k, n in s.execute(select(Meeting.kind, func.count()).where(*where).group_by(Meeting.kind))
    }
    items, adopted, rejected = s.execute(
        select(
            func.count(),
            func.coalesce(
                func.sum(case((AgendaItem.outcome == VoteOutcome.ADOPTED.value, 1), else_=0)), 0
            ),
            func.coalesce(
                func.sum(case((AgendaItem.outcome == VoteOutcome.REJECTED.value, 1), else_=0)), 0
            ),
        )
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(*where, AgendaItem.deleted.is_(False))
    ).one()
    return MeetingStats(
        held=int(held),
        with_quorum=int(with_quorum),
        quorum_share=percent(int(with_quorum), int(held)),
        by_kind=_enum_counts(kinds, MEETING_KIND_NAMES, [k.value for k in MeetingKind]),
        agenda_items=int(items),
        decisions=int(adopted),
        rejected=int(rejected),
        members_present=int(present),
    )


# --------------------------------------------------------------------------- grants


def _awarded(call_id: Any) -> Any:
    return (
        select(func.coalesce(func.sum(GrantApplication.awarded_amount), 0))
        .where(GrantApplication.call_id == call_id, GrantApplication.deleted.is_(False))
        .scalar_subquery()
    )


def _grant_stats(s: Session, period: Period, center: str | None) -> GrantStats:
    app_live = _live(GrantApplication, center)
    award_in_period = (
        select(GrantApplication.id)
        .where(
            GrantApplication.call_id == GrantCall.id,
            *app_live,
            GrantApplication.awarded_on >= period.start,
            GrantApplication.awarded_on <= period.end,
        )
        .exists()
    )
    window = and_(GrantCall.opens_on <= period.end, GrantCall.closes_on >= period.start)
    calls_where: list[ColumnElement[bool]] = [GrantCall.deleted.is_(False), or_(window, award_in_period)]
    if center is not None:
        # a center sees the calls of its region and those it applied to
        region = select(Center.region_kato).where(Center.id == center).scalar_subquery()
        applied = (
            select(GrantApplication.id)
            .where(GrantApplication.call_id == GrantCall.id, *app_live)
            .exists()
        )
        calls_where.append(or_(GrantCall.region_kato == region, applied))
    calls = s.execute(
        select(
            GrantCall.id, GrantCall.title_kk, GrantCall.title_ru, GrantCall.region_kato,
            GrantCall.pool, _awarded(GrantCall.id),
        )
        .where(*calls_where)
        .order_by(GrantCall.opens_on, GrantCall.title_kk, GrantCall.id)
    ).all()
    ids = [r[0] for r in calls]
    per_status: dict[str, dict[str, int]] = {}
    funded_n: dict[str, int] = {}
    benef: dict[str, int] = {}
    if ids:
        for call_id, status, n in s.execute(
            select(GrantApplication.call_id, GrantApplication.status, func.count())
            .where(GrantApplication.call_id.in_(ids), *app_live)
            .group_by(GrantApplication.call_id, GrantApplication.status)
        ):
            per_status.setdefault(call_id, {})[str(status)] = int(n)
        funded = [st.value for st in FUNDED_STATUSES]
        for call_id, n, b in s.execute(
            select(
                GrantApplication.call_id, func.count(),
                func.coalesce(func.sum(GrantApplication.beneficiaries), 0),
            )
            .where(GrantApplication.call_id.in_(ids), *app_live,
                   GrantApplication.status.in_(funded))
            .group_by(GrantApplication.call_id)
        ):
            funded_n[call_id] = int(n)
            benef[call_id] = int(b)
    money = Decimal("0.01")
    out: list[CallStats] = []
    for call_id, title_kk, title_ru, region, pool, awarded_raw in calls:
        awarded = Decimal(awarded_raw or 0).quantize(money)
        statuses = per_status.get(call_id, {})
        out.append(
            CallStats(
                call_id=call_id,
                title_kk=title_kk,
                title_ru=title_ru,
                region_kato=region,
                pool=pool,
                awarded=awarded,
                left=pool - awarded,
                applications=sum(statuses.values()),
                by_status=_enum_counts(
                    statuses, APPLICATION_STATUS_NAMES, [x.value for x in ApplicationStatus]
                ),
                funded=funded_n.get(call_id, 0),
                beneficiaries=benef.get(call_id, 0),
            )
        )
    zero = Decimal("0.00")
    return GrantStats(
        calls=out,
        applications=sum(c.applications for c in out),
        funded=sum(c.funded for c in out),
        beneficiaries=sum(c.beneficiaries for c in out),
        pool=sum((c.pool for c in out), zero),
        awarded=sum((c.awarded for c in out), zero),
        left=sum((c.left for c in out), zero),
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
            .order_by(Seminar.held_on, Seminar.title, Seminar.id)
        )
    ]
    return SeminarStats(seminars, int(n), int(attended), _mean(pre), _mean(post), rows)


# --------------------------------------------------------------------------- booklets


def _booklet_stats(s: Session, period: Period, center: str | None) -> BookletStats:
    runs, printed = s.execute(
        select(func.count(), func.coalesce(func.sum(PrintRun.copies), 0)).where(
            *_live(PrintRun, center), PrintRun.printed_on >= period.start,
            PrintRun.printed_on <= period.end,
        )
    ).one()
    d = Distribution
    by_settlement = _named(
        s.execute(
            select(d.settlement_id, Settlement.name_kk, Settlement.name_ru,
                   func.coalesce(func.sum(d.copies), 0))
            .outerjoin(Settlement, Settlement.id == d.settlement_id)
            .where(*_live(d, center), d.distributed_on >= period.start,
                   d.distributed_on <= period.end)
            .group_by(d.settlement_id, Settlement.name_kk, Settlement.name_ru)
        ).all()
    )
    return BookletStats(int(runs), int(printed), sum(c.count for c in by_settlement),
                        by_settlement)


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
    rows.sort(key=lambda u: (-u.consultations, u.kk))
    region_rows = []
    for code, f in regions.items():
        region_name = REGIONS.get(code, _NOT_STATED_NAME)
        region_rows.append(UnitRow(code, region_name.kk, region_name.ru, **f))
    region_rows.sort(key=lambda u: (u.key == NOT_STATED, -u.consultations, u.kk))
    return rows, region_rows


# --------------------------------------------------------------------------- public


def consultation_stats(
    ctx: Context, period: Period, *, center_id: str | None = None
) -> ConsultationStats:
    center = _center_scope(ctx, center_id)
    with ctx.db.session() as s:
        return _consultation_stats(s, period, center, ctx.today())


def build_report(ctx: Context, period: Period, *, center_id: str | None = None) -> Report:
    """Every statistic of the period for the actor's center, or at head office for
    every center (``center_id`` narrows it to one) with per-center and per-region rows."""
    require_role(ctx.actor, Role.CONSULTANT, Role.MANAGER, Role.HEAD_OFFICE)
    center = _center_scope(ctx, center_id)
    today = ctx.today()
    with ctx.db.session() as s:
        name_center = center if center is not None else ctx.actor.center_id
        names = s.execute(
            select(Center.name_kk, Center.name_ru).where(Center.id == name_center)
        ).first()
        if center is None:
            kk = "Барлық орталықтар"
            ru = "Все центры"
            if names is not None:
                kk, ru = f"{names[0]}: {kk.lower()}", f"{names[1]}: {ru.lower()}"
        elif names is not None:
            kk, ru = str(names[0]), str(names[1])
        else:
            kk, ru = _UNKNOWN_CENTER.kk, _UNKNOWN_CENTER.ru
        units: tuple[list[UnitRow], list[UnitRow]] = ([], [])
        if ctx.actor.is_head_office and center is None:
            units = _units(s, period, today)
        return Report(
            period=period,
            generated_on=today,
            center_id=center,
            center_kk=kk,
            center_ru=ru,
            head_office=ctx.actor.is_head_office,
            consultations=_consultation_stats(s, period, center, today),
            meetings=_meeting_stats(s, period, center),
            grants=_grant_stats(s, period, center),
            seminars=_seminar_stats(s, period, center),
            booklets=_booklet_stats(s, period, center),
            centers=units[0],
            regions=units[1],
        )


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
