"""Tables of measured booklet campaigns: the campaign, its survey waves, answered sheets.

Import these through ``civicdesk.db.models`` (which imports this module after ``Base``
exists and lists the tables in ``SYNCED_MODELS``); all three are center-owned and sync
like the rest.

- ``campaigns``: a booklet edition handed out in settlements, with its questionnaire
  (3-8 bilingual knowledge questions as JSON, see ``civicdesk.domain.awareness``) and
  the number of correct answers that counts as "knows" (null = all of them). Its print
  runs and distributions are those of the booklet (``print_runs``, ``distributions``).
- ``survey_waves``: baseline before distribution, endline after (two or more waves).
- ``survey_sheets``: one respondent's answers, no name: sex, age band, settlement and
  the chosen options per question (JSON list of lists of option numbers), so a sheet
  is one synced row however many questions it has.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.db.models import Base, SyncMixin


class Campaign(SyncMixin, Base):
    __tablename__ = "campaigns"
    title_kk: Mapped[str] = mapped_column(String(300))
    title_ru: Mapped[str] = mapped_column(String(300))
    booklet_id: Mapped[str | None] = mapped_column(ForeignKey("booklets.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    knows_threshold: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class SurveyWave(SyncMixin, Base):
    __tablename__ = "survey_waves"
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    number: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class SurveySheet(SyncMixin, Base):
    __tablename__ = "survey_sheets"
    wave_id: Mapped[str] = mapped_column(ForeignKey("survey_waves.id"))
    number: Mapped[int] = mapped_column(Integer)
    sex: Mapped[str | None] = mapped_column(String(1))
    age_band: Mapped[str | None] = mapped_column(String(10))
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlements.id"))
    answers: Mapped[list[list[int]]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(10), default="grid")
    external_id: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_survey_sheets_wave", "wave_id", "deleted", "number"),
        Index("ix_survey_sheets_external", "wave_id", "external_id"),
    )


CAMPAIGN_MODELS: tuple[type[SyncMixin], ...] = (Campaign, SurveyWave, SurveySheet)
