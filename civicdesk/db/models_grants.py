"""Tables of small grants: calls, applications with their budget lines, reviews,
indicators and progress reports.

Import these through ``civicdesk.db.models`` (which imports this module after ``Base``
exists and lists the tables in ``SYNCED_MODELS``). Calls are owned by head office;
applications and everything under them by the center that wrote them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicdesk.db.models import Base, SyncMixin
from civicdesk.db.types import money, quantity


class GrantCall(SyncMixin, Base):
    __tablename__ = "grant_calls"
    title_kk: Mapped[str] = mapped_column(String(300))
    title_ru: Mapped[str] = mapped_column(String(300))
    region_kato: Mapped[str] = mapped_column(String(2))
    pool: Mapped[Decimal] = mapped_column(money())
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date)
    criteria: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(12), default="open")
    #: reviews without a conflict of interest needed before approval (a call setting)
    min_reviews: Mapped[int] = mapped_column(Integer, default=2, server_default="2")
    #: the most one application may ask for; None: the pool
    max_grant: Mapped[Decimal | None] = mapped_column(money())


class GrantApplication(SyncMixin, Base):
    __tablename__ = "grant_applications"
    call_id: Mapped[str] = mapped_column(ForeignKey("grant_calls.id"), index=True)
    applicant_kind: Mapped[str] = mapped_column(String(20))
    applicant_name: Mapped[str] = mapped_column(String(300))
    bin: Mapped[str | None] = mapped_column(String(12))
    leader_name: Mapped[str] = mapped_column(String(200), default="")
    contact_phone: Mapped[str] = mapped_column(String(16), default="")
    contact_email: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(300))
    problem: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    activities: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(Text, default="")
    beneficiaries: Mapped[int] = mapped_column(Integer, default=0)
    # Beneficiaries broken down (counts only, no names; None: not stated). Each breakdown
    # (by sex, by age group) adds up to at most ``beneficiaries``; youth is 14-35.
    ben_women: Mapped[int | None] = mapped_column(Integer)
    ben_men: Mapped[int | None] = mapped_column(Integer)
    ben_under_18: Mapped[int | None] = mapped_column(Integer)
    ben_18_29: Mapped[int | None] = mapped_column(Integer)
    ben_30_44: Mapped[int | None] = mapped_column(Integer)
    ben_45_59: Mapped[int | None] = mapped_column(Integer)
    ben_60_plus: Mapped[int | None] = mapped_column(Integer)
    ben_youth: Mapped[int | None] = mapped_column(Integer)
    ben_disability: Mapped[int | None] = mapped_column(Integer)
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    awarded_amount: Mapped[Decimal | None] = mapped_column(money())
    awarded_on: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(2), default="kk")

    budget_lines: Mapped[list[BudgetLine]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="BudgetLine.position",
    )


class BudgetLine(SyncMixin, Base):
    __tablename__ = "budget_lines"
    application_id: Mapped[str] = mapped_column(
        ForeignKey("grant_applications.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(20))
    item: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(40), default="")
    qty: Mapped[Decimal] = mapped_column(quantity())
    unit_cost: Mapped[Decimal] = mapped_column(money())
    cofinancing: Mapped[Decimal] = mapped_column(money(), default=Decimal(0))
    application: Mapped[GrantApplication] = relationship(back_populates="budget_lines")


class GrantReview(SyncMixin, Base):
    __tablename__ = "grant_reviews"
    application_id: Mapped[str] = mapped_column(
        ForeignKey("grant_applications.id", ondelete="CASCADE"), index=True
    )
    reviewer_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    reviewer_name: Mapped[str] = mapped_column(String(200))
    conflict_declared: Mapped[bool] = mapped_column(Boolean, default=False)
    conflict_note: Mapped[str] = mapped_column(Text, default="")
    scores: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    total_score: Mapped[Decimal | None] = mapped_column(money())
    comment: Mapped[str] = mapped_column(Text, default="")
    submitted_on: Mapped[date | None] = mapped_column(Date)


class GrantIndicator(SyncMixin, Base):
    __tablename__ = "grant_indicators"
    application_id: Mapped[str] = mapped_column(
        ForeignKey("grant_applications.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(40), default="")
    baseline: Mapped[Decimal | None] = mapped_column(quantity())
    target: Mapped[Decimal | None] = mapped_column(quantity())
    actual: Mapped[Decimal | None] = mapped_column(quantity())


class GrantReport(SyncMixin, Base):
    __tablename__ = "grant_reports"
    application_id: Mapped[str] = mapped_column(
        ForeignKey("grant_applications.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10), default="final")
    submitted_on: Mapped[date] = mapped_column(Date)
    narrative: Mapped[str] = mapped_column(Text, default="")
    spent_amount: Mapped[Decimal | None] = mapped_column(money())
