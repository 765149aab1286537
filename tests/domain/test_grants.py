from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicdesk.domain.enums import ApplicationStatus, BudgetCategory
from civicdesk.domain.errors import Message, ValidationError, ValidationErrors
from civicdesk.domain.grants import (
    ADMIN_CAP,
    ADMIN_CAP_SHARE,
    DEFAULT_CRITERIA,
    STATUS_NAMES,
    TRANSITIONS,
    BudgetLine,
    Criterion,
    application_transition,
    budget_totals,
    check_award,
    check_budget,
    check_reviewer_may_score,
    validate_budget_line,
    validate_criteria,
    weighted_score,
)

NB = "\u00a0"
S = ApplicationStatus


def line(cat: BudgetCategory, qty: str, cost: str, co: str = "0") -> BudgetLine:
    return BudgetLine(cat, "item", "pcs", Decimal(qty), Decimal(cost), Decimal(co))


def test_line_total() -> None:
    assert line(BudgetCategory.MATERIALS, "3", "1500.50").total == Decimal("4501.50")
    assert line(BudgetCategory.MATERIALS, "1.5", "0.333").total == Decimal("0.50")
    assert line(BudgetCategory.RENT, "2", "1000", "500").requested == Decimal(1500)


def test_validate_budget_line_parses_typed_amounts() -> None:
    b = validate_budget_line("materials", " Қағаз  A4 ", "пачка", "10", "2 500,50 ₸", "1 000")
    assert b == BudgetLine(
        BudgetCategory.MATERIALS,
        "Қағаз A4",
        "пачка",
        Decimal(10),
        Decimal("2500.50"),
        Decimal(1000),
    )
    assert b.total == Decimal("25005.00")


def _codes(**overrides: object) -> dict[str, str]:
    args: dict[str, object] = {
        "category": BudgetCategory.PUBLISHING,
        "item": "Буклет",
        "unit": "дана",
        "qty": 300,
        "unit_cost": Decimal(150),
        "cofinancing": 0,
    }
    args.update(overrides)
    with pytest.raises(ValidationErrors) as info:
        validate_budget_line(**args)  # type: ignore[arg-type]
    return {e.field or "": e.code for e in info.value.errors}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"item": "  "}, {"item": "grant.item_required"}),
        ({"qty": 0}, {"qty": "grant.qty"}),
        ({"qty": Decimal(-1)}, {"qty": "grant.qty"}),
        ({"unit_cost": Decimal(-5)}, {"unit_cost": "grant.unit_cost"}),
        ({"cofinancing": Decimal(45001)}, {"cofinancing": "grant.cofinancing"}),
        ({"cofinancing": Decimal(-1)}, {"cofinancing": "grant.cofinancing"}),
        ({"unit_cost": "сто"}, {"unit_cost": "money.invalid"}),
        ({"qty": "много"}, {"qty": "money.invalid"}),
        ({"cofinancing": "-100"}, {"cofinancing": "money.negative"}),
        ({"category": "food"}, {"category": "grant.category"}),
    ],
)
def test_budget_line_errors(overrides: dict[str, object], expected: dict[str, str]) -> None:
    assert _codes(**overrides) == expected


def test_budget_line_many_errors() -> None:
    assert _codes(item="", qty=0, unit_cost="x") == {
        "item": "grant.item_required",
        "qty": "grant.qty",
        "unit_cost": "money.invalid",
    }


def test_cofinancing_equal_to_total_is_fine() -> None:
    b = validate_budget_line("rent", "Зал", "күн", 1, 45000, 45000)
    assert b.requested == 0


def test_budget_totals() -> None:
    lines = [
        line(BudgetCategory.PAY, "2", "150000"),
        line(BudgetCategory.PUBLISHING, "300", "500", "50000"),
        line(BudgetCategory.ADMINISTRATION, "1", "50000"),
        line(BudgetCategory.PUBLISHING, "1", "100000"),
    ]
    t = budget_totals(lines)
    assert t.total == Decimal(600000)
    assert t.cofinancing == Decimal(50000)
    assert t.requested == Decimal(550000)
    assert t.cofinancing_share == Decimal("0.0833")
    assert t.admin_share == Decimal("0.0833")
    assert t.by_category == {
        BudgetCategory.PAY: Decimal(300000),
        BudgetCategory.PUBLISHING: Decimal(250000),
        BudgetCategory.ADMINISTRATION: Decimal(50000),
    }
    empty = budget_totals([])
    assert empty.total == 0
    assert empty.cofinancing_share == 0
    assert empty.by_category == {}


amounts = st.decimals(min_value=0, max_value=10**7, places=2)


@st.composite
def budget_lines(draw: st.DrawFn) -> BudgetLine:
    qty = draw(st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2))
    cost = draw(amounts)
    total = (qty * cost).quantize(Decimal("0.01"))
    co = draw(st.decimals(min_value=0, max_value=total, places=2))
    return BudgetLine(draw(st.sampled_from(BudgetCategory)), "x", "u", qty, cost, co)


@settings(max_examples=200, deadline=None)
@given(st.lists(budget_lines(), max_size=6))
def test_budget_sums(lines: list[BudgetLine]) -> None:
    t = budget_totals(lines)
    assert t.total == sum((ln.total for ln in lines), Decimal(0))
    assert t.requested + t.cofinancing == t.total
    assert sum(t.by_category.values(), Decimal(0)) == t.total
    assert Decimal(0) <= t.cofinancing_share <= 1
    assert Decimal(0) <= t.admin_share <= 1
    assert t.cofinancing_share == t.cofinancing_share.quantize(Decimal("0.0001"))


def test_admin_cap_setting() -> None:
    assert Decimal("0.10") == ADMIN_CAP_SHARE
    assert ADMIN_CAP.configurable
    assert "144-НҚ" in ADMIN_CAP.legal_source.ru and "07.04.2025" in ADMIN_CAP.legal_source.ru


def test_check_budget_warnings() -> None:
    lines = [
        line(BudgetCategory.PAY, "1", "800000"),
        line(BudgetCategory.ADMINISTRATION, "1", "200000"),
    ]
    warnings = check_budget(lines, requested_ceiling=Decimal(900000))
    assert all(isinstance(w, Message) for w in warnings)
    assert [w.ru for w in warnings] == [
        f"Запрошенная сумма (1{NB}000{NB}000{NB}₸) превышает предельный размер гранта (900{NB}000{NB}₸)",
        "Административные расходы составляют 20,0 % бюджета, предел — 10,0 %",
    ]
    assert warnings[1].kk == "Әкімшілік шығыстар бюджеттің 20,0 % құрайды, шегі — 10,0 %"
    assert check_budget(lines, admin_cap=Decimal("0.25")) == []
    assert check_budget(lines, requested_ceiling=Decimal(1000000), admin_cap=Decimal("0.2")) == []
    assert check_budget([])[0].ru.startswith("Бюджет пуст")


def test_check_award() -> None:
    check_award(Decimal(1000000), Decimal(600000), Decimal(400000))
    with pytest.raises(ValidationError) as info:
        check_award(Decimal(1000000), Decimal(600000), Decimal("400000.01"))
    assert info.value.code == "grant.award_exceeds_pool"
    assert info.value.text("ru") == (
        f"Сумма гранта (400{NB}000,01{NB}₸) превышает остаток фонда (400{NB}000{NB}₸): "
        f"фонд 1{NB}000{NB}000{NB}₸, уже выделено 600{NB}000{NB}₸"
    )
    assert info.value.text("kk") == (
        f"Грант сомасы (400{NB}000,01{NB}₸) қордың қалдығынан (400{NB}000{NB}₸) асады: "
        f"қор 1{NB}000{NB}000{NB}₸, бұрын бөлінгені 600{NB}000{NB}₸"
    )
    with pytest.raises(ValidationError) as info:
        check_award(Decimal(1000000), Decimal(0), Decimal(-1))
    assert info.value.code == "grant.award_negative"


def test_status_machine_allowed_paths() -> None:
    path = [S.DRAFT, S.SUBMITTED, S.UNDER_REVIEW, S.APPROVED, S.IN_PROGRESS, S.REPORTED, S.CLOSED]
    for a, b in pairwise(path):
        assert application_transition(a, b) is b
    assert application_transition(S.SUBMITTED, S.DRAFT) is S.DRAFT
    assert application_transition(S.UNDER_REVIEW, S.REJECTED) is S.REJECTED
    assert application_transition(S.REPORTED, S.IN_PROGRESS) is S.IN_PROGRESS


def test_status_machine_refuses_everything_else() -> None:
    allowed = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
    assert len(allowed) == 9
    for a in S:
        for b in S:
            if (a, b) in allowed:
                continue
            with pytest.raises(ValidationError) as info:
                application_transition(a, b)
            assert info.value.code == "grant.transition"
    with pytest.raises(ValidationError) as info:
        application_transition(S.DRAFT, S.APPROVED)
    assert info.value.text("ru") == "Нельзя перевести заявку из состояния «Черновик» в «Одобрена»"
    assert (
        info.value.text("kk") == "Өтінімді «Жоба» күйінен «Мақұлданды» күйіне ауыстыруға болмайды"
    )
    assert set(STATUS_NAMES) == set(S)


def test_default_criteria() -> None:
    assert [c.code for c in DEFAULT_CRITERIA] == [
        "relevance",
        "logic",
        "budget",
        "capacity",
        "sustainability",
    ]
    assert sum(c.weight for c in DEFAULT_CRITERIA) == 1
    validate_criteria(DEFAULT_CRITERIA)
    with pytest.raises(ValidationError) as info:
        validate_criteria([Criterion("a", Message(kk="a", ru="a"), Decimal("0.5"), 10)])
    assert info.value.code == "grant.weights"


def test_weighted_score() -> None:
    full = {c.code: 10 for c in DEFAULT_CRITERIA}
    assert weighted_score(full) == Decimal(100)
    assert weighted_score(dict.fromkeys(full, 0)) == Decimal(0)
    mixed = {"relevance": 8, "logic": 6, "budget": 10, "capacity": 5, "sustainability": 7}
    # 0.25*0.8 + 0.25*0.6 + 0.2*1 + 0.15*0.5 + 0.15*0.7 = 0.73
    assert weighted_score(mixed) == Decimal("73.00")


def test_weighted_score_errors() -> None:
    with pytest.raises(ValidationErrors) as info:
        weighted_score({"relevance": 11, "logic": -1, "budget": 5, "capacity": 5, "oops": 3})
    codes = {e.field: e.code for e in info.value.errors}
    assert codes == {
        "relevance": "grant.score_range",
        "logic": "grant.score_range",
        "sustainability": "grant.score_missing",
        "oops": "grant.score_unknown",
    }
    assert info.value.by_field()["sustainability"].text("ru") == (
        "Поставьте оценку по критерию «Устойчивость результатов»"
    )
    assert info.value.by_field()["relevance"].text("kk") == (
        "«Өзектілігі» критерийі бойынша баға 0-ден 10 ұпайға дейін болуы керек"
    )


def test_conflict_of_interest() -> None:
    check_reviewer_may_score(False)
    with pytest.raises(ValidationError) as info:
        check_reviewer_may_score(True)
    assert info.value.code == "grant.conflict_of_interest"
