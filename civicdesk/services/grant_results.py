"""Grant results added up: indicators' baseline, target and actual summed per call and per
region where the units agree (an indicator's unit compared without case or spaces;
indicators without a unit cannot be summed with anything), and beneficiaries by sex, age
group, youth and disability summed per call, region and programme."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, select

from civicdesk.db.models import GrantApplication, GrantCall, GrantIndicator, Programme
from civicdesk.domain.beneficiaries import COLUMNS as BENEFICIARY_COLUMNS
from civicdesk.domain.beneficiaries import Breakdown
from civicdesk.services.base import Context
from civicdesk.services.reports import FUNDED_STATUSES

__all__ = ["BeneficiarySum", "IndicatorSum", "beneficiary_sums", "grant_indicator_sums"]


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


@dataclass(frozen=True)
class BeneficiarySum:
    """Beneficiaries of funded applications added up (counts only, no names)."""

    group: str  # a call id, a region's KATO code or a programme id
    applications: int
    total: int
    breakdown: Breakdown


def _beneficiary_columns() -> list[Any]:
    return [func.count(GrantApplication.id),
            func.coalesce(func.sum(GrantApplication.beneficiaries), 0),
            *[func.coalesce(func.sum(getattr(GrantApplication, col)), 0)
              for col in BENEFICIARY_COLUMNS.values()]]


def _beneficiary_sum(group: str, row: Sequence[Any]) -> BeneficiarySum:
    counts = [int(x or 0) for x in row]
    return BeneficiarySum(group, counts[0], counts[1],
                          Breakdown(**dict(zip(BENEFICIARY_COLUMNS, counts[2:], strict=True))))


def beneficiary_sums(ctx: Context, by: str = "region") -> list[BeneficiarySum]:
    """Beneficiaries of funded applications summed in SQL, grouped ``by`` "call",
    "region" or "programme" (a programme sums the funded applications of calls in its
    regions awarded within its period). Head office sees every center's; a center its own.
    """
    where: list[ColumnElement[bool]] = [GrantApplication.deleted.is_(False),
             GrantApplication.status.in_([s.value for s in FUNDED_STATUSES])]
    if not ctx.actor.is_head_office:
        where.append(GrantApplication.center_id == ctx.actor.center_id)
    base = select(*_beneficiary_columns()).select_from(GrantApplication).join(
        GrantCall, GrantCall.id == GrantApplication.call_id).where(*where)
    with ctx.db.session() as s:
        if by == "programme":
            out = []
            for p in s.scalars(select(Programme).where(Programme.deleted.is_(False))
                               .order_by(Programme.starts_on, Programme.id)):
                row = s.execute(base.where(
                    GrantCall.region_kato.in_(list(p.regions or [])),
                    GrantApplication.awarded_on >= p.starts_on,
                    GrantApplication.awarded_on <= p.ends_on)).one()
                if row[0]:
                    out.append(_beneficiary_sum(p.id, row))
            return out
        key = GrantCall.id if by == "call" else GrantCall.region_kato
        rows = s.execute(base.add_columns(key).group_by(key).order_by(key)).all()
    return [_beneficiary_sum(str(r[-1]), r[:-1]) for r in rows]
