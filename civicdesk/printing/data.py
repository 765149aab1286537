"""What the form renderers print: plain frozen dataclasses filled by the services layer.

Bilingual reference texts (consent purposes, topics, legal acts, criteria, the legal
source of a quorum rule) are any object with ``kk`` and ``ru`` strings, e.g.
``domain.errors.Message``.  Texts a user typed are printed as typed.  ``None`` in an
optional field prints an empty field (a line to fill in by hand).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from civicdesk.domain.enums import ApplicantKind, BudgetCategory, MeetingKind, VoteOutcome

from .common import KkRu

__all__ = [
    "AgendaItemData",
    "AttendanceRow",
    "AttendanceSheetData",
    "BudgetLineData",
    "CertificateData",
    "ConsentFormData",
    "ConsultationSlipData",
    "CriterionData",
    "GrantApplicationData",
    "IndicatorData",
    "KkRu",
    "MinutesAttendee",
    "MinutesData",
    "ReviewSheetData",
]


@dataclass(frozen=True)
class ConsentFormData:
    """Written consent to the processing of personal data."""

    center_name: str  # the operator
    purposes: Sequence[KkRu]
    form_version: str
    center_address: str = ""
    resident_name: str | None = None  # None: blank lines to write the name by hand
    signed_on: date | None = None  # None: a blank date field


@dataclass(frozen=True)
class ConsultationSlipData:
    """The slip a resident takes home after a consultation."""

    center_name: str
    held_on: date
    consultant: str
    topics: Sequence[KkRu]
    question: str
    advice: str
    resident_name: str | None = None
    legal_references: Sequence[KkRu] = ()
    referral: str | None = None  # the body the resident is referred to
    follow_up_on: date | None = None
    center_phone: str = ""


@dataclass(frozen=True)
class AttendanceRow:
    name: str = ""
    settlement: str = ""
    phone: str = ""


@dataclass(frozen=True)
class AttendanceSheetData:
    """A sign-in sheet for a meeting or a seminar: ``rows`` pre-filled, then
    ``blank_rows`` empty numbered rows (25 if both are empty)."""

    title: str
    held_on: date | None = None
    place: str = ""
    center_name: str = ""
    rows: Sequence[AttendanceRow] = ()
    blank_rows: int = 0


@dataclass(frozen=True)
class MinutesAttendee:
    name: str
    settlement: str = ""
    note: str = ""  # e.g. "member", "invited", "akim's representative"


@dataclass(frozen=True)
class AgendaItemData:
    title: str
    speakers: str = ""  # as recorded: names and what they said
    proposal: str = ""
    votes_for: int | None = None  # None: no vote was taken on this item
    votes_against: int | None = None
    votes_abstain: int | None = None
    outcome: VoteOutcome | None = None
    decision: str = ""


@dataclass(frozen=True)
class MinutesData:
    """Minutes (хаттама / протокол) of a gathering, meeting or separate gathering."""

    kind: MeetingKind
    number: str
    held_on: date
    place: str
    settlement: str
    convened_by: str
    chair: str
    secretary: str
    members_eligible: int
    present: int
    quorum_reached: bool
    #: The least number present for the threshold to be met; None: no threshold.
    quorum_required: int | None
    quorum_source: KkRu  # the acts the center's threshold rests on
    starts_at: str = ""  # "HH:MM"
    ends_at: str = ""
    center_name: str = ""
    attendance: Sequence[MinutesAttendee] = ()
    agenda: Sequence[AgendaItemData] = ()
    # separate gathering: representatives elected to the gathering
    elected_representatives: Sequence[MinutesAttendee] = ()
    #: Not finalized yet: printed with ЖОБА / ПРОЕКТ.
    draft: bool = False
    #: False when finalized without a quorum ("not competent", no decisions).
    competent: bool = True


@dataclass(frozen=True)
class BudgetLineData:
    category: BudgetCategory
    item: str
    unit: str
    quantity: Decimal
    unit_cost: Decimal
    co_financing: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return self.quantity * self.unit_cost


@dataclass(frozen=True)
class IndicatorData:
    name: str
    baseline: str = ""
    target: str = ""


@dataclass(frozen=True)
class GrantApplicationData:
    """A small-grant application (``render_grant_application(None, ...)`` prints
    the blank form)."""

    call_title: str
    organisation: str
    applicant_kind: ApplicantKind
    bin: str
    leader: str
    phone: str
    email: str
    address: str
    title: str
    region: str
    starts_on: date | None
    ends_on: date | None
    problem: str
    goal: str
    activities: Sequence[str]
    target_group: str
    beneficiaries: int | None
    indicators: Sequence[IndicatorData] = ()
    budget: Sequence[BudgetLineData] = ()
    number: str = ""


@dataclass(frozen=True)
class CriterionData:
    name: KkRu
    weight: Decimal
    max_score: int
    score: int | None = None  # None: an empty box to fill in by hand
    comment: str = ""


@dataclass(frozen=True)
class ReviewSheetData:
    """A reviewer's scoring sheet for one application."""

    call_title: str
    application_number: str
    application_title: str
    applicant: str
    reviewer: str
    criteria: Sequence[CriterionData]
    no_conflict_declared: bool = False  # ticks the box of the declaration
    signed_on: date | None = None
    remarks: str = ""


@dataclass(frozen=True)
class CertificateData:
    """A certificate of attendance at a seminar."""

    participant: str
    topic: str
    held_on: date
    hours: Decimal | int
    trainer: str
    center_name: str
    number: str = ""
    place: str = ""
    extra: Sequence[str] = field(default=())
