"""Small grants: budget arithmetic, pool ceiling, application status, review scores.

Rules of grants: order No. 406 of 26.09.2022, rewritten by order No. 144-НҚ of
07.04.2025 (in force 01.07.2025). Limits are versioned settings naming the source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .enums import ApplicationStatus, BudgetCategory
from .errors import Message, ValidationError
from .formatting import format_money, parse_money
from .text import normalize_kk
from .validation import Collector

__all__ = [
    "ADMIN_CAP",
    "ADMIN_CAP_SHARE",
    "DEFAULT_CRITERIA",
    "STATUS_NAMES",
    "BudgetLine",
    "BudgetTotals",
    "Criterion",
    "GrantSetting",
    "application_transition",
    "budget_totals",
    "check_award",
    "check_budget",
    "check_reviewer_may_score",
    "validate_budget_line",
    "validate_criteria",
    "weighted_score",
]

_CENT = Decimal("0.01")
_SHARE = Decimal("0.0001")
_ZERO = Decimal(0)


def _money(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class GrantSetting:
    """A configurable limit with the version of the rules it comes from."""

    name: str
    value: Decimal
    version: str
    valid_from: date
    legal_source: Message
    configurable: bool = True


ADMIN_CAP = GrantSetting(
    name="admin_cap_share",
    value=Decimal("0.10"),
    version="2025-144",
    valid_from=date(2025, 7, 1),
    legal_source=Message(
        kk="2025 жылғы 7 сәуірдегі № 144-НҚ бұйрық (гранттар беру қағидалары, "
        "2025 жылғы 1 шілдеден бастап күшінде); үлесті конкурс шарттарына сәйкес баптаңыз",
        ru="Приказ от 07.04.2025 № 144-НҚ (правила предоставления грантов, действуют "
        "с 01.07.2025); долю настройте по условиям конкурса",
    ),
)
ADMIN_CAP_SHARE: Decimal = ADMIN_CAP.value


@dataclass
class BudgetLine:
    category: BudgetCategory
    item: str
    unit: str
    qty: Decimal
    unit_cost: Decimal
    cofinancing: Decimal = field(default_factory=lambda: Decimal(0))

    @property
    def total(self) -> Decimal:
        """Quantity times unit cost, rounded to tiyn."""
        return _money(self.qty * self.unit_cost)

    @property
    def requested(self) -> Decimal:
        return self.total - _money(self.cofinancing)


def _number(value: Decimal | int | str, name: str, c: Collector) -> Decimal | None:
    if isinstance(value, str):
        return c.attempt(lambda: parse_money(value, field=name))
    return Decimal(value)


def validate_budget_line(
    category: BudgetCategory | str,
    item: str,
    unit: str,
    qty: Decimal | int | str,
    unit_cost: Decimal | int | str,
    cofinancing: Decimal | int | str = 0,
) -> BudgetLine:
    """Check one budget line; raises ``ValidationErrors`` listing every problem.

    Codes: ``grant.category``, ``grant.item_required``, ``grant.qty``,
    ``grant.unit_cost``, ``grant.cofinancing``, ``money.invalid``/``money.negative``
    (typed text that is not an amount).
    """
    c = Collector()
    clean_category: BudgetCategory | None = None
    try:
        clean_category = BudgetCategory(category)
    except ValueError:
        c.add(
            "grant.category",
            Message(kk="Шығыс санатын тізімнен таңдаңыз", ru="Выберите статью расходов из списка"),
            field="category",
        )
    clean_item = normalize_kk(item or "")
    if not clean_item:
        c.add(
            "grant.item_required",
            Message(kk="Шығыс атауын жазыңыз", ru="Укажите наименование расхода"),
            field="item",
        )
    q = _number(qty, "qty", c)
    if q is not None and not q > 0:
        c.add(
            "grant.qty",
            Message(kk="Саны нөлден үлкен болуы керек", ru="Количество должно быть больше нуля"),
            field="qty",
        )
    cost = _number(unit_cost, "unit_cost", c)
    if cost is not None and cost < 0:
        c.add(
            "grant.unit_cost",
            Message(
                kk="Бірлік бағасы теріс болмауы керек",
                ru="Цена за единицу не может быть отрицательной",
            ),
            field="unit_cost",
        )
    co = _number(cofinancing, "cofinancing", c)
    if co is not None and q is not None and cost is not None and not c.errors:
        total = _money(q * cost)
        if not _ZERO <= co <= total:
            c.add(
                "grant.cofinancing",
                Message(
                    kk="Қоса қаржыландыру 0-ден жол сомасына ({total}) дейін болуы керек",
                    ru="Софинансирование должно быть от 0 до суммы строки ({total})",
                ),
                field="cofinancing",
                total=format_money(total, "ru"),
            )
    c.raise_if_any()
    assert clean_category is not None and q is not None and cost is not None and co is not None
    return BudgetLine(
        category=clean_category,
        item=clean_item,
        unit=normalize_kk(unit or ""),
        qty=q,
        unit_cost=cost,
        cofinancing=co,
    )


@dataclass
class BudgetTotals:
    total: Decimal
    cofinancing: Decimal
    requested: Decimal
    cofinancing_share: Decimal
    by_category: dict[BudgetCategory, Decimal]
    admin_share: Decimal


def _share(part: Decimal, whole: Decimal) -> Decimal:
    if whole <= 0:
        return _ZERO.quantize(_SHARE)
    return (part / whole).quantize(_SHARE, rounding=ROUND_HALF_UP)


def budget_totals(lines: Iterable[BudgetLine]) -> BudgetTotals:
    """Sums of a budget: total = requested + co-financing; shares are 0..1, 4 places."""
    total = _ZERO
    cofinancing = _ZERO
    by_category: dict[BudgetCategory, Decimal] = {}
    for line in lines:
        total += line.total
        cofinancing += _money(line.cofinancing)
        by_category[line.category] = by_category.get(line.category, _ZERO) + line.total
    admin = by_category.get(BudgetCategory.ADMINISTRATION, _ZERO)
    return BudgetTotals(
        total=total,
        cofinancing=cofinancing,
        requested=total - cofinancing,
        cofinancing_share=_share(cofinancing, total),
        by_category=by_category,
        admin_share=_share(admin, total),
    )


def _percent(share: Decimal) -> str:
    return f"{(share * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}".replace(".", ",")


def check_budget(
    lines: Sequence[BudgetLine],
    *,
    requested_ceiling: Decimal | None = None,
    admin_cap: Decimal = ADMIN_CAP_SHARE,
) -> list[Message]:
    """Warnings (not errors: an applicant may still save the draft) about a budget."""
    warnings: list[Message] = []
    totals = budget_totals(lines)
    if not lines or totals.total <= 0:
        warnings.append(
            Message(
                kk="Бюджет бос: шығыс жолдарын қосыңыз", ru="Бюджет пуст: добавьте строки расходов"
            )
        )
        return warnings
    if requested_ceiling is not None and totals.requested > requested_ceiling:
        asked = format_money(totals.requested, "kk")
        ceiling = format_money(requested_ceiling, "kk")
        warnings.append(
            Message(
                kk=f"Сұралған сома ({asked}) гранттың шекті сомасынан ({ceiling}) асады",
                ru=f"Запрошенная сумма ({asked}) превышает предельный размер гранта ({ceiling})",
            )
        )
    if totals.admin_share > admin_cap:
        share = _percent(totals.admin_share)
        cap = _percent(admin_cap)
        warnings.append(
            Message(
                kk=f"Әкімшілік шығыстар бюджеттің {share} % құрайды, шегі — {cap} %",
                ru=f"Административные расходы составляют {share} % бюджета, предел — {cap} %",
            )
        )
    return warnings


def check_award(pool: Decimal, already_awarded: Decimal, amount: Decimal) -> None:
    """Refuse an award that is negative or does not fit in what is left of the pool.

    Codes: ``grant.award_negative``, ``grant.award_exceeds_pool``.
    """
    if amount < 0:
        raise ValidationError(
            "grant.award_negative",
            Message(
                kk="Грант сомасы теріс болмауы керек", ru="Сумма гранта не может быть отрицательной"
            ),
            field="amount",
        )
    left = pool - already_awarded
    if amount > left:
        raise ValidationError(
            "grant.award_exceeds_pool",
            Message(
                kk="Грант сомасы ({amount}) қордың қалдығынан ({left}) асады: "
                "қор {pool}, бұрын бөлінгені {awarded}",
                ru="Сумма гранта ({amount}) превышает остаток фонда ({left}): "
                "фонд {pool}, уже выделено {awarded}",
            ),
            field="amount",
            amount=format_money(amount, "ru"),
            left=format_money(max(left, _ZERO), "ru"),
            pool=format_money(pool, "ru"),
            awarded=format_money(already_awarded, "ru"),
        )


STATUS_NAMES: dict[ApplicationStatus, Message] = {
    ApplicationStatus.DRAFT: Message(kk="Жоба", ru="Черновик"),
    ApplicationStatus.SUBMITTED: Message(kk="Берілді", ru="Подана"),
    ApplicationStatus.UNDER_REVIEW: Message(kk="Қаралуда", ru="На рассмотрении"),
    ApplicationStatus.APPROVED: Message(kk="Мақұлданды", ru="Одобрена"),
    ApplicationStatus.REJECTED: Message(kk="Қабылданбады", ru="Отклонена"),
    ApplicationStatus.IN_PROGRESS: Message(kk="Орындалуда", ru="Реализуется"),
    ApplicationStatus.REPORTED: Message(kk="Есеп тапсырылды", ru="Отчёт сдан"),
    ApplicationStatus.CLOSED: Message(kk="Жабылды", ru="Закрыта"),
}

_S = ApplicationStatus
TRANSITIONS: dict[ApplicationStatus, frozenset[ApplicationStatus]] = {
    _S.DRAFT: frozenset({_S.SUBMITTED}),
    _S.SUBMITTED: frozenset({_S.UNDER_REVIEW, _S.DRAFT}),  # draft: returned for changes
    _S.UNDER_REVIEW: frozenset({_S.APPROVED, _S.REJECTED}),
    _S.APPROVED: frozenset({_S.IN_PROGRESS}),
    _S.IN_PROGRESS: frozenset({_S.REPORTED}),
    _S.REPORTED: frozenset({_S.CLOSED, _S.IN_PROGRESS}),  # in progress: report returned
    _S.REJECTED: frozenset(),
    _S.CLOSED: frozenset(),
}


def application_transition(
    current: ApplicationStatus, target: ApplicationStatus
) -> ApplicationStatus:
    """Allow only the steps of the competition; code ``grant.transition``."""
    if target not in TRANSITIONS[current]:
        raise ValidationError(
            "grant.transition",
            Message(
                kk="Өтінімді «{from_kk}» күйінен «{to_kk}» күйіне ауыстыруға болмайды",
                ru="Нельзя перевести заявку из состояния «{from_ru}» в «{to_ru}»",
            ),
            field="status",
            from_kk=STATUS_NAMES[current].kk,
            from_ru=STATUS_NAMES[current].ru,
            to_kk=STATUS_NAMES[target].kk,
            to_ru=STATUS_NAMES[target].ru,
        )
    return target


@dataclass(frozen=True)
class Criterion:
    code: str
    name: Message
    weight: Decimal
    max_score: int


DEFAULT_CRITERIA: tuple[Criterion, ...] = (
    Criterion("relevance", Message(kk="Өзектілігі", ru="Актуальность"), Decimal("0.25"), 10),
    Criterion(
        "logic",
        Message(kk="Жобаның логикасы мен жоспары", ru="Логика и план проекта"),
        Decimal("0.25"),
        10,
    ),
    Criterion(
        "budget",
        Message(kk="Бюджеттің негізділігі", ru="Обоснованность бюджета"),
        Decimal("0.20"),
        10,
    ),
    Criterion(
        "capacity",
        Message(kk="Өтініш берушінің әлеуеті", ru="Потенциал заявителя"),
        Decimal("0.15"),
        10,
    ),
    Criterion(
        "sustainability",
        Message(kk="Нәтижелердің тұрақтылығы", ru="Устойчивость результатов"),
        Decimal("0.15"),
        10,
    ),
)


def validate_criteria(criteria: Sequence[Criterion]) -> None:
    """Weights must be positive and add up to 1; code ``grant.weights``."""
    total = sum((c.weight for c in criteria), _ZERO)
    if not criteria or total != 1 or any(c.weight <= 0 or c.max_score <= 0 for c in criteria):
        raise ValidationError(
            "grant.weights",
            Message(
                kk="Критерийлердің салмақтары оң болып, қосындысы 1-ге (100 %) тең болуы керек",
                ru="Веса критериев должны быть положительными и в сумме давать 1 (100 %)",
            ),
            field="criteria",
        )


def weighted_score(
    scores: Mapping[str, int], criteria: Sequence[Criterion] = DEFAULT_CRITERIA
) -> Decimal:
    """Weighted score 0..100 (2 places); raises ``ValidationErrors`` with
    ``grant.score_missing``, ``grant.score_range`` or ``grant.score_unknown`` per field."""
    c = Collector()
    known = {cr.code for cr in criteria}
    for code in scores:
        if code not in known:
            c.add(
                "grant.score_unknown",
                Message(
                    kk="Белгісіз критерий: {criterion}", ru="Неизвестный критерий: {criterion}"
                ),
                field=code,
                criterion=code,
            )
    total = _ZERO
    for cr in criteria:
        score = scores.get(cr.code)
        if score is None:
            c.add(
                "grant.score_missing",
                Message(
                    kk="«{name_kk}» критерийі бойынша баға қойыңыз",
                    ru="Поставьте оценку по критерию «{name_ru}»",
                ),
                field=cr.code,
                name_kk=cr.name.kk,
                name_ru=cr.name.ru,
            )
        elif isinstance(score, bool) or not 0 <= score <= cr.max_score:
            c.add(
                "grant.score_range",
                Message(
                    kk="«{name_kk}» критерийі бойынша баға 0-ден {max} ұпайға дейін болуы керек",
                    ru="Оценка по критерию «{name_ru}» должна быть от 0 до {max}",
                ),
                field=cr.code,
                name_kk=cr.name.kk,
                name_ru=cr.name.ru,
                max=cr.max_score,
            )
        else:
            total += cr.weight * Decimal(score) / Decimal(cr.max_score)
    c.raise_if_any()
    return _money(total * 100)


# How many reviews a call needs before an application is approved. No legal figure
# was found for small grants of community centers: it is a setting of each call
# (docs/sources.md), this is only the value a new call starts with.
DEFAULT_MIN_REVIEWS = 2
MAX_MIN_REVIEWS = 15


def check_requested_limit(requested: Decimal, limit: Decimal) -> None:
    """Refuse submitting an application that asks for more than the call allows;
    code ``grant.over_limit``."""
    if requested > limit:
        raise ValidationError(
            "grant.over_limit",
            Message(
                kk="Сұралған сома ({asked}) конкурстың шекті сомасынан ({limit}) асады: "
                "бюджетті азайтыңыз немесе қоса қаржыландыруды көрсетіңіз",
                ru="Запрошенная сумма ({asked}) превышает предел конкурса ({limit}): "
                "уменьшите бюджет или укажите софинансирование",
            ),
            field="budget",
            asked=format_money(requested, "ru"),
            limit=format_money(limit, "ru"),
        )


def check_reviews_for_approval(conflicts: Sequence[bool], min_reviews: int) -> None:
    """Approval needs ``min_reviews`` reviews by reviewers without a conflict of
    interest; a recusal (declared conflict) does not count. Code ``grant.reviews_missing``."""
    scored = sum(1 for conflict in conflicts if not conflict)
    if scored < min_reviews:
        raise ValidationError(
            "grant.reviews_missing",
            Message(
                kk="Мақұлдау үшін мүдделер қақтығысы жоқ кемінде {need} сарапшының бағасы "
                "керек; қазір {have}",
                ru="Для одобрения нужны оценки не менее {need} экспертов без конфликта "
                "интересов; сейчас {have}",
            ),
            field="reviews",
            need=min_reviews,
            have=scored,
        )


def check_reviewer_may_score(conflict_declared: bool) -> None:
    """A reviewer who declared a conflict of interest must not score the application."""
    if conflict_declared:
        raise ValidationError(
            "grant.conflict_of_interest",
            Message(
                kk="Сіз мүдделер қақтығысын мәлімдедіңіз: бұл өтінімді бағалауға болмайды",
                ru="Вы заявили о конфликте интересов: эту заявку оценивать нельзя",
            ),
            field="conflict_declared",
        )
