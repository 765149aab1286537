"""Settlements' coordinates and districts' outlines from the shipped map reference
(``domain/geography.py``; sources in docs/sources.md).

Coordinates a person entered are never replaced: a settlement is filled only while both
its latitude and longitude are empty. A center fills its own settlements; head office
fills any (its classifier's settlements get theirs at ``civicdesk-server import-kato``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from civicdesk.db.models import District, Settlement
from civicdesk.domain.geography import MapData, load_map_data
from civicdesk.services.base import Context, record_change, snapshot, stamp_update

__all__ = ["FillSummary", "district_outline", "fill_coordinates"]


@dataclass(frozen=True)
class FillSummary:
    filled: int  # settlements that got coordinates now
    unmatched: int  # settlements still without coordinates (no single place of that name)


def district_outline(district_kato: str | None, data: MapData | None = None
                     ) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The district's outline rings as (lat, lon) pairs; empty where none is shipped."""
    return (data or load_map_data()).outline(district_kato)


def fill_coordinates(ctx: Context, settlement_ids: list[str] | None = None,
                     data: MapData | None = None) -> FillSummary:
    """Give the settlements without coordinates those of the shipped place that bears
    their name in their district (all the actor may edit, or only the ones given)."""
    data = data or load_map_data()
    if not data.places:
        return FillSummary(0, 0)
    filled = unmatched = 0
    with ctx.db.session() as s:
        stmt = (select(Settlement, District.kato)
                .join(District, District.id == Settlement.district_id)
                .where(Settlement.deleted.is_(False), Settlement.latitude.is_(None),
                       Settlement.longitude.is_(None)))
        if not ctx.actor.is_head_office:
            stmt = stmt.where(Settlement.center_id == ctx.actor.center_id)
        if settlement_ids is not None:
            stmt = stmt.where(Settlement.id.in_(settlement_ids))
        for row, kato in s.execute(stmt).all():
            place = data.find(kato, row.name_kk, row.name_ru)
            if place is None:
                unmatched += 1
                continue
            before = snapshot(row)
            row.latitude, row.longitude = place.lat, place.lon
            stamp_update(ctx, row)
            record_change(ctx, s, "settlement", row, before)
            filled += 1
    return FillSummary(filled, unmatched)
