"""Review and award: the status machine, reviewers' scores and the award within the call's
pool (the award is written first and the other awards summed in the same transaction, so
two awards saved at once cannot both slip under the ceiling)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import partial

from civicdesk.db.models import (
    GrantApplication,
    GrantCall,
    GrantReport,
    GrantReview,
)
from civicdesk.domain.enums import ApplicantKind, ApplicationStatus, Role
from civicdesk.domain.errors import ValidationError
from civicdesk.domain.grants import (
    application_transition,
    budget_totals,
    check_award,
    check_requested_limit,
    check_reviewer_may_score,
    check_reviews_for_approval,
    weighted_score,
)
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    get_live,
    record_change,
    require_role,
    snapshot,
    stamp_new,
    stamp_update,
)
from civicdesk.services.grant_applications import (
    _app_view,
    _check_call_open,
    _children,
    _domain_line,
    _live_lines,
    _review_view,
)
from civicdesk.services.grant_calls import (
    _awarded_sum,
    _criteria_from_json,
)
from civicdesk.services.grant_types import (
    _MANAGER_STEPS,
    _S,
    AWARD_NOT_APPROVED,
    AWARD_REQUIRED,
    DATE_FUTURE,
    NOT_UNDER_REVIEW,
    REPORT_REQUIRED,
    REVIEW_DUPLICATE,
    REVIEWER_REQUIRED,
    SUBMIT_APPLICANT,
    SUBMIT_BIN,
    SUBMIT_BUDGET,
    SUBMIT_TITLE,
    ApplicationView,
    ReviewView,
    _fail,
    _wrap,
)

# --------------------------------------------------------------------------- status


def transition(ctx: Context, app_id: str, target: ApplicationStatus) -> ApplicationView:
    """Move an application one step along the competition's status machine.

    Submitting needs a title, an applicant (an NGO with its BIN) and a budget line,
    within the call's dates; review decisions and closing are for a manager or head
    office; starting work needs the award; reporting needs a report.
    """
    with ctx.db.session() as s:
        row = get_live(s, GrantApplication, app_id, ctx)
        current = ApplicationStatus(row.status)
        target = ApplicationStatus(target)
        try:
            application_transition(current, target)
        except ValidationError as e:
            raise _wrap(e) from None
        if target in _MANAGER_STEPS:
            require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
        c = Collector()
        if target is _S.SUBMITTED:
            if not row.title.strip():
                c.add("grant.submit_title", SUBMIT_TITLE, field="title")
            if not row.applicant_name.strip():
                c.add("grant.submit_applicant", SUBMIT_APPLICANT, field="applicant_name")
            if row.applicant_kind == ApplicantKind.NGO.value and not row.bin:
                c.add("grant.submit_bin", SUBMIT_BIN, field="bin")
            call = get_live(s, GrantCall, row.call_id, ctx)
            lines = _live_lines(row)
            if not lines:
                c.add("grant.submit_budget", SUBMIT_BUDGET, field="budget")
            else:
                requested = budget_totals([_domain_line(b) for b in lines]).requested
                limit = call.max_grant if call.max_grant is not None else call.pool
                c.attempt(partial(check_requested_limit, requested, limit))
            c.attempt(partial(_check_call_open, ctx, call))
        if target is _S.APPROVED:
            call = get_live(s, GrantCall, row.call_id, ctx)
            conflicts = [r.conflict_declared for r in _children(s, GrantReview, row.id)]
            c.attempt(partial(check_reviews_for_approval, conflicts, call.min_reviews))
        if target is _S.IN_PROGRESS and row.awarded_amount is None:
            c.add("grant.award_required", AWARD_REQUIRED, field="awarded_amount")
        if target is _S.REPORTED and not _children(s, GrantReport, row.id):
            c.add("grant.report_required", REPORT_REQUIRED, field="reports")
        c.raise_if_any()
        before = snapshot(row)
        row.status = target.value
        stamp_update(ctx, row)
        record_change(ctx, s, "grant_application", row, before)
        return _app_view(s, row)

# --------------------------------------------------------------------------- reviews


def add_review(
    ctx: Context,
    app_id: str,
    reviewer_name: str,
    conflict_declared: bool,
    scores: Mapping[str, int],
    comment: str = "",
    conflict_note: str = "",
) -> ReviewView:
    """Record one reviewer's sheet. A declared conflict of interest is recorded as a
    recusal without scores; scores from such a reviewer are refused."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        app = get_live(s, GrantApplication, app_id, ctx)
        name = normalize_kk(reviewer_name or "")
        c = Collector()
        if app.status != ApplicationStatus.UNDER_REVIEW.value:
            c.add("grant.not_under_review", NOT_UNDER_REVIEW, field="status")
        if not name:
            c.add("grant.reviewer_required", REVIEWER_REQUIRED, field="reviewer_name")
        elif any(r.reviewer_name.casefold() == name.casefold()
                 for r in _children(s, GrantReview, app.id)):
            c.add("grant.review_duplicate", REVIEW_DUPLICATE, field="reviewer_name", name=name)
        total: Decimal | None = None
        if conflict_declared:
            if scores:
                c.attempt(partial(check_reviewer_may_score, conflict_declared))
        else:
            call = get_live(s, GrantCall, app.call_id, ctx)
            total = c.attempt(partial(weighted_score, scores, _criteria_from_json(call.criteria)))
        c.raise_if_any()
        row = GrantReview(
            application_id=app.id, reviewer_name=name, conflict_declared=conflict_declared,
            conflict_note=(conflict_note or "").strip(),
            scores={} if conflict_declared else dict(scores), total_score=total,
            comment=(comment or "").strip(), submitted_on=ctx.today(),
        )
        stamp_new(ctx, row, center_id=app.center_id)
        s.add(row)
        s.flush()
        record_change(ctx, s, "grant_review", row, None)
        return _review_view(row)


# --------------------------------------------------------------------------- award


def award(ctx: Context, app_id: str, amount: Decimal, on: date) -> ApplicationView:
    """Award (or correct the award of) an approved application within the call's pool."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        row = get_live(s, GrantApplication, app_id, ctx)
        if row.status != ApplicationStatus.APPROVED.value:
            _fail("grant.not_approved", AWARD_NOT_APPROVED, field="status")
        if on > ctx.today():
            _fail("grant.date_future", DATE_FUTURE, field="awarded_on")
        amount = Decimal(amount)
        before = snapshot(row)
        # Write first: from here this transaction holds the write lock, so the sum
        # read below cannot miss an award being saved at the same moment.
        row.awarded_amount = amount
        row.awarded_on = on
        stamp_update(ctx, row)
        s.flush()
        call = get_live(s, GrantCall, row.call_id, ctx)
        others = _awarded_sum(s, call.id, exclude=row.id)
        try:
            check_award(call.pool, others, amount)
        except ValidationError as e:
            raise _wrap(e) from None
        record_change(ctx, s, "grant_application", row, before)
        return _app_view(s, row)


