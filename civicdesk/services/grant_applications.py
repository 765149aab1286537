"""The application form: a draft made at a center or at head office, its fields checked,
listed paged and filtered in SQL."""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    BudgetLine as BudgetLineRow,
)
from civicdesk.db.models import (
    GrantApplication,
    GrantCall,
    GrantIndicator,
    GrantReport,
    GrantReview,
    Settlement,
)
from civicdesk.domain.beneficiaries import COLUMNS as BENEFICIARY_COLUMNS
from civicdesk.domain.beneficiaries import Breakdown, check_breakdown
from civicdesk.domain.enums import ApplicantKind, ApplicationStatus, BudgetCategory
from civicdesk.domain.errors import ValidationError
from civicdesk.domain.grants import (
    STATUS_NAMES,
    BudgetLine,
    budget_totals,
)
from civicdesk.domain.iin import validate_bin
from civicdesk.domain.phone import normalize_phone
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
    scoped,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)
from civicdesk.services.grant_calls import _call_view
from civicdesk.services.grant_types import (
    _ZERO,
    APP_LOCKED,
    APPLICANT_KIND,
    AWARDED_LOCKED,
    BENEFICIARIES,
    CALL_CLOSED,
    DATES_ORDER,
    EMAIL_INVALID,
    TITLE_TOO_LONG,
    ApplicationFilters,
    ApplicationInput,
    ApplicationRow,
    ApplicationView,
    BudgetLineView,
    GrantCallView,
    IndicatorView,
    ReportView,
    ReviewView,
    _fail,
    _wrap,
)
from civicdesk.services.permissions import authorize

# --------------------------------------------------------------------------- applications


def _line_view(b: BudgetLineRow) -> BudgetLineView:
    line = _domain_line(b)
    return BudgetLineView(
        id=b.id, position=b.position, category=line.category, item=b.item, unit=b.unit,
        qty=b.qty, unit_cost=b.unit_cost, cofinancing=b.cofinancing, total=line.total,
        requested=line.requested,
    )


def _domain_line(b: BudgetLineRow) -> BudgetLine:
    return BudgetLine(
        category=BudgetCategory(b.category), item=b.item, unit=b.unit, qty=b.qty,
        unit_cost=b.unit_cost, cofinancing=b.cofinancing,
    )


def _live_lines(a: GrantApplication) -> list[BudgetLineRow]:
    return sorted((b for b in a.budget_lines if not b.deleted), key=lambda b: b.position)


def _review_view(r: GrantReview) -> ReviewView:
    return ReviewView(
        r.id, r.reviewer_name, r.conflict_declared, r.conflict_note, dict(r.scores or {}),
        r.total_score, r.comment, r.submitted_on,
    )


def _children(s: Session, model: Any, app_id: str) -> list[Any]:
    return list(
        s.scalars(
            select(model)
            .where(model.application_id == app_id, model.deleted.is_(False))
            .order_by(model.created_at, model.id)
        )
    )


def _app_view(s: Session, a: GrantApplication) -> ApplicationView:
    call = s.get(GrantCall, a.call_id)
    lines = _live_lines(a)
    reviews = [_review_view(r) for r in _children(s, GrantReview, a.id)]
    scored = [r.total_score for r in reviews if r.total_score is not None]
    average = (
        (sum(scored, _ZERO) / len(scored)).quantize(Decimal("0.01")) if scored else None
    )
    return ApplicationView(
        id=a.id,
        center_id=a.center_id,
        call_id=a.call_id,
        call_title_kk=call.title_kk if call else "",
        call_title_ru=call.title_ru if call else "",
        applicant_kind=ApplicantKind(a.applicant_kind),
        applicant_name=a.applicant_name,
        bin=a.bin,
        leader_name=a.leader_name,
        contact_phone=a.contact_phone,
        contact_email=a.contact_email,
        title=a.title,
        problem=a.problem,
        goal=a.goal,
        activities=a.activities,
        target_group=a.target_group,
        beneficiaries=a.beneficiaries,
        settlement_id=a.settlement_id,
        starts_on=a.starts_on,
        ends_on=a.ends_on,
        status=ApplicationStatus(a.status),
        awarded_amount=a.awarded_amount,
        awarded_on=a.awarded_on,
        language=a.language,
        budget=[_line_view(b) for b in lines],
        totals=budget_totals(_domain_line(b) for b in lines),
        reviews=reviews,
        average_score=average,
        indicators=[
            IndicatorView(i.id, i.name, i.unit, i.baseline, i.target, i.actual)
            for i in _children(s, GrantIndicator, a.id)
        ],
        reports=[
            ReportView(r.id, r.kind, r.submitted_on, r.narrative, r.spent_amount)
            for r in _children(s, GrantReport, a.id)
        ],
        rev=a.rev,
        breakdown=Breakdown(**{k: getattr(a, col) for k, col in BENEFICIARY_COLUMNS.items()}),
    )


def _apply_app(ctx: Context, s: Session, row: GrantApplication, data: ApplicationInput) -> None:
    c = Collector()
    try:
        kind: ApplicantKind | None = ApplicantKind(data.applicant_kind)
    except ValueError:
        kind = None
        c.add("grant.applicant_kind", APPLICANT_KIND, field="applicant_kind")
    applicant, title = normalize_kk(data.applicant_name or ""), normalize_kk(data.title or "")
    leader = normalize_kk(data.leader_name or "")
    for name, value, limit in (("applicant_name", applicant, 300), ("title", title, 300),
                               ("leader_name", leader, 200)):
        if len(value) > limit:
            c.add("grant.too_long", TITLE_TOO_LONG, field=name, max=limit)
    bin_value: str | None = None
    if data.bin and data.bin.strip():
        info = c.attempt(partial(validate_bin, data.bin, today=ctx.today()))
        bin_value = info.bin if info else None
    phone = ""
    if data.contact_phone and data.contact_phone.strip():
        phone = c.attempt(partial(normalize_phone, data.contact_phone, field="contact_phone")) or ""
    email = (data.contact_email or "").strip()
    if email and ("@" not in email or " " in email or email.startswith("@") or email.endswith("@")):
        c.add("grant.email", EMAIL_INVALID, field="contact_email")
    if data.beneficiaries < 0:
        c.add("grant.beneficiaries", BENEFICIARIES, field="beneficiaries")
    else:
        c.errors.extend(check_breakdown(data.beneficiaries, data.breakdown))
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        c.add("grant.dates_order", DATES_ORDER, field="ends_on")
    if data.settlement_id:
        c.attempt(partial(get_live, s, Settlement, data.settlement_id))
    c.raise_if_any()
    assert kind is not None
    row.applicant_kind = kind.value
    row.applicant_name = applicant
    row.bin = bin_value
    row.leader_name = leader
    row.contact_phone = phone
    row.contact_email = email
    row.title = title
    row.problem = (data.problem or "").strip()
    row.goal = (data.goal or "").strip()
    row.activities = (data.activities or "").strip()
    row.target_group = (data.target_group or "").strip()
    row.beneficiaries = data.beneficiaries
    for key, count in data.breakdown.values().items():
        setattr(row, BENEFICIARY_COLUMNS[key], count)
    row.settlement_id = data.settlement_id or None
    row.starts_on, row.ends_on = data.starts_on, data.ends_on
    row.language = "ru" if data.language == "ru" else "kk"


def check_call_open(ctx: Context, call_id: str) -> GrantCallView:
    """Refuse at once a call that takes no applications, before a form is filled."""
    with ctx.db.session() as s:
        call = get_live(s, GrantCall, call_id, ctx)
        try:
            _check_call_open(ctx, call)
        except ValidationError as e:
            raise _wrap(e) from None
        return _call_view(s, call)


def _check_call_open(ctx: Context, call: GrantCall) -> None:
    today = ctx.today()
    if call.status != "open" or not call.opens_on <= today <= call.closes_on:
        _fail(
            "grant.call_closed", CALL_CLOSED, field="call_id",
            opens=call.opens_on.strftime("%d.%m.%Y"), closes=call.closes_on.strftime("%d.%m.%Y"),
        )


def _draft(a: GrantApplication) -> None:
    if a.status != ApplicationStatus.DRAFT.value:
        name = STATUS_NAMES[ApplicationStatus(a.status)]
        _fail("grant.locked", APP_LOCKED, status_kk=name.kk, status_ru=name.ru)


def create_application(ctx: Context, data: ApplicationInput) -> ApplicationView:
    """A draft application to an open call (title and applicant may come later)."""
    with ctx.db.session() as s:
        call = get_live(s, GrantCall, data.call_id, ctx)
        _check_call_open(ctx, call)
        row = GrantApplication(call_id=call.id, status=ApplicationStatus.DRAFT.value)
        _apply_app(ctx, s, row, data)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "grant_application", row, None)
        return _app_view(s, row)


def update_application(ctx: Context, app_id: str, data: ApplicationInput) -> ApplicationView:
    with ctx.db.session() as s:
        row = get_live(s, GrantApplication, app_id, ctx)
        _draft(row)
        before = snapshot(row)
        if data.call_id != row.call_id:
            _check_call_open(ctx, get_live(s, GrantCall, data.call_id, ctx))
            row.call_id = data.call_id
        _apply_app(ctx, s, row, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "grant_application", row, before)
        return _app_view(s, row)


def get_application(ctx: Context, app_id: str) -> ApplicationView:
    with ctx.db.session() as s:
        return _app_view(s, get_live(s, GrantApplication, app_id, ctx))


def delete_application(ctx: Context, app_id: str) -> None:
    """Soft delete; an application with an award stays (the pool depends on it)."""
    authorize(ctx.actor, "grant.delete")
    with ctx.db.session() as s:
        row = get_live(s, GrantApplication, app_id, ctx)
        if row.awarded_amount is not None:
            _fail("grant.awarded_locked", AWARDED_LOCKED)
        children = [
            child
            for model in (BudgetLineRow, GrantReview, GrantIndicator, GrantReport)
            for child in _children(s, model, row.id)
        ]
        soft_delete(ctx, s, row, "grant_application", children=children)


APP_SORTS: dict[str, Any] = {
    "title": GrantApplication.title,
    "applicant": GrantApplication.applicant_name,
    "status": GrantApplication.status,
    "awarded_amount": GrantApplication.awarded_amount,
    "settlement": Settlement.name_kk,
    "created_at": GrantApplication.created_at,
    "updated_at": GrantApplication.updated_at,
}


def list_applications(
    ctx: Context, query: ListQuery, filters: ApplicationFilters | None = None
) -> Page[ApplicationRow]:
    """Paged, sorted and filtered in SQL; ``query.search`` matches title or applicant."""
    f = filters or ApplicationFilters()
    reviews = (
        select(func.count())
        .where(GrantReview.application_id == GrantApplication.id, GrantReview.deleted.is_(False))
        .correlate(GrantApplication)
        .scalar_subquery()
    )
    stmt: Any = select(
        GrantApplication.id, GrantApplication.call_id, GrantApplication.title,
        GrantApplication.applicant_name, GrantApplication.applicant_kind,
        GrantApplication.status, Settlement.name_kk, Settlement.name_ru,
        GrantApplication.awarded_amount, reviews, GrantApplication.updated_at,
    ).outerjoin(Settlement, Settlement.id == GrantApplication.settlement_id)
    stmt = scoped(ctx, stmt, GrantApplication)
    if query.search.strip():
        like = f"%{normalize_kk(query.search)}%"
        stmt = stmt.where(
            or_(GrantApplication.title.like(like), GrantApplication.applicant_name.like(like))
        )
    if f.call_id:
        stmt = stmt.where(GrantApplication.call_id == f.call_id)
    if f.status:
        stmt = stmt.where(GrantApplication.status == ApplicationStatus(f.status).value)
    if f.settlement_id:
        stmt = stmt.where(GrantApplication.settlement_id == f.settlement_id)
    if query.sort is None:
        query = ListQuery(query.offset, query.limit, "updated_at", True, query.search)
    stmt = apply_sort(stmt, query, APP_SORTS, "updated_at", GrantApplication.id)
    with ctx.db.session() as s:
        rows, total = paged(s, stmt, query)
        out = [
            ApplicationRow(
                r[0], r[1], r[2], r[3], ApplicantKind(r[4]), ApplicationStatus(r[5]), r[6], r[7],
                r[8], int(r[9]), r[10],
            )
            for r in rows
        ]
    q = query.clamp()
    return Page(out, total, q.offset, q.limit)

