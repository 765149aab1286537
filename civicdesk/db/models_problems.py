"""Tables of the joint needs assessment and the problems register.

Import these through ``civicdesk.db.models`` (which lists them in ``SYNCED_MODELS``);
all are center-owned and sync like the rest. No table holds a participant's or a
respondent's name: focus groups keep counts, survey responses keep sex, age band and
settlement.

- ``needs_assessments``: one per district and period, with its methods.
- ``focus_groups``: date, settlement, moderator, participants counted by sex, age band
  and category (``counts`` JSON: {"sex": {...}, "age": {...}, "category": {...}}).
- ``survey_responses``: one respondent of an online or paper survey.
- ``problems``: the register; ``state``, ``channel``, ``due_on`` and ``answered_on`` are
  the current step's, kept on the problem so the list filters and sorts in SQL.
- ``problem_mentions``: how many raised a problem (a focus group's votes or one
  respondent's tick), by settlement, sex and age band: the ranking sums these.
- ``problem_steps``: the life cycle, each step with the record that carried it.
- ``problem_links``: the records a problem was raised at (consultation, agenda item,
  grant application, appeal).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.db.models import Base, SyncMixin


class NeedsAssessment(SyncMixin, Base):
    __tablename__ = "needs_assessments"
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    methods: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")


class FocusGroup(SyncMixin, Base):
    __tablename__ = "focus_groups"
    assessment_id: Mapped[str] = mapped_column(ForeignKey("needs_assessments.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    moderator: Mapped[str] = mapped_column(String(200), default="")
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    participants: Mapped[int] = mapped_column(Integer, default=0)


class SurveyResponse(SyncMixin, Base):
    __tablename__ = "survey_responses"
    assessment_id: Mapped[str] = mapped_column(ForeignKey("needs_assessments.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    sex: Mapped[str | None] = mapped_column(String(1))
    age_band: Mapped[str | None] = mapped_column(String(10))
    mode: Mapped[str] = mapped_column(String(10), default="paper")  # paper / online
    source: Mapped[str] = mapped_column(String(10), default="grid")  # grid / csv
    external_id: Mapped[str | None] = mapped_column(String(64))


class Problem(SyncMixin, Base):
    __tablename__ = "problems"
    title_kk: Mapped[str] = mapped_column(String(300))
    title_ru: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(40))
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"))
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    settlement_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    first_raised: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20), default="raised")
    channel: Mapped[str | None] = mapped_column(String(20))
    taken_up_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    raised_count: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_problems_list", "center_id", "deleted", "first_raised"),
        Index("ix_problems_state", "center_id", "deleted", "state", "first_raised"),
        Index("ix_problems_settlement", "settlement_id", "deleted"),
        Index("ix_problems_raised", "center_id", "deleted", "raised_count"),
    )


class ProblemMention(SyncMixin, Base):
    __tablename__ = "problem_mentions"
    problem_id: Mapped[str] = mapped_column(ForeignKey("problems.id"), index=True)
    focus_group_id: Mapped[str | None] = mapped_column(ForeignKey("focus_groups.id"),
                                                       index=True)
    response_id: Mapped[str | None] = mapped_column(ForeignKey("survey_responses.id"),
                                                    index=True)
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    sex: Mapped[str | None] = mapped_column(String(1))
    age_band: Mapped[str | None] = mapped_column(String(10))
    count: Mapped[int] = mapped_column(Integer, default=1)


class ProblemStep(SyncMixin, Base):
    __tablename__ = "problem_steps"
    problem_id: Mapped[str] = mapped_column(ForeignKey("problems.id"), index=True)
    state: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str | None] = mapped_column(String(20))
    record_kind: Mapped[str | None] = mapped_column(String(20))
    record_id: Mapped[str | None] = mapped_column(String(36))
    reference: Mapped[str] = mapped_column(String(100), default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    extended_to: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class ProblemLink(SyncMixin, Base):
    __tablename__ = "problem_links"
    problem_id: Mapped[str] = mapped_column(ForeignKey("problems.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36))
    linked_on: Mapped[date] = mapped_column(Date)

    __table_args__ = (Index("ix_problem_links_record", "kind", "record_id"),)


PROBLEM_MODELS: tuple[type[SyncMixin], ...] = (
    NeedsAssessment, FocusGroup, SurveyResponse, Problem, ProblemMention, ProblemStep,
    ProblemLink,
)
PROBLEM_TABLES: tuple[str, ...] = tuple(m.__tablename__ for m in PROBLEM_MODELS)
