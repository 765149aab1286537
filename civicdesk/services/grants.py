"""The small-grants competition: calls, applications, budgets, reviews, awards, results.

Calls belong to head office (a manager may run one too). Applications are made at a
center or at head office; their status moves only through :func:`transition`, which
follows the domain's status machine. Awards of a call never exceed its pool: the
award is written first and the sum of the other awards is read in the same
transaction, so two awards saved at once cannot both slip under the ceiling.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
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
from civicdesk.domain.enums import ApplicantKind, ApplicationStatus, BudgetCategory, Role
from civicdesk.domain.errors import Message, UserError, ValidationError, ValidationErrors
from civicdesk.domain.grants import (
    DEFAULT_CRITERIA,
    DEFAULT_MIN_REVIEWS,
    MAX_MIN_REVIEWS,
    STATUS_NAMES,
    BudgetLine,
    BudgetTotals,
    Criterion,
    application_transition,
    budget_totals,
    check_award,
    check_budget,
    check_requested_limit,
    check_reviewer_may_score,
    check_reviews_for_approval,
    validate_budget_line,
    validate_criteria,
    weighted_score,
)
from civicdesk.domain.iin import validate_bin
from civicdesk.domain.kato import REGIONS
from civicdesk.domain.phone import normalize_phone
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector, field_errors
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    audit,
    get_live,
    paged,
    record_change,
    require_role,
    scoped,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)
from civicdesk.services.permissions import authorize

__all__ = [
    "CALL_STATUSES",
    "REPORT_KINDS",
    "ApplicationFilters",
    "ApplicationInput",
    "ApplicationRow",
    "ApplicationView",
    "BudgetLineInput",
    "BudgetLineView",
    "BudgetResult",
    "CallFilters",
    "GrantCallInput",
    "GrantCallRow",
    "GrantCallView",
    "IndicatorInput",
    "IndicatorView",
    "PoolUsage",
    "ReportInput",
    "ReportView",
    "ReviewView",
    "add_indicator",
    "add_report",
    "add_review",
    "award",
    "create_application",
    "create_call",
    "delete_application",
    "delete_indicator",
    "get_application",
    "get_call",
    "list_applications",
    "list_calls",
    "pool_usage",
    "replace_budget",
    "transition",
    "update_application",
    "update_call",
    "update_indicator",
]

CALL_STATUSES: tuple[str, ...] = ("open", "closed")
REPORT_KINDS: tuple[str, ...] = ("interim", "final")
_ZERO = Decimal(0)
_S = ApplicationStatus
# Steps that are the competition's decisions, not the applicant's.
_MANAGER_STEPS = frozenset({_S.UNDER_REVIEW, _S.APPROVED, _S.REJECTED, _S.CLOSED})
# Results (indicators) are not edited on a closed or rejected application.
_FROZEN = frozenset({_S.REJECTED, _S.CLOSED})

TITLE_REQUIRED = Message(
    kk="Конкурстың атауын қазақша және орысша жазыңыз.",
    ru="Укажите название конкурса на казахском и русском языках.",
)
REGION_UNKNOWN = Message(kk="Облысты тізімнен таңдаңыз.", ru="Выберите область из списка.")
MIN_REVIEWS_RANGE = Message(
    kk="Мақұлдауға қажет бағалар саны 1-ден {max}-ге дейін болуы керек",
    ru="Число оценок для одобрения должно быть от 1 до {max}",
)
MAX_GRANT_RANGE = Message(
    kk="Бір өтінімнің шекті сомасы нөлден үлкен және қордан аспауы керек",
    ru="Предел суммы одной заявки должен быть больше нуля и не больше фонда",
)
POOL_POSITIVE = Message(
    kk="Гранттық қордың сомасы нөлден үлкен болуы керек.",
    ru="Сумма грантового фонда должна быть больше нуля.",
)
POOL_BELOW_AWARDED = Message(
    kk="Қор бұрын берілген гранттар сомасынан ({awarded}) аз болмауы керек.",
    ru="Фонд не может быть меньше суммы уже выделенных грантов ({awarded}).",
)
DATES_ORDER = Message(
    kk="Аяқталу күні басталу күнінен ерте болмауы керек.",
    ru="Дата окончания не может быть раньше даты начала.",
)
CALL_STATUS = Message(kk="Конкурстың күйі белгісіз: {status}.", ru="Неизвестный статус конкурса: {status}.")
CALL_CLOSED = Message(
    kk="Бұл конкурс бойынша өтінім қабылданбайды ({opens} – {closes}).",
    ru="По этому конкурсу заявки не принимаются ({opens} – {closes}).",
)
NOT_OWNER = Message(
    kk="Бұл конкурсты тек оны жариялаған орталық өзгерте алады.",
    ru="Изменять этот конкурс может только центр, который его объявил.",
)
APPLICANT_KIND = Message(
    kk="Өтініш берушінің түрін таңдаңыз (бастамашыл топ немесе ҮЕҰ).",
    ru="Выберите вид заявителя (инициативная группа или НПО).",
)
TITLE_TOO_LONG = Message(
    kk="Мәтін тым ұзын ({max} таңбадан аспауы керек).",
    ru="Текст слишком длинный (не более {max} символов).",
)
EMAIL_INVALID = Message(
    kk="Электрондық пошта мекенжайы дұрыс емес.",
    ru="Неверный адрес электронной почты.",
)
BENEFICIARIES = Message(
    kk="Пайда алушылар саны теріс болмауы керек.",
    ru="Число благополучателей не может быть отрицательным.",
)
APP_LOCKED = Message(
    kk="Өтінім «{status_kk}» күйінде: оны тек жоба кезінде өзгертуге болады.",
    ru="Заявка в состоянии «{status_ru}»: изменять её можно только в черновике.",
)
SUBMIT_TITLE = Message(kk="Жобаның атауын жазыңыз.", ru="Укажите название проекта.")
SUBMIT_APPLICANT = Message(
    kk="Өтініш берушінің атауын жазыңыз.", ru="Укажите наименование заявителя."
)
SUBMIT_BUDGET = Message(
    kk="Бюджетке кемінде бір жол қосыңыз.", ru="Добавьте в бюджет хотя бы одну строку."
)
SUBMIT_BIN = Message(
    kk="Үкіметтік емес ұйымның БСН-ін жазыңыз.", ru="Укажите БИН неправительственной организации."
)
AWARD_NOT_APPROVED = Message(
    kk="Грант тек мақұлданған өтінімге беріледі.",
    ru="Грант выделяется только одобренной заявке.",
)
AWARD_REQUIRED = Message(
    kk="Алдымен грант сомасын енгізіңіз.", ru="Сначала внесите сумму гранта."
)
REPORT_REQUIRED = Message(
    kk="Алдымен есепті енгізіңіз.", ru="Сначала внесите отчёт."
)
AWARDED_LOCKED = Message(
    kk="Грант берілген өтінімді жоюға болмайды.",
    ru="Нельзя удалить заявку, по которой выделен грант.",
)
NOT_UNDER_REVIEW = Message(
    kk="Бағаларды тек қаралып жатқан өтінімге қоюға болады.",
    ru="Оценки ставятся только заявке на рассмотрении.",
)
REVIEWER_REQUIRED = Message(kk="Сарапшының аты-жөнін жазыңыз.", ru="Укажите ФИО эксперта.")
REVIEW_DUPLICATE = Message(
    kk="{name} бұл өтінімді бағалап қойған.",
    ru="{name} уже оценил(а) эту заявку.",
)
DATE_FUTURE = Message(kk="Күні болашақта болмауы керек.", ru="Дата не может быть в будущем.")
INDICATOR_NAME = Message(kk="Көрсеткіштің атауын жазыңыз.", ru="Укажите название показателя.")
RESULTS_FROZEN = Message(
    kk="Жабылған немесе қабылданбаған өтінімнің нәтижелерін өзгертуге болмайды.",
    ru="Нельзя изменять результаты закрытой или отклонённой заявки.",
)
REPORT_KIND = Message(
    kk="Есептің түрі: аралық немесе қорытынды.", ru="Вид отчёта: промежуточный или итоговый."
)
REPORT_STATUS = Message(
    kk="Есепті тек жоба орындалып жатқанда енгізуге болады.",
    ru="Отчёт вносится только во время реализации проекта.",
)
SPENT_NEGATIVE = Message(
    kk="Жұмсалған сома теріс болмауы керек.", ru="Израсходованная сумма не может быть отрицательной."
)


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class GrantCallInput:
    title_kk: str
    title_ru: str
    region_kato: str
    pool: Decimal
    opens_on: date
    closes_on: date
    criteria: tuple[Criterion, ...] = DEFAULT_CRITERIA
    status: str = "open"
    min_reviews: int = DEFAULT_MIN_REVIEWS
    max_grant: Decimal | None = None


@dataclass(frozen=True)
class GrantCallView:
    id: str
    center_id: str
    title_kk: str
    title_ru: str
    region_kato: str
    pool: Decimal
    awarded: Decimal
    left: Decimal
    opens_on: date
    closes_on: date
    criteria: tuple[Criterion, ...]
    status: str
    applications: int
    rev: int
    min_reviews: int = DEFAULT_MIN_REVIEWS
    max_grant: Decimal | None = None

    @property
    def limit(self) -> Decimal:
        """The most one application may ask for."""
        return self.max_grant if self.max_grant is not None else self.pool


@dataclass(frozen=True)
class GrantCallRow:
    id: str
    title_kk: str
    title_ru: str
    region_kato: str
    pool: Decimal
    awarded: Decimal
    left: Decimal
    opens_on: date
    closes_on: date
    status: str
    applications: int


@dataclass(frozen=True)
class CallFilters:
    region_kato: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class ApplicationInput:
    call_id: str
    applicant_kind: ApplicantKind
    applicant_name: str = ""
    title: str = ""
    bin: str | None = None
    leader_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    problem: str = ""
    goal: str = ""
    activities: str = ""
    target_group: str = ""
    beneficiaries: int = 0
    settlement_id: str | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    language: str = "kk"


@dataclass(frozen=True)
class BudgetLineInput:
    category: BudgetCategory | str
    item: str
    qty: Decimal | int | str
    unit_cost: Decimal | int | str
    unit: str = ""
    cofinancing: Decimal | int | str = 0


@dataclass(frozen=True)
class BudgetLineView:
    id: str
    position: int
    category: BudgetCategory
    item: str
    unit: str
    qty: Decimal
    unit_cost: Decimal
    cofinancing: Decimal
    total: Decimal
    requested: Decimal


@dataclass(frozen=True)
class BudgetResult:
    lines: list[BudgetLineView]
    totals: BudgetTotals
    warnings: list[Message]


@dataclass(frozen=True)
class ReviewView:
    id: str
    reviewer_name: str
    conflict_declared: bool
    conflict_note: str
    scores: dict[str, int]
    total_score: Decimal | None
    comment: str
    submitted_on: date | None


@dataclass(frozen=True)
class IndicatorInput:
    name: str
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    actual: Decimal | None = None


@dataclass(frozen=True)
class IndicatorView:
    id: str
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    actual: Decimal | None


@dataclass(frozen=True)
class ReportInput:
    submitted_on: date
    kind: str = "final"
    narrative: str = ""
    spent_amount: Decimal | None = None


@dataclass(frozen=True)
class ReportView:
    id: str
    kind: str
    submitted_on: date
    narrative: str
    spent_amount: Decimal | None


@dataclass(frozen=True)
class ApplicationView:
    id: str
    center_id: str
    call_id: str
    call_title_kk: str
    call_title_ru: str
    applicant_kind: ApplicantKind
    applicant_name: str
    bin: str | None
    leader_name: str
    contact_phone: str
    contact_email: str
    title: str
    problem: str
    goal: str
    activities: str
    target_group: str
    beneficiaries: int
    settlement_id: str | None
    starts_on: date | None
    ends_on: date | None
    status: ApplicationStatus
    awarded_amount: Decimal | None
    awarded_on: date | None
    language: str
    budget: list[BudgetLineView]
    totals: BudgetTotals
    reviews: list[ReviewView]
    average_score: Decimal | None  # mean of the scored reviews (conflicts excluded)
    indicators: list[IndicatorView]
    reports: list[ReportView]
    rev: int


@dataclass(frozen=True)
class ApplicationRow:
    id: str
    call_id: str
    title: str
    applicant_name: str
    applicant_kind: ApplicantKind
    status: ApplicationStatus
    settlement_kk: str | None
    settlement_ru: str | None
    awarded_amount: Decimal | None
    reviews: int
    updated_at: Any


@dataclass(frozen=True)
class ApplicationFilters:
    call_id: str | None = None
    status: ApplicationStatus | None = None
    settlement_id: str | None = None


@dataclass(frozen=True)
class PoolUsage:
    pool: Decimal
    awarded: Decimal
    left: Decimal
    by_status: dict[ApplicationStatus, int]


# --------------------------------------------------------------------------- helpers


def _fail(code: str, message: Message, *, field: str | None = None, **params: object) -> None:
    raise ValidationErrors([ValidationError(code, message, field=field, **params)])


def _wrap(error: UserError) -> ValidationErrors:
    return error if isinstance(error, ValidationErrors) else ValidationErrors([error])


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


# --------------------------------------------------------------------------- budget


def replace_budget(ctx: Context, app_id: str, lines: Sequence[BudgetLineInput]) -> BudgetResult:
    """Replace the budget of a draft; every line is checked (errors name the line as
    ``lines.<n>.<field>``, n from 1). Warnings (admin share, over the pool) do not stop
    saving a draft."""
    with ctx.db.session() as s:
        row = get_live(s, GrantApplication, app_id, ctx)
        _draft(row)
        call = get_live(s, GrantCall, row.call_id, ctx)
        clean: list[BudgetLine] = []
        errors: list[UserError] = []
        for n, line in enumerate(lines, start=1):
            try:
                clean.append(
                    validate_budget_line(
                        line.category, line.item, line.unit, line.qty, line.unit_cost,
                        line.cofinancing,
                    )
                )
            except UserError as e:
                errors.extend(
                    ValidationError(err.code, err.message, field=f"lines.{n}.{err.field or ''}",
                                    **err.params)
                    for err in field_errors(e)
                )
        if errors:
            raise ValidationErrors(errors)
        before = [_line_view(b).__dict__ for b in _live_lines(row)]
        existing = _live_lines(row)
        views: list[BudgetLineRow] = []
        for pos, ok in enumerate(clean, start=1):
            if pos <= len(existing):
                b = existing[pos - 1]
                old = (b.category, b.item, b.unit, b.qty, b.unit_cost, b.cofinancing, b.position)
            else:
                b = BudgetLineRow(application_id=row.id)
                stamp_new(ctx, b, center_id=row.center_id)
                row.budget_lines.append(b)
                old = None
            new = (ok.category.value, ok.item, ok.unit, ok.qty, ok.unit_cost, ok.cofinancing, pos)
            if old != new:
                (b.category, b.item, b.unit, b.qty, b.unit_cost, b.cofinancing,
                 b.position) = new
                if old is not None:
                    stamp_update(ctx, b)
            views.append(b)
        for b in existing[len(clean):]:
            b.deleted = True
            stamp_update(ctx, b)
        stamp_update(ctx, row)
        s.flush()
        after = [_line_view(b).__dict__ for b in views]
        audit(ctx, s, "budget", "grant_application", row.id,
              {"lines": _jsonable(before)}, {"lines": _jsonable(after)})
        return BudgetResult(
            lines=[_line_view(b) for b in views],
            totals=budget_totals(clean),
            warnings=check_budget(clean, requested_ceiling=call.pool),
        )


def _jsonable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {k: (str(v) if isinstance(v, Decimal) else v) for k, v in r.items()} for r in rows
    ]


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


# --------------------------------------------------------------------------- results


def _results_open(a: GrantApplication) -> None:
    if ApplicationStatus(a.status) in _FROZEN:
        _fail("grant.results_frozen", RESULTS_FROZEN, field="status")


def _apply_indicator(row: GrantIndicator, data: IndicatorInput) -> None:
    name = normalize_kk(data.name or "")
    if not name:
        _fail("grant.indicator_name", INDICATOR_NAME, field="name")
    row.name = name
    row.unit = normalize_kk(data.unit or "")
    row.baseline, row.target, row.actual = data.baseline, data.target, data.actual


def _indicator_view(i: GrantIndicator) -> IndicatorView:
    return IndicatorView(i.id, i.name, i.unit, i.baseline, i.target, i.actual)


def add_indicator(ctx: Context, app_id: str, data: IndicatorInput) -> IndicatorView:
    """An indicator with its baseline, target and (later) actual value."""
    with ctx.db.session() as s:
        app = get_live(s, GrantApplication, app_id, ctx)
        _results_open(app)
        row = GrantIndicator(application_id=app.id)
        _apply_indicator(row, data)
        stamp_new(ctx, row, center_id=app.center_id)
        s.add(row)
        s.flush()
        record_change(ctx, s, "grant_indicator", row, None)
        return _indicator_view(row)


def update_indicator(ctx: Context, indicator_id: str, data: IndicatorInput) -> IndicatorView:
    with ctx.db.session() as s:
        row = get_live(s, GrantIndicator, indicator_id, ctx)
        _results_open(get_live(s, GrantApplication, row.application_id, ctx))
        before = snapshot(row)
        _apply_indicator(row, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "grant_indicator", row, before)
        return _indicator_view(row)


def delete_indicator(ctx: Context, indicator_id: str) -> None:
    with ctx.db.session() as s:
        row = get_live(s, GrantIndicator, indicator_id, ctx)
        _results_open(get_live(s, GrantApplication, row.application_id, ctx))
        soft_delete(ctx, s, row, "grant_indicator")


def add_report(ctx: Context, app_id: str, data: ReportInput) -> ReportView:
    """An interim or final report of a project under way (or returned for changes)."""
    with ctx.db.session() as s:
        app = get_live(s, GrantApplication, app_id, ctx)
        c = Collector()
        if app.status not in (_S.IN_PROGRESS.value, _S.REPORTED.value):
            c.add("grant.report_status", REPORT_STATUS, field="status")
        if data.kind not in REPORT_KINDS:
            c.add("grant.report_kind", REPORT_KIND, field="kind")
        if data.submitted_on > ctx.today():
            c.add("grant.date_future", DATE_FUTURE, field="submitted_on")
        if data.spent_amount is not None and data.spent_amount < 0:
            c.add("grant.spent_negative", SPENT_NEGATIVE, field="spent_amount")
        c.raise_if_any()
        row = GrantReport(
            application_id=app.id, kind=data.kind, submitted_on=data.submitted_on,
            narrative=(data.narrative or "").strip(), spent_amount=data.spent_amount,
        )
        stamp_new(ctx, row, center_id=app.center_id)
        s.add(row)
        s.flush()
        record_change(ctx, s, "grant_report", row, None)
        return ReportView(row.id, row.kind, row.submitted_on, row.narrative, row.spent_amount)
