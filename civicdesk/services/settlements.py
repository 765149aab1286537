"""A settlement a center added, merged by head office into the official (KATO) one.

Head office marks the center's settlement ``merged_into`` the official one and retires
it; the mark reaches the center with the next sync (settlements are a table head office
may edit for every center). The center then moves its own records (residents,
consultations, meetings, grant applications, seminars, distributions) to the official
settlement itself, so those edits are the center's and sync as usual.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from civicdesk.db.models import (
    Consultation,
    Distribution,
    GrantApplication,
    Meeting,
    Resident,
    Seminar,
    Settlement,
)
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, ValidationError, ValidationErrors
from civicdesk.services.base import Context, audit, get_live, require_role, snapshot, stamp_update

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
