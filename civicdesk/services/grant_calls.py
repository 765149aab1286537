"""Grant calls: announced by head office (or a manager), with their pool, criteria and
how much of the pool the awards have used."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    GrantApplication,
    GrantCall,
)
from civicdesk.domain.enums import ApplicationStatus, Role
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.grants import (
    DEFAULT_CRITERIA,
    MAX_MIN_REVIEWS,
    Criterion,
    validate_criteria,
)
from civicdesk.domain.kato import REGIONS
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    get_live,
    paged,
    record_change,
    require_role,
    snapshot,
    stamp_new,
    stamp_update,
)
from civicdesk.services.grant_types import (
    _ZERO,
    CALL_STATUS,
    CALL_STATUSES,
    DATES_ORDER,
    MAX_GRANT_RANGE,
    MIN_REVIEWS_RANGE,
    NOT_OWNER,
    POOL_BELOW_AWARDED,
    POOL_POSITIVE,
    REGION_UNKNOWN,
    TITLE_REQUIRED,
    TITLE_TOO_LONG,
    CallFilters,
    GrantCallInput,
    GrantCallRow,
    GrantCallView,
    PoolUsage,
)


def _criteria_to_json(criteria: Sequence[Criterion]) -> list[dict[str, Any]]:
    return [
        {
            "code": c.code, "name_kk": c.name.kk, "name_ru": c.name.ru,
            "weight": str(c.weight), "max_score": c.max_score,
        }
        for c in criteria
    ]


def _criteria_from_json(data: list[dict[str, Any]] | None) -> tuple[Criterion, ...]:
    if not data:
        return DEFAULT_CRITERIA
    return tuple(
        Criterion(
            code=str(d["code"]),
            name=Message(kk=str(d.get("name_kk", d["code"])), ru=str(d.get("name_ru", d["code"]))),
            weight=Decimal(str(d["weight"])),
            max_score=int(d["max_score"]),
        )
        for d in data
    )


def _awarded_sum(s: Session, call_id: str, *, exclude: str | None = None) -> Decimal:
    """Sum of the awards of a call's live applications, in SQL."""
    stmt = select(func.coalesce(func.sum(GrantApplication.awarded_amount), 0)).where(
        GrantApplication.call_id == call_id,
        GrantApplication.deleted.is_(False),
        GrantApplication.awarded_amount.is_not(None),
    )
    if exclude is not None:
        stmt = stmt.where(GrantApplication.id != exclude)
    value = s.scalar(stmt)
    return Decimal(value) if value is not None else _ZERO


def _awarded_subquery() -> Any:
    return (
        select(func.coalesce(func.sum(GrantApplication.awarded_amount), 0))
        .where(
            GrantApplication.call_id == GrantCall.id,
            GrantApplication.deleted.is_(False),
        )
        .correlate(GrantCall)
        .scalar_subquery()
    )


def _count_subquery() -> Any:
    return (
        select(func.count())
        .where(GrantApplication.call_id == GrantCall.id, GrantApplication.deleted.is_(False))
        .correlate(GrantCall)
        .scalar_subquery()
    )


def _call_view(s: Session, c: GrantCall) -> GrantCallView:
    awarded = _awarded_sum(s, c.id)
    apps = int(
        s.scalar(
            select(func.count()).where(
                GrantApplication.call_id == c.id, GrantApplication.deleted.is_(False)
            )
        )
        or 0
    )
    return GrantCallView(
        id=c.id, center_id=c.center_id, title_kk=c.title_kk, title_ru=c.title_ru,
        region_kato=c.region_kato, pool=c.pool, awarded=awarded, left=c.pool - awarded,
        opens_on=c.opens_on, closes_on=c.closes_on, criteria=_criteria_from_json(c.criteria),
        status=c.status, applications=apps, rev=c.rev, min_reviews=c.min_reviews,
        max_grant=c.max_grant,
    )


def _apply_call(s: Session, row: GrantCall, data: GrantCallInput) -> None:
    c = Collector()
    title_kk, title_ru = normalize_kk(data.title_kk or ""), normalize_kk(data.title_ru or "")
    if not title_kk or not title_ru:
        c.add("grant.call_title", TITLE_REQUIRED, field="title")
    for value in (title_kk, title_ru):
        if len(value) > 300:
            c.add("grant.too_long", TITLE_TOO_LONG, field="title", max=300)
    if data.region_kato not in REGIONS:
        c.add("grant.region", REGION_UNKNOWN, field="region_kato")
    pool = Decimal(data.pool)
    if pool <= 0:
        c.add("grant.pool_positive", POOL_POSITIVE, field="pool")
    if data.closes_on < data.opens_on:
        c.add("grant.dates_order", DATES_ORDER, field="closes_on")
    if data.status not in CALL_STATUSES:
        c.add("grant.call_status", CALL_STATUS, field="status", status=data.status)
    c.attempt(lambda: validate_criteria(data.criteria))
    if not 1 <= data.min_reviews <= MAX_MIN_REVIEWS:
        c.add("grant.min_reviews", MIN_REVIEWS_RANGE, field="min_reviews",
              max=MAX_MIN_REVIEWS)
    max_grant = Decimal(data.max_grant) if data.max_grant is not None else None
    if max_grant is not None and not 0 < max_grant <= max(pool, Decimal(0)):
        c.add("grant.max_grant", MAX_GRANT_RANGE, field="max_grant")
    if row.id is not None and pool > 0:
        awarded = _awarded_sum(s, row.id)
        if pool < awarded:
            c.add("grant.pool_below_awarded", POOL_BELOW_AWARDED, field="pool", awarded=str(awarded))
    c.raise_if_any()
    row.title_kk, row.title_ru = title_kk, title_ru
    row.region_kato = data.region_kato
    row.pool = pool
    row.opens_on, row.closes_on = data.opens_on, data.closes_on
    row.criteria = _criteria_to_json(data.criteria)
    row.status = data.status
    row.min_reviews = data.min_reviews
    row.max_grant = max_grant


def _may_run_calls(ctx: Context) -> None:
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)


# --------------------------------------------------------------------------- calls


def create_call(ctx: Context, data: GrantCallInput) -> GrantCallView:
    """Announce a call (head office or a manager)."""
    _may_run_calls(ctx)
    with ctx.db.session() as s:
        row = GrantCall()
        _apply_call(s, row, data)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "grant_call", row, None)
        return _call_view(s, row)


def update_call(ctx: Context, call_id: str, data: GrantCallInput) -> GrantCallView:
    _may_run_calls(ctx)
    with ctx.db.session() as s:
        row = get_live(s, GrantCall, call_id, ctx)
        if not ctx.actor.is_head_office and row.center_id != ctx.actor.center_id:
            raise UserError("access.denied", NOT_OWNER)
        before = snapshot(row)
        _apply_call(s, row, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "grant_call", row, before)
        return _call_view(s, row)


def get_call(ctx: Context, call_id: str) -> GrantCallView:
    with ctx.db.session() as s:
        return _call_view(s, get_live(s, GrantCall, call_id, ctx))


CALL_SORTS: dict[str, Any] = {
    "opens_on": GrantCall.opens_on,
    "closes_on": GrantCall.closes_on,
    "title_kk": GrantCall.title_kk,
    "title_ru": GrantCall.title_ru,
    "region": GrantCall.region_kato,
    "pool": GrantCall.pool,
    "status": GrantCall.status,
}


def list_calls(
    ctx: Context, query: ListQuery, filters: CallFilters | None = None
) -> Page[GrantCallRow]:
    """Every node sees every call; awarded and left are computed in SQL."""
    f = filters or CallFilters()
    awarded = _awarded_subquery()
    stmt: Any = select(
        GrantCall.id, GrantCall.title_kk, GrantCall.title_ru, GrantCall.region_kato,
        GrantCall.pool, awarded, GrantCall.opens_on, GrantCall.closes_on, GrantCall.status,
        _count_subquery(),
    ).where(GrantCall.deleted.is_(False))
    if query.search.strip():
        like = f"%{normalize_kk(query.search)}%"
        stmt = stmt.where(or_(GrantCall.title_kk.like(like), GrantCall.title_ru.like(like)))
    if f.region_kato:
        stmt = stmt.where(GrantCall.region_kato == f.region_kato)
    if f.status:
        stmt = stmt.where(GrantCall.status == f.status)
    sorts = {**CALL_SORTS, "awarded": awarded, "left": GrantCall.pool - awarded}
    if query.sort is None:
        query = ListQuery(query.offset, query.limit, "opens_on", True, query.search)
    stmt = apply_sort(stmt, query, sorts, "opens_on", GrantCall.id)
    with ctx.db.session() as s:
        rows, total = paged(s, stmt, query)
        out = []
        for r in rows:
            assert isinstance(r[5], Decimal)  # the sum keeps the money type
            out.append(
                GrantCallRow(
                    r[0], r[1], r[2], r[3], r[4], r[5], r[4] - r[5], r[6], r[7], r[8], int(r[9])
                )
            )
    q = query.clamp()
    return Page(out, total, q.offset, q.limit)


def pool_usage(ctx: Context, call_id: str) -> PoolUsage:
    """Pool, awarded, left and the number of applications by status (all in SQL)."""
    with ctx.db.session() as s:
        call = get_live(s, GrantCall, call_id, ctx)
        awarded = _awarded_sum(s, call.id)
        counts = s.execute(
            select(GrantApplication.status, func.count())
            .where(GrantApplication.call_id == call.id, GrantApplication.deleted.is_(False))
            .group_by(GrantApplication.status)
        ).all()
        by_status = {st: 0 for st in ApplicationStatus}
        for status, n in counts:
            by_status[ApplicationStatus(status)] = int(n)
        return PoolUsage(call.pool, awarded, call.pool - awarded, by_status)

