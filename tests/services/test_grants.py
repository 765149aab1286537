"""Small-grants competition: calls, applications, budgets, reviews, awards, results."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from civicdesk.db.models import AuditEntry, BudgetLine, GrantApplication, GrantCall, GrantReview
from civicdesk.domain.enums import ApplicantKind, ApplicationStatus, BudgetCategory, Role
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.grants import Criterion
from civicdesk.domain.validation import field_errors
from civicdesk.services import grants as svc
from civicdesk.services.base import Actor, Context, ListQuery
from civicdesk.services.grants import (
    ApplicationFilters,
    ApplicationInput,
    BudgetLineInput,
    CallFilters,
    GrantCallInput,
    IndicatorInput,
    ReportInput,
)

S = ApplicationStatus
VALID_BIN = "050140000001"
SCORES = {"relevance": 8, "logic": 7, "budget": 9, "capacity": 6, "sustainability": 10}


def codes(exc: pytest.ExceptionInfo[UserError]) -> list[str]:
    errors = field_errors(exc.value)
    for e in errors:
        assert e.text("kk").strip() and e.text("ru").strip()
    return [e.code for e in errors]


def count(ctx: Context, model: Any) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def audits(ctx: Context, entity: str, entity_id: str) -> list[str]:
    with ctx.db.session() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.at, AuditEntry.id)
            )
        )


def head_office(ctx: Context) -> Context:
    return ctx.with_actor(Actor("ho-user", "Бас кеңсе", Role.HEAD_OFFICE, "head-office"))


def call_input(ctx: Context, **kw: Any) -> GrantCallInput:
    base: dict[str, Any] = dict(
        title_kk="Шағын гранттар 2025", title_ru="Малые гранты 2025", region_kato="19",
        pool=Decimal(1_000_000), opens_on=ctx.today() - timedelta(days=30),
        closes_on=ctx.today() + timedelta(days=30),
    )
    base.update(kw)
    return GrantCallInput(**base)


def app_input(call_id: str, **kw: Any) -> ApplicationInput:
    base: dict[str, Any] = dict(
        call_id=call_id, applicant_kind=ApplicantKind.INITIATIVE_GROUP,
        applicant_name="Ақсу жастары", title="Ауыл саябағы", leader_name="Дана Серікқызы",
        contact_phone="8 701 123 45 67", beneficiaries=300,
    )
    base.update(kw)
    return ApplicationInput(**base)


LINES = [
    BudgetLineInput(BudgetCategory.MATERIALS, "Орындықтар", qty=10, unit_cost=Decimal(15000),
                    unit="дана"),
    BudgetLineInput(BudgetCategory.SERVICES, "Орнату", qty=1, unit_cost="50 000",
                    cofinancing=Decimal(10000)),
]


def submitted(ctx: Context, call_id: str, **kw: Any) -> str:
    a = svc.create_application(ctx, app_input(call_id, **kw))
    svc.replace_budget(ctx, a.id, LINES)
    svc.transition(ctx, a.id, S.SUBMITTED)
    return a.id


def reviewed(ctx: Context, app_id: str, n: int = 2) -> None:
    for i in range(n):
        svc.add_review(ctx, app_id, f"Сарапшы {i + 1}", False, SCORES)


def approved(ctx: Context, call_id: str, **kw: Any) -> str:
    app_id = submitted(ctx, call_id, **kw)
    svc.transition(ctx, app_id, S.UNDER_REVIEW)
    reviewed(ctx, app_id)
    svc.transition(ctx, app_id, S.APPROVED)
    return app_id


# --------------------------------------------------------------------------- calls


def test_call_create_update_get_list(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    assert (call.pool, call.awarded, call.left, call.applications) == (
        Decimal(1_000_000), Decimal(0), Decimal(1_000_000), 0,
    )
    assert [c.code for c in call.criteria][:2] == ["relevance", "logic"]
    upd = svc.update_call(ctx, call.id, call_input(ctx, pool=Decimal(2_000_000), status="closed"))
    assert upd.pool == Decimal(2_000_000) and upd.status == "closed"
    assert svc.get_call(ctx, call.id) == upd
    assert audits(ctx, "grant_call", call.id) == ["create", "update"]
    page = svc.list_calls(ctx, ListQuery())
    assert page.total == 1 and page.rows[0].left == Decimal(2_000_000)
    assert svc.list_calls(ctx, ListQuery(), CallFilters(region_kato="35")).total == 0
    assert svc.list_calls(ctx, ListQuery(), CallFilters(status="closed")).total == 1


def test_call_with_own_criteria(ctx: Context) -> None:
    criteria = (
        Criterion("impact", Message("Әсері", "Влияние"), Decimal("0.6"), 5),
        Criterion("cost", Message("Құны", "Стоимость"), Decimal("0.4"), 5),
    )
    call = svc.create_call(ctx, call_input(ctx, criteria=criteria))
    assert svc.get_call(ctx, call.id).criteria == criteria
    app_id = submitted(ctx, call.id)
    svc.transition(ctx, app_id, S.UNDER_REVIEW)
    review = svc.add_review(ctx, app_id, "Сарапшы", False, {"impact": 5, "cost": 0})
    assert review.total_score == Decimal("60.00")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title_kk": " "}, "grant.call_title"),
        ({"region_kato": "99"}, "grant.region"),
        ({"pool": Decimal(0)}, "grant.pool_positive"),
        ({"status": "maybe"}, "grant.call_status"),
        ({"criteria": (Criterion("a", Message("a", "a"), Decimal("0.5"), 10),)}, "grant.weights"),
    ],
)
def test_call_validation_saves_nothing(ctx: Context, changes: dict[str, Any], code: str) -> None:
    before = (count(ctx, GrantCall), count(ctx, AuditEntry))
    with pytest.raises(UserError) as exc:
        svc.create_call(ctx, call_input(ctx, **changes))
    assert codes(exc) == [code]
    assert (count(ctx, GrantCall), count(ctx, AuditEntry)) == before


def test_call_dates_order(ctx: Context) -> None:
    with pytest.raises(UserError) as exc:
        svc.create_call(ctx, call_input(ctx, closes_on=ctx.today() - timedelta(days=31)))
    assert codes(exc) == ["grant.dates_order"]


def test_consultant_cannot_run_calls(ctx: Context, consultant_ctx: Context) -> None:
    with pytest.raises(UserError) as exc:
        svc.create_call(consultant_ctx, call_input(ctx))
    assert exc.value.code == "access.denied" and exc.value.text("kk") and exc.value.text("ru")
    call = svc.create_call(ctx, call_input(ctx))
    with pytest.raises(UserError) as exc:
        svc.update_call(consultant_ctx, call.id, call_input(ctx))
    assert exc.value.code == "access.denied"
    assert count(ctx, GrantCall) == 1


def test_calls_seen_everywhere_changed_by_owner(ctx: Context, other_center_ctx: Context) -> None:
    call = svc.create_call(head_office(ctx), call_input(ctx))
    assert svc.get_call(ctx, call.id).id == call.id
    assert svc.list_calls(other_center_ctx, ListQuery()).total == 1
    with pytest.raises(UserError) as exc:
        svc.update_call(ctx, call.id, call_input(ctx, pool=Decimal(5)))
    assert exc.value.code == "access.denied"


def test_pool_cannot_drop_below_awards(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    app_id = approved(ctx, call.id)
    svc.award(ctx, app_id, Decimal(600_000), ctx.today())
    with pytest.raises(UserError) as exc:
        svc.update_call(ctx, call.id, call_input(ctx, pool=Decimal(500_000)))
    assert codes(exc) == ["grant.pool_below_awarded"]
    assert svc.get_call(ctx, call.id).pool == Decimal(1_000_000)


# --------------------------------------------------------------------------- applications


def test_application_create_update_get_delete(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    a = svc.create_application(
        ctx, app_input(call.id, applicant_kind=ApplicantKind.NGO, bin=" 0501 4000 0001 ")
    )
    assert a.status is S.DRAFT and a.bin == VALID_BIN
    assert a.contact_phone == "+77011234567"
    assert a.call_title_ru == "Малые гранты 2025"
    assert a.totals.total == 0
    upd = svc.update_application(ctx, a.id, app_input(call.id, title="Спорт алаңы"))
    assert upd.title == "Спорт алаңы" and upd.bin is None
    assert svc.get_application(ctx, a.id) == upd
    other = svc.create_call(ctx, call_input(ctx, title_ru="Другой"))
    moved = svc.update_application(ctx, a.id, app_input(other.id, title="Спорт алаңы"))
    assert moved.call_id == other.id and moved.call_title_ru == "Другой"
    with ctx.db.session() as s:
        entry = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_id == a.id, AuditEntry.action == "update")
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        ).first()
        assert entry is not None and entry.after == {"call_id": other.id}
    svc.delete_application(ctx, a.id)
    with pytest.raises(UserError) as exc:
        svc.get_application(ctx, a.id)
    assert exc.value.code == "not_found"
    assert audits(ctx, "grant_application", a.id) == ["create", "update", "update", "delete"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"bin": "050140000009"}, "bin.checksum"),
        ({"bin": "12345"}, "bin.length"),
        ({"contact_phone": "телефон"}, "phone.invalid"),
        ({"contact_email": "no-at-sign"}, "grant.email"),
        ({"beneficiaries": -5}, "grant.beneficiaries"),
        ({"applicant_kind": "company"}, "grant.applicant_kind"),
        ({"title": "ә" * 301}, "grant.too_long"),
        ({"starts_on": date(2025, 5, 1), "ends_on": date(2025, 4, 1)}, "grant.dates_order"),
    ],
)
def test_application_validation_saves_nothing(
    ctx: Context, changes: dict[str, Any], code: str
) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    before = (count(ctx, GrantApplication), count(ctx, AuditEntry))
    with pytest.raises(UserError) as exc:
        svc.create_application(ctx, app_input(call.id, **changes))
    assert code in codes(exc)
    assert (count(ctx, GrantApplication), count(ctx, AuditEntry)) == before


def test_closed_call_takes_no_applications(ctx: Context) -> None:
    closed = svc.create_call(ctx, call_input(ctx, status="closed"))
    past = svc.create_call(
        ctx, call_input(ctx, opens_on=date(2024, 1, 1), closes_on=date(2024, 2, 1))
    )
    for call in (closed, past):
        with pytest.raises(UserError) as exc:
            svc.create_application(ctx, app_input(call.id))
        assert codes(exc) == ["grant.call_closed"]
    assert count(ctx, GrantApplication) == 0


def test_other_center_cannot_see_application(ctx: Context, other_center_ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    a = svc.create_application(ctx, app_input(call.id))
    with pytest.raises(UserError) as exc:
        svc.get_application(other_center_ctx, a.id)
    assert exc.value.code == "not_found"
    with pytest.raises(UserError):
        svc.replace_budget(other_center_ctx, a.id, LINES)
    assert svc.list_applications(other_center_ctx, ListQuery()).total == 0
    # head office sees and may edit applications of every center
    ho = head_office(ctx)
    assert svc.list_applications(ho, ListQuery()).total == 1
    assert svc.update_application(ho, a.id, app_input(call.id, title="Жаңа")).title == "Жаңа"


def test_list_applications_sorted_paged_filtered(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    other = svc.create_call(ctx, call_input(ctx, title_ru="Другой"))
    made = []
    names = ["Бастама", "Ақсу", "Елім", "Дала", "Гүл", "Жігер", "Арман"]
    for i, name in enumerate(names):
        made.append(
            svc.create_application(
                ctx, app_input(call.id if i % 3 else other.id, applicant_name=f"{name} тобы",
                               title=f"Жоба {i}"),
            )
        )
    submitted(ctx, call.id, title="Тапсырылған", applicant_name="Zeta")
    everything = svc.list_applications(ctx, ListQuery(sort="title", limit=100)).rows
    assert [r.title for r in everything] == sorted(r.title for r in everything)
    assert len(everything) == 8
    by_applicant = svc.list_applications(
        ctx, ListQuery(sort="applicant", descending=True, limit=100)
    ).rows
    ids = sorted(((r.applicant_name, r.id) for r in everything), reverse=True)
    assert [r.id for r in by_applicant] == [i for _, i in ids]
    pages = [svc.list_applications(ctx, ListQuery(offset=o, limit=3, sort="title"))
             for o in (0, 3, 6)]
    assert [len(p.rows) for p in pages] == [3, 3, 2] and {p.total for p in pages} == {8}
    assert [r.id for p in pages for r in p.rows] == [r.id for r in everything]
    assert svc.list_applications(ctx, ListQuery(), ApplicationFilters(call_id=other.id)).total == 3
    subs = svc.list_applications(ctx, ListQuery(), ApplicationFilters(status=S.SUBMITTED))
    assert [r.title for r in subs.rows] == ["Тапсырылған"]
    assert svc.list_applications(ctx, ListQuery(search="Жоба 4")).total == 1
    assert svc.list_applications(ctx, ListQuery(search="Zet")).total == 1
    assert svc.list_applications(ctx, ListQuery(search="тобы")).total == 7
    with pytest.raises(UserError) as exc:
        svc.list_applications(ctx, ListQuery(sort="bin"))
    assert exc.value.code == "list.bad_sort"


# --------------------------------------------------------------------------- budget


def test_replace_budget_totals_and_warnings(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    a = svc.create_application(ctx, app_input(call.id))
    result = svc.replace_budget(ctx, a.id, LINES)
    assert [line.total for line in result.lines] == [Decimal(150_000), Decimal(50_000)]
    assert result.totals.total == Decimal(200_000)
    assert result.totals.cofinancing == Decimal(10_000)
    assert result.totals.requested == Decimal(190_000)
    assert result.warnings == []
    heavy = [*LINES, BudgetLineInput(BudgetCategory.ADMINISTRATION, "Бухгалтер", 1, 100_000)]
    result = svc.replace_budget(ctx, a.id, heavy)
    assert len(result.warnings) == 1 and "%" in result.warnings[0].ru
    result = svc.replace_budget(ctx, a.id, LINES[:1])
    assert [line.position for line in result.lines] == [1]
    view = svc.get_application(ctx, a.id)
    assert view.totals.total == Decimal(150_000) and len(view.budget) == 1
    with ctx.db.session() as s:
        live = s.scalar(select(func.count()).select_from(BudgetLine).where(
            BudgetLine.deleted.is_(False)))
    assert live == 1
    assert audits(ctx, "grant_application", a.id).count("budget") == 3


def test_budget_errors_name_the_line_and_save_nothing(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    a = svc.create_application(ctx, app_input(call.id))
    svc.replace_budget(ctx, a.id, LINES)
    before = (count(ctx, BudgetLine), count(ctx, AuditEntry))
    bad = [
        LINES[0],
        BudgetLineInput("food", "", qty=0, unit_cost=-1),
        BudgetLineInput(BudgetCategory.RENT, "Зал", qty=1, unit_cost=100, cofinancing=500),
    ]
    with pytest.raises(UserError) as exc:
        svc.replace_budget(ctx, a.id, bad)
    errors = field_errors(exc.value)
    assert [(e.code, e.field) for e in errors] == [
        ("grant.category", "lines.2.category"),
        ("grant.item_required", "lines.2.item"),
        ("grant.qty", "lines.2.qty"),
        ("grant.unit_cost", "lines.2.unit_cost"),
        ("grant.cofinancing", "lines.3.cofinancing"),
    ]
    assert all(e.text("kk") and e.text("ru") for e in errors)
    assert (count(ctx, BudgetLine), count(ctx, AuditEntry)) == before
    assert svc.get_application(ctx, a.id).totals.total == Decimal(200_000)


# --------------------------------------------------------------------------- status machine


def test_submit_needs_title_applicant_budget(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    a = svc.create_application(ctx, app_input(call.id, title="", applicant_name=""))
    with pytest.raises(UserError) as exc:
        svc.transition(ctx, a.id, S.SUBMITTED)
    assert codes(exc) == ["grant.submit_title", "grant.submit_applicant", "grant.submit_budget"]
    ngo = svc.create_application(ctx, app_input(call.id, applicant_kind=ApplicantKind.NGO))
    svc.replace_budget(ctx, ngo.id, LINES)
    with pytest.raises(UserError) as exc:
        svc.transition(ctx, ngo.id, S.SUBMITTED)
    assert codes(exc) == ["grant.submit_bin"]
    assert svc.get_application(ctx, ngo.id).status is S.DRAFT


def test_illegal_transitions_refused(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    a = svc.create_application(ctx, app_input(call.id))
    for target in (S.APPROVED, S.UNDER_REVIEW, S.IN_PROGRESS, S.CLOSED, S.REJECTED):
        with pytest.raises(UserError) as exc:
            svc.transition(ctx, a.id, target)
        assert codes(exc) == ["grant.transition"]
    app_id = submitted(ctx, call.id)
    with pytest.raises(UserError) as exc:
        svc.transition(ctx, app_id, S.APPROVED)
    assert codes(exc) == ["grant.transition"]
    assert svc.get_application(ctx, app_id).status is S.SUBMITTED


def test_consultant_cannot_decide(ctx: Context, consultant_ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    app_id = submitted(consultant_ctx, call.id)  # a consultant may submit
    with pytest.raises(UserError) as exc:
        svc.transition(consultant_ctx, app_id, S.UNDER_REVIEW)
    assert exc.value.code == "access.denied"
    svc.transition(ctx, app_id, S.UNDER_REVIEW)
    reviewed(ctx, app_id)
    svc.transition(ctx, app_id, S.APPROVED)
    with pytest.raises(UserError) as exc:
        svc.award(consultant_ctx, app_id, Decimal(100), ctx.today())
    assert exc.value.code == "access.denied"
    with pytest.raises(UserError) as exc:
        svc.add_review(consultant_ctx, app_id, "X", False, SCORES)
    assert exc.value.code == "access.denied"
    assert svc.get_application(ctx, app_id).awarded_amount is None


def test_submitted_application_is_locked_until_returned(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    app_id = submitted(ctx, call.id)
    for edit in (
        lambda: svc.update_application(ctx, app_id, app_input(call.id)),
        lambda: svc.replace_budget(ctx, app_id, LINES),
    ):
        with pytest.raises(UserError) as exc:
            edit()
        assert codes(exc) == ["grant.locked"]
    svc.transition(ctx, app_id, S.DRAFT)  # returned for changes
    assert svc.update_application(ctx, app_id, app_input(call.id, title="Б")).title == "Б"


def test_full_life_of_a_grant(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    app_id = approved(ctx, call.id)
    with pytest.raises(UserError) as exc:
        svc.transition(ctx, app_id, S.IN_PROGRESS)
    assert codes(exc) == ["grant.award_required"]
    svc.award(ctx, app_id, Decimal(190_000), ctx.today())
    ind = svc.add_indicator(ctx, app_id, IndicatorInput("Хабардарлық", "%", Decimal(20),
                                                        Decimal(60)))
    svc.transition(ctx, app_id, S.IN_PROGRESS)
    with pytest.raises(UserError) as exc:
        svc.transition(ctx, app_id, S.REPORTED)
    assert codes(exc) == ["grant.report_required"]
    report = svc.add_report(
        ctx, app_id, ReportInput(ctx.today(), "final", "Саябақ салынды", Decimal(185_000))
    )
    assert report.kind == "final"
    svc.update_indicator(ctx, ind.id, IndicatorInput("Хабардарлық", "%", Decimal(20), Decimal(60),
                                                     Decimal(62)))
    svc.transition(ctx, app_id, S.REPORTED)
    done = svc.transition(ctx, app_id, S.CLOSED)
    assert done.status is S.CLOSED
    assert done.indicators[0].actual == Decimal(62)
    assert done.reports[0].spent_amount == Decimal(185_000)
    with pytest.raises(UserError) as exc:
        svc.update_indicator(ctx, ind.id, IndicatorInput("X"))
    assert codes(exc) == ["grant.results_frozen"]
    assert audits(ctx, "grant_indicator", ind.id) == ["create", "update"]
    assert audits(ctx, "grant_report", report.id) == ["create"]


def test_indicator_and_report_checks(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    a = svc.create_application(ctx, app_input(call.id))
    with pytest.raises(UserError) as exc:
        svc.add_indicator(ctx, a.id, IndicatorInput(" "))
    assert codes(exc) == ["grant.indicator_name"]
    ind = svc.add_indicator(ctx, a.id, IndicatorInput("Қатысушылар", "адам", target=Decimal(50)))
    svc.delete_indicator(ctx, ind.id)
    assert svc.get_application(ctx, a.id).indicators == []
    with pytest.raises(UserError) as exc:
        svc.add_report(ctx, a.id, ReportInput(ctx.today() + timedelta(days=1), "monthly",
                                              spent_amount=Decimal(-1)))
    assert codes(exc) == [
        "grant.report_status", "grant.report_kind", "grant.date_future", "grant.spent_negative",
    ]


# --------------------------------------------------------------------------- reviews


def test_reviews_and_conflicts(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    app_id = submitted(ctx, call.id)
    with pytest.raises(UserError) as exc:
        svc.add_review(ctx, app_id, "Сарапшы", False, SCORES)
    assert codes(exc) == ["grant.not_under_review"]
    svc.transition(ctx, app_id, S.UNDER_REVIEW)
    before = count(ctx, GrantReview)
    with pytest.raises(UserError) as exc:
        svc.add_review(ctx, app_id, "Мүдделі сарапшы", True, SCORES)
    assert codes(exc) == ["grant.conflict_of_interest"]
    assert count(ctx, GrantReview) == before
    recusal = svc.add_review(ctx, app_id, "Мүдделі сарапшы", True, {}, conflict_note="Туысы")
    assert recusal.total_score is None and recusal.scores == {}
    first = svc.add_review(ctx, app_id, "Бірінші сарапшы", False, SCORES, "Жақсы")
    # 0.25*0.8 + 0.25*0.7 + 0.2*0.9 + 0.15*0.6 + 0.15*1.0 = 0.795
    assert first.total_score == Decimal("79.50")
    second = svc.add_review(ctx, app_id, "Екінші сарапшы", False, {**SCORES, "relevance": 10})
    assert second.total_score == Decimal("84.50")
    view = svc.get_application(ctx, app_id)
    assert len(view.reviews) == 3 and view.average_score == Decimal("82.00")
    assert audits(ctx, "grant_review", first.id) == ["create"]
    with pytest.raises(UserError) as exc:
        svc.add_review(ctx, app_id, "бірінші сарапшы", False, SCORES)
    assert codes(exc) == ["grant.review_duplicate"]
    with pytest.raises(UserError) as exc:
        svc.add_review(ctx, app_id, "", False, {"relevance": 11, "nope": 1})
    assert set(codes(exc)) == {
        "grant.reviewer_required", "grant.score_unknown", "grant.score_range",
        "grant.score_missing",
    }
    assert count(ctx, GrantReview) == 3
    row = svc.list_applications(ctx, ListQuery()).rows[0]
    assert row.reviews == 3


# --------------------------------------------------------------------------- awards


def test_awards_never_exceed_the_pool(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    other_call = svc.create_call(ctx, call_input(ctx, title_ru="Другой"))
    apps = [approved(ctx, call.id) for _ in range(4)]
    elsewhere = approved(ctx, other_call.id)
    svc.award(ctx, elsewhere, Decimal(900_000), ctx.today())  # another pool
    svc.award(ctx, apps[0], Decimal(400_000), ctx.today())
    svc.award(ctx, apps[1], Decimal(350_000), ctx.today())
    before = count(ctx, AuditEntry)
    with pytest.raises(UserError) as exc:
        svc.award(ctx, apps[2], Decimal("250000.01"), ctx.today())
    assert codes(exc) == ["grant.award_exceeds_pool"]
    assert svc.get_application(ctx, apps[2]).awarded_amount is None
    assert count(ctx, AuditEntry) == before
    svc.award(ctx, apps[2], Decimal(250_000), ctx.today())  # exactly what is left
    with pytest.raises(UserError) as exc:
        svc.award(ctx, apps[3], Decimal("0.01"), ctx.today())
    assert codes(exc) == ["grant.award_exceeds_pool"]
    # correcting an award counts the others only
    svc.award(ctx, apps[0], Decimal(300_000), ctx.today())
    svc.award(ctx, apps[3], Decimal(100_000), ctx.today())
    usage = svc.pool_usage(ctx, call.id)
    assert (usage.pool, usage.awarded, usage.left) == (
        Decimal(1_000_000), Decimal(1_000_000), Decimal(0),
    )
    assert usage.by_status[S.APPROVED] == 4 and usage.by_status[S.DRAFT] == 0
    row = next(r for r in svc.list_calls(ctx, ListQuery()).rows if r.id == call.id)
    assert (row.awarded, row.left, row.applications) == (Decimal(1_000_000), Decimal(0), 4)
    assert svc.get_call(ctx, call.id).left == Decimal(0)
    with pytest.raises(UserError) as exc:
        svc.delete_application(ctx, apps[0])
    assert codes(exc) == ["grant.awarded_locked"]


def test_award_only_for_approved(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    app_id = submitted(ctx, call.id)
    with pytest.raises(UserError) as exc:
        svc.award(ctx, app_id, Decimal(1000), ctx.today())
    assert codes(exc) == ["grant.not_approved"]
    svc.transition(ctx, app_id, S.UNDER_REVIEW)
    svc.transition(ctx, app_id, S.REJECTED)
    with pytest.raises(UserError) as exc:
        svc.award(ctx, app_id, Decimal(1000), ctx.today())
    assert codes(exc) == ["grant.not_approved"]
    ok = approved(ctx, call.id)
    for amount, when, code in (
        (Decimal(-5), ctx.today(), "grant.award_negative"),
        (Decimal(5), ctx.today() + timedelta(days=2), "grant.date_future"),
    ):
        with pytest.raises(UserError) as exc:
            svc.award(ctx, ok, amount, when)
        assert codes(exc) == [code]
    usage = svc.pool_usage(ctx, call.id)
    assert usage.by_status[S.REJECTED] == 1 and usage.by_status[S.APPROVED] == 1
    assert usage.awarded == 0


def test_delete_application_soft_deletes_budget(ctx: Context) -> None:
    call = svc.create_call(ctx, call_input(ctx))
    a = svc.create_application(ctx, app_input(call.id))
    svc.replace_budget(ctx, a.id, LINES)
    svc.delete_application(ctx, a.id)
    with ctx.db.session() as s:
        assert all(b.deleted for b in s.scalars(select(BudgetLine)))
    assert svc.pool_usage(ctx, call.id).by_status[S.DRAFT] == 0
