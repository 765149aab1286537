"""Seminar series: seminars held as one plan (e.g. "16 one-day seminars in 8 regions"),
named in both languages, with their period, how many seminars are planned and, where
head office has defined programmes, the programme they serve.

A series belongs to the center that made it and syncs like its seminars. A seminar of a
series linked to one programme is not counted for another programme's targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.db.models import Programme, Seminar, SeminarSeries
from civicdesk.domain.collation import sorted_by_name
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    get_live,
    record_change,
    snapshot,
    stamp_new,
    stamp_update,
)

__all__ = ["SeriesInput", "SeriesView", "create_series", "list_series", "update_series"]

NAME_REQUIRED = Message(kk="Семинарлар топтамасының атауын екі тілде жазыңыз.",
                        ru="Укажите название серии семинаров на обоих языках.")
NAME_LONG = Message(kk="Атауы тым ұзын (ең көбі {max} таңба).",
                    ru="Название слишком длинное (не больше {max} знаков).")
DATES_ORDER = Message(kk="Аяқталу күні басталу күнінен ерте болмауы керек.",
                      ru="Дата окончания не может быть раньше даты начала.")
PLANNED = Message(kk="Жоспарланған семинарлар саны 0-ден {max}-ге дейін болуы керек.",
                  ru="Число запланированных семинаров должно быть от 0 до {max}.")
NOT_OWNER = Message(kk="Бұл топтаманы тек оны құрған орталық өзгерте алады.",
                    ru="Изменять эту серию может только центр, который её создал.")
MAX_PLANNED = 1000


@dataclass(frozen=True)
class SeriesInput:
    name_kk: str
    name_ru: str
    starts_on: date
    ends_on: date
    planned: int = 0
    programme_id: str | None = None


@dataclass(frozen=True)
class SeriesView:
    id: str
    center_id: str
    name_kk: str
    name_ru: str
    starts_on: date
    ends_on: date
    planned: int
    programme_id: str | None
    seminars: int  # live seminars of the series
    rev: int

    def name(self, lang: str) -> str:
        return self.name_kk if lang == "kk" else self.name_ru


def _apply(ctx: Context, s: Session, row: SeminarSeries, data: SeriesInput) -> None:
    c = Collector()
    kk, ru = normalize_kk(data.name_kk or ""), normalize_kk(data.name_ru or "")
    if not kk or not ru:
        c.add("series.name", NAME_REQUIRED, field="name")
    if max(len(kk), len(ru)) > 300:
        c.add("series.name_long", NAME_LONG, field="name", max=300)
    if data.ends_on < data.starts_on:
        c.add("series.dates", DATES_ORDER, field="ends_on")
    if isinstance(data.planned, bool) or not 0 <= data.planned <= MAX_PLANNED:
        c.add("series.planned", PLANNED, field="planned", max=MAX_PLANNED)
    if data.programme_id:
        c.attempt(partial(get_live, s, Programme, data.programme_id))
    c.raise_if_any()
    row.name_kk, row.name_ru = kk, ru
    row.starts_on, row.ends_on = data.starts_on, data.ends_on
    row.planned = data.planned
    row.programme_id = data.programme_id or None


def _view(s: Session, row: SeminarSeries) -> SeriesView:
    count = int(s.scalar(select(func.count()).select_from(Seminar).where(
        Seminar.series_id == row.id, Seminar.deleted.is_(False))) or 0)
    return SeriesView(row.id, row.center_id, row.name_kk, row.name_ru, row.starts_on,
                      row.ends_on, row.planned, row.programme_id, count, row.rev)


def create_series(ctx: Context, data: SeriesInput) -> SeriesView:
    with ctx.db.session() as s:
        row = SeminarSeries()
        _apply(ctx, s, row, data)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "seminar_series", row, None)
        return _view(s, row)


def update_series(ctx: Context, series_id: str, data: SeriesInput) -> SeriesView:
    with ctx.db.session() as s:
        row = get_live(s, SeminarSeries, series_id, ctx)
        if row.center_id != ctx.actor.center_id:
            raise UserError("access.denied", NOT_OWNER)
        before = snapshot(row)
        _apply(ctx, s, row, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "seminar_series", row, before)
        return _view(s, row)


def list_series(ctx: Context, lang: str = "kk") -> list[SeriesView]:
    """Every live series the actor sees (a center its own), in Kazakh or Russian
    alphabetical order of the name (a center has a handful, so sorted here)."""
    with ctx.db.session() as s:
        stmt = select(SeminarSeries).where(SeminarSeries.deleted.is_(False))
        if not ctx.actor.is_head_office:
            stmt = stmt.where(SeminarSeries.center_id == ctx.actor.center_id)
        views = [_view(s, r) for r in s.scalars(stmt)]
    return sorted_by_name(views, lambda v: v.name(lang))
