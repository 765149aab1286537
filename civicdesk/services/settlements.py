"""A settlement a center added, merged by head office into the official (KATO) one.

Head office marks the center's settlement ``merged_into`` the official one and retires
it; the mark reaches the center with the next sync (settlements are a table head office
may edit for every center). The center then moves its own records (residents,
consultations, meetings, grant applications, seminars, distributions) to the official
settlement itself, so those edits are the center's and sync as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from civicdesk.db.models import (
    Center,
    Consultation,
    Distribution,
    District,
    GrantApplication,
    Meeting,
    Resident,
    Seminar,
    Settlement,
)
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, ValidationError, ValidationErrors
from civicdesk.services.base import Context, audit, get_live, require_role, snapshot, stamp_update
from civicdesk.services.reference import Named

LINKED: tuple[Any, ...] = (Resident, Consultation, Meeting, GrantApplication, Seminar,
                           Distribution)

NOT_OFFICIAL = Message(
    kk="Біріктіретін елді мекен ресми болуы керек (ӘАОЖ коды бар).",
    ru="Объединять нужно с официальным населённым пунктом (с кодом КАТО).",
)
SAME = Message(
    kk="Елді мекенді өзімен біріктіруге болмайды.",
    ru="Населённый пункт нельзя объединить с самим собой.",
)


#: the most official settlements offered as a merge target at once (a region's list)
MAX_TARGETS = 5000


@dataclass(frozen=True)
class CenterSettlement:
    """A settlement a center added (no KATO code), as head office sees it."""

    id: str
    name_kk: str
    name_ru: str
    center_kk: str
    center_ru: str
    region_kato: str | None
    district_id: str | None
    district_kk: str | None
    district_ru: str | None
    #: residents, consultations, meetings, applications, seminars, distributions
    records: int


def center_settlements(ctx: Context) -> list[CenterSettlement]:
    """Head office: every live settlement a center added, in Kazakh alphabetical order,
    with the region and district it lies in and how many records name it."""
    require_role(ctx.actor, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        rows = s.execute(
            select(Settlement.id, Settlement.name_kk, Settlement.name_ru, Center.name_kk,
                   Center.name_ru, District.region_kato, Center.region_kato,
                   Settlement.district_id, District.name_kk, District.name_ru)
            .outerjoin(District, District.id == Settlement.district_id)
            .outerjoin(Center, Center.id == Settlement.center_id)
            .where(Settlement.kato.is_(None), Settlement.deleted.is_(False))
            .order_by(Settlement.sort_name, Settlement.name_kk, Settlement.id)
        ).all()
        counts: dict[str, int] = {}
        ids = [r[0] for r in rows]
        for model in LINKED:
            for sid, n in s.execute(
                select(model.settlement_id, func.count())
                .where(model.settlement_id.in_(ids), model.deleted.is_(False))
                .group_by(model.settlement_id)
            ):
                counts[sid] = counts.get(sid, 0) + int(n)
    return [
        CenterSettlement(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or r[6], r[7], r[8],
                         r[9], counts.get(r[0], 0))
        for r in rows
    ]


def merge_targets(
    ctx: Context, *, district_id: str | None = None, region_kato: str | None = None
) -> list[Named]:
    """Official settlements (with a KATO code) of the district, or else of the region,
    in Kazakh alphabetical order: what a center's own entry may be merged into."""
    require_role(ctx.actor, Role.HEAD_OFFICE)
    stmt = select(Settlement).where(Settlement.kato.is_not(None), Settlement.deleted.is_(False))
    if district_id:
        stmt = stmt.where(Settlement.district_id == district_id)
    elif region_kato:
        stmt = stmt.where(Settlement.kato.startswith(region_kato))
    with ctx.db.session() as s:
        return [
            Named(x.id, x.kato, x.name_kk, x.name_ru)
            for x in s.scalars(stmt.order_by(Settlement.sort_name, Settlement.name_kk)
                               .limit(MAX_TARGETS))
        ]


def merge_settlement(ctx: Context, own_id: str, official_id: str) -> None:
    """Head office: the center's ``own_id`` is the official ``official_id``."""
    require_role(ctx.actor, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        own = get_live(s, Settlement, own_id, ctx)
        official = get_live(s, Settlement, official_id, ctx)
        if own.id == official.id:
            raise ValidationErrors([ValidationError("settlement.merge_same", SAME,
                                                    field="settlement_id")])
        if not official.kato:
            raise ValidationErrors([ValidationError("settlement.merge_not_official",
                                                    NOT_OFFICIAL, field="settlement_id")])
        before = snapshot(own)
        own.merged_into = official.id
        own.deleted = True
        stamp_update(ctx, own)
        audit(ctx, s, "merge", "settlement", own.id, before, snapshot(own))
    # head office's own records (if any) move at once; centers move theirs on sync
    follow_merges(ctx)


def follow_merges(ctx: Context) -> int:
    """Move this center's records from merged settlements to the official ones.

    Returns how many records moved. Safe to run after every sync.
    """
    moved = 0
    with ctx.db.session() as s:
        merges = {sid: target for sid, target in s.execute(
            select(Settlement.id, Settlement.merged_into).where(
                Settlement.merged_into.is_not(None)))}
        if not merges:
            return 0
        for model in LINKED:
            rows = s.scalars(select(model).where(
                model.settlement_id.in_(list(merges)), model.center_id == ctx.actor.center_id))
            for row in rows:
                target = merges[row.settlement_id]
                seen = {row.settlement_id}
                while target in merges and target not in seen:  # merged twice
                    seen.add(target)
                    target = merges[target]
                row.settlement_id = target
                stamp_update(ctx, row)
                moved += 1
    return moved
