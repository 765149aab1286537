"""Sample records for the meetings, grants, seminars and booklets screens.

Built through the services (never raw SQL), for tests and for looking at the
screens with data in them. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from civicdesk.domain.enums import ApplicantKind, ApplicationStatus, BudgetCategory, MeetingKind
from civicdesk.services import booklets, grants, meetings, reference, residents, seminars
from civicdesk.services.base import Context

__all__ = ["Sample", "build_sample"]


@dataclass(frozen=True)
class Sample:
    settlement_id: str
    resident_id: str
    meeting_id: str
    call_id: str
    application_id: str
    approved_id: str
    seminar_id: str
    booklet_id: str


def build_sample(ctx: Context) -> Sample:
    today = ctx.today()
    village = reference.add_settlement(ctx, "Ақсу ауылы", "село Аксу")
    resident = residents.create_resident(
        ctx,
        residents.ResidentInput(
            full_name="Гүлжан Әбілқасымова", settlement_id=village.id,
            consent_date=today - timedelta(days=3), consent_purposes=["consultation"],
        ),
    )

    m = meetings.create_meeting(
        ctx,
        meetings.MeetingInput(
            kind=MeetingKind.MEETING, held_on=today - timedelta(days=2), number="7",
            starts_at="10:00", ends_at="12:30", place="Мәдениет үйі, Абай көшесі 12",
            settlement_id=village.id, convened_by="Ақсу ауылының әкімі Қ. Өтебаев",
            chair_name="Серік Әлиев", secretary_name="Гүлнар Оспанова", members_eligible=9,
        ),
    )
    names = ["Серік Әлиев", "Гүлнар Оспанова", "Айгүл Сәрсенова", "Бауыржан Төлеуов",
             "Жанар Құлова", "Нұрлан Үсенов", "Әлия Ғабитова"]
    roles = ["chair", "secretary"] + ["member"] * 5
    meetings.set_attendance(ctx, m.id, [
        meetings.AttendeeInput(full_name=n, role=r, present=i != 6)
        for i, (n, r) in enumerate(zip(names, roles, strict=True))
    ] + [meetings.AttendeeInput(full_name="Ерлан Қайратұлы (аудан әкімдігі)", role="guest")])
    first = meetings.add_agenda_item(ctx, m.id, meetings.AgendaItemInput(
        title="Ауыл ішіндегі жолдарды жөндеу туралы", speakers="Б. Төлеуов",
        proposal="Жөндеуді 2026 жылғы бюджетке енгізу"))
    meetings.record_votes(ctx, first.id, 5, 1, 0, "Ауыл әкіміне жөндеу жоспарын ұсыну")
    second = meetings.add_agenda_item(ctx, m.id, meetings.AgendaItemInput(
        title="Көше жарығы", speakers="А. Сәрсенова"))
    meetings.record_votes(ctx, second.id, 2, 3, 1)

    call = grants.create_call(ctx, grants.GrantCallInput(
        title_kk="Шағын гранттар конкурсы 2026 — Алматы облысы",
        title_ru="Конкурс малых грантов 2026 — Алматинская область",
        region_kato="19", pool=Decimal(1_000_000),
        opens_on=today - timedelta(days=30), closes_on=today + timedelta(days=30)))
    app = grants.create_application(ctx, grants.ApplicationInput(
        call_id=call.id, applicant_kind=ApplicantKind.INITIATIVE_GROUP,
        applicant_name="«Ақсу жастары» бастамашыл тобы", title="Ауыл кітапханасында цифрлық сауаттылық сабақтары",
        leader_name="Дәурен Қасымов", contact_phone="+77011234567",
        problem="Ауылдағы егде тұрғындар мемлекеттік қызметтерді онлайн алуды білмейді.",
        goal="100 тұрғынды eGov порталын пайдалануға үйрету.",
        activities="Сабақтар кестесін жасау\nОн екі сабақ өткізу\nҚорытынды сауалнама",
        target_group="60 жастан асқан тұрғындар", beneficiaries=100, settlement_id=village.id,
        starts_on=today + timedelta(days=40), ends_on=today + timedelta(days=160)))
    grants.replace_budget(ctx, app.id, [
        grants.BudgetLineInput(BudgetCategory.PAY, "Жаттықтырушының еңбекақысы", 12, 15000, "сабақ"),
        grants.BudgetLineInput(BudgetCategory.MATERIALS, "Үлестірме материалдар", 100, 800, "дана", 20000),
        grants.BudgetLineInput(BudgetCategory.RENT, "Зал жалдау", 12, 5000, "күн"),
        grants.BudgetLineInput(BudgetCategory.ADMINISTRATION, "Байланыс қызметтері", 4, 10000, "ай"),
    ])
    grants.add_indicator(ctx, app.id, grants.IndicatorInput(
        name="Хабардарлық", unit="%", baseline=Decimal(20), target=Decimal(60)))

    other = grants.create_application(ctx, grants.ApplicationInput(
        call_id=call.id, applicant_kind=ApplicantKind.INITIATIVE_GROUP,
        applicant_name="Қарасу ауылының әйелдер кеңесі", title="Балалар алаңын абаттандыру"))
    grants.replace_budget(ctx, other.id, [
        grants.BudgetLineInput(BudgetCategory.MATERIALS, "Құм мен тақтай", 1, 600000, "жинақ")])
    for step in (ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW):
        grants.transition(ctx, other.id, step)
    for reviewer in ("Марат Сейітов", "Айнұр Бекова"):  # the call's reviews before approval
        grants.add_review(ctx, other.id, reviewer, False, {c.code: 8 for c in call.criteria})
    grants.transition(ctx, other.id, ApplicationStatus.APPROVED)
    grants.award(ctx, other.id, Decimal(600000), today)

    sem = seminars.create_seminar(ctx, seminars.SeminarInput(
        title="Қаржылық сауаттылық", topic="Отбасылық бюджет", held_on=today - timedelta(days=1),
        place="Ақсу мектебі", settlement_id=village.id, trainer="Әйгерім Сұлтанова", hours=6))
    seminars.add_participant(ctx, sem.id, seminars.ParticipantInput(resident_id=resident.id, pre_score=4, post_score=8))
    for n, (pre, post) in zip(("Ұлжан Өмірзақова", "Тимур Ким", "Һадия Ахметова"), ((3, 7), (5, 9), (6, 6)), strict=True):
        seminars.add_participant(ctx, sem.id, seminars.ParticipantInput(full_name=n, pre_score=pre, post_score=post))

    names_t = [t.name for t in booklets.list_templates()]
    book = booklets.create_from_template(ctx, names_t[0], edition_date=today)
    return Sample(village.id, resident.id, m.id, call.id, app.id, other.id, sem.id, book.id)


