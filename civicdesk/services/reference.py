"""Reference data: KATO regions, districts, rural districts, settlements, topics, acts.

Owned by head office; every node loads the same starting set from civicdesk/resources/reference
with deterministic ids (uuid5 of table and code) so that the copies pulled later from
the server are the same records, not duplicates. A center may add settlements.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from civicdesk.db.models import (
    District,
    LegalAct,
    Region,
    RuralDistrict,
    Settlement,
    Topic,
)
from civicdesk.domain.collation import sorted_by_name
from civicdesk.domain.errors import Lang, Message, ValidationError, ValidationErrors
from civicdesk.domain.kato import REFERENCE_OWNER, reference_id
from civicdesk.domain.text import normalize_kk
from civicdesk.paths import resources_dir
from civicdesk.services.base import Context, audit, get_live, snapshot, stamp_new

__all__ = [
    "KATO_TAKEN",
    "NAME_REQUIRED",
    "REFERENCE_OWNER",
    "Named",
    "add_settlement",
    "districts",
    "load_reference_data",
    "reference_id",
    "regions",
    "settlements",
    "topics",
]


@dataclass(frozen=True)
class Named:
    id: str
    code: str | None
    name_kk: str
    name_ru: str

    def name(self, lang: Lang) -> str:
        return self.name_kk if lang == "kk" else self.name_ru


def _load(name: str, folder: Path | None = None) -> list[dict[str, Any]]:
    path = (folder or resources_dir() / "reference") / f"{name}.json"
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def _upsert(ctx: Context, session: Any, model: Any, key: str, values: dict[str, Any]) -> bool:
    row_id = reference_id(model.__tablename__, key)
    row = session.get(model, row_id)
    if row is None:
        row = model(id=row_id, **values)
        stamp_new(ctx, row, center_id=REFERENCE_OWNER)
        session.add(row)
        return True
    return False


def load_reference_data(ctx: Context, folder: Path | None = None) -> dict[str, int]:
    """Insert the shipped reference data that is not there yet and give settlements
    without coordinates those of the shipped map reference; returns counts added."""
    added = {"regions": 0, "districts": 0, "rural_districts": 0, "topics": 0, "legal_acts": 0}
    with ctx.db.session() as s:
        for r in _load("regions", folder):
            added["regions"] += _upsert(
                ctx, s, Region, r["kato"],
                {"kato": r["kato"], "name_kk": r["kk"], "name_ru": r["ru"],
                 "kind": r.get("kind", "region")},
            )
        for d in _load("districts", folder):
            key = d.get("kato") or f"{d['region']}:{d['ru']}"
            added["districts"] += _upsert(
                ctx, s, District, key,
                {"kato": d.get("kato"), "region_kato": d["region"], "name_kk": d["kk"],
                 "name_ru": d["ru"]},
            )
        s.flush()
        districts_by_kato = {
            d.kato: d.id for d in s.scalars(select(District)) if d.kato is not None
        }
        for rd in _load("rural_districts", folder):
            district_id = districts_by_kato.get(rd.get("district") or "")
            if district_id is None:
                continue
            key = rd.get("kato") or f"{rd['district']}:{rd['ru']}"
            added["rural_districts"] += _upsert(
                ctx, s, RuralDistrict, key,
                {"kato": rd.get("kato"), "district_id": district_id, "name_kk": rd["kk"],
                 "name_ru": rd["ru"]},
            )
        for t in _load("topics", folder):
            added["topics"] += _upsert(
                ctx, s, Topic, t["code"],
                {"code": t["code"], "name_kk": t["kk"], "name_ru": t["ru"],
                 "position": int(t.get("order", 0))},
            )
        for a in _load("legal_acts", folder):
            adopted = a.get("date")
            added["legal_acts"] += _upsert(
                ctx, s, LegalAct, a["code"],
                {"code": a["code"], "title_kk": a["kk"], "title_ru": a["ru"],
                 "number": a.get("number"),
                 "adopted_on": date.fromisoformat(adopted) if adopted else None},
            )
    from civicdesk.services.map_reference import fill_coordinates

    added["coordinates"] = fill_coordinates(ctx).filled
    return added


def regions(ctx: Context) -> list[Named]:
    with ctx.db.session() as s:
        rows = s.scalars(select(Region).where(Region.deleted.is_(False)))
        return sorted_by_name((Named(r.id, r.kato, r.name_kk, r.name_ru) for r in rows),
                              lambda n: n.name_kk)


def districts(ctx: Context, region_kato: str | None = None) -> list[Named]:
    with ctx.db.session() as s:
        stmt = select(District).where(District.deleted.is_(False))
        if region_kato:
            stmt = stmt.where(District.region_kato == region_kato)
        return sorted_by_name(
            (Named(d.id, d.kato, d.name_kk, d.name_ru) for d in s.scalars(stmt)),
            lambda n: n.name_kk,
        )


def topics(ctx: Context) -> list[Named]:
    with ctx.db.session() as s:
        rows = s.scalars(
            select(Topic).where(Topic.deleted.is_(False), Topic.active.is_(True)).order_by(
                Topic.position
            )
        )
        return [Named(t.id, t.code, t.name_kk, t.name_ru) for t in rows]


def settlements(ctx: Context, district_id: str | None = None) -> list[Named]:
    with ctx.db.session() as s:
        stmt = select(Settlement).where(Settlement.deleted.is_(False))
        if district_id:
            stmt = stmt.where(Settlement.district_id == district_id)
        return [
            Named(x.id, x.kato, x.name_kk, x.name_ru)
            for x in s.scalars(stmt.order_by(Settlement.sort_name, Settlement.name_kk))
        ]


NAME_REQUIRED = Message(
    kk="Елді мекеннің атауын қазақша және орысша жазыңыз.",
    ru="Укажите название населённого пункта на казахском и русском языках.",
)
KATO_TAKEN = Message(
    kk="КАТО коды {kato} бар елді мекенге берілген.",
    ru="Код КАТО {kato} уже присвоен другому населённому пункту.",
)


def add_settlement(
    ctx: Context,
    name_kk: str,
    name_ru: str,
    *,
    district_id: str | None = None,
    kato: str | None = None,
    population: int | None = None,
) -> Named:
    """A center adds a village that the shipped classifier does not have."""
    from civicdesk.domain.kato import validate_kato

    errors: list[ValidationError] = []
    name_kk, name_ru = normalize_kk(name_kk), normalize_kk(name_ru)
    if not name_kk or not name_ru:
        errors.append(ValidationError("settlement.name_required", NAME_REQUIRED, field="name"))
    kato = (kato or "").strip() or None
    if kato is not None:
        try:
            validate_kato(kato)
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(list(errors))
    with ctx.db.session() as s:
        if kato and s.scalar(select(Settlement.id).where(Settlement.kato == kato)):
            raise ValidationErrors(
                [ValidationError("settlement.kato_taken", KATO_TAKEN, field="kato", kato=kato)]
            )
        if district_id:
            get_live(s, District, district_id)
        row = Settlement(
            name_kk=name_kk, name_ru=name_ru, district_id=district_id, kato=kato,
            population=population,
        )
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        audit(ctx, s, "create", "settlement", row.id, None, snapshot(row))
        named = Named(row.id, row.kato, row.name_kk, row.name_ru)
    if district_id:  # coordinates from the shipped map reference, where it knows the place
        from civicdesk.services.map_reference import fill_coordinates

        fill_coordinates(ctx, [named.id])
    return named
