"""The statistics of a period as frozen dataclasses: what the report page, the quarterly
PDF and the XLSX export all read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from civicdesk.domain.enums import ApplicationStatus
from civicdesk.domain.errors import Message
from civicdesk.domain.periods import Period
from civicdesk.services.base import ACCESS_DENIED

#: The key of "not stated / unknown" in every breakdown (a NULL in the data).
NOT_STATED = ""
_NOT_STATED_NAME = Message(kk="Көрсетілмеген", ru="Не указано")
_UNKNOWN_CENTER = Message(kk="Белгісіз орталық", ru="Неизвестный центр")

#: Applications that received money (their beneficiaries are counted).
FUNDED_STATUSES: tuple[ApplicationStatus, ...] = (
    ApplicationStatus.APPROVED,
    ApplicationStatus.IN_PROGRESS,
    ApplicationStatus.REPORTED,
    ApplicationStatus.CLOSED,
)

Dimension = Literal[
    "total", "topic", "channel", "settlement", "sex", "age_group", "sex_age", "consultant",
    "status", "overdue", "center", "region",
]
#: What ``drill`` opens; ``sex_age`` takes the key ``"<sex>|<age group>"``.
DIMENSIONS: tuple[str, ...] = (
    "total", "topic", "channel", "settlement", "sex", "age_group", "sex_age", "consultant",
    "status", "overdue", "center", "region",
)

BAD_DIMENSION = Message(
    kk="Бұл көрсеткіш бойынша тізім ашылмайды: {dimension}.",
    ru="Для этого показателя список не открывается: {dimension}.",
)
OTHER_CENTER = ACCESS_DENIED


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Count:
    """One line of a breakdown: a key (``NOT_STATED`` for none), its names, a count."""

    key: str
    kk: str
    ru: str
    count: int

    def name(self, lang: Literal["kk", "ru"]) -> str:
        return self.kk if lang == "kk" else self.ru


@dataclass(frozen=True)
class ConsultationStats:
    total: int
    residents: int  # distinct residents consulted
    overdue: int  # follow-ups overdue on the report date
    by_topic: list[Count]
    by_channel: list[Count]
    by_settlement: list[Count]
    by_sex: list[Count]
    by_age_group: list[Count]
    by_consultant: list[Count]
    by_status: list[Count]
    #: sex key -> age group key -> count (keys as in by_sex / by_age_group)
    sex_age: dict[str, dict[str, int]]


@dataclass(frozen=True)
class MeetingStats:
    held: int
    with_quorum: int
    quorum_share: Decimal | None  # percent, one decimal; None when none were held
    by_kind: list[Count]
    agenda_items: int
    decisions: int  # agenda items adopted
    rejected: int
    members_present: int


@dataclass(frozen=True)
class CallStats:
    call_id: str
    title_kk: str
    title_ru: str
    region_kato: str
    pool: Decimal
    awarded: Decimal
    left: Decimal
    applications: int
    by_status: list[Count]
    funded: int
    beneficiaries: int  # of the funded applications


@dataclass(frozen=True)
class GrantStats:
    calls: list[CallStats]
    applications: int
    funded: int
    beneficiaries: int
    pool: Decimal
    awarded: Decimal
    left: Decimal


@dataclass(frozen=True)
class SeminarRow:
    seminar_id: str
    title: str
    held_on: date
    participants: int
    attended: int


@dataclass(frozen=True)
class SeminarStats:
    seminars: int
    participants: int
    attended: int
    avg_pre: Decimal | None
    avg_post: Decimal | None
    rows: list[SeminarRow]


@dataclass(frozen=True)
class BookletStats:
    print_runs: int
    printed: int  # copies printed in the period
    distributed: int  # copies handed out in the period
    by_settlement: list[Count]


@dataclass(frozen=True)
class UnitRow:
    """One center or one region at head office."""

    key: str
    kk: str
    ru: str
    consultations: int
    residents: int
    overdue: int
    meetings: int
    with_quorum: int
    decisions: int
    applications: int
    seminars: int
    participants: int
    distributed: int


@dataclass(frozen=True)
class Report:
    period: Period
    generated_on: date
    center_id: str | None  # None: every center (head office)
    center_kk: str
    center_ru: str
    head_office: bool
    consultations: ConsultationStats
    meetings: MeetingStats
    grants: GrantStats
    seminars: SeminarStats
    booklets: BookletStats
    centers: list[UnitRow] = field(default_factory=list)
    regions: list[UnitRow] = field(default_factory=list)


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in percent with one decimal; None when ``whole`` is 0."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


