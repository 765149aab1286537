"""The problems register on a map without a network: settlements' coordinates, a GeoJSON
export for head office's GIS (one point per settlement with its problems' counts and
states; nothing about a person; the outlines of their districts where the shipped map
reference has them), and a district's printed priority list with a poster.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from civicdesk.db.models import Center, District, Problem, ProblemMention, Settlement
from civicdesk.domain.errors import Message, UserError, ValidationError
from civicdesk.domain.geography import OUTLINE_CREDIT, PLACES_CREDIT, load_map_data
from civicdesk.domain.problems import STATE_NAMES, ProblemState
from civicdesk.domain.workdays import is_overdue
from civicdesk.printing.common import Output, write_output
from civicdesk.printing.priority_list import MapPoint, PriorityItem, PriorityList
from civicdesk.services.base import Context, audit, get_live, record_change, snapshot, stamp_update

LAT_RANGE = (40.0, 56.0)  # Kazakhstan lies within these, with a margin
LON_RANGE = (46.0, 88.0)

BAD_COORDINATES = Message(
    kk="Координаттар Қазақстан аумағынан тыс: ендік {lat_min}–{lat_max}, бойлық "
    "{lon_min}–{lon_max} градус болуы керек.",
    ru="Координаты вне территории Казахстана: широта должна быть {lat_min}–{lat_max}, "
    "долгота {lon_min}–{lon_max} градусов.",
)
NOT_YOURS = Message(
    kk="Бұл елді мекен бас кеңсенің анықтамалығынан: координаттарын бас кеңсе енгізеді.",
    ru="Этот населённый пункт из справочника головного офиса: его координаты вносит "
    "головной офис.",
)
NO_DISTRICT = Message(kk="(аудан көрсетілмеген)", ru="(район не указан)")


def set_coordinates(ctx: Context, settlement_id: str, latitude: float | None,
                    longitude: float | None) -> None:
    """Enter (or clear, with None) a settlement's coordinates in WGS 84 degrees.

    A center enters them for its own settlements; head office for any (they sync to
    every center with the reference data)."""
    if (latitude is None) != (longitude is None) or (latitude is not None and not (
            LAT_RANGE[0] <= latitude <= LAT_RANGE[1]
            and LON_RANGE[0] <= (longitude or 0.0) <= LON_RANGE[1])):
        raise ValidationError("settlement.coordinates", BAD_COORDINATES, field="latitude",
                              lat_min=LAT_RANGE[0], lat_max=LAT_RANGE[1],
                              lon_min=LON_RANGE[0], lon_max=LON_RANGE[1])
    with ctx.db.session() as s:
        row = get_live(s, Settlement, settlement_id, ctx)
        if row.center_id != ctx.actor.center_id and not ctx.actor.is_head_office:
            raise UserError("settlement.not_yours", NOT_YOURS)
        before = snapshot(row)
        row.latitude, row.longitude = latitude, longitude
        stamp_update(ctx, row)
        record_change(ctx, s, "settlement", row, before)


@dataclass
class _Place:
    id: str
    kato: str | None
    name_kk: str
    name_ru: str
    district_id: str | None
    lat: float | None
    lon: float | None
    raised: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)


def _settlements_of(p: Problem) -> list[str]:
    ids = list(p.settlement_ids or ([p.settlement_id] if p.settlement_id else []))
    return list(dict.fromkeys(ids))


def _places(ctx: Context, district_id: str | None = None) -> dict[str, _Place]:
    """Every settlement with at least one live problem, with its problems."""
    today = ctx.today()
    with ctx.db.session() as s:
        stmt = select(Problem).where(Problem.deleted.is_(False))
        if not ctx.actor.is_head_office:
            stmt = stmt.where(Problem.center_id == ctx.actor.center_id)
        problems = list(s.scalars(stmt))
        raised = {(pid, sid): int(n) for pid, sid, n in s.execute(
            select(ProblemMention.problem_id, ProblemMention.settlement_id,
                   func.sum(ProblemMention.count))
            .where(ProblemMention.deleted.is_(False))
            .group_by(ProblemMention.problem_id, ProblemMention.settlement_id))}
        ids = {sid for p in problems for sid in _settlements_of(p)}
        places = {
            x.id: _Place(x.id, x.kato, x.name_kk, x.name_ru, x.district_id, x.latitude,
                         x.longitude)
            for x in s.scalars(select(Settlement).where(Settlement.id.in_(ids)))
        }
    for p in problems:
        for sid in _settlements_of(p):
            place = places.get(sid)
            if place is None or (district_id and district_id not in (place.district_id,
                                                                     p.district_id)):
                continue
            n = raised.get((p.id, sid), 0)
            place.raised += n
            place.problems.append({
                "id": p.id, "title_kk": p.title_kk, "title_ru": p.title_ru,
                "category": p.category, "state": p.state, "raised": n,
                "raised_total": p.raised_count, "first_raised": p.first_raised.isoformat(),
                "due_on": p.due_on.isoformat() if p.due_on else None,
                "overdue": is_overdue(p.due_on, p.answered_on, today),
            })
    return {k: v for k, v in places.items() if v.problems}


def _outline_features(ctx: Context, district_ids: set[str]) -> list[dict[str, Any]]:
    """A MultiPolygon feature per district whose outline is shipped (counter-clockwise
    outer rings, as RFC 7946 asks; each ring closed)."""
    if not district_ids:
        return []
    data = load_map_data()
    with ctx.db.session() as s:
        rows = [(d.id, d.kato, d.name_kk, d.name_ru) for d in s.scalars(
            select(District).where(District.id.in_(district_ids)))]
    features = []
    for did, kato, name_kk, name_ru in sorted(rows, key=lambda r: r[1] or ""):
        rings = data.outline(kato)
        if not rings:
            continue
        polygons = []
        for ring in rings:
            coords = [[round(lon, 4), round(lat, 4)] for lat, lon in ring]
            if coords[0] != coords[-1]:
                coords.append(coords[0])
            if _signed_area(coords) < 0:
                coords.reverse()
            polygons.append([coords])
        features.append({
            "type": "Feature", "id": f"district-{kato}",
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            "properties": {"kind": "district_outline", "district_id": did, "kato": kato,
                           "name_kk": name_kk, "name_ru": name_ru,
                           "source": data.sources.get("outlines", "")},
        })
    return features


def _signed_area(coords: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(coords)) / 2


def geojson(ctx: Context, district_id: str | None = None) -> dict[str, Any]:
    """The register as a GeoJSON FeatureCollection (RFC 7946: [longitude, latitude]);
    a settlement without coordinates is a feature with a null geometry. The settlements'
    districts follow as outline features (``kind`` tells the two apart)."""
    features = []
    places = _places(ctx, district_id)
    for place in sorted(places.values(), key=lambda p: p.name_ru):
        states: dict[str, int] = defaultdict(int)
        for p in place.problems:
            states[p["state"]] += 1
        geometry = None if place.lat is None or place.lon is None else {
            "type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]}
        features.append({
            "type": "Feature", "id": place.id, "geometry": geometry,
            "properties": {
                "kind": "settlement", "settlement_id": place.id, "kato": place.kato, "name_kk": place.name_kk,
                "name_ru": place.name_ru, "district_id": place.district_id,
                "problems": len(place.problems), "raised": place.raised,
                "open": sum(1 for p in place.problems if p["state"] != "resolved"),
                "overdue": sum(1 for p in place.problems if p["overdue"]),
                "states": {s.value: states.get(s.value, 0) for s in ProblemState},
                "problem_list": place.problems,
            },
        })
    wanted = {district_id} if district_id else {
        p.district_id for p in places.values() if p.district_id}
    features += _outline_features(ctx, wanted)
    return {"type": "FeatureCollection", "features": features}


def export_geojson(ctx: Context, out: Path, district_id: str | None = None) -> int:
    """Write the GeoJSON file (audited as an export); returns the number of settlements."""
    data = geojson(ctx, district_id)
    write_output(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), out)
    settlements = sum(1 for f in data["features"]
                      if f["properties"].get("kind") == "settlement")
    with ctx.db.session() as s:
        audit(ctx, s, "export", "problems_geojson", None, None,
              {"file": out.name, "features": len(data["features"]),
               "settlements": settlements})
    return settlements


def priority_list(ctx: Context, district_id: str | None) -> PriorityList:
    """A district's problems ranked by how many raised them, with the map's points
    (without a district: the center's own)."""
    if district_id is None:
        with ctx.db.session() as s:
            own = s.get(Center, ctx.actor.center_id)
            district_id = own.district_id if own is not None else None
            if district_id is None:  # the district most of the center's problems are in
                district_id = s.scalar(
                    select(Problem.district_id).where(
                        Problem.center_id == ctx.actor.center_id, Problem.deleted.is_(False),
                        Problem.district_id.is_not(None))
                    .group_by(Problem.district_id).order_by(func.count().desc()).limit(1))
    places = _places(ctx, district_id)
    by_problem: dict[str, dict[str, Any]] = {}
    names: dict[str, list[Message]] = defaultdict(list)
    for place in sorted(places.values(), key=lambda p: p.name_kk):
        for p in place.problems:
            by_problem.setdefault(p["id"], p)
            names[p["id"]].append(Message(place.name_kk, place.name_ru))
    ordered = sorted(by_problem.values(), key=lambda p: (-p["raised_total"], p["title_kk"]))
    items, previous, place_no = [], None, 0
    for i, p in enumerate(ordered, start=1):
        if p["raised_total"] != previous:
            place_no, previous = i, p["raised_total"]
        items.append(PriorityItem(
            place_no, Message(p["title_kk"], p["title_ru"]),
            Message(", ".join(n.kk for n in names[p["id"]]),
                    ", ".join(n.ru for n in names[p["id"]])),
            p["raised_total"], STATE_NAMES[ProblemState(p["state"])], p["overdue"]))
    points = tuple(
        MapPoint(Message(x.name_kk, x.name_ru), x.lat, x.lon, x.raised,
                 sum(1 for p in x.problems if p["state"] != "resolved"), len(x.problems))
        for x in places.values() if x.lat is not None and x.lon is not None)
    unlocated = tuple(Message(x.name_kk, x.name_ru) for x in places.values()
                      if x.lat is None or x.lon is None)
    district = NO_DISTRICT
    center_name = Message("", "")
    kato = None
    with ctx.db.session() as s:
        d = s.get(District, district_id) if district_id else None
        if d is not None:
            district = Message(d.name_kk, d.name_ru)
            kato = d.kato
        c = s.get(Center, ctx.actor.center_id)
        if c is not None:
            center_name = Message(c.name_kk, c.name_ru)
    data = load_map_data()
    outline = data.outline(kato)
    shipped = {(p.lat, p.lon) for p in data.places}
    credits = ([OUTLINE_CREDIT] if outline else []) + (
        [PLACES_CREDIT] if any((x.lat, x.lon) in shipped for x in points) else [])
    credit = Message("; ".join(c[0] for c in credits),
                     "; ".join(c[1] for c in credits)) if credits else None
    return PriorityList(district, center_name, ctx.today(), tuple(items), points, unlocated,
                        outline, credit)


def write_priority_list(ctx: Context, district_id: str | None, out: Output) -> int:
    """Render the district's priority list and poster as PDF; returns the pages."""
    from civicdesk.printing.priority_list import render_priority_list

    return render_priority_list(priority_list(ctx, district_id), out)


def coordinates(ctx: Context, settlement_id: str) -> tuple[float | None, float | None]:
    """A settlement's (latitude, longitude), None where not entered."""
    with ctx.db.session() as s:
        row = get_live(s, Settlement, settlement_id, ctx)
        return row.latitude, row.longitude


def priority_job(ctx: Context, district_id: str | None) -> Any:
    """The priority list's data gathered, ready to render off the database thread."""
    from civicdesk.printing.priority_list import render_priority_list
    from civicdesk.services.printing import PrintJob

    return PrintJob(render_priority_list, {"data": priority_list(ctx, district_id)})
