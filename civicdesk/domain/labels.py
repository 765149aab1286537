"""Names of every enumeration value in Kazakh and Russian, for screens, print and export."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from .enums import (
    AgeGroup,
    ApplicantKind,
    ApplicationStatus,
    BilingualArrangement,
    BookletLayout,
    BudgetCategory,
    ConsultationChannel,
    ConsultationStatus,
    MeetingKind,
    MeetingStatus,
    Role,
    Sex,
    VoteOutcome,
)
from .errors import Lang, Message
from .grants import STATUS_NAMES
from .meetings import MEETING_STATUS_NAMES as _MEETING_STATUS_NAMES

__all__ = [
    "AGE_GROUP_NAMES",
    "APPLICANT_KIND_NAMES",
    "APPLICATION_STATUS_NAMES",
    "ARRANGEMENT_NAMES",
    "BUDGET_CATEGORY_NAMES",
    "CHANNEL_NAMES",
    "CONSULTATION_STATUS_NAMES",
    "LAYOUT_NAMES",
    "MEETING_KIND_NAMES",
    "MEETING_STATUS_NAMES",
    "ROLE_NAMES",
    "SEX_NAMES",
    "VOTE_OUTCOME_NAMES",
    "label",
    "message_for",
]

ROLE_NAMES: dict[Role, Message] = {
    Role.CONSULTANT: Message(kk="Кеңесші", ru="Консультант"),
    Role.MANAGER: Message(kk="Орталық жетекшісі", ru="Руководитель центра"),
    Role.HEAD_OFFICE: Message(kk="Бас кеңсе", ru="Головной офис"),
}

SEX_NAMES: dict[Sex, Message] = {
    Sex.MALE: Message(kk="Ер", ru="Мужской"),
    Sex.FEMALE: Message(kk="Әйел", ru="Женский"),
}

AGE_GROUP_NAMES: dict[AgeGroup, Message] = {
    AgeGroup.UNDER_18: Message(kk="18 жасқа дейін", ru="до 18 лет"),
    AgeGroup.A18_29: Message(kk="18–29 жас", ru="18–29 лет"),
    AgeGroup.A30_44: Message(kk="30–44 жас", ru="30–44 года"),
    AgeGroup.A45_59: Message(kk="45–59 жас", ru="45–59 лет"),
    AgeGroup.A60_PLUS: Message(kk="60 жас және одан үлкен", ru="60 лет и старше"),
}

CHANNEL_NAMES: dict[ConsultationChannel, Message] = {
    ConsultationChannel.IN_PERSON: Message(kk="Жеке қабылдау", ru="Личный приём"),
    ConsultationChannel.PHONE: Message(kk="Телефон арқылы", ru="По телефону"),
    ConsultationChannel.ONLINE: Message(kk="Онлайн", ru="Онлайн"),
    ConsultationChannel.OUTREACH: Message(kk="Көшпелі кеңес", ru="Выездная консультация"),
}

CONSULTATION_STATUS_NAMES: dict[ConsultationStatus, Message] = {
    ConsultationStatus.OPEN: Message(kk="Ашық", ru="Открыта"),
    ConsultationStatus.FOLLOW_UP: Message(kk="Қайта хабарласу керек", ru="Нужен повторный контакт"),
    ConsultationStatus.CLOSED: Message(kk="Жабық", ru="Закрыта"),
}

MEETING_KIND_NAMES: dict[MeetingKind, Message] = {
    MeetingKind.GATHERING: Message(
        kk="Жергілікті қоғамдастық жиыны", ru="Сход местного сообщества"
    ),
    MeetingKind.MEETING: Message(
        kk="Жергілікті қоғамдастық жиналысы", ru="Собрание местного сообщества"
    ),
    MeetingKind.SEPARATE_GATHERING: Message(
        kk="Жергілікті қоғамдастықтың бөлек жиыны", ru="Раздельный сход местного сообщества"
    ),
}

MEETING_STATUS_NAMES: dict[MeetingStatus, Message] = _MEETING_STATUS_NAMES

VOTE_OUTCOME_NAMES: dict[VoteOutcome, Message] = {
    VoteOutcome.ADOPTED: Message(kk="Қабылданды", ru="Принято"),
    VoteOutcome.REJECTED: Message(kk="Қабылданбады", ru="Не принято"),
    VoteOutcome.NO_QUORUM: Message(kk="Кворум жоқ", ru="Нет кворума"),
    VoteOutcome.PENDING: Message(kk="Дауыстар әлі енгізілмеген", ru="Голоса ещё не внесены"),
    VoteOutcome.NOT_VOTED: Message(kk="Дауыс берілмеді", ru="Голосование не проводилось"),
}

APPLICATION_STATUS_NAMES: dict[ApplicationStatus, Message] = STATUS_NAMES

BUDGET_CATEGORY_NAMES: dict[BudgetCategory, Message] = {
    BudgetCategory.PAY: Message(kk="Еңбекақы және салықтар", ru="Оплата труда и налоги"),
    BudgetCategory.TRAVEL: Message(kk="Іссапар шығыстары", ru="Командировочные расходы"),
    BudgetCategory.RENT: Message(kk="Жалға алу", ru="Аренда"),
    BudgetCategory.SERVICES: Message(kk="Қызметтер", ru="Услуги"),
    BudgetCategory.MATERIALS: Message(
        kk="Материалдар мен жабдықтар", ru="Материалы и оборудование"
    ),
    BudgetCategory.PUBLISHING: Message(kk="Баспа шығыстары", ru="Издательские расходы"),
    BudgetCategory.ADMINISTRATION: Message(kk="Әкімшілік шығыстар", ru="Административные расходы"),
}

APPLICANT_KIND_NAMES: dict[ApplicantKind, Message] = {
    ApplicantKind.INITIATIVE_GROUP: Message(kk="Бастамашыл топ", ru="Инициативная группа"),
    ApplicantKind.NGO: Message(kk="Үкіметтік емес ұйым", ru="Неправительственная организация"),
}

LAYOUT_NAMES: dict[BookletLayout, Message] = {
    BookletLayout.A5_BOOKLET: Message(
        kk="A5 кітапша (A4 парағында, ортасынан тігіледі)",
        ru="Брошюра A5 (на листах A4, скрепка по сгибу)",
    ),
    BookletLayout.A4_TRIFOLD: Message(kk="A4 үш бүктемелі буклет", ru="Евробуклет A4 (два сгиба)"),
    BookletLayout.A4: Message(kk="A4 парақ", ru="Лист A4"),
}

ARRANGEMENT_NAMES: dict[BilingualArrangement, Message] = {
    BilingualArrangement.PARALLEL: Message(
        kk="Қатар бағандар: сол жақта қазақша, оң жақта орысша",
        ru="Параллельные колонки: слева казахский, справа русский",
    ),
    BilingualArrangement.SEQUENTIAL: Message(
        kk="Алдымен қазақша, содан кейін орысша",
        ru="Сначала казахский, затем русский",
    ),
}

# Keyed by type: values of different enums compare equal as strings ("draft").
_BY_TYPE: dict[type[StrEnum], Mapping[Any, Message]] = {
    Role: ROLE_NAMES,
    Sex: SEX_NAMES,
    AgeGroup: AGE_GROUP_NAMES,
    ConsultationChannel: CHANNEL_NAMES,
    ConsultationStatus: CONSULTATION_STATUS_NAMES,
    MeetingKind: MEETING_KIND_NAMES,
    MeetingStatus: MEETING_STATUS_NAMES,
    VoteOutcome: VOTE_OUTCOME_NAMES,
    ApplicationStatus: APPLICATION_STATUS_NAMES,
    BudgetCategory: BUDGET_CATEGORY_NAMES,
    ApplicantKind: APPLICANT_KIND_NAMES,
    BookletLayout: LAYOUT_NAMES,
    BilingualArrangement: ARRANGEMENT_NAMES,
}


def message_for(value: StrEnum) -> Message:
    """Both names of an enumeration value; ``KeyError`` if it has none (a bug)."""
    return _BY_TYPE[type(value)][value]


def label(value: StrEnum, lang: Lang) -> str:
    """The name of an enumeration value in ``lang``: ``label(Sex.FEMALE, "kk") == "Әйел"``."""
    return message_for(value).text(lang)
