"""Closed sets of values shared by every layer (stored as their string values)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CONSULTANT = "consultant"
    MANAGER = "manager"
    HEAD_OFFICE = "head_office"


class Sex(StrEnum):
    MALE = "m"
    FEMALE = "f"


class AgeGroup(StrEnum):
    UNDER_18 = "under_18"
    A18_29 = "18_29"
    A30_44 = "30_44"
    A45_59 = "45_59"
    A60_PLUS = "60_plus"


class ConsultationChannel(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    ONLINE = "online"
    OUTREACH = "outreach"


class ConsultationStatus(StrEnum):
    OPEN = "open"
    FOLLOW_UP = "follow_up"
    CLOSED = "closed"


class MeetingKind(StrEnum):
    GATHERING = "gathering"  # сход / жиын (art. 39-3)
    MEETING = "meeting"  # собрание / жиналыс (art. 39-3)
    SEPARATE_GATHERING = "separate_gathering"  # раздельный сход / бөлек жиын


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    FINALIZED = "finalized"
    SENT_TO_AKIM = "sent_to_akim"
    AKIM_RESPONDED = "akim_responded"


class VoteOutcome(StrEnum):
    ADOPTED = "adopted"
    REJECTED = "rejected"
    NO_QUORUM = "no_quorum"
    NOT_VOTED = "not_voted"  # the meeting decided not to vote on the item
    PENDING = "pending"  # votes not yet entered


class ApplicationStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    IN_PROGRESS = "in_progress"
    REPORTED = "reported"
    CLOSED = "closed"


class BudgetCategory(StrEnum):
    PAY = "pay"  # pay and taxes
    TRAVEL = "travel"
    RENT = "rent"
    SERVICES = "services"
    MATERIALS = "materials"  # materials and equipment
    PUBLISHING = "publishing"
    ADMINISTRATION = "administration"


class ApplicantKind(StrEnum):
    INITIATIVE_GROUP = "initiative_group"
    NGO = "ngo"


class BookletLayout(StrEnum):
    A5_BOOKLET = "a5-booklet"
    A4_TRIFOLD = "a4-trifold"
    A4 = "a4"


class BilingualArrangement(StrEnum):
    PARALLEL = "parallel"  # Kazakh left, Russian right
    SEQUENTIAL = "sequential"  # Kazakh first, then Russian
