"""The shipped map reference: district outlines and places, the coordinate fill that never
overwrites entered coordinates, the poster's outline and the GeoJSON outline feature."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from civicdesk.db.models import District, Settlement
from civicdesk.domain.geography import fold_place_name, inside_outline, load_map_data
from civicdesk.services import reference
from civicdesk.services.base import Context
from civicdesk.services.map_reference import fill_coordinates
from civicdesk.services.problem_map import (
    coordinates,
    geojson,
    set_coordinates,
    write_priority_list,
)
from civicdesk.services.problems import ProblemInput, create_problem
from tests.services.test_problems import at

KZ_LAT, KZ_LON = (40.5, 55.5), (46.4, 87.4)  # Kazakhstan's extent


def _district(ctx: Context, kato: str) -> str:
    with ctx.db.session() as s:
        return str(s.scalar(select(District.id).where(District.kato == kato)))


def test_known_district_centres_lie_in_kazakhstan_and_in_their_own_district() -> None:
    data = load_map_data()
    assert len(data.outlines) >= 220
    for kato, village in (("1936", "Бақанас ауылы"), ("1942", "Ұзынағаш ауылы"),
                          ("1966", "село Чунджа"), ("1958", "Нарынқол ауылы")):
        centre = data.centres[kato]
        assert data.find(kato, village) == centre
        assert KZ_LAT[0] < centre.lat < KZ_LAT[1] and KZ_LON[0] < centre.lon < KZ_LON[1]
        assert inside_outline(centre.lat, centre.lon, data.outline(kato))
    bakanas = data.centres["1936"]
    assert not inside_outline(bakanas.lat, bakanas.lon, data.outline("1942"))
    # every shipped place lies in Kazakhstan, every outline too
    assert all(KZ_LAT[0] < p.lat < KZ_LAT[1] and KZ_LON[0] < p.lon < KZ_LON[1]
               for p in data.places)
    assert all(KZ_LAT[0] < lat < KZ_LAT[1] and KZ_LON[0] < lon < KZ_LON[1]
               for rings in data.outlines.values() for ring in rings for lat, lon in ring)


def test_names_match_only_in_their_own_district_and_only_when_single() -> None:
    data = load_map_data()
    assert fold_place_name("с.Баканас") == fold_place_name("Бақанас ауылы") == "баканас"
    assert data.find("1942", "Бақанас ауылы") is None  # another district
    assert data.find("1936", "Жоқауыл") is None
    assert data.find(None, "Бақанас ауылы") is None
    assert data.find("1936", "", "  ") is None


def test_fill_gives_coordinates_and_never_overwrites_entered_ones(ctx: Context) -> None:
    ctx = at(ctx)
    balkhash, zhambyl = _district(ctx, "1936"), _district(ctx, "1942")
    bakanas = reference.add_settlement(ctx, "Бақанас ауылы", "село Баканас",
                                       district_id=balkhash).id
    centre = load_map_data().centres["1936"]
    assert coordinates(ctx, bakanas) == (centre.lat, centre.lon)  # filled when added
    unknown = reference.add_settlement(ctx, "Жаңа ауыл", "Новое село", district_id=balkhash).id
    assert coordinates(ctx, unknown) == (None, None)
    entered = reference.add_settlement(ctx, "Ұзынағаш ауылы", "село Узынагаш",
                                       district_id=zhambyl).id
    set_coordinates(ctx, entered, 43.3, 76.4)  # the consultant's own reading
    set_coordinates(ctx, bakanas, None, None)  # cleared: the next fill may give them again
    summary = fill_coordinates(ctx)
    assert (summary.filled, summary.unmatched) == (1, 1)
    assert coordinates(ctx, entered) == (43.3, 76.4)
    assert coordinates(ctx, bakanas) == (centre.lat, centre.lon)
    assert reference.load_reference_data(ctx)["coordinates"] == 0
    assert coordinates(ctx, entered) == (43.3, 76.4)


def test_fill_leaves_other_centers_settlements_alone(ctx: Context,
                                                     other_center_ctx: Context) -> None:
    balkhash = _district(ctx, "1936")
    theirs = reference.add_settlement(other_center_ctx, "Бақанас", "Баканас").id
    with other_center_ctx.db.session() as s:
        row = s.get(Settlement, theirs)
        assert row is not None
        row.district_id = balkhash
    assert fill_coordinates(ctx).filled == 0
    assert fill_coordinates(other_center_ctx).filled == 1


def _register(ctx: Context) -> str:
    balkhash = _district(ctx, "1936")
    bakanas = reference.add_settlement(ctx, "Бақанас ауылы", "село Баканас",
                                       district_id=balkhash).id
    create_problem(ctx, ProblemInput("Су жоқ", "Нет воды", "water", [bakanas],
                                     date(2026, 9, 5)))
    return balkhash


def _path_ops(page: object) -> int:
    content = page.get_contents().get_data().decode("latin-1")  # type: ignore[attr-defined]
    return len(re.findall(r"[\d.\-]+ [\d.\-]+ l\b", content))


def test_poster_draws_the_district_outline_and_credits_its_sources(
        ctx: Context, tmp_path: Path) -> None:
    ctx = at(ctx)
    balkhash = _register(ctx)
    out = tmp_path / "priority.pdf"
    write_priority_list(ctx, balkhash, out)
    poster = PdfReader(str(out)).pages[1]
    rings = load_map_data().outline("1936")
    assert _path_ops(poster) >= sum(len(r) for r in rings) - len(rings)  # the outline
    text = poster.extract_text()
    assert "Бақанас ауылы" in text and "geokz" in text and "GeoNames" in text
    # a district without a shipped outline: no outline drawn nor credited; the point
    # from GeoNames still is
    with ctx.db.session() as s:
        d = s.get(District, balkhash)
        assert d is not None
        d.kato = "1999"
    write_priority_list(ctx, balkhash, out)
    poster = PdfReader(str(out)).pages[1]
    text = poster.extract_text()
    assert _path_ops(poster) < 10 and "geokz" not in text and "GeoNames" in text


def test_geojson_carries_the_outline_as_a_valid_multipolygon(ctx: Context) -> None:
    ctx = at(ctx)
    balkhash = _register(ctx)
    data = json.loads(json.dumps(geojson(ctx, balkhash)))
    points = [f for f in data["features"] if f["properties"]["kind"] == "settlement"]
    [outline] = [f for f in data["features"] if f["properties"]["kind"] == "district_outline"]
    assert outline["type"] == "Feature" and outline["properties"]["kato"] == "1936"
    geometry = outline["geometry"]
    assert geometry["type"] == "MultiPolygon" and geometry["coordinates"]
    for polygon in geometry["coordinates"]:
        for ring in polygon:
            assert len(ring) >= 4 and ring[0] == ring[-1]
            assert all(len(pos) == 2 and KZ_LON[0] < pos[0] < KZ_LON[1]
                       and KZ_LAT[0] < pos[1] < KZ_LAT[1] for pos in ring)
            area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))
            assert area > 0  # exterior rings counter-clockwise (RFC 7946 §3.1.6)
    [point] = points
    lon, lat = point["geometry"]["coordinates"]
    rings = tuple(tuple((y, x) for x, y in poly[0]) for poly in geometry["coordinates"])
    assert inside_outline(lat, lon, rings)
    # the whole register (no district given) carries the outlines of its settlements'
    assert [f["id"] for f in geojson(ctx)["features"]
            if f["properties"]["kind"] == "district_outline"] == ["district-1936"]


def test_demo_villages_are_spread_inside_their_district() -> None:
    from civicdesk.domain.geography import inside_outline
    from civicdesk.services.map_reference import district_outline
    from civicdesk.services.problems_demo import demo_spots

    outline = district_outline("1936")  # Balkhash district
    assert outline
    bakanas = (44.806, 76.275)
    spots = demo_spots(outline, [bakanas], 9)
    assert len(spots) == 9 and len(set(spots)) == 9
    assert all(inside_outline(lat, lon, outline) for lat, lon in spots)
    # apart from each other and from the located village: no two closer than 0.1°
    placed = [bakanas, *spots]
    assert min((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2
               for i, a in enumerate(placed) for b in placed[i + 1:]) > 0.01
    assert demo_spots((), [], 3) == []
