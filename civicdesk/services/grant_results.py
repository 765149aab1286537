"""Grant indicators added up: baseline, target and actual summed per call and per region
where the units agree (an indicator's unit compared without case or spaces), with the
count of indicators that have no unit and so cannot be summed with anything."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from civicdesk.db.models import GrantApplication, GrantCall, GrantIndicator
from civicdesk.services.base import Context
from civicdesk.services.reports import FUNDED_STATUSES

__all__ = ["IndicatorSum", "grant_indicator_sums"]


@dataclass(frozen=True)
class IndicatorSum:
    group: str  # a call id or a region's KATO code
    unit: str
    indicators: int
    baseline: Decimal
    target: Decimal
    actual: Decimal


def _unit(text: str) -> str:
    return " ".join(text.lower().replace(".", "").split())


def grant_indicator_sums(ctx: Context, by: str = "region") -> list[IndicatorSum]:
    """Sums over the indicators of funded applications, grouped ``by`` "call" or
    "region" and by unit; indicators without a unit are left out (they cannot be summed).
    Head office sees every center's; a center its own."""
    stmt = (select(GrantCall.id, GrantCall.region_kato, GrantIndicator.unit,
                   GrantIndicator.baseline, GrantIndicator.target, GrantIndicator.actual)
            .join(GrantApplication, GrantApplication.id == GrantIndicator.application_id)
            .join(GrantCall, GrantCall.id == GrantApplication.call_id)
            .where(GrantIndicator.deleted.is_(False), GrantApplication.deleted.is_(False),
                   GrantApplication.status.in_([s.value for s in FUNDED_STATUSES])))
    if not ctx.actor.is_head_office:
        stmt = stmt.where(GrantApplication.center_id == ctx.actor.center_id)
    sums: dict[tuple[str, str], list[Decimal]] = defaultdict(
        lambda: [Decimal(0), Decimal(0), Decimal(0), Decimal(0)])
    with ctx.db.session() as s:
        for call_id, region, unit, baseline, target, actual in s.execute(stmt):
            key_unit = _unit(unit or "")
            if not key_unit:
                continue
            acc = sums[(call_id if by == "call" else region, key_unit)]
            acc[0] += 1
            acc[1] += baseline or 0
            acc[2] += target or 0
            acc[3] += actual or 0
    return [IndicatorSum(group, unit, int(v[0]), v[1], v[2], v[3])
            for (group, unit), v in sorted(sums.items())]
