"""Tables of volunteers and aid: the volunteer register, organisations that need
volunteers, assignments with their hours, aid actions.

Import these through ``civicdesk.db.models`` (which imports this module after ``Base``
exists and lists the tables in ``SYNCED_MODELS``); all four are center-owned and sync
like the rest. Head office receives volunteers and organisations' contacts without
names or contacts (``civicdesk.sync.server.minimise``).

- ``volunteers``: a person with consent (date, purposes, withdrawal; IIN optional),
  skills, settlement, availability. Erasure blanks the identity and keeps sex, age
  group and settlement, so hours stay countable.
- ``volunteer_orgs``: a school, akimat, clinic or NGO that asks for volunteers.
- ``volunteer_assignments``: one piece of work on a day with its hours, linked to the
  organisation, campaign, seminar or aid action it served where there is one.
- ``aid_actions``: what was given (money in ₸, or in kind with its unit and optionally
  its value), to how many households, with which services; the volunteers who took
  part are its assignments of kind ``aid``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.db.models import Base, SyncMixin
from civicdesk.db.types import money, quantity


class Volunteer(SyncMixin, Base):
    __tablename__ = "volunteers"
    __sync_exclude__ = frozenset({"sort_name"})
    full_name: Mapped[str] = mapped_column(String(200))
    iin: Mapped[str | None] = mapped_column(String(12))
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    age_group: Mapped[str | None] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(16))
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    skills: Mapped[str] = mapped_column(Text, default="")
    availability: Mapped[str] = mapped_column(String(200), default="")
    consent_date: Mapped[date | None] = mapped_column(Date)
    consent_form_version: Mapped[str | None] = mapped_column(String(20))
    consent_purposes: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_withdrawn_on: Mapped[date | None] = mapped_column(Date)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    #: Kazakh alphabetical order of full_name (civicdesk.db.collation)
    sort_name: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __table_args__ = (
        Index("ix_volunteers_sort", "center_id", "deleted", "sort_name"),
        Index("ix_volunteers_settlement", "settlement_id"),
    )


class VolunteerOrg(SyncMixin, Base):
    __tablename__ = "volunteer_orgs"
    __sync_exclude__ = frozenset({"sort_name"})
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str] = mapped_column(String(16), default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    sort_name: Mapped[str] = mapped_column(String(300), default="", server_default="")

    __table_args__ = (Index("ix_volunteer_orgs_sort", "center_id", "deleted", "sort_name"),)


class AidAction(SyncMixin, Base):
    __tablename__ = "aid_actions"
    title: Mapped[str] = mapped_column(String(300))
    done_on: Mapped[date] = mapped_column(Date)
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    form: Mapped[str] = mapped_column(String(10), default="kind")
    #: money: the amount given; in kind: its value where known (₸)
    amount: Mapped[Decimal | None] = mapped_column(money())
    quantity: Mapped[Decimal | None] = mapped_column(quantity())
    unit: Mapped[str] = mapped_column(String(40), default="")
    households: Mapped[int] = mapped_column(Integer, default=0)
    #: services that took part (utility workers, akimat, school …), free text
    services: Mapped[str] = mapped_column(Text, default="")
    org_id: Mapped[str | None] = mapped_column(ForeignKey("volunteer_orgs.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_aid_actions_done", "center_id", "deleted", "done_on"),)


class VolunteerAssignment(SyncMixin, Base):
    __tablename__ = "volunteer_assignments"
    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    done_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(quantity())
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    org_id: Mapped[str | None] = mapped_column(ForeignKey("volunteer_orgs.id"))
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"))
    seminar_id: Mapped[str | None] = mapped_column(ForeignKey("seminars.id"))
    aid_action_id: Mapped[str | None] = mapped_column(ForeignKey("aid_actions.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # covers the period's figures: no table reads (migration 0017_volfigures)
        Index("ix_volunteer_assignments_done", "center_id", "deleted", "done_on",
              "settlement_id", "volunteer_id", "hours"),
    )


VOLUNTEER_MODELS: tuple[type[SyncMixin], ...] = (
    Volunteer, VolunteerOrg, AidAction, VolunteerAssignment)
