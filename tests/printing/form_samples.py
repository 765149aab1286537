"""Sample form data for the printing tests and the benchmarks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from civicdesk.domain.enums import ApplicantKind, BudgetCategory, MeetingKind, VoteOutcome
from civicdesk.domain.errors import Message
from civicdesk.printing.data import (
    AgendaItemData,
    AttendanceRow,
    AttendanceSheetData,
    BudgetLineData,
    CertificateData,
    ConsentFormData,
    ConsultationSlipData,
    CriterionData,
    GrantApplicationData,
    IndicatorData,
    MinutesAttendee,
    MinutesData,
    ReviewSheetData,
)

CENTER = "Ақсу ауылдық округінің ЖӨБД орталығы"
SETTLEMENTS = ["Ақсу ауылы", "Қарағаш ауылы", "Жаңаталап ауылы", "Үшқоңыр ауылы"]
NAMES = [
    "Әбілқасымова Гүлнұр Серікқызы",
    "Нұрғалиев Қайрат Өмірұлы",
    "Иванова Ольга Петровна",
    "Жұмабеков Ерғали Һадиұлы",
    "Сейітқали Айгүл Болатқызы",
]
QUORUM_SOURCE = Message(
    kk="Заңның 39-3-бабының 3-1-тармағы; Жергілікті қоғамдастық жиналысының үлгілік регламенті (№ 295).",
    ru="п. 3-1 ст. 39-3 Закона; Типовой регламент собрания местного сообщества (№ 295).",
)


def minutes(attendees: int = 12, items: int = 3) -> MinutesData:
    agenda = [
        AgendaItemData(
            title=f"Ауыл көшелерін жарықтандыру туралы / Об освещении улиц села ({i + 1})",
            speakers="Нұрғалиев Қ. Ө. — ауыл әкімі: жарықтандыру жобасы 2 500 000 ₸ тұрады. "
            "Иванова О. П. — предложила начать с улицы Абая.",
            proposal="Абай және Сәтбаев көшелерін бірінші кезекте жарықтандыру.",
            votes_for=9,
            votes_against=1,
            votes_abstain=2,
            outcome=VoteOutcome.ADOPTED if i % 3 else VoteOutcome.REJECTED,
            decision="Ауыл әкіміне 2025 жылғы бюджетке ұсыныс енгізу тапсырылсын. "
            "Поручить акиму села внести предложение в бюджет на 2025 год.",
        )
        for i in range(items)
    ]
    return MinutesData(
        kind=MeetingKind.MEETING,
        number="7",
        held_on=date(2025, 2, 22),
        starts_at="10:00",
        ends_at="12:30",
        place="Ақсу ауылының мәдениет үйі / Дом культуры села Аксу",
        settlement="Ақсу ауылы",
        convened_by="Ақсу ауылдық округінің әкімі Б. Сапарбаев",
        chair=NAMES[0],
        secretary=NAMES[2],
        members_eligible=15,
        present=12,
        quorum_reached=True,
        quorum_required=8,
        quorum_source=QUORUM_SOURCE,
        center_name=CENTER,
        attendance=[
            MinutesAttendee(
                f"{NAMES[i % len(NAMES)]} {i + 1}", SETTLEMENTS[i % len(SETTLEMENTS)], "мүше / член"
            )
            for i in range(attendees)
        ],
        agenda=agenda,
    )


def separate_gathering() -> MinutesData:
    m = minutes(8, 1)
    return MinutesData(
        **{
            **m.__dict__,
            "kind": MeetingKind.SEPARATE_GATHERING,
            "elected_representatives": [MinutesAttendee(NAMES[1], "Абай к-сі / ул. Абая")],
        }
    )


def consent(blank: bool = False) -> ConsentFormData:
    return ConsentFormData(
        center_name=CENTER,
        center_address="Ақсу ауылы, Абай көшесі, 12",
        purposes=[
            Message(
                "кеңес беру және оның нәтижесін хабарлау",
                "консультирование и сообщение о его результатах",
            ),
            Message("семинарларға және жиындарға шақыру", "приглашение на семинары и сходы"),
            Message(
                "орталық жұмысы туралы жиынтық есептер (иесіздендірілген)",
                "сводные отчёты о работе центра (обезличенные)",
            ),
        ],
        form_version="2025-01",
        resident_name=None if blank else NAMES[0],
        signed_on=None if blank else date(2025, 2, 22),
    )


def slip() -> ConsultationSlipData:
    return ConsultationSlipData(
        center_name=CENTER,
        held_on=date(2025, 2, 22),
        consultant=NAMES[3],
        topics=[
            Message("Жиынды ұйымдастыру", "Организация схода"),
            Message("Бюджетке қатысу", "Участие в бюджете"),
        ],
        question="Көше жарығы туралы ұсынысты жиынға қалай енгізуге болады?\nКто может созвать сход?",
        advice="Ауыл әкіміне жазбаша ұсыныс беріңіз; жиынды әкім шақырады. "
        "Предложение в повестку подаётся письменно не позднее чем за 10 дней.",
        resident_name=NAMES[4],
        legal_references=[Message("Заңның 39-2-бабы", "Статья 39-2 Закона")],
        referral="Ақсу ауылдық округінің әкімі аппараты",
        follow_up_on=date(2025, 3, 3),
        center_phone="+7 701 000 00 00",
    )


def attendance(rows: int = 6) -> AttendanceSheetData:
    return AttendanceSheetData(
        title="Қаржылық сауаттылық семинары / Семинар по финансовой грамотности",
        held_on=date(2025, 2, 22),
        place="Ақсу ауылы, мектеп",
        center_name=CENTER,
        rows=[
            AttendanceRow(NAMES[i % 5], SETTLEMENTS[i % 4], "+7 701 000 00 0" + str(i % 10))
            for i in range(rows)
        ],
        blank_rows=10,
    )


def grant() -> GrantApplicationData:
    return GrantApplicationData(
        call_title="Шағын гранттар конкурсы 2025 / Конкурс малых грантов 2025",
        organisation="«Ақсу жастары» бастамашыл тобы",
        applicant_kind=ApplicantKind.INITIATIVE_GROUP,
        bin="",
        leader=NAMES[4],
        phone="+7 701 000 00 00",
        email="aksu@example.kz",
        address="Ақсу ауылы, Абай көшесі, 12",
        title="Ауыл тұрғындарының цифрлық сауаттылығы / Цифровая грамотность жителей села",
        region="Абай облысы / область Абай",
        starts_on=date(2025, 4, 1),
        ends_on=date(2025, 10, 31),
        problem="Ауылдың егде тұрғындарының 60 %-ы электрондық үкімет қызметтерін пайдалана алмайды.",
        goal="Тұрғындардың цифрлық сауаттылығын арттыру.",
        activities=["6 семинар өткізу", "Кеңес беру пунктін ашу", "Кітапша шығару (300 дана)"],
        target_group="60 жастан асқан тұрғындар / жители старше 60 лет",
        beneficiaries=120,
        indicators=[IndicatorData("Хабардарлық / Осведомлённость", "20 %", "60 %")],
        budget=[
            BudgetLineData(
                BudgetCategory.PAY, "Тренер / Тренер", "күн", Decimal(6), Decimal(40000)
            ),
            BudgetLineData(
                BudgetCategory.RENT,
                "Зал жалдау / Аренда зала",
                "сағ.",
                Decimal(24),
                Decimal(5000),
                Decimal(60000),
            ),
            BudgetLineData(
                BudgetCategory.PUBLISHING,
                "Кітапша / Буклет",
                "дана",
                Decimal(300),
                Decimal("350.50"),
            ),
            BudgetLineData(
                BudgetCategory.MATERIALS,
                "Ноутбук",
                "дана",
                Decimal(2),
                Decimal(250000),
                Decimal(100000),
            ),
        ],
        number="G-2025-014",
    )


def review(filled: bool = True) -> ReviewSheetData:
    names = [
        Message("Өзектілігі", "Актуальность"),
        Message("Жоба логикасы", "Логика проекта"),
        Message("Бюджеттің негізділігі", "Обоснованность бюджета"),
        Message("Ұйымның әлеуеті", "Потенциал организации"),
        Message("Тұрақтылығы", "Устойчивость"),
    ]
    weights = [Decimal("0.3"), Decimal("0.2"), Decimal("0.2"), Decimal("0.15"), Decimal("0.15")]
    return ReviewSheetData(
        call_title="Шағын гранттар конкурсы 2025 / Конкурс малых грантов 2025",
        application_number="G-2025-014",
        application_title="Ауыл тұрғындарының цифрлық сауаттылығы",
        applicant="«Ақсу жастары» бастамашыл тобы",
        reviewer=NAMES[2],
        criteria=[
            CriterionData(n, w, 10, (8 - i) if filled else None, "Жақсы / Хорошо" if filled else "")
            for i, (n, w) in enumerate(zip(names, weights, strict=True))
        ],
        no_conflict_declared=filled,
        signed_on=date(2025, 3, 10) if filled else None,
    )


def certificate() -> CertificateData:
    return CertificateData(
        participant=NAMES[0],
        topic="Қаржылық сауаттылық / Финансовая грамотность",
        held_on=date(2025, 2, 22),
        hours=6,
        trainer=NAMES[3],
        center_name=CENTER,
        number="0042",
        place="Ақсу ауылы",
    )
