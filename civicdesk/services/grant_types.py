"""What the small-grants services take and give: inputs, views, rows, filters, and their
kk/ru messages for bad input."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from civicdesk.domain.beneficiaries import Breakdown
from civicdesk.domain.enums import ApplicantKind, ApplicationStatus, BudgetCategory
from civicdesk.domain.errors import Message, UserError, ValidationError, ValidationErrors
from civicdesk.domain.grants import (
    DEFAULT_CRITERIA,
    DEFAULT_MIN_REVIEWS,
    BudgetTotals,
    Criterion,
)

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
    breakdown: Breakdown = field(default_factory=Breakdown)
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
    breakdown: Breakdown = field(default_factory=Breakdown)


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

