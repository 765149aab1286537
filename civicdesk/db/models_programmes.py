"""Programmes and targets, owned by head office and pulled by centers as reference data.

Import these through ``civicdesk.db.models`` (see ``models_campaigns``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.db.models import Base, SyncMixin
from civicdesk.db.types import quantity


class Programme(SyncMixin, Base):
    __tablename__ = "programmes"
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)  # KATO region codes


class ProgrammeTarget(SyncMixin, Base):
    __tablename__ = "programme_targets"
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    indicator: Mapped[str] = mapped_column(String(30))
    region_kato: Mapped[str | None] = mapped_column(String(2))
    quarter: Mapped[str | None] = mapped_column(String(6))  # "2025Q3"; null = whole period
    campaign_id: Mapped[str | None] = mapped_column(String(36))
    target: Mapped[Decimal] = mapped_column(quantity())


PROGRAMME_MODELS: tuple[type[SyncMixin], ...] = (Programme, ProgrammeTarget)
PROGRAMME_TABLES: frozenset[str] = frozenset({"programmes", "programme_targets"})
