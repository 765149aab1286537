"""Grants before a pilot: reviews before approval, the limit on submit, closed calls."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from civicdesk.domain.enums import ApplicationStatus as S
from civicdesk.domain.enums import BudgetCategory
from civicdesk.domain.errors import UserError
from civicdesk.services import grants as svc
from civicdesk.services.base import Context
from civicdesk.services.grants import BudgetLineInput
from tests.services.test_grants import SCORES, app_input, call_input, codes


def _submitted(ctx: Context, call_id: str, cost: int = 100_000) -> str:
    a = svc.create_application(ctx, app_input(call_id))
    svc.replace_budget(ctx, a.id, [BudgetLineInput(BudgetCategory.MATERIALS, "Орындықтар",
                                                   qty=1, unit_cost=Decimal(cost))])
    svc.transition(ctx, a.id, S.SUBMITTED)
    return a.id


def test_approval_needs_the_calls_reviews_without_conflicts(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx, min_reviews=2))
    assert svc.get_call(ctx, call.id).min_reviews == 2
    app_id = _submitted(ctx, call.id)
    svc.transition(ctx, app_id, S.UNDER_REVIEW)
    with pytest.raises(UserError) as exc:
        svc.transition(ctx, app_id, S.APPROVED)  # no review at all
    assert codes(exc) == ["grant.reviews_missing"]
    assert "0" in exc.value.errors[0].text("ru")  # type: ignore[attr-defined]
    svc.add_review(ctx, app_id, "Бірінші", False, SCORES)
    svc.add_review(ctx, app_id, "Туысы", True, {}, conflict_note="Өтініш берушінің інісі")
    with pytest.raises(UserError) as exc:
        svc.transition(ctx, app_id, S.APPROVED)  # a recusal is not a review
    assert codes(exc) == ["grant.reviews_missing"]
    assert svc.get_application(ctx, app_id).status is S.UNDER_REVIEW
    svc.add_review(ctx, app_id, "Екінші", False, SCORES)
    assert svc.transition(ctx, app_id, S.APPROVED).status is S.APPROVED


def test_rejection_does_not_wait_for_reviews(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    app_id = _submitted(ctx, call.id)
    svc.transition(ctx, app_id, S.UNDER_REVIEW)
    assert svc.transition(ctx, app_id, S.REJECTED).status is S.REJECTED


def test_budget_over_the_limit_is_refused_on_submit(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx, pool=Decimal(1_000_000),
                                           max_grant=Decimal(300_000)))
    a = svc.create_application(ctx, app_input(call.id))
    result = svc.replace_budget(ctx, a.id, [BudgetLineInput(
        BudgetCategory.MATERIALS, "Құм мен тақтай", qty=1, unit_cost=Decimal(450_000))])
    assert result.totals.requested == Decimal(450_000)  # a draft may still be saved
    with pytest.raises(UserError) as exc:
        svc.transition(ctx, a.id, S.SUBMITTED)
    assert codes(exc) == ["grant.over_limit"]
    assert "300" in exc.value.errors[0].text("kk")  # type: ignore[attr-defined]
    assert svc.get_application(ctx, a.id).status is S.DRAFT
    # co-financing brings the request under the limit
    svc.replace_budget(ctx, a.id, [BudgetLineInput(
        BudgetCategory.MATERIALS, "Құм мен тақтай", qty=1, unit_cost=Decimal(450_000),
        cofinancing=Decimal(150_000))])
    assert svc.transition(ctx, a.id, S.SUBMITTED).status is S.SUBMITTED


def test_without_a_limit_the_pool_is_the_limit(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx, pool=Decimal(200_000)))
    with pytest.raises(UserError) as exc:
        _submitted(ctx, call.id, cost=250_000)
    assert codes(exc) == ["grant.over_limit"]


def test_call_settings_are_checked(ctx: Context) -> None:
    with pytest.raises(UserError) as exc:
        svc.create_call(ctx, call_input(ctx, min_reviews=0, max_grant=Decimal(2_000_000)))
    assert sorted(codes(exc)) == ["grant.max_grant", "grant.min_reviews"]


def test_closed_call_is_refused_before_the_form(ctx: Context) -> None:
    past = svc.create_call(ctx, call_input(
        ctx, opens_on=ctx.today() - timedelta(days=60), closes_on=ctx.today() - timedelta(days=1)))
    with pytest.raises(UserError) as exc:
        svc.check_call_open(ctx, past.id)
    assert codes(exc) == ["grant.call_closed"]
    open_call = svc.create_call(ctx, call_input(ctx))
    assert svc.check_call_open(ctx, open_call.id).id == open_call.id
