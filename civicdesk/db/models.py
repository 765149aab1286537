"""SQLAlchemy 2 models of every CivicDesk entity.

Every synced table carries the sync columns of ``SyncMixin``. Reference data (regions,
districts, topics, legal acts) is owned by head office and only pulled by centers;
settlements may be added by a center. Local-only tables (settings, sync bookkeeping)
do not carry the sync columns.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from civicdesk.db.collation import install_events
from civicdesk.domain.ids import new_id

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: DateTime(timezone=False),
    }


class SyncMixin:
    """Columns every synced table has (DESIGN.md §3)."""

    if TYPE_CHECKING:
        __tablename__: str

    __sync__: ClassVar[bool] = True
    # Columns never sent to another node (e.g. password hashes).
    __sync_exclude__: ClassVar[frozenset[str]] = frozenset()

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    center_id: Mapped[str] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str | None] = mapped_column(String(36))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    rev: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    server_seq: Mapped[int | None] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(32), default="", server_default="")


# --------------------------------------------------------------------------- reference


class Region(SyncMixin, Base):
    __tablename__ = "regions"
    kato: Mapped[str] = mapped_column(String(2), unique=True)
    name_kk: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="region")


class District(SyncMixin, Base):
    __tablename__ = "districts"
    kato: Mapped[str | None] = mapped_column(String(4), unique=True)
    region_kato: Mapped[str] = mapped_column(String(2), index=True)
    name_kk: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))


class RuralDistrict(SyncMixin, Base):
    __tablename__ = "rural_districts"
    kato: Mapped[str | None] = mapped_column(String(6), unique=True)
    district_id: Mapped[str] = mapped_column(ForeignKey("districts.id"), index=True)
    name_kk: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))


class Settlement(SyncMixin, Base):
    """A village or town; centers may add their own."""

    __tablename__ = "settlements"
    __sync_exclude__ = frozenset({"sort_name"})
    kato: Mapped[str | None] = mapped_column(String(9), unique=True)
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"), index=True)
    rural_district_id: Mapped[str | None] = mapped_column(ForeignKey("rural_districts.id"))
    name_kk: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))
    population: Mapped[int | None] = mapped_column(Integer)
    #: Kazakh alphabetical order of name_kk (civicdesk.db.collation)
    sort_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    #: the official settlement a center's own entry was merged into (head office)
    merged_into: Mapped[str | None] = mapped_column(String(36))
    #: WGS 84 degrees, entered or from reference data (the problems map)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (
        Index("ix_settlements_name_kk", "name_kk"),
        Index("ix_settlements_sort", "sort_name"),
    )


class Topic(SyncMixin, Base):
    __tablename__ = "topics"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class LegalAct(SyncMixin, Base):
    __tablename__ = "legal_acts"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title_kk: Mapped[str] = mapped_column(Text)
    title_ru: Mapped[str] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(40))
    adopted_on: Mapped[date | None] = mapped_column(Date)


# --------------------------------------------------------------------------- people


class Center(SyncMixin, Base):
    __tablename__ = "centers"
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    region_kato: Mapped[str] = mapped_column(String(2))
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"))
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    is_head_office: Mapped[bool] = mapped_column(Boolean, default=False)
    # the operator of personal data as the consent form names it (Law No. 94-V, art. 8)
    bin: Mapped[str] = mapped_column(String(12), default="", server_default="")
    name_ru_dative: Mapped[str] = mapped_column(String(300), default="", server_default="")
    name_kk_genitive: Mapped[str] = mapped_column(String(300), default="", server_default="")
    consent_term_years: Mapped[int] = mapped_column(Integer, default=5, server_default="5")


class User(SyncMixin, Base):
    __tablename__ = "users"
    # Never sent: the password hash stays on the PC, the last sign-in is this PC's own
    # business (two PCs of a center would otherwise conflict at every sign-in), and
    # sort_name is derived locally.
    __sync_exclude__ = frozenset({"password_hash", "last_login_at", "sort_name"})
    login: Mapped[str] = mapped_column(String(80))
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(2), default="kk")
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    sort_name: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __table_args__ = (
        Index("ix_users_name", "full_name"),
        Index("ix_users_sort", "sort_name"),
        UniqueConstraint("center_id", "login", name="uq_users_center_login"),
    )


class Resident(SyncMixin, Base):
    __tablename__ = "residents"
    __sync_exclude__ = frozenset({"sort_name"})
    full_name: Mapped[str] = mapped_column(String(200))
    iin: Mapped[str | None] = mapped_column(String(12))
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    age_group: Mapped[str | None] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(16))
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"), index=True)
    disability: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date)
    consent_form_version: Mapped[str | None] = mapped_column(String(20))
    consent_purposes: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_withdrawn_on: Mapped[date | None] = mapped_column(Date)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    sort_name: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __table_args__ = (
        Index("ix_residents_name", "full_name"),
        Index("ix_residents_sort", "sort_name"),
        Index("ix_residents_iin", "iin"),
        Index("ix_residents_live", "center_id", "deleted"),
    )


# --------------------------------------------------------------------------- consultations


class Consultation(SyncMixin, Base):
    __tablename__ = "consultations"
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(12))
    resident_id: Mapped[str | None] = mapped_column(ForeignKey("residents.id"), index=True)
    consultant_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    topic_code: Mapped[str] = mapped_column(String(40))
    question: Mapped[str] = mapped_column(Text)
    advice: Mapped[str] = mapped_column(Text, default="")
    legal_refs: Mapped[str] = mapped_column(Text, default="")
    referral_to: Mapped[str] = mapped_column(String(300), default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open")
    language: Mapped[str] = mapped_column(String(2), default="kk")

    topics: Mapped[list[ConsultationTopic]] = relationship(
        back_populates="consultation", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_consultations_occurred", "occurred_at"),
        Index("ix_consultations_topic", "topic_code", "occurred_at"),
        Index("ix_consultations_status", "status", "occurred_at"),
        Index("ix_consultations_channel", "channel", "occurred_at"),
        Index("ix_consultations_consultant", "consultant_id", "occurred_at"),
        Index("ix_consultations_settlement", "settlement_id", "occurred_at"),
        Index("ix_consultations_follow_up", "follow_up_on"),
        Index("ix_consultations_follow_up_at", "follow_up_on", "occurred_at"),
        Index("ix_consultations_question", text("substr(question, 1, 60)"), "occurred_at"),
        Index("ix_consultations_live", "center_id", "deleted"),
    )


class ConsultationTopic(SyncMixin, Base):
    """Extra topics of a consultation beyond its main ``topic_code``."""

    __tablename__ = "consultation_topics"
    consultation_id: Mapped[str] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    topic_code: Mapped[str] = mapped_column(String(40))
    consultation: Mapped[Consultation] = relationship(back_populates="topics")


# --------------------------------------------------------------------------- meetings


class Meeting(SyncMixin, Base):
    __tablename__ = "meetings"
    kind: Mapped[str] = mapped_column(String(24))
    number: Mapped[str] = mapped_column(String(20), default="")
    held_on: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[str] = mapped_column(String(5), default="")
    ends_at: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    convened_by: Mapped[str] = mapped_column(String(300), default="")
    chair_name: Mapped[str] = mapped_column(String(200), default="")
    secretary_name: Mapped[str] = mapped_column(String(200), default="")
    members_eligible: Mapped[int] = mapped_column(Integer, default=0)
    members_present: Mapped[int] = mapped_column(Integer, default=0)
    quorum_rule_version: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime)
    sent_to_akim_on: Mapped[date | None] = mapped_column(Date)
    akim_response_on: Mapped[date | None] = mapped_column(Date)
    akim_response: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    #: Finalized without a quorum: recorded as not competent, no decisions.
    not_competent: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    attendees: Mapped[list[MeetingAttendee]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="AgendaItem.position",
    )


class MeetingAttendee(SyncMixin, Base):
    __tablename__ = "meeting_attendees"
    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    resident_id: Mapped[str | None] = mapped_column(ForeignKey("residents.id"))
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="member")
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    elected_representative: Mapped[bool] = mapped_column(Boolean, default=False)
    meeting: Mapped[Meeting] = relationship(back_populates="attendees")


class AgendaItem(SyncMixin, Base):
    __tablename__ = "agenda_items"
    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    speakers: Mapped[str] = mapped_column(Text, default="")
    proposal: Mapped[str] = mapped_column(Text, default="")
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    votes_abstain: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(12), default="not_voted")
    decision: Mapped[str] = mapped_column(Text, default="")
    meeting: Mapped[Meeting] = relationship(back_populates="agenda")


# --------------------------------------------------------------------------- seminars


class SeminarSeries(SyncMixin, Base):
    """Seminars held as one plan (e.g. 16 one-day seminars in 8 regions)."""

    __tablename__ = "seminar_series"
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    planned: Mapped[int] = mapped_column(Integer, default=0)  # seminars planned
    # a head-office programme (reference data); no foreign key, as for campaign targets
    programme_id: Mapped[str | None] = mapped_column(String(36), index=True)


class Seminar(SyncMixin, Base):
    __tablename__ = "seminars"
    series_id: Mapped[str | None] = mapped_column(ForeignKey("seminar_series.id"), index=True)
    audience: Mapped[str] = mapped_column(String(12), default="residents")  # or "officials"
    title: Mapped[str] = mapped_column(String(300))
    topic: Mapped[str] = mapped_column(String(40), default="")
    held_on: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    trainer: Mapped[str] = mapped_column(String(200), default="")
    hours: Mapped[int] = mapped_column(Integer, default=0)

    participants: Mapped[list[SeminarParticipant]] = relationship(
        back_populates="seminar", cascade="all, delete-orphan"
    )


class SeminarParticipant(SyncMixin, Base):
    __tablename__ = "seminar_participants"
    seminar_id: Mapped[str] = mapped_column(
        ForeignKey("seminars.id", ondelete="CASCADE"), index=True
    )
    resident_id: Mapped[str | None] = mapped_column(ForeignKey("residents.id"))
    full_name: Mapped[str] = mapped_column(String(200))
    attended: Mapped[bool] = mapped_column(Boolean, default=True)
    pre_score: Mapped[int | None] = mapped_column(Integer)
    post_score: Mapped[int | None] = mapped_column(Integer)
    # Typed in at the seminar (a linked resident's own record is used where these are
    # empty); None: not stated.
    sex: Mapped[str | None] = mapped_column(String(1))
    age_group: Mapped[str | None] = mapped_column(String(12))
    youth: Mapped[bool | None] = mapped_column(Boolean)  # 14-35 years old
    disability: Mapped[bool | None] = mapped_column(Boolean)
    seminar: Mapped[Seminar] = relationship(back_populates="participants")


# --------------------------------------------------------------------------- booklets


class Booklet(SyncMixin, Base):
    __tablename__ = "booklets"
    template_name: Mapped[str | None] = mapped_column(String(80))
    #: "full" or "trifold": which edition of the template the content came from.
    template_edition: Mapped[str | None] = mapped_column(String(16))
    title_kk: Mapped[str] = mapped_column(String(300))
    title_ru: Mapped[str] = mapped_column(String(300))
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    layout: Mapped[str] = mapped_column(String(16), default="a5-booklet")
    arrangement: Mapped[str] = mapped_column(String(12), default="parallel")
    edition: Mapped[int] = mapped_column(Integer, default=1)
    edition_date: Mapped[date | None] = mapped_column(Date)


class PrintRun(SyncMixin, Base):
    __tablename__ = "print_runs"
    booklet_id: Mapped[str] = mapped_column(ForeignKey("booklets.id"), index=True)
    copies: Mapped[int] = mapped_column(Integer)
    printed_on: Mapped[date] = mapped_column(Date)
    layout: Mapped[str] = mapped_column(String(16), default="a5-booklet")
    note: Mapped[str] = mapped_column(Text, default="")


class Distribution(SyncMixin, Base):
    __tablename__ = "distributions"
    print_run_id: Mapped[str] = mapped_column(ForeignKey("print_runs.id"), index=True)
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    copies: Mapped[int] = mapped_column(Integer)
    distributed_on: Mapped[date] = mapped_column(Date)
    # Who handed the copies out (staff / volunteers) and to how many people in person.
    handed_by: Mapped[str] = mapped_column(String(10), default="staff", server_default="staff")
    people_briefed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


# --------------------------------------------------------------------------- audit, files


class AuditEntry(SyncMixin, Base):
    """Who saw or changed what, when; before/after as JSON. Append-only."""

    __tablename__ = "audit_log"
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[str | None] = mapped_column(String(36))
    user_name: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The hash chain (civicdesk.services.audit_chain): per device, each entry carries
    # the previous entry's hash, so a changed or removed entry breaks the chain.
    chain_device: Mapped[str | None] = mapped_column(String(36))
    chain_seq: Mapped[int | None] = mapped_column(Integer)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    values_hash: Mapped[str | None] = mapped_column(String(64))
    entry_hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        Index("ix_audit_chain", "chain_device", "chain_seq"),
    )


class Attachment(SyncMixin, Base):
    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(300))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))


# --------------------------------------------------------------------------- local only


class SignInFailure(Base):
    """Wrong passwords per login on this PC (growing delays, then a lockout)."""

    __tablename__ = "sign_in_failures"
    __sync__: ClassVar[bool] = False
    center_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    login: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_at: Mapped[datetime | None] = mapped_column(DateTime)
    locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Setting(Base):
    """Local settings of this installation (not synced)."""

    __tablename__ = "app_settings"
    __sync__: ClassVar[bool] = False
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


# Measured campaigns live in their own module; it needs Base, so it comes after it
# (import those models from here, not from that module).
from civicdesk.db.models_campaigns import CAMPAIGN_MODELS  # noqa: E402
from civicdesk.db.models_campaigns import Campaign as Campaign  # noqa: E402, PLC0414
from civicdesk.db.models_campaigns import SurveySheet as SurveySheet  # noqa: E402, PLC0414
from civicdesk.db.models_campaigns import SurveyWave as SurveyWave  # noqa: E402, PLC0414
from civicdesk.db.models_grants import BudgetLine as BudgetLine  # noqa: E402, PLC0414
from civicdesk.db.models_grants import GrantApplication as GrantApplication  # noqa: E402, PLC0414
from civicdesk.db.models_grants import GrantCall as GrantCall  # noqa: E402, PLC0414
from civicdesk.db.models_grants import GrantIndicator as GrantIndicator  # noqa: E402, PLC0414
from civicdesk.db.models_grants import GrantReport as GrantReport  # noqa: E402, PLC0414
from civicdesk.db.models_grants import GrantReview as GrantReview  # noqa: E402, PLC0414
from civicdesk.db.models_problems import PROBLEM_MODELS  # noqa: E402
from civicdesk.db.models_problems import FocusGroup as FocusGroup  # noqa: E402, PLC0414
from civicdesk.db.models_problems import NeedsAssessment as NeedsAssessment  # noqa: E402, PLC0414
from civicdesk.db.models_problems import Problem as Problem  # noqa: E402, PLC0414
from civicdesk.db.models_problems import ProblemLink as ProblemLink  # noqa: E402, PLC0414
from civicdesk.db.models_problems import ProblemMention as ProblemMention  # noqa: E402, PLC0414
from civicdesk.db.models_problems import ProblemStep as ProblemStep  # noqa: E402, PLC0414
from civicdesk.db.models_problems import SurveyResponse as SurveyResponse  # noqa: E402, PLC0414
from civicdesk.db.models_programmes import PROGRAMME_MODELS, PROGRAMME_TABLES  # noqa: E402
from civicdesk.db.models_programmes import Programme as Programme  # noqa: E402, PLC0414
from civicdesk.db.models_programmes import (  # noqa: E402
    ProgrammeTarget as ProgrammeTarget,  # noqa: PLC0414
)
from civicdesk.db.models_volunteers import VOLUNTEER_MODELS  # noqa: E402
from civicdesk.db.models_volunteers import AidAction as AidAction  # noqa: E402, PLC0414
from civicdesk.db.models_volunteers import Volunteer as Volunteer  # noqa: E402, PLC0414
from civicdesk.db.models_volunteers import (  # noqa: E402
    VolunteerAssignment as VolunteerAssignment,  # noqa: PLC0414
)
from civicdesk.db.models_volunteers import VolunteerOrg as VolunteerOrg  # noqa: E402, PLC0414

__all__ = [name for name in dir() if not name.startswith("_")]

SYNCED_MODELS: tuple[type[SyncMixin], ...] = (
    Region,
    District,
    RuralDistrict,
    Settlement,
    Topic,
    LegalAct,
    Center,
    User,
    Resident,
    Consultation,
    ConsultationTopic,
    Meeting,
    MeetingAttendee,
    AgendaItem,
    GrantCall,
    GrantApplication,
    BudgetLine,
    GrantReview,
    GrantIndicator,
    GrantReport,
    SeminarSeries,
    Seminar,
    SeminarParticipant,
    Booklet,
    PrintRun,
    Distribution,
    AuditEntry,
    Attachment,
    *CAMPAIGN_MODELS,
    *PROGRAMME_MODELS,
    *VOLUNTEER_MODELS,
    *PROBLEM_MODELS,
)

install_events(Resident, User, Settlement, Volunteer, VolunteerOrg)

# Owned by head office; centers only pull these.
REFERENCE_TABLES: frozenset[str] = frozenset(
    {"regions", "districts", "rural_districts", "topics", "legal_acts", "grant_calls"}
    | PROGRAMME_TABLES
)
