"""The meetings, grants and booklets sections of the statistics."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    AgendaItem,
    Center,
    Distribution,
    GrantApplication,
    GrantCall,
    Meeting,
    PrintRun,
    Settlement,
)
from civicdesk.domain.enums import (
    ApplicationStatus,
    MeetingKind,
    VoteOutcome,
)
from civicdesk.domain.labels import (
    APPLICATION_STATUS_NAMES,
    MEETING_KIND_NAMES,
)
from civicdesk.domain.meetings import DEFAULT_RULES, QuorumRule
from civicdesk.domain.periods import Period
from civicdesk.domain.quorum_settings import CENTER_PREFIX, rule_from_version
from civicdesk.services.quorum_settings import rules_in
from civicdesk.services.report_consultations import (
    _enum_counts,
    _live,
    _named,
)
from civicdesk.services.report_types import (
    FUNDED_STATUSES,
    BookletStats,
    CallStats,
    GrantStats,
    MeetingStats,
    percent,
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


